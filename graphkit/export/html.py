"""A self-contained, offline HTML viewer for graphkit's entity graph.

The page is one file: vis-network's JS (taken from pyvis' package files), our
own CSS and JS (``assets/``) and the graph data are all inlined, so it opens
from ``file://`` with the network off and fetches nothing.

pyvis is the graph layer: it turns our nodes and edges into vis-network's
node/edge dicts and physics options. Everything around it (the page template,
colours, legend, panels, escaping) is graphkit's own, because pyvis' templates
link Bootstrap and other CDN assets and its default mode copies ``lib/`` into
the working directory.

Safety: every string that came from an article reaches the page only through
the JSON data block (``<``, ``>``, ``&``, U+2028/U+2029 escaped, so
``</script>`` in a name cannot break out) or through :func:`html.escape`;
the JS builds every panel and tooltip with text nodes, never innerHTML, and
links only http(s) URLs. A Content-Security-Policy meta tag forbids any fetch.

Entities in no relation are not drawn: in a real corpus they are most of
the graph and would only form rings around it. The page lists them apart,
by type, and search (names and quote text) finds them like any other.

Layout: the browser runs a bounded number of physics iterations, within a
time budget, then turns physics off so the picture stays put. Graphs above
``LARGE_GRAPH`` nodes start from positions computed here
(:func:`initial_positions`) and get fewer iterations.

Page: ``assets/template.html`` (header with search, graph with a legend and
filter card, details panel), ``assets/viewer.css``, ``assets/viewer.js``.
"""

from __future__ import annotations

import html
import json
import math
import os
import random
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

# Colour per coarse entity type (Tableau 10: distinct, colour-blind friendly).
TYPE_COLOURS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Place": "#59a14f",
}
OTHER_COLOUR = "#9c9c9c"

# Above this many nodes the layout starts from Python-computed positions and
# gets fewer browser iterations: the page must settle in a few seconds, not
# look perfect. Up to it, selecting an entity fades the rest of the graph.
LARGE_GRAPH = 300

# Physics iterations in the browser for big graphs, which start from
# initial_positions(): enough to untangle, few enough to settle in seconds.
LARGE_GRAPH_ITERATIONS = 40
# And at most this much time: physics stops early on a slow machine.
LAYOUT_BUDGET_MS = 2500

# Candidates, best connected first, for the labels the page keeps readable
# when zoomed far out (it picks those that do not overlap).
HUB_LABELS = 80

# Components of up to this many entities, apart from the largest, are
# "islands": laid out on their own and packed around the main graph by the page.
ISLAND_MAX = 12

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


# ---------------------------------------------------------------- public API


def render_html(g: nx.MultiDiGraph, *, title: str = "graphkit", max_nodes: int | None = None) -> str:
    """Return the viewer page for ``g`` as one self-contained HTML string.

    ``max_nodes`` keeps only the N most connected entities; the page says how
    many were left out. ``g`` is never modified.
    """
    kept = select_nodes(g, max_nodes)
    data = build_page_data(g, kept, title=title)
    return _fill_template(title=title, data=data)


def write_html(g: nx.MultiDiGraph, path: str | os.PathLike, **kw: Any) -> Path:
    """Write the viewer page to ``path`` atomically and return the path.

    The page goes to a temp file in the same directory first and is then
    renamed over ``path``, so an interrupted write never truncates an
    existing file.
    """
    from .files import write_text_atomic

    page = render_html(g, **kw)
    target = Path(path)
    write_text_atomic(target, page)
    return target


def notebook_html(g: nx.MultiDiGraph, *, height: int = 650, **kw: Any) -> str:
    """Return an ``<iframe srcdoc=…>`` showing the viewer inline in Jupyter.

    Writes no files. The iframe is sandboxed without same-origin rights, so
    the page cannot reach the notebook even if something went wrong; popups
    are allowed only so that article links can open in a new tab.
    """
    page = render_html(g, **kw)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd;border-radius:4px" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


# ------------------------------------------------------------ node selection


def select_nodes(g: nx.MultiDiGraph, max_nodes: int | None) -> list[Any]:
    """The nodes to show: all, or the ``max_nodes`` most connected.

    Ties are broken by mentions, then by id, so the cut is deterministic.
    """
    nodes = list(g.nodes)
    if max_nodes is None or max_nodes >= len(nodes):
        return nodes
    if max_nodes < 0:
        raise ValueError("max_nodes must be >= 0")

    def rank(node: Any) -> tuple:
        return (-g.degree(node), -_as_int(g.nodes[node].get("mentions")), str(node))

    return sorted(nodes, key=rank)[:max_nodes]


