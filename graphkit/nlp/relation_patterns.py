"""The dependency patterns behind ``find_relations``.

Each pattern is a function ``(DocIndex) -> Iterable[Candidate]`` that makes
one pass over the parse. Patterns propose; ``relations.find_relations``
checks argument types, so a pattern may propose a predicate without knowing
both entities' types.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from .. import places as gazetteer
from ..model import ORGANIZATION, PERSON, PLACE
from . import relation_lexicon as lex
from .entities.evidence import descriptor_type
from .lexicon import INSTITUTION_HEADS, PLACE_KIND_NOUNS, TITLES, base_forms, is_infinitive
from .relations import Candidate, DocIndex

PREMOD_DEPS = {"compound", "amod", "nmod", "poss", "case", "npadvmod", "appos"}
# links along which a clause borrows its subject ("acomp": "X is likely to buy Y"); not "ccomp": a complement
# clause with no subject of its own is an order or a fragment ("'Never trust Y,' X said")
CLAUSE_LINKS = {"xcomp", "advcl", "conj", "pcomp", "acomp"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
BIRTH_AND_BASE = {"born", "based", "headquartered"}  # "Illinois-born X", "Frankfurt-based Y"
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "mx", "mx.", "madam"}


# ---------------------------------------------------------------- parse helpers

def with_conjuncts(token: Token) -> list[Token]:
    found = [token, *token.conjuncts]
    for child in token.children:
        # "Mali, Burkina Faso and Niger": a list the parser read as "Mali" with an appositive that has conjuncts
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            found += [child, *child.conjuncts]
    return found


def entities_at(index: DocIndex, tokens: Iterable[Token]) -> list[str]:
    """Entity ids of ``tokens`` and their conjuncts, in order, without repeats.

    A noun in apposition to an entity stands for it: in "X, a lawyer who
    works for Y" the subject of "works" is X; so does the one entity a
    descriptor noun is in apposition with: in "the firm X represents Y" the
    subject of "represents" is X; and a descriptor noun set before a name
    is that name ("the investment firm X").
    """
    found: list[str] = []
    conjoined, entity_of, with_appositive = index.conjoined, index.entity_of, index.with_appositive
    for token in tokens:
        # Token.conjuncts walks the subtree: only for a token in a coordination, or with an appositive that may be one
        for t in with_conjuncts(token) if token.i in conjoined or token.i in with_appositive else (token,):
            entity_id = entity_of.get(t.i)
            if entity_id is None:  # each label read once: a Token looks its strings up on every access
                dep = t.dep_
                if dep == "appos":
                    entity_id = entity_of.get(t.head.i)
                    if entity_id is not None and t.pos_ in ("NUM", "PRON") \
                            and _one_of_another_kind(index, t, entity_id):
                        entity_id = None  # "X, one of the states suing Y": one of the states did, not X
                if entity_id is None and t.pos_ == "NOUN":
                    if t.i in with_appositive:  # only then can a child be an appositive
                        named = {entity_of.get(c.i) for c in t.children if c.dep_ == "appos"} - {None}
                        entity_id = named.pop() if len(named) == 1 else None
                    if entity_id is None and dep == "compound":
                        entity_id = entity_of.get(t.head.i)  # "the Accra-based investment firm X": the firm is X
                    # a kind before the one its "of" names: "the town of Horsham lies in Y" (the town is the place),
                    # "X of the law firm of Y" (the firm is the body)
                    kind = None if entity_id is not None else PLACE if t.lower_ in PLACE_KIND_NOUNS \
                        else ORGANIZATION if t.tag_ == "NN" and descriptor_type(t) == ORGANIZATION else None
                    if kind is not None:
                        entity_id = next((e for p, o in prep_objects(t) if p == "of"
                                          and (e := entity_of.get(o.i)) is not None and index.type_of(e) == kind), None)
            if entity_id and entity_id not in found:
                found.append(entity_id)
                found += [e for e in index.hidden_conjuncts.get(t.i, ()) if e not in found]
    return found


def _one_of_another_kind(index: DocIndex, one: Token, entity_id: str) -> bool:
    """"one of the states", "one of the firms": an appositive "one" stands for one of the kind its "of" names,
    which the parser may hang on a neighbouring name of another type ("X, attorney general of Y, one of the
    states ..."): that name is not the one meant."""
    kinds = {descriptor_type(o) for p, o in prep_objects(one) if p == "of" and o.tag_ == "NNS"} - {None}
    return bool(kinds) and index.type_of(entity_id) not in kinds


def is_passive(verb: Token, children: list[Token] | None = None, deps: list[str] | None = None) -> bool:
    """``children`` and their ``deps``: the verb's, when the caller has read them already (``VerbFrame`` has)."""
    if any(dep in ("nsubjpass", "auxpass") for dep in (deps if children is not None else
                                                      (c.dep_ for c in verb.children))):
        return True
    # "a firm based in Y", "X won, followed by Y", "Backed by Y, X won": a participle without a subject of
    # its own is passive (not "X, who has led Y", a perfect with a subject of its own); so is one that shares
    # a passive's auxiliary ("is based in Y and listed on Z")
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "aux") for c in verb.children) or misread_finite(verb):
        return False
    return verb.dep_ in ("acl", "relcl", "advcl") or (verb.dep_ == "conj" and verb.head.tag_ == "VBN"
                                                      and is_passive(verb.head))


