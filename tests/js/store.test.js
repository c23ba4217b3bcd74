/* The progress store (docs/javascripts/practice-store.js): bad imports change nothing and
   say why; the SM-2 record of version 1 migrates; storage errors come back as messages. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Store = require("../../docs/javascripts/practice-store.js");
const fakeStorage = require("./fake-storage.js");

const DAY = 86400000;
function card(extra) {
  return Object.assign({ due: 5 * DAY, last: DAY, first: DAY, s: 4, d: 5, reps: 2, lapses: 0, steps: 0, state: 2 }, extra);
}
function saved() {
  const data = Store.empty();
  data.cards["term-a"] = card();
  data.quiz.all = [{ at: DAY, score: 7, total: 10 }];
  data.read["sources/shi-2014/"] = DAY;
  data.mine.hukou = DAY;
  return data;
}

const BAD = {
  "null": ["null", /not a progress record/],
  "a string": ['"progress"', /not a progress record/],
  "an array": ["[]", /not a progress record/],
  "a number": ["42", /not a progress record/],
  "a future version": [JSON.stringify(Object.assign(saved(), { version: 99 })), /newer than this guide reads/],
  "no version": [JSON.stringify({ cards: {} }), /version/],
  "a truncated file": [JSON.stringify(saved()).slice(0, 40), /not complete JSON/],
  "an empty file": ["", /not complete JSON/],
  "cards null": [JSON.stringify(Object.assign(saved(), { cards: null })), /cards is not an object/],
  'cards "x"': [JSON.stringify(Object.assign(saved(), { cards: "x" })), /cards is not an object/],
  "cards an array": [JSON.stringify(Object.assign(saved(), { cards: [] })), /cards is not an object/],
  "a card without a due time": [JSON.stringify(Object.assign(saved(), { cards: { a: card({ due: "soon" }) } })), /cards\["a"\]\.due is not a time/],
  "a card with difficulty 11": [JSON.stringify(Object.assign(saved(), { cards: { a: card({ d: 11 }) } })), /\.d is not a difficulty/],
  "a score above the total": [JSON.stringify(Object.assign(saved(), { quiz: { all: [{ at: 1, score: 11, total: 10 }] } })), /score is not a score/],
  "quiz results not a list": [JSON.stringify(Object.assign(saved(), { quiz: { all: {} } })), /quiz\["all"\] is not a list/],
  "a page read at no time": [JSON.stringify(Object.assign(saved(), { read: { "a/": null } })), /read\["a\/"\] is not a time/],
  "mine null": [JSON.stringify(Object.assign(saved(), { mine: null })), /mine is not an object/],
  "mine a list of keys": [JSON.stringify(Object.assign(saved(), { mine: ["hukou"] })), /mine is not an object/],
  "a term added at no time": [JSON.stringify(Object.assign(saved(), { mine: { hukou: true } })), /mine\["hukou"\] is not a time/],
  "a term key that is not a key": [JSON.stringify(Object.assign(saved(), { mine: { "Hu Kou": 1 } })), /mine\["Hu Kou"\] is not a term key/],
  "a version 3 file without mine": [JSON.stringify(Object.assign(saved(), { mine: undefined })), /mine is not an object/],
  "no settings": [JSON.stringify(Object.assign(saved(), { settings: null })), /settings is not an object/],
  "a version 1 file with a bad card": [JSON.stringify({ version: 1, cards: { a: { ef: 2.5, reps: -1, interval: 1, due: 1 } } }), /reps is not a whole number/],
};

for (const [name, [text, why]] of Object.entries(BAD)) {
  test("importing " + name + " changes nothing and says why", () => {
    const storage = fakeStorage({ [Store.KEY]: JSON.stringify(saved()) });
    const store = Store.open(storage);
    const before = JSON.stringify(storage.dump());
    const result = store.importText(text);
    assert.equal(result.ok, false);
    assert.match(result.message, /^Nothing was changed: /);
    assert.match(result.message, why);
    assert.equal(JSON.stringify(storage.dump()), before, "storage was written");
    assert.deepEqual(store.data, saved(), "the progress in memory changed");
  });
}

test("export then import gives back the same record", () => {
  const store = Store.open(fakeStorage({ [Store.KEY]: JSON.stringify(saved()) }));
  const other = Store.open(fakeStorage());
  assert.deepEqual(other.data, Store.empty());
  const result = other.importText(store.exportText());
  assert.deepEqual(result, { ok: true, message: "" });
  assert.deepEqual(other.data, saved());
});

test("the SM-2 record of version 1 migrates to FSRS cards, and is left in place", () => {
  const v1 = { version: 1, cards: {
    learnt: { ef: 2.5, reps: 3, interval: 15, due: 20 * DAY, last: 5 * DAY },
    failed: { ef: 1.3, reps: 0, interval: 0, due: 2 * DAY + 600000, last: 2 * DAY },
    nolast: { ef: 2.6, reps: 1, interval: 1, due: 3 * DAY },
  } };
  const storage = fakeStorage({ [Store.OLD_KEY]: JSON.stringify(v1) });
  const store = Store.open(storage);
  assert.equal(store.problem, "");
  assert.equal(store.data.version, Store.VERSION);
  assert.deepEqual(store.data.cards.learnt, { due: 20 * DAY, last: 5 * DAY, first: 5 * DAY, s: 15, d: 5, reps: 3, lapses: 0, steps: 0, state: 2 });
  assert.equal(store.data.cards.failed.state, 3, "a failed SM-2 card is relearning");
  assert.equal(store.data.cards.failed.d, 10, "the lowest ease is the highest difficulty");
  assert.equal(store.data.cards.nolast.last, 2 * DAY, "without `last`, due minus interval");
  assert.ok(Store.validate(store.data) instanceof Error === false, "the migrated record is valid");
  assert.equal(store.save(), "");
  assert.equal(storage.getItem(Store.OLD_KEY), JSON.stringify(v1), "the old record is kept");
});

test("an unreadable stored record is set aside before anything replaces it", () => {
  const storage = fakeStorage({ [Store.KEY]: '{"version": 2, "cards": "x"}' });
  const store = Store.open(storage);
  assert.match(store.problem, /could not be read \(cards is not an object/);
  assert.deepEqual(store.data, Store.empty());
  assert.equal(storage.getItem(Store.KEY + "-unreadable"), '{"version": 2, "cards": "x"}');
});

test("a storage that refuses to save gives a message, never an exception", () => {
  const storage = fakeStorage();
  const store = Store.open(storage);
  storage.full = true;
  store.data.read["a/"] = 1;
  assert.match(store.save(), /refused to save your progress \(QuotaExceededError/);
  assert.equal(store.data.read["a/"], 1, "the change stays in memory");
  const result = store.importText(JSON.stringify(saved()));
  assert.equal(result.ok, true);
  assert.match(result.message, /refused to save/);
});

test("a localStorage that throws on access (private mode) gives a message", () => {
  const store = Store.open(() => { throw new Error("SecurityError"); });
  assert.deepEqual(store.data, Store.empty());
  assert.match(store.save(), /does not let the guide save/);
});

test("a version 2 record migrates to version 3 with an empty My cards deck, and saves", () => {
  const v2 = saved();
  v2.version = 2;
  delete v2.mine;
  const storage = fakeStorage({ [Store.KEY]: JSON.stringify(v2) });
  const store = Store.open(storage);
  assert.equal(store.problem, "");
  assert.equal(store.data.version, 3);
  assert.deepEqual(store.data.mine, {});
  assert.deepEqual(store.data.cards, v2.cards, "the schedules are kept");
  assert.equal(store.save(), "");
  assert.equal(JSON.parse(storage.getItem(Store.KEY)).version, 3);
  const imported = Store.open(fakeStorage()).importText(JSON.stringify(v2));
  assert.equal(imported.ok, true, "a version 2 progress file still imports");
});

test("a term goes into My cards and out again, saved each time", () => {
  const storage = fakeStorage();
  const store = Store.open(storage);
  assert.equal(store.isMine("hukou"), false);
  assert.equal(store.setMine("hukou", true), "");
  assert.equal(store.isMine("hukou"), true);
  assert.ok(Store.open(storage).isMine("hukou"), "a fresh page sees it");
  assert.equal(store.isMine("toString"), false, "no inherited names");
  store.setMine("hukou", false);
  assert.equal(Store.open(storage).isMine("hukou"), false);
});
