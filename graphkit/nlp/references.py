"""The reference layer: what a pronoun, a description or a bare title stands for.

One resolver per document, shared by quotes (whose speakers are often "he",
"the minister" or "a spokesman for the ministry") and relations (whose
subjects and possessors are often "it", "its" or "the company"). It maps a
token to one of the article's entities, or to None when the text does not
settle it: the layer never guesses. Passes, in the manner of a deterministic
coreference sieve (most precise first):

  1. a mention of an entity ("Dr. Ann Lee, the WHO's coordinator" -> Ann Lee;
     a country speaks for its government);
  2. a named modifier of a speaks-for head ("the Clinton campaign", "a Trump
     spokesman", "officials at the FAA", not "the GOP nominee") or the one
     person named in an appositive ("its chair, state Sen. Ann Lee");
  3. a name the recogniser missed here but found elsewhere, when only one
     entity bears it;
  4. a nominal title ("the minister") the article ties to exactly one person
     ("Foreign Minister Ann Lee", "Ann Lee, the minister");
  5. a definite description ("the bank", "the lender") -> the one entity of
     the article named or described with that noun, else the organisation
     the article is clearly about;
  6. a pronoun: he / she -> the most salient preceding person of agreeing
     gender (gender from Mr./Mrs./Ms. and from sentences pairing one person
     with he or she); it / its -> an organisation of the last two sentences;
     they / their -> a campaign, team or organisation subject earlier in its
     own sentence; we -> None.

``graphkit_coref`` runs it over every pronoun, description and title of a
document and stores the links in ``doc._.graphkit_references``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import places
from ..model import ORGANIZATION, PERSON, PLACE, Entity
from ..names import given_name_gender
from .entities.evidence import descriptor_type
from .lexicon import FEMALE_HONORIFICS, INSTITUTION_HEADS, MALE_HONORIFICS
from .shared import facts

# Heads whose named modifier is who speaks: "the Clinton campaign", "a Trump spokesman",
# "the IMF report". A person's role ("the GOP nominee", "Obama's strategist") is not one.
SPEAKS_FOR_NOUNS = frozenset("""
    campaign camp team office administration government spokesman spokeswoman spokesperson official
    ministry department statement website account report brief memo letter filing complaint
    lawsuit study analysis ad advertisement release tweet post book
""".split())

# Party words in titles and epithets ("Democratic nominee X", "the GOP candidate"), by the party they name:
# an epithet naming one party is no one the text titles with another only.
# (Only words that name a party in any case: "conservative" or "labour" leader name a stance or a union as often.)
PARTIES = {"democratic": "democratic", "democrat": "democratic", "republican": "republican", "gop": "republican",
           "libertarian": "libertarian", "tory": "conservative"}
DOCUMENT_REACH = 6  # sentences back to a text's first mention: "the report concluded" (_document_author)
# Bodies a plural pronoun may stand for: "the Lee campaign … what they call".
GROUP_NOUNS = frozenset({"campaign", "camp", "team", "administration", "government", "office",
                         "ministry", "department", "committee", "party"})

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
DASHES = {"\u2014", "\u2013", "--"}  # a pair sets off a parenthesis, as brackets do
PRONOUN_MENTION = "<pronoun>"  # an earlier subject he/she in an antecedent search: what it means counts
CHAIN_DEPTH = 8  # earlier pronouns a search follows back before it settles for names only
# Parts of a noun phrase that are not its core ("X, the minister, who ...").
NON_CORE_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "prep", "advmod", "npadvmod"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
# Words before a title that make it another post: "Vice President Y" is not "the president".
# Words that put a title in the past: "former Treasury Secretary X" holds the office no longer.
PAST_TITLE_WORDS = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "then"})
LOWER_RANKS = {"vice", "deputy", "assistant", "former", "ex", "acting", "interim", "co", "associate", "lieutenant"}
# Modifiers that make a description a post to be filled, no one named: "the next president".
UNFILLED_MODIFIERS = {"next", "future", "best", "ideal", "perfect", "potential", "eventual"}

# How many sentences back a pronoun may reach for its antecedent: "it" stays close,
# since it so often means a thing.
PRONOUN_REACH = 6
MALE_NOUNS = {"man", "father", "son", "husband", "brother", "king", "boy", "widower", "nephew", "uncle", "grandfather"}
FEMALE_NOUNS = {"woman", "mother", "daughter", "wife", "sister", "queen", "girl", "widow", "niece", "aunt",
                "grandmother", "actress"}


def noun_gender(noun: str) -> str | None:
    """The gender a person noun states: "businessman" -> m, "spokeswoman" -> f, "senator" -> None."""
    if noun in FEMALE_NOUNS or noun.endswith("woman"):
        return "f"
    if noun in MALE_NOUNS or noun.endswith("man") and not noun.endswith("human"):
        return "m"
    return None


# Pronouns the layer resolves for the whole document ("we", "you", "I" are the speaker's, not a reference).
REFLEXIVE_PRONOUNS = {"himself", "herself", "itself", "themselves"}
REFERRING_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | REFLEXIVE_PRONOUNS | {"it", "its", "they", "their", "them"}
IT_REACH = 2
EPITHET_REACH = 2  # an epithet continues the topic of the last sentences; further back, a name is used

def core_phrase(head: Token) -> SpacySpan:
    """The noun phrase of ``head`` without appositives, clauses and trailing preps."""
    start = end = head.i
    for child in head.lefts:
        if child.dep_ not in NON_CORE_DEPS:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nmod"}:
            end = max(end, child.right_edge.i)
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1  # "― Ann Lee": a dash glued on by the parser
    while end > head.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return SpacySpan(doc, start, end + 1)  # ``doc[start:end + 1]``, without its slice normalising in Python


# Abbreviated titles as they stand before names, and the nouns they abbreviate.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "pres": "president", "sec": "secretary", "atty": "attorney",
    "amb": "ambassador", "supt": "superintendent", "prof": "professor", "dr": "doctor",
    "congressman": "representative", "congresswoman": "representative",
}


# Words that make another title of the one after them: a vice president is no president.
RANK_PREFIXES = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under", "acting", "chief"})


def _title_key(title: str, before: str = "") -> str:
    """'Gov.' -> governor; 'Vice' + 'President' -> vice president."""
    word = title.lower().rstrip(".")
    word = TITLE_ABBREVIATIONS.get(word, word)
    before = before.lower().rstrip(".")
    return f"{before} {word}" if before in RANK_PREFIXES else word


def _title_key_of(token: Token) -> str:
    """The title key of a title noun in the text, with its rank prefix."""
    title = token.lower_ if token.pos_ == "PROPN" else token.lemma_
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return _title_key(title, before)


def _noun_key(token: Token) -> str:
    """A noun's lemma, also for a capitalised plural the tagger called a name ("Officials")."""
    lemma = token.lemma_.lower()
    if lemma not in SPEAKS_FOR_NOUNS and lemma.endswith("s") and lemma[:-1] in SPEAKS_FOR_NOUNS:
        return lemma[:-1]
    return lemma


