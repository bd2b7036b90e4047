"""Training data is reproducible and never touches the gold set; training is deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DEVSET, requires_devset

from kg.gazetteer import load_entries
from nlp.training import SEED, generate, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS_DIR = ROOT / "training" / "annotations"  # development files: never shipped


def test_generated_annotations_are_reproducible():
    committed = read_jsonl(ANNOTATIONS_DIR / "generated.jsonl")
    assert generate(load_entries(), len(committed), SEED) == committed


def test_annotations_are_well_formed():
    for f in sorted(ANNOTATIONS_DIR.glob("*.jsonl")):
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
    training = [r["text"] for f in sorted(ANNOTATIONS_DIR.glob("*.jsonl")) for r in read_jsonl(f)]
    long_sentences = [s for g in gold for s in g.replace("；", "。").split("。") if len(s) >= 15]
    assert long_sentences
    for s in long_sentences:
        assert not any(s in t for t in training), s


@pytest.mark.slow
def test_training_is_deterministic(tmp_path):
    from nlp.training import train

    entries = load_entries()
    outs = []
    for run in ("a", "b"):
        ann = tmp_path / f"ann-{run}"
        ann.mkdir()
        shutil.copy(ANNOTATIONS_DIR / "hand.jsonl", ann / "hand.jsonl")
        train(entries, tmp_path / f"pipe-{run}", epochs=1, n_generated=60, annotations_dir=ann, log=lambda *_: None)
        outs.append((tmp_path / f"pipe-{run}" / "ner" / "model").read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.slow
@requires_devset
def test_training_with_the_development_set_is_deterministic(tmp_path):
    """budgetkg train --devset: same seed, gazetteer, annotations and development set → same pipeline."""
    from nlp.training import train

    entries = load_entries()
    outs = []
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
            log=lambda *_: None,
        )
        pipe = tmp_path / f"pipe-{run}"
        outs.append(
            ((pipe / "ner" / "model").read_bytes(), json.loads((pipe / "meta.json").read_text())["budgetkg_devset"])
        )
    assert outs[0] == outs[1]
    assert len(outs[0][1]) >= 12
