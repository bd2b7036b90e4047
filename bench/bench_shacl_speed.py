"""Benchmark of kg.validate's speed-ups: validating each report graph the build's way (kg.validate.validate_quads)
against pySHACL's own evaluation of the same shapes (kg.validate.reference_evaluation) — the way validation ran
before — in the same process, the two interleaved run by run so that a shared machine's load drifts into both.

For every bundled report (its graph as kg.mapping builds it, entities off): ``--repeat`` rounds of
reference-then-fast, the best and the median of each, and the ratio fast/reference; the results of the two must
be equal (focus node, path, shape, constraint component, severity, value, messages), or the bench stops.
The last line sums the corpus.

    .venv/bin/python bench/bench_shacl_speed.py [--repeat 5] [--match 002]
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

from kg.mapping import map_report  # noqa: E402
from kg.validate import reference_evaluation, validate_quads, validation_ontology_graph  # noqa: E402
from nlp import read_report  # noqa: E402
from nlp.resources import data_files  # noqa: E402


def reference(quads):
    with reference_evaluation():
        return validate_quads(quads)


def timed(fn, quads) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(quads)
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--match", default="", help="only reports whose file name contains this")
    args = ap.parse_args()

    validation_ontology_graph()  # parsed once per process, outside the timings
    validate_quads([])  # and the shapes
    print(f"1-min load average at the start: {os.getloadavg()[0]:.1f}")
    print(
        f"{'report':28} {'triples':>8} {'results':>8} {'ref best':>9} {'fast best':>9} {'best ratio':>10} "
        f"{'ref med':>8} {'fast med':>8} {'med ratio':>9}"
    )
    total = {"ref": 0.0, "fast": 0.0, "ref_med": 0.0, "fast_med": 0.0, "triples": 0}
    for path in (p for p in data_files("corpus", "*.txt") if args.match in p.name):
        quads = map_report(read_report(path)).quads
        ref_times, fast_times = [], []
        for _ in range(args.repeat):
            t_ref, old = timed(reference, quads)
            t_fast, new = timed(validate_quads, quads)
            if new.results != old.results:
                raise SystemExit(f"{path.name}: the fast evaluation's results differ from pySHACL's own")
            ref_times.append(t_ref)
            fast_times.append(t_fast)
        ref_best, fast_best = min(ref_times), min(fast_times)
        ref_med, fast_med = statistics.median(ref_times), statistics.median(fast_times)
        print(
            f"{path.name[:28]:28} {len(quads):8d} {len(new.results):8d} {ref_best:9.2f} {fast_best:9.2f} "
            f"{fast_best / ref_best:10.2f} {ref_med:8.2f} {fast_med:8.2f} {fast_med / ref_med:9.2f}",
            flush=True,
        )
        total["ref"] += ref_best
        total["fast"] += fast_best
        total["ref_med"] += ref_med
        total["fast_med"] += fast_med
        total["triples"] += len(quads)
    print(
        f"{'corpus':28} {total['triples']:8d} {'':8} {total['ref']:9.2f} {total['fast']:9.2f} "
        f"{total['fast'] / total['ref']:10.2f} {total['ref_med']:8.2f} {total['fast_med']:8.2f} "
        f"{total['fast_med'] / total['ref_med']:9.2f}"
    )
    print(f"1-min load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
