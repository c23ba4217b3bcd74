/* On every page (a part of study-guide.js, after practice-store.js: macros/hooks/
   guide_script.py): the "I have read this page" box of a source or theme page, a tick in
   the navigation for every page read (both kept in the store, so they go into the progress
   file), and the offline service worker (sw.js, written by macros/hooks/offline_worker.py
   when the page links the manifest), registered over http(s); and the "Add to my cards"
   button of a term page and of a term's tap card (term-card.js calls window.GuideMine):
   the term's key goes into the store's `mine`, the flashcards' "My cards" deck; and a
   practice page's own scripts. */
(function () {
  "use strict";
  var config = document.getElementById("__config");  // Material's page settings: the site's base
  // The base ends in exactly one slash: Material writes ".", "..", or (the 404 page) "/".
  var base = new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/*$/, "/"), location.href);
  var store = window.GuideStore.here();
  function path(key) { return new URL(key, base).pathname; }

  /* Each nav link is resolved to a path, 200 of them on every page: skipped while nothing
     is read and nothing ticked (a first visit, and Lighthouse's). */
  function tick() {
    var keys = Object.keys(store.data.read);
    if (!keys.length && !document.querySelector(".guide-tick")) return;
    var read = {};
    keys.forEach(function (k) { read[path(k)] = true; });
    document.querySelectorAll(".md-nav__link[href]").forEach(function (a) {
      var done = !!read[new URL(a.getAttribute("href"), location.href).pathname];
      var mark = a.querySelector(".guide-tick");
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "guide-tick";
        mark.innerHTML = '<span aria-hidden="true">✓</span><span class="guide-sr-only"> (read)</span>';
        (a.querySelector(".md-ellipsis") || a).appendChild(mark);
      } else if (!done && mark) mark.remove();
    });
  }
  function readBox() {
    var box = document.querySelector(".guide-read");
    if (!box) return;
    var input = box.querySelector("input"), key = box.dataset.page, note = box.querySelector(".guide-read__note");
    input.checked = !!store.data.read[key];
    input.addEventListener("change", function () {
      if (input.checked) store.data.read[key] = Date.now(); else delete store.data.read[key];
      var problem = store.save();
      note.textContent = problem ? problem + ". Export your progress (My progress page) to keep it." : "";
      tick();
    });
    box.hidden = false;
  }
  /* A real button whose label says the state; the note (role="status") says what
     happened, or why it could not be saved. */
  function mine(box, term) {
    var button = box.querySelector("button"), note = box.querySelector(".guide-mine__note");
    function label() {
      button.textContent = store.isMine(term) ? "In my cards ✓ (remove)" : "Add to my cards";
    }
    button.addEventListener("click", function () {
      var on = !store.isMine(term), problem = store.setMine(term, on);
      label();
      note.textContent = problem ? problem + ". Export your progress (My progress page) to keep it."
        : on ? "Added: its cards are in the deck “My cards” on the Flashcards page." : "Removed from My cards.";
    });
    label();
    box.dataset.ready = "";
    return box;
  }
  function mineBox(term) {
    var box = document.createElement("p");
    box.className = "guide-mine";
    box.innerHTML = '<button type="button" class="guide-mine__button"></button> <span class="guide-mine__note" role="status"></span>';
    return mine(box, term);
  }
  window.GuideMine = { box: mineBox };
  document.querySelectorAll(".guide-mine[data-term]").forEach(function (box) { mine(box, box.dataset.term); });
  readBox();
  tick();
  window.addEventListener("storage", function (e) {
    if (e.key === window.GuideStore.KEY) { store = window.GuideStore.open(window.localStorage); tick(); }
  });
  /* A practice page's own scripts, listed by overrides/practice.html: added in their order
     now, after the first paint, so that they never hold it up on a slow connection. */
  var practice = document.getElementById("practice-scripts");
  if (practice) {
    JSON.parse(practice.textContent).scripts.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;  // run in the listed order
      document.body.appendChild(script);
    });
  }
  /* Once the page has loaded: the worker's install fetches the study pages, which should
     not compete with this page's own files. */
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && document.querySelector('link[rel="manifest"]')) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", base), { scope: base.pathname })
        .catch(function () { /* offline use is a bonus: a refusal changes nothing else */ });
    });
  }
})();
