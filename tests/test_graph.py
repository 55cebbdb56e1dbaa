"""The RDF contract, the NetworkX view, merging across articles, deterministic output."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SDO, SKOS

import graphkit
from graphkit.graph.corpus import merge_results
from graphkit.graph.vocab import GK
from graphkit.kg import KnowledgeGraph
from graphkit.model import Article, DocResult, Entity, Mention, Quote, Relation, Span

ENTITY_CLASSES = {SDO.Person, SDO.Organization, SDO.Place, SDO.Country, SDO.City, SDO.State}


def doc(key, text, entities, relations=(), quotes=()):
    return DocResult(Article(text=text, id=key), tuple(entities), tuple(relations), tuple(quotes))


def person(eid, name, *aliases, start=0):
    return Entity(eid, name, "Person", "PERSON", aliases=aliases, mentions=(Mention(start, start + len(name), name),))


def org(eid, name, start=0):
    return Entity(eid, name, "Organization", "ORG", mentions=(Mention(start, start + len(name), name),))


@pytest.fixture
def two_articles():
    a_text = "Jane Roe, chief of Acme Corp, said: \"We will grow.\""
    b_text = "Roe met Acme Corp staff. \"Growth is coming,\" Roe said."
    a = doc("a", a_text, [person("e0", "Jane Roe"), org("e1", "Acme Corp", 19)],
            [Relation("e0", "worksFor", "e1", Span(0, len(a_text), a_text), "test", role="chief")],
            [Quote("We will grow.", 37, 50, speaker="e0", cue="say")])
    b = doc("b", b_text, [person("e0", "Roe"), org("e1", "Acme Corp", 8)],
            [Relation("e0", "verb:meet", "e1", Span(0, 24, b_text[:24]), "test")],
            [Quote("Growth is coming,", 26, 43, speaker="e0", cue="say"),
             Quote("Roe is great", 0, 3, speaker=None, cue=None)])
    corpus, duplicates = merge_results([a, b])
    return KnowledgeGraph(corpus)


def test_same_entity_across_articles_is_one_node(two_articles):
    g = two_articles.rdf
    people = set(g.subjects(RDF.type, SDO.Person))
    assert len(people) == 1
    (jane,) = people
    assert str(g.value(jane, RDFS.label)) == "Jane Roe"
    assert "Roe" in {str(x) for x in g.objects(jane, SKOS.altLabel)}


def test_the_seed_dateline_and_the_body_after_it_keep_their_types(seed_kg):
    # "WASHINGTON" alone on the first line is the dateline; the line after it opens with a body's name
    # ("NATO Secretary-General ..."), which a wider dateline rule once read as a second dateline place
    types = {e.name: e.type for e in seed_kg.corpus.entities.values()}
    assert types["NATO"] == "Organization" and types["Washington"] == "Place"


def test_every_entity_has_a_type_and_one_label(seed_kg):
    g = seed_kg.rdf
    for article in g.subjects(RDF.type, SDO.NewsArticle):
        for entity in g.objects(article, SDO.mentions):
            assert set(g.objects(entity, RDF.type)) & ENTITY_CLASSES
            assert len(list(g.objects(entity, RDFS.label))) == 1


def test_entity_iris_are_stable_across_builds_and_corpora(two_articles, seed_kg):
    assert str(next(iter(two_articles.rdf.subjects(RDF.type, SDO.Person)))) == \
        "https://example.org/graphkit/id/entity/jane-roe"
    other = KnowledgeGraph(seed_kg.corpus, base_iri="http://news.example/kg/")
    assert any(str(s).startswith("http://news.example/kg/entity/") for s in other.rdf.subjects(RDF.type, SDO.Person))


def test_relation_is_a_direct_triple_plus_a_statement_with_provenance(two_articles):
    g = two_articles.rdf
    jane = next(iter(g.subjects(RDF.type, SDO.Person)))
    acme = next(iter(g.subjects(RDF.type, SDO.Organization)))
    assert (jane, SDO.worksFor, acme) in g
    statements = [s for s in g.subjects(RDF.predicate, SDO.worksFor)]
    assert len(statements) == 1
    st = statements[0]
    assert g.value(st, GK.roleName).toPython() == "chief"
    assert g.value(st, GK.startOffset).toPython() == 0
    assert g.value(SDO.worksFor, RDFS.label) is not None
    assert (SDO.worksFor, RDF.type, RDF.Property) in g


def test_unknown_speaker_has_no_spokenByCharacter(two_articles):
    g = two_articles.rdf
    quotes = list(g.subjects(RDF.type, SDO.Quotation))
    assert len(quotes) == 3
    unattributed = [q for q in quotes if g.value(q, SDO.spokenByCharacter) is None]
    assert [str(g.value(q, SDO.text)) for q in unattributed] == ["Roe is great"]


def test_quote_offsets_slice_the_article_text(seed_kg):
    for cq in seed_kg.corpus.quotes:
        assert seed_kg.corpus.articles[cq.article].text[cq.quote.start:cq.quote.end] == cq.quote.text
    for cr in seed_kg.corpus.relations:
        ev = cr.relation.evidence
        assert seed_kg.corpus.articles[cr.article].text[ev.start:ev.end] == ev.text


def test_duplicate_article_is_counted_once(two_articles):
    a = doc("x", "Same text.", [])
    corpus, duplicates = merge_results([a, doc("y", "Same text.", [])])
    assert len(corpus.articles) == 1 and duplicates == 1


def test_turtle_parses_in_rdflib_and_oxigraph_and_is_deterministic(seed_kg, tmp_path):
    data = seed_kg.serialize("turtle")
    assert len(Graph().parse(data=data, format="turtle")) == len(seed_kg.rdf)
    assert len(list(ox.parse(data, format=ox.RdfFormat.TURTLE))) == len(seed_kg.rdf)
    again = graphkit.build([seed_kg.corpus.articles[k] for k in seed_kg.corpus.articles])
    assert again.serialize("turtle") == data


def test_nx_view(two_articles):
    g = two_articles.nx
    assert g.number_of_nodes() == 2
    jane = next(n for n, d in g.nodes(data=True) if d["type"] == "Person")
    data = g.nodes[jane]
    assert data["name"] == "Jane Roe" and "Roe" in data["aliases"] and data["roles"] == []
    assert len(data["quotes"]) == 2
    labels = sorted(d["label"] for _, _, d in g.edges(data=True))
    assert labels == ["meet", "works for"]
    assert all(d["evidence"] for _, _, d in g.edges(data=True))


def test_query_returns_rows_with_predeclared_prefixes(two_articles):
    rows = two_articles.query("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }")
    assert rows == [{"name": "Jane Roe"}]
    assert two_articles.query("ASK { ?q a schema:Quotation }") == [{"ask": True}]


def test_query_errors_are_clear(two_articles):
    from graphkit.export.rdf_io import QueryError

    with pytest.raises(QueryError, match="invalid SPARQL"):
        two_articles.query("SELEC ?x WHERE { ?x ?y ?z }")
    with pytest.raises(QueryError, match="read-only"):
        two_articles.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_acronym_in_one_article_joins_its_expansion_from_another():
    a_text = "The North Atlantic Treaty Organization (NATO) met in Brussels."
    b_text = "NATO said it would meet again."
    nato = Entity("e0", "North Atlantic Treaty Organization", "Organization", "ORG", aliases=("NATO",),
                  mentions=(Mention(4, 38, "North Atlantic Treaty Organization"), Mention(40, 44, "NATO")))
    a = doc("a", a_text, [nato])
    b = doc("b", b_text, [org("e0", "NATO")])
    corpus, _ = merge_results([a, b])
    assert [e.name for e in corpus.entities.values()] == ["North Atlantic Treaty Organization"]


def test_a_bare_surname_shared_by_two_people_stays_apart():
    a = doc("a", "Bill Clinton and Hillary Clinton spoke.", [person("e0", "Bill Clinton", "Clinton"),
                                                              person("e1", "Hillary Clinton", "Clinton", start=17)])
    b = doc("b", "Clinton spoke again.", [person("e0", "Clinton")])
    corpus, _ = merge_results([a, b])
    assert sorted(e.name for e in corpus.entities.values()) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_places_are_unified_through_the_gazetteer():
    def place(eid, name):
        return Entity(eid, name, "Place", "GPE", mentions=(Mention(0, len(name), name),))
    corpus, _ = merge_results([doc("a", "U.S. forces", [place("e0", "U.S.")]), doc("b", "America's forces", [place("e0", "America")])])
    (entity,) = corpus.entities.values()
    # "U.S." and "US" are one name (graphkit.names.name_key), so one alias stands for both
    assert entity.name == "United States" and {"U.S.", "America"} <= set(entity.aliases)


def test_a_surname_typed_as_a_place_joins_the_one_person_it_names():
    a = doc("a", "John Kasich spoke.", [person("e0", "John Kasich")])
    b = doc("b", "Kasich won.", [Entity("e0", "Kasich", "Place", "GPE", mentions=(Mention(0, 6, "Kasich"),))])
    corpus, _ = merge_results([a, b])
    assert [e.name for e in corpus.entities.values()] == ["John Kasich"]


def test_a_place_named_like_a_persons_first_name_stays_a_place():
    a = doc("a", "Marlow Quinn spoke.", [person("e0", "Marlow Quinn")])
    b = doc("b", "A fire in Marlow hurt two.",
            [Entity("e0", "Marlow", "Place", "GPE", mentions=(Mention(10, 16, "Marlow"),))])
    corpus, _ = merge_results([a, b])
    assert sorted(e.name for e in corpus.entities.values()) == ["Marlow", "Marlow Quinn"]


def test_middle_initials_join_across_articles_unless_ambiguous():
    corpus, _ = merge_results([doc("a", "Donald J. Trump spoke.", [person("e0", "Donald J. Trump")]),
                               doc("b", "Donald Trump spoke.", [person("e0", "Donald Trump")]),
                               doc("c", "George W. Bush and George H.W. Bush.", [person("e0", "George W. Bush"),
                                                                                person("e1", "George H.W. Bush", start=19)]),
                               doc("d", "George Bush spoke.", [person("e0", "George Bush")])])
    assert sorted(e.name for e in corpus.entities.values()) == ["Donald J. Trump", "George Bush", "George H.W. Bush",
                                                                "George W. Bush"]


# ---------------------------------------------------------------- corpus identity (graphkit/graph/corpus.py)

def place(eid, name, start=0):
    return Entity(eid, name, "Place", "GPE", mentions=(Mention(start, start + len(name), name),))


def test_one_node_whatever_type_each_article_gave_it_and_the_type_is_voted():
    a = doc("a", "Dana Holt spoke. Dana Holt left.", [Entity("e0", "Dana Holt", "Person", "PERSON", mentions=(
        Mention(0, 9, "Dana Holt"), Mention(17, 26, "Dana Holt")))])
    b = doc("b", "Dana Holt said so.", [org("e0", "Dana Holt")])
    corpus, _ = merge_results([a, b])
    (entity,) = corpus.entities.values()
    assert entity.type == "Person"
    kg = KnowledgeGraph(corpus)
    assert len(set(kg.rdf.subjects(RDFS.label, None))) == 1


def test_names_that_differ_only_in_punctuation_are_one_node_with_one_label():
    corpus, _ = merge_results([doc("a", "Acme Corp. grew.", [org("e0", "Acme Corp.")]),
                               doc("b", "Acme Corp grew.", [org("e0", "Acme Corp")]),
                               doc("c", "Acme Corp grew again.", [org("e0", "Acme Corp")])])
    (entity,) = corpus.entities.values()
    assert entity.name == "Acme Corp"
    kg = KnowledgeGraph(corpus)
    assert [str(label) for label in kg.rdf.objects(None, RDFS.label)
            if "Acme" in str(label)] == ["Acme Corp"]


def test_a_place_never_joins_an_organisation_named_after_it():
    corpus, _ = merge_results([doc("a", "Dunedin Rovers won.", [org("e0", "Dunedin Rovers")]),
                               doc("b", "Rain fell on Dunedin.", [place("e0", "Dunedin", 13)])])
    assert sorted(e.name for e in corpus.entities.values()) == ["Dunedin", "Dunedin Rovers"]


def test_an_acronym_joins_the_one_name_it_abbreviates_in_another_article():
    corpus, _ = merge_results([doc("a", "The Office of Fair Trading ruled.", [org("e0", "Office of Fair Trading", 4)]),
                               doc("b", "The OFT ruled again.", [org("e0", "OFT", 4)])])
    assert [e.name for e in corpus.entities.values()] == ["Office of Fair Trading"]


def test_alias_file_merges_same_as_pairs_and_keeps_not_same_as_pairs_apart(tmp_path):
    from graphkit.graph.corpus import Aliases

    table = tmp_path / "aliases.txt"
    table.write_text("# decisions\nMo Farrah = Mohamed Farrah\nFarrah != Mohamed Farrah\n", encoding="utf-8")
    aliases = Aliases.read(table)
    corpus, _ = merge_results([doc("a", "Mohamed Farrah ran.", [person("e0", "Mohamed Farrah")]),
                               doc("b", "Mo Farrah won.", [person("e0", "Mo Farrah")]),
                               doc("c", "Farrah trains in Kenya.", [person("e0", "Farrah")])], aliases=aliases)
    assert sorted(e.name for e in corpus.entities.values()) == ["Farrah", "Mo Farrah"]


@pytest.mark.parametrize("line", ["Mo Farrah", "= Mohamed", "A =", "A != "])
def test_a_bad_alias_line_is_one_error_naming_the_file_and_line(tmp_path, line):
    from graphkit.graph.corpus import AliasError, Aliases

    table = tmp_path / "aliases.txt"
    table.write_text(f"\n{line}\n", encoding="utf-8")
    with pytest.raises(AliasError, match=r"aliases\.txt:2: "):
        Aliases.read(table)


def test_a_bare_surname_means_the_far_better_known_namesake():
    def many(eid, name, n):
        return Entity(eid, name, "Person", "PERSON", mentions=tuple(Mention(0, len(name), name) for _ in range(n)))
    corpus, _ = merge_results([doc("a", "Ann Lee spoke.", [many("e0", "Ann Lee", 30)]),
                               doc("b", "Bo Lee spoke.", [many("e0", "Bo Lee", 2)]),
                               doc("c", "Lee spoke.", [person("e0", "Lee")])])
    assert sorted(e.name for e in corpus.entities.values()) == ["Ann Lee", "Bo Lee"]
    corpus, _ = merge_results([doc("a", "Ann Lee spoke.", [many("e0", "Ann Lee", 6)]),
                               doc("b", "Bo Lee spoke.", [many("e0", "Bo Lee", 3)]),
                               doc("c", "Lee spoke.", [person("e0", "Lee")])])
    assert sorted(e.name for e in corpus.entities.values()) == ["Ann Lee", "Bo Lee", "Lee"]


def test_a_surname_links_past_a_name_suffix():
    corpus, _ = merge_results([doc("a", "Carl Moss Jr. spoke.", [person("e0", "Carl Moss Jr.")]),
                               doc("b", "Moss spoke.", [person("e0", "Moss")])])
    assert [e.name for e in corpus.entities.values()] == ["Carl Moss Jr."]


def test_article_ids_that_differ_only_in_case_or_separators_get_distinct_iris():
    ids = ["Report", "report", "2024/jan", "2024-jan", "my_article", "my-article"]
    kg = graphkit.build([{"id": key, "text": f"Article {n}: Ana Ruiz visited Oslo."} for n, key in enumerate(ids)])
    articles = set(kg.rdf.subjects(RDF.type, SDO.NewsArticle))
    assert len(articles) == len(ids)
    assert all(len(list(kg.rdf.objects(a, SDO.articleBody))) == 1 for a in articles)
    assert kg.validate() == []


def test_a_bare_surname_never_joins_a_person_of_the_other_sex():
    def gendered(eid, name, gender, n=1):
        return Entity(eid, name, "Person", "PERSON", gender=gender,
                      mentions=tuple(Mention(0, len(name), name) for _ in range(n)))
    corpus, _ = merge_results([doc("a", "Ana Lee spoke.", [gendered("e0", "Ana Lee", "f", 40)]),
                               doc("b", "Mr. Lee spoke.", [gendered("e0", "Lee", "m")])])
    assert sorted(e.name for e in corpus.entities.values()) == ["Ana Lee", "Lee"]
    kg = KnowledgeGraph(corpus)
    assert (None, SDO.gender, SDO.Female) in kg.rdf


def test_a_far_better_known_name_is_not_folded_into_a_longer_form_but_a_surname_still_is():
    def many(eid, name, kind, n):
        return Entity(eid, name, kind, "PERSON" if kind == "Person" else "ORG",
                      mentions=tuple(Mention(0, len(name), name) for _ in range(n)))
    # one headline's "Ana Lee Speaks", with the alias "Ana Lee", must not swallow Ana Lee
    headline = Entity("e0", "Ana Lee Speaks", "Person", "PERSON", aliases=("Ana Lee",),
                      mentions=(Mention(0, 14, "Ana Lee Speaks"),))
    corpus, _ = merge_results([doc("a", "Ana Lee Speaks", [headline]), doc("b", "Ana Lee.", [many("e0", "Ana Lee", "Person", 40)])])
    assert "Ana Lee" in {e.name for e in corpus.entities.values()}
    # a surname used ten times still means the person named in full once
    corpus, _ = merge_results([doc("a", "Wim Berg.", [many("e0", "Wim Berg", "Person", 1)]),
                               doc("b", "Berg.", [many("e0", "Berg", "Person", 10)])])
    assert [e.name for e in corpus.entities.values()] == ["Wim Berg"]


def test_a_statement_made_twice_after_a_merge_is_one_statement():
    # two of an article's entities that the corpus knows as one make the same relation twice, with two statuses:
    # one status per statement (its IRI is article, subject, predicate, object, sentence): the fact
    from graphkit.graph.corpus import CorpusRelation, _one_statement_each
    from graphkit.model import PLANNED, Relation, Span

    evidence = Span(0, 20, "Acme opened a plant.")
    planned = Relation("e0", "hasPresenceIn", "e1", evidence, "presence-noun", status=PLANNED)
    fact = Relation("e2", "hasPresenceIn", "e1", evidence, "presence-noun")
    kept = _one_statement_each([CorpusRelation("acme", "hasPresenceIn", "ohio", "a1", planned, status=PLANNED),
                                CorpusRelation("acme", "hasPresenceIn", "ohio", "a1", fact)])
    assert [r.status for r in kept] == ["fact"]
