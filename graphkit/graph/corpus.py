"""Merge per-article results into one corpus: one node per real entity.

Identity is the name in normal form (graphkit.names.name_key), never the
type: "Donald Trump" typed Person in one article and Organization in another
is one node, and its type is voted over the corpus (each article's decision
weighted by its mentions). One node has one label: the form of its name seen
most often.

Across articles a name that is a short form of exactly one other entity's
name joins it (``resolve_short_names``): a surname or first name of one
person, an acronym or listed alias of one entity, an organisation's name
without its generic last word. Two people sharing a surname stay apart from
a bare surname; a known place never joins a person or an organisation named
after it. A user's alias table (``Aliases``) has the last word: same-as pairs
are merged first, and not-same-as pairs are never merged. Work is linear in
the number of entities: candidates come from dictionaries, never from all pairs.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import places
from ..model import FACT, ORGANIZATION, PERSON, PLACE, Article, DocResult, Quote, Relation
from ..names import GENERIC_ORG_WORDS, NAME_SUFFIXES, acronyms, is_acronym, name_key, without_initials

TYPE_ORDER = (PERSON, ORGANIZATION, PLACE)
# How much better known one candidate must be than all the others together for a bare name to mean it.
DOMINANCE = 5


@dataclass
class CorpusEntity:
    """An entity of the whole corpus, with everything known about it."""

    key: str  # the normalised name: its identity
    name: str
    types: Counter = field(default_factory=Counter)  # type -> mentions the articles gave it
    labels: Counter = field(default_factory=Counter)  # spaCy labels seen
    names: Counter = field(default_factory=Counter)  # every surface name and how often
    canonical: Counter = field(default_factory=Counter)  # the articles' canonical names: the label is one of them
    roles: Counter = field(default_factory=Counter)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)  # article keys, in input order
    merged: set = field(default_factory=set)  # keys of the entities folded into this one
    genders: Counter = field(default_factory=Counter)  # "m"/"f" as the articles gave it (Mr./Ms., he/she)

    @property
    def gender(self) -> str | None:
        """The gender the articles agree on, else None."""
        if len(self.genders) == 1:
            return next(iter(self.genders))
        return None

    @property
    def type(self) -> str:
        """The type most mentions were given; ties in the order Person, Organization, Place."""
        if not self.types:
            return ORGANIZATION
        return max(TYPE_ORDER, key=lambda t: (self.types.get(t, 0), -TYPE_ORDER.index(t)))

    @property
    def aliases(self) -> list[str]:
        own = name_key(self.name)
        seen, result = {own}, []
        for alias, _ in sorted(self.names.items(), key=lambda kv: (-kv[1], kv[0])):
            if name_key(alias) not in seen:
                seen.add(name_key(alias))
                result.append(alias)
        return result

    def absorb(self, other: CorpusEntity) -> None:
        self.types.update(other.types)
        self.labels.update(other.labels)
        self.names.update(other.names)
        self.names.update(other.canonical)
        self.roles.update(other.roles)
        self.mentions += other.mentions
        self.genders.update(other.genders)
        self.merged |= {other.key} | other.merged
        known = set(self.articles)
        self.articles.extend(a for a in other.articles if a not in known)


@dataclass
class CorpusRelation:
    subject: str
    predicate: str
    object: str
    article: str
    relation: Relation
    claimed_by: Quote | None = None  # the quote it was stated in, if any
    claimant: str | None = None  # who claims it: that quote's speaker, or the source of "X said that ..."
    status: str = FACT  # only a fact is asserted as a plain triple
    quote_speaker: str | None = None  # the speaker of ``claimed_by``: the claimant too, unless the speaker reports another's

    @property
    def claiming_entity(self) -> str | None:
        """Who claims it, for every writer alike: the claimant, unless the reporter states it as fact."""
        return self.claimant if self.status != FACT else None


@dataclass
class CorpusQuote:
    article: str
    quote: Quote
    speaker: str | None


class AliasError(ValueError):
    """An alias file that cannot be read."""


@dataclass
class Aliases:
    """A user's identity decisions: names that are one entity, and names that never are.

    File format, one pair a line, '#' starts a comment::

        Barack Obama = Barack Hussein Obama
        Bill Clinton != Hillary Clinton
    """

    same: list[tuple[str, str]] = field(default_factory=list)
    different: set[frozenset] = field(default_factory=set)

    @classmethod
    def read(cls, path: str | os.PathLike) -> Aliases:
        table = cls()
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise AliasError(f"{path}: cannot read alias file: {error}") from None
        for number, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            sign = "!=" if "!=" in line else "=" if "=" in line else None
            if sign is None:
                raise AliasError(f"{path}:{number}: expected 'NAME = NAME' or 'NAME != NAME', got {line!r}")
            a, b = (part.strip() for part in line.split(sign, 1))
            if not a or not b:
                raise AliasError(f"{path}:{number}: a name is missing in {line!r}")
            table.add(a, b, same=sign == "=")
        return table

    def add(self, a: str, b: str, same: bool = True) -> None:
        if same:
            self.same.append((a, b))
        else:
            self.different.add(frozenset((name_key(a), name_key(b))))

    def allows(self, a: CorpusEntity, b: CorpusEntity) -> bool:
        """May ``a`` and ``b`` be merged? Not if any name folded into one is kept apart from one in the other."""
        if not self.different:
            return True
        return not any(frozenset((x, y)) in self.different for x in a.merged | {a.key} for y in b.merged | {b.key})


@dataclass
class Corpus:
    """Everything a graph is built from, in input order."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, CorpusEntity] = field(default_factory=dict)
    relations: list[CorpusRelation] = field(default_factory=list)
    quotes: list[CorpusQuote] = field(default_factory=list)
    mentions: dict[str, list[str]] = field(default_factory=dict)  # article -> entities
    # article -> where each entity occurs in it: (entity key, start, end, words)
    spans: dict[str, list[tuple[str, int, int, str]]] = field(default_factory=dict)
    hashes: set[str] = field(default_factory=set)  # content hashes of the articles
    aliases: Aliases = field(default_factory=Aliases)

    def add(self, result: DocResult) -> bool:
        """Add one article's result; False if the same text is already in the corpus."""
        article = result.article
        if article.content_hash in self.hashes:
            return False
        if article.key in self.articles:  # same name, different text: keep both
            article = replace(article, id=f"{article.key}-{article.content_hash[:8]}")
        self.articles[article.key] = article
        self.hashes.add(article.content_hash)
        local, spans = {}, []
        for entity in result.entities:
            name = _gazetteer_name(entity)
            key = name_key(name)
            node = self.entities.get(key)
            if node is None:
                node = self.entities[key] = CorpusEntity(key, name)
            node.types[entity.type] += len(entity.mentions) or 1
            node.labels[entity.label] += 1
            node.canonical[name] += 1
            node.names[entity.name] += 1
            for alias in entity.aliases:
                node.names[alias] += 1
            for role in entity.roles:
                node.roles[role] += 1
            if entity.gender:
                node.genders[entity.gender] += 1
            node.mentions += len(entity.mentions)
            if not node.articles or node.articles[-1] != article.key:  # O(1): an article's entities come together
                node.articles.append(article.key)
            local[entity.id] = key
            spans.extend((key, m.start, m.end, m.text) for m in entity.mentions)
        self.mentions[article.key] = list(dict.fromkeys(local.values()))
        self.spans[article.key] = sorted(spans, key=lambda s: (s[1], s[2]))
        for quote in result.quotes:
            self.quotes.append(CorpusQuote(article.key, quote, local.get(quote.speaker)))
        for relation in result.relations:
            if relation.subject in local and relation.object in local and local[relation.subject] != local[relation.object]:
                claimed = result.quotes[relation.claimed_by] if relation.claimed_by is not None else None
                speaker = local.get(claimed.speaker) if claimed else None
                self.relations.append(CorpusRelation(
                    local[relation.subject], relation.predicate, local[relation.object], article.key, relation,
                    claimed, local.get(relation.claimant) or speaker, relation.status, speaker))
        return True

    def finish(self) -> None:
        """Apply the user's same-as pairs, link short names, and fix each node's label."""
        self.relations = _one_statement_each(self.relations)
        self.apply_aliases()
        self.resolve_short_names()
        for node in self.entities.values():
            node.name = _label(node)

    def apply_aliases(self) -> None:
        """Merge the entities the user's same-as pairs name (the first name of a pair stays)."""
        renames = {}
        for a, b in self.aliases.same:
            ka, kb = name_key(a), name_key(b)
            if ka != kb and ka in self.entities and kb in self.entities \
                    and self.aliases.allows(self.entities[ka], self.entities[kb]):
                renames[kb] = ka
        if renames:
            self._merge(_follow_chains(renames))

    def resolve_short_names(self, passes: int = 4) -> None:
        """Fold an entity into the one other entity its name is a short form of (see the module docstring).

        A merge can settle what was ambiguous before it ("Trump" between
        "Donald Trump" and "Donald J. Trump", until those two are one), so
        passes repeat until nothing changes (at most ``passes``; each is linear).
        """
        for _ in range(passes):
            index = _ShortFormIndex(self.entities)
            renames = {}
            for key, node in self.entities.items():
                target = index.target(key, node, lambda c, node=node: self.aliases.allows(node, self.entities[c]))
                if target is not None and _fuller(self.entities[target], node):
                    renames[key] = target
            if not renames:
                return
            self._merge(_follow_chains(renames))

    def _merge(self, renames: dict) -> None:
        """Fold each entity ``old`` into ``renames[old]``, in one pass over the statements."""
        for old, new in renames.items():
            self.entities[new].absorb(self.entities.pop(old))
        self.rename(renames)

    def rename(self, renames: dict) -> None:
        """Point every statement, quote, mention and span at ``renames[key]`` instead of ``key``.

        A relation whose two ends become one entity goes. The store
        (graphkit.store) uses this alone to rewrite one article's references.
        """
        for r in self.relations:
            r.subject = renames.get(r.subject, r.subject)
            r.object = renames.get(r.object, r.object)
            r.claimant = renames.get(r.claimant, r.claimant)
        self.relations = _one_statement_each([r for r in self.relations if r.subject != r.object])
        for q in self.quotes:
            q.speaker = renames.get(q.speaker, q.speaker)
        for article, keys in self.mentions.items():
            self.mentions[article] = list(dict.fromkeys(renames.get(k, k) for k in keys))
        for spans in self.spans.values():
            spans[:] = [(renames.get(k, k), *rest) for k, *rest in spans]


