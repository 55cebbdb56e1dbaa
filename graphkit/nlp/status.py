"""What a statement's sentence says of it: fact, claim, plan, negation or hypothesis.

A relation's trigger (its verb, or its noun: "member", "chief executive")
sits inside clauses that can take the fact away. Walking up from the
trigger to the sentence root, each clause may mark it:

- negated: a negation on the trigger or on the verb it hangs from ("is not a
  member", "never joined", "no longer owns", "no agreement"), or a verb of
  refusal or denial above it ("denied making payments", "refused to sign");
- hypothetical: a modal of possibility ("could join", "may sign"), a
  condition ("if it meets the rules, X would ..."), or a word of possibility
  above it ("possible", "considering");
- planned: a future ("will meet", "is going to buy"), a verb or noun of
  intention, schedule or agreement above it ("expected to sit down",
  "agreed to acquire", "plans to open", "a bid to buy");
- claimed: the trigger inside a quote, inside the reported clause of a
  speech verb ("X said that ..."), or under "according to X".

One status wins, in the order above, with one exception for claims: a
negation stays one whoever reports it, and words a source says about itself
keep their plan or hypothesis ("Acme said it will open a plant" is Acme's
plan), while a source speaking of
others makes a claim ("Lee said Acme will buy Beta" is Lee's claim). The
walk stops at the first speech verb: what frames the report is the
reporter's. The word lists are data: graphkit/data/status_words.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..data import read_table
from ..model import CLAIMED, FACT, HYPOTHETICAL, NEGATED, PLANNED
from .lexicon import base_forms, is_infinitive
from .shared import facts
from .speakers import subject_of
from .words import words

CONDITION_MARKS = {"if", "unless", "provided", "providing"}
AIM_NOUNS = {"bid", "offer", "proposal", "plan", "attempt"}  # "a bid for Y" is aimed at; "the deal with Y" is made
# Verbs whose passive with an infinitive reports what unnamed others say or think ("is said to", "is rumoured
# to"); "is known to" states a fact, "is expected to" a plan (graphkit/data/status_words.tsv)
HEARSAY_PASSIVES = {"say", "rumour", "rumor", "think", "believe", "understand", "report", "allege", "claim", "suspect"}
HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"}
# Verbs of phase: what they take is going on ("called on X to stop attacking Y": the attacking is no plan)
PHASE_VERBS = {"stop", "quit", "cease", "continue", "keep", "resume"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
POSSIBILITY_AUX = {"could", "might", "may", "should", "ought"}  # ("should": advised, not done)


def _words() -> dict[str, str]:
    return read_table("status_words.tsv")


@dataclass(frozen=True)
class Status:
    status: str  # what the clauses say: FACT, PLANNED, NEGATED or HYPOTHETICAL
    cue: Token | None = None  # the word that set it
    reported: bool = False  # said by a source: in a quote, a reported clause, "according to"
    source: Token | None = None  # the speech verb's subject, or the object of "according to"

    def final(self, source_is_argument: bool) -> str:
        """The one status: a source speaking of others makes a claim; of itself, its plan stays a plan.

        A denial stays a denial whoever reports it ("Lee said X is not a member"): read as a claim, it
        would say the source claims the relation holds. Who said it is kept beside the status.
        """
        if self.reported and self.status != NEGATED and (self.status == FACT or not source_is_argument):
            return CLAIMED
        return self.status


def statement_status(trigger: Token, inside_quote: bool = False, descriptive: bool = False) -> Status:
    """What the sentence says of a relation stated by ``trigger`` (see the module docstring).

    A ``descriptive`` relation, told by a noun phrase naming one of its ends
    ("Ukrainian President X"), keeps no modality of the clause around it;
    inside a quote it is still the speaker's claim.
    """
    if descriptive:
        # the noun's own modifier still counts: "our potential senator", "the future president"
        own = next((c for c in trigger.children if c.dep_ == "amod" and c.i < trigger.i
                    and _words().get(c.lemma_.lower(), FACT) in (PLANNED, HYPOTHETICAL)), None)
        return Status(_words()[own.lemma_.lower()] if own is not None else FACT, own, inside_quote, None)
    modality: Status | None = None
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() in AIM_NOUNS:
        modality = Status(PLANNED, trigger)  # a noun of the relation table that is an aim itself: "a bid for Y"
    reported, source = inside_quote, None
    # "did not condemn Y's attacks", "would criticise Y's lawsuit": a deed named with its doer has been done;
    # a negation or modal of the verb above is that verb's. Words of the deed's own fate still count
    # ("called off its meeting"), and so does who says it
    presupposed = trigger.pos_ == "NOUN" and trigger.lemma_.lower() in DONE_DEED_NOUNS \
        and any(c.dep_ == "poss" for c in trigger.children)
    node, previous = trigger, None
    phase = False  # past a phase verb or a past time clause: only who says it is read further up
    for _ in range(12):
        if previous is not None and (mark := _question_mark(previous)) is not None:
            # "would not say if Y was interviewed", "declined to answer whether X had underestimated Y", "asked
            # whether he would back X", "watching to see if he can win": an open question claims nothing, and
            # a refusal to answer it denies nothing
            modality = Status(HYPOTHETICAL, mark) if modality is None or modality.status != NEGATED else modality
            break
        if previous is not None and previous.dep_ in ("xcomp", "pcomp", "ccomp") and node.lemma_.lower() in PHASE_VERBS:
            # the act stopped, kept up or resumed is going on: the clauses above concern the phase, though
            # who says so still says it ("Y says X promised to continue supporting Z")
            phase = True
        if previous is not None and _manner_participle(previous) and node.dep_ == "xcomp":
            # "X tried to use the ad against Y, accusing her of ...": the participle tells how the attempt went,
            # hung by the parser on the infinitive; the accusing was done
            phase = True
        if previous is not None and previous.dep_ == "advcl" and _past(previous) and _circumstance(previous):
            phase = True  # "would have called X a Y when he ran for Z in 2008": a past time clause happened
        if previous is trigger and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" \
                and _past(node) and any(c.dep_ == "xcomp" for c in node.children):
            # "the meeting between X and Y failed to break the ice": a past verb's marks are its infinitive's; the
            # event its subject names took place (not "the talks are expected to last": still to come)
            phase = True
        found = _clause_marks(node, previous) if not phase and not _own_clause(previous) else None
        if found is not None and presupposed and previous is not None and found.cue is not node:
            found = None
        if found is not None and found.status == NEGATED and _contrasted(previous):
            found = None  # "is not a member but belongs to Y": the negation is the other conjunct's
        if found is not None and (modality is None or (found.status == NEGATED and modality.status != NEGATED)):
            modality = found  # the nearest mark, but a denial above a plan denies it ("abandoned its plan to buy")
        if any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in node.children):
            reported = True  # "reportedly bought", "allegedly bribed": someone says so, not the reporter
        if previous is not None and previous.dep_ == "xcomp" and node.lemma_.lower() in HEARSAY_PASSIVES \
                and _passive(node):
            reported = True  # "X is rumoured to be buying Y", "is thought to be weighing": someone says so
            break
        speaking = previous is not None and node.lemma_.lower() in words().speech_verbs and node.pos_ in ("VERB", "AUX")
        if speaking and previous.dep_ == "xcomp" and phase and _asks_another(node):
            break  # "A called on B to stop attacking C": the attacking goes on, as the reporter tells it
        if speaking and previous.dep_ == "xcomp" and not _passive(node) and not phase and is_infinitive(previous):
            # "called on X to apologize", "urged X to join": a request, aimed at and not done; not a claim
            # ("recalled taking the lift to meet Y", a gerund, is told as done: read below as what X says)
            modality = modality or Status(PLANNED, node)
            break
        if speaking and _manner_participle(previous) and previous.i > node.i and not inside_quote:
            break  # "X said in a statement, calling on Y to act": the calling is what X did, told by the reporter
        if speaking and previous.dep_ == "ccomp" and _presupposed(previous):
            break  # "X explained why he backs Y": the backing is the reporter's fact, the reason X's
        if speaking and previous.dep_ == "ccomp" and previous.i < node.i and not inside_quote \
                and _quotation_introduced(previous, node):
            break  # 'X scolded him: "…," she said': what is said is the quotation; the scolding is the reporter's
        if speaking and previous.dep_ == "ccomp" and previous.i > node.i and _circumstance(previous) \
                and not inside_quote and _after_its_quotation(previous, node):
            break  # 'X said, "…," when Y criticised him': the quotation is what is said, the clause after it when
        if speaking and (previous.dep_ in ("ccomp", "xcomp", "parataxis")
                         or (previous.dep_ == "advcl" and not _circumstance(previous))
                         or (previous.dep_ == "prep" and previous.lower_ in ("of", "about"))):  # "accused X of paying"
            reported, source = True, subject_of(node, [-1] * len(node.doc))
            break
        according = _according_to(node)
        if according is not None:
            reported, source = True, according
            break
        if node.head.i == node.i and (aside := _speech_aside(node, previous)) is not None:
            reported, source = True, aside  # "The truth, the senator said, was that X attacked Y"
            break
        if node.head.i == node.i or (node.dep_ == "relcl" and not is_infinitive(node)) \
                or (node.dep_ == "acl" and node.tag_ in ("VBN", "VBG")):
            # a relative clause or participle describing a noun speaks for itself: "X, which is based in Y,
            # ..., according to Z" is no claim of Z's; "plans to set up Y" (an infinitive) is the plan's
            break
        previous, node = node, node.head
    base = modality or Status(FACT)
    return Status(base.status, base.cue, reported, source)


def _question_mark(clause: Token) -> Token | None:
    """The "whether" or "if" that makes ``clause`` an embedded question ("say if", "unsure whether",
    "a question about whether"); "if" only on a complement clause: on an adverbial one it is a condition, and
    "whether or not" on an adverbial one concedes."""
    if clause.dep_ not in ("ccomp", "pcomp", "pobj", "csubj") and not (clause.dep_ == "advcl" and clause.head.lemma_ == "see"):
        return None
    for child in clause.children:
        if child.dep_ == "mark" and (child.lower_ == "whether" or (child.lower_ == "if" and clause.dep_ != "pcomp")):
            return child
    return None


# Acts between parties a noun names: with their doer ("Y's attacks on Z") they have been done.
DONE_DEED_NOUNS = {"attack", "lawsuit", "suit", "investigation", "probe", "accusation", "assault", "raid",
                   "criticism", "endorsement"}


def _quotation_introduced(clause: Token, speech: Token) -> bool:
    """A clause outside quotation marks that introduces, with a colon, the quotation the speech verb after
    it reports: 'X scolded him: "…," she said'."""
    quoted, texts = facts(clause.doc).quoted, facts(clause.doc).texts
    if quoted[clause.i] != -1:
        return False  # the clause is inside a quotation itself
    return any(texts[k] == ":" and quoted[k + 2] != -1 for k in range(clause.i + 1, speech.i - 2))


def _after_its_quotation(clause: Token, speech: Token) -> bool:
    """A clause outside quotation marks after a quotation the speech verb before it reports: 'X said, "…,"
    when ...' (the parser makes "when ..." the verb's complement)."""
    quoted = facts(clause.doc).quoted
    start = clause.left_edge.i
    return quoted[clause.i] == -1 and any(quoted[k] != -1 for k in range(speech.i + 1, start))


def _manner_participle(clause: Token) -> bool:
    """A participle beside a verb with no subordinator, telling how it went: "..., accusing her of Z"."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in clause.children)


