"""``budgetkg eval [--gold DIR] [--no-ner] [--no-gazetteer]``: P/R/F1 per entity type on the gold set.

The gold set (tests/gold/*.jsonl) is hand-annotated narrative of seed reports; it is never
used for training.  Spans must match exactly (start, end, label); an indicator counts when it
overlaps a gold indicator with the same value and unit.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub) -> None:
    from kg.cli import COMMANDS

    p = sub.add_parser("eval", help="precision, recall and F1 per entity type on the gold set")
    p.add_argument("--gold", type=Path, default=None, help="gold folder (default: tests/gold)")
    p.add_argument("--no-ner", action="store_true", help="without the trained NER")
    p.add_argument("--no-gazetteer", action="store_true", help="without the gazetteer ruler")
    p.add_argument("-v", "--verbose", action="store_true", help="list every false positive and false negative")
    COMMANDS["eval"] = cmd_eval


def cmd_eval(args: argparse.Namespace) -> int:
    import nlp

    result = nlp.evaluate_entities(args.gold, use_ner=not args.no_ner, use_gazetteer=not args.no_gazetteer)
    print(f"{'type':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label, s in result["per_type"].items():
        print(f"{label:<16}{s['gold']:>6}{s['pred']:>6}{s['tp']:>6}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")
    if args.verbose:
        for kind, label, text, where in result["errors"]:
            print(f"{kind} {label:<15} {text}    [{where}]")
    return 0
