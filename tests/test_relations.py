"""Relation patterns on small hand-written texts, with the real spaCy model.

Each test names one pattern and asserts the predicate and its direction;
``holds`` reports every relation found when an assertion fails.
"""

from __future__ import annotations

import pytest

from graphkit.model import DIRECT, ORGANIZATION, PLACE, Entity, Mention, Quote
from graphkit.nlp.convert import entities_from_doc, relations_from_doc
from graphkit.nlp.relations import find_relations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp.pipeline import get_pipeline

    return get_pipeline()


def triples(nlp, text):
    doc = nlp(text)
    names = {e.id: e.name for e in entities_from_doc(doc)}
    return doc, {(names[r.subject], r.predicate, names[r.object]): r for r in relations_from_doc(doc)}


def holds(found, subject, predicate, obj):
    """Whether a relation subject -predicate-> object was found (names compared loosely)."""
    def same(a, b):
        return a.casefold() == b.casefold() or a.casefold().endswith(" " + b.casefold())
    return [r for (s, p, o), r in found.items() if p == predicate and same(s, subject) and same(o, obj)]


def assert_relation(nlp, text, subject, predicate, obj):
    _, found = triples(nlp, text)
    hits = holds(found, subject, predicate, obj)
    assert hits, f"no {subject} -{predicate}-> {obj}; found {sorted(found)}"
    return hits[0]


def assert_role(nlp, text, subject, predicate, obj, role):
    """The relation is found and carries ``role`` as its title."""
    rel = assert_relation(nlp, text, subject, predicate, obj)
    assert rel.role == role, rel.role


def assert_no_relation(nlp, text, subject, predicate, obj):
    _, found = triples(nlp, text)
    assert not holds(found, subject, predicate, obj), f"unexpected {subject} -{predicate}-> {obj}"


def linking(found, subject=None, predicate=None, objects=()):
    """The relations found with that subject, predicate and one of those objects (None, (): any)."""
    return [k for k in found if (subject is None or k[0] == subject) and (predicate is None or k[1] == predicate)
            and (not objects or k[2] in objects)]


def assert_no_predicate(nlp, text, predicate):
    _, found = triples(nlp, text)
    assert not [k for k in found if k[1] == predicate], f"unexpected {predicate} in {sorted(found)}"


# ---------------------------------------------------------------- roles

def test_org_title_person_keeps_the_title(nlp):
    rel = assert_relation(nlp, "Oxfam Executive Director Maria Lindqvist visited the site on Monday.",
                          "Maria Lindqvist", "worksFor", "Oxfam")
    assert rel.role == "Executive Director"


def test_demonym_title_person_holds_office_in_the_country(nlp):
    text = ("Brazil hosted the summit. Brazilian President Carlos Mendonça opened it on Tuesday "
            "and thanked the delegates.")
    assert_role(nlp, text, "Carlos Mendonça", "holdsOfficeIn", "Brazil", "President")


def test_demonym_without_the_country_in_the_article_gives_nothing(nlp):
    assert_no_predicate(nlp, "Brazilian President Carlos Mendonça opened the summit on Tuesday.", "holdsOfficeIn")


def test_apposition_the_title_of_org(nlp):
    rel = assert_relation(nlp, "Anna Kowalski, the chief executive of Vestra Bank, resigned on Friday.",
                          "Anna Kowalski", "worksFor", "Vestra Bank")
    assert rel.role and "chief executive" in rel.role


def test_relative_clause_who_heads(nlp):
    assert_relation(nlp, "The report was written by Tomas Berg, who heads the Nordic Energy Agency.",
                    "Tomas Berg", "worksFor", "Nordic Energy Agency")


def test_works_for_a_body_and_its_parent(nlp):
    text = "Ruth Adler, a professor of law at Queens College of the City University of New York, retired."
    _, found = triples(nlp, text)
    assert holds(found, "Ruth Adler", "worksFor", "Queens College")
    assert holds(found, "Queens College", "parentOrganization", "City University of New York")
    assert holds(found, "Ruth Adler", "worksFor", "City University of New York")


def test_possessive_org_title_person(nlp):
    assert_relation(nlp, "Orbitex's chief scientist Helen Park presented the results.",
                    "Helen Park", "worksFor", "Orbitex")


def test_a_bodys_person_named_without_a_title_is_its_staff(nlp):
    found = triples(nlp, "The panel picked Harbor Radio's Tomas Kell to moderate. The GOP's Ines Varga objected.")[1]
    assert holds(found, "Tomas Kell", "worksFor", "Harbor Radio")
    assert holds(found, "Ines Varga", "memberOf", "GOP")  # a party's person belongs to it
    assert not holds(found, "Ines Varga", "worksFor", "GOP")


def test_title_person_of_org(nlp):
    assert_relation(nlp, "Spokesman Daniel Reyes of the World Health Organization declined to comment.",
                    "Daniel Reyes", "worksFor", "World Health Organization")


def test_a_critic_is_no_employee(nlp):
    assert_no_relation(nlp, "Kremlin critic Pavel Orlov was arrested in Moscow.", "Pavel Orlov", "worksFor", "Kremlin")


# ---------------------------------------------------------------- membership

def test_joined_is_membership(nlp):
    assert_relation(nlp, "Estonia joined the European Union in 2004.", "Estonia", "memberOf", "European Union")


def test_invited_to_join_is_aspiration(nlp):
    _, found = triples(nlp, "Georgia will be invited to join the European Union, officials said.")
    assert holds(found, "Georgia", "seeksMembershipOf", "European Union")
    assert not holds(found, "Georgia", "memberOf", "European Union")


def test_apposition_a_member(nlp):
    assert_relation(nlp, "Norway, a NATO member, sent two frigates.", "Norway", "memberOf", "NATO")


def test_member_states_such_as(nlp):
    _, found = triples(nlp, "NATO member states such as Poland and Estonia raised spending.")
    assert holds(found, "Poland", "memberOf", "NATO")
    assert holds(found, "Estonia", "memberOf", "NATO")


def test_parent_company(nlp):
    assert_relation(nlp, "Instagram's parent company Meta reported higher profits.", "Instagram", "parentOrganization", "Meta")


def test_aspirations_for_membership(nlp):
    assert_relation(nlp, "The council discussed Moldova's aspirations for membership in the European Union.",
                    "Moldova", "seeksMembershipOf", "European Union")


def test_moving_closer_to_membership(nlp):
    assert_relation(nlp, "The reforms are moving Serbia closer to European Union membership.",
                    "Serbia", "seeksMembershipOf", "European Union")


def test_bid_to_join(nlp):
    assert_relation(nlp, "Sweden's bid to join NATO was approved by the parliament.",
                    "Sweden", "seeksMembershipOf", "NATO")


def test_accession_talks(nlp):
    assert_relation(nlp, "Albania opened accession talks with the European Union in July.",
                    "Albania", "seeksMembershipOf", "European Union")


# ---------------------------------------------------------------- location and presence

def test_headquartered_in(nlp):
    assert_relation(nlp, "Nordwind Logistics is headquartered in Hamburg.", "Nordwind Logistics", "location", "Hamburg")


def test_based_in_participle(nlp):
    assert_relation(nlp, "Investors backed Arcadia Robotics, a startup based in Austin.",
                    "Arcadia Robotics", "location", "Austin")


def test_place_based_adjective(nlp):
    assert_relation(nlp, "Halvorsen Motors, the Oslo-based carmaker, said sales rose.", "Halvorsen Motors", "location", "Oslo")


def test_org_unit_in_place_is_presence(nlp):
    assert_relation(nlp, "Halvorsen Motors plans to open a new plant in Poland next year.", "Halvorsen Motors", "hasPresenceIn", "Poland")


def test_org_command_at_a_headquarters_in_place(nlp):
    assert_relation(nlp, "The plan sets up a new UN mission at a headquarters in Kenya.", "UN", "hasPresenceIn", "Kenya")


def test_city_comma_country(nlp):
    assert_relation(nlp, "The festival takes place in Lyon, France, every summer.", "Lyon", "containedInPlace", "France")


def test_comma_before_a_modifier_is_no_containment(nlp):
    assert_no_predicate(nlp, "Two people died in Lyon, French officials said. France mourned.", "containedInPlace")


def test_comma_list_of_countries_is_no_containment(nlp):
    assert_no_predicate(nlp, "Delegates came from Peru, Chile, Bolivia and Ecuador.", "containedInPlace")


def test_city_comma_state_before_and_a_verb(nlp):
    # ", and" goes on with a verb, not with another place: no list
    assert_relation(nlp, "The plant is in Aiken, South Carolina, and employs 900 people.",
                    "Aiken", "containedInPlace", "South Carolina")
    assert_no_predicate(nlp, "Delegates came from Peru, Chile, and Ecuador.", "containedInPlace")


@pytest.mark.parametrize("text", [
    "Fighting spread to Kassala in the east of Sudan.",
    "Aid reached Kassala in the northern part of Sudan.",
    "Aid reached Kassala, north-east Sudan, on Monday.",
])
def test_a_place_in_a_part_of_a_larger_place(nlp, text):
    assert_relation(nlp, text, "Kassala", "containedInPlace", "Sudan")


def test_an_order_in_a_quote_has_no_doer_of_its_own(nlp):
    # a complement clause with no subject is an imperative or a fragment: the speaker does not do it
    assert_no_predicate(nlp, '"Never trust Kestrel Foods," Ana Lund said.', "verb:trust")


