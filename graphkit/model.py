"""Plain data passed between graphkit's stages.

Nothing here imports spaCy, rdflib or networkx: the NLP stage produces these
objects, the graph stage consumes them, and they pickle cheaply between
processes. Every span carries character offsets into ``Article.text`` so any
fact can be traced back to the exact words it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# Coarse entity types. Finer schema.org classes (Country, City, ...) are
# chosen in the graph stage from these plus the gazetteer.
PERSON = "Person"
ORGANIZATION = "Organization"
PLACE = "Place"
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE)

DIRECT = "direct"
INDIRECT = "indirect"

# What the text says of a relation: only a FACT is asserted as a plain triple.
FACT, CLAIMED, PLANNED, NEGATED, HYPOTHETICAL = "fact", "claimed", "planned", "negated", "hypothetical"
STATUSES = (FACT, CLAIMED, PLANNED, NEGATED, HYPOTHETICAL)


@dataclass(frozen=True)
class Article:
    """One input document and its metadata."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None  # where it was read from (path, "<stdin>", ...)
    author: str | None = None  # byline, as written (HTML metadata, JSONL "author")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the article's identity for de-duplication."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """A stable identifier: the given id, else a prefix of the content hash."""
        return self.id or self.content_hash[:16]


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention(Span):
    """One occurrence of an entity in the text."""

    sentence: int = 0  # index of the sentence it occurs in


@dataclass(frozen=True)
class Entity:
    """An entity as resolved inside one article.

    ``id`` is local to the article ("e0", "e1", ...); the graph stage merges
    entities across articles and mints IRIs.
    """

    id: str
    name: str  # canonical name, e.g. "Jens Stoltenberg"
    type: str  # one of ENTITY_TYPES
    label: str = ""  # the spaCy label it was found with (PERSON, GPE, ...)
    aliases: tuple[str, ...] = ()  # other names seen, e.g. ("Stoltenberg",)
    roles: tuple[str, ...] = ()  # titles stripped from the name, e.g. ("Secretary-General",)
    mentions: tuple[Mention, ...] = ()
    gender: str | None = None  # "m" or "f" when the article says (Mr./Ms., he/she): set by the reference layer


@dataclass(frozen=True)
class Relation:
    """A typed, directed relation between two entities of one article.

    ``predicate`` is a key of ``graphkit.graph.vocab.PREDICATES`` or, for
    generic subject-verb-object relations, ``"verb:<lemma>"``.
    """

    subject: str  # Entity.id
    predicate: str
    object: str  # Entity.id
    evidence: Span  # the sentence that states it
    rule: str  # name of the pattern that found it
    role: str | None = None  # title for role relations, e.g. "Secretary-General"
    claimed_by: int | None = None  # index into DocResult.quotes when stated inside a quote
    status: str = FACT  # one of STATUSES
    claimant: str | None = None  # Entity.id of who claims it, when a source outside a quote does ("X said that ...")
    when: Span | None = None  # the words that date it ("on Thursday"), resolved in the graph stage


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker.

    ``speaker`` is an Entity.id, or None when the text does not say who spoke
    (never a guess). ``speaker_mention`` is the literal source ("he", "the
    minister", "Stoltenberg") as written.
    """

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: str | None = None  # lemma of the attribution verb ("say", "according to")
    cue_span: Span | None = None
    kind: str = DIRECT  # DIRECT or INDIRECT
    sentence: Span | None = None  # the sentence(s) holding the quote
    when: Span | None = None  # the words that date it ("said Wednesday")


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
