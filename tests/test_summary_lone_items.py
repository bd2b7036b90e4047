"""A 收支总表 whose expenditure side runs on longer than its income side: the lines under the income side's last
item print one item alone (``行政单位离退休 252.07``) — the expenditure side's 款 and 项, whose words need not name
支出.  The income side's sums say whose they are (nlp.summarysides).  Tables built here: other names, units,
separators and nestings than any report read."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表1
收支总表
单位：{unit}
收 入 支 出
项 目 2026年预算数 项 目 2026年预算数
"""

# the income side: 一、 over 1. 2. (and 二、 printing 0) = 本年收入合计; the expenditure side prints its 款 and 项 on
# the lines below; lone lines are marked *
LINES = """\
一、财政拨款 {800} 一、一般公共服务支出 {500}
1.一般公共预算拨款 {700} 税收事务 {500}
2.政府性基金预算拨款 {100} 行政运行 {300}
二、单位资金 {0} 一般行政管理事务 {200}
二、城乡社区支出 {100}
国有土地使用权出让收入安排的支出 {100}
其他国有土地使用权出让收入安排的支出 {100}
三、卫生健康支出 {80}
行政事业单位医疗 {80}
行政单位医疗 {80}
四、住房保障支出 {120}
住房改革支出 {120}
住房公积金 {50}
购房补贴 {70}
本年收入合计 {800} 本年支出合计 {800}
上年结余、结转 {0} 结转下年 {0}
收入总计 {800} 支出总计 {800}
"""

LONE = ("行政事业单位医疗", "行政单位医疗", "住房公积金", "购房补贴")  # the lines read as income before


def _text(lines: str, unit: str, separators: bool = True) -> str:
    scale = Decimal(10000) if unit == "元" else Decimal(1)
    form = ",.2f" if separators else ".2f"
    if unit == "元":
        form = ",.0f" if separators else ".0f"
    printed = re.sub(r"\{(\d+)\}", lambda m: format(Decimal(m[1]) * scale, form), lines)
    return HEAD.format(unit=unit) + printed + "注：本表无其他说明。\n"


def _rows(text: str):
    (t,) = read_tables(text)[0]
    return {r.name: (r.side, next((c.value for c in r.cells if c is not None), None)) for r in t.rows}


# 4 variants x 4 lone rows, all 16 read as income before
@pytest.mark.parametrize(("unit", "separators"), [("万元", True), ("万元", False), ("元", True), ("元", False)])
def test_lone_lines_the_income_sums_cannot_hold_are_expenditure(unit, separators):
    got = _rows(_text(LINES, unit, separators))
    for name in LONE:
        assert got[name][0] == "expenditure", name
    assert got["住房公积金"][1] == Decimal(500000)
    assert got["一、财政拨款"][0] == got["1.一般公共预算拨款"][0] == "income"
    assert got["本年收入合计"] == ("income", Decimal(8000000))


@pytest.mark.parametrize("dash", ["-", "—"])
def test_with_zeros_printed_as_dashes(dash):
    # 二、单位资金 and 上年结余、结转 print a dash for zero: no figure, zero in the income side's sums (failed before the
    # dash was read as zero: the sum with a figure missing said nothing, the lone lines stayed income)
    got = _rows(_text(LINES, "万元").replace(" 0.00", f" {dash}"))
    assert all(got[name][0] == "expenditure" for name in LONE)


def test_w323_names_the_lines_moved():
    _, _, diag, _ = read_tables(_text(LINES, "万元"))
    (item,) = [d for d in diag.items if d.code == "W323"]
    assert "行政事业单位医疗" in item.message and "购房补贴" in item.message


def test_a_zero_printed_alone_among_them_moves_with_them():
    # 提租补贴 0.00 alone between two lines the sums move: the income side prints its items from the top, so the
    # lines after the first one moved are the expenditure side's too
    lines = LINES.replace("住房公积金 {50}", "提租补贴 {0}\n住房公积金 {50}")
    got = _rows(_text(lines, "万元"))
    assert got["提租补贴"] == ("expenditure", Decimal(0))
    assert got["住房公积金"][0] == got["购房补贴"][0] == "expenditure"


def test_lone_income_lines_the_sums_need_stay_income():
    # control: the income side runs longer — 用事业基金弥补收支差额 alone on its line is one of the income items
    # 本年收入合计 adds up: the text's reading holds, nothing moves
    lines = """\
一、财政拨款 {700} 一、一般公共服务支出 {800}
1.一般公共预算拨款 {700} 行政运行 {800}
二、事业收入 {60}
用事业基金弥补收支差额 {40}
本年收入合计 {800} 本年支出合计 {800}
"""
    got = _rows(_text(lines, "万元"))
    assert got["用事业基金弥补收支差额"] == ("income", Decimal(400000))


def test_a_lone_line_naming_income_stays_income():
    # control: a line naming 收入 is the income side's even where the sums break (the report's own arithmetic)
    lines = """\
一、财政拨款 {700} 一、一般公共服务支出 {700}
1.一般公共预算拨款 {700} 行政运行 {700}
其他收入 {30}
本年收入合计 {700} 本年支出合计 {700}
"""
    got = _rows(_text(lines, "万元"))
    assert got["其他收入"][0] == "income"


def test_without_a_total_the_sums_say_nothing():
    lines = "一、财政拨款 {500} 一、一般公共服务支出 {500}\n1.一般公共预算拨款 {500} 行政运行 {400}\n机关服务 {100}\n"
    got = _rows(_text(lines, "万元"))
    assert got["机关服务"][0] == "income"
