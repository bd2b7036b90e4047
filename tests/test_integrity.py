"""Issue 16, item 5: a damaged store — bytes overwritten, a file truncated or missing — is an error
naming the file: one line and exit 3 from `query`, `export`, `serve` and `build`, never a traceback,
a silent 0 or unbounded memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.integrity import MANIFEST, StoreDamaged, verify
from kg.store import DataDir, Store

ROOT = Path(__file__).resolve().parent.parent
BUDGETKG = Path(sys.executable).parent / "budgetkg"
G = ox.NamedNode("https://w3id.org/budgetkg/id/report/test/2020/budget")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def make_data_dir(root: Path, n: int = 20_000) -> Path:
    dd = DataDir(root)
    with dd.transaction() as st:
        st.add(
            ox.Quad(
                ox.NamedNode(f"https://w3id.org/budgetkg/id/item/{i}"),
                ox.NamedNode("https://w3id.org/budgetkg/ontology#amount"),
                ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                G,
            )
            for i in range(n)
        )
    return dd.current()


def largest(generation: Path, suffix: str) -> Path:
    return max((p for p in generation.iterdir() if p.name.endswith(suffix)), key=lambda p: p.stat().st_size)


def overwrite(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(b"\xff" * 64)


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


DAMAGES = {
    "overwritten table": lambda g: overwrite(largest(g, ".sst")),
    "truncated table": lambda g: truncate(largest(g, ".sst")),
    "missing table": lambda g: largest(g, ".sst").unlink(),
    "overwritten manifest": lambda g: overwrite(next(g.glob("MANIFEST-*"))),
    "missing CURRENT": lambda g: (g / "CURRENT").unlink(),
}


def run(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BUDGETKG), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=dict(os.environ, BUDGETKG_DATA=str(data)),
    )


def assert_one_line_exit_3(proc: subprocess.CompletedProcess, command: str) -> None:
    assert proc.returncode == 3, (proc.returncode, proc.stdout[-500:], proc.stderr[-2000:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith(f"budgetkg {command}: error: the store at ") and "damaged" in lines[0]


def test_a_sealed_generation_verifies_and_names_its_files(tmp_path):
    gen = make_data_dir(tmp_path / "data")
    assert (gen / MANIFEST).is_file()
    assert verify(gen) is True
    assert len(Store(tmp_path / "data", read_only=True)) == 20_000


# a table and CURRENT overwritten/removed in the fast loop; every damage in the full one
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(d, marks=[] if d in ("overwritten table", "missing CURRENT") else [pytest.mark.slow])
        for d in DAMAGES
    ],
)
def test_damage_is_detected_before_any_query(tmp_path, damage):
    gen = make_data_dir(tmp_path / "data")
    DAMAGES[damage](gen)
    with pytest.raises(StoreDamaged) as info:
        Store(tmp_path / "data", read_only=True)
    assert str(gen) in str(info.value)


# One damage in the fast loop, each through all four commands; the other damages too in the full loop.
@pytest.mark.parametrize(
    "damage",
    [
        "overwritten table",
        pytest.param("truncated table", marks=pytest.mark.slow),
        pytest.param("missing table", marks=pytest.mark.slow),
    ],
)
def test_query_export_serve_and_build_say_so_in_one_line_and_exit_3(tmp_path, damage):
    data = tmp_path / "data"
    gen = make_data_dir(data)
    DAMAGES[damage](gen)
    assert_one_line_exit_3(run("query", COUNT, data=data), "query")
    assert_one_line_exit_3(run("export", "--format", "nq", "-o", str(tmp_path / "out.nq"), data=data), "export")
    assert_one_line_exit_3(run("serve", "--store", str(data), "--port", "1", data=data), "serve")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    build = run("build", "--store", str(data), "--no-validate", "--quiet", str(empty), data=data)
    assert_one_line_exit_3(build, "build")
    assert DataDir(data).current() == gen  # nothing switched


def test_a_fresh_build_replaces_a_damaged_store(tmp_path):
    data = tmp_path / "data"
    gen = make_data_dir(data)
    DAMAGES["overwritten table"](gen)
    dd = DataDir(data)
    with dd.transaction(fresh=True) as st:  # what `build --fresh` does: the damaged graph is not read
        st.add([ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("1"), G)])
    assert len(Store(data, read_only=True)) == 1


@pytest.mark.parametrize("damage", [pytest.param("truncated table", marks=pytest.mark.slow), "missing table"])
def test_damage_in_an_unsealed_store_is_one_line_too(tmp_path, damage):
    """A generation from before seals (no list of files): RocksDB's own report, in one line, exit 3."""
    data = tmp_path / "data"
    gen = make_data_dir(data)
    (gen / MANIFEST).unlink()
    DAMAGES[damage](gen)
    proc = run("query", COUNT, data=data)
    assert proc.returncode == 3 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "damaged" in proc.stderr and "Traceback" not in proc.stderr
