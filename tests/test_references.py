"""The reference layer (graphkit_coref): pronouns, descriptions and titles, on texts written for the tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def refs(nlp):
    """Text -> [(reference text, kind, entity name)] in text order."""
    def run(text):
        doc = nlp(text)
        names = {e["id"]: e["name"] for e in doc._.graphkit_entities}
        return [(r["text"], r["kind"], names[r["entity"]]) for r in doc._.graphkit_references]
    return run


def test_a_description_means_the_salient_organisation(refs):
    text = ("The European Union agreed new sanctions on Monday. The European Union said they would start soon. "
            "The bloc has debated the measures for months.")
    assert ("The bloc", "description", "European Union") in refs(text)


def test_a_description_means_the_entity_named_or_described_with_its_noun(refs):
    text = ("Ostrava Steel and the Bank of Lodz signed a loan on Monday. Ostrava Steel said the loan was large. "
            "Ostrava Steel will repay the bank by 2030.")
    assert ("the bank", "description", "Bank of Lodz") in refs(text)


def test_a_plural_description_is_a_group_and_resolves_to_nothing(refs):
    text = "Norvale Foods and Tamsin Bakeries merged. The two companies said the deal closes in May."
    assert not [r for r in refs(text) if "companies" in r[0]]


def test_its_means_the_organisation_of_the_last_sentences(refs):
    text = "Norvale Foods reported a loss on Monday. Its chief executive, Ana Ruiz, said costs rose."
    assert ("Its", "pronoun", "Norvale Foods") in refs(text)


def test_he_and_she_agree_in_gender(refs):
    text = ("Mr. Tomas Berg met Ms. Lina Holm in Oslo. Holm said she was pleased, and Berg said he agreed.")
    found = refs(text)
    assert ("she", "pronoun", "Lina Holm") in found and ("he", "pronoun", "Tomas Berg") in found


def test_relations_read_through_a_reference(nlp):
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc

    doc = nlp("Norvale Foods was founded in 1950. It is based in Leeds.")
    names = {e.id: e.name for e in entities_from_doc(doc)}
    assert any(names[r.subject] == "Norvale Foods" and names[r.object] == "Leeds" for r in relations_from_doc(doc))


def test_a_gendered_person_description_means_the_salient_person_of_that_gender(refs):
    text = ("Ana Ruiz met Tomas Berg in Oslo. Ruiz said she was pleased. Berg said he agreed. Berg left early. "
            "Berg flew home. The Oslo businessman said nothing more.")
    assert ("The Oslo businessman", "description", "Tomas Berg") in refs(text)


def test_a_person_description_with_no_clear_subject_resolves_to_nothing(refs):
    text = "Ana Ruiz met Tomas Berg in Oslo. Ruiz spoke. Berg spoke. The lawyer said nothing."
    assert not [r for r in refs(text) if "lawyer" in r[0]]
