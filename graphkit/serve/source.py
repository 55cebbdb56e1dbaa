"""What ``graphkit serve`` serves: an on-disk store folder, or a graph file loaded into memory."""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox

from ..query_cli import load_store
from ..sparql import _one_line
from ..store.layout import MARKER as STORE_MARKER


def open_source(path: str, *, allow_update: bool = False) -> tuple[ox.Store, str]:
    """(store, a description for the start-up line).

    A graphkit store folder (``graphkit build --store DIR``) is opened
    read-only through graphkit.store, which holds its reader lock while the
    server runs; any other folder is a bare Oxigraph store, opened read-only
    unless ``allow_update``; any other path is a graph file graphkit can read
    (.ttl, .nt, .nq, .trig, .jsonld, .rdf), loaded into memory.
    """
    where = Path(path)
    if where.is_dir():
        if (where / STORE_MARKER).exists():
            return _open_graphkit_store(where, allow_update), f"graphkit store {path} (read-only)"
        return _open_oxigraph(where, allow_update), f"Oxigraph store {path}" + ("" if allow_update else " (read-only)")
    store = load_store(path)  # a one-line ClickException for a missing or unparsable file
    kept = "updates stay in memory, the file is not written" if allow_update else "read-only"
    return store, f"graph file {path} (in memory, {kept})"


def _open_graphkit_store(folder: Path, allow_update: bool) -> ox.Store:
    from ..store import StoreError, open_store

    if allow_update:
        # its index (names, merges, article hashes) would no longer match a graph changed by SPARQL Update
        raise click.ClickException(f"{folder}: a graphkit store changes only by `graphkit build PATHS --store DIR`; "
                                   "--allow-update serves a graph file or a bare Oxigraph store")
    try:
        return open_store(folder)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


def _open_oxigraph(folder: Path, allow_update: bool) -> ox.Store:
    try:
        # A writable open needs the folder to itself; a read-only one sees the store as it was when opened.
        return ox.Store(str(folder)) if allow_update else ox.Store.read_only(str(folder))
    except FileNotFoundError:
        raise click.ClickException(f"{folder}: not a store (neither a graphkit store nor an Oxigraph one; "
                                   "`graphkit build PATHS --store DIR` makes one)") from None
    except OSError as error:
        raise click.ClickException(f"{folder}: cannot open the store: {_one_line(error)}") from None
