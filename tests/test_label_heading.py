"""A header line opening with the label heading (单位名称 合计 …, 部门名称 合计 …) is the table's header, not page
furniture: only a labelled name — the label and its colon, 单位名称：某某局 — is furniture (nlp.tablelines.is_meta).
Before, any line naming 单位名称, 部门名称 or 编制单位 was dropped from the header, so a table grouped by unit lost its
column headings and every column was unknown."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import requires_devset

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tablelines import is_meta
from nlp.tables import extract_tables

_LABEL_HEADING = re.compile(r"(?:单位名称|部门名称)\s+(?:合计|总计)")

# (title, furniture line above the header, header line, rows, expected measures)
CASES = {
    "单位名称 over income, furniture 单位名称：": (
        "表2 收入总体情况表",
        "单位名称：某某市某某局 单位：万元",
        "单位名称 合计 财政拨款收入 事业收入 其他收入",
        [
            "合计 150.00 120.00 20.00 10.00",
            "某某市某某局 100.00 80.00 15.00 5.00",
            "某某市某某中心 50.00 40.00 5.00 5.00",
        ],
        ["total", "fiscal_appropriation", "business_income", "other_income"],
    ),
    "部门名称 over expenditure, furniture 编制单位：": (
        "表3 支出总体情况表",
        "编制单位：某某县某某局 金额单位：万元",
        "部门名称 合计 基本支出 项目支出",
        ["合计 90.00 60.00 30.00", "某某县某某局 90.00 60.00 30.00"],
        ["total", "basic", "project"],
    ),
    "单位名称 letter-spaced colon, in 元": (
        "表2 收入总体情况表",
        "单位名称 ： 某某区某某办公室 单位：元",
        "单位名称 合计 财政拨款收入 其他收入",
        ["合计 1,500,000.00 1,200,000.00 300,000.00", "某某区某某办公室 1,500,000.00 1,200,000.00 300,000.00"],
        ["total", "fiscal_appropriation", "other_income"],
    ),
    "单位名称 heading with the unit on its own line": (
        "表3 支出总体情况表",
        "单位：千元",
        "单位名称 合计 基本支出 项目支出",
        ["合计 900.0 600.0 300.0", "某某市某某中心 900.0 600.0 300.0"],
        ["total", "basic", "project"],
    ),
}
# Before (main at 27855bd) the first three cases fail (every column unknown); the fourth, whose header line is the
# only line naming 单位名称, fails too.


@pytest.mark.parametrize("case", list(CASES))
def test_a_header_opening_with_a_label_heading_names_the_columns(case):
    title, furniture, heading, rows, measures = CASES[case]
    text = "\n".join([title, furniture, heading, *rows]) + "\n"
    tables, _projects, _indicators = extract_tables(normalize(text), [], Diagnostics("variant.txt"))
    assert len(tables) == 1
    assert [c.measure for c in tables[0].columns] == measures
    total = tables[0].rows[0]
    assert total.is_total and total.cells[0] is not None and total.cells[0].value > Decimal(0)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("单位名称：某某市某某局 单位：万元", True),
        ("编制单位：某某市某某局", True),
        ("部门名称： 某某市某某局", True),
        ("单位：万元", True),
        ("单位名称 合计 一般公共预算 政府性基金", False),
        ("二级预算单位名称 一级项目名称 预算数（万元） 绩效目标", False),
        ("部门名称 合计 基本支出 项目支出", False),
    ],
)
def test_a_labelled_name_is_furniture_a_label_heading_is_not(line, furniture):
    assert is_meta(line) is furniture


TRAIN = ("202", "203", "207", "208", "209", "211", "212", "213", "215", "216", "217", "218", "219", "220", "222", "224")


@requires_devset
@pytest.mark.parametrize("number", TRAIN)
def test_devset_tables_whose_header_opens_with_a_label_heading_name_their_total(number):
    """Every train report's table whose header line opens with 单位名称 / 部门名称 (no colon) reads its columns: the
    first is the total its rows bear out, where before each was unknown (two reports' 收入总体情况表)."""
    from conftest import DEVSET, read_report_once

    [path] = (DEVSET / "text").glob(f"{number}_*.txt")
    report = read_report_once(path)
    raw = path.read_text(encoding="utf-8").split("\n")
    headed = [
        t
        for t in report.tables
        if any(_LABEL_HEADING.match(raw[k]) for k in range(t.span.line - 1, min(t.span.line + 8, len(raw))))
    ]
    for table in headed:
        assert table.columns[0].measure == "total", table.number
