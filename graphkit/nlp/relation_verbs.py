"""Verb patterns: a subject entity, a verb, and an object entity.

Which verbs state which relation, in which direction and between which
arguments, is data (graphkit/data/relation_verbs.tsv, and rows a user adds
through the component's config or ``graphkit build --relations FILE``). Most
rows are plain pairs (subject roles -> object roles); a few frames need code
of their own (a killing by an instrument, talks "held with", deals, a lead
role in a place, an aspiration to join, "where X was born"). Any other verb
between two entities gives ``verb:<lemma>``, except light and speech verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import NamedTuple

from spacy.tokens import Token

from .. import places as gazetteer
from ..model import ORGANIZATION, PERSON, PLACE
from ..data import read_words
from ..predicates import CUSTOM_PREFIX, PREDICATES, VERB_PREFIX
from . import relation_lexicon as lex
from .entities.evidence import descriptor_type
from .relation_patterns import (aspiration_context, classify_role, clause_subjects, entities_at, is_passive,
                                prep_objects, role_noun_title, title_text)
from .relations import Candidate, DocIndex


# Prepositions that add a second doer, not someone acted upon: "along with Y", "alongside Y", "together with Y".
CO_AGENT_PREPS = {"along with", "alongside", "together with"}


def preps_after_noun(noun: Token) -> list[tuple[str, Token]]:
    """The verb's prepositions right after its object noun, which the parser may have hung on the verb:
    "criticised [Y's lawsuit] [against Z]" is Y's lawsuit against Z."""
    if noun.dep_ != "dobj":
        return []
    after = noun.right_edge.i + 1
    return [(p.lower_, o) for p in noun.head.children if p.dep_ == "prep" and p.i == after
            for o in p.children if o.dep_ == "pobj"]


def _takes(rows, prep: str) -> bool:
    return any(prep in row.subject or prep in row.object for row in rows)


def _zero_relative(verb: Token, children: list[Token], deps: list[str]) -> bool:
    """A relative clause with no relative word, a subject of its own and nothing in object's place:
    the noun it modifies is the verb's object ("the plan X drew up")."""
    if verb.head.pos_ != "NOUN" or verb.head.i > verb.i or "nsubj" not in deps \
            or any(dep in ("xcomp", "ccomp", "attr", "acomp", "oprd") for dep in deps):
        return False
    if any(dep == "prep" and not any(o.dep_ in ("pobj", "pcomp") for o in c.children) for c, dep in zip(children, deps)):
        return False  # "the candidates X fundraised for": the noun fills the stranded preposition's place
    # "an interview, during which he touched on Y": a relative word anywhere before the verb
    return not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that"
                   for c in verb.lefts for t in c.subtree)


def _co_agent(prep: str, obj: Token) -> bool:
    word = obj.head  # the preposition; "together" hangs on it or on the verb just before it
    return prep in CO_AGENT_PREPS or (prep == "with" and (any(c.lower_ == "together" for c in word.children)
                                                          or (word.i > 0 and word.doc[word.i - 1].lower_ == "together")))


def _who_means_a_person(index: DocIndex, verb: Token, subjects: list[str]) -> list[str]:
    """"Jane Roe, a builder in Ohio, who founded Y": "who" is a person, though the parser hangs the
    clause on the nearest noun; climb from it (through "in", "of", the appositive) to the person."""
    if verb.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "whom")
                                       for c in verb.children):
        return subjects
    if not subjects or all(index.type_of(e) == PERSON for e in subjects):
        return subjects
    token = verb.head
    for _ in range(4):
        if token.head.i == token.i:
            break
        token = token.head
        people = [e for e in entities_at(index, [token]) if index.type_of(e) == PERSON]
        if people:
            return people
    return []


APOSTROPHES = {"'", "\u2019"}


def _without_misread_possessors(index: DocIndex, dobjs: list[Token]) -> list[Token]:
    """A verb's objects less a name the parser made an object of its own where a plural possessive's
    apostrophe was read as punctuation: "did not meet the Debates’ threshold" meets no one."""
    if len(dobjs) < 2:
        return dobjs
    dropped = set()
    for first, second in zip(dobjs, dobjs[1:]):
        owner = index.entity(first)
        between = first.doc[first.i + 1:second.left_edge.i]
        if owner is None or index.entity(second) is not None or not between or between[-1].text not in APOSTROPHES:
            continue
        if all(index.entity(t) == owner or t.is_punct for t in between):
            dropped.add(first.i)
    return [c for c in dobjs if c.i not in dropped]