def _past(verb: Token) -> bool:
    """A past tense: "ran", "was investigating", "had met"."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _asks_another(verb: Token) -> bool:
    """"called on B to", "urged B to": the infinitive is another's act (not "promised to", the speaker's own)."""
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in verb.children)


def _speech_aside(root: Token, came_from: Token | None) -> Token | None:
    """The speaker of a speech verb set into the sentence as an aside ("X, the senator said, did Y"),
    the parser's parataxis of the root: the sentence is what that speaker says."""
    for child in root.children:
        if child.dep_ == "parataxis" and child is not came_from and child.lemma_.lower() in words().speech_verbs:
            subject = subject_of(child, [-1] * len(root.doc))
            if subject is not None:
                return subject
    return None


def _passive(verb: Token) -> bool:
    """"X is said to have founded Y" reports a claim; "X asked Y to join" makes a request."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


# Wh-words that make a reported clause a presupposed fact: "explained why he backs Y", "described how X won".
PRESUPPOSING_WH = {"why", "how"}


def _presupposed(clause: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in PRESUPPOSING_WH and c.i < clause.i for c in clause.children)


def _own_clause(conjunct: Token | None) -> bool:
    """A conjoined clause with a subject of its own ("X did not endorse Y and Z will back W"): the marks of
    the clause it is joined to are that clause's; who says both still says it."""
    return conjunct is not None and conjunct.dep_ == "conj" and conjunct.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)


