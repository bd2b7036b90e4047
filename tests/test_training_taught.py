"""The fast guard of the shipped model: what `budgetkg train --devset DIR` would teach today (every sentence's
tokens and labels) and how this machine computes are what the shipped model was made from (provenance.json).

The slow test (tests/test_training_devset.py) rebuilds the model and compares its bytes; these tests see in
seconds the two ways the rebuild has drifted: code outside the training modules that changes what the NER is
taught (the tokenizer, its words, the sentence reader, the alignment of labels to tokens), and a machine whose
numeric libraries sum in another order (session 13's CI: blis picks its matrix kernels from the CPU)."""

from __future__ import annotations

import random

import numpy
import pytest
from conftest import DEVSET, DEVSET_MANIFEST, other_arithmetic

from kg.gazetteer import load_entries
from nlp import arithmetic, trainrecord
from nlp.pipeline import blank_pipeline
from nlp.resources import folder
from nlp.training import arithmetic_digest, expected_record, taught_examples

SHIPPED = trainrecord.read(folder("pipeline"))


@pytest.fixture(scope="module")
def today() -> dict:
    """What training would record from this checkout on this machine (the development set's part when present)."""
    return expected_record(load_entries(), devset=DEVSET if DEVSET_MANIFEST else None)


@pytest.mark.parametrize("part", ["annotations", "devset"])
def test_the_shipped_model_was_taught_what_training_teaches_today(today, part):
    """A failure: `budgetkg train --devset DIR` would teach other sentences, tokens or labels than the shipped model
    learnt, and would write other bytes. Find what changed them (docs/training.md), then retrain by its rule."""
    if today["examples"][part] is None:
        pytest.skip("the development set is not beside the checkout")
    assert today["examples"][part] == SHIPPED.get("examples", {}).get(part)


def test_this_machine_computes_as_the_one_that_trained_the_shipped_model_or_says_why_not(today):
    """On the machine that trained the shipped model its arithmetic is the recorded one.  On another kind of CPU
    (blis's kernels) the tests that compare trained bytes skip naming both digests; what training teaches (above)
    is still compared everywhere, since that is what code can change."""
    reason = other_arithmetic()
    assert (today["arithmetic"] == SHIPPED.get("arithmetic")) == (reason is None)
    if reason:
        assert today["arithmetic"][:12] in reason and str(SHIPPED.get("arithmetic"))[:12] in reason


def test_the_shipped_model_was_trained_with_the_pinned_kernel():
    """A model trained where the pin could not apply (nlp.arithmetic) is rebuilt only on machines like that one."""
    assert SHIPPED.get("kernel") == f"blis {arithmetic.BLIS_VERSION} {arithmetic.KERNEL}"


# ------------------------------------------------------------------ the digest sees what it must see

ROWS = [
    {"text": "区政务服务数据管理局上线“穗易办”平台。", "entities": [[0, 10, "Agency"], [12, 19, "Platform"]]},
    {"text": "推进审批服务便民化改革，建设智慧社区管理平台。", "entities": [[2, 11, "Reform"]], "missing": [[14, 22]]},
]


def _digest(rows, words=()):
    nlp = blank_pipeline()
    nlp.tokenizer.add_words(words)
    taught, skipped = taught_examples(nlp, rows, [])
    assert skipped == 0
    return trainrecord.examples_digest(taught["annotations"])


def test_the_digest_changes_with_the_tokens_the_labels_and_the_unannotated():
    base = _digest(ROWS)
    assert base == _digest([dict(r) for r in ROWS])  # the same lessons, the same digest
    assert base["sentences"] == 2
    changed = [
        _digest(ROWS, words=["服务数据"]),  # the tokenizer cuts a name's words otherwise (服务|数据 → 服务数据)
        _digest(ROWS, words=["管理平台"]),  # ... an unannotated head's (管理|平台 → 管理平台)
        _digest(ROWS, words=["管理局上线"]),  # ... a word across a name's end: the labels' tokens are split there
        _digest([ROWS[0], {**ROWS[1], "entities": [[2, 11, "Platform"]]}]),  # another label
        _digest([ROWS[0], {**ROWS[1], "missing": []}]),  # the open head taught as "no name"
        _digest([ROWS[0], {**ROWS[1], "text": ROWS[1]["text"].replace("建设", "建成")}]),  # another sentence
        _digest(ROWS[::-1]),  # another order
    ]
    assert all(d != base for d in changed)
    assert len({d["sha256"] for d in changed}) == len(changed)


def test_the_arithmetic_digest_is_stable_and_leaves_the_random_state_alone():
    random.seed(7)
    numpy.random.seed(7)
    before = random.random(), numpy.random.random()
    random.seed(7)
    numpy.random.seed(7)
    digest = arithmetic_digest()
    assert (random.random(), numpy.random.random()) == before
    assert arithmetic_digest() == digest
