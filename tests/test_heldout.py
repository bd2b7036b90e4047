"""nlp.heldout (with nlp.heldoutsets, nlp.heldoutspans): the leave-one-set-out measurement of a learned platform decision (docs/learning.md).

All 25 fail before nlp.heldout exists (the module is new): 7 gold-form rows, 4 fold checks, 9 candidate rows, a
model deciding two constructed sentences it never saw (and the same weights twice), decoding, measuring per fold,
reading both gold forms, and the script.
"""

from __future__ import annotations

import json

import pytest

from nlp.evaluation import gold_spans
from nlp.heldout import decode, logistic_model, measure
from nlp.heldoutsets import Paragraph, folds, read_sets
from nlp.heldoutspans import MAX_NAME, span_candidates, span_features
from nlp.tokenizer import word_offsets


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        # offsets, as more18 and the devset store them
        ("依托闽政通APP办理", [[2, 8, "Platform"]], {(2, 8, "Platform")}),
        ("无", [], set()),
        # surfaces: every occurrence meant
        ("建设粤省事平台，推广粤省事平台", [["粤省事平台", "Platform"]], {(2, 7, "Platform"), (10, 15, "Platform")}),
        # a surface inside a longer listed one is not counted again
        (
            "完善区政务服务平台和政务服务平台",
            [["区政务服务平台", "Platform"], ["政务服务平台", "Platform"]],
            {(2, 9, "Platform"), (10, 16, "Platform")},
        ),
        ("深化“放管服”改革", [["“放管服”改革", "Reform"]], {(2, 9, "Reform")}),
        ("推进“一网通办”", [["“一网通办”", "Reform"]], {(2, 8, "Reform")}),
        ("印发《某某办法》", [["《某某办法》", "PolicyDocument"]], {(2, 8, "PolicyDocument")}),
    ],
)
def test_gold_spans_of_either_form(text, entities, expected):
    assert gold_spans(text, entities) == expected


def _para(st: str, page: str, text: str, gold=(), types=None) -> Paragraph:
    return Paragraph(st, page, text, frozenset(gold), types)


SETS = [
    _para("a", "p1", "甲"),
    _para("a", "p1", "乙"),
    _para("a", "p2", "丙"),
    _para("b", "q1", "丁"),
    _para("b", "q1", "乙"),  # the same paragraph read again in another set (a page two annotators chose)
    _para("c", "r1", "戊"),
]


def test_every_paragraph_is_held_out_once():
    held = [i for _, h, _ in folds(SETS) for i in h]
    assert sorted(held) == list(range(len(SETS)))
    assert [f for f, _, _ in folds(SETS)] == ["a", "b", "c"]


def test_held_out_and_taught_never_meet():
    for _, held, train in folds(SETS):
        assert not set(held) & set(train)
        assert not {SETS[i].text for i in held} & {SETS[i].text for i in train}


def test_a_paragraph_read_in_two_sets_is_never_taught_when_either_is_held_out():
    by = {f: (h, t) for f, h, t in folds(SETS)}
    assert 4 not in by["a"][1]  # 乙 of set b: held out with set a's 乙
    assert 1 not in by["b"][1]
    assert 1 in by["c"][1] and 4 in by["c"][1]


def test_folds_by_page():
    names = [f for f, _, _ in folds(SETS, by="page")]
    assert names == ["a/p1", "a/p2", "b/q1", "c/r1"]
    by = {f: (h, t) for f, h, t in folds(SETS, by="page")}
    assert by["a/p2"][0] == [2] and 0 in by["a/p2"][1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("依托“渝快办”政务服务平台开展服务", "“渝快办”政务服务平台"),
        ("依托“渝快办”政务服务平台开展服务", "政务服务平台"),
        ("全面推广闽政通APP的使用", "闽政通APP"),
        ("升级改造县社保（市民）卡服务网点", "县社保（市民）卡"),
        ("开通12345政务服务便民热线", "12345政务服务便民热线"),
        ("用好“一卡通”", "“一卡通”"),
        ("维护电子政务外网运行", "电子政务外网"),
    ],
)
def test_a_name_of_an_unseen_shape_is_among_the_candidates(text, name):
    start = text.index(name)
    assert (start, start + len(name)) in span_candidates(text, word_offsets(text))


@pytest.mark.parametrize(
    ("text", "not_a_candidate"),
    [
        ("建设数据中心、共享平台", "数据中心、共享平台"),  # a list's comma inside
        ("建设" + "甲" * MAX_NAME + "平台", "甲" * MAX_NAME + "平台"),  # longer than any name
    ],
)
def test_no_candidate_crosses_punctuation_or_runs_too_long(text, not_a_candidate):
    start = text.index(not_a_candidate)
    assert (start, start + len(not_a_candidate)) not in span_candidates(text, word_offsets(text))


