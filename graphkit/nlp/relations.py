"""Typed, directed relations between entities from dependency patterns.

``find_relations`` builds one index from tokens to entities (through the
mention offsets the entity resolver gives), runs every pattern over the
parse, checks the argument types each predicate allows, marks relations
stated inside a direct quote as the speaker's claim, and keeps one relation
per sentence. Co-occurrence alone never makes a relation: every pattern
needs a syntactic link between the two entities.

The patterns live beside this module:

- ``relation_patterns``  parse helpers; roles and titles ("NATO Secretary-General X",
  "X, the CEO of Y", "Y X of Z", "X is a member of Y")
- ``relation_frames``    noun frames: membership and aspiration, units in places,
  "A, B" places, killings, homes, datelines, bodies named after their organization
- ``relation_verbs``     subject-verb-object, typed (kill, meet, sign, found, buy,
  join, head, base, live ...) or ``verb:<lemma>``
- ``relation_lexicon``   the word lists and demonyms they share
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Token

from .. import places as gazetteer
from ..model import DIRECT, FACT, NEGATED, ORGANIZATION, PERSON, PLACE, Entity, Quote, Relation, Span
from ..data import read_rows, read_table, read_words
from ..predicates import CUSTOM_PREFIX, PREDICATES, VERB_PREFIX
from . import relation_lexicon as lex
from .lexicon import TITLES
from .references import clearly_most
from .shared import facts
from .status import statement_status

ANY = (PERSON, ORGANIZATION, PLACE)
PARTY = ANY
# Argument types each typed predicate accepts: (subject types, object types).
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "worksFor": ((PERSON,), (ORGANIZATION,)),
    "holdsOfficeIn": ((PERSON,), (PLACE,)),
    "memberOf": (ANY, (ORGANIZATION,)),
    "seeksMembershipOf": ((ORGANIZATION, PLACE), (ORGANIZATION,)),
    "location": ((ORGANIZATION,), (PLACE,)),
    "hasPresenceIn": ((ORGANIZATION,), (PLACE,)),
    "containedInPlace": ((PLACE,), (PLACE,)),
    "homeLocation": ((PERSON,), (PLACE,)),
    "birthPlace": ((PERSON,), (PLACE,)),
    "nationality": ((PERSON,), (PLACE,)),
    "parentOrganization": ((ORGANIZATION,), (ORGANIZATION,)),
    "owns": ((PERSON, ORGANIZATION), (ORGANIZATION, PLACE)),
    "acquired": ((PERSON, ORGANIZATION), (ORGANIZATION, PLACE)),
    "founder": ((ORGANIZATION,), (PERSON, ORGANIZATION, PLACE)),  # countries found alliances
    "metWith": (PARTY, PARTY),
    "agreementWith": (PARTY, PARTY),
    "killed": ((PERSON,), (PERSON,)),
    "partner": ((ORGANIZATION, PLACE), (ORGANIZATION, PLACE)),
    "listedOn": ((ORGANIZATION,), (ORGANIZATION,)),
    "represents": ((PERSON, ORGANIZATION), ANY),
    "aideTo": ((PERSON,), (PERSON,)),
    "spouse": ((PERSON,), (PERSON,)),
    "parent": ((PERSON,), (PERSON,)),
    "sibling": ((PERSON,), (PERSON,)),
}


# Counts of a plural description that stands for a group just listed ("the three countries", "both companies").
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "2": 2, "3": 3, "4": 4, "5": 5}


@dataclass(frozen=True)
class Candidate:
    """A relation a pattern proposes, before type checks and quote marking."""

    subject: str
    predicate: str
    object: str
    trigger: Token  # the word that states the relation (verb, role noun, ...)
    rule: str
    role: str | None = None
    ended: bool = False  # the relation held and the text says it ended ("X left Y"): denied as of now


class DocIndex:
    """Token -> entity lookups for one document, built once."""

    def __init__(self, doc: Doc, entities: list[Entity], references: list[dict] = (), verbs=None):
        from .relation_verbs import default_verbs

        self.doc = doc
        self.verbs = verbs if verbs is not None else default_verbs()
        shared = facts(doc)  # Doc.text and Token.sent are recomputed on every call: the doc's shared facts
        self.shared = shared
        self.text = shared.text
        self.sentences = shared.sentences
        self.sentence_of: list[int] = shared.sentence_of  # token index -> position in self.sentences
        self.conjoined = shared.conjoined  # the tokens with conjuncts (relation_patterns.entities_at)
        self.with_appositive = shared.heads_of("appos")  # the tokens with an appositive (entities_at too)
        self.entities = {e.id: e for e in entities}
        self._named_sentences: set[int] | None = None  # sentences holding two entities, when first asked
        self._demonym_places: dict[str, str | None] = {}  # see country_for_demonym
        self.entity_of: dict[int, str] = {}  # token index -> entity id
        self.mention_spans: list[tuple[str, object]] = []  # (entity id, spaCy Span)
        self._spans_of: dict[str, list] | None = None  # entity id -> its spans, when first asked (spans_of)
        covered: dict[int, int] = {}  # token index -> length of the mention that claimed it
        for entity in entities:
            for mention in entity.mentions:
                span = shared.char_span(mention.start, mention.end)
                if span is None or len(span) == 0:
                    continue
                self.mention_spans.append((entity.id, span))
                size = len(span)
                for i in range(span.start, span.end):
                    # The shortest mention wins: in a descriptor mention such as
                    # "the Oslo-based carmaker", "Oslo" is still the city.
                    if i not in covered or size < covered[i]:
                        covered[i] = size
                        self.entity_of[i] = entity.id
        # the reference layer's pronouns and descriptions stand for their entities: "It opened a plant in Ohio"
        for ref in references:
            if ref["kind"] == "title":
                continue  # "X, the chief executive of Y": the role noun is what the role patterns read
            span = doc.char_span(ref["start"], ref["end"], alignment_mode="expand")
            # a description may hold a name of its own ("the Osaka-based shipbuilder"): the name keeps its
            # tokens, the description's head and the rest stand for the entity it refers to
            if span is None or ref["entity"] not in self.entities or span.root.i in self.entity_of:
                continue
            if ref["text"].lower() in UNSURE_PRONOUNS and not self._speaker_of_own_clause(span.root, ref["entity"]):
                continue
            after = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
            if ref["kind"] == "description" and self.entity_of.get(after) == ref["entity"]:
                continue  # "the Houston law firm X": the name is there; its description's words are title words
            self.mention_spans.append((ref["entity"], span))
            for i in range(span.start, span.end):
                self.entity_of.setdefault(i, ref["entity"])
        self.counted_groups = self._counted_groups()
        for i, group in self.counted_groups.items():
            self.entity_of[i] = group[0]  # the rest joins it as conjuncts do (hidden_conjuncts)

    def _counted_groups(self) -> dict[int, list[str]]:
        """"Mali, Burkina Faso and Niger formed Y. The three countries left Z": a counted plural description
        stands for the group of that many entities of its type listed just before (in its sentence or the
        two before it), the nearest such list; "both companies" counts two."""
        from .entities.evidence import descriptor_type

        shared, doc, found = self.shared, self.doc, {}
        for k in shared.having(COUNT_WORDS, by="lower"):  # the doc's few count words, from the string index
            i = shared.heads[k]
            if shared.deps[k] not in ("nummod", "det", "predet") or shared.tags[i] != "NNS" \
                    or shared.pos[i] != "NOUN" or i in self.entity_of or i in found:
                continue
            token = doc[i]
            if not (shared.lowers[k] == "both" or any(c.lower_ in ("the", "these", "those") for c in token.children)):
                continue
            kind = descriptor_type(token)
            if kind is None:
                continue
            first = self.sentences[max(0, self.sentence_of[i] - 2)].start
            heads = sorted((t for t in self.conjoined if first <= t < i and shared.deps[t] != "conj"), reverse=True)
            for head in heads:  # the nearest list first
                listed = sorted((doc[head], *doc[head].conjuncts), key=lambda t: t.i)
                group = list(dict.fromkeys(e for t in listed if (e := self.entity_of.get(t.i)) is not None))
                if len(group) == COUNT_WORDS[shared.lowers[k]] and all(self.entities[e].type == kind for e in group):
                    found[i] = group
                    break
        return found

    @cached_property
    def hidden_conjuncts(self) -> dict[int, list[str]]:
        """Names the parser hung inside the name after "and" ("Halden Paper and Corvo Logistics formed ...",
        read as one noun phrase with "Halden Paper" a modifier of "Logistics"): each token of the second
        name -> the names so joined there (there only: the same entity elsewhere in the article has its own)."""
        found: dict[int, list[str]] = {}
        shared, entity_of = self.shared, self.entity_of
        heads = shared.heads
        for i, lower in enumerate(shared.lowers):
            if lower not in ("and", "&") or i == 0 or i + 1 >= shared.size:
                continue
            first, second = entity_of.get(i - 1), entity_of.get(i + 1)
            if first is None or second is None or first == second or shared.deps[i - 1] == "conj":
                continue
            start = i - 1
            while start > 0 and entity_of.get(start - 1) == first:
                start -= 1
            end = i + 1
            while end + 1 < shared.size and entity_of.get(end + 1) == second:
                end += 1
            # the first name's own head lies inside the second name: a modifier of it, in the parse
            roots = [t for t in range(start, i) if not start <= heads[t] < i]
            if roots and all(i < heads[t] <= end for t in roots):
                for t in range(i + 1, end + 1):
                    found.setdefault(t, []).append(first)
        for t, group in self.counted_groups.items():
            found.setdefault(t, []).extend(group[1:])
        return found

    @cached_property
    def dateline_places(self) -> set[str]:
        """Places named only in a dateline ("HEMPSTEAD, N.Y. ― If it worked ..."): where the story was
        filed, never a party of what the sentence after it says (``entities.spans.is_dateline``)."""
        from .entities.spans import is_dateline

        shared = facts(self.doc)
        found = set()
        for entity in self.entities.values():
            spans = [shared.char_span(m.start, m.end) for m in entity.mentions]
            if entity.type == PLACE and spans and all(s is not None and is_dateline(self.doc, s.start, s.end)
                                                      for s in spans):
                found.add(entity.id)
        return found

    @cached_property
    def place_tokens(self) -> set[int]:
        """The tokens of the places' mentions (``relation_frames._in_list`` asks them of each pair of places)."""
        return {i for e, span in self.mention_spans if self.type_of(e) == PLACE for i in range(span.start, span.end)}

    def _speaker_of_own_clause(self, pronoun: Token, entity: str) -> bool:
        """"Acme said it will open a plant": the pronoun subject of a reported clause is its speaker."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ccomp":
            return False
        speech = pronoun.head.head
        return any(self.entity_of.get(t.i) == entity for t in speech.children if t.dep_ == "nsubj")

    def tokens_with_lemma(self, lemmas, by: str = "lemma") -> list[Token]:
        """The tokens whose lower-cased lemma (or text, ``by="lower"``) is in ``lemmas``, in text order.

        A pattern looking for its few nouns reads their tokens from a per-doc
        index rather than the lemma of every token of the doc.
        """
        return [self.doc[i] for i in facts(self.doc).having(lemmas, by)]

    def sentence_names_pair(self, token: Token) -> bool:
        """Does ``token``'s sentence hold two different entities (or references to them)?

        A verb or noun pattern relates two different entities its parse links reach, and parse links never
        leave a sentence: in a sentence naming one entity or none, there is no frame worth reading.
        """
        return self.names_pair_at(token.i)

    def names_pair_at(self, i: int) -> bool:
        """``sentence_names_pair`` of the token at ``i``, asked before making the Token."""
        if self._named_sentences is None:
            named: dict[int, str] = {}  # sentence -> its first entity; sentences with a second one in the set
            self._named_sentences = set()
            for token, entity in self.entity_of.items():
                first = named.setdefault(self.sentence_of[token], entity)
                if first != entity:
                    self._named_sentences.add(self.sentence_of[token])
        return self.sentence_of[i] in self._named_sentences

    def sentence(self, token: Token):
        """The sentence holding ``token`` (``Token.sent`` scans the document on every call)."""
        return self.sentences[self.sentence_of[token.i]]

    def entity(self, token: Token | None) -> str | None:
        return None if token is None else self.entity_of.get(token.i)

    def type_of(self, entity_id: str) -> str:
        return self.entities[entity_id].type

    def organisation_by_head(self, word: str) -> str | None:
        """The one organisation whose name ends in the institution noun ``word`` ("Council" for
        "Muncie City Council"), or None when none or several do."""
        found = {e.id for e in self.entities.values()
                 if e.type == ORGANIZATION and e.name.split()[-1].lower() == word and " " in e.name}
        return found.pop() if len(found) == 1 else None

    def country_for_demonym(self, word: str) -> str | None:
        """The Place entity a demonym ("Ukrainian") names, if the article has one."""
        # kept per word: the role patterns ask it of each modifier, twice per mention, against every place
        if word not in self._demonym_places:
            self._demonym_places[word] = next(
                (entity.id for entity in self.entities.values() if entity.type == PLACE
                 and any(gazetteer.is_demonym_of(word, name) for name in (entity.name, *entity.aliases))), None)
        return self._demonym_places[word]

    def spans_of(self, entity_id: str) -> list:
        """The entity's mention spans (names and the references standing for it), in ``mention_spans`` order;
        grouped once per doc, since patterns ask for one entity's spans again and again."""
        if self._spans_of is None:
            self._spans_of = {}
            for entity, span in self.mention_spans:
                self._spans_of.setdefault(entity, []).append(span)
        return self._spans_of.get(entity_id, [])

    def mention_root(self, token: Token) -> Token:
        """The syntactic head of the mention holding ``token`` (or the token itself)."""
        entity_id = self.entity(token)
        if entity_id is None:
            return token
        for other_id, span in self.mention_spans:
            if other_id == entity_id and span.start <= token.i < span.end:
                return span.root
        return token