class VerbFrame:
    """The entity arguments of one verb, with passives turned back to active."""

    def __init__(self, index: DocIndex, verb: Token):
        self.verb = verb
        self.lemma = verb.lemma_.lower()
        # the verb's children and their labels read once: each pass over Token.children walks the verb's subtree
        children = list(verb.children)
        deps = [c.dep_ for c in children]
        relative = verb.dep_ == "relcl"
        passive = is_passive(verb, children, deps)
        self.particle = next((c.lower_ for c, dep in zip(children, deps) if dep == "prt"), None)
        subjects = _who_means_a_person(index, verb, entities_at(index, clause_subjects(verb, children=children, deps=deps)))
        dobjs = _without_misread_possessors(index, [c for c, dep in zip(children, deps) if dep == "dobj"])
        objects = entities_at(index, dobjs)
        objects += [e for noun in dobjs if index.entity(noun) is None for e in _body_of(index, noun)]
        # "represents companies including Y", "sued banks such as Y": the named members of a plain noun object
        objects += [e for noun in dobjs if index.entity(noun) is None for p, o in prep_objects(noun)
                    if p in ("including", "like", "as") and (p != "as" or o.i > 1 and o.doc[o.head.i - 1].lower_ == "such")
                    for e in entities_at(index, [o]) if e not in objects]
        self.preps: list[tuple[str, str]] = []  # (preposition, entity id)
        agents: list[str] = []
        co_agents: list[str] = []
        co_patients: list[str] = []
        self.prep_pairs = prep_objects(verb, children, deps)  # every (preposition, object), entity or not
        table_nouns = index.verbs.nouns
        taken = {o.i for noun in dobjs if noun.lemma_.lower() in table_nouns
                 for p, o in preps_after_noun(noun) if _takes(table_nouns[noun.lemma_.lower()], p)}
        for prep, obj in self.prep_pairs:
            if obj.i in taken:
                continue  # "criticised Y's lawsuit against Z": the lawsuit's party, not the criticism's
            if prep == "according to":
                continue  # "According to Y, X met Z": the source of the statement (its status), no party
            for entity in entities_at(index, [obj]) or _place_of_part(index, obj) or _body_of(index, obj):
                set_off = obj.doc[obj.head.i - 2].text == ","  # ", along with W"
                if prep == "along with" and objects and obj.head.i > dobjs[-1].i and set_off:
                    # "questioned Y and Z, along with W": set off after a named object it goes on with the
                    # objects (W was questioned); "alongside W", "together with W" there still name a doer
                    co_patients.append(entity)
                elif _co_agent(prep, obj):
                    co_agents.append(entity)  # "Together with Y, X sued Z": Y sues too, and is not sued
                else:
                    (agents if prep == "by" and passive else self.preps).append((prep, entity))
        objects += [e for e in co_patients if e not in objects]
        if relative and any(c.lower_ == "where" for c in children):
            # "Rolling Fork, where X was born": the clause happens in the noun it modifies
            self.preps += [("in", e) for e in entities_at(index, [verb.head])]
        if relative and any(c.lower_ in ("which", "that", "whom", "who") for c in dobjs):
            objects = entities_at(index, [verb.head])  # "Y, which X founded": the object is Y
            subjects = entities_at(index, [c for c, dep in zip(children, deps) if dep == "nsubj"])
        if passive:
            self.agents, self.patients = [e for _, e in agents], subjects + objects
        else:
            self.agents, self.patients = subjects + [e for e in co_agents if e not in subjects], objects
        self.noun_objects = [c for c in dobjs if index.entity(c) is None]
        if relative and not passive and not dobjs and _zero_relative(verb, children, deps):
            # "a speech X delivered at Y", "the stake X sold to Y": the noun is the object the clause lacks,
            # so what follows is where or to whom, not what
            if index.entity(verb.head) is not None:
                self.patients = entities_at(index, [verb.head])
            else:
                self.noun_objects = [verb.head]

    @property
    def phrasal(self) -> str:
        """The verb with its particle, as a generic predicate names it: "single out", "tone down"; with the
        word hyphenated before it ("fact-check", "co-sponsor"): the tokenizer splits it off, and "check"
        alone would say something else (the table still matches the bare lemma: "co-founded" founds)."""
        lemma = self.lemma
        i, doc = self.verb.i, self.verb.doc
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
                and doc[i - 2].is_alpha:
            lemma = f"{doc[i - 2].lower_}-{lemma}"
        return f"{lemma} {self.particle}" if self.particle else lemma

    def prep(self, *words: str) -> list[str]:
        return [e for p, e in self.preps if p in words]

    def recipients(self, index: DocIndex) -> list[str]:
        """The indirect object: "X gave Y $10 million", "X offered Y help"."""
        return entities_at(index, indirect_objects(self.verb))

    def noun_object_preps(self, index: DocIndex, *words: str, own_only: bool = False) -> list[str]:
        """Entities in the verb's noun object: "signed a deal with Y", "held talks with Y".

        ``own_only``: not those of a thing that is someone else's ("criticised Y's complaint against Z") or
        that states a relation of its own (a lawsuit against Z: the noun's relation, graphkit_relations'
        noun rows), which are no party of this verb."""
        found = []
        nouns = index.verbs.nouns if own_only else {}
        for noun in self.noun_objects:
            if own_only and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children):
                continue
            rows = nouns.get(noun.lemma_.lower())
            for prep, obj in prep_objects(noun):
                if prep in words and not (rows and _takes(rows, prep)):
                    found.extend(entities_at(index, [obj]))
        return found


