"""What kind of thing a name is: votes from everything the text says about it.

NER's label is one vote per mention. The text often says more, and says it
more reliably than NER on names it has rarely seen; each kind of evidence is
a weighted vote for Person, Organization or Place:

- descriptions: a descriptor noun in apposition, as a compound head or after
  a copula ("Mallee Seeds, a seed breeder", "the broker Caxton Reid", "X is a
  city"; nouns in graphkit/data/descriptors.tsv, and -maker/-builder words);
- "the province of X", "the city of X";
- possessions: "X's chief executive" is a company's, "X's foreign minister" a
  country's, "X's widow" a person's (graphkit/data/possessions.tsv);
- places by role: "X-based", "based/headquartered in X", "X, where ... was born";
- a person's marks: a title stripped from the name, "X, who ...", being shot
  or murdered; a body's marks: "Inc." after the name, "shares of X";
- the name's own shape: a last word such as "Holdings", "Council" or
  "Parish", "Duke of X", "First I. Last";
- the gazetteer: a known country or state, more weakly a known city.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc

from ... import places
from ...names import given_name_gender
from ...data import read_words
from ...model import ORGANIZATION, PERSON, PLACE
from ..lexicon import (CORPORATE_ABBREVIATIONS, NOBLE_TITLES, ORG_POSSESSIONS, ORG_SUFFIXES, PLACE_HEADS, PLACE_KIND_NOUNS,
                       VICTIM_NOUNS, VICTIM_VERBS, descriptors, is_title, possessions)
from ..shared import facts
from .spans import NER_TYPES, RawMention, is_dateline

COMPANY_SUFFIXES = ("maker", "makers", "builder", "builders", "producer", "producers", "manufacturer")
# endings of nouns that name people whatever they are joined to ("neuroscientist", "choreographer",
# "electrician", "congresswoman", "statesman"; not "-man" alone, which ends "human" and "German")
FOUNDING_VERBS = frozenset({"found", "co-found", "cofound", "establish"})
PERSON_SUFFIXES = ("surgeon", "scientist", "physicist", "ologist", "ographer", "ician", "woman", "sman")
PLACE_OF_NOUNS = PLACE_KIND_NOUNS | {"port", "capital"}  # "the province of X", "the port of X": X is a place
LOCATIVE_VERBS = {"base", "headquarter", "locate"}
HOLDINGS = ORG_POSSESSIONS - {"employee"}  # "shares of X", "a stake in X"

INITIALLED_NAME = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # "Ulf D. Merbold"

# weights: a description in the sentence outweighs NER's guess on one mention
DESCRIPTION, SHAPE, CONTEXT, GAZETTEER_STRONG, GAZETTEER_WEAK, NER = 3.0, 4.0, 3.0, 4.0, 2.5, 1.0


def descriptor_type(token) -> str | None:
    """The type a common noun describes ("company" -> Organization, "managing partner" -> Person), or None."""
    if token.pos_ not in ("NOUN", "PROPN") or (token.pos_ == "PROPN" and not token.text.islower()):
        return None
    lemma = token.lemma_.lower()
    if token.i > 0 and f"{token.doc[token.i - 1].lower_} {lemma}" in descriptors():
        return descriptors()[f"{token.doc[token.i - 1].lower_} {lemma}"]
    if lemma in descriptors():
        return descriptors()[lemma]
    if lemma.endswith(COMPANY_SUFFIXES) and len(lemma) > 8:
        return ORGANIZATION  # "carmaker", "shipbuilder", "sensor maker" has its own head
    if lemma.endswith(PERSON_SUFFIXES) and len(lemma) > 7:
        return PERSON  # "neurosurgeon", "geophysicist", "statesman": a compound of a person noun
    return None


SUCCESSION_VERBS = frozenset({"succeed", "replace"})


def _gives_its_subject_a_role(verb) -> bool:
    """"X resigned as chair", "X was hired as coach", "X was named CEO": a person's role, said of the
    subject when the verb has no object the role could be of ("wants Y as its capital"). Only persons:
    an "as" that names a company's part ("signed as a broadcaster") is a person's as often."""
    children = list(verb.children)
    if any(c.dep_ == "dobj" for c in children) and verb.lemma_.lower() not in SUCCESSION_VERBS:
        return False  # (one who succeeds or replaces Y "as chair" takes the role Y had: it is still his)
    roles = [o for c in children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
    roles += [c for c in children if c.dep_ == "oprd"]
    return any(descriptor_type(noun) == PERSON for noun in roles)


def _title_word(word: str) -> bool:
    """A title, or a title's plural before names ("state Reps. X and Y")."""
    return is_title(word) or (word.endswith("s") and is_title(word[:-1]))


