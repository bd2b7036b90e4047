"""A header read from a ruled table's geometry nests its columns as the page draws them, and the checks across a
row (nlp.columns.column_groups, nlp.reconcile) must add them up as they nest: a group's own 合计 is that group's
total, never one more part beside the columns it sums.  A phrase of the vocabulary never runs from one header cell
into the next (财政拨款 over 合计 is the group's total; 财政拨款合计 printed alone over one column is the fiscal
appropriation).  Built here: header paths, PDFs of a 基本支出 table by unit (tests/pdfmake.py), a 收入表 that prints
last year's balance beside this year's income; and the development set's reports whose PDFs printed so."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset
from pdfmake import Cell, make_table_pdf

from nlp.columns import column_groups
from nlp.placedcolumns import columns_by_place
from nlp.reconcile import reconcile
from tests.test_reconcile import report_of

# (paths of the value columns, measure and source of each column, the sums across a row); the first two rows
# failed before (财政拨款 + 合计 read as the one phrase 财政拨款合计: the group's total a part of the row's total)
SOURCES = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
FA = "fiscal_appropriation"
HEADER_CASES = [
    (
        [["总计"], ["财政拨款", "合计"], *[["财政拨款", s] for s in SOURCES], ["财政专户拨款"], ["其他资金"]],
        ["total", "total", "general_public", "government_fund", "state_capital", "special_account", "other_funds"],
        FA,
        [(0, [1, 5, 6]), (1, [2, 3, 4])],
    ),
    (
        [["合计"], ["财政拨款", "合计"], ["财政拨款", "一般公共预算"], ["财政拨款", "政府性基金预算"], ["其他资金"]],
        ["total", "total", "general_public", "government_fund", "other_funds"],
        FA,
        [(0, [1, 4]), (1, [2, 3])],
    ),
    (  # 小计 is no phrase with the group's words: read so before too
        [["总计"], ["财政拨款", "小计"], *[["财政拨款", s] for s in SOURCES], ["其他资金"]],
        ["total", "total", "general_public", "government_fund", "state_capital", "other_funds"],
        FA,
        [(0, [1, 5]), (1, [2, 3, 4])],
    ),
    (  # one heading over one column: the fiscal appropriation, a part of the total
        [["合计"], ["财政拨款合计"], ["财政专户拨款"], ["其他资金"]],
        ["total", FA, "special_account", "other_funds"],
        FA,
        [(0, [1, 2, 3])],
    ),
]


@pytest.mark.parametrize(("paths", "measures", "group_source", "sums"), HEADER_CASES)
def test_a_groups_own_total_is_the_groups_total(paths, measures, group_source, sums):
    cols, _ = columns_by_place(paths, "基本支出预算表")
    assert [c.measure for c in cols] == measures
    assert cols[1].funding_source == group_source
    assert column_groups(cols, "basic_by_unit") == sums


# -- the same, end to end: a PDF of a 基本支出 table by unit -------------------------------------------------

# (label, 总计, 财政拨款 合计, 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户拨款, 其他资金) in 万元
BY_UNIT = [
    ("合计", ["150.00", "140.00", "135.00", "5.00", "0.00", "0.00", "10.00"]),
    ("某某局", ["110.00", "100.00", "100.00", "0.00", "0.00", "0.00", "10.00"]),
    ("工资福利支出", ["80.00", "70.00", "70.00", "0.00", "0.00", "0.00", "10.00"]),
    ("商品和服务支出", ["30.00", "30.00", "30.00", "0.00", "0.00", "0.00", "0.00"]),
    ("某某服务中心", ["40.00", "40.00", "35.00", "5.00", "0.00", "0.00", "0.00"]),
    ("工资福利支出", ["40.00", "40.00", "35.00", "5.00", "0.00", "0.00", "0.00"]),
]


def by_unit_pdf(total_word: str, unit: str, rows=BY_UNIT) -> bytes:
    scale = Decimal(10000) if unit == "元" else Decimal(1)
    header = [
        [
            Cell("单位名称", 0, rows=2),
            Cell("总计", 1, rows=2),
            Cell("财政拨款", 2, span=4),
            Cell("财政专户拨款", 6, rows=2),
            Cell("其他资金", 7, rows=2),
        ],
        [Cell(total_word, 2), *[Cell(s, 3 + j) for j, s in enumerate(SOURCES)]],
    ]
    body = [
        [Cell(name, 0, align="left")]
        + [Cell(f"{Decimal(a) * scale:,.2f}", 1 + j, align="right") for j, a in enumerate(amounts)]
        for name, amounts in rows
    ]
    above = ["某某局2026年部门预算", "部门预算基本支出预算表", f"单位：{unit}"]
    return make_table_pdf([(above, header + body, [120] + [70] * 7)])


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("total_word", ["合计", "小计"])
def test_a_pdf_table_with_a_sources_total_adds_up(total_word, unit):
    from nlp import read_report_bytes

    report = read_report_bytes(by_unit_pdf(total_word, unit), "by_unit.pdf")
    (t,) = report.tables
    assert [(c.measure, c.funding_source) for c in t.columns][:3] == [
        ("total", None),
        ("total", FA),
        ("general_public",) * 2,
    ]
    assert [d.message for d in report.discrepancies] == []  # 6 column_sum discrepancies before (合计)


def test_a_figure_that_does_not_add_up_is_still_found():
    from nlp import read_report_bytes

    rows = [*BY_UNIT[:3], ("商品和服务支出", ["30.00", "30.00", "25.00", "0.00", "0.00", "0.00", "0.00"]), *BY_UNIT[4:]]
    report = read_report_bytes(by_unit_pdf("合计", "万元", rows), "by_unit.pdf")
    found = [(d.kind, d.expected, d.found) for d in report.discrepancies if d.kind == "column_sum"]
    assert found == [("column_sum", Decimal("300000.00"), Decimal("250000.00"))]  # 财政拨款 合计 vs its parts only


# -- a 收入表 that prints last year's balance beside this year's income --------------------------------------

SUMMARY = """\
表1
收支总体情况表
单位名称：某市某某局 单位：万元
收入 支出
项目 预算 项目 预算
一、财政拨款收入 145.60 一、一般公共服务支出 181.50
二、其他收入 12.40
本年收入合计 158.00 本年支出合计 181.50
上年结转结余 23.50
收入总计 181.50 支出总计 181.50
"""


def income_pdf(balance: bool) -> bytes:
    heads = ["单位名称", "合计", "财政拨款收入", "其他收入"] + (["上年结转结余"] if balance else [])
    figures = ["181.50", "145.60", "12.40", "23.50"] if balance else ["158.00", "145.60", "12.40"]
    rows = [[Cell(h, j) for j, h in enumerate(heads)]] + [
        [Cell(name, 0, align="left")] + [Cell(a, 1 + j, align="right") for j, a in enumerate(figures)]
        for name in ("合计", "某市某某局")
    ]
    return make_table_pdf([(["某市某某局2026年部门预算", "收入总体情况表", "单位：万元"], rows, [120] + [80] * 4)])


@pytest.mark.parametrize(("balance", "wanted"), [(True, []), (False, [])])
def test_an_income_table_with_last_years_balance_totals_more_than_this_years_income(balance, wanted):
    """With 上年结转结余 its 合计 (181.50) is this year's income and the balance, no 本年收入合计 (158.00): no
    discrepancy (one before); without it, its 合计 is this year's income and agrees."""
    from nlp import read_report_bytes

    report = report_of(SUMMARY)
    (income,) = read_report_bytes(income_pdf(balance), "income.pdf").tables
    assert income.kind == "income" and income.columns[-1].measure == ("opening_balance" if balance else "other_income")
    report.tables.append(income)
    assert [d.message for d in reconcile(report) if d.kind == "cross_table"] == wanted


