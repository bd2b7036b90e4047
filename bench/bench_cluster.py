"""Benchmark of ``budgetkg build`` on a Dask cluster against the local process pool, and of Virtuoso's bulk
loader against the Graph Store Protocol — every figure a ratio against a baseline measured in the same run.

Build (``--scales 1,10`` by default; 100 takes about an hour on two cores): the synthetic copies of
bench/bench_build.py (bench/synthetic.py) built from scratch, with validation, by

- ``local``: the process pool on this machine (``--jobs``, default 2 — the cores);
- ``dask-1`` / ``dask-2``: a Dask cluster on loopback (tests/dask_cluster.py: a real ``dask scheduler`` and
  1 or 2 ``dask worker`` processes of one thread each, with nannies), already warm: a long-lived cluster has
  its reader loaded, so one file is built before the clock starts.

The three modes run back to back at each scale.  ``commit``: the single writer's ceiling — the report graphs'
N-Quads loaded into a new store one report at a time, as the build's main loop does.

Printed per scale: wall time of each mode and its ratio to ``local`` at the same scale, and each mode's growth
from 1× (≈ the scale factor = linear).  On one machine the cluster cannot beat the pool by much: what it shows
is its overhead (shipping each file, streaming back N-Quads) and that two workers use two cores.

Load (``--virtuoso``, needs Debian's virtuoso-opensource): the graphs of the largest scale's store published to
a private Virtuoso (tests/virtuoso_server.py) by one Graph Store Protocol PUT per graph and by the bulk loader,
in batches of 1, 2, 5, … graphs: triples per second of each and the bulk/GSP ratio — where the ratio passes 1
is the batch size kg.bulkload.BULK_MIN_TRIPLES should hold.

    .venv/bin/python bench/bench_cluster.py --scales 1,10 --virtuoso
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import pyoxigraph as ox  # noqa: E402
import synthetic  # noqa: E402

from kg.build import build  # noqa: E402
from kg.store import Store  # noqa: E402


def timed_build(files: list[Path], data: Path, **kw) -> tuple[float, object]:
    shutil.rmtree(data, ignore_errors=True)
    t = time.perf_counter()
    result = build(files, data, validate=True, fresh=True, **kw)
    return time.perf_counter() - t, result


MODES = ("local", "dask-1", "dask-2")


def bench_builds(
    scales: list[int],
    work: Path,
    jobs: int,
    last_modes: tuple[str, ...] = MODES,
    after_scale: Callable[[int, Path], None] | None = None,
) -> tuple[list[dict], Path]:
    """Both clusters started first (idle workers cost memory, not time); then, scale by scale, the three modes back
    to back — on a shared machine the load drifts, and modes measured minutes apart would measure the drift.
    ``last_modes``: the modes run at the largest scale (all three take hours at 100× on two shared cores).
    Each build's store is removed after it (a 100× store is several GB), except the local one of each scale until
    ``after_scale(scale, its folder)`` has run (the Virtuoso load bench reads it) — the last scale's is kept."""
    from dask_cluster import DaskCluster

    rows: list[dict] = []
    files_at = {s: synthetic.write_copies(work / f"x{s}", s) for s in scales}
    with DaskCluster.start(work / "dask1", workers=1) as one, DaskCluster.start(work / "dask2", workers=2) as two:
        for n, cluster in ((1, one), (2, two)):
            cluster.wait_for_workers(n)
            timed_build(files_at[scales[0]][:n], work / "warm", scheduler=cluster.address)  # readers loaded
        kwargs = {"local": {"jobs": jobs}, "dask-1": {"scheduler": one.address}, "dask-2": {"scheduler": two.address}}
        for s in scales:
            for mode in last_modes if s == scales[-1] else MODES:
                load_before = os.getloadavg()[0]
                t, result = timed_build(files_at[s], work / f"data-{mode}", **kwargs[mode])
                load_after = os.getloadavg()[0]
                rows.append(
                    {
                        "mode": mode,
                        "scale": s,
                        "files": len(files_at[s]),
                        "failed": len(result.failed),
                        "triples": result.store_triples,
                        "s": t,
                        "load": (load_before, load_after),
                    }
                )
                print(
                    f"{mode} {s}x: {t:.1f} s, {result.store_triples} triples, {len(result.failed)} failed, "
                    f"1-min load average {load_before:.1f} before, {load_after:.1f} after",
                    flush=True,
                )
                # a failed copy of a corpus file is a fault of the build, not of the file: say which and why
                for outcome in result.failed:
                    print(f"  failed: {outcome.error}", flush=True)
                if mode != "local":
                    shutil.rmtree(work / f"data-{mode}", ignore_errors=True)
                elif s != scales[-1]:
                    (work / "data-local").rename(work / f"data-local-{s}")
            if after_scale and (work / f"data-local-{s}").is_dir():
                after_scale(s, work / f"data-local-{s}")
            shutil.rmtree(work / f"data-local-{s}", ignore_errors=True)
        if after_scale and s == scales[-1]:
            after_scale(s, work / "data-local")
    return rows, work / "data-local"


