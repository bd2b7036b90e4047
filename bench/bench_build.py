"""Benchmark of ``budgetkg build`` at 1×, 10×, 100× the bundled corpus.

Copies are synthetic (bench/synthetic.py: copy i renames 广州市 → another city, so every agency gets a new
name, and moves the fiscal year back by i % 8), so the graph grows like a real corpus: new agencies, reports and
line items, the same platforms and code lists.

Printed per scale: build time (read + map + store, all cores), triples and triples/s, store size on
disk, a named query's time, SHACL validation time and its ratio to build time; then the growth of
each figure against the 1× baseline of the same run (≈ the scale factor = linear).

Validation (pySHACL, per report) is timed on one copy of every report and scaled by the number of
copies — every copy of a report has the same shape and size, and reports validate independently —
unless ``--validate-all``.

``--models`` measures the graph side alone: each report is read once, and copies are made of the report
*models* (the same renaming and year shift, on every string but the raw-text spans), then mapped and
stored in one process — what ``kg`` costs without the reader, and a way to reach 100× in minutes.

    .venv/bin/python bench/bench_build.py --scales 1,10,100
    .venv/bin/python bench/bench_build.py --scales 1,10,100 --models
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pyoxigraph as ox  # noqa: E402
import synthetic  # noqa: E402

from kg.build import build, validate_quads  # noqa: E402
from kg.commands.query import bind_params, named_queries, rows_of, run  # noqa: E402
from kg.store import Store  # noqa: E402


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def timed_query(store: Store, name: str) -> tuple[list, float]:
    """The rows of a named query (no parameters) and the seconds it took."""
    q = named_queries()[name]
    t = time.perf_counter()
    rows = rows_of(run(store, bind_params(q.text, q, {})))[1]
    return rows, time.perf_counter() - t


def one(scale: int, work: Path, validate_all: bool, jobs: int) -> dict:
    files = synthetic.write_copies(work / f"x{scale}" / "files", scale)
    data = work / f"x{scale}" / "data"
    t = time.perf_counter()
    result = build(files, data, validate=False, jobs=jobs)
    build_s = time.perf_counter() - t
    store = Store(data, read_only=True)
    rows, query_s = timed_query(store, "funding-by-platform")
    _, rollup_s = timed_query(store, "classification-subtree")
    reports = [f.report for f in result.files if f.report]
    sample = (
        reports
        if validate_all
        else [f.report for f in result.files if f.report and Path(f.path).name.startswith("c000_")]
    )
    t = time.perf_counter()
    violations = 0
    for g in sample:
        vr = validate_quads(list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))))
        violations += len(vr.violations)
    validate_s = (time.perf_counter() - t) * (len(reports) / max(1, len(sample)))
    return {
        "scale": scale,
        "files": len(files),
        "failed": len(result.failed),
        "reports": result.counts["reports"],
        "agencies": result.counts["agencies"],
        "line items": result.counts["line items"],
        "triples": result.store_triples,
        "build s": build_s,
        "triples/s": result.store_triples / build_s,
        "store MB": du(store.path) / 1e6,
        "funding query s": query_s,
        "roll-up query s": rollup_s,
        "validation s (1 core)": validate_s,
        "validation/build": validate_s / build_s,
        "violations (sample)": violations,
        "funding rows": len(rows),
    }


def model_copy(obj, i: int):
    """A copy of a report model with 广州市 → copy i's city in every string except raw-text spans."""
    import dataclasses
    import enum

    from nlp.model import Span

    if isinstance(obj, (Span, enum.Enum)) or obj is None:
        return obj
    if isinstance(obj, str):
        return obj.replace("广州市", synthetic.city(i)) if i else obj
    if isinstance(obj, list):
        return [model_copy(x, i) for x in obj]
    if isinstance(obj, tuple):
        return tuple(model_copy(x, i) for x in obj)
    if isinstance(obj, dict):
        return {k: model_copy(v, i) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj):
        return dataclasses.replace(
            obj, **{f.name: model_copy(getattr(obj, f.name), i) for f in dataclasses.fields(obj) if f.init}
        )
    return obj


