"""The store's index (``index.sqlite``): what entity resolution needs, kept beside the RDF.

Tables:

- ``articles``: every stored article (key, SHA-256 of its text, its DocResult
  as JSON) in the order added. Duplicates are found here by hash, and an
  article whose references must be rewritten is regenerated from here.
- ``atoms``: one row per name in normal form (graphkit.names.name_key) as the
  articles gave it, before any short-name merge: its merge state (the
  CorpusEntity counters, JSON), the order it was first seen in, and the
  entity (``cluster``) it belongs to now.
- ``atom_articles``: which articles mention an atom (to find what to rewrite
  when the atom moves to another entity).
- ``short_forms``: atom -> every key it could be a short form target for
  (graph.corpus.short_form_keys); the links the short-name sieve can follow.
- ``article_predicates``: which predicates each article's relations use, so
  a predicate's definition leaves the graph with its last use.
- ``aliases``: the user's identity decisions given to any add, in order.
- ``pending``: the RDF change of the last add, kept until it is in Oxigraph.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE,
                                    result TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS atoms(key TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, cluster TEXT NOT NULL,
                                 state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS atom_articles(atom TEXT NOT NULL, article TEXT NOT NULL,
                                         PRIMARY KEY(atom, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS short_forms(lookup TEXT NOT NULL, atom TEXT NOT NULL,
                                       PRIMARY KEY(lookup, atom)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS short_forms_by_atom ON short_forms(atom, lookup);
CREATE TABLE IF NOT EXISTS article_predicates(article TEXT NOT NULL, predicate TEXT NOT NULL, key TEXT NOT NULL,
                                              PRIMARY KEY(article, predicate)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS predicate_articles ON article_predicates(predicate);
CREATE TABLE IF NOT EXISTS aliases(seq INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, same INTEGER NOT NULL,
                                   UNIQUE(a, b, same));
CREATE TABLE IF NOT EXISTS pending(batch INTEGER PRIMARY KEY, deletes BLOB NOT NULL, inserts BLOB NOT NULL);
"""
CHUNK = 500  # keys per IN (...) query, well under SQLite's variable limit


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Index:
    """A thin layer over the SQLite database; the caller owns the transaction (``begin``/``commit``)."""

    def __init__(self, path: Path):
        # isolation_level=None: no implicit transactions, so BEGIN/COMMIT below are the only ones
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _many(self, sql: str, keys: Iterable) -> Iterator[tuple]:
        for chunk in _chunks(keys):
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    # meta
    def get(self, name: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else default

    def set(self, name: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, str(value)))

    # articles
    def has_hash(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE hash = ?", (content_hash,)).fetchone() is not None

    def has_key(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone() is not None

    def article_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def add_article(self, key: str, content_hash: str, result: str) -> None:
        self.db.execute("INSERT INTO articles(key, hash, result) VALUES (?, ?, ?)", (key, content_hash, result))

    def results(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored DocResult JSON by article key, in the order the articles were added."""
        rows = sorted(self._many("SELECT seq, key, result FROM articles WHERE key IN ({})", keys))
        return {key: result for _, key, result in rows}

    def articles_of(self, atoms: Iterable[str]) -> set[str]:
        return {a for (a,) in self._many("SELECT article FROM atom_articles WHERE atom IN ({})", atoms)}

    def add_atom_articles(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO atom_articles VALUES (?, ?)", pairs)

    # atoms
    def atoms(self, keys: Iterable[str]) -> dict[str, tuple[int, str, str]]:
        """key -> (seq, cluster, state JSON) for the keys stored."""
        return {key: (seq, cluster, state) for key, seq, cluster, state
                in self._many("SELECT key, seq, cluster, state FROM atoms WHERE key IN ({})", keys)}

    def clusters(self, keys: Iterable[str]) -> dict[str, str]:
        return dict(self._many("SELECT key, cluster FROM atoms WHERE key IN ({})", keys))

    def existing(self, keys: Iterable[str]) -> set[str]:
        return {k for (k,) in self._many("SELECT key FROM atoms WHERE key IN ({})", keys)}

    def next_atom_seq(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM atoms").fetchone()[0]

    def put_atom(self, key: str, seq: int, cluster: str, state: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO atoms VALUES (?, ?, ?, ?)", (key, seq, cluster, state))

    def set_clusters(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.db.executemany("UPDATE atoms SET cluster = ? WHERE key = ?", ((c, k) for k, c in pairs))

    # short forms
    def add_short_forms(self, atom: str, lookups: Iterable[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO short_forms VALUES (?, ?)", ((k, atom) for k in lookups))

    def filed_under(self, lookups: Iterable[str]) -> set[str]:
        """Atoms that may be the target of a name with one of these keys."""
        return {a for (a,) in self._many("SELECT atom FROM short_forms WHERE lookup IN ({})", lookups)}

    def short_forms_of(self, atoms: Iterable[str]) -> set[str]:
        return {k for (k,) in self._many("SELECT lookup FROM short_forms WHERE atom IN ({})", atoms)}

    # predicates
    def predicates_of(self, articles: Iterable[str]) -> set[tuple[str, str]]:
        return set(self._many("SELECT predicate, key FROM article_predicates WHERE article IN ({})", articles))

    def set_predicates(self, article: str, used: Iterable[tuple[str, str]]) -> None:
        self.db.execute("DELETE FROM article_predicates WHERE article = ?", (article,))
        self.db.executemany("INSERT OR IGNORE INTO article_predicates VALUES (?, ?, ?)",
                            ((article, p, k) for p, k in used))

    def predicate_used(self, predicate: str) -> bool:
        return self.db.execute("SELECT 1 FROM article_predicates WHERE predicate = ? LIMIT 1",
                               (predicate,)).fetchone() is not None

    # aliases
    def alias_pairs(self) -> list[tuple[str, str, bool]]:
        return [(a, b, bool(same)) for a, b, same in self.db.execute("SELECT a, b, same FROM aliases ORDER BY seq")]

    def add_alias(self, a: str, b: str, same: bool) -> bool:
        """Record one decision; False if the store had it already."""
        return self.db.execute("INSERT OR IGNORE INTO aliases(a, b, same) VALUES (?, ?, ?)", (a, b, int(same))).rowcount == 1

    # the RDF change waiting to be applied
    def pending(self) -> tuple[int, bytes, bytes] | None:
        return self.db.execute("SELECT batch, deletes, inserts FROM pending").fetchone()

    def set_pending(self, batch: int, deletes: bytes, inserts: bytes) -> None:
        self.db.execute("INSERT INTO pending VALUES (?, ?, ?)", (batch, deletes, inserts))

    def clear_pending(self) -> None:
        self.db.execute("DELETE FROM pending")
