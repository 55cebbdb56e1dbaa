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
from ...names import NAME_SUFFIXES, PARTICLES, given_name_gender, words
from ..lexicon import HONORIFICS, INSTITUTION_HEADS, ORG_SUFFIXES, TITLES, descriptors, is_title
from ..shared import DocFacts, facts
from ..words import words as speech_words

# The NER labels that can name an entity, and the coarse type each stands for.
NER_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
DASH_INSIDE = re.compile(r"\s*[\u2013\u2014]\s*")
GLUED_QUOTE = re.compile(r"\s*:\s*[\"“‘']")  # 'X:"We' written without a space: the name ends at the colon
GLUED_POSSESSIVE = re.compile(r"[‘`´]s$")  # the tokenizer splits "'s" and "’s" off, not these
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
        return SpacySpan(doc, self.start, self.end)  # ``doc[start:end]``, without its slice normalising in Python

    def text(self, doc: Doc) -> str:
        return self.name or facts(doc).span_text(self.start, self.end)


# ---------------------------------------------------------------- cutting

def _is_separator(text: str, punct: bool) -> bool:
    """A token no name runs across: a line break, punctuation, a handle, a lowercase word such as "in"."""
    return ("\n" in text or text in SEPARATORS or text[:1] in ("@", "#")
            or (text[:1].islower() and text.lower() not in NAME_CONNECTORS and not punct))


def _pieces(shared: DocFacts, ent_start: int, ent_end: int) -> list[tuple[int, int]]:
    """The pieces of an entity span that can be names."""
    texts, spaces, punct = shared.texts, shared.spaces, shared.is_punct
    pieces, start = [], ent_start
    for i in range(ent_start, ent_end):
        cut_after = "\n" in spaces[i]
        # a hyphen set off by spaces is a dash: "Ann Lee - Ivo Lund's girlfriend - said" holds two names
        # (not in a shouted headline, "SOCCER - LEEDS WIN", which the headline rules read)
        separator = _is_separator(texts[i], punct[i]) or (
            texts[i] == "-" and spaces[i] and i > 0 and spaces[i - 1] and not texts[i - 1].isupper()
            and not (i + 1 < len(texts) and texts[i + 1].isupper()))
        if separator or cut_after:
            end = i + 1 if cut_after and not separator else i
            if end > start:
                pieces.append((start, end))
            start = i + 1
    if ent_end > start:
        pieces.append((start, ent_end))
    return [(s, e) for s, e in pieces if not (e - s == 1 and texts[s].rstrip(".").lower() in NAME_SUFFIXES)]


def _whole_words(shared: DocFacts, start: int, end: int, label: str,
                 other_names: frozenset = frozenset()) -> tuple[int, int]:
    """Widen a piece to whole words: "Park Ji-" -> "Park Ji-won", "al-" + "Assad".

    ``other_names``: the words of the article's person names; "Obama" + "-Xi" stays Obama when Xi is
    another's ("the Obama-Xi meeting", "the McCain-Kennedy bill": two people's names joined)."""
    texts, spaces, iob, size = shared.texts, shared.spaces, shared.iob, shared.size
    while end < size and not spaces[end - 1] and texts[end][:1].isalnum():
        nxt = texts[end]
        if texts[end - 1] != "-" and not nxt[:1].isupper():
            break  # "Kenya's", "Osaka" + "-based" are handled below, not glued
        if nxt.lower() in MODIFIER_TAILS or (nxt.islower() and label != "PERSON" and nxt.endswith("ed")):
            break
        end += 1
    if label == "PERSON":
        # "Lily Eskelsen García": NER stops before the word the name's words hang on (a second surname,
        # often accented); a capitalised proper noun that heads the whole piece, in no other name, is the name's
        heads, pos = shared.heads, shared.pos
        while end < size and iob[end] in ("O", "") and pos[end] == "PROPN" and texts[end][:1].isupper() \
                and spaces[end - 1] and all(heads[k] == end for k in range(start, end)):
            end += 1
    if (label == "PERSON" and end + 1 < size and texts[end] == "-" and not spaces[end - 1]
            and not spaces[end] and texts[end + 1][:1].isupper() and iob[end + 1] != "B"
            and texts[end + 1] not in other_names):
        end += 2  # "Eze" + "-Adebayo"; not "Clinton" + "-Trump", two names NER saw as two
    while (start > 1 and texts[start - 1] == "-" and not spaces[start - 1]
           and not spaces[start - 2] and texts[start - 2][:1].isalpha() and iob[start - 2] == "O"
           and (label == "PERSON" or shared.lowers[start - 2] in PARTICLES)):
        start -= 2  # "al-" + "Assad", "Jean-" + "Claude"; not "US-" + "Kenya"
    return start, end


