"""Score entities on the CoNLL-2003 English dev split (eng.testa).

    python benchmarks/conll2003.py [DATA] [--model NAME] [--limit N]

DATA defaults to ../shared/benchmarks/conll2003/valid.txt relative to the
repository root; it is read at run time and never copied into the repository.
Each document's tokens are joined into text (one sentence per line), run
through graphkit's pipeline, and scored as exact span + type, micro P/R/F1:

  spacy     the model's own NER, labels mapped as the benchmark README says
            (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/WORK_OF_ART/
            LAW/LANGUAGE/PRODUCT->MISC)
  graphkit  graphkit's cleaned entity mentions (titles, articles and
            possessives trimmed; types made consistent per entity), which
            cover PER/ORG/LOC only: scored on those three types, and MISC
            from the model's NER added back for the all-type figure.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from conll04 import join_tokens

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "conll2003" / "valid.txt"
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
             "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}
GRAPHKIT_MAP = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}


def read_documents(path: Path):
    """Yield documents as lists of sentences; a sentence is a list of (token, IOB tag)."""
    doc, sentence = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if sentence:
                doc.append(sentence)
            if doc:
                yield doc
            doc, sentence = [], []
        elif not line.strip():
            if sentence:
                doc.append(sentence)
            sentence = []
        else:
            parts = line.split()
            sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def document_text(doc) -> tuple[str, list[tuple[int, int]], list[str]]:
    """Text with one sentence per line, each token's character offsets, and the gold tags."""
    text_parts, offsets, tags, base = [], [], [], 0
    for sentence in doc:
        tokens = [t for t, _ in sentence]
        text, token_offsets = join_tokens(tokens)
        offsets += [(base + s, base + e) for s, e in token_offsets]
        tags += [tag for _, tag in sentence]
        text_parts.append(text)
        base += len(text) + 1
    return "\n".join(text_parts), offsets, tags


def to_token_span(start: int, end: int, starts: dict, ends: dict):
    if start in starts and end in ends:
        return starts[start], ends[end] + 1
    return None


def prf(counts: Counter) -> tuple[float, float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: set, predicted: set, counts: dict, types) -> None:
    for label in types:
        g = {s for s in gold if s[2] == label}
        p = {s for s in predicted if s[2] == label}
        counts[label]["tp"] += len(g & p)
        counts[label]["fp"] += len(p - g)
        counts[label]["fn"] += len(g - p)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: graphkit's choice)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)

    from graphkit.nlp.convert import entities_from_doc
    from graphkit.nlp.loader import choose_model, describe_model
    from graphkit.nlp.pipeline import get_pipeline

    nlp = get_pipeline(args.model)
    docs = list(read_documents(Path(args.data)))[: args.limit]
    prepared = [document_text(d) for d in docs]
    all_types = ("PER", "ORG", "LOC", "MISC")
    spacy_counts = {t: Counter() for t in all_types}
    graphkit_counts = {t: Counter() for t in all_types}
    for (text, offsets, tags), doc in zip(prepared, nlp.pipe([p[0] for p in prepared], batch_size=32)):
        starts = {s: i for i, (s, _) in enumerate(offsets)}
        ends = {e: i for i, (_, e) in enumerate(offsets)}
        gold = gold_spans(tags)
        spacy_pred = set()
        for ent in doc.ents:
            span = to_token_span(ent.start_char, ent.end_char, starts, ends)
            if span and ent.label_ in SPACY_MAP:
                spacy_pred.add((*span, SPACY_MAP[ent.label_]))
        graphkit_pred = {s for s in spacy_pred if s[2] == "MISC"}
        for entity in entities_from_doc(doc):
            for m in entity.mentions:
                span = to_token_span(m.start, m.end, starts, ends)
                if span:
                    graphkit_pred.add((*span, GRAPHKIT_MAP[entity.type]))
        score(gold, spacy_pred, spacy_counts, all_types)
        score(gold, graphkit_pred, graphkit_counts, all_types)

    print(f"CoNLL-2003 dev, {len(docs)} documents, model {describe_model(choose_model(args.model))}")
    print(f"{'':10} {'type':5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, counts in (("spacy", spacy_counts), ("graphkit", graphkit_counts)):
        for label in all_types:
            p, r, f = prf(counts[label])
            print(f"{name:10} {label:5} {p:6.3f} {r:6.3f} {f:6.3f}")
        for scope, types in (("P/O/L", ("PER", "ORG", "LOC")), ("all", all_types)):
            total = sum((counts[t] for t in types), Counter())
            p, r, f = prf(total)
            print(f"{name:10} {scope:5} {p:6.3f} {r:6.3f} {f:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
