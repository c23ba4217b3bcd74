/* The page's contents one tap away on a phone: a "Contents" button under the title of a
 * long page opens the page's table of contents in place.
 *
 * A part of javascripts/study-guide.js (macros/hooks/guide_script.py); loaded with
 * `defer`; no dependencies. Below 60em Material hides its table of contents in the
 * navigation drawer (two taps away: the menu, then the page's entry). This reads the
 * same table of contents from the page (Material's `[data-md-component=toc]` list,
 * which is in every page's HTML) and builds a disclosure under the title: a button
 * (aria-expanded, aria-controls) and a <nav> of the page's sections and their
 * subsections, the headings' own markup kept (Chinese stays marked zh-Hans). It works by
 * tap, click or keyboard; choosing a heading closes it and goes there; Escape closes it
 * and gives focus back to the button. The disclosure goes into the empty box
 * overrides/main.html puts under the title of a page with four or more headings (two
 * levels), whose room guide.css keeps from the first paint, so nothing moves when the
 * button comes; a page without the box gets no button. The list is made the first time
 * it opens, not while the page loads (on the glossary it cost 10-15 ms of Lighthouse's
 * throttled mobile CPU in the task that runs every script). From 60em up Material's sidebar
 * shows the contents and guide.css hides this one. Without JavaScript nothing changes.
 */
(function () {
  "use strict";

  function entries(list, depth) {
    // The toc's <li>s as [{href, label node, children}], two levels deep at most.
    var out = [];
    for (var i = 0; i < list.children.length; i++) {
      var item = list.children[i];
      var link = item.querySelector(":scope > a[href^='#']");
      if (!link) continue;
      var sub = item.querySelector(":scope > nav > ul");
      out.push({ href: link.getAttribute("href"), label: link.querySelector(".md-ellipsis") || link,
                 children: sub && depth < 2 ? entries(sub, depth + 1) : [] });
    }
    return out;
  }

  function listOf(items) {
    var ul = document.createElement("ul");
    items.forEach(function (entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry.href;
      a.append.apply(a, Array.prototype.map.call(entry.label.childNodes, function (n) { return n.cloneNode(true); }));
      li.append(a);
      if (entry.children.length) li.append(listOf(entry.children));
      ul.append(li);
    });
    return ul;
  }

  function build() {
    var toc = document.querySelector(".md-sidebar--secondary [data-md-component='toc']");
    var box = document.querySelector(".md-content article .page-contents:empty");
    if (!toc || !box) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "page-contents__button";
    button.id = "page-contents-button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "page-contents-list");
    button.textContent = "Contents";
    var nav = document.createElement("nav");
    nav.id = "page-contents-list";
    nav.className = "page-contents__list";
    nav.setAttribute("aria-labelledby", "page-contents-button");
    nav.hidden = true;
    box.append(button, nav);

    function setOpen(open, refocus) {
      if (open && !nav.firstChild) nav.append(listOf(entries(toc, 1)));  // made on first use
      nav.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (!open && refocus) button.focus();
    }
    button.addEventListener("click", function () { setOpen(nav.hidden, false); });
    nav.addEventListener("click", function (event) {
      if (event.target.closest("a")) setOpen(false, false);   // the link goes to its heading
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !nav.hidden) {
        event.stopPropagation();
        setOpen(false, true);
      }
    });
    return box;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
