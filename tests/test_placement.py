"""Cell placement: a row that prints fewer amounts than columns, placed by the table's
arithmetic (synthetic variants always run; the same layouts on devset reports)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from nlp.errors import Diagnostics
from nlp.model import Amount, Column, Span, TableRow
from nlp.placement import Extent, by_geometry, place_table
from nlp.tablearithmetic import candidates
from tests.tablehelp import read_tables, row, table

# 支出预算总表 as pdfplumber prints a Shanghai-style table: blank cells print nothing.
# 2014102 and 2014199 print 2 of 3 amounts: 项目支出, because 20141's 基本支出 is all 2014101's;
# 208 and its children are 基本支出 because the 合计 row's 项目支出 is all 201's and 210's.
EXPENDITURE = """\
2026年预算单位支出预算总表
编制单位：某某局 单位：元
项目 支出预算
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
类 款 项
201 一般公共服务支出 905,505,518 31,286,518 874,219,000
201 41 数据事务 905,505,518 31,286,518 874,219,000
201 41 01 行政运行 31,406,518 31,286,518 120,000
201 41 02 一般行政管理事务 347,615,300 347,615,300
201 41 99 其他数据事务支出 526,483,700 526,483,700
208 社会保障和就业支出 8,486,088 8,486,088
208 05 行政事业单位养老支出 8,486,088 8,486,088
208 05 05 机关事业单位基本养老保险缴费支出 7,557,392 7,557,392
208 05 06 机关事业单位职业年金缴费支出 928,696 928,696
210 卫生健康支出 910,352 874,352 36,000
210 11 行政事业单位医疗 874,352 874,352
210 11 01 行政单位医疗 874,352 874,352
210 99 其他卫生健康支出 36,000 36,000
210 99 99 其他卫生健康支出 36,000 36,000
合计 914,901,958 40,646,958 874,255,000
"""


def _printed(r):
    return [c.printed if c else None for c in r.cells]


def test_fewer_amounts_placed_by_parent_and_total_arithmetic():
    tables, _, diag, _ = read_tables(EXPENDITURE)
    t = tables[0]
    assert [c.measure for c in t.columns] == ["total", "basic", "project"]
    assert _printed(row(t, "2014102")) == ["347,615,300", None, "347,615,300"]
    assert _printed(row(t, "2014199")) == ["526,483,700", None, "526,483,700"]
    assert _printed(row(t, "208")) == ["8,486,088", "8,486,088", None]
    assert _printed(row(t, "2080506")) == ["928,696", "928,696", None]
    assert _printed(row(t, "2109999")) == ["36,000", None, "36,000"]
    assert not [d for d in diag.items if d.code in ("W303", "W310")]


def test_same_layout_in_wan_yuan_with_rounding():
    # 万元 with two decimals: the children miss the parent by 0.01 (尾数): still placed
    text = EXPENDITURE.replace("单位：元", "单位：万元")
    text = text.replace(
        "201 41 02 一般行政管理事务 347,615,300 347,615,300", "201 41 02 一般行政管理事务 34,761.53 34,761.53"
    )
    text = text.replace(
        "201 41 99 其他数据事务支出 526,483,700 526,483,700", "201 41 99 其他数据事务支出 52,648.38 52,648.38"
    )
    text = text.replace(
        "201 41 数据事务 905,505,518 31,286,518 874,219,000", "201 41 数据事务 90,550.55 3,128.65 87,421.90"
    )
    text = text.replace(
        "201 41 01 行政运行 31,406,518 31,286,518 120,000", "201 41 01 行政运行 3,140.65 3,128.65 12.00"
    )
    tables, _, _, _ = read_tables(text)
    t = tables[0]
    assert t.unit == "万元"
    r = row(t, "2014199")
    assert r.cells[1] is None and r.cells[2].value == Decimal("526483800")


def test_ambiguous_amount_is_not_stored_and_warned():
    # two children that could each be 基本 or 项目 with the same figures: no arithmetic decides
    text = """\
支出预算表
单位：元
功能分类科目名称 合计 基本支出 项目支出
201 一般公共服务支出 200 100 100
201 41 数据事务 200 100 100
201 41 01 行政运行 100 100
201 41 02 一般行政管理事务 100 100
合计 200 100 100
"""
    tables, _, diag, _ = read_tables(text)
    t = tables[0]
    r = row(t, "2014101")
    assert r.cells[0].printed == "100" and r.cells[1] is None and r.cells[2] is None
    w310 = [d for d in diag.items if d.code == "W310"]
    assert len(w310) == 2 and "行政运行" in w310[0].message


def _amount(v: str) -> Amount:
    return Amount(Decimal(v), v, "元", Span(0, 0, v))


def _row(code: str, *vals: str) -> TableRow:
    return TableRow(code=code, name=code, level=1, cells=[_amount(v) for v in vals], span=Span(0, 0, ""))


COLS = [Column(0, "合计", "total"), Column(1, "基本支出", "basic"), Column(2, "项目支出", "project")]


def test_candidates_keep_order_and_add_up():
    cells = [_amount("5"), _amount("5")]
    groups = [(0, [1, 2])]
    assert candidates(cells, 3, groups) == [(0, 1), (0, 2)]
    assert candidates([_amount("5"), _amount("3")], 3, groups) == []  # 5 ≠ 3 + 0 wherever 3 goes


def test_geometry_places_and_cross_checks():
    cols = [Extent(100, 150), Extent(200, 250), Extent(300, 350)]
    assert by_geometry([Extent(110, 140), Extent(305, 345)], cols) == (0, 2)
    assert by_geometry([Extent(110, 140), None], cols) is None  # a cell without a box: arithmetic decides
    rows = [_row("201", "10", "10")]
    diag = Diagnostics("t.txt")
    # arithmetic alone cannot tell 基本 from 项目; the page can
    place_table(
        rows, COLS, None, diag, "t", cell_extents={0: [Extent(110, 140), Extent(305, 345)]}, column_extents=cols
    )
    assert [c.printed if c else None for c in rows[0].cells] == ["10", None, "10"]
    assert not diag.items
    # the page says 10 | 4 under 合计 | 项目支出: placed as printed, and the row not adding up is warned
    rows = [_row("201", "10", "4")]
    place_table(
        rows, COLS, None, diag, "t", cell_extents={0: [Extent(110, 140), Extent(305, 345)]}, column_extents=cols
    )
    assert [c.printed if c else None for c in rows[0].cells] == ["10", None, "4"]
    assert [d.code for d in diag.items] == ["W311"]


def test_income_column_pinned_by_the_summary_table():
    text = """\
