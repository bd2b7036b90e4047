"""``budgetkg train [--out DIR] [--epochs N] [--seed N] [--devset DIR] [--refresh-silver] [--read-sets]``: rebuild the
entity pipeline.

Reads the gazetteer (ontology/gazetteer.ttl) into entries, regenerates
training/annotations/generated.jsonl from its fixed seed, reads the development set (``--devset`` or
$BUDGETKG_DEVSET; never the gold's test split; in memory only) with the labels frozen in
training/devset/labels.jsonl, trains the NER on all of it and writes the pipeline (default:
nlp/data/pipeline, the one that ships) without the gazetteer, which is handed over at load time, and
``provenance.json`` beside it (the command, the recipe, the SHA-256 of every input and output).
``--refresh-silver`` first relabels with today's rules: the non-gold corpus reports into
training/annotations/silver.jsonl and substituted.jsonl, the development set into labels.jsonl.
Same code, seed, gazetteer, annotations, labels and development set → the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("train", help="rebuild the entity pipeline (jieba + gazetteer + patterns + NER)")
    p.add_argument(
        "--out", type=Path, default=None, help="output folder (default: nlp/data/pipeline of the source checkout)"
    )
    p.add_argument("--epochs", type=int, default=None, help="passes over the data (default: the recipe's, 10)")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument(
        "--gazetteer", type=Path, default=None, help="gazetteer Turtle file (default: ontology/gazetteer.ttl)"
    )
    p.add_argument(
        "--devset",
        type=Path,
        default=None,
        help="a development set folder (text/*.txt) whose reports, except the hand-read gold's test split, "
        "the rules label for the NER at training time (never written out; default: $BUDGETKG_DEVSET; "
        "the shipped pipeline was trained with one, see its meta.json)",
    )
    p.add_argument(
        "--refresh-silver",
        action="store_true",
        help="relabel with today's rules: the non-gold corpus reports into training/annotations/silver.jsonl "
        "and substituted.jsonl, the development set into training/devset/labels.jsonl (default: train on the "
        "committed labels, so the pipeline is reproducible)",
    )
    p.add_argument(
        "--read-sets",
        action="store_true",
        help="teach also the read sets of training/readsets (public pages read by hand, nlp.readsets) and their "
        "composed-name substitutes (default: the recipe's, off)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="train nothing: say whether the pipeline (--out, default the shipped one) is what `budgetkg train "
        "--devset DIR` builds from this checkout on this machine, by its provenance.json and what training would "
        "teach today (the development set's part with --devset or $BUDGETKG_DEVSET; exit 1 and what differs if not)",
    )
    p.set_defaults(handler=cmd_train)


def silver_texts() -> tuple[list[str], list[str]]:
    """Narrative paragraphs of the bundled reports that are NOT in the gold set (tests/gold),
    and the gold paragraphs (sentences repeated from them are not trained on)."""
    from nlp import load_gold, read_report
    from nlp.resources import data_files, require_source_tree

    rows = [r for r in load_gold(require_source_tree("train", "tests", "gold")) if r["entities"] is not None]
    gold = {r["report"] for r in rows}  # indicator-only rows (entities null) train nothing
    gold_texts = [r["text"] for r in rows]
    texts: list[str] = []
    for path in data_files("corpus", "*.txt"):
        if path.name in gold:
            continue
        report = read_report(path)
        texts += [r.text for r in report.responsibilities] + [t.text for t in report.tasks]
        texts += [t.text for t in report.performance_targets] + [p.target.text for p in report.projects if p.target]
    return texts, gold_texts


def cmd_train(args: argparse.Namespace) -> int:
    from kg.commands.options import devset_folder
    from kg.gazetteer import load_entries
    from nlp.errors import StaleLabels
    from nlp.resources import require_source_tree

    require_source_tree("train", "training", "annotations")  # before anything slow: say so at once
    entries = load_entries(args.gazetteer)
    devset = devset_folder(args.devset, required=False)
    try:  # a development set whose reports are not those the labels were frozen from: checked and trained alike
        return check(args, entries, devset) if args.check else train(args, entries, devset)
    except StaleLabels as exc:
        print(f"budgetkg train: {exc}", file=sys.stderr)
        return 2


def check(args: argparse.Namespace, entries, devset: Path | None) -> int:
    """``--check``: exit 1 and what differs when the pipeline is not what training would build."""
    import nlp

    differences = nlp.check_pipeline(entries, args.out, devset)
    for d in differences:
        print(f"budgetkg train --check: {d}", file=sys.stderr)
    if not differences:
        print("the pipeline is what `budgetkg train --devset DIR` builds from this checkout")
    return 1 if differences else 0


def train(args: argparse.Namespace, entries, devset: Path | None) -> int:
    import nlp

    kwargs: dict = {} if args.epochs is None else {"epochs": args.epochs}
    if args.seed is not None:
        kwargs["seed"] = args.seed
    if args.read_sets:
        kwargs["read_sets"] = True
    if args.refresh_silver:
        kwargs["silver_texts"], kwargs["exclude_texts"] = silver_texts()
        kwargs["refresh_labels"] = True
    if devset is not None:
        kwargs["devset"] = devset
    else:
        print(
            "budgetkg train: no development set given (--devset or $BUDGETKG_DEVSET): "
            "the NER learns from training/annotations only, not as the shipped pipeline did",
            file=sys.stderr,
        )
    result = nlp.train_entities(entries, args.out, **kwargs)
    print(f"{len(entries)} gazetteer entries; {result['sentences']} sentences; pipeline {result['bytes'] / 1e6:.1f} MB")
    return 0
