"""Reader throughput on the bundled corpus (or the development set), beside bare jieba
segmentation of the same text in the same run (the baseline: the cheapest thing any
Chinese NLP pipeline does to every character).

    .venv/bin/python bench/bench_reader.py [--rounds 5] [--devset] [PATH ...]

``--devset`` reads the development set's texts (``$BUDGETKG_DEVSET`` or
``../shared/devset`` beside the checkout, ``text/*.txt``): reports from other
provinces, with many more tables than the corpus.

Prints reports/s and characters/s for ``nlp.read_report`` (decode, normalise,
sections, metadata, tables, narrative, reconciliation; no spaCy) and for
``jieba.lcut`` over the decoded text, and the ratio reader time / jieba time.
Not a test: timings depend on the machine; the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import read_report  # noqa: E402
from nlp.encoding import read_file  # noqa: E402


def _best_of(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--devset", action="store_true", help="the development set's texts instead of the corpus")
    args = ap.parse_args(argv)
    if args.devset:
        devset = Path(os.environ.get("BUDGETKG_DEVSET") or ROOT.parent / "shared" / "devset")
        if not (devset / "text").is_dir():
            print(f"bench_reader: no development set at {devset} (set BUDGETKG_DEVSET)", file=sys.stderr)
            return 2
        args.paths = sorted((devset / "text").glob("*.txt"))
    paths = args.paths or sorted((ROOT / "corpus").glob("*.txt"))
    texts = [read_file(p).text for p in paths]
    n_chars = sum(len(t) for t in texts)

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # load the dictionary outside the timed region
    for p in paths:  # warm caches (regex compilation, imports) for both sides
        read_report(p)
    for t in texts:
        jieba.lcut(t)

    reader_best, reader_med = _best_of(args.rounds, lambda: [read_report(p) for p in paths])
    jieba_best, jieba_med = _best_of(args.rounds, lambda: [jieba.lcut(t) for t in texts])

    print(
        f"{'devset' if args.devset else 'corpus'}: {len(paths)} reports, {n_chars:,} characters, best of {args.rounds} rounds (median in brackets)"
    )
    for label, best, med in (("read_report", reader_best, reader_med), ("jieba.lcut ", jieba_best, jieba_med)):
        print(
            f"{label}: {best:7.3f} s ({med:.3f})  {len(paths) / best:8.1f} reports/s  {n_chars / best:12,.0f} chars/s"
        )
    print(f"ratio read_report / jieba.lcut time: {reader_best / jieba_best:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
