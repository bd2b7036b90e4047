"""Benchmark of the explorer's pages in headless Chromium: the time from navigation until each picture is drawn,
beside the time of the named queries (or viewer endpoint) behind it over HTTP, as a ratio, on the bundled corpus.

    .venv/bin/python bench/bench_pages.py [--runs 5] [--store DIR]

The corpus is built into a temporary data directory (or ``--store DIR`` is served as it is); the server is
``budgetkg serve`` on loopback with its query worker processes; the browser is Debian's ``chromium`` driven by
Playwright, a fresh context per load (no cache: every script, style and vendored library is fetched again).
A page is "drawn" when the class or element its script sets at the end is there.  The queries are the same
requests the page's script makes, timed one after another with httpx (the page runs some in parallel).
Figures are medians of --runs loads, printed, never asserted; on a shared machine only ratios within one run mean
anything, and the one-second target is for a machine that is not shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
BUDGETKG = Path(sys.executable).parent / "budgetkg"
ID = "https://w3id.org/budgetkg/id/"
REPORT = ID + "report/广州市番禺区政务服务数据管理局/2024/budget"
EARLIER = ID + "report/广州市番禺区人民政府政务管理办公室/2016/final-account"
PLATFORM = ID + "platform/minshengka"
AGENCY_NAME = "广州市番禺区政务服务数据管理局"


def q(iri: str) -> str:
    return quote(iri, safe="")


# page, the URL, what the page sets when its picture is drawn, the requests behind it
PAGES = [
    (
        "funding flow (Sankey)",
        f"/flow?report={q(REPORT)}",
        "body.flow-ready",
        ["/api/queries/reports", f"/api/queries/funding-flow?report={q(REPORT)}"],
    ),
    (
        "spending map (treemap)",
        f"/spending?report={q(REPORT)}",
        "body.spending-ready",
        ["/api/queries/reports", f"/api/queries/spending-by-classification?report={q(REPORT)}"],
    ),
    (
        "spending, two years",
        f"/spending?report={q(REPORT)}&compare={q(EARLIER)}",
        "body.spending-ready",
        [
            "/api/queries/reports",
            f"/api/queries/spending-by-classification?report={q(REPORT)}",
            f"/api/queries/spending-by-classification?report={q(EARLIER)}",
        ],
    ),
    (
        "agency page",
        "/doc/agency/panyu-zsj",
        "body.profile-ready",
        [
            "/doc/agency/panyu-zsj",
            f"/api/queries/agency-lineage?agency={quote(AGENCY_NAME)}",
            "/api/queries/reports",
            f"/api/queries/responsibility-funding?report={q(REPORT)}",
        ],
    ),
    (
        "graph viewer (民生卡)",
        f"/viz?iri={q(PLATFORM)}",
        "#neighbours li",
        [f"/api/viz/neighbourhood?iri={q(PLATFORM)}&limit=100", f"/api/charts/platform-funding?platform={q(PLATFORM)}"],
    ),
    ("query editor", "/sparql?tab=funding-by-platform", "body.editor-ready", ["/api/queries/ontology-terms"]),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(store: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    proc = subprocess.Popen(
        [str(BUDGETKG), "serve", "--store", str(store), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit("budgetkg serve exited: " + proc.stderr.read().decode(errors="replace")[-2000:])
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    sys.exit("budgetkg serve did not answer within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--store", help="a data directory already built (default: build the corpus into a temporary one)")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        sys.exit("headless Chromium not found (scripts/install-services.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else Path(tmp) / "data"
        if not args.store:
            t0 = time.perf_counter()
            subprocess.run(
                [str(BUDGETKG), "build", "--store", str(store), "--no-validate"],
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print(f"corpus built in {time.perf_counter() - t0:.1f} s")
        url, proc = serve(store)
        try:
            with sync_playwright() as p, httpx.Client(base_url=url, timeout=60) as client:
                browser = p.chromium.launch(
                    executable_path=chromium,
                    headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; medians of {args.runs} loads\n")
                print(f"{'page':26s} {'drawn':>9s} {'queries':>9s} {'ratio':>6s}  under 1 s")
                for name, path, ready, requests in PAGES:
                    loads, queries = [], []
                    for _ in range(args.runs + 1):  # the first load warms the server's caches: not counted
                        context = browser.new_context(viewport={"width": 1400, "height": 900})
                        page = context.new_page()
                        t0 = time.perf_counter()
                        page.goto(url + path)
                        page.wait_for_selector(ready, timeout=60_000)
                        loads.append(time.perf_counter() - t0)
                        context.close()
                        t0 = time.perf_counter()
                        for r in requests:
                            accept = "text/html" if r.startswith("/doc/") else "application/json"
                            client.get(r, headers={"Accept": accept}).raise_for_status()
                        queries.append(time.perf_counter() - t0)
                    drawn, behind = statistics.median(loads[1:]), statistics.median(queries[1:])
                    print(
                        f"{name:26s} {drawn * 1e3:7.0f}ms {behind * 1e3:7.0f}ms {drawn / behind:5.1f}×  "
                        f"{'yes' if drawn < 1 else 'no'}"
                    )
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
