"""Mentions: the stretches of text that name an entity, before they are grouped.

spaCy's NER spans are the starting point. Each repair below covers one class
of error that recurs across news text, whatever the article:

- cut: a span run across a line break, a comma, a dash or a lowercase word
  ("Christie, New Jersey", "Trump in Iowa") is cut there and each piece judged
  alone; name particles (da, von, bin, al) do not cut.
- whole words: a name never starts or ends inside a word ("Park Ji-" is
  "Park Ji-won"), but "Osaka-based" keeps only "Osaka".
- joined pieces: two touching spans, or a span and the capitalised words
  beside it, that together make a known place are that place ("Burkina" +
  "Faso", "Timor-Leste", "Corpus Christi").
- titles: leading titles are roles, not names ("President Joe Biden"); a
  span of title words only ("State" in "State Sen. X") is no entity.
- abbreviations: a state abbreviation ("Ind.") names its state; any other
  lone abbreviation ("St.", "Gov.") is no name.
- demonyms and nationality words ("Moldovan", "Kenyans", "a Dutchman") and
  a sentence-opening common noun NER took for a name ("Shipbuilders have ...")
  are no entities.
- names NER missed that end in an institution noun ("the NATO-Ukraine Council").
- headlines: Title Case words glued onto a name ("Jane Roe Speaks") are cut
  back to the name the body uses.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan

from ... import places
from ...model import ORGANIZATION, PERSON, PLACE
from ...names import NAME_SUFFIXES, PARTICLES, words
from ..lexicon import HONORIFICS, INSTITUTION_HEADS, descriptors, is_title
from ..shared import facts

# The NER labels that can name an entity, and the coarse type each stands for.
NER_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
DASH_INSIDE = re.compile(r"\s*[\u2013\u2014]\s*")
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "&"}) | PARTICLES
SEPARATORS = {",", ";", ":", "|", "(", ")", "[", "]", "\"", "“", "”", "—", "–", "/", "•"}
# Lowercase words after a hyphen that make a modifier of a name, not a longer name: "Osaka-based".
MODIFIER_TAILS = {"based", "born", "led", "run", "owned", "backed", "made", "built", "style", "like", "wide",
                  "era", "type", "bound", "linked", "funded", "controlled", "listed", "registered"}


@dataclass
class RawMention:
    """A candidate mention; token bounds into the doc."""

    start: int
    end: int
    label: str  # the spaCy label, or the label a repair gave
    sentence: int
    roles: list[str] = field(default_factory=list)
    descriptor: bool = False  # "the alliance": refers, but is not a name
    name: str | None = None  # the name it stands for when the text is an abbreviation ("Ind." -> "Indiana")

    def span(self, doc: Doc) -> SpacySpan:
        return doc[self.start:self.end]

    def text(self, doc: Doc) -> str:
        return self.name or facts(doc).span_text(self.start, self.end)


# ---------------------------------------------------------------- cutting

def _is_separator(token) -> bool:
    """A token no name runs across: a line break, punctuation, a handle, a lowercase word such as "in"."""
    text = token.text
    return ("\n" in text or text in SEPARATORS or text[:1] in ("@", "#")
            or (text[:1].islower() and text.lower() not in NAME_CONNECTORS and not token.is_punct))


def _pieces(doc: Doc, ent: SpacySpan) -> list[tuple[int, int]]:
    """The pieces of an entity span that can be names."""
    pieces, start = [], ent.start
    for token in ent:
        cut_after = "\n" in token.whitespace_
        if _is_separator(token) or cut_after:
            end = token.i + 1 if cut_after and not _is_separator(token) else token.i
            if end > start:
                pieces.append((start, end))
            start = token.i + 1
    if ent.end > start:
        pieces.append((start, ent.end))
    return [(s, e) for s, e in pieces if not (e - s == 1 and doc[s].text.rstrip(".").lower() in NAME_SUFFIXES)]


def _whole_words(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Widen a piece to whole words: "Park Ji-" -> "Park Ji-won", "al-" + "Assad"."""
    while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text[:1].isalnum():
        nxt = doc[end].text
        if doc[end - 1].text != "-" and not nxt[:1].isupper():
            break  # "Kenya's", "Osaka" + "-based" are handled below, not glued
        if nxt.lower() in MODIFIER_TAILS or (nxt.islower() and label != "PERSON" and nxt.endswith("ed")):
            break
        end += 1
    if (label == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and doc[end + 1].ent_iob_ != "B"):
        end += 2  # "Eze" + "-Adebayo"; not "Clinton" + "-Trump", two names NER saw as two
    while (start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isalpha() and doc[start - 2].ent_iob_ == "O"
           and (label == "PERSON" or doc[start - 2].lower_ in PARTICLES)):
        start -= 2  # "al-" + "Assad", "Jean-" + "Claude"; not "US-" + "Kenya"
    return start, end


