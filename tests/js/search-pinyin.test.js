/* Tone marks folded in Material's search (docs/javascripts/search-pinyin.js): the fold
   itself, the worker that folds each query before Material's worker (which it loads)
   reads it, and the lunr language module that folds each indexed word. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { fold } = require("../../docs/javascripts/search-pinyin.js");

const SOURCE = fs.readFileSync(path.join(__dirname, "../../docs/javascripts/search-pinyin.js"), "utf8");

/* The file run as a classic script in a worker-like global: `self` and its listeners. */
function runAsWorker(self) {
  self.self = self;
  vm.runInNewContext(SOURCE, Object.assign(self, { URL: URL }));
  return self;
}

test("tone marks and accents fold to plain letters", () => {
  assert.equal(fold("hùkǒu"), "hukou");
  assert.equal(fold("wéiquán"), "weiquan");
  assert.equal(fold("Shèhuì Guǎnlǐ"), "Shehui Guanli");
  assert.equal(fold("lǜshī nǚ"), "lushi nu");
  assert.equal(fold("hu\u0300ko\u030cu"), "hukou");  // decomposed input too
});

test("Chinese characters, plain letters and query syntax stay as they are", () => {
  assert.equal(fold("户口 戶口 维权"), "户口 戶口 维权");
  assert.equal(fold("+hukou -weiquan danwei* \"work unit\""), "+hukou -weiquan danwei* \"work unit\"");
});

test("as the worker: each query is folded before Material's worker reads it", () => {
  const listeners = [], imported = [];
  const self = runAsWorker({
    location: new URL("https://example.org/guide/assets/javascripts/workers/guide-search.js?material=search.abc.min.js"),
    addEventListener: (type, fn) => listeners.push([type, fn]),
    importScripts: (url) => imported.push(url),
  });
  assert.deepEqual(imported, ["https://example.org/guide/assets/javascripts/workers/search.abc.min.js"]);
  assert.equal(listeners.length, 1, "one listener, added before Material's worker loads");
  assert.equal(listeners[0][0], "message");
  const query = { type: 2, data: "hùkǒu wéiquán" };
  listeners[0][1]({ data: query });
  assert.equal(query.data, "hukou weiquan");
  const setup = { type: 0, data: { docs: [{ text: "hùkǒu" }] } };
  listeners[0][1]({ data: setup });
  assert.equal(setup.data.docs[0].text, "hùkǒu", "only queries are folded, not the index's text");
  assert.equal(self.lunr, undefined);
});

test("as the worker without ?material=: it loads nothing", () => {
  const imported = [];
  runAsWorker({
    location: new URL("https://example.org/assets/javascripts/workers/guide-search.js"),
    addEventListener: () => {},
    importScripts: (url) => imported.push(url),
  });
  assert.deepEqual(imported, []);
});

test("as the lunr language module: words are folded as they are indexed", () => {
  const registered = [];
  const lunr = { Pipeline: { registerFunction: (fn, name) => registered.push([fn, name]) } };
  const self = runAsWorker({ lunr: lunr, addEventListener: () => assert.fail("no listener here") });
  assert.deepEqual(Object.keys(self.lunr.pinyin).sort(), ["stopWordFilter", "wordCharacters"]);
  assert.equal(registered[0][0], self.lunr.pinyin.stopWordFilter);
  const token = { str: "hùkǒu", update(fn) { this.str = fn(this.str); return this; } };
  assert.equal(self.lunr.pinyin.stopWordFilter(token).str, "hukou");
  const trimmed = new RegExp("^[^\\w" + self.lunr.pinyin.wordCharacters + "]+|[^\\w" + self.lunr.pinyin.wordCharacters + "]+$", "g");
  assert.equal("shèhuì,".replace(trimmed, ""), "shèhuì", "the trimmer keeps a word's last toned letter");
});