class _ShortFormIndex:
    """Which entities a name can be a short form of, from dictionaries built once."""

    def __init__(self, entities: dict[str, CorpusEntity]):
        self.entities = entities
        self.person_words: dict[str, set] = defaultdict(set)  # first or last word of a person's full name
        self.surnames: dict[str, set] = defaultdict(set)  # ... its last word only
        self.aliases: dict[str, set] = defaultdict(set)  # other names an entity was called
        self.prefixes: dict[str, set] = defaultdict(set)  # an organisation's name without its generic last words
        self.initials: dict[str, set] = defaultdict(set)  # first letters of multi-word names
        for key, node in entities.items():
            words = key.split()
            kind = node.type
            if kind == PERSON and len(words) > 1:
                core = words[:-1] if words[-1] in NAME_SUFFIXES and len(words) > 2 else words
                for word in {core[0], core[-1]}:  # "Samuel Alito Jr." is Alito
                    self.person_words[word].add(key)
                self.surnames[core[-1]].add(key)
                if without_initials(words) != words:  # "Donald J. Trump" is "Donald Trump"
                    self.aliases[" ".join(without_initials(words))].add(key)
            if kind == ORGANIZATION and len(words) > 1:
                trimmed = list(words)
                while len(trimmed) > 1 and trimmed[-1] in GENERIC_ORG_WORDS:
                    trimmed.pop()
                    self.prefixes[" ".join(trimmed)].add(key)
            if len(words) > 1 and kind != PERSON:
                for letters in acronyms(node.name):
                    self.initials[letters].add(key)
            for alias in node.names:
                alias_key = name_key(alias)
                if alias[:1].isupper() and alias_key != key:  # names, not "the alliance"
                    self.aliases[alias_key].add(key)

    def target(self, key: str, node: CorpusEntity, allowed) -> str | None:
        """The one entity ``key`` names, or the one so much better known that it must be meant.

        A bare "Lee" beside "Ann Lee" (900 mentions) and "Bo Lee" (12) means
        Ann Lee: an entity with DOMINANCE times the mentions of all other
        candidates together wins; otherwise several candidates mean none.
        """
        candidates = [c for c in self.candidates(key, node) if c != key and allowed(c)
                      and not _other_sex(node, self.entities[c])]
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            counts = sorted(((self.entities[c].mentions, c) for c in candidates), reverse=True)
            if counts[0][0] >= DOMINANCE * sum(n for n, _ in counts[1:]):
                return counts[0][1]
        return None

    def candidates(self, key: str, node: CorpusEntity) -> set:
        """Every entity the name may be a short form of: an alias, a trimmed or abbreviated name, a surname."""
        known_place = places.lookup(node.name) is not None  # a gazetteer name is no one's surname
        place = node.type == PLACE or known_place
        found = {c for c in self.aliases.get(key, ()) if not (place and self.entities[c].type != PLACE)}
        if node.type != PERSON and not place:
            found |= self.prefixes.get(key, set())
            if is_acronym(node.name):
                found |= self.initials.get(key, set())
        if len(key.split()) == 1 and not is_acronym(node.name) and (node.type == PERSON or not known_place):
            # a surname NER may have typed ORG or GPE; but a name the corpus holds for a place is a person's
            # first name only by chance ("Chelsea", "Florence", "Austin": the neighbourhood, not Chelsea X)
            found |= (self.surnames if node.type == PLACE else self.person_words).get(key, set())
        return found


