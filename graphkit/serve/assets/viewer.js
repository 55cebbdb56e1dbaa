/* graphkit serve: the viewer against a live store.
 *
 * The page holds only what it has fetched: search results, and the
 * neighbourhoods the user opened (/api/neighbourhood), so a store of any
 * size is browsed a neighbourhood at a time.
 *
 * Safety rule for this file, as in the static viewer: text from the store is
 * only ever put into the page as text nodes (el()/textContent), never via
 * innerHTML; links are made only for http(s) URLs.
 */
(function () {
  "use strict";

  var COLOURS = { Person: "#4e79a7", Organization: "#f28e2b", Place: "#59a14f", Other: "#9c9c9c" };
  var STATUS_WORDS = { claimed: "claimed", planned: "planned", negated: "negated", hypothetical: "hypothetical",
                       fact: "fact" };
  var LABEL_CHARS = 40;

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var expanded = [];  // IRIs whose neighbourhood is drawn, in the order they were opened
  var selected = null;
  var pending = 0;
  var generation = 0;  // bumped when the graph is rebuilt, so late answers of an older one are dropped

  // ------------------------------------------------------------- DOM helpers
  // el, append, clear, isSafeUrl, plural: graphkit/export/assets/dom.js, shared by both viewers
  var el = GraphkitDOM.el, append = GraphkitDOM.append, clear = GraphkitDOM.clear;
  var isSafeUrl = GraphkitDOM.isSafeUrl, plural = GraphkitDOM.plural;

  function short(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  function $(id) { return document.getElementById(id); }

  function status(text) { $("gk-status").textContent = text || ""; }

  // ------------------------------------------------------------- the server

  function range() {
    return { from: $("gk-from").value, to: $("gk-to").value };
  }

  function api(name, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) { if (params[k]) query.set(k, params[k]); });
    var r = range();
    if (name !== "stats") {
      if (r.from) query.set("from", r.from);
      if (r.to) query.set("to", r.to);
    }
    pending++;
    return fetch("/api/" + name + "?" + query.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error || response.statusText);
          return body;
        });
      })
      .catch(function (error) { status("The server said: " + error.message); throw error; })
      .finally(function () { pending--; });
  }

  // ------------------------------------------------------------- the graph

  var network = new vis.Network($("gk-graph"), { nodes: nodes, edges: edges }, {
    nodes: { shape: "dot", size: 12, font: { size: 13 } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, font: { size: 10, align: "middle" },
             smooth: { type: "dynamic" }, color: { color: "#999", highlight: "#333" } },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 150 }, maxVelocity: 40 },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  network.on("stabilized", function () { network.setOptions({ physics: { enabled: false } }); });

  function tooltip(entity) {
    return el("div", null, el("strong", null, entity.name), el("br"),
              entity.type + " · " + plural(entity.mentions, "mention"));
  }

  function nodeFor(entity, near) {
    var node = { id: entity.iri, label: short(entity.name, LABEL_CHARS), title: tooltip(entity),
                 color: COLOURS[entity.type] || COLOURS.Other, entity: entity };
    if (near) { node.x = near.x + (Math.random() - 0.5) * 120; node.y = near.y + (Math.random() - 0.5) * 120; }
    if (expanded.indexOf(entity.iri) >= 0) { node.borderWidth = 3; }
    return node;
  }

  function edgeId(e) { return [e.from, e.predicate, e.to, e.status].join(" "); }

  function expand(iri) {
    var mine = generation;
    if (expanded.indexOf(iri) < 0) expanded.push(iri);
    status("Loading the neighbourhood…");
    return api("neighbourhood", { iri: iri, limit: 40 }).then(function (hood) {
      if (mine !== generation) return;
      var near = nodes.get(iri) ? network.getPositions([iri])[iri] : null;
      var fresh = hood.nodes.filter(function (n) { return !nodes.get(n.iri); });
      nodes.update(hood.nodes.map(function (n) { return nodeFor(n, fresh.indexOf(n) >= 0 ? near : null); }));
      edges.update(hood.edges.map(function (e) {
        var claimed = e.status !== "fact";
        return { id: edgeId(e), from: e.from, to: e.to, label: e.label + (claimed ? " (" + STATUS_WORDS[e.status] + ")" : ""),
                 dashes: claimed, title: el("div", null, e.label, el("br"), plural(e.statements, "statement") + " · " + e.status) };
      }));
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(120);
      status(plural(nodes.length, "entity", "entities") + " shown" + (hood.more ? " (neighbourhood cut: more relations exist)" : ""));
    });
  }

  function openEntity(iri) {
    generation++;
    nodes.clear();
    edges.clear();
    expanded = [];
    var done = expand(iri).then(function () { network.fit({ animation: false }); });
    showEntity(iri);
    return done;
  }

  /** Draw every opened neighbourhood again, e.g. under a new date range. */
  function redraw() {
    var opened = expanded.slice();
    generation++;
    nodes.clear();
    edges.clear();
    expanded = [];
    return opened.reduce(function (chain, iri) { return chain.then(function () { return expand(iri); }); },
                         Promise.resolve());
  }

  network.on("click", function (params) {
    if (!params.nodes.length) return;
    var iri = params.nodes[0];
    expand(iri);
    showEntity(iri);
  });

  // ------------------------------------------------------------- panels

  function entityButton(entity) {
    if (!entity || !entity.iri) return el("span", { className: "gk-meta" }, "(unknown)");
    return el("button", { type: "button", className: "gk-link", title: entity.iri,
                          on: { click: function () { openEntity(entity.iri); } } },
              el("span", { className: "gk-type gk-type-" + (COLOURS[entity.type] ? entity.type : "Other") }),
              entity.name);
  }

  function articleLine(article, date) {
    if (!article) return null;
    var title = article.title || article.iri;
    var when = date || article.date;
    return el("div", { className: "gk-meta" },
              isSafeUrl(article.url) ? el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, title) : title,
              when ? " · " + when : "");
  }

  function quoteItem(quote, withSpeaker) {
    return el("li", { className: "gk-quote-item" },
              el("span", { className: "gk-quote" }, "“" + quote.text + "”"),
              withSpeaker ? [" — ", quote.speaker ? entityButton(quote.speaker) : el("span", { className: "gk-meta" }, "speaker unknown")] : null,
              quote.kind === "indirect" ? el("span", { className: "gk-status-badge" }, "reported") : null,
              articleLine(quote.article, quote.date));
  }

  function relationItem(rel) {
    return el("li", { className: "gk-relation" },
              entityButton(rel.subject), " ", el("strong", null, rel.label), " ", entityButton(rel.object),
              el("span", { className: "gk-status-badge gk-" + rel.status }, STATUS_WORDS[rel.status] || rel.status),
              rel.evidence ? el("div", { className: "gk-meta" }, short(rel.evidence, 300)) : null,
              articleLine(rel.article, rel.date));
  }

  function more(flag, what) { return flag ? el("p", { className: "gk-more" }, "More " + what + " exist than are listed.") : null; }

  function list(items, render) { return el("ul", { className: "gk-list" }, items.map(render)); }

  function showEntity(iri) {
    selected = iri;
    var panel = $("gk-panel");
    return api("entity", { iri: iri, limit: 50 }).then(function (info) {
      if (selected !== iri) return;
      var e = info.entity;
      clear(panel);
      append(panel, [
        el("h2", { id: "gk-entity-name" }, e.name),
        el("p", { className: "gk-meta" }, e.type + " · " + plural(e.mentions, "mention")),
        e.aliases.length ? el("p", null, "Also: " + e.aliases.join(", ")) : null,
        e.roles.length ? el("p", null, "Roles: " + e.roles.join(", ")) : null,
        el("h3", null, "Relations"),
        info.relations.length ? list(info.relations, relationItem) : el("p", { className: "gk-meta" }, "None in this range."),
        more(info.more_relations, "relations"),
        el("h3", null, "Quotes"),
        info.quotes.length ? list(info.quotes, function (q) { return quoteItem(q, false); }) : el("p", { className: "gk-meta" }, "None in this range."),
        more(info.more_quotes, "quotes"),
        e.type === "Person" ? el("button", { type: "button", className: "gk-button", id: "gk-said-button",
                                             on: { click: function () { showSaid(iri); } } }, "Who said what: " + short(e.name, 30)) : null,
        el("div", { id: "gk-said" }),
        el("h3", null, "Articles"),
        info.articles.length ? list(info.articles, function (a) { return el("li", null, articleLine(a)); }) : el("p", { className: "gk-meta" }, "None in this range."),
        more(info.more_articles, "articles"),
      ]);
    });
  }

  function showSaid(iri) {
    return api("said", { iri: iri, limit: 100 }).then(function (said) {
      var box = $("gk-said");
      if (!box || selected !== iri) return;
      clear(box);
      append(box, [
        el("h3", null, "What " + short(said.speaker.name, 40) + " said"),
        said.quotes.length ? list(said.quotes, function (q) { return quoteItem(q, false); }) : el("p", { className: "gk-meta" }, "No quotes in this range."),
        more(said.more_quotes, "quotes"),
        el("h3", null, "Statements they claim"),
        said.claims.length ? list(said.claims, relationItem) : el("p", { className: "gk-meta" }, "None in this range."),
        more(said.more_claims, "claims"),
      ]);
    });
  }

  function search() {
    var q = $("gk-search").value.trim();
    var box = $("gk-results");
    if (!q) return Promise.resolve();
    return api("search", { q: q, limit: 25 }).then(function (found) {
      if ($("gk-search").value.trim() !== q) return;  // the user typed on
      clear(box);
      append(box, [
        el("h3", null, "Entities"),
        found.entities.length ? el("ul", { className: "gk-list", id: "gk-found-entities" }, found.entities.map(function (e) {
          return el("li", null, entityButton(e), " ", el("span", { className: "gk-meta" }, plural(e.mentions, "mention")),
                    e.matched !== e.name ? el("div", { className: "gk-meta" }, "as " + e.matched) : null);
        })) : el("p", { className: "gk-meta" }, "No entity by that name."),
        more(found.more_entities, "entities"),
        el("h3", null, "Quotes"),
        found.quotes.length ? el("ul", { className: "gk-list", id: "gk-found-quotes" },
                                 found.quotes.map(function (qt) { return quoteItem(qt, true); }))
                            : el("p", { className: "gk-meta" }, "No quote with these words."),
        more(found.more_quotes, "quotes"),
      ]);
    });
  }

  // ------------------------------------------------------------- wiring

  var typing = null;
  $("gk-search").addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(search, 250);
  });
  $("gk-search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") { clearTimeout(typing); search(); }
  });

  function datesChanged() {
    search();
    redraw();
    if (selected) showEntity(selected);
  }
  $("gk-from").addEventListener("change", datesChanged);
  $("gk-to").addEventListener("change", datesChanged);
  $("gk-dates-clear").addEventListener("click", function () {
    $("gk-from").value = "";
    $("gk-to").value = "";
    datesChanged();
  });

  api("stats").then(function (s) {
    var line = plural(s.entities, "entity", "entities") + " · " + plural(s.relations, "relation") + " · " +
               plural(s.quotes, "quote") + " · " + plural(s.articles, "article");
    if (s.dates.first) line += " · " + s.dates.first + " to " + s.dates.last;
    $("gk-stats").textContent = line;
    if (s.dates.first && /^\d{4}-\d{2}-\d{2}$/.test(s.dates.first)) $("gk-from").min = $("gk-to").min = s.dates.first;
    if (s.dates.last && /^\d{4}-\d{2}-\d{2}$/.test(s.dates.last)) $("gk-from").max = $("gk-to").max = s.dates.last;
  }).finally(function () {
    window.graphkitReady = true;
    // navigation start to here is the page's time to interactive (benchmarks/serve.py reads it)
    if (window.performance && performance.mark) performance.mark("graphkit:ready");
  });

  // For tests and the curious: the drawn graph, and how many requests are in flight.
  window.graphkitServe = {
    network: network, nodes: nodes, edges: edges, openEntity: openEntity, expand: expand, search: search,
    get pending() { return pending; },
  };
})();
