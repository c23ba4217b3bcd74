/* Scored multiple-choice quizzes (docs/study/quiz.md). The round's rules are in
   practice-rounds.js; results are kept per quiz in the store. Each answer is marked in
   words and colour, with the explanation under the choice it explains (for a wrong
   argument option, its own reason) and a link to the passage that settles it. */
(function () {
  "use strict";
  var P = window.GuidePractice, R = window.GuideRounds;

  P.load(function (data, base) {
    var $ = function (id) { return document.getElementById(id); };
    var byId = {}, quizById = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    data.quizzes.forEach(function (z) { quizById[z.id] = z; });
    var setup = $("quiz-setup"), choice = $("quiz-choice"), length = $("quiz-length"), record = $("quiz-record");
    var box = $("quiz-question"), progress = $("quiz-progress"), prompt = $("quiz-prompt");
    var options = $("quiz-options"), feedback = $("quiz-feedback"), next = $("quiz-next");
    var result = $("quiz-result"), round = null, quizId = null, retry = false;
    var seed = Number(new URLSearchParams(location.search).get("seed"));
    var rand = R.random(seed || (Date.now() ^ Math.floor(Math.random() * 4294967296)));

    data.quizzes.forEach(function (quiz) {
      var o = document.createElement("option");
      o.value = quiz.id;
      o.textContent = quiz.title + " (" + quiz.questions.length + ")";
      choice.appendChild(o);
    });
    function describe(s) {
      if (!s) return "";
      var trend = { first: "", up: ", improving", down: ", lower than before", steady: ", steady" }[s.trend];
      return "Last " + R.percent(s.last) + ", best " + R.percent(s.best) + " over " + s.rounds +
        (s.rounds === 1 ? " round" : " rounds") + trend + ".";
    }
    function showRecord() {
      var s = R.stats(P.store.data.quiz[choice.value]);
      record.textContent = s ? "Your results in this quiz: " + describe(s) : "";
    }

    function start(ids, again) {
      retry = again;
      round = R.start(ids, byId, again ? 0 : Number(length.value), rand);
      setup.hidden = true; result.hidden = true; box.hidden = false;
      ask();
    }
    function ask() {
      var item = R.current(round);
      progress.textContent = "Question " + (round.at + 1) + " of " + round.items.length +
        (round.at >= round.size ? " (missed before, back again)" : "");
      prompt.textContent = ""; options.textContent = ""; feedback.textContent = "";
      next.hidden = true;
      P.segments(prompt, item.question.prompt);
      item.options.forEach(function (segs, i) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "md-button practice-option";
        b.dataset.index = i;
        P.segments(b, segs);
        options.appendChild(b);
      });
      progress.focus();
    }
    function note(after, className, label, text) {
      var p = document.createElement("p");
      p.className = "practice-note " + className;
      p.appendChild(document.createElement("strong")).textContent = label;
      p.appendChild(document.createTextNode(" " + text));
      after.after(p);
      return p;
    }
    function answer(pick) {
      var item = R.current(round), queued = !round.again[item.id], right = R.answer(round, pick), q = item.question;
      var buttons = options.querySelectorAll("button");
      buttons.forEach(function (b) { b.disabled = true; });
      var good = buttons[item.answer];
      good.classList.add("practice-option--right");
      good.insertBefore(Object.assign(document.createElement("strong"), { className: "practice-mark", textContent: "✓ Right answer: " }), good.firstChild);
      var why = note(good, "practice-note--why", "Why:", q.why);
      why.appendChild(document.createTextNode(" See "));
      why.appendChild(P.link(base, q.link));
      why.appendChild(document.createTextNode("."));
      if (!right) {
        var bad = buttons[pick];
        bad.classList.add("practice-option--wrong");
        bad.insertBefore(Object.assign(document.createElement("strong"), { className: "practice-mark", textContent: "✗ Your answer, wrong: " }), bad.firstChild);
        if (item.reasons[pick]) note(bad, "practice-note--wrong", "Why not:", item.reasons[pick]);
      }
      var verdict = document.createElement("p");
      verdict.appendChild(document.createElement("strong")).textContent = right ? "Right." : "Not quite.";
      if (!right) {
        verdict.appendChild(document.createTextNode(" The answer is: "));
        P.segments(verdict, item.options[item.answer]);
        verdict.appendChild(document.createTextNode(queued ? ". It comes back at the end of the round." : "."));
      }
      feedback.appendChild(verdict);
      next.textContent = round.at + 1 < round.items.length ? "Next question" : "See your score";
      next.hidden = false;
      next.focus();
    }
    function finish() {
      var s = R.score(round);
      box.hidden = true;
      if (!s.total) { setup.hidden = false; choice.focus(); return; }
      result.hidden = false;
      var text = "You scored " + s.score + " out of " + s.total + " at the first try.";
      if (!retry) {
        P.store.data.quiz[quizId] = R.keep(P.store.data.quiz[quizId], { at: Date.now(), score: s.score, total: s.total });
        P.save();
        text += " " + describe(R.stats(P.store.data.quiz[quizId]));
      }
      $("quiz-score").textContent = text;
      var list = $("quiz-missed");
      list.textContent = "";
      s.missed.forEach(function (id) {
        var q = byId[id], li = document.createElement("li");
        P.segments(li, q.prompt);
        li.appendChild(document.createTextNode(" — "));
        P.segments(li, q.options[q.answer]);
        li.appendChild(document.createTextNode(" ("));
        li.appendChild(P.link(base, q.link));
        li.appendChild(document.createTextNode(")"));
        list.appendChild(li);
      });
      $("quiz-missed-heading").hidden = !s.missed.length;
      $("quiz-retry").hidden = !s.missed.length;
      $("quiz-result-heading").focus();
      round.missed = s.missed;
    }

    [progress, $("quiz-result-heading")].forEach(function (h) { h.tabIndex = -1; });
    choice.addEventListener("change", showRecord);
    setup.addEventListener("submit", function (e) {
      e.preventDefault();
      quizId = choice.value;
      start(quizById[quizId].questions, false);
    });
    options.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (b && !b.disabled) answer(Number(b.dataset.index));
    });
    next.addEventListener("click", function () {
      if (R.advance(round)) ask(); else finish();
    });
    $("quiz-end").addEventListener("click", finish);
    $("quiz-retry").addEventListener("click", function () { start(round.missed.slice(), true); });
    $("quiz-again").addEventListener("click", function () { start(quizById[quizId].questions, false); });
    $("quiz-restart").addEventListener("click", function () {
      result.hidden = true; setup.hidden = false; showRecord(); choice.focus();
    });
    showRecord();
    $("quiz-app").hidden = false;
  });
})();
