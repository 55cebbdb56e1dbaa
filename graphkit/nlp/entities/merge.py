"""One cluster per real thing in an article: a sieve of merges, most precise first.

1. same name: mentions whose names share a normal form (graphkit.names.name_key);
2. defined acronyms: "the Securities and Exchange Commission (SEC)";
   an old or new name in brackets: "Hogan & Hartson (now Hogan Lovells)";
3. acronyms of a name in the article, connector words optional ("DOJ", "ERCOT");
4. people's short forms: surname, first name, the name without middle
   initials; a bare surname means the person introduced first;
5. organisations' short forms: the name without a generic last word
   ("Ashanti Flour" for "Ashanti Flour Company"), a leading part ("Kaido" for
   "Kaido Motors"), or its head word alone when only one name ends in it
   ("the Commission", "Rovers").

A place never folds into an organisation named after it ("Tokyo" stays
apart from "Tokyo Stock Exchange", "Ghana" from "Ghana Chamber of Mines"), and
two people named in full stay two people whatever they share.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ... import places
from ...model import ORGANIZATION, PERSON, PLACE
from ...names import GENERIC_ORG_WORDS, acronym_of, given_name_gender, is_acronym, name_key, visible, without_initials, words
from ..lexicon import FEMALE_HONORIFICS, INSTITUTION_HEADS, MALE_HONORIFICS, PUBLICATION_HEADS, descriptors
from .evidence import (decide_type, descriptor_type, each_mention_votes, given_name_votes, name_votes, ner_votes,
                       opens_with_given_name, plural_name)
from ..shared import facts
from .spans import RawMention, is_demonym_word

# Words that make a longer name a unit of the shorter one: "NYU School of Law", "Kaido Finance Division".
# Last words of a body named after the organisation it belongs to or acts for: "NYU School of Law",
# "the Clinton Foundation", "the Caucus PAC" (a political action committee is a body of its own)
UNIT_WORDS = {"school", "college", "faculty", "division", "unit", "office", "branch", "chapter", "campus", "center",
              "centre", "institute", "foundation", "hospital", "museum", "library", "press", "studios", "labs",
              "pac", "superpac", "action"}


class Cluster:
    """Mentions of one entity, with its name and type computed when asked."""

    def __init__(self, doc: Doc, mentions: list[RawMention]):
        self.doc, self.mentions = doc, mentions
        self._name = self._type = self._words = self._labels = None

    def add(self, mentions: list[RawMention]) -> None:
        self.mentions.extend(mentions)
        self._name = self._type = self._words = self._labels = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def names(self) -> list[str]:
        span_text = facts(self.doc).span_text  # ``m.text(doc)``, without asking for the doc's facts per mention
        return [m.name or span_text(m.start, m.end) for m in self.mentions if not m.descriptor]

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = canonical(self.names() or [self.mentions[0].text(self.doc)])
        return self._name

    @property
    def words(self) -> list[str]:
        """The name's words in normal form (kept: the sieve reads them of every cluster; do not change the list)."""
        if self._words is None:
            self._words = words(self.name)
        return self._words

    @property
    def type(self) -> str:
        if self._type is None:
            # The sums of Counter's ``+`` and ``update``, key by key in the same order, in a plain dict: the
            # type is voted again each time a cluster grows, and Counter's operators are Python code per call.
            # (``+`` would drop votes that are not positive; before the mentions' votes, none is.)
            votes = dict(name_votes(self.name))  # a copy: the votes are shared
            ner = ner_votes(self.mentions)
            for kind, vote in ner.items():
                votes[kind] = votes[kind] + vote if kind in votes else vote
            for kind, vote in plural_name(self.doc, self.mentions).items():
                votes[kind] = votes[kind] + vote if kind in votes else vote
            for cast in each_mention_votes(self.doc, self.mentions):
                for kind, vote in cast.items():
                    votes[kind] = vote + votes.get(kind, 0)
            for kind, vote in given_name_votes(self.name, votes, ner).items():
                votes[kind] = vote + votes.get(kind, 0)
            self._type = decide_type(votes, self.ner_labels())
        return self._type

    def ner_labels(self) -> Counter:
        """How often NER gave each label (kept until the cluster grows; do not change the Counter)."""
        if self._labels is None:
            self._labels = Counter(m.label for m in self.mentions if not m.descriptor)
        return self._labels

    @property
    def ner_person(self) -> bool:
        """Did NER call a multi-word mention, or a titled one, a person?"""
        return any(m.label == "PERSON" and (m.end - m.start > 1 or m.roles) for m in self.mentions)