def print_builds(rows: list[dict], scales: list[int]) -> None:
    at = {(r["mode"], r["scale"]): r for r in rows}
    print(
        "\n| mode | scale | files | failed | triples | wall s | / local same scale | growth from 1x | load before/after |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        base = at.get(("local", r["scale"]))
        first = at.get((r["mode"], scales[0]))
        ratio = f"{r['s'] / base['s']:.2f}" if base else "-"
        growth = f"{r['s'] / first['s']:.1f}" if first else "-"
        print(
            f"| {r['mode']} | {r['scale']}x | {r['files']} | {r['failed']} | {r['triples']} | {r['s']:.1f} | "
            f"{ratio} | {growth} | {r['load'][0]:.1f} / {r['load'][1]:.1f} |"
        )


def bench_commit(data: Path, work: Path) -> None:
    """The single writer's ceiling: the report graphs' N-Quads (as workers send them) loaded one report at a time
    into a new on-disk store, as the build's main loop commits them — triples/s and reports/s."""
    store = Store(data, read_only=True)
    graphs = [g for g in store.named_graphs() if "/report/" in g]
    bodies = [
        ox.serialize(list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))), format=ox.RdfFormat.N_QUADS)
        for g in graphs
    ]
    n = sum(len(b.splitlines()) for b in bodies)
    target = ox.Store(str(work / "commit"))
    t = time.perf_counter()
    for body in bodies:
        target.load(body, format=ox.RdfFormat.N_QUADS)
    target.flush()
    s = time.perf_counter() - t
    print(
        f"\ncommit (one writer): {len(bodies)} report graphs, {n} quads in {s:.2f} s: "
        f"{n / s:,.0f} quads/s, {len(bodies) / s:.1f} reports/s ({n / len(bodies):,.0f} quads per report graph)"
    )


def bench_load(data: Path, work: Path) -> None:
    from virtuoso_server import Virtuoso, available

    from kg.bulkload import BulkLoader
    from kg.remote import RemoteStore

    if reason := available():
        print(f"virtuoso: skipped ({reason})")
        return
    store = Store(data, read_only=True)
    graphs = [g for g in store.named_graphs() if "/report/" in g]

    def quads(g: str) -> list[ox.Quad]:
        return list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))

    sizes = {g: len(quads(g)) for g in graphs}
    with Virtuoso.start(work / "virtuoso", memory_mb=1024) as server:
        remote = RemoteStore(server.url)
        bulk = BulkLoader(f"127.0.0.1:{server.isql_port}", server.load_dir)
        print("\n| graphs | triples | GSP s | GSP triples/s | bulk s | bulk triples/s | bulk / GSP speed |")
        print("|---|---|---|---|---|---|---|")
        batch = 1
        while True:
            chosen = graphs[:batch]
            n = sum(sizes[g] for g in chosen)
            t = time.perf_counter()
            for g in chosen:
                remote.replace_graph(g, quads(g))
            gsp = time.perf_counter() - t
            t = time.perf_counter()
            bulk.replace_graphs({g: quads(g) for g in chosen})
            blk = time.perf_counter() - t
            print(
                f"| {batch} | {n} | {gsp:.2f} | {n / gsp:,.0f} | {blk:.2f} | {n / blk:,.0f} | {gsp / blk:.2f} |",
                flush=True,
            )
            if batch >= len(graphs):
                break
            batch = min(len(graphs), batch * 5 if batch > 1 else 5)
        remote.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--virtuoso", action="store_true", help="also time the bulk loader against the Graph Store Protocol"
    )
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument(
        "--last-scale-modes",
        default=",".join(MODES),
        help="the modes to run at the largest scale, in this order (default: all three)",
    )
    ap.add_argument("--no-commit", action="store_true", help="skip the single-writer commit bench")
    ap.add_argument(
        "--virtuoso-scale",
        type=int,
        default=None,
        help="--virtuoso: the scale whose local-pool store is published, right after that scale's builds "
        "(default: the largest)",
    )
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    last_modes = tuple(m for m in args.last_scale_modes.split(",") if m)
    if not set(last_modes) <= set(MODES):
        ap.error(f"--last-scale-modes: one of {', '.join(MODES)}")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    load_scale = args.virtuoso_scale or scales[-1]
    if args.virtuoso and load_scale not in scales:
        ap.error("--virtuoso-scale: one of --scales")

    def after_scale(scale: int, data: Path) -> None:
        if args.virtuoso and scale == load_scale:
            print(f"\nVirtuoso load: the {scale}x local-pool store, 1-minute load {os.getloadavg()[0]:.1f}", flush=True)
            bench_load(data, work)

    rows, _ = bench_builds(scales, work, args.jobs, last_modes, after_scale)
    print_builds(rows, scales)
    if not args.no_commit:
        bench_commit(work / "data-local", work)


if __name__ == "__main__":
    main()