def _whole_of(index: DocIndex, noun: Token, parts: frozenset, kind: str, named: bool = False) -> list[str]:
    """The entity of ``kind`` a part noun belongs to, by its possessor (a name, if ``named``) or its "of"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in parts and noun.lower_ not in parts:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss" and (not named or c.pos_ == "PROPN")] + \
        [o for p, o in prep_objects(noun) if p == "of"]
    return [e for e in entities_at(index, owners) if index.type_of(e) == kind]


def _place_of_part(index: DocIndex, noun: Token) -> list[str]:
    """The place a part-of-a-place noun belongs to: "in Accra's eastern suburbs", "the outskirts of Y"."""
    return _whole_of(index, noun, lex.PLACE_PART_NOUNS, PLACE)


def _body_of(index: DocIndex, noun: Token) -> list[str]:
    """The organisation whose board or staff a noun is: "sits on the board of Y", "joined Y's staff"
    are Y's membership and job."""
    return _whole_of(index, noun, lex.ORG_BODY_NOUNS, ORGANIZATION, named=True)


def indirect_objects(verb: Token) -> list[Token]:
    """The verb's datives, and a name right after it that the parser hung on the object instead
    ("offered Moldova technical help" read as "Moldova" modifying "help")."""
    found = [c for c in verb.children if c.dep_ == "dative"]
    doc = verb.doc
    if verb.i + 1 < len(doc):
        after = doc[verb.i + 1]
        if after.pos_ == "PROPN" and after.dep_ in ("nmod", "compound"):
            root = after
            while root.dep_ in ("compound", "flat") and root.head.pos_ == "PROPN" and root.head.i > root.i:
                root = root.head  # "offered Papua New Guinea loans": the name's last word
            if root.dep_ == "nmod" and root.head.dep_ == "dobj" and root.head.head.i == verb.i \
                    and root.head.pos_ == "NOUN":
                found.append(root)
    return found


def pairs(verb: Token, predicate: str, rule: str, subjects: list[str], objects: list[str],
          role: str | None = None) -> Iterator[Candidate]:
    for s in subjects:
        for o in objects:
            if s != o:
                yield Candidate(s, predicate, o, verb, rule, role)


def among(verb: Token, predicate: str, rule: str, parties: list[str]) -> Iterator[Candidate]:
    """A symmetric relation between every two of ``parties`` ("X and Y signed a deal")."""
    for s, o in combinations(parties, 2):
        yield Candidate(s, predicate, o, verb, rule)