def misread_finite(verb: Token) -> bool:
    """"Halden Paper partnered with Y.": a sentence's only verb, right after the name that is its root, taken
    by the parser for a participle modifying the name; it is the sentence's finite verb, the name its subject."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") and verb.i == head.i + 1 \
        and not any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in head.sent)


SUBJECT_CONTROL_PREPS = {"after", "before", "since", "while", "upon", "on", "by", "without", "in", "despite",
                         "through", "when", "instead"}


def clause_subjects(verb: Token, depth: int = 0, children: list[Token] | None = None,
                    deps: list[str] | None = None) -> list[Token]:
    """Grammatical subjects of ``verb``, borrowed from the governing clause when it has none.

    ``children`` and their ``deps``: the verb's, when the caller has read them already.
    """
    if children is None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        subjects = [c for c, dep in zip(children, deps) if dep in ("nsubj", "nsubjpass")]
    if subjects:
        if verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
            if subjects[0].lower_ == "which" and verb.head.ent_type_ == "PERSON":
                return [_thing_before(subjects[0], verb.head)]  # "which" is never a person
            return [verb.head]  # "X, who heads Y": the subject is X
        return subjects
    if verb.dep_ in ("relcl", "acl"):
        owners = [c for c in verb.head.children if c.dep_ == "poss"]
        if verb.dep_ == "acl" and verb.tag_ != "VBN" and owners:
            if descriptor_type(verb.head) != PERSON:
                return owners  # "Sweden's bid to join Y": Sweden would join
            # "X's nominee to replace Y", "X's envoy to negotiate with Y": the person the noun names acts, the
            # one who chose or sent them does not; a noun after "is" is its subject's ("Z is X's nominee to ...")
            noun = verb.head
            if noun.dep_ == "attr":
                return [c for c in noun.head.children if c.dep_ == "nsubj"]
            return [noun]
        if depth < 3 and is_infinitive(verb) and (holder := _aim_holder(verb.head)) is not None:
            # (the parser calls some such infinitives relative clauses)
            return clause_subjects(holder, depth + 1)  # "X announced a plan to buy Y": X would buy
        return [verb.head]
    if depth < 3 and verb.dep_ in CLAUSE_LINKS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":  # "acted alone in killing Y": in -> acted
            head = head.head
        # object control: "invited X to join", "barred X from entering", "criticised X for killing Y";
        # not "after leaving Y, X ...", where time or manner prepositions leave the subject in charge
        if verb.dep_ == "xcomp" or (verb.dep_ == "pcomp" and verb.head.lower_ not in SUBJECT_CONTROL_PREPS):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if not objects and verb.dep_ == "xcomp":  # "called on X to stop", "relied upon X to sign": X acts
                objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                           for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
            if objects:
                return objects
        return clause_subjects(head, depth + 1)
    return []


PLURAL_TITLES = {"sens.", "sens", "senators", "reps.", "reps", "representatives", "govs.", "governors", "mayors",
                 "ministers", "lawmakers", "congressmen", "congresswomen"}


def _shared_role(index: DocIndex, root: Token) -> list[Token]:
    """The role a list of people shares: "Sens. X of Ohio and Y of Maine" (Y is a senator too),
    "senators like X of Ohio", "two governors, X of Ohio and Y of Maine"."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not root:
        titles = [t for t in first.lefts if t.dep_ == "compound" and t.lower_ in PLURAL_TITLES]
        if titles:
            return titles
    head = first.head
    if first.dep_ == "pobj" and head.lower_ in ("like", "as", "including"):
        head = head.head if head.lower_ != "as" else head.head.head  # "such as": such <- as
    elif first.dep_ != "appos":
        return []
    if head.pos_ == "NOUN" and head.tag_ == "NNS" and descriptor_type(head) == PERSON and index.entity(head) is None:
        return [head]
    return []


