"""One reader of hand-read gold rows (nlp.evaluation.load_gold): the surface form of tests/gold and dev13 and the
offsets form of more18 alike, a folder or one file, and a bad row named by its file and line.

Before it, ``budgetkg eval entities --gold DIR`` stopped on the offsets form (an unpacking error, no file named),
read a file given for a folder as no rows at all, and passed silently over a surface not in its paragraph, an
offset past its end or a label of no type (a gold name lost, the figures changed); nlp.heldoutsets had a reader of
its own.  Every row of BAD fails before (no message names the file and line); the offsets and file rows too."""

from __future__ import annotations

import json

import pytest

from nlp.evaluation import GoldError, evaluate, gold_spans, load_gold

TEXT = "深化“放管服”改革，完善区政务服务平台和政务服务平台。"
ROW = {"report": "p01", "line": 4, "section": "responsibilities", "text": TEXT, "types": ["Platform", "Reform"]}
SURFACES = [["“放管服”改革", "Reform"], ["区政务服务平台", "Platform"], ["政务服务平台", "Platform"]]
OFFSETS = [[2, 9, "Reform"], [12, 19, "Platform"], [20, 26, "Platform"]]


def _write(path, *rows) -> None:
    path.write_text(
        "".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def test_the_two_forms_of_a_row_give_the_same_spans(tmp_path):
    _write(tmp_path / "a.jsonl", {**ROW, "entities": SURFACES})
    _write(tmp_path / "b.jsonl", {**ROW, "entities": OFFSETS})
    rows = load_gold(tmp_path)
    assert [r["text"] for r in rows] == [TEXT, TEXT]
    spans = [gold_spans(r["text"], r["entities"]) for r in rows]
    assert spans[0] == spans[1] == {(2, 9, "Reform"), (12, 19, "Platform"), (20, 26, "Platform")}
    assert gold_spans(TEXT, None) == set()  # read for indicators only


def test_eval_scores_the_offsets_form_as_the_surface_form(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "o").mkdir()
    _write(tmp_path / "s" / "x.jsonl", {**ROW, "entities": SURFACES})
    _write(tmp_path / "o" / "x.jsonl", {**ROW, "entities": OFFSETS})
    by_surface = evaluate(tmp_path / "s", gazetteer=())
    by_offsets = evaluate(tmp_path / "o", gazetteer=())  # before: ValueError (too many values to unpack)
    assert by_offsets["per_type"] == by_surface["per_type"]
    assert by_offsets["per_type"]["Reform"]["gold"] == 1 and by_offsets["per_type"]["Platform"]["gold"] == 2


def test_a_file_is_read_as_its_rows(tmp_path):
    _write(tmp_path / "x.jsonl", {**ROW, "entities": OFFSETS}, "\n", {**ROW, "line": 5, "entities": []})
    assert [r["line"] for r in load_gold(tmp_path / "x.jsonl")] == [4, 5]  # before: no rows (a folder's glob)


BAD = [
    pytest.param("{not json\n", "", id="not JSON"),
    pytest.param('["a list"]\n', "not a JSON object", id="not an object"),
    pytest.param({k: v for k, v in ROW.items() if k != "text"} | {"entities": []}, "no text", id="no text"),
    pytest.param({k: v for k, v in ROW.items()}, "no entities", id="no entities"),
    pytest.param(
        {**ROW, "entities": [[2, 9, "Reform"], ["区政务服务平台", "Platform"]]}, "start, end", id="forms mixed"
    ),
    pytest.param({**ROW, "entities": [[20, 99, "Platform"]]}, "not a span", id="offset past the end"),
    pytest.param({**ROW, "entities": [[9, 2, "Reform"]]}, "not a span", id="end before start"),
    pytest.param({**ROW, "entities": [["一网通办", "Reform"]]}, "in the text", id="surface not in the text"),
    pytest.param({**ROW, "entities": [["“放管服”改革", "reform"]]}, "label", id="label of no type"),
    pytest.param({**ROW, "entities": [["“放管服”改革"]]}, "surface, label", id="no label"),
    pytest.param({**ROW, "types": ["Platforms"], "entities": []}, "types", id="type misspelt"),
    pytest.param(
        {k: v for k, v in ROW.items() if k != "types"} | {"section": "tasks", "entities": []},
        "no indicators",
        id="task paragraph without indicators",
    ),
    pytest.param(
        {**ROW, "entities": [], "indicators": [["完善区政务服务平台", "十二", "个"]]},
        "not a number",
        id="value not a number",
    ),
    pytest.param(
        {**ROW, "entities": [], "indicators": [["办件量12万件", "120000", "件"]]},
        "in the text",
        id="indicator not in the text",
    ),
]


@pytest.mark.parametrize(("bad", "says"), BAD)
def test_a_bad_row_is_named_by_its_file_and_line(tmp_path, bad, says):
    good = {**ROW, "entities": SURFACES}
    _write(tmp_path / "x.jsonl", good, "\n", bad)  # the bad row is on the file's third line
    with pytest.raises(GoldError, match=f"x.jsonl:3: .*{says}" if says else "x.jsonl:3: "):
        load_gold(tmp_path)


def test_eval_says_which_row_is_bad_and_measures_nothing(tmp_path, capsys):
    from kg.cli import main

    _write(tmp_path / "x.jsonl", {**ROW, "entities": [["一网通办", "Reform"]]})
    assert main(["eval", "--gold", str(tmp_path), "--no-gazetteer"]) == 2
    out = capsys.readouterr()
    assert f"{tmp_path / 'x.jsonl'}:1: " in out.err and "type" not in out.out


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no gold file"):
        load_gold(tmp_path)  # before: no rows, every figure 0 of 0
    with pytest.raises(GoldError, match="no gold file"):
        load_gold(tmp_path / "absent")


def test_the_misses_are_listed_in_the_same_order_on_every_run():
    """``budgetkg eval -v`` lists what was found and not gold in the order of the text: before, in the order of a set
    of spans, which Python's string hashing changes from run to run (two runs of the same checkout printed the same
    misses in other orders)."""
    import subprocess
    import sys

    code = (
        "from nlp.evaluation import _score\n"
        "pred = {(s, s + 2, lab) for s in range(0, 40, 3) for lab in ('Platform', 'Reform')}\n"
        "counts = {t: [0, 0, 0] for t in ('Platform', 'Reform')}\n"
        "print(_score({(0, 2, 'Reform'), (50, 52, 'Platform')}, pred, counts, {}))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": str(seed)}
        ).stdout
        for seed in range(4)
    }
    assert len(runs) == 1
    (out,) = runs
    assert out.index("'FP', 3, 5") < out.index("'FP', 36, 38") < out.index("'FN', 50")
