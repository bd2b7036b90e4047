"""The development set's hand-read gold (tests/gold/devset.jsonl): well formed, offsets-only,
still pointing at the files it was read on, and scored by ``nlp.evaluation.evaluate_devset``."""

from __future__ import annotations

import hashlib

import pytest
from conftest import DEVSET, DEVSET_MANIFEST, requires_devset

from nlp.evaluation import ENTITY_TYPES, devset_gold_path, load_devset_gold

ROWS = load_devset_gold()


def test_gold_is_offsets_only_and_well_formed():
    """Nothing of the devset's text is committed: offsets, labels, a split and a hash only."""
    for row in ROWS:
        assert (
            {"report", "sha256", "split", "regions", "entities"}
            <= set(row)
            <= {"report", "sha256", "split", "regions", "entities", "types"}
        )
        assert row["split"] in {"train", "test"}
        types = row.get("types") or ENTITY_TYPES
        assert set(types) <= set(ENTITY_TYPES)
        for s, e, label in row["entities"]:
            assert label in types and 0 <= s < e
            assert any(a <= s and e <= b for a, b in row["regions"]), (row["report"], s, e)
    text = devset_gold_path().read_text(encoding="utf-8")
    assert not any("\u4e00" <= c <= "\u9fff" for c in text), "devset gold must not carry the reports' text"


def test_gold_covers_twelve_reports_from_six_provinces():
    assert len(ROWS) >= 12
    if DEVSET_MANIFEST:
        province = {r["stem"]: r["province"] for r in DEVSET_MANIFEST}
        provinces = {province[row["report"].removesuffix(".txt")] for row in ROWS}
        assert len(provinces) >= 6, provinces
        test_provinces = {province[row["report"].removesuffix(".txt")] for row in ROWS if row["split"] == "test"}
        assert len(test_provinces) >= 4, test_provinces


def test_one_agency_never_spans_both_splits():
    """Reports of one agency repeat paragraphs year after year: they stay in one split."""
    if not DEVSET_MANIFEST:
        pytest.skip("needs the devset manifest")
    agency = {r["stem"]: r["agency"] for r in DEVSET_MANIFEST}
    splits: dict[str, set[str]] = {}
    for row in ROWS:
        splits.setdefault(agency[row["report"].removesuffix(".txt")], set()).add(row["split"])
    assert all(len(s) == 1 for s in splits.values()), splits


@requires_devset
def test_gold_points_at_the_files_it_was_read_on():
    for row in ROWS:
        data = (DEVSET / "text" / row["report"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["report"]
        raw = data.decode("utf-8")
        for s, e, _ in row["entities"]:
            name = raw[s:e]
            assert name.strip() == name and "\n\n" not in name, (row["report"], name)
