"""Quotation detection and speaker attribution (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Quote


def find_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    return []
