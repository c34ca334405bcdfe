/* Helpers shared by map.js, network.js and timeline.js; pages load this file before them. */
(function () {
  "use strict";
  var loading = {};

  window.ghostwatchCommon = {
    /* JSON from a URL (with the session cookie), or the data itself when given an object. */
    getJson: function (source) {
      if (source && typeof source === "object") return Promise.resolve(source);
      return fetch(source, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error(source + ": HTTP " + r.status);
          return r.json();
        });
    },

    /* Load a script once (concurrent callers share the promise). */
    loadScript: function (src) {
      if (loading[src]) return loading[src];
      loading[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(s);
      });
      return loading[src];
    },

    /* A short notice in place of a view with nothing to show (text only, never HTML). */
    message: function (el, text) {
      var p = document.createElement("p");
      p.className = "gw-empty";
      p.textContent = text;
      el.appendChild(p);
    }
  };
})();