# ------------------------------------------------------------------ the data


def build_page_data(g: nx.MultiDiGraph, kept: list[Any], *, title: str) -> dict:
    """Everything the page's JS needs, as JSON-ready plain data."""
    ids = {node: f"n{i}" for i, node in enumerate(kept)}  # short ids keep the JSON small
    articles = _articles(g)
    drawn, unlinked = split_unlinked(g, kept)
    large = len(drawn) > LARGE_GRAPH
    positions = initial_positions(g, drawn) if large else {}
    simple = _simple_graph(g, drawn)
    island_list = islands(simple, drawn)
    positions.update(_island_positions(simple, island_list))
    net = _pyvis_network(g, ids, drawn, positions, fixed={n for island in island_list for n in island})
    vis_nodes, vis_edges, _, _, _, options = net.get_network_data()
    return {
        "title": _text(title),
        "total_nodes": g.number_of_nodes(),
        "omitted": g.number_of_nodes() - len(kept),
        "nodes": vis_nodes,
        "edges": vis_edges,
        "entities": {ids[n]: _entity(g, n, ids) for n in kept},
        # Not drawn: listed by the page instead, most mentioned first.
        "unlinked": [ids[n] for n in sorted(unlinked, key=lambda n: _prominence(g, n))],
        # Best connected first: the page labels these even when zoomed far out.
        "hubs": [ids[n] for n in sorted(drawn, key=lambda n: (-g.degree(n),) + _prominence(g, n))[:HUB_LABELS]],
        "islands": [[ids[n] for n in island] for island in island_list],
        "relations": _relations(g, ids),
        "articles": articles,
        "colours": {**TYPE_COLOURS, "other": OTHER_COLOUR},
        "dim_limit": LARGE_GRAPH,  # up to this many nodes, a selection fades the rest
        "layout_budget_ms": LAYOUT_BUDGET_MS,
        "options": _vis_options(json.loads(options), large=large, n=len(kept)),
    }


def split_unlinked(g: nx.MultiDiGraph, kept: list[Any]) -> tuple[list[Any], list[Any]]:
    """``kept`` split into entities in some shown relation (drawn) and the rest.

    The rest would only float around the graph, saying nothing; the page
    lists them apart instead. Both lists keep ``kept``'s order.
    """
    shown = set(kept)
    linked = set()
    for u, v in g.edges():
        if u in shown and v in shown:
            linked.update((u, v))
    return [n for n in kept if n in linked], [n for n in kept if n not in linked]


def islands(simple: nx.Graph, drawn: list[Any]) -> list[list[Any]]:
    """Small separate components of the drawn graph, biggest first (the largest component is not one).

    Physics would leave them floating in a ring around the main graph, so
    they stay out of it and the page packs them in rows around it instead.
    """
    order = {n: i for i, n in enumerate(drawn)}
    components = sorted((sorted(c, key=order.get) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), order[c[0]]))
    return [c for c in components[1:] if len(c) <= ISLAND_MAX]


def _island_positions(simple: nx.Graph, island_list: list[list[Any]], *, seed: int = 7) -> dict[Any, tuple]:
    """Each island laid out on its own around (0, 0); the page moves it into place."""
    rng = random.Random(seed)
    pos: dict[Any, tuple] = {}
    for island in island_list:
        local = {island[0]: (0.0, 0.0)}
        _grow(simple, local, [island[0]], rng, 70.0)
        pos.update(local)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _simple_graph(g: nx.MultiDiGraph, nodes: list[Any]) -> nx.Graph:
    """Undirected, loop-free graph of ``g``'s edges among ``nodes``, in ``g``'s order."""
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    shown = set(nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v and u in shown and v in shown)
    return simple


def _prominence(g: nx.MultiDiGraph, node: Any) -> tuple:
    """Sort key: most mentioned first, then by name and id (stable across runs)."""
    attrs = g.nodes[node]
    return (-_as_int(attrs.get("mentions")), _text(attrs.get("name")), _text(node))


