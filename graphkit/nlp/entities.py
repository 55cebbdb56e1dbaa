"""Entity cleaning, typing and in-document resolution (first cut)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import ORGANIZATION, PERSON, PLACE, Entity, Mention

LABEL_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}


def sentence_index(doc: Doc) -> dict[int, int]:
    """Map each sentence's first token index to the sentence's position."""
    return {sent.start: i for i, sent in enumerate(doc.sents)}


def resolve_entities(doc: Doc) -> list[Entity]:
    sent_of = sentence_index(doc)
    groups: dict[tuple[str, str], list] = {}
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        mention = Mention(ent.start_char, ent.end_char, ent.text, sent_of[ent.sent.start])
        groups.setdefault((ent.text, etype), []).append((mention, ent.label_))
    result = []
    for i, ((name, etype), items) in enumerate(groups.items()):
        result.append(Entity(id=f"e{i}", name=name, type=etype, label=items[0][1],
                             mentions=tuple(m for m, _ in items)))
    return result
