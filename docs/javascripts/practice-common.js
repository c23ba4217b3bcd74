/* Shared by the flashcard and quiz pages (overrides/practice.html loads it first):
   fetch the page's JSON once, render text segments with their lang, resolve links.
   After the JSON has loaded, a study round makes no request. */
(function () {
  "use strict";
  function page() {
    var scripts = document.querySelectorAll("script[data-json]");
    return scripts[scripts.length - 1];
  }
  window.GuidePractice = {
    load: function (onData) {
      var script = page();
      var base = new URL(script.dataset.base, location.href);
      fetch(script.dataset.json)
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) { onData(data, base); })
        .catch(function (err) {
          var box = document.querySelector(".practice");
          if (box) { box.hidden = false; box.textContent = "The practice data could not be loaded (" + err.message + ")."; }
        });
    },
    /* Append text segments to an element; Chinese and pinyin get their lang. */
    segments: function (el, segs) {
      segs.forEach(function (s) {
        var span = document.createElement("span");
        span.textContent = s.text;
        if (s.lang) span.lang = s.lang;
        el.appendChild(span);
      });
      return el;
    },
    text: function (segs) { return segs.map(function (s) { return s.text; }).join(""); },
    link: function (base, link) {
      var a = document.createElement("a");
      a.href = new URL(link.href, base).href;
      a.textContent = link.text;
      return a;
    },
    /* Keys typed into a form field are the field's, not the page's shortcuts. */
    typing: function (event) {
      var t = event.target;
      return t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));
    },
  };
})();
