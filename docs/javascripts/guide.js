/* Study guide scripts: term tooltips, and lang="zh-Hans" on Chinese in search results.
 *
 * Published as the second part of javascripts/study-guide.js (macros/hooks/guide_script.py,
 * after the text rules it reads, before term-card.js), loaded with `defer`; no dependencies.
 *
 * 1. Tooltips. Term and who's-who links carry a title ("户口 · hùkǒu · household
 *    registration"). Material's content.tooltips feature mounts a tooltip on every
 *    titled element as the page loads, which on the glossary (about 80 titles, 3,000
 *    elements) cost about 50 ms of blocking time on Lighthouse's mobile profile. These
 *    tooltips cost nothing until a pointer or keyboard reaches a link: one tooltip
 *    element, made on first use, and four listeners on the document. They meet WCAG
 *    1.4.13: Escape dismisses the tooltip, the pointer can move onto it, and it stays
 *    until hover or focus leaves. While shown, the link's title moves to
 *    data-guide-title (so the browser does not draw its own tooltip as well) and the
 *    link is aria-describedby the tooltip. Chinese in the tooltip is marked zh-Hans
 *    and tone-marked pinyin zh-Latn-pinyin, as macros.cjk_lang does on the pages.
 *    A term link's data-def (its one-line definition) is the tooltip's last line. After
 *    a touch, no tooltip: term-card.js shows the tapped term's card instead.
 *
 * 2. Search results are built in the browser by Material, so macros.cjk_lang never
 *    sees them: their Chinese is marked lang="zh-Hans" here (WCAG 3.1.2).
 *
 * 3. Palette switches. When the reader flips the palette, the body is marked
 *    data-guide-switching until two frames have been drawn, and guide.css turns
 *    transitions off under the mark, so the colours change at once. Material's own
 *    marker does this too, but also on every page load (macros/hooks/material_palette.py
 *    removes its rule).
 */
(function () {
  "use strict";

  /* What counts as Chinese and as a pinyin tone mark: one definition, studyguide/text.py,
     given to this script as javascripts/text-rules.js (generated at build time). */
  var CJK = new RegExp(window.guideText.cjkRun, "g");
  var TONED = new RegExp(window.guideText.toned, "i");
  var LINKS = ".md-content a[title], .md-content a[data-guide-title]";
  var SHOW_DELAY = 100;
  var HIDE_DELAY = 200;

  /* ------------------------------------------------------------ language marks */

  function hasCJK(text) {
    CJK.lastIndex = 0;
    return CJK.test(text);
  }

  /* Text as nodes, each run of Chinese in a <span lang="zh-Hans">. */
  function marked(text) {
    var out = [], at = 0, m;
    CJK.lastIndex = 0;
    while ((m = CJK.exec(text))) {
      if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
      var span = document.createElement("span");
      span.lang = "zh-Hans";
      span.textContent = m[0];
      out.push(span);
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push(document.createTextNode(text.slice(at)));
    return out;
  }

  function markTextNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (hasCJK(n.data) && !n.parentElement.closest('[lang="zh-Hans"]')) nodes.push(n);
    }
    nodes.forEach(function (node) {  // jieba's zero-width spaces would split 广覆盖、低水平 at the 、
      node.replaceWith.apply(node, marked(node.data.replace(/\u200b/g, "")));
    });
  }

  /* ------------------------------------------------------------------ tooltips */

  var tip = null, owner = null, dismissed = null, showTimer = 0, hideTimer = 0;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "guide-tooltip";
      tip.className = "guide-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
      (document.querySelector("main") || document.body).append(tip);  // inside a landmark
    }
    return tip;
  }

  /* "户口 · hùkǒu · household registration": one line per part, each with its lang. */
  function lines(title) {
    return title.split(" · ").map(function (part) {
      var line = document.createElement("span");
      line.className = "guide-tooltip__line";
      if (!hasCJK(part) && TONED.test(part)) line.lang = "zh-Latn-pinyin";
      line.append.apply(line, marked(part));
      return line;
    });
  }

  function place(link) {
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var gap = 8, width = tip.offsetWidth, height = tip.offsetHeight;
    var room = document.documentElement.clientWidth;
    var left = Math.max(gap, Math.min(box.left + box.width / 2 - width / 2, room - width - gap));
    var top = box.bottom + gap;
    if (top + height > window.innerHeight && box.top - gap - height > 0) top = box.top - gap - height;
    var origin = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    tip.style.left = left - origin.left + "px";
    tip.style.top = top - origin.top + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (link === owner || link === dismissed || touched) return;
    hide();
    var title = link.getAttribute("title");
    if (!title) return;
    owner = link;
    link.setAttribute("data-guide-title", title);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", "guide-tooltip");
    var box = tooltip();
    box.replaceChildren.apply(box, lines(title));
    if (link.hasAttribute("data-def")) {
      var def = document.createElement("span");
      def.className = "guide-tooltip__line guide-tooltip__def";
      def.append.apply(def, marked(link.getAttribute("data-def")));
      box.append(def);
    }
    box.hidden = false;
    place(link);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!owner) return;
    owner.setAttribute("title", owner.getAttribute("data-guide-title"));
    owner.removeAttribute("data-guide-title");
    owner.removeAttribute("aria-describedby");
    owner = null;
    tip.hidden = true;
  }

  function showSoon(link) {
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link); }, SHOW_DELAY);
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function linkOf(node) {
    return node && node.closest ? node.closest(LINKS) : null;
  }

  var touched = false;  // the last pointer was a finger: term-card.js takes over
  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch";
  }, { capture: true, passive: true });
  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event.target);
    if (!link) return;
    if (link === dismissed && !link.contains(event.relatedTarget)) dismissed = null;  // entered anew
    showSoon(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event.target);
    if (!link || link.contains(event.relatedTarget)) return;
    clearTimeout(showTimer);
    if (link === dismissed) dismissed = null;
    if (link === owner && !(tip && tip.contains(event.relatedTarget))) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    var link = linkOf(event.target);
    if (link === dismissed) dismissed = null;
    if (link && link === owner) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) {
      dismissed = owner;
      hide();
    }
  });
  window.addEventListener("resize", hide);
  document.addEventListener("scroll", function () {  // a table scrolled sideways, say
    if (owner) place(owner);
  }, { capture: true, passive: true });

  /* ------------------------------------------------------------ palette switches */

  document.addEventListener("change", function (event) {
    if (event.target.name !== "__palette") return;
    document.body.setAttribute("data-guide-switching", "");
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { document.body.removeAttribute("data-guide-switching"); });
    });
  }, true);  // capture: before Material's own listener applies the palette

  /* ------------------------------------------------------------ search results */

  var results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(function () {
      markTextNodes(results);
    }).observe(results, { childList: true, subtree: true, characterData: true });
  }
})();
