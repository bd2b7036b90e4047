"""Entity and relation extraction of the whole corpus against bare jieba segmentation of the
same text, in the same run (a trained NER is ~20× slower than segmentation on this kind of machine, so it
runs only on narrative text with a trigger word).  Prints ratios, never asserts a time.

    .venv/bin/python bench/bench_entities.py [--repeat 3]

Baselines, both with jieba's default dictionary, warmed up first:
* whole text  — jieba.lcut over every report's full normalised text (tables included);
* processed   — jieba.lcut over exactly the texts the extractor feeds the pipeline.
The extraction is nlp.relations.annotate (pipeline + indicators + links) on reports already
read (reading — layout, tables, narrative — is timed separately and not part of the ratio).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import jieba

    from kg.gazetteer import project_resolver
    from nlp import read_report
    from nlp.encoding import read_file
    from nlp.entities import load_pipeline
    from nlp.errors import Diagnostics
    from nlp.normalize import normalize
    from nlp.relations import annotate, collect_units

    files = sorted((ROOT / "corpus").glob("*.txt"))
    t = time.perf_counter()
    reports = [(f, read_report(f), normalize(read_file(f).text)) for f in files]
    t_read = time.perf_counter() - t
    names = project_resolver()  # the gazetteer, handed over as kg hands it over
    nlp = load_pipeline(gazetteer=names)
    jieba.initialize()
    whole = [n.text for _, _, n in reports]
    processed = [u[1] for _, r, n in reports for u in collect_units(n, r).items]
    # warm up
    [jieba.lcut(x) for x in whole[:1]]
    annotate(reports[0][2], read_report(reports[0][0]), Diagnostics("warm-up"), nlp=nlp, resolver=names)

    def extract_all():
        for f, r, n in reports:
            r.mentions, r.indicators, r.links = [], [], []  # annotate appends: start from empty
            annotate(n, r, Diagnostics(f.name), nlp=nlp, resolver=names)

    # interleave the three measurements so that load on the machine hits them alike
    t_whole = t_proc = t_extract = float("inf")
    for _ in range(args.repeat):
        t_whole = min(t_whole, best_of(1, lambda: [jieba.lcut(x) for x in whole]))
        t_proc = min(t_proc, best_of(1, lambda: [jieba.lcut(x) for x in processed]))
        t_extract = min(t_extract, best_of(1, extract_all))
    chars_whole, chars_proc = sum(map(len, whole)), sum(map(len, processed))
    print(
        f"corpus: {len(files)} reports, {chars_whole} chars; extractor processes {chars_proc} chars "
        f"({100 * chars_proc / chars_whole:.0f}%)"
    )
    print(f"reading (layout, tables, narrative): {t_read:.2f} s (not in the ratio)")
    print(f"bare jieba, whole text:     {t_whole:.3f} s")
    print(f"bare jieba, processed text: {t_proc:.3f} s")
    print(f"entity + relation extraction: {t_extract:.3f} s")
    print(f"ratio extraction / jieba(whole text)     = {t_extract / t_whole:.2f}x   (target <= 3x)")
    print(f"ratio extraction / jieba(processed text) = {t_extract / t_proc:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
