/* graphkit viewer: draws the entity graph with vis-network and builds the
 * legend, filters, search and details panel around it.
 *
 * Safety rule for this file: text that came from articles is only ever put
 * into the page as text nodes (el()/textContent), never via innerHTML, and
 * links are only made for http(s) URLs.
 */
(function () {
  "use strict";

  // Marks for benchmarks/html_2000.py (performance.getEntriesByType("mark")).
  performance.mark("graphkit:start");
  var DATA = JSON.parse(document.getElementById("graphkit-data").textContent);
  var ENTITIES = DATA.entities;
  var RELATIONS = indexRelations(DATA.relations);
  var ARTICLES = DATA.articles;
  // Entities in no relation: listed in their own card, not drawn.
  var UNLINKED = new Set(DATA.unlinked);

  // What a dashed edge is: the article does not state it as fact.
  var STATUS_WORDS = { claimed: "claimed, not stated as fact", planned: "planned or expected, not (yet) done",
                       negated: "stated not to hold", hypothetical: "conditional or possible" };

  var hiddenTypes = new Set();
  var hiddenLabels = new Set();
  // Hub labels' enlarged font size by node id (maxVisible caps them when zoomed in).
  var hubFontSize = {};

  // ------------------------------------------------------------- DOM helpers
  // el, append, clear, isSafeUrl, plural: graphkit/export/assets/dom.js, shared by both viewers
  var el = GraphkitDOM.el, append = GraphkitDOM.append, clear = GraphkitDOM.clear;
  var isSafeUrl = GraphkitDOM.isSafeUrl, plural = GraphkitDOM.plural;

  function typeColour(type) { return DATA.colours[type] || DATA.colours.other; }

  // ------------------------------------------------------------------- data

  function indexRelations(list) {
    var byId = {};
    list.forEach(function (rel, i) { rel.id = "e" + i; byId[rel.id] = rel; });
    return byId;
  }

  function relationsOf(id) {
    return DATA.relations.filter(function (r) { return r.from === id || r.to === id; });
  }

  function claimsBy(id) {
    return DATA.relations.filter(function (r) { return r.claimed_by === id; });
  }

  function entityName(id) { return ENTITIES[id] ? ENTITIES[id].name : id; }

  // ---------------------------------------------------------------- tooltip

  /** vis-network renders string titles as HTML; an Element is shown as is. */
  function nodeTooltip(id) {
    var e = ENTITIES[id];
    var kind = e.type + (e.schema_type && e.schema_type !== e.type ? " · " + e.schema_type : "");
    return el("div", null,
      el("div", { className: "gk-tip-name" }, e.name),
      el("div", { className: "gk-tip-type" }, kind || "entity"),
      e.aliases.length ? el("div", { className: "gk-tip-aliases" }, "Also: " + e.aliases.join(", ")) : null);
  }

  function edgeTooltip(rel) {
    return el("div", null,
      el("div", { className: "gk-tip-name" }, entityName(rel.from) + " — " + rel.label + " → " + entityName(rel.to)),
      rel.status && rel.status !== "fact" ? el("div", { className: "gk-tip-type" }, STATUS_WORDS[rel.status] || rel.status) : null,
      rel.claimed_by_name ? el("div", { className: "gk-tip-type" }, "claimed by " + rel.claimed_by_name) : null);
  }

  // ---------------------------------------------------------------- network

  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeTooltip(n.id) });
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeTooltip(RELATIONS[e.id]) });
  }));
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenTypes.has(ENTITIES[n.id].group); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenLabels.has(RELATIONS[e.id].label); }
  });

  var container = document.getElementById("gk-graph");
  var side = document.getElementById("gk-side");
  var legend = document.getElementById("gk-legend");
  var unlinkedCard = document.getElementById("gk-unlinked");
  unlinkedCard.hidden = DATA.unlinked.length === 0;
  // On a narrow canvas (a notebook cell, a phone) the cards start folded.
  if (container.clientWidth < 3 * (side.offsetLeft + side.offsetWidth)) legend.open = false;
  unlinkedCard.open = legend.open;

  performance.mark("graphkit:data");
  // Built empty so the layout handlers below are in place before any layout starts.
  var network = new vis.Network(container, { nodes: [], edges: [] }, DATA.options);

  // ------------------------------------------------------- settle, then stop

  var ready = false;
  var progress = document.getElementById("gk-progress");

  var layoutStarted = performance.now();
  network.on("stabilizationProgress", function (p) {
    progress.textContent = Math.round(100 * p.iterations / p.total) + "%";
    // A slow machine gets a looser layout rather than a long wait.
    if (performance.now() - layoutStarted > DATA.layout_budget_ms) network.stopSimulation();
  });
  // Stabilisation runs a bounded number of iterations; then physics goes off
  // so the picture stays put (the Physics toggle turns it back on).
  network.once("stabilizationIterationsDone", settle);
  network.setData({ nodes: nodeView, edges: edgeView });
  performance.mark("graphkit:network");
  if (DATA.nodes.length === 0) settle();
  setTimeout(settle, 20000); // never leave the page "laying out" forever

  function settle() {
    if (ready) return;
    ready = true;
    performance.mark("graphkit:stabilized");
    network.setOptions({ physics: { enabled: false } });
    document.getElementById("gk-loading").hidden = true;
    if (DATA.nodes.length > DATA.dim_limit) {
      // Big graphs: labels are too small to draw at the fitted zoom, so one frame does;
      // each frame of thousands of nodes costs hundreds of milliseconds.
      network.once("afterDrawing", markReady);
      packIslands();
      fitVisible(false);
      enlargeHubLabels();
      network.redraw();
      return;
    }
    // Labels are measured when first drawn: draw once, fit them in, then report ready.
    packIslands();
    network.once("afterDrawing", function () {
      network.once("afterDrawing", markReady);
      fitVisible(false);
      enlargeHubLabels();
      network.redraw();
    });
    network.redraw();
  }

  var HUB_SCREEN_PX = 14; // on-screen size of hub labels at the fitted zoom
  var HUB_LABEL_MAX = 24;

  /** Zoomed out, labels are too small to draw; the best connected entities keep
   * theirs, enlarged, as long as they do not overlap a better connected one's. */
  function enlargeHubLabels() {
    var scale = network.getScale();
    var size = Math.round(HUB_SCREEN_PX / scale);
    if (size <= DATA.options.nodes.font.size) return;
    var positions = network.getPositions(DATA.hubs);
    var taken = [];
    DATA.hubs.forEach(function (id) {
      if (taken.length >= HUB_LABEL_MAX) return;
      var box = labelBox(positions[id], ENTITIES[id].name, nodes.get(id).size, scale);
      if (taken.some(function (other) { return overlaps(box, other); })) return;
      taken.push(box);
      hubFontSize[id] = size;
    });
    nodes.update(Object.keys(hubFontSize).map(function (id) { return { id: id, font: nodeFont(id, NODE_TEXT) }; }));
  }

  /** Where a label of HUB_SCREEN_PX would be drawn (below its dot), in screen pixels. */
  function labelBox(at, text, radius, scale) {
    var width = 0.6 * HUB_SCREEN_PX * Math.min(text.length, 40); // rough average glyph width
    var top = at.y * scale + radius * scale;
    return { left: at.x * scale - width / 2 - 4, right: at.x * scale + width / 2 + 4,
             top: top - 2, bottom: top + HUB_SCREEN_PX + 6 };
  }

  function nodeFont(id, colour) {
    var hub = hubFontSize[id];
    // A wide white halo: hub labels sit on a dense part of the graph.
    return hub ? { color: colour, size: hub, strokeWidth: Math.round(hub / 3) } : { color: colour };
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // -------------------------------------------------------- island packing

  var CELL = 40; // packing grid, in canvas units

  /** Move the small separate components ("islands") from the origin, where they
   * were laid out one by one, into free grid cells around the main component,
   * nearest first: a compact margin instead of a ring. */
  function packIslands() {
    if (!DATA.islands.length) return;
    var inIsland = new Set([].concat.apply([], DATA.islands));
    var all = network.getPositions();
    var main = Object.keys(all).filter(function (id) { return !inIsland.has(id); }).map(function (id) { return all[id]; });
    var taken = new Set();
    var disc = mainDisc(main);
    main.forEach(function (p) { occupy(taken, boxAround([p], 1)); });
    var boxes = DATA.islands.map(function (island) {
      return boxAround(island.map(function (id) { return all[id]; }), 1);
    });
    var area = boxes.reduce(function (sum, b) { return sum + (b.i1 - b.i0 + 1) * (b.j1 - b.j0 + 1); }, 0);
    var cells = cellsByDistance(disc, area).filter(function (c) { return !taken.has(c.i + "," + c.j); });
    var first = 0; // cells before this one are all taken
    var moves = [];
    DATA.islands.forEach(function (island, k) {
      while (first < cells.length && taken.has(cells[first].key)) first++;
      for (var c = first; c < cells.length; c++) {
        if (taken.has(cells[c].key) || !fits(taken, boxes[k], cells[c])) continue;
        occupy(taken, shift(boxes[k], cells[c]));
        var dx = (cells[c].i - boxes[k].i0) * CELL, dy = (cells[c].j - boxes[k].j0) * CELL;
        island.forEach(function (id) { moves.push({ id: id, x: all[id].x + dx, y: all[id].y + dy }); });
        return;
      }
    });
    // One batch: network.moveNode() redraws the whole graph once per node.
    nodes.update(moves);
  }

  /** Centre of the main component and the radius holding nearly all of it. */
  function mainDisc(points) {
    if (!points.length) return { x: 0, y: 0, r: 0 };
    var x = 0, y = 0;
    points.forEach(function (p) { x += p.x; y += p.y; });
    x /= points.length; y /= points.length;
    var d = points.map(function (p) { return Math.hypot(p.x - x, p.y - y); }).sort(function (a, b) { return a - b; });
    return { x: x, y: y, r: d[Math.floor(0.97 * (d.length - 1))] }; // a few far leaves do not widen it
  }

  /** Grid cells outside the disc, nearest first, enough to hold `area` cells of islands. */
  function cellsByDistance(disc, area) {
    var inner = disc.r / CELL;
    var outer = Math.ceil(Math.sqrt(inner * inner + 3 * area / Math.PI)) + 3;
    var ci = Math.round(disc.x / CELL), cj = Math.round(disc.y / CELL);
    var cells = [];
    for (var i = -outer; i <= outer; i++) {
      for (var j = -outer; j <= outer; j++) {
        var d = Math.hypot(i, j);
        if (d > inner && d <= outer) cells.push({ i: ci + i, j: cj + j, d: d, key: (ci + i) + "," + (cj + j) });
      }
    }
    return cells.sort(function (a, b) { return a.d - b.d || a.i - b.i || a.j - b.j; });
  }

  /** Grid cells covering some points, `pad` cells extra on each side (room for dots and labels). */
  function boxAround(points, pad) {
    var xs = points.map(function (p) { return p.x; });
    var ys = points.map(function (p) { return p.y; });
    return { i0: Math.floor(Math.min.apply(null, xs) / CELL) - pad, i1: Math.floor(Math.max.apply(null, xs) / CELL) + pad,
             j0: Math.floor(Math.min.apply(null, ys) / CELL) - pad, j1: Math.floor(Math.max.apply(null, ys) / CELL) + pad };
  }

  function shift(box, at) {
    return { i0: at.i, i1: at.i + box.i1 - box.i0, j0: at.j, j1: at.j + box.j1 - box.j0 };
  }

  function occupy(taken, box) {
    for (var i = box.i0; i <= box.i1; i++) for (var j = box.j0; j <= box.j1; j++) taken.add(i + "," + j);
  }

  function fits(taken, box, at) {
    var moved = shift(box, at);
    for (var i = moved.i0; i <= moved.i1; i++) {
      for (var j = moved.j0; j <= moved.j1; j++) if (taken.has(i + "," + j)) return false;
    }
    return true;
  }

  function markReady() {
    performance.mark("graphkit:ready");
    window.graphkitReadyAt = performance.now();
    window.graphkitReady = true;
    document.body.dataset.ready = "true";
  }

  document.getElementById("gk-physics").addEventListener("change", function (evt) {
    network.setOptions({ physics: { enabled: evt.target.checked } });
  });
  document.getElementById("gk-fit").addEventListener("click", function () { fitVisible(true); });

  /** Width of the graph area hidden under the cards on the left. */
  function legendCover() {
    var width = 0;
    [legend, unlinkedCard].forEach(function (card) {
      if (card.open && !card.hidden) width = Math.max(width, card.offsetWidth);
    });
    return width ? side.offsetLeft + width : 0;
  }

  /** Bounding box of the drawn nodes, labels included (network.fit() leaves labels out). */
  function drawnBox() {
    var box = null;
    nodeView.getIds().forEach(function (id) {
      var b = network.getBoundingBox(id);
      if (!b) return;
      if (!box) { box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; return; }
      box.left = Math.min(box.left, b.left); box.right = Math.max(box.right, b.right);
      box.top = Math.min(box.top, b.top); box.bottom = Math.max(box.bottom, b.bottom);
    });
    return box;
  }

  /** Like network.fit(), but into the part of the canvas the legend leaves free. */
  function fitVisible(animate) {
    var box = drawnBox();
    if (!box) return;
    var cover = legendCover();
    var margin = 24;
    var width = Math.max(container.clientWidth - cover - 2 * margin, 50);
    var height = Math.max(container.clientHeight - 2 * margin, 50);
    var target = {
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      // Small graphs: not beyond 1.3x, where labels are comfortable to read.
      scale: Math.min(1.3, width / Math.max(box.right - box.left, 1), height / Math.max(box.bottom - box.top, 1)),
      offset: { x: cover / 2, y: 0 }
    };
    if (animate) target.animation = { duration: 400, easingFunction: "easeInOutQuad" };
    network.moveTo(target);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showRelation(params.edges[0]);
    else showOverview();
  });

  // ------------------------------------------------- neighbourhood highlight

  var FADED_NODE = { background: "#e6e9ed", border: "#d3d8de",
    highlight: { background: "#e6e9ed", border: "#1f2328" }, hover: { background: "#e6e9ed", border: "#8c959f" } };
  var FADED_TEXT = "#bfc5cc";
  var FADED_EDGE = { color: "#eceff2", highlight: "#4a4f55", hover: "#b8bec6", inherit: false };
  var NODE_TEXT = DATA.options.nodes.font.color;
  var EDGE_STYLE = DATA.options.edges;
  // Restyling thousands of items costs about a second in vis-network, so
  // big graphs rely on the built-in selection highlight instead.
  var CAN_DIM = DATA.nodes.length <= DATA.dim_limit;
  var fadedNodes = new Set();
  var fadedEdges = new Set();

  /** Fade everything the predicates reject, so a selection's neighbourhood stands out.
   * Only items whose state changes are restyled. */
  function focusOn(keepNode, keepEdge) {
    if (!CAN_DIM) return;
    var nodeChanges = [];
    DATA.nodes.forEach(function (n) {
      var fade = !keepNode(n.id);
      if (fade === fadedNodes.has(n.id)) return;
      if (fade) fadedNodes.add(n.id); else fadedNodes.delete(n.id);
      nodeChanges.push({ id: n.id, color: fade ? FADED_NODE : n.color, font: nodeFont(n.id, fade ? FADED_TEXT : NODE_TEXT) });
    });
    var edgeChanges = [];
    DATA.edges.forEach(function (e) {
      var fade = !keepEdge(RELATIONS[e.id]);
      if (fade === fadedEdges.has(e.id)) return;
      if (fade) fadedEdges.add(e.id); else fadedEdges.delete(e.id);
      edgeChanges.push({ id: e.id, color: fade ? FADED_EDGE : EDGE_STYLE.color,
        font: { color: fade ? "rgba(0,0,0,0)" : EDGE_STYLE.font.color, strokeWidth: fade ? 0 : EDGE_STYLE.font.strokeWidth } });
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }

  function unfocus() {
    focusOn(function () { return true; }, function () { return true; });
  }

  function focusNeighbourhood(id) {
    var near = new Set([id]);
    // Its relations and the claims it made in quotes.
    relationsOf(id).concat(claimsBy(id)).forEach(function (r) { near.add(r.from); near.add(r.to); });
    if (near.size === 1 && UNLINKED.has(id)) { unfocus(); return; } // nothing drawn to point at
    focusOn(function (n) { return near.has(n); }, function (r) {
      return r.from === id || r.to === id || r.claimed_by === id;
    });
  }

  // ---------------------------------------------------------------- filters

  function countBy(items, key) {
    var counts = new Map();
    items.forEach(function (item) { var k = key(item); counts.set(k, (counts.get(k) || 0) + 1); });
    return counts;
  }

  function checkboxRow(name, count, checked, onChange, swatch) {
    var box = el("input", { type: "checkbox", checked: checked, on: { change: onChange } });
    return el("li", null, el("label", { title: name },
      box,
      swatch ? el("span", { className: "gk-swatch", style: { background: swatch } }) : null,
      el("span", { className: "gk-name" }, name),
      el("span", { className: "gk-count" }, count.toLocaleString("en"))));
  }

  var KNOWN_TYPES = ["Person", "Organization", "Place"];

  /** The three types first, then any other bucket, alphabetically. */
  function typeOrder(types) {
    var extra = types.filter(function (t) { return KNOWN_TYPES.indexOf(t) < 0; }).sort();
    return KNOWN_TYPES.concat(extra);
  }

  function buildTypeFilter() {
    var list = document.getElementById("gk-type-filter");
    // Counts of drawn entities: the unlinked card counts its own.
    var counts = countBy(DATA.nodes, function (n) { return ENTITIES[n.id].group; });
    var all = Object.keys(ENTITIES).map(function (id) { return ENTITIES[id].group; });
    typeOrder(Array.from(new Set(all))).forEach(function (type) {  // all three always: a legend
      list.appendChild(checkboxRow(type, counts.get(type) || 0, true, function (evt) {
        if (evt.target.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
        nodeView.refresh();
        var group = unlinkedGroups.get(type);
        if (group) group.details.hidden = !evt.target.checked;
      }, typeColour(type)));
    });
  }

  // ------------------------------------------------ entities without relations

  var unlinkedGroups = new Map(); // type -> { details, list, ids, items: Map id -> li }
  var currentUnlinked = null;

  function buildUnlinked() {
    if (!DATA.unlinked.length) return;
    document.getElementById("gk-unlinked-title").textContent =
      plural(DATA.unlinked.length, "entity", "entities") + " without relations";
    var byType = new Map();
    DATA.unlinked.forEach(function (id) {  // already most mentioned first
      var type = ENTITIES[id].group;
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type).push(id);
    });
    var holder = document.getElementById("gk-unlinked-groups");
    typeOrder(Array.from(byType.keys())).forEach(function (type) {
      if (!byType.has(type)) return;
      var group = { ids: byType.get(type), list: el("ul"), items: null };
      group.details = el("details", { className: "gk-group", dataset: { group: type },
        on: { toggle: function () { if (group.details.open) fillGroup(group); } } },
        el("summary", null,
          el("span", { className: "gk-swatch", style: { background: typeColour(type) } }),
          el("span", { className: "gk-name" }, type),
          el("span", { className: "gk-count" }, group.ids.length.toLocaleString("en"))),
        group.list);
      unlinkedGroups.set(type, group);
      holder.appendChild(group.details);
    });
  }

  /** The list is built when first opened: thousands of rows cost time nobody may need. */
  function fillGroup(group) {
    if (group.items) return;
    group.items = new Map();
    group.ids.forEach(function (id) {
      var count = ENTITIES[id].quotes.length;
      var item = el("li", { dataset: { entity: id } }, entityLink(id),
        count ? el("span", { className: "gk-quote-count", title: plural(count, "quote") }, "❝ " + count) : null);
      group.items.set(id, item);
      group.list.appendChild(item);
    });
  }

  /** Show which row of the unlinked card is the selected entity (none if it is drawn). */
  function markUnlinked(id) {
    if (currentUnlinked) currentUnlinked.removeAttribute("aria-current");
    currentUnlinked = null;
    if (!id || !UNLINKED.has(id)) return;
    var group = unlinkedGroups.get(ENTITIES[id].group);
    unlinkedCard.open = true;
    group.details.hidden = false;
    group.details.open = true;
    fillGroup(group);
    currentUnlinked = group.items.get(id);
    currentUnlinked.setAttribute("aria-current", "true");
    currentUnlinked.scrollIntoView({ block: "nearest" });
  }

  function buildPredicateFilter() {
    var list = document.getElementById("gk-predicate-filter");
    var counts = countBy(DATA.relations, function (r) { return r.label; });
    var labels = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || a.localeCompare(b); });
    if (!labels.length) list.appendChild(el("li", { className: "gk-empty" }, "none"));
    labels.forEach(function (label) {
      list.appendChild(checkboxRow(label, counts.get(label), true, function (evt) {
        if (evt.target.checked) hiddenLabels.delete(label); else hiddenLabels.add(label);
        edgeView.refresh();
      }));
    });
    function setAll(on) {
      list.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = on; });
      hiddenLabels = on ? new Set() : new Set(labels);
      edgeView.refresh();
    }
    document.getElementById("gk-pred-all").addEventListener("click", function () { setAll(true); });
    document.getElementById("gk-pred-none").addEventListener("click", function () { setAll(false); });
  }

  /** Make sure a node is drawn (its type may be filtered out) before focusing it. */
  function reveal(id) {
    if (UNLINKED.has(id)) return;
    var type = ENTITIES[id].group;
    if (!hiddenTypes.has(type)) return;
    hiddenTypes.delete(type);
    document.querySelectorAll("#gk-type-filter label").forEach(function (label) {
      if (label.title === type) label.querySelector("input").checked = true;
    });
    nodeView.refresh();
  }

  // ----------------------------------------------------------------- search

  function normalise(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /** normalise() character by character, without the trim; with map, also where in
   * `text` each folded character came from ([start, end) per character). */
  function fold(text, map) {
    var key = "", starts = [], ends = [], space = false;
    for (var i = 0; i < text.length; i += ch.length) {
      var code = text.charCodeAt(i);
      var ch = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.substr(i, 2) : text[i];
      var folded = /\s/.test(ch) ? " " : ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      if (folded === " " && space) continue;
      space = folded === " " || (space && !folded);
      key += folded;
      if (!map) continue;
      for (var k = 0; k < folded.length; k++) { starts.push(i); ends.push(i + ch.length); }
    }
    return map ? { key: key, starts: starts, ends: ends } : key;
  }

  var SEARCH_INDEX = [];
  Object.keys(ENTITIES).forEach(function (id) {
    var e = ENTITIES[id];
    [e.name].concat(e.aliases).forEach(function (name) {
      if (name) SEARCH_INDEX.push({ id: id, name: name, key: normalise(name), alias: name !== e.name });
    });
  });

  var QUOTE_INDEX = [];
  Object.keys(ENTITIES).forEach(function (id) {
    ENTITIES[id].quotes.forEach(function (quote, i) {
      QUOTE_INDEX.push({ id: id, quote: i, key: fold(quote.text, false) });
    });
  });
  var QUOTE_MIN_CHARS = 3; // shorter queries would match inside too many quotes

  /** Entities matching a query by any of their names, best first, then quotes
   * holding it (up to 12 names and at least 4 quotes). */
  function search(query) {
    var names = searchNames(query);
    return names.concat(searchQuotes(query, Math.max(4, 12 - names.length)));
  }

  /** Quotes whose text holds the query: speaker, quote index and where the match is. */
  function searchQuotes(query, limit) {
    var q = normalise(query);
    if (q.length < QUOTE_MIN_CHARS) return [];
    var hits = [];
    QUOTE_INDEX.forEach(function (entry) {
      var at = entry.key.indexOf(q);
      if (at < 0) return;
      var wordStart = at === 0 || /[^a-z0-9]/.test(entry.key[at - 1]);
      hits.push({ entry: entry, at: at, score: wordStart ? 4 : 5 });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || ENTITIES[b.entry.id].mentions - ENTITIES[a.entry.id].mentions ||
        a.entry.id.localeCompare(b.entry.id, "en", { numeric: true }) || a.entry.quote - b.entry.quote;
    });
    return hits.slice(0, limit).map(function (hit) {
      var text = ENTITIES[hit.entry.id].quotes[hit.entry.quote].text;
      var where = fold(text, true);
      return { id: hit.entry.id, score: hit.score, quote: hit.entry.quote,
               start: where.starts[hit.at], end: where.ends[hit.at + q.length - 1] };
    });
  }

  /** Entities matching a query by any of their names, best first. */
  function searchNames(query) {
    var q = normalise(query);
    if (!q) return [];
    var best = new Map();
    SEARCH_INDEX.forEach(function (entry) {
      var score = entry.key === q ? 0 : entry.key.indexOf(q) === 0 ? 1
        : (" " + entry.key).indexOf(" " + q) >= 0 ? 2 : entry.key.indexOf(q) >= 0 ? 3 : -1;
      if (score < 0) return;
      var prev = best.get(entry.id);
      if (!prev || score < prev.score || (score === prev.score && !entry.alias)) {
        best.set(entry.id, { id: entry.id, score: score, matched: entry.name, alias: entry.alias });
      }
    });
    return Array.from(best.values()).sort(function (a, b) {
      return a.score - b.score || ENTITIES[b.id].mentions - ENTITIES[a.id].mentions ||
        ENTITIES[a.id].name.localeCompare(ENTITIES[b.id].name);
    }).slice(0, 12);
  }

  function setupSearch() {
    var input = document.getElementById("gk-search");
    var list = document.getElementById("gk-search-results");
    var results = [];
    var active = 0;

    function render() {
      clear(list);
      list.hidden = results.length === 0 && !input.value.trim();
      if (!results.length && input.value.trim()) {
        list.appendChild(el("li", { className: "gk-empty" }, "No entity or quote matches"));
      }
      results.forEach(function (r, i) {
        var e = ENTITIES[r.id];
        list.appendChild(el("li", {
          role: "option", className: r.quote !== undefined ? "gk-quote-hit" : "",
          on: { mousedown: function (evt) { evt.preventDefault(); choose(i); } }
        },
        el("span", { className: "gk-swatch", style: { background: typeColour(e.group) } }),
        r.quote !== undefined
          ? el("span", null, e.name, el("span", { className: "gk-hit-text" }, quoteSnippet(e.quotes[r.quote].text, r)))
          : [el("span", null, e.name), r.alias ? el("span", { className: "gk-match" }, "as “" + r.matched + "”") : null]));
        list.lastChild.setAttribute("aria-selected", i === active ? "true" : "false");
      });
    }

    function choose(i) {
      var r = results[i];
      if (!r) return;
      list.hidden = true;
      input.blur();
      focusEntity(r.id, r.quote !== undefined ? r : null);
    }

    input.addEventListener("input", function () { results = search(input.value); active = 0; render(); });
    input.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter") { evt.preventDefault(); results = search(input.value); choose(active); }
      else if (evt.key === "ArrowDown") { evt.preventDefault(); active = Math.min(active + 1, results.length - 1); render(); }
      else if (evt.key === "ArrowUp") { evt.preventDefault(); active = Math.max(active - 1, 0); render(); }
      else if (evt.key === "Escape") { list.hidden = true; input.blur(); }
    });
    // "/" jumps to the search box, as on many sites.
    document.addEventListener("keydown", function (evt) {
      if (evt.key === "/" && document.activeElement !== input && !evt.ctrlKey && !evt.metaKey) {
        evt.preventDefault();
        input.focus();
        input.select();
      }
    });
    input.addEventListener("blur", function () { setTimeout(function () { list.hidden = true; }, 100); });
    input.addEventListener("focus", function () { if (input.value.trim()) render(); });
  }

  /** The words around a quote match, the match marked: "…before <mark>match</mark> after…". */
  function quoteSnippet(text, hit) {
    var CONTEXT = 40;
    var from = Math.max(0, hit.start - CONTEXT);
    var to = Math.min(text.length, hit.end + CONTEXT);
    return ["“" + (from > 0 ? "…" : "") + text.slice(from, hit.start),
      el("mark", null, text.slice(hit.start, hit.end)),
      text.slice(hit.end, to) + (to < text.length ? "…" : "") + "”"];
  }

  /** Select an entity (drawn: in the graph; unlinked: in its card) and show its
   * details; `hit` ({quote, start, end}) marks a quote that search matched. */
  function focusEntity(id, hit) {
    if (!ENTITIES[id]) return;
    if (UNLINKED.has(id)) {
      network.unselectAll();
    } else {
      reveal(id);
      network.selectNodes([id]);
      network.focus(id, {
        scale: Math.max(network.getScale(), 1.1),
        offset: { x: legendCover() / 2, y: 0 },
        animation: { duration: 450, easingFunction: "easeInOutQuad" }
      });
    }
    showEntity(id, hit);
  }

  // ------------------------------------------------------------------ panel

  var panel = document.getElementById("gk-panel");

  function entityLink(id, fallbackName) {
    if (!id || !ENTITIES[id]) return el("strong", null, fallbackName || "(not shown)");
    return el("button", {
      type: "button", className: "gk-entity-link", title: "Show " + ENTITIES[id].name,
      dataset: { entity: id },
      on: { click: function (evt) { evt.stopPropagation(); focusEntity(id); } }
    }, ENTITIES[id].name);
  }

  /** "in <article title> ↗ · date": the title opens the article panel, ↗ the
   * original (only for http/https URLs). */
  function articleSource(key) {
    if (!key) return null;
    var a = ARTICLES[key] || {};
    return el("div", { className: "gk-source" }, "in ", articleButton(key, true),
      isSafeUrl(a.url) ? [" ", externalLink(a.url, "↗")] : null,
      a.published ? " · " + a.published : null);
  }

  function externalLink(url, text) {
    return el("a", {
      href: url, target: "_blank", rel: "noopener noreferrer", title: url,
      on: { click: function (evt) { evt.stopPropagation(); } }
    }, text);
  }

  function statusBadge(rel) {
    if (!rel.status || rel.status === "fact" || rel.status === "claimed") return null;
    return el("span", { className: "gk-badge", title: STATUS_WORDS[rel.status] || rel.status }, rel.status);
  }

  function claimBadge(rel) {
    if (!rel.claimed_by_name) return null;
    var speaker = rel.claimed_by && ENTITIES[rel.claimed_by];
    return el("span", {
      className: "gk-badge", title: "Said by " + rel.claimed_by_name + ", not stated as fact by the article",
      on: speaker ? { click: function (evt) { evt.stopPropagation(); focusEntity(rel.claimed_by); } } : {},
      style: speaker ? { cursor: "pointer" } : {}
    }, "claim by " + rel.claimed_by_name);
  }

  function relationItem(rel, perspective) {
    // Subject — label → object, with the side that is not `perspective` clickable.
    var subject = rel.from === perspective ? el("span", null, entityName(rel.from)) : entityLink(rel.from);
    var object = rel.to === perspective ? el("span", null, entityName(rel.to)) : entityLink(rel.to);
    return el("li", { className: "gk-item", dataset: { relation: rel.id } },
      el("div", { className: "gk-head" }, subject, " ", el("em", null, rel.label), " ", object,
        rel.role && rel.role !== rel.label ? el("span", { className: "gk-source" }, " (" + rel.role + ")") : null,
        statusBadge(rel), claimBadge(rel)),
      rel.evidence ? el("div", { className: "gk-evidence" }, rel.evidence) : null,
      articleSource(rel.article));
  }

  function quoteItem(quote, hit) {
    var meta = [quote.kind, quote.cue ? "“" + quote.cue + "”" : ""].filter(Boolean).join(" · ");
    var text = hit ? [quote.text.slice(0, hit.start), el("mark", null, quote.text.slice(hit.start, hit.end)),
      quote.text.slice(hit.end)] : quote.text;
    return el("li", {
      className: "gk-item gk-quote" + (hit ? " gk-hit" : ""), title: "Show the article",
      on: { click: function () { showArticle(quote.article); } }
    },
    el("div", { className: "gk-quote-text" }, text),
    meta ? el("div", { className: "gk-source" }, meta) : null,
    articleSource(quote.article));
  }

  function section(title, items, emptyText, total) {
    var count = total || items.length;
    return [
      el("h3", null, title + (count ? " (" + count.toLocaleString("en") + ")" : "")),
      items.length ? el("ul", null, items) : el("p", { className: "gk-empty" }, emptyText)
    ];
  }

  function chips(values) { return el("ul", { className: "gk-chips" }, values.map(function (v) { return el("li", null, v); })); }

  function showEntity(id, hit) {
    var e = ENTITIES[id];
    if (!e) return;
    var kind = e.type + (e.schema_type && e.schema_type !== e.type ? " · " + e.schema_type : "");
    var rels = relationsOf(id);
    var claims = claimsBy(id);
    markUnlinked(id);
    focusNeighbourhood(id);
    clear(panel);
    panel.dataset.entity = id;
    append(panel, [
      el("h2", null, e.name),
      el("div", { className: "gk-kind" },
        el("span", { className: "gk-swatch", style: { background: typeColour(e.group) } }),
        kind || "entity", " · mentioned " + plural(e.mentions, "time"),
        UNLINKED.has(id) ? " · in no relation" : null),
      el("h3", null, "Names"),
      chips([e.name].concat(e.aliases)),
      e.roles.length ? [el("h3", null, "Roles"), chips(e.roles)] : null,
      section("Relations", rels.map(function (r) { return relationItem(r, id); }), "No relations found."),
      claims.length ? section("Claims in their quotes", claims.map(function (r) { return relationItem(r, null); }), "") : null,
      section("Quotes", e.quotes.map(function (q, i) { return quoteItem(q, hit && hit.quote === i ? hit : null); }),
        "No quotes attributed."),
      section("Articles", e.articles.map(function (key) {
        return el("li", { className: "gk-item" }, articleButton(key));
      }), "—"),
      el("p", { className: "gk-source" }, e.iri)
    ]);
    panel.scrollTop = 0;
    var marked = panel.querySelector(".gk-hit");
    if (marked) marked.scrollIntoView({ block: "center" });
  }

  function articleButton(key, small) {
    var a = ARTICLES[key] || {};
    return el("button", {
      type: "button", className: "gk-entity-link" + (small ? " gk-small" : ""), dataset: { article: key },
      title: "Show this article's entities, quotes and relations",
      on: { click: function (evt) { evt.stopPropagation(); showArticle(key); } }
    }, a.title || key);
  }

  function showRelation(edgeId) {
    var rel = RELATIONS[edgeId];
    if (!rel) return;
    focusOn(function (n) { return n === rel.from || n === rel.to; }, function (r) { return r === rel; });
    clear(panel);
    panel.dataset.entity = "";
    append(panel, [
      el("h2", null, rel.label),
      el("div", { className: "gk-kind" }, "relation", rel.predicate ? " · " + rel.predicate : null),
      section("Statement", [relationItem(rel, null)], "")
    ]);
  }

  /** An article: who is in it, what it states and who is quoted. */
  function showArticle(key) {
    var a = ARTICLES[key] || {};
    var ids = Object.keys(ENTITIES).filter(function (id) { return ENTITIES[id].articles.indexOf(key) >= 0; });
    var rels = DATA.relations.filter(function (r) { return r.article === key; });
    var quotes = [];
    ids.forEach(function (id) {
      ENTITIES[id].quotes.forEach(function (q) { if (q.article === key) quotes.push({ speaker: id, quote: q }); });
    });
    markUnlinked(null);
    clear(panel);
    panel.dataset.entity = "";
    panel.dataset.article = key;
    append(panel, [
      el("h2", null, a.title || key),
      el("div", { className: "gk-kind" }, "article", a.published ? " · " + a.published : null),
      isSafeUrl(a.url) ? el("p", { className: "gk-source" }, externalLink(a.url, a.url)) : null,
      section("Entities", ids.map(function (id) { return el("li", { className: "gk-item" }, entityLink(id)); }), "None shown."),
      section("Quotes", quotes.map(function (sq) {
        return el("li", { className: "gk-item" }, entityLink(sq.speaker), ":",
          el("div", { className: "gk-quote-text" }, sq.quote.text));
      }), "No quotes."),
      section("Relations", rels.map(function (r) { return relationItem(r, null); }), "No relations.")
    ]);
    var inArticle = new Set(ids);
    focusOn(function (n) { return inArticle.has(n); }, function (r) { return r.article === key; });
    var visible = ids.filter(function (id) { return nodeView.get(id); });
    network.selectNodes(visible);
    panel.scrollTop = 0;
  }

  function showOverview() {
    var top = Object.keys(ENTITIES).sort(function (a, b) {
      return ENTITIES[b].mentions - ENTITIES[a].mentions || ENTITIES[a].name.localeCompare(ENTITIES[b].name);
    }).slice(0, 12);
    var articleKeys = Object.keys(ARTICLES);
    var entityCount = Object.keys(ENTITIES).length;
    markUnlinked(null);
    unfocus();
    clear(panel);
    panel.dataset.entity = "";
    append(panel, [
      el("h2", null, DATA.title || "graphkit"),
      el("div", { className: "gk-kind" }, plural(entityCount, "entity", "entities") + " · " +
        plural(DATA.edges.length, "relation") + " · " + plural(articleKeys.length, "article")),
      DATA.omitted ? el("p", { className: "gk-hint", id: "gk-omitted" },
        DATA.omitted.toLocaleString("en") + " of " + DATA.total_nodes.toLocaleString("en") +
        " entities are left out: only the most connected are shown.") : null,
      el("p", { className: "gk-hint" }, "Click an entity or a relation for details, or find one by name or " +
        "by the words of a quote above (press /). Drag to pan, scroll to zoom; click the background to come back here."),
      DATA.unlinked.length ? el("p", { className: "gk-hint" }, plural(DATA.unlinked.length, "entity is", "entities are") +
        " in no relation: they are not drawn but listed on the left, by type.") : null,
      section("Most mentioned", top.map(function (id) {
        return el("li", { className: "gk-item" }, entityLink(id), el("span", { className: "gk-source" }, " · " + ENTITIES[id].mentions));
      }), "The graph is empty."),
      section("Articles", articleKeys.slice(0, 50).map(function (key) {
        return el("li", { className: "gk-item" }, articleButton(key));
      }), "—", articleKeys.length),
      articleKeys.length > 50 ? el("p", { className: "gk-hint" }, "…and " + (articleKeys.length - 50).toLocaleString("en") + " more.") : null
    ]);
  }

  // ------------------------------------------------------------------- boot

  buildTypeFilter();
  buildUnlinked();
  buildPredicateFilter();
  setupSearch();
  showOverview();

  // For tests and the console.
  window.graphkit = {
    network: network, nodes: nodes, edges: edges, data: DATA,
    focusEntity: focusEntity, showEntity: showEntity, showArticle: showArticle, search: search
  };
})();
