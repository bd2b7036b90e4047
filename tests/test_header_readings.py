"""Headers the text leaves open (nlp.headergrid) and the figures that decide them (nlp.layoutsearch),
and the rows' own quirks (figures wrapped in narrow cells, page numbers between rows): each on a
synthetic variant (always runs) and, where a report of the development set's train split shows it, on that
report (skips when the development set is absent).  Expected figures were read by hand from the reports' text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from nlp import headergrid, headermeaning
from nlp.placedcolumns import columns_by_place
from tests.tablehelp import read_tables, row, table, values

WAN = Decimal(10000)
A, B = Decimal("72.43"), Decimal("44.90")  # 行政运行 and 一般行政管理事务 in the made-up tables, 万元


def _devset(stem: str):

    return read_report_once(DEVSET / "text" / f"{stem}.txt")


def _by_meaning(t, r, measure: str, qualifier: str | None = None):
    """The cell of row ``r`` in the one column of ``t`` with that meaning."""
    (j,) = [j for j, c in enumerate(t.columns) if c.measure == measure and c.qualifier == qualifier]
    cell = r.cells[j]
    return None if cell is None else cell.value


def _codes(diag, code: str) -> list:
    return [d for d in diag.items if d.code == code]


# -- a tall heading whose place the text does not keep, decided by another table's figures -------

EVIDENCE = """\
表5 一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 117.33 72.43 44.90
20101 人大事务 117.33 72.43 44.90
2010101 行政运行 72.43 72.43 0.00
2010102 一般行政管理事务 44.90 0.00 44.90
"""

# 事业单位经营支出 printed above and below the line of its neighbours: it may stand anywhere
# after 合计, and 合计 = the sum of the other three under every order
TALL = """\
表3 支出总表
单位：万元
事业单位
科目编码 科目名称 合计 基本支出 项目支出
经营支出
201 一般公共服务支出 117.33 72.43 44.90 0.00
20101 人大事务 117.33 72.43 44.90 0.00
2010101 行政运行 72.43 72.43 0.00 0.00
2010102 一般行政管理事务 44.90 0.00 44.90 0.00
"""


def test_a_tall_heading_stands_where_another_tables_figures_put_it():
    tables, _, diag, _ = read_tables(EVIDENCE + TALL)
    t = table(tables, "表3")
    assert [c.measure for c in t.columns] == ["total", "basic", "project", "operating_expense"]
    assert values(row(t, "2010101")) == [A * WAN, A * WAN, 0, 0]
    assert values(row(t, "2010102")) == [B * WAN, 0, B * WAN, 0]
    assert not _codes(diag, "W310")


def test_alone_the_same_table_leaves_those_columns_unknown():
    tables, _, diag, _ = read_tables(TALL)
    t = table(tables, "表3")
    assert [c.measure for c in t.columns] == ["total", "unknown", "unknown", "unknown"]
    assert values(row(t, "2010101")) == [A * WAN, None, None, None]  # never a guessed column
    assert len(_codes(diag, "W310")) == 4


def test_one_row_printed_otherwise_in_one_table_does_not_silence_the_others():
    # 行政运行 prints 71.43 + 1 in 表3 where 表5 prints 72.43 + 0: no order of 表3 agrees on that row,
    # the other rows still tell the order
    text = EVIDENCE + TALL.replace("2010101 行政运行 72.43 72.43 0.00 0.00", "2010101 行政运行 72.43 71.43 1.00 0.00")
    tables, _, _, _ = read_tables(text)
    t = table(tables, "表3")
    assert [c.measure for c in t.columns] == ["total", "basic", "project", "operating_expense"]
    assert values(row(t, "2010101")) == [A * WAN, (A - 1) * WAN, 1 * WAN, 0]


@requires_devset
@pytest.mark.parametrize(
    "stem,title,expected",
    [
        # 202 部门支出总表 (the central template): six value columns under headings the text leaves in either order;
        # its 一般公共预算支出表 gives 基本支出 / 项目支出 per code (read by hand)
        (
            "202_zhongyang-guojiaxinfangju-2026-yusuan",
            "部门支出总表",
            {
                "2014001": {"total": "62862100.00", "basic": "62862100.00", "project": None},  # 行政运行
                "2014002": {"total": "7372900.00", "basic": None, "project": "7372900.00"},  # 一般行政管理事务
            },
        ),
        # 215 表3 支出总表: tall cells (事业单位经营支出, the procurement columns …) wrapped around the heading line
        (
            "215_shenzhen-tongjiju-2026-yusuan",
            "支出总表",
            {"2010501": {"total": "23579200.00", "basic": "23579200.00", "project": "0", "operating_expense": "0"}},
        ),
    ],
    ids=["202", "215"],
)
def test_devset_tall_headings_placed_by_the_other_tables(stem: str, title: str, expected: dict) -> None:
    report = _devset(stem)
    t = next(t for t in report.tables if t.title == title)
    for code, cells in expected.items():
        r = row(t, code)
        for measure, value in cells.items():
            assert _by_meaning(t, r, measure) == (None if value is None else Decimal(value)), (code, measure)
    assert not [d for d in report.diagnostics if d.code == "W310" and f"table {t.number or t.title}:" in d.message]


# -- columns the figures leave in either order, holding the same figure in every row --------------

TWO_TALL = """\
表3 支出总表
单位：万元
事业单位
科目编码 科目名称 合计 基本支出 项目支出 对附属单位补助支出
经营支出
201 一般公共服务支出 117.33 72.43 44.90 0.00 0.00
20101 人大事务 117.33 72.43 44.90 0.00 0.00
2010101 行政运行 72.43 72.43 0.00 0.00 0.00
2010102 一般行政管理事务 44.90 0.00 44.90 0.00 0.00
"""


def test_columns_in_either_order_that_hold_the_same_figures_keep_them():
    tables, _, diag, _ = read_tables(EVIDENCE + TWO_TALL)
    t = table(tables, "表3")
    assert [c.measure for c in t.columns][:3] == ["total", "basic", "project"]
    assert {c.measure for c in t.columns[3:]} == {"operating_expense", "subsidy_to_affiliates"}
    assert values(row(t, "20101")) == [(A + B) * WAN, A * WAN, B * WAN, 0, 0]
    assert not _codes(diag, "W310")
    assert _codes(diag, "W313")  # the order they are stored in is one the figures allow


def test_columns_in_either_order_with_different_figures_are_not_stored():
    text = EVIDENCE + TWO_TALL.replace(
        "2010102 一般行政管理事务 44.90 0.00 44.90 0.00 0.00", "2010102 一般行政管理事务 49.90 0.00 44.90 5.00 0.00"
    )
    tables, _, diag, _ = read_tables(text)
    t = table(tables, "表3")
    assert values(row(t, "2010102"))[3:] == [None, None]
    assert [c.measure for c in t.columns][3:] == ["unknown", "unknown"]
    assert _codes(diag, "W310")


@requires_devset
@pytest.mark.parametrize(
    "stem", ["215_shenzhen-tongjiju-2026-yusuan", "222_guangzhou-qixiangju-2026-yusuan"], ids=["215", "222"]
)
def test_devset_zero_columns_in_either_order_keep_their_zeros(stem: str) -> None:
    # 表3 (支出总表 / 本年支出总体情况表): the text leaves 事业单位经营支出, 对附属单位补助支出 and 上缴上级支出 in
    # any order after 项目支出; every row prints 0.00 in all three (read by hand): kept, with W313
    report = _devset(stem)
    t = next(t for t in report.tables if t.number == "表3")
    zeros = ("operating_expense", "subsidy_to_affiliates", "remit_to_superior")
    assert [c.measure for c in t.columns][:3] == ["total", "basic", "project"]
    assert {c.measure for c in t.columns[3:6]} == set(zeros)
    coded = [r for r in t.rows if r.code]
    assert coded and all(_by_meaning(t, r, m) == 0 for r in coded for m in zeros)
    assert [d for d in report.diagnostics if d.code == "W313" and "table 表3:" in d.message]


# -- a change under …比… (2024年预算数比2023年执行数 / 增减额) ----------------------------------

COMPARED = """\
部门公开表5
一般公共预算支出表
单位：万元
2024年预算数比
功能分类科目 2023年 2024年预算数 2023年执行数
科目编码 科目名称 执行数 小计 基本支出 项目支出 增减额 增减(%)
201 一般公共服务支出 100.00 120.00 70.00 50.00 20.00 20.00%
20101 人大事务 100.00 120.00 70.00 50.00 20.00 20.00%
2010101 行政运行 60.00 70.00 70.00 10.00 16.67%
2010102 一般行政管理事务 40.00 50.00 50.00 10.00 25.00%
"""


def test_a_change_under_a_comparison_is_the_first_figure_less_the_second():
    tables, _, _, _ = read_tables(COMPARED)
    (t,) = tables
    change = next(c for c in t.columns if c.measure == "change")
    assert (change.year, change.phase.value, change.qualifier) == (2024, "budget", "execution")
    r = row(t, "2010101")
    assert _by_meaning(t, r, "change", "execution") == 10 * WAN
    assert _by_meaning(t, r, "basic", "budget") == 70 * WAN and _by_meaning(t, r, "project", "budget") is None
    # a change that does not make up the difference is no change of these two figures
    lay = headergrid.align(
        COMPARED.splitlines()[3] + "\n" + COMPARED.splitlines()[4] + "\n" + COMPARED.splitlines()[5], at_least=5
    )
    assert lay
    cols = lay[0].meanings()
    sums = headermeaning.sums(lay[0], cols)
    i = next(i for i, c in enumerate(cols) if c.measure == "change")
    assert (1, [0, i]) in sums  # 2024年预算数 小计 = 2023年执行数 + 增减额


@requires_devset
def test_devset_changes_under_comparisons():
    # 202's 一般公共预算支出表 prints this year's budget against last year's execution with its 增减额, twice
    # (the second with one kind of spending left out)
    report = _devset("202_zhongyang-guojiaxinfangju-2026-yusuan")
    t = next(t for t in report.tables if t.title == "一般公共预算支出表")
    r = row(t, "2014001")  # execution, budget, the change and its rate, twice the same: both changes alike
    changes = [r.cells[j].value for j, c in enumerate(t.columns) if c.measure == "change" and r.cells[j] is not None]
    assert changes == [Decimal("2711400.00"), Decimal("2711400.00")]
    r = row(t, "2014099")  # one change a fall, the other (left-out spending deducted) a rise
    changes = [r.cells[j].value for j, c in enumerate(t.columns) if c.measure == "change" and r.cells[j] is not None]
    assert changes == [Decimal("-215192600.00"), Decimal("20229400.00")]


def test_the_headings_of_a_ruled_table_mean_what_they_mean_in_text():
    # the geometry of a ruled table gives every column's headings top to bottom: read by the same
    # rules as a header from text (a heading over every column is the table's scope)
    paths = [
        ["2023年执行数"],
        ["2024年预算数", "小计"],
        ["2024年预算数", "基本支出"],
        ["2024年预算数", "项目支出"],
        ["2024年预算数比2023年执行数", "增减额"],
    ]
    cols, sums = columns_by_place(paths, "一般公共预算支出表")
    assert [c.measure for c in cols] == ["total", "total", "basic", "project", "change"]
    assert [c.year for c in cols] == [2023, 2024, 2024, 2024, 2024]
    assert cols[0].funding_source == cols[4].funding_source == "general_public"
    assert sums is not None and (1, [2, 3]) in sums and (1, [0, 4]) in sums
    scoped = [
        ["一般公共预算基本支出", "合计"],
        ["一般公共预算基本支出", "人员经费"],
        ["一般公共预算基本支出", "公用经费"],
    ]
    cols, sums = columns_by_place(scoped, "基本支出表")
    assert [c.measure for c in cols] == ["total", "personnel", "public"]
    assert sums == [(0, [1, 2])]


# -- a page number printed between two coded rows ------------------------------------------------

FOLIO = """\
表5 一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 117.33 72.43 44.90
20101 人大事务 117.33 72.43 44.90
2010101 行政运行 72.43 72.43
9
2010102 一般行政管理事务 44.90 44.90
"""


def test_a_page_number_between_two_coded_rows_is_no_row_and_no_figure():
    tables, _, diag, _ = read_tables(FOLIO)
    (t,) = tables
    assert [r.code for r in t.rows if r.code] == ["201", "20101", "2010101", "2010102"]
    assert values(row(t, "2010101")) == [A * WAN, A * WAN, None]
    assert values(row(t, "2010102")) == [B * WAN, None, B * WAN]
    assert not _codes(diag, "W310")


@requires_devset
def test_devset_page_number_between_coded_rows():
    report = _devset("202_zhongyang-guojiaxinfangju-2026-yusuan")
    t = next(t for t in report.tables if t.title == "一般公共预算支出表")
    # the 20805 row, then a page number alone on its line, then 2080501
    assert _by_meaning(t, row(t, "20805"), "total", "budget") == Decimal("21568600.00")
    assert _by_meaning(t, row(t, "2080501"), "total", "budget") == Decimal("9299700.00")
    assert not any(c is not None and c.value == 9 * WAN for r in t.rows for c in r.cells)


# -- figures wrapped inside cells too narrow for them (1264.3 / 7) -------------------------------

WRAPPED = """\
表5 一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
1264.3
201 一般公共服务支出 817.92 446.45
7
1264.3
20101 人大事务 817.92 446.45
7
2010101 行政运行 817.92 817.92 0.00
2010102 一般行政管理事务 446.45 0.00 446.45
"""


def test_figures_wrapped_in_narrow_cells_are_read_whole():
    tables, _, diag, _ = read_tables(WRAPPED)
    (t,) = tables
    assert values(row(t, "201")) == [Decimal("12643700.00"), Decimal("8179200.00"), Decimal("4464500.00")]
    assert row(t, "201").cells[0].printed == "1264.37"
    assert values(row(t, "20101")) == values(row(t, "201"))
    assert not _codes(diag, "W310")


def test_a_line_of_figures_that_cannot_be_tails_is_not_joined():
    # the line below prints two decimals of its own: no tail of a figure cut short
    text = WRAPPED.replace("201 一般公共服务支出 817.92 446.45\n7\n", "201 一般公共服务支出 817.92 446.45\n7.00\n", 1)
    tables, _, _, _ = read_tables(text)
    (t,) = tables
    assert row(t, "201").cells[0] is None or row(t, "201").cells[0].printed != "1264.37"


# two figures of one row wrapped, each in its own narrow cell: the heads on the line above, the tails below
WRAPPED_TWICE = """\
表5 一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
1538.2 720.3
201 一般公共服务支出 817.92
4 2
1538.2 720.3
20101 人大事务 817.92
4 2
2010101 行政运行 817.92 817.92 0.00
2010102 一般行政管理事务 720.32 0.00 720.32
"""


def test_two_figures_wrapped_in_narrow_cells_of_one_row_are_read_whole():
    tables, _, diag, _ = read_tables(WRAPPED_TWICE)
    (t,) = tables
    for code in ("201", "20101"):
        assert values(row(t, code)) == [Decimal("15382400.00"), Decimal("8179200.00"), Decimal("7203200.00")]
        assert [c.printed for c in row(t, code).cells] == ["1538.24", "817.92", "720.32"]
    assert not _codes(diag, "W310")
