"""A 财政拨款收支总表 whose expenditure half is headed 合计 and the sources of funds and whose rows print 合计 and one
figure (the other sources' zeros printed as nothing): where the income side's money is one source's alone, the
figure is that source's (nlp.summaryheader).  Tables built here, other names and units than any report read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
2026年某某中心财政拨款收支预算总表
编制单位：某某中心 单位：{unit}
财政拨款收入 财政拨款支出
项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算
"""


def _table(income: str, unit: str = "元"):
    text = HEAD.format(unit=unit) + income + "注：本表无其他说明。\n"
    (t,) = read_tables(text)[0]
    return t


GENERAL = """\
一、一般公共预算 {total}
二、政府性基金预算 一、教育支出 {a} {a}
三、国有资本经营预算 二、社会保障和就业支出 {b} {b}
三、住房保障支出 {c} {c}
收入总计 {total} 支出总计 {total} {total}
"""

FUND = """\
一、一般公共预算 一、城乡社区支出 {a} {a}
二、政府性基金预算 {total} 二、其他支出 {b} {b}
三、国有资本经营预算 三、住房保障支出 {c} {c}
收入总计 {total} 支出总计 {total} {total}
"""


def _printed(lines: str, unit: str) -> str:
    wan = {"a": Decimal("300.00"), "b": Decimal("120.50"), "c": Decimal("79.50"), "total": Decimal("500.00")}
    return lines.format(**{k: (f"{v * 10000:.0f}" if unit == "元" else f"{v:,.2f}") for k, v in wan.items()})


# 4 tables; every one fails before (the half has two columns, the second unknown)
@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize(
    "lines, source, first, second",
    [
        (GENERAL, "general_public", "一、教育支出", "二、社会保障和就业支出"),
        (FUND, "government_fund", "一、城乡社区支出", "二、其他支出"),
    ],
)
def test_the_one_source_the_income_side_names_is_the_figures_column(lines, source, first, second, unit):
    t = _table(_printed(lines, unit), unit)
    spending = [c for c in t.columns if c.side == "expenditure"]
    assert [c.measure for c in spending] == ["total", "general_public", "government_fund", "state_capital"]
    column = next(c.index for c in spending if c.measure == source)
    by_name = {r.name: r.cells[column].value for r in t.rows if r.side == "expenditure" and r.cells[column]}
    assert by_name == {
        first: Decimal(3000000),
        second: Decimal(1205000),
        "三、住房保障支出": Decimal(795000),
        "支出总计": Decimal(5000000),
    }


def test_two_sources_with_income_leave_the_column_unknown():
    # control (as before): 一般公共预算 and 政府性基金预算 both bring money — the text does not say whose a figure is
    lines = GENERAL.replace("二、政府性基金预算 一、教育支出", "二、政府性基金预算 {b} 一、教育支出")
    t = _table(_printed(lines, "元"))
    assert [c.measure for c in t.columns if c.side == "expenditure"] == ["total", "unknown"]


def test_a_figure_other_than_its_total_is_not_spread():
    # control (as before): a row's figure beside its 合计 differs from it — more than one source spends there
    lines = GENERAL.replace("二、社会保障和就业支出 {b} {b}", "二、社会保障和就业支出 {b} {c}")
    t = _table(_printed(lines, "元"))
    assert [c.measure for c in t.columns if c.side == "expenditure"] == ["total", "unknown"]
