"""Precision, recall and F1 per entity type on the hand-annotated gold set (``budgetkg eval``).

Gold files (tests/gold/*.jsonl) hold one narrative paragraph per line with the entity names a
reader marked in it (``[surface, label]``; every occurrence of the surface in the paragraph is
meant, longer names first, occurrences inside a longer marked name excluded) and the indicators
(``[surface, value, unit]``).  See tests/gold/README.md for the annotation guidelines.

Entities count when start, end and label all match.  Indicators are scored only in task and
target paragraphs (where the reader marks them) and count when a found indicator overlaps a
gold one with the same value and unit.  Rows whose ``entities`` is null are annotated for
indicators only (indicators come from rules, not from training, so such a paragraph may come
from a report whose sentences are in the NER's silver training data).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"
ENTITY_TYPES = ("Agency", "Platform", "Reform", "PolicyDocument")
INDICATOR_SECTIONS = {"tasks", "targets"}


def load_gold(gold_dir: str | Path | None = None) -> list[dict]:
    rows = []
    for f in sorted(Path(gold_dir or GOLD_DIR).glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def occurrences(text: str, surfaces: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Spans of every listed surface: longest first, never inside an already taken span."""
    taken = [False] * len(text)
    out = []
    for surface, label in sorted(surfaces, key=lambda x: -len(x[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(taken[start:end]):
                out.append((start, end, label))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(surface, start + 1)
    return sorted(out)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "p": p, "r": r, "f1": f}


def evaluate(gold_dir: str | Path | None = None, *, nlp=None, use_ner: bool = True, use_gazetteer: bool = True) -> dict:
    from nlp.entities import extract, load_pipeline
    from nlp.indicators import find_indicators

    rows = load_gold(gold_dir)
    nlp = nlp or load_pipeline()
    found = extract([r["text"] for r in rows], nlp=nlp, use_ner=use_ner, use_gazetteer=use_gazetteer)
    counts = {t: [0, 0, 0] for t in (*ENTITY_TYPES, "Indicator")}  # tp, pred, gold
    errors = []
    for row, ents in zip(rows, found):
        text, where = row["text"], f"{row['report']}:{row['line']}"
        if row["entities"] is None:  # a paragraph annotated for indicators only
            ents = []
        gold = set(occurrences(text, [tuple(e) for e in row["entities"] or []]))
        pred = {(e.start, e.end, e.label) for e in ents if e.label in ENTITY_TYPES}
        for s, e, lab in gold:
            counts[lab][2] += 1
        for s, e, lab in pred:
            counts[lab][1] += 1
            if (s, e, lab) in gold:
                counts[lab][0] += 1
            else:
                errors.append(("FP", lab, text[s:e], where))
        errors += [("FN", lab, text[s:e], where) for s, e, lab in sorted(gold - pred)]
        if row["section"] in INDICATOR_SECTIONS:
            gi = []
            for surface, value, unit in row["indicators"]:
                s = text.find(surface)
                gi.append((s, s + len(surface), Decimal(value), unit))
            pi = find_indicators(text)
            counts["Indicator"][1] += len(pi)
            counts["Indicator"][2] += len(gi)
            matched = set()
            for f in pi:
                hit = next((g for g in gi if g not in matched and f.start < g[1] and g[0] < f.end
                            and f.value == g[2] and f.unit == g[3]), None)
                if hit:
                    matched.add(hit)
                    counts["Indicator"][0] += 1
                else:
                    errors.append(("FP", "Indicator", text[f.start:f.end], where))
            errors += [("FN", "Indicator", text[g[0]:g[1]], where) for g in gi if g not in matched]
    per_type = {t: _prf(*c) for t, c in counts.items()}
    return {"per_type": per_type, "errors": errors, "paragraphs": len(rows)}