def _join_known_places(doc: Doc, pieces: list[list]) -> list[list]:
    """Touching pieces, or a piece and one capitalised word beside it, that make a known place are one piece.

    NER splits multi-word place names it has seen rarely ("Burkina" / "Faso",
    "Timor" / "-Leste") or tags only their last word ("Corpus Christi").
    """
    pieces.sort(key=lambda p: p[0])
    joined: list[list] = []
    for piece in pieces:
        if joined:
            prev = joined[-1]
            gap = doc[prev[1]:piece[0]]
            if all(t.text == "-" for t in gap) and len(gap) <= 1 and places.lookup(doc[prev[0]:piece[1]].text):
                prev[1], prev[2] = piece[1], "GPE"
                continue
        joined.append(piece)
    for piece in joined:
        start, end = piece[0], piece[1]
        for size in (2, 1):  # "Timor" + "-Leste", "Sierra" + "Leone"
            tail = doc[end:end + size]
            if len(tail) == size and tail[-1].text[:1].isupper() and all(t.text == "-" for t in tail[:-1]) \
                    and "\n" not in doc[end - 1].whitespace_ and tail[-1].ent_iob_ != "B" \
                    and places.lookup(doc[start:end + size].text):
                piece[1], piece[2] = end = end + size, "GPE"
                break
        if start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start \
                and "\n" not in doc[start - 1].whitespace_ and places.lookup(doc[start - 1:end].text):
            piece[0], piece[2] = start - 1, "GPE"
    return joined


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Does the span open the article's first line, as a dateline does ("OSLO\n", "LIMA, Peru -", "PUNE (Reuters) -")?"""
    if facts(doc).first_word < start:
        return False  # a word before it
    for token in doc[end:min(len(doc), end + 6)]:
        if "\n" in token.text or "\n" in doc[token.i - 1].whitespace_ or token.text in ("-", "—", "–"):
            return True
        if not (token.text in (",", "(", ")") or token.text[:1].isupper()):
            return False
    return end == len(doc) or "\n" in doc[end - 1].whitespace_


# ---------------------------------------------------------------- trimming

def _clean(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, list[str]] | None:
    """Trim one piece; returns token bounds and the titles stripped from it.

    A name never ends in a bare number ("Trump 47.3" from a poll table is Trump).
    """
    roles: list[str] = []
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or (doc[end - 1].like_num and not doc[end - 1].text.isalpha() and end - 1 > start)):
        end -= 1
    if label == "PERSON":
        # "President Joe Biden", "Dr. Jane Doe": the title is a role, not a name;
        # so is a nationality or a descriptor noun before it ("Vermonter Bernie Sanders", "Billionaire X")
        title_end = start
        while title_end < end - 1 and (is_title(doc[title_end].text) or doc[title_end].text in "-."
                                       or places.demonym(doc[title_end].text) is not None
                                       or _person_descriptor(doc[title_end])):
            title_end += 1
        if title_end > start:
            title = doc[start:title_end].text.strip(" -")
            if title.rstrip(".").lower() not in HONORIFICS:
                roles.append(title)
            start = title_end
    if start >= end:
        return None
    text = doc[start:end].text
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return None  # "eastern flank": a name has a capital letter
    return start, end, roles


def _person_descriptor(token) -> bool:
    """A capitalised common noun that describes a person ("Billionaire", "Hacker") heading a name."""
    return token.text[:1].isupper() and descriptors().get(token.lower_) == "Person" and token.i + 1 < len(token.doc) \
        and token.doc[token.i + 1].text[:1].isupper()


def _left_title(doc: Doc, start: int) -> list[str]:
    """Titles right before a person's name: "NATO Secretary-General Jens Stoltenberg"."""
    i, found = start - 1, []
    while i >= 0 and (is_title(doc[i].text) or (doc[i].text == "-" and found)):
        found.insert(0, doc[i].text)
        i -= 1
    if not found:
        return []
    title = doc[i + 1:start].text
    return [title] if title.rstrip(".").lower() not in HONORIFICS else []


def _no_name(doc: Doc, start: int, end: int) -> bool:
    """Pieces that are words, not names: titles, lone abbreviations, demonyms, sentence-opening plurals."""
    span = doc[start:end]
    text = span.text
    if all(is_title(t.text) or t.text in "-." for t in span):
        return True  # "State" in "State Sen. Linda Castillo", a lone "Gov."
    if end - start == 1 and text.endswith(".") and len(text) <= 5 and places.state_of_abbreviation(text) is None:
        return True  # "St.", "Gen.": an abbreviation alone names nothing
    if places.demonym(text) is not None:
        return True  # "Moldovan officials", "a Dutchman"
    first = doc[start]
    return end - start == 1 and first.is_sent_start and first.tag_ == "NNS"  # "Shipbuilders have ..."


# ---------------------------------------------------------------- missed names

