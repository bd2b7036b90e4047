"""Shared fixtures: the bundled corpus and its manifest."""

from __future__ import annotations

import csv
import functools
import os
import pickle
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def manifest() -> list[dict[str, str]]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


MANIFEST = manifest()
CORPUS_FILES = [CORPUS / row["file"] for row in MANIFEST]

# --- the development set: real reports from other provinces, never committed --------------------------
# It lives beside the checkout (../shared/devset) or where $BUDGETKG_DEVSET says.  Tests that use it skip,
# with this reason, when it is absent; CI has it.
DEVSET = Path(os.environ.get("BUDGETKG_DEVSET") or ROOT.parent / "shared" / "devset")
DEVSET_MISSING = f"development set not found at {DEVSET} (set BUDGETKG_DEVSET)"


def devset_manifest() -> list[dict[str, str]]:
    """Rows of the devset's MANIFEST.tsv (agency, fiscal_year, phase … read by hand); [] when absent."""
    path = DEVSET / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


DEVSET_MANIFEST = devset_manifest()
requires_devset = pytest.mark.skipif(not DEVSET_MANIFEST, reason=DEVSET_MISSING)


def devset_split(split: str) -> frozenset[str]:
    """The stems of the devset reports tests/gold/devset.jsonl puts in ``split`` ("train" or "test").  The test split
    is blind: a test that asserts what a devset report prints (its figures, names, counts read by hand) reads a train
    report; only tests of aggregate properties over every report (no discrepancy, no violation) read them all."""
    import json

    with open(ROOT / "tests" / "gold" / "devset.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return frozenset(r["report"].removesuffix(".txt") for r in rows if r["split"] == split)


#: the manifest's rows of the train split (the reports whose content tests may assert)
DEVSET_TRAIN_MANIFEST = [row for row in DEVSET_MANIFEST if row["stem"] in devset_split("train")]


@functools.cache
def other_arithmetic() -> str | None:
    """Why this machine cannot rebuild the shipped model byte for byte whatever the code, or None when it can: training
    cannot pin its arithmetic here (nlp.arithmetic: not x86-64, another blis), or it computes otherwise even pinned
    (nlp.training.arithmetic_digest, recorded in provenance.json; docs/training.md)."""
    from nlp import arithmetic, trainrecord
    from nlp.resources import folder
    from nlp.training import arithmetic_digest

    recorded, here = trainrecord.read(folder("pipeline")).get("arithmetic"), arithmetic_digest()
    if here == recorded:
        return None
    why = arithmetic.unpinned()
    return (
        f"this machine computes otherwise than the one that trained the shipped model (arithmetic {here[:12]}, "
        f"recorded {str(recorded)[:12]}; "
        + (f"training cannot pin its arithmetic here: {why}" if why else "with training's arithmetic pinned")
        + "): its trained bytes cannot be compared here (docs/training.md)"
    )


def skip_on_other_arithmetic() -> None:
    """Skip a test that compares trained bytes with the shipped ones on a machine that computes otherwise."""
    reason = other_arithmetic()
    if reason:
        pytest.skip(reason)


#: A shared object answering blis's query of the CPU (``bli_cpuid_query_id``) with $FORCED_BLIS_KERNEL: preloaded,
#: it makes a process's blis choose the kernel it would choose on another kind of CPU (tests of nlp.arithmetic).
_KERNEL_SHIM = '#include <stdlib.h>\nint bli_cpuid_query_id(void) { return atoi(getenv("FORCED_BLIS_KERNEL")); }\n'

#: What blis's kernels need of the CPU (/proc/cpuinfo flags; BLIS 0.7.0's bli_cpuid_is_skx, _haswell): the kernels
#: blis gives AVX-512 Intel CPUs and AVX2 ones.
_KERNEL_FLAGS = {"skx": {"avx512f", "avx512dq", "avx512bw", "avx512vl", "avx2", "fma"}, "haswell": {"avx2", "fma"}}


@pytest.fixture(scope="session")
def other_kernels(tmp_path_factory) -> dict[str, dict[str, str]]:
    """For each kernel blis chooses on other kinds of CPU that this CPU can run (not the pinned one): the environment
    of a process whose blis chooses it.  Skips, naming why, where that cannot be made."""
    import shutil
    import subprocess

    from nlp import arithmetic

    why = arithmetic.unpinned()
    if why:
        pytest.skip(f"training cannot pin its arithmetic here: {why}")
    cpuinfo = Path("/proc/cpuinfo")
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not cpuinfo.is_file() or compiler is None:
        pytest.skip("forcing blis's kernel needs Linux and a C compiler (cc) for a preloaded shim")
    flags = {f for line in cpuinfo.read_text().splitlines() if line.startswith("flags") for f in line.split()}
    runnable = [k for k, needs in _KERNEL_FLAGS.items() if needs <= flags and k != arithmetic.KERNEL]
    if not runnable:
        pytest.skip(f"this CPU runs none of blis's kernels {sorted(_KERNEL_FLAGS)}")
    folder = tmp_path_factory.mktemp("kernel-shim")
    (folder / "shim.c").write_text(_KERNEL_SHIM)
    subprocess.run([compiler, "-shared", "-fPIC", "-o", str(folder / "shim.so"), str(folder / "shim.c")], check=True)
    preload = " ".join(p for p in (str(folder / "shim.so"), os.environ.get("LD_PRELOAD", "")) if p)
    ids = arithmetic.kernel_ids()
    return {k: {**os.environ, "LD_PRELOAD": preload, "FORCED_BLIS_KERNEL": str(ids[k])} for k in runnable}


@pytest.fixture(scope="session", autouse=True)
def _private_data_dir(tmp_path_factory):
    """No test writes into the per-user data directory: the default store of every command (and of every
    subprocess a test starts) is a temporary folder, unless the test says otherwise."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGETKG_DATA", str(tmp_path_factory.mktemp("default-data")))
        yield


@pytest.fixture(scope="session")
def corpus_reports():
    """Every bundled report, read once per test session: {file name: Report}."""
    return {p.name: read_report_once(p) for p in CORPUS_FILES}


@functools.cache
def _parsed_report(path: Path, entities: bool) -> bytes:
    from nlp import read_report

    return pickle.dumps(read_report(path, entities=entities))


def read_report_once(path: str | Path, *, entities: bool = False):
    """``nlp.read_report(path, entities=…)`` of a file no test changes (the corpus, the devset), parsed once per
    test process. Each call unpickles a copy of its own (≈ 15 ms against ≈ 0.25 s to parse), so a test may change
    what it gets. Several test files read the same reports (each devset report by four); use
    ``nlp.read_report`` itself for a file a test writes, or when the reading itself runs under a patch."""
    return pickle.loads(_parsed_report(Path(path).resolve(), entities))


# --- the entity pipeline, gazetteer off and on (tests of constructed sentences; tests/entityrows.py) --------------
@pytest.fixture(scope="module", params=["off", "on"])
def nlp_off_on(request):
    from kg.gazetteer import project_entries
    from nlp.pipeline import load_pipeline

    return load_pipeline(gazetteer=project_entries() if request.param == "on" else ())


# --- API fixtures (kg.api) -------------------------------------------------------------------------
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def mini_store():
    """tests/fixtures/mini.trig (a hand-made graph following docs/rdf-shape.md) in an in-memory store."""
    from kg.store import Store

    store = Store()
    store.load((FIXTURES / "mini.trig").read_bytes(), "trig")
    return store


@pytest.fixture(scope="session")
def api_settings():
    from kg.api.settings import Settings

    return Settings(queries_dir=FIXTURES / "queries", query_timeout=3, query_workers=2, max_body_bytes=20_000)


@pytest.fixture(scope="session")
def api_client(mini_store, api_settings):
    """The app over the mini graph, through the in-process ASGI test client (lifespan started)."""
    from fastapi.testclient import TestClient

    from kg.api.app import create_app

    with TestClient(create_app(api_settings, mini_store)) as client:
        yield client


def wait_until(predicate, seconds: float = 60.0) -> bool:
    """Whether ``predicate()`` holds, asked every 0.1 s for at most ``seconds`` (a bound, not a pace: a test waits
    for the condition, however long the machine takes to bring it about, within that)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not predicate():
        time.sleep(0.1)
    return predicate()


def serve_in_thread(app):
    """Run ``app`` with uvicorn on a free loopback port in a daemon thread; return (base URL, server, thread)."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="session")
def live_server(mini_store, api_settings):
    """The app over the mini graph, served by uvicorn on loopback (for real HTTP clients)."""
    from kg.api.app import create_app

    url, server, thread = serve_in_thread(create_app(api_settings, mini_store))
    yield url
    server.should_exit = True
    thread.join(15)


def start_server_process(store_dir, env_overrides: dict[str, str] | None = None, timeout: float = 60.0):
    """``budgetkg serve --store store_dir`` on a free loopback port, as a subprocess; returns (url, Popen)."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, **(env_overrides or {}))
    budgetkg = os.path.join(os.path.dirname(sys.executable), "budgetkg")  # the installed console script
    proc = subprocess.Popen(
        [budgetkg, "serve", "--store", str(store_dir), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("budgetkg serve exited: " + proc.stderr.read().decode(errors="replace")[-2000:])
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"budgetkg serve did not answer within {timeout} s")


@pytest.fixture(scope="session")
def mini_store_dir(tmp_path_factory):
    """tests/fixtures/mini.trig in an on-disk pyoxigraph store (for `budgetkg serve --store`)."""
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("mini-store") / "store"
    store = ox.Store(str(path))
    store.load((FIXTURES / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def corpus_data_dir(tmp_path_factory):
    """The bundled corpus built once per session (no SHACL validation) into a data directory."""
    from kg.build import build

    data = tmp_path_factory.mktemp("corpus-api") / "data"
    build(CORPUS_FILES, data, validate=False)
    return data


@pytest.fixture(scope="session")
def corpus_api_client(corpus_data_dir):
    """The app over the built corpus (read-only store, the real queries/), through the ASGI test client."""
    from fastapi.testclient import TestClient

    from kg.api.app import create_app
    from kg.api.settings import Settings
    from kg.store import Store

    store = Store(corpus_data_dir, read_only=True)
    with TestClient(create_app(Settings(query_timeout=180, query_workers=2), store)) as client:
        client.store = store
        yield client


# --- a private Virtuoso server (tests/virtuoso_server.py) ----------------------------------------------
@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """A Virtuoso open source server of this test session: its own database and ports, stopped at the end.
    Skipped, with the reason printed, where Virtuoso is not installed (scripts/install-services.sh)."""
    from virtuoso_server import Virtuoso, available

    reason = available()
    if reason:
        print(f"SKIP: {reason}")
        pytest.skip(reason)
    server = Virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs a server outside Python (Virtuoso, headless Chromium) is an integration test: it runs
    in the full loop (CI) and never in the fast loop, whose tests need nothing but the project's own venv."""
    for item in items:
        if item.get_closest_marker("virtuoso") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
