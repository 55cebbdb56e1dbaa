"""Noun-centred patterns: membership, presence of an organization somewhere,
places inside places, and bodies named after their organization.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from .. import places as gazetteer
from ..model import ORGANIZATION, PERSON, PLACE
from . import relation_lexicon as lex
from .relation_patterns import (aspiration_context, clause_subjects, entities_at, governing_chain, is_passive,
                                listed_with_common_words, prep_objects)
from .relations import Candidate, DocIndex

OWNER_DEPS = ("compound", "poss", "nmod", "amod")


def owner_entities(index: DocIndex, noun: Token, preps=("of", "in", "to")) -> list[str]:
    """Entities a noun belongs to: "NATO membership", "membership in NATO", "NATO's command"."""
    # not a name joined by "and" to common words before the noun: "the DCCC and state election offices"
    # is a list the parser read as one noun with two modifiers
    modifiers = [c for c in noun.children if c.dep_ in OWNER_DEPS]
    listed = {index.entity(c) for c in modifiers if listed_with_common_words(index, c)}
    found = [e for e in entities_at(index, modifiers) if e not in listed]
    for prep, obj in prep_objects(noun):
        if prep in preps:
            found += [e for e in entities_at(index, [obj]) if e not in found]
    return found


# ---------------------------------------------------------------- membership

def membership_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"X's membership in Y", "moving X closer to Y membership", "X's bid for Y membership"."""
    for noun in index.tokens_with_lemma(lex.MEMBERSHIP_NOUNS):
        if index.entity(noun):
            continue
        orgs = [e for e in owner_entities(index, noun) if index.type_of(e) == ORGANIZATION]
        chain = governing_chain(noun)
        for word in chain[1:]:
            if orgs:
                break
            # "aspirations for membership in Y", "accession talks with Y": Y hangs off a word above
            orgs = [e for _, obj in prep_objects(word) if _ in ("in", "of", "to", "with")
                    for e in entities_at(index, [obj]) if index.type_of(e) == ORGANIZATION]
        members = _members(index, noun, chain, orgs)
        if not orgs or not members:
            continue
        seeking = noun.lemma_.lower() == "accession" or aspiration_context(chain)
        predicate = "seeksMembershipOf" if seeking else "memberOf"
        for member in members:
            for org in orgs:
                if member != org:
                    yield Candidate(member, predicate, org, noun, "membership-noun")