def _pyvis_network(g: nx.MultiDiGraph, ids: dict[Any, str], drawn: list[Any],
                   positions: dict[Any, tuple], fixed: set) -> Network:
    """Let pyvis build vis-network's node and edge dicts (not from_nx: it mutates).

    pyvis' own add_node/add_edge check membership in lists, which is
    quadratic (minutes at 30,000 nodes); our ids are unique and every edge's
    ends are known, so its Node and Edge records are appended directly.
    """
    net = Network(directed=True)
    for node in drawn:
        short = ids[node]
        attrs = g.nodes[node]
        where = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        if node in fixed:
            where["physics"] = False  # an island: keeps its own layout
        record = Node(short, "dot", label=_text(attrs.get("name")) or _text(node),
                      color=_colour(attrs.get("type")), size=_node_size(attrs.get("mentions")), **where)
        net.nodes.append(record.options)
        net.node_ids.append(short)
        net.node_map[short] = record.options
    kept = list(_kept_edges(g, ids))
    curves = _parallel_curves([(ids[u], ids[v]) for u, v, _ in kept])
    for i, (u, v, attrs) in enumerate(kept):
        extra = {"smooth": curves[i]} if i in curves else {}
        record = Edge(ids[u], ids[v], directed=True, id=f"e{i}", label=_edge_label(attrs),
                      dashes=attrs.get("status", "fact") != "fact", **extra)  # claims, plans, denials, hypotheses are dashed
        net.edges.append(record.options)
    return net


def _parallel_curves(pairs: list[tuple[str, str]]) -> dict[int, dict]:
    """Curves that fan out edges between the same two nodes, by edge index.

    Edges are drawn straight (cheap, and vis-network's "dynamic" curves add a
    physics body per edge); only parallel edges get a curve each, alternating
    sides and growing rounder, so their lines and labels don't overlap.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (u, v) in enumerate(pairs):
        if u != v:  # self-loops are drawn as loops anyway
            groups.setdefault((min(u, v), max(u, v)), []).append(i)
    curves = {}
    for (low, _), members in groups.items():
        if len(members) < 2:
            continue
        for k, i in enumerate(members):
            offset = k - (len(members) - 1) / 2  # ..., -1, 0, 1, ... around the straight line
            if offset == 0:
                continue
            clockwise = (offset > 0) == (pairs[i][0] == low)  # same side whatever the direction
            curves[i] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                         "roundness": round(min(0.3 * abs(offset), 0.9), 2)}
    return curves


def _kept_edges(g: nx.MultiDiGraph, ids: dict[Any, str]) -> Iterable[tuple[Any, Any, dict]]:
    """Edges whose both ends are shown, in a stable order (ids e0, e1, … follow it)."""
    for u, v, attrs in g.edges(data=True):
        if u in ids and v in ids:
            yield u, v, attrs


def initial_positions(g: nx.MultiDiGraph, kept: list[Any], *, hubs: int = 150, seed: int = 7) -> dict[Any, tuple]:
    """A cheap starting layout for big graphs, in vis-network pixels.

    A full force layout of thousands of nodes is slow in Python (networkx
    needs scipy beyond 500 nodes) and in the browser from random positions.
    So: lay out only the best-connected ``hubs`` with spring_layout, put
    every other node next to its already placed neighbours (breadth first),
    and leave the browser a few physics iterations to untangle the rest.
    """
    rng = random.Random(seed)
    simple = _simple_graph(g, kept)
    spread = 45.0 * math.sqrt(len(kept))  # keeps node density about constant
    step = 70.0  # distance of a node from its placed neighbours

    top = sorted(kept, key=lambda n: (-simple.degree(n), str(n)))[:hubs]
    layout = nx.spring_layout(_ordered_subgraph(simple, top), seed=seed, iterations=80)
    pos = {n: (float(x) * spread, float(y) * spread) for n, (x, y) in layout.items()}

    _grow(simple, pos, list(pos), rng, step)

    # Components no hub reaches: each grows from its own best node on a ring outside.
    rest = sorted((n for n in kept if n not in pos), key=lambda n: (-simple.degree(n), str(n)))
    ring = spread * 1.2
    for i, start in enumerate(rest):
        if start in pos:
            continue
        angle = 2 * math.pi * i / len(rest)
        pos[start] = (ring * math.cos(angle), ring * math.sin(angle))
        _grow(simple, pos, [start], rng, step)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _ordered_subgraph(simple: nx.Graph, nodes: list) -> nx.Graph:
    """The subgraph on ``nodes``, with nodes and edges in ``nodes`` order.

    Not ``simple.subgraph(nodes)``: when ``nodes`` is under half the graph,
    networkx iterates that view in the order of a set, which for string ids
    changes with PYTHONHASHSEED, and so would spring_layout's result.
    """
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    members = set(nodes)
    sub.add_edges_from((u, v) for u in nodes for v in simple.neighbors(u) if v in members)
    return sub


def _grow(simple: nx.Graph, pos: dict, frontier: list, rng: random.Random, step: float) -> None:
    """Breadth first from ``frontier``: each new node goes next to its placed neighbours."""
    while frontier:
        next_frontier = []
        for node in frontier:
            for other in simple.neighbors(node):
                if other in pos:
                    continue
                anchors = [pos[m] for m in simple.neighbors(other) if m in pos]
                cx = sum(x for x, _ in anchors) / len(anchors)
                cy = sum(y for _, y in anchors) / len(anchors)
                angle = rng.uniform(0, 2 * math.pi)
                pos[other] = (cx + step * math.cos(angle), cy + step * math.sin(angle))
                next_frontier.append(other)
        frontier = next_frontier


def _vis_options(options: dict, *, large: bool, n: int) -> dict:
    """pyvis' default options, tuned for readability and a quick, bounded layout."""
    options["physics"] = {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {
            "gravitationalConstant": -6000 if not large else -4000,
            "centralGravity": 0.6,  # keeps unconnected entities near the rest
            "springLength": 130 if not large else 90,
            "springConstant": 0.04,
            "damping": 0.3,
            "avoidOverlap": 0.1 if not large else 0,  # overlap checks are costly on big graphs
            "theta": 0.5 if not large else 0.8,  # coarser Barnes-Hut: faster, good enough
        },
        # Bounded so a big graph settles in seconds; the JS turns physics off after.
        "stabilization": {"enabled": True, "iterations": 300 if not large else LARGE_GRAPH_ITERATIONS,
                          "updateInterval": 25 if not large else 4, "fit": True},
        "minVelocity": 1.0,
    }
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b8bec6", "highlight": "#4a4f55", "hover": "#6b7280", "inherit": False},
        "font": {"size": 11, "color": "#555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
        "smooth": False,  # straight; parallel edges get their own curves (_parallel_curves)
        "width": 1.2,
        "selectionWidth": 1.5,
    }
    options["nodes"] = {
        "shape": "dot",
        "borderWidth": 1.5,
        "font": {"size": 15, "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                 "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
        # maxVisible: hub labels, enlarged to be read from far out (viewer.js), stop growing when zoomed in.
        "scaling": {"label": {"drawThreshold": 6, "maxVisible": 22}},
    }
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 150,
        "hideEdgesOnDrag": large,
        "navigationButtons": False,
        "keyboard": False,
    }
    # improvedLayout clusters big graphs up front, which costs more than it saves.
    options["layout"] = {"improvedLayout": n <= 100, "randomSeed": 7}
    options["configure"] = {"enabled": False}
    return options