def _possession_type(noun) -> str | None:
    """The possessor's type that a possessed noun implies: "chief executive" -> Organization.

    A title that is a role in a company or body (graphkit/data/org_roles.txt:
    "CEO", "managing director") is held in an organisation.
    """
    # the noun with its run of modifiers, longest first: "chief financial officer", "financial officer", "officer"
    run = []
    for t in reversed(noun.doc[noun.left_edge.i:noun.i]):
        if t.dep_ not in ("compound", "amod"):
            break
        run.insert(0, t.lower_)
    phrases = [" ".join([*run[k:], noun.lower_]) for k in range(len(run))] + [noun.lower_, noun.lemma_.lower()]
    for phrase in phrases:
        if phrase in possessions():
            return possessions()[phrase]
        if phrase in read_words("org_roles.txt"):
            return ORGANIZATION
    return None


# Votes are plain dicts of type -> weight (a ``defaultdict`` while cast): a Counter's constructor and operators
# are Python code, and a doc casts votes per mention, several times over.
Votes = dict


def each_mention_votes(doc: Doc, mentions: list[RawMention]) -> Iterator[Votes]:
    """The votes each mention's sentence casts, in turn (do not change them: they are shared)."""
    # a cluster's type is voted again each time it grows: each mention's votes are read once per doc
    memo, words = facts(doc).memo, id(descriptors())
    for m in mentions:
        key = ("mention_votes", m.start, m.end, m.descriptor, bool(m.roles), words)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _mention_votes(doc, m)
        yield found