def _contrasted(conjunct: Token | None) -> bool:
    """A conjunct set against its head by "but" or "yet" keeps none of the head's negation."""
    return conjunct is not None and conjunct.dep_ == "conj" and any(
        t.dep_ == "cc" and t.lower_ in ("but", "yet") for t in conjunct.head.children if t.i < conjunct.i)


def _clause_marks(node: Token, came_from: Token | None) -> Status | None:
    """The status one word's own dependents (or the word itself) give what hangs below it."""
    if came_from is not None and came_from.dep_ == "prep" and came_from.lower_ == "against" \
            and node.pos_ in ("VERB", "AUX") and came_from.head.i == node.i:
        return Status(NEGATED, came_from)  # "decided against recommending charges", "voted against joining"
    if came_from is not None and came_from.dep_ == "xcomp" and node.lemma_ == "go" and node.tag_ == "VBG" \
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in node.children):
        return Status(PLANNED, node)  # "it was going to make a deal with Y": a future, also in the past
    if came_from is not None and came_from.dep_ == "xcomp" and node.lemma_ in ("have", "be") \
            and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children):
        return Status(NEGATED, node)  # "X has yet to apologize", "is yet to sign": not done
    if came_from is not None and came_from.dep_ == "advcl" and is_infinitive(came_from) and _purpose_ahead(node, came_from):
        return Status(PLANNED, came_from)  # "To win Y, X needs ...", "X is raising money to beat Y": a purpose
    children = list(node.children)
    negation = _negation(children)
    if negation is not None and _judged_done(node, children):
        # "should not have accepted Y", "shouldn't have hired Y": a judgement of what was done; it was done
        return Status(FACT, negation)
    if negation is not None and came_from is not None:
        # a negation first: it wins over a modal or a word of intent on the same word ("would never vote
        # for", "is not expected to meet", "has no plans to join")
        return Status(NEGATED, negation)
    forms = base_forms(node)
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
    if particle:  # a phrasal verb is its own word: "called off its bid", "ruled out a merger"
        forms = tuple(f"{form} {particle}" for form in forms) + forms
    kind = next((_words()[form] for form in forms if form in _words()), None)
    # (a participle beside the verb tells how it went: "tried to X, accusing her" accused her)
    useful = came_from is not None and kind is not None and node.pos_ in ("VERB", "NOUN", "ADJ", "AUX") \
        and not _manner_participle(came_from)
    if useful and node.lemma_.lower() in INFINITIVE_ONLY and not is_infinitive(came_from):
        useful = False  # "is set to buy Y" plans; "set about persuading Y", "due to Y's strike" do not
    if useful and kind == NEGATED:
        return Status(kind, node)  # "its refusal to prosecute Y": a denial though the noun names an aim
    if _aim_of_noun(node, came_from):
        return Status(PLANNED, node)  # "pressure to endorse Y", "the chance to buy Y": named, not done
    if useful:
        return Status(kind, node)  # "expected to sit down", "denied paying", "possible that"
    if negation is not None:
        return Status(NEGATED, negation)  # the trigger's own: "X did not meet Y"
    if node.head.i == node.i and is_infinitive(node) and any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        # a sentence that is a to-infinitive with its own subject is a headline's future: "Acme to buy Y"
        return Status(PLANNED, next(c for c in children if c.dep_ == "aux"))
    condition = next((c for c in children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)), None)
    if condition is not None:
        return Status(HYPOTHETICAL, condition)  # before the auxiliaries: "will back Y if she wins" is a condition
    for child in children:
        word = child.lower_
        if child.dep_ == "amod" and node.pos_ == "NOUN" and child.i < node.i:
            # a deal named with its modality: "its planned purchase of Y", "a proposed merger", "a possible sale"
            kind = _words().get(child.lemma_.lower()) or _words().get(word)
            if kind is not None:
                return Status(kind, child)
        if child.dep_ in ("aux", "auxpass"):
            if word in POSSIBILITY_AUX:
                return Status(HYPOTHETICAL, child)
            if word in FUTURE_AUX or (word == "going" and any(t.lower_ == "to" for t in child.rights)):
                return Status(PLANNED, child)
            if word == "would":
                return Status(HYPOTHETICAL if _has_condition(node) else PLANNED, child)
    if node.dep_ == "advcl" and node.tag_ in ("VBZ", "VBP") and any(
            m.dep_ == "mark" and m.lower_ in ("before", "until") for m in node.children):
        return Status(PLANNED, node)  # "a day before X faces off against Y": in the present tense, still to come
    if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in node.children) \
            or _inverted_condition(node):
        return Status(HYPOTHETICAL, node)  # the relation in the condition itself: "if X joins Y", "had X joined Y"
    return None