def type_ok(predicate: str, subject_type: str, object_type: str) -> bool:
    if predicate.startswith((VERB_PREFIX, CUSTOM_PREFIX)):
        return True  # generic verbs and a user's own relation types take any entities
    subjects, objects = SIGNATURES[predicate]
    return subject_type in subjects and object_type in objects


def sentence_span(index: DocIndex, token: Token) -> Span:
    """The sentence holding ``token``, without surrounding whitespace."""
    sent = index.sentence(token)
    raw = index.text[sent.start_char:sent.end_char]
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    end = sent.start_char + len(raw.rstrip())
    return Span(start, end, index.text[start:end])


def quote_holding(token: Token, quotes: list[Quote]) -> int | None:
    """Index of the direct quote whose span holds ``token``, if any."""
    for i, quote in enumerate(quotes):
        if quote.kind == DIRECT and quote.start <= token.idx < quote.end:
            return i
    return None


def local_offices() -> dict[str, str]:
    return read_table("local_offices.tsv")


def org_roles() -> frozenset[str]:
    return read_words("org_roles.txt")


def _describes_an_argument(index: DocIndex, c: Candidate) -> bool:
    """Is the relation told by a noun phrase naming one of its ends ("Ukrainian President X", "X, the CEO of Y")?

    Such a description is the reporter's background knowledge of the entity:
    the clause around it ("expected to meet President X") neither plans nor
    dates it.
    """
    ends = (c.subject, c.object)
    node = c.trigger
    if any(index.entity(t) in ends for t in node.children if t.dep_ == "appos"):
        return True  # "sell its subsidiary, Y, to Z": the noun is set beside the name it describes
    if c.rule == "presence-noun" and _existing_unit(index, node, ends):
        return True  # "X's headquarters in Y will close": the unit is there, whatever becomes of it
    if node.dep_ == "attr" and node.pos_ == "NOUN":
        return False  # "X would be the first woman on Y": the clause's predicate, with the clause's modality
    for _ in range(5):  # up through the noun phrase only: "the Accra-based investment firm X"
        if index.entity(node) in ends:
            return True
        if node.dep_ not in NOUN_PHRASE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


