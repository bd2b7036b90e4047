"""Leave one read set out: the platform rules and a learned decision, measured on the fold held out (docs/learning.md).

usage (from the checkout):
  .venv/bin/python scripts/heldout.py collect OUT.json --set corpus=tests/gold --set dev13=DIR --devset DEVSET_DIR
  .venv/bin/python scripts/heldout.py folds OUT.json [--test-rules OTHER.json] [--by page] [--with-rules]
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.gazetteer import project_entries
from nlp.heldout import measure
from nlp.heldoutsets import load_collected, pipeline_found, read_sets, save_collected


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    col = sub.add_parser("collect", help="run this checkout's pipeline over the read sets")
    col.add_argument("out", type=Path)
    col.add_argument("--set", action="append", default=[], metavar="NAME=PATH", help="a set of gold files (repeatable)")
    col.add_argument("--devset", type=Path, help="the development set: its train split is the set 'train'")
    col.add_argument("--off", action="store_true", help="gazetteer off")
    col.add_argument("--pipeline", type=Path, help="a trained pipeline's folder (default: the shipped one)")
    fo = sub.add_parser("folds", help="leave one set out: the rules and the learned decision per held-out fold")
    fo.add_argument("collected", type=Path)
    fo.add_argument("--test-rules", type=Path, help="another checkout's collect: its rules on the held-out side")
    fo.add_argument("--by", choices=["set", "page"], default="set")
    fo.add_argument("--with-rules", action="store_true", help="the rules' verdict is a feature too")
    fo.add_argument("--c", type=float, default=1.0)
    fo.add_argument("--threshold", type=float, default=0.5)
    a = ap.parse_args(argv)
    if a.command == "collect":
        sets = dict(s.split("=", 1) for s in a.set)
        paragraphs = read_sets({k: Path(v) for k, v in sets.items()}, a.devset)
        save_collected(a.out, paragraphs, pipeline_found(paragraphs, () if a.off else project_entries(), a.pipeline))
        print(f"{len(paragraphs)} paragraphs: {dict(collections.Counter(p.set for p in paragraphs))}")
        return 0
    paragraphs, found = load_collected(a.collected)
    test_found = None
    if a.test_rules:
        other, test_found = load_collected(a.test_rules)
        if [p.text for p in other] != [p.text for p in paragraphs]:
            raise SystemExit(f"{a.test_rules}: not the paragraphs of {a.collected}")
    total: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for fold, figures in measure(
        paragraphs, found, test_found=test_found, by=a.by, with_rules=a.with_rules, c=a.c, threshold=a.threshold
    ):
        print(f"{fold[:40]:<40} " + "  ".join(f"{k} {r}/{f}/{g}" for k, (r, f, g) in figures.items()))
        for k, v in figures.items():
            total[k] = [t + x for t, x in zip(total[k], v)]
    print(
        "all "
        + "  ".join(f"{k} {r}/{f}/{g} P {r / max(f, 1):.3f} R {r / max(g, 1):.3f}" for k, (r, f, g) in total.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