def canonical(names: list[str]) -> str:
    """The fullest name; a form that is not all capitals wins ("Washington" over "WASHINGTON")."""
    counts: dict[str, int] = {}  # each name's count and first place: ``names.count`` and ``.index`` per name were
    first: dict[str, int] = {}  # quadratic in a cluster's mentions
    for n, name in enumerate(names):
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, n)

    def rank(name: str):
        shouting = name.isupper() and uncapitalised(name) != name
        return (len(words(name)), not shouting, counts[name], -first[name])
    return uncapitalised(visible(max(first, key=rank)))  # the distinct names, in order: the same winner


def uncapitalised(name: str) -> str:
    """"WASHINGTON" (a dateline) -> "Washington"; acronyms such as "NATO" or "US" stay."""
    if not name.isupper():
        return name
    place = places.lookup(name)
    if place and len(name) > 3 and name_key(place.name) == name_key(name):
        return place.name
    return name if is_acronym(name) else name.title()


# ---------------------------------------------------------------- the sieve

def group_by_name(doc: Doc, mentions: list[RawMention]) -> list[Cluster]:
    groups: dict[str, Cluster] = {}
    for m in mentions:
        groups.setdefault(name_key(m.text(doc)), Cluster(doc, [])).mentions.append(m)
    return list(groups.values())


def _defined_acronyms(doc: Doc, clusters: list[Cluster]) -> dict[str, Cluster]:
    """"Full Name (ACR)": the acronym in brackets right after a name is that name's.

    Its letters must start with the name's first letter and occur in the
    name in order ("ASEAN" takes "SE" from "Southeast"): "CONCORD, N.H. (AP)"
    is a dateline, no definition.
    """
    owner = {}
    for c in clusters:
        for m in c.mentions:
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
                    and _abbreviates(doc[m.end + 1].text, m.text(doc)):
                owner.setdefault(name_key(doc[m.end + 1].text), c)
    return owner


# Words that give a thing's other name in brackets: "Hogan & Hartson (now Hogan Lovells)", "Bombay (now Mumbai)".
RENAME_WORDS = {"now", "formerly", "previously", "later", "then"}


def _renamed(doc: Doc, clusters: list[Cluster]) -> list[tuple[Cluster, Cluster]]:
    """"X (now Y)", "X (formerly Y)", "X (formerly known as Y)": one thing under two names (a firm,
    a city, a person), the bracket opening right after the first and holding only the second."""
    at = {m.start: c for c in clusters for m in c.mentions}
    pairs = []
    for c in clusters:
        for m in c.mentions:
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 1].lower_ in RENAME_WORDS:
                k = m.end + 2
                while k < len(doc) and doc[k].lower_ in ("known", "as", "called", "named"):
                    k += 1
                other = at.get(k)
                if other is not None and other is not c and any(
                        o.start == k and o.end < len(doc) and doc[o.end].text == ")" for o in other.mentions):
                    pairs.append((other, c))
    return pairs


def _abbreviates(short: str, full: str) -> bool:
    letters, name = short.replace(".", "").casefold(), name_key(full).replace(" ", "")
    if not is_acronym(short) or len(words(full)) < 2 or not name.startswith(letters[:1]):
        return False
    rest = iter(name)
    return all(letter in rest for letter in letters)  # a subsequence of the name's letters


def _is_place(c: Cluster) -> bool:
    # a gazetteer name is the place unless NER or the text's own evidence says otherwise
    # ("Everett's chief operating officer": the company, though Everett is also a city)
    return c.type == PLACE or (places.lookup(c.name) is not None and not c.ner_person and c.type != ORGANIZATION)


def _speaking_town(c: Cluster) -> bool:
    """"The rest were moved, Kennedy said": a town the gazetteer knows that is the subject of a speech
    verb is a surname (a country or state speaks for its government, a town does not)."""
    from ..words import words as word_lists

    place = places.lookup(c.name)
    if place is None or place.kind != "City":
        return False
    for m in c.mentions:
        head = m.span(c.doc).root
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in word_lists().speech_verbs:
            return True
    return False


