"""Weak supervision over the development set (nlp.silver): training never opens a report of the hand-read
gold's test split, and the shipped pipeline says which reports it learnt from (issue 13)."""

from __future__ import annotations

import hashlib
import json
import shutil

from conftest import DEVSET, requires_devset

from nlp.evaluation import load_devset_gold
from nlp.resources import folder

GOLD = load_devset_gold()
TEST_NAMES = {r["report"] for r in GOLD if r["split"] == "test"}
TEST_HASHES = {r["sha256"] for r in GOLD if r["split"] == "test"}


@requires_devset
def test_training_reports_leave_out_the_test_split_by_name_and_by_content(tmp_path):
    from nlp.silver import training_reports

    (tmp_path / "text").mkdir()
    for path in sorted((DEVSET / "text").glob("*.txt")):
        shutil.copy(path, tmp_path / "text" / path.name)
    test_report = sorted(TEST_NAMES)[0]
    shutil.copy(DEVSET / "text" / test_report, tmp_path / "text" / "999_renamed-copy.txt")  # same bytes, new name
    reports = training_reports(tmp_path, GOLD)
    names = {r.path.name for r in reports}
    assert names and not names & TEST_NAMES and "999_renamed-copy.txt" not in names
    assert not {r.sha256 for r in reports} & TEST_HASHES
    assert {r.path.name for r in reports if r.gold} == {g["report"] for g in GOLD if g["split"] == "train"}


def test_the_shipped_pipeline_names_its_development_reports_and_no_test_report():
    meta = json.loads((folder("pipeline") / "meta.json").read_text(encoding="utf-8"))
    used = meta["budgetkg_devset"]
    assert len(used) >= 12  # trained on the development set, not only on the corpus
    assert not {u["report"] for u in used} & TEST_NAMES
    assert not {u["sha256"] for u in used} & TEST_HASHES
    assert {u["report"] for u in used if u["gold"]} == {g["report"] for g in GOLD if g["split"] == "train"}


@requires_devset
def test_the_shipped_pipeline_was_trained_on_these_very_files():
    """The names and hashes in meta.json are the development set's files of today (else retrain)."""
    meta = json.loads((folder("pipeline") / "meta.json").read_text(encoding="utf-8"))
    for u in meta["budgetkg_devset"]:
        assert hashlib.sha256((DEVSET / "text" / u["report"]).read_bytes()).hexdigest() == u["sha256"]
