/* Which flashcard comes next, and when each comes back: the glue between the cards, the
   reader's store (practice-store.js) and FSRS (ts-fsrs, vendored in vendor/ts-fsrs.js).

   - FSRS with its published default parameters (no fuzz, so a test can fix the dates).
   - Siblings (cards of one term, or of one excerpt: card.siblings) are buried for the
     day: once one is graded, the others wait until tomorrow (a term's second card would
     be answered by the first card's back).
   - New cards: at most settings.newPerDay first seen today; due cards come first.
   - When nothing is due, a card in learning due within 20 minutes is shown early (as
     Anki's learn-ahead limit), so a round ends with the card the reader just missed. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./vendor/ts-fsrs.js"));
  else root.GuideSchedule = factory(root.FSRS);
})(typeof self !== "undefined" ? self : this, function (FSRS) {
  "use strict";
  var DAY = 86400000, AHEAD = 20 * 60000;
  var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
  var NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

  function toCard(r, now) {
    if (!r) return FSRS.createEmptyCard(new Date(now));
    return {
      due: new Date(r.due), stability: r.s, difficulty: r.d, elapsed_days: 0,
      scheduled_days: Math.max(0, Math.round((r.due - r.last) / DAY)), learning_steps: r.steps,
      reps: r.reps, lapses: r.lapses, state: r.state, last_review: new Date(r.last),
    };
  }
  function fromCard(c, first) {
    return {
      due: c.due.getTime(), last: c.last_review.getTime(), first: first, s: c.stability,
      d: Math.min(10, Math.max(0, c.difficulty)), reps: c.reps, lapses: c.lapses, steps: c.learning_steps, state: c.state,
    };
  }
  /* The record after grading `record` (undefined for a new card) 1-4 at `now`. */
  function grade(record, g, now) {
    var next = scheduler.next(toCard(record, now), new Date(now), g).card;
    return fromCard(next, record ? record.first : now);
  }
  /* For each grade, how long until the card comes back: {1: ms, 2: ms, 3: ms, 4: ms}. */
  function preview(record, now) {
    var all = scheduler.repeat(toCard(record, now), new Date(now)), out = {};
    [1, 2, 3, 4].forEach(function (g) { out[g] = all[g].card.due.getTime() - now; });
    return out;
  }
  /* A span as a button shows it: "1 min", "10 min", "3 h", "2 d", "4 mo", "1.5 y". */
  function span(ms) {
    var m = ms / 60000;
    if (m < 1) return "< 1 min";
    if (m < 60) return Math.round(m) + " min";
    if (m < 1440) return Math.round(m / 60) + " h";
    var d = m / 1440;
    if (d < 30) return Math.round(d) + " d";
    if (d < 365) return Math.round(d / 30) + " mo";
    return Math.round(d / 36.5) / 10 + " y";
  }
  function dayStart(now) { var d = new Date(now); d.setHours(0, 0, 0, 0); return d.getTime(); }

  /* The queue of a deck at `now`: due cards (earliest first), then new cards within
     today's limit, siblings of cards graded today left out. */
  function plan(cards, records, settings, now) {
    var start = dayStart(now), seen = {}, newToday = 0;
    cards.forEach(function (c) {
      var r = records[c.id];
      if (!r || r.last < start) return;
      (c.siblings || []).forEach(function (g) { (seen[g] = seen[g] || []).push(c.id); });
    });
    Object.keys(records).forEach(function (id) { if (records[id].first >= start) newToday++; });
    function buried(c) {
      return (c.siblings || []).some(function (g) {
        return (seen[g] || []).some(function (id) { return id !== c.id; });
      });
    }
    var due = [], soon = [], fresh = [], later = 0, held = 0;
    cards.forEach(function (c) {
      var r = records[c.id];
      if (buried(c)) { held++; return; }
      if (!r) fresh.push(c);
      else if (r.due <= now) due.push(c);
      else if (r.state !== 2 && r.due <= now + AHEAD) soon.push(c);
      else later++;
    });
    var byDue = function (a, b) { return records[a.id].due - records[b.id].due; };
    due.sort(byDue); soon.sort(byDue);
    var left = Math.max(0, settings.newPerDay - newToday);
    return { due: due, soon: soon, fresh: fresh.slice(0, left), newLeft: left, newTotal: fresh.length, later: later, buried: held };
  }
  /* The next card to show, never the one just shown while another is waiting. */
  function next(queue, previous) {
    var all = queue.due.concat(queue.fresh, queue.soon);
    var other = all.filter(function (c) { return c.id !== previous; });
    return other[0] || all[0] || null;
  }
  /* The earliest time a card of the deck is due, for "come back at". */
  function nextDue(cards, records) {
    var t = Infinity;
    cards.forEach(function (c) { if (records[c.id]) t = Math.min(t, records[c.id].due); });
    return t === Infinity ? null : t;
  }

  return { NAMES: NAMES, grade: grade, preview: preview, span: span, plan: plan, next: next, nextDue: nextDue, dayStart: dayStart };
});
