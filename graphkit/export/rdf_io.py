"""RDF serialisation and SPARQL through Oxigraph.

rdflib's own Turtle writer and SPARQL engine are pure Python and slow at
corpus size; Oxigraph (Rust) parses, queries and writes the same data an order
of magnitude faster. The graph stage hands over sorted N-Triples, and graphkit
mints no blank nodes, so the same input gives byte-identical files.
"""

from __future__ import annotations

import os

import pyoxigraph as ox
from .files import atomic_writer

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}

# rdflib's format names (and the common spellings of the W3C names) -> graphkit's;
# Turtle is valid N3, so n3 writes Turtle.
FORMAT_ALIASES = {
    "ttl": "turtle", "n3": "turtle", "ntriples": "nt", "nt11": "nt", "n-triples": "nt", "nquads": "nq",
    "n-quads": "nq", "json-ld": "jsonld", "rdfxml": "xml", "rdf-xml": "xml", "rdf/xml": "xml",
    "pretty-xml": "xml", "application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt",
    "application/ld+json": "jsonld", "application/trig": "trig", "application/n-quads": "nq",
}
# file suffix -> format, as rdflib's guess_format reads them
SUFFIX_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".n3": "turtle", ".nt": "nt", ".nq": "nq", ".trig": "trig",
                  ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
                  ".graphml": "graphml", ".gexf": "gexf"}


def format_name(name: str) -> str:
    """graphkit's name for a format given in graphkit's, rdflib's or a media type's spelling."""
    lowered = name.strip().lower()
    return FORMAT_ALIASES.get(lowered, lowered)


def format_for_path(path: str | os.PathLike) -> str:
    """The format a file's suffix names (Turtle when the suffix names none, as rdflib does)."""
    from pathlib import Path

    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "turtle")


def prefixes() -> dict[str, str]:
    from ..sparql import PREFIXES

    return dict(sorted(PREFIXES.items()))


def from_ntriples(data: bytes, format: str = "turtle") -> bytes:
    """Re-serialise sorted N-Triples (or N-Quads for trig/nq) in ``format``; the order is kept."""
    if format in ("nt", "nq"):
        return data
    if format == "jsonld":
        return compact_jsonld(data)
    source = ox.RdfFormat.N_QUADS if format in QUAD_FORMATS else ox.RdfFormat.N_TRIPLES
    target = QUAD_FORMATS.get(format) or FORMATS[format]
    return ox.serialize(ox.parse(data, format=source), format=target, prefixes=prefixes())


def jsonld_context() -> dict:
    """The JSON-LD context graphkit ships (graphkit/context.jsonld): schema.org as vocabulary, graphkit's prefixes."""
    import json
    from importlib import resources

    return json.loads(resources.files("graphkit").joinpath("context.jsonld").read_text(encoding="utf-8"))["@context"]


def compact_jsonld(data: bytes) -> bytes:
    """Compacted JSON-LD of sorted N-Triples, with graphkit's context inline (no fetch needed to read it).

    rdflib's JSON-LD serializer does the compaction (``@type``, short schema.org
    keys, typed values); nodes are then ordered by ``@id`` so the same graph
    gives the same bytes. rdflib is pure Python (about 10,000 triples a
    second), so this format costs more than the others at corpus size.
    """
    import json

    context = jsonld_context()
    document = json.loads(rdflib_graph(data).serialize(format="json-ld", context=context, auto_compact=True))
    nodes = document.get("@graph", [document] if "@id" in document else [])
    nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
    nodes.sort(key=lambda node: node.get("@id", ""))
    compact = (json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, indent=1, sort_keys=True)
               + "\n").encode("utf-8")
    # The compacted document must hold exactly the graph; where compaction would change it (found by
    # fuzzing: rare hostile values), the expanded JSON-LD Oxigraph writes is the faithful fallback.
    triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))  # in the sorted order, for the fallback
    if set(ox.parse(compact, format=ox.RdfFormat.JSON_LD)) == set(triples):
        return compact
    return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)


def write_streamed(write_source, format: str, path: str | os.PathLike) -> None:
    """Write a graph in ``format`` to ``path`` (atomically) without holding it in memory.

    ``write_source(file)`` writes sorted N-Triples (N-Quads for trig/nq) into
    a temporary file; Oxigraph reads it as it writes ``format``, so the bytes
    are those ``from_ntriples`` gives. Not for JSON-LD, compacted in memory.
    """
    import shutil
    import tempfile

    with tempfile.TemporaryFile() as source:
        write_source(source)
        source.seek(0)
        with atomic_writer(path) as handle:
            if format in ("nt", "nq"):
                shutil.copyfileobj(source, handle)
                return
            quads = format in QUAD_FORMATS
            triples = ox.parse(source, format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
            ox.serialize(triples, handle, format=QUAD_FORMATS[format] if quads else FORMATS[format],
                         prefixes=prefixes())


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
    of graphkit's own writers only the compacted JSON-LD needs it.
    """
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    for prefix, iri in prefixes().items():
        graph.bind(prefix, iri)
    return graph.parse(data=data, format="nt")


# SPARQL lives in graphkit.sparql; these names stay importable from here.
from ..sparql import QueryError, is_update, run_query, uses_service  # noqa: F401