def test_an_income_table_that_differs_from_this_years_income_is_still_found():
    from nlp import read_report_bytes

    report = report_of(SUMMARY.replace("本年收入合计 158.00", "本年收入合计 159.00"))
    (income,) = read_report_bytes(income_pdf(False), "income.pdf").tables
    report.tables.append(income)
    assert [d.kind for d in reconcile(report) if "本年收入合计" in d.message] == ["cross_table"]


# -- the development set: two reports whose PDFs print 财政拨款 over 合计 and 上年结转结余 in their 收入表 ------------


@requires_devset
@pytest.mark.parametrize("number", ["222", "224"])
def test_devset_pdf_and_text_agree_on_the_arithmetic(number):
    """51 and 92 discrepancies from the PDFs before (the 基本支出 table by unit double-counted 财政拨款 合计; 224's
    收入表 total compared with 本年收入合计), none from the text; now none from either."""
    pdf = next((DEVSET / "pdf").glob(f"{number}_*.pdf"))
    from_pdf = read_report_once(pdf)
    from_text = read_report_once(DEVSET / "text" / f"{pdf.stem}.txt")
    assert [d.message for d in from_pdf.discrepancies] == [d.message for d in from_text.discrepancies] == []
    by_unit = next(t for t in from_pdf.tables if t.kind == "basic_by_unit")
    assert (by_unit.columns[1].measure, by_unit.columns[1].funding_source) == ("total", FA)


