/* Tone marks fold to plain letters in Material's search, in the query and in the index:
 * hùkǒu finds what hukou finds, in the same order, and hukou finds text written hùkǒu.
 *
 * Material searches in a web worker (lunr). This file runs there twice, published by
 * macros/hooks/search_terms.py at two addresses:
 *
 * 1. As the search worker itself (assets/javascripts/workers/guide-search.js): main.html
 *    points Material's config at it, with Material's own worker in `?material=`. It
 *    listens for messages first, then loads Material's worker, so every query reaches
 *    Material already folded. Material's page sends the search box's text as a message
 *    {type: 2 (query), data: text}. The text itself is folded, not only the words lunr
 *    looks up, because Material ranks results by the query's words as typed too: folding
 *    only inside lunr listed hùkǒu's results in another order and marked it "missing".
 * 2. As the lunr language module "pinyin" (assets/javascripts/lunr/min/lunr.pinyin.min.js),
 *    which Material's worker loads because the index names the language
 *    (studyguide/crossref/search_terms.py, rewrite_index). `wordCharacters` tells lunr's
 *    trimmer that accented Latin letters belong to a word (it cut shèhuì to shèhu), and
 *    the fold is the language's `stopWordFilter`, the one pipeline step Material keeps for
 *    every language (mkdocs.yml sets no `pipeline`), so each word is folded as it is
 *    indexed. Results still show the tone marks, and highlight a match in them.
 *
 * In the offline copy (file://) the worker runs in an iframe (iframe-worker-shim.js); the
 * same steps apply. tests/test_browser_search.py checks that hùkǒu and wéiquán list the
 * same pages as hukou and weiquan, in the same order; tests/js/search-pinyin.test.js the fold.
 */
(function () {
  "use strict";

  var QUERY = 2;  // Material's worker messages: 0 set up, 1 ready, 2 query, 3 result

  /* Tone marks and other accents off Latin letters (ǚ -> u); Chinese characters unchanged. */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { fold: fold };
    return;
  }

  if (self.lunr) {  // 2. loaded by Material's worker as a language module
    var foldToken = function (token) { return token.update(fold); };
    self.lunr.Pipeline.registerFunction(foldToken, "pinyin-fold");
    self.lunr.pinyin = {
      wordCharacters: "\\u00c0-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff",
      stopWordFilter: foldToken,
    };
    return;
  }

  // 1. the worker: fold each query, then run Material's worker in this one
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = fold(message.data);
    }
  });
  var script = typeof document !== "undefined" && document.currentScript;  // the iframe shim
  var here = script ? script.src : self.location.href;
  var material = new URL(here).searchParams.get("material");
  if (material) self.importScripts(new URL(material, here).href);
})();
