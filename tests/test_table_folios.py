"""What a table's text prints that is no bad cell: a page number alone on its line (between rows, before a label
wrapped around its row's amounts, at the foot of a table's last page) and a rate printed in per cent (增减%).
Neither is an amount, neither is warned about as damage (W301); damage still is.  Constructed variants of the
central template's tables (the development set's 202 prints both), and the report itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from tests.tablehelp import read_tables, row, values

WAN = Decimal(10000)

HEAD = """\
表3 部门支出总表
单位：{unit}
科目编码 科目名称 合计 基本支出 项目支出
"""
ROWS = [
    ("201", "一般公共服务支出", "100.00", "70.00", "30.00"),
    ("20101", "人大事务", "100.00", "70.00", "30.00"),
    ("2010101", "行政运行", "70.00", "70.00", "0.00"),
    ("2010102", "一般行政管理事务", "30.00", "0.00", "30.00"),
]
TOTAL = "合 计 100.00 70.00 30.00\n"


def figure(printed: str, unit: str) -> str:
    return printed if unit == "万元" else f"{Decimal(printed) * WAN:,.0f}"


def body(unit: str, folio_after: int | None = None, folio: str = "9", centred: bool = False) -> str:
    """The rows (figures in ``unit``: 万元 with decimals, 元 as integers), a page number after row ``folio_after``
    (-1: after the total), the last row's label wrapped around its amounts (``centred``)."""
    text = HEAD.format(unit=unit)
    for k, (code, name, *figs) in enumerate(ROWS):
        amounts = " ".join(figure(f, unit) for f in figs)
        if centred and k == len(ROWS) - 1:
            text += f"{name[:4]}\n{code} {amounts}\n{name[4:]}\n"
        else:
            text += f"{code} {name} {amounts}\n"
        if folio_after == k:
            text += folio + "\n"
    text += " ".join(["合 计", *(figure(f, unit) for f in ROWS[0][2:])]) + "\n"
    if folio_after == -1:
        text += folio + "\n"
    return text


def w301(diag) -> list[str]:
    return [d.message for d in diag.items if d.code == "W301"]


# (where the page number stands, how it prints, the last row's label centred on its amounts, unit); the rows
# marked * warned W301 before (a lone page number in a decimal table, or at a table's foot)
FOLIO_CASES = [
    (1, "9", False, "万元"),  # between two coded rows: read so before too
    (2, "9", True, "万元"),  # * before a label wrapped around its row's amounts
    (-1, "9", False, "万元"),  # * at the foot of the table's last page
    (-1, "12", False, "元"),  # * the same in a table of whole yuan
    (2, "- 9 -", True, "万元"),  # dashed, before a wrapped label: dropped as the page's furniture before too
    (-1, "- 12 -", False, "元"),  # dashed, at the foot: so too
]


@pytest.mark.parametrize(("after", "folio", "centred", "unit"), FOLIO_CASES)
def test_a_page_number_alone_on_its_line_is_no_row_and_no_bad_cell(after, folio, centred, unit):
    tables, _, diag, _ = read_tables(body(unit, after, folio, centred))
    (t,) = tables
    assert w301(diag) == []
    assert [r.code for r in t.rows if r.code] == [code for code, *_ in ROWS]
    assert [r.name for r in t.rows if not r.code] == ["合计"]
    for code, name, *figs in ROWS:
        r = row(t, code)
        assert r.name == name
        assert values(r) == [Decimal(f) * WAN for f in figs]
    assert values(t.rows[-1]) == [100 * WAN, 70 * WAN, 30 * WAN]


def test_a_damaged_cell_is_still_warned():
    text = body("万元").replace("2010101 行政运行 70.00 70.00", "2010101 行政运行 70.00 7O.0O")
    tables, _, diag, _ = read_tables(text)
    assert len(w301(diag)) == 1 and "7O.0O" in w301(diag)[0]
    assert row(tables[0], "2010101").cells[1] is None


# -- a rate printed in per cent --------------------------------------------------------------------------------

RATES = """\
表5 一般公共预算支出表
单位：万元
科目编码 科目名称 2024年执行数 2025年预算数 增减额 增减%
201 一般公共服务支出 100.00 110.00 10.00 10.00%
20101 人大事务 100.00 110.00 10.00 10.00%
2010101 行政运行 80.00 60.00 -20.00 -25.00%
2010102 一般行政管理事务 20.00 50.00 30.00 150.00%
合 计 100.00 110.00 10.00 10.00%
"""


def test_a_rate_in_per_cent_is_no_amount_and_no_bad_cell():
    """One warning per row (its rate) before."""
    tables, _, diag, _ = read_tables(RATES)
    (t,) = tables
    assert w301(diag) == []
    r = row(t, "2010101")
    assert [c.printed if c else None for c in r.cells] == ["80.00", "60.00", "-20.00", None]
    assert all(r.cells[3] is None for r in t.rows)


@requires_devset
def test_devset_page_numbers_and_rates_are_no_bad_cells():
    """202 (central template): six page numbers alone on their lines and 52 rates (增减%) warned W301 before."""
    report = read_report_once(DEVSET / "text" / "202_zhongyang-guojiaxinfangju-2026-yusuan.txt")
    assert [d.message for d in report.diagnostics if d.code == "W301"] == []
    t = next(t for t in report.tables if t.title == "部门支出总表")
    r = row(t, "2080505")  # its label wrapped around the amounts, a page number above it
    assert r.name == "机关事业单位基本养老保险缴费支出"
    assert [c.value for c in r.cells if c is not None][:1] == [Decimal("6575100.00")]


