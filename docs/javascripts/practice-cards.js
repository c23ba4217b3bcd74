/* Flashcards with spaced repetition (docs/study/flashcards.md): the queue and the
   intervals come from practice-schedule.js (FSRS), the progress from the store. */
(function () {
  "use strict";
  var P = window.GuidePractice, S = window.GuideSchedule;

  P.load(function (data, base) {
    var $ = function (id) { return document.getElementById(id); };
    var deckSelect = $("deck"), front = $("card-front"), back = $("card-back"), flip = $("card-flip");
    var grades = $("card-grades"), status = $("card-status"), counts = $("deck-counts");
    var summary = $("card-summary"), perDay = $("new-per-day");
    var current = null, previous = null, session = { 1: 0, 2: 0, 3: 0, 4: 0, fresh: 0 };
    var records = function () { return P.store.data.cards; };

    /* The deck menu: the starter deck first, then the reader's own, then every card, then by source, theme, category. */
    function option(parent, value, label, n) {
      var o = document.createElement("option");
      o.value = value; o.textContent = label + " (" + n + ")";
      parent.appendChild(o);
    }
    function fillDecks() {
      option(deckSelect, "core", "Core terms", data.cards.filter(function (c) { return c.core; }).length);
      option(deckSelect, "mine", "My cards", mineCards().length);
      option(deckSelect, "all", "All cards", data.cards.length);
      [["source", "By source"], ["theme", "By theme"], ["category", "By category"]].forEach(function (kind) {
        var group = document.createElement("optgroup"), labels = data.decks[kind[0]] || {};
        group.label = kind[1];
        Object.keys(labels).forEach(function (k) {
          var n = data.cards.filter(function (c) { return c.tags[kind[0]].indexOf(k) >= 0; }).length;
          if (n) option(group, kind[0] + ":" + k, labels[k], n);
        });
        deckSelect.appendChild(group);
      });
      deckSelect.value = P.store.data.settings.deck || "core";
      if (!deckSelect.value) deckSelect.value = "core";
    }
    /* The cards of the terms the reader added (a term page's "Add to my cards"): every card
       made from the term, its cloze cards too (their siblings name it). */
    function mineCards() {
      return data.cards.filter(function (c) {
        return c.siblings.some(function (s) { return s.indexOf("term:") === 0 && P.store.isMine(s.slice(5)); });
      });
    }
    function deck() {
      var v = deckSelect.value;
      if (v === "mine") return mineCards();
      if (v === "core") return data.cards.filter(function (c) { return c.core; });
      if (v === "all") return data.cards;
      var kind = v.split(":")[0], name = v.slice(kind.length + 1);
      return data.cards.filter(function (c) { return c.tags[kind].indexOf(name) >= 0; });
    }
    function lines(el, segs) { el.textContent = ""; P.segments(el, segs, "practice-line"); }
    function when(t, now) {
      var d = new Date(t), days = Math.round((S.dayStart(t) - S.dayStart(now)) / 86400000);
      if (days <= 0) return "in " + S.span(t - now);
      return days === 1 ? "tomorrow" : "in " + days + " days (" + d.toLocaleDateString() + ")";
    }
    function showSummary(cards, now) {
      var total = session[1] + session[2] + session[3] + session[4];
      var due = S.nextDue(cards, records());
      $("card-summary-text").textContent = total
        ? "You went through " + total + (total === 1 ? " card" : " cards") + ", " + session.fresh + " of them new: " +
          session[1] + " again, " + session[2] + " hard, " + session[3] + " good, " + session[4] + " easy."
        : "Nothing to review in this deck right now.";
      $("card-summary-next").textContent = due ? "The next card of this deck is due " + when(due, now) + "." : "";
      summary.hidden = false;
    }
    function show() {
      var now = Date.now(), cards = deck(), queue = S.plan(cards, records(), P.store.data.settings, now);
      // One line on a phone (two made the card jump down as the page loaded).
      counts.textContent = "Due " + queue.due.length + " · New " + queue.fresh.length + " of " + queue.newTotal +
        " · Later " + queue.later;
      current = S.next(queue, previous);
      back.hidden = true; grades.hidden = true; summary.hidden = true;
      if (!current) {
        front.textContent = "Done for now.";
        back.textContent = "";
        flip.hidden = true;
        showSummary(cards, now);
        return;
      }
      flip.hidden = false;
      lines(front, current.front);
      lines(back, current.back);
      var more = document.createElement("span");
      more.className = "practice-line";
      more.appendChild(document.createTextNode("Read more: "));
      more.appendChild(P.link(base, current.link));
      back.appendChild(more);
    }
    function turn() {
      if (!current || !back.hidden) return;
      var spans = S.preview(P.store.data.cards[current.id], Date.now());
      grades.querySelectorAll("[data-grade]").forEach(function (b) {
        b.querySelector(".practice-when").textContent = S.span(spans[b.dataset.grade]);
      });
      back.hidden = false; grades.hidden = false; flip.hidden = true;
      status.textContent = "Answer shown. Grade it from 1 (again) to 4 (easy); each button shows when the card comes back.";
      grades.querySelector("[data-grade='3']").focus();
    }
    function grade(g) {
      if (!current || back.hidden) return;
      var now = Date.now(), old = records()[current.id], next = S.grade(old, g, now);
      records()[current.id] = next;
      session[g] += 1;
      if (!old) session.fresh += 1;
      P.save();  // a refusal is shown; the round goes on from memory
      status.textContent = "Graded " + S.NAMES[g] + ". This card comes back " + when(next.due, now) + ".";
      previous = current.id;
      show();
      (flip.hidden ? $("card-summary-heading") : flip).focus();
    }

    deckSelect.addEventListener("change", function () {
      P.store.data.settings.deck = deckSelect.value;
      P.save();
      session = { 1: 0, 2: 0, 3: 0, 4: 0, fresh: 0 };
      show();
    });
    perDay.value = P.store.data.settings.newPerDay;
    perDay.addEventListener("change", function () {
      var n = Math.floor(Number(perDay.value));
      if (!(n >= 0 && n <= 999)) { perDay.value = P.store.data.settings.newPerDay; return; }
      P.store.data.settings.newPerDay = n;
      P.save();
      show();
    });
    flip.addEventListener("click", turn);
    grades.addEventListener("click", function (e) {
      var b = e.target.closest("[data-grade]");
      if (b) grade(Number(b.dataset.grade));
    });
    document.addEventListener("keydown", function (e) {
      if (P.typing(e) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === " " && !/^(BUTTON|A|SUMMARY)$/.test(e.target.tagName)) { e.preventDefault(); turn(); }
      else if (/^[1-4]$/.test(e.key) && !back.hidden) { e.preventDefault(); grade(Number(e.key)); }
    });
    $("card-summary-heading").tabIndex = -1;
    P.progressFile(status, function () {
      perDay.value = P.store.data.settings.newPerDay;
      previous = null;
      show();
    });
    fillDecks();
    show();
    $("cards-app").hidden = false;
  });
})();
