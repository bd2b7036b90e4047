"""A final account's self-evaluation (年度指标值 beside 实际完成值) whose target column is too narrow for its value: the
target wraps inside its cell, centred on the row's line — its head above (``≤120万``, ``9562平``, ``≥330台``,
``≤1638.67``), the rest of its unit below (``元``, ``方米``, ``套``, ``万元``) — and the row's line prints only what was
achieved (nlp.indicatortables).  Made-up grids, with and without a column of reasons, other names, values and units:
the head and tail are the target of the indicator the line achieves; nothing else is read from them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_indicator_tables import read, report

HEADERS = {
    "reasons": "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "no reasons": "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
}

# (lines as printed, expected (name, value, unit, comparator, achieved) of target and what was achieved)
ROWS = {
    "cost, 万 above 元": (
        ["经济成本指 ≤120万", "成本指标 项目成本控制 118.5万元 20 20", "标 元"],
        [
            ("项目成本控制", Decimal(1200000), "元", "<=", False),
            ("项目成本控制", Decimal(1185000), "元", "=", True),
        ],
    ),
    "cost, figure above 万元": (
        ["经济成本指 ≤1417.25", "成本指标 项目成本控制 1186.43万元 20 20", "标 标 万元"],
        [
            ("项目成本控制", Decimal("14172500.00"), "元", "<=", False),
            ("项目成本控制", Decimal("11864300.00"), "元", "=", True),
        ],
    ),
    "area, unit cut": (
        ["6480平", "保养维护面积 6480平方米 8 8", "方米"],
        [
            ("保养维护面积", Decimal(6480), "平方米", "=", False),
            ("保养维护面积", Decimal(6480), "平方米", "=", True),
        ],
    ),
    "name and target both centred": (
        ["服务器巡检维 ≥240台", "数量指标 236台套 10 10", "护量 套"],
        [
            ("服务器巡检维护量", Decimal(240), "台套", ">=", False),
            ("服务器巡检维护量", Decimal(236), "台套", "=", True),
        ],
    ),
    "rate, % below": (
        ["服务对象 ≥95", "满意度指标 使用部门满意率 97% 10 10", "%"],
        [
            ("使用部门满意率", Decimal(95), "%", ">=", False),
            ("使用部门满意率", Decimal(97), "%", "=", True),
        ],
    ),
    "words, cut inside a word": (
        ["成本指 经济成本指 年度人均差旅 不超标", "未超标准 20 20", "标 标 费用 准"],
        [
            ("年度人均差旅费用", None, "", "=", False),
            ("年度人均差旅费用", None, "", "=", True),
        ],
    ),
}


# 6 rows x 2 headers: all 10 fail before (the achieved value read as the target, the target's head lost or read as
# an indicator of its own, its unit cut)
@pytest.mark.parametrize("header", list(HEADERS))
@pytest.mark.parametrize("row", list(ROWS))
def test_a_target_wrapped_around_what_was_achieved(header, row):
    lines, expected = ROWS[row]
    _, indicators, _ = read(report("万元", [HEADERS[header]], lines, None))
    assert [(i.name, i.value, i.unit, i.comparator, i.achieved) for i in indicators] == expected


def test_words_split_in_a_cell_are_the_targets_text():
    lines, _ = ROWS["words, cut inside a word"]
    _, indicators, _ = read(report("万元", [HEADERS["reasons"]], lines, None))
    assert [(i.text, i.achieved) for i in indicators] == [("不超标准", False), ("未超标准", True)]


def test_two_pieces_the_vocabulary_does_not_read_whole_are_no_target():
    # control: 控制在 / 内 joined is no value in words; what was achieved stays as the line prints it, no target made up
    lines = ["成本指 经济成本指 年度人均差旅 控制在", "未超标准 20 20", "标 标 费用 内"]
    _, indicators, _ = read(report("万元", [HEADERS["no reasons"]], lines, None))
    assert [i.text for i in indicators] == ["未超标准"]


def test_the_targets_evidence_runs_over_its_head_and_tail():
    lines, _ = ROWS["cost, 万 above 元"]
    _, indicators, _ = read(report("万元", [HEADERS["reasons"]], lines, None))
    target = indicators[0]
    assert target.span.text.startswith("≤120万") and target.span.text.endswith("元")
    assert target.amount is not None and (target.amount.printed, target.amount.unit) == ("120", "万元")


def test_a_value_line_under_a_figure_of_another_unit_keeps_its_reading():
    # control: the line above ends in a figure whose unit, joined with the one below, is not the achieved value's
    lines = ["产出指标 数量指标 办结信访事项 ≥1000件 1050件 20 20", "绿化面积 980平方米 8 8", "次"]
    _, indicators, _ = read(report("万元", [HEADERS["no reasons"]], lines, None))
    assert ("绿化面积", Decimal(980), "平方米", "=", False) in [
        (i.name, i.value, i.unit, i.comparator, i.achieved) for i in indicators
    ]
