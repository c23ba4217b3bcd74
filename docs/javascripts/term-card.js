/* Term cards for touch screens: tapping a term link opens its card instead of following it.
 *
 * The last part of javascripts/study-guide.js (macros/hooks/guide_script.py), after
 * guide.js; loaded with `defer`; no dependencies. Term links (term() in
 * studyguide/render/blocks.py) carry a title "户口 · hùkǒu · household registration"
 * (guide.js moves it to data-guide-title while its tooltip shows) and data-def, the
 * definition's first sentence. On a tap (a click whose pointerdown was a touch), the
 * card shows the hanzi (zh-Hans), pinyin (zh-Latn-pinyin), English, the definition and a
 * link to the term's page. It is a non-modal dialog: focus moves into it so a screen
 * reader announces it, Escape or the close button or a tap elsewhere closes it and
 * focus returns to the link. A second tap on the same link follows it. Mouse and
 * keyboard keep guide.js's tooltip (which on focus shows the same facts).
 *
 * Who's-who links (who() in blocks.py, marked data-who) carry a title "Gong Weibin ·
 * 龚维斌 · Gōng Wéibīn" (the hanzi and pinyin only where known) and data-def, the role
 * in a line; their card shows the name, the hanzi and pinyin, the role and a link to
 * the entry.
 *
 * A term's card also holds the "Add to my cards" button of its term page (made by
 * window.GuideMine, practice-site.js, when that part has run): the key is the last part of
 * the link's path, terms/<key>/.
 */
(function () {
  "use strict";

  var LINKS = ".md-content a[data-def]";
  var card = null, owner = null, touched = false;

  function part(tag, className, text, lang) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }

  function build() {
    card = document.createElement("div");
    card.id = "term-card";
    card.className = "term-card";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-modal", "false");
    card.setAttribute("aria-labelledby", "term-card-title");
    card.setAttribute("aria-describedby", "term-card-def");
    card.tabIndex = -1;
    card.hidden = true;
    card.addEventListener("click", function (event) {
      if (event.target.closest(".term-card__close")) close(true);
    });
    (document.querySelector("main") || document.body).append(card);  // inside a landmark
  }

  function open(link) {
    if (!card) build();
    var facts = (link.getAttribute("title") || link.getAttribute("data-guide-title") || "").split(" · ");
    var who = link.hasAttribute("data-who");
    var title = part("p", "term-card__title", "", null);
    title.id = "term-card-title";
    if (who) {
      title.append(part("span", "term-card__name", facts[0] || "", null));
      if (facts[1]) title.append(" ", part("span", "term-card__hanzi", facts[1], "zh-Hans"), " ",
                                 part("span", "term-card__pinyin", facts[2] || "", "zh-Latn-pinyin"));
      facts = [];
    } else {
      title.append(part("span", "term-card__hanzi", facts[0] || "", "zh-Hans"), " ",
                   part("span", "term-card__pinyin", facts[1] || "", "zh-Latn-pinyin"));
    }
    var more = part("a", "term-card__more", (who ? "Open the who's-who entry on " : "Open the page on ") + link.textContent.trim(), null);
    more.href = link.href;
    var button = part("button", "term-card__close", "×", null);
    button.type = "button";
    button.setAttribute("aria-label", "Close");
    var english = who ? [] : [part("p", "term-card__english", facts[2] || "", null)];
    var key = who ? null : /\/terms\/([a-z0-9-]+)\/(index\.html)?$/.exec(new URL(link.href).pathname);
    var mine = key && window.GuideMine ? [window.GuideMine.box(key[1])] : [];
    card.replaceChildren.apply(card, [button, title].concat(english,
                               [part("p", "term-card__def", link.getAttribute("data-def"), null), more], mine));
    card.querySelector(".term-card__def").id = "term-card-def";
    owner = link;
    card.hidden = false;
    card.focus();
  }

  function close(refocus) {
    if (!card || card.hidden) return;
    card.hidden = true;
    var link = owner;
    owner = null;
    if (refocus && link) link.focus({ preventScroll: true });
  }

  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch";
    if (card && !card.hidden && !card.contains(event.target) && !(owner && owner.contains(event.target))) close(false);
  }, { capture: true, passive: true });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(LINKS) : null;
    if (!link || !touched || link === owner) return;   // mouse, keyboard, or a second tap: follow
    event.preventDefault();
    open(link);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card && !card.hidden) close(true);
  });
})();