class VerbTable:
    """Verb triggers as data: graphkit/data/relation_verbs.tsv, plus any rows a user adds.

    Each row: lemma, particle ("-" for none), frame, predicate, subject roles,
    object roles (the file's header says what each means).
    """

    FRAMES = ("pair", "appoint", "direct", "kill", "meet", "agree", "lead", "join", "leave", "live", "noun")

    def __init__(self, rows: list[tuple[str, ...]]):
        self.rows: dict[tuple[str, str | None], list[VerbRow]] = {}
        self.nouns: dict[str, list[VerbRow]] = {}  # noun lemma -> its rows (frame "noun")
        self.verbs: set[str] = set()  # the lemmas of ``rows``, with or without a particle
        for row in rows:
            self.add(*row)

    def add(self, lemma: str, particle: str, frame: str, predicate: str, subject: str, obj: str) -> None:
        if frame not in self.FRAMES:
            raise ValueError(f"relation verb {lemma!r}: unknown frame {frame!r} (one of {', '.join(self.FRAMES)})")
        if predicate not in PREDICATES and not predicate.startswith(VERB_PREFIX):
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", predicate):
                raise ValueError(f"relation verb {lemma!r}: a new predicate is one word of letters, got {predicate!r}")
            predicate = CUSTOM_PREFIX + predicate
        row = VerbRow(frame, predicate, tuple(subject.split("|")), tuple(obj.split("|")))
        if frame == "noun":
            self.nouns.setdefault(lemma.lower(), []).append(row)
            return
        key = (lemma.lower(), None if particle in ("-", "") else particle.lower())
        self.rows.setdefault(key, []).append(row)
        self.verbs.add(key[0])

    def matching(self, f: VerbFrame) -> list[VerbRow]:
        """Rows for the verb with its particle first ("take over"), then for the bare verb."""
        with_particle = self.rows.get((f.lemma, f.particle), []) if f.particle else []
        return with_particle or self.rows.get((f.lemma, None), [])

    @classmethod
    def read(cls, text: str, source: str) -> list[tuple[str, ...]]:
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) != 6:
                raise ValueError(f"{source}:{number}: a relation verb needs 6 tab-separated cells "
                                 f"(lemma particle frame predicate subject object), got {len(cells)}")
            rows.append(tuple(cells))
        return rows


class VerbRow(NamedTuple):
    frame: str
    predicate: str
    subject: tuple[str, ...]
    object: tuple[str, ...]


@lru_cache(maxsize=1)
def builtin_verbs() -> tuple[tuple[str, ...], ...]:
    text = resources.files("graphkit").joinpath("data", "relation_verbs.tsv").read_text(encoding="utf-8")
    return tuple(VerbTable.read(text, "graphkit/data/relation_verbs.tsv"))


@lru_cache(maxsize=1)
def default_verbs() -> VerbTable:
    """graphkit's own verb table, built once per process."""
    return VerbTable(list(builtin_verbs()))


def role_entities(index: DocIndex, f: VerbFrame, roles: tuple[str, ...]) -> list[str]:
    """The entities in the named roles of a verb: agent, patient, or a preposition's object."""
    found: list[str] = []
    for role in roles:
        if role == "agent":
            found += f.agents
        elif role == "patient":
            found += f.patients
        elif role == "sole":  # the active subject of a verb used without an object: "Acme listed on Y"
            found += [] if f.patients or f.noun_objects else f.agents
        elif role == "recipient":
            found += f.recipients(index)
        else:
            found += f.prep(role)
    return list(dict.fromkeys(found))


def typed_verb(index: DocIndex, f: VerbFrame, table: VerbTable) -> Iterator[Candidate]:
    for row in table.matching(f):
        yield from FRAME_HANDLERS[row.frame](index, f, row)


