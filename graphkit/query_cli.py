"""Loading graph files and writing query results for ``graphkit query``.

SELECT and ASK results are written in the W3C SPARQL result formats by
Oxigraph's own serializers (json, xml, csv, tsv) or as a table for people;
CONSTRUCT and DESCRIBE results are RDF (Turtle by default).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from .graph.load import PARSE_FORMATS
from .sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, PREFIXES, Answer, QueryError, _one_line, evaluate, in_worker

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD,
               "json-ld": ox.RdfFormat.JSON_LD, "rdf-xml": ox.RdfFormat.RDF_XML}
# For a graph result, json and xml mean their RDF counterparts.
GRAPH_ALIASES = {"json": "jsonld", "xml": "rdf-xml"}
FORMAT_NAMES = ["table", *RESULT_FORMATS, *RDF_FORMATS]
__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "FORMAT_NAMES", "emit", "load_store", "read_query_file", "render",
           "run", "save_store", "shipped_queries", "table"]
TABLE_WIDTH = 60  # widest column in --format table; longer values are cut and marked


def load_store(path: str) -> ox.Store:
    """Parse a graph file into an in-memory Oxigraph store; one-line error if it is not RDF."""
    file = Path(path)
    if not file.exists():
        raise click.ClickException(f"{path}: no such file")
    if file.is_dir():
        raise click.ClickException(f"{path}: is a folder, not a graph file")
    fmt = PARSE_FORMATS.get(file.suffix.lower(), ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        in_worker(lambda stop: store.bulk_load(path=path, format=fmt), None)  # so Ctrl-C ends a long load
    except (SyntaxError, ValueError, OSError) as error:
        raise click.ClickException(f"{path}: cannot parse as {fmt.name}: {_one_line(error)}") from None
    return store


def shipped_queries() -> dict[str, str]:
    """The example queries in graphkit/queries/, by name."""
    from importlib import resources

    folder = resources.files("graphkit").joinpath("queries")
    return {f.name[:-3]: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def read_query_file(name: str) -> str:
    path = Path(name)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.ClickException(f"{name}: cannot read: {_one_line(error)}") from None
    shipped = shipped_queries()
    if path.name.removesuffix(".rq") in shipped:
        return shipped[path.name.removesuffix(".rq")]
    raise click.ClickException(f"{name}: no such query file (shipped queries: {', '.join(sorted(shipped))})")


def run(store: ox.Store, sparql: str, source: str = "query", **options) -> Answer:
    """``sparql.evaluate`` with its errors as one line naming ``source``."""
    try:
        return evaluate(store, sparql, **options)
    except QueryError as error:
        raise click.ClickException(f"{source}: {error}") from None


def save_store(store: ox.Store, path: str) -> None:
    """Write the store atomically, in the format its suffix names (Turtle by default)."""
    from .export.files import atomic_writer

    fmt = PARSE_FORMATS.get(Path(path).suffix.lower(), ox.RdfFormat.TURTLE)
    dataset = fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
    try:
        data = store.dump(format=fmt, from_graph=None if dataset else ox.DefaultGraph(),
                          prefixes=PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
        with atomic_writer(path) as handle:
            handle.write(data)
    except (OSError, ValueError) as error:
        raise click.ClickException(f"{path}: cannot write: {_one_line(error)}") from None


def render(answer: Answer, fmt: str | None) -> bytes:
    """The answer in ``fmt`` (None: a table, or Turtle for a graph); a one-line error for a format
    that does not fit the kind of result."""
    if answer.kind == "graph":
        name = GRAPH_ALIASES.get(fmt, fmt or "ttl")
        if name not in RDF_FORMATS:
            raise click.ClickException(f"--format {fmt}: CONSTRUCT and DESCRIBE give RDF, not a table of results: "
                                       f"use one of {', '.join(RDF_FORMATS)} (or json, xml)")
        return _rdf(answer.rows, RDF_FORMATS[name])
    if fmt in RDF_FORMATS:
        raise click.ClickException(f"--format {fmt}: SELECT and ASK give a table of results, not RDF: "
                                   f"use one of table, {', '.join(RESULT_FORMATS)}")
    if fmt in RESULT_FORMATS:
        data = _oxigraph_results(answer).serialize(format=RESULT_FORMATS[fmt])
        return data if data.endswith(b"\n") else data + b"\n"
    return table(answer).encode(sys.stdout.encoding or "utf-8", errors="replace")


def _rdf(triples: list, fmt: ox.RdfFormat) -> bytes:
    with_prefixes = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
    return ox.serialize(triples, format=fmt, prefixes=PREFIXES if with_prefixes else None)


def _oxigraph_results(answer: Answer):
    """The answer as Oxigraph QueryBoolean/QuerySolutions, for its W3C serializers.

    The rows were read into a list (to stop at --max-rows), and Oxigraph's
    results cannot be built from a list; the TSV result format, which writes
    every term in N-Triples syntax, carries them back without loss.
    """
    if answer.kind == "boolean":
        return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if answer.boolean else b"false"),
                                      ox.QueryResultsFormat.JSON)
    lines = ["\t".join("?" + name for name in answer.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in answer.rows]
    return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)


def _cell(term) -> str:
    if term is None:
        return ""
    text = str(term) if isinstance(term, ox.BlankNode) else term.value
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def table(answer: Answer) -> str:
    """A fixed-width table for a terminal; a value wider than TABLE_WIDTH is cut, ends in "…", and the
    footer says how many were."""
    if answer.kind == "boolean":
        names, cells = ["ask"], [["true" if answer.boolean else "false"]]
    else:
        names, cells = answer.variables, [[_cell(term) for term in row] for row in answer.rows]
    widths = [min(TABLE_WIDTH, max([len(n)] + [len(row[i]) for row in cells])) for i, n in enumerate(names)]
    cut = sum(len(value) > TABLE_WIDTH for row in cells for value in row)
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        fitted = (v if len(v) <= w else v[:w - 1] + "…" for v, w in zip(row, widths))
        lines.append("  ".join(v.ljust(w) for v, w in zip(fitted, widths)).rstrip())
    footer = f"({len(cells)} row{'' if len(cells) == 1 else 's'}"
    if cut:
        footer += (f"; {cut} value{' was' if cut == 1 else 's were'} longer than {TABLE_WIDTH} characters, "
                   f"cut and marked …: --format tsv or json shows them whole")
    return "\n".join(lines + [footer + ")"]) + "\n"


def emit(data: bytes) -> bool:
    """Write to stdout; False when the reader has gone (``| head``), and later writes go nowhere."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return True
    except BrokenPipeError:
        # Python would report the lost pipe again when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return False
