/* Scored multiple-choice quizzes (docs/study/quiz.md). Questions come in the order
   studyguide.practice.quiz gave them (shuffled with a fixed seed); each answer shows
   why, with a link to the excerpt or glossary entry that settles it. */
(function () {
  "use strict";
  var P = window.GuidePractice;

  P.load(function (data, base) {
    var $ = function (id) { return document.getElementById(id); };
    var byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    var setup = $("quiz-setup"), choice = $("quiz-choice"), length = $("quiz-length");
    var box = $("quiz-question"), progress = $("quiz-progress"), prompt = $("quiz-prompt");
    var options = $("quiz-options"), feedback = $("quiz-feedback"), next = $("quiz-next");
    var result = $("quiz-result"), round = [], at = 0, missed = [];

    data.quizzes.forEach(function (quiz) {
      var o = document.createElement("option");
      o.value = quiz.id;
      o.textContent = quiz.title + " (" + quiz.questions.length + ")";
      choice.appendChild(o);
    });

    function start(ids) {
      round = ids; at = 0; missed = [];
      setup.hidden = true; result.hidden = true; box.hidden = false;
      ask();
    }
    function ask() {
      var q = byId[round[at]];
      progress.textContent = "Question " + (at + 1) + " of " + round.length;
      prompt.textContent = ""; options.textContent = ""; feedback.textContent = "";
      next.hidden = true;
      P.segments(prompt, q.prompt);
      q.options.forEach(function (segs, i) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "md-button practice-option";
        b.dataset.index = i;
        P.segments(b, segs);
        options.appendChild(b);
      });
      progress.focus();
    }
    function answer(i) {
      var q = byId[round[at]], right = i === q.answer;
      if (!right) missed.push(q.id);
      options.querySelectorAll("button").forEach(function (b, j) {
        b.disabled = true;
        if (j === q.answer) { b.classList.add("practice-option--right"); b.insertBefore(document.createTextNode("✓ "), b.firstChild); }
        else if (j === i) { b.classList.add("practice-option--wrong"); b.insertBefore(document.createTextNode("✗ "), b.firstChild); }
      });
      var verdict = document.createElement("p");
      verdict.appendChild(document.createElement("strong")).textContent = right ? "Right." : "Not quite.";
      if (!right) {
        verdict.appendChild(document.createTextNode(" The answer is: "));
        P.segments(verdict, q.options[q.answer]);
        verdict.appendChild(document.createTextNode("."));
      }
      var why = document.createElement("p");
      why.textContent = q.why + " See ";
      why.appendChild(P.link(base, q.link));
      why.appendChild(document.createTextNode("."));
      feedback.appendChild(verdict); feedback.appendChild(why);
      next.textContent = at + 1 < round.length ? "Next question" : "See your score";
      next.hidden = false;
      next.focus();
    }
    function finish() {
      box.hidden = true; result.hidden = false;
      var score = round.length - missed.length;
      $("quiz-score").textContent = "You scored " + score + " out of " + round.length + ".";
      var list = $("quiz-missed");
      list.textContent = "";
      missed.forEach(function (id) {
        var q = byId[id], li = document.createElement("li");
        P.segments(li, q.prompt);
        li.appendChild(document.createTextNode(" — "));
        P.segments(li, q.options[q.answer]);
        li.appendChild(document.createTextNode(" ("));
        li.appendChild(P.link(base, q.link));
        li.appendChild(document.createTextNode(")"));
        list.appendChild(li);
      });
      $("quiz-missed-heading").hidden = !missed.length;
      $("quiz-retry").hidden = !missed.length;
      $("quiz-result-heading").focus();
    }

    [progress, $("quiz-result-heading")].forEach(function (h) { h.tabIndex = -1; });
    setup.addEventListener("submit", function (e) {
      e.preventDefault();
      var quiz = data.quizzes.filter(function (z) { return z.id === choice.value; })[0];
      var n = Number(length.value);
      start(n ? quiz.questions.slice(0, n) : quiz.questions.slice());
    });
    options.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (b && !b.disabled) answer(Number(b.dataset.index));
    });
    next.addEventListener("click", function () {
      at += 1;
      if (at < round.length) ask(); else finish();
    });
    $("quiz-retry").addEventListener("click", function () { start(missed.slice()); });
    $("quiz-restart").addEventListener("click", function () {
      result.hidden = true; setup.hidden = false; choice.focus();
    });
    $("quiz-app").hidden = false;
  });
})();
