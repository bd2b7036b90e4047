"""Training data is reproducible and never touches the gold set; training is deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DEVSET, requires_devset

from kg.gazetteer import load_entries
from nlp.trainingdata import SEED, generate, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS_DIR = ROOT / "training" / "annotations"  # development files: never shipped
#: every file of sentences training may read: the annotations and the read sets (``--read-sets``)
TRAINING_FILES = [*sorted(ANNOTATIONS_DIR.glob("*.jsonl")), *sorted((ROOT / "training" / "readsets").glob("*.jsonl"))]


def test_generated_annotations_are_reproducible():
    committed = read_jsonl(ANNOTATIONS_DIR / "generated.jsonl")
    assert generate(load_entries(), len(committed), SEED) == committed


def test_annotations_are_well_formed():
    for f in TRAINING_FILES:
        for row in read_jsonl(f):
            for s, e, label in row["entities"]:
                assert 0 <= s < e <= len(row["text"]) and label in {"Agency", "Platform", "Reform", "PolicyDocument"}
                assert row["text"][s:e].strip() == row["text"][s:e]


def test_no_gold_paragraph_is_trained_on():
    gold = []
    for f in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        if f.name == "devset.jsonl":
            continue  # offsets only (tests/test_gold_devset.py)
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        # indicator-only gold rows are scored against rules, not the NER: they may be in silver data
        gold += [r["text"] for r in rows if r["entities"] is not None]
    training = [r["text"] for f in TRAINING_FILES for r in read_jsonl(f)]
    long_sentences = [s for g in gold for s in g.replace("；", "。").split("。") if len(s) >= 15]
    assert long_sentences
    for s in long_sentences:
        assert not any(s in t for t in training), s


_SMALL_TRAINING = """
import shutil, sys
from pathlib import Path
from kg.gazetteer import load_entries
from nlp.training import train
out = Path(sys.argv[1])
ann = out.parent / (out.name + "-annotations")
ann.mkdir()
shutil.copy(sys.argv[2], ann / "hand.jsonl")
train(load_entries(), out, epochs=1, n_generated=60, annotations_dir=ann, log=lambda *_: None)
"""


@pytest.mark.slow
def test_training_gives_the_same_bytes_in_another_process(tmp_path):
    """Two trainings in two processes (different string-hash seeds) write byte-identical pipelines, and
    provenance.json records exactly what was written."""
    import os
    import subprocess
    import sys

    from nlp import trainrecord

    records = []
    for run, hashseed in (("a", "1"), ("b", "2")):
        subprocess.run(
            [sys.executable, "-c", _SMALL_TRAINING, str(tmp_path / run), str(ANNOTATIONS_DIR / "hand.jsonl")],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hashseed},
            check=True,
        )
        record = trainrecord.read(tmp_path / run)
        assert record["outputs"] == trainrecord.outputs(tmp_path / run)  # what it says it wrote, it wrote
        records.append(record)
    assert records[0]["outputs"]["ner/model"] == records[1]["outputs"]["ner/model"]
    assert records[0] == records[1]
    assert records[0]["command"] == "budgetkg train --epochs 1  # recipe: n_generated=60"  # no development set


@pytest.mark.slow
@requires_devset
def test_training_with_the_development_set_is_deterministic(tmp_path):
    """budgetkg train --devset: same seed, gazetteer, annotations, labels and development set → same pipeline;
    labels made by the rules in the first run and read back from the labels file in the second train alike."""
    from nlp import trainrecord
    from nlp.training import train

    entries = load_entries()
    labels = tmp_path / "labels.jsonl"
    records = []
    for run in ("a", "b"):
        ann = tmp_path / f"ann-{run}"
        ann.mkdir()
        shutil.copy(ANNOTATIONS_DIR / "hand.jsonl", ann / "hand.jsonl")
        train(
            entries,
            tmp_path / f"pipe-{run}",
            epochs=1,
            n_generated=60,
            annotations_dir=ann,
            devset=DEVSET,
            devset_labels=labels,
            refresh_labels=run == "a",
            log=lambda *_: None,
        )
        records.append(trainrecord.read(tmp_path / f"pipe-{run}"))
    assert records[0] == records[1]
    assert len(records[0]["inputs"]["devset_reports"]) >= 12
    assert records[0]["inputs"]["devset_labels"] == trainrecord.sha256_file(labels)
    # the record check (budgetkg train --check) sees the small recipe and nothing else, then a changed input
    from nlp.training import expected_record

    expected = expected_record(entries, tmp_path / "ann-b", labels)
    assert trainrecord.differences(tmp_path / "pipe-b", expected) == ["command changed", "recipe changed"]
    with open(tmp_path / "ann-b" / "hand.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"text": "新增一句。", "entities": []}, ensure_ascii=False) + "\n")
    expected = expected_record(entries, tmp_path / "ann-b", labels)
    assert "input annotations changed" in trainrecord.differences(tmp_path / "pipe-b", expected)
