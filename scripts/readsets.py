"""Freeze read sets (folders of hand-read gold rows of public pages) into training/readsets/NAME.jsonl.

    .venv/bin/python scripts/readsets.py more21=/work/sets/more21 fresh23=/work/sets/fresh23 \
        --exclude /work/sets/prec22 --exclude /work/sets/prec23 --exclude /work/sets/prec23/heldout \
        --drop http://www.hebaudit.gov.cn/h/c/i/357437:3

Each sentence gets the reader's names for the types the set was read for and today's rules' names for the others
(nlp.readsets.training_rows); a sentence printed again in the corpus gold (tests/gold) or in an ``--exclude`` set is
left out, and so is a sentence holding a held-out name (nlp.trainingdata.held_out_names) and every sentence of a ``--drop`` paragraph (``ADDRESS:LINE``: a paragraph that shares a run with a
development report, which tests/test_no_devset_text.py keeps out of the repository).  ``budgetkg train --read-sets`` teaches the files.  The folder's README.md says where each set came from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from kg.gazetteer import load_entries
    from nlp.evaluation import load_gold
    from nlp.pipeline import blank_pipeline, with_gazetteer
    from nlp.readsets import READSETS_DIR, training_rows
    from nlp.resolve import EntityResolver
    from nlp.trainingdata import without_held_out, write_jsonl

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", help="NAME=DIR: a read set's name and its folder of gold rows")
    ap.add_argument("--exclude", action="append", default=[], type=Path, help="a set whose sentences are not taught")
    ap.add_argument("--drop", action="append", default=[], help="ADDRESS:LINE, a paragraph left out")
    args = ap.parse_args(argv)
    dropped = {tuple(d.rsplit(":", 1)) for d in args.drop}
    exclude = [r["text"] for r in load_gold(ROOT / "tests" / "gold")]
    for d in args.exclude:
        exclude += [r["text"] for r in load_gold(d)]
    rules = with_gazetteer(blank_pipeline(), EntityResolver(load_entries()))
    for spec in args.sets:
        name, _, folder = spec.partition("=")
        gold = [r for r in load_gold(folder) if (r["report"], str(r.get("line"))) not in dropped]
        rows = without_held_out(training_rows(rules, gold, exclude))
        write_jsonl(ROOT.joinpath(*READSETS_DIR) / f"{name}.jsonl", rows)
        names = sum(1 for r in rows for e in r["entities"] if e[2] in ("Platform", "Reform", "PolicyDocument"))
        print(f"{name}: {len(gold)} paragraphs -> {len(rows)} sentences, {names} platform/reform/document names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