def _mention_votes(doc: Doc, m: RawMention) -> Votes:
    votes: defaultdict = defaultdict(int)
    if m.descriptor:
        return votes
    if m.roles:
        votes[PERSON] += CONTEXT
    shared = facts(doc)
    texts, size = shared.texts, shared.size
    # labels and words from the doc's columns (a Token looks its strings up on every access); the lemmas,
    # which have no column, only where a test below reads them
    heads, deps, tags, lowers, pos = shared.heads, shared.deps, shared.tags, shared.lowers, shared.pos
    head = m.span(doc).root
    governor = heads[head.i]
    above = heads[governor]  # the governor's own head: "the province" in "the province of X"
    dep, children = deps[head.i], list(head.children)
    gov_lower, gov_pos = lowers[governor], pos[governor]
    gov_lemma = doc[governor].lemma_.lower() if dep in ("compound", "poss", "nsubjpass", "dobj") else None
    above_lemma = doc[above].lemma_.lower() if dep == "pobj" else None
    # descriptions: apposition both ways, a compound head ("the broker Caxton Reid"), a copula
    child_deps = [deps[c.i] for c in children]
    described = [t for t, d in zip(children, child_deps) if d == "appos" and t.i >= m.end]
    # the few words before the mention
    described += [doc[i] for i in range(max(shared.sentence_start[m.start], m.start - 3), m.start)
                  if m.start <= heads[i] < m.end
                  and deps[i] in ("compound", "nmod", "appos") and tags[i] in ("NN", "NNS")
                  and not _title_word(texts[i + 1])  # "state Rep. X": a word of the title, no description
                  and not (dep == "nsubj" and i > 0 and lowers[i - 1] in ("a", "an"))]
    # (an indefinite noun before a name that is a subject is a relative clause's head with no relative word:
    # "a state X is likely to win", "an issue X raised": the noun is what X acts on, not what X is)
    if dep == "appos" and governor < m.start:
        gov = doc[governor]
        outer = gov.head.head if deps[governor] == "pobj" and deps[heads[governor]] == "prep" \
            and pos[governor] == "NOUN" and m.start > 0 and texts[m.start - 1] == "," else None
        if outer is not None and outer.pos_ == "NOUN" and descriptor_type(outer) == PERSON:
            described.append(outer)  # "a spokesperson for the agency, X": the parser hangs X on the nearer noun
        else:
            described.append(gov)
    if dep == "nsubj" and doc[governor].lemma_ in ("be", "become", "remain"):
        described += [t for t in doc[governor].children if deps[t.i] == "attr"]
    for noun in described:
        kind = descriptor_type(noun)
        if kind:
            votes[kind] += DESCRIPTION
    if dep in ("nsubj", "nsubjpass") and gov_pos in ("VERB", "AUX") and _gives_its_subject_a_role(doc[governor]):
        votes[PERSON] += DESCRIPTION
    # "the province of X"
    if dep == "pobj" and gov_lower == "of" and above_lemma in PLACE_OF_NOUNS and pos[above] == "NOUN":
        votes[PLACE] += DESCRIPTION
    # possessions, either way round: "X's chief executive", "the chief executive of X", "the widow of X"
    possessed = governor if dep == "poss" else above if dep == "pobj" and gov_lower == "of" else None
    if possessed is not None and pos[possessed] == "NOUN":
        noun = doc[possessed]
        kind = PERSON if noun.lemma_.lower() in VICTIM_NOUNS else _possession_type(noun)
        if kind:
            votes[kind] += CONTEXT
    if dep in ("compound", "poss") and gov_pos == "NOUN" and gov_lemma in ORG_POSSESSIONS:
        votes[ORGANIZATION] += CONTEXT  # "an Emery employee", "Toyota's shareholders"
    if dep == "pobj" and gov_lower in ("of", "in") and above_lemma in HOLDINGS:
        votes[ORGANIZATION] += CONTEXT  # "shares of Toyota", "a stake in Acme"
    if dep == "compound" and gov_pos == "NOUN" and gov_lemma in VICTIM_NOUNS:
        votes[PERSON] += CONTEXT  # "the Jackson assassin"
    if m.start >= 2 and lowers[m.start - 1] == "born" and texts[m.start - 2] in ("-", "–"):
        votes[PERSON] += CONTEXT  # "South Korean-born X", "Leeds-born X": only people are born
    # places by role
    if m.end + 1 < size and texts[m.end] == "-" and lowers[m.end + 1] in ("based", "headquartered"):
        votes[PLACE] += CONTEXT
    if dep == "pobj" and gov_lower == "in" and above_lemma in LOCATIVE_VERBS:
        votes[PLACE] += CONTEXT
    relative = [c for c, d in zip(children, child_deps) if d == "relcl"]
    if any(c.lemma_.lower() in ("bear", "live", "grow", "reside")
           and any(lowers[a.i] == "where" for a in c.children if deps[a.i] == "advmod") for c in relative):
        votes[PLACE] += CONTEXT  # "Tupelo, where X was born"
    if is_dateline(doc, m.start, m.end) or (m.end + 1 < size and texts[m.end] == ","
                                            and places.state_of_abbreviation(texts[m.end + 1])):
        votes[PLACE] += CONTEXT  # "MUNCIE, Ind. -" opening the article; "in Peoria, Ill."
    if dep in ("nsubjpass", "dobj") and gov_pos == "VERB" and gov_lemma in FOUNDING_VERBS:
        votes[ORGANIZATION] += CONTEXT  # "X co-founded Harbor Fuels": one founds a body (a known city keeps its
        # gazetteer vote, which is stronger)
    # a person's marks
    if dep in ("nsubjpass", "dobj") and gov_pos == "VERB" and gov_lemma in VICTIM_VERBS:
        votes[PERSON] += CONTEXT
    # "X, a developer in Ohio, who …": the parser hangs the clause on the appositive, or on its last noun
    relative += [c for noun in described if noun.i > m.start for t in noun.subtree
                 if t.i >= noun.i for c in t.children if deps[c.i] == "relcl"]
    for clause in dict.fromkeys(relative):
        pronouns = {lowers[t.i] for t in clause.children if tags[t.i] in ("WP", "WDT", "WP$")}
        if pronouns & {"who", "whom"}:
            votes[PERSON] += CONTEXT / 3  # weak: "the club, whom he led" happens
        elif "which" in pronouns and dep != "pobj":
            # "X, which ...": grammar says X is no person; not after a preposition ending a clause ("more
            # anti-Trump than pro-Clinton, which is a problem"), where "which" mostly stands for the clause
            votes[PERSON] -= CONTEXT
    # a body's marks
    if m.end < size and texts[m.end].rstrip(".").lower() in CORPORATE_ABBREVIATIONS:
        votes[ORGANIZATION] += CONTEXT
    return votes