def short_form_keys(entity: CorpusEntity) -> set[str]:
    """Every key ``_ShortFormIndex`` may file ``entity`` under, whatever type the corpus votes it, or more.

    A superset on purpose: the store (graphkit.store) links an entity to every
    entity whose key is one of these, and re-resolves short names only within
    what is linked to the articles added. Keep it in step with ``_ShortFormIndex``.
    """
    words = entity.key.split()
    found = set()
    if len(words) > 1:
        core = words[:-1] if words[-1] in NAME_SUFFIXES and len(words) > 2 else words
        found |= {words[0], words[-1], core[0], core[-1], " ".join(without_initials(words))}
        trimmed = list(words)
        while len(trimmed) > 1 and trimmed[-1] in GENERIC_ORG_WORDS:
            trimmed.pop()
            found.add(" ".join(trimmed))
        found.update(acronyms(entity.name))
    found |= {name_key(alias) for alias in entity.names}
    found |= {name_key(name) for name in entity.canonical}
    found.discard(entity.key)
    return found


def _other_sex(a: CorpusEntity, b: CorpusEntity) -> bool:
    """Do the articles say one is a man and the other a woman ("Mr. Lee" is not "Ana Lee")?"""
    return a.gender is not None and b.gender is not None and a.gender != b.gender


