"""The embedded store: atomic generations, graph replacement, and SIGKILL halfway through a build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import DataDir, Store, StoreNotFound

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402

G1, G2 = "https://example.org/g1", "https://example.org/g2"


def quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(
        ox.NamedNode(f"https://example.org/{s}"), ox.NamedNode("https://example.org/p"), ox.Literal(o), ox.NamedNode(g)
    )


def snapshot(data: Path) -> tuple[int, list[str]]:
    store = Store(data, read_only=True)
    return len(store), store.named_graphs()


def test_reading_an_empty_data_dir_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        Store(tmp_path / "nothing", read_only=True)


def test_transaction_switches_only_on_success(tmp_path: Path) -> None:
    dd = DataDir(tmp_path)
    with dd.transaction() as st:
        st.add([quad("a", "1", G1), quad("b", "2", G2)])
    assert snapshot(tmp_path) == (2, [G1, G2])
    with pytest.raises(RuntimeError), dd.transaction() as st:
        st.add([quad("c", "3", G1)])
        raise RuntimeError("build failed")
    assert snapshot(tmp_path) == (2, [G1, G2])
    # the failed generation is gone; the live one and at most one older remain
    assert len(dd.generations()) <= 2
    assert dd.current() in dd.generations()


def test_replace_graph_touches_only_that_graph(tmp_path: Path) -> None:
    dd = DataDir(tmp_path)
    with dd.transaction() as st:
        st.add([quad("a", "1", G1), quad("b", "2", G2), quad("b2", "2", G2)])
    with dd.transaction() as st:
        st.replace_graph(G1, [quad("a", "new", G1)])
    store = Store(tmp_path, read_only=True)
    g1 = [q.object.value for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(G1))]
    g2 = sorted(q.subject.value for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(G2)))
    assert g1 == ["new"]
    assert g2 == ["https://example.org/b", "https://example.org/b2"]


def test_old_generations_are_collected(tmp_path: Path) -> None:
    dd = DataDir(tmp_path)
    for i in range(4):
        with dd.transaction() as st:
            st.add([quad(f"s{i}", str(i), G1)])
    assert len(dd.generations()) == 2  # live + one older for readers still on it
    assert snapshot(tmp_path)[0] == 4


def _build(data: Path, files: list[Path]) -> subprocess.Popen:
    cmd = [
        str(Path(sys.executable).parent / "budgetkg"),
        "build",
        "--store",
        str(data),
        "--quiet",
        "--force",
        "--jobs",
        "1",
        "--no-validate",
        *map(str, files),
    ]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_sigkill_halfway_leaves_the_previous_graph_queryable(tmp_path: Path) -> None:
    data = tmp_path / "data"
    corpus = sorted((ROOT / "corpus").glob("*.txt"))
    first = _build(data, corpus[:2])
    first.communicate(timeout=300)
    before = snapshot(data)
    assert before[0] > 0
    many = synthetic.write_copies(tmp_path / "copies", 4)
    for attempt, delay in enumerate([0.3, 1.0, 2.0]):
        proc = _build(data, many)
        generations = {p.name for p in DataDir(data).generations()}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the build is writing its new generation
            if {p.name for p in DataDir(data).generations()} - generations:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the build never started a new generation")
        time.sleep(delay)
        assert proc.poll() is None, f"attempt {attempt}: the build finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert snapshot(data) == before, f"attempt {attempt}: the live graph changed after SIGKILL"
        store = Store(data, read_only=True)
        assert store.query("ASK { GRAPH ?g { ?r a <https://w3id.org/budgetkg/ontology#Report> } }")
        del store
    # the next build cleans up what the killed ones left and succeeds
    last = _build(data, corpus[:1])
    last.communicate(timeout=300)
    assert len(DataDir(data).generations()) <= 2
    assert snapshot(data)[0] > 0


def test_concurrent_builds_run_one_after_the_other(tmp_path: Path) -> None:
    """The second build waits for the first and starts from its result: nothing is lost."""
    import threading

    dd = DataDir(tmp_path)
    entered = threading.Event()

    def first() -> None:
        with dd.transaction() as st:
            entered.set()
            st.add([quad("a", "1", G1)])
            time.sleep(1.0)

    def second() -> None:
        entered.wait()
        with dd.transaction() as st:
            st.add([quad("b", "2", G2)])

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert snapshot(tmp_path) == (2, [G1, G2])


@pytest.mark.slow
def test_sigkill_of_a_parallel_build_leaves_no_workers(tmp_path: Path) -> None:
    """Worker processes die with the build (PR_SET_PDEATHSIG), so a killed build leaves nothing running."""
    cmd = [
        str(Path(sys.executable).parent / "budgetkg"),
        "build",
        "--store",
        str(tmp_path / "data"),
        "--quiet",
        "--jobs",
        "2",
        "--no-validate",
        *map(str, synthetic.write_copies(tmp_path / "copies", 2)),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def children() -> set[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True).stdout
        return {int(p) for p in out.split()}

    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers |= children()
        time.sleep(0.1)
    assert workers, "the build started no worker processes"
    time.sleep(8)  # the workers are reading reports by now (a worker killed while still starting up may linger)
    workers |= children()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(2)
    alive = [
        p
        for p in workers
        if os.path.exists(f"/proc/{p}")
        and "zombie" not in Path(f"/proc/{p}/status").read_text()
        and "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()
    ]
    assert not alive, f"workers outlived the build: {alive}"
