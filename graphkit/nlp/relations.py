"""Typed relations from dependency patterns (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Quote, Relation


def find_relations(doc: Doc, entities: list[Entity], quotes: list[Quote]) -> list[Relation]:
    return []
