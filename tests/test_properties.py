"""Property tests: whatever names and quotes contain, the build never raises and its output is valid.

Generated article text with hostile names (quotes, backslashes, ``<>``,
control characters, right-to-left marks, emoji, 10,000-character names) goes
through the whole pipeline; generated ``DocResult`` objects go through the
stages after NLP. Every IRI must be valid, the Turtle must parse in rdflib and
Oxigraph, the HTML page's data block must stay inside its script tag. The
longer run (10,000+ inputs) is ``fuzz/fuzz_build.py``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hostile import articles, check_graph, check_iri, doc_results, name

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PIPELINE = settings(max_examples=30, deadline=None, database=None,
                    phases=[Phase.explicit, Phase.generate],  # shrinking through spaCy takes minutes
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@FAST
@given(st.lists(doc_results(), min_size=1, max_size=4))
def test_graph_stages_accept_any_result(results):
    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph

    corpus, _ = merge_results(results)
    check_graph(KnowledgeGraph(corpus))


@FAST
@given(name, name)
def test_entity_iris_are_valid_stable_and_distinct(text, other):
    from graphkit.graph.iris import IRIs
    from graphkit.names import name_key

    iris = IRIs("https://example.org/graphkit/id/")
    iri = iris.entity(name_key(text))
    check_iri(str(iri))
    assert iri == iris.entity(name_key(text))
    assert (iri == iris.entity(name_key(other))) == (name_key(text) == name_key(other))
    check_iri(str(iris.article(text)))
    check_iri(str(iris.quote(text, 0, 10)))


@PIPELINE
@given(st.lists(articles(), min_size=1, max_size=3))
def test_build_never_raises_and_writes_valid_graphs(nlp, texts):
    import graphkit

    problems = []
    kg = graphkit.build(texts, on_error=lambda s, m: problems.append(m), on_warning=lambda s, m: None)
    assert all(m in ("empty, no text", "only whitespace, no text", "no text besides control characters")
               for m in problems), problems
    check_graph(kg)
    for entity in kg.corpus.entities.values():  # names are clean: no control or direction characters
        assert not any(ord(c) < 32 or c in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff" for c in entity.name)
    for key, article in kg.corpus.articles.items():
        for quote in (q.quote for q in kg.corpus.quotes if q.article == key):
            assert article.text[quote.start:quote.end] == quote.text  # offsets stay exact


@pytest.mark.parametrize("text", [
    'Jane "The Hammer" Roe, the CEO of Acme\\Corp <b>, said: "We\u202e will grow \U0001F600."',
    "Mary \u200fMajor met \x1b[31mJohn Doe\x00 in Paris.",
    "O'Brien & Sons said \\\"hi\\\" to {Globex}|^`.",
    "A" * 10_000 + " Smith said: \"Hello.\"",
])
def test_hostile_examples(nlp, text):
    import graphkit

    kg = graphkit.build([text], on_warning=lambda s, m: None)
    check_graph(kg)