@pytest.mark.parametrize("text,verb", [
    ("Ana Lund was eyeing the Tromso Institute of Art.", "verb:eye"),
    ("Voters view Tomas Berg more favourably than Ana Lund.", "verb:view"),
])
def test_looking_at_a_party_is_no_act_towards_it(nlp, text, verb):
    assert_no_predicate(nlp, text, verb)


def test_a_description_resolved_to_its_name_keeps_its_role(nlp):
    # "the mayor" resolves to the name beside it: its "of Y" is the mayor's office, not where one lives
    assert_relation(nlp, "Ivo Marsh, the mayor of Leeds, met Pablo Quispe, the mayor of Pisac, on Monday.",
                    "Ivo Marsh", "holdsOfficeIn", "Leeds")


def test_a_national_office_is_not_the_datelines_country(nlp):
    # a president speaking under a foreign dateline may be visiting; a spaced dash ends the dateline
    assert_no_relation(nlp, "OSLO, Norway - President Ana Lund arrived on Monday for talks.",
                       "Ana Lund", "holdsOfficeIn", "Norway")


def test_a_successor_takes_the_job(nlp):
    assert_relation(nlp, "Ana Lund, the chief executive of Kestrel Foods, was replaced by Tomas Berg in May.",
                    "Tomas Berg", "worksFor", "Kestrel Foods")


@pytest.mark.parametrize("text,subject,predicate,obj", [
    # ---- 'based in' on a noun describing a name
    ("Kuura Labs, a start-up based in Helsinki, makes software.", "Kuura Labs", "location", "Helsinki"),
    ("Ana Lund, an agronomist based in Tromso, was cautious.", "Ana Lund", "homeLocation", "Tromso"),
    # ---- roles whose body is named in another sentence
    # a role in lower case before the name, the body the article is about
    ("Kestrel Foods reported a loss on Monday. Chief executive Ana Lund said costs rose.",
     "Ana Lund", "worksFor", "Kestrel Foods"),
    # a role set beside the name, naming no body
    ("Kestrel Foods reported a loss on Monday. Ana Lund, the chief financial officer, said costs rose.",
     "Ana Lund", "worksFor", "Kestrel Foods"),
    # a team's coach
    ("Kestrel Rovers lost 2-1. Coach Ana Lund blamed the referee.", "Ana Lund", "worksFor", "Kestrel Rovers"),
    # a body's kind before the role: the one body of that kind
    ("The Tromso City Council approved the plan. Council member Ana Lund voted against it.",
     "Ana Lund", "memberOf", "Tromso City Council"),
    # a national office: the country the sentence before has as subject
    ("Norway will send troops to Mali. Prime Minister Ana Lund said the mission would last a year.",
     "Ana Lund", "holdsOfficeIn", "Norway"),
    # ---- links between organisations
    ("Kestrel Foods is the largest shareholder in Marrow Mills.", "Kestrel Foods", "owns", "Marrow Mills"),
    ("Marrow Mills is part of Kestrel Foods.", "Marrow Mills", "parentOrganization", "Kestrel Foods"),
    ("Kestrel Foods formed a joint venture with Marrow Mills.", "Kestrel Foods", "partner", "Marrow Mills"),
    ("Kestrel Foods and Marrow Mills agreed to merge.", "Kestrel Foods", "verb:merge", "Marrow Mills"),
    # ---- interactions named by nouns, and a conversation
    ("The deal between Norway and Kenya was signed in May.", "Norway", "agreementWith", "Kenya"),
    ("Ana Lund's meeting with Tomas Berg lasted an hour.", "Ana Lund", "metWith", "Tomas Berg"),
    ("Norway imposed sanctions on Kenya.", "Norway", "verb:sanction", "Kenya"),
    ("Ana Lund spoke with Tomas Berg by phone.", "Ana Lund", "verb:speak", "Tomas Berg"),
    # ---- nouns of the relation table, and a sale
    # nouns of the relation table: the owner is the possessor, or the subject of the verb taking the noun
    ("Kaido Motors completed its takeover of Brandt Industries in May.", "Kaido Motors", "acquired", "Brandt Industries"),
    ("Kaido Motors said it planned to buy a 20% stake in Brandt Industries.", "Kaido Motors", "owns", "Brandt Industries"),
    ("The sale of Brandt Industries to Kaido Motors closed in May.", "Kaido Motors", "acquired", "Brandt Industries"),
    ("Kaido Motors announced a partnership with Brandt Industries.", "Kaido Motors", "partner", "Brandt Industries"),
    # and the verb of selling names the buyer with "to"
    ("Brandt Industries sold Marrow Mills to Kaido Motors last year.", "Kaido Motors", "acquired", "Marrow Mills"),
    # ---- places and units
    ("Trials will run at a farm near Horsham, in western Victoria, next year.", "Horsham", "containedInPlace",
     "Victoria"),
    ("Horsham lies in western Victoria.", "Horsham", "containedInPlace", "Victoria"),
    ("Ana Lund, who moved to Leeds in 2010, spoke.", "Ana Lund", "homeLocation", "Leeds"),
    # a unit's place through the facility it stands on, or hanging from the verb that runs it
    ("Halvorsen Motors will build a plant on the site of a former glass factory in Tromso.", "Halvorsen Motors",
     "hasPresenceIn", "Tromso"),
    ("Halvorsen Motors runs its European operations from Dublin.", "Halvorsen Motors", "hasPresenceIn", "Dublin"),
    # ---- the named members of a plain noun object
    ("The Grain Council represents companies including Kestrel Foods.", "Grain Council", "represents",
     "Kestrel Foods"),
    # ---- a second role the parser joins to the name inside the first
    ("The paper interviewed Ana Lund, chair of Kestrel Foods and a director of Marrow Mills.", "Ana Lund",
     "worksFor", "Marrow Mills"),
    # ---- a person's own staff work for the person, as aides (relation_lexicon.PERSONAL_STAFF_NOUNS)
    ("Ana Lund paid the men through her driver, Piet Kroon, who was later arrested.", "Piet Kroon", "aideTo",
     "Ana Lund"),
    ("Piet Kroon, a longtime adviser to Ana Lund, said the deal was off.", "Piet Kroon", "aideTo", "Ana Lund"),
    ("Lund aide Piet Kroon said the deal was off.", "Piet Kroon", "aideTo", "Lund"),
    # ---- a citizen's country is a nationality, not a home (relation_patterns.CITIZEN_NOUNS)
    ("Ivo Lund, a citizen of Chile, filed the suit.", "Ivo Lund", "nationality", "Chile"),
    # ---- a known place before an origin word, though NER left it untagged (spans._places_before_origin_words)
    ("Kwame Osei, an Accra native, filed the complaint.", "Kwame Osei", "birthPlace", "Accra"),
    ("Accra-born Kwame Osei filed the complaint.", "Kwame Osei", "birthPlace", "Accra"),
    # ---- co-parties, prepositions, misparses
    # ", along with W" set off after a named object goes on with the objects
    ("Last week the Varde Institute questioned Orvel Foods, along with former minister Ivo Lund.",
     "Varde Institute", "verb:question", "Ivo Lund"),
    # set before the verb, the co-party still acts with the subject
    ("Ann Berg, along with Tom Hale, sued Orvel Foods.", "Tom Hale", "verb:sue", "Orvel Foods"),
    # the party reached by a preposition names the act with it ("fired at Y" is no firing of Y); a thing between
    # keeps the thing, and the preposition after it
    ("Ann Berg fired at Tom Hale and Ivo Lund.", "Ann Berg", "verb:fire at", "Ivo Lund"),
    ("Ann Berg sold her stake to Orvel Foods.", "Ann Berg", "verb:sell stake to", "Orvel Foods"),
    # the parser reads "Orvel Paper partnered with Y." as a name modified by a participle
    ("Orvel Paper partnered with Varde Logistics on a new depot.", "Orvel Paper", "partner", "Varde Logistics"),
    ("Tromso Paper partnered with Corvo Freight on a new depot.", "Tromso Paper", "partner", "Corvo Freight"),
    # "X of the law firm of Y": the firm is Y
    ("Sam Kadet of the corporate law firm of Orvel Partners said the deal could close.",
     "Sam Kadet", "worksFor", "Orvel Partners"),
    # a conjoined role with a name of its own is that name's
    ("He was joined by his wife, Ann Berg, and the deputy secretary of the Foreign Ministry, Tom Hale.",
     "Tom Hale", "worksFor", "Foreign Ministry"),
])
def test_a_wording_states_its_relation(nlp, text, subject, predicate, obj):
    assert_relation(nlp, text, subject, predicate, obj)


@pytest.mark.parametrize("text,body,parent", [
    ("Protesters gathered at Hofstra University. Hofstra said the debate would go ahead.", "Hofstra University",
     "Hofstra"),
    ("The Democratic National Committee met. National said nothing.", "Democratic National Committee", "National"),
])
def test_a_short_name_or_a_word_inside_a_name_is_no_parent_body(nlp, text, body, parent):
    assert_no_relation(nlp, text, body, "parentOrganization", parent)


def test_a_score_between_rivals_is_no_relation(nlp):
    assert_no_predicate(nlp, "Anna Lind leads Tomas Berg by 49 percent to 47 percent.", "verb:lead")


def test_a_founding_country_is_a_member(nlp):
    assert_relation(nlp, "Chad founded the Sahel Grain Council in 2019.", "Chad", "memberOf", "Sahel Grain Council")
    assert_no_relation(nlp, "Ana Lund founded Kestrel Foods in 2001.", "Ana Lund", "memberOf", "Kestrel Foods")