# Words saying a unit is yet to be: "its new plant in Y will open", "a planned office in Y"
UNBUILT = {"new", "planned", "proposed", "future", "open", "start", "begin", "launch", "build", "set"}


def _existing_unit(index: DocIndex, noun, ends: tuple[str, str]) -> bool:
    """A unit named as its organisation's ("X's plant in Y", "its offices in Y"), not one being set up."""
    if not any(index.entity(t) in ends for t in noun.children if t.dep_ == "poss"):
        return False
    if any(t.lower_ in UNBUILT for t in noun.children if t.dep_ in ("amod", "compound")):
        return False
    return not (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.lemma_.lower() in UNBUILT)


# Pronouns too often meaning a thing or a crowd to carry a relation ("it backed the plan", "they met"):
# the reference layer resolves them for speakers, where a speech verb vouches for a speaker.
UNSURE_PRONOUNS = {"it", "they", "them"}

# Links inside a noun phrase: a relation told along them describes the phrase's entity.
NOUN_PHRASE_DEPS = {"compound", "appos", "amod", "nmod", "npadvmod", "acl", "poss"}


def propose(index: DocIndex) -> list[Candidate]:
    """Every pattern's candidates, typed patterns before generic verbs."""
    from .relation_frames import (based_patterns, charge_patterns, dateline_patterns, employer_place_patterns, fronted_place_patterns, home_patterns, killing_patterns,
                                  listed_place_patterns, member_group_patterns, membership_patterns, name_patterns, org_place_name_patterns, place_patterns,
                                  presence_patterns, sentence_closure, unit_member_patterns)
    from .relation_patterns import role_patterns
    from .relation_verbs import noun_patterns, verb_patterns

    candidates: list[Candidate] = []
    for pattern in (role_patterns, membership_patterns, member_group_patterns, presence_patterns,
                    place_patterns, based_patterns, killing_patterns, home_patterns, dateline_patterns, name_patterns,
                    org_place_name_patterns, listed_place_patterns, fronted_place_patterns, charge_patterns,
                    employer_place_patterns, unit_member_patterns,
                    noun_patterns, verb_patterns):
        candidates.extend(pattern(index))
    if index.dateline_places:  # "HEMPSTEAD, N.Y. ― If it worked against X": no act of the dateline's
        candidates = [c for c in candidates if not c.rule.startswith("verb")
                      or not {c.subject, c.object} & index.dateline_places]
    candidates.extend(sentence_closure(index, candidates))
    candidates.extend(implied_employers(index, candidates))
    candidates.extend(founding_members(index, candidates))
    candidates.extend(successors(index, candidates))
    candidates.extend(implied_offices(index, candidates))
    candidates.extend(national_offices(index, candidates))
    candidates.extend(implied_chambers(index, candidates))
    return candidates


