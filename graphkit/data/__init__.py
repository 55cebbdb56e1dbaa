"""Word tables graphkit's rules read: plain TSV files beside this module, one entry a line.

Each file says in its header comment which class of cases its entries cover.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_table(name: str) -> dict[str, str]:
    """A two-column TSV file of graphkit/data/ as a dict; '#' starts a comment line."""
    return {key: value for key, value in read_rows(name)}


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A TSV file of graphkit/data/ as rows of stripped cells; '#' starts a comment line."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(tuple(cell.strip() for cell in line.split("\t"))
                 for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def read_words(name: str) -> frozenset[str]:
    """A one-word-a-line file of graphkit/data/ as a set; '#' starts a comment line."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
