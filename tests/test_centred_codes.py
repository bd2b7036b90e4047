"""A coded table whose label cell is centred on its row's line: the upper half of the label over a line that prints
only the code and the amounts, the lower half under it (机关事业单位基本养老 / 2080505 252.00 … / 保险缴费支出).
Made-up tables: the halves are the row's label, not the end of the row above and the start of the next one; the
other layouts of a wrapped label keep their reading."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.reconcile import reconcile
from tests.tablehelp import read_tables
from tests.test_reconcile import report_of

HEAD = """\
一般公共预算支出表
单位名称：某市某某局 单位：{unit}
科目编码 科目名称 合计 基本支出 项目支出
"""
PAGE = "- 7 -\n科目编码 科目名称 合计 基本支出 项目支出\n"

# (code, label, amounts in 万元); the label's halves where it is printed centred
ROWS = [
    ("208", "社会保障和就业支出", ("60.00", "60.00", "0.00")),
    ("20805", "行政事业单位养老支出", ("60.00", "60.00", "0.00")),
    ("2080501", "行政单位离退休", ("10.00", "10.00", "0.00")),
    ("2080505", ("机关事业单位基本养老", "保险缴费支出"), ("32.00", "32.00", "0.00")),
    ("2080506", ("机关事业单位职业年金", "缴费支出"), ("18.00", "18.00", "0.00")),
    ("215", ("资源勘探工业信息等支", "出"), ("40.00", "15.00", "25.00")),
    ("21503", "建筑业", ("40.00", "15.00", "25.00")),
    ("2150301", "行政运行", ("15.00", "15.00", "0.00")),
    ("2150399", ("其他建筑业", "支出"), ("25.00", "0.00", "25.00")),
]


def fig(wan: str, unit: str) -> str:
    return f"{Decimal(wan) * (10000 if unit == '元' else 1):,.2f}"


def table_text(unit: str = "万元", page_before: str | None = None, four_lines: bool = False) -> str:
    """The table with a page break (furniture and the header again) before the row of ``page_before``."""
    out = HEAD.format(unit=unit) + "合计 " + " ".join(fig(v, unit) for v in ("100.00", "75.00", "25.00")) + "\n"
    for code, label, values in ROWS:
        if code == page_before:
            out += PAGE
        amounts = " ".join(fig(v, unit) for v in values)
        if isinstance(label, str):
            out += f"{code} {label} {amounts}\n"
        elif four_lines and code == "2080505":
            out += f"机关事业单位\n基本养老\n{code} {amounts}\n保险缴费\n支出\n"
        else:
            out += f"{label[0]}\n{code} {amounts}\n{label[1]}\n"
    return out


def names(text: str) -> dict[str, str]:
    tables, _, _, _ = read_tables(text)
    (t,) = tables
    return {r.code: r.name for r in t.rows if r.code}


WANT = {code: label if isinstance(label, str) else "".join(label) for code, label, _ in ROWS}


@pytest.mark.parametrize("unit", ["万元", "元"], ids=["wan", "yuan"])
@pytest.mark.parametrize("page_before", [None, "2080505", "2080506", "215", "21503"])
def test_a_label_centred_on_a_line_of_code_and_amounts(unit, page_before):
    text = table_text(unit, page_before)
    assert names(text) == WANT
    tables, _, _, _ = read_tables(text)
    got = {r.code: [c.value for c in r.cells] for r in tables[0].rows if r.code}
    factor = Decimal(10000)
    assert got["2080505"] == [Decimal("32.00") * factor, Decimal("32.00") * factor, 0]
    assert reconcile(report_of(text)) == []


def test_a_label_of_four_lines_centred_two_above_two_below():
    assert names(table_text(four_lines=True)) == WANT


def test_a_label_over_its_code_and_name_line_is_still_the_row_above_s_tail():
    """Negative: a line under a row whose code and label are printed on one line, followed by a row that prints its
    own label, is the end of the row above (a label wrapped below its amounts) — nothing changes there."""
    text = HEAD.format(unit="万元") + (
        "合计 10.00 10.00 0.00\n"
        "201 一般公共服务支出 10.00 10.00 0.00\n"
        "20103 政府办公厅（室）及相关机构 10.00 10.00 0.00\n"
        "事务\n"
        "2010301 行政运行 10.00 10.00 0.00\n"
    )
    assert names(text) == {"201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "2010301": "行政运行"}


def test_a_code_alone_over_its_label_and_amounts_keeps_its_reading():
    """Negative: the code printed first, its label wrapped under it, its amounts after the label."""
    text = HEAD.format(unit="万元") + (
        "合计 10.00 10.00 0.00\n"
        "201 一般公共服务支出 10.00 10.00 0.00\n"
        "20103\n"
        "政府办公厅（室）及相关机\n"
        "构事务\n"
        "10.00 10.00 0.00\n"
        "2010301 行政运行 10.00 10.00 0.00\n"
    )
    assert names(text) == {"201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "2010301": "行政运行"}


# a label of three lines (or five) centred on its row's line: its middle line printed there, beside the code
THREE = {
    "2080501": ("行政", "单位离", "退休"),
    "2080505": ("机关事业", "单位基本养老", "保险缴费支出"),
    "2080506": ("机关事业单位", "职业年金", "缴费支出"),
    "21503": ("建", "筑", "业"),
}
FIVE = ("机关", "事业单位", "基本养老", "保险缴费", "支出")


def middle_text(code: str, unit: str, five: bool = False, page_before: str | None = None) -> str:
    """The centred table with ``code``'s label printed on three lines (or five), the middle one beside the code."""
    out = HEAD.format(unit=unit) + "合计 " + " ".join(fig(v, unit) for v in ("100.00", "75.00", "25.00")) + "\n"
    for c, label, values in ROWS:
        if c == page_before:
            out += PAGE
        amounts = " ".join(fig(v, unit) for v in values)
        if c == code:
            pieces = FIVE if five else THREE[c]
            half = len(pieces) // 2
            out += "".join(f"{p}\n" for p in pieces[:half])
            out += f"{c} {pieces[half]} {amounts}\n"
            out += "".join(f"{p}\n" for p in pieces[half + 1 :])
        elif isinstance(label, str):
            out += f"{c} {label} {amounts}\n"
        else:
            out += f"{label[0]}\n{c} {amounts}\n{label[1]}\n"
    return out


