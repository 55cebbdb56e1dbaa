"""graphkit's spaCy components in a user's own pipeline: config, requirement checks, from_docs."""

from __future__ import annotations

import pytest
import spacy

import graphkit
from graphkit.nlp.pipeline import COMPONENTS

GRUMBLE = '"The rules are unfair and the fees are too high," Anna Lind grumbled on Monday.'
BREWER = "Investors cheered Harwick, the brewer, after its profits rose. Harwick hired 200 staff in March."


def user_pipeline(**configs):
    """The bare model plus graphkit's components, each with the config given by its short name."""
    nlp = graphkit.load_nlp(components=False)
    nlp.add_pipe("graphkit_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config=configs.get(name.removeprefix("graphkit_"), {}))
    return nlp


@pytest.fixture(scope="module")
def plain():
    return user_pipeline()


def test_a_speech_verb_from_config_attributes_the_quote(plain):
    assert [q["speaker"] for q in plain(GRUMBLE)._.graphkit_quotes] == []  # "grumble" is not a shipped speech verb
    configured = user_pipeline(quotes={"speech_verbs": ["grumble"]})
    doc = configured(GRUMBLE)
    names = {e["id"]: e["name"] for e in doc._.graphkit_entities}
    assert [names[q["speaker"]] for q in doc._.graphkit_quotes] == ["Anna Lind"]


def test_a_descriptor_from_config_types_the_entity(plain):
    assert [e["type"] for e in plain(BREWER)._.graphkit_entities] == ["Person"]  # NER's guess, nothing against it
    configured = user_pipeline(entities={"descriptors": {"brewer": "Organization"}})
    assert [e["type"] for e in configured(BREWER)._.graphkit_entities] == ["Organization"]


def test_one_pipelines_config_does_not_reach_another(plain):
    user_pipeline(quotes={"speech_verbs": ["grumble"]})(GRUMBLE)
    assert plain(GRUMBLE)._.graphkit_quotes == []


@pytest.mark.parametrize("config,message", [({"speech_verbs": ["Grumble"]}, "not a lower-case word"),
                                            ({"speech_verbs": [""]}, "not a lower-case word")])
def test_bad_quote_config_is_refused_when_added(config, message):
    nlp = graphkit.load_nlp(components=False)
    nlp.add_pipe("graphkit_entities")
    with pytest.raises(ValueError, match=message):
        nlp.add_pipe("graphkit_quotes", config=config)


def test_a_descriptor_of_an_unknown_type_is_refused():
    nlp = graphkit.load_nlp(components=False)
    with pytest.raises(ValueError, match="choose one of Person, Organization, Place"):
        nlp.add_pipe("graphkit_entities", config={"descriptors": {"brewer": "Company"}})


def test_a_blank_pipeline_is_refused_when_the_component_is_added():
    with pytest.raises(ValueError, match="graphkit_entities needs a dependency parser and an entity recognizer"):
        spacy.blank("en").add_pipe("graphkit_entities")


def test_components_out_of_order_are_refused():
    nlp = graphkit.load_nlp(components=False)
    with pytest.raises(ValueError, match="graphkit_quotes needs graphkit_entities earlier"):
        nlp.add_pipe("graphkit_quotes")
    nlp.add_pipe("graphkit_entities")
    with pytest.raises(ValueError, match="graphkit_relations needs graphkit_quotes earlier"):
        nlp.add_pipe("graphkit_relations")


def test_from_docs_gives_the_graph_build_gives():
    articles = [graphkit.Article(text=GRUMBLE, id="lind"), graphkit.Article(text=BREWER, id="harwick")]
    nlp = graphkit.load_nlp()
    docs = nlp.pipe([(a.text, a) for a in articles], as_tuples=True)
    assert graphkit.from_docs(docs).serialize("nt") == graphkit.build(articles).serialize("nt")


def test_from_docs_refuses_a_doc_the_components_never_saw():
    doc = graphkit.load_nlp(components=False)("Anna Lind spoke.")
    with pytest.raises(ValueError, match="not processed by graphkit's components"):
        graphkit.from_docs([doc])