# a cluster's type is voted again each time it grows, its name mostly the same; a few docs' names are kept
@lru_cache(maxsize=2048)
def name_votes(name: str) -> Votes:
    """The votes a name's own shape and the gazetteer cast (do not change them: they are shared)."""
    votes: defaultdict = defaultdict(int)
    parts = name.split()
    last = parts[-1].rstrip(".,").lower() if parts else ""
    if len(parts) > 1 and last in PLACE_HEADS:
        votes[PLACE] += SHAPE  # "Cameron Parish", "Jordan River"
    if len(parts) > 1 and last in ORG_SUFFIXES:
        votes[ORGANIZATION] += SHAPE  # "Kaido Holdings", "National Rifle Association"
    if "&" in name and len(name) > 2:
        votes[ORGANIZATION] += SHAPE  # "Berg & Holm", "AT&T": partners' names joined make a firm's
    if len(parts) > 2 and parts[0].lower() in NOBLE_TITLES and parts[1] == "of":
        votes[PERSON] += SHAPE  # "Duchess of York"
    if INITIALLED_NAME.fullmatch(name):
        votes[PERSON] += SHAPE  # "Ulf D. Merbold"
    place = places.lookup(name)
    if place is not None and not votes:
        votes[PLACE] += GAZETTEER_WEAK if place.kind == "City" else GAZETTEER_STRONG
    return votes


def given_name_votes(name: str, votes, ner=None) -> Votes:
    """"Donald Lund", "Ana Ruiz": a two- or three-word name opening with a given name is a person's.

    Not when a place or its adjective opens it ("Houston Astros", "Philippine
    National Police"), and only when nothing else in the name or the text
    (``votes``: the other evidence) speaks for another type ("Johnson Controls
    Inc", "its parent company, Rosa Holdings"). As strong as NER's whole voice:
    it settles a split NER, and a tie with NER's unanimous label goes to NER.
    """
    # the other evidence is what the name and the text say beyond NER (``ner``: NER's votes, in ``votes``),
    # and against a person only what outweighs the text's own evidence for one: "X's top executives" is said
    # of a businessman too, and NER calling a candidate ORG forty times is one voice
    ner = ner or {}
    person = votes.get(PERSON, 0) - ner.get(PERSON, 0)
    if votes.get(ORGANIZATION, 0) - ner.get(ORGANIZATION, 0) - person > 2 * NER \
            or votes.get(PLACE, 0) - ner.get(PLACE, 0) - person > 2 * NER or not opens_with_given_name(name):
        return {}
    return {PERSON: 2 * NER}


@lru_cache(maxsize=4096)
def opens_with_given_name(name: str) -> bool:
    """The name's shape alone (asked each time a cluster is voted again, so kept per name)."""
    parts = name.split()
    if not 2 <= len(parts) <= 3:
        return False
    first = parts[0]
    return bool(given_name_gender(first)) and not is_title(first) and places.lookup(first) is None \
        and places.demonym(first) is None


def ner_votes(mentions: list[RawMention]) -> Votes:
    """NER is one voice, however often the name recurs: its labels' shares, 2 votes in all.

    A multi-word name NER called a person gets half a vote more: NER is most
    reliable on full personal names.
    """
    named = [m for m in mentions if not m.descriptor]
    votes: dict[str, float] = {}
    for m in named:
        kind = NER_TYPES[m.label]
        votes[kind] = votes.get(kind, 0) + 2 * NER / len(named)
    if any(m.label == "PERSON" and m.end - m.start > 1 for m in named):
        votes[PERSON] = votes.get(PERSON, 0) + NER / 2
    return votes


def plural_name(doc: Doc, mentions: list[RawMention]) -> Votes:
    """A name ending in a plural proper noun is a team or a firm, not a person: "Hamilton Wanderers"."""
    tags = facts(doc).tags
    if any(m.end - m.start > 1 and tags[m.end - 1] == "NNPS" for m in mentions if not m.descriptor):
        return {ORGANIZATION: 2.0}
    return {}


def decide_type(votes: Votes, ner_labels: Counter) -> str:
    """The type with most votes; ties go to what NER said most often."""
    ner_order = [NER_TYPES[label] for label, _ in ner_labels.most_common()]
    # the first of the lowest keys, as ``sorted(...)[0]`` gives (sorting is stable), without the sort
    return min((PERSON, ORGANIZATION, PLACE), key=lambda t: (-votes.get(t, 0), ner_order.index(t) if t in ner_order else 9))
