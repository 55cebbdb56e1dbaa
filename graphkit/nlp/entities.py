"""Entity cleaning, typing and resolution inside one article.

spaCy's NER gives spans like "the NATO-Ukraine Council", "Stoltenberg" (typed
ORG once, PERSON elsewhere) and "WASHINGTON". This module turns them into one
``Entity`` per real thing in the article:

1. clean each span: split at line breaks, drop leading articles, possessives,
   titles and honorifics (titles are kept as roles);
2. group mentions by normalised name;
3. merge short forms into full names: surnames and first names into the
   person, "Kaido" into "Kaido Motors", acronyms into their expansions;
4. attach definite descriptions ("the alliance") and descriptor phrases
   ("the Transatlantic alliance") to the one organisation they can mean;
5. give each entity one type by weighted vote, with the gazetteer breaking
   ties for places.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from .. import places
from ..model import ORGANIZATION, PERSON, PLACE, Entity, Mention
from .lexicon import (CORPORATE_ABBREVIATIONS, HONORIFICS, INSTITUTION_HEADS, NOBLE_TITLES, ORG_DESCRIPTORS, ORG_POSSESSIONS,
                      ORG_SUFFIXES, PERSON_POSSESSIONS, PLACE_HEADS, VICTIM_NOUNS, VICTIM_VERBS, is_title)

ORG_HEADS = INSTITUTION_HEADS | {"club", "league", "team", "society", "network", "group"}
LABEL_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
CONNECTORS = {"of", "the", "and", "for", "&", "de", "du", "la", "der", "von", "van"}


def sentence_index(doc: Doc) -> dict[int, int]:
    """Map each sentence's first token index to the sentence's position."""
    return {sent.start: i for i, sent in enumerate(doc.sents)}


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Normalise a name for comparison: accents, dashes, case and spacing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text).replace("\u2019", "'")
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


# control, direction and zero-width characters: invisible, and never part of a name
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """A name as shown: no control, direction or zero-width characters; single spaces.

    Only canonical names and aliases are cleaned; a mention keeps the raw
    slice of the article text, so its offsets stay exact.
    """
    return re.sub(r"\s+", " ", _INVISIBLE.sub("", text)).strip()


@dataclass
class _Mention:
    start: int  # token indices into the doc
    end: int
    label: str
    sentence: int
    roles: list[str] = field(default_factory=list)
    descriptor: bool = False  # "the alliance": refers, but is not a name

    def span(self, doc: Doc) -> SpacySpan:
        return doc[self.start:self.end]


@dataclass
class _Cluster:
    mentions: list[_Mention]

    def names(self, doc: Doc) -> list[str]:
        return [m.span(doc).text for m in self.mentions if not m.descriptor]


# ---------------------------------------------------------------- cleaning

SEPARATORS = {",", ";", ":", "|", "(", ")", "[", "]", "\"", "“", "”", "—", "–", "/", "•"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _is_separator(token) -> bool:
    """A token no name runs across: a line break, punctuation, a handle, a lowercase word such as "in"."""
    text = token.text
    return ("\n" in text or text in SEPARATORS or text[:1] in ("@", "#")
            or (text[:1].islower() and text not in CONNECTORS and not token.is_punct))


def _pieces(doc: Doc, ent: SpacySpan) -> list[tuple[int, int]]:
    """The pieces of an entity span that can be names.

    NER sometimes runs a name across a dateline ("WASHINGTON\nNATO"), a comma
    ("Christie, New Jersey"), a dash ("Ted Cruz—35") or a preposition ("Trump
    in South Carolina"); each piece is judged on its own.
    """
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


def _clean(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, list[str]] | None:
    """Trim one span; returns token bounds and the titles stripped from it."""
    roles: list[str] = []
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    if label == "PERSON":
        # "President Joe Biden", "Dr. Jane Doe": the title is a role, not a name
        title_end = start
        while title_end < end - 1 and (is_title(doc[title_end].text) or doc[title_end].text in "-."):
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


def _left_title(doc: Doc, start: int) -> list[str]:
    """Titles right before a person's name: "NATO Secretary-General Jens Stoltenberg"."""
    i, words = start - 1, []
    while i >= 0 and (is_title(doc[i].text) or (doc[i].text == "-" and words)):
        words.insert(0, doc[i].text)
        i -= 1
    if not words:
        return []
    title = doc[i + 1:start].text
    return [title] if title.rstrip(".").lower() not in HONORIFICS else []


def _raw_mentions(doc: Doc) -> list[_Mention]:
    sent_of = sentence_index(doc)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        for start, end in _pieces(doc, ent):
            cleaned = _clean(doc, start, end, ent.label_)
            if cleaned is None:
                continue
            start, end, roles = cleaned
            if ent.label_ == "PERSON":
                roles = _left_title(doc, start) + roles
            mentions.append(_Mention(start, end, ent.label_, sent_of[doc[start].sent.start], roles))
    return _add_institution_names(doc, mentions, sent_of)


def _add_institution_names(doc: Doc, mentions: list[_Mention], sent_of: dict[int, int]) -> list[_Mention]:
    """Capitalised names headed by an institution noun that NER missed: "the NATO-Ukraine Council".

    The name replaces the shorter mentions inside it ("NATO", "Ukraine"),
    unless one is a person ("the Obama Foundation" keeps Obama).
    """
    covered = {i: m for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.lower_ not in INSTITUTION_HEADS or not token.text[0].isupper() or token.tag_ not in ("NNP", "NNPS"):
            continue
        start = token.i
        while start > token.sent.start and _name_part(doc[start - 1]):
            start -= 1
        if start == token.i or (token.i in covered and covered[token.i].start <= start):
            continue  # a lone "Council", or NER already has the whole name
        inside = {id(m): m for i in range(start, token.i + 1) if (m := covered.get(i))}
        if any(m.label == "PERSON" or m.start < start or m.end > token.i + 1 for m in inside.values()):
            continue
        mentions = [m for m in mentions if id(m) not in inside]
        mentions.append(_Mention(start, token.i + 1, "ORG", sent_of[token.sent.start]))
    return sorted(mentions, key=lambda m: m.start)


def _name_part(token) -> bool:
    """A token that can sit inside a capitalised name: "NATO", "-", "Ukraine", "Federal"."""
    return (token.text in ("-", "–", "&") or (token.text[0].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN"))) \
        and not token.is_sent_start


# ---------------------------------------------------------------- merging

def _in_headline(doc: Doc, m: _Mention) -> bool:
    """Is the mention on a short line in Title Case (a headline), where NER glues names to words?"""
    text = doc.text
    start = text.rfind("\n", 0, doc[m.start].idx) + 1
    end = text.find("\n", doc[m.end - 1].idx)
    line = text[start:end if end != -1 else len(text)].strip()
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    if line.endswith((":", ",")) or not 4 <= len(words) <= 20:
        return False  # "The New York Times reports:" introduces a quote; it is no headline
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _trim_headline_names(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Cut a headline mention back to a name the article uses elsewhere.

    "Hillary Clinton Speaks" and "Clinton Plan" in a Title Case headline are
    "Hillary Clinton" and "Clinton" when the body names them so.
    """
    body_names = {tuple(_words(m.span(doc).text)) for m in mentions if not _in_headline(doc, m)}
    for m in mentions:
        words = _words(m.span(doc).text)
        if len(words) < 2 or tuple(words) in body_names or not _in_headline(doc, m):
            continue
        for size in range(len(words) - 1, 0, -1):
            if tuple(words[:size]) in body_names:
                m.end = _end_of_word(doc, m.start, m.end, size)
                break
    return mentions


def _end_of_word(doc: Doc, start: int, end: int, count: int) -> int:
    """The token index just after the ``count``-th whitespace-separated word from ``start``."""
    for i in range(start, end):
        if doc[i].whitespace_:
            count -= 1
            if count == 0:
                return i + 1
    return end


def _words(text: str) -> list[str]:
    """Words of a name; hyphenated compounds ("NATO-Ukraine") stay one word."""
    return name_key(text).split()


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", text) if w and w.lower() not in CONNECTORS and w[0].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


def _short_form_of(short: str, full: str, full_label: str) -> bool:
    """Does the name ``short`` abbreviate ``full`` (surname, first name, prefix, acronym)?"""
    s, f = _words(short), _words(full)
    if not s or len(s) >= len(f):
        return _is_acronym(short) and _initials(full) == short and len(f) > 1
    if full_label == "PERSON":  # surname, first name, or the name without middle initials
        return s == f[-len(s):] or s == f[:len(s)] or s == without_initials(f)
    if _is_acronym(short):  # "NATO" is not short for "NATO Council"
        return _initials(full) == short
    if f[-1] in INSTITUTION_HEADS and s[-1] != f[-1]:
        return False  # "African Union Peace Council" is a body of the African Union, not its full name
    return s == f[:len(s)]


def without_initials(words: list[str]) -> list[str]:
    """A personal name's words without middle initials: "donald j. trump" -> "donald trump"."""
    if len(words) < 3:
        return words
    middle = [w for w in words[1:-1] if not re.fullmatch(r"(\w\.)+|\w", w)]
    return [words[0], *middle, words[-1]]


def _group_by_name(doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
    groups: dict[str, _Cluster] = {}
    for m in mentions:
        key = name_key(m.span(doc).text)
        groups.setdefault(key, _Cluster([])).mentions.append(m)
    return list(groups.values())


def _label_votes(doc: Doc, cluster: _Cluster) -> Counter:
    votes: Counter = Counter()
    for m in cluster.mentions:
        # a multi-word PERSON name is strong evidence; single words are often mistyped
        votes[m.label] += 2 if m.label == "PERSON" and m.end - m.start > 1 else 1
    return votes


def _person_context(doc: Doc, m: _Mention) -> bool:
    """Does the sentence treat this mention as a person, whatever NER said?

    Only people have a widow or an assassin, are shot or murdered:
    "Lincoln's widow", "the assassination of Lincoln", "Lincoln was shot",
    "the Lincoln assassin".
    """
    head = m.span(doc).root
    governor = head.head
    if head.dep_ == "poss" and governor.lemma_.lower() in PERSON_POSSESSIONS:
        return True
    if head.dep_ in ("nsubjpass", "dobj") and governor.pos_ == "VERB" and governor.lemma_.lower() in VICTIM_VERBS:
        return True
    if head.dep_ == "compound" and governor.lemma_.lower() in VICTIM_NOUNS and governor.pos_ == "NOUN":
        return True
    return (head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.pos_ == "NOUN"
            and governor.head.lemma_.lower() in VICTIM_NOUNS)


def _org_context(doc: Doc, m: _Mention) -> bool:
    """Does the sentence treat this mention as a company or body? "an Emery employee",
    "shares of Toyota", "Toyota's shareholders", "Toyota Inc." after the name."""
    head = m.span(doc).root
    governor = head.head
    if m.end < len(doc) and doc[m.end].text.rstrip(".").lower() in CORPORATE_ABBREVIATIONS:
        return True
    if head.dep_ in ("compound", "poss") and governor.pos_ == "NOUN" and governor.lemma_.lower() in ORG_POSSESSIONS:
        return True
    return (head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.pos_ == "NOUN"
            and governor.head.lemma_.lower() in ORG_POSSESSIONS - {"employee", "spokesman", "spokeswoman"})


def _birthplace_context(doc: Doc, m: _Mention) -> bool:
    """"Tupelo, where X was born / grew up / lived": only a place is where one is born."""
    return any(c.dep_ == "relcl" and c.lemma_.lower() in ("bear", "live", "grow", "reside")
               and any(a.lower_ == "where" for a in c.children if a.dep_ == "advmod")
               for c in m.span(doc).root.children)


def _main_label(doc: Doc, cluster: _Cluster) -> str:
    votes = _label_votes(doc, cluster)
    name = _canonical(doc, cluster)
    words = name.split()
    if len(words) > 1 and words[-1].lower() in PLACE_HEADS:
        return "LOC"  # "Cameron Parish", "Jordan River": a place whatever NER called it
    if len(words) > 1 and words[-1].rstrip(".,").lower() in ORG_SUFFIXES:
        return "ORG"  # "Kaido Holdings", "National Rifle Association": a body whatever NER called it
    if len(words) > 2 and words[0].lower() in NOBLE_TITLES and words[1] == "of":
        return "PERSON"  # "Duchess of York", "Prince of Wales"
    if re.fullmatch(r"[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
        return "PERSON"  # "Ulf D. Merbold": first name, initials, surname
    if any(_birthplace_context(doc, m) for m in cluster.mentions) and not any(
            m.label == "PERSON" and (m.end - m.start > 1 or m.roles) for m in cluster.mentions):
        return "GPE"  # "Tupelo, where X was born"
    place = places.lookup(name)
    if (place is None or place.kind == "City") and not any(m.label == "PERSON" and m.end - m.start > 1
                                                           for m in cluster.mentions) \
            and any(_org_context(doc, m) for m in cluster.mentions):
        return "ORG"  # "an Emery employee", "shares of Toyota", "Toyota Inc."
    if any(m.label == "PERSON" and m.end - m.start > 1 and name_key(m.span(doc).text) == name_key(name)
           for m in cluster.mentions):
        return "PERSON"  # the full name NER called a person: "Trump" typed ORG elsewhere does not outvote it
    place = places.lookup(name)
    if (place is None or place.kind == "City") and any(m.label in ("PERSON", "ORG") and _person_context(doc, m)
                                                       for m in cluster.mentions):
        return "PERSON"  # "Lincoln's assassin": a surname that is also a city's name, or NER's mistyped ORG
    if place and not any(m.label == "PERSON" and (m.end - m.start > 1 or m.roles)
                                       for m in cluster.mentions):
        return "GPE"  # a known country or city is a place unless a full name or a title ("President Lincoln") says otherwise
    label = votes.most_common(1)[0][0]
    if label in ("GPE", "LOC", "FAC") and name.split()[-1].lower() in ORG_HEADS:
        return "ORG"  # "Manchester Rotary Club", "United States Football League"
    return label


def _canonical(doc: Doc, cluster: _Cluster) -> str:
    names = cluster.names(doc) or [cluster.mentions[0].span(doc).text]
    # the fullest name; prefer a form that is not all capitals ("Washington" over "WASHINGTON")
    def rank(name: str):
        shouting = name.isupper() and _uncapitalised(name) != name
        return (len(_words(name)), not shouting, names.count(name), -names.index(name))
    return _uncapitalised(visible(max(names, key=rank)))


def _uncapitalised(name: str) -> str:
    """"WASHINGTON" (a dateline) -> "Washington"; acronyms such as "NATO" or "US" stay."""
    if not name.isupper():
        return name
    place = places.lookup(name)
    if place and len(name) > 3 and name_key(place.name) == name_key(name):
        return place.name
    return name if _is_acronym(name) else name.title()


def _merge_short_forms(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold clusters named by a short form into the cluster of the full name.

    Each mention goes to the first-introduced full name it abbreviates, and two
    Clintons named in full stay two people.
    """
    info = [(c, _canonical(doc, c), _main_label(doc, c)) for c in clusters]
    longest_first = sorted(range(len(info)), key=lambda i: -len(_words(info[i][1])))
    absorbed: set[int] = set()
    for i in reversed(longest_first):  # shortest names first
        cluster, name, label = info[i]
        targets = [j for j in longest_first
                   if j != i and j not in absorbed and len(_words(info[j][1])) >= len(_words(name))
                   and _compatible(label, info[j][2]) and _short_form_of(name, info[j][1], info[j][2])]
        if not targets:
            continue
        for m in cluster.mentions:
            j = _nearest(m, targets, info)
            info[j][0].mentions.append(m)
        absorbed.add(i)
    return [info[i][0] for i in range(len(info)) if i not in absorbed]


def _compatible(short_label: str, full_label: str) -> bool:
    # NER often mistypes a lone surname as ORG or GPE; acronyms are ORG or GPE
    if full_label == "PERSON":
        return True
    return short_label != "PERSON" or full_label == short_label


def _nearest(m: _Mention, targets: list[int], info) -> int:
    """The full name a short mention means: the first one introduced (the article's main subject:
    "Ted Cruz ... his wife, Heidi Cruz ... Cruz said" is Ted), else the first to follow."""
    def first_start(j):
        return min(x.start for x in info[j][0].mentions)
    return min(targets, key=first_start)


# ---------------------------------------------------------------- descriptions

def _salient_org(doc: Doc, clusters: list[_Cluster]) -> _Cluster | None:
    """The organisation a bare "the alliance" can only mean: clearly the most mentioned."""
    orgs = sorted((c for c in clusters if _main_label(doc, c) == "ORG"), key=lambda c: -len(c.mentions))
    if not orgs:
        return None
    if len(orgs) == 1 or len(orgs[0].mentions) >= 2 * len(orgs[1].mentions):
        return orgs[0]
    return None


def _descriptor_mentions(doc: Doc, clusters: list[_Cluster]) -> None:
    """Attach "the alliance" / "the Transatlantic alliance" to the salient organisation."""
    target = _salient_org(doc, clusters)
    if target is None:
        return
    sent_of = sentence_index(doc)
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.lower_ not in ORG_DESCRIPTORS or token.tag_ != "NN" or token.i in taken:
            continue
        det = [t for t in token.lefts if t.dep_ == "det"]
        if not det or det[0].lower_ != "the":
            continue
        modifiers = [t for t in token.lefts if t.dep_ in ("compound", "amod")]
        start = min([det[0].i] + [t.i for t in modifiers])
        for c in list(clusters):
            if c is target:
                continue
            inside = [m for m in c.mentions if start <= m.start and m.end <= token.i]
            if inside and len(inside) == len(c.mentions) and _main_label(doc, c) == "ORG":
                clusters.remove(c)  # "Transatlantic" typed ORG is part of the description
        target.mentions.append(_Mention(start, token.i + 1, "ORG", sent_of[token.sent.start], descriptor=True))


# ---------------------------------------------------------------- result

def resolve_entities(doc: Doc) -> list[Entity]:
    """The article's entities, one per real thing, with every mention."""
    clusters = _merge_short_forms(doc, _group_by_name(doc, _trim_headline_names(doc, _raw_mentions(doc))))
    _descriptor_mentions(doc, clusters)
    entities = []
    for cluster in sorted(clusters, key=lambda c: min(m.start for m in c.mentions)):
        label = _main_label(doc, cluster)
        name = _canonical(doc, cluster)
        mentions = sorted(cluster.mentions, key=lambda m: m.start)
        aliases = []
        for m in mentions:
            text = visible(m.span(doc).text)
            if name_key(text) != name_key(name) and text not in aliases:
                aliases.append(text)
        roles = list(dict.fromkeys(r for m in mentions for r in m.roles))
        entities.append(Entity(
            id=f"e{len(entities)}", name=name, type=LABEL_TYPES[label], label=label,
            aliases=tuple(aliases), roles=tuple(roles),
            mentions=tuple(Mention(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text),
                                   m.span(doc).text, m.sentence) for m in mentions),
        ))
    return entities
