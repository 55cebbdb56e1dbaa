"""Reading a store: the read-only Oxigraph store for a server, and the whole graph for export."""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import pyoxigraph as ox

from . import layout

_readers: dict[int, layout.Lock] = {}  # id(store) -> the shared lock open_store took for it


def open_store(folder: str | os.PathLike) -> ox.Store:
    """The store's Oxigraph store, read-only: the graph a file build writes as TriG.

    Corpus-wide triples (entities, predicate definitions) are in the default
    graph, each article's in the named graph of its IRI. Oxigraph calls
    reading while another process writes undefined, so this takes the store's
    lock shared and keeps it until ``close_store(store)`` or the process
    exits: an add then refuses to start (``store is in use``) rather than change files under the reader,
    and a store an add is writing now raises ``StoreLocked``. Raises
    ``StoreError`` for a folder that is not a store of this layout.
    """
    folder = Path(folder)
    layout.read_marker(folder)
    lock = layout.Lock(folder, exclusive=False)
    try:
        store = ox.Store.read_only(str(folder / layout.OXIGRAPH))
    except OSError as error:
        lock.release()
        raise layout.StoreError(f"{folder}: cannot open the Oxigraph store: {error}") from None
    _readers[id(store)] = lock
    return store


def close_store(store: ox.Store) -> None:
    """Drop the lock ``open_store`` took for ``store`` (do not use the store after this)."""
    lock = _readers.pop(id(store), None)
    if lock is not None:
        lock.release()


@atexit.register
def _release() -> None:
    while _readers:
        _readers.popitem()[1].release()


def base_iri(folder: str | os.PathLike) -> str:
    return layout.read_marker(Path(folder))["base_iri"]


def load_store(folder: str | os.PathLike):
    """The store's graph as a ``KnowledgeGraph`` (read back from its quads, as graphkit.load reads a file).

    Every writer works on it: ``load_store(dir).write("all.trig")``. This
    reads the whole store into memory; use ``open_store`` to query in place.
    """
    from ..graph.load import corpus_from_quads
    from ..kg import BuildStats, KnowledgeGraph

    folder = Path(folder)
    base = base_iri(folder)
    store = open_store(folder)
    try:
        if not any(True for _ in store.named_graphs()):
            raise layout.StoreError(f"{folder}: the store holds no articles yet")
        corpus, _ = corpus_from_quads(store.quads_for_pattern(None, None, None, None), str(folder))
    finally:
        lock = _readers.pop(id(store))  # close_store's work, with the store closed before the lock lets a writer in
        del store
        lock.release()
    return KnowledgeGraph(corpus, base, BuildStats(articles=len(corpus.articles)))
