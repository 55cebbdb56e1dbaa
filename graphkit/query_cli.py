"""Loading graph files and printing query results for ``graphkit query``."""

from __future__ import annotations

import csv
import json
import math
import sys

import click
import pyoxigraph as ox

from .export.rdf_io import QueryError, run_query
from .graph.load import PARSE_FORMATS


def load_store(path: str) -> ox.Store:
    """Parse a graph file into an in-memory Oxigraph store; one-line error if it is not RDF."""
    from pathlib import Path

    fmt = PARSE_FORMATS.get(Path(path).suffix.lower(), ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        store.bulk_load(path=path, format=fmt)
    except (SyntaxError, ValueError, OSError) as error:
        raise click.ClickException(f"{path}: cannot parse as {fmt}: {error}") from None
    return store


def shipped_queries() -> dict[str, str]:
    """The example queries in graphkit/queries/, by name."""
    from importlib import resources

    folder = resources.files("graphkit").joinpath("queries")
    return {f.name[:-3]: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def read_query_file(name: str) -> str:
    from pathlib import Path

    path = Path(name)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.ClickException(f"{name}: cannot read: {error}") from None
    shipped = shipped_queries()
    if path.name.removesuffix(".rq") in shipped:
        return shipped[path.name.removesuffix(".rq")]
    raise click.ClickException(f"{name}: no such query file (shipped queries: {', '.join(sorted(shipped))})")


def run(store: ox.Store, sparql: str, source: str = "query", allow_update: bool = False, allow_service: bool = False):
    try:
        return run_query(store, sparql, allow_update=allow_update, allow_service=allow_service)
    except QueryError as error:
        raise click.ClickException(f"{source}: {error}") from None


def _json_value(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
    return value


def save_store(store: ox.Store, path: str) -> None:
    """Write the store atomically, in the format its suffix names (Turtle by default)."""
    from pathlib import Path

    from .export.files import atomic_writer
    from .sparql import PREFIXES

    fmt = PARSE_FORMATS.get(Path(path).suffix.lower(), ox.RdfFormat.TURTLE)
    dataset = fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
    try:
        data = store.dump(format=fmt, from_graph=None if dataset else ox.DefaultGraph(),
                          prefixes=PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
        with atomic_writer(path) as handle:
            handle.write(data)
    except (OSError, ValueError) as error:
        raise click.ClickException(f"{path}: cannot write: {error}") from None


def print_rows(result, fmt: str) -> None:
    names, rows = result
    if fmt == "json":
        # JSON has no NaN or infinity: such doubles are written as their xsd:double forms, in strings
        click.echo(json.dumps([{k: _json_value(v) for k, v in row.items()} for row in rows], ensure_ascii=False,
                              indent=1, allow_nan=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        cells = [[("" if r[n] is None else str(r[n])).replace("\n", " ") for n in names] for r in rows]
        widths = [min(60, max([len(n)] + [len(c[i]) for c in cells])) for i, n in enumerate(names)]
        click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths)))
        click.echo("  ".join("-" * w for w in widths))
        for c in cells:
            click.echo("  ".join(v[:w].ljust(w) for v, w in zip(c, widths)))
        click.echo(f"({len(rows)} rows)")
