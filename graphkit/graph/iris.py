"""Mint IRIs from stable keys: the same entity gets the same IRI in every build."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

MAX_SLUG = 60


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A readable, IRI-safe slug; a short hash keeps it unique whenever it is lossy.

    Only a text already made of lowercase ASCII letters, digits and single
    inner hyphens is its own slug; anything else ("Report", "2024/jan",
    "my_article", Arabic or Cyrillic letters, a long name) gets a hash of the
    whole text after its readable part, so two texts never share a slug.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    if readable and readable == text:
        return readable
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}" if readable else digest


BASE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")


def check_base(base: str) -> None:
    """Raise ValueError unless ``base`` is an absolute IRI that can prefix graphkit's slugs."""
    if not BASE_IRI.fullmatch(base or ""):
        raise ValueError(f"not an absolute IRI (like https://example.org/id/): {base!r}")
    import pyoxigraph

    try:  # what the writers will be given: a bad percent-escape, a second '#', a broken host
        pyoxigraph.NamedNode(f"{base}{'' if base.endswith(('/', '#')) else '/'}entity/sample")
    except ValueError as error:
        raise ValueError(f"not a valid IRI base ({error}): {base!r}") from None


class IRIs:
    """IRI factory under one base (``--base-iri``)."""

    def __init__(self, base: str):
        check_base(base)
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, key: str) -> URIRef:
        """An entity's IRI, from its normalised name only: a type voted anew never moves it."""
        return URIRef(f"{self.base}entity/{slug(key.replace(' ', '-'))}")  # keys hold no hyphens: still one-to-one

    def article(self, article_key: str) -> URIRef:
        return URIRef(f"{self.base}article/{slug(article_key)}")

    def quote(self, article_key: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}quote/{slug(article_key)}/{start}-{end}")

    def mention(self, article_key: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}mention/{slug(article_key)}/{start}-{end}")

    def statement(self, article_key: str, subject: URIRef, predicate: URIRef, obj: URIRef, start: int) -> URIRef:
        digest = hashlib.sha1(f"{subject} {predicate} {obj} {start}".encode("utf-8")).hexdigest()[:12]
        return URIRef(f"{self.base}statement/{slug(article_key)}/{digest}")
