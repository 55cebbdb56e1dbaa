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

  // What a dashed edge is: the article does not state it as fact.
  var STATUS_WORDS = { claimed: "claimed, not stated as fact", planned: "planned or expected, not (yet) done",
                       negated: "stated not to hold", hypothetical: "conditional or possible" };

  var hiddenTypes = new Set();
  var hiddenLabels = new Set();

  // ------------------------------------------------------------- DOM helpers

  /** Create an element; string children become text nodes (never HTML). */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "on") {
          Object.keys(props.on).forEach(function (evt) { node.addEventListener(evt, props.on[evt]); });
        } else if (key === "dataset") {
          Object.assign(node.dataset, props.dataset);
        } else if (key === "style") {
          Object.assign(node.style, props.style);
        } else {
          node[key] = props[key];
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function isSafeUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url); }

  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s"); }

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
  var legend = document.getElementById("gk-legend");
  // On a narrow canvas (a notebook cell, a phone) the legend starts folded.
  if (container.clientWidth < 3 * (legend.offsetLeft + legend.offsetWidth)) legend.open = false;

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
      fitVisible(false);
      network.redraw();
      return;
    }
    // Labels are measured when first drawn: draw once, fit them in, then report ready.
    network.once("afterDrawing", function () {
      network.once("afterDrawing", markReady);
      fitVisible(false);
      network.redraw();
    });
    network.redraw();
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

  /** Width of the graph area hidden under the open legend card. */
  function legendCover() {
    return legend.open ? legend.offsetLeft + legend.offsetWidth : 0;
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
      nodeChanges.push({ id: n.id, color: fade ? FADED_NODE : n.color, font: { color: fade ? FADED_TEXT : NODE_TEXT } });
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

  function buildTypeFilter() {
    var list = document.getElementById("gk-type-filter");
    var counts = countBy(Object.keys(ENTITIES), function (id) { return ENTITIES[id].group; });
    // The three types always (a legend), then any other bucket present.
    var known = ["Person", "Organization", "Place"];
    var extra = Array.from(counts.keys()).filter(function (t) { return known.indexOf(t) < 0; }).sort();
    known.concat(extra).forEach(function (type) {
      list.appendChild(checkboxRow(type, counts.get(type) || 0, true, function (evt) {
        if (evt.target.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
        nodeView.refresh();
      }, typeColour(type)));
    });
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

  var SEARCH_INDEX = [];
  Object.keys(ENTITIES).forEach(function (id) {
    var e = ENTITIES[id];
    [e.name].concat(e.aliases).forEach(function (name) {
      if (name) SEARCH_INDEX.push({ id: id, name: name, key: normalise(name), alias: name !== e.name });
    });
  });

  /** Entities matching a query by any of their names, best first. */
  function search(query) {
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
        list.appendChild(el("li", { className: "gk-empty" }, "No entity with that name"));
      }
      results.forEach(function (r, i) {
        var e = ENTITIES[r.id];
        list.appendChild(el("li", {
          role: "option",
          on: { mousedown: function (evt) { evt.preventDefault(); choose(i); } }
        },
        el("span", { className: "gk-swatch", style: { background: typeColour(e.group) } }),
        el("span", null, e.name),
        r.alias ? el("span", { className: "gk-match" }, "as “" + r.matched + "”") : null));
        list.lastChild.setAttribute("aria-selected", i === active ? "true" : "false");
      });
    }

    function choose(i) {
      var r = results[i];
      if (!r) return;
      list.hidden = true;
      input.blur();
      focusEntity(r.id);
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

  function focusEntity(id) {
    if (!ENTITIES[id]) return;
    reveal(id);
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.1),
      offset: { x: legendCover() / 2, y: 0 },
      animation: { duration: 450, easingFunction: "easeInOutQuad" }
    });
    showEntity(id);
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

  function quoteItem(quote) {
    var meta = [quote.kind, quote.cue ? "“" + quote.cue + "”" : ""].filter(Boolean).join(" · ");
    return el("li", {
      className: "gk-item gk-quote", title: "Show the article",
      on: { click: function () { showArticle(quote.article); } }
    },
    el("div", { className: "gk-quote-text" }, quote.text),
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

  function showEntity(id) {
    var e = ENTITIES[id];
    if (!e) return;
    var kind = e.type + (e.schema_type && e.schema_type !== e.type ? " · " + e.schema_type : "");
    var rels = relationsOf(id);
    var claims = claimsBy(id);
    focusNeighbourhood(id);
    clear(panel);
    panel.dataset.entity = id;
    append(panel, [
      el("h2", null, e.name),
      el("div", { className: "gk-kind" },
        el("span", { className: "gk-swatch", style: { background: typeColour(e.group) } }),
        kind || "entity", " · mentioned " + plural(e.mentions, "time")),
      el("h3", null, "Names"),
      chips([e.name].concat(e.aliases)),
      e.roles.length ? [el("h3", null, "Roles"), chips(e.roles)] : null,
      section("Relations", rels.map(function (r) { return relationItem(r, id); }), "No relations found."),
      claims.length ? section("Claims in their quotes", claims.map(function (r) { return relationItem(r, null); }), "") : null,
      section("Quotes", e.quotes.map(quoteItem), "No quotes attributed."),
      section("Articles", e.articles.map(function (key) {
        return el("li", { className: "gk-item" }, articleButton(key));
      }), "—"),
      el("p", { className: "gk-source" }, e.iri)
    ]);
    panel.scrollTop = 0;
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
    unfocus();
    clear(panel);
    panel.dataset.entity = "";
    append(panel, [
      el("h2", null, DATA.title || "graphkit"),
      el("div", { className: "gk-kind" }, plural(DATA.nodes.length, "entity", "entities") + " · " +
        plural(DATA.edges.length, "relation") + " · " + plural(articleKeys.length, "article")),
      DATA.omitted ? el("p", { className: "gk-hint", id: "gk-omitted" },
        DATA.omitted.toLocaleString("en") + " of " + DATA.total_nodes.toLocaleString("en") +
        " entities are left out: only the most connected are shown.") : null,
      el("p", { className: "gk-hint" }, "Click an entity or a relation for details, or find one by name above (press /). " +
        "Drag to pan, scroll to zoom; click the background to come back here."),
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
  buildPredicateFilter();
  setupSearch();
  showOverview();

  // For tests and the console.
  window.graphkit = {
    network: network, nodes: nodes, edges: edges, data: DATA,
    focusEntity: focusEntity, showEntity: showEntity, showArticle: showArticle, search: search
  };
})();
