/* Search like a dictionary: a term typed in the search box puts its page first.
 *
 * Published as a part of javascripts/study-guide.js (macros/hooks/guide_script.py), after
 * guide.js. Material's search (lunr, in a worker) ranks by word statistics, so 维稳 found
 * 维权 first, "hukuo" found nothing, and "hùkǒu" only matched text written with tone
 * marks. This part does not touch Material's code: it reads the search box, matches the
 * query against the glossary (javascripts/search-terms.js, made at build time by
 * studyguide/crossref/search_terms.py and loaded the first time a reader opens search),
 * and shows the matching term as the first result, in Material's own result markup, with
 * its one-line definition. Material's own result for that page is removed (not shown twice).
 *
 * A query matches a term when, with tone marks, case, spaces and hyphens folded away, it
 * equals the term's hanzi (simplified or traditional), its pinyin, its English or one of
 * its aliases (a plural "s" either way); failing that, a query of five letters or more
 * matches with one typo (a letter added, dropped, changed, or two swapped).
 *
 * It also keeps every result to one snippet of at most two lines (guide.css): the first
 * paragraph with a highlighted match, or the first paragraph.
 *
 * On the glossary it runs the filter box (studyguide/pages/glossary.py): rows whose text,
 * folded the same way, contains the folded query stay; a list left empty hides with its
 * heading; a status line says how many terms match. The rows are read on the first
 * keystroke, not while the page loads.
 *
 * The matching functions are exported for node (tests/test_search_dictionary.py).
 */
(function () {
  "use strict";

  var TYPO_FROM = 5;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s'\u2018\u2019"\u201c\u201d\-\u00b7.,]+/g, "");
  }

  /* Edit distance with swaps (optimal string alignment), stopping early past `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = [], prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
        best = Math.min(best, row[j]);
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function forms(term) {
    var all = [term.hanzi, term.traditional, term.pinyin, term.english].concat(term.aliases || []);
    return all.filter(Boolean).map(fold);
  }

  /* The term the query names, or null: an exact match first, then one typo. */
  function match(query, terms) {
    var q = fold(query);
    if (!q) return null;
    var plural = function (f) { return f === q || f + "s" === q || f === q + "s"; };
    for (var i = 0; i < terms.length; i++) if (forms(terms[i]).some(plural)) return terms[i];
    if (q.length < TYPO_FROM || /[^a-z0-9]/.test(q)) return null;
    for (i = 0; i < terms.length; i++) {
      if (forms(terms[i]).some(function (f) { return distance(q, f, 1) <= 1; })) return terms[i];
    }
    return null;
  }

  var api = { fold: fold, distance: distance, match: match };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ------------------------------------------------------------------- the page */

  var script = document.currentScript;
  var base = script ? script.src.replace(/javascripts\/study-guide\.js(\?.*)?$/, "") : "";
  var loading = false;

  function load() {
    if (loading || window.guideSearchTerms) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base + "javascripts/search-terms.js";
    s.onload = reconcile;
    document.head.appendChild(s);
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function zh(text) {
    var span = element("span", "", text);
    span.lang = "zh-Hans";
    return span;
  }

  function item(term) {
    var li = element("li", "md-search-result__item");
    li.setAttribute("data-guide-term", term.url);
    var a = element("a", "md-search-result__link");
    a.href = base + term.url;
    a.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    var h1 = element("h1");
    h1.appendChild(zh(term.hanzi));
    if (term.traditional && term.traditional !== term.hanzi) {
      h1.appendChild(document.createTextNode(" "));
      h1.appendChild(zh(term.traditional)).lang = "zh-Hant";
    }
    var pinyin = element("span", "", " " + term.pinyin);
    pinyin.lang = "zh-Latn-pinyin";
    h1.appendChild(pinyin);
    h1.appendChild(document.createTextNode(" \u00b7 " + term.english));
    article.appendChild(h1);
    article.appendChild(element("p", "guide-snippet", term.summary));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function samePage(link, url) {
    return link.pathname.replace(/index\.html$/, "") === new URL(base + url, location.href).pathname;
  }

  /* Each result: one paragraph shown, the first with a highlighted match, clamped to two lines. */
  function trim(list) {
    list.querySelectorAll(".md-search-result__article:not([data-guide-snippet])").forEach(function (article) {
      var blocks = Array.prototype.filter.call(article.children, function (el) {
        return !/^(H1|H2|NAV)$/.test(el.tagName) && !el.classList.contains("md-search-result__icon");
      });
      var keep = blocks.filter(function (el) { return el.querySelector("mark"); })[0] || blocks[0];
      if (keep) keep.classList.add("guide-snippet");
      article.setAttribute("data-guide-snippet", "");
    });
  }

  var busy = false;

  function reconcile() {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list || busy) return;
    busy = true;
    var term = window.guideSearchTerms ? match(input.value, window.guideSearchTerms) : null;
    var ours = list.querySelector(":scope > [data-guide-term]");
    if (ours && (!term || ours.getAttribute("data-guide-term") !== term.url)) {
      ours.remove();
      ours = null;
    }
    if (term) {
      list.querySelectorAll(":scope > li:not([data-guide-term])").forEach(function (li) {
        var link = li.querySelector("a.md-search-result__link");
        if (link && samePage(link, term.url)) li.remove();
      });
      if (!ours) ours = item(term);
      if (list.firstElementChild !== ours) list.insertBefore(ours, list.firstElementChild);
      var meta = document.querySelector(".md-search-result__meta");
      if (meta && list.children.length === 1) meta.textContent = "1 matching term";  // not "No matching documents"
    }
    trim(list);
    busy = false;
  }

  function start() {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); reconcile(); });
    input.addEventListener("keyup", reconcile);
    new MutationObserver(reconcile).observe(list, { childList: true });
  }

  /* ------------------------------------------------------- the glossary's filter */

  function filterGlossary() {
    var box = document.getElementById("glossary-filter");
    if (!box) return;
    var status = document.getElementById("glossary-filter-count");
    var rows = null, lists = null;  // read on the first keystroke, not while the page loads
    box.addEventListener("input", function () {
      if (!rows) {
        rows = Array.prototype.map.call(document.querySelectorAll(".md-content .term-index li"), function (li) {
          return { li: li, text: fold(li.textContent), href: (li.querySelector("a") || {}).href };
        });
        lists = document.querySelectorAll(".md-content .term-index");
      }
      var q = fold(box.value), hits = {};
      rows.forEach(function (row) {
        row.li.hidden = q !== "" && row.text.indexOf(q) < 0;
        if (!row.li.hidden) hits[row.href] = true;
      });
      lists.forEach(function (list) {
        var empty = !list.querySelector("li:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && /^H3$/.test(heading.tagName)) heading.hidden = empty;
      });
      var n = Object.keys(hits).length;
      status.textContent = q === "" ? "" : n === 1 ? "1 term matches." : n + " terms match.";
    });
    box.closest(".glossary-filter").hidden = false;
  }

  start();
  filterGlossary();
})();
