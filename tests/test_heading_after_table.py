"""The heading printed under a table is not the end of its last row's label: a table whose one row prints figures
only (a 三公经费 table: 168.52 125.32 …) followed by 其他相关情况说明 and a numbered heading (一、…情况说明) — the
label-tail rule (a label wrapped below its figures) joined both lines to the row.  A tail one of whose lines
opens a numbered item is a heading.  Constructed from the central template's 三公 table (the development set's
Shanghai reports print it so, text and PDF alike); the label wrapped below its figures still joins its row."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables


def three_public(unit: str, below: list[str]) -> str:
    figures = "168.52 125.32 27.50 15.70" if unit == "万元" else "1,685,200 1,253,200 275,000 157,000"
    return (
        f"表9 2026年单位“三公”经费预算表\n单位：{unit}\n合计 因公出国(境)费 公务接待费 公务用车购置及运行费\n"
        + figures
        + "\n"
        + "\n".join(below)
        + "\n2026年“三公”经费预算168.52万元，较2025年预算下降12.48万元，原因是厉行节约。\n"
    )


HEADINGS = {
    "一、": ["其他相关情况说明", "一、2026年“三公”经费预算情况说明"],
    "（一）": ["其他相关情况说明", "（一）“三公”经费预算情况说明"],
    "alone": ["一、2026年“三公”经费预算情况说明"],
}


# before: the row's label was the headings joined (其他相关情况说明一、…): 4 of 6 fail before (a numbered heading
# alone, its first line, was refused before too)
@pytest.mark.parametrize("heading", list(HEADINGS))
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_heading_under_the_table_is_no_label(heading, unit):
    (t,), _, _, _ = read_tables(three_public(unit, HEADINGS[heading]))
    (row,) = t.rows
    assert row.name == ""
    assert row.cells[0] is not None and row.cells[0].value == Decimal("1685200")


# a control: a label wrapped below its figures is still its row's (before and after)
def test_a_label_wrapped_below_its_figures_still_joins_its_row():
    text = (
        "表3 部门支出总表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
        "2080505 机关事业单位基本养老 318.46 318.46 0.00\n保险缴费支出\n2080506 职业年金缴费支出 80.00 80.00 0.00\n"
    )
    (t,), _, _, _ = read_tables(text)
    assert [r.name for r in t.rows] == ["机关事业单位基本养老保险缴费支出", "职业年金缴费支出"]
