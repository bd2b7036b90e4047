"""Faults while building: a build killed at a random point, a full disk, a
read-only data directory.  The store must stay openable with the previous graph,
and the command must say what went wrong in one line (exit code 3), never with a
traceback.

Builds run as real ``budgetkg build`` processes (validation and entities off:
what is tested here is the store, not the graph's content).  A full disk is a
tiny tmpfs when we may mount one (root), else ``RLIMIT_FSIZE``; a read-only data
directory is a tmpfs remounted read-only (root), else a directory without write
permission.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.iri import PROVENANCE_GRAPH
from kg.store import DataDir, Store
from tests.badinput import KINDS
from tests.conftest import CORPUS_FILES

BUDGETKG = str(Path(sys.executable).with_name("budgetkg"))
FLAGS = ["--quiet", "--no-validate", "--no-entities"]
#: Seed of the kill delays; printed on failure, override with BUDGETKG_FAULT_SEED to replay.
SEED = int(os.environ.get("BUDGETKG_FAULT_SEED", "20261124"))


def build(data: Path, files, *extra: str, preexec=None, timeout: int = 900) -> subprocess.CompletedProcess:
    cmd = [BUDGETKG, "build", "--store", str(data), *FLAGS, *extra, *map(str, files)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=preexec)


def state(data: Path) -> dict[str, int]:
    """Triples per named graph, the provenance graph (one activity per build) aside."""
    store = Store(data, read_only=True)
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    out = {row["g"].value: int(row["n"].value) for row in rows}
    out.pop(PROVENANCE_GRAPH, None)
    return out


def assert_clean_failure(proc: subprocess.CompletedProcess, cause: str) -> None:
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = [ln for ln in proc.stderr.splitlines() if "error" in ln]
    assert lines and cause in lines[-1], proc.stderr[-2000:]
    assert lines[-1].startswith("budgetkg build: error: ")


@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    """A tmpfs mounted at ``path`` (skips the test when mounting is not allowed)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


# --- a build killed at a random point ----------------------------------------------


@pytest.mark.slow
def test_build_killed_at_random_points_leaves_the_previous_or_the_next_graph(tmp_path: Path) -> None:
    first, second = CORPUS_FILES[:2], CORPUS_FILES[2:]
    # a variant of the second batch, so the build takes long enough to be hit mid-way
    more = tmp_path / "more"
    for p in CORPUS_FILES[2:]:
        (more / p.stem).mkdir(parents=True)
        made = KINDS["crlf"](p.read_text(encoding="utf-8"), more / p.stem).path
        second = [*second, made.rename(more / f"{p.stem}-crlf.txt")]
    data, ref = tmp_path / "data", tmp_path / "ref"
    assert build(data, first).returncode == 0
    assert build(ref, first).returncode == 0
    before = state(data)
    assert before and state(ref) == before
    t0 = time.monotonic()
    assert build(ref, second, "--force").returncode in (0, 1)
    duration = time.monotonic() - t0
    after = state(ref)
    assert after != before
    pristine = tmp_path / "pristine"  # the data directory as the first build left it
    shutil.copytree(data, pristine, symlinks=True)
    rng = random.Random(SEED)
    outcomes = []
    for attempt in range(5):
        delay = rng.uniform(0.0, duration * 1.1)
        proc = subprocess.Popen(
            [BUDGETKG, "build", "--store", str(data), *FLAGS, "--force", *map(str, second)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        now = state(data)  # opens read-only: the store must be openable whatever happened
        outcomes.append((round(delay, 2), killed, "before" if now == before else "after" if now == after else "OTHER"))
        assert now in (before, after), f"seed {SEED}, attempt {attempt}: {outcomes}"
        if not killed:
            assert now == after, f"seed {SEED}: a build that finished must have switched: {outcomes}"
        if now == after:  # start the next attempt from the first graph again
            shutil.rmtree(data)
            shutil.copytree(pristine, data, symlinks=True)
    # the next build cleans up what the killed ones left behind, and switches
    assert build(data, second, "--force").returncode in (0, 1)
    assert state(data) == after
    assert len(DataDir(data).generations()) <= 2, f"generations left behind: {DataDir(data).generations()}"
    print(f"seed {SEED}, build {duration:.1f} s, (delay, killed, store): {outcomes}")


# --- a full disk ----------------------------------------------------------------------


def test_full_disk_tmpfs_gives_a_clear_error_and_keeps_the_previous_graph(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "64m") as mnt:
        data = mnt / "data"
        first = build(data, CORPUS_FILES[:1])
        assert first.returncode == 0, first.stderr[-2000:]
        before = state(data)
        # fill what is left (the first graph stays), then build more
        with contextlib.suppress(OSError), open(mnt / "filler", "wb") as f:
            while True:
                f.write(b"\0" * 65536)
        proc = build(data, CORPUS_FILES[1:3], "--force")
        assert_clean_failure(proc, "No space left on device")
        assert state(data) == before


def test_file_size_limit_gives_a_clear_error(tmp_path: Path) -> None:
    """RLIMIT_FSIZE (works without root): every write past 64 KiB fails with EFBIG."""
    data = tmp_path / "data"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = build(data, CORPUS_FILES[:1], preexec=limit)
    assert_clean_failure(proc, "File too large")
    assert DataDir(data).current() is None  # nothing half-built went live


# --- a read-only data directory --------------------------------------------------------


def test_read_only_data_directory_gives_a_clear_error_and_stays_readable(tmp_path: Path) -> None:
    ctx = tmpfs(tmp_path / "ro", "512m") if os.geteuid() == 0 else contextlib.nullcontext(tmp_path / "ro")
    with ctx as mnt:
        data = mnt / "data"
        assert build(data, CORPUS_FILES[:1]).returncode == 0
        before = state(data)
        if os.geteuid() == 0:
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            cause = "Read-only file system"
        else:
            for p in [data, *data.rglob("*")]:
                if p.is_dir() and not p.is_symlink():
                    p.chmod(0o555)
            cause = "Permission denied"
        try:
            proc = build(data, CORPUS_FILES[1:2], "--force")
            assert_clean_failure(proc, cause)
            assert state(data) == before  # query and serve still read it
            query = subprocess.run(
                [BUDGETKG, "query", "--store", str(data), "ASK { GRAPH ?g { ?s ?p ?o } }"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert query.returncode == 0 and "Traceback" not in query.stderr, query.stderr[-2000:]
        finally:
            if os.geteuid() != 0:
                for p in [data, *data.rglob("*")]:
                    if p.is_dir() and not p.is_symlink():
                        p.chmod(0o755)