def _join_known_places(shared: DocFacts, pieces: list[list]) -> list[list]:
    """Touching pieces, or a piece and one capitalised word beside it, that make a known place are one piece.

    NER splits multi-word place names it has seen rarely ("Burkina" / "Faso",
    "Timor" / "-Leste") or tags only their last word ("Corpus Christi").
    """
    texts, spaces, iob = shared.texts, shared.spaces, shared.iob
    pieces.sort(key=lambda p: p[0])
    joined: list[list] = []
    for piece in pieces:
        if joined:
            prev = joined[-1]
            gap = piece[0] - prev[1]  # tokens between them (none when they touch or overlap)
            if (gap <= 0 or (gap == 1 and texts[prev[1]] == "-")) \
                    and places.lookup(shared.span_text(prev[0], piece[1])):
                prev[1], prev[2] = piece[1], "GPE"
                continue
        joined.append(piece)
    for piece in joined:
        start, end = piece[0], piece[1]
        for size in (2, 1):  # "Timor" + "-Leste", "Sierra" + "Leone"
            last = end + size - 1
            if last < shared.size and texts[last][:1].isupper() and (size == 1 or texts[end] == "-") \
                    and "\n" not in spaces[end - 1] and iob[last] != "B" \
                    and places.lookup(shared.span_text(start, end + size)):
                end += size
                piece[1], piece[2] = end, "GPE"
                break
        if start > 0 and texts[start - 1][:1].isupper() and not shared.sent_start[start - 1] \
                and "\n" not in spaces[start - 1] and places.lookup(shared.span_text(start - 1, end)):
            piece[0], piece[2] = start - 1, "GPE"
    return joined


# Words that make the place before them where someone is from or something is based: "an Accra native",
# "Accra-born X", "Leeds-based Y", "Kumasi residents". NER often leaves a place in this slot untagged.
ORIGIN_WORDS = frozenset("native natives resident residents born based headquartered".split())


def _places_before_origin_words(shared: DocFacts, pieces: list[list]) -> list[list]:
    """Known places (graphkit/places.py) right before an origin word that NER left untagged, as pieces."""
    origins = shared.having(ORIGIN_WORDS, by="lower")
    if not origins:
        return []
    texts, iob, pos = shared.texts, shared.iob, shared.pos
    taken = {i for start, end, _ in pieces for i in range(start, end)}
    # ... or tagged it a nationality ("an Accra native" as NORP): a known place's own name is no demonym
    norp = {i for ent in shared.ents if ent.label_ == "NORP" for i in range(ent.start, ent.end)}
    found = []
    for i in origins:
        end = i - 1 if i > 1 and texts[i - 1] == "-" else i  # "Accra-born": the hyphen between
        for size in (2, 1):  # "Cape Town native", "Accra native"
            start = end - size
            if start < 0 or any(k in taken or (iob[k] != "O" and k not in norp) or pos[k] != "PROPN"
                                for k in range(start, end)):
                continue
            place = places.lookup(shared.span_text(start, end))
            if place is not None and place.kind in ("City", "State", "Country"):
                found.append([start, end, "GPE"])
                taken.update(range(start, end))
                break
    return found


def _state_nicknames_untagged(shared: DocFacts, pieces: list[list]) -> list[list]:
    """US states' nicknames NER left untagged ("voters in the Beehive state"), as pieces ending in "state"."""
    states = shared.having({"state"}, by="lower")
    if not states:
        return []
    taken = {i for start, end, _ in pieces for i in range(start, end)}
    found = []
    for i in states:
        for size in (3, 2, 1):  # "Peace Garden State", "Lone Star State", "Beehive state"
            start = i - size
            if start >= 0 and not taken & set(range(start, i + 1)) \
                    and all(shared.texts[k][:1].isupper() for k in range(start, i)) \
                    and places.state_of_nickname(shared.span_text(start, i + 1)):
                found.append([start, i + 1, "GPE"])
                break
    return found


TITLE_GLUE_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by"})


def _quoted_titles(shared: DocFacts) -> list[tuple[int, int]]:
    """Character spans of quoted titles: the play "Purity, Holiness and Chaos", the report "Water for All".

    A quotation of two to eight words, each capitalised but the little words
    that join a title, names a work: the names inside it ("Holiness") are the
    title's words, not entities of the article.
    """
    found = []
    for piece in shared.quote_pieces:
        if piece.end - piece.start > 120 or not shared.text[piece.start:piece.start + 1].isupper():
            continue  # eight words, each capitalised: no longer, and never opening in lower case
        words = re.findall(r"[^\W\d_][\w'’-]*", shared.text[piece.start:piece.end])
        if 2 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in TITLE_GLUE_WORDS for w in words) \
                and words[0][:1].isupper():
            found.append((piece.start, piece.end))
    return found