# Titles of those known by one name: popes, monarchs, clergy of religious name.
ONE_NAME_TITLES = frozenset("""pope king queen prince princess emperor empress sultan sheikh shah tsar czar
saint st brother sister cardinal patriarch lama""".split())
# Last words that complete a firm's own name rather than name a thing after it ("Evercore Partners",
# "Fox Business Network"); with "of", the short form is the name's head ("House of Representatives")
NAME_TAIL_WORDS = frozenset({"partners", "associates", "network", "networks", "news", "media", "international",
                             "worldwide", "global"})


def _short_form_target(short: Cluster, candidates: list[Cluster]) -> list[Cluster]:
    """The clusters ``short`` may be a short form of (see the module docstring).

    ``candidates``: the live clusters, or only those with ``short``'s first word (``WordIndex``): any other fails
    the first test below, and ``person_named`` asks for names ``short`` begins or ends.
    """
    s = short.words
    found = []
    if not candidates:
        return found
    # what the person test below asks of ``short``, once: a "place" no gazetteer knows, and the one name a pope
    # or king is known by ("Pope Francis")
    unknown_place = _is_place(short) and places.lookup(short.name) is None
    titled = any(r.split()[-1].lower().rstrip(".") in ONE_NAME_TITLES for m in short.mentions for r in m.roles)

    def person_named() -> bool:
        # NER calls a company's short name a person ("Everett said"): that holds only if a person of that name exists
        return any(c.type == PERSON and c is not short and _shares_person_words(s, c.words)
                   for c in candidates) or any(m.roles for m in short.mentions)
    for full in candidates:
        f = full.words
        if full is short or len(f) <= len(s) or (s[0] not in f and not s == without_initials(f)):
            continue  # a short form shares a word with the full name: most pairs end here, cheaply
        if full.type == PERSON:
            if short.type == PERSON or ((not _is_place(short) or _speaking_town(short) or unknown_place)
                                        and not is_acronym(short.name)):
                # NER often types a lone surname ORG or GPE; a known place is no surname, unless it speaks;
                # a "place" no gazetteer knows that is a named person's surname is that person ("Snowden"),
                # though not as a first name ("Chelsea", the neighbourhood, is no short form of a Chelsea X)
                # the one name a pope or king is known by is never the first name of someone named in full
                if s == f[-len(s):] or (not unknown_place or short.type == PERSON) and not titled and (
                        s == f[:len(s)] or s == without_initials(f)):
                    found.append(full)
        elif short.type == PERSON and s == f[-len(s):] and not name_votes(full.name) \
                and (opens_with_given_name(full.name) or full.type == ORGANIZATION and _first_and_last(full)):
            # "Donald Trump" once, tagged ORG, and "Trump" ten times, a person by what the text says: one
            # person, NER's single label against the surname's evidence (not "Morgan Stanley": no given name)
            found.append(full)
        elif short.type == full.type == ORGANIZATION and s == f[-len(s):] and not name_votes(full.name) \
                and opens_with_given_name(full.name) and not _is_place(short) and not is_acronym(short.name):
            # NER typed the whole article's "Donald Trump" and "Trump" ORG alike: whatever the pair is, the
            # last word alone is the name it ends (a body's name with a given name, "Morgan Stanley", too)
            found.append(full)
        elif full.type == ORGANIZATION and (short.type != PERSON or not person_named()) and not _is_place(short):
            rest = f[len(s):]
            # a leading part used alone before the full name is a thing of its own, the longer name one
            # named after it ("Google ... Google Plus"); a short form follows the name it shortens
            if s == f[:len(s)] and (all(w in GENERIC_ORG_WORDS | NAME_TAIL_WORDS for w in rest) or rest[0] == "of"
                                    or rest in (["department"], ["ministry"])  # "Homeland Security": the department
                                    or not set(rest) & (INSTITUTION_HEADS | UNIT_WORDS) and full.first < short.first):
                # "Ashanti Flour", "Kaido" for "Kaido Motors"; not "African Union" for its council,
                # nor "NYU" for "NYU School of Law": a body or unit named after its organisation
                found.append(full)
    return found


def _honorific_gender(c: Cluster, m: RawMention) -> str | None:
    """"m" after "Mr.", "f" after "Mrs."/"Ms.", else None."""
    if m.start == 0:
        return None
    word = facts(c.doc).lowers[m.start - 1]
    return "m" if word in MALE_HONORIFICS else "f" if word in FEMALE_HONORIFICS else None