def test_who_is_the_person_not_the_place_the_parser_hung_it_on(nlp):
    text = "The deal was struck by Jane Roe, a builder from Ohio, who founded Kestrel Foods."
    assert_relation(nlp, text, "Kestrel Foods", "founder", "Jane Roe")
    assert_no_relation(nlp, text, "Kestrel Foods", "founder", "Ohio")


@pytest.mark.parametrize("text,predicate", [
    ("Halvorsen Motors has operations in Tromso.", "hasPresenceIn"),
    ("Halvorsen Motors has a research centre in Tromso.", "hasPresenceIn"),
    ("Halvorsen Motors' Tromso plant employs 900 people.", "hasPresenceIn"),
    ("Halvorsen Motors employs 900 people in Tromso.", "hasPresenceIn"),
    ("Halvorsen Motors will invest $10 million in a plant in Tromso.", "hasPresenceIn"),
    ("Halvorsen Motors, which has stores across Tromso, grew.", "hasPresenceIn"),
    ("Halvorsen Motors, which has its head office in Tromso, grew.", "location"),
])
def test_an_organisation_present_in_a_place(nlp, text, predicate):
    assert_relation(nlp, text, "Halvorsen Motors", predicate, "Tromso")


def test_a_deal_between_two_is_one_relation(nlp):
    _, found = triples(nlp, "The deal between Norway and Kenya was signed in May.")
    assert len([k for k in found if k[1] == "agreementWith"]) == 1


def test_a_user_adds_a_relation_noun_through_the_config():
    import spacy

    from graphkit.nlp.loader import choose_model

    nlp = spacy.load(choose_model(None).name)
    for name in ("graphkit_entities", "graphkit_coref", "graphkit_quotes"):
        nlp.add_pipe(name)
    nlp.add_pipe("graphkit_relations", config={"verbs": [["shipment", "-", "noun", "shipsTo", "owner", "to"]]})
    doc = nlp("Kaido Motors' shipments to Brandt Industries rose in May.")
    names = {e.id: e.name for e in entities_from_doc(doc)}
    assert [(names[r.subject], r.predicate, names[r.object]) for r in relations_from_doc(doc)] == \
        [("Kaido Motors", "custom:shipsTo", "Brandt Industries")]


def test_lives_in(nlp):
    assert_relation(nlp, "Maria Gonzalez lives in Seville with her family.", "Maria Gonzalez", "homeLocation", "Seville")


def test_dateline_agency_reports_from_the_place(nlp):
    assert_relation(nlp, "NAIROBI, Kenya (Reuters) -- Talks resumed on Monday.", "Reuters", "hasPresenceIn", "Kenya")


def test_dateline_without_an_agency_gives_nothing(nlp):
    _, found = triples(nlp, "LISBON\nThe Bank of Spain raised rates on Monday.")
    assert not holds(found, "Bank of Spain", "hasPresenceIn", "Lisbon")


def test_place_possessive_place(nlp):
    assert_relation(nlp, "Fires spread through Portugal's Algarve region.", "Algarve", "containedInPlace", "Portugal")


def test_lives_in_carried_up_to_the_state(nlp):
    _, found = triples(nlp, "Jane Porter, who lives in Tulsa, Oklahoma, won the prize.")
    assert holds(found, "Jane Porter", "homeLocation", "Tulsa")
    assert holds(found, "Jane Porter", "homeLocation", "Oklahoma")


def test_possessive_home(nlp):
    assert_relation(nlp, "Agents searched Mark Dolan's Ohio home on Friday.", "Mark Dolan", "homeLocation", "Ohio")


def test_his_native_state(nlp):
    assert_relation(nlp, "Mark Dolan easily won the primary in his native Ohio.", "Mark Dolan", "homeLocation", "Ohio")


def test_org_named_for_its_country(nlp):
    # Entities built by hand: the rule reads names, whatever the resolver makes of them.
    text = "The Peruvian Congress voted. Peru has a new law. The Bank of Chile agreed."
    doc = nlp(text)
    def mention(name, after=0):
        start = text.index(name, after)
        return (Mention(start, start + len(name), name),)
    congress = Entity("e0", "Peruvian Congress", ORGANIZATION, mentions=mention("Peruvian Congress"))
    peru = Entity("e1", "Peru", PLACE, mentions=mention("Peru", 25))
    bank = Entity("e2", "Bank of Chile", ORGANIZATION, mentions=mention("Bank of Chile"))
    chile = Entity("e3", "Chile", PLACE, mentions=mention("Chile"))
    found = {(r.subject, r.predicate, r.object) for r in find_relations(doc, [congress, peru, bank, chile], [])}
    assert ("e0", "location", "e1") in found
    assert ("e2", "location", "e3") in found
    assert ("e0", "location", "e3") not in found


# ---------------------------------------------------------------- organizations

def test_subsidiary_of(nlp):
    assert_relation(nlp, "Kestrel Airlines, a subsidiary of Meridian Holdings Inc., cut 200 jobs.",
                    "Kestrel Airlines", "parentOrganization", "Meridian Holdings Inc.")


def test_founded(nlp):
    assert_relation(nlp, "Laura Chen founded Brightpath Software in 2009.", "Brightpath Software", "founder", "Laura Chen")


def test_relative_clause_object(nlp):
    assert_relation(nlp, "Brightpath Software, which Laura Chen founded in 2009, was sold.",
                    "Brightpath Software", "founder", "Laura Chen")


def test_acquired(nlp):
    assert_relation(nlp, "Halcyon Media acquired Sundial Press for $40 million.", "Halcyon Media", "acquired", "Sundial Press")


def test_owns(nlp):
    assert_relation(nlp, "Halcyon Media owns Sundial Press and two radio stations.", "Halcyon Media", "owns", "Sundial Press")


def test_body_named_after_its_organization(nlp):
    # Entities built by hand: the rule must not depend on how the resolver groups names.
    text = "The Andean Pact met. The Andean Pact Tribunal ruled."
    doc = nlp(text)
    pact = Entity("e0", "Andean Pact", ORGANIZATION, mentions=(Mention(4, 15, "Andean Pact"),))
    body = Entity("e1", "Andean Pact Tribunal", ORGANIZATION, mentions=(Mention(25, 45, "Andean Pact Tribunal"),))
    other = Entity("e2", "Pact Holdings", ORGANIZATION, mentions=(Mention(0, 3, "The"),))
    found = {(r.subject, r.predicate, r.object) for r in find_relations(doc, [pact, body, other], [])}
    assert ("e1", "parentOrganization", "e0") in found
    assert ("e0", "parentOrganization", "e1") not in found
    assert not {k for k in found if "e2" in k}  # "Pact Holdings" is not a run of whole words of the tribunal


# ---------------------------------------------------------------- events

def test_met_with(nlp):
    assert_relation(nlp, "Olaf Petersen met with Ingrid Holm in Oslo on Monday.", "Olaf Petersen", "metWith", "Ingrid Holm")


def test_sit_down_with(nlp):
    assert_relation(nlp, "Olaf Petersen will sit down with Ingrid Holm next week.", "Olaf Petersen", "metWith", "Ingrid Holm")


def test_signed_a_deal(nlp):
    _, found = triples(nlp, "Kenya and Ethiopia signed a trade deal on Friday.")
    assert holds(found, "Kenya", "agreementWith", "Ethiopia") or holds(found, "Ethiopia", "agreementWith", "Kenya")


def test_agreeing_with_an_opinion_is_no_agreement(nlp):
    assert_no_predicate(nlp, "Kenya agrees with Ethiopia that the dam is safe.", "agreementWith")


def test_a_word_inside_a_name_is_no_verb(nlp):
    assert_no_predicate(nlp, "Anna Kowalski chairs the Right to Rise Foundation.", "verb:rise")


def test_killed_direction(nlp):
    _, found = triples(nlp, "Police said Marco Bellini killed Luca Ferri during the robbery.")
    assert holds(found, "Marco Bellini", "killed", "Luca Ferri")
    assert not holds(found, "Luca Ferri", "killed", "Marco Bellini")


def test_passive_killed_by(nlp):
    assert_relation(nlp, "Luca Ferri was murdered by Marco Bellini in 1990.", "Marco Bellini", "killed", "Luca Ferri")


def test_convicted_of_the_murder(nlp):
    assert_relation(nlp, "Paul Hart was convicted of the murder of Simon Leigh.", "Paul Hart", "killed", "Simon Leigh")


def test_shot_alone_is_no_killing(nlp):
    assert_no_predicate(nlp, "Paul Hart shot Simon Leigh in the leg.", "killed")


def test_taught_at(nlp):
    assert_relation(nlp, "Helen Brandt taught at Columbia University for a decade.", "Helen Brandt", "worksFor", "Columbia University")


def test_generic_verb_between_entities(nlp):
    rel = assert_relation(nlp, "Germany criticized Hungary over the new law.", "Germany", "verb:criticize", "Hungary")
    assert rel.rule == "verb-generic"


def test_speech_verbs_make_no_relation(nlp):
    _, found = triples(nlp, "Angela Weber told Peter Marsh that the plan had failed.")
    assert not found


@pytest.mark.parametrize("text", [
    "Clara Voss asked Ivo Rahn about the budget.",  # a question reports words
    "Clara Voss gave a long speech in Bergen.",  # no party given anything
    "Clara Voss won Ohio's primary in March.",  # a place's thing: where, not whom
    "Clara Voss erased Ivo Rahn's old emails.",  # an act on a party's thing, not on the party
])
def test_no_act_on_a_party(nlp, text):
    _, found = triples(nlp, text)
    assert not found