def _inside(titles: list[tuple[int, int]], shared: DocFacts, start: int, end: int) -> bool:
    """Does the token span lie inside one of ``titles`` without being all of it (a quoted name is a name)?"""
    first, last = shared.starts[start], shared.ends[end - 1]
    return any(a <= first and last <= b and (first, last) != (a, b) for a, b in titles)


CASE_JOINERS = frozenset({"v."})  # the citation style; "vs." and a bare "v" also join teams ("England v Wales")


def _in_case_name(shared: DocFacts, start: int, end: int) -> bool:
    """"Obergefell v. Hodges", "Roe v. Wade": the parties' names in a case's name name the case, not them."""
    texts = shared.texts
    before = start >= 2 and texts[start - 1].lower() in CASE_JOINERS and texts[start - 2][:1].isupper()
    after = end + 1 < shared.size and texts[end].lower() in CASE_JOINERS and texts[end + 1][:1].isupper()
    return before or after


def _join_adjacent(pieces: list[list], joined_label) -> list[list]:
    """One left-to-right pass: a piece joins the one before it when ``joined_label(before, piece)`` gives
    the label of the two as one name (None: they stay apart)."""
    joined: list[list] = []
    for piece in pieces:
        label = joined_label(joined[-1], piece) if joined else None
        if label is None:
            joined.append(piece)
        else:
            joined[-1][1], joined[-1][2] = piece[1], label
    return joined


def _coordinated_name(doc: Doc, prev: list, piece: list) -> str | None:
    """"the Iraq and Syria Veterans Fund": a name set before "and" that the parser hangs inside the
    organisation's name after it is part of that name; NER gives only "Syria Veterans Fund".

    Two names that are each their own ("between Iraq and Syria Airlines", "Kenya and Acme Corp said")
    stay apart: the first must modify, or be a conjunct of, a word of the second name; and two names NER
    calls organisations each are two ("Halden Paper and Corvo Logistics formed ...", however parsed).
    """
    if piece[2] == "ORG" and prev[2] != "ORG" and piece[1] - piece[0] > 1 and piece[0] - prev[1] == 1 \
            and doc[prev[1]].lower_ in ("and", "&") and doc[prev[1] - 1].dep_ in ("conj", "nmod", "compound") \
            and piece[0] <= doc[prev[1] - 1].head.i < piece[1]:
        return "ORG"
    if piece[2] == "ORG" and prev[2] in ("GPE", "LOC") and piece[1] - piece[0] > 1 and piece[0] - prev[1] == 1 \
            and doc[prev[1]].lower_ in ("and", "&") and (prev[0] == 0 or doc[prev[0] - 1].lower_ != "between") \
            and _country_word(doc[piece[0]].text) and _country_word(doc[prev[0]:prev[1]].text):
        return "ORG"  # "Iraq and Afghanistan Veterans of America": two countries before one body's noun, however parsed
    return None


def _country_word(text: str) -> bool:
    place = places.lookup(text)
    return place is not None and place.kind == "Country"


# Words a name can hold but not end in: "the Conference of Presidents of" is cut short.
DANGLING_CONNECTORS = {"of", "for", "and", "&", "on", "de", "du", "des", "der", "van", "von"}


def _dangling_name(shared: DocFacts, prev: list, piece: list) -> str | None:
    """"the Conference of Presidents of" + "Major American Jewish Organizations": NER cut one body's name
    in two after a connector; a piece ending in one runs on into the name right after it."""
    if prev[2] == piece[2] == "ORG" and prev[1] == piece[0] and shared.lowers[piece[0] - 1] in DANGLING_CONNECTORS:
        return "ORG"
    return None


# A legislature's committee named for several subjects: "the House Education and the Workforce Committee",
# "the Senate Health, Education, Labor and Pensions Committee". NER cuts such names at "and" or a comma.
CHAMBER_WORDS = frozenset({"house", "senate", "assembly", "joint", "select"})
COMMITTEE_WORDS = frozenset({"committee", "subcommittee", "commission", "caucus", "panel"})
COMMITTEE_GLUE = frozenset({"and", "the", ",", "&", "on", "of"})


def _committee_name(shared: DocFacts, prev: list, piece: list) -> str | None:
    """A piece opening with a chamber's word runs on to the committee word that ends the name, through
    capitalised subject words and "and", "the", commas only."""
    texts, lowers = shared.texts, shared.lowers
    if prev[2] != "ORG" or lowers[prev[0]] not in CHAMBER_WORDS and not (
            lowers[prev[0]] == "the" and prev[1] - prev[0] > 1 and lowers[prev[0] + 1] in CHAMBER_WORDS):
        return None
    if any(lowers[i] in COMMITTEE_WORDS for i in range(prev[0], prev[1])):
        return None  # the committee's name is whole already
    last = prev[1] - 1
    if lowers[last] in CHAMBER_WORDS or shared.tags[last] in ("NNPS", "NNS"):
        return None  # "the Senate and the Judiciary Committee", "House Democrats and the Ethics Committee": two
    for i in range(prev[1], min(shared.size, prev[1] + 12)):
        if lowers[i] in COMMITTEE_WORDS and texts[i][:1].isupper():
            return "ORG" if piece[1] <= i + 1 else None
        if not (lowers[i] in COMMITTEE_GLUE or texts[i][:1].isupper()) or shared.sent_start[i]:
            return None
    return None


