/* The rules of a quiz round (docs/javascripts/practice-quiz.js draws them), kept apart
   from the page so tests/js/rounds.test.js can hold them:
   - questions and their options shuffled on every start, by a seeded generator (a test
     fixes the seed with ?seed=N; two starts from one seed still differ);
   - a question answered wrongly comes back once at the end of the round;
   - the score counts first tries only; a round can end early, scored on what was asked;
   - each finished round is kept per quiz (the last 50), with best, last and trend. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.GuideRounds = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var KEEP = 50;

  /* mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. */
  function random(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, rand) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1)), t = out[i];
      out[i] = out[j]; out[j] = t;
    }
    return out;
  }
  /* A question as asked: its options in a new order, `answer` and `reasons` following them. */
  function ask(q, rand) {
    var order = shuffle(q.options.map(function (_, i) { return i; }), rand);
    return {
      id: q.id, question: q, order: order,
      options: order.map(function (i) { return q.options[i]; }),
      reasons: order.map(function (i) { return q.reasons ? q.reasons[i] : ""; }),
      answer: order.indexOf(q.answer),
    };
  }
  /* A new round of `length` questions (0: all) from `ids`. */
  function start(ids, byId, length, rand) {
    var picked = shuffle(ids, rand).slice(0, length > 0 ? length : ids.length);
    return { items: picked.map(function (id) { return ask(byId[id], rand); }), at: 0, size: picked.length,
             first: {}, again: {}, rand: rand, byId: byId };
  }
  function current(round) { return round.items[round.at] || null; }
  /* Answer the current question with displayed option `pick`: right or not; a first
     miss sends the question (options shuffled again) to the end of the round. */
  function answer(round, pick) {
    var item = current(round), right = pick === item.answer;
    if (!(item.id in round.first)) round.first[item.id] = right;
    if (!right && !round.again[item.id]) {
      round.again[item.id] = true;
      round.items.push(ask(round.byId[item.id], round.rand));
    }
    return right;
  }
  function advance(round) { round.at += 1; return current(round); }
  /* The score so far: questions right at the first try, out of those asked. */
  function score(round) {
    var ids = Object.keys(round.first);
    return { score: ids.filter(function (id) { return round.first[id]; }).length, total: ids.length,
             missed: ids.filter(function (id) { return !round.first[id]; }) };
  }
  /* Add a finished round's result to a quiz's list (kept to the last 50). */
  function keep(list, result) {
    var out = (list || []).concat([result]);
    return out.slice(Math.max(0, out.length - KEEP));
  }
  /* Best, last and trend (the last against the average of the three before it), as shares. */
  function stats(list) {
    if (!list || !list.length) return null;
    var share = function (r) { return r.score / r.total; };
    var best = list.reduce(function (a, r) { return share(r) > share(a) ? r : a; });
    var last = list[list.length - 1], before = list.slice(Math.max(0, list.length - 4), -1), trend = "first";
    if (before.length) {
      var mean = before.reduce(function (s, r) { return s + share(r); }, 0) / before.length;
      trend = share(last) > mean + 0.05 ? "up" : share(last) < mean - 0.05 ? "down" : "steady";
    }
    return { best: best, last: last, rounds: list.length, trend: trend };
  }
  function percent(r) { return Math.round(100 * r.score / r.total) + "%"; }

  return { random: random, shuffle: shuffle, start: start, current: current, answer: answer, advance: advance,
           score: score, keep: keep, stats: stats, percent: percent };
});