@pytest.mark.parametrize("text", [
    "Nordvik Timber and Brekke Shipping formed a joint venture.",  # only owners: the owners are the parties
    "Nordvik Timber and Brekke Shipping signed a supply deal.",
])
def test_a_two_sided_act_named_by_its_owners_relates_them(nlp, text):
    _, found = triples(nlp, text)
    assert {tuple(sorted((s, o))) for s, _, o in found} == {("Brekke Shipping", "Nordvik Timber")}


def test_a_negated_verb_makes_a_negated_relation_never_a_fact(nlp):
    rel = assert_relation(nlp, "Olaf Petersen did not meet Ingrid Holm.", "Olaf Petersen", "metWith", "Ingrid Holm")
    assert rel.status == "negated"


def test_cooccurrence_is_no_relation(nlp):
    _, found = triples(nlp, "Prices rose in France. Separately, Anna Kowalski spoke about the weather.")
    assert not found


def test_a_plural_possessive_read_as_an_object_of_its_own_meets_no_one(nlp):
    # the parser reads the apostrophe after "Forums" as punctuation and makes the body a second object
    assert_no_predicate(nlp, "Lind is ineligible because she did not meet the Council on Public Forums’ 15 percent "
                             "polling threshold.", "metWith")


def test_the_person_a_possessed_noun_names_does_what_its_infinitive_says(nlp):
    found = triples(nlp, "Ana Lind is Tarly's nominee to replace Judge Bob Harl.")[1]
    assert holds(found, "Ana Lind", "verb:replace", "Bob Harl") and not holds(found, "Tarly", "verb:replace", "Bob Harl")


@pytest.mark.parametrize("text", [
    "Tom Clarke co-founded Harbor Fuels in 2004.",  # kept one word by the tokenizer (loader.PREFIXED_WORD)
    "Tom Clarke founded Harbor Fuels with a coal executive in 2004.",  # one founds a body: no facility
])
def test_a_founder_of_a_body_named_like_a_facility(nlp, text):
    assert_relation(nlp, text, "Harbor Fuels", "founder", "Tom Clarke")


def test_a_verb_with_a_hyphenated_prefix_is_one_word_with_its_lemma(nlp):
    doc = nlp("Ben Ode was re-elected in May, and he co-sponsored the bill.")
    assert {t.text: t.lemma_ for t in doc if "-" in t.text} == {"re-elected": "re-elect", "co-sponsored": "co-sponsor"}


# ---------------------------------------------------------------- evidence and quotes

def test_evidence_is_the_sentence(nlp):
    text = "Markets were calm.\nEstonia joined the European Union in 2004. Nothing else happened."
    doc, found = triples(nlp, text)
    rel = holds(found, "Estonia", "memberOf", "European Union")[0]
    assert rel.evidence.text == "Estonia joined the European Union in 2004."
    assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.text


def test_relation_inside_a_direct_quote_is_a_claim(nlp):
    text = 'Anna Kowalski said: "Estonia joined the European Union in 2004." Estonia also joined NATO.'
    doc = nlp(text)
    entities = entities_from_doc(doc)
    start = text.index('"') + 1
    end = text.index('"', start)
    quotes = [Quote(text=text[start:end], start=start, end=end, kind=DIRECT)]
    names = {e.id: e.name for e in entities}
    found = {(names[r.subject], r.predicate, names[r.object]): r for r in find_relations(doc, entities, quotes)}
    assert found[("Estonia", "memberOf", "European Union")].claimed_by == 0
    assert found[("Estonia", "memberOf", "NATO")].claimed_by is None


# ---------------------------------------------------------------- places read off the words

def test_place_in_a_compass_part_of_a_larger_place(nlp):
    assert_relation(nlp, "The convoy left for Mombasa from Garissa in eastern Kenya on Friday.",
                    "Garissa", "containedInPlace", "Kenya")


def test_place_comma_compass_place(nlp):
    assert_relation(nlp, "Officials in Kayes, western Mali, said the road was closed.", "Kayes", "containedInPlace", "Mali")


def test_a_country_is_not_inside_the_place_it_acts_in(nlp):
    assert_no_relation(nlp, "Analysts discussed the role of Iran in Syria on Tuesday.", "Iran", "containedInPlace", "Syria")


def test_possessive_place_holds_the_place(nlp):
    assert_relation(nlp, "Floods hit Louisiana's Jefferson Parish on Monday.", "Jefferson Parish", "containedInPlace",
                    "Louisiana")


def test_headquarters_in_a_place_whatever_in_attaches_to(nlp):
    assert_relation(nlp, "At a briefing at Exxon headquarters in nearby Irving, Smith said costs would rise.",
                    "Exxon", "location", "Irving")


@pytest.mark.parametrize("text,org,predicate,members", [
    # places in parentheses after an organisation
    ("Ministers of the Nordic Council (Norway, Iceland and Denmark) met on Friday.", "Nordic Council",
     "hasPresenceIn", ("Norway", "Iceland", "Denmark")),
    # a list the parser reads as a name with an appositive that has conjuncts
    ("Mali, Burkina Faso and Niger founded the Alliance of Sahel States in 2023.", "Alliance of Sahel States",
     "founder", ("Mali", "Burkina Faso", "Niger")),
])
def test_every_member_of_a_list(nlp, text, org, predicate, members):
    for member in members:
        assert_relation(nlp, text, org, predicate, member)


def test_an_acronym_in_parentheses_is_no_place_list(nlp):
    assert_no_relation(nlp, "The Kenya Wildlife Service (KWS) said on Friday that Kenya would act.",
                       "Kenya Wildlife Service", "hasPresenceIn", "Kenya")


def test_a_persons_party_by_possessive(nlp):
    assert_relation(nlp, "Jane Corrigan's Green Party won the vote in the election.", "Jane Corrigan", "memberOf",
                    "Green Party")


def test_a_list_of_places_in_a_larger_place(nlp):
    text = "Heavy rain fell on Nakuru, Eldoret and Kitale in western Kenya on Sunday."
    for town in ("Nakuru", "Eldoret", "Kitale"):
        assert_relation(nlp, text, town, "containedInPlace", "Kenya")


def test_pairs_of_places_are_no_list(nlp):
    text = "The road runs between Nakuru in Kenya, Gulu in Uganda, and Arusha in Tanzania."
    assert_no_relation(nlp, text, "Uganda", "containedInPlace", "Tanzania")


def test_one_of_the_experts_in_a_country_lives_there(nlp):
    assert_relation(nlp, "Amos Levin, one of the leading water engineers in Israel, says the plan will fail.",
                    "Amos Levin", "homeLocation", "Israel")


def test_a_passive_killing_with_the_by_phrase_on_a_noun(nlp):
    assert_relation(nlp, "Ruth Odell was shot to death in the hallway of her office building by Carl Mayer, a former tenant.",
                    "Carl Mayer", "killed", "Ruth Odell")


def test_an_organisation_in_a_sentence_set_in_a_place(nlp):
    assert_relation(nlp, "In Nairobi, the Kenya Wildlife Service said on Friday that poaching had fallen.",
                    "Kenya Wildlife Service", "hasPresenceIn", "Nairobi")


def test_a_person_of_an_organisations_department(nlp):
    assert_relation(nlp, "Nora Quist, of the Acme Corporation's legal department, said the deal was off.",
                    "Nora Quist", "worksFor", "Acme Corporation")


def test_role_of_a_group_named_by_its_organisation(nlp):
    assert_relation(nlp, "Olga Brandt, deputy leader of the Labour parliamentary group, said the bill would pass.",
                    "Olga Brandt", "worksFor", "Labour")


@pytest.mark.parametrize("text,predicate,obj", [
    ("Ana Lund was born in Leeds in 1960.", "birthPlace", "Leeds"),
    ("Leeds-born Ana Lund spoke.", "birthPlace", "Leeds"),
    ("Ana Lund served on the Tromso Planning Committee for a decade.", "memberOf", "Tromso Planning Committee"),
])
def test_born_in_and_serving_on_a_committee(nlp, text, predicate, obj):
    assert_relation(nlp, text, "Ana Lund", predicate, obj)


def test_an_author_or_surrogate_is_no_employee(nlp):
    assert_no_relation(nlp, "Ana Lund, the author of Kestrel Foods, spoke.", "Ana Lund", "worksFor", "Kestrel Foods")
    assert_no_relation(nlp, "Ana Lund, a surrogate for the Kestrel Party, spoke.", "Ana Lund", "worksFor", "Kestrel Party")


def test_the_place_where_someone_was_born(nlp):
    assert_relation(nlp, "We drove on to Tupelo, where Elvis Presley was born.", "Elvis Presley", "birthPlace", "Tupelo")


# ---------------------------------------------------------------- verbs as data (graphkit/data/relation_verbs.tsv)