# Heads of bodies named for a subject or a place after "on", "for", "of": "the Center on Budget Priorities",
# "the Business Council of Nova Scotia", "the Program on Extremism"; NER often stops at the preposition.
TOPIC_HEADS = INSTITUTION_HEADS | {"center", "centre", "program", "programme", "project", "initiative", "office",
                                   "school", "college", "academy", "society", "laboratory", "lab"}
TOPIC_PREPOSITIONS = frozenset({"on", "for", "of"})
MAX_TOPIC_WORDS = 6


def _topic_name(shared: DocFacts, prev: list, piece: list) -> str | None:
    """A body's name whose head NER cut from its subject or place: "Center" + "on" + "Fiscal Priorities",
    "Business Council" + "of" + "Nova Scotia". The head must end the first piece, capitalised, and the
    preposition stand alone between the two."""
    if prev[2] != "ORG" or piece[0] - prev[1] != 1 or shared.lowers[prev[1]] not in TOPIC_PREPOSITIONS:
        return None
    head = prev[1] - 1
    if shared.lowers[head] not in TOPIC_HEADS or not shared.texts[head][:1].isupper():
        return None
    if piece[2] not in ("ORG", "GPE", "LOC", "NORP", "FAC") or piece[1] - piece[0] > MAX_TOPIC_WORDS:
        return None
    if _names_a_body(shared, piece[0], piece[1]):
        return None  # "Queens College of the City University of New York": a unit and its parent, two bodies
    return "ORG"


def _names_a_body(shared: DocFacts, start: int, end: int) -> bool:
    return any(shared.lowers[i] in TOPIC_HEADS for i in range(start, end))


def _extend_topic_names(shared: DocFacts, pieces: list[list]) -> list[list]:
    """The same cut where NER tagged nothing after the preposition: "the Business Council" + "of British
    Columbia", "Northfield University's Program" + "on Extremism". The run after it must be proper nouns
    (with "and", "the" inside), in no other name or date, and end the name before a lower-case word."""
    starts = {p[0] for p in pieces}
    tags, lowers, texts, iob = shared.tags, shared.lowers, shared.texts, shared.iob
    for piece in pieces:
        end = piece[1]
        if piece[2] != "ORG" or end + 1 >= shared.size or lowers[end] not in TOPIC_PREPOSITIONS:
            continue
        if lowers[end - 1] not in TOPIC_HEADS or not texts[end - 1][:1].isupper():
            continue
        last = None
        for i in range(end + 1, min(shared.size, end + 1 + MAX_TOPIC_WORDS)):
            if i in starts or iob[i] not in ("O", "") or shared.sent_start[i]:
                break
            if tags[i] in ("NNP", "NNPS") and texts[i][:1].isupper():
                last = i
            elif lowers[i] not in ("and", "the", "&"):
                break
        if last is not None and (last + 1 >= shared.size or not tags[last + 1] in ("NNP", "NNPS")) \
                and not _names_a_body(shared, end + 1, last + 1):
            piece[1] = last + 1
    return pieces


CAMPUS_HEADS = frozenset({"university", "college", "institute", "school"})


def _campus_name(doc: Doc, prev: list, piece: list) -> str | None:
    """"the University of North Carolina at Chapel Hill": a university named with "of" and a campus town
    after "at" is one name; NER gives the town as a body of its own."""
    if piece[0] - prev[1] != 1 or doc[prev[1]].lower_ != "at" or prev[2] != "ORG" \
            or piece[2] not in ("ORG", "GPE", "FAC", "LOC"):
        return None
    words = [t.lower_ for t in doc[prev[0]:prev[1]]]
    if not (set(words) & CAMPUS_HEADS and "of" in words):
        return None
    town = doc[piece[0]:piece[1]]
    # the town: a place, or a name with no word of a body ("Chapel Hill" tagged as one), not "Acme Inc"
    if piece[2] in ("GPE", "LOC") or places.lookup(town.text) is not None \
            or not any(t.lower_ in INSTITUTION_HEADS or t.lower_ in CAMPUS_HEADS for t in town):
        return "ORG"
    return None


