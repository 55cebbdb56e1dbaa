"""graphkit's own RDF terms, mirrored from ``graphkit/vocab.ttl``."""

from __future__ import annotations

from importlib import resources

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

GK_IRI = "https://example.org/graphkit/ns#"
VERB = Namespace("https://example.org/graphkit/verb/")  # one property per verb lemma
DEFAULT_BASE = "https://example.org/graphkit/id/"


class GK(DefinedNamespace):
    """graphkit vocabulary: provenance, reported speech, relation types schema.org lacks."""

    _fail = True
    _NS = Namespace(GK_IRI)

    ReportedSpeech: URIRef  # indirect speech ("X said that ..."); direct quotes are schema:Quotation
    VerbRelation: URIRef  # class of the per-verb properties
    startOffset: URIRef  # character offset where evidence or quote starts
    endOffset: URIRef  # character offset where it ends (exclusive)
    evidence: URIRef  # the sentence stating a relation
    rule: URIRef  # the pattern that found a statement
    claimedBy: URIRef  # the quote a statement was made in
    roleName: URIRef  # the title stating a role relation
    cue: URIRef  # lemma of the attribution word of a quote
    quoteKind: URIRef  # "direct" or "indirect"
    Mention: URIRef  # one place in an article where an entity is named or referred to
    refersTo: URIRef  # the entity a mention refers to
    sentenceStart: URIRef  # offsets of the sentence(s) holding a quote
    sentenceEnd: URIRef
    speakerMention: URIRef  # the quote's source as written
    contentHash: URIRef  # "sha256:<hex>" of the article text
    mentionCount: URIRef  # how often an entity is mentioned
    nerLabel: URIRef  # spaCy label an entity was found with
    isoCode: URIRef  # ISO 3166-1 alpha-2 code of a country
    holdsOfficeIn: URIRef
    seeksMembershipOf: URIRef
    hasPresenceIn: URIRef
    owns: URIRef
    acquired: URIRef
    metWith: URIRef
    agreementWith: URIRef
    killed: URIRef
    partner: URIRef
    listedOn: URIRef
    represents: URIRef
    aideTo: URIRef
    date: URIRef  # the date a statement or quote refers to, resolved against the article's date
    dateText: URIRef  # the words that date it, as written ("on Thursday")
    status: URIRef  # what the text says of a statement: one of the Status individuals below
    Status: URIRef  # class of statuses
    Fact: URIRef  # the reporter states it as fact: the only status asserted as a plain triple
    Claimed: URIRef  # only a source says it (a quote, "X said that ...", "according to X")
    Planned: URIRef  # expected, scheduled, intended, agreed but not done, future
    Negated: URIRef  # stated not to hold
    Hypothetical: URIRef  # conditional or merely possible


STATUS_IRIS = {"fact": GK.Fact, "claimed": GK.Claimed, "planned": GK.Planned, "negated": GK.Negated,
               "hypothetical": GK.Hypothetical}


def vocabulary_turtle() -> str:
    """The vocabulary as shipped in the package, in Turtle."""
    return resources.files("graphkit").joinpath("vocab.ttl").read_text(encoding="utf-8")