@pytest.mark.parametrize("text,subject,predicate,obj", [
    ("Tamsin Foods is listed on the Lagos Stock Exchange.", "Tamsin Foods", "listedOn", "Lagos Stock Exchange"),
    ("Norvale Energy will partner with Kestrel Grid on the project.", "Norvale Energy", "partner", "Kestrel Grid"),
    ("The firm Dunmore Gray represents Kestrel Grid in the talks.", "Dunmore Gray", "represents", "Kestrel Grid"),
    ("After leaving Norvale Energy, Ana Ruiz set up her own firm.", "Ana Ruiz", "worksFor", "Norvale Energy"),
    # pressing, warning or giving to a party acts on it, though the same verbs mostly only report words
    ("Finland urged Chile to lift the export ban.", "Finland", "verb:urge", "Chile"),
    ("Finland warned Chile against the tariff.", "Finland", "verb:warn", "Chile"),
    ("Finland gave Chile $40 million in loans.", "Finland", "verb:give", "Chile"),
    # ... and a name the parser hangs on the object after it ("Chile" read as modifying "help")
    ("Finland, which left the Baltic Union, has offered Chile legal help.", "Finland", "verb:offer help", "Chile"),
    ("Clara Voss asked Ivo Rahn to withdraw from the race.", "Clara Voss", "verb:ask", "Ivo Rahn"),
    ("Finland called on Chile to free the activists.", "Finland", "verb:call on", "Chile"),
    # a word hyphenated before the verb is part of it ("sponsor" alone would be another act), read as "sponsor" is
    ("Clara Voss co-sponsored a bill with Ivo Rahn.", "Clara Voss", "verb:co-sponsor bill with", "Ivo Rahn"),
    # an act on what a named party has or did is one on the party
    ("Finland condemned Chile's new fishing rules.", "Finland", "verb:condemn", "Chile"),
    ("Clara Voss mocked Ivo Rahn's tax plan.", "Clara Voss", "verb:mock", "Ivo Rahn"),
    # ... and one who acts for a party stands for it under any verb
    ("Finland hosted Chile's delegation in May.", "Finland", "verb:host", "Chile"),
    ("Finland expelled Chile's ambassador.", "Finland", "verb:expel", "Chile"),
    # acts named by their noun
    ("Clara Voss filed a lawsuit against Tarn Mining in May.", "Clara Voss", "verb:sue", "Tarn Mining"),
    ("The Tarn Bureau's investigation into Ivo Rahn was closed.", "Tarn Bureau", "verb:investigate", "Ivo Rahn"),
    ("Clara Voss spoke to Ivo Rahn on Sunday.", "Clara Voss", "verb:speak", "Ivo Rahn"),
])
def test_verb_table_rows(nlp, text, subject, predicate, obj):
    assert_relation(nlp, text, subject, predicate, obj)


@pytest.mark.parametrize("text", [
    "Clara Voss has embraced Ivo Rahn's approach to trade.",
    "Clara Voss will address Ivo Rahn's remarks on Friday.",
    "Clara Voss would continue Ivo Rahn's policies.",
])
def test_what_a_party_did_is_not_the_party_under_a_verb_that_judges_nothing(nlp, text):
    _, found = triples(nlp, text)
    assert not [k for k in found if k[0] == "Clara Voss" and k[2] == "Ivo Rahn"], found


def test_one_of_a_kind_is_no_name_of_another_type_beside_it(nlp):
    # the parser hangs "one of the states" on the person before it: the states sue, not she
    _, found = triples(nlp, "Ana Lund, attorney general of Ohio, one of the states suing Varde Foods, spoke on Monday.")
    assert not holds(found, "Ana Lund", "verb:sue", "Varde Foods"), found
    # ... while one of a kind the name is still stands for it
    _, found = triples(nlp, "Tom Berg, one of the senators criticising Varde Foods, spoke on Monday.")
    assert holds(found, "Tom Berg", "verb:criticise", "Varde Foods"), found


def test_a_users_row_adds_a_relation_type_without_editing_graphkit(nlp):
    from graphkit.nlp.relation_verbs import VerbTable, builtin_verbs
    from graphkit.nlp.relations import find_relations

    doc = nlp("Kestrel Grid supplies Norvale Energy with turbines.")
    table = VerbTable(list(builtin_verbs()) + [("supply", "-", "pair", "suppliesTo", "agent", "patient")])
    names = {e.id: e.name for e in entities_from_doc(doc)}
    found = {(names[r.subject], r.predicate, names[r.object])
             for r in find_relations(doc, entities_from_doc(doc), [], [], table)}
    assert ("Kestrel Grid", "custom:suppliesTo", "Norvale Energy") in found


@pytest.mark.parametrize("line,problem", [
    ("supply\t-\tpair\tsuppliesTo\tagent", "needs 6 tab-separated cells"),
])
def test_a_bad_relation_row_names_its_line(line, problem):
    from graphkit.nlp.relation_verbs import VerbTable

    with pytest.raises(ValueError, match=f"my.tsv:1: .*{problem}"):
        VerbTable.read(line, "my.tsv")


def test_a_row_with_an_unknown_frame_is_refused():
    from graphkit.nlp.relation_verbs import VerbTable

    with pytest.raises(ValueError, match="unknown frame"):
        VerbTable([("supply", "-", "guess", "suppliesTo", "agent", "patient")])


def test_a_place_based_modifier_on_a_descriptor_before_the_name(nlp):
    assert_relation(nlp, "It sold the unit to the Nairobi-based investor Kestrel Capital.", "Kestrel Capital", "location",
                    "Nairobi")


def test_countries_forming_an_alliance_are_its_founders(nlp):
    assert_relation(nlp, "Officials discussed the Andean Water Pact, the body formed by Peru and Bolivia.",
                    "Andean Water Pact", "founder", "Peru")


@pytest.mark.parametrize("text,person,org", [
    ("Ivo Maric took charge of Dunedin Rovers in May.", "Ivo Maric", "Dunedin Rovers"),
    ("The board put Ana Ruiz in charge of Tamsin Capital.", "Ana Ruiz", "Tamsin Capital"),
])
def test_being_in_charge_of_an_organisation_is_working_for_it(nlp, text, person, org):
    assert_relation(nlp, text, person, "worksFor", org)


def test_a_company_title_with_no_company_named_means_the_company_of_the_story(nlp):
    text = ("Tamsin Foods reported a record profit on Friday. Tamsin Foods raised its forecast, and Tamsin Foods "
            "shares rose. Chief Financial Officer Ana Ruiz said demand was strong.")
    assert_role(nlp, text, "Ana Ruiz", "worksFor", "Tamsin Foods", "Chief Financial Officer")


def test_a_company_title_in_a_story_about_several_companies_names_no_employer(nlp):
    text = ("Tamsin Foods and Norvale Energy reported results. Tamsin Foods rose and Norvale Energy fell. "
            "Chief Financial Officer Ana Ruiz said demand was strong.")
    _, found = triples(nlp, text)
    assert not [k for k in found if k[0] == "Ana Ruiz" and k[1] == "worksFor"]


def test_an_indirect_object_is_a_party_to_the_act(nlp):
    assert_relation(nlp, "Norvale Energy has offered Tamsin Foods a loan.", "Norvale Energy", "verb:offer loan", "Tamsin Foods")


@pytest.mark.parametrize("text,predicate", [
    ("Tamsin Foods holds a large lead over Norvale Energy in sales.", "verb:hold"),  # a verb stating no relation
    ("Ana Ruiz travelled to Oslo on Monday.", "verb:travel"),  # a place reached by a preposition is where, not a party
])
def test_verbs_that_state_no_relation_between_two_names(nlp, text, predicate):
    assert_no_predicate(nlp, text, predicate)


def test_a_person_named_in_apposition_to_the_body_of_a_role_holds_the_role(nlp):
    rel = assert_relation(nlp, "A spokesperson for the Harbour Authority, Mia Lund, said the plan was ready.",
                          "Mia Lund", "worksFor", "Harbour Authority")
    assert rel.role and "spokesperson" in rel.role


def test_criticising_someone_for_an_act_makes_them_its_doer(nlp):
    _, found = triples(nlp, "Ana Ruiz criticised Tomas Berg for attacking Lina Holm.")
    assert not [k for k in found if k[0] == "Ana Ruiz" and k[2] == "Lina Holm"]


def test_a_headline_states_no_relation(nlp):
    _, found = triples(nlp, "Ana Ruiz Slams Norvale Energy Over Rising Prices In Oslo\nPrices rose on Monday.")
    assert not found


def test_a_second_party_after_a_thing_object(nlp):
    assert_relation(nlp, "Norvale Energy filed a complaint against Tamsin Foods on Monday.", "Norvale Energy",
                    "verb:file complaint", "Tamsin Foods")
    assert_no_predicate(nlp, "Ana Ruiz sent troops to Oslo.", "verb:send")


def test_a_local_office_with_no_place_named_is_held_in_the_datelines_place(nlp):
    text = "KELSO, Wash. -\nMayor Ana Ruiz said the plant would open in May."
    assert_role(nlp, text, "Ana Ruiz", "holdsOfficeIn", "Kelso", "Mayor")
    _, found = triples(nlp, "Mayor Ana Ruiz said the plant would open in May.")
    assert not found  # no dateline: no place is meant


def test_a_place_lies_only_inside_a_larger_one_whatever_proposed_it(nlp):
    _, found = triples(nlp, "Trade with Peru, Chile and Bolivia rose, and a rally in Toledo, Ohio, drew crowds.")
    assert not [k for k in found if k[1] == "containedInPlace" and k[0] in ("Peru", "Chile", "Bolivia", "Ohio")]


@pytest.mark.parametrize("text,expected,absent", [
    # object control through "on": "called on X to ..." -- X does it, not the caller
    ("Anna Lind called on Tomas Berg to stop attacking Kestrel Foods.", ("Tomas Berg", "verb:attack", "Kestrel Foods"),
     ("Anna Lind", "verb:attack", "Kestrel Foods")),
    # a date after "on" controls nothing: the subject still joins
    ("Anna Lind decided on Tuesday to join Kestrel Foods.", ("Anna Lind", "memberOf", "Kestrel Foods"), None),
])
def test_who_acts_in_an_infinitive_after_on(nlp, text, expected, absent):
    _, found = triples(nlp, text)
    assert expected in found and absent not in found


@pytest.mark.parametrize("text", ["Together with Peru, Chile sued Kestrel Foods.",
                                  "Chile, along with Peru, sued Kestrel Foods.",
                                  "Chile sued Kestrel Foods alongside Peru.",
                                  "And together with Peru, Chile sued Kestrel Foods in every court."])
