/* A Storage stand-in for the unit tests: a Map, and a switch that makes setItem throw
   as a full or private-mode localStorage does. */
"use strict";
module.exports = function fakeStorage(entries) {
  var map = new Map(Object.entries(entries || {}));
  return {
    full: false,
    getItem: function (k) { return map.has(k) ? map.get(k) : null; },
    setItem: function (k, v) {
      if (this.full) { var e = new Error("quota"); e.name = "QuotaExceededError"; throw e; }
      map.set(k, String(v));
    },
    removeItem: function (k) { map.delete(k); },
    dump: function () { return Object.fromEntries(map); },
  };
};