def _bracketed_name(doc: Doc, prev: list, piece: list) -> str | None:
    """"Chuck [Todd]", "[Senator Ann] Lee": an editor's bracket inside a quotation completes a name; the
    two pieces either side of one bracket are one name (the brackets are dropped from its text)."""
    if piece[0] - prev[1] == 1 and doc[prev[1]].text in ("[", "]") and prev[2] == piece[2] == "PERSON":
        return "PERSON"
    return None


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Does the span open the article's first line, as a dateline does ("OSLO\n", "LIMA, Peru -", "PUNE (Reuters) -")?"""
    shared = facts(doc)
    after_headline = shared.first_word < start
    if after_headline:
        # a word before it: only the headline, on its own line ("Title.\n\nHEMPSTEAD, N.Y. ― ..."); then the
        # dash must follow, since a name alone on the next line is a byline ("By Ann Lee")
        before = shared.text[:shared.starts[start]]
        if not before.endswith("\n") or "\n" in before.strip():
            return False
    texts, spaces = shared.texts, shared.spaces
    for i in range(end, min(shared.size, end + 10)):  # "FLINT, Mich., Oct. 4 (UPI) —": a date may stand in it
        text = texts[i]
        if text in ("-", "—", "–", "―", "--") and (not after_headline or spaces[i - 1]):
            return True  # (after a headline only a dash set apart: "NATO Secretary-General X" is no dateline)
        if "\n" in text or "\n" in spaces[i - 1]:
            return not after_headline
        if not (text in (",", "(", ")") or text[:1].isupper() or (text.isdigit() and len(text) <= 2)):
            return False
    return not after_headline and (end == shared.size or "\n" in spaces[end - 1])


# ---------------------------------------------------------------- trimming

def _clean(shared: DocFacts, start: int, end: int, label: str) -> tuple[int, int, list[str]] | None:
    """Trim one piece; returns token bounds and the titles stripped from it.

    A name never ends in a bare number ("Trump 47.3" from a poll table is Trump).
    """
    texts, punct, space = shared.texts, shared.is_punct, shared.is_space
    roles: list[str] = []
    while start < end and (punct[start] or space[start] or shared.lowers[start] in ("the", "a", "an")):
        start += 1
    while end > start and (punct[end - 1] or space[end - 1] or shared.tags[end - 1] == "POS"
                           or texts[end - 1] in ("'s", "’s", "'", "’")
                           or (shared.like_num[end - 1] and not texts[end - 1].isalpha() and end - 1 > start)):
        end -= 1
    while label == "ORG" and end - start > 1 and end < shared.size and texts[end][:1].isupper() \
            and (shared.lowers[end - 1] in DEPARTMENT_WORDS and is_title(texts[end])
                 or is_title(texts[end - 1]) and shared.pos[end] == "PROPN" and not is_title(texts[end])):
        # "Acme Research Director X": the department is the title's, the organisation is Acme;
        # "the Democratic National Committee Chair X": the title NER took into the name is X's
        end -= 1
    if label == "PERSON":
        # "President Joe Biden", "Dr. Jane Doe": the title is a role, not a name;
        # so is a nationality or a descriptor noun before it ("Vermonter Bernie Sanders", "Billionaire X")
        title_end = start
        while title_end < end - 1 and (is_title(texts[title_end]) or texts[title_end] in "-."
                                       or (places.demonym(texts[title_end]) is not None
                                           and not _given_name_before_surname(shared, title_end, end))
                                       or _person_descriptor(shared, title_end)):
            title_end += 1
        if title_end > start:
            title = shared.span_text(start, title_end).strip(" -")
            if title.rstrip(".").lower() not in HONORIFICS:
                roles.append(title)
            start = title_end
    if start >= end:
        return None
    text = shared.span_text(start, end)
    if not any(map(str.isupper, text)) or not any(map(str.isalpha, text)):
        return None  # "eastern flank": a name has a capital letter
    return start, end, roles


# Areas of work inside an organisation that open a title after its name ("Communications Director").
DEPARTMENT_WORDS = frozenset("""
research communications policy finance marketing press political legal digital media sales operations
technology strategy development programs outreach field data product engineering
""".split())


def _titled_person(shared: DocFacts, start: int, end: int) -> bool:
    """A title and one or two name words that NER took for an organisation ("Justice Breyer", "Judge
    Ana Ruiz"): no word after the title says body ("Justice Department", "General Motors")."""
    texts = shared.texts
    if not 2 <= end - start <= 3 or not texts[start][:1].isupper() or not is_title(texts[start]) \
            or shared.lowers[start] in ("general", "state", "police", "first"):
        return False
    rest = range(start + 1, end)
    return all(shared.pos[k] == "PROPN" and texts[k][:1].isupper() and not is_title(texts[k])
               and shared.lowers[k] not in ORG_SUFFIXES and descriptors().get(shared.lowers[k]) is None for k in rest)


WORK_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT"}


