"""Issue 16, item 3: the server follows the store.  A finished build is served without a restart, a
generation still read is not deleted under its readers, however many builds happen, a worker that
cannot start is reported at once instead of retried forever, and no process is left a zombie."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pyoxigraph as ox
import pytest

from kg.api.app import make_executor
from kg.api.executor import QueryExecutor, Unavailable, pid_is_zombie
from kg.api.live import LiveGraph
from kg.api.settings import Settings
from kg.api.worker import QueryRequest
from kg.store import DataDir, Store
from tests.conftest import FIXTURES, start_server_process

G = ox.NamedNode("https://w3id.org/budgetkg/id/report/test/2020/budget")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def build(root: Path, start: int, n: int, fresh: bool = False) -> Path:
    """A build: a new generation with ``n`` more items, switched to when done (as `budgetkg build`)."""
    dd = DataDir(root)
    with dd.transaction(fresh=fresh) as st:
        st.add(
            ox.Quad(
                ox.NamedNode(f"https://w3id.org/budgetkg/id/item/{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), G
            )
            for i in range(start, start + n)
        )
    return dd.current()


def count(url: str) -> int:
    r = httpx.get(url + "/sparql", params={"query": COUNT}, headers={"Accept": "application/json"}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def children(pid: int) -> list[int]:
    """Child processes of ``pid`` (of any of its threads), zombies included."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


@pytest.mark.slow
def test_a_running_server_serves_each_new_build_and_survives_many(tmp_path):
    data = tmp_path / "data"
    first = build(data, 0, 100)
    url, proc = start_server_process(
        data,
        {
            "BUDGETKG_STORE_POLL_SECONDS": "0.2",
            "BUDGETKG_QUERY_WORKERS": "2",
            "BUDGETKG_QUERIES_DIR": str(FIXTURES / "queries"),
        },
    )
    try:
        assert count(url) == 100
        doc = httpx.get(url + "/doc/item/150.ttl", timeout=30)
        assert doc.status_code == 404  # not built yet
        total = 100
        for i in range(4):  # the old server died for good after the second
            build(data, total, 50)
            total += 50
            assert wait_for(lambda expected=total: count(url) == expected), f"build {i + 2} not served"
            assert httpx.get(url + "/api/queries", timeout=30).status_code == 200
        # the resource pages follow too (they read the store in the server process)
        assert httpx.get(url + "/doc/item/150.ttl", timeout=30).status_code == 200
        # every generation but the live one and one older is gone: none was kept forever
        assert wait_for(lambda: len(DataDir(data).generations()) <= 3, 10), [
            g.name for g in DataDir(data).generations()
        ]
        assert not first.exists()
        # old workers were stopped and reaped: the server's children are its live workers only
        kids = wait_for(lambda: (lambda k: k if len(k) == 2 else None)(children(proc.pid)), 30)
        assert kids and not any(pid_is_zombie(k) for k in kids), [(k, pid_is_zombie(k)) for k in children(proc.pid)]
    finally:
        proc.terminate()
        proc.wait(30)


@pytest.mark.slow  # fast loop: pinning below, test_store's collection
def test_a_generation_in_use_is_not_deleted_by_later_builds(tmp_path):
    data = tmp_path / "data"
    first = build(data, 0, 10)
    reader = Store(data, read_only=True)  # a server or a request reading the first generation
    for i in range(4):
        build(data, 10 + i, 1)
    assert first.exists() and len(reader) == 10
    reader.close()  # the reader is done: the next build collects it
    build(data, 100, 1)
    assert not first.exists()


def test_a_worker_pinning_its_generation_keeps_it(tmp_path):
    data = tmp_path / "data"
    first = build(data, 0, 10)
    executor = QueryExecutor(("path", str(first)), workers=1)
    try:
        executor.start()
        for i in range(3):
            build(data, 10 + i, 1)
        assert first.exists()
        reply = executor.run(QueryRequest(query=COUNT))
        assert reply.status == 200 and b'"10"' in reply.body
    finally:
        executor.close()
    build(data, 100, 1)
    assert not first.exists()


def test_a_damaged_new_build_is_reported_and_the_server_keeps_the_old_one(tmp_path, caplog):
    data = tmp_path / "data"
    first = build(data, 0, 10)
    app = SimpleNamespace(state=SimpleNamespace())
    settings = Settings(query_workers=1, queries_dir=FIXTURES / "queries")
    live = LiveGraph(app, settings, Store(data, read_only=True), make_executor)
    try:
        live.start()
        second = build(data, 10, 5000)
        sst = max(second.glob("*.sst"), key=lambda p: p.stat().st_size)
        with open(sst, "r+b") as f:
            f.seek(sst.stat().st_size // 2)
            f.write(b"\0" * 32)
        assert live.poll()
        assert wait_for(lambda: not live._switching)
        assert live.current.path == first and second in live.failed and "damaged" in live.failed[second]
        assert "cannot serve the new graph" in caplog.text
        assert app.state.executor.run(QueryRequest(query=COUNT)).status == 200
        assert not live.poll()  # not retried over and over
        third = build(data, 20, 5, fresh=True)  # a good build (--fresh: not on the damaged one) is served
        assert live.poll() and wait_for(lambda: live.current.path == third)
    finally:
        live.close()


def test_a_worker_that_cannot_start_is_reported_not_retried_forever(tmp_path):
    data = tmp_path / "data"
    gen = build(data, 0, 10)
    executor = QueryExecutor(("path", str(gen)), workers=2, memory_mb=1, queue_timeout=30)  # 1 MB: cannot start
    with pytest.raises(RuntimeError, match="query worker"):
        executor.start()
    # answered at once, not after waiting out the queue timeout (an hour) for a worker that never comes
    executor.queue_timeout = 3600
    outcome: list = []

    def ask() -> None:
        try:
            executor.run(QueryRequest(query=COUNT))
        except Unavailable as exc:
            outcome.append(str(exc))

    t = threading.Thread(target=ask, daemon=True)
    t.start()
    t.join(120)
    assert outcome and "no query worker can start" in outcome[0]
    assert executor.alive == 0
    assert not [k for k in children(os.getpid()) if pid_is_zombie(k)]
    executor.close()
