"""Turn the dicts stored in ``doc._`` back into graphkit's dataclasses."""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, DocResult, Entity, Mention, Quote, Relation, Span
from .shared import facts


def _span(data: dict | None) -> Span | None:
    return Span(**data) if data else None


def entity_from_dict(data: dict) -> Entity:
    return Entity(**{**data, "aliases": tuple(data["aliases"]), "roles": tuple(data["roles"]),
                     "mentions": tuple(Mention(**m) for m in data["mentions"])})


def quote_from_dict(data: dict) -> Quote:
    return Quote(**{**data, "speaker_mention": _span(data.get("speaker_mention")),
                    "cue_span": _span(data.get("cue_span")), "sentence": _span(data.get("sentence")),
                    "when": _span(data.get("when"))})


def relation_from_dict(data: dict) -> Relation:
    return Relation(**{**data, "evidence": Span(**data["evidence"]), "when": _span(data.get("when"))})


def entities_from_doc(doc) -> list[Entity]:
    """The Entity objects of ``doc._.graphkit_entities``, converted once per doc.

    Each later component and the graph stage ask for them: the objects are
    kept with the doc's shared facts (``shared.py``) for as long as
    ``doc._.graphkit_entities`` is the list they were made from. Code that
    edits those dicts in place between components says so with
    ``share_entities`` (graphkit_coref does, for genders), or stores a new list.
    """
    data = doc._.graphkit_entities
    if not data:
        return []
    shared = facts(doc)
    if shared.entities is None or shared.entities[0] is not data or len(shared.entities[1]) != len(data):
        share_entities(doc, data, [entity_from_dict(d) for d in data])
    return list(shared.entities[1])


def share_entities(doc, data: list[dict], entities: list[Entity]) -> None:
    """``entities`` are the objects of ``data``, the list in ``doc._.graphkit_entities``: give them to the next asker."""
    facts(doc).entities = (data, list(entities))


def refresh_genders(doc) -> None:
    """The shared objects again after the genders in ``doc._.graphkit_entities`` were set in place."""
    data, shared = doc._.graphkit_entities, facts(doc).entities
    if shared is None or shared[0] is not data or len(shared[1]) != len(data):
        return  # nothing shared for this list: the next asker converts it
    share_entities(doc, data, [e if e.gender == d["gender"] else replace(e, gender=d["gender"])
                               for e, d in zip(shared[1], data)])


def quotes_from_doc(doc) -> list[Quote]:
    """The Quote objects of ``doc._.graphkit_quotes``: the ones graphkit_quotes made (``share_quotes``) while
    that list is the one it stored, else converted from the dicts (the relations component asks for them)."""
    data = doc._.graphkit_quotes or []
    shared = facts(doc).quotes
    if shared is not None and shared[0] is data and len(shared[1]) == len(data):
        return list(shared[1])
    return [quote_from_dict(d) for d in data]


def share_quotes(doc, data: list[dict], quotes: list[Quote]) -> None:
    """``quotes`` are the objects of ``data``, the list in ``doc._.graphkit_quotes``: give them to the next asker."""
    facts(doc).quotes = (data, list(quotes))


def relations_from_doc(doc) -> list[Relation]:
    return [relation_from_dict(d) for d in (doc._.graphkit_relations or [])]


def doc_result(doc, article: Article) -> DocResult:
    """The per-article result of a processed ``Doc``."""
    return DocResult(
        article=article,
        entities=tuple(entities_from_doc(doc)),
        relations=tuple(relations_from_doc(doc)),
        quotes=tuple(quotes_from_doc(doc)),
    )
