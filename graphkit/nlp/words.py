"""The word lists graphkit's components consult, and a user's additions to them.

The defaults are graphkit/data. A component given words in its config
(``nlp.add_pipe("graphkit_quotes", config={"speech_verbs": ["tweet"]})``)
makes its own ``Words`` and activates it only while it processes a doc, so
two pipelines in one process never see each other's additions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from types import MappingProxyType

from ..data import read_table, read_words
from ..model import ENTITY_TYPES


@dataclass(frozen=True)
class Words:
    speech_verbs: frozenset[str]  # lemmas that attribute words to their subject: "say", "tweet"
    speech_nouns: frozenset[str]  # nouns that carry someone's words: "Lee's claim that ..."
    descriptors: Mapping[str, str]  # nouns that say what kind of thing a name is: "company" -> Organization

    def adding(self, *, speech_verbs: Iterable[str] = (), speech_nouns: Iterable[str] = (),
               descriptors: Mapping[str, str] | None = None, source: str = "config") -> Words:
        """These words plus a user's, checked: lower-case single words, types among graphkit's."""
        for word in [*speech_verbs, *speech_nouns, *(descriptors or {})]:
            if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
                raise ValueError(f"{source}: {word!r} is not a lower-case word (lemmas are compared lower-cased)")
        for noun, kind in (descriptors or {}).items():
            if kind not in ENTITY_TYPES:
                raise ValueError(f"{source}: descriptor {noun!r} has type {kind!r}; choose one of "
                                 f"{', '.join(ENTITY_TYPES)}")
        return replace(self, speech_verbs=self.speech_verbs | frozenset(speech_verbs),
                       speech_nouns=self.speech_nouns | frozenset(speech_nouns),
                       descriptors=MappingProxyType({**self.descriptors, **(descriptors or {})}))


DEFAULT = Words(read_words("speech_verbs.txt"), read_words("speech_nouns.txt"),
                MappingProxyType(read_table("descriptors.tsv")))
_ACTIVE: ContextVar[Words] = ContextVar("graphkit_words", default=DEFAULT)


def words() -> Words:
    """The word lists in force: the running component's, else graphkit's defaults."""
    return _ACTIVE.get()


@contextmanager
def using(active: Words) -> Iterator[None]:
    token = _ACTIVE.set(active)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