def _person_gender(c: Cluster) -> str | None:
    """A full name's gender by its given name ("Ann Lee": f); a bare name's by its honorifics, if they agree."""
    if len(c.words) > 1:
        return given_name_gender(c.name.split()[0])
    found = {_honorific_gender(c, m) for m in c.mentions} - {None}
    return found.pop() if len(found) == 1 else None


def _place_by_honorific(short: Cluster, people: list[Cluster], absorb, index: WordIndex) -> None:
    """A surname after "Mr." or "Mrs." means a person of that gender: "Ann Lee and Tom Lee ... Mr. Lee".

    Each honorific's mentions go to the first-named person of their gender (or, with none, of a gender
    no name or honorific tells); with neither, they stay a person of their own ("Mr. Lee" where only
    Ann Lee is named). Mentions without an honorific go where a bare surname goes: the person named first.
    """
    first = min(people, key=lambda t: t.first)
    genders = {id(p): _person_gender(p) for p in people}
    kept, moved = [], {}
    for m in short.mentions:
        gender = _honorific_gender(short, m)
        fitting = [p for p in people if genders[id(p)] == gender] or [p for p in people if genders[id(p)] is None]
        if gender is None:
            moved.setdefault(id(first), (first, []))[1].append(m)
        elif fitting:
            target = min(fitting, key=lambda t: t.first)
            moved.setdefault(id(target), (target, []))[1].append(m)
        else:
            kept.append(m)
    for target, mentions in moved.values():
        target.add(mentions)
        index.grown(target)
    short.mentions[:] = kept
    short.add([])  # forget the name and type computed from the mentions that went
    if not kept:
        absorb(short, first)  # nothing left: the cluster is gone


def _first_and_last(c: Cluster) -> bool:
    """Two capitalised words, no place, like a given name no list knows and a surname ("Neera Tanden")."""
    parts = c.name.split()
    return len(parts) == 2 and all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts) \
        and places.lookup(parts[0]) is None and places.lookup(c.name) is None \
        and all(c.doc[m.start].pos_ == "PROPN" for m in c.mentions)  # not "Liberal Oscar" from a headline


def _shares_person_words(short: list[str], full: list[str]) -> bool:
    return len(full) > len(short) and (short == full[-len(short):] or short == full[:len(short)])


def _head_word_targets(short: Cluster, clusters: list[Cluster]) -> list[Cluster]:
    """"the Commission", "Rovers", "the Post": a capitalised head word names the one organisation ending in it.

    The word must say what kind of body it is (an institution noun such as
    "Commission" or "Legislature") or be a team's plural ("Rovers"): "House"
    is not short for "White House". ``clusters``: the live clusters, or only
    those whose name ends in ``short``'s word (``WordIndex``).
    """
    s = short.words
    if len(s) != 1 or short.type == PERSON or _is_place(short) or is_acronym(short.name):
        return []
    kind_word = s[0] in INSTITUTION_HEADS or s[0] in PUBLICATION_HEADS or descriptors().get(s[0]) == ORGANIZATION
    plural = any(short.doc[m.end - 1].tag_ == "NNPS" for m in short.mentions) or s[0].endswith("s")
    if not (kind_word or plural):
        return []
    return [c for c in clusters if c is not short and len(c.words) > 1 and c.words[-1] == s[0]
            and c.type == ORGANIZATION]


class WordIndex:
    """The live clusters by the words of their names, each list in the order of the sieve's clusters.

    A short form shares its first word with the full name, and a head word is
    the last word of the name it stands for: the sieve compares a cluster only
    with the clusters this index gives for that word, not with every cluster
    (which made it quadratic per doc). Same candidates, in the same order.
    """

    def __init__(self, clusters: list[Cluster]):
        self.order = {id(c): n for n, c in enumerate(clusters)}
        self.having: dict[str, dict[int, Cluster]] = {}  # word -> clusters whose name has it
        self.ending: dict[str, dict[int, Cluster]] = {}  # word -> clusters whose name ends in it
        self.indexed: dict[int, list[str]] = {}  # cluster -> the words it is indexed under
        for c in clusters:
            self.add(c)

    def add(self, c: Cluster) -> None:
        self.indexed[id(c)] = c.words
        for word in set(c.words):
            self.having.setdefault(word, {})[id(c)] = c
        if c.words:
            self.ending.setdefault(c.words[-1], {})[id(c)] = c

    def remove(self, c: Cluster) -> None:
        found = self.indexed.pop(id(c))
        for word in set(found):
            del self.having[word][id(c)]
        if found:
            del self.ending[found[-1]][id(c)]

    def grown(self, c: Cluster) -> None:
        """``c`` took more mentions: index it again if its name changed."""
        if self.indexed[id(c)] != c.words:
            self.remove(c)
            self.add(c)

    def _ordered(self, found: dict[int, Cluster]) -> list[Cluster]:
        return sorted(found.values(), key=lambda c: self.order[id(c)])

    def with_word(self, word: str) -> list[Cluster]:
        return self._ordered(self.having.get(word, {}))

    def ending_in(self, word: str) -> list[Cluster]:
        return self._ordered(self.ending.get(word, {}))