# -- a group that prints no total of its own: its parts, and its own groups' parts, make up the total ---------

INCOME = [
    ["收入总计"],
    ["本年收入", "财政拨款", "一般公共预算拨款"],
    ["本年收入", "财政拨款", "政府性基金预算拨款"],
    ["本年收入", "财政拨款", "国有资本经营预算拨款"],
    ["本年收入", "财政专户管理资金"],
    ["本年收入", "单位资金", "事业收入"],
    ["本年收入", "单位资金", "其他收入"],
    ["上年结余、结转"],
]
INCOME_MEASURES = [
    "total",
    "general_public",
    "government_fund",
    "state_capital",
    "special_account",
    "business_income",
    "other_income",
    "opening_balance",
]
# (paths, measures, the sums the placement checks a row by); all three failed before (政府性基金预算拨款 read as
# 政府性基金 + 预算拨款, the fiscal appropriation; 上年结余、结转 unknown; the parts under 财政拨款 and 单位资金 left out)
NESTED_CASES = [
    (INCOME, INCOME_MEASURES, [(0, [1, 2, 3, 4, 5, 6, 7])]),
    (  # a group with a total of its own under one without: its total is the part
        [["收入总计"], ["本年收入", "财政拨款", "小计"], *INCOME[1:4], *INCOME[4:]],
        ["total", "total", *INCOME_MEASURES[1:]],
        [(0, [1, 5, 6, 7, 8]), (1, [2, 3, 4])],
    ),
    (  # a group that names nothing holding a column of no known meaning: its money is not known, not summed
        [*INCOME[:6], ["本年收入", "单位资金", "其他"], INCOME[7]],
        [*INCOME_MEASURES[:6], None, "opening_balance"],  # (what 其他 alone means is not asserted)
        [(0, [1, 2, 3, 4, 7])],
    ),
]


@pytest.mark.parametrize(("paths", "measures", "sums"), NESTED_CASES)
def test_a_group_without_a_total_of_its_own_adds_up_through_its_groups(paths, measures, sums):
    cols, found = columns_by_place(paths, "收入总表")
    assert [c.measure if m else None for c, m in zip(cols, measures, strict=True)] == measures
    assert found == sums


def test_a_pdf_income_table_nested_three_deep_adds_up():
    """A 收入总表 as the Shenzhen template draws it: warned W311 (the row does not add up) before."""
    from nlp import read_report_bytes

    header = [
        [
            Cell("单位名称", 0, rows=3),
            Cell("收入总计", 1, rows=3),
            Cell("本年收入", 2, span=6),
            Cell("上年结余、\n结转", 8, rows=3),
        ],
        [Cell("财政拨款", 2, span=3), Cell("财政专户管\n理资金", 5, rows=2), Cell("单位资金", 6, span=2)],
        [
            Cell("一般公共预\n算拨款", 2),
            Cell("政府性基金\n预算拨款", 3),
            Cell("国有资本经\n营预算拨款", 4),
            Cell("事业收入", 6),
            Cell("其他收入", 7),
        ],
    ]
    figures = [("合计", ["130.00", "100.00", "5.00", "0.00", "0.00", "10.00", "5.00", "10.00"])]
    figures.append(("某某局（本级）", figures[0][1]))
    body = [
        [Cell(n, 0, align="left")] + [Cell(a, 1 + j, align="right") for j, a in enumerate(amounts)]
        for n, amounts in figures
    ]
    pdf = make_table_pdf([(["某某局2026年部门预算", "收入总表", "单位：万元"], header + body, [110] + [75] * 8)])
    report = read_report_bytes(pdf, "income.pdf")
    (t,) = report.tables
    assert [c.measure for c in t.columns] == INCOME_MEASURES
    assert [d.message for d in report.diagnostics if d.code == "W311"] == []
