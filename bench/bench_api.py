"""Benchmark of the web service: requests/s and p50/p99 latency of /sparql and the named queries at
1× and 100× the corpus, and the ratio to the same queries run on the store in-process.

    .venv/bin/python bench/bench_api.py [--scales 1,100] [--clients 8] [--seconds 3] [--store DIR]

1× is the graph of the bundled corpus (``budgetkg build`` into a temporary store, or ``--store``);
when the corpus cannot be built yet, the hand-made ``tests/fixtures/mini.trig`` stands in (said in
the output).  100× is that graph copied 100 times with its minted IRIs moved under ``id/copyN/``
(code lists and concept schemes stay shared), as if 100 districts had published the same reports.
The server is ``budgetkg serve`` (uvicorn, query worker processes) on loopback; the in-process
baseline is ``pyoxigraph.Store.query`` + serialisation to SPARQL JSON, the work a worker does.
Figures are printed, never asserted; only ratios within one run mean anything on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import bind, load_dir  # noqa: E402

BUDGETKG = Path(sys.executable).parent / "budgetkg"
ID = "https://w3id.org/budgetkg/id/"
SHARED = re.compile(r"<https://w3id\.org/budgetkg/id/(?!classification/|concept/|scheme/|dsd/|dataset)")

SPARQL = {
    "funding-projects": """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?project ?label ?amount WHERE { ?project bkg:funds ?x ; rdfs:label ?label . OPTIONAL { ?project bkg:amount ?amount } }""",
    "reports": """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
SELECT DISTINCT ?r ?year ?phase WHERE { ?r a bkg:Report ; bkg:fiscalYear ?year ; bkg:budgetPhase ?phase }""",
    "rollup-201": """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?code (SUM(?amount) AS ?total) WHERE { ?item a bkg:LineItem ; bkg:amount ?amount ; bkg:classification ?c .
  ?c skos:notation ?code ; skos:broader* <https://w3id.org/budgetkg/id/classification/functional/201> } GROUP BY ?code""",
}

#: Sample values for parameters that named queries declare without a default (by name); a query
#: with such a parameter not listed here is skipped.
SAMPLES = {
    "platform": "民生卡",
    "reform": "“放管服”改革",
    "entity": "民生卡",
    "name": "民生卡",
    "agency": ID + "agency/广州市番禺区人民政府政务管理办公室",
    "agency_name": "广州市番禺区人民政府政务管理办公室",
    "year": "2018",
    "fiscal_year": "2018",
    "code": "201",
    "classification": ID + "classification/functional/201",
    "district": "番禺区",
    "phase": "预算",
}


def corpus_graph(store_arg: str | None) -> tuple[bytes, str]:
    """N-Quads of the 1× graph and a note on where it came from."""
    if store_arg:
        from kg.store import Store

        return Store(Path(store_arg), read_only=True).raw.dump(format=ox.RdfFormat.N_QUADS), f"store {store_arg}"
    tmp = Path(tempfile.mkdtemp(prefix="bench-api-build-")) / "data"
    r = subprocess.run(
        [str(BUDGETKG), "build", "--store", str(tmp), "--no-validate", "--quiet"], capture_output=True, text=True
    )
    if tmp.exists():
        from kg.store import Store

        try:
            store = Store(tmp, read_only=True)
            n_reports = len(
                list(
                    store.query(
                        "SELECT DISTINCT ?r WHERE { ?r a <https://w3id.org/budgetkg/ontology#Report> }",
                        use_default_graph_as_union=True,
                    )
                )
            )
            if n_reports:
                return store.raw.dump(
                    format=ox.RdfFormat.N_QUADS
                ), f"bundled corpus ({n_reports} reports, build exit {r.returncode})"
        except OSError:
            pass
    fixture = ROOT / "tests" / "fixtures" / "mini.trig"
    ds = ox.Store()
    ds.load(fixture.read_bytes(), format=ox.RdfFormat.TRIG)
    return ds.dump(format=ox.RdfFormat.N_QUADS), "tests/fixtures/mini.trig (the corpus could not be built: " + (
        r.stderr.strip().splitlines() or ["?"]
    )[-1][:120] + ")"


