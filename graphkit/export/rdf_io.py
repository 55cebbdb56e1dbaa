"""RDF serialisation and SPARQL through Oxigraph.

rdflib's own Turtle writer and SPARQL engine are pure Python and slow at
corpus size; Oxigraph (Rust) parses, queries and writes the same data an order
of magnitude faster. Triples are sorted before writing, and graphkit mints no
blank nodes, so the same input gives byte-identical files.
"""

from __future__ import annotations

import os
import re

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from .files import atomic_writer

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def _term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _sort_key(triple) -> tuple:
    return tuple((type(t).__name__ != "URIRef", str(t), getattr(t, "datatype", None) or "", getattr(t, "language", None) or "")
                 for t in triple)


def oxigraph_triples(graph: Graph) -> list:
    """The graph's triples as Oxigraph terms, in a stable order."""
    return [ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in sorted(graph, key=_sort_key)]


def prefixes(graph: Graph) -> dict[str, str]:
    """graphkit's standard prefixes plus any the graph binds, minus rdflib's long default list."""
    from ..sparql import PREFIXES

    bound = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    merged = {**{p: iri for p, iri in bound.items() if p not in DEFAULT_RDFLIB}, **PREFIXES}
    return dict(sorted(merged.items()))


DEFAULT_RDFLIB = {p for p, _ in Graph().namespaces()}


def serialize(graph: Graph, format: str = "turtle") -> bytes:
    """The graph as bytes in ``format`` (turtle, nt, jsonld)."""
    return ox.serialize(oxigraph_triples(graph), format=FORMATS[format], prefixes=prefixes(graph))


def write_rdf(graph: Graph, path: str | os.PathLike, format: str = "turtle") -> None:
    """Write the graph to ``path`` atomically."""
    data = serialize(graph, format)
    with atomic_writer(path) as handle:
        handle.write(data)


QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS}


def serialize_quads(quads, format: str = "trig", prefixes: dict[str, str] | None = None) -> bytes:
    """Quads ``(s, p, o, graph IRI or None)`` as TriG or N-Quads, one named graph per article."""
    def key(quad):
        return (quad[3] is not None, str(quad[3] or "")) + _sort_key(quad[:3])
    converted = [ox.Quad(_term(s), _term(p), _term(o), _term(g) if g is not None else ox.DefaultGraph())
                 for s, p, o, g in sorted(set(quads), key=key)]
    return ox.serialize(converted, format=QUAD_FORMATS[format], prefixes=prefixes or {})


def to_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding the graph's triples."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in oxigraph_triples(graph))
    return store


def _python(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        value = term.value
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(value)
        return value
    return term.value


class QueryError(ValueError):
    """A SPARQL query that cannot run: a syntax error, or an update on a read-only graph."""


UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = re.compile(r"(?is)\A(\s+|#[^\n]*|(PREFIX\s+[\w.-]*:\s*<[^>]*>)|(BASE\s*<[^>]*>))*")


def is_update(sparql: str) -> bool:
    """True for a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    body = sparql[_PROLOGUE.match(sparql).end():]
    return re.match(rf"(?i)({'|'.join(UPDATE_WORDS)})\b", body) is not None


def _syntax_message(error: SyntaxError, shift: int) -> str:
    """Oxigraph's 'error at LINE:COL: ...' on one line, with the line counted in the user's query."""
    message = " ".join(str(error).split())
    match = re.match(r"error at (\d+):(\d+)", message)
    if match and shift:
        line = max(1, int(match.group(1)) - shift)
        message = f"error at {line}:{match.group(2)}" + message[match.end():]
    if len(message) > 300:
        message = message[:297] + "..."
    return message


def run_query(store: ox.Store, sparql: str, *, allow_update: bool = False) -> tuple[list[str], list[dict]]:
    """Run a SPARQL query: (column names, rows as dicts).

    ASK gives one column "ask"; CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    Updates (INSERT, DELETE, LOAD, CLEAR, ...) raise QueryError unless
    ``allow_update``; then they change ``store`` and give one row with the
    triple counts before and after.
    """
    from ..sparql import with_prefixes

    text = with_prefixes(sparql)
    shift = text.count("\n") - sparql.count("\n")
    if is_update(sparql):
        if not allow_update:
            raise QueryError("update queries (INSERT, DELETE, LOAD, CLEAR, ...) are refused: the query is "
                             "read-only unless you pass --allow-update")
        before = len(store)
        try:
            store.update(text)
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL update: {_syntax_message(error, shift)}") from None
        except (OSError, RuntimeError, ValueError) as error:
            raise QueryError(f"update failed: {' '.join(str(error).split())}") from None
        return ["before", "after"], [{"before": before, "after": len(store)}]
    try:
        result = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_syntax_message(error, shift)}") from None
    try:
        return _rows(result)
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query failed: {' '.join(str(error).split())}") from None


def _rows(result) -> tuple[list[str], list[dict]]:
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [{"ask": bool(result)}]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [{name: _python(row[name]) for name in names} for row in result]
    names = ["subject", "predicate", "object"]
    return names, [dict(zip(names, map(_python, (t.subject, t.predicate, t.object)))) for t in result]
