"""Entity figures of the read sets printed as PDF text, against the same paragraphs printed clean.

    .venv/bin/python scripts/pdf_figures.py [--set NAME=DIR …] [--no-devset] [--off] [--widths 18,24,…]
                                             [--renderings clean,wrap,pages,spaces,punct] [-v]

Each report of a set (its read paragraphs, tests/pdfreports.py) is printed as one text — clean (one paragraph a
line), wrapped at each width, wrapped with a page break (page number, running header) every 15 lines, wrapped with a
PDF space inside some words, wrapped with the punctuation's width swapped — read back as a report's narrative is
read (nlp.evaluation.region_entities) and scored against its gold mapped onto the print: right/found/gold per type.
Sets: the corpus gold (tests/gold) and the devset's TRAIN split (never its test split) by default, and every
``--set NAME=DIR`` (/work/sets/more21, fresh23; a precision set's rows carry no gold: its found-counts are what
to compare).  ``-v`` lists, per rendering, each name found in the clean print and not in this one, and the
reverse (paragraph offsets: a name moved by the print counts as one lost and one new).  A name a page break falls inside is
scored neither way (tests/gold/README.md leaves it unannotated); the line says how many (right/found/gold, all types).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdfreports import by_report, figures  # noqa: E402

TYPES = ("Platform", "Reform", "PolicyDocument", "Agency")


def renderings(kinds: list[str], widths: list[int]) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    for kind in kinds:
        if kind == "clean":
            out.append(("clean", {"width": None}))
        elif kind == "wrap":
            out += [(f"wrap{w}", {"width": w}) for w in widths]
        elif kind == "pages":
            out += [(f"pages{w}", {"width": w, "page_lines": 15}) for w in (22, 29)]
        elif kind == "spaces":
            out.append(("spaces26", {"width": 26, "damage": "innerspaces"}))
        elif kind == "punct":
            out.append(("punct26", {"width": 26, "damage": "punctuation"}))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", default=[], help="NAME=DIR of gold rows")
    ap.add_argument("--devset", default=str(ROOT.parent / "shared" / "devset"))
    ap.add_argument("--no-devset", action="store_true")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--off", action="store_true", help="gazetteer off")
    ap.add_argument("--widths", default="18,21,24,27,30,33,36,40")
    ap.add_argument("--renderings", default="clean,wrap,pages,spaces,punct")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()

    from kg.gazetteer import project_entries
    from nlp.heldoutsets import read_sets
    from nlp.pipeline import load_pipeline

    nlp = load_pipeline(gazetteer=() if args.off else project_entries())
    sets = {} if args.no_corpus else {"corpus": ROOT / "tests" / "gold"}
    sets.update({name: Path(d) for name, d in (s.split("=", 1) for s in args.set)})
    devset = None if args.no_devset or not Path(args.devset).is_dir() else Path(args.devset)
    paragraphs = read_sets(sets, devset)
    widths = [int(w) for w in args.widths.split(",")]
    for name in dict.fromkeys(p.set for p in paragraphs):
        reports = by_report([p for p in paragraphs if p.set == name])
        print(f"== {name}: {len(reports)} reports, {sum(map(len, reports))} paragraphs  (right/found/gold)")
        print(f"{'rendering':12s}" + "".join(f"{t[:10]:>16s}" for t in TYPES))
        base: Counter | None = None
        for label, kw in renderings(args.renderings.split(","), widths):
            found: list = []
            crossing: Counter = Counter()
            counts = figures(nlp, reports, use_gazetteer=not args.off, found=found, crossing=crossing, **kw)
            row = "".join(f"{'/'.join(map(str, counts[t])):>16s}" for t in TYPES)
            now = Counter(f for f in found if f[-1] in TYPES)
            changed = "" if base is None or now == base else "  *"
            if crossing:
                changed += (
                    f"  (across a page break, not scored: {crossing['right']}/{crossing['found']}/{crossing['gold']})"
                )
            print(f"{label:12s}{row}{changed}", flush=True)
            if base is None:
                base = now
            elif args.v:
                for kind, diff in (("lost", base - now), ("new ", now - base)):
                    for r, k, s, e, lab in sorted(diff):
                        text = reports[r][k][0]
                        print(f"    {kind} {lab:9s} {text[s:e] if s >= 0 and e >= 0 else '?'}  | {text[:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