def test_a_second_doer_is_no_one_acted_upon(nlp, text):
    _, found = triples(nlp, text)
    assert ("Chile", "verb:sue", "Peru") not in found
    assert ("Peru", "verb:sue", "Kestrel Foods") in found and ("Chile", "verb:sue", "Kestrel Foods") in found


def test_what_a_verb_prefers_its_object_over_is_no_party(nlp):
    # "backs X over Y", "chose X over Y": with a direct object, only to/with/against/from name a second party
    _, found = triples(nlp, "Anna Lind backs Tomas Berg over Maria Holm.")
    assert ("Anna Lind", "verb:back", "Tomas Berg") in found and ("Anna Lind", "verb:back", "Maria Holm") not in found
    _, found = triples(nlp, "Kestrel Foods supplied flour to Tamsin Bakeries.")
    assert ("Kestrel Foods", "verb:supply flour to", "Tamsin Bakeries") in found


@pytest.mark.parametrize("text", ["Tomas Berg is serving 20 years in prison for the murder of Ana Ruiz.",
                                  "Tomas Berg was convicted of the murder of Ana Ruiz."])
def test_who_answers_for_a_killing_is_the_killer(nlp, text):
    _, found = triples(nlp, text)
    assert ("Tomas Berg", "killed", "Ana Ruiz") in found


def test_a_two_word_demonym_names_its_own_country(nlp):
    # "South Korean" is South Korea's adjective, not that of a Korea the article names
    _, found = triples(nlp, "Korea fired a rocket on Monday. South Korean President Mina Seo said the test failed.")
    assert not [k for k in found if k[0] == "Mina Seo" and k[2] == "Korea"]


def test_compass_abbreviations_name_their_country():
    from graphkit import places

    assert places.lookup("N. Korea").name == "North Korea" and places.lookup("S. Korea").name == "South Korea"


def test_a_heritage_is_not_a_home_but_a_demonym_title_still_is_an_office(nlp):
    _, found = triples(nlp, "The United States has many activists. Mexican American activist Rosa Vidal spoke in Texas.")
    assert not [k for k in found if k[0] == "Rosa Vidal" and k[2] == "United States"]
    _, found = triples(nlp, "Germany sent aid on Monday. German Chancellor Olaf Brandt said more would follow.")
    assert ("Olaf Brandt", "holdsOfficeIn", "Germany") in found


@pytest.mark.parametrize("text", ["Tomas Berg is not a household name in Virginia.",
                                  "Ana Ruiz, a big name in Ohio, spoke on Monday."])
def test_being_a_name_somewhere_is_no_home(nlp, text):
    _, found = triples(nlp, text)
    assert not [k for k in found if k[1] == "homeLocation"]


def test_a_description_holding_a_name_stands_for_its_entity(nlp):
    # "The Leeds-based shipbuilder, which ...": Leeds keeps its tokens, the description means Tamsin Motors
    text = ("Tamsin Motors reported a 12% jump in net profit on Friday, as sales of its electric vans rose.\n"
            "Tamsin Motors said demand in Europe stayed strong.\n"
            "The Leeds-based shipbuilder, which is listed on the London Stock Exchange, earned 4 billion pounds.")
    _, found = triples(nlp, text)
    assert ("Tamsin Motors", "location", "Leeds") in found and ("Tamsin Motors", "listedOn", "London Stock Exchange") in found


def test_an_institution_word_in_a_title_is_the_one_body_named_so(nlp):
    # "Council President X": the council is the one organisation of the article ending in "Council"
    _, found = triples(nlp, "The Leeds City Council approved a tax break on Monday. Council President Ana Ruiz voted no.")
    assert ("Ana Ruiz", "memberOf", "Leeds City Council") in found  # a council's president sits on it
    _, found = triples(nlp, "The Leeds City Council and the York City Council met. Council President Ana Ruiz voted no.")
    assert not [k for k in found if k[0] == "Ana Ruiz"]  # two councils: which one is not said


@pytest.mark.parametrize("text", ["Kestrel Foods appointed Ana Ruiz as chief executive on Monday.",
                                  "Kestrel Foods recruited Ana Ruiz last year."])
def test_verbs_of_employing_state_employment(nlp, text):
    _, found = triples(nlp, text)
    assert ("Ana Ruiz", "worksFor", "Kestrel Foods") in found


@pytest.mark.parametrize("text,person,body", [
    # "secretary" hung on the name
    ("ECOWAS’s secretary-general, Nguyen Thi Mai, said any application would be assessed.", "Nguyen Thi Mai", "ECOWAS"),
    # "general" tagged an adjective
    ("The Varde Council's secretary-general, Ana Ruiz, said the plan would pass.", "Ana Ruiz", "Varde Council"),
])
def test_a_possessed_title_set_off_by_commas_before_a_name(nlp, text, person, body):
    assert_relation(nlp, text, person, "worksFor", body)


@pytest.mark.parametrize("text,relation", [
    # kin, as schema.org's kinship properties: the named kin first unless it is the parent
    ("Oskar Dahl's wife, Frida Dahl, said he was innocent.", ("Frida Dahl", "spouse", "Oskar Dahl")),
    ("Frida Dahl, the daughter of Oskar Dahl, runs the farm.", ("Frida Dahl", "parent", "Oskar Dahl")),
    ("Oskar Dahl's father, Nils Dahl, founded the farm.", ("Oskar Dahl", "parent", "Nils Dahl")),
    # and who speaks or acts for a person
    ("Oskar Dahl's lawyer, Frida Lind, said he was innocent.", ("Frida Lind", "represents", "Oskar Dahl")),
    ("Frida Lind, a spokeswoman for Oskar Dahl, declined to comment.", ("Frida Lind", "represents", "Oskar Dahl")),
])
def test_kin_named_beside_a_person(nlp, text, relation):
    assert_relation(nlp, text, *relation)


def test_an_in_law_is_no_kin_of_blood(nlp):
    _, found = triples(nlp, "Oskar Dahl's son-in-law, Ivo Lund, runs the farm.")
    assert not found


@pytest.mark.parametrize("text,predicate", [
    # people of a committee, chamber or board sit on it; its staff work for it
    ("Ola Brekke, a senior Democrat on the Fisheries Committee, said the report was flawed.", "memberOf"),
    ("Ola Brekke, counsel to the Fisheries Committee, said the report was flawed.", "worksFor"),
])
def test_a_member_body_has_members_and_staff(nlp, text, predicate):
    assert_relation(nlp, text, "Ola Brekke", predicate, "Fisheries Committee")


def test_a_depot_is_a_unit_kept_somewhere(nlp):
    assert_relation(nlp, "Nordfrakt Logistics plans to open a depot in Tampere.", "Nordfrakt Logistics", "hasPresenceIn", "Tampere")


def test_joining_as_a_post_is_working_for(nlp):
    rel = assert_relation(nlp, "Marit Olsson joined Varde Shipping as chief executive in 2019.", "Marit Olsson",
                          "worksFor", "Varde Shipping")
    assert rel.role == "chief executive"


@pytest.mark.parametrize("text,status", [
    ("Varde Shipping's headquarters in Tampere will close.", "fact"),  # the unit is there, whatever becomes of it
    ("Varde Shipping's new depot in Tampere will open next year.", "planned"),  # yet to be
])
def test_a_unit_named_as_its_organisations_exists(nlp, text, status):
    _, found = triples(nlp, text)
    assert [r.status for (s, _, o), r in found.items() if (s, o) == ("Varde Shipping", "Tampere")] == [status]


@pytest.mark.parametrize("text", [
    "Varde Group runs a paper unit, which includes Nordvik Timber.",
    "Varde Group's paper division comprises Nordvik Timber and two mills.",
])
def test_what_an_organisations_unit_includes_is_part_of_it(nlp, text):
    assert_relation(nlp, text, "Nordvik Timber", "parentOrganization", "Varde Group")


@pytest.mark.parametrize("text,predicate", [
    ("Ola Brekke, a Democratic congressman from Vermont, said no.", "holdsOfficeIn"),  # sits for it
    ("Ola Brekke, a teacher from Vermont, said no.", "homeLocation"),  # comes from it
    ("Ola Brekke, a Vermont Democrat, called the deal lopsided.", "homeLocation"),  # one of its voters
])
def test_an_office_from_a_place_is_held_there(nlp, text, predicate):
    assert_relation(nlp, text, "Ola Brekke", predicate, "Vermont")


@pytest.mark.parametrize("text", [
    "LONDON\nAddington Vale, Britain’s fifth-largest mortgage lender, reported a 22 per cent rise in first-half "
    "pre-tax profit on Thursday.",
    "LONDON\nKensington Reed, Britain’s fifth-largest mortgage lender, reported a 22 per cent rise in first-half "
    "pre-tax profit on Thursday.",
])
def test_no_sentence_starts_inside_a_name_after_a_dateline(nlp, text):
    """The parser cut "Addington | Vale" into two sentences after the dateline line; a capitalised word right
    after another, one space between, goes on the same sentence (graphkit_paragraphs)."""
    doc = nlp(text)
    first = text.split("\n")[1].split(",")[0]
    assert not any(t.is_sent_start for t in doc.char_span(text.index(first), text.index(first) + len(first))[1:])


@pytest.mark.parametrize("text,predicate", [
    ("Senators Ola Brekke, Republican of Vermont, and Ivo Lund, Democrat of Maine, objected.", "holdsOfficeIn"),
    ("Ola Brekke, a Republican from Vermont, said she would vote.", "homeLocation"),  # "from": may be a voter
])
def test_party_of_a_state_is_the_legislators_seat(nlp, text, predicate):
    assert_relation(nlp, text, "Ola Brekke", predicate, "Vermont")


