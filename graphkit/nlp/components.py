"""graphkit's spaCy components.

Each component runs one rule module over the parsed ``Doc`` and stores plain,
msgpack-friendly dicts (offsets and ids, never ``Span`` objects) in a ``doc._``
extension, so users can add them to their own pipelines::

    nlp = spacy.load("en_core_web_md")
    nlp.add_pipe("graphkit_entities")
    nlp.add_pipe("graphkit_quotes")
    nlp.add_pipe("graphkit_relations")
    doc = nlp(text)
    doc._.graphkit_quotes

The factories are registered with spaCy through the
``spacy_factories`` entry points in pyproject.toml, and again on import of
this module for code that imports graphkit directly.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import entities, quotes, relations
from .references import references_for
from .convert import entities_from_doc, quotes_from_doc, refresh_genders, share_entities, share_quotes
from .loader import PREFIXED_WORD
from .shared import facts
from .words import DEFAULT, using

EXTENSIONS = ("graphkit_entities", "graphkit_references", "graphkit_quotes", "graphkit_relations")


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})


def asdict(record):
    """``dataclasses.asdict`` of graphkit's records, without its generic deep copy of every leaf.

    Dataclasses become dicts, tuples and lists keep their type; strings,
    numbers and None are immutable, so they are shared, not copied. The
    result is equal to ``dataclasses.asdict``'s, in a fraction of the time.
    Leaves are tested first: most values are, and ``hasattr`` on a leaf's class raises inside.
    """
    cls = type(record)
    if cls in _LEAVES:
        return record
    names = _FIELDS.get(cls)
    if names is None and hasattr(cls, "__dataclass_fields__"):
        names = _FIELDS.setdefault(cls, tuple(f.name for f in fields(cls)))
    # a leaf is returned as it is, so it is tested here, before a call: most values are leaves
    if names is not None:
        return {name: value if type(value := getattr(record, name)) in _LEAVES else asdict(value) for name in names}
    if cls is tuple:
        return tuple([v if type(v) in _LEAVES else asdict(v) for v in record])
    if cls is list:
        return [v if type(v) in _LEAVES else asdict(v) for v in record]
    if cls is dict:
        return {asdict(k): asdict(v) for k, v in record.items()}
    return copy.deepcopy(record)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    News text puts a dateline ("WASHINGTON") or a headline on its own line;
    without this the parser glues it onto the first sentence.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
        elif prev.whitespace_ == " " and token.is_title and prev.is_title and prev.is_alpha and token.is_alpha:
            # a capitalised word right after another (one space, no stop) goes on the same name, not a new
            # sentence: the parser cut "LONDON\nHarrington | Lowe, Britain's ..." inside the name
            token.is_sent_start = False
    return doc


def check_requirements(nlp: Language, name: str, needs: dict[str, str]) -> None:
    """Refuse, when the component is added, a pipeline that lacks what it reads.

    ``needs`` maps an attribute (``token.dep``, ``doc._.graphkit_entities``)
    to what provides it; spaCy's own message (E030 and kin) would come only at
    the first document, and would not say which component to add.
    """
    assigned = {attr for pipe in nlp.pipe_names for attr in nlp.get_pipe_meta(pipe).assigns}
    missing = [what for attr, what in needs.items() if attr not in assigned]
    if missing:
        raise ValueError(f"{name} needs {' and '.join(missing)} earlier in the pipeline, which has "
                         f"[{', '.join(nlp.pipe_names)}]; start from graphkit.load_nlp(components=False) or a "
                         "trained English pipeline, and add graphkit's components in the order of "
                         "graphkit.nlp.pipeline.COMPONENTS")


MODEL_NEEDS = {"token.dep": "a dependency parser", "doc.ents": "an entity recognizer"}
ENTITIES_NEEDED = {"doc._.graphkit_entities": "graphkit_entities"}


def _lemmatise_prefixed_words(doc: Doc, lemmatizer) -> None:
    """A word the tokenizer kept whole with its prefix ("co-founded", pipeline.PREFIXED_WORD) is unknown to the
    lemmatizer, which guesses "co-founde": its lemma is the prefix and the lemma of the word after it."""
    for token in doc:
        if "-" in token.text and PREFIXED_WORD.match(token.text):
            prefix, base = token.text.split("-", 1)
            alone = Doc(doc.vocab, words=[base], pos=[token.pos_], tags=[token.tag_])
            token.lemma_ = f"{prefix.lower()}-{lemmatizer.rule_lemmatize(alone[0])[0].lower()}"


class EntitiesComponent:
    """Clean, type and resolve the named entities of a document.

    ``descriptors`` adds nouns that say what kind of thing a name is, with the
    type they mean (``{"shipbuilder": "Organization"}``), to graphkit/data/descriptors.tsv.
    """

    def __init__(self, nlp: Language, name: str, descriptors: dict | None = None):
        check_requirements(nlp, name, MODEL_NEEDS)
        register_extensions()
        self.words = DEFAULT.adding(descriptors=descriptors or {}, source=f"{name} config")
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.lemmatizer = lemmatizer if hasattr(lemmatizer, "rule_lemmatize") else None

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is not None:
            _lemmatise_prefixed_words(doc, self.lemmatizer)
        with using(self.words):
            found = entities.resolve_entities(doc)
        doc._.graphkit_entities = [asdict(e) for e in found]
        share_entities(doc, doc._.graphkit_entities, found)  # the later components need the objects, not the dicts
        return doc


class ReferencesComponent:
    """Resolve pronouns, descriptions and bare titles to the document's entities (``references.py``)."""

    def __init__(self, nlp: Language, name: str):
        check_requirements(nlp, name, ENTITIES_NEEDED)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        resolver = references_for(doc, entities_from_doc(doc), facts(doc).quoted)
        doc._.graphkit_references = resolver.references()
        for entity in doc._.graphkit_entities or []:  # what the article states of a person's gender travels on
            entity["gender"] = resolver.stated_gender.get(entity["id"]) if entity["type"] == "Person" else None
        refresh_genders(doc)
        return doc