def _name_part(token) -> bool:
    """A token that can sit inside a capitalised name: "NATO", "-", "Ukraine", "Federal"."""
    return (token.text in ("-", "–", "&") or (token.text[0].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN"))) \
        and not token.is_sent_start


def _add_institution_names(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Capitalised names headed by an institution noun that NER missed: "the NATO-Ukraine Council".

    The name replaces the shorter mentions inside it ("NATO", "Ukraine"),
    unless one is a person ("the Obama Foundation" keeps Obama).
    """
    covered = {i: m for m in mentions for i in range(m.start, m.end)}
    shared = facts(doc)
    for token in doc:
        if token.lower_ not in INSTITUTION_HEADS or not token.text[0].isupper() or token.tag_ not in ("NNP", "NNPS"):
            continue
        start = token.i
        while start > shared.sentence_start[token.i] and _name_part(doc[start - 1]):
            start -= 1
        if start == token.i or (token.i in covered and covered[token.i].start <= start):
            continue  # a lone "Council", or NER already has the whole name
        inside = {id(m): m for i in range(start, token.i + 1) if (m := covered.get(i))}
        if any(m.label == "PERSON" or m.start < start or m.end > token.i + 1 for m in inside.values()):
            continue
        mentions = [m for m in mentions if id(m) not in inside]
        mentions.append(RawMention(start, token.i + 1, "ORG", shared.sentence_of[token.i]))
    return sorted(mentions, key=lambda m: m.start)


# ---------------------------------------------------------------- headlines

class Lines:
    """The article's lines, with which of them are headlines; built once per doc."""

    def __init__(self, text: str):
        self.starts, self.headline = [], []
        pos = 0
        lines = text.split("\n")
        for n, line in enumerate(lines):
            self.starts.append(pos)
            # a headline stands over a body: a line with nothing after it is the text itself
            self.headline.append(_is_headline(line) and any(rest.strip() for rest in lines[n + 1:n + 4]))
            pos += len(line) + 1

    def in_headline(self, char: int) -> bool:
        return self.headline[bisect.bisect_right(self.starts, char) - 1]


def _is_headline(line: str) -> bool:
    """A short line in Title Case, where NER glues names to words ("Jane Roe Speaks")."""
    line = line.strip()
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    if line.endswith((":", ",")) or not 4 <= len(long_words) <= 20:
        return False  # "The New York Times reports:" introduces a quote; it is no headline
    return sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _trim_headline_names(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Cut a headline mention back to the longest run of its words the article uses as a name elsewhere.

    "Jane Roe Speaks" -> "Jane Roe"; "Praises Jane Roe" -> "Jane Roe"; with no
    such run the mention stays as it is.
    """
    shared = facts(doc)
    in_headline = {id(m): shared.lines.in_headline(shared.starts[m.start]) for m in mentions}
    if not any(in_headline.values()):
        return mentions  # most articles: no name in a headline, nothing to cut
    body_names = {tuple(words(shared.span_text(m.start, m.end))) for m in mentions if not in_headline[id(m)]}
    for m in mentions:
        if not in_headline[id(m)]:
            continue
        # each normal-form word with the token it comes from: a dash or a dot is no word ("SOCCER - ROMANIA")
        placed = [(i, w) for i in range(m.start, m.end) for w in words(shared.span_text(i, i + 1))]
        found = [w for _, w in placed]
        if len(found) < 2 or tuple(found) in body_names or not in_headline[id(m)]:
            continue
        runs = [(size, first) for size in range(len(found) - 1, 0, -1) for first in range(len(found) - size + 1)
                if tuple(found[first:first + size]) in body_names]
        if runs:
            size, first = runs[0]
            m.start, m.end = placed[first][0], placed[first + size - 1][0] + 1
    return mentions


# ---------------------------------------------------------------- result

def raw_mentions(doc: Doc) -> list[RawMention]:
    """Every mention of a name in the doc, repaired as the module docstring says."""
    shared = facts(doc)
    pieces = []
    for ent in doc.ents:
        if ent.label_ in NER_TYPES:
            pieces.extend([*_whole_words(doc, s, e, ent.label_), ent.label_] for s, e in _pieces(doc, ent))
    mentions = []
    for start, end, label in _join_known_places(doc, pieces):
        cleaned = _clean(doc, start, end, label)
        if cleaned is None or _no_name(doc, cleaned[0], cleaned[1]):
            continue
        start, end, roles = cleaned
        if label == "PERSON":
            roles = _left_title(doc, start) + roles
        mention = RawMention(start, end, label, shared.sentence_of[start], roles)
        text = shared.span_text(start, end)
        if DASH_INSIDE.search(text) and DASH_INSIDE.split(text)[0].strip()[:1].isupper():
            mention.name = DASH_INSIDE.split(text)[0].strip()  # "Ted Cruz—35" glued in one token
        state = places.state_of_abbreviation(text) if end - start == 1 else None
        if state:
            mention.name, mention.label = state, "GPE"
        elif is_dateline(doc, start, end) and text.isupper() and len(text) > 3:
            mention.name = text.title()  # "KELSO" opening the article is Kelso, not an acronym
        mentions.append(mention)
    mentions = _drop_overlaps(mentions)
    return _trim_headline_names(doc, _add_institution_names(doc, mentions))


def _drop_overlaps(mentions: list[RawMention]) -> list[RawMention]:
    """Widening can make two pieces overlap; the longer one stays."""
    kept: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
