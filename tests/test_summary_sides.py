"""A 收支总表 whose income side prints a zero as nothing beside an item of the other side that is not enumerated
(``3.国有资本经营预算拨款 一般行政管理事务 100.00``): the income side's own sums say whose the figure is
(nlp.summarysides).  Tables built here, in 万元 and 元, other names and other nestings than any report read."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表6
财政拨款收支总表
单位：{unit}
收入 支出
项目 2026年预算数 项目 2026年预算数
"""

# the income side nests its items (一、 over 1. 2. 3.; 三、 over 1. 2.) and totals them in 本年收入合计; every zero
# of the income side printed as nothing
LINES = """\
一、财政拨款 {500} 一、一般公共服务支出 {300}
1.一般公共预算拨款 {450} 政府办公厅（室）及相关机构事务 {300}
2.政府性基金预算拨款 {50} 行政运行 {200}
3.国有资本经营预算拨款 一般行政管理事务 {100}
二、财政专户管理资金 二、城乡社区支出 {50}
三、单位资金 国有土地使用权出让收入安排的支出 {50}
1.事业收入 土地出让业务 {50}
2.事业单位经营收入 三、住房保障支出 {150}
3.其他收入 住房改革支出 {150}
本年收入合计 {500} 本年支出合计 {500}
"""


def _text(lines: str, unit: str) -> str:
    """The lines with each {figure} (in 万元) printed in ``unit``."""
    scale = Decimal(10000) if unit == "元" else Decimal(1)
    printed = re.sub(r"\{(\d+)\}", lambda m: f"{Decimal(m[1]) * scale:,.2f}", lines)
    return HEAD.format(unit=unit) + printed + "注：本表无其他说明。\n"


def _sides(text: str) -> dict[tuple[str, str], Decimal]:
    (t,) = read_tables(text)[0]
    return {
        (r.side, r.name): next(c.value for c in r.cells if c is not None)
        for r in t.rows
        if any(c is not None for c in r.cells)
    }


#: by hand, in 万元: (side, row) → figure
STATED = {
    ("income", "一、财政拨款"): 500,
    ("income", "1.一般公共预算拨款"): 450,
    ("income", "2.政府性基金预算拨款"): 50,
    ("expenditure", "一、一般公共服务支出"): 300,
    ("expenditure", "政府办公厅（室）及相关机构事务"): 300,
    ("expenditure", "行政运行"): 200,
    ("expenditure", "一般行政管理事务"): 100,  # before: income, 3.国有资本经营预算拨款一般行政管理事务
    ("expenditure", "二、城乡社区支出"): 50,
    ("expenditure", "国有土地使用权出让收入安排的支出"): 50,  # before: named 三、单位资金国有土地…
    ("expenditure", "土地出让业务"): 50,  # before: income, 1.事业收入土地出让业务
    ("expenditure", "三、住房保障支出"): 150,
    ("expenditure", "住房改革支出"): 150,  # before: named 3.其他收入住房改革支出
    ("income", "本年收入合计"): 500,
    ("expenditure", "本年支出合计"): 500,
}


# 2 tables x 14 rows; 4 rows of each fail before (2 figures given to income, 2 labels glued to the blank item)
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_the_income_sides_sums_say_whose_the_figure_is(unit):
    assert _sides(_text(LINES, unit)) == {k: Decimal(v) * 10000 for k, v in STATED.items()}


def test_a_label_with_a_space_the_sums_need_stays_one():
    # control: 1.一般公共预算 拨款 450.00 — its figure is what 一、财政拨款 adds up: the one label it prints
    lines = LINES.replace("1.一般公共预算拨款 {450}", "1.一般公共预算 拨款 {450}")
    got = _sides(_text(lines, "万元"))
    assert got[("income", "1.一般公共预算拨款")] == Decimal(4500000)


def test_an_expenditure_label_with_a_space_stays_one():
    # control: 十八、自然资源海洋气象等 支出 — one label, not an income item printed blank
    lines = LINES.replace("三、住房保障支出 {150}", "四、自然资源海洋气象等 支出 {150}")
    got = _sides(_text(lines, "万元"))
    assert got[("expenditure", "四、自然资源海洋气象等支出")] == Decimal(1500000)


def test_sums_that_say_nothing_leave_the_texts_reading():
    # no item nests over 二、 and the side prints no total: nothing says the 50.00 is the other side's
    lines = "一、财政拨款 {500} 一、一般公共服务支出 {500}\n二、财政专户管理资金 统计管理 {50}\n"
    got = _sides(_text(lines, "万元"))
    assert got[("income", "二、财政专户管理资金统计管理")] == Decimal(500000)


def test_sums_that_cannot_tell_keep_the_texts_reading_and_say_so():
    # two blank items beside two figures of 50.00 under 一、 = 500 with 1. = 450: either may be the income's 50.00
    lines = (
        "一、财政拨款 {500} 一、一般公共服务支出 {500}\n"
        "1.一般公共预算拨款 {450} 行政运行 {300}\n"
        "2.政府性基金预算拨款 一般行政管理事务 {50}\n"
        "3.国有资本经营预算拨款 机关服务 {50}\n"
    )
    tables, _, diag, _ = read_tables(_text(lines, "万元"))
    names = {r.name for r in tables[0].rows if r.side == "income"}
    assert {"2.政府性基金预算拨款一般行政管理事务", "3.国有资本经营预算拨款机关服务"} <= names
    assert [d.code for d in diag.items if d.code in ("W321", "W322")] == ["W322"]