def _normal_name(name: str) -> str:
    name = name.lower().replace("’", "'")
    if name.endswith("'s"):
        name = name[:-2]
    return name[4:] if name.startswith("the ") else name


# Descriptions of a state's government: they mean a body named with the noun ("the Obama administration",
# "Syria's government"), never the organisation an article is most about.
GOVERNMENT_NOUNS = {"government", "administration", "regime", "cabinet", "junta"}
# Texts that say things themselves: an "it" after one of them is the text, not a body ("The report ... It said").
TEXT_NOUNS = {"report", "post", "statement", "study", "letter", "memo", "survey", "poll", "book", "article", "ad",
              "advertisement", "complaint", "lawsuit", "filing", "document", "tweet", "message", "email", "video",
              "bill", "ruling", "indictment", "petition", "release", "website", "page", "note", "editorial"}
# Kinds of body that names are made of ("Labour Party", "Bank of England"): the description means such a body.
# Not the generic words, nor a bloc's ("the alliance" is NATO, whose name does not say so).
NAMED_KINDS = INSTITUTION_HEADS - {"company", "corporation", "organization", "organisation", "institution",
                                   "alliance", "coalition", "union", "association", "federation"}


def _subject_before(pronoun: Token) -> Token | None:
    """The subject of a possessive's clause, when it comes before it: "Lee sold her shares"."""
    from .relation_patterns import clause_subjects

    return next((s for s in clause_subjects(_governing_verb(pronoun)) if s.i < pronoun.i), None)


def _gazetteer_kind(name: str) -> str | None:
    place = places.lookup(name)
    return place.kind if place is not None else None


def _unfilled(head: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in UNFILLED_MODIFIERS for c in head.children)


