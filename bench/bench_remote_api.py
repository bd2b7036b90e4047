"""Benchmark of ``budgetkg serve --sparql-endpoint``: the same requests to the API over the embedded store and
over a private Virtuoso holding the same graphs — p50/p99 latency of each and the ratio remote / embedded.

    .venv/bin/python bench/bench_remote_api.py [--store DIR] [--runs 15]

The graph is the bundled corpus (``budgetkg build`` into a temporary store, or ``--store``), pushed to a private
Virtuoso (tests/virtuoso_server.py, Debian's query settings) graph by graph.  Two ``budgetkg serve`` processes on
loopback, one per store, each with 2 query workers; the requests (every named query with its defaults, a report's
page, the viewer's search and a neighbourhood, the N-Quads dump) go one at a time, alternating between the two
servers, so load on the shared machine falls on both alike.  Figures are printed, never asserted; only the
ratios of one run mean anything.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the private Virtuoso server of the tests

from bench_api import free_port  # noqa: E402

BUDGETKG = Path(sys.executable).parent / "budgetkg"


def serve(args: list[str]) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = dict(os.environ, BUDGETKG_QUERY_WORKERS="2", BUDGETKG_QUERY_TIMEOUT="60", BUDGETKG_QUEUE_TIMEOUT="300")
    proc = subprocess.Popen(
        [str(BUDGETKG), "serve", *args, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(900):
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"budgetkg serve {' '.join(args)} did not start")


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, round(p / 100 * (len(v) - 1)))]


def requests(embedded: str) -> list[tuple[str, str]]:
    """(name, path) of what is timed, found on the embedded server."""
    from kg.queries import load_named_queries

    out = [(f"query {n}", f"/api/queries/{n}") for n in sorted(load_named_queries())]
    report = httpx.get(embedded + "/api/queries/reports", timeout=60).json()["rows"][0]["report"]
    out.append(("page of a report (HTML)", "/doc/" + quote(report.split("/id/", 1)[1])))
    hit = httpx.get(embedded + "/api/viz/search", params={"q": "民生卡"}, timeout=60).json()[0]["id"]
    out += [
        ("viewer search", "/api/viz/search?q=" + quote("民生卡")),
        ("viewer neighbourhood", "/api/viz/neighbourhood?limit=60&iri=" + quote(hit, safe="")),
        ("dump (N-Quads)", "/dumps/budgetkg.nq"),
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="a built data directory (default: build the bundled corpus)")
    ap.add_argument("--runs", type=int, default=15, help="requests of each kind to each server")
    args = ap.parse_args()

    from virtuoso_server import Virtuoso, available

    from kg.remote import RemoteStore, push
    from kg.store import Store

    if why := available():
        raise SystemExit(why)
    work = Path(tempfile.mkdtemp(prefix="bench-remote-api-"))
    data = Path(args.store) if args.store else work / "data"
    if not args.store:
        subprocess.run(
            [str(BUDGETKG), "build", "--store", str(data), "--no-validate", "--quiet"], check=False, capture_output=True
        )
    local = Store(data, read_only=True)
    with Virtuoso.start(work / "virtuoso") as virtuoso:
        t = time.monotonic()
        graphs = push(local, RemoteStore(virtuoso.url, timeout=300))
        print(f"{len(local)} quads in {graphs} graphs pushed to Virtuoso in {time.monotonic() - t:.1f} s")
        procs = []
        try:
            embedded, p = serve(["--store", str(data)])
            procs.append(p)
            remote, p = serve(
                ["--sparql-endpoint", virtuoso.url + "/sparql", "--graph-store", virtuoso.url + "/sparql-graph-crud"]
            )
            procs.append(p)
            client = httpx.Client(timeout=120)
            print(f"{'request':42} {'embedded p50/p99 ms':>20} {'Virtuoso p50/p99 ms':>20} {'ratio p50':>9}")
            ratios = []
            for name, path in requests(embedded):
                times: dict[str, list[float]] = {embedded: [], remote: []}
                for _ in range(args.runs):
                    for base in (embedded, remote):
                        t = time.perf_counter()
                        r = client.get(base + path)
                        times[base].append((time.perf_counter() - t) * 1000)
                        if r.status_code != 200 and len(times[base]) == 1:  # timed all the same
                            print(f"  {name}: {r.status_code} from {'Virtuoso' if base == remote else 'embedded'}")
                a, b = times[embedded], times[remote]
                ratio = pct(b, 50) / pct(a, 50)
                ratios.append(ratio)
                print(
                    f"{name:42} {pct(a, 50):9.0f} /{pct(a, 99):7.0f}    {pct(b, 50):9.0f} /{pct(b, 99):7.0f}    {ratio:8.2f}"
                )
            print(
                f"median ratio Virtuoso / embedded (p50): {statistics.median(ratios):.2f} over {len(ratios)} requests"
            )
        finally:
            for p in procs:
                p.terminate()
                p.wait(30)


if __name__ == "__main__":
    main()