def _thing_before(relative: Token, head: Token) -> Token:
    """"X, president of the Union of Y, which endorsed Z": the parser hung the clause on the person; the
    thing "which" stands for is the noun right before it (else the head the parser gave)."""
    k = relative.i - 1
    while k > head.i and relative.doc[k].is_punct:
        k -= 1
    before = relative.doc[k]
    return before if k > head.i and before.pos_ in ("NOUN", "PROPN") and before.ent_type_ != "PERSON" else head


def _aim_holder(noun: Token) -> Token | None:
    """The verb whose subject has the aim a noun names: "X announced [a plan to buy Y]", "X has no plans
    to join Y", "X is in talks to buy Y". Only verbs of having or making one's own aim: who rejects or
    approves a plan to buy Y is not the buyer."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lex.AIM_HOLDING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_ == "be":
        return head.head
    return None


def prep_objects(head: Token, children: list[Token] | None = None, deps: list[str] | None = None) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``head``; "agent" is reported as "by".

    ``children`` and their ``deps``: the head's, when the caller has read them already.
    """
    pairs = []
    if children is None:
        children = list(head.children)
        deps = [c.dep_ for c in children]
    for prep, dep in zip(children, deps):
        if dep not in ("prep", "agent", "dative"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                pairs.append((prep.lower_, obj))
            elif obj.dep_ == "prep":  # "out of", "next to"
                pairs.extend((f"{prep.lower_} {o_prep}", o) for o_prep, o in prep_objects(prep))
    return pairs


def aspiration_context(tokens: Iterable[Token]) -> bool:
    """Whether any of the words, or their modals and modifiers, state a wish rather than a fact."""
    for token in tokens:
        if any(form in lex.ASPIRATION_WORDS for form in base_forms(token)):
            return True  # "hopes to join", which the lemmatizer reads as "hop"
        for child in token.children:
            if child.dep_ in ("aux", "amod", "advmod") and (
                    child.lower_ in lex.MODALS or child.lemma_.lower() in lex.ASPIRATION_WORDS):
                return True
    return False


def governing_chain(token: Token, limit: int = 4) -> list[Token]:
    """``token`` and the words above it, up to the nearest verb."""
    chain = [token]
    while token.head.i != token.i and len(chain) <= limit:
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX"):
            break
    return chain


# ---------------------------------------------------------------- roles

def premodifier_block(index: DocIndex, span, root: Token | None = None) -> list[Token]:
    """Contiguous modifiers right before a mention that hang off its head, left to right.

    "NATO Secretary-General [Jens Stoltenberg]" -> NATO, Secretary, -, General.
    A line break or a spaced dash ends the block, so a dateline is never read as a title.
    ``root``: the span's root, when the caller has it (``Span.root`` searches the span on every access).
    """
    root = span.root if root is None else root
    # the doc's columns: no Token, and no set of the root's whole subtree, per word tried; Tokens for the block only
    shared = index.shared
    texts, deps, spaces = shared.texts, shared.deps, shared.spaces
    k = span.start - 1
    first = shared.sentence_start[root.i]
    while k >= first:
        if shared.is_space[k] or "\n" in spaces[k] or not descends_from(shared.heads, k, root.i):
            break
        text = texts[k]
        if text in "-–—" and spaces[k] and k > 0 and spaces[k - 1]:
            break  # a dash set off by spaces ends what came before: "OSLO, Norway - President X"
        if deps[k] in PREMOD_DEPS or (deps[k] == "punct" and text in "-–"):
            k -= 1
        else:
            break
    return [index.doc[i] for i in range(k + 1, span.start)]


def descends_from(heads: list[int], i: int, root: int) -> bool:
    """Is token ``i`` in the subtree of token ``root`` (``heads``: each token's head, as ``DocFacts.heads``)?"""
    while i != root:
        if heads[i] == i:
            return False  # a sentence root, and not ``root``
        i = heads[i]
    return True


def related_in(index: DocIndex, tokens: list[Token], own: str, anchors: set[int] | None = None) -> tuple[list[str], list[Token]]:
    """Split modifier tokens into related entities (names and demonyms) and title words.

    With ``anchors`` (token indices of the name and its title head), a name only
    counts when it modifies one of them: in "Phoenix newspaper reporter X",
    Phoenix modifies the newspaper, not X.
    """
    related: list[str] = []
    title: list[Token] = []
    for token in tokens:
        entity_id = index.entity(token)
        if entity_id is None and token.text[:1].isupper() and (token.ent_type_ == "NORP" or token.pos_ in ("ADJ", "PROPN")
                                                               or token.lower_ in INSTITUTION_HEADS):
            word, before = token.text, token.doc[token.i - 1] if token.i > 0 else None
            if before is not None and before.text[:1].isupper() and gazetteer.demonym(f"{before.text} {word}"):
                word = f"{before.text} {word}"  # "South Korean" is South Korea's, not Korea's
            elif before is not None and before.text[:1].isupper() and gazetteer.demonym(before.text) \
                    and gazetteer.demonym(word):
                continue  # "Mexican American", "African American": a heritage, not where one lives
            entity_id = index.country_for_demonym(word)
            if entity_id is None and token.lower_ in INSTITUTION_HEADS:
                entity_id = index.organisation_by_head(token.lower_)  # "Council President X": the one council
            if entity_id is None and token.ent_type_ == "NORP":
                continue  # a demonym of a country the article does not name: no title word either
        if entity_id is not None:
            head = index.mention_root(token).head
            if entity_id != own and entity_id not in related and (anchors is None or head.i in anchors):
                related.append(entity_id)
            title = []  # the title is what stands between the last name and the person
        elif token.lower_ in HONORIFICS:
            continue
        elif token.pos_ in ("NOUN", "PROPN", "ADJ") or token.text in "-–" or token.lower_ in BIRTH_AND_BASE:
            title.append(token)
        elif token.dep_ in ("case", "det"):
            title = []
    return related, title


def title_text(index: DocIndex, title: list[Token]) -> str | None:
    if not title:
        return None
    text = index.text[title[0].idx:title[-1].idx + len(title[-1])]
    text = text.strip(" -–")
    return text or None


def role_noun_title(index: DocIndex, noun: Token) -> list[Token]:
    """A role noun with its title modifiers: "the Secretary-General" -> Secretary, -, General."""
    words = [noun]
    k = noun.i - 1
    while k >= index.sentence(noun).start:
        token = index.doc[k]
        if token.head.i not in {w.i for w in words} or index.entity(token) or token.ent_type_ == "NORP":
            break
        if token.dep_ not in ("compound", "amod", "npadvmod") and not (token.dep_ == "punct" and token.text in "-–"):
            break  # ("npadvmod": "secretary" in "secretary-general" parsed as two words)
        words.insert(0, token)
        k -= 1
    return words


# Nouns for the people of a place, which a place before them makes a home: "a Houston Democrat", "an Ohio voter"
PLACE_PEOPLE = {"democrat", "republican", "independent", "conservative", "liberal", "progressive", "voter",
                "resident", "native", "local"}
# Party members: "Democrat of Vermont" (with "of") names whom a legislator sits for; "a Democrat from
# Vermont" may be any voter
PARTY_PEOPLE = {"democrat", "republican", "independent"}


def classify_role(index: DocIndex, entity: str, other: str, words: list[Token], via: str,
                  demonym: bool = False) -> tuple[str, bool] | None:
    """Predicate linking ``entity`` to ``other`` through role words, and whether it points back.

    ``via`` says how they are linked: "premod", "poss", "appos" or a preposition;
    ``demonym`` that ``other`` was named by its adjective ("Ukrainian").
    """
    lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    if words:
        lemmas.add((title_text(index, words) or "").lower())  # "front-runner" spans three tokens
        if words[0].i > 0:  # "Whitefish City Attorney X": the word before may be the place name's last
            lemmas.add(f"{words[0].doc[words[0].i - 1].lower_} {words[0].lower_}")
    e_type, o_type = index.type_of(entity), index.type_of(other)
    if lemmas & lex.NOT_A_ROLE:
        return None
    if lemmas & lex.KILLER_NOUNS:
        return "killed", False
    in_law = any(x.endswith("in-law") for x in lemmas) or any(
        w.doc[w.i + 1:w.i + 5].text.replace(" ", "") == "-in-law" for w in words[-1:])
    kin = [] if in_law else [lex.KIN_NOUNS[w] for w in lemmas if w in lex.KIN_NOUNS]  # a son-in-law is no son
    if kin and e_type == PERSON and o_type == PERSON and via in ("poss", "premod", "of", "appos"):
        return kin[0][0], not kin[0][1]  # "X's wife, Y" -> Y spouse X; "X's father Y" -> X parent Y
    if lemmas & lex.SPEAKING_FOR_NOUNS and e_type == PERSON and o_type == PERSON and via in ("poss", "premod", "of", "for"):
        return "represents", False  # "X's lawyer, Y", "Y, a spokeswoman for X": Y speaks for X
    if lemmas & lex.PERSONAL_STAFF_NOUNS and e_type == PERSON and o_type == PERSON and via in ("poss", "premod", "of", "to", "for"):
        return "aideTo", False  # "X's bodyguard, Y", "Y, an aide to X": Y works for the person X
    if lemmas & lex.FOUNDER_NOUNS:
        return "founder", True
    if lemmas & lex.OWNER_NOUNS and o_type != PLACE:
        return "owns", False  # (a place before an owner says where X is from: "American investor X")
    if lemmas & lex.PARENT_ORG_NOUNS and e_type == ORGANIZATION:
        return "parentOrganization", True
    if lemmas & lex.CHILD_ORG_NOUNS and e_type == ORGANIZATION and o_type == ORGANIZATION:
        return "parentOrganization", False
    if e_type == ORGANIZATION and o_type == ORGANIZATION and via == "of" and not words \
            and index.entities[entity].name.split()[-1].lower() in lex.BODY_NOUNS:
        return "parentOrganization", False  # "Queens College of the City University of New York"
    if lemmas & lex.SEEKER_NOUNS:
        return "seeksMembershipOf", False
    if lemmas & lex.MEMBER_NOUNS and o_type == ORGANIZATION:
        return "memberOf", False
    if "native" in lemmas and e_type == PERSON and o_type == PLACE:
        return "birthPlace", False  # "a native of Ohio", "an Ohio native": where X comes from, not lives
    if lemmas & lex.CITIZEN_NOUNS and e_type == PERSON and o_type == PLACE:
        return "nationality", False  # "a U.S. citizen", "a citizen of Chile": a nationality, not a home
    if lemmas & lex.RESIDENT_NOUNS and o_type == PLACE:
        return "homeLocation", False
    if e_type == PLACE and o_type == PLACE:
        return ("containedInPlace", False) if lemmas & lex.SUBPLACE_NOUNS or via in ("in", "poss") else None
    if e_type == ORGANIZATION and o_type == PLACE:
        if via == "in" or (via == "premod" and not words):
            # "ISIS in Syria": active there, not necessarily based there; so is a party or body with a place
            # set right before its name ("the Indiana GOP"): its branch there ("the Houston law firm X" is based)
            return "hasPresenceIn", False
        return ("location", False) if via in ("premod", "poss", "appos", "of") else None
    if e_type == ORGANIZATION and o_type == PERSON and via == "poss" and not words \
            and index.entities[entity].name.split()[-1].lower() in lex.FOLLOWER_BODY_NOUNS:
        return "memberOf", True  # "X's Labour Party", "X's Mineworkers Union": X belongs to it
    if e_type == PERSON and o_type == ORGANIZATION:
        if lemmas & lex.PARTY_ROLE_NOUNS:
            return "memberOf", False  # "GOP frontrunner X" belongs to the party, is not employed by it
        other_words = index.entities[other].name.lower().split()
        if (other_words[-1] in lex.MEMBER_BODY_NOUNS and not lemmas & lex.STAFF_NOUNS and (words or via in ("of", "on"))) \
                or (not words and via == "poss" and (other_words[-1] in lex.FOLLOWER_BODY_NOUNS
                                                      or set(other_words) & lex.PARTY_NAMES)):
            # "a Democrat on the Intelligence Committee" sits on it, works for no one; so does "the GOP's X"
            return "memberOf", False
        # a body's own person, named with no title ("the Tribune's Ana Lind"), is its staff
        return ("worksFor", False) if words or via in ("of", "at", "from", "for", "with", "poss") else None
    if e_type == PERSON and o_type == PLACE:
        if lemmas & lex.OFFICE_TITLES and via in ("premod", "appos", "of", "from"):
            return "holdsOfficeIn", False  # "a congressman from Georgia" sits for it, whatever his home
        if lemmas & PARTY_PEOPLE and via == "of":
            return "holdsOfficeIn", False  # "Sen. X, Republican of Iowa": the press's formula for a legislator
        if via == "premod":
            # "American novelist X" says where X is from; "Jerusalem editor X" only where X works
            # "Atlanta businessman X"; "a Houston Democrat": one of a place's people or voters
            townsman = any(w.lower_.endswith(("man", "woman")) or w.lemma_.lower() in PLACE_PEOPLE for w in words[-1:])
            if "born" in lemmas:
                return "birthPlace", False  # "Leeds-born X"
            return ("homeLocation", False) if demonym or townsman or lemmas & BIRTH_AND_BASE else None
        return ("homeLocation", False) if via in ("of", "from") or (via == "in" and words) else None
    return None


def role_candidate(index: DocIndex, entity: str, other: str, words: list[Token], via: str,
                   trigger: Token, rule: str, demonym: bool = False) -> Iterator[Candidate]:
    found = classify_role(index, entity, other, words, via, demonym)
    if found is None:
        return
    predicate, backwards = found
    role = title_text(index, words) if predicate in ("worksFor", "holdsOfficeIn", "memberOf") else None
    subject, obj = (other, entity) if backwards else (entity, other)
    yield Candidate(subject, predicate, obj, trigger, rule, role)


def linked_role_nouns(index: DocIndex, root: Token, children: list[Token] | None = None,
                      deps: list[str] | None = None) -> Iterator[tuple[Token, str]]:
    """Nouns that describe the entity headed by ``root``: appositions and predicates of its clause.

    ``children`` and their ``deps``: the root's, when the caller has read them already.
    """
    if children is None:
        children = list(root.children)
        deps = [c.dep_ for c in children]
    dep = root.dep_
    for child, child_dep in zip(children, deps):
        if child_dep == "appos" and index.entity(child) is None:
            if _across_semicolon(root, child):
                continue  # "X; Y's wife, Z; and others": items of a list, each its own
            if _after_another_name(index, root, child):
                continue  # "X, the foreign minister of France, a permanent member of Y": France is the member
            if any(listed_with_common_words(index, t) for left in child.lefts for t in left.subtree):
                continue  # "the X Party, the Y Committee and state election offices": a list, not a description
            yield child, "appos"
            yield from ((role, "appos") for role in _coordinated_roles(index, child))
        elif child_dep in ("nmod", "compound") and child.i < root.i and child.pos_ == "NOUN" \
                and index.entity(child) is None and any(t.text == "," for t in root.doc[child.i + 1:root.i]):
            yield child, "appos"  # "Y's secretary-general, X, said": an apposition the parser hung on the name
    if dep == "appos" and index.entity(root.head) is None and (root.head.pos_ in ("NOUN", "PROPN")
                                                                or _hyphenated(root.head)) \
            and not _across_semicolon(root, root.head):
        yield root.head, "appos"  # "the CEO of Y, X"; "Y's secretary-general, X" (its last part tagged ADJ)
    holder = root.head
    if dep == "appos" and index.type_of(index.entity(root)) == PERSON and index.entity(holder) is not None \
            and holder.dep_ == "pobj" \
            and holder.head.dep_ == "prep" and holder.head.head.pos_ == "NOUN" and index.entity(holder.head.head) is None:
        # "a spokesperson for Y, X, said": the parser hangs X on Y, the nearest noun; X is the spokesperson
        yield holder.head.head, "appos"
    verbs = [c for c, child_dep in zip(children, deps) if child_dep == "relcl"]  # "X, who is the CEO of Y"
    if dep in ("nsubj", "nsubjpass"):
        verbs.append(root.head)  # "X is the CEO of Y", "X was named CEO of Y"
    elif dep == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") and index.entity(root.head) is None:
        verbs.append(root.head.head)  # "Dole's wife, Elizabeth, is a native of Y": the name is the subject's
    for verb in verbs:
        linking = verb.lemma_ in ("be", "become", "remain", "name", "appoint", "elect", "serve", "act", "work")
        for child in verb.children:
            if linking and child.dep_ in ("attr", "oprd") and index.entity(child) is None:
                yield child, "appos"
        for prep, obj in prep_objects(verb):
            # "X serves as chairman of Y"; with any verb when the noun is a role: "took over as chief executive of Y"
            if prep == "as" and index.entity(obj) is None and (linking or _is_role_noun(obj)):
                yield obj, "appos"


def _after_another_name(index: DocIndex, root: Token, appositive: Token) -> bool:
    """An appositive right after another name than the one it hangs on (a comma between) describes that name,
    when that name ends the description before it ("the foreign minister of France"); not a name's own
    place ("X of Oklahoma, an ally of Y", "X (R-Iowa), chairman of Y")."""
    k = appositive.left_edge.i - 1
    doc = root.doc
    while k > root.i and doc[k].is_punct:
        k -= 1
    before = index.entity(doc[k]) if k > root.i else None
    if before is None or before == index.entity(root):
        return False
    name = index.mention_root(doc[k])
    return name.dep_ == "pobj" and name.head.head.i != root.i and name.head.head.dep_ == "appos"


def listed_with_common_words(index: DocIndex, token: Token) -> bool:
    """A name joined by "and" to common words: "the DCCC and state election offices", a list the parser
    read as one noun whose modifiers are the name and those words."""
    return index.entity(token) is not None and any(
        g.dep_ == "conj" and g.is_lower and index.entity(g) is None for g in token.children)


def _across_semicolon(a: Token, b: Token) -> bool:
    doc = a.doc
    return any(t.text == ";" for t in doc[min(a.i, b.i) + 1:max(a.i, b.i)])


def _hyphenated(token: Token) -> bool:
    """The last part of a hyphenated title the tagger calls an adjective ("general" in "secretary-general")."""
    return token.pos_ == "ADJ" and any(c.text in "-–" for c in token.children)


def _is_role_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and (descriptor_type(token) == PERSON or token.lemma_.lower() in TITLES)


def _coordinated_roles(index: DocIndex, noun: Token) -> list[Token]:
    """"X, chair of Y and a director of Z": the second role, whether the parser joins it to the first
    role or to the name inside the first ("Y ... and a director")."""
    found = [c for c in noun.children if c.dep_ == "conj"]
    found += [c for _, obj in prep_objects(noun) for c in obj.children if c.dep_ == "conj"]
    return [c for c in found if index.entity(c) is None and _is_role_noun(c)]


def _role_noun_preps(index: DocIndex, noun: Token) -> list[tuple[str, Token]]:
    """Prepositional objects of a role noun, and of the noun after its "of":
    "vice president of programs for Y" reaches Y through "programs"."""
    found = []
    for prep, obj in prep_objects(noun):
        found.append((prep, obj))
        if prep == "of" and index.entity(obj) is None:
            # "deputy leader of the Y parliamentary group", "head of Y's research unit"
            owners = [c for c in obj.children if c.dep_ in ("compound", "poss", "nmod")
                      and (e := index.entity(c)) is not None and index.type_of(e) == ORGANIZATION]
            # "Y (its full name) group": the name in parentheses is the same body
            owners += [a for c in owners for a in c.children if a.dep_ == "appos" and index.entity(a) is not None]
            found += [("of", c) for c in owners]
            # "one of the leading experts in Y" is in Y as much as "an expert in Y"
            wanted = ("for", "at", "with", "in") if noun.lower_ == "one" else ("for", "at", "with")
            found += [(p, o) for p, o in prep_objects(obj) if p in wanted and index.entity(o)]
    return found


def _attached_by(index: DocIndex, tokens: list[Token], entity: str) -> str | None:
    """The dependency label that attaches ``entity``'s mention among ``tokens``."""
    for token in tokens:
        if index.entity(token) == entity:
            return index.mention_root(token).dep_
    return None


def role_patterns(index: DocIndex) -> Iterator[Candidate]:
    """Titles and roles: "NATO Secretary-General X", "X, the Y of Z", "Y X of Z", "X is a member of Z"."""
    for entity, span in index.mention_spans:
        root = span.root
        block = premodifier_block(index, span, root)
        if block:  # most mentions have no modifier before them: nothing to relate, no title
            _, title = related_in(index, block, entity)
            anchors = set(range(span.start, span.end)) | {t.i for t in title[-1:]}
            related, title = related_in(index, block, entity, anchors)
        else:
            related, title = [], []
        for other in related:
            via = "poss" if not title and _attached_by(index, block, other) == "poss" else "premod"
            demonym = not any(index.entity(t) == other for t in block)
            yield from role_candidate(index, entity, other, title, via, root, "role-premodifier", demonym)
        if root.pos_ == "NOUN" and not block and (root.dep_ == "appos" or (
                root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT" and index.type_of(entity) == PERSON)):
            # a description standing for the entity holds names of its own: "the Tampere lender" (a bank),
            # "the Ohio senator" (a person): they relate to it as a title before its name would. Only where
            # whom it stands for is surest: beside the name, or a person's epithet as the subject that goes
            # on with the topic ("the Ohio advocacy group" as a subject is as often a body not named)
            inner = [t for t in root.lefts if t.i >= span.start and t.dep_ in PREMOD_DEPS]
            for other in (related_in(index, inner, entity)[0] if inner else ()):
                yield from role_candidate(index, entity, other, role_noun_title(index, root), "premod", root,
                                          "role-description")
        # a mention that is a description ("the mayor of Y", the article's words for X) is its own role
        role_words = title or ([root] if root.pos_ == "NOUN" and descriptor_type(root) == PERSON else []) \
            or _shared_role(index, root)
        children = list(root.children)  # read once for both passes below: Token.children walks the subtree
        deps = [c.dep_ for c in children]
        # the parser hangs a phrase after "X and <noun>" on X: "the DCCC and election offices in Ohio" has
        # offices in Ohio; after a conjunct that is a name it may be both's, and stays X's
        unnamed_conjunct = min((c.i for c, dep in zip(children, deps) if dep == "conj" and c.pos_ == "NOUN"
                                and index.entity(c) is None), default=len(root.doc))
        for prep, obj in prep_objects(root, children, deps):  # "Jens Stoltenberg of NATO", "diver X of Millinocket"
            if obj.i > unnamed_conjunct:
                continue
            others = entities_at(index, [obj])
            if not others and prep == "of" and obj.pos_ == "NOUN":  # "X, of Y's legal department"
                others = [e for e in entities_at(index, [c for c in obj.children if c.dep_ == "poss"])
                          if index.type_of(e) == ORGANIZATION]
            for other in others:
                if other != entity:
                    yield from role_candidate(index, entity, other, role_words, prep, root, "role-of")
        for noun, via in linked_role_nouns(index, root, children, deps):
            for item in with_conjuncts(noun):  # "vice president and columnist for Y"
                if item is not noun and index.entity(item) is not None:
                    continue  # "two governors, X of Ohio and Y of Maine": the names listed are no roles of X
                if item is not noun and any(c.dep_ == "appos" and index.entity(c) not in (None, entity)
                                            for c in item.children):
                    continue  # "his wife, X, and the deputy minister, Y": a role with its own name is that one's
                words = role_noun_title(index, item) if item.pos_ in ("NOUN", "PROPN") or _hyphenated(item) else []
                if item.lower_ == "one":  # "one of the leading experts": the role is "experts"
                    of = [obj for prep, obj in prep_objects(item) if prep == "of" and obj.pos_ == "NOUN"]
                    words = role_noun_title(index, of[0]) if of else words
                mods, _ = related_in(index, [t for t in item.lefts if t.dep_ in PREMOD_DEPS], entity)
                for other in mods:
                    yield from role_candidate(index, entity, other, words, "premod", item, "role-apposition")
                for prep, obj in _role_noun_preps(index, item):
                    for other in entities_at(index, [obj]):
                        if other != entity:
                            yield from role_candidate(index, entity, other, words, prep, item, "role-apposition")