def one_models(scale: int, work: Path, originals: list) -> dict:
    import dataclasses
    import hashlib

    from kg.mapping import map_report
    from kg.ontology import ontology_quads
    from kg.resolve import default_resolver
    from kg.store import DataDir

    data = work / f"m{scale}" / "data"
    resolver = default_resolver()
    t = time.perf_counter()
    n_reports = 0
    with DataDir(data).transaction(fresh=True) as store:
        store.add(ontology_quads())
        for i in range(scale):
            for r in originals:
                copy = model_copy(r, i)
                sha = hashlib.sha256(f"{r.source.sha256}/{i}".encode()).hexdigest()
                copy = dataclasses.replace(
                    copy,
                    source=dataclasses.replace(copy.source, sha256=sha, name=f"c{i:03d}_{r.source.name}"),
                    fiscal_year=(r.fiscal_year - i % 8) if r.fiscal_year else None,
                )
                mapped = map_report(copy, resolver=resolver)
                store.replace_graph(mapped.iri, mapped.quads)
                n_reports += 1
        triples = len(store)
    build_s = time.perf_counter() - t
    store = Store(data, read_only=True)
    rows, query_s = timed_query(store, "funding-by-platform")
    return {
        "scale": scale,
        "reports": n_reports,
        "triples": triples,
        "map+store s": build_s,
        "triples/s": triples / build_s,
        "store MB": du(store.path) / 1e6,
        "funding query s": query_s,
        "funding rows": len(rows),
    }


def main_models(scales: list[int], work: Path) -> None:
    from kg.gazetteer import project_resolver
    from nlp import read_report

    originals = [
        read_report(ROOT / "corpus" / row["file"], entities=True, gazetteer=project_resolver())
        for row in synthetic.manifest()
    ]
    results = []
    for scale in scales:
        r = one_models(scale, work, originals)
        results.append(r)
        print("  ".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in r.items()), flush=True)
    base = results[0]
    print("\ngrowth against the first scale (linear = the scale ratio):")
    for r in results:
        print(
            f"  {r['scale']:>4}×: triples ×{r['triples'] / base['triples']:.2f}  map+store time ×{r['map+store s'] / base['map+store s']:.2f}  "
            f"store size ×{r['store MB'] / base['store MB']:.2f}  funding query ×{r['funding query s'] / base['funding query s']:.2f}  "
            f"triples/s ×{r['triples/s'] / base['triples/s']:.2f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0 = one per core)")
    ap.add_argument("--validate-all", action="store_true", help="validate every report, not one copy of each")
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    ap.add_argument(
        "--models", action="store_true", help="copies of the report models: the graph side without the reader"
    )
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    if args.models:
        with tempfile.TemporaryDirectory(prefix="budgetkg-bench-") as tmp:
            main_models(scales, args.work or Path(tmp))
        return
    with tempfile.TemporaryDirectory(prefix="budgetkg-bench-") as tmp:
        work = args.work or Path(tmp)
        print(f"cores: {os.cpu_count()}  scales: {scales}", flush=True)
        results = []
        for scale in scales:
            r = one(scale, work, args.validate_all, args.jobs)
            results.append(r)
            print("  ".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in r.items()), flush=True)
        base = results[0]
        print("\ngrowth against the first scale (linear = the scale ratio):")
        for r in results:
            ratio = r["scale"] / base["scale"]
            print(
                f"  {r['scale']:>4}×: scale ×{ratio:g}  triples ×{r['triples'] / base['triples']:.2f}  "
                f"build time ×{r['build s'] / base['build s']:.2f}  store size ×{r['store MB'] / base['store MB']:.2f}  "
                f"validation ×{r['validation s (1 core)'] / base['validation s (1 core)']:.2f}  "
                f"funding query ×{r['funding query s'] / base['funding query s']:.2f}  "
                f"triples/s ×{r['triples/s'] / base['triples/s']:.2f}"
            )


if __name__ == "__main__":
    main()
