/* Shared by the flashcard, quiz and progress pages (practice-site.js loads it, after
   practice-store.js): fetch the page's JSON once, render text segments with their lang,
   resolve links, save to the store with any error shown, and the progress file's export
   and import. After the JSON has loaded, a study round makes no request. */
(function () {
  "use strict";
  var Store = window.GuideStore;
  // The page's settings (overrides/practice.html): its JSON, and the site's base.
  function page() { return JSON.parse(document.getElementById("practice-scripts").textContent); }
  var P = window.GuidePractice = {
    store: Store.here(),
    load: function (onData) {
      var settings = page();
      var base = new URL(settings.base, location.href);
      fetch(settings.json)
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) { onData(data, base); })
        .catch(function (err) {
          var box = document.querySelector(".practice");
          if (box) { box.hidden = false; box.textContent = "The practice data could not be loaded (" + err.message + ")."; }
        });
    },
    /* Append text segments to an element; Chinese and pinyin get their lang. */
    segments: function (el, segs, className) {
      segs.forEach(function (s) {
        var span = document.createElement("span");
        span.textContent = s.text;
        if (s.lang) span.lang = s.lang;
        if (className) span.className = className;
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
    /* Save the store; a refusal is shown in `warn` (a role="alert" element), never thrown. */
    save: function () {
      var problem = P.store.save();
      P.warn(problem ? problem + ". Export your progress to keep it." : "");
      return !problem;
    },
    warn: function (message) {
      var box = document.getElementById("practice-warning");
      if (!box) return;
      box.textContent = message;
      box.hidden = !message;
    },
    /* The export button and import field of #progress-file; `done` runs after an import. */
    progressFile: function (status, done) {
      var exp = document.getElementById("progress-export"), imp = document.getElementById("progress-import");
      exp.addEventListener("click", function () {
        var blob = new Blob([P.store.exportText()], { type: "application/json" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = "guide-progress.json";
        document.body.appendChild(a); a.click(); a.remove();
        status.textContent = "Progress exported: " + P.summary(P.store.data) + ".";
      });
      imp.addEventListener("change", function (e) {
        var file = e.target.files[0];
        e.target.value = "";
        if (!file) return;
        file.text().then(function (text) {
          var result = P.store.importText(text);
          P.warn(result.ok ? result.message : "");
          status.textContent = result.ok ? "Progress imported: " + P.summary(P.store.data) + "." : result.message;
          if (result.ok && done) done();
        }, function () { status.textContent = "Nothing was changed: the file could not be read."; });
      });
    },
    summary: function (data) {
      var n = function (o) { return Object.keys(o).length; };
      return n(data.cards) + " cards, " + n(data.quiz) + " quizzes, " + n(data.read) + " pages read";
    },
  };
  if (P.store.problem) document.addEventListener("DOMContentLoaded", function () { P.warn(P.store.problem + "."); });
})();
