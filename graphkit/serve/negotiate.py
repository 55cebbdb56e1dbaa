"""Choosing a response format from an HTTP Accept header (RFC 9110 section 12.5.1).

A SELECT or ASK answer is one of the W3C SPARQL result formats; a CONSTRUCT
or DESCRIBE answer is an RDF syntax. The names on the right are
graphkit.query_cli's format names, so rendering is the same code as
``graphkit query --format``.
"""

from __future__ import annotations

# media type -> format name; the first of each table is the default for */*
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    # what clients also send for the same formats (SPARQLWrapper's JSON asks for application/json too)
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdf-xml",
    "application/trig": "trig",
    "application/n-quads": "nq",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
    "application/xml": "rdf-xml",
    "text/plain": "nt",  # N-Triples is plain text by its spec's history
}
# The Content-Type written for each format name.
CONTENT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdf-xml": "application/rdf+xml", "trig": "application/trig", "nq": "application/n-quads",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """(media range, q) pairs, lower-cased, parameters other than q dropped; a missing header is */*."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"  # "*" alone: Java's URLConnection sends it
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value)))
                except ValueError:
                    q = 0.0  # an unreadable weight accepts nothing rather than everything
        ranges.append((media, q))
    return ranges


def _weight(media: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q the most specific matching range gives ``media``, and that range's position (to break ties)."""
    best, specificity, position = 0.0, -1, len(ranges)
    kind = media.split("/")[0]
    for index, (accepted, q) in enumerate(ranges):
        if accepted == media:
            level = 2
        elif accepted == kind + "/*":
            level = 1
        elif accepted == "*/*":
            level = 0
        else:
            continue
        if level > specificity:
            best, specificity, position = q, level, index
    return best, position


def choose(header: str | None, types: dict[str, str]) -> tuple[str, str] | None:
    """(format name, Content-Type) the Accept header prefers among ``types``, or None if it accepts none.

    Highest q wins; among equals, a type the client named before another,
    then the table's own order (so */* gets the table's first type).
    """
    ranges = parse_accept(header)
    scored = []
    for order, media in enumerate(types):
        q, position = _weight(media, ranges)
        if q > 0:
            scored.append((-q, position, order, media))
    if not scored:
        return None
    fmt = types[min(scored)[3]]
    return fmt, CONTENT_TYPES[fmt]


def offered(types: dict[str, str]) -> str:
    """The media types of ``types``, for a 406 message."""
    return ", ".join(types)
