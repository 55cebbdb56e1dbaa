"""Merge per-article results into one corpus: one node per real entity.

Entities are keyed by (type, normalised canonical name), so the same entity in
two articles is one node. A bare surname or short form from one article joins
a full name from another only when exactly one full name in the corpus fits
(two people sharing a surname stay two). Work is linear in the number of
entities: candidates come from a word index, never from all pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .. import places
from ..model import PERSON, PLACE, Article, DocResult, Quote, Relation
from ..names import name_key, without_initials

@dataclass
class CorpusEntity:
    """An entity of the whole corpus, with everything known about it."""

    key: tuple[str, str]  # (type, normalised name): its identity
    name: str
    type: str
    labels: Counter = field(default_factory=Counter)  # spaCy labels seen
    names: Counter = field(default_factory=Counter)  # every surface name and how often
    roles: Counter = field(default_factory=Counter)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)  # article keys, in input order

    @property
    def aliases(self) -> list[str]:
        own = name_key(self.name)
        seen, result = {own}, []
        for alias, _ in sorted(self.names.items(), key=lambda kv: (-kv[1], kv[0])):
            if name_key(alias) not in seen:
                seen.add(name_key(alias))
                result.append(alias)
        return result


@dataclass
class CorpusRelation:
    subject: tuple[str, str]
    predicate: str
    object: tuple[str, str]
    article: str
    relation: Relation
    claimed_by: Quote | None = None  # the quote it was stated in, if any
    claimant: tuple[str, str] | None = None  # that quote's speaker


@dataclass
class CorpusQuote:
    article: str
    quote: Quote
    speaker: tuple[str, str] | None


@dataclass
class Corpus:
    """Everything a graph is built from, in input order."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[tuple[str, str], CorpusEntity] = field(default_factory=dict)
    relations: list[CorpusRelation] = field(default_factory=list)
    quotes: list[CorpusQuote] = field(default_factory=list)
    mentions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # article -> entities
    hashes: set[str] = field(default_factory=set)  # content hashes of the articles

    def add(self, result: DocResult) -> bool:
        """Add one article's result; False if the same text is already in the corpus."""
        article = result.article
        if article.content_hash in self.hashes:
            return False
        if article.key in self.articles:  # same name, different text: keep both
            article = replace(article, id=f"{article.key}-{article.content_hash[:8]}")
        self.articles[article.key] = article
        self.hashes.add(article.content_hash)
        local = {}
        for entity in result.entities:
            name = _gazetteer_name(entity)
            key = (entity.type, name_key(name))
            node = self.entities.get(key)
            if node is None:
                node = self.entities[key] = CorpusEntity(key, name, entity.type)
            node.labels[entity.label] += 1
            node.names[entity.name] += 1
            for alias in entity.aliases:
                node.names[alias] += 1
            for role in entity.roles:
                node.roles[role] += 1
            node.mentions += len(entity.mentions)
            if not node.articles or node.articles[-1] != article.key:  # O(1): an article's entities come together
                node.articles.append(article.key)
            local[entity.id] = key
        self.mentions[article.key] = list(dict.fromkeys(local.values()))
        for quote in result.quotes:
            self.quotes.append(CorpusQuote(article.key, quote, local.get(quote.speaker)))
        for relation in result.relations:
            if relation.subject in local and relation.object in local and local[relation.subject] != local[relation.object]:
                claimed = result.quotes[relation.claimed_by] if relation.claimed_by is not None else None
                self.relations.append(CorpusRelation(
                    local[relation.subject], relation.predicate, local[relation.object], article.key, relation,
                    claimed, local.get(claimed.speaker) if claimed else None))
        return True

    def resolve_short_names(self) -> None:
        """Fold an entity into the one other entity of its type that its name points to.

        Its name points to an entity when it is one of that entity's other
        names ("NATO" seen elsewhere as the alias of "North Atlantic Treaty
        Organization"), or, for a single word, the first or last word of a
        multi-word name ("Stoltenberg"). Only an unambiguous target counts:
        two Clintons keep a bare "Clinton" apart. Candidates come from two
        dictionaries, so the work is linear in the number of names.
        """
        by_word: dict[tuple[str, str], set] = defaultdict(set)
        by_alias: dict[tuple[str, str], set] = defaultdict(set)
        for key, node in self.entities.items():
            words = key[1].split()
            if len(words) > 1:
                for word in ({words[0], words[-1]} if node.type == PERSON else {words[0]}):
                    by_word[(node.type, word)].add(key)
            for alias in node.names:
                if alias[:1].isupper() and name_key(alias) != key[1]:  # names, not "the alliance"
                    by_alias[(node.type, name_key(alias))].add(key)
            if node.type == PERSON and without_initials(words) != words:  # "Donald J. Trump" is "Donald Trump"
                by_alias[(node.type, " ".join(without_initials(words)))].add(key)
        renames = {}
        for key in self.entities:
            candidates = by_alias.get(key, set()) - {key}
            if not candidates and len(key[1].split()) == 1:
                candidates = by_word.get(key, set())
                if not candidates and key[0] != PERSON and places.lookup(key[1]) is None:
                    candidates = by_word.get((PERSON, key[1]), set())  # a surname NER typed ORG or GPE
            if len(candidates) == 1:
                renames[key] = next(iter(candidates))
        if renames:
            self._merge(_follow_chains(renames))

    def _merge(self, renames: dict) -> None:
        """Fold each entity ``old`` into ``renames[old]``, in one pass over the statements."""
        for old, new in renames.items():
            source, target = self.entities.pop(old), self.entities[new]
            target.labels.update(source.labels)
            target.names.update(source.names)
            target.roles.update(source.roles)
            target.mentions += source.mentions
            known = set(target.articles)
            target.articles.extend(a for a in source.articles if a not in known)
        for r in self.relations:
            r.subject = renames.get(r.subject, r.subject)
            r.object = renames.get(r.object, r.object)
            r.claimant = renames.get(r.claimant, r.claimant)
        self.relations = [r for r in self.relations if r.subject != r.object]
        for q in self.quotes:
            q.speaker = renames.get(q.speaker, q.speaker)
        for article, keys in self.mentions.items():
            self.mentions[article] = list(dict.fromkeys(renames.get(k, k) for k in keys))


def _gazetteer_name(entity) -> str:
    """A place's name as the gazetteer spells it ("U.S." and "US" -> "United States"), else its own."""
    if entity.type == PLACE:
        place = places.lookup(entity.name)
        if place is not None:
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


def merge_results(results, corpus: Corpus | None = None) -> tuple[Corpus, int]:
    """Merge per-article results into ``corpus`` (a new one by default).

    Returns the corpus and how many results were skipped as duplicates of an
    article already in it (same text).
    """
    corpus, duplicates = corpus if corpus is not None else Corpus(), 0
    for result in results:
        duplicates += not corpus.add(result)
    corpus.resolve_short_names()
    return corpus, duplicates
