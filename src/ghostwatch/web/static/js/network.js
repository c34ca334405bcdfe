/* ghostwatch network view: the actor graph drawn with cytoscape.js.
 *
 *   ghostwatchNetwork(elementId, dataUrl, options) -> Promise<cy | null>  (null when the data cannot be loaded)
 *
 * dataUrl: URL of (or the object itself)
 *   {nodes: [{id, label, kind, role_group, brokerage, degree?, ...}],
 *    edges: [{id?, source, target, relation, ...}]}
 * kind: "person" | "people" | "group" | "agency" | "place" | "incident" | other.
 * People ("person", "people") are coloured by role_group, other nodes by kind; nodes with
 * brokerage > 0 get a thick dark border; edge labels are the relation.
 *
 * options (all optional):
 *   layout      a cytoscape layout object (default cose, not animated)
 *   legend      draw a legend after the element (default true)
 *   nodeUrl     function (nodeData) -> URL or null; a double click on the node opens it
 *               (default: "/incidents/<n>" for incident nodes whose id is "incident:<n>")
 *   onSelect    function (nodeData | null) called when a node is tapped (or the background)
 *
 * Needs cytoscape (window.cytoscape); loads <static>/vendor/cytoscape/cytoscape.min.js when absent.
 * Sets window.gwCy (the cytoscape instance); the element gets data-gw-nodes / data-gw-edges and
 * data-gw-ready="1" once drawn.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var getJson = window.ghostwatchCommon.getJson;
  var loadScript = window.ghostwatchCommon.loadScript;
  var message = window.ghostwatchCommon.message;
  var STATIC_BASE = script && script.src ? script.src.replace(/js\/network\.js(\?.*)?$/, "") : "/static/";

  var ROLE_COLOURS = {
    leader: "#b2182b",
    manufacturer: "#d7301f",
    supplier: "#fc8d59",
    broker: "#7b3294",
    seller: "#e7298a",
    courier: "#2c7fb8",
    buyer: "#41ab5d",
    accomplice: "#8c6d31",
    suspect: "#969696",
    victim: "#fdd49e"
  };
  var KIND_COLOURS = {
    person: "#969696",
    people: "#969696",
    group: "#525252",
    agency: "#1f78b4",
    place: "#a6cee3",
    incident: "#ffd92f"
  };
  var KIND_SHAPES = {
    person: "ellipse",
    people: "ellipse",
    group: "round-rectangle",
    agency: "hexagon",
    place: "round-triangle",
    incident: "diamond"
  };
  var OTHER = "#cccccc";

  function isPeople(kind) {
    return kind === "person" || kind === "people";
  }

  function colourOf(n) {
    if (isPeople(n.kind) && n.role_group && ROLE_COLOURS[n.role_group]) return ROLE_COLOURS[n.role_group];
    return KIND_COLOURS[n.kind] || OTHER;
  }

  function defaultNodeUrl(d) {
    var m = /^incident:(\d+)$/.exec(String(d.id));
    return d.kind === "incident" && m ? "/incidents/" + m[1] : null;
  }

  function elements(data) {
    var nodes = (data && data.nodes) || [];
    var edges = (data && data.edges) || [];
    var ids = {};
    var out = [];
    nodes.forEach(function (n) {
      if (n == null || n.id == null) return;
      var id = String(n.id);
      if (ids[id]) return;
      ids[id] = true;
      var d = {};
      Object.keys(n).forEach(function (k) { d[k] = n[k]; });
      d.id = id;
      d.label = n.label == null ? id : String(n.label);
      d.brokerage = Number(n.brokerage) || 0;
      d.gwColour = colourOf(n);
      d.gwShape = KIND_SHAPES[n.kind] || "ellipse";
      out.push({ group: "nodes", data: d, classes: d.brokerage > 0 ? "broker" : "" });
    });
    edges.forEach(function (e, i) {
      if (e == null) return;
      var s = String(e.source);
      var t = String(e.target);
      if (!ids[s] || !ids[t]) return; // an edge to a missing node would make cytoscape throw
      var d = {};
      Object.keys(e).forEach(function (k) { d[k] = e[k]; });
      d.id = "gwe" + i + (e.id != null ? ":" + e.id : "");
      d.source = s;
      d.target = t;
      d.relation = e.relation == null ? "" : String(e.relation);
      out.push({ group: "edges", data: d });
    });
    return out;
  }

  var STYLE = [
    {
      selector: "node",
      style: {
        "background-color": "data(gwColour)",
        shape: "data(gwShape)",
        label: "data(label)",
        "font-size": 10,
        "font-family": "Helvetica, Arial, sans-serif",
        color: "#222",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 120,
        "text-background-color": "#fff",
        "text-background-opacity": 0.7,
        "text-background-padding": 1,
        "border-width": 1,
        "border-color": "#666",
        width: "mapData(degree, 0, 12, 18, 42)",
        height: "mapData(degree, 0, 12, 18, 42)"
      }
    },
    { selector: "node[kind = 'people']", style: { "border-style": "dashed", "border-width": 2 } },
    { selector: "node.broker", style: { "border-width": 5, "border-color": "#111", "border-style": "solid" } },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": "#a8a8a8",
        "target-arrow-color": "#a8a8a8",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": "bezier",
        label: "data(relation)",
        "font-size": 8,
        color: "#555",
        "text-rotation": "autorotate",
        "text-background-color": "#fff",
        "text-background-opacity": 0.8,
        "text-background-padding": 1
      }
    },
    { selector: ".gw-faded", style: { opacity: 0.15 } },
    { selector: "node:selected", style: { "overlay-color": "#000", "overlay-opacity": 0.12 } }
  ];

  function swatchRow(colour, text, extra) {
    var row = document.createElement("span");
    row.className = "gw-legend-row";
    var sw = document.createElement("span");
    sw.className = "gw-swatch" + (extra ? " " + extra : "");
    sw.style.background = colour;
    row.appendChild(sw);
    row.appendChild(document.createTextNode(text));
    return row;
  }

  function legend(el, nodes) {
    var roles = {};
    var kinds = {};
    var brokers = 0;
    nodes.forEach(function (n) {
      if (isPeople(n.kind) && n.role_group && ROLE_COLOURS[n.role_group]) roles[n.role_group] = true;
      else kinds[n.kind || "other"] = true;
      if (Number(n.brokerage) > 0) brokers++;
    });
    var div = document.createElement("div");
    div.className = "gw-legend gw-network-legend";
    Object.keys(ROLE_COLOURS).forEach(function (r) {
      if (roles[r]) div.appendChild(swatchRow(ROLE_COLOURS[r], r));
    });
    Object.keys(kinds).sort().forEach(function (k) {
      div.appendChild(swatchRow(KIND_COLOURS[k] || OTHER, k));
    });
    if (brokers) div.appendChild(swatchRow("#fff", "broker (" + brokers + ")", "gw-swatch-broker"));
    var old = el.nextElementSibling;
    if (old && old.classList.contains("gw-network-legend")) old.remove();
    el.parentNode.insertBefore(div, el.nextSibling);
  }

  window.ghostwatchNetwork = function (elementId, dataUrl, options) {
    var opts = options || {};
    var el = typeof elementId === "string" ? document.getElementById(elementId) : elementId;
    if (!el) return Promise.reject(new Error("ghostwatchNetwork: no element " + elementId));
    el.classList.add("gw-network");
    var lib = window.cytoscape ? Promise.resolve() : loadScript(STATIC_BASE + "vendor/cytoscape/cytoscape.min.js");
    return Promise.all([lib, getJson(dataUrl)]).then(function (res) {
      var data = res[1] || {};
      var els = elements(data);
      var nodeCount = els.filter(function (e) { return e.group === "nodes"; }).length;
      var cy = window.cytoscape({
        container: el,
        elements: els,
        style: STYLE,
        layout: opts.layout || {
          name: "cose",
          animate: false,
          randomize: true,
          nodeRepulsion: function () { return 9000; },
          idealEdgeLength: function () { return 70; },
          padding: 20
        },
        minZoom: 0.1,
        maxZoom: 4
      });
      window.gwCy = cy;
      var nodeUrl = opts.nodeUrl || defaultNodeUrl;
      cy.on("tap", "node", function (evt) {
        var node = evt.target;
        cy.elements().addClass("gw-faded");
        node.closedNeighborhood().removeClass("gw-faded");
        if (opts.onSelect) opts.onSelect(node.data());
      });
      cy.on("tap", function (evt) {
        if (evt.target === cy) {
          cy.elements().removeClass("gw-faded");
          if (opts.onSelect) opts.onSelect(null);
        }
      });
      cy.on("dbltap", "node", function (evt) {
        var url = nodeUrl(evt.target.data());
        if (url) window.location.href = url;
      });
      if (opts.legend !== false) legend(el, (data.nodes || []).filter(function (n) { return n && n.id != null; }));
      if (!nodeCount) message(el, "No people, groups or agencies to draw.");
      el.setAttribute("data-gw-nodes", String(cy.nodes().length));
      el.setAttribute("data-gw-edges", String(cy.edges().length));
      el.setAttribute("data-gw-ready", "1");
      return cy;
    }).catch(function (err) {
      message(el, "Could not load the network.");
      el.setAttribute("data-gw-ready", "error");
      if (window.console) console.error("ghostwatch network:", err);
      return null;
    });
  };

  window.ghostwatchNetwork.roleColours = ROLE_COLOURS;
  window.ghostwatchNetwork.kindColours = KIND_COLOURS;
})();