def _entity(g: nx.MultiDiGraph, node: Any, ids: dict[Any, str]) -> dict:
    attrs = g.nodes[node]
    return {
        "iri": _text(node),
        "name": _text(attrs.get("name")) or _text(node),
        "type": _text(attrs.get("type")),
        "group": _group(attrs.get("type")),  # legend / filter bucket
        "schema_type": _text(attrs.get("schema_type")),
        "aliases": _texts(attrs.get("aliases")),
        "roles": _texts(attrs.get("roles")),
        "mentions": _as_int(attrs.get("mentions")),
        "articles": _texts(attrs.get("articles")),
        "quotes": [_quote(q) for q in attrs.get("quotes") or [] if isinstance(q, dict)],
    }


def _quote(quote: dict) -> dict:
    return {
        "text": _text(quote.get("text")),
        "article": _text(quote.get("article")),
        "kind": _text(quote.get("kind")),
        "cue": _text(quote.get("cue")),
    }


def _relations(g: nx.MultiDiGraph, ids: dict[Any, str]) -> list[dict]:
    """Per edge (same order as the vis edges): what the panel shows about it."""
    relations = []
    for u, v, attrs in _kept_edges(g, ids):
        speaker = attrs.get("claimed_by")
        relations.append({
            "from": ids[u],
            "to": ids[v],
            "label": _edge_label(attrs),
            "predicate": _text(attrs.get("predicate")),
            "evidence": _text(attrs.get("evidence")),
            "article": _text(attrs.get("article")),
            "role": _text(attrs.get("role")),
            # The speaker may have been cut by max_nodes: keep the name anyway.
            "claimed_by": ids.get(speaker) if speaker is not None else None,
            "claimed_by_name": _speaker_name(g, speaker),
            "status": _text(attrs.get("status", "fact")),
        })
    return relations