# -- blocks side by side: the last block's label centred on its code ------------------------------------------

BLOCKS = """\
公开06表 一般公共预算财政拨款基本支出决算表
金额单位：万元
人员经费 公用经费
科目编码 科目名称 决算数 科目编码 科目名称 决算数 科目编码 科目名称 决算数
301 工资福利支出 120.00 302 商品和服务支出 45.00 399 其他支出 {other}
30101 基本工资 72.00 30201 办公费 27.00 39907 国家赔偿费用支出
30102 津贴补贴 48.00 30202 印刷费 8.00 39906 赠与
{head}30103 奖金 30228 工会经费 10.00 39908{code_amount}
{tail}30104 伙食补助费 30226 劳务费 39909 经常性赠与
人员经费合计 120.00 公用经费合计 45.00
"""
NAME = "对民间非营利组织和群众性自治组织补贴"

# (the last block's label above and below its line, its amount); the rows marked * misread before (39908 an amount
# of the row beside it, W301; its label's upper half the end of 39906's; 39909's code lost to the 合计 below it)
BLOCK_CASES = [
    (True, ""),  # *
    (True, "5.00"),  # *
    (False, ""),  # * (39909 beside the 合计 line)
    (False, "5.00"),  # *
]


@pytest.mark.parametrize(("centred", "amount"), BLOCK_CASES)
def test_the_last_blocks_code_with_its_label_centred_on_it(centred, amount):
    head, tail = (NAME[:11] + "\n", NAME[11:] + "\n") if centred else ("", "")
    text = BLOCKS.format(
        other=amount or "", head=head, tail=tail, code_amount=(" " if centred else f" {NAME} ") + amount
    )
    tables, _, diag, _ = read_tables(text.replace(" \n", "\n"))
    (t,) = tables
    assert w301(diag) == []
    r = row(t, "39908")
    assert r.name == NAME
    assert values(r) == ([Decimal(amount) * WAN] if amount else [None])
    assert row(t, "39906").name == "赠与" and row(t, "39909").name == "经常性赠与"
    assert row(t, "30228").cells[0].printed == "10.00"
    assert [r.name for r in t.rows if r.is_total] == ["人员经费合计", "公用经费合计"]


@requires_devset
def test_devset_the_last_blocks_code_with_its_label_centred_on_it():
    """203 (central 决算): 39908 was read as an amount of 30228 工会经费 (W301) and its code row was missing."""
    report = read_report_once(DEVSET / "text" / "203_zhongyang-guojiaxinfangju-2024-juesuan.txt")
    t = next(t for t in report.tables if t.number == "公开06表")
    assert row(t, "39908").name == NAME
    assert row(t, "39907").name == "国家赔偿费用支出"
    assert [c.printed for c in row(t, "30228").cells if c is not None] == ["133.00"]


# -- a figure glued to the next cell's label (no space between them in the extracted text) --------------------

SUMMARY = """\
表1 收支总表
单位：{unit}
收入 支出
项目 预算数 项目 预算数
一、财政拨款收入 {a}{glue}一、教育支出 {b}
二、事业收入 {c}{glue}二、社会保障和就业支出 {c}
本年收入合计 {t}{glue}本年支出合计 {t}
"""


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("glue", ["", " "], ids=["glued", "spaced"])
def test_a_figure_glued_to_the_next_cells_label_is_two_cells(unit, glue):
    """pdfplumber's text drops the space between a figure and the label of the cell right of it
    (``286,907,300一、教育支出``): the rows of each side are read apart all the same (glued: failed before)."""
    a, b, c, t = (
        ("300.00", "250.00", "50.00", "350.00")
        if unit == "万元"
        else ("3,000,000", "2,500,000", "500,000", "3,500,000")
    )
    tables, _, _, _ = read_tables(SUMMARY.format(unit=unit, a=a, b=b, c=c, t=t, glue=glue))
    (s,) = tables
    assert [(r.side, r.name) for r in s.rows] == [
        ("income", "一、财政拨款收入"),
        ("expenditure", "一、教育支出"),
        ("income", "二、事业收入"),
        ("expenditure", "二、社会保障和就业支出"),
        ("income", "本年收入合计"),
        ("expenditure", "本年支出合计"),
    ]
    assert [c.printed for r in s.rows for c in r.cells if c is not None] == [a, b, c, c, t, t]


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("差旅费1.5万元", True),
        ("2026年", True),
        ("23,618.09一、一般公共服务支出", False),
        ("23,618.09（一）一般公共服务支出", False),
        ("23,618.09(一)一般公共服务支出", False),  # ASCII brackets, as normalize.ITEM_START reads them (failed before)
        ("0.00基础数据，加强", True),
        ("129,593个;", True),
    ],
)
def test_only_a_figure_of_a_tables_amounts_is_cut_from_the_words_after_it(label, words):
    from nlp.rows import tokenize

    kinds = [t.kind for t in tokenize(label)]
    assert (kinds == ["text"]) is words
