"""How the entities of real texts survive the ways a PDF's extracted text differs from the clean text.

    .venv/bin/python bench/pdf_variants.py [--dir GOLD_DIR …] [--devset DIR] [--off] [--reader] [--kinds a,b]

Texts: the corpus gold paragraphs (tests/gold), the development set's TRAIN regions (when the devset is there;
never its test split) and every ``--dir`` in the gold row format.  Each text is printed again as a PDF's
extracted text prints it — :data:`KINDS`: lines wrapped at another width, a page number between two lines,
spaces between the characters of a justified line, between some words, inside some words, between Chinese and
Latin letters or digits, full-width Latin letters and digits, Kangxi radicals for the ideographs that have one
— and its entities compared with the original text's: (surface with spaces and line breaks removed, NFKC,
label), a report's texts read together as the build reads them (pipeline, then propagation).  Prints per kind
and label how many of the original's mentions survive and how many new ones appear.  ``--reader`` reads each
variant through the reader's own clean-up first (nlp.normalize, then unwrap), as the build does.
No assertion: tests/test_pdftext.py holds the constructed cases."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdfvariants import KINDS, _page_at  # noqa: E402

LABELS = ("Platform", "Reform", "PolicyDocument", "Agency")


def key(surface: str) -> str:
    return unicodedata.normalize("NFKC", re.sub(r"\s", "", surface))


def entities(nlp, groups: list[list[str]], on: bool, reader: bool, spans: list | None = None) -> list[Counter]:
    """Per report, the (surface key, label) of every entity of its texts (``spans``: filled with each text's
    (start, end, label) of them)."""
    from nlp.entities import extract_docs
    from nlp.normalize import normalize, unwrap
    from nlp.propagation import report_entities

    out = []
    for texts in groups:
        if reader:
            texts = [p for n in map(normalize, texts) for p, _ in unwrap(n, 0, len(n.lines))]
        found = report_entities(extract_docs(nlp, texts, use_gazetteer=on)).entities
        if spans is not None:
            spans.extend([(e.start, e.end, e.label) for e in ents if e.label in LABELS] for ents in found)
        out.append(Counter((key(e.text), e.label) for ents in found for e in ents if e.label in LABELS))
    return out


def text_sets(dirs: list[str], devset: str | None) -> dict[str, list[list[str]]]:
    from nlp.evaluation import load_devset_gold, load_gold, region_paragraphs

    sets = {}
    for d in dirs:
        rows = [r for r in load_gold(d) if r["entities"] is not None]
        sets[d] = [[r["text"] for r in rows if r["report"] == k] for k in dict.fromkeys(r["report"] for r in rows)]
    if devset and Path(devset).is_dir():
        groups = []
        for row in load_devset_gold(None, "train"):  # the train split only: the test split is sealed
            raw = (Path(devset) / "text" / row["report"]).read_text(encoding="utf-8")
            groups.append([t for t, _ in region_paragraphs(raw, row["regions"])])
        sets["devset-train"] = groups
    return sets


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", action="append", default=[])
    ap.add_argument("--devset", default=str(ROOT.parent / "shared" / "devset"))
    ap.add_argument("--off", action="store_true", help="gazetteer off")
    ap.add_argument("--reader", action="store_true", help="read each variant through normalize + unwrap first")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("-v", action="store_true", help="print what each kind lost and added")
    args = ap.parse_args()

    from kg.gazetteer import project_entries
    from nlp.pipeline import load_pipeline

    nlp = load_pipeline(gazetteer=() if args.off else project_entries())
    sets = text_sets([str(ROOT / "tests" / "gold"), *args.dir], args.devset)
    for name, groups in sets.items():
        at: list = []
        base = entities(nlp, groups, not args.off, args.reader, at)
        total = sum(base, Counter())
        print(
            f"== {name}: {sum(map(len, groups))} texts; "
            + " ".join(f"{lab} {sum(n for (_, la), n in total.items() if la == lab)}" for lab in LABELS)
        )
        print(f"{'kind':14s}" + "".join(f"{lab[:8]:>18s}" for lab in LABELS) + "   (survived/original +new)")
        for kind in args.kinds.split(","):
            varied = entities(nlp, [[KINDS[kind](t) for t in texts] for texts in groups], not args.off, args.reader)
            row = []
            for lab in LABELS:
                kept = sum(sum((b & v).values()) for b, v in zip(_of(base, lab), _of(varied, lab)))
                orig = sum(sum(c.values()) for c in _of(base, lab))
                new = sum(sum((v - b).values()) for b, v in zip(_of(base, lab), _of(varied, lab)))
                row.append(f"{kept:>9d}/{orig:<4d}+{new:<3d}")
            print(f"{kind:14s}" + "".join(f"{c:>18s}" for c in row))
            if kind == "pagenum":  # the guideline leaves a name broken by a page number unannotated
                crossing = Counter(
                    lab
                    for t, ents in zip((t for g in groups for t in g), at)
                    for a, b, lab in ents
                    if a < _page_at(t) < b
                )
                print(f"{'  (crossing the page number)':14s}" + "".join(f"{crossing[lab]:>18d}" for lab in LABELS))
            if args.v:
                for b, v in zip(base, varied):
                    for (surface, lab), n in (b - v).items():
                        print(f"    lost {lab} {surface} ×{n}")
                    for (surface, lab), n in (v - b).items():
                        print(f"    new  {lab} {surface} ×{n}")
    return 0


def _of(counters: list[Counter], label: str) -> list[Counter]:
    return [Counter({k: n for k, n in c.items() if k[1] == label}) for c in counters]


if __name__ == "__main__":
    raise SystemExit(main())