def _speaker_name(g: nx.MultiDiGraph, speaker: Any) -> str | None:
    if speaker is None:
        return None
    if speaker in g:
        return _text(g.nodes[speaker].get("name")) or _text(speaker)
    return _text(speaker)


def _articles(g: nx.MultiDiGraph) -> dict[str, dict]:
    articles = g.graph.get("articles") or {}
    return {
        _text(key): {
            "title": _text(meta.get("title")),
            "url": safe_url(meta.get("url")),
            "published": _text(meta.get("published")),
        }
        for key, meta in articles.items()
        if isinstance(meta, dict)
    }


# ------------------------------------------------------------------- helpers


def safe_url(url: Any) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (no javascript:, data:, …)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if re.match(r"^https?://[^\s]+$", url, flags=re.IGNORECASE) and not re.search(r"[\x00-\x1f\x7f]", url):
        return url
    return None


def _edge_label(attrs: dict) -> str:
    label = _text(attrs.get("label"))
    if label:
        return label
    predicate = _text(attrs.get("predicate"))
    return re.split(r"[/#:]", predicate)[-1] if predicate else "related to"


def _node_size(mentions: Any) -> float:
    """Dot radius grows with the log of mentions: 0 → 12, 1 → ~16, 10 → ~27, 100 → ~40."""
    return round(12 + 4.2 * math.log2(1 + max(_as_int(mentions), 0)), 1)


def _group(entity_type: Any) -> str:
    return entity_type if entity_type in TYPE_COLOURS else "other"


def _colour(entity_type: Any) -> dict:
    base = TYPE_COLOURS.get(_group(entity_type), OTHER_COLOUR)
    return {"background": base, "border": _darker(base),
            "highlight": {"background": base, "border": "#1f2328"},
            "hover": {"background": base, "border": "#1f2328"}}


def _darker(hex_colour: str, factor: float = 0.75) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _text(value: Any) -> str:
    """Any attribute as a string ("" for None): the JSON carries only plain text."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _texts(values: Any) -> list[str]:
    if not values:
        return []
    if isinstance(values, str):
        return [values]
    return [_text(v) for v in values if v is not None]


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, so escaping
    them as ``\\u003c`` etc. keeps the value identical while making
    ``</script>`` and ``<!--`` impossible; U+2028/2029 are escaped for old
    JS parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Lone surrogates (broken input text) would make the page unwritable as
    # UTF-8; as \\udXXX escapes JSON.parse still reads them.
    return re.sub("[<>&\u2028\u2029\ud800-\udfff]",
                  lambda m: _JSON_ESCAPES.get(m.group()) or f"\\u{ord(m.group()):04x}", text)


# ------------------------------------------------------------------ template


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("graphkit.export").joinpath("assets", name).read_text(encoding="utf-8")


def vis_folder() -> Path:
    """The folder of the vis-network build the pyvis package ships (both viewers use it)."""
    import pyvis

    return Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


@lru_cache(maxsize=None)
def _vis_js() -> str:
    """vis-network's standalone build, as shipped inside the pyvis package."""
    return _inline_script((vis_folder() / "vis-network.min.js").read_text(encoding="utf-8"))


def _inline_script(js: str) -> str:
    # An inline <script> ends at the first "</script"; none of our JS may hold one.
    if re.search(r"</script|<!--", js, flags=re.IGNORECASE):
        raise ValueError("script asset contains '</script' or '<!--' and cannot be inlined")
    return js


def _fill_template(*, title: str, data: dict) -> str:
    parts = {
        "TITLE": html.escape(_valid_unicode(title), quote=True),
        "STATS": html.escape(_stats_line(len(data["entities"]), len(data["edges"]), len(data["unlinked"]),
                                         data["omitted"])),
        "STYLE": _asset("viewer.css"),
        "VIS_JS": _vis_js(),
        "APP_JS": _inline_script(_asset("dom.js") + "\n" + _asset("viewer.js")),  # dom.js: helpers shared with serve
        "DATA": script_json(data),
    }
    # One pass, so text substituted in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("template.html"))


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced, so the page encodes as UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _stats_line(nodes: int, edges: int, unlinked: int, omitted: int) -> str:
    line = f"{nodes:,} entities · {edges:,} relations"
    if unlinked:
        line += f" · {unlinked:,} without relations, listed apart"
    if omitted:
        line += f" · {omitted:,} less connected entities left out"
    return line