# 4 rows x 2 units x 2 page positions: every one of the 16 fails before (the head ends the row above, the tail
# starts the row below)
@pytest.mark.parametrize("unit", ["万元", "元"], ids=["wan", "yuan"])
@pytest.mark.parametrize("code", ["2080501", "2080505", "2080506", "21503"])
@pytest.mark.parametrize("page_before", [None, "215"])
def test_a_label_of_three_lines_centred_on_its_code_line(code, unit, page_before):
    text = middle_text(code, unit, page_before=page_before)
    assert names(text) == WANT
    tables, _, _, _ = read_tables(text)
    assert reconcile(report_of(text)) == []
    assert all(c is not None for r in tables[0].rows for c in r.cells)


def test_a_label_of_five_lines_centred_two_above_and_two_below_its_middle():
    assert names(middle_text("2080505", "万元", five=True)) == WANT


def test_a_top_aligned_table_keeps_a_label_line_as_the_row_above_s_end():
    """Negative: no row of the table centres its label (each prints it on its code's line), so a label line under a
    complete row is that row's end, and the next row's label starts on its code's line."""
    text = HEAD.format(unit="万元") + (
        "合计 20.00 20.00 0.00\n"
        "208 社会保障和就业支出 20.00 20.00 0.00\n"
        "20805 行政事业单位养老支出 20.00 20.00 0.00\n"
        "2080501 行政单位离退休 10.00 10.00 0.00\n"
        "人员\n"
        "2080505 机关事业单位基本养老 10.00 10.00 0.00\n"
        "保险缴费支出\n"
    )
    got = names(text)
    assert got["2080501"] == "行政单位离退休人员"
    assert got["2080505"] == "机关事业单位基本养老保险缴费支出"