def merge_clusters(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Run the sieve; each short cluster's mentions join the cluster they name."""
    defined = _defined_acronyms(doc, clusters)
    absorbed: set[int] = set()
    index = WordIndex(clusters)

    def absorb(short: Cluster, target: Cluster) -> None:
        target.add(short.mentions)
        absorbed.add(id(short))
        index.remove(short)
        index.grown(target)

    def alive() -> list[Cluster]:
        return [c for c in clusters if id(c) not in absorbed]

    for c in clusters:  # defined acronyms
        target = defined.get(name_key(c.name))
        if target is not None and target is not c and id(target) not in absorbed:
            absorb(c, target)
    for other, c in _renamed(doc, clusters):  # an organisation's old and new names
        if id(other) not in absorbed and id(c) not in absorbed:
            absorb(other, c)
    for c in alive():  # acronyms of a name in the article
        if is_acronym(c.name):
            # (a name none of whose words starts with the acronym's first letter is no candidate, cheaply)
            first = c.name.replace(".", "")[:1].casefold()
            targets = [t for t in alive() if t is not c and any(w[:1] == first for w in t.words)
                       and acronym_of(c.name, t.name) and t.type != PERSON]
            if targets:
                absorb(c, min(targets, key=lambda t: t.first))
    for c in sorted(alive(), key=lambda c: len(c.words)):  # short forms, shortest first
        targets = _short_form_target(c, index.with_word(c.words[0]) if c.words else alive())
        people = [t for t in targets if t.type == PERSON]
        if people and len(c.words) == 1 and any(_honorific_gender(c, m) for m in c.mentions):
            _place_by_honorific(c, people, absorb, index)  # "Mr. Lee" is Tom Lee, not Ann Lee
            continue
        if people:  # a bare surname means the person introduced first ("Ted Cruz ... Heidi Cruz ... Cruz said")
            absorb(c, min(people, key=lambda t: t.first))
        elif len(targets) == 1:
            absorb(c, targets[0])
        elif targets and (first := min(targets, key=lambda t: t.first)).first < c.first:
            absorb(c, first)  # "Kaido" after "Kaido Motors ... Kaido Finance": the one introduced first, the subject
    for c in alive():  # head words
        targets = _head_word_targets(c, index.ending_in(c.words[0]) if len(c.words) == 1 else [])
        if len(targets) == 1:
            absorb(c, targets[0])
    return alive()


# ---------------------------------------------------------------- names NER missed

MAX_NAME_TOKENS = 6


def add_missed_mentions(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Occurrences of a name the article already uses that NER did not tag become mentions.

    NER is inconsistent inside one article: it tags "Tama Henare" and then
    misses "Henare" four times. Any run of capitalised proper-noun tokens
    whose normal form is a name of exactly one entity (its names, and for a
    person its surname or first name when no other person shares it) is a
    mention of that entity. One scan of the tokens, dictionary look-ups only.
    """
    names: dict[str, set[int]] = {}
    person_parts: dict[str, set[int]] = {}
    for index, c in enumerate(clusters):
        for name in c.names():
            names.setdefault(name_key(name), set()).add(index)
        parts = c.words
        if c.type == PERSON and len(parts) > 1:
            for part in {parts[0], parts[-1]}:
                person_parts.setdefault(part, set()).add(index)
    for part, owners in person_parts.items():
        if part not in names:
            names[part] = owners
    size = len(doc)
    taken = [False] * size
    for c in clusters:
        for m in c.mentions:
            taken[m.start:m.end] = [True] * (m.end - m.start)
    shared = facts(doc)
    # no other token can be part of a name, but a capitalised "verb" that is a clause's subject: the tagger
    # reads a surname that is also a verb so ("Trump this week said", "Cook told reporters")
    nouns = sorted(shared.with_tag(*NAME_TAGS)
                   + [i for i in shared.with_tag("VB", "VBP") if shared.deps[i] in ("csubj", "nsubj") and not taken[i]])
    can_name = _name_tokens(doc, shared, nouns)  # asked up to MAX_NAME_TOKENS times per token below
    found: list[tuple[int, RawMention]] = []
    resume = 0  # the token after the last name found: the scan goes on from there
    for i in [i for i in nouns if can_name[i] and not taken[i]]:  # only these can start a name
        if i < resume:
            continue
        end = i
        while end < size and end - i < MAX_NAME_TOKENS and not taken[end] and can_name[end]:
            end += 1
        match = next(((j, names[key]) for j in range(end, i, -1)
                      if len(names.get(key := name_key(shared.span_text(i, j)), ())) == 1), None)
        if match is None:
            continue
        j, (owner,) = match[0], tuple(match[1])
        if is_demonym_word(shared, i, j):
            continue  # "a New Yorker by birth" is no mention of The New Yorker
        label = clusters[owner].ner_labels().most_common(1)[0][0] if clusters[owner].ner_labels() else "ORG"
        found.append((owner, RawMention(i, j, label, shared.sentence_of[i])))
        resume = j
    for owner, mention in found:
        clusters[owner].add([mention])
    return clusters


NAME_TAGS = ("NNP", "NNPS", "NN", "NNS")


def _name_tokens(doc: Doc, shared, nouns: list[int]) -> list[bool]:
    """Per token: can it be part of a name someone already used? A capitalised proper noun.

    Or a capitalised common noun with no determiner: the tagger often calls a
    surname or an acronym a common noun, above all at the start of a sentence
    ("Lund, speaking after Berg, said"; "ICMR Director-General X"), where a real
    common noun would mostly have its article. Only names already used match.
    """
    def bare_noun(i: int) -> bool:
        return not any(c.dep_ in ("det", "poss") for c in doc[i].children)
    texts, tags = shared.texts, shared.tags
    can = [False] * shared.size
    for i in nouns:  # the tokens tagged NAME_TAGS (and subjects tagged as verbs): any other is no name
        text, tag = texts[i], tags[i]
        can[i] = text[:1].isupper() and (tag in ("NNP", "NNPS") or bare_noun(i)) and "\n" not in text
    return can


# ---------------------------------------------------------------- descriptions

def drop_description_words(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """An adjective NER took for a name, only ever modifying a description, is part of it: "the Transatlantic alliance".

    A one-word cluster with an adjective's ending ("-ic", "-al", "-ive",
    "-ern") whose every mention is a modifier inside "the ... <organisation
    noun>" describes; it names nothing ("the Labour group" keeps Labour).
    """
    def describing(m: RawMention) -> bool:
        head = m.span(doc).root
        noun = head.head
        return (head.dep_ in ("compound", "amod") and noun.i > head.i and noun.pos_ == "NOUN" and noun.text.islower()
                and descriptor_type(noun) == ORGANIZATION
                and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children))
    return [c for c in clusters if not (c.type == ORGANIZATION and len(words(c.name)) == 1
                                        and c.name.lower().endswith(ADJECTIVE_ENDINGS)
                                        and all(describing(m) for m in c.mentions))]


ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ary", "ous", "ern", "ist")


# Abbreviations of a kind of body, never of one body: "the super PAC", "an NGO"
KIND_ACRONYMS = {"pac", "ngo", "llc", "plc"}


def drop_lone_kind_words(clusters: list[Cluster]) -> list[Cluster]:
    """A word that only says what kind of body something is names nothing on its own.

    "the Commission", "the Party", "the Committee" that joined no full name in
    the article are descriptions (the reference layer's business), not
    entities; "Commission" as a node of its own would be any commission.
    """
    def kind_word(c: Cluster) -> bool:
        parts = words(c.name)
        return len(parts) == 1 and (parts[0] in KIND_ACRONYMS or not is_acronym(c.name) and (
            parts[0] in INSTITUTION_HEADS or descriptors().get(parts[0]) == ORGANIZATION))
    return [c for c in clusters if not (c.type == ORGANIZATION and kind_word(c))]