def _judged_done(verb: Token, children: list[Token]) -> bool:
    """A perfect under "should" or "ought": "should not have paid Y" judges a deed already done."""
    auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "have" in auxes and any(a in ("should", "ought") for a in auxes)


# Words of intent only with an infinitive: "set to", "due to", "poised to", "bound to".
INFINITIVE_ONLY = {"set", "due", "poised", "bound"}

# Words after "not" that make it a focus on what follows, no denial: "not just Trump", "not only X but Y".
FOCUS_AFTER_NOT = {"just", "only", "merely", "simply", "solely", "exclusively"}


def _purpose_ahead(verb: Token, purpose: Token) -> bool:
    """A purpose not yet reached: set before its clause ("To win Y, X needs ..."), or of a present act
    ("X is raising money to beat Y"). A past act's purpose is told as reached ("X flew to Oslo to meet
    Y", "went on to praise Y"); a modal's clause keeps its own mark ("would be enough to win Y")."""
    if purpose.i < verb.i:
        return True
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children))
    return present and verb.lemma_ != "go" and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _negation(children: list[Token]) -> Token | None:
    for child in children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no") or (
                child.dep_ == "advmod" and word in ("never", "longer") and (word == "never" or _no_longer(child))):
            if child.dep_ == "neg" and any(t.lower_ in FOCUS_AFTER_NOT for t in child.doc[child.i + 1:child.i + 4]):
                continue  # "wasn't targeting just Y", "not only X": Y was targeted, and others too
            return child
    return None