def _governing_verb(token: Token) -> Token:
    """The verb (or the root) above ``token``: "proud of himself", "a chance to talk with him"."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def clearly_most(mentions: list[tuple[int, str]], before: list[tuple[int, str]] | None = None) -> str | None:
    """The entity of ``mentions`` (first token, entity id) mentioned twice as often as any other, or None.

    With ``before``, it must also be among those (already mentioned): what an
    article is clearly about, for a description or a title that names no one.
    """
    counts: dict[str, int] = {}
    for _, entity in mentions:
        counts[entity] = counts.get(entity, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    if before is not None and not any(e == ranked[0][0] for _, e in before):
        return None
    return ranked[0][0]


def references_for(doc: Doc, entities: list[Entity], quoted: list[int]) -> References:
    """The document's one resolver: graphkit_coref builds it, the quotes component reuses it.

    Its indexes (mentions, titles, genders) cost as much as the resolving;
    it is kept with the doc's shared facts (``shared.facts``), nothing of it is stored in ``doc._``.
    """
    shared = facts(doc)
    found = shared.references
    if found is None or found.quoted != quoted:
        found = shared.references = References(doc, entities, quoted)
    return found


class References:
    """Maps tokens of one document (pronouns, descriptions, titles, names) to entity ids."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: list[int]):
        self.doc = doc
        self.entities = {e.id: e for e in entities}
        self.quoted = quoted  # per token: index of the quote holding it, or -1
        self.sentences = facts(doc).sentences
        self.sentence_start = facts(doc).sentence_start  # per token: first token of its sentence
        self.entity_at: list[str | None] = [None] * len(doc)
        self.person_mentions: list[tuple[int, str]] = []  # (first token, entity id), in text order
        self.org_mentions: list[tuple[int, str]] = []
        self.place_mentions: list[tuple[int, str]] = []
        self._starts: dict[str, list[int]] = {}  # entity id -> first tokens of its mentions
        self._described: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        self._chain: dict[int, str | None] = {}  # subject pronoun -> what it means (_chained)
        self._chain_depth = 0
        self._index_mentions(entities)
        self.titles = self._title_index()
        self._parties: dict[str, set[str]] | None = None  # each titled person's parties, made when first asked
        self.names = self._name_index(entities)
        self._learn_gender()
        # What the text states (Mr./Mrs., a given name, sentences pairing the person with he or she)
        # is all that leaves the article: a gender learned from resolving a pronoun is only as good as
        # that guess, and one wrong "he" would publish a woman as male and, in the corpus, keep her
        # surname's node apart from her full name's (graph.corpus._other_sex).
        self.stated_gender = dict(self.gender)

    # ------------------------------------------------------------ indexing

    def _index_mentions(self, entities: list[Entity]) -> None:
        shared = facts(self.doc)
        for entity in entities:
            for mention in entity.mentions:
                span = shared.char_span(mention.start, mention.end)
                if span is None or len(span) == 0:
                    continue
                self.entity_at[span.start:span.end] = [entity.id] * len(span)
                self._starts.setdefault(entity.id, []).append(span.start)
                if entity.type == PLACE:
                    self.place_mentions.append((span.start, entity.id))
                if entity.type == PERSON:
                    self.person_mentions.append((span.start, entity.id))
                    self._note_honorific(span, entity.id)
                elif entity.type == ORGANIZATION:
                    self.org_mentions.append((span.start, entity.id))
        self.person_mentions.sort()
        self.org_mentions.sort()
        self.place_mentions.sort()

    def _note_honorific(self, span: SpacySpan, entity_id: str) -> None:
        """Mr./Mrs./Ms. just before (or at the start of) a mention fixes gender."""
        for i in (span.start - 1, span.start):
            if 0 <= i < len(self.doc):
                word = self.doc[i].lower_
                if word in MALE_HONORIFICS:
                    self.gender.setdefault(entity_id, "m")
                elif word in FEMALE_HONORIFICS:
                    self.gender.setdefault(entity_id, "f")

    def _learn_gender(self) -> None:
        """Honorifics (already set) first; then a text that pairs a person with he (or she) in two
        sentences more than with the other; then a firm given name; then a single such sentence.

        A name table is right about most bearers ("Louise" is a she, though a sentence pairing her
        with "he" may be about someone else) and wrong about some ("Tama" is a US woman's name and a
        Maori man's): the article's own repeated use outranks it.
        """
        votes = self._pronoun_votes()
        for entity_id, vote in votes.items():
            if abs(vote) >= 2:
                self.gender.setdefault(entity_id, "m" if vote > 0 else "f")
        for entity in self.entities.values():
            words = entity.name.split()
            if entity.type == PERSON and len(words) > 1 and (gender := given_name_gender(words[0], common=True)):
                self.gender.setdefault(entity.id, gender)
        for entity_id, vote in votes.items():
            if vote:
                self.gender.setdefault(entity_id, "m" if vote > 0 else "f")

    def _pronoun_votes(self) -> dict[str, int]:
        """Per person: sentences naming only them with subject he, less those with she."""
        votes: dict[str, int] = {}
        shared = facts(self.doc)
        deps, lowers, quoted, entity_at = shared.deps, shared.lowers, self.quoted, self.entity_at
        for sentence in self.sentences:
            people, male, female = set(), 0, 0
            for i in range(sentence.start, sentence.end):
                if quoted[i] != -1:
                    continue
                entity_id = entity_at[i]
                if entity_id is not None and self.entities[entity_id].type == PERSON:
                    people.add(entity_id)
                elif people and deps[i] in SUBJECT_DEPS:  # after the name: "She said X ..." is not X
                    # only subject he/she: an object "her" is often someone else
                    male += lowers[i] == "he"
                    female += lowers[i] == "she"
            if len(people) == 1 and bool(male) != bool(female):
                entity_id = people.pop()
                votes[entity_id] = votes.get(entity_id, 0) + (1 if male else -1)
        return votes

    @staticmethod
    def _name_index(entities: list[Entity]) -> dict[str, set[str]]:
        """Full names, aliases and person surnames, lowercased, to entity ids."""
        names: dict[str, set[str]] = {}
        for entity in entities:
            if entity.type not in (PERSON, ORGANIZATION):
                continue
            for name in (entity.name, *entity.aliases):
                names.setdefault(_normal_name(name), set()).add(entity.id)
                if entity.type == PERSON and " " in name:
                    names.setdefault(name.split()[-1].lower(), set()).add(entity.id)
        return names

    def _title_index(self) -> dict[str, dict[str, set[str]]]:
        """Title nouns tied to persons, with the words around each title.

        "Indiana Gov. Mike Pence" and "Pence, the Indiana governor" both give
        governor -> {Pence: {"indiana", ...}}; the words later tell apart two
        persons holding the same title ("the Republican nominee").
        """
        titles: dict[str, dict[str, set[str]]] = {}

        def add(title: Token, entity_id: str, words) -> None:
            key = _title_key_of(title)
            titles.setdefault(key, {}).setdefault(entity_id, set()).update(w.lower_ for w in words)

        for entity in self.entities.values():
            for role in entity.roles:
                words = role.split()
                key = _title_key(words[-1], words[-2] if len(words) > 1 else "")
                titles.setdefault(key, {}).setdefault(entity.id, set()).update(  # "Former President" kept as a role
                    w.lower() for w in words[:-1] if w.lower() in PAST_TITLE_WORDS)
        for i, entity_id in enumerate(self.entity_at):  # only a person's tokens: a Token for those alone
            if entity_id is None or self.entities[entity_id].type != PERSON:
                continue
            token = self.doc[i]
            if self.entity_at[token.head.i] == entity_id and token.head.i != token.i:
                continue  # only the mention's head token
            lefts = [t for t in token.lefts if self.entity_at[t.i] != entity_id]
            for child in lefts:
                if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):
                    add(child, entity_id, [*lefts, *child.lefts])  # "Former Treasury Secretary X": the title's own
            for child in token.rights:
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    add(child, entity_id, child.lefts)
            if token.dep_ == "appos" and token.head.pos_ == "NOUN":
                add(token.head, entity_id, token.head.lefts)
        return titles

    # ------------------------------------------------------------ resolving

    def resolve(self, source: Token | None) -> str | None:
        """The entity id ``source`` refers to, or None when unknown or ambiguous."""
        if source is None:
            return None
        if source.pos_ == "PRON":
            return self._resolve_pronoun(source)
        direct = self.entity_at[source.i]
        if direct is not None:
            return direct  # a place as subject speaks for its government: "Russia insisted"
        named = self._named_inside(source) or self._by_name(source)
        if named is not None:
            return named
        return self._resolve_title(source) or self.resolve_description(source) or self._document_author(source)

    def _document_author(self, head: Token) -> str | None:
        """"the report concluded", "the letter said": whoever the text said wrote that document before.

        The document is the nearest earlier mention of the same noun whose author the text gives ("X
        released a report", "a report by X", "X's letter"), within ``DOCUMENT_REACH`` sentences.
        """
        if head.pos_ != "NOUN" or head.tag_ != "NN" or _noun_key(head) not in TEXT_NOUNS:
            return None
        from .speakers import source_of_speech_noun  # speakers reads this module's word lists

        own = source_of_speech_noun(head, self.quoted)
        if own is not None:
            # "an email from X warned", "a letter signed by X said": the text speaks for the author it names
            # (and "the statement by the two" for no one else)
            return None if own.pos_ == "PRON" else self.entity_at[own.i] or self._named_inside(own)
        if head.i not in facts(self.doc).heads_of("det", "the"):
            return None  # "a report said": some report, not one named before
        lemma, sentence_of = head.lemma_.lower(), facts(self.doc).sentence_of
        first = self.sentences[max(0, sentence_of[head.i] - DOCUMENT_REACH)].start
        for earlier in reversed(self.doc[first:head.i]):
            if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == lemma:
                author = source_of_speech_noun(earlier, self.quoted)
                if author is not None and author.i != head.i:
                    return self.entity_at[author.i] or self._named_inside(author)
        return None

    # ------------------------------------------------------------ descriptions

    def resolve_description(self, head: Token) -> str | None:
        """"the bank", "the lender", "the country": the entity the description can only mean.

        The description's noun must be a descriptor of a type (graphkit/data/
        descriptors.tsv) and follow "the". Candidates are the article's
        entities of that type mentioned before it: those whose name holds the
        noun ("the bank" -> "Bank of England") or that the text described with
        it ("Harrington Lowe, a mortgage lender" -> "the lender"); if several,
        the one mentioned last. With no such entity, an organisation
        description means the organisation the article is clearly about.
        """
        kind = descriptor_type(head)
        if kind not in (ORGANIZATION, PLACE, PERSON) or self.entity_at[head.i] is not None or head.tag_ != "NN":
            return None  # "the two companies": a plural is a group, not one of the entities
        if head.i not in facts(self.doc).heads_of("det", "the"):
            return None
        if any(self.entity_at[t.i] is not None and self.entities[self.entity_at[t.i]].type != PLACE
               for t in head.lefts):
            return None  # "the Clinton campaign": a named modifier is other passes' business; "the Ohio firm" is not
        noun = head.lemma_.lower()
        beside = self._appositive_name(head, kind) or self._name_after(head, kind)
        if beside is not None:
            return beside  # "the Alliance of Sahel States, the confederation formed by ...": the name just before
        if _unfilled(head):
            return None  # "the next president", "the best candidate": whoever it will be, no one named
        if kind == PLACE and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None  # "the state of the race", "the state of politics": a condition, no place (a place
            # after "of" is the appositive name read above: "the state of Ohio")
        mentions = self._mentions_of(kind)  # sorted by first token
        before = mentions[:bisect_left(mentions, (head.i,))]  # those starting before the head
        if not before:
            return None
        nouns_of = self._nouns_of
        named = {e for e in dict.fromkeys(e for _, e in before) if noun in nouns_of(e)}  # asked once per entity
        named -= self._former_holders(head) | self._of_another_party(head) | self._of_a_lower_rank(head) \
            if kind == PERSON else set()
        # ("the nominee" is no former nominee, "the Democratic candidate" no one the text calls a Republican)
        fitting = [(start, e) for start, e in before if e in named]
        if fitting and kind == PLACE and self._other_place_of_its_sentence(head, max(fitting)[1]):
            return None  # "won in Ohio, then in Iowa, where the state's governor ...": the nearer one may be meant
        if fitting:
            return max(fitting)[1]
        if noun in GOVERNMENT_NOUNS or noun in NAMED_KINDS:
            # "the government": a country's; "the party", "the bank": one named so ("Labour Party") or described
            # so ("X, a bank") above; never whichever body the article is about
            return None
        if kind == ORGANIZATION and len({e for _, e in before}) == 1:
            return before[0][1]  # "Acme will build a plant. The company ...": the only organisation named so far
        if kind == PERSON:  # "the New York businessman": the person of that gender the article is clearly about
            gender = noun_gender(noun)
            # ... but never one its own sentence names (an apposition was read above): a writer names a
            # person once in a sentence, and "X praised Y, saying the Ohio senator ..." leaves it unsure
            here = self._named_in_sentence(head) | self._own_clause_subjects(head) | self._former_holders(head)
            here |= self._of_another_party(head) | self._of_a_lower_rank(head)
            people = [(start, e) for start, e in self.person_mentions
                      if gender is None or self.gender.get(e, gender) == gender]
            if clearly := clearly_most(people, before):
                return clearly if clearly not in here else None
            # a named modifier makes it an epithet for someone known ("the Ohio senator", "the Republican
            # nominee"); a bare "the lawyer" may be someone new
            named = any(t.dep_ in ("compound", "amod") and t.text[:1].isupper() for t in head.lefts)
            return self._epithet_antecedent(head, gender, exclude=here) if named else None
        if kind == ORGANIZATION:
            return self._organisation_subject_before(head) or clearly_most(self.org_mentions, before)
        return None

    def _organisation_subject_before(self, head: Token) -> str | None:
        """"Acme said in a statement it would appeal. '…,' the company wrote": a generic organisation noun as
        a subject goes on with the organisation the sentence before has as its first subject, as an epithet
        goes on with a person (a noun that needs a name of its kind, "the bank", was read before)."""
        previous = self._sentence_before(head) if head.dep_ in SUBJECT_DEPS else None
        subject = next((t for t in previous if t.dep_ in SUBJECT_DEPS), None) if previous is not None else None
        entity_id = self.entity_at[subject.i] if subject is not None else None
        return entity_id if entity_id is not None and self.entities[entity_id].type == ORGANIZATION else None

    def _of_another_party(self, head: Token) -> set[str]:
        """"the Democratic candidate": the persons whose titles in the text name another party only."""
        said = {PARTIES[t.lower_] for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.lower_ in PARTIES}
        if not said:
            return set()
        if self._parties is None:
            self._parties = {}
            for holders in self.titles.values():
                for entity_id, seen in holders.items():
                    self._parties.setdefault(entity_id, set()).update(PARTIES[w] for w in seen if w in PARTIES)
        return {e for e, parties in self._parties.items() if parties and not parties & said}

    def _epithet_antecedent(self, head: Token, gender: str | None, depth: int = 2,
                            exclude: set[str] = frozenset()) -> str | None:
        """The person an epithet continues ("Ann Lee spoke. ... The Ohio senator said"): as a pronoun would.

        When the sentence before has an epithet itself as its first subject ("The
        senator was speaking, hours after Ben Ode left"), that one is followed
        back first: a chain of epithets keeps one topic.
        """
        previous = self._sentence_before(head) if depth > 0 else None
        if previous is not None:
            subject = next((t for t in previous if t.dep_ in SUBJECT_DEPS), None)  # its first, as _antecedent reads it
            if subject is not None and subject.pos_ == "NOUN" and self.entity_at[subject.i] is None \
                    and descriptor_type(subject) == PERSON:
                found = self._resolve_title(subject) or self._epithet_antecedent(subject, gender, depth - 1)
                return found if found not in exclude else None
        return self._antecedent(head, gender, self.person_mentions, EPITHET_REACH, exclude)

    def _named_in_sentence(self, head: Token) -> set[str]:
        """The people named in the sentence of ``head``."""
        start = self.sentence_start[head.i]
        first = bisect_left(self.person_mentions, (start,))
        end = self.doc[head.i].sent.end
        return {e for begin, e in self.person_mentions[first:] if begin < end}

    def _appositive_name(self, head: Token, kind: str) -> str | None:
        """The entity named right before a description set off by a comma, when their types agree."""
        first = min([head.i] + [t.i for t in head.subtree if t.i < head.i])
        if first < 2 or self.doc[first - 1].text != ",":
            return None
        entity = self.entity_at[first - 2]
        return entity if entity is not None and self.entities[entity].type == kind else None

    def _name_after(self, head: Token, kind: str) -> str | None:
        """The entity a description names right after its noun ("the local station Radio Vest", "the
        broker, Caxton Reid,"): the noun's own apposition, when the types agree."""
        doc = self.doc
        for child in head.rights:
            if child.dep_ != "appos" or self.quoted[child.i] != self.quoted[head.i]:
                continue  # (a quoted epithet is what someone called it: "called the senator 'the next Y'")
            gap = doc[head.i + 1:child.left_edge.i]
            entity = self.entity_at[child.i]
            if entity is not None and self.entities[entity].type == kind and all(t.text == "," for t in gap):
                return entity  # right after the noun, or after its comma: not across a dash or a clause
        return None

    def _mentions_of(self, kind: str) -> list[tuple[int, str]]:
        if kind == ORGANIZATION:
            return self.org_mentions
        if kind == PERSON:
            return self.person_mentions
        return self.place_mentions

    def _other_place_of_its_sentence(self, head: Token, place: str) -> bool:
        """Does the description's sentence name, before it, another place of ``place``'s kind (state, country
        or city, by the gazetteer)? A city in the state ("Miami, the state's largest city") is no rival."""
        kind = _gazetteer_kind(self.entities[place].name)
        if kind is None:
            return False
        start = facts(self.doc).sentence_start[head.i]
        mentions = self.place_mentions
        return any(e != place and _gazetteer_kind(self.entities[e].name) == kind
                   for _, e in mentions[bisect_left(mentions, (start,)):bisect_left(mentions, (head.i,))])

    def _nouns_of(self, entity_id: str) -> set[str]:
        """Nouns an entity is named or described with: its name's words, descriptor nouns set beside it."""
        if entity_id not in self._described:
            entity = self.entities[entity_id]
            nouns = {w.lower() for name in (entity.name, *entity.aliases) for w in name.split()}
            # and the titles written before its name: "the president" is the one called "President X", not
            # "Vice President Y"
            for role in entity.roles:
                words = role.lower().replace("-", " ").split()
                if words and not set(words[:-1]) & LOWER_RANKS:
                    nouns.add(words[-1])
            for start in self._starts.get(entity_id, ()):
                token = self.doc[start]
                while self.entity_at[token.head.i] == entity_id and token.head.i != token.i:
                    token = token.head
                near = [c for c in token.children if c.dep_ in ("appos", "compound", "nmod")]
                if token.dep_ in ("appos", "compound") or (token.dep_ == "nsubj" and token.head.lemma_ == "be"):
                    near.append(token.head)
                near += [c for c in token.head.children if c.dep_ == "attr"] if token.dep_ == "nsubj" else []
                nouns |= {t.lemma_.lower() for t in near if t.pos_ == "NOUN"}
            self._described[entity_id] = nouns
        return self._described[entity_id]

    # ------------------------------------------------------------ the whole document

    def references(self) -> list[dict]:
        """Every pronoun, description and bare title of the document that resolves, as plain dicts.

        Resolving a pronoun teaches the resolver its antecedent's gender; what
        this sweep learns is undone, so a speaker resolved afterwards sees the
        document as a fresh resolver would.
        """
        before = dict(self.gender)
        found = []
        shared = facts(self.doc)
        pos, lowers, doc = shared.pos, shared.lowers, self.doc
        definite = shared.heads_of("det", "the")  # the nouns "the" determines
        entity_at = self.entity_at
        for i in sorted(shared.with_pos("PRON") + shared.with_pos("NOUN")):  # no other token refers (found in C)
            if entity_at[i] is not None:
                continue
            token = doc[i]
            if pos[i] == "PRON" and lowers[i] in REFERRING_PRONOUNS:
                kind, entity = "pronoun", self._resolve_pronoun(token)
            elif pos[i] == "NOUN" and i in definite:
                entity = self._resolve_title(token)
                kind = "title"
                if entity is None:
                    kind, entity = "description", self.resolve_description(token)
            else:
                continue
            if entity is not None:
                start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "amod", "compound")])
                # ``doc[start:i + 1]``'s offsets and text from the doc's columns, without the Span and its slice
                found.append({"start": shared.starts[start], "end": shared.ends[i],
                              "text": shared.span_text(start, i + 1), "entity": entity, "kind": kind})
        self.gender = before
        return found

    def _by_name(self, head: Token) -> str | None:
        """A name the entity recogniser missed here but found elsewhere ("Trump" -> Donald Trump)."""
        if head.pos_ != "PROPN" and not head.is_title:
            return None  # the tagger sometimes calls a surname NOUN; capitals still mark a name
        phrase = core_phrase(head)
        for key in (_normal_name(phrase.text), head.lower_):
            candidates = self.names.get(key, set())
            if len(candidates) > 1:  # "Trump": the person, not the Trump Foundation
                candidates = {e for e in candidates if self.entities[e].type == PERSON}
            if len(candidates) == 1:
                return next(iter(candidates))
        return None

    def _named_inside(self, head: Token) -> str | None:
        """A single named entity in the core phrase or a named appositive."""
        if head.pos_ == "NOUN" and (person := self._appositive_person(head)) is not None:
            return person  # "a spokesperson for the agency, Anna Lind, said": Lind, not the agency
        found = {self.entity_at[t.i] for t in core_phrase(head) if self.entity_at[t.i] is not None}
        found = {e for e in found if self.entities[e].type in (PERSON, ORGANIZATION)}
        speaks_for = _noun_key(head) in SPEAKS_FOR_NOUNS
        if head.pos_ == "NOUN" and not speaks_for:
            found = set()  # "the GOP nominee" is a person, not the GOP
        if not found and speaks_for:
            found = self._named_after_for(head)  # "a spokesman for the Foreign Ministry"
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        return self._appositive_person(head)

    def _appositive_person(self, head: Token) -> str | None:
        """The one person named in apposition to a description, wherever the parser hung it.

        "its chair, state Sen. Ann Lee (D-Va.)"; "a lawyer for the mayor, Ann
        Lee": the parser often attaches the name to the nearest noun ("the
        mayor") rather than to the description's head.
        """
        people = set()
        for token in head.subtree:
            if token.dep_ == "appos" and self.quoted[token.i] == -1 and token.i > head.i:
                people |= {self.entity_at[t.i] for t in core_phrase(token) if self.entity_at[t.i] is not None
                           and self.entities[self.entity_at[t.i]].type == PERSON}
        return people.pop() if len(people) == 1 else None

    def _named_after_for(self, head: Token) -> set[str]:
        found = set()
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found |= {self.entity_at[t.i] for t in core_phrase(obj) if self.entity_at[t.i]}
        return {e for e in found if self.entities[e].type in (PERSON, ORGANIZATION)}

    def _former_holders(self, head: Token) -> set[str]:
        """Those the text calls a former holder of ``head``'s title, unless ``head`` itself is "former"."""
        if any(t.lower_ in PAST_TITLE_WORDS for t in head.lefts):
            return set()
        return {e for e, seen in self.titles.get(_title_key_of(head), {}).items() if seen & PAST_TITLE_WORDS}

    def _of_a_lower_rank(self, head: Token) -> set[str]:
        """Those the text gives ``head``'s title, or a title with one of its modifiers, with a rank word ``head``
        lacks: "the presidential nominee" or "the presidential candidate" is no "vice presidential nominee"."""
        said = {t.lower_ for t in head.lefts}
        key, modifiers = _title_key_of(head), said - PARTIES.keys() - {"the", "a", "an"}
        return {e for title, holders in self.titles.items() for e, seen in holders.items()
                if (seen & LOWER_RANKS) - PAST_TITLE_WORDS - said and (title == key or seen & modifiers)}

    def _resolve_title(self, head: Token) -> str | None:
        """"the minister" -> the one person the article calls minister."""
        if head.pos_ != "NOUN" or head.tag_ == "NNS":
            return None  # "the governors", "the House candidates": a group, not one holder
        if _unfilled(head) or any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "another") for c in head.children):
            return None  # "a spokesman" is not a known person, nor "the next president"
        holders = self.titles.get(_title_key_of(head), {})
        # "the GOP candidate" is whoever holds the title now, not one the text calls its former holder
        # ... nor one the text titles with another party only ("the GOP front-runner" is no "Democratic front-runner"),
        # nor a holder of a lower rank of it ("the presidential nominee" is no "vice presidential nominee")
        lower = self._of_a_lower_rank(head)
        holders = {e: seen for e, seen in holders.items() if e not in lower}
        former = self._former_holders(head) | self._of_another_party(head)
        if len(holders) == 1:
            return None if holders.keys() & former else next(iter(holders))
        if any(t.lower_ in PAST_TITLE_WORDS for t in head.lefts):
            # "the former president": the one holder the text calls so ("President X" is often said of a
            # former holder too, so the others are not ruled out when none is called former)
            called = [e for e, seen in holders.items() if seen & PAST_TITLE_WORDS]
            if len(called) == 1:
                return called[0]
        # "the Republican nominee": keep the holders described with the same words
        words = {t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.is_title}
        matching = [e for e, seen in holders.items() if words and words <= seen]
        if len(matching) > 1:
            matching = [e for e in matching if e not in former]
        return matching[0] if len(matching) == 1 else None

    def _resolve_pronoun(self, pronoun: Token) -> str | None:
        word = pronoun.lower_
        if word in REFLEXIVE_PRONOUNS:
            return self._binder(pronoun)
        if word in MALE_PRONOUNS:
            gender = "m"
        elif word in FEMALE_PRONOUNS:
            gender = "f"
        elif word in ("it", "its"):
            if word == "it" and self._thing_before(pronoun):
                return None  # "The post showed a man. It says ...": the thing just named, no organisation
            if word == "it" and (pronoun.dep_ == "expl" or (
                    pronoun.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in pronoun.head.children))):
                return None  # "It has been reported that ...", "It is said that ...": no one, the clause after
            if word == "its" and (described := self._described_subject(pronoun)) is not None:
                return self.resolve(described)  # "the country would declare its intention": the country's
            return self._antecedent(pronoun, None, self.org_mentions, IT_REACH)
        elif word in ("they", "their", "them"):
            return self._group_in_sentence(pronoun)
        else:
            return None  # "we": too often a group or an unnamed body
        entity_id = self._possessive_binder(pronoun, gender) if pronoun.dep_ == "poss" else self._answerer(pronoun, gender)
        if entity_id is None:  # who it cannot mean: its clause's subject if an object, its verb's objects if a subject
            excluded = self._own_clause_subjects(pronoun) | self._own_verbs_objects(pronoun)
            entity_id = self._antecedent(pronoun, gender, self.person_mentions, PRONOUN_REACH, excluded)
        if entity_id is not None:
            self.gender.setdefault(entity_id, gender)
        return entity_id

    def _modifies_a_noun(self, start: int) -> bool:
        """A name that only modifies a common noun ("the Obama administration bears ...", "the Clinton
        campaign") names no one a later he or she goes on with: the noun is the topic."""
        token = self.doc[start]
        while token.dep_ in ("compound", "flat") and self.entity_at[token.head.i] == self.entity_at[start] \
                and token.head.i != token.i:
            token = token.head  # the name's own last word
        return token.dep_ == "compound" and token.head.pos_ == "NOUN"

    def _sentence_before(self, token: Token) -> SpacySpan | None:
        """The sentence before ``token``'s own, or None in the first."""
        start = self.sentence_start[token.i]
        return self.doc[self.sentence_start[start - 1]:start] if start > 0 else None

    def _answerer(self, pronoun: Token, gender: str) -> str | None:
        """"X asked Y whether ... '…,' he said": who speaks after a question is the one asked, not the
        asker the salience search would pick (an interviewer named as the subject)."""
        from .words import words

        if pronoun.dep_ != "nsubj":
            return None
        question = pronoun.head
        if question.dep_ in ("ccomp", "advcl") and question.head.lemma_.lower() == "ask" \
                and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in question.children) \
                and not any(c.dep_ == "aux" and c.lower_ in ("could", "can", "may", "might") for c in question.children):
            # "X asked Y whether he had thoughts": the question is put to Y, of Y ("asked Y if he could
            # stay" asks leave for the asker: left to the search)
            asked = [self.entity_at[c.i] for c in question.head.children if c.dep_ in ("dobj", "dative")]
            asked = [e for e in asked if e is not None and self.entities[e].type == PERSON
                     and self.gender.get(e, gender) == gender]
            return asked[0] if len(asked) == 1 else None
        if pronoun.head.lemma_.lower() not in words().speech_verbs:
            return None
        previous = self._sentence_before(pronoun)
        if previous is None:
            return None
        root = previous.root
        if root.lemma_.lower() != "ask" or any(c.dep_ == "nsubjpass" for c in root.children):
            return None
        asked = [self.entity_at[c.i] for c in root.children if c.dep_ in ("dobj", "dative")]
        asked = [e for e in asked if e is not None and self.entities[e].type == PERSON
                 and self.gender.get(e, gender) == gender]
        return asked[0] if len(asked) == 1 else None

    def _own_clause_subjects(self, pronoun: Token) -> set[str]:
        """Who an object pronoun cannot mean: the subject of its own clause, said or understood ("X
        decided to talk with him": "him" is not X; X would be "himself"). Possessives bind the other way."""
        from .relation_patterns import clause_subjects

        if pronoun.dep_ not in ("dobj", "pobj", "dative") or (
                pronoun.pos_ == "PRON" and pronoun.lower_ not in ("him", "her", "them")):
            return set()  # (a description as object is free too: "he met the president of Chile" is another)
        verb = _governing_verb(pronoun)
        found: set[str] = set()
        for _ in range(4):  # up through infinitives whose subject is understood: "decided [to talk with him]"
            subjects = [s for s in clause_subjects(verb) if s.pos_ in ("PROPN", "PRON")]  # not an acl's noun
            for s in subjects:  # a subject pronoun before it stands for whom it means ("he decided to ...")
                e = self.entity_at[s.i] if s.pos_ != "PRON" or s.i > pronoun.i else self._resolve_pronoun(s)
                if e is not None:
                    found.add(e)
            if subjects or verb.dep_ not in ("xcomp", "advcl", "acl", "pcomp") or verb.head.i == verb.i:
                break
            verb = _governing_verb(verb)  # "after a chance [to talk with him]": through the noun to the verb
        return found

    def _own_verbs_objects(self, pronoun: Token) -> set[str]:
        """Who a subject pronoun cannot mean: a name its own verb takes as object ("He praised Lee",
        "he declared Lee to be the one": Lee would be "himself")."""
        if pronoun.dep_ != "nsubj":
            return set()
        found: set[str] = set()
        for child in pronoun.head.children:
            if child.dep_ in ("dobj", "dative"):
                found.add(self.entity_at[child.i])  # a name (a description's referent is not asked: it asks back)
            elif child.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                # "declared Lee to be the one": the infinitive's own subject
                found.update(self.entity_at[c.i] for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
        found.discard(None)
        return found

    def _thing_before(self, pronoun: Token) -> bool:
        """Is a sentence-opening "it" the text the sentence before was about: its subject a document, post
        or message that is no entity ("The post showed a man. It says ...", "The report ... It found")?"""
        previous = self._sentence_before(pronoun)
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or previous is None or any(
                not t.is_punct for t in self.doc[self.sentence_start[pronoun.i]:pronoun.i]):
            return False
        subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        return subject is not None and subject.tag_ == "NN" and self.entity_at[subject.i] is None \
            and subject.lemma_.lower() in TEXT_NOUNS

    def _described_subject(self, pronoun: Token) -> Token | None:
        """The clause subject before an "its" when a common noun for a place or body ("the country", "the
        company"): the possessive is bound to it, and means what it means (maybe no one named)."""
        subject = _subject_before(pronoun)
        if subject is None or subject.pos_ != "NOUN" or self.entity_at[subject.i] is not None:
            return None
        return subject if descriptor_type(subject) in (PLACE, ORGANIZATION) else None

    def _possessive_binder(self, pronoun: Token, gender: str) -> str | None:
        """"X, who was shot outside his home", "Lee sold her shares": a possessive in a clause whose
        subject is an agreeing person means that person, unless another agreeing person stands between
        them ("Lee praised Berg for his work" is left to the salience search)."""
        subject = _subject_before(pronoun)
        entity = self.entity_at[subject.i] if subject is not None else None
        if entity is None or self.entities[entity].type != PERSON or self.gender.get(entity, gender) != gender:
            return None
        between = {self.entity_at[i] for i in range(subject.i + 1, pronoun.i)} - {None, entity}
        if any(self.entities[e].type == PERSON and self.gender.get(e, gender) == gender for e in between):
            return None
        return entity

    def _binder(self, pronoun: Token) -> str | None:
        """A reflexive means the subject of its own clause: "In defending himself, X said", "X portrayed
        herself as ...". Never the most salient person nearby, who is often the one speaking."""
        from .relation_patterns import clause_subjects

        verb = _governing_verb(pronoun)  # "proud of himself": through the preposition to the verb
        subject = next((s for s in clause_subjects(verb) if s.i != pronoun.i), None)
        if subject is None or subject.lower_ in REFLEXIVE_PRONOUNS:
            return None
        return self.resolve(subject)

    def _group_in_sentence(self, pronoun: Token) -> str | None:
        """"Lee's team mocked the plan, which they call …": "they" is a
        body named as a subject earlier in its own sentence; elsewhere too often a crowd."""
        for token in reversed(self.doc[self.sentence_start[pronoun.i]:pronoun.i]):
            if token.dep_ not in SUBJECT_DEPS or self.quoted[token.i] != -1:
                continue
            entity_id = self.entity_at[token.i]
            if entity_id is not None:
                return entity_id if self.entities[entity_id].type == ORGANIZATION else None
            if token.pos_ == "NOUN" and token.lemma_.lower() in GROUP_NOUNS:
                return self._named_inside(token)
            return None
        return None

    def _antecedent(self, pronoun: Token, gender: str | None, candidates: list[tuple[int, str]],
                    reach: int, exclude: set[str] = frozenset()) -> str | None:
        """The subject entity of the nearest earlier sentence that has an agreeing one.

        Within the pronoun's own sentence the nearest preceding subject wins,
        else the nearest mention; earlier sentences prefer their first subject,
        else their first mention.
        Mentions inside quotations are skipped: quoted speech names people the
        speaker talks about, not the speaker. A pronoun inside a quotation reads
        the names of its own quotation too ('"Y leads, but he would need ...'").
        """
        doc = self.doc
        end = bisect_left(candidates, (pronoun.i, ""))
        earlier = candidates[:end]
        if gender is not None and candidates is self.person_mentions and self.quoted[pronoun.i] == -1:
            # a chain goes on through its pronouns: "… say she stands behind Y's stand on Z. Her adviser …"
            # is the one "she" was, the sentence's subject, not the name it ends on (in a quotation, the
            # speaker's "he" is someone else than the reporter's)
            said = [(i, PRONOUN_MENTION) for i in self._subject_pronouns[gender] if i < pronoun.i]
            earlier = sorted(earlier + said)
        by_sentence: dict[int, list[tuple[int, str]]] = {}
        sentence_order: list[int] = []
        own_quote = self.quoted[pronoun.i]  # -1 outside quotations
        for start, entity_id in reversed(earlier):
            if entity_id == PRONOUN_MENTION:
                entity_id = self._chained(start) if self.quoted[start] == -1 else None
                if entity_id is None:
                    continue
            if self.quoted[start] not in (-1, own_quote) \
                    or (gender is not None and self.gender.get(entity_id, gender) != gender) \
                    or entity_id in exclude or self._modifies_a_noun(start):
                continue  # a description of no stated gender ("the senator") agrees with anyone
            sent_start = self.sentence_start[start]
            if sent_start not in by_sentence:
                if len(sentence_order) >= reach:
                    break
                by_sentence[sent_start] = []
                sentence_order.append(sent_start)
            by_sentence[sent_start].append((start, entity_id))
        for sent_start in sentence_order:
            mentions = by_sentence[sent_start]  # nearest first
            subjects = [e for start, e in mentions if self.is_subject(doc[start])]
            if sent_start == self.sentence_start[pronoun.i]:
                # "Lee says she …": the clause subject before the pronoun, else the nearest, but not one set
                # off between dashes or brackets the pronoun stands outside ("Gov. X — a running mate for Y —
                # made ..., and he ...": the parser may leave X no subject)
                if subjects:
                    return subjects[0]
                outside = [e for start, e in mentions if not self._set_off(start, pronoun.i)]
                return outside[0] if outside else mentions[0][1]
            if subjects:
                return subjects[-1]  # the earliest subject in the sentence
            return mentions[-1][1]
        return None

    def _set_off(self, i: int, after: int) -> bool:
        """Whether token ``i`` lies inside a pair of dashes or brackets that closes before token ``after``."""
        doc, start = self.doc, self.sentence_start[i]
        before, between = doc[start:i], doc[i + 1:after]
        if sum(t.text in DASHES for t in before) % 2 == 1 and any(t.text in DASHES for t in between):
            return True
        opened = max((t.i for t in before if t.text == "("), default=-1)
        return opened > max((t.i for t in before if t.text == ")"), default=-1) and any(t.text == ")" for t in between)

    def _chained(self, i: int) -> str | None:
        """What the subject pronoun at ``i`` means, resolved once (an earlier pronoun's chain is followed
        through its own antecedent search; a long chain stops after CHAIN_DEPTH links)."""
        if i not in self._chain:
            self._chain[i] = None  # while resolving: a search that comes back here finds nothing
            if self._chain_depth < CHAIN_DEPTH:
                self._chain_depth += 1
                try:
                    self._chain[i] = self._resolve_pronoun(self.doc[i])
                finally:
                    self._chain_depth -= 1
        return self._chain[i]

    @cached_property
    def _subject_pronouns(self) -> dict[str, list[int]]:
        """The subject he/she of the doc, by gender, in text order."""
        found: dict[str, list[int]] = {"m": [], "f": []}
        shared = facts(self.doc)
        for i in shared.with_pos("PRON"):
            word = shared.lowers[i]
            if word in ("he", "she") and shared.deps[i] in SUBJECT_DEPS:
                found["m" if word == "he" else "f"].append(i)
        return found

    def is_subject(self, token: Token) -> bool:
        """Whether a mention token heads (or is part of) a clause subject."""
        for _ in range(3):
            if token.dep_ in SUBJECT_DEPS:
                return True
            if token.dep_ not in ("compound", "flat", "appos") or token.head.i == token.i:
                return False
            token = token.head
        return False
