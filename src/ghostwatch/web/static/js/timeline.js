/* ghostwatch timeline view: incidents per month stacked by country, and seized 3D-printed
 * firearms per month, as inline SVG (no library).
 *
 *   ghostwatchTimeline(elementId, dataUrl, options) -> Promise<rows>
 *
 * dataUrl: URL of (or the array itself) rows
 *   [{month: "2025-03", country: "FR" | null, incidents: 4, printed_firearms: 2}, ...]
 * (an object {rows: [...]} is accepted too). Months between the first and the last are filled
 * with zeros. The `topCountries` countries with most incidents get their own colour; the rest
 * are stacked as "other".
 *
 * options (all optional):
 *   topCountries  default 8
 *   height        height of the incidents chart in px (default 260; the firearms chart is 40%)
 *   barUrl        function (month, country) -> URL or null; clicking a bar segment opens it
 *
 * The element gets an <svg class="gw-chart gw-incidents-chart">, an <svg class="gw-chart
 * gw-printed-chart"> and a legend; data-gw-months="<n>" and data-gw-ready="1" once drawn.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#7f7f7f"];
  var OTHER_COLOUR = "#c7c7c7";
  var PRINTED_COLOUR = "#d7301f";
  var getJson = window.ghostwatchCommon.getJson;
  var message = window.ghostwatchCommon.message;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function node(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, content, attrs) {
    var a = attrs || {};
    a.x = x;
    a.y = y;
    var t = node("text", a, parent);
    t.textContent = content;
    return t;
  }

  function title(parent, content) {
    node("title", {}, parent).textContent = content;
  }

  function parseMonth(m) {
    var match = /^(\d{4})-(\d{2})/.exec(String(m || ""));
    return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
  }

  function monthKey(i) {
    var y = Math.floor(i / 12);
    var m = (i % 12) + 1;
    return y + "-" + (m < 10 ? "0" : "") + m;
  }

  function monthLabel(i) {
    return MONTHS[i % 12] + " " + Math.floor(i / 12);
  }

  /* A "nice" axis maximum and tick step for a maximum value. */
  function ticks(max) {
    if (max <= 0) return { max: 1, step: 1 };
    var raw = max / 4;
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (f) { return f * mag; }).find(function (s) { return s >= raw; });
    step = Math.max(1, step);
    return { max: Math.ceil(max / step) * step, step: step };
  }

  function prepare(rows, top) {
    var byMonth = {};
    var totals = {};
    var first = null;
    var last = null;
    rows.forEach(function (r) {
      var i = parseMonth(r && r.month);
      if (i === null) return;
      var c = r.country || "unknown";
      var n = Number(r.incidents) || 0;
      var p = Number(r.printed_firearms) || 0;
      first = first === null ? i : Math.min(first, i);
      last = last === null ? i : Math.max(last, i);
      var m = byMonth[i] || (byMonth[i] = { countries: {}, printed: 0, incidents: 0 });
      m.countries[c] = (m.countries[c] || 0) + n;
      m.printed += p;
      m.incidents += n;
      totals[c] = (totals[c] || 0) + n;
    });
    var ranked = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
    var shown = ranked.slice(0, top);
    var hasOther = ranked.length > top;
    var months = [];
    if (first !== null) {
      for (var i = first; i <= last; i++) {
        var m = byMonth[i] || { countries: {}, printed: 0, incidents: 0 };
        var stack = shown.map(function (c) { return { country: c, n: m.countries[c] || 0 }; });
        if (hasOther) {
          var rest = 0;
          ranked.slice(top).forEach(function (c) { rest += m.countries[c] || 0; });
          stack.push({ country: "other", n: rest });
        }
        months.push({ index: i, key: monthKey(i), stack: stack, incidents: m.incidents, printed: m.printed });
      }
    }
    var colours = {};
    shown.forEach(function (c, k) { colours[c] = PALETTE[k % PALETTE.length]; });
    colours.other = OTHER_COLOUR;
    return { months: months, countries: hasOther ? shown.concat(["other"]) : shown, colours: colours };
  }

  var MARGIN = { top: 22, right: 12, bottom: 34, left: 40 };

  function frame(parent, width, height, cls, label) {
    var svg = node("svg", {
      "class": "gw-chart " + cls,
      viewBox: "0 0 " + width + " " + height,
      width: "100%",
      preserveAspectRatio: "xMinYMin meet",
      role: "img",
      "aria-label": label
    }, parent);
    text(svg, MARGIN.left, 14, label, { "class": "gw-chart-title" });
    return svg;
  }

  function axes(svg, months, width, height, scale, step) {
    var plotH = height - MARGIN.top - MARGIN.bottom;
    var g = node("g", { "class": "gw-axis" }, svg);
    for (var v = 0; v <= scale.max; v += scale.step) {
      var y = MARGIN.top + plotH - (v / scale.max) * plotH;
      node("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y, y2: y, "class": "gw-grid" }, g);
      text(g, MARGIN.left - 6, y + 3, String(v), { "text-anchor": "end" });
    }
    var every = Math.max(1, Math.ceil(months.length / 12));
    months.forEach(function (m, k) {
      if (k % every) return;
      var x = MARGIN.left + k * step + step / 2;
      text(g, x, height - MARGIN.bottom + 14, monthLabel(m.index), { "text-anchor": "middle" });
    });
    node("line", {
      x1: MARGIN.left, x2: width - MARGIN.right,
      y1: MARGIN.top + plotH, y2: MARGIN.top + plotH, "class": "gw-baseline"
    }, g);
  }

  function drawIncidents(el, data, opts) {
    var months = data.months;
    var height = opts.height || 260;
    var step = Math.max(8, Math.min(48, 900 / Math.max(1, months.length)));
    var width = MARGIN.left + MARGIN.right + step * months.length;
    width = Math.max(width, 360);
    var plotH = height - MARGIN.top - MARGIN.bottom;
    var max = 0;
    months.forEach(function (m) { max = Math.max(max, m.incidents); });
    var scale = ticks(max);
    var svg = frame(el, width, height, "gw-incidents-chart", "Incidents per month, by country");
    axes(svg, months, width, height, scale, step);
    var bars = node("g", { "class": "gw-bars" }, svg);
    months.forEach(function (m, k) {
      var x = MARGIN.left + k * step + step * 0.12;
      var y = MARGIN.top + plotH;
      m.stack.forEach(function (s) {
        if (!s.n) return;
        var h = (s.n / scale.max) * plotH;
        y -= h;
        var rect = node("rect", {
          x: x, y: y, width: step * 0.76, height: h,
          fill: data.colours[s.country],
          "class": "gw-bar",
          "data-month": m.key,
          "data-country": s.country
        }, bars);
        title(rect, m.key + " · " + s.country + ": " + s.n + " incident" + (s.n === 1 ? "" : "s"));
        var url = opts.barUrl ? opts.barUrl(m.key, s.country === "other" ? null : s.country) : null;
        if (url) {
          rect.style.cursor = "pointer";
          rect.addEventListener("click", function () { window.location.href = url; });
        }
      });
    });
  }

  function drawPrinted(el, data, opts) {
    var months = data.months;
    var height = Math.round((opts.height || 260) * 0.4) + MARGIN.top;
    var step = Math.max(8, Math.min(48, 900 / Math.max(1, months.length)));
    var width = Math.max(MARGIN.left + MARGIN.right + step * months.length, 360);
    var plotH = height - MARGIN.top - MARGIN.bottom;
    var max = 0;
    months.forEach(function (m) { max = Math.max(max, m.printed); });
    var scale = ticks(max);
    var svg = frame(el, width, height, "gw-printed-chart", "3D-printed firearms seized per month");
    axes(svg, months, width, height, scale, step);
    var points = months.map(function (m, k) {
      return [MARGIN.left + k * step + step / 2, MARGIN.top + plotH - (m.printed / scale.max) * plotH];
    });
    if (points.length > 1) {
      node("polyline", {
        points: points.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "),
        fill: "none", stroke: PRINTED_COLOUR, "stroke-width": 2, "class": "gw-line"
      }, svg);
    }
    months.forEach(function (m, k) {
      var c = node("circle", {
        cx: points[k][0], cy: points[k][1], r: m.printed ? 3.5 : 2,
        fill: m.printed ? PRINTED_COLOUR : "#fff", stroke: PRINTED_COLOUR, "class": "gw-point",
        "data-month": m.key
      }, svg);
      title(c, m.key + ": " + m.printed + " 3D-printed firearm" + (m.printed === 1 ? "" : "s") + " seized");
    });
  }

  function legend(el, data) {
    var div = document.createElement("div");
    div.className = "gw-legend gw-timeline-legend";
    data.countries.forEach(function (c) {
      var row = document.createElement("span");
      row.className = "gw-legend-row";
      var sw = document.createElement("span");
      sw.className = "gw-swatch";
      sw.style.background = data.colours[c];
      row.appendChild(sw);
      row.appendChild(document.createTextNode(c));
      div.appendChild(row);
    });
    el.appendChild(div);
  }

  window.ghostwatchTimeline = function (elementId, dataUrl, options) {
    var opts = options || {};
    var el = typeof elementId === "string" ? document.getElementById(elementId) : elementId;
    if (!el) return Promise.reject(new Error("ghostwatchTimeline: no element " + elementId));
    el.classList.add("gw-timeline");
    return getJson(dataUrl).then(function (payload) {
      var rows = Array.isArray(payload) ? payload : (payload && (payload.rows || payload.items)) || [];
      var data = prepare(rows, opts.topCountries || 8);
      while (el.firstChild) el.removeChild(el.firstChild);
      if (!data.months.length) {
        message(el, "No incident in this selection.");
      } else {
        legend(el, data);
        drawIncidents(el, data, opts);
        drawPrinted(el, data, opts);
      }
      el.setAttribute("data-gw-months", String(data.months.length));
      el.setAttribute("data-gw-ready", "1");
      return rows;
    }).catch(function (err) {
      message(el, "Could not load the timeline.");
      el.setAttribute("data-gw-ready", "error");
      if (window.console) console.error("ghostwatch timeline:", err);
      return null;
    });
  };
})();