def _fuller(target: CorpusEntity, node: CorpusEntity) -> bool:
    """Does ``target`` carry the fuller name (more words; or as many, and more mentions)? Merges go that way only.

    A name far better known than its "fuller" form is not folded into it: one
    headline's "Hillary Clinton Speaks" or one committee's "House Education"
    must not swallow the node of 4,000 mentions whose name it merely extends.
    A bare surname is the exception: news names a person in full once and by
    surname ever after, so "Berman" outnumbers "Wayne Berman" and still means him.
    """
    surname = node.type == PERSON and target.type == PERSON and len(node.key.split()) == 1
    if node.mentions >= DOMINANCE * max(target.mentions, 1) and not surname:
        return False
    a, b = len(target.key.split()), len(node.key.split())
    return a > b or (a == b and (target.mentions, target.key) > (node.mentions, node.key))


def _label(node: CorpusEntity) -> str:
    """The node's one label: its canonical name seen most often, then the longest, then the first."""
    if not node.canonical:
        return node.name
    order = list(node.canonical)
    return max(order, key=lambda n: (node.canonical[n], len(n), -order.index(n)))


def _gazetteer_name(entity) -> str:
    """A place's name as the gazetteer spells it when the article used another name ("U.S." -> "United States")."""
    if entity.type == PLACE:
        place = places.lookup(entity.name)
        if place is not None and name_key(place.name) != name_key(entity.name):
            return place.name
    return entity.name


def _follow_chains(renames: dict) -> dict:
    """Point every renamed entity at the end of its chain; entities in a cycle stay as they are."""
    resolved = {}
    for old, new in renames.items():
        seen = {old}
        while new in renames and new not in seen:
            seen.add(new)
            new = renames[new]
        if new not in seen:
            resolved[old] = new
    return resolved


def merge_results(results, corpus: Corpus | None = None, aliases: Aliases | None = None) -> tuple[Corpus, int]:
    """Merge per-article results into ``corpus`` (a new one by default).

    Returns the corpus and how many results were skipped as duplicates of an
    article already in it (same text).
    """
    corpus, duplicates = corpus if corpus is not None else Corpus(), 0
    if aliases is not None:
        corpus.aliases = aliases
    for result in results:
        duplicates += not corpus.add(result)
    corpus.finish()
    return corpus, duplicates


def _one_statement_each(relations: list[CorpusRelation]) -> list[CorpusRelation]:
    """One status per statement: article, subject, predicate, object and sentence make its IRI.

    Two of an article's entities that are one corpus entity (or become one in
    a merge) can make the same statement twice. Relations of one statement
    with one status are kept, its roles and rules together on the one node;
    with two statuses, the plain fact outranks the others (as inside an
    article), else the first status stays.
    """
    status_of: dict[tuple, str] = {}
    for r in relations:
        key = (r.article, r.subject, r.predicate, r.object, r.relation.evidence.start)
        if key not in status_of or (status_of[key] != FACT and r.status == FACT):
            status_of[key] = r.status
    kept = [r for r in relations
            if status_of[(r.article, r.subject, r.predicate, r.object, r.relation.evidence.start)] == r.status]
    return kept if len(kept) < len(relations) else relations