def _pair(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    predicate = row.predicate
    if predicate == VERB_PREFIX + f.lemma and "patient" not in row.object:
        predicate = VERB_PREFIX + _with_thing(f)  # "gave Y an endorsement": "give endorsement"
    yield from pairs(f.verb, predicate, f"verb-{f.lemma}", role_entities(index, f, row.subject),
                     role_entities(index, f, row.object))


def _kill(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X killed Y"; "shot" only when "dead", "to death" or "fatally" says so; the shooter of a weapon."""
    if f.lemma == "shoot" and not _to_death(f.verb):
        return
    agents = f.agents or _instrument_users(index, f.verb) or _agent_further_down(index, f.verb)
    yield from pairs(f.verb, row.predicate, "verb-kill", agents, role_entities(index, f, row.object))


# Whom one "meets" for life: "met his wife at college" tells how they came together, not a meeting.
PARTNER_NOUNS = frozenset({noun for noun, (kind, _) in lex.KIN_NOUNS.items() if kind == "spouse"}
                          | {"girlfriend", "boyfriend", "fiancee", "fiancé", "fiancée", "fiance", "partner"})


def _meet(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X met Y", "X sat down with Y", "X held talks with Y"; "X and Y met" relates the two."""
    nouns = {n.lemma_.lower() for n in f.noun_objects}
    if f.lemma in ("hold", "have") and not nouns & lex.TALK_NOUNS:
        return
    if f.lemma == "sit" and not f.prep("with"):
        return
    patients = [] if f.lemma in ("hold", "have") else f.patients
    if f.lemma == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in PARTNER_NOUNS
                                 and any(p.dep_ == "poss" and p.tag_ == "PRP$" for p in c.children) for c in f.verb.children):
        patients = []  # "where he met his wife, Y": came to know her, the marriage is the relation
    partners = patients + f.prep("with") + f.noun_object_preps(index, "with")
    yield from pairs(f.verb, row.predicate, "verb-meet", f.agents, partners)
    if not partners:
        yield from among(f.verb, row.predicate, "verb-meet", f.agents)


def _agree(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X signed a deal with Y", "X and Y agreed on a ceasefire"; not "agreed with Y that ..."."""
    nouns = {n.lemma_.lower() for n in f.noun_objects}
    if not (nouns & lex.DEAL_NOUNS or _agreed_on_a_deal(f.verb)):
        return
    partners = f.prep("with") + f.noun_object_preps(index, "with", "between")
    yield from pairs(f.verb, row.predicate, "verb-agreement", f.agents, partners)
    yield from among(f.verb, row.predicate, "verb-agreement", f.agents)


def _lead(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X heads Y": an organisation X works for, or a place X holds office in."""
    for o in role_entities(index, f, row.object):
        predicate = "holdsOfficeIn" if index.type_of(o) == PLACE else row.predicate
        yield from pairs(f.verb, predicate, "verb-lead", role_entities(index, f, row.subject), [o])


def _join(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X joined Y" is membership; "hopes to join", "invited to join" an aspiration."""
    predicate = "seeksMembershipOf" if aspiration_context(_clause_chain(f.verb)) else row.predicate
    role = next((o for p, o in f.prep_pairs if p == "as" and descriptor_type(o) == PERSON), None)
    if predicate == "memberOf" and any(n.lemma_.lower() in lex.STAFF_BODY_NOUNS for n in f.noun_objects):
        predicate = "worksFor"  # "joined Y's staff": a job; "joined Y's board" sits on it
    for c in pairs(f.verb, predicate, "verb-join", role_entities(index, f, row.subject),
                   role_entities(index, f, row.object)):
        if role is not None and predicate == "memberOf" and index.type_of(c.subject) == PERSON:
            # "X joined Y as chief executive": a post, not a membership
            yield Candidate(c.subject, "worksFor", c.object, c.trigger, c.rule,
                            title_text(index, role_noun_title(index, role)))
        else:
            yield c


def _leave(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"Mali left the bloc", "X withdrew from Y": a country or body that leaves is no longer a member.
    A person leaving a job is the "pair" rows' former job (worksFor), told as a fact of the past."""
    agents = [e for e in role_entities(index, f, row.subject) if index.type_of(e) != PERSON]
    for c in pairs(f.verb, row.predicate, f"verb-{f.lemma}", agents, role_entities(index, f, row.object)):
        yield Candidate(c.subject, c.predicate, c.object, c.trigger, c.rule, c.role, ended=True)


def _live(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X lives in Y", "X was born in Y", "Y, where X grew up"."""
    places = role_entities(index, f, row.object)
    if f.verb.dep_ == "relcl" and any(c.lower_ == "where" for c in f.verb.children if c.dep_ == "advmod"):
        places += [e for e in entities_at(index, [f.verb.head]) if index.type_of(e) == PLACE]
    predicate = row.predicate
    if any(n.lemma_.lower() in lex.SEAT_NOUNS for n in f.noun_objects):
        predicate = "location"  # "X moved its headquarters to Y": where X is based, not where it lives
    yield from pairs(f.verb, predicate, "verb-live-in", role_entities(index, f, row.subject), places)


def _appoint(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """"X named Y (as) its chief executive", "X elected Y chair of Z": the one appointed holds the post,
    in the body the post names ("chair of Z") or else in the appointer; the post's words decide the
    predicate as a title's would (a party's candidate is its member, a minister holds office)."""
    posts = [o for p, o in f.prep_pairs if p == "as" and o.pos_ == "NOUN"] + \
        [c for c in f.verb.children if c.dep_ in ("oprd", "attr") and c.pos_ == "NOUN"]
    appointed = f.patients
    if not posts and f.recipients(index):
        # "appointed Y chief executive" read as Y modifying the post: the post is the object
        posts, appointed = [n for n in f.noun_objects if descriptor_type(n) == PERSON], f.recipients(index)
    posts = [p for p in posts if descriptor_type(p) == PERSON]
    if not posts:
        return  # "named Y" alone names; "hired Y" is a job by the "pair" row
    post = posts[0]
    bodies = [e for p, o in prep_objects(post) if p in ("of", "at", "for") for e in entities_at(index, [o])]
    bodies += [e for c in post.children if c.dep_ == "poss" and c.pos_ == "PROPN" for e in entities_at(index, [c])]
    bodies = bodies or f.agents
    words = role_noun_title(index, post)
    for person in appointed:
        if index.type_of(person) != PERSON:
            continue
        for body in bodies:
            if body != person and (found := classify_role(index, person, body, words, "appos")) is not None:
                predicate, backwards = found
                subject, obj = (body, person) if backwards else (person, body)
                yield Candidate(subject, predicate, obj, f.verb, "verb-appoint", title_text(index, words))


def _direct(index: DocIndex, f: VerbFrame, row: VerbRow) -> Iterator[Candidate]:
    """A request made to a party: "X asked Y to step down", "X called on Y to release them". Only with
    the infinitive saying what is asked: "X asked Y about it", "X told Y" report words, not an act on Y."""
    if any(c.dep_ in ("xcomp", "advcl") and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)
           for c in f.verb.children):
        yield from _pair(index, f, row)


FRAME_HANDLERS = {"appoint": _appoint, "direct": _direct, "pair": _pair, "kill": _kill, "meet": _meet, "agree": _agree, "lead": _lead, "join": _join,
                  "leave": _leave, "live": _live}


def _agreed_on_a_deal(verb: Token) -> bool:
    """"agreed on/to a ceasefire deal" is an agreement; "agreed with Y that ..." an opinion."""
    return any(p in ("on", "to", "upon") and obj.lemma_.lower() in lex.DEAL_NOUNS for p, obj in prep_objects(verb))


def _to_death(verb: Token) -> bool:
    """"shot dead", "shot to death", "fatally shot" report a killing; "shot" alone does not."""
    return any(c.lower_ in ("dead", "death", "fatally") for c in verb.subtree if c.head.i == verb.i or c.head.head.i == verb.i)


def _agent_further_down(index: DocIndex, verb: Token) -> list[str]:
    """A passive verb's "by" phrase that the parser hung on a noun below it:
    "X was shot to death in the courtyard of his building by Y"."""
    if not is_passive(verb):
        return []
    found = []
    for token in verb.subtree:
        if token.lower_ != "by" or token.dep_ not in ("prep", "agent") or token.head.i == verb.i:
            continue
        word = token.head
        while word.i != verb.i and word.pos_ in ("NOUN", "PROPN", "ADP", "PRON"):
            word = word.head
        if word.i == verb.i:  # only nouns and prepositions in between, no other verb
            found += [e for e in entities_at(index, [c for c in token.children if c.dep_ == "pobj"])
                      if index.type_of(e) == PERSON and e not in found]
    return found


def _instrument_users(index: DocIndex, verb: Token) -> list[str]:
    """Who used the thing that killed: "X fired the shots that killed Y" -> X."""
    found = []
    for subject in clause_subjects(verb):
        if index.entity(subject) is None and subject.dep_ == "dobj":
            found += entities_at(index, clause_subjects(subject.head))
    return found


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the words it is an argument of: "invited to join", "hopes to join", "bid to join"."""
    chain = [verb]
    while verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and verb.head.i != verb.i and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    return chain


def no_relation_verbs() -> frozenset[str]:
    return read_words("no_relation_verbs.txt")


# A place reached through one of these prepositions is a party ("fought with Y"); through any
# other it is where something happened ("campaigned in Iowa", "travelled to Ohio"), no relation.
PARTY_PREPOSITIONS = ("with", "against")
# With a thing as the object, only these name a second party: "sold its stake to Y", "won a contract from Y".
RECIPIENT_PREPOSITIONS = ("to", "with", "against", "from")
# Prepositions of where, which name no party of the act: "gathered around Y", "stood behind Y" (a place
# for the act, or a stance too loose to state)
PLACE_PREPOSITIONS = frozenset("around near behind beside outside inside beneath under above across along past".split())


def generic_verb(index: DocIndex, f: VerbFrame, table: VerbTable) -> Iterator[Candidate]:
    """``verb:<lemma>`` between two parties: the verb's subject and its object or a party it names."""
    if f.lemma in no_relation_verbs() or not any(ch.isalpha() for ch in f.lemma):
        return  # and no mark the tagger took for a verb ("’")
    if any(row.frame in ("meet", "agree") for row in table.matching(f)):
        return  # "met in Paris" names where, not a relation with Paris
    if any(p == "by" and (obj.like_num or any(c.like_num for c in obj.children)) for p, obj in f.prep_pairs):
        return  # "leads Y by 2 points", "beat Y by 300 votes": a score between rivals, no act between them
    objects = list(f.patients)
    # the indirect object is a party too: "X offered Y technical help", "X sent Y a letter"
    objects += [e for e in f.recipients(index) if e not in objects]
    # a party the verb acts towards: "sold its stake to Y", "filed a complaint against Y"; a place reached
    # by a preposition is where ("sent troops to Y"), and "X is known as Y" names, relates nothing
    allowed = None if not (f.noun_objects or f.patients) else RECIPIENT_PREPOSITIONS  # "backs X over Y": Y is no party
    # "X, like Y, has refused": set off before the verb, it compares the subject with Y ("than Y" always does),
    # no party; after it, "fundraised for, like Y" gives examples
    compared = {o.head.lower_ for _, o in f.prep_pairs if o.head.lower_ in ("like", "unlike")
                and 0 < o.head.i < f.verb.i and o.doc[o.head.i - 1].text == ","}
    through = {e: p for p, e in f.preps if p not in ("of", "as", "between", "among", "than") and p not in compared
               and p not in PLACE_PREPOSITIONS
               and (allowed is None or p in allowed)
               and (p in PARTY_PREPOSITIONS or index.type_of(e) != PLACE) and e not in objects}
    objects += list(through)
    # ... or hung on the thing: "filed [a complaint against Y]"
    objects += [e for e in f.noun_object_preps(index, *RECIPIENT_PREPOSITIONS, own_only=True)
                if index.type_of(e) != PLACE and e not in objects]
    yield from pairs(f.verb, VERB_PREFIX + f.phrasal, "verb-generic", f.agents, [e for e in objects if e in f.patients])
    others = [e for e in objects if e not in f.patients]
    # the party reached by a preposition names the act with it: "fired at Y" is no firing of Y, "ran against
    # Y", "voted for Y"; after the thing: "bought the mine from Y" is "buy mine from", "sold it to Y"
    thing = _with_thing(f)
    for prep in dict.fromkeys(through.get(e) for e in others):
        yield from pairs(f.verb, VERB_PREFIX + (f"{thing} {prep}" if prep else thing), "verb-generic",
                         f.agents, [e for e in others if through.get(e) == prep])
    if not objects:
        # judging what a party did or has is judging the party ("condemned Y's decision"), and those who act
        # for it stand for it under any verb ("hosted Y's president"); by name only ("his plan" mostly is the
        # subject's own); of places only a country acts ("Chile's rules"), a state's or city's thing is where
        # ("won Ohio's primary")
        stance = f.lemma in lex.STANCE_VERBS
        owners = entities_at(index, [c for n in f.noun_objects if stance or n.lemma_.lower() in lex.REPRESENTATIVE_NOUNS
                                     for c in n.children if c.dep_ == "poss" and c.pos_ == "PROPN"])
        yield from pairs(f.verb, VERB_PREFIX + f.phrasal, "verb-possessor", f.agents,
                         [e for e in owners if index.type_of(e) != PLACE or _country(index, e)])


def _with_thing(f: VerbFrame) -> str:
    """The verb with the thing it acts with, when the party is reached otherwise: "gave Y an endorsement"
    is "give endorsement", "sold its stake to Y" "sell stake", "offered advice to Y" "offer advice";
    the bare verb ("give", "offer") would state nothing."""
    things = [n for n in f.noun_objects if n.pos_ == "NOUN"]
    return f"{f.phrasal} {things[0].lemma_.lower()}" if len(things) == 1 else f.phrasal


def _country(index: DocIndex, entity: str) -> bool:
    place = gazetteer.lookup(index.entities[entity].name)
    return place is not None and place.kind == "Country"


def noun_patterns(index: DocIndex) -> Iterator[Candidate]:
    """Relations a noun of the table states: "its planned purchase of Y", "X bought a stake in Y"."""
    nouns = index.verbs.nouns
    if not nouns:
        return
    for noun in index.tokens_with_lemma(nouns):  # the doc's few nouns of the table, from the per-doc index
        if noun.pos_ != "NOUN" or index.entity(noun) is not None or not index.sentence_names_pair(noun):
            continue
        rows = nouns[noun.lemma_.lower()]
        # "a partnership agreement with Y": the kind a modifier names is a relation of the deal's parties too
        rows = rows + [row for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in nouns
                       for row in nouns[c.lemma_.lower()] if row not in rows]
        for row in rows:
            seen = set()
            subjects, objects = noun_role_entities(index, noun, row.subject), noun_role_entities(index, noun, row.object)
            if not objects and row.predicate in SYMMETRIC_PREDICATES:
                # "X and Y formed a joint venture", "X and Y announced a deal": the owners are the parties
                yield from among(noun, row.predicate, f"noun-{noun.lemma_.lower()}", subjects)
                continue
            for c in pairs(noun, row.predicate, f"noun-{noun.lemma_.lower()}", subjects, objects):
                if (c.object, c.subject) not in seen:  # "the deal between X and Y": once, not both ways
                    seen.add((c.subject, c.object))
                    yield c


# relations that hold both ways: a noun naming one of them with only its owners relates the owners
SYMMETRIC_PREDICATES = {"partner", "agreementWith", "metWith", "verb:talk"}


def noun_role_entities(index: DocIndex, noun: Token, roles: tuple[str, ...]) -> list[str]:
    """The entities in a relation noun's roles: its owner, or a preposition's object."""
    found: list[str] = []
    for role in roles:
        if role == "owner":
            found += noun_owners(index, noun)
        else:
            found += entities_at(index, [obj for prep, obj in prep_objects(noun) + preps_after_noun(noun) if prep == role])
    return list(dict.fromkeys(found))


def noun_owners(index: DocIndex, noun: Token) -> list[str]:
    """Whose the deal is: the noun's possessor or named modifier ("its purchase", "the Acme takeover"),
    its "by" ("the takeover of Y by X"), else the subject of the verb it is the object of ("X completed
    the purchase of Y")."""
    owners = entities_at(index, [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i])
    if not owners:
        owners = entities_at(index, [obj for prep, obj in prep_objects(noun) if prep == "by"])
    verb = noun.head
    if not owners and noun.dep_ == "dobj" and verb.lemma_.lower() not in lex.STANCE_VERBS:
        owners = entities_at(index, clause_subjects(verb))  # not who judges it: "criticised the lawsuit"
    return owners


def verb_patterns(index: DocIndex) -> Iterator[Candidate]:
    """Typed relations from the verb table, then generic subject-verb-object relations.

    A negated verb still states something: its status (graphkit/nlp/status.py) says it is denied.
    """
    table = index.verbs
    doc = index.doc
    silent = no_relation_verbs()
    for i in index.shared.with_pos("VERB"):  # the doc's verbs, found in C (not a test, nor a Token, per word)
        if index.entity_of.get(i):
            continue  # "Rise" in "Right to Rise USA" is part of a name, not a verb
        if not index.names_pair_at(i):
            continue  # fewer than two entities in its sentence: no pair to relate (most verbs of an article)
        verb = doc[i]
        lemma = verb.lemma_.lower()
        if lemma in silent and lemma not in table.verbs:
            continue  # no row of the table, and no generic relation ("be", "have"): no frame to read
        frame = VerbFrame(index, verb)
        if not frame.agents and not frame.patients:
            continue
        yield from typed_verb(index, frame, table)
        yield from generic_verb(index, frame, table)