@pytest.mark.parametrize("text,met", [
    ("Ivo Lund went hiking in Peru, where he met his wife, Ana Ruiz.", False),  # came to know her
    ("Ivo Lund met his lawyer, Ana Ruiz, on Monday.", True),
    ("Ivo Lund met Tor Berg's wife, Ana Ruiz, on Monday.", True),  # someone else's wife: a meeting
])
def test_meeting_ones_spouse_is_no_meeting(nlp, text, met):
    _, found = triples(nlp, text)
    assert bool(holds(found, "Ivo Lund", "metWith", "Ana Ruiz")) == met, found


def test_a_relative_clause_without_relative_word_has_its_noun_as_object(nlp):
    # "a speech X delivered at Y": the speech is what was delivered, the university only where
    _, found = triples(nlp, "The aim is clear from a speech Ana Ruiz delivered at Tromso University in May.")
    assert not any(p.startswith("verb:") for (_, p, _) in found), found
    assert_relation(nlp, "The letter Ivo Lund sent to Ana Ruiz was leaked.", "Ivo Lund", "verb:send to", "Ana Ruiz")


@pytest.mark.parametrize("text,predicate", [
    # the party reached past the thing: the thing belongs to the relation ("give" alone states nothing)
    ("During the primaries, the Varde Times gave Ana Ruiz a glowing endorsement.", "verb:give endorsement"),
    ("Ivo Lund offered some pointed advice to Ana Ruiz on Friday.", "verb:offer advice to"),
    ("Ivo Lund criticised Ana Ruiz on Friday.", "verb:criticise"),  # the party is the object: the verb alone
])
def test_a_verb_keeps_the_thing_it_acts_with(nlp, text, predicate):
    _, found = triples(nlp, text)
    assert [p for (_, p, o) in found if o == "Ana Ruiz"] == [predicate], found


def test_a_phrase_after_an_unnamed_conjunct_is_that_conjuncts(nlp):
    # "X, Y and election offices in Ohio": the offices are in Ohio; the parser hung "in Ohio" on Y
    _, found = triples(nlp, "Hackers hit the Varde Party, the Tamsin Chamber of Trade and local tax offices in Ohio and Iowa.")
    assert not linking(found, objects=("Ohio", "Iowa")), found


@pytest.mark.parametrize("text,subject,predicate,obj", [
    ("Varde Foods named Ana Ruiz as its chief executive.", "Ana Ruiz", "worksFor", "Varde Foods"),
    ("Tamsin Energy appointed Mei Sato chief executive on Tuesday.", "Mei Sato", "worksFor", "Tamsin Energy"),
    ("Ghana named Ana Ruiz as finance minister.", "Ana Ruiz", "holdsOfficeIn", "Ghana"),  # the post decides
])
def test_the_one_appointed_to_a_post_holds_it(nlp, text, subject, predicate, obj):
    assert_relation(nlp, text, subject, predicate, obj)


def test_naming_someone_without_a_post_gives_no_job(nlp):
    _, found = triples(nlp, "Varde Foods named Ana Ruiz in the lawsuit.")
    assert not [k for k in found if k[1] == "worksFor"], found


@pytest.mark.parametrize("text,predicate", [
    ("Ana Ruiz sits on the board of Varde Foods.", "memberOf"),
    ("Ana Ruiz joined the board of Varde Foods in May.", "memberOf"),
    ("Ana Ruiz joined Varde Foods's staff in 2019.", "worksFor"),  # a staff works for it
])
def test_an_organisations_board_or_staff_stands_for_it(nlp, text, predicate):
    assert_relation(nlp, text, "Ana Ruiz", predicate, "Varde Foods")


def test_a_name_hidden_in_a_conjunction_is_joined_there_only(nlp):
    # the parser read "Halden Paper and Corvo Logistics" as one phrase; later "Corvo Logistics" is alone
    text = "Halden Paper and Corvo Logistics formed a venture. Ana Ruiz joined Corvo Logistics in May."
    _, found = triples(nlp, text)
    assert not holds(found, "Ana Ruiz", "memberOf", "Halden Paper") and not holds(found, "Ana Ruiz", "worksFor", "Halden Paper"), found


# each wording with the relation it states: (subject, predicate, object)
PREDICATES_FROM_WORDS = {
    # a phrasal verb's particle is part of its predicate ("single" alone means nothing)
    "Ana Ruiz singled out Ivo Lund for praise on Monday.": ("Ana Ruiz", "verb:single out", "Ivo Lund"),
    # a native comes from the place; a resident lives there
    "Ana Ruiz, a South Carolina native, spoke.": ("Ana Ruiz", "birthPlace", "South Carolina"),
    "Ana Ruiz, a native of Ohio, spoke.": ("Ana Ruiz", "birthPlace", "Ohio"),
    "Ana Ruiz, an Ohio resident, spoke.": ("Ana Ruiz", "homeLocation", "Ohio"),
    # some attorneys hold an office; a place's attorney is a lawyer working there
    "Manhattan District Attorney Ana Ruiz sued Varde Foods.": ("Ana Ruiz", "holdsOfficeIn", "Manhattan"),
    "The spill was small, said Kestrabad County Attorney Ana Ruiz.": ("Ana Ruiz", "holdsOfficeIn", "Kestrabad County"),
    # "which" is never a person: the clause the parser hung on the person is the union's
    "Ana Ruiz, president of the Union of Baltic Dockers, which endorsed Ivo Lund, spoke on Monday.":
        ("Union of Baltic Dockers", "verb:endorse", "Ivo Lund"),
}


@pytest.mark.parametrize("text", PREDICATES_FROM_WORDS)
def test_predicates_read_from_the_words(nlp, text):
    assert_relation(nlp, text, *PREDICATES_FROM_WORDS[text])


def test_a_place_before_a_lawyer_is_no_office(nlp):
    _, found = triples(nlp, "New York attorney Ana Ruiz sued Varde Foods.")
    assert not holds(found, "Ana Ruiz", "holdsOfficeIn", "New York"), found


def test_a_preposition_after_a_relation_noun_is_the_nouns(nlp):
    # the parser hangs "against Z" on the verb; the lawsuit is against Z, and Y's, whoever criticises it
    _, found = triples(nlp, "Ana Ruiz criticised Ivo Lund's lawsuit against Varde Foods.")
    assert holds(found, "Ivo Lund", "verb:sue", "Varde Foods"), found
    assert not linking(found, "Ana Ruiz", objects=("Varde Foods",)), found


def test_who_judges_a_deed_does_not_own_it(nlp):
    _, found = triples(nlp, "Ana Ruiz criticised the lawsuit against Varde Foods.")
    assert not holds(found, "Ana Ruiz", "verb:sue", "Varde Foods"), found


@pytest.mark.parametrize("text", [
    "Norway will send troops to Mali. The prime minister, Ana Ruiz, said the mission would last a year.",
    "Norway will send troops to Mali. Ana Ruiz, the prime minister, said the mission would last a year.",
])
def test_a_bare_national_office_beside_the_name_is_the_countrys_before(nlp, text):
    assert_relation(nlp, text, "Ana Ruiz", "holdsOfficeIn", "Norway")


def test_a_deal_of_a_kind_states_that_kind_too(nlp):
    assert_relation(nlp, "Varde Foods signed a partnership agreement with Marrow Mills.", "Varde Foods", "partner",
                    "Marrow Mills")


@pytest.mark.parametrize("text", [
    "Sens. Ivo Lund of Ohio and Ana Ruiz of Maine objected.",  # a plural title before a list
    "Republican senators like Ivo Lund of Ohio and Ana Ruiz of Maine objected.",
    "Two governors, Ivo Lund of Ohio and Ana Ruiz of Maine, objected.",
])
def test_a_list_of_office_holders_shares_the_office(nlp, text):
    _, found = triples(nlp, text)
    assert holds(found, "Ana Ruiz", "holdsOfficeIn", "Maine") and holds(found, "Ivo Lund", "holdsOfficeIn", "Ohio"), found
    assert not linking(found, "Ivo Lund", objects=("Maine",)), found


def test_people_of_a_place_in_a_list_of_fans_live_there(nlp):
    assert_relation(nlp, "Fans like Ivo Lund of Ohio objected.", "Ivo Lund", "homeLocation", "Ohio")


@pytest.mark.parametrize("text,subject,predicate,obj", [
    ("The town of Kestrabad lies in Victoria.", "Kestrabad", "containedInPlace", "Victoria"),  # "the town of X" is X
    ("Tamsin Energy moved its headquarters to Tampere.", "Tamsin Energy", "location", "Tampere"),  # a seat, not a home
])
def test_what_a_noun_stands_for(nlp, text, subject, predicate, obj):
    assert_relation(nlp, text, subject, predicate, obj)


@pytest.mark.parametrize("text,predicate", [
    ("An Indiana GOP consultant, Ana Ruiz, said the race was close.", "hasPresenceIn"),  # the party's branch
    ("The Houston law firm Varde Lund sued Marrow Mills.", "location"),  # a firm described by its place
])
def test_a_place_before_a_bodys_name_is_its_branch(nlp, text, predicate):
    _, found = triples(nlp, text)
    assert [p for (s, p, o) in found if o in ("Indiana", "Houston")] == [predicate], found


