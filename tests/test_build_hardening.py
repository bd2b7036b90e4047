"""Issue 16, item 7, the build's part: no path of the build machine is published, a symlink loop given
as an argument is one failed file (not a traceback), and a file name cannot forge lines of
build-report.txt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from kg import iri
from kg.build import build
from kg.locations import file_location, location_secret
from kg.store import Store
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
BUDGETKG = Path(sys.executable).parent / "budgetkg"
SMALL = CORPUS / "000_b0355635f713ec6d.txt"
PROV = "http://www.w3.org/ns/prov#"


def run_build(data: Path, *paths: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BUDGETKG), "build", "--store", str(data), "--no-validate", "--no-entities", "--quiet", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=cwd,
    )


def test_no_absolute_path_of_the_build_machine_is_published(tmp_path):
    private = tmp_path / "home" / "alice" / "secret-reports"
    private.mkdir(parents=True)
    copy = private / SMALL.name
    shutil.copy(SMALL, copy)
    data = tmp_path / "data"
    build([copy], data, validate=False, entities=False)
    store = Store(data, read_only=True)
    dump = store.raw.dump(format=ox.RdfFormat.N_QUADS).decode()
    assert str(tmp_path) not in dump and "alice" not in dump
    places = [q.object for q in store.raw.quads_for_pattern(None, ox.NamedNode(PROV + "atLocation"), None, None)]
    assert places and all(isinstance(p, ox.NamedNode) and p.value.startswith(iri.BASE + "location/") for p in places)
    labels = {
        q.object.value
        for p in places
        for q in store.raw.quads_for_pattern(p, None, None, None)
        if isinstance(q.object, ox.Literal)
    }
    assert labels == {SMALL.name}  # outside the working directory: the file's name alone
    # the place is the same in the next build of this data directory, and another path is another place
    secret = location_secret(data)
    assert places[0].value == file_location(copy, secret)
    assert file_location(tmp_path / SMALL.name, secret) != places[0].value


def test_paths_inside_the_working_directory_are_published_relative(tmp_path):
    data = tmp_path / "data"
    proc = run_build(data, Path("corpus") / SMALL.name)
    assert proc.returncode == 0, proc.stderr[-2000:]
    store = Store(data, read_only=True)
    labels = {
        r["l"].value
        for r in store.query(
            "SELECT ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/ns/prov#atLocation> ?p . ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
        )
    }
    assert labels == {f"corpus/{SMALL.name}"}


def test_a_symlink_loop_argument_is_one_failed_file(tmp_path):
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    data = tmp_path / "data"
    proc = run_build(data, loop, SMALL)
    assert proc.returncode == 1, proc.stderr[-2000:]  # one file failed, the other is stored
    assert "Traceback" not in proc.stderr and "Symlink loop" not in proc.stderr
    assert "Too many levels of symbolic links" in proc.stderr
    assert "files: 2 (built 1, unchanged 0, failed 1)" in proc.stdout
    assert len(Store(data, read_only=True).named_graphs()) >= 1


def test_a_file_name_cannot_forge_lines_of_the_build_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    forged = "x.txt\n== forged.txt [built] urn:forged\n  error: none"  # (no '/': a name, not a folder)
    shutil.copy(SMALL, folder / forged)
    (folder / "empty\r\n  reader: fake.txt").write_text("", encoding="utf-8")
    data = tmp_path / "data"
    proc = run_build(data, folder / forged, folder / "empty\r\n  reader: fake.txt")
    assert proc.returncode == 1, proc.stderr[-2000:]
    report = (data / "build-report.txt").read_text(encoding="utf-8").split("\n")
    files = [line for line in report if line.startswith("== ")]
    assert len(files) == 2  # one line per file given, however it is named
    assert not any(line.startswith(("== forged.txt", "  error: none", "  reader: fake")) for line in report)
    assert any("x.txt\\n== forged.txt" in line for line in files)
    assert all(line == "" or line.startswith(("build ", "software ", "== ", "  ")) for line in report)
    assert not any(line.startswith("== forged.txt") for line in proc.stderr.splitlines() + proc.stdout.splitlines())
