"""Turn the dicts stored in ``doc._`` back into graphkit's dataclasses."""

from __future__ import annotations

from ..model import Article, DocResult, Entity, Mention, Quote, Relation, Span


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
    return [entity_from_dict(d) for d in (doc._.graphkit_entities or [])]


def quotes_from_doc(doc) -> list[Quote]:
    return [quote_from_dict(d) for d in (doc._.graphkit_quotes or [])]


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
