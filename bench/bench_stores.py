"""Benchmark of the figures docs/scaling.md sizes the design from: per-core throughput of each build step,
triples per report, store load rate and size on disk (pyoxigraph and Virtuoso), and the named queries'
p50/p99 on both stores at 100× the corpus.

    .venv/bin/python bench/bench_stores.py --part core            # reading, mapping, validation per core
    .venv/bin/python bench/bench_stores.py --part load --scales 1,10
    .venv/bin/python bench/bench_stores.py --part queries --scale 100 [--runs 20]
    .venv/bin/python bench/bench_stores.py --part queries --scale 100 --work DIR --reuse --virtuoso-url URL
    .venv/bin/python bench/bench_stores.py --part queries --scale 100 --no-virtuoso   # pyoxigraph alone

``core``: every bundled corpus report is read (entities on), mapped, validated (pySHACL) and summarised
(kg.summaries) in this one process, each step timed on its own after a warm-up read of the same report
(models and shapes loaded once, as in a long-running build worker); printed per report and in all, as
reports, characters and triples per second of one core.

``load`` and ``queries`` use the corpus graph copied N times as if N cities had published the same reports:
copy i renames 广州市 → bench/synthetic.city(i) in every report and summary graph, so agencies, reports and
line items are new and the code lists, ontology and gazetteer stay shared.  pyoxigraph loads the N-Quads
with ``bulk_load``; Virtuoso (a private server, tests/virtuoso_server.py) receives one Graph Store PUT per
graph — the path ``budgetkg build --remote`` takes (the bulk loader is bench_build's).  Queries: each
named query with its default parameters, in this process on the pyoxigraph store and over HTTP
(kg.remote.RemoteStore, results parsed) on Virtuoso, as many runs as fit in a few seconds (at least
``--runs``; a query still running after 90 s stops at 3 runs); the ratio Virtuoso / pyoxigraph is of the
same run.  Figures are printed, never asserted.
``--reuse`` opens the pyoxigraph store an earlier run left in ``--work`` and ``--virtuoso-url`` queries a
server an earlier run loaded: loading 100× takes 15-25 minutes, and the figures are those of the same stores.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))  # the private Virtuoso server of the tests

SHARED_GRAPHS = ("<https://w3id.org/budgetkg/id/graph/ontology> .", "<https://w3id.org/budgetkg/id/graph/provenance> .")


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, round(p / 100 * (len(v) - 1)))]


# --- per-core throughput --------------------------------------------------------------------------
def part_core() -> None:
    from kg.build import read, validate_quads
    from kg.mapping import map_report
    from kg.resolve import default_resolver
    from kg.summaries import summarise
    from nlp.resources import folder

    paths = sorted(folder("corpus").glob("*.txt"))
    resolver = default_resolver()
    from kg.validate import reference_evaluation

    totals = dict(read=0.0, map=0.0, validate=0.0, summary=0.0, reference=0.0, chars=0, triples=0, summary_triples=0)
    print(
        f"{'report':28s} {'chars':>8s} {'triples':>8s} {'read s':>7s} {'map s':>6s} {'SHACL s':>7s} {'summ s':>6s}"
        f" {'SHACL pySHACL-own s':>19s}"
    )
    for path in paths:
        read(path, True)  # warm-up: pipeline, gazetteer, caches
        t = time.perf_counter()
        report = read(path, True)
        t_read = time.perf_counter() - t
        if isinstance(report, BaseException):
            print(f"{path.name:28s} not read: {report}")
            continue
        t = time.perf_counter()
        mapped = map_report(report, resolver=resolver)
        t_map = time.perf_counter() - t
        validate_quads(mapped.quads)  # warm-up: shapes parsed once per worker
        t = time.perf_counter()
        validate_quads(mapped.quads)
        t_val = time.perf_counter() - t
        t = time.perf_counter()
        with reference_evaluation():  # validation as it ran before kg.validate's speed-ups (bench_shacl_speed.py)
            validate_quads(mapped.quads)
        t_ref = time.perf_counter() - t
        t = time.perf_counter()
        summary = summarise(mapped.iri, mapped.quads)
        t_sum = time.perf_counter() - t
        chars = len(path.read_text(encoding="utf-8"))
        print(
            f"{path.name:28s} {chars:8d} {len(mapped.quads):8d} {t_read:7.2f} {t_map:6.2f} {t_val:7.2f} {t_sum:6.2f} {t_ref:19.2f}"
        )
        for k, v in dict(read=t_read, map=t_map, validate=t_val, summary=t_sum, reference=t_ref).items():
            totals[k] += v
        totals["chars"] += chars
        totals["triples"] += len(mapped.quads)
        totals["summary_triples"] += len(summary)
    n = len(paths)
    step = totals["read"] + totals["map"] + totals["validate"] + totals["summary"]
    print(
        f"\n{n} reports, {totals['chars']} characters, {totals['triples']} triples "
        f"({totals['triples'] / n:.0f} per report) + {totals['summary_triples']} summary triples"
    )
    for k in ("read", "map", "validate", "summary"):
        s = totals[k]
        print(
            f"  {k:9s} {s:7.2f} s  {n / s:6.2f} reports/s/core  {totals['chars'] / s / 1000:8.1f} k chars/s  "
            f"{totals['triples'] / s:9.0f} triples/s   {s / step:5.1%} of the per-report work"
        )
    print(f"  all steps {step:7.2f} s  {n / step:6.2f} reports/s/core  ({step / n:.2f} s per report per core)")
    before = step - totals["validate"] + totals["reference"]
    print(
        f"  with pySHACL's own evaluation (as before): validate {totals['reference']:.2f} s "
        f"({totals['reference'] / before:.1%} of {before:.2f} s); validate now / before "
        f"{totals['validate'] / totals['reference']:.2f}, all steps now / before {step / before:.2f}"
    )


# --- corpus graph and its copies -----------------------------------------------------------------
def corpus_nquads(work: Path) -> bytes:
    from kg.build import build
    from kg.store import Store
    from nlp.resources import folder

    data = work / "corpus-data"
    result = build(sorted(folder("corpus").glob("*.txt")), data, validate=False)
    if result.failed:
        raise SystemExit(f"the corpus did not build: {[f.error for f in result.failed]}")
    return Store(data, read_only=True).raw.dump(format=ox.RdfFormat.N_QUADS)


def write_copies(nquads: bytes, copies: int, out: Path) -> int:
    """The corpus N-Quads and copies 1..N-1 of its own graphs (广州市 → synthetic.city(i)); quads written."""
    from synthetic import city

    lines = nquads.decode("utf-8").splitlines(keepends=True)
    own = "".join(line for line in lines if not line.rstrip().endswith(SHARED_GRAPHS))
    with out.open("w", encoding="utf-8") as f:
        f.write("".join(lines))
        for i in range(1, copies):
            f.write(own.replace("广州市", city(i)))
    return len(lines) + (copies - 1) * own.count("\n")


def load_pyoxigraph(nq: Path, folder: Path) -> tuple[ox.Store, float]:
    t = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    return store, time.perf_counter() - t


def load_virtuoso(store: ox.Store, remote) -> float:
    """One Graph Store PUT per named graph, as ``build --remote`` publishes."""
    from kg.remote import push

    class Local:  # what push reads: named_graphs() and raw.quads_for_pattern
        raw = store

        @staticmethod
        def named_graphs() -> list[str]:
            return sorted(g.value for g in store.named_graphs())

    t = time.perf_counter()
    push(Local, remote)
    return time.perf_counter() - t


def virtuoso_size(server) -> int:
    import subprocess

    subprocess.run(
        ["isql-vt", str(server.isql_port), "dba", "dba", "exec=checkpoint;"], capture_output=True, timeout=600
    )
    return sum(
        (server.folder / name).stat().st_size
        for name in ("virtuoso.db", "virtuoso.trx")
        if (server.folder / name).exists()
    )


def start_virtuoso(folder: Path, memory_mb: int):
    from virtuoso_server import Virtuoso, available

    reason = available()
    if reason:
        raise SystemExit(reason)
    return Virtuoso.start(folder, memory_mb=memory_mb, max_seconds=600, max_cost=100_000, threads=2)


def part_load(scales: list[int], work: Path, memory_mb: int) -> None:
    from kg.remote import RemoteStore

    base = corpus_nquads(work)
    print(
        f"{'scale':>5s} {'quads':>10s} | {'pyoxigraph s':>12s} {'quads/s':>9s} {'MB':>7s} {'B/quad':>6s} | "
        f"{'Virtuoso GSP s':>14s} {'quads/s':>9s} {'MB':>7s} {'B/quad':>6s} | {'GSP/bulk time':>13s}"
    )
    for n in scales:
        nq = work / f"x{n}.nq"
        quads = write_copies(base, n, nq)
        ox_dir = work / f"ox{n}"
        store, t_ox = load_pyoxigraph(nq, ox_dir)
        ox_size = du(ox_dir)
        with start_virtuoso(work / f"virt{n}", memory_mb) as server:
            remote = RemoteStore(server.url, timeout=600)
            t_v = load_virtuoso(store, remote)
            v_size = virtuoso_size(server)
            remote.close()
        print(
            f"{n:5d} {quads:10d} | {t_ox:12.1f} {quads / t_ox:9.0f} {ox_size / 1e6:7.0f} {ox_size / quads:6.0f} | "
            f"{t_v:14.1f} {quads / t_v:9.0f} {v_size / 1e6:7.0f} {v_size / quads:6.0f} | {t_v / t_ox:13.2f}"
        )
        del store
        shutil.rmtree(ox_dir, ignore_errors=True)
        shutil.rmtree(work / f"virt{n}", ignore_errors=True)
        nq.unlink()


# --- named queries on both stores ----------------------------------------------------------------
#: A query still running ``--runs`` times after this many seconds stops at 3 runs or more (the table prints n).
SLOW_QUERY_SECONDS = 90.0


def timed(fn, budget: float, min_runs: int, cpu=time.process_time) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run of ``fn`` (``cpu``: cumulative CPU seconds of whoever does the work);
    at least ``min_runs`` runs, or 3 of a query slower than ``SLOW_QUERY_SECONDS`` in all.

    On a machine shared with other work the wall time of a run grows with the load; the CPU time is what the
    run would take on an idle core (a single-threaded pyoxigraph query; Virtuoso's server threads summed)."""
    walls: list[float] = []
    cpus: list[float] = []
    start = time.perf_counter()
    while len(walls) < min_runs or (time.perf_counter() - start < budget and len(walls) < 200):
        if len(walls) >= 3 and time.perf_counter() - start > SLOW_QUERY_SECONDS:
            break
        t, c = time.perf_counter(), cpu()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(cpu() - c)
    return walls, cpus