def _members(index: DocIndex, noun: Token, chain: list[Token], orgs: list[str]) -> list[str]:
    """Who the membership is of: a possessive on the noun or on a word above it,
    else the object or subject of the governing verb."""
    for word in chain:
        owners = entities_at(index, [c for c in word.children if c.dep_ == "poss"])
        owners = [e for e in owners if e not in orgs]
        if owners:
            return owners
        if word.pos_ in ("VERB", "AUX"):
            break
        # "moving X closer to membership": X hangs off "closer" when the parse is unsure
        owners = entities_at(index, [c for c in word.children if c.dep_ in ("npadvmod", "dobj")])
        if owners:
            return owners
    verb = chain[-1]
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    objects = entities_at(index, [c for c in verb.children if c.dep_ == "dobj"])
    if objects:
        return objects
    subjects = entities_at(index, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
    return subjects


def member_group_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"NATO members such as X", "X and other NATO member states"."""
    for noun in index.tokens_with_lemma(lex.MEMBER_GROUP_NOUNS):
        if index.entity(noun):
            continue
        words = {t.lemma_.lower() for t in noun.lefts} | {noun.lemma_.lower()}
        if not words & lex.MEMBER_NOUNS - {"ally"} and "member" not in words:
            continue  # "states" alone is no membership; "member states" is
        heads = [noun, *(c for c in noun.children if c.dep_ == "compound")]  # "NATO member states"
        orgs = [e for h in heads for e in owner_entities(index, h, preps=("of",)) if index.type_of(e) == ORGANIZATION]
        if not orgs:
            continue
        members = [e for p, obj in prep_objects(noun) if p in ("as", "such as", "including", "like")
                   for e in entities_at(index, [obj])]
        if any(c.lower_ == "other" for c in noun.lefts) and noun.dep_ == "conj":
            members += entities_at(index, [noun.head])  # "X and other NATO members"
        for member in members:
            for org in orgs:
                yield Candidate(member, "memberOf", org, noun, "member-group")


def killing_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"the assassination of X by Y", "X's murder by Y"."""
    for noun in index.tokens_with_lemma(lex.KILL_NOUNS):
        if noun.pos_ != "NOUN":
            continue
        victims = entities_at(index, [c for c in noun.children if c.dep_ == "poss"])
        killers = []
        for prep, obj in prep_objects(noun):
            if prep == "of":
                victims += entities_at(index, [obj])
            elif prep == "by":
                killers += entities_at(index, [obj])
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for", "in", "to") else None
        if not killers and verb is not None and verb.lemma_.lower() in lex.CULPRIT_VERBS:
            # "X was convicted of Y's murder": the one held to account is the killer
            held = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
            killers = entities_at(index, held)
        elif not killers and verb is not None and verb.lemma_.lower() in lex.ANSWERING_VERBS:
            killers = entities_at(index, [c for c in verb.children if c.dep_ == "nsubj"])  # "X is serving 99 years for"
        for killer in killers:
            for victim in victims:
                yield Candidate(killer, "killed", victim, noun, "killing-noun")


def charge_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"X is in charge of Y", "X took charge of Y", "X at the helm of Y": X leads Y.

    The leader is the subject of the verb the phrase belongs to (or the
    object, for "put X in charge of Y"); an organisation led is worked for,
    a place led is an office held there.
    """
    for noun in index.tokens_with_lemma(lex.CHARGE_NOUNS):
        if index.entity(noun):
            continue
        led = [e for p, obj in prep_objects(noun) if p == "of" for e in entities_at(index, [obj])]
        if not led:
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "in charge of" / "took charge of"
        leaders = [e for e in entities_at(index, clause_subjects(verb)) if index.type_of(e) == PERSON]
        if verb.lemma_.lower() in ("put", "place", "leave") or not leaders:
            leaders = [e for e in entities_at(index, [c for c in verb.children if c.dep_ == "dobj"])
                       if index.type_of(e) == PERSON] or leaders
        for leader in leaders:
            for other in led:
                predicate = "holdsOfficeIn" if index.type_of(other) == PLACE else "worksFor"
                yield Candidate(leader, predicate, other, noun, "in-charge-of", role="in charge")


def based_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"the Munich-based group", "Frankfurt-based Y": an organization's seat as an adjective."""
    for token in index.tokens_with_lemma(("based", "headquartered"), by="lower"):
        if token.dep_ not in ("amod", "acl", "compound"):
            continue
        places = [e for e in entities_at(index, [c for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")])
                  if index.type_of(e) == PLACE]
        if token.dep_ == "acl":  # "a start-up based in Helsinki", "an agronomist based in Canberra"
            places += [e for p, obj in prep_objects(token) if p in ("in", "at") for e in entities_at(index, [obj])
                       if index.type_of(e) == PLACE and e not in places]
        noun = token.head
        described = entities_at(index, [noun])  # the noun it modifies, or the entity that noun stands for
        if not described and noun.dep_ == "appos":
            described = entities_at(index, [noun.head])  # "X, a start-up based in Y": the name the noun describes
        for entity in described:
            predicate = {ORGANIZATION: "location", PERSON: "homeLocation"}.get(index.type_of(entity))
            for place in places:
                if predicate:
                    yield Candidate(entity, predicate, place, token, "place-based")


def home_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"X's New Jersey home", "X's home in Y", "Y, X's hometown", "X won his native Y"."""
    natives = {t.head.i for t in index.tokens_with_lemma(("native",), by="lower") if t.dep_ == "amod"}
    homes = {t.i for t in index.tokens_with_lemma(lex.HOME_NOUNS)}
    for noun in (index.doc[i] for i in sorted(homes | natives)):  # the only tokens either test below can pass
        is_home = noun.lemma_.lower() in lex.HOME_NOUNS and not index.entity(noun)
        native_place = index.entity(noun) and any(c.lower_ == "native" for c in noun.children if c.dep_ == "amod")
        if not (is_home or native_place):
            continue
        people = [e for e in _possessors(index, noun) if index.type_of(e) == PERSON]
        if native_place:
            places = [index.entity(noun)]
        else:
            places = entities_at(index, [c for c in noun.children if c.dep_ in ("compound", "nmod")])
            places += [e for p, obj in prep_objects(noun) if p in ("in", "of") for e in entities_at(index, [obj])]
            if noun.dep_ == "appos":
                places += entities_at(index, [noun.head])
        for person in people:
            for place in places:
                if index.type_of(place) == PLACE:
                    yield Candidate(person, "homeLocation", place, noun, "home-noun")


def _possessors(index: DocIndex, noun: Token) -> list[str]:
    """Whose the noun is: a possessive name, or for "his"/"her" the subject of the clause."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    found = entities_at(index, owners)
    if not found and any(c.lower_ in ("his", "her") for c in owners):
        word = noun
        while word.head.i != word.i and word.pos_ not in ("VERB", "AUX"):
            word = word.head
        found = entities_at(index, clause_subjects(word))
    return found


# ---------------------------------------------------------------- presence

def presence_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"a new NATO command at a headquarters in Germany", "Y's plant in Z"."""
    for noun in index.tokens_with_lemma(lex.PRESENCE_NOUNS):
        if index.entity(noun):
            continue
        orgs = [e for e in owner_entities(index, noun, preps=("of",)) if index.type_of(e) == ORGANIZATION]
        setter = _setting_up_verb(noun)
        if not orgs and setter is not None:
            orgs = [e for e in entities_at(index, clause_subjects(setter)) if index.type_of(e) == ORGANIZATION]
        if not orgs:
            continue
        places = _places_under(index, noun)
        # "Kestrel's Leeds plant": a place named before the unit
        places += [e for e in entities_at(index, [c for c in noun.children if c.dep_ in ("compound", "nmod")
                                                 and c.i < noun.i]) if index.type_of(e) == PLACE and e not in places]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.SETUP_VERBS:
            # "runs its European operations from Dublin", "opened an office last year in Lagos":
            # the place hangs from the verb that sets the unit up
            for prep, obj in prep_objects(noun.head):
                if prep in ("in", "at", "from", "near"):
                    places += [e for e in entities_at(index, [obj]) if index.type_of(e) == PLACE and e not in places]
        near = _place_after(index, noun.i + 1, ("in", "at"))
        if near and near not in places:  # "at X headquarters in nearby Y", whatever "in" hangs from
            places.append(near)
        seat = noun.lemma_.lower() in lex.SEAT_NOUNS or (noun.lemma_.lower() == "office" and any(
            c.lower_ == "head" and c.dep_ in ("amod", "compound") for c in noun.children))  # "its head office in Y"
        predicate = "location" if seat else "hasPresenceIn"
        for org in orgs:
            for place in places:
                yield Candidate(org, predicate, place, noun, "presence-noun")


def unit_member_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"X has a freight unit, which includes Y", "X's division comprises Y and Z": what an organisation's
    unit includes is part of the organisation."""
    for verb in index.tokens_with_lemma(("include", "comprise", "contain")):
        if verb.pos_ != "VERB":
            continue
        unit = verb.head if verb.dep_ == "relcl" else next((s for s in clause_subjects(verb) if s.pos_ == "NOUN"), None)
        if unit is None or unit.pos_ != "NOUN" or unit.lemma_.lower() not in lex.CHILD_ORG_NOUNS or index.entity(unit):
            continue
        owners = [e for e in owner_entities(index, unit, preps=("of",)) if index.type_of(e) == ORGANIZATION]
        if not owners and unit.dep_ == "dobj" and unit.head.lemma_.lower() in ("have", "own", "run", "operate"):
            owners = [e for e in entities_at(index, clause_subjects(unit.head)) if index.type_of(e) == ORGANIZATION]
        members = [e for c in verb.children if c.dep_ == "dobj" for e in entities_at(index, [c])
                   if index.type_of(e) == ORGANIZATION]
        for owner in owners:
            for member in members:
                yield Candidate(member, "parentOrganization", owner, verb, "unit-includes")


def _setting_up_verb(noun: Token) -> Token | None:
    """The verb whose subject has the unit: "opened a plant", "has operations", "invest in a plant"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.SETUP_VERBS:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "into") and prep.head.lemma_.lower() in lex.INVEST_VERBS:
        return prep.head
    return None


def employer_place_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"Kestrel employs 900 people in Leeds": an organisation employing people in a place is present there."""
    for verb in index.tokens_with_lemma(("employ",)):
        orgs = [e for e in entities_at(index, clause_subjects(verb)) if index.type_of(e) == ORGANIZATION]
        if not orgs or is_passive(verb):
            continue
        places = [e for p, obj in prep_objects(verb) if p in ("in", "at", "across")
                  for e in entities_at(index, [obj]) if index.type_of(e) == PLACE]
        places += [e for obj in verb.children if obj.dep_ == "dobj" for p, o in prep_objects(obj)
                   if p in ("in", "at", "across") for e in entities_at(index, [o]) if index.type_of(e) == PLACE]
        for org in orgs:
            for place in dict.fromkeys(places):
                yield Candidate(org, "hasPresenceIn", place, verb, "employer-place")


def listed_place_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"the Andean Group (Bolivia, Peru and Ecuador)": the places in parentheses after an
    organization's name are where it is present."""
    doc = index.doc
    for entity, span in index.mention_spans:
        if index.type_of(entity) != ORGANIZATION or span.end >= len(doc) or doc[span.end].text != "(":
            continue
        places, i = [], span.end + 1
        while i < len(doc) and doc[i].text != ")":
            other = index.entity(doc[i])
            if other is not None and index.type_of(other) == PLACE:
                if other not in places:
                    places.append(other)
            elif not (doc[i].text == "," or doc[i].lower_ in ("and", "or")):
                places = []
                break
            i += 1
        if i < len(doc) and doc[i].text == ")":
            for place in places:
                yield Candidate(entity, "hasPresenceIn", place, span.root, "org-place-list")


def fronted_place_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"In Y, the X agency said ...": a sentence set in a place, with an organization
    as its subject, has the organization present there."""
    doc = index.doc
    for sent in index.sentences:
        first = sent.start
        while first < sent.end and (doc[first].is_punct or doc[first].is_space):
            first += 1
        if first + 2 >= sent.end or doc[first].lower_ != "in":
            continue
        place = index.entity(doc[first + 1])
        if place is None or index.type_of(place) != PLACE:
            continue
        span = next(s for s in index.spans_of(place) if s.start <= first + 1 < s.end)
        if span.start != first + 1 or span.end >= sent.end or doc[span.end].text != "," \
                or doc[first].head.i != sent.root.i:
            continue
        for org in entities_at(index, clause_subjects(sent.root)):
            if index.type_of(org) == ORGANIZATION:
                yield Candidate(org, "hasPresenceIn", place, doc[first], "fronted-place")


def _places_under(index: DocIndex, noun: Token, depth: int = 0) -> list[str]:
    """Places a noun is "in" or "at", also through a second facility noun."""
    places = []
    preps = prep_objects(noun)
    if noun.dep_ == "dobj":  # "set up a command at Y", "opened a plant in Y"
        preps += prep_objects(noun.head)
    for prep, obj in preps:
        located = prep in ("in", "at", "near", "outside", "across", "throughout")
        # down through facility nouns: "a plant on the site of a former factory in Y"
        through = (located or prep == "on" or (prep == "of" and depth > 0)) and obj.lemma_.lower() in lex.PRESENCE_NOUNS
        found = [e for e in entities_at(index, [obj]) if index.type_of(e) == PLACE] if located else []
        if found:
            places += found
        elif through and depth < 2:
            places += _places_under(index, obj, depth + 1)
    return places


# ---------------------------------------------------------------- places

def place_patterns(index: DocIndex) -> Iterator[Candidate]:
    """"Paris, France", "the plant, in Aiken" and "A in B": a place named with the place that holds it."""
    doc = index.doc
    by_start = {span.start: (entity, span) for entity, span in index.mention_spans}
    for entity, span in index.mention_spans:
        if index.type_of(entity) != PLACE:
            continue
        root = span.root  # found once: Span.root searches the span on every access
        nxt = span.end
        if nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].lower_ == "in":
            # "the Palace of Fine Arts, in San Francisco", "near Horsham, in western Victoria": never a list
            outer = _place_after(index, nxt + 1, ("in",))
            if outer and outer != entity and may_contain(index, outer, entity):
                yield Candidate(entity, "containedInPlace", outer, span.root, "place-comma-place")
        elif nxt + 1 < len(doc) and doc[nxt].text == ",":
            outer, outer_span = by_start.get(nxt + 1, (None, None))
            if outer and index.type_of(outer) == PLACE and outer != entity and not _in_list(index, span, outer_span) \
                    and not _modifies_next_noun(outer_span):
                yield Candidate(entity, "containedInPlace", outer, root, "place-comma-place")
        for prep, obj in prep_objects(root):
            if prep == "in":
                for outer in entities_at(index, [obj]):
                    if index.type_of(outer) == PLACE:
                        yield Candidate(entity, "containedInPlace", outer, root, "place-in-place")
        # "from Kassala in eastern Sudan", "Mohammadia, south-east Algeria": read off the words
        # when the parser hangs "in" elsewhere
        outer = _place_after(index, nxt, ("in",) if nxt < len(doc) and doc[nxt].lower_ == "in" else (",",))
        if outer and outer != entity and may_contain(index, outer, entity) \
                and (doc[nxt].text != "," or any(w.lower_ in lex.COMPASS_WORDS for w in doc[nxt + 1:nxt + 2])):
            for inner in [*_listed_before(index, span), entity]:  # "A, B and C counties in Y"
                if inner != outer and may_contain(index, outer, inner):
                    yield Candidate(inner, "containedInPlace", outer, root, "place-in-place")
        for owner in entities_at(index, [c for c in root.children if c.dep_ == "poss"]):
            # "Louisiana's Cameron Parish"
            if index.type_of(owner) == PLACE and owner != entity and may_contain(index, owner, entity):
                yield Candidate(entity, "containedInPlace", owner, root, "place-possessive-place")
        head = root.head
        if root.dep_ == "compound" and head.lemma_.lower() in lex.SUBPLACE_NOUNS | lex.TERRAIN_NOUNS:
            # "Portugal's Algarve region": the region's owner holds the place
            owners = entities_at(index, [c for c in head.children if c.dep_ == "poss"])
            for outer in owners:
                if index.type_of(outer) == PLACE:
                    yield Candidate(entity, "containedInPlace", outer, head, "place-possessive-place")




def _place_after(index: DocIndex, i: int, words: tuple[str, ...]) -> str | None:
    """The place named right after token ``i`` when it is one of ``words``, across
    compass words and "the": "in eastern Sudan", "in nearby Y", ", south-east Y"."""
    doc = index.doc
    if i >= len(doc) or doc[i].lower_ not in words:
        return None
    j = i + 1
    while j < len(doc) and j <= i + 4 and (doc[j].lower_ in lex.COMPASS_WORDS or doc[j].lower_ == "the"
                                           or (doc[j].text == "-" and j > i + 1 and doc[j - 1].lower_ in lex.COMPASS_WORDS)):
        j += 1  # "in eastern Sudan", ", south-east Algeria"
    if j + 1 < len(doc) and doc[j].lower_ in lex.PART_NOUNS and doc[j + 1].lower_ == "of" and j > i + 1:
        j += 2  # "in the southeastern part of Y"
    elif j < len(doc) and doc[j].lower_ == "of" and doc[j - 1].lower_ in lex.PART_NOUNS and doc[j - 2].lower_ == "the":
        j += 1  # "in the east of Y": the compass word is the part
    entity = index.entity(doc[j]) if j < len(doc) else None
    if entity is None or index.type_of(entity) != PLACE:
        return None
    start = next((s.start for s in index.spans_of(entity) if s.start <= j < s.end), None)
    return entity if start == j else None


def _listed_before(index: DocIndex, span) -> list[str]:
    """Places listed right before ``span``, joined by commas and "and": "A, B and [C]"."""
    doc, found, k = index.doc, [], span.start - 1
    while k >= 0:
        token = doc[k]
        if token.text == "," or token.lower_ in ("and", "or") or token.lower_ in lex.COMPASS_WORDS:
            k -= 1
            continue
        entity = index.entity(token)
        if entity is None or index.type_of(entity) != PLACE:
            if token.lower_ in ("in", "of") and k > 0 and index.entity(doc[k - 1]) is not None:
                return []  # "A in B, C in D and E in F": pairs, not a list
            break
        start = next(s.start for s in index.spans_of(entity) if s.start <= k < s.end)
        if entity not in found:
            found.insert(0, entity)
        k = start - 1
    return found if found and doc[span.start - 1].lower_ in ("and", "or") or any(
        doc[j].lower_ in ("and", "or") for j in range(max(span.start - 3, 0), span.start)) else []


_PLACE_RANK = {"City": 0, "State": 1, "Country": 2}


def may_contain(index: DocIndex, outer: str, inner: str) -> bool:
    """Can ``outer`` hold ``inner``? Not when the gazetteer ranks ``inner`` as large or larger
    ("Iran in Syria"), and a country is held by no place named in news."""
    a, b = gazetteer.lookup(index.entities[inner].name), gazetteer.lookup(index.entities[outer].name)
    if a is not None and a.kind == "Country":
        return False
    return a is None or b is None or _PLACE_RANK[a.kind] < _PLACE_RANK[b.kind]


def _modifies_next_noun(span) -> bool:
    """"in Kharkiv, Ukrainian officials said": the second name modifies a noun after it."""
    root = span.root
    return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i >= span.end


def _in_list(index: DocIndex, first, second) -> bool:
    """Whether "A, B" is part of a list ("France, Germany and Italy") rather than "town, state"."""
    doc = index.doc
    places = index.place_tokens
    before = doc[first.start - 1] if first.start > 0 else None
    after = doc[second.end] if second.end < len(doc) else None
    if before is not None and (before.lower_ in ("and", "or") or (before.text == "," and first.start > 1 and doc[first.start - 2].i in places)):
        return True
    def place_at(i: int) -> bool:  # "and (the) Y": a list goes on only with another place
        i += i < len(doc) and doc[i].lower_ == "the"
        return i < len(doc) and i in places
    if after is not None and (after.lower_ in ("'s",) or after.text == "'"):
        return True
    if after is not None and after.lower_ in ("and", "or"):
        # not "in Aiken, South Carolina and employs ...", but "the Middle East, China and elsewhere", "..., Peru
        # and other countries": a list goes on with another place, or with where else
        nxt = doc[second.end + 1] if second.end + 1 < len(doc) else None
        return place_at(second.end + 1) or (nxt is not None and (nxt.pos_ == "ADV" or nxt.lower_ == "other"))
    if after is not None and after.text == "," and second.end + 1 < len(doc):
        following = doc[second.end + 1]
        return (following.lower_ in ("and", "or") and place_at(second.end + 2)) or following.i in places
    return False


def sentence_closure(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """Carry a relation up to the container named in the same sentence:
    A in B, B in C -> A in C ("the plant, in Aiken, S.C."); X lives in B, B in C -> X lives in C;
    X works for B, B part of C -> X works for C ("a professor at Queens College of CUNY")."""
    containers = {"containedInPlace": ("containedInPlace", "homeLocation", "birthPlace", "location", "hasPresenceIn"),
                  # a member of a body need not be a member of its parent (Ukraine sits on the NATO-Ukraine Council)
                  "parentOrganization": ("parentOrganization", "worksFor")}
    for link, carried in containers.items():
        yield from _carry(index, candidates, link, carried)


def _carry(index: DocIndex, candidates: list[Candidate], link: str, carried: tuple[str, ...]) -> Iterator[Candidate]:
    inside = [c for c in candidates if c.predicate == link]
    for first in [c for c in candidates if c.predicate in carried]:
        for second in inside:
            if first.object == second.subject and index.sentence_of[first.trigger.i] == index.sentence_of[second.trigger.i] \
                    and first.subject != second.object:
                yield Candidate(first.subject, first.predicate, second.object, first.trigger,
                                first.rule + "+contained", first.role)


def dateline_patterns(index: DocIndex) -> Iterator[Candidate]:
    """A news dateline, "BANGKOK, Thailand (AP) --": the agency reports from those places."""
    for sent in index.sentences:
        places: list[str] = []
        for token in sent:
            entity = index.entity(token)
            if entity and index.type_of(entity) == PLACE:
                if entity not in places:
                    places.append(entity)
            elif entity and index.type_of(entity) == ORGANIZATION:
                if places and _agency_marked(index, entity, token):
                    for place in places:
                        yield Candidate(entity, "hasPresenceIn", place, token, "dateline")
                break
            elif not (token.is_punct or token.is_space or token.ent_type_ in ("DATE", "CARDINAL") or token.like_num):
                break


def _agency_marked(index: DocIndex, entity: str, token: Token) -> bool:
    """Whether the organization's mention stands in parentheses or before a dash, as agencies do."""
    span = next(s for s in index.spans_of(entity) if s.start <= token.i < s.end)
    doc = index.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return (before == "(" and after == ")") or after in ("--", "—", "–")


# ---------------------------------------------------------------- names

def _name_words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.casefold())
    return words[1:] if words[:1] == ["the"] else words


def org_place_name_patterns(index: DocIndex) -> Iterator[Candidate]:
    """An organization named for its country or city: "Haitian Parliament", "Bank of Norway"; with a
    demonym, only a state's body ("American Action Forum" says nothing of where it is)."""
    places = [(e, _name_words(e.name)) for e in index.entities.values() if e.type == PLACE]  # once, not per org
    for org in index.entities.values():
        if org.type != ORGANIZATION or not org.mentions:
            continue
        words = _name_words(org.name)
        first = org.name.split()[0] if org.name.split() else ""
        for place, place_words in places:
            named_of = len(words) > len(place_words) + 1 and words[-len(place_words) - 1:] == ["of", *place_words]
            if named_of or (len(words) > 1 and words[-1] in lex.STATE_BODY_NOUNS
                            and gazetteer.is_demonym_of(first, place.name)):
                span = next(iter(index.spans_of(org.id)), None)
                if span is not None:
                    yield Candidate(org.id, "location", place.id, span.root, "org-named-for-place")


def name_patterns(index: DocIndex) -> Iterator[Candidate]:
    """An organization whose name holds another's as whole words is a body of it
    ("Alpha-Beta Council" holds "Alpha")."""
    orgs = [(e, _name_words(e.name)) for e in index.entities.values() if e.type == ORGANIZATION and e.mentions]
    for body, body_words in orgs:  # each name split once, not once per pair
        if not body_words or body_words[-1] not in lex.BODY_NOUNS:
            continue  # the test below, ahead of the loop: no part of such a name is its parent
        for parent, words in orgs:
            if parent is body or not words or len(words) >= len(body_words):
                continue
            if body_words[-1] not in lex.BODY_NOUNS or body_words[-1] in words:
                continue  # "New York Daily News" holds "Daily News" but is no body of it
            if len(words) == 1 and (body_words[0] != words[0] or len(body_words) < 3):
                continue  # a one-word parent opens a longer name ("NATO" of "NATO-Ukraine Council"); "Hofstra"
                #          beside "Hofstra University" is its short name, "National" inside a name no body
            if any(body_words[i:i + len(words)] == words for i in range(len(body_words) - len(words) + 1)):
                span = next(iter(index.spans_of(body.id)), None)
                if span is not None:
                    yield Candidate(body.id, "parentOrganization", parent.id, span.root, "name-contains-org")