def _named_like_a_person(shared: DocFacts, start: int, end: int) -> bool:
    """NER's "title" or "product" that is a given name and a surname, outside quotation marks, described as a
    person right after it or speaking ("Will Estrada, the chairman, said"; not "the Nobel Prize")."""
    texts, lowers = shared.texts, shared.lowers
    if not (2 <= end - start <= 3 and shared.quoted[start] == -1 and given_name_gender(texts[start])
            and all(texts[i].isalpha() and texts[i].istitle() for i in range(start, end))):
        return False
    kinds = descriptors()
    described = end < shared.size and texts[end] == "," and any(
        kinds.get(lowers[i]) == PERSON for i in range(end + 1, min(end + 4, shared.size)))
    return described or (end < shared.size and shared.doc[end].lemma_.lower() in speech_words().speech_verbs)


def _given_name_opening(shared: DocFacts, norp, person) -> bool:
    """NER tagged the given name apart, as a nationality ("German" + "Ortega")."""
    return person.label_ == "PERSON" and person.start == norp.end and norp.end - norp.start == 1 \
        and _given_name_before_surname(shared, norp.start, person.end)


def _given_name_before_surname(shared: DocFacts, i: int, end: int) -> bool:
    """"German Ortega", "Israel Vega": a nationality word that is also a given name, alone before the one
    word left of the name, is that given name (a nationality stands before a whole name, or after "the":
    "the German Schmidt")."""
    return i == end - 2 and shared.texts[i][:1].isupper() and bool(given_name_gender(shared.texts[i])) \
        and (i == 0 or shared.lowers[i - 1] not in ("the", "a", "an"))


def _person_descriptor(shared: DocFacts, i: int) -> bool:
    """A capitalised common noun that describes a person ("Billionaire", "Hacker") heading a name."""
    return shared.texts[i][:1].isupper() and descriptors().get(shared.lowers[i]) == "Person" \
        and i + 1 < shared.size and shared.texts[i + 1][:1].isupper()


# Title words that only modify the role after them: a run of lowercase title words must end in a role.
TITLE_MODIFIERS = frozenset({"former", "then", "acting", "interim", "first", "state", "foreign", "vice", "deputy",
                             "assistant", "chief", "majority", "minority", "democratic", "republican", "police",
                             "financial", "operating", "technology", "information", "marketing", "investment",
                             "managing", "commercial", "defense", "defence", "finance", "interior", "head"})


def _left_title(shared: DocFacts, start: int) -> list[str]:
    """Titles right before a person's name: "NATO Secretary-General Jens Stoltenberg".

    Also in lower case when the words end in a role ("Chief executive Ana Lund" opening a
    sentence, "said chief financial officer Ana Lund"): news writes titles before names so.
    """
    texts = shared.texts
    i, found = start - 1, []
    while i >= 0 and (is_title(texts[i]) or (texts[i] == "-" and found)
                      or (texts[i].islower() and texts[i] in TITLES
                          and (found or texts[i] not in TITLE_MODIFIERS))):
        found.insert(0, texts[i])
        i -= 1
    if not found:
        return []
    title = shared.span_text(i + 1, start)
    return [title] if title.rstrip(".").lower() not in HONORIFICS else []


DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def _no_name(shared: DocFacts, start: int, end: int) -> bool:
    """Pieces that are words, not names: titles, lone abbreviations, demonyms, sentence-opening plurals."""
    text = shared.span_text(start, end)
    if all(is_title(t) or t in "-." for t in shared.texts[start:end]):
        return True  # "State" in "State Sen. Linda Castillo", a lone "Gov."
    if end - start == 1 and text.endswith(".") and len(text) <= 5 and places.state_of_abbreviation(text) is None \
            and places.lookup(text) is None and not DOTTED_INITIALS.fullmatch(text):
        return True  # "St.", "Gen.": an abbreviation alone names nothing ("U.S.", "U.N." are initials, names)
    if is_demonym_word(shared, start, end):
        return True  # "Moldovan officials", "a Dutchman"
    if _contest_title(shared, start, end):
        return True
    if 0 < start and end < shared.size and shared.lowers[start - 1] == "the" and shared.texts[end] == "state" \
            and places.lookup(text) is None and places.state_of_nickname(f"{text} State") is None:
        return True  # "the Battleground state", "the swing state": a description of a state, no name of one
    return end - start == 1 and shared.sent_start[start] and shared.tags[start] == "NNS"  # "Shipbuilders have ..."


def is_demonym_word(shared: DocFacts, start: int, end: int) -> bool:
    """A demonym used as a word ("Moldovan officials", "a New Yorker"); not after a capitalised "The" inside
    a sentence, which makes it part of a name ("as The New Yorker put it": a publication)."""
    if places.demonym(shared.span_text(start, end)) is None:
        return False
    return not (start > 0 and shared.texts[start - 1] == "The" and not shared.sent_start[start - 1])


# What a beauty contest's title can name after "Miss", besides a place ("Miss Norway").
CONTEST_SCOPES = frozenset({"universe", "world", "earth", "international", "teen", "galaxy", "supranational"})