def process_cpu(pid: int):
    """Cumulative CPU seconds (user + system, all threads) of process ``pid``, read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime (fields 14 and 15 of stat)

    return read


def bulk_load_virtuoso(server, nq: Path) -> float:
    """The N-Quads file into Virtuoso by its bulk loader (ld_dir + rdf_loader_run), as fast as it loads."""
    import subprocess

    target = server.load_dir / nq.name
    try:
        os.link(nq, target)  # the server may read only its load folder (DirsAllowed)
    except OSError:
        shutil.copyfile(nq, target)
    t = time.perf_counter()
    sql = f"ld_dir('{server.load_dir}', '{nq.name}', 'https://w3id.org/budgetkg/id/graph/unnamed'); rdf_loader_run(); checkpoint;"
    r = subprocess.run(
        ["isql-vt", str(server.isql_port), "dba", "dba", f"exec={sql}"], capture_output=True, text=True, timeout=7200
    )
    if r.returncode:
        raise SystemExit(f"bulk load failed: {r.stdout[-500:]} {r.stderr[-500:]}")
    target.unlink()
    return time.perf_counter() - t


def part_queries(
    scale: int,
    work: Path,
    memory_mb: int,
    min_runs: int,
    budget: float,
    only: list[str],
    reuse: bool = False,
    virtuoso_url: str | None = None,
    virtuoso_pid: int | None = None,
    virtuoso: bool = True,
) -> None:
    from kg.queries import bind, load_named_queries
    from kg.remote import RemoteError, RemoteStore

    queries = load_named_queries()
    names = only or sorted(queries)
    nq = work / f"x{scale}.nq"
    folder = work / f"ox{scale}"
    if reuse and folder.is_dir():  # the stores of an earlier run with the same code (loading 100× takes 15-25 min)
        store = ox.Store.read_only(str(folder))
        print(f"{scale}× the corpus: the pyoxigraph store of an earlier run ({folder})", flush=True)
    else:
        quads = write_copies(corpus_nquads(work), scale, nq)
        store, t_ox = load_pyoxigraph(nq, folder)
        print(f"{scale}× the corpus: {quads} quads; pyoxigraph bulk_load {t_ox:.0f} s", flush=True)
    with contextlib.ExitStack() as stack:
        remote, server_cpu = None, None
        if virtuoso:
            if virtuoso_url:
                url = virtuoso_url
                print(f"Virtuoso: the server at {url}, loaded by an earlier run", flush=True)
            else:
                server = stack.enter_context(start_virtuoso(work / f"virt{scale}", memory_mb))
                t_v = bulk_load_virtuoso(server, nq)
                url = server.url
                virtuoso_pid = server.process.pid
                print(
                    f"Virtuoso bulk load {t_v:.0f} s (private server, {memory_mb} MB of buffers, 2 threads per query)",
                    flush=True,
                )
            remote = RemoteStore(url, timeout=120)
            stack.callback(remote.close)
            server_cpu = process_cpu(virtuoso_pid) if virtuoso_pid else None
        header = f"\n{'named query':38s} {'rows':>5s} | {'pyoxigraph p50':>14s} {'p99':>6s} {'CPU p50':>7s} {'p99':>6s} {'n':>3s}"
        if remote:
            header += f" | {'Virtuoso p50':>12s} {'p99':>6s} {'CPU p50':>7s} {'p99':>6s} {'n':>3s} | {'p50 V/ox':>8s} {'p99 V/ox':>8s}"
        print(header)
        # the stores and measures a run reports on (Virtuoso's CPU only when its process is known)
        kinds = ["pyoxigraph"] + (["Virtuoso"] if remote else []) + ["pyoxigraph CPU"]
        kinds += ["Virtuoso CPU"] if server_cpu else []
        slow: dict[str, list[str]] = {kind: [] for kind in kinds}
        for name in names:
            text = bind(queries[name], {})
            rows = len(list(store.query(text, use_default_graph_as_union=True)))
            local, local_cpu = timed(
                lambda: list(store.query(text, use_default_graph_as_union=True)),  # noqa: B023
                budget,
                min_runs,
            )
            measured = [("pyoxigraph", local), ("pyoxigraph CPU", local_cpu)]
            mine = f"{pct(local, 50):14.3f} {pct(local, 99):6.3f} {pct(local_cpu, 50):7.3f} {pct(local_cpu, 99):6.3f} {len(local):3d}"
            if remote is None:
                print(f"{name:38s} {rows:5d} | {mine}", flush=True)
            else:
                try:
                    remote_rows = len(list(remote.query(text)))
                    there, there_cpu = timed(
                        lambda: list(remote.query(text)),  # noqa: B023
                        budget,
                        min_runs,
                        cpu=server_cpu or (lambda: 0.0),
                    )
                except RemoteError as exc:
                    print(f"{name:38s} {rows:5d} | {mine} | {exc}", flush=True)
                    slow["Virtuoso"].append(name)
                    if server_cpu:
                        slow["Virtuoso CPU"].append(name)  # not answered: not under any limit
                else:
                    flag = "" if remote_rows == rows else f"  (Virtuoso {remote_rows} rows)"
                    theirs_cpu = (
                        f"{pct(there_cpu, 50):7.3f} {pct(there_cpu, 99):6.3f}" if server_cpu else f"{'-':>7s} {'-':>6s}"
                    )
                    print(
                        f"{name:38s} {rows:5d} | {mine} | {pct(there, 50):12.3f} {pct(there, 99):6.3f} {theirs_cpu} {len(there):3d} | "
                        f"{pct(there, 50) / pct(local, 50):8.2f} {pct(there, 99) / pct(local, 99):8.2f}{flag}",
                        flush=True,
                    )
                    measured += [("Virtuoso", there)] + ([("Virtuoso CPU", there_cpu)] if server_cpu else [])
            for kind, times in measured:
                if pct(times, 99) >= 1.0:
                    slow[kind].append(name)
        for kind, over in slow.items():
            print(
                f"{kind}: {len(names) - len(over)} of {len(names)} named queries under 1 s p99"
                + (f"; over: {', '.join(over)}" if over else "")
            )
    if not reuse:
        nq.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["core", "load", "queries"], required=True)
    ap.add_argument("--scales", default="1,10", help="load: copies of the corpus")
    ap.add_argument("--scale", type=int, default=100, help="queries: copies of the corpus")
    ap.add_argument("--runs", type=int, default=20, help="queries: at least this many runs of each")
    ap.add_argument(
        "--budget", type=float, default=5.0, help="queries: seconds of runs per query and store, past --runs"
    )
    ap.add_argument("--query", action="append", default=[], help="queries: only these named queries")
    ap.add_argument("--virtuoso-mb", type=int, default=2048, help="Virtuoso's page buffers")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one, removed)")
    ap.add_argument(
        "--reuse", action="store_true", help="queries: reuse the pyoxigraph store --work holds from an earlier run"
    )
    ap.add_argument("--virtuoso-url", default=None, help="queries: a Virtuoso an earlier run loaded (not started here)")
    ap.add_argument("--virtuoso-pid", type=int, default=None, help="queries: that server's process (for its CPU time)")
    ap.add_argument("--no-virtuoso", action="store_true", help="queries: the pyoxigraph store alone")
    args = ap.parse_args()
    if args.part == "core":
        part_core()
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-stores-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.part == "load":
            part_load([int(s) for s in args.scales.split(",")], work, args.virtuoso_mb)
        else:
            part_queries(
                args.scale,
                work,
                args.virtuoso_mb,
                args.runs,
                args.budget,
                args.query,
                args.reuse,
                args.virtuoso_url,
                args.virtuoso_pid,
                not args.no_virtuoso,
            )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
