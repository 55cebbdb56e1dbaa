"""Verb patterns: a subject entity, a verb, and an object entity.

Typed verbs (kill, meet, sign a deal, found, acquire, join, head, work for,
be based in, live in ...) give typed predicates; any other verb between two
entities gives ``verb:<lemma>``, except light and speech verbs.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Token

from ..model import PERSON, PLACE
from ..predicates import VERB_PREFIX
from . import relation_lexicon as lex
from .relation_patterns import (aspiration_context, clause_subjects, entities_at, is_negated,
                                is_passive, phrase_particle, prep_objects)
from .relations import Candidate, DocIndex


class VerbFrame:
    """The entity arguments of one verb, with passives turned back to active."""

    def __init__(self, index: DocIndex, verb: Token):
        self.verb = verb
        self.lemma = verb.lemma_.lower()
        self.particle = phrase_particle(verb)
        subjects = entities_at(index, clause_subjects(verb))
        objects = entities_at(index, [c for c in verb.children if c.dep_ == "dobj"])
        self.preps: list[tuple[str, str]] = []  # (preposition, entity id)
        agents: list[str] = []
        for prep, obj in prep_objects(verb):
            for entity in entities_at(index, [obj]):
                (agents if prep == "by" and is_passive(verb) else self.preps).append((prep, entity))
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            # "Rolling Fork, where X was born": the clause happens in the noun it modifies
            self.preps += [("in", e) for e in entities_at(index, [verb.head])]
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that", "whom", "who")
                                        for c in verb.children):
            objects = entities_at(index, [verb.head])  # "Y, which X founded": the object is Y
            subjects = entities_at(index, [c for c in verb.children if c.dep_ == "nsubj"])
        if is_passive(verb):
            self.agents, self.patients = [e for _, e in agents], subjects + objects
        else:
            self.agents, self.patients = subjects, objects
        self.noun_objects = [c for c in verb.children if c.dep_ == "dobj" and index.entity(c) is None]

    def prep(self, *words: str) -> list[str]:
        return [e for p, e in self.preps if p in words]

    def noun_object_preps(self, index: DocIndex, *words: str) -> list[str]:
        """Entities in the verb's noun object: "signed a deal with Y", "held talks with Y"."""
        found = []
        for noun in self.noun_objects:
            for prep, obj in prep_objects(noun):
                if prep in words:
                    found.extend(entities_at(index, [obj]))
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


def typed_verb(index: DocIndex, f: VerbFrame) -> Iterator[Candidate]:
    lemma, verb = f.lemma, f.verb
    nouns = {n.lemma_.lower() for n in f.noun_objects}
    if lemma in lex.KILL_VERBS or (lemma == "shoot" and _to_death(verb)):
        agents = f.agents or _instrument_users(index, verb) or _agent_further_down(index, verb)
        yield from pairs(verb, "killed", "verb-kill", agents, f.patients)
    elif lemma in lex.MEET_VERBS or (lemma, f.particle) in lex.MEET_PHRASAL or (lemma == "sit" and f.prep("with")) \
            or (nouns & lex.TALK_NOUNS and lemma in ("hold", "have")):
        partners = f.patients + f.prep("with") + f.noun_object_preps(index, "with")
        yield from pairs(verb, "metWith", "verb-meet", f.agents, partners)
        if not partners:
            yield from among(verb, "metWith", "verb-meet", f.agents)
    elif lemma in lex.AGREE_VERBS and (nouns & lex.DEAL_NOUNS or _agreed_on_a_deal(verb)):
        partners = f.prep("with") + f.noun_object_preps(index, "with", "between")
        yield from pairs(verb, "agreementWith", "verb-agreement", f.agents, partners)
        yield from among(verb, "agreementWith", "verb-agreement", f.agents)
    elif lemma in lex.FOUND_VERBS:
        yield from pairs(verb, "founder", "verb-found", f.patients, f.agents)
    elif lemma in lex.ACQUIRE_VERBS or (lemma, f.particle) in lex.ACQUIRE_PHRASAL:
        yield from pairs(verb, "acquired", "verb-acquire", f.agents, f.patients)
    elif lemma in lex.OWN_VERBS:
        yield from pairs(verb, "owns", "verb-own", f.agents, f.patients)
    elif lemma in lex.LEAD_VERBS:
        for o in f.patients:
            predicate = "holdsOfficeIn" if index.type_of(o) == PLACE else "worksFor"
            yield from pairs(verb, predicate, "verb-lead", f.agents, [o])
    elif lemma in lex.EMPLOY_VERBS:
        yield from pairs(verb, "worksFor", "verb-employ", f.patients, f.agents)
    elif lemma in lex.WORK_VERBS:
        yield from pairs(verb, "worksFor", "verb-work-for", f.agents, f.prep("for", "at", "with", "in"))
    elif lemma in lex.JOIN_VERBS:
        predicate = "seeksMembershipOf" if aspiration_context(_clause_chain(verb)) else "memberOf"
        yield from pairs(verb, predicate, "verb-join", f.agents, f.patients)
    elif lemma in lex.BASE_VERBS:
        yield from pairs(verb, "location", "verb-based-in", f.patients + f.agents, f.prep("in", "at"))
    elif lemma in lex.LIVE_VERBS and (lemma != "grow" or f.particle == "up"):
        places = f.prep("in", "at")
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children if c.dep_ == "advmod"):
            places += [e for e in entities_at(index, [verb.head]) if index.type_of(e) == PLACE]  # "Y, where X was born"
        yield from pairs(verb, "homeLocation", "verb-live-in", f.agents + f.patients, places)


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


def generic_verb(index: DocIndex, f: VerbFrame) -> Iterator[Candidate]:
    if f.lemma in lex.LIGHT_VERBS or f.lemma in lex.SPEECH_VERBS:
        return
    if f.lemma in lex.MEET_VERBS or f.lemma in lex.AGREE_VERBS:
        return  # "met in Paris" names where, not a relation with Paris
    objects = list(f.patients)
    if not f.noun_objects:
        # "sent troops to Y" is about the troops; "X is known as Y" names, relates nothing
        objects += [e for p, e in f.preps if p not in ("of", "as", "between", "among")]
    yield from pairs(f.verb, VERB_PREFIX + f.lemma, "verb-generic", f.agents, objects)


def verb_patterns(index: DocIndex) -> Iterator[Candidate]:
    for verb in index.doc:
        if verb.pos_ != "VERB" or is_negated(verb) or index.entity(verb):
            continue  # "Rise" in "Right to Rise USA" is part of a name, not a verb
        frame = VerbFrame(index, verb)
        if not frame.agents and not frame.patients:
            continue
        yield from typed_verb(index, frame)
        yield from generic_verb(index, frame)
