/* The reader's progress, in one versioned record in localStorage: flashcard schedules,
   quiz results and pages read, and the one file that exports and imports all of it.

   Rules (tests/js/store.test.js holds them):
   - A file or a stored record is validated in full before anything is written: a bad one
     changes nothing and says why (the path of the first bad value).
   - Every older version migrates: version 1 is the SM-2 record practice-cards.js kept
     under "guide-practice-cards-v1" until FSRS came (see migrate1); version 2 had no
     `mine` (the terms the reader added to the "My cards" deck: term key -> time added).
   - Storage errors (private mode, quota, a setItem that throws) come back as a message,
     never as an exception; what was changed stays in memory for the session.
   - A stored record that cannot be read is copied aside (KEY + "-unreadable") before
     anything replaces it, so a bug here cannot destroy it. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.GuideStore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var KEY = "guide-progress", OLD_KEY = "guide-practice-cards-v1", VERSION = 3;
  var DAY = 86400000;

  function empty() {
    return { version: VERSION, cards: {}, quiz: {}, read: {}, mine: {}, settings: { newPerDay: 10 } };
  }
  function isMap(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function num(x) { return typeof x === "number" && isFinite(x); }
  function count(x) { return num(x) && x >= 0 && Math.floor(x) === x; }
  function fail(where, what) { throw new Error(where + " " + what); }
  function need(ok, where, what) { if (!ok) fail(where, what); }
  function key(k) { return JSON.stringify(k); }

  function checkMap(m, where, each) {
    need(isMap(m), where, "is not an object of entries");
    Object.keys(m).forEach(function (k) { each(m[k], where + "[" + key(k) + "]"); });
  }
  function checkCard1(c, at) {
    need(isMap(c), at, "is not a card");
    need(num(c.ef) && c.ef >= 1.3, at + ".ef", "is not an ease factor (a number of at least 1.3)");
    need(count(c.reps), at + ".reps", "is not a whole number");
    need(num(c.interval) && c.interval >= 0, at + ".interval", "is not a number of days");
    need(num(c.due), at + ".due", "is not a time");
    need(c.last === undefined || num(c.last), at + ".last", "is not a time");
  }
  function checkCard2(c, at) {
    need(isMap(c), at, "is not a card");
    ["due", "last", "first"].forEach(function (f) { need(num(c[f]), at + "." + f, "is not a time"); });
    need(num(c.s) && c.s >= 0, at + ".s", "is not a stability (a number of days)");
    need(num(c.d) && c.d >= 0 && c.d <= 10, at + ".d", "is not a difficulty (0 to 10)");
    ["reps", "lapses", "steps"].forEach(function (f) { need(count(c[f]), at + "." + f, "is not a whole number"); });
    need([0, 1, 2, 3].indexOf(c.state) >= 0, at + ".state", "is not a card state (0 to 3)");
  }
  function checkResult(r, at) {
    need(isMap(r), at, "is not a quiz result");
    need(num(r.at), at + ".at", "is not a time");
    need(count(r.total) && r.total > 0, at + ".total", "is not a number of questions");
    need(count(r.score) && r.score <= r.total, at + ".score", "is not a score out of the total");
  }

  /* Version 1 (SM-2, cards only) -> 2. An SM-2 card becomes an FSRS card in review with
     its interval as stability (the days it was expected to be remembered) and its ease
     mapped onto FSRS difficulty (ease 2.5, SM-2's start, -> 5; the floor 1.3 -> 10). */
  function migrate1(old) {
    var next = empty();
    Object.keys(old.cards).forEach(function (id) {
      var c = old.cards[id], last = c.last === undefined ? c.due - c.interval * DAY : c.last;
      next.cards[id] = {
        due: c.due, last: last, first: last, s: Math.max(c.interval, 0.5),
        d: Math.min(10, Math.max(1, 5 + (2.5 - c.ef) / 1.2 * 5)), reps: c.reps, lapses: 0, steps: 0,
        state: c.reps > 0 ? 2 : 3,
      };
    });
    return next;
  }

  /* Anything -> a current record, or an Error saying why not. Nothing is written. */
  function validate(data) {
    try {
      need(isMap(data), "The file", "is not a progress record (an object)");
      need(count(data.version) && data.version >= 1, "Its version", "is missing");
      need(data.version <= VERSION, "Its version (" + data.version + ")",
        "is newer than this guide reads (" + VERSION + "): update the page and try again");
      if (data.version === 1) {
        checkMap(data.cards, "cards", checkCard1);
        return migrate1(data);
      }
      checkMap(data.cards, "cards", checkCard2);
      checkMap(data.quiz, "quiz", function (list, at) {
        need(Array.isArray(list), at, "is not a list of results");
        list.forEach(function (r, i) { checkResult(r, at + "[" + i + "]"); });
      });
      checkMap(data.read, "read", function (t, at) { need(num(t), at, "is not a time"); });
      if (data.version === 3) {
        checkMap(data.mine, "mine", function (t, at) { need(num(t), at, "is not a time"); });
        Object.keys(data.mine).forEach(function (k) {
          need(/^[a-z0-9][a-z0-9-]*$/.test(k), "mine[" + key(k) + "]", "is not a term key");
        });
      }
      need(isMap(data.settings), "settings", "is not an object");
      var n = data.settings.newPerDay;
      need(count(n) && n <= 999, "settings.newPerDay", "is not a number of cards (0 to 999)");
      var deck = data.settings.deck;
      need(deck === undefined || typeof deck === "string", "settings.deck", "is not a deck name");
      var copy = JSON.parse(JSON.stringify(data));
      if (copy.version === 2) { copy.version = VERSION; copy.mine = {}; }  // 2 -> 3: no terms added yet
      return copy;
    } catch (err) { return err instanceof Error ? err : new Error(String(err)); }
  }
  function parse(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) {
      return new Error("The file is not complete JSON (cut short or not a progress file)");
    }
    return validate(data);
  }

  /* The store over a Storage-like object (localStorage, or a fake in the tests). `storage`
     may be a function returning it: reading window.localStorage itself throws in some
     private modes. */
  function open(storage) {
    var problem = "", area = null;
    try { area = typeof storage === "function" ? storage() : storage; } catch (e) { area = null; }
    function get(k) { try { return area ? area.getItem(k) : null; } catch (e) { return null; } }
    function put(k, v) {
      if (!area) return "This browser does not let the guide save anything (private mode?)";
      try { area.setItem(k, v); return ""; } catch (e) {
        return "This browser refused to save your progress (" + (e && e.name || "error") +
          ": storage full or private mode)";
      }
    }
    var data = empty(), raw = get(KEY), from = raw === null ? get(OLD_KEY) : raw;
    if (from !== null) {
      var read = parse(from);
      if (read instanceof Error) {
        put(KEY + "-unreadable", from);
        problem = "Your saved progress could not be read (" + read.message + "); it was set aside, and you start afresh";
      } else data = read;
    }
    var store = {
      data: data,
      problem: problem,
      /* Write the record; "" when saved, else a message to show (never throws). */
      save: function () { return put(KEY, JSON.stringify(store.data)); },
      exportText: function () { return JSON.stringify(store.data, null, 1); },
      /* Replace everything with a file's record if, and only if, it is valid in full. */
      importText: function (text) {
        var next = parse(text);
        if (next instanceof Error) return { ok: false, message: "Nothing was changed: " + next.message + "." };
        store.data = next;
        var saved = store.save();
        return { ok: true, message: saved ? saved + "." : "" };
      },
      /* The "My cards" deck: is this term in it; put it in or take it out (then save:
         "" when saved, else a message to show). */
      isMine: function (term) { return Object.prototype.hasOwnProperty.call(store.data.mine, term); },
      setMine: function (term, on) {
        if (on) store.data.mine[term] = Date.now(); else delete store.data.mine[term];
        return store.save();
      },
    };
    return store;
  }
  /* The browser's store, opened once per page. */
  var shared = null;
  function here() {
    if (!shared) shared = open(function () { return window.localStorage; });
    return shared;
  }

  return { KEY: KEY, OLD_KEY: OLD_KEY, VERSION: VERSION, empty: empty, validate: validate, parse: parse, open: open, here: here };
});
