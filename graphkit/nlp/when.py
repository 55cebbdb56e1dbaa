"""The words that date a statement or a quote: "on Thursday", "said Wednesday", "in 2019".

A DATE entity of the sentence dates a relation (or a quote) when it hangs,
within a few steps, from the relation's trigger or the verb the trigger
belongs to (for a quote, from its cue). What the words mean is resolved in
the graph stage against the article's publication date (graphkit/dates.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Span

REACH = 4  # dependency steps from the date's head up to the anchor


def _anchor(token: Token) -> Token:
    """The verb a trigger belongs to: "member" in "X became a member" -> "became"."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return token


def _dates_a_noun(node: Token, ent) -> bool:
    """Has the climb reached a phrase that describes someone or something rather than the act?

    "attacked Lee, an independent since 1998", "met Ana, who joined in 2015": the date is
    the description's (an apposition, a relative clause, a name it hangs on), not the attack's.
    """
    if node.i in range(ent.start, ent.end):
        return False
    return node.dep_ in ("appos", "relcl", "acl") or node.pos_ == "PROPN"


class Dates:
    """The DATE entities of one document, by sentence: built once, asked for each relation or quote."""

    def __init__(self, doc):
        from .shared import facts

        shared = facts(doc)
        self.sentence_of = shared.sentence_start  # the doc's shared sentence index (Token.sent scans the doc)
        self.by_sentence: dict[int, list] = {}
        date = doc.vocab.strings["DATE"]  # compared as the id: ``label_`` looks the string up per entity
        for ent in shared.ents:
            if ent.label == date:
                self.by_sentence.setdefault(self.sentence_of[ent.start], []).append(ent)

    def words(self, token: Token | None) -> Span | None:
        return date_words(token, self)


def date_words(token: Token | None, dates: Dates | None = None) -> Span | None:
    """The DATE words of ``token``'s sentence attached to it, nearest first; None when none is."""
    if token is None:
        return None
    anchors = {token.i, _anchor(token).i}
    if dates is None:
        from .shared import facts

        dates = facts(token.doc).dates  # built once per doc, shared with the other components
    best = None
    for ent in dates.by_sentence.get(dates.sentence_of[token.i], ()):
        node, steps = ent.root, 0
        while steps <= REACH and node.i not in anchors and node.head.i != node.i and not _dates_a_noun(node, ent):
            node, steps = node.head, steps + 1
        if node.i in anchors and (best is None or steps < best[0]):
            best = (steps, ent)
    if best is None:
        return None
    ent = best[1]
    return Span(ent.start_char, ent.end_char, ent.text)