@pytest.mark.parametrize("text", [
    # the story's most named body is a paper: no employer for a manager it names
    "The Varde Times reported the deal. The Varde Times said sales fell. Later, manager Ana Ruiz said little.",
    # a trade named before the title is the person's own: "hedge-fund manager X"
    "Tamsin Foods cut jobs. Tamsin Foods also sold a plant. Donors include hedge-fund manager Ana Ruiz.",
])
def test_no_employer_from_the_article_for_a_paper_or_a_trade_of_ones_own(nlp, text):
    _, found = triples(nlp, text)
    assert not linking(found, "Ana Ruiz", "worksFor"), found


def test_a_list_misread_as_one_noun_gives_no_office_to_its_names(nlp):
    # "the X Party, the Y Committee and state election offices in Ohio": three things hacked, no party's office
    _, found = triples(nlp, "Hackers hit the Varde Party, the Democratic Tamsin Campaign Committee and state "
                            "election offices in Ohio and Iowa.")
    assert not linking(found, objects=("Ohio", "Iowa")), found


@pytest.mark.parametrize("text,contained", [
    ("Ivo Lund cited problems in the Middle East, China and elsewhere.", False),  # a list goes on with "elsewhere"
    ("Troops were sent to Mali, Niger and other countries.", False),
    ("The plant is in Aiken, South Carolina and employs 400 people.", True),  # town, state, then the verb
])
def test_a_list_of_places_is_no_containment(nlp, text, contained):
    _, found = triples(nlp, text)
    assert bool([k for k in found if k[1] == "containedInPlace"]) == contained, found


def test_items_of_a_list_set_off_by_semicolons_describe_no_one_else(nlp):
    # "X; Y's wife, Z; and others": Y's wife is Z, not X
    _, found = triples(nlp, "Ana Lind; Ivo Lund's wife, Per Holm; and dozens of officials gathered around Tor Berg.")
    assert not holds(found, "Ana Lind", "spouse", "Ivo Lund"), found


def test_a_description_subject_with_its_name_beside_it_is_that_name(nlp):
    # "X's wife, Y, is a native of Z": Y is the subject the copula describes
    assert_relation(nlp, "Ivo Lund's wife, Ana Ruiz, is a native of Tromso.", "Ana Ruiz", "birthPlace", "Tromso")


@pytest.mark.parametrize("text", [
    "Ana Ruiz and dozens of officials gathered around Ivo Lund in front of the stage.",
    "Ana Ruiz stood behind Ivo Lund during the speech.",
])
def test_a_preposition_of_where_names_no_party(nlp, text):
    _, found = triples(nlp, text)
    assert not linking(found, "Ana Ruiz", objects=("Ivo Lund",)), found


def test_a_comparison_names_no_party(nlp):
    # "He, like Y, has refused to apologize": Y is compared with him, not refused
    _, found = triples(nlp, "Tor Berg spoke. “He, like Ivo Lund, has refused to apologize for an outrageous statement,” "
                            "she said.")
    assert not linking(found, objects=("Ivo Lund",)), found


def test_an_appositive_after_another_name_describes_that_name(nlp):
    # "X, the foreign minister of France, a permanent member of Y": France is the member, not X
    _, found = triples(nlp, "Jean Lund, the foreign minister of France, a permanent member of the Security Council, said no.")
    assert holds(found, "Jean Lund", "holdsOfficeIn", "France") and not [k for k in found if k[0] == "Jean Lund" and
                                                                          k[2] == "Security Council"], found


# legislators' titles and the chamber the article names (relations.implied_chambers, data/chambers.tsv)

def test_a_state_legislator_sits_in_the_state_chamber_the_article_names(nlp):
    text = ("The Oregon Senate approved the levy on Friday. State Sen. Mara Quist said the vote was close. "
            "Sen. Dell Amos, who chairs a farm caucus in Washington, opposed it.")
    assert_relation(nlp, text, "Mara Quist", "memberOf", "Oregon Senate")
    _, found = triples(nlp, text)
    assert not holds(found, "Dell Amos", "memberOf", "Oregon Senate")  # a senator without "state" is national's


def test_a_senator_sits_in_the_national_senate(nlp):
    text = "The U.S. Senate will take up the tariff bill. Sen. Dell Amos called it a mistake."
    assert_relation(nlp, text, "Dell Amos", "memberOf", "U.S. Senate")


@pytest.mark.parametrize("text,chamber", [
    ("The Oregon Senate and the Idaho Senate met. State Sen. Mara Quist spoke first.", "Senate"),  # two fit
    ("The Oregon Senate voted. Idaho state Sen. Mara Quist said her state would not.", "Oregon Senate"),
])
def test_two_fitting_chambers_or_another_states_give_no_member(nlp, text, chamber):
    assert_no_relation(nlp, text, "Mara Quist", "memberOf", chamber)


def test_an_assembly_members_title_is_no_part_of_her_name(nlp):
    # the title words of assemblies and councils (lexicon.TITLES) are cut from the name, as "Sen." is
    text = "The Nevada State Assembly passed the bill. Assemblywoman Jo Pardo said it would help."
    assert_relation(nlp, text, "Jo Pardo", "memberOf", "Nevada State Assembly")


def test_working_with_a_body_is_no_job_and_a_source_is_no_party(nlp):
    # data/relation_verbs.tsv: "work with Y" is working together; relation_verbs.VerbFrame: "according to Y"
    assert_no_relation(nlp, "Tomas Berg worked with The Daily Courier to expose the programs.", "Tomas Berg",
                       "worksFor", "Daily Courier")
    _, found = triples(nlp, 'According to the Daily Courier, "Lina Holm coordinated with Ivo Lund on the post."')
    assert not [k for k in found if "Daily Courier" in k]


@pytest.mark.parametrize("text,org,place,expected", [
    # relation_frames.org_place_name_patterns: a state's body named with a demonym is in that country ...
    ("The Moldovan Parliament voted on Tuesday. Moldova's president spoke.", "Moldovan Parliament", "Moldova", True),
    # ... any other name with a demonym says nothing of where the body is
    ("Ana Ruiz of the Moldovan Action Forum spoke in Moldova on Tuesday.", "Moldovan Action Forum", "Moldova", False),
])
def test_a_demonym_places_only_a_states_body(nlp, text, org, place, expected):
    _, found = triples(nlp, text)
    assert bool(holds(found, org, "location", place)) == expected, sorted(found)


def test_a_dateline_place_is_no_party_of_the_sentence_after_it(nlp):
    # relations.DocIndex.dateline_places: "Oslo (AFP) – X met Y": the place the story was filed from
    # is never the subject the parser may make of it
    text = "Lund Meets Berg.\n\nOslo (AFP) – Vice President Ivo Lund on Monday praised Tomas Berg for the first time."
    _, found = triples(nlp, text)
    assert not [k for k, r in found.items() if k[0] == "Oslo" and r.rule.startswith("verb")], sorted(found)


# ---------------------------------------------------------------- passives, co-parties, prepositions

@pytest.mark.parametrize("text, subject, predicate, obj", [
    # a participle set after the clause, with its "by": the by-phrase acts on the clause's subject
    ("Ann Berg won the most votes at 31 percent, followed by Tom Hale.", "Tom Hale", "verb:follow", "Ann Berg"),
    ("Backed by Ann Berg, Tom Hale won the seat.", "Ann Berg", "verb:back", "Tom Hale"),
    # a participle sharing a passive's auxiliary: "is based in Y and listed on Z"
    ("Orvel Foods, which is based in Leeds and listed on the Varde Exchange, will pay in cash.",
     "Orvel Foods", "listedOn", "Varde Exchange"),
    # the row's sole role: the subject of the verb used without an object
    ("Orvel Foods, which listed on the Varde Exchange in 2010, fell.", "Orvel Foods", "listedOn", "Varde Exchange"),
])
def test_a_passive_participle_turns_its_parties_round(nlp, text, subject, predicate, obj):
    assert_relation(nlp, text, subject, predicate, obj)


@pytest.mark.parametrize("text, subject, predicate, obj", [
    ("Ann Berg won the most votes at 31 percent, followed by Tom Hale.", "Ann Berg", "verb:follow", "Tom Hale"),
    ("Last week the Varde Institute questioned Orvel Foods, along with former minister Ivo Lund.",
     "Ivo Lund", "verb:question", "Orvel Foods"),
    ("Ann Berg fired at Tom Hale and Ivo Lund.", "Ann Berg", "verb:fire", "Ivo Lund"),
    ("He was joined by his wife, Ann Berg, and the deputy secretary of the Foreign Ministry, Tom Hale.",
     "Ann Berg", "worksFor", "Foreign Ministry"),
])
def test_no_party_from_the_wrong_clause_end_or_conjunct(nlp, text, subject, predicate, obj):
    assert_no_relation(nlp, text, subject, predicate, obj)


@pytest.mark.parametrize("text, subjects, absent", [
    # a counted plural description stands for the group of that many listed just before
    ("The League was formed by Chile, Peru and Bolivia. The three countries left the Andean Pact in 2020.",
     ["Chile", "Peru", "Bolivia"], None),
    ("Orvel Foods and Kestrel Foods make flour. Both companies joined the Nordic Millers Guild last year.",
     ["Orvel Foods", "Kestrel Foods"], None),
    # the count must fit: two listed are not "the three countries"
    ("The League was formed by Chile and Peru. The three countries left the Andean Pact in 2020.", [], "Chile"),
])
def test_a_counted_description_stands_for_the_group_just_listed(nlp, text, subjects, absent):
    _, found = triples(nlp, text)
    members = {s for (s, p, _o) in found if p == "memberOf" and _o in ("Andean Pact", "Nordic Millers Guild")}
    assert members == set(subjects) and absent not in members

