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


@pytest.mark.parametrize("text,reference", [
    # a description means the organisation the article is clearly about
    ("The European Union agreed new sanctions on Monday. The European Union said they would start soon. "
     "The bloc has debated the measures for months.", ("The bloc", "description", "European Union")),
    # ... a bloc's word too, though the name does not hold it
    ("The Baltic Defence Organisation met on Monday. The Baltic Defence Organisation agreed to grow. "
     "The alliance will add two members.", ("The alliance", "description", "Baltic Defence Organisation")),
    # ... or the entity named or described with its noun
    ("Ostrava Steel and the Bank of Lodz signed a loan on Monday. Ostrava Steel said the loan was large. "
     "Ostrava Steel will repay the bank by 2030.", ("the bank", "description", "Bank of Lodz")),
    # a description set off by a comma right after a name of its type is that name
    ("Leaders met the Nordic Grain Board, the council formed by five farm unions, on Monday.",
     ("the council", "description", "Nordic Grain Board")),
    # ... or the name in apposition right after its noun
    ("The Ministry of Justice charged Ivo Lund. Tomas Rehn, a commentator for the local station Radio Vest, "
     "spoke.", ("the local station", "description", "Radio Vest")),
    # "its": the organisation of the last sentences
    ("Norvale Foods reported a loss on Monday. Its chief executive, Ana Ruiz, said costs rose.",
     ("Its", "pronoun", "Norvale Foods")),
    # he and she agree in gender
    ("Mr. Tomas Berg met Ms. Lina Holm in Oslo. Holm said she was pleased, and Berg said he agreed.",
     ("she", "pronoun", "Lina Holm")),
    ("Mr. Tomas Berg met Ms. Lina Holm in Oslo. Holm said she was pleased, and Berg said he agreed.",
     ("he", "pronoun", "Tomas Berg")),
    # a possessive means the agreeing subject of its own clause ("who" stands for the name it follows)
    ("Prosecutors say Tomas Berg ordered the attack on Ivo Lund, who was hurt outside his home.",
     ("his", "pronoun", "Ivo Lund")),
    # a firm given name genders a person the text has not ("Lina" is a she)
    ("Tomas Berg and Lina Holm met in Oslo. She said the talks went well.", ("She", "pronoun", "Lina Holm")),
    # a gendered person description: the person of that gender the article is clearly about
    ("Ana Ruiz met Tomas Berg in Oslo. Ruiz said she was pleased. Berg said he agreed. Berg left early. "
     "Berg flew home. The Oslo businessman said nothing more.", ("The Oslo businessman", "description", "Tomas Berg")),
    # an epithet with a named modifier continues the topic, as a pronoun in its place would
    ("Lena Moss praised the plan on Monday. The Ohio senator said it would pass.",
     ("The Ohio senator", "description", "Lena Moss")),
    # ... through an epithet that is the sentence before's own subject, not the name inside its clause
    ("Lena Moss praised the plan on Monday. The Republican nominee was speaking in Dayton, hours after "
     "Omar Field criticised it. The Ohio senator said the plan would pass.",
     ("The Ohio senator", "description", "Lena Moss")),
    # ... but never a person its own sentence names: the topic before is searched instead
    ("Lena Moss praised the plan on Monday. Omar Field met aides and said the Ohio senator was right.",
     ("the Ohio senator", "description", "Lena Moss")),
    # ... but an "it" in a plain passive is its referent
    ("Tarn Media said profits rose. It was fined $2 million by regulators.", ("It", "pronoun", "Tarn Media")),
    # an object pronoun is never its own clause's subject, said or understood (that would be "himself")
    ("Omar Field said he wanted to back Lena Moss after a chance to meet her in May.", ("her", "pronoun", "Lena Moss")),
    ("Ivo Lund said he hoped to hire Tomas Berg after a chance to talk with him.", ("him", "pronoun", "Tomas Berg")),
    # a name that only modifies a noun ("the Varde administration") is no antecedent for a he or she
    ("Lena Moss spoke in Ohio after President Dahl left. Reporters asked whether the Dahl administration erred. "
     "She said it had not.", ("She", "pronoun", "Lena Moss")),
    # a reflexive is its own clause's subject, never the salient person nearby (here the one speaking)
    ("Jessica Ditto is a spokeswoman. In defending himself, Ken Lin offered insights, Ditto said.",
     ("himself", "pronoun", "Ken Lin")),
    ("Tomas Berg met Ana Ruiz. Ana Ruiz described herself as a reformer.", ("herself", "pronoun", "Ana Ruiz")),
    # a company description when only one organisation has been named so far
    # (even when another organisation is mentioned more often later)
    ("Kestrel Foods will build a plant in Ohio, Mayor Ana Ruiz said. The company, which is based in Leeds, "
     "makes bread. The Ohio Growth Board approved a tax break. The Ohio Growth Board said jobs matter. "
     "The Ohio Growth Board meets in May.", ("The company", "description", "Kestrel Foods")),
])
def test_a_reference_resolves(refs, text, reference):
    assert reference in refs(text)