def scaled(nquads: bytes, copies: int) -> bytes:
    if copies == 1:
        return nquads
    text = nquads.decode("utf-8")
    parts = [text] + [SHARED.sub(f"<{ID}copy{i}/", text) for i in range(1, copies)]
    return "".join(parts).encode("utf-8")


def make_store(nquads: bytes, folder: Path) -> ox.Store:
    store = ox.Store(str(folder))
    store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path, queries_dir: Path, workers: int, timeout: float) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = dict(
        os.environ,
        BUDGETKG_QUERIES_DIR=str(queries_dir),
        BUDGETKG_QUERY_WORKERS=str(workers),
        BUDGETKG_QUERY_TIMEOUT=str(timeout),
        BUDGETKG_QUEUE_TIMEOUT="300",
        BUDGETKG_MAX_RESULT_BYTES=str(500_000_000),
    )
    proc = subprocess.Popen(
        [str(BUDGETKG), "serve", "--store", str(folder), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, round(p / 100 * (len(v) - 1)))]


def timed(fn, budget: float, min_runs: int = 5, max_runs: int = 200) -> list[float]:
    out = []
    start = time.perf_counter()
    while len(out) < max_runs and (len(out) < min_runs or time.perf_counter() - start < budget):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def get_ok(client: httpx.Client, path: str) -> None:
    client.get(path).raise_for_status()


def in_process(store: ox.Store, query: str) -> None:
    store.query(query, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)


def concurrent_http(url: str, path: str, clients: int, seconds: float) -> tuple[float, list[float], int]:
    """``clients`` threads, each with its own keep-alive connection (made before the clock starts);
    returns req/s, latencies of the answered requests, and how many were not answered (e.g. 503)."""
    import threading

    latencies: list[float] = []
    failures = [0]
    sessions = [httpx.Client(base_url=url, timeout=120) for _ in range(clients)]
    for c in sessions:  # open the connections
        c.get("/sparql", params={"query": "ASK {}"}).raise_for_status()  # a cheap request opens it
    start_gate = threading.Barrier(clients + 1)
    deadline = [0.0]

    def loop(c: httpx.Client) -> None:
        start_gate.wait()
        while True:  # at least one request per client, however loaded the machine
            t = time.perf_counter()
            r = c.get(path, headers={"Accept": "application/sparql-results+json"})
            if r.status_code == 200:
                latencies.append(time.perf_counter() - t)
            else:
                failures[0] += 1
            if time.perf_counter() >= deadline[0]:
                break

    with ThreadPoolExecutor(clients) as pool:
        futures = [pool.submit(loop, c) for c in sessions]
        start = time.perf_counter()
        deadline[0] = start + seconds
        start_gate.wait()
        for f in futures:
            f.result()
        elapsed = time.perf_counter() - start
    for c in sessions:
        c.close()
    return len(latencies) / elapsed, latencies, failures[0]


