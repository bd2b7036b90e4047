"""review20 F3: two files of one build that give the same report (agency, year, phase: one IRI) — the text and the PDF
of a report, a report and its reissue, a copy cut short — are not stored over each other unseen (kg.build).

Before, each was "built" and the later in path order replaced the other's graph, with no warning: a folder holding a
report and a copy cut in half kept the half (20 agencies, 54 tasks, 44 entities → 5, 0, 6).  Now the later file fails
with E095 naming itself (line 1), the report and the file stored; the first stays whole; a byte-identical copy is the
same reading and no error.  Cases 1–3 fail before; the controls pass before too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.store import Store
from tests.conftest import CORPUS

FULL = CORPUS / "004_40178b8a809e612f.txt"
OTHER = CORPUS / "000_b0355635f713ec6d.txt"


def _stored_sha(data: Path) -> set[str]:
    store = Store(data, read_only=True)
    rows = store.query(
        "PREFIX bkg: <https://w3id.org/budgetkg/ontology#> SELECT ?sha WHERE { GRAPH ?r { ?r a bkg:Report ; bkg:sha256 ?sha } }",
        use_default_graph_as_union=False,
    )
    return {r["sha"].value for r in rows}


def _half(text: str) -> str:
    return text[: len(text) // 2]


def _reworded(text: str) -> str:
    return text.replace("广州市从化区政务服务数据管理局", "广州市从化区政务服务数据管理局（本部门）", 1)


@pytest.mark.parametrize(
    ("second_name", "make"),
    [("a-half.txt", _half), ("b-reissue.txt", _reworded), ("z-half.txt", _half)],
    ids=["cut-short-first-in-order", "reissue", "cut-short-last-in-order"],
)
def test_a_second_file_of_the_same_report_fails_naming_both(tmp_path: Path, second_name, make) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    full = folder / "m-report.txt"
    shutil.copy(FULL, full)
    second = folder / second_name
    second.write_text(make(FULL.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(sorted(folder.iterdir()), tmp_path / "data", validate=False, entities=False, jobs=1)
    first_path, later_path = sorted([full, second])
    (failed,) = result.failed
    assert failed.path == str(later_path) and failed.report is None
    assert failed.error.startswith(f"{later_path}:1: error E095: ") and str(first_path) in failed.error
    (built,) = [f for f in result.files if f.status == "built"]
    assert built.path == str(first_path)
    assert _stored_sha(tmp_path / "data") == {built.sha256}  # the first file's graph, whole


def test_a_byte_identical_copy_and_another_report_are_no_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FULL, folder / "a.txt")
    shutil.copy(FULL, folder / "b-copy.txt")
    shutil.copy(OTHER, folder / "c-other.txt")
    result = build(sorted(folder.iterdir()), tmp_path / "data", validate=False, entities=False, jobs=1)
    assert not result.failed
    assert len(_stored_sha(tmp_path / "data")) == 2


def test_a_stored_unchanged_report_keeps_its_graph_against_a_new_file(tmp_path: Path) -> None:
    """review21: the report stored by an earlier build and given again unchanged holds its report, also where the new
    file of the same report stands before it in path order — before, a copy cut short sorting first replaced the
    stored whole (tasks 54 → 0) and the unchanged file was the one that failed (fails before)."""
    folder = tmp_path / "in"
    folder.mkdir()
    full = folder / "m-report.txt"
    shutil.copy(FULL, full)
    data = tmp_path / "data"
    (stored,) = build([full], data, validate=False, entities=False, jobs=1).files
    second = folder / "a-half.txt"
    second.write_text(_half(FULL.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(sorted(folder.iterdir()), data, validate=False, entities=False, jobs=1)
    (failed,) = result.failed
    assert failed.path == str(second)
    assert failed.error.startswith(f"{second}:1: error E095: ") and str(full) in failed.error
    assert [f.status for f in result.files if f.path == str(full)] == ["unchanged"]
    assert _stored_sha(data) == {stored.sha256}