@pytest.mark.parametrize("text,word", [
    # a plural description is a group, not one of the entities
    ("Norvale Foods and Tamsin Bakeries merged. The two companies said the deal closes in May.", "companies"),
    # a bare person description with no clear subject (a named modifier would make it an epithet)
    ("Ana Ruiz met Tomas Berg in Oslo. Ruiz spoke. Berg spoke. The lawyer said nothing.", "lawyer"),
    # "the government" is a state's: never the one body the article is about
    ("The Tarn Party said on Monday it would fight. The Tarn Party has 40 seats. The government rejected the plan.",
     "government"),
    # "the party" is a body named or described so, not the only organisation named so far
    ("Ray Moss spoke to Tarn Radio on Monday. Asked who leads the party, Moss named his deputy.", "party"),
    # an "it" opening the sentence after a text that was its subject is that text
    ("Tarn Media took down a video on Monday. The video showed a crowd. It says the vote was rigged.", "It"),
    # an "it" opening a passive report ("It has been reported that ...") stands for no one
    ("Tarn Media ran the story. It has been reported that Ola Brekke is sexting again.", "It"),
    # the only candidate is named in the description's own sentence
    ("Omar Field spoke on Monday. Omar Field criticised the plan, and aides said the Ohio senator was wrong.",
     "senator"),
])
def test_an_unsettled_reference_resolves_to_nothing(refs, text, word):
    assert not [r for r in refs(text) if word in r[0]]


def test_relations_read_through_a_reference(nlp):
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc

    doc = nlp("Norvale Foods reported a loss on Monday. Its chief executive, Ana Ruiz, said costs rose.")
    names = {e.id: e.name for e in entities_from_doc(doc)}
    assert any(names[r.subject] == "Ana Ruiz" and names[r.object] == "Norvale Foods" for r in relations_from_doc(doc))


def test_it_carries_a_relation_only_as_the_speaker_of_its_own_reported_clause(nlp):
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc

    def pairs(text):
        doc = nlp(text)
        names = {e.id: e.name for e in entities_from_doc(doc)}
        return {(names[r.subject], names[r.object]) for r in relations_from_doc(doc)}
    assert ("Norvale Foods", "Leeds") in pairs("Norvale Foods said it would open an office in Leeds.")
    assert ("Norvale Foods", "Leeds") not in pairs("Norvale Foods lost money. It is a big problem in Leeds.")


@pytest.mark.parametrize("text,relation", [
    # a description standing for its entity relates it to the names inside it
    ("Lena Moss praised the plan on Monday. The Ohio senator said it would pass.", ("Lena Moss", "holdsOfficeIn", "Ohio")),
    ("Varde Bank, the Tampere lender, raised its dividend.", ("Varde Bank", "location", "Tampere")),
])
def test_a_description_relates_its_entity_to_the_names_inside_it(nlp, text, relation):
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc

    doc = nlp(text)
    names = {e.id: e.name for e in entities_from_doc(doc)}
    assert relation in {(names[r.subject], r.predicate, names[r.object]) for r in relations_from_doc(doc)}


@pytest.mark.parametrize("text,expected", [
    # a question put to someone is of them: "X asked Y whether he had ..." (gender unknown for X)
    ("Neeru Varde asked former minister Tor Berg whether he had thoughts on the plan.", "Tor Berg"),
])
def test_a_question_put_to_someone_is_of_them(refs, text, expected):
    assert [name for word, _, name in refs(text) if word == "he"] == [expected]


