/* "My progress" (docs/study/progress.md): pages read, flashcards due, quiz results over
   time, all from the store; the list of pages and quiz titles from study/practice/
   progress.json (macros/hooks/practice.py). The same progress file as everywhere. */
(function () {
  "use strict";
  var P = window.GuidePractice, R = window.GuideRounds;

  P.load(function (data, base) {
    var $ = function (id) { return document.getElementById(id); };
    function el(tag, text, className) {
      var e = document.createElement(tag);
      if (text) e.textContent = text;
      if (className) e.className = className;
      return e;
    }
    function day(t) { return new Date(t).toLocaleDateString(); }
    function pages() {
      var read = P.store.data.read, list = $("read-list"), n = 0;
      list.textContent = "";
      data.pages.forEach(function (page) {
        var li = el("li"), done = read[page.url];
        if (done) n++;
        li.appendChild(el("span", done ? "✓ Read " + day(done) + ": " : "Not yet: ", done ? "guide-read-yes" : "guide-read-no"));
        li.appendChild(P.link(base, { href: page.url, text: page.title }));
        list.appendChild(li);
      });
      $("read-count").textContent = "You have marked " + n + " of " + data.pages.length + " source and theme pages read" +
        (n ? "." : ": tick “I have read this page” at the end of a page.");
    }
    function cards() {
      var records = P.store.data.cards, ids = Object.keys(records), now = Date.now();
      var due = ids.filter(function (id) { return records[id].due <= now; }).length;
      var today = ids.filter(function (id) { return records[id].last >= new Date().setHours(0, 0, 0, 0); }).length;
      $("cards-line").textContent = ids.length
        ? "You have studied " + ids.length + " of " + data.cards + " cards; " + due + " due now; " + today + " reviewed today."
        : "You have not studied any flashcards yet.";
    }
    function quizzes() {
      var results = P.store.data.quiz, body = $("quiz-table").querySelector("tbody"), ids = Object.keys(results);
      body.textContent = "";
      ids.forEach(function (id) {
        var s = R.stats(results[id]);
        if (!s) return;
        var tr = el("tr");
        [data.quizzes[id] || id, String(s.rounds), R.percent(s.last) + " (" + day(s.last.at) + ")", R.percent(s.best),
         results[id].slice(-8).map(R.percent).join(" → ")].forEach(function (text, i) {
          var td = el("td", text);
          td.dataset.label = ["Quiz", "Rounds", "Last", "Best", "Over time"][i];
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      $("quiz-table").hidden = !body.children.length;
      $("quiz-none").hidden = !!body.children.length;
    }
    function all() { pages(); cards(); quizzes(); }
    P.progressFile($("progress-status"), all);
    all();
    $("progress-app").hidden = false;
  });
})();