def _inverted_condition(clause: Token) -> bool:
    """"had X congratulated him", "were X to win": an auxiliary before its subject, no "if", is a condition."""
    aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in ("had", "were", "should")), None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return aux is not None and subject is not None and aux.i < subject.i \
        and not any(c.dep_ == "mark" for c in clause.children) and not clause.sent.text.rstrip().endswith("?")


# Modifiers that make a noun's infinitive the deed of who it names ("the first woman to lead Y" led it)
DOER_MODIFIERS = {"first", "last", "only", "next"}


def _aim_of_noun(noun: Token, came_from: Token | None) -> bool:
    """An infinitive hanging from a noun names an act aimed at, asked for or allowed, not one done:
    "pressure to endorse Y", "a call to sanction Y", "the right to buy Y", "his chance to meet Y".
    Not when the noun is the one who did it: "the first company to list on Y"."""
    if came_from is None or came_from.dep_ not in ("acl", "relcl") or noun.pos_ not in ("NOUN", "PROPN") \
            or came_from.i < noun.i:
        return False
    if came_from.dep_ == "relcl" and noun.lemma_.lower() not in _words():
        return False  # the parser's "relative" infinitive: "talks to buy Y" is an aim, "participants to advance Y" not
    if not is_infinitive(came_from):
        return False
    return not any(c.lower_ in DOER_MODIFIERS or c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" for c in noun.children)


# Marks of a clause that says when or why the words were said, not what was said:
# "X said, when she resigned after Russia seized Crimea, ..." states the seizure as fact.
CIRCUMSTANCE_MARKS = {"when", "after", "before", "while", "since", "until", "once", "whenever", "because", "as"}


def _circumstance(clause: Token) -> bool:
    return any(m.dep_ in ("mark", "advmod") and m.lower_ in CIRCUMSTANCE_MARKS for m in clause.children)


def _has_condition(node: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
               for c in node.children)


def _no_longer(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "no"


def _according_to(node: Token) -> Token | None:
    """The source of an "according to X" attached to this word."""
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    return next((o for o in to.children if o.dep_ == "pobj"), None)
    return None
