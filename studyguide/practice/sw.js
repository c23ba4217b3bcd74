/* The guide's service worker (written to the site's root as sw.js by
   macros/hooks/offline_worker.py, which fills in VERSION and PRECACHE): after one visit,
   the study pages, their data and the core path load with the network cut.

   - On install it caches PRECACHE: the home page, the study pages, the core-path pages,
     the practice data and every script, stylesheet and image those pages use.
   - Every same-origin GET goes to the network first and falls back to the cache, so an
     online reader always sees the current site; each response that succeeds is cached,
     so any page once read opens offline too. Requests to other origins are left alone.
   - VERSION is a hash of the cached files: a new build is a new worker, which takes over
     on the next visit (no skipWaiting) and deletes the old caches when it does. */
"use strict";
var VERSION = "__VERSION__";
var PRECACHE = ["__PRECACHE__"];
var CACHE = "guide-" + VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(PRECACHE.map(function (path) { return new URL(path, self.registration.scope).href; }));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("guide-") === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }, function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (again) {
        return again || Response.error();
      });
    });
  }));
});
