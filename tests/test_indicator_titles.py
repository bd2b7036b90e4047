"""A table numbered with a colon before its title (表 1：项目年度绩效指标表, 表1:…, 表一 ：…) is found, and a grid of
indicators it opens with is read to the grid's end — a numbered heading or a paragraph of the report after it, whose
prose may name 预算 or print an amount, is no part of it (nlp.tablefind, nlp.indicatortables.opening_grid).  A table of
evaluation scores (一级指标 分值 得分 得分率) printed the same way is neither money nor indicators (W320)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import requires_devset

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tablefind import find_tables
from nlp.tables import extract_tables

MONEY = """\
表1 部门支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 120.00 80.00 40.00
合 计 120.00 80.00 40.00
注：本表无其他说明。
一、项目基本情况
项目年度预算 120.00 万元，其中当年财政拨款 100.00 万元，上年结转 20.00 万元。
项目 2024 年度绩效指标的安排列于表 1。
"""
GRID = [
    "一级指标 二级指标 三级指标 指标值",
    "成本指标 经济成本指标 运维总成本 不超过预算",
    "数量指标 设备维护数量 ≥120台套",
    "产出指标 问题响应时间 ≤30分钟",
    "质量指标 系统正常运行率 ≥99%",
    "效益指标 社会效益指标",
    "保障业务系统安全稳定运行 成效明显",
    "满意度指标 使用部门满意率 ≥95%",
]
# the name and value of each indicator the grid prints
EXPECTED = [
    ("运维总成本", None, "预算"),  # 不超过, the comparator, taken out
    ("设备维护数量", Decimal("120"), None),
    ("问题响应时间", Decimal("30"), None),
    ("系统正常运行率", Decimal("99"), None),
    ("保障业务系统安全稳定运行", None, "成效明显"),
    ("使用部门满意率", Decimal("95"), None),
]
AFTER = [
    "二、绩效评价工作开展情况",
    "（一）绩效评价目的、对象和范围",
    "本次评价聚焦该项目的目标及资金，全年经费总额 120.00 万元，围绕决策、过程、产出",
    "及效益情况开展评价，为预算安排提供参考。",
]
TITLES = [
    "表 1：项目年度绩效指标表",
    "表1：项目年度绩效指标表",
    "表 1:项目年度绩效指标表",
    "表一 ： 项目绩效指标表",
    "表 3： 年度绩效目标表",
]
# Before (main at 27855bd) every title fails: the number is not read before a colon, the line is no title (it starts
# with 表), so the grid and the prose run on in the table above.


def read(text: str):
    diag = Diagnostics("variant.txt")
    tables, _projects, indicators = extract_tables(normalize(text), [], diag)
    return tables, indicators, diag


@pytest.mark.parametrize("title", TITLES)
def test_a_numbered_title_with_a_colon_opens_a_grid_of_indicators(title):
    text = MONEY + "\n".join([title, *GRID, *AFTER]) + "\n"
    titles = [ft.title for ft in find_tables(normalize(text))]
    assert titles[-1] == title.split("：")[-1].split(":")[-1].strip()
    tables, indicators, diag = read(text)
    assert [t.number for t in tables] == ["表1"]
    assert [(i.name, i.value, i.text) for i in indicators] == EXPECTED
    assert not [d for d in diag.items if d.code == "W317"]  # the prose after the grid is no line of it


@pytest.mark.parametrize("title", ["表 2：项目综合评分情况表", "表2:评价得分表"])
def test_a_table_of_scores_is_neither_money_nor_indicators(title):
    scores = ["一级指标 分值 得分 得分率", "决策 20 18.40 92.00%", "过程 20 17.60 88.00%", "合 计 40 36.00 90.00%"]
    text = MONEY + "\n".join([title, *scores, *AFTER]) + "\n"
    tables, indicators, diag = read(text)
    assert [t.number for t in tables] == ["表1"]
    assert indicators == []
    assert [d.code for d in diag.items if d.code in ("W320", "W314")] == ["W320"]


TRAIN = ("202", "203", "207", "208", "209", "211", "212", "213", "215", "216", "217", "218", "219", "220", "222", "224")
_NUMBERED_INDICATOR_TITLE = re.compile(r"^表\s*\d+\s*[：:]\s*\S*绩效\S*表$")


@requires_devset
@pytest.mark.parametrize("number", TRAIN)
def test_devset_indicator_tables_numbered_with_a_colon_give_their_indicators(number):
    """Every train report's table titled 表 N：…绩效…表 gives indicators (W314 on its title's line), and only from its
    grid: none after the next numbered heading."""
    from conftest import DEVSET, read_report_once

    [path] = (DEVSET / "text").glob(f"{number}_*.txt")
    raw = path.read_text(encoding="utf-8").split("\n")
    titled = [k + 1 for k, line in enumerate(raw) if _NUMBERED_INDICATOR_TITLE.match(line.strip())]
    report = read_report_once(path)
    read = {d.line: d for d in report.diagnostics if d.code == "W314"}
    for line in titled:
        assert line in read, line
        count = int(re.search(r": (\d+) performance", read[line].message).group(1))
        assert count >= 1
        ends = next(k + 1 for k in range(line, len(raw)) if re.match(r"[一二三四五六七八九十]+、", raw[k]))
        assert [i for i in report.indicators if line < i.span.line < ends] and not [
            i for i in report.indicators if ends <= i.span.line < ends + 30
        ]