财务收支预算总表
单位：元
本年收入 本年支出
项目 预算数 项目 预算数
一、财政拨款收入 300 一、一般公共服务支出 300
二、事业收入
收入总计 300 支出总计 300
收入预算总表
单位：元
功能分类科目名称 合计 财政拨款收入 事业收入 其他收入
201 一般公共服务支出 300 300
201 01 人大事务 300 300
201 01 01 行政运行 300 300
合计 300 300
"""
    tables, _, diag, _ = read_tables(text)
    t = table(tables, "收入预算总表")
    assert t.kind == "income"
    for code in ("201", "20101", "2010101"):
        assert _printed(row(t, code)) == ["300", "300", None, None]
    assert not [d for d in diag.items if d.code == "W310"]


@requires_devset
@pytest.mark.parametrize("stem", ["207_shanghai-shujuju-2026-yusuan", "208_shanghai-shenjiju-2026-yusuan"])
def test_devset_rows_with_empty_cells(stem):

    report = read_report_once(DEVSET / "text" / f"{stem}.txt")
    expenditure = next(t for t in report.tables if t.kind == "expenditure")
    assert [c.measure for c in expenditure.columns] == ["total", "basic", "project"]
    placed = [r for r in expenditure.rows if r.code and sum(c is not None for c in r.cells) == 2]
    assert placed  # rows printing 2 of 3 amounts, each in the column its table's arithmetic gives
    for r in placed:
        filled = [i for i, c in enumerate(r.cells) if c is not None]
        assert filled[0] == 0 and r.cells[0].value == r.cells[filled[1]].value
    assert not [d for d in report.diagnostics if d.code == "W310" and d.message.find(expenditure.title) >= 0]


# 本年支出总体情况表 as pdfplumber prints a Guangdong table: the tall cell 对附属单位补助支出 wraps,
# its head above the other headings and its tail (出) below — where it stands is not in the text.
BROKEN_HEADER = """\
表3
本年支出总体情况表
单位名称：某某局 单位：万元
功能分类科目 对附属单位补助支
合计 基本支出 项目支出 事业单位经营支出 上缴上级支出
科目编码 科目名称 出
合计 172.37 126.81 45.56 0.00 0.00 0.00
201 一般公共服务支出 172.37 126.81 45.56 0.00 0.00 0.00
20105 统计信息事务 172.37 126.81 45.56 0.00 0.00 0.00
2010501 行政运行 126.81 126.81 0.00 0.00 0.00 0.00
2010505 专项统计业务 45.56 0.00 45.56 0.00 0.00 0.00
表5
一般公共预算支出情况表（按功能分类科目）
单位名称：某某局 单位：万元
功能科目名称 一般公共预算支出
小计 其中：基本支出 项目支出
合计 172.37 126.81 45.56
[201]一般公共服务支出 172.37 126.81 45.56
[20105]统计信息事务 172.37 126.81 45.56
[2010501]行政运行 126.81 126.81 0.00
[2010505]专项统计业务 45.56 0.00 45.56
"""


def test_broken_header_word_is_placed_by_the_figures_of_another_table():
    tables, _, diag, _ = read_tables(BROKEN_HEADER)
    t = table(tables, "表3")
    # total, basic and project are certain (表5 prints the same money split the same way); the three
    # columns of zeros could be in any order, but each holds 0.00 whichever it is: their figures are
    # stored, the order they are stored in is one the figures allow (W313)
    assert [c.measure for c in t.columns][:3] == ["total", "basic", "project"]
    assert {c.measure for c in t.columns[3:]} == {"operating_expense", "subsidy_to_affiliates", "remit_to_superior"}
    assert all(c is not None and c.value == 0 for r in t.rows for c in r.cells[3:])
    assert [d for d in diag.items if d.code == "W313"]


def test_broken_header_word_without_another_table_claims_nothing():
    text = BROKEN_HEADER.split("表5")[0]
    tables, _, _, _ = read_tables(text)
    # reading order would put 对附属单位补助支出 first: wrong; without another table only the total is
    # certain (合计 is named and every row bears it out: never less than a part)
    assert [c.measure for c in table(tables, "表3").columns] == ["total"] + ["unknown"] * 5


@requires_devset
@pytest.mark.parametrize(
    "stem", ["222_guangzhou-qixiangju-2026-yusuan", "224_zhuhai-shangwuju-2026-yusuan"], ids=["222", "224"]
)
def test_devset_broken_header_word(stem):

    report = read_report_once(DEVSET / "text" / f"{stem}.txt")
    t = next(t for t in report.tables if t.number == "表3")
    assert [c.measure for c in t.columns][:3] == ["total", "basic", "project"]
    assert "subsidy_to_affiliates" not in [c.measure for c in t.columns][:3]
