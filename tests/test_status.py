"""A status on every statement (graphkit/nlp/status.py), on wording written for the tests."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SDO

import graphkit
from graphkit.graph.vocab import GK
from graphkit.nlp.convert import entities_from_doc, relations_from_doc


@pytest.fixture(scope="module")
def statuses(nlp):
    """Text -> {(subject, object): (status, claimant)} for every relation found."""
    def run(text):
        doc = nlp(text)
        names = {e.id: e.name for e in entities_from_doc(doc)}
        return {(names[r.subject], names[r.object]): (r.status, names.get(r.claimant))
                for r in relations_from_doc(doc)}
    return run


@pytest.mark.parametrize("text,pair,status", [
    ("Ukraine joined the Nordic Council in 2020.", ("Ukraine", "Nordic Council"), "fact"),
    ("Norway is not a member of the Baltic Union.", ("Norway", "Baltic Union"), "negated"),
    ("Norway is no longer a member of the Baltic Union.", ("Norway", "Baltic Union"), "negated"),
    ("Moldova could join the Baltic Union if it keeps up its reforms.", ("Moldova", "Baltic Union"), "hypothetical"),
    ("Kestrel Foods will open a plant in Leeds.", ("Kestrel Foods", "Leeds"), "planned"),
    # a time clause after the quotation a speech verb reports tells when it was said, not what
    ('The video shows Tomas Berg saying, "That is fair," when Anna Lind criticized him for his taxes.',
     ("Anna Lind", "Tomas Berg"), "fact"),
    ("Kestrel Foods is expected to open a plant in Leeds next year.", ("Kestrel Foods", "Leeds"), "planned"),
    ("Norway voted against joining the Baltic Union.", ("Norway", "Baltic Union"), "negated"),
    # what someone decides, campaigns for or presses another to do is aimed at, not done
    ("Analysts noted Norway's decision to leave the Baltic Union.", ("Norway", "Baltic Union"), "planned"),
    ("Investors praised Kestrel Foods' campaign to buy Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    ("Anna Lind persuaded Tomas Berg to join Kestrel Foods.", ("Tomas Berg", "Kestrel Foods"), "planned"),
    # an infinitive hanging from a noun is aimed at, asked for or allowed; not when the noun is its doer
    ("Critics condemned Kestrel Foods' push to buy Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    ("Kestrel Foods lost its chance to buy Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    ("Kestrel Foods needs to buy Marrow Mills to grow.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    # a phrasal verb of refusal or cancelling denies what it governs
    ("Kestrel Foods ruled out a takeover of Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "negated"),
    ("Kestrel Foods gave up its bid for Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "negated"),
    # a passive of saying or thinking with an infinitive: unnamed others claim it
    ("Kestrel Foods is believed to own Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "claimed"),
    ("Kestrel Foods is known to own Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "fact"),
    # a negation does not cross "but" to the conjunct set against it
    ("Norway, which is not a member of the Baltic Union but belongs to the Nordic Council, objected.",
     ("Norway", "Nordic Council"), "fact"),
    ("Norway, which is not a member of the Baltic Union but belongs to the Nordic Council, objected.",
     ("Norway", "Baltic Union"), "negated"),
    # a country or body that leaves is no longer a member; a person who leaves a job had it
    ("Chad left the Sahel Grain Council in 2021.", ("Chad", "Sahel Grain Council"), "negated"),
    ("Chad withdrew from the Sahel Grain Council in 2021.", ("Chad", "Sahel Grain Council"), "negated"),
    ("Anna Lind left Kestrel Foods in May.", ("Anna Lind", "Kestrel Foods"), "fact"),
    # a negation wins over a modal on the same verb
    ("Anna Lind would never vote for Tomas Berg.", ("Anna Lind", "Tomas Berg"), "negated"),
    # a denial above a plan denies it; hearsay adverbs make a claim of no named source
    ("Kestrel Foods abandoned its plan to buy Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "negated"),
    ("Kestrel Foods reportedly bought Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "claimed"),
    ("Kestrel Foods allegedly bribed Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "claimed"),
    # "set to", and a verb the lemmatizer misreads ("hopes" as "hop")
    ("Kestrel Foods is set to open a plant in Leeds.", ("Kestrel Foods", "Leeds"), "planned"),
    ("Kestrel Foods hopes to open a plant in Leeds.", ("Kestrel Foods", "Leeds"), "planned"),
    # a raising adjective lends the verb its subject ("is likely to", "is due to")
    ("Kestrel Foods is likely to buy Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "hypothetical"),
    # a noun of the relation table that is an aim itself
    ("Kestrel Foods is considering a bid for Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    # a deal named with its modality
    ("Kestrel Foods awaits approval for its planned purchase of Marrow Mills.", ("Kestrel Foods", "Marrow Mills"), "planned"),
    ("Regulators looked at a possible takeover of Marrow Mills by Kestrel Foods.", ("Kestrel Foods", "Marrow Mills"), "hypothetical"),
])
def test_the_sentence_sets_the_status(statuses, text, pair, status):
    assert statuses(text)[pair][0] == status


def test_a_source_speaking_of_others_makes_a_claim(statuses):
    found = statuses("Anna Lind said Kestrel Foods would buy Marrow Mills.")
    assert found[("Kestrel Foods", "Marrow Mills")] == ("claimed", "Anna Lind")


def test_a_plan_to_leave_is_no_planned_membership(nlp):
    doc = nlp("Chad will leave the Sahel Grain Council next year.")
    assert [(r.predicate, r.status) for r in relations_from_doc(doc)] == [("verb:leave", "planned")]


def test_a_request_is_aimed_at_not_claimed(statuses):
    # a speech verb taking an infinitive asks for the act; in the passive it reports a claim
    assert statuses("Anna Lind called on Tomas Berg to apologize to Maria Holm.")[("Tomas Berg", "Maria Holm")][0] \
        == "planned"
    assert statuses("Anna Lind is said to have founded Kestrel Foods.")[("Kestrel Foods", "Anna Lind")][0] == "claimed"


def test_an_act_someone_is_asked_to_stop_is_going_on(statuses):
    assert statuses("Anna Lind called on Tomas Berg to stop attacking Maria Holm.")[("Tomas Berg", "Maria Holm")][0] \
        == "fact"


def test_a_speech_verb_set_in_as_an_aside_makes_a_claim(statuses):
    found = statuses("The truth, the senator said, was that Tomas Berg had attacked Anna Lind.")
    assert found[("Tomas Berg", "Anna Lind")][0] == "claimed"


def test_what_a_speaker_also_does_is_no_claim(statuses):
    # a verb joined to a speech verb by "and" is another act of the speaker, not what was said
    assert statuses("Anna Lind spoke about the budget and later visited Tomas Berg in Oslo.")[
        ("Anna Lind", "Tomas Berg")][0] == "fact"


def test_a_clause_of_why_or_how_is_the_reporters_fact(statuses):
    assert statuses("Tomas Berg explained why he backs Anna Lind.")[("Tomas Berg", "Anna Lind")][0] == "fact"
    assert statuses("Tomas Berg said he backs Anna Lind.")[("Tomas Berg", "Anna Lind")][0] == "claimed"


def test_a_reported_denial_stays_a_denial_of_its_source(statuses):
    found = statuses("Anna Lind said Norway is not a member of the Baltic Union.")
    assert found[("Norway", "Baltic Union")] == ("negated", "Anna Lind")


def test_an_entity_announcing_its_own_plan_keeps_the_plan(statuses):
    found = statuses("Kestrel Foods said it will open a plant in Leeds.")
    assert found[("Kestrel Foods", "Leeds")][0] == "planned"


def test_only_facts_are_direct_triples_and_every_statement_has_a_status():
    text = ("Ukraine joined the Nordic Council in 2020. Norway is not a member of the Nordic Council. "
            "Anna Lind said Kestrel Foods would buy Marrow Mills.")
    kg = graphkit.build([text])
    g: Graph = kg.rdf
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert statements and all(g.value(st, GK.status) is not None for st in statements)
    for st in statements:
        triple = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        assert (triple in g) == (g.value(st, GK.status) == GK.Fact)
    claims = [st for st in statements if g.value(st, GK.status) == GK.Claimed]
    assert claims and all((g.value(st, GK.claimedBy), RDF.type, SDO.Person) in g for st in claims)
    assert kg.validate() == []


def test_a_source_agreeing_to_its_own_deal_keeps_the_plan(statuses):
    # the source is the one who agreed, though neither end of "Z acquired Y"
    found = statuses("Kestrel Foods said it had agreed to sell its Irish unit, Marrow Mills, to Tamsin Capital.")
    assert found[("Tamsin Capital", "Marrow Mills")][0] == "planned"
    assert found[("Marrow Mills", "Kestrel Foods")][0] == "fact"  # the unit is its unit now: a description


def test_a_description_inside_a_planned_clause_stays_a_fact(statuses):
    found = statuses("Its biggest owner, the Lagos-based investment firm Tamsin Capital, will sell its stake.")
    assert found[("Tamsin Capital", "Lagos")][0] == "fact"


def test_a_relative_clause_is_no_claim_of_the_main_clauses_source(statuses):
    found = statuses("Tamsin Foods, which is based in Leeds, cut 400 jobs, according to the union.")
    assert found[("Tamsin Foods", "Leeds")][0] == "fact"


def test_a_relative_clause_keeps_its_own_future(statuses):
    found = statuses("Ana Lind said Kestrel Foods, which will open a plant in Leeds, is growing.")
    assert found[("Kestrel Foods", "Leeds")][0] == "planned"


def test_a_clause_saying_when_the_words_were_said_is_no_claim(statuses):
    # "said when/after ...": the circumstance of the saying is the reporter's, not the source's words
    found = statuses("That is what Anna Lind said when she resigned after Kestrel Foods bought Marrow Mills.")
    assert found[("Kestrel Foods", "Marrow Mills")][0] == "fact"
    found = statuses("Anna Lind said that Kestrel Foods bought Marrow Mills.")
    assert found[("Kestrel Foods", "Marrow Mills")][0] == "claimed"


@pytest.mark.parametrize("text,status", [
    ("Ana Lind would be the first woman on the Tromso Court.", "planned"),
    ("Ana Lind will become the first woman on the Tromso Court.", "planned"),
    ("Ana Lind is the first woman on the Tromso Court.", "fact"),
])
def test_a_predicate_noun_keeps_its_clauses_modality(statuses, text, status):
    # "X would be the first woman on Y": the noun is what the clause says of X, not a description of X
    assert statuses(text)[("Ana Lind", "Tromso Court")][0] == status


@pytest.mark.parametrize("text,status", [
    ("Varde Foods announced a plan to buy Marrow Mills.", "planned"),  # the announcer's own plan
    ("Varde Foods made an offer to buy Marrow Mills.", "planned"),
    ("Varde Foods is in talks to buy Marrow Mills.", "planned"),
    ("Varde Foods has no plans to buy Marrow Mills.", "negated"),  # "no" on the aim denies it
])
def test_the_holder_of_an_aim_is_its_doer(statuses, text, status):
    assert statuses(text)[("Varde Foods", "Marrow Mills")][0] == status


def test_who_rejects_a_plan_is_not_its_doer(statuses):
    assert ("Varde Foods", "Marrow Mills") not in statuses("Varde Foods rejected a plan to buy Marrow Mills.")


@pytest.mark.parametrize("text,pair", [
    ("Ivo Lund has yet to apologize to Ana Lind.", ("Ivo Lund", "Ana Lind")),  # not done yet
    ("Norway is yet to sign a deal with Sweden.", ("Norway", "Sweden")),
])
def test_yet_to_is_not_done(statuses, text, pair):
    assert statuses(text)[pair][0] == "negated"


@pytest.mark.parametrize("text,status", [
    ("Ana Lind did not condemn Ivo Lund's lawsuit against Varde Foods.", "fact"),  # the lawsuit was filed
    ("Ana Lind would criticise Ivo Lund's lawsuit against Varde Foods.", "fact"),
    ("Ivo Lund dropped his lawsuit against Varde Foods.", "negated"),  # the deed's own fate still counts
])
def test_a_deed_named_with_its_doer_was_done(statuses, text, status):
    assert statuses(text)[("Ivo Lund", "Varde Foods")][0] == status


@pytest.mark.parametrize("text,status", [
    ("Ivo Lund is not expected to meet Ana Lind.", "negated"),  # a negation wins over a word of intent
    ("Critics attacked the Varde Council's refusal to fund Ana Lind.", "negated"),  # a denial naming an aim
    ("Ivo Lund wasn't targeting just Ana Lind.", "fact"),  # "not just": a focus, no denial
    ("To beat Ana Lind, Ivo Lund needs Ohio.", "planned"),  # a purpose
    ("Ivo Lund is flying to Oslo to meet Ana Lind.", "planned"),
    ("Ivo Lund flew to Oslo to meet Ana Lind.", "fact"),  # a past act's purpose is told as reached
    ("It would have been fine had Ivo Lund congratulated Ana Lind.", "hypothetical"),  # an inverted condition
    ("Ivo Lund had congratulated Ana Lind twice.", "fact"),
])
def test_statuses_of_negation_purpose_and_condition(statuses, text, status):
    found = statuses(text)
    assert [v[0] for (s, o), v in found.items() if o == "Ana Lind"] == [status], found


@pytest.mark.parametrize("text,status", [
    ("Per Holm says Ana Lind promised to continue supporting Ivo Lund.", "claimed"),  # who says so still says it
    ("Ana Lind has tried to use the ad against Ivo Lund, accusing him of lying.", "fact"),  # how the try went
    ("Ana Lind avoids condemning Ivo Lund.", "negated"),
])
def test_statuses_above_a_phase_or_beside_an_attempt(statuses, text, status):
    found = statuses(text)
    assert sorted({v[0] for (s, o), v in found.items() if s == "Ana Lind" and o == "Ivo Lund"}) == [status], found


@pytest.mark.parametrize("text,status", [
    ("Ana Lind, our potential Ohio senator, spoke.", "hypothetical"),  # the description's own modifier
    ("Ana Lind, the future president of Chile, spoke.", "planned"),
    ("Ana Lind, the president of Chile, spoke.", "fact"),
])
def test_a_description_keeps_its_own_modality(statuses, text, status):
    assert [v[0] for v in statuses(text).values()] == [status]


@pytest.mark.parametrize("text,status", [
    ("Ivo Lund tried to persuade Ana Lind.", "fact"),  # an attempt is made, not planned
    ("Ivo Lund set about persuading Ana Lind.", "fact"),
    ("Ivo Lund is set to meet Ana Lind.", "planned"),  # "set" with an infinitive plans
    ("Few people would have called Ivo Lund a reformer when he ran against Ana Lind in 2008.", "fact"),  # a past time clause
    ("Ivo Lund will visit Oslo after he meets Ana Lind.", "planned"),  # a present one under a future
    ("Norway should sue Ana Lind to stop the plan.", "hypothetical"),  # advised, not done
])
def test_attempts_time_clauses_and_advice(statuses, text, status):
    found = statuses(text)
    assert sorted({v[0] for (s, o), v in found.items() if o == "Ana Lind"}) == [status], found


@pytest.mark.parametrize("text,pair,status", [
    # 'X scolded him: "…," she said': the quotation is what is said; the scolding is the reporter's
    ("Sen. Ana Lind scolded Ivo Lund: “The community is against you on the products you called miracles,” she said.",
     ("Ana Lind", "Ivo Lund"), "fact"),
    # "was going to" is a future, in the past too
    ("So when Varde Foods signaled last summer that it was going to make a deal with Ivo Lund, Mei Sato said, "
     "\"we were floored.\"", ("Varde Foods", "Ivo Lund"), "planned"),
])
def test_a_quotation_between_and_a_future_in_the_past(statuses, text, pair, status):
    assert statuses(text)[pair][0] == status


@pytest.mark.parametrize("text,status", [
    ("The criticism comes a day before Ivo Lund faces off against Ana Lind in the debate.", "planned"),
    ("The criticism came a day before Ivo Lund faced Ana Lind in the debate.", "fact"),
])
def test_a_present_tense_before_clause_is_still_to_come(statuses, text, status):
    assert [v[0] for v in statuses(text).values()] == [status]


def test_a_question_put_claims_nothing(statuses):
    # status.statement_status: "asked whether/if ..." leaves what it asks about open, no one's claim
    found = statuses("Asked on Monday whether he would back Ivo Lund if Lund is the Labour Party nominee, "
                     "Tomas Berg gave a vague answer.")
    assert found[("Ivo Lund", "Labour Party")][0] == "hypothetical"


@pytest.mark.parametrize("text,pair", [
    # a refusal to answer an open question denies nothing
    ("The ministry would not say if Ivo Lund had been questioned by the Tallinn Police.", ("Tallinn Police", "Ivo Lund")),
    ("Tomas Berg declined to respond to a question about whether he thought Ivo Lund had attacked Kestrel Foods.",
     ("Ivo Lund", "Kestrel Foods")),
    # ... and what someone waits to see is no plan
    ("Voters will watch to see if Ivo Lund can beat Tomas Berg.", ("Ivo Lund", "Tomas Berg")),
])
def test_an_embedded_question_is_open(statuses, text, pair):
    assert statuses(text)[pair][0] == "hypothetical"


def test_a_gerund_under_a_speech_verb_is_recounted_not_requested(statuses):
    # "recalled taking the lift to meet Y" tells of what was done; only a to-infinitive is a request
    found = statuses("Kim Quist, who recalled taking the lift up to the office to work with Lina Holm on the book, "
                     "said the project never came to pass.")
    assert found[("Kim Quist", "Lina Holm")][0] == "claimed"


def test_a_conjoined_clause_with_its_own_subject_keeps_none_of_the_other_clauses_negation(statuses):
    found = statuses("Tomas Berg said Lina Holm had not endorsed Ivo Lund, and that he will strongly back "
                     "Holm in the race.")
    assert found[("Tomas Berg", "Lina Holm")][0] != "negated"


@pytest.mark.parametrize("text,pair,status", [
    # a headline that is a to-infinitive with its own subject tells a future
    ("In a shift, Chile to stand up to Kestrel Foods.", ("Chile", "Kestrel Foods"), "planned"),
    # a condition on a future verb makes it conditional, not planned
    ("Anna Lind will endorse Tomas Berg if he wins the primary.", ("Anna Lind", "Tomas Berg"), "hypothetical"),
    ("Anna Lind will endorse Tomas Berg.", ("Anna Lind", "Tomas Berg"), "planned"),
    # "should not have" judges a deed that was done
    ("Critics believe Anna Lind should not have accepted an award from the Varde Institute.",
     ("Anna Lind", "Varde Institute"), "fact"),
])
def test_headlines_conditions_and_judged_deeds(statuses, text, pair, status):
    assert statuses(text)[pair][0] == status


def test_what_a_speaker_does_while_speaking_is_the_reporters_fact(statuses):
    # "said …, calling on Y to act": the participle is the speaker's act, not the words reported
    found = statuses("Anna Lind said in a statement on Monday, calling on the Varde Council to act.")
    assert found[("Anna Lind", "Varde Council")] == ("fact", None)


def test_a_past_verb_with_an_infinitive_says_nothing_of_its_subject_event(statuses):
    # the meeting took place; what failed is the infinitive
    found = statuses("A summit meeting between Anna Lind and Tomas Berg in June 2013 had failed to break the ice.")
    assert found[("Anna Lind", "Tomas Berg")][0] == "fact"


def test_inside_a_quotation_the_one_its_speaker_reports_saying_it_claims_it(statuses, tmp_path):
    text = '"Tomas Berg started the rumour by saying Kestrel Foods owns Marrow Mills," Anna Lind said.'
    assert statuses(text)[("Kestrel Foods", "Marrow Mills")] == ("claimed", "Tomas Berg")  # nested speech
    kg = graphkit.build([text])
    g: Graph = kg.rdf
    statement = next(g.subjects(RDF.type, RDF.Statement))
    claimers = set(g.objects(statement, GK.claimedBy))  # the quotation it is told in, and who claims it
    assert any((c, RDF.type, SDO.Quotation) in g for c in claimers)
    assert any(str(g.value(c, RDFS.label)) == "Tomas Berg" for c in claimers)
    path = tmp_path / "graph.ttl"
    kg.write(path)
    assert graphkit.load(path).serialize("nt") == kg.serialize("nt")  # both read back
