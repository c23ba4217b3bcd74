/* Flashcards with spaced repetition (docs/study/flashcards.md).

   Scheduler: SM-2, as published by P. A. Woźniak, "Optimization of learning" (1990),
   https://super-memory.com/english/ol/sm2.htm. Grades 1-4 map to SM-2 qualities
   1, 3, 4, 5; a quality below 3 restarts the card's repetitions and shows it again in
   ten minutes (SM-2 repeats failed items within the session). Progress lives in
   localStorage under STORE, and can be exported to a JSON file and imported back. */
(function () {
  "use strict";
  var P = window.GuidePractice;
  var STORE = "guide-practice-cards-v1";
  var DAY = 86400000, RELEARN = 600000;
  var QUALITY = { 1: 1, 2: 3, 3: 4, 4: 5 };
  var NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

  function readStore() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE));
      if (s && s.version === 1 && s.cards) return s;
    } catch (e) { /* a damaged entry starts afresh */ }
    return { version: 1, cards: {} };
  }
  function writeStore(s) { localStorage.setItem(STORE, JSON.stringify(s)); }

  /* SM-2: one review of a card with quality q (0-5). */
  function review(state, q, now) {
    var s = state || { ef: 2.5, reps: 0, interval: 0 };
    var ef = Math.max(1.3, s.ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
    var reps, interval, due;
    if (q < 3) { reps = 0; interval = 0; due = now + RELEARN; }
    else {
      reps = s.reps + 1;
      interval = reps === 1 ? 1 : reps === 2 ? 6 : Math.round(s.interval * ef);
      due = now + interval * DAY;
    }
    return { ef: Math.round(ef * 1000) / 1000, reps: reps, interval: interval, due: due, last: now };
  }

  P.load(function (data, base) {
    var $ = function (id) { return document.getElementById(id); };
    var app = $("cards-app"), kind = $("deck-kind"), name = $("deck-name");
    var front = $("card-front"), back = $("card-back"), flip = $("card-flip");
    var grades = $("card-grades"), status = $("card-status"), counts = $("deck-counts");
    var store = readStore(), current = null;

    function deck() {
      if (kind.value === "all") return data.cards;
      return data.cards.filter(function (c) { return c.tags[kind.value].indexOf(name.value) >= 0; });
    }
    function split(cards, now) {
      var due = [], fresh = [], later = 0;
      cards.forEach(function (c) {
        var s = store.cards[c.id];
        if (!s) fresh.push(c); else if (s.due <= now) due.push(c); else later++;
      });
      due.sort(function (a, b) { return store.cards[a.id].due - store.cards[b.id].due; });
      return { due: due, fresh: fresh, later: later };
    }
    function fillNames() {
      name.textContent = "";
      var labels = data.decks[kind.value] || {};
      Object.keys(labels).forEach(function (k) {
        var n = data.cards.filter(function (c) { return c.tags[kind.value].indexOf(k) >= 0; }).length;
        if (!n) return;
        var o = document.createElement("option");
        o.value = k; o.textContent = labels[k] + " (" + n + ")";
        name.appendChild(o);
      });
      name.disabled = kind.value === "all";
      if (name.disabled) {  // one deck: say so, rather than show an empty list
        var all = document.createElement("option");
        all.value = ""; all.textContent = "Every card (" + data.cards.length + ")";
        name.appendChild(all);
      }
    }
    function show() {
      var now = Date.now(), parts = split(deck(), now);
      counts.textContent = "Due now: " + parts.due.length + " · New: " + parts.fresh.length +
        " · Scheduled later: " + parts.later;
      current = parts.due[0] || parts.fresh[0] || null;
      front.textContent = ""; back.textContent = ""; back.hidden = true; grades.hidden = true;
      if (!current) {
        front.textContent = "Nothing due in this deck. Come back later, or choose another deck.";
        flip.hidden = true;
        return;
      }
      flip.hidden = false;
      P.segments(front, current.front).querySelectorAll("span").forEach(function (s) { s.className = "practice-line"; });
      P.segments(back, current.back).querySelectorAll("span").forEach(function (s) { s.className = "practice-line"; });
      var more = document.createElement("span");
      more.className = "practice-line";
      more.appendChild(document.createTextNode("Read more: "));
      more.appendChild(P.link(base, current.link));
      back.appendChild(more);
    }
    function turn() {
      if (!current || !back.hidden) return;
      back.hidden = false; grades.hidden = false; flip.hidden = true;
      status.textContent = "Answer shown. Grade it from 1 (again) to 4 (easy).";
      grades.querySelector("[data-grade='3']").focus();
    }
    function grade(g) {
      if (!current || back.hidden) return;
      var s = review(store.cards[current.id], QUALITY[g], Date.now());
      store.cards[current.id] = s;
      writeStore(store);
      var when = s.interval ? "in " + s.interval + (s.interval === 1 ? " day" : " days") : "in ten minutes";
      status.textContent = "Graded " + NAMES[g] + ". This card comes back " + when + ".";
      show();
      flip.focus();
    }

    kind.addEventListener("change", function () { fillNames(); show(); });
    name.addEventListener("change", show);
    flip.addEventListener("click", turn);
    grades.addEventListener("click", function (e) {
      var b = e.target.closest("[data-grade]");
      if (b) grade(Number(b.dataset.grade));
    });
    document.addEventListener("keydown", function (e) {
      if (P.typing(e) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === " " && !/^(BUTTON|A)$/.test(e.target.tagName)) { e.preventDefault(); turn(); }
      else if (/^[1-4]$/.test(e.key) && !back.hidden) { e.preventDefault(); grade(Number(e.key)); }
    });
    $("progress-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(store, null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "guide-flashcards-progress.json";
      document.body.appendChild(a); a.click(); a.remove();
      status.textContent = "Progress exported (" + Object.keys(store.cards).length + " cards).";
    });
    $("progress-import").addEventListener("change", function (e) {
      var file = e.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var s = JSON.parse(text);
        if (!s || s.version !== 1 || typeof s.cards !== "object") throw new Error("not a progress file");
        store = s; writeStore(store); show();
        status.textContent = "Progress imported (" + Object.keys(store.cards).length + " cards).";
      }).catch(function (err) {
        status.textContent = "Could not import that file: " + err.message + ".";
      });
      e.target.value = "";
    });
    fillNames();
    show();
    app.hidden = false;
  });
})();
