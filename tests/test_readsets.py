"""Read sets as training data (nlp.readsets, training/readsets, ``budgetkg train --read-sets``): the reader's names
for the types read, the rules' for the others; no sentence of a set that measures the model; the recipe records what
it read only when it reads it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.gazetteer import load_entries
from nlp import trainrecord
from nlp.readsets import READSETS_DIR, read_set_files, sentences, training_rows
from nlp.training import RECIPE, examples_record, read_set_rows, recorded_inputs
from nlp.trainingdata import held_out_names, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
READSETS = ROOT.joinpath(*READSETS_DIR)


class _Ent:
    def __init__(self, start: int, end: int, label: str) -> None:
        self.start_char, self.end_char, self.label_ = start, end, label


class _Doc:
    def __init__(self, ents) -> None:
        self.ents = ents


class _Rules:
    """The rules as a stub: each text's names given as surfaces (the first occurrence)."""

    def __init__(self, names: dict[str, list[tuple[str, str]]]) -> None:
        self.names = names

    def pipe(self, texts):
        for t in texts:
            yield _Doc([_Ent(t.index(s), t.index(s) + len(s), lab) for s, lab in self.names.get(t, [])])


# a made-up page: a body's duties, read for platforms, reforms and documents (not agencies)
_TEXT = "某某县数据局负责某某县智慧政务平台的运行维护；推进“一窗通办”改革。依据《某某县数据管理办法》。"
_ROW = {
    "report": "https://example.gov.cn/page.html",
    "line": 4,
    "text": _TEXT,
    "entities": [
        ["某某县智慧政务平台", "Platform"],
        ["“一窗通办”改革", "Reform"],
        ["《某某县数据管理办法》", "PolicyDocument"],
    ],
    "types": ["Platform", "Reform", "PolicyDocument"],
}


def _rows(rules: dict, row: dict = _ROW, exclude=()) -> list[dict]:
    return training_rows(_Rules({row["text"]: rules}), [row], exclude)


def _named(row: dict) -> list[tuple[str, str]]:
    return [(row["text"][s:e], lab) for s, e, lab in row["entities"]]


def test_sentences_keep_their_offsets_and_drop_short_ones():
    text = " 负责全市政务服务平台建设。好。推进改革工作；统筹全区政务信息系统整合 "
    assert [text[s:e] for s, e in sentences(text)] == ["负责全市政务服务平台建设。", "统筹全区政务信息系统整合"]


def test_the_readers_names_replace_the_rules_for_the_types_read_and_the_rules_name_the_others():
    # the rules read the platform shorter (a wrong name) and find the agency, which the reader did not read
    rows = _rows([("某某县数据局", "Agency"), ("智慧政务平台", "Platform")])
    assert [_named(r) for r in rows] == [
        [("某某县数据局", "Agency"), ("某某县智慧政务平台", "Platform")],
        [("“一窗通办”改革", "Reform")],
        [("《某某县数据管理办法》", "PolicyDocument")],
    ]
    assert all(r["report"] == _ROW["report"] and r["line"] == 4 for r in rows)


def test_an_agency_the_rules_read_across_a_read_name_is_not_taught():
    rows = _rows([("数据局负责某某县", "Agency")])
    assert _named(rows[0]) == [("某某县智慧政务平台", "Platform")]


def test_a_head_nobody_explained_is_left_unannotated_where_the_set_was_not_read_for_its_type():
    # the agency head 数据局 is no name the rules found: neither a name nor "no name"
    first = _rows([])[0]
    assert "某某县数据局" in [first["text"][a:b] for a, b in first["missing"]]
    assert _rows([("某某县数据局", "Agency")])[0]["missing"] == [[6, 17]]  # an open head around the read name
    # read for every type: what the reader did not mark is no name
    assert _rows([], {**_ROW, "types": None, "entities": _ROW["entities"]})[0]["missing"] == []


def test_a_sentence_printed_in_a_set_that_measures_the_model_is_left_out():
    rows = _rows([], exclude=["其他段落。推进“一窗通办”改革，其他。"])
    assert [r["text"] for r in rows] == [_TEXT.split("；")[0] + "；", "依据《某某县数据管理办法》。"]


def test_a_name_across_two_sentences_is_left_unannotated():
    row = {**_ROW, "text": "建设某某县数据共享平台。二期工程。", "entities": [["平台。二期工程", "Reform"]]}
    rows = _rows([], row)
    assert rows[0]["entities"] == [] and "平台。" in [rows[0]["text"][a:b] for a, b in rows[0]["missing"]]


def test_the_committed_read_sets_are_well_formed_with_their_pages_and_no_held_out_or_gold_sentence():
    files = read_set_files(READSETS)
    assert [f.name for f in files] == ["fresh23.jsonl", "more21.jsonl"]
    gold = [
        json.loads(line)["text"]
        for f in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
        if f.name != "devset.jsonl"
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    held = held_out_names()
    for f in files:
        rows = read_jsonl(f)
        assert len(rows) > 150
        for row in rows:
            assert row["report"].startswith("http") and isinstance(row["line"], int)
            for s, e, label in row["entities"]:
                assert 0 <= s < e <= len(row["text"]) and label in {"Agency", "Platform", "Reform", "PolicyDocument"}
            assert all(0 <= a < b <= len(row["text"]) for a, b in row["missing"])
            assert not any(h in row["text"] for h in held)
            assert len(row["text"]) < 15 or not any(row["text"] in g for g in gold)
    named = sum(1 for f in files for r in read_jsonl(f) for e in r["entities"] if e[2] != "Agency")
    assert named > 230  # the read sets' platforms, reforms and documents: 264 read, 238 in sentences taught


def test_the_recipe_reads_the_read_sets_only_when_it_teaches_them():
    entries = load_entries()
    annotations = ROOT / "training" / "annotations"
    assert RECIPE.read_sets is False
    off = recorded_inputs(entries, annotations, None, None)
    on = recorded_inputs(entries, annotations, None, None, READSETS)
    assert "read_sets" not in off
    assert on["read_sets"] == {f.name: trainrecord.sha256_file(f) for f in read_set_files(READSETS)}
    assert {k: v for k, v in on.items() if k != "read_sets"} == off
    recipe = {**RECIPE.__dict__, "read_sets": True}
    assert trainrecord.command_line(recipe, RECIPE.__dict__, True) == "budgetkg train --devset DEVSET --read-sets"
    rows = read_set_rows(READSETS, entries, RECIPE.seed)
    plain = [r for f in read_set_files(READSETS) for r in read_jsonl(f)]
    assert rows[: len(plain)] == [{k: r[k] for k in ("text", "entities", "missing")} for r in plain]
    assert len(rows) > len(plain) and all("missing" not in r for r in rows[len(plain) :])  # substitutes
    assert read_set_rows(None, entries, RECIPE.seed) == []


@pytest.mark.parametrize("read_sets", [False, True])
def test_what_the_recipe_teaches_has_a_read_sets_part_only_when_it_teaches_them(read_sets, tmp_path):
    (tmp_path / "hand.jsonl").write_text(
        json.dumps({"text": "上线某某政务服务平台。", "entities": [[2, 10, "Platform"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    record = examples_record(load_entries(), tmp_path, recipe=replace(RECIPE, read_sets=read_sets))
    assert record["annotations"]["sentences"] == 1
    assert ("read_sets" in record) is read_sets
    if read_sets:
        assert record["read_sets"]["sentences"] > 560