class QuotesComponent:
    """Find quotations and attribute them to speaker entities.

    ``speech_verbs`` and ``speech_nouns`` add lemmas to graphkit/data/speech_verbs.txt
    and speech_nouns.txt: ``config={"speech_verbs": ["livestream"]}``.
    """

    def __init__(self, nlp: Language, name: str, speech_verbs: list | None = None, speech_nouns: list | None = None):
        check_requirements(nlp, name, ENTITIES_NEEDED)
        register_extensions()
        self.words = DEFAULT.adding(speech_verbs=speech_verbs or (), speech_nouns=speech_nouns or (),
                                    source=f"{name} config")

    def __call__(self, doc: Doc) -> Doc:
        with using(self.words):
            found = quotes.find_quotes(doc, entities_from_doc(doc))
        doc._.graphkit_quotes = [asdict(q) for q in found]
        share_quotes(doc, doc._.graphkit_quotes, found)  # the relations component reads the objects, not the dicts
        return doc


class RelationsComponent:
    """Find typed relations between entities from dependency patterns and the verb table.

    ``verbs`` adds rows to graphkit's verb table (graphkit/data/relation_verbs.tsv
    says what each of the six cells means), ``verbs_file`` a TSV file of them::

        nlp.add_pipe("graphkit_relations", config={"verbs": [["supply", "-", "pair", "suppliesTo", "agent", "patient"]]})

    ``speech_verbs`` adds the lemmas that make "X <verb>ed that ..." a claim of X's
    (give the quotes component the same ones).
    """

    def __init__(self, nlp: Language, name: str, verbs: list | None = None, verbs_file: str = "",
                 speech_verbs: list | None = None):
        from .relation_verbs import VerbTable, builtin_verbs

        check_requirements(nlp, name, {**ENTITIES_NEEDED, "doc._.graphkit_quotes": "graphkit_quotes"})
        register_extensions()
        self.words = DEFAULT.adding(speech_verbs=speech_verbs or (), source=f"{name} config")
        rows = list(builtin_verbs())
        if verbs_file:
            try:
                text = Path(verbs_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise ValueError(f"{verbs_file}: cannot read relation file: {error}") from None
            rows += VerbTable.read(text, verbs_file)
        rows += [tuple(row) for row in verbs or ()]
        self.verbs = VerbTable(rows)

    def __call__(self, doc: Doc) -> Doc:
        with using(self.words):
            found = relations.find_relations(doc, entities_from_doc(doc), quotes_from_doc(doc),
                                             doc._.graphkit_references or [], self.verbs)
        doc._.graphkit_relations = [asdict(r) for r in found]
        return doc


def make_entities(nlp: Language, name: str, descriptors: dict) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, descriptors)


def make_references(nlp: Language, name: str) -> ReferencesComponent:
    return ReferencesComponent(nlp, name)


def make_quotes(nlp: Language, name: str, speech_verbs: list, speech_nouns: list) -> QuotesComponent:
    return QuotesComponent(nlp, name, speech_verbs, speech_nouns)


def make_relations(nlp: Language, name: str, verbs: list, verbs_file: str, speech_verbs: list) -> RelationsComponent:
    return RelationsComponent(nlp, name, verbs, verbs_file, speech_verbs)


def _register(name: str, func, **meta) -> None:
    if not Language.has_factory(name):
        Language.factory(name, **meta)(func)


if not Language.has_factory("graphkit_paragraphs"):
    Language.component("graphkit_paragraphs", assigns=["token.is_sent_start"])(paragraph_breaks)
_register("graphkit_entities", make_entities, assigns=["doc._.graphkit_entities"], requires=["doc.ents", "token.dep"],
          default_config={"descriptors": {}})
_register("graphkit_coref", make_references, assigns=["doc._.graphkit_references"],
          requires=["doc._.graphkit_entities", "token.dep"])
_register("graphkit_quotes", make_quotes, assigns=["doc._.graphkit_quotes"], requires=["doc._.graphkit_entities", "token.dep"],
          default_config={"speech_verbs": [], "speech_nouns": []})
_register("graphkit_relations", make_relations, assigns=["doc._.graphkit_relations"],
          requires=["doc._.graphkit_entities", "doc._.graphkit_quotes"], default_config={"verbs": [], "verbs_file": "", "speech_verbs": []})
