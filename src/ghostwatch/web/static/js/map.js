/* ghostwatch map view: incidents on an offline basemap (no tile server).
 *
 *   var map = ghostwatchMap(elementId, geojsonUrl, options);
 *   map.gwReady.then(function (count) { ... });   // resolves with the number of markers
 *
 * geojsonUrl: URL of a GeoJSON FeatureCollection of incidents (or the object itself). Each
 * feature: Point geometry [lon, lat]; properties {id, title, firearm_kinds: [..], first_date}
 * (also shown when present: place_name, place_admin1, place_country; the feature's own `id` is
 * used when properties.id is missing). Features without a Point geometry are skipped.
 *
 * options (all optional):
 *   countriesUrl    TopoJSON/GeoJSON of countries   (default <static>/geo/countries-50m.topo.json)
 *   admin1Url       TopoJSON/GeoJSON of admin-1     (default <static>/geo/admin1-10m-simplified.topo.json)
 *   admin1MinZoom   zoom from which admin-1 borders are drawn (default 4)
 *   cluster         true | false | "auto" (default "auto": cluster above clusterThreshold markers)
 *   clusterThreshold  default 300
 *   incidentUrl     function (id) -> URL opened on click (default "/incidents/<id>")
 *   center, zoom    initial view when there is no marker (default [30, 10], 2)
 *   fit             fit the view to the markers (default true)
 *   legend          draw the legend (default true)
 *
 * Plain ES2019, no build step. Needs Leaflet (window.L); loads topojson-client and
 * leaflet.markercluster from <static>/vendor/ on demand when they are not on the page.
 * Sets window.gwMap; the container gets data-gw-markers="<n>" and data-gw-ready="1" once drawn.
 * Each marker's SVG element has the class "gw-marker" (and "gw-kind-<kind>").
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var getJson = window.ghostwatchCommon.getJson;
  var loadScript = window.ghostwatchCommon.loadScript;
  var STATIC_BASE = script && script.src ? script.src.replace(/js\/map\.js(\?.*)?$/, "") : "/static/";

  var KINDS = [
    ["3d_printed", "3D-printed", "#d7301f"],
    ["privately_made", "Privately made", "#fc8d59"],
    ["converted", "Converted", "#7b3294"],
    ["blank_firing", "Blank-firing", "#2c7fb8"],
    ["imitation", "Imitation", "#41ab5d"],
    ["conventional", "Conventional", "#525252"],
    ["unknown", "Unknown", "#bdbdbd"]
  ];
  var COLOURS = {};
  var LABELS = {};
  KINDS.forEach(function (k) {
    COLOURS[k[0]] = k[2];
    LABELS[k[0]] = k[1];
  });

  function loadCss(href) {
    if (document.querySelector('link[href="' + href + '"]')) return;
    var l = document.createElement("link");
    l.rel = "stylesheet";
    l.href = href;
    document.head.appendChild(l);
  }

  function ensureLeaflet() {
    if (window.L) return Promise.resolve();
    loadCss(STATIC_BASE + "vendor/leaflet/leaflet.css");
    return loadScript(STATIC_BASE + "vendor/leaflet/leaflet.js");
  }

  function ensureTopojson() {
    if (window.topojson) return Promise.resolve();
    return loadScript(STATIC_BASE + "vendor/topojson-client/topojson-client.min.js");
  }

  function ensureCluster() {
    loadCss(STATIC_BASE + "vendor/leaflet.markercluster/MarkerCluster.css");
    if (window.L && window.L.markerClusterGroup) return Promise.resolve(true);
    return loadScript(STATIC_BASE + "vendor/leaflet.markercluster/leaflet.markercluster.js")
      .then(function () { return true; }, function () { return false; });
  }

  /* GeoJSON from a GeoJSON object or from every object of a TopoJSON topology (or one named). */
  function toGeojson(data, objectName) {
    if (!data || data.type !== "Topology") return Promise.resolve(data);
    return ensureTopojson().then(function () {
      var names = objectName ? [objectName] : Object.keys(data.objects);
      var features = [];
      names.forEach(function (name) {
        var fc = window.topojson.feature(data, data.objects[name]);
        features = features.concat(fc.features || [fc]);
      });
      features.forEach(function (f) { unwrap(f.geometry); });
      return { type: "FeatureCollection", features: features };
    });
  }

  /* Polygons crossing the antimeridian (Russia, Fiji, ...) jump from +180 to -180 between two
   * vertices, which a planar map draws as a line across the world: continue them past 180. */
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i] = [ring[i][0] - 360, ring[i][1]];
      else if (d < -180) ring[i] = [ring[i][0] + 360, ring[i][1]];
    }
    return ring;
  }

  function unwrap(geometry) {
    if (!geometry) return geometry;
    if (geometry.type === "Polygon") geometry.coordinates.forEach(unwrapRing);
    else if (geometry.type === "MultiPolygon") {
      geometry.coordinates.forEach(function (poly) { poly.forEach(unwrapRing); });
    }
    return geometry;
  }

  function primaryKind(kinds) {
    var held = Array.isArray(kinds) ? kinds : (kinds ? [kinds] : []);
    for (var i = 0; i < KINDS.length; i++) {
      if (held.indexOf(KINDS[i][0]) >= 0) return KINDS[i][0];
    }
    return "unknown";
  }

  function defaultIncidentUrl(id) {
    return "/incidents/" + encodeURIComponent(id);
  }

  /* Tooltip content built with DOM text nodes: titles come from untrusted sources. */
  function tooltipContent(p) {
    var div = document.createElement("div");
    div.className = "gw-tooltip";
    var strong = document.createElement("strong");
    strong.textContent = p.title || ("Incident " + p.id);
    div.appendChild(strong);
    var place = [p.place_name, p.place_admin1, p.place_country].filter(Boolean).join(", ");
    if (place && place !== p.title) {
      div.appendChild(document.createElement("br"));
      div.appendChild(document.createTextNode(place));
    }
    var meta = [];
    if (p.first_date) meta.push(String(p.first_date));
    var kinds = Array.isArray(p.firearm_kinds) ? p.firearm_kinds : [];
    if (kinds.length) meta.push(kinds.map(function (k) { return LABELS[k] || k; }).join(", "));
    if (meta.length) {
      div.appendChild(document.createElement("br"));
      var small = document.createElement("small");
      small.textContent = meta.join(" · ");
      div.appendChild(small);
    }
    return div;
  }

  function legendControl(counts) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "gw-legend");
      var h = document.createElement("strong");
      h.textContent = "Firearm kind";
      div.appendChild(h);
      KINDS.forEach(function (k) {
        var row = document.createElement("div");
        row.className = "gw-legend-row";
        var sw = document.createElement("span");
        sw.className = "gw-swatch";
        sw.style.background = k[2];
        row.appendChild(sw);
        row.appendChild(document.createTextNode(k[1] + (counts[k[0]] ? " (" + counts[k[0]] + ")" : "")));
        div.appendChild(row);
      });
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return control;
  }

  function messageControl(text) {
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "gw-map-message");
      div.textContent = text;
      return div;
    };
    return control;
  }

  function drawBasemap(map, opts) {
    var renderer = L.canvas({ padding: 0.5 });
    var countriesUrl = opts.countriesUrl || STATIC_BASE + "geo/countries-50m.topo.json";
    var admin1Url = opts.admin1Url || STATIC_BASE + "geo/admin1-10m-simplified.topo.json";
    var minZoom = opts.admin1MinZoom == null ? 4 : opts.admin1MinZoom;

    var countries = getJson(countriesUrl)
      .then(function (d) { return toGeojson(d, d && d.type === "Topology" && d.objects.countries ? "countries" : null); })
      .then(function (gj) {
        L.geoJSON(gj, {
          renderer: renderer,
          interactive: false,
          pane: "gwCountries",
          style: { color: "#8c8c8c", weight: 0.7, fillColor: "#ececea", fillOpacity: 1 }
        }).addTo(map);
      });

    var admin1 = getJson(admin1Url)
      .then(function (d) { return toGeojson(d); })
      .then(function (gj) {
        var layer = L.geoJSON(gj, {
          renderer: renderer,
          interactive: false,
          pane: "gwAdmin1",
          style: { color: "#b4b4b4", weight: 0.5, fill: false }
        });
        function toggle() {
          if (map.getZoom() >= minZoom) {
            if (!map.hasLayer(layer)) layer.addTo(map);
          } else if (map.hasLayer(layer)) {
            map.removeLayer(layer);
          }
        }
        map.on("zoomend", toggle);
        toggle();
      });

    return Promise.all([countries, admin1]).catch(function (err) {
      if (window.console) console.warn("ghostwatch map: basemap", err);
    });
  }

  function drawIncidents(map, el, geojson, opts) {
    var features = (geojson && geojson.features) || [];
    var counts = {};
    var markers = [];
    var incidentUrl = opts.incidentUrl || defaultIncidentUrl;

    features.forEach(function (f) {
      var g = f && f.geometry;
      if (!g || g.type !== "Point" || !Array.isArray(g.coordinates)) return;
      var lon = Number(g.coordinates[0]);
      var lat = Number(g.coordinates[1]);
      if (!isFinite(lat) || !isFinite(lon)) return;
      var p = f.properties || {};
      if (p.id == null && f.id != null) p.id = f.id;
      var kind = primaryKind(p.firearm_kinds);
      counts[kind] = (counts[kind] || 0) + 1;
      var several = Array.isArray(p.firearm_kinds) && p.firearm_kinds.length > 1;
      var marker = L.circleMarker([lat, lon], {
        radius: 7,
        color: several ? "#111" : "#fff",
        weight: several ? 2 : 1.5,
        fillColor: COLOURS[kind],
        fillOpacity: 0.9,
        className: "gw-marker gw-kind-" + kind
      });
      marker.gwIncident = p;
      marker.bindTooltip(tooltipContent(p), { direction: "top", offset: [0, -6] });
      marker.on("click", function () {
        if (p.id != null) window.location.href = incidentUrl(p.id);
      });
      markers.push(marker);
    });

    var wantCluster = opts.cluster === true ||
      ((opts.cluster == null || opts.cluster === "auto") && markers.length > (opts.clusterThreshold || 300));
    var layerReady = wantCluster ? ensureCluster() : Promise.resolve(false);

    return layerReady.then(function (clustered) {
      var group;
      if (clustered && L.markerClusterGroup) {
        group = L.markerClusterGroup({
          showCoverageOnHover: false,
          maxClusterRadius: 40,
          iconCreateFunction: function (cluster) {
            var n = cluster.getChildCount();
            var size = n < 10 ? 28 : n < 100 ? 34 : 40;
            return L.divIcon({
              html: "<span>" + n + "</span>",
              className: "gw-cluster",
              iconSize: [size, size]
            });
          }
        });
        group.addLayers(markers);
      } else {
        group = L.featureGroup(markers);
      }
      group.addTo(map);
      if (markers.length && opts.fit !== false) {
        var bounds = L.featureGroup(markers).getBounds();
        map.fitBounds(bounds.pad(0.2), { maxZoom: 7 });
      }
      if (opts.legend !== false) legendControl(counts).addTo(map);
      if (!markers.length) messageControl("No incident with a known location.").addTo(map);
      el.setAttribute("data-gw-markers", String(markers.length));
      el.setAttribute("data-gw-ready", "1");
      map.gwMarkers = markers;
      map.gwLayer = group;
      return markers.length;
    });
  }

  window.ghostwatchMap = function (elementId, geojsonUrl, options) {
    var opts = options || {};
    var el = typeof elementId === "string" ? document.getElementById(elementId) : elementId;
    if (!el) throw new Error("ghostwatchMap: no element " + elementId);
    el.classList.add("gw-map");

    function build() {
      var map = L.map(el, {
        center: opts.center || [30, 10],
        zoom: opts.zoom == null ? 2 : opts.zoom,
        minZoom: 1,
        maxZoom: 12,
        worldCopyJump: false
      });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution("Boundaries: Natural Earth");
      map.createPane("gwCountries").style.zIndex = 200;
      map.createPane("gwAdmin1").style.zIndex = 250;
      window.gwMap = map;
      drawBasemap(map, opts);
      map.gwReady = getJson(geojsonUrl).then(function (gj) {
        return drawIncidents(map, el, gj, opts);
      }).catch(function (err) {
        messageControl("Could not load the incidents.").addTo(map);
        el.setAttribute("data-gw-markers", "0");
        el.setAttribute("data-gw-ready", "error");
        if (window.console) console.error("ghostwatch map:", err);
        return 0;
      });
      return map;
    }

    if (window.L) return build();
    // Leaflet not on the page: load it, and hand back a promise-holder meanwhile.
    return { gwReady: ensureLeaflet().then(function () { return build().gwReady; }) };
  };

  window.ghostwatchMap.kinds = KINDS.map(function (k) { return { kind: k[0], label: k[1], colour: k[2] }; });
})();
