/* The scheduler glue (docs/javascripts/practice-schedule.js) over ts-fsrs: grades give
   growing intervals, siblings are buried for the day, the daily new-card limit holds. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/javascripts/practice-schedule.js");
const Store = require("../../docs/javascripts/practice-store.js");

const NOON = new Date(2026, 11, 7, 12, 0, 0).getTime();
const MIN = 60000, DAY = 86400000;
const cards = [
  { id: "hanzi-meaning:a", siblings: ["term:a"] },
  { id: "meaning-hanzi:a", siblings: ["term:a"] },
  { id: "who-wrote:x", siblings: ["excerpt:x"] },
  { id: "cloze:x:a", siblings: ["excerpt:x", "term:a"] },
  { id: "hanzi-meaning:b", siblings: ["term:b"] },
  { id: "hanzi-meaning:c", siblings: ["term:c"] },
];
const ids = (list) => list.map((c) => c.id);

test("a new card's intervals grow from Again to Easy, and each button can say it", () => {
  const p = S.preview(undefined, NOON);
  assert.ok(p[1] < p[2] && p[2] < p[3] && p[3] < p[4], JSON.stringify(p));
  assert.equal(S.span(p[1]), "1 min");
  assert.equal(S.span(p[4]), "8 d");
  assert.deepEqual([30e3, 10 * MIN, 3 * 3600e3, 2 * DAY, 90 * DAY, 548 * DAY].map(S.span), ["< 1 min", "10 min", "3 h", "2 d", "3 mo", "1.5 y"]);
});

test("a graded card is a valid store record, due when the preview said", () => {
  const r = S.grade(undefined, 3, NOON);
  assert.equal(r.due - NOON, S.preview(undefined, NOON)[3]);
  assert.equal(r.first, NOON);
  const data = Store.empty();
  data.cards.a = r;
  assert.ok(!(Store.validate(data) instanceof Error), String(Store.validate(data)));
  const later = S.grade(r, 3, r.due);
  assert.equal(later.first, NOON, "the first review is kept");
  assert.ok(later.due - r.due > DAY, "a second Good pushes the card out days");
  const lapse = S.grade(S.grade(later, 3, later.due), 1, later.due + 5 * DAY);
  assert.equal(lapse.lapses, 1);
});

test("siblings of a card graded today are buried until tomorrow", () => {
  const records = { "hanzi-meaning:a": S.grade(undefined, 3, NOON - MIN) };
  const q = S.plan(cards, records, { newPerDay: 10 }, NOON);
  assert.deepEqual(ids(q.fresh), ["who-wrote:x", "hanzi-meaning:b", "hanzi-meaning:c"]);
  assert.equal(q.buried, 2, "meaning-hanzi:a and the cloze of term a");
  const tomorrow = S.plan(cards, records, { newPerDay: 10 }, NOON + DAY);
  assert.equal(tomorrow.buried, 0);
});

test("the card just graded Again comes back early only when nothing else waits", () => {
  const records = { "hanzi-meaning:b": S.grade(undefined, 1, NOON) };
  const q = S.plan(cards, records, { newPerDay: 10 }, NOON + 1000);
  assert.deepEqual(ids(q.soon), ["hanzi-meaning:b"]);
  assert.equal(S.next(q, "hanzi-meaning:b").id, "hanzi-meaning:a");
  const alone = S.plan([cards[4]], records, { newPerDay: 10 }, NOON + 1000);
  assert.equal(S.next(alone, "hanzi-meaning:b").id, "hanzi-meaning:b");
});

test("due cards come first, earliest first, then new cards within today's limit", () => {
  const records = {
    "hanzi-meaning:b": Object.assign(S.grade(undefined, 4, NOON - 20 * DAY), { due: NOON - DAY }),
    "hanzi-meaning:c": Object.assign(S.grade(undefined, 4, NOON - 20 * DAY), { due: NOON - 2 * DAY }),
  };
  const q = S.plan(cards, records, { newPerDay: 2 }, NOON);
  assert.deepEqual(ids(q.due), ["hanzi-meaning:c", "hanzi-meaning:b"]);
  assert.deepEqual(ids(q.fresh), ["hanzi-meaning:a", "meaning-hanzi:a"]);
  assert.equal(S.next(q, null).id, "hanzi-meaning:c");
});

test("new cards first seen today count against the daily limit", () => {
  const records = { "hanzi-meaning:b": S.grade(undefined, 4, NOON - MIN) };
  assert.equal(S.plan(cards, records, { newPerDay: 1 }, NOON).fresh.length, 0);
  assert.equal(S.plan(cards, records, { newPerDay: 3 }, NOON).fresh.length, 2);
  assert.equal(S.plan(cards, records, { newPerDay: 1 }, NOON + DAY).fresh.length, 1, "a new day, a new allowance");
});

test("nextDue is the deck's earliest due time, or null when nothing was seen", () => {
  assert.equal(S.nextDue(cards, {}), null);
  assert.equal(S.nextDue(cards, { "who-wrote:x": { due: 5 }, "cloze:x:a": { due: 3 } }), 3);
});
