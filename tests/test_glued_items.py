"""A 收支总表 prints each side's label in a cell of its own after the other side's figure; the extracted text may
glue a figure to whatever label follows (``112.50一般公共服务支出``, ``5,000上年结转``), not only to a numbered item
or a total (tests/test_table_folios.py).  In a 收支总表 such a token is two cells; in other tables (a project's
name may start with a figure, 2.0版…) it stays one.  Constructed from the central template's 收支总表 in 万元 and 元."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables, values

WAN = Decimal(10000)


def summary(unit: str) -> str:
    f = (lambda s: s) if unit == "万元" else (lambda s: f"{Decimal(s) * WAN:,.0f}")
    return (
        f"表1 部门收支总表\n单位：{unit}\n项目 本年预算 项目 本年预算\n"
        f"一、一般公共预算拨款 {f('112.50')}一般公共服务支出 {f('100.00')}\n"
        f"二、事业收入 {f('7.50')}住房保障支出 {f('20.00')}\n"
        f"本年收入合计 {f('120.00')}上年结转 {f('0.00')}\n"
        f"收入总计 {f('120.00')} 支出总计 {f('120.00')}\n"
    )


def side_rows(t, side):
    return [(r.name, [v for v in values(r) if v is not None]) for r in t.rows if r.side == side]


# before: each glued token was one label (the income item's name ran on into the expenditure item's, its figure
# lost): 2 of 2 fail before
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_figure_glued_to_any_label_of_a_summary_table_is_two_cells(unit):
    (t,), _, diag, _ = read_tables(summary(unit))
    assert side_rows(t, "income") == [
        ("一、一般公共预算拨款", [Decimal("112.50") * WAN]),
        ("二、事业收入", [Decimal("7.50") * WAN]),
        ("本年收入合计", [Decimal("120.00") * WAN]),
        ("收入总计", [Decimal("120.00") * WAN]),
    ]
    assert side_rows(t, "expenditure")[:2] == [
        ("一般公共服务支出", [Decimal("100.00") * WAN]),
        ("住房保障支出", [Decimal("20.00") * WAN]),
    ]
    assert not [d for d in diag.items if d.code == "W301"]


# a control: in a table of another kind a name may start with a figure (a version, a phase): kept whole, before
# and after
def test_a_project_name_starting_with_a_figure_stays_whole():
    text = "表5 项目支出表\n单位：万元\n项目名称 金额\n2.0版政务平台升级项目 45.00\n12.5公里道路养护项目 30.00\n合计 75.00\n"
    (t,), projects, _, _ = read_tables(text)
    assert [r.name for r in t.rows] == ["2.0版政务平台升级项目", "12.5公里道路养护项目", "合计"]
    assert [p.name for p in projects] == ["2.0版政务平台升级项目", "12.5公里道路养护项目"]
