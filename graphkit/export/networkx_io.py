"""GraphML and GEXF for Gephi and friends, from graphkit's NetworkX graph.

Both formats take only scalar attributes, so lists become "; "-joined text and
quotes become a count plus their texts; the caller's graph is not changed.
"""

from __future__ import annotations

import io
import os

import networkx as nx

from .files import atomic_writer


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value)
    return value


def _text(value) -> str:
    if isinstance(value, dict):
        return value.get("text") or ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with every attribute a string or number, and a ``label`` on each node."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "quotes"}
        attrs["label"] = data.get("name", node)
        attrs["quote_count"] = len(data.get("quotes", ()))
        attrs["quotes"] = _scalar(data.get("quotes", []))
        flat.add_node(node, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(val) for k, val in data.items()})
    return flat


def write_network(graph: nx.MultiDiGraph, path: str | os.PathLike, format: str) -> None:
    """Write ``graphml`` or ``gexf`` to ``path`` atomically."""
    writer = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}[format]
    buffer = io.BytesIO()
    writer(flat_copy(graph), buffer)
    with atomic_writer(path) as handle:
        handle.write(buffer.getvalue())
