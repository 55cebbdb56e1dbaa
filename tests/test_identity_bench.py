"""benchmarks/identity.py: each analysis finds the identity problem it names in a hand-built graph, and only that."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SDO, SKOS

from graphkit.graph.vocab import GK

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "identity.py"
ID = Namespace("https://example.org/graphkit/id/")


@pytest.fixture(scope="module")
def identity():
    spec = importlib.util.spec_from_file_location("identity_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def graph(*nodes) -> Graph:
    """nodes: (local name, schema.org class, labels, aliases, mention count or None)."""
    g = Graph()
    for name, cls, labels, aliases, mentions in nodes:
        node = ID[name]
        g.add((node, RDF.type, SDO[cls]))
        for label in labels:
            g.add((node, RDFS.label, Literal(label)))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        if mentions is not None:
            g.add((node, GK.mentionCount, Literal(mentions)))
    return g


def person(name, *labels, aliases=(), mentions=1):
    return (name, "Person", labels, aliases, mentions)


def org(name, *labels, aliases=(), mentions=1):
    return (name, "Organization", labels, aliases, mentions)


def test_entities_need_a_label_and_a_schema_type(identity):
    g = graph(person("person/jane-roe", "Jane Roe"), ("place/ruritania", "Country", ["Ruritania"], [], 3),
              ("thing/widget", "Product", ["Widget"], [], 1), person("person/nameless"))
    g.add((ID["other/x"], RDF.type, URIRef("https://example.org/Person")))
    g.add((ID["other/x"], RDFS.label, Literal("Not schema")))
    found = {e.iri: e for e in identity.entities(g)}
    assert set(found) == {str(ID["person/jane-roe"]), str(ID["place/ruritania"])}
    assert found[str(ID["place/ruritania"])].types == ("Country",)
    assert found[str(ID["place/ruritania"])].mentions == 3


def test_normalise(identity):
    assert identity.normalise("The Acme Corp.") == "acme corp"
    assert identity.normalise("Zoë  O'Hara-Smith") == "zoe ohara smith"
    assert identity.normalise("U.S.") == identity.normalise("US") == "us"
    assert identity.normalise("Theodore") == "theodore"


def test_label_collisions(identity):
    g = graph(person("person/jane-roe", "Jane Roe", "Jane Q. Roe"), person("person/john-doe", "John Doe",
                                                                          aliases=("Doe",)))
    assert identity.label_collisions(g) == [(str(ID["person/jane-roe"]), ("Jane Q. Roe", "Jane Roe"))]


def test_equal_normalised_groups_distinct_iris(identity):
    g = graph(org("organization/acme-corp", "Acme Corp"), org("organization/acme-corp-1", "Acme Corp."),
              org("organization/the-acme-corp", "the ACME corp"), org("organization/acme-inc", "Acme Inc"))
    [(key, members)] = identity.equal_normalised(g)
    assert key == "acme corp"
    names = ("organization/acme-corp", "organization/acme-corp-1", "organization/the-acme-corp")
    assert [i for i, _ in members] == [str(ID[n]) for n in names]


def test_equal_normalised_ignores_one_iri_with_two_spellings(identity):
    assert identity.equal_normalised(graph(org("organization/acme", "Acme Corp", "Acme Corp."))) == []


def test_split_person_beside_one_full_name(identity):
    g = graph(person("person/jane-roe", "Jane Roe"), person("person/roe", "Roe"),
              person("person/john-doe-jr", "John Doe Jr."), person("person/doe", "Doe"))
    assert sorted(identity.split_persons(g)) == [
        (str(ID["person/doe"]), "Doe", str(ID["person/john-doe-jr"]), "John Doe Jr."),
        (str(ID["person/roe"]), "Roe", str(ID["person/jane-roe"]), "Jane Roe"),
    ]


def test_shared_surname_is_not_a_split_person(identity):
    # Two different people named Roe, and a lone "Roe" that could be either: ambiguous, not flagged.
    g = graph(person("person/jane-roe", "Jane Roe"), person("person/richard-roe", "Richard Roe"),
              person("person/roe", "Roe"))
    assert identity.split_persons(g) == []
    # Two full names sharing a surname with no single-word node are two people, not a split.
    assert identity.split_persons(graph(person("person/jane-roe", "Jane Roe"),
                                        person("person/richard-roe", "Richard Roe"))) == []


def test_split_persons_only_among_persons(identity):
    g = graph(person("person/jane-roe", "Jane Roe"), org("organization/roe", "Roe"),
              person("person/madonna", "Madonna"))
    assert identity.split_persons(g) == []


def test_abbreviation_only(identity):
    g = graph(org("organization/fbi", "FBI"), ("place/va", "State", ["Va."], ["VA"], 2),
              ("place/st", "Place", ["St."], [], 1),
              org("organization/acme", "ACME", aliases=("Acme Corporation",)),
              org("organization/nasa", "NASA Ames"), ("place/ruritania", "Country", ["Ruritania"], [], 1),
              org("organization/ruritanians", "RURITANIANS"))
    assert sorted(i for i, _ in identity.abbreviation_only(g)) == [
        str(ID["organization/fbi"]), str(ID["place/st"]), str(ID["place/va"])]


def test_top_entities_by_mention_count_else_articles(identity):
    g = graph(person("person/jane-roe", "Jane Roe", mentions=5), person("person/john-doe", "John Doe", mentions=9),
              person("person/roe", "Roe", mentions=1))
    assert [e.labels[0] for e in identity.top_entities(g, 2)] == ["John Doe", "Jane Roe"]
    g = graph(person("person/jane-roe", "Jane Roe", mentions=None),
              person("person/john-doe", "John Doe", mentions=None))
    for n in range(3):
        g.add((ID[f"article/a{n}"], RDF.type, SDO.NewsArticle))
        g.add((ID[f"article/a{n}"], SDO.mentions, ID["person/jane-roe"]))
    top = identity.top_entities(g, 5)
    assert [(e.labels[0], e.mentions, e.articles) for e in top] == [("Jane Roe", None, 3), ("John Doe", None, 0)]


def test_analyse_prints_the_summary_line(identity, capsys):
    g = graph(person("person/jane-roe", "Jane Roe"), person("person/roe", "Roe"), org("organization/fbi", "FBI"))
    summary = identity.analyse(g, 5)
    assert summary.startswith("identity: label-collisions 0 equal-normalised 0 split-persons 1 abbreviation-only 1 ")
    assert "Jane Roe" in capsys.readouterr().out