def _sentence_features(text: str, name: str) -> dict[str, float]:
    words = word_offsets(text)
    start = text.index(name)
    spans = span_candidates(text, words)
    return span_features(text, words, start, start + len(name), spans[(start, start + len(name))])


def test_the_model_decides_sentences_it_never_saw_and_gives_the_same_answer_twice():
    # names of a platform after 依托/推广/上线 taught as names; the same heads after 各/相关 (many of them) as none
    taught = [
        ("依托粤省事平台办理业务", "粤省事平台", 1),
        ("推广浙里办APP应用", "浙里办APP", 1),
        ("上线皖事通小程序服务", "皖事通小程序", 1),
        ("依托赣服通平台推进", "赣服通平台", 1),
        ("整合各业务系统数据", "业务系统", 0),
        ("对接相关平台接口", "平台", 0),
        ("整合各应用系统资源", "应用系统", 0),
        ("对接相关系统数据", "系统", 0),
    ]
    rows = [_sentence_features(t, n) for t, n, _ in taught]
    labels = [y for _, _, y in taught]
    one = logistic_model().fit(rows, labels)
    two = logistic_model().fit(rows, labels)
    assert one[0].vocabulary_ == two[0].vocabulary_
    assert (one[-1].coef_ == two[-1].coef_).all() and (one[-1].intercept_ == two[-1].intercept_).all()
    unseen = [
        _sentence_features("依托蒙速办平台开展", "蒙速办平台"),
        _sentence_features("整合各审批系统数据", "审批系统"),
    ]
    yes, no = one.predict_proba(unseen)[:, 1]
    assert yes > 0.5 > no


def test_decode_keeps_the_likeliest_spans_that_do_not_overlap():
    scored = [(0, 0, 6, 0.9), (0, 2, 6, 0.95), (0, 8, 10, 0.6), (0, 11, 13, 0.3), (1, 0, 6, 0.9)]
    assert decode(scored, 0.5) == {(0, 2, 6), (0, 8, 10), (1, 0, 6)}


def test_measure_counts_each_fold_on_its_own_paragraphs():
    text_a = "依托粤省事平台办理业务，整合各业务系统数据"
    text_b = "推广浙里办APP应用，对接相关系统数据"
    text_c = "上线皖事通小程序服务，整合各应用系统资源"
    paras = [
        _para("a", "p", text_a, {(2, 7, "Platform")}),
        _para("b", "q", text_b, {(2, 8, "Platform")}),
        _para("c", "r", text_c, {(2, 8, "Platform")}, frozenset({"Platform"})),
        _para("d", "s", "印发通知", set(), frozenset({"Reform"})),  # not read for platforms: never counted
    ]
    # the rules found one name right and one wrong in a, nothing in b and c
    found = [(0, 2, 7, "Platform", "pattern"), (0, 15, 19, "Platform", "pattern")]
    figures = dict(measure(paras, found))
    assert set(figures) == {"a", "b", "c"}
    assert figures["a"]["rules"] == (1, 2, 1)
    assert figures["b"]["rules"] == (0, 0, 1)
    assert figures["a"]["ceiling"] == figures["b"]["ceiling"] == figures["c"]["ceiling"] != (0, 0, 0)


def test_read_sets_reads_both_forms_and_skips_rows_read_for_indicators(tmp_path):
    (tmp_path / "one.jsonl").write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {"report": "x", "text": "推广浙里办APP", "entities": [[2, 8, "Platform"]], "types": ["Platform"]},
                {"report": "y", "text": "推广浙里办APP", "entities": [["浙里办APP", "Platform"]]},
                {"report": "z", "text": "完成率95%", "entities": None},
            ]
        ),
        encoding="utf-8",
    )
    paras = read_sets({"s": tmp_path})
    assert [(p.page, p.gold, p.types) for p in paras] == [
        ("x", frozenset({(2, 8, "Platform")}), frozenset({"Platform"})),
        ("y", frozenset({(2, 8, "Platform")}), None),
    ]


def test_the_script_measures_a_collected_file(tmp_path, capsys):
    import importlib.util
    from pathlib import Path

    from nlp.heldoutsets import save_collected

    spec = importlib.util.spec_from_file_location(
        "heldout_script", Path(__file__).parents[1] / "scripts" / "heldout.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    paras = [
        _para("a", "p", "依托粤省事平台办理业务，整合各业务系统数据", {(2, 7, "Platform")}),
        _para("b", "q", "推广浙里办APP应用，对接相关系统数据", {(2, 8, "Platform")}),
    ]
    collected = tmp_path / "c.json"
    save_collected(collected, paras, [(0, 2, 7, "Platform", "pattern")])
    assert script.main(["folds", str(collected)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("a ") and "rules 1/1/1" in out[0]
    assert out[1].startswith("b ") and "rules 0/0/1" in out[1]
    assert out[-1].startswith("all rules 1/1/2")