def test_a_description_as_object_is_not_its_clauses_subject(refs):
    # "He met the president of Chile": the president is someone else than "he"
    found = refs("Ivo Lund flew to Chile on Monday. He met the president of Chile, who praised him.")
    assert not [r for r in found if r[0] == "the president"], found


def test_a_state_called_by_its_nickname_is_the_state(refs):
    found = refs("Ana Lund campaigned in the Hawkeye State on Monday. Turnout in the state was high.")
    assert ("the state", "description", "Iowa") in found, found


def test_a_place_description_with_another_place_of_its_kind_in_its_sentence_is_left_open(refs):
    # the state named with "state" is far back; the sentence's own nearer state may be meant
    found = refs("Ana Lund campaigned in the Hawkeye State on Monday. Tom Berg spoke in Ohio, where the state's "
                 "governor praised him.")
    assert not [r for r in found if r[0] == "the state"], found


def test_the_state_of_something_is_a_condition_not_a_place(refs):
    found = refs("Ana Lund campaigned in the Hawkeye State on Monday. She spoke about the state of the economy.")
    assert not [r for r in found if r[0] == "the state"], found


def test_a_description_means_the_one_titled_so(refs):
    # "the president" is the one called "President X", though the article is mostly about another
    text = ("Rep. Ivo Lund met President Mei Sato in May. Lund called on President Ana Ruiz to act. Lund said the "
            "ministry was slow. Lund spoke again on Monday. Lund met voters. This week, the president declined to "
            "threaten Moscow.")  # two presidents: the one named last
    assert [name for word, _, name in refs(text) if word == "the president"] == ["Ana Ruiz"]


@pytest.mark.parametrize("text,description,expected", [
    # a title's own modifiers tell two holders apart ("Vermont Sen. X" is the Vermont senator)
    ("Vermont Sen. Ruth Kale met Ohio Sen. Omar Field on Monday. Field praised the bill. The Vermont senator "
     "said it would pass.", "The Vermont senator", ["Ruth Kale"]),
    # the bare title is its holder now, not one the text calls a former holder
    ("Treasury Secretary Mark Hale spoke first. Former Treasury Secretary Paul Vance criticised the plan. "
     "The Treasury secretary praised the bank.", "The Treasury secretary", ["Mark Hale"]),
    # ... and so is a bare title whose only holder the text calls a former one
    ("Ann Lee won the vote in May. She thanked former Republican nominee Paul Vance in Dover. The Republican "
     "nominee spoke for an hour.", "The Republican nominee", ["Ann Lee"]),
    # a title naming one party is not the only holder the text titles with another ("GOP" read as nmod too)
    ("Appearing on a Sunday show, the GOP front-runner said Democratic front-runner Omar Field had failed.",
     "the GOP front-runner", []),
    # a holder of a lower rank of the title is not its holder ("vice presidential nominee")
    ("Critics slammed Democratic vice presidential nominee Omar Field on Monday. Later, the Democratic "
     "presidential nominee spoke in Dover.", "the Democratic presidential nominee", []),
    # a plural title is a group, never one of its holders
    ("Gov. Ana Ruiz spoke in Dover. Later the governors met in Boston.", "the governors", []),
])
def test_a_title_means_the_holder_it_fits(refs, text, description, expected):
    assert [name for word, _, name in refs(text) if word == description] == expected


def test_a_post_to_be_filled_means_no_one(refs):
    text = "President Ana Ruiz spoke on Monday. Voters said the next president should cut taxes."
    assert not [r for r in refs(text) if r[0] == "the next president"]


@pytest.mark.parametrize("text,expected", [
    # "its" in a clause whose subject is "the country" is the country's, named or not (not the body before)
    ("The Varde Fund warned Britain on Monday. Ana Ruiz said that the country would declare its intention to "
     "leave the union by March.", []),
    ("Acme Corp grew fast. The company said its profit rose.", ["Acme Corp"]),
])
def test_its_is_bound_by_a_described_subject(refs, text, expected):
    assert [name for word, _, name in refs(text) if word == "its"] == expected


def test_a_chain_goes_on_through_its_subject_pronouns(refs):
    # references._antecedent: an earlier subject "she" counts as a mention of whom it means, so a later "her"
    # follows the chain, not the name last named in an earlier sentence's object
    text = ("Lina Holm backed the grain tariff on Sunday. Aides say she stands fully behind the criticism of "
            "Kim Quist. In a statement, her adviser, Piet Kroon, said the deal would hold.")
    assert ("her", "pronoun", "Lina Holm") in refs(text)