def _contest_title(shared: DocFacts, start: int, end: int) -> bool:
    """"a former Miss Universe", "crowned Miss Norway": "Miss" before a place or the world is a contest's
    title, neither a woman's name nor a mention of the place."""
    if start == 0 or shared.texts[start - 1] != "Miss":
        return False
    words = shared.texts[start:end]
    return all(w.lower() in CONTEST_SCOPES or places.lookup(w) is not None for w in words) \
        or places.lookup(shared.span_text(start, end)) is not None


# ---------------------------------------------------------------- missed names

def _name_part(shared: DocFacts, i: int) -> bool:
    """A token that can sit inside a capitalised name: "NATO", "-", "Ukraine", "Federal"."""
    text = shared.texts[i]
    return (text in ("-", "–", "&") or (text[0].isupper() and shared.pos[i] in ("PROPN", "ADJ", "NOUN"))) \
        and not shared.sent_start[i]


def _add_institution_names(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Capitalised names headed by an institution noun that NER missed: "the NATO-Ukraine Council".

    The name replaces the shorter mentions inside it ("NATO", "Ukraine"),
    unless one is a person ("the Obama Foundation" keeps Obama).
    """
    covered = {i: m for m in mentions for i in range(m.start, m.end)}
    shared = facts(doc)
    texts, tags = shared.texts, shared.tags
    for head in [i for i, lower in enumerate(shared.lowers) if lower in INSTITUTION_HEADS]:
        if not texts[head][0].isupper() or tags[head] not in ("NNP", "NNPS"):
            continue
        start = head
        while start > shared.sentence_start[head] and _name_part(shared, start - 1):
            start -= 1
        if start == head or (head in covered and covered[head].start <= start):
            continue  # a lone "Council", or NER already has the whole name
        inside = {id(m): m for i in range(start, head + 1) if (m := covered.get(i))}
        if any(m.label == "PERSON" or m.start < start or m.end > head + 1 for m in inside.values()):
            continue
        mentions = [m for m in mentions if id(m) not in inside]
        mentions.append(RawMention(start, head + 1, "ORG", shared.sentence_of[head]))
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
    if len(line) < 19:
        return False  # shorter than four words of four letters and their spaces (most lines are empty)
    line = line.strip()
    if line.endswith((":", ",")):
        return False  # "The New York Times reports:" introduces a quote; it is no headline
    # four to twenty long words, three in four capitalised: more than five others, or twenty-one long
    # words, settle it, and the scan stops there (a body paragraph's first words do)
    long_words = others = 0
    for w in line.split():
        if len(w) > 3 and w[0].isalpha():
            long_words += 1
            others += not w[0].isupper()
            if others > 5 or long_words > 20:
                return False
    return long_words >= 4 and long_words - others >= 0.75 * long_words


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
        if len(found) < 2 or tuple(found) in body_names:
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
    ents = shared.ents
    texts = shared.texts  # the words of people's names, not the halves of a hyphenated one ("Ocasio-Cortez")
    person_words = frozenset(texts[i] for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
                             for i in range(ent.start, ent.end) if "-" not in texts[max(i - 1, 0):i + 2])
    for k, ent in enumerate(ents):
        label = ent.label_  # read once: a Span looks its label's string up on every access
        if label == "NORP" and k + 1 < len(ents) and _given_name_opening(shared, ent, ents[k + 1]):
            pieces.append([ent.start, ents[k + 1].end, "PERSON"])  # "German Ortega": Germán, not a German
            continue
        if label in WORK_LABELS and _named_like_a_person(shared, ent.start, ent.end):
            label = "PERSON"
        if label in NER_TYPES and not (pieces and pieces[-1][1] >= ent.end):
            pieces.extend([*_whole_words(shared, s, e, label, person_words), label]
                          for s, e in _pieces(shared, ent.start, ent.end))
    pieces.extend(_places_before_origin_words(shared, pieces))
    pieces.extend(_state_nicknames_untagged(shared, pieces))
    for piece in pieces:
        if piece[2] == "ORG" and _titled_person(shared, piece[0], piece[1]):
            piece[2] = "PERSON"  # "Justice Sotomayor" tagged as a body: a title and a name
    mentions = []
    titles = None  # the quoted titles, found when a piece first lies in a quotation
    pieces = _join_adjacent(_extend_topic_names(shared, _join_known_places(shared, pieces)), lambda prev, piece: _dangling_name(
        shared, prev, piece) or _coordinated_name(doc, prev, piece) or _bracketed_name(doc, prev, piece)
        or _campus_name(doc, prev, piece) or _committee_name(shared, prev, piece) or _topic_name(shared, prev, piece))
    for start, end, label in pieces:
        cleaned = _clean(shared, start, end, label)
        if cleaned is None or _no_name(shared, cleaned[0], cleaned[1]) or _in_case_name(shared, *cleaned[:2]):
            continue
        if shared.quoted[cleaned[0]] != -1:
            titles = _quoted_titles(shared) if titles is None else titles
            if _inside(titles, shared, *cleaned[:2]):
                continue
        start, end, roles = cleaned
        if label == "PERSON":
            roles = _left_title(shared, start) + roles
        mention = RawMention(start, end, label, shared.sentence_of[start], roles)
        text = shared.span_text(start, end)
        # each pattern only where its mark is (most names have neither): a test in C before a search
        if ("\u2013" in text or "\u2014" in text) and DASH_INSIDE.search(text) \
                and DASH_INSIDE.split(text)[0].strip()[:1].isupper():
            mention.name = DASH_INSIDE.split(text)[0].strip()  # "Ted Cruz—35" glued in one token
        elif ("‘" in text or "`" in text or "´" in text) and GLUED_POSSESSIVE.search(text):
            mention.name = GLUED_POSSESSIVE.sub("", text)  # "Trump‘s": a possessive in the wrong mark stays in the token
        elif ":" in text and GLUED_QUOTE.search(text) and GLUED_QUOTE.split(text)[0].strip()[:1].isupper():
            mention.name = GLUED_QUOTE.split(text)[0].strip()  # 'Clinton:“We': a quotation glued on by a colon
        state = places.state_of_abbreviation(text) if end - start == 1 else None
        if state is None and end - start == 1 and end < shared.size and shared.texts[end] == "." \
                and not shared.spaces[start]:
            state = places.state_of_abbreviation(text + ".")  # "Casper, Wyo.," split by the tokenizer
        if state is None:
            state, mention.end = _state_nickname(shared, start, end, text)
        if state:
            mention.name, mention.label = state, "GPE"
        elif is_dateline(doc, start, end) and text.isupper() and len(text) > 3:
            mention.name = text.title()  # "KELSO" opening the article is Kelso, not an acronym
        mentions.append(mention)
    mentions = _compass_halves(shared, _share_surnames(shared, _drop_overlaps(mentions)))
    return _trim_headline_names(doc, _add_institution_names(doc, mentions))


def _state_nickname(shared: DocFacts, start: int, end: int, text: str) -> tuple[str | None, int]:
    """"the Buckeye State", "the Sunshine state": a US state's nickname names the state; the mention (``text``)
    takes in a lower-case "state" the name-finder left out. (The state, or None, and the mention's end.)"""
    if text.lower().endswith(" state"):
        return places.state_of_nickname(text), end
    if end < shared.size and shared.texts[end] == "state" and (state := places.state_of_nickname(f"{text} State")):
        return state, end + 1
    return None, end


COMPASS_WORDS = frozenset({"North", "South", "East", "West"})


def _compass_halves(shared: DocFacts, mentions: list[RawMention]) -> list[RawMention]:
    """"South Korea said the North fired": "the North" alone is the other half of a country the article names
    by a compass word, when that half is a country too (North and South Korea or Sudan; "the South" beside
    South Carolina, a state, stays the region)."""
    halves = [m for m in mentions if m.end - m.start == 1 and shared.texts[m.start] in COMPASS_WORDS
              and m.start > 0 and shared.lowers[m.start - 1] == "the"]
    if not halves:
        return mentions
    rests = {text.split(" ", 1)[1] for m in mentions if m.end - m.start == 2
             and (text := m.name or shared.span_text(m.start, m.end)).split(" ", 1)[0] in COMPASS_WORDS
             and (place := places.lookup(text)) is not None and place.kind == "Country"}
    if len(rests) != 1:
        return mentions  # no such country, or two ("South Korea", "South Sudan"): whose half is unclear
    rest = rests.pop()
    for m in halves:
        country = places.lookup(f"{shared.texts[m.start]} {rest}")
        if country is not None and country.kind == "Country":
            m.name, m.label = country.name, "GPE"
    return mentions


def _share_surnames(shared: DocFacts, mentions: list[RawMention]) -> list[RawMention]:
    """"Bill and Hillary Clinton", "brothers John and Brian Meza": a given name alone before "and" and a
    given name with a surname shares that surname; the first mention keeps its text, and names "John Meza"."""
    for first, second in zip(mentions, mentions[1:]):
        if first.label == second.label == "PERSON" and first.name is None and first.end - first.start == 1 \
                and second.start == first.end + 1 and shared.lowers[first.end] in ("and", "&") \
                and second.end - second.start == 2 and given_name_gender(shared.texts[first.start]) \
                and given_name_gender(shared.texts[second.start]) and not first.roles:
            first.name = f"{shared.texts[first.start]} {shared.texts[second.end - 1]}"
    return mentions


def _drop_overlaps(mentions: list[RawMention]) -> list[RawMention]:
    """Widening can make two pieces overlap; the longer one stays."""
    kept: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
