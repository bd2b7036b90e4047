"""Weak supervision over the development set (nlp.silver): training never opens a report of the hand-read
gold's test split, and the shipped pipeline says which reports it learnt from (issue 13)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DEVSET, DEVSET_MANIFEST, other_arithmetic, requires_devset, skip_on_other_arithmetic

from kg.gazetteer import load_entries
from nlp.evaluation import load_devset_gold
from nlp.pipeline import blank_pipeline, with_gazetteer
from nlp.resolve import EntityResolver
from nlp.resources import folder
from nlp.silver import ALL_TYPES, SOURCES, StaleLabels, frozen_labels, silver_rows, thawed_rows, training_reports

ROOT = Path(__file__).resolve().parent.parent

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


# ------------------------------------------------------------------ the frozen labels (training/devset/labels.jsonl)

LABELS = ROOT / "training" / "devset" / "labels.jsonl"


def _frozen() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_frozen_labels_hold_no_text_and_no_test_report():
    text = LABELS.read_text(encoding="utf-8")
    assert not re.search(r"[\u4e00-\u9fff]", text)  # offsets, types and digests: not a character of a report
    frozen = _frozen()
    assert len(frozen) >= 12
    assert not {r["report"] for r in frozen} & TEST_NAMES
    assert not {r["sha256"] for r in frozen} & TEST_HASHES
    assert {r["report"] for r in frozen if r["gold"]} == {g["report"] for g in GOLD if g["split"] == "train"}
    for report in frozen:
        for start, end, digest, ents, missing in report["sentences"]:
            assert 0 <= start < end and re.fullmatch(r"[0-9a-f]{16}", digest)
            assert all(0 <= s < e <= end - start and lab in ALL_TYPES and src in SOURCES for s, e, lab, src in ents)
            assert all(0 <= s < e <= end - start for s, e in missing)


@requires_devset
def test_frozen_labels_read_back_as_the_rules_made_them(tmp_path):
    """Freezing and thawing changes nothing: the rows training reads are the rules' and the gold's."""
    rules = with_gazetteer(blank_pipeline(), EntityResolver(load_entries()))
    reports = training_reports(DEVSET, GOLD)[:4]
    frozen = frozen_labels(rules, reports)
    assert thawed_rows(DEVSET, frozen, GOLD) == silver_rows(rules, reports)


def _copy_of_the_devset(tmp_path, frozen):
    (tmp_path / "text").mkdir(parents=True)
    for r in frozen:
        shutil.copy(DEVSET / "text" / r["report"], tmp_path / "text" / r["report"])
    return tmp_path


@requires_devset
def test_a_report_that_changed_is_refused_by_name(tmp_path):
    frozen = _frozen()[:2]
    devset = _copy_of_the_devset(tmp_path, frozen)
    path = devset / "text" / frozen[1]["report"]
    start = frozen[1]["sentences"][0][0]
    text = path.read_bytes().decode("utf-8")
    assert text[start] != "某"
    path.write_bytes((text[:start] + "某" + text[start + 1 :]).encode("utf-8"))  # one character of a sentence
    with pytest.raises(StaleLabels, match=re.escape(frozen[1]["report"])):
        thawed_rows(devset, frozen, GOLD)


@requires_devset
def test_a_sentence_read_differently_is_refused_with_its_place(tmp_path):
    frozen = _frozen()[:1]
    start, end, digest, ents, missing = frozen[0]["sentences"][3]
    frozen[0]["sentences"][3] = [start, end + 1, digest, ents, missing]  # the reader of today ends it elsewhere
    with pytest.raises(StaleLabels, match=f"{start}-{end + 1}.*--refresh-silver"):
        thawed_rows(DEVSET, frozen, GOLD)


def test_a_test_report_in_the_labels_is_never_opened(tmp_path):
    test = next(g for g in GOLD if g["split"] == "test")
    forged = [{"report": "000_any-name.txt", "sha256": test["sha256"], "gold": False, "sentences": []}]
    with pytest.raises(StaleLabels, match="test split"):
        thawed_rows(tmp_path, forged, GOLD)  # refused before looking for the file
    forged = [{"report": test["report"], "sha256": "0" * 64, "gold": False, "sentences": []}]
    with pytest.raises(StaleLabels, match="test split"):
        thawed_rows(tmp_path, forged, GOLD)


@requires_devset
def test_budgetkg_train_names_the_changed_report_and_writes_nothing(tmp_path, capsys):
    from kg.cli import main

    frozen = _frozen()
    devset = _copy_of_the_devset(tmp_path / "devset", frozen)
    path = devset / "text" / frozen[-1]["report"]
    path.write_bytes(path.read_bytes() + "\n附：一行。\n".encode())  # the report of today has one more line
    generated = ROOT / "training" / "annotations" / "generated.jsonl"
    before = generated.stat().st_mtime_ns
    assert main(["train", "--devset", str(devset), "--out", str(tmp_path / "pipe")]) == 2
    err = capsys.readouterr().err
    assert frozen[-1]["report"] in err and "SHA-256" in err
    assert not (tmp_path / "pipe").exists() and generated.stat().st_mtime_ns == before


@requires_devset
def test_a_recipe_leaves_platform_and_reform_labels_of_untaught_sources_unannotated():
    frozen = _frozen()
    every = thawed_rows(DEVSET, frozen, GOLD)
    gold_only = thawed_rows(DEVSET, frozen, GOLD, taught=("gold",))
    by_rules = [e for r in frozen for s in r["sentences"] for e in s[3] if e[3] != "gold"]
    assert any(e[2] in ("Platform", "Reform") for e in by_rules) and any(e[2] == "Agency" for e in by_rules)
    dropped = []
    for a, b in zip(every, gold_only, strict=True):
        gone = [e for e in a["entities"] if e not in b["entities"]]
        assert all(e[:2] in b["missing"] for e in gone)  # neither a name nor "no name"
        dropped += [e[2] for e in gone]
    assert sorted(dropped) == sorted(e[2] for e in by_rules if e[2] in ("Platform", "Reform"))


# ------------------------------------------------------------------ the shipped pipeline is what budgetkg train builds


def test_the_shipped_pipeline_is_what_budgetkg_train_records_from_this_checkout():
    """provenance.json of nlp/data/pipeline against the checkout of today (`budgetkg train --check`): the files are
    the ones training wrote, and the command, recipe, training code and every input are what
    `budgetkg train --devset DIR` reads now, what it would teach (the development set's part when it is here) and
    how this machine computes (tests/test_training_taught.py says which).  A failure means the shipped model is no
    longer the one the repository builds here: retrain and measure (docs/training.md)."""
    import nlp
    from nlp import trainrecord

    problems = nlp.check_pipeline(load_entries(), devset=DEVSET if DEVSET_MANIFEST else None)
    if other_arithmetic():  # another kind of CPU: everything but how it computes must still be what ships
        problems = [p for p in problems if p != trainrecord.OTHER_ARITHMETIC]
    assert problems == []


def test_budgetkg_train_check_says_what_a_pipeline_lacks(tmp_path, capsys):
    from kg.cli import main

    (tmp_path / "pipe").mkdir()
    assert main(["train", "--check", "--out", str(tmp_path / "pipe")]) == 1
    assert "no provenance.json" in capsys.readouterr().err


@pytest.mark.slow
@requires_devset
def test_budgetkg_train_rebuilds_the_shipped_pipeline_byte_for_byte(tmp_path):
    """The end-to-end check (≈ 100 CPU seconds): `budgetkg train --devset DIR` in this process writes the very
    bytes that ship — which the record test cannot see for code outside the training modules (the tokenizer)."""
    from kg.cli import main
    from nlp import trainrecord

    skip_on_other_arithmetic()
    shipped = trainrecord.read(folder("pipeline"))  # first: a pipeline without a record is not rebuilt at all
    annotations = ROOT / "training" / "annotations"
    generated = (annotations / "generated.jsonl").read_bytes()
    assert main(["train", "--devset", str(DEVSET), "--out", str(tmp_path / "pipe")]) == 0
    assert (annotations / "generated.jsonl").read_bytes() == generated  # regenerated, unchanged
    rebuilt = trainrecord.read(tmp_path / "pipe")
    assert rebuilt["outputs"] == shipped["outputs"]
    assert rebuilt == shipped


@pytest.mark.slow
@requires_devset
def test_budgetkg_train_rebuilds_the_shipped_pipeline_on_the_kernel_another_cpu_gets(tmp_path, other_kernels):
    """The same rebuild (≈ 100 CPU seconds) in a process whose blis picked the kernel of another kind of CPU (skx as on
    AVX-512 Intel, else haswell as on AVX2: conftest.other_kernels) and whose OpenBLAS runs on one thread with an
    AVX2 CPU's kernel: the very bytes that ship, because training pins its arithmetic (nlp.arithmetic).  Without the
    pin the same command wrote other bytes there (docs/training.md)."""
    import subprocess
    import sys

    from nlp import trainrecord

    skip_on_other_arithmetic()
    shipped = trainrecord.read(folder("pipeline"))
    name, env = next(iter(other_kernels.items()))
    env = {**env, "OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Nehalem"}
    command = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    out = tmp_path / "pipe"
    done = subprocess.run(
        [sys.executable, "-c", command, "train", "--devset", str(DEVSET), "--out", str(out)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"this CPU's own kernel: {name}" in done.stdout  # the shim took
    rebuilt = trainrecord.read(out)
    assert rebuilt["outputs"] == shipped["outputs"]
    assert rebuilt == shipped