def workload(queries_dir: Path) -> list[tuple[str, str, str]]:
    """(name, HTTP path, query text) for /sparql and every named query we can give parameters."""
    items = [(f"/sparql {name}", "/sparql?query=" + quote(q), q) for name, q in SPARQL.items()]
    for nq in load_dir(queries_dir).values():
        values = {p.name: p.default if p.default is not None else SAMPLES.get(p.name) for p in nq.params}
        if any(v is None for v in values.values()):
            print(
                f"  (skipping named query {nq.name}: no sample value for {[k for k, v in values.items() if v is None]})"
            )
            continue
        qs = "&".join(f"{k}={quote(v)}" for k, v in values.items())
        items.append(
            (f"named {nq.name}", f"/api/queries/{nq.name}?format=json" + ("&" + qs if qs else ""), bind(nq, values))
        )
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,100")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=3.0, help="per query and measurement")
    ap.add_argument("--workers", type=int, default=3, help="query worker processes of the server")
    ap.add_argument("--store", help="a built store for 1× (default: build the bundled corpus)")
    ap.add_argument("--queries", default=str(ROOT / "queries"))
    ap.add_argument(
        "--max-query-seconds",
        type=float,
        default=5.0,
        help="skip a request at a scale where it takes longer (probed over HTTP, where it can be killed)",
    )
    ap.add_argument(
        "--scale-store",
        action="append",
        default=[],
        metavar="N=DIR",
        help="reuse a store made by an earlier run for scale N (they are kept; a 100× load is slow)",
    )
    args = ap.parse_args()
    queries_dir = Path(args.queries)
    if not any(queries_dir.glob("*.rq")):
        queries_dir = ROOT / "tests" / "fixtures" / "queries"
    base, origin = corpus_graph(args.store)
    print(
        f"1× graph: {origin}; named queries from {queries_dir.relative_to(ROOT)}; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    items = workload(queries_dir)
    summary = []
    prebuilt = {int(k): Path(v) for k, v in (item.split("=", 1) for item in args.scale_store)}
    for copies in (int(s) for s in args.scales.split(",")):
        t = time.perf_counter()
        if copies in prebuilt:
            folder = prebuilt[copies]
            store = ox.Store.read_only(str(folder))
            how = f"reused {folder}"
        else:
            folder = Path(tempfile.mkdtemp(prefix=f"bench-api-{copies}x-")) / "store"
            store = make_store(scaled(base, copies), folder)
            how = f"loaded in {time.perf_counter() - t:.1f} s into {folder}"
        print(f"\n== {copies}× : {len(store):,} quads ({how}) ==")
        url, proc = serve(folder, queries_dir, args.workers, timeout=3 * args.max_query_seconds)
        try:
            print(
                f"{'request':34s} {'in-proc p50':>11s} {'HTTP p50':>9s} {'p99':>8s} {'ratio':>6s} | "
                f"{'in-proc r/s':>11s} {'HTTP r/s':>9s} {'p50':>8s} {'p99':>8s} {'ratio':>6s}  ({args.clients} clients)"
            )
            with httpx.Client(base_url=url, timeout=120) as client:
                for name, path, query in items:
                    # probe over HTTP: a runaway query is killed by the server, not stuck in this process
                    t = time.perf_counter()
                    probe = client.get(path)
                    first = time.perf_counter() - t
                    if probe.status_code != 200 or first > args.max_query_seconds:
                        print(
                            f"{name[:34]:34s} skipped: HTTP {probe.status_code} after {first:.1f} s "
                            f"(limit {args.max_query_seconds:g} s)"
                        )
                        continue
                    local = timed(partial(in_process, store, query), args.seconds)
                    remote = timed(partial(get_ok, client, path), args.seconds)
                    rps, lat, failed = concurrent_http(url, path, args.clients, args.seconds)
                    if not lat:
                        print(f"{name[:34]:34s} skipped: every concurrent request failed ({failed})")
                        continue
                    local_rps = 1 / statistics.mean(local)
                    row = (
                        name,
                        pct(local, 50),
                        pct(remote, 50),
                        pct(remote, 99),
                        rps,
                        local_rps,
                        pct(lat, 50),
                        pct(lat, 99),
                    )
                    summary.append((copies, *row))
                    print(
                        f"{name[:34]:34s} {row[1] * 1e3:9.2f}ms {row[2] * 1e3:7.2f}ms {row[3] * 1e3:6.1f}ms "
                        f"{row[2] / row[1]:5.1f}× | {local_rps:11.0f} {rps:9.0f} {row[6] * 1e3:6.1f}ms {row[7] * 1e3:6.1f}ms "
                        f"{rps / local_rps:5.2f}×" + (f"  ({failed} not answered: 503)" if failed else "")
                    )
        finally:
            proc.terminate()
            proc.wait(30)
            del store
    by_scale: dict[int, list] = {}
    for row in summary:
        by_scale.setdefault(row[0], []).append(row)
    print("\nsummary (medians over requests): HTTP p50 / in-process p50, HTTP req/s / in-process req/s")
    for copies, rows in by_scale.items():
        lat_ratio = statistics.median(r[3] / r[2] for r in rows)
        rps_ratio = statistics.median(r[5] / r[6] for r in rows)
        print(
            f"  {copies:4d}×  latency ratio {lat_ratio:6.1f}×   throughput ratio {rps_ratio:5.2f}×   "
            f"HTTP p50 median {statistics.median(r[3] for r in rows) * 1e3:.1f} ms, "
            f"p99 max {max(r[4] for r in rows) * 1e3:.1f} ms, req/s median {statistics.median(r[5] for r in rows):.0f}"
        )


if __name__ == "__main__":
    main()
