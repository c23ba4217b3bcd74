/* The quiz rules (docs/javascripts/practice-rounds.js): seeded shuffles of questions and
   options, missed questions back once at the end, first-try scores, results over time. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const R = require("../../docs/javascripts/practice-rounds.js");

const byId = {};
const ids = [];
for (let i = 0; i < 30; i++) {
  const id = "q" + i;
  ids.push(id);
  byId[id] = { id, options: ["a" + i, "b" + i, "c" + i, "d" + i], answer: i % 4, reasons: i % 2 ? ["ra", "rb", "rc", "rd"] : undefined };
}
const order = (round) => round.items.map((item) => item.id);

test("one seed gives one order; two starts from it differ; another seed differs", () => {
  const one = R.random(7), same = R.random(7), other = R.random(8);
  const a = R.start(ids, byId, 10, one), b = R.start(ids, byId, 10, same);
  assert.deepEqual(order(a), order(b));
  assert.notDeepEqual(order(R.start(ids, byId, 10, one)), order(a), "a second start reshuffles");
  assert.notDeepEqual(order(R.start(ids, byId, 10, other)), order(a));
});

test("a round has the length chosen (0: every question), no question twice", () => {
  for (const n of [5, 10, 20]) assert.equal(new Set(order(R.start(ids, byId, n, R.random(1)))).size, n);
  assert.equal(R.start(ids, byId, 0, R.random(1)).items.length, 30);
  assert.equal(R.start(ids.slice(0, 3), byId, 10, R.random(1)).items.length, 3);
});

test("options are shuffled with the answer and the reasons following them", () => {
  const rand = R.random(3);
  let moved = 0;
  for (const id of ids) {
    const item = R.start([id], byId, 1, rand).items[0], q = byId[id];
    assert.equal(item.options[item.answer], q.options[q.answer]);
    item.order.forEach((from, i) => {
      assert.equal(item.options[i], q.options[from]);
      assert.equal(item.reasons[i], q.reasons ? q.reasons[from] : "");
    });
    if (item.answer !== q.answer) moved++;
  }
  assert.ok(moved > 10, "the right answer should move around");
});

test("a missed question comes back once at the end; the score counts first tries", () => {
  const round = R.start(ids, byId, 5, R.random(11));
  const first = order(round);
  const wrong = (item) => (item.answer + 1) % item.options.length;
  assert.equal(R.answer(round, wrong(R.current(round))), false);
  for (let i = 1; i < 5; i++) { R.advance(round); R.answer(round, R.current(round).answer); }
  assert.equal(round.items.length, 6);
  const back = R.advance(round);
  assert.equal(back.id, first[0], "the missed question is last");
  assert.equal(R.answer(round, wrong(back)), false);
  assert.equal(round.items.length, 6, "only once");
  assert.equal(R.advance(round), null);
  assert.deepEqual(R.score(round), { score: 4, total: 5, missed: [first[0]] });
});

test("ending early scores only what was answered", () => {
  const round = R.start(ids, byId, 20, R.random(5));
  R.answer(round, R.current(round).answer);
  R.advance(round);
  R.answer(round, (R.current(round).answer + 1) % 4);
  assert.deepEqual(R.score(round), { score: 1, total: 2, missed: [round.items[1].id] });
  assert.deepEqual(R.score(R.start(ids, byId, 5, R.random(5))), { score: 0, total: 0, missed: [] });
});

test("results keep the last 50; best, last and trend", () => {
  let list;
  for (let i = 0; i < 60; i++) list = R.keep(list, { at: i, score: i % 10, total: 10 });
  assert.equal(list.length, 50);
  assert.equal(list[0].at, 10);
  assert.equal(R.stats(null), null);
  assert.deepEqual(R.stats([{ at: 1, score: 3, total: 10 }]).trend, "first");
  const s = R.stats([{ at: 1, score: 3, total: 10 }, { at: 2, score: 9, total: 10 }, { at: 3, score: 5, total: 10 }]);
  assert.equal(s.best.at, 2);
  assert.equal(s.last.at, 3);
  assert.equal(s.rounds, 3);
  assert.equal(s.trend, "down");
  assert.equal(R.stats([{ at: 1, score: 3, total: 10 }, { at: 2, score: 8, total: 10 }]).trend, "up");
  assert.equal(R.stats([{ at: 1, score: 8, total: 10 }, { at: 2, score: 8, total: 10 }]).trend, "steady");
  assert.equal(R.percent({ score: 2, total: 3 }), "67%");
});