def test_a_quoted_pronoun_does_not_follow_the_reporters_chain(refs):
    # in a quotation the speaker's "he" is another than the one the reporter's "he" follows
    text = ("Tomas Berg said Ivo Lund has never kept his word. He says Lund \"knows the rules. Still, "
            "he goes after the small farms.\"")
    assert ("he", "pronoun", "Ivo Lund") in refs(text)


def test_a_pronoun_in_a_quotation_reads_the_names_of_its_own_quotation(refs):
    # references._antecedent: names in other quotations are skipped, not those of the pronoun's own
    text = ('The analyst Kim Quist writes: "Ivo Lund remains the only one with a path, but he would need '
            'to win most of the remaining votes."')
    assert ("he", "pronoun", "Ivo Lund") in refs(text)


def test_an_epithet_naming_a_party_is_no_one_titled_with_another(nlp):
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc
    doc = nlp("Democratic nominee Ann Berg held a rally. Republican nominee Tom Hale held one too. "
              "Lawyer Ivo Lund, who represents the Democratic presidential candidate, spoke later.")
    names = {e.id: e.name for e in entities_from_doc(doc)}
    found = {(names[r.subject], r.predicate, names[r.object]) for r in relations_from_doc(doc)}
    assert ("Ivo Lund", "represents", "Ann Berg") in found and ("Ivo Lund", "represents", "Tom Hale") not in found


def test_only_a_stated_gender_leaves_the_article(nlp):
    # references.Resolver.stated_gender: a he the sweep resolved is a guess, and a guessed gender
    # would keep a surname's node apart from the full name's in the corpus (graph.corpus._other_sex)
    def genders(text):
        return {e["name"]: e.get("gender") for e in nlp(text)._.graphkit_entities if e["type"] == "Person"}
    assert genders("Lind met Ostrander in Oslo on Monday. He said the talks had gone well.")["Lind"] is None
    # ... while an honorific, a given name or a sentence of the person's own with he or she states it
    assert genders("Mr. Lind met the press in Oslo on Monday.")["Lind"] == "m"
    assert genders("Lina Holm met the press in Oslo.")["Lina Holm"] == "f"
    assert genders("Dr. Vasko Teller spoke in Oslo. Teller said she was pleased.")["Vasko Teller"] == "f"


@pytest.mark.parametrize("text", [
    'The host of the show spoke about Tom Berg for an hour. He has declared Berg to be "chosen" by fate.',
    'The host of the show spoke about Tom Berg for an hour. Then he praised Berg warmly.',
])
def test_a_subject_pronoun_is_not_its_own_verbs_object(refs, text):
    # references.Resolver._own_verbs_objects: "he praised Berg" is not Berg (that would be "himself")
    assert all(name != "Tom Berg" for word, _, name in refs(text) if word.lower() == "he")


@pytest.mark.parametrize("text", [
    "Gov. Ben Ode — who is being vetted as a possible running mate for Omar Field — made revitalizing Port "
    "Eldon a priority in his first term, but the effort stalled, and he has battled with the council since.",
    "Gov. Ben Ode (who is being vetted as a possible running mate for Omar Field) made revitalizing Port "
    "Eldon a priority in his first term, but the effort stalled, and he has battled with the council since.",
])
def test_a_name_set_off_between_dashes_or_brackets_is_not_the_pronouns_nearest(nlp, text):
    # the parser may leave "Ben Ode" no subject (made so by hand here): of the mentions before "he", the one
    # set off in the parenthesis is passed over
    from spacy.tokens import Doc

    from graphkit.nlp.pipeline import COMPONENTS

    with nlp.select_pipes(disable=list(COMPONENTS)):
        parsed = nlp(text)
    ode = next(t for t in parsed if t.text == "Ode")
    ode.dep_ = "dep"
    doc = Doc(parsed.vocab).from_bytes(parsed.to_bytes())  # a new doc: no facts read before the change
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    names = {e["id"]: e["name"] for e in doc._.graphkit_entities}
    assert [names[r["entity"]] for r in doc._.graphkit_references if r["text"] == "he"] == ["Ben Ode"]