def implied_offices(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"Mayor X said ..." under the dateline "MUNCIE, Ind. -": X holds office in the dateline's place.

    A person whose title is a local office (data/local_offices.tsv says of
    which kind of place: a mayor of a city, a governor of a state) and who is
    tied to no place in the text holds that office in the dateline's place of
    that kind.
    """

    tied = {c.subject for c in candidates if c.predicate in ("holdsOfficeIn", "worksFor")}
    dateline = [(e, span) for e, span in index.mention_spans
                if index.type_of(e) == PLACE and span.start < 12 and _in_first_line(index, span)]
    if not dateline:
        return
    by_kind: dict[str, str] = {}
    for entity, _ in dateline:
        place = gazetteer.lookup(index.entities[entity].name)
        kind = place.kind if place is not None else ("City" if entity == dateline[0][0] else None)
        if kind and kind != "Country" and kind not in by_kind:  # a national leader may be visiting
            by_kind[kind] = entity
    for entity in index.entities.values():
        if entity.type != PERSON or entity.id in tied:
            continue
        for role in entity.roles:
            kind = local_offices().get(role.lower().rstrip("."))
            if kind in by_kind:
                spans = index.spans_of(entity.id)
                yield Candidate(entity.id, "holdsOfficeIn", by_kind[kind], spans[0].root, "office-of-the-dateline",
                                role)
                break


def national_offices(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"Norway will send troops. Prime Minister X said ...": a national office (data/local_offices.tsv,
    kind Country) with no country named is that of the country the sentence before has as subject."""
    tied = {c.subject for c in candidates if c.predicate in ("holdsOfficeIn", "worksFor")}
    for entity in index.entities.values():
        if entity.type != PERSON or entity.id in tied:
            continue
        spans = sorted(index.spans_of(entity.id), key=lambda s: s.start)
        role = next((r for r in (*entity.roles, *appositive_roles(index, spans[:1]))
                     if local_offices().get(r.lower().rstrip(".")) == "Country"), None)
        if role is None or not spans:
            continue
        sentence = index.sentence_of[spans[0].start]
        if sentence == 0:
            continue
        before = index.sentences[sentence - 1]
        countries = {e for t in before if t.dep_ in ("nsubj", "nsubjpass") and (e := index.entity(t)) is not None
                     and (place := gazetteer.lookup(index.entities[e].name)) is not None and place.kind == "Country"}
        if len(countries) == 1:
            yield Candidate(entity.id, "holdsOfficeIn", countries.pop(), spans[0].root, "office-of-the-country-before",
                            role)


@lru_cache(maxsize=1)
def chamber_titles() -> dict[str, tuple[frozenset[str], str]]:
    """Legislators' titles -> (the names of the chamber they sit in, "state" or "national"): data/chambers.tsv."""
    return {title: (frozenset(names.lower().split("|")), level) for title, names, level in read_rows("chambers.tsv")}


def _chamber(name: str) -> tuple[str, str | None]:
    """"Texas Senate" -> ("senate", "state"); "U.S. House" -> ("house", "national"); "Senate" -> ("senate", None)."""
    words = name.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        place = gazetteer.lookup(" ".join(words[:size]))
        if place is not None and place.kind in ("State", "Country"):
            return " ".join(words[size:]).lower(), "state" if place.kind == "State" else "national"
    return name.lower(), None


def implied_chambers(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"The Texas Senate passed the bill. State Sen. X said ...": a legislator's title (data/chambers.tsv) makes
    its holder a member of the one chamber of that kind the article names, at the title's level: a state
    senator of a state's senate (of his own state, when the text ties him to one: "Ohio state Sen. X"), a
    senator of "the Senate" or "the U.S. Senate". Two fitting chambers, or none, and nothing is said."""
    from .relation_patterns import premodifier_block

    legislators = [(entity, *title) for entity in index.entities.values()
                   if entity.type == PERSON and (title := _legislator_title(entity)) is not None]
    if not legislators:
        return  # (most articles: no chamber's name is read)
    chambers = [(e.id, *_chamber(e.name)) for e in index.entities.values() if e.type == ORGANIZATION]
    linked = {(c.subject, c.object) for c in candidates}
    for entity, role, (names, level) in legislators:
        spans = sorted(index.spans_of(entity.id), key=lambda s: s.start)
        fitting = {e for e, name, at in chambers if name in names
                   and (at == level if level == "state" else at in (None, level))}
        if level == "state":
            # his own state: one he holds office in, or one before his title ("Ohio state Sen. X")
            places = {c.object for c in candidates if c.subject == entity.id and c.predicate == "holdsOfficeIn"}
            places.update(e for span in spans for t in premodifier_block(index, span)
                          if (e := index.entity(t)) is not None and index.type_of(e) == PLACE)
            if places:
                fitting = {e for e in fitting if any(index.entities[e].name.startswith(index.entities[p].name)
                                                     for p in places)}
        if len(fitting) == 1 and (entity.id, (chamber := fitting.pop())) not in linked:
            yield Candidate(entity.id, "memberOf", chamber, spans[0].root, "member-of-the-chamber", role)


def _legislator_title(entity: Entity) -> tuple[str, tuple[frozenset[str], str]] | None:
    """The first of a person's roles that data/chambers.tsv lists ("State Sen." as state sen, "U.S. Rep." as
    rep), with its chamber names and level."""
    for role in entity.roles:
        key = role.lower().replace(".", "")
        found = chamber_titles().get(key[3:] if key.startswith("us ") else key)
        if found is not None:
            return role, found
    return None


def _trade_before_title(span) -> bool:
    """A common noun before a mention's title: "hedge-fund manager X", "bank executive X"."""
    doc, k = span.doc, span.start - 1
    while k >= 0 and doc[k].lower_.rstrip(".") in TITLES:
        k -= 1  # over the title's own words ("Chief Executive", "manager")
    while k >= 0 and doc[k].text in ("-", "–"):
        k -= 1
    return 0 <= k < span.start - 1 and doc[k].pos_ == "NOUN" and doc[k].is_lower


def appositive_roles(index: DocIndex, spans) -> list[str]:
    """The role nouns set beside a person's mentions that name no body ("X, the chief financial officer,")."""
    roles = []
    for span in spans:
        root = span.root
        # "X, the prime minister,", and "The prime minister, X," where the parser makes X the appositive
        nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        for noun in nouns:
            if noun.pos_ == "NOUN" and index.entity(noun) is None and not any(c.dep_ == "prep" for c in noun.children):
                words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")] + [noun.lower_]
                roles.append(" ".join(words))
    return roles


def _in_first_line(index: DocIndex, span) -> bool:
    first_break = index.text.find("\n")
    return first_break == -1 or span.end_char <= first_break


def successors(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"Its chair, X, will step down and be replaced by Y", "Y succeeded X as head of Z": Y takes the job
    X holds in that sentence; the verb's own clause says when (a plan here)."""
    from .relation_verbs import VerbFrame

    jobs = [c for c in candidates if c.predicate in ("worksFor", "holdsOfficeIn") and index.type_of(c.subject) == PERSON]
    if not jobs:
        return
    for verb in index.tokens_with_lemma(("replace", "succeed")):
        frame = VerbFrame(index, verb)
        for old in frame.patients:
            for job in jobs:
                if job.subject != old or index.sentence_of[job.trigger.i] != index.sentence_of[verb.i]:
                    continue
                for new in frame.agents:
                    if new != old and index.type_of(new) == PERSON:
                        yield Candidate(new, job.predicate, job.object, verb, "successor", job.role)


def founding_members(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"Mali, Niger and Chad founded the Sahel Alliance": a country founding a body is one of its members
    (a person founding a company is its founder, not a member)."""
    for c in candidates:
        if c.predicate == "founder" and index.type_of(c.object) == PLACE and index.type_of(c.subject) == ORGANIZATION:
            yield Candidate(c.object, "memberOf", c.subject, c.trigger, c.rule + "+member", c.role)


def implied_employers(index: DocIndex, candidates: list[Candidate]) -> Iterator[Candidate]:
    """"Chief Financial Officer X said ..." in a story about one company: X works for that company.

    A person whose only title is a company role (graphkit/data/org_roles.txt)
    and who is tied to no organisation in the text works for the organisation
    the article is clearly about: mentioned twice as often as any other, and
    before the person.
    """
    tied = {c.subject for c in candidates if c.predicate in ("worksFor", "memberOf", "holdsOfficeIn")}
    orgs = [(span.start, e) for e, span in index.mention_spans if index.type_of(e) == ORGANIZATION]
    org = clearly_most(orgs)
    if org is None or set(index.entities[org].name.lower().split()) & lex.MEDIA_WORDS:
        return  # a paper or channel the story quotes or is printed in is what it is about least
    first = min(start for start, e in orgs if e == org)
    for entity in index.entities.values():
        if entity.type != PERSON or entity.id in tied:
            continue
        spans = [span for span in index.spans_of(entity.id) if span.start > first]
        if spans and _trade_before_title(spans[0]):
            continue  # "hedge-fund manager X": a manager in a trade of his own, not of the article's body
        roles = [r for r in (*entity.roles, *appositive_roles(index, spans)) if r.lower().rstrip(".") in org_roles()]
        if not roles:
            continue
        if spans:
            yield Candidate(entity.id, "worksFor", org, spans[0].root, "role-of-the-article", roles[0])


def find_relations(doc: Doc, entities: list[Entity], quotes: list[Quote],
                   references: list[dict] = (), verbs=None) -> list[Relation]:
    """The relations of one document; ``verbs`` is the verb table (default: graphkit's own)."""
    index = DocIndex(doc, entities, references, verbs)
    lines, dates = facts(doc).lines, facts(doc).dates  # the entities' and quotes' own, built once per doc
    # a headline is a title, not a statement: its words are glued and clipped ("Trump Chicago Shootings")
    from .relation_frames import may_contain

    # ... and a place lies only inside a larger one, whatever pattern proposed it ("Canada, Mexico" is a list)
    valid = [c for c in propose(index) if c.subject != c.object and not lines.in_headline(c.trigger.idx)
             and type_ok(c.predicate, index.type_of(c.subject), index.type_of(c.object))
             and (c.predicate != "containedInPlace" or may_contain(index, c.object, c.subject))]
    # A verb a typed pattern has read makes no generic "verb:" relation as well.
    typed_triggers = {c.trigger.i for c in valid if not c.predicate.startswith(VERB_PREFIX)}
    # One relation per (subject, predicate, object, sentence); a reporter's statement
    # outranks the same relation inside a quote in that sentence.
    chosen: dict[tuple, Relation] = {}
    for c in valid:
        if c.predicate.startswith(VERB_PREFIX) and c.trigger.i in typed_triggers:
            continue
        if not c.predicate.startswith((VERB_PREFIX, CUSTOM_PREFIX)) and c.predicate not in PREDICATES:
            raise ValueError(f"pattern {c.rule} emitted unknown predicate {c.predicate}")
        evidence = sentence_span(index, c.trigger)
        claimed_by = quote_holding(c.trigger, quotes)
        descriptive = _describes_an_argument(index, c)
        said = statement_status(c.trigger, inside_quote=claimed_by is not None, descriptive=descriptive)
        # inside a quotation, one the speaker reports saying it claims it: '"He started it by saying Y is not a
        # citizen," X said' is his claim, told by X (nested speech); else the quotation's speaker
        claimant = index.entity(said.source) or (quotes[claimed_by].speaker if claimed_by is not None else None)
        # "the alliance's plans to ...": a plan owned by one of the ends is that end's own, whoever reports it
        owner = next((index.entity(t) for t in said.cue.children if t.dep_ == "poss"), None) if said.cue else None
        # "X said it had agreed to sell Y to Z": the source's own plan, though X is neither end
        planner = next((index.entity(t) for t in said.cue.children if t.dep_ == "nsubj"), None) if said.cue else None
        status = said.final(source_is_argument=claimant in (c.subject, c.object) or owner in (c.subject, c.object)
                            or (claimant is not None and planner == claimant))
        predicate = c.predicate
        if c.ended:  # "Mali left the bloc": no longer a member; a plan to leave is the act planned ("verb:leave")
            predicate, status = (predicate, NEGATED) if status == FACT else (VERB_PREFIX + c.trigger.lemma_.lower(), status)
        key = (c.subject, predicate, c.object, evidence.start)
        relation = Relation(subject=c.subject, predicate=predicate, object=c.object, evidence=evidence,
                            rule=c.rule, role=c.role, claimed_by=claimed_by, status=status,
                            claimant=claimant if said.reported else None,
                            when=None if descriptive else dates.words(c.trigger))
        # a reporter's plain statement outranks the same relation claimed, planned or denied in that sentence
        if key not in chosen or (chosen[key].status != FACT and status == FACT):
            chosen[key] = relation
    return list(chosen.values())
