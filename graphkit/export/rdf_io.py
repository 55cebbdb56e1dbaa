"""RDF serialisation and SPARQL through Oxigraph.

rdflib's own Turtle writer and SPARQL engine are pure Python and slow at
corpus size; Oxigraph (Rust) parses, queries and writes the same data an order
of magnitude faster. The graph stage hands over sorted N-Triples, and graphkit
mints no blank nodes, so the same input gives byte-identical files.
"""

from __future__ import annotations

import os
import re

import pyoxigraph as ox
from .files import atomic_writer

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS}


def prefixes() -> dict[str, str]:
    from ..sparql import PREFIXES

    return dict(sorted(PREFIXES.items()))


def from_ntriples(data: bytes, format: str = "turtle") -> bytes:
    """Re-serialise sorted N-Triples (or N-Quads for trig/nq) in ``format``; the order is kept."""
    if format in ("nt", "ntriples", "nq", "nquads"):
        return data
    source = ox.RdfFormat.N_QUADS if format in QUAD_FORMATS else ox.RdfFormat.N_TRIPLES
    target = QUAD_FORMATS.get(format) or FORMATS[format]
    return ox.serialize(ox.parse(data, format=source), format=target, prefixes=prefixes())


def write_bytes(data: bytes, path: str | os.PathLike) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_writer(path) as handle:
        handle.write(data)


def store_from_ntriples(data: bytes) -> ox.Store:
    """An in-memory Oxigraph store holding the triples (bulk-loaded in Rust)."""
    store = ox.Store()
    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
    return store


def rdflib_graph(data: bytes):
    """A plain in-memory ``rdflib.Graph`` of the N-Triples, with graphkit's prefixes bound.

    Built only when asked for: rdflib adds about 10,000 triples a second, and
    nothing in graphkit's own write or query path needs it.
    """
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    for prefix, iri in prefixes().items():
        graph.bind(prefix, iri)
    return graph.parse(data=data, format="nt")


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


# What hides a word of the query from the keyword scan: strings, IRIs and comments.
_OPAQUE = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def uses_service(sparql: str) -> bool:
    """Does the query call another endpoint (SERVICE)? Words inside strings, IRIs, comments and names do not count."""
    bare = _OPAQUE.sub(" ", sparql)
    return re.search(r"(?<![\w?$:\-])SERVICE\b", bare, re.IGNORECASE) is not None


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


def run_query(store: ox.Store, sparql: str, *, allow_update: bool = False,
              allow_service: bool = False) -> tuple[list[str], list[dict]]:
    """Run a SPARQL query: (column names, rows as dicts).

    A federated query (SERVICE, which fetches from another endpoint over the
    network) raises QueryError unless ``allow_service``: a graph's queries
    stay on the machine unless the user says otherwise.

    ASK gives one column "ask"; CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    Updates (INSERT, DELETE, LOAD, CLEAR, ...) raise QueryError unless
    ``allow_update``; then they change ``store`` and give one row with the
    triple counts before and after.
    """
    from ..sparql import with_prefixes

    if not allow_service and uses_service(sparql):
        raise QueryError("SERVICE (a query to another endpoint over the network) is refused: pass --allow-service "
                         "(library: allow_service=True) to let the query reach other hosts")
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
