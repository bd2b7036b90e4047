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


# One side printed blank: the income side's item and the expenditure side's item stand on one line, the income's
# figure missing between them (``二、政府性基金预算拨款收入 二、教育支出 64.37``): two items, the figure the
# expenditure's — enumerated as 一、 / （二） / 3、 / 4. on either side.  And a whole-yuan figure printed without
# separators glued to the next item with no space (``一、财政拨款收入304413900一、教育支出``).  Made-up 收支总表s in
# 万元 and 元; before, the two labels were one row (二、政府性基金预算拨款收入二、教育支出), the glued figure part of
# a label — the 9 cases below fail before.
def blank_side(unit: str, items: tuple[str, str, str, str]) -> str:
    f = (lambda s: s) if unit == "万元" else (lambda s: f"{Decimal(s) * WAN:,.0f}")
    income1, income2, spent1, spent2 = items
    return (
        f"表1 部门收支总表\n单位：{unit}\n收 入 支 出\n项目 预算数 项目 预算数\n"
        f"{income1} {f('100.00')} {spent1} {f('80.00')}\n"
        f"{income2} {spent2} {f('20.00')}\n"
        f"收入总计 {f('100.00')} 支出总计 {f('100.00')}\n"
    )


ITEMS = {
    "一、": ("一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "一、一般公共服务支出", "二、教育支出"),
    "（二）": ("（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（一）一般公共服务支出", "（二）教育支出"),
    "3、 / 四、": ("2、一般公共预算", "3、国有资本经营预算", "三、卫生健康支出", "四、住房保障支出"),
    "4. / 五、": ("3.事业收入", "4.其他收入", "四、卫生健康支出", "五、住房保障支出"),
}


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("items", list(ITEMS))
def test_an_item_printed_blank_beside_the_other_sides_is_no_part_of_its_label(items, unit):
    income1, income2, spent1, spent2 = ITEMS[items]
    (t,), _, _, _ = read_tables(blank_side(unit, ITEMS[items]))
    assert side_rows(t, "expenditure")[:2] == [(spent1, [Decimal("80.00") * WAN]), (spent2, [Decimal("20.00") * WAN])]
    assert side_rows(t, "income")[0] == (income1, [Decimal("100.00") * WAN])
    assert not [r for r in t.rows if income2 in r.name]  # printed blank: no row, no figure


GLUED_INTEGER = (
    "表1 部门收支总表\n单位：元\n项目 预算数 项目 预算数\n"
    "一、财政拨款收入304413900一、教育支出 326658710\n"
    "二、事业收入22244810（二）社会保障和就业支出 0\n"
    "本年收入合计 326658710 本年支出合计 326658710\n"
)


def test_a_whole_yuan_figure_glued_between_two_items_is_the_first_ones():
    (t,), _, _, _ = read_tables(GLUED_INTEGER)
    assert side_rows(t, "income")[:2] == [("一、财政拨款收入", [304413900]), ("二、事业收入", [22244810])]
    assert side_rows(t, "expenditure")[:2] == [("一、教育支出", [326658710]), ("（二）社会保障和就业支出", [0])]


# controls: a label with a space inside it (a wrapped or letter-spaced cell: 十八、自然资源海洋气象等 支出, （一） 一般
# 公共服务支出) is one label; a figure glued inside a name outside a 收支总表 stays the name's
@pytest.mark.parametrize(
    "label", ["十八、自然资源海洋气象等 支出", "（一） 一般公共服务支出", "二十一、灾害防治及应急管理 支出"]
)
def test_a_label_with_a_space_inside_stays_one_label(label):
    text = f"表1 部门收支总表\n单位：万元\n项目 预算数 项目 预算数\n一、财政拨款收入 20.00 {label} 20.00\n收入总计 20.00 支出总计 20.00\n"
    (t,), _, _, _ = read_tables(text)
    assert side_rows(t, "expenditure")[0] == (label.replace(" ", ""), [Decimal("20.00") * WAN])


def test_a_project_named_with_a_number_before_an_enumerator_stays_whole():
    text = "表5 项目支出表\n单位：万元\n项目名称 金额\n数据平台2024一、二期运维 45.00\n合计 45.00\n"
    (t,), _, _, _ = read_tables(text)
    assert [r.name for r in t.rows] == ["数据平台2024一、二期运维", "合计"]
