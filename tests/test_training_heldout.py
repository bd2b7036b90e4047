"""Names tests measure the NER on as names it never met (nlp.trainingdata.held_out_names) are in no sentence training
reads: the generator and the substitution never compose one (应急指挥 + 一体化平台 is a renamed-name test's platform),
and ``budgetkg train`` leaves out every sentence holding one — corpus silver (``--refresh-silver`` writes it), the
development set's, hand-written — whatever the seed."""

from __future__ import annotations

import pytest
from test_platform_shapes import DEV, HELD

from kg.gazetteer import load_entries
from nlp.trainingdata import HELD_OUT, generate, held_out_names, read_jsonl, substitute, without_held_out

#: The renamed-name test's names and the unseen-name test's, as training must never print them.
NAMES = sorted({n.strip("“”") for n in DEV + HELD} | set(HELD_OUT))


def _holding(rows: list[dict]) -> list[str]:
    return [n for r in rows for n in NAMES if n in r["text"]]


@pytest.fixture(scope="module")
def entries():
    return load_entries()


def test_every_name_of_the_renamed_name_test_is_held_out():
    assert set(NAMES) <= set(held_out_names())


@pytest.mark.parametrize("seed", range(0, 40, 4))
def test_no_generated_or_substituted_sentence_composes_a_held_out_name(entries, seed):
    rows = generate(entries, 1500, seed)
    assert not _holding(rows)
    # a platform of the corpus's shape replaced, again and again, by a composed one
    frames = [{"text": "依托区应急管理平台，提升处置能力。", "entities": [[2, 8, "Platform"]]}] * 100
    assert not _holding(substitute(frames, entries, variants=20, seed=seed))


def test_a_sentence_holding_a_held_out_name_is_left_out_whatever_its_labels():
    rows = [
        {"text": "依托应急指挥一体化平台，提升处置能力。", "entities": [[2, 11, "Platform"]]},
        {"text": "建设区应急指挥一体化平台二期。", "entities": []},  # inside a longer name, unlabelled: out too
        {"text": "推广“粤医保”小程序。", "entities": [[2, 10, "Platform"]]},  # quoted as the test prints it
        {"text": "依托应急指挥平台，提升处置能力。", "entities": [[2, 8, "Platform"]]},  # not a held-out name
    ]
    assert without_held_out(rows) == rows[3:]


def test_relabelled_corpus_silver_holds_no_held_out_name(tmp_path, entries):
    """``budgetkg train --refresh-silver`` writes silver.jsonl and substituted.jsonl without a sentence holding a
    held-out name (the rules find 应急指挥一体化平台 in a report sentence as in any other)."""
    from nlp.training import train

    ann = tmp_path / "ann"
    ann.mkdir()
    texts = [
        "加快建设应急指挥一体化平台，推动数据共享。完成区政务服务平台升级改造，提升系统稳定性。",
        "依托“粤医保”小程序办理医保业务。依托区政务服务平台办理社保业务。",
    ]
    train(
        entries,
        tmp_path / "pipe",
        epochs=1,
        n_generated=10,
        silver_texts=texts,
        annotations_dir=ann,
        log=lambda *_: None,
    )
    silver = read_jsonl(ann / "silver.jsonl")
    assert len(silver) == 2 and not _holding(silver)
    assert read_jsonl(ann / "substituted.jsonl") and not _holding(read_jsonl(ann / "substituted.jsonl"))
