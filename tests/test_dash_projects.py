"""A project with no money this year, every amount cell printed as a dash (``某某平台建设项目 - - - -``), in made-up
project tables: the project is named — a fact of the report — and has no amount (a dash is no figure: nothing is
stored, not even 0); the projects round it keep theirs.  Other dashes, units, wrappings and a 绩效目标 column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表12
部门预算项目支出表
单位名称：某市某某局 单位：{unit}
项目名称 合计 一般公共预算 政府性基金预算 其他资金{text_head}
"""
NAME = "城市数据共享交换平台建设项目"


def _money(wan: str, unit: str) -> str:
    value = Decimal(wan) * (10000 if unit == "元" else 1)
    return f"{value:,.2f}" if unit == "万元" else f"{value:,.0f}"


def _table(dash_row: str, unit: str = "万元", text: bool = False) -> str:
    target = " 保障系统稳定运行。" if text else ""
    zero = _money("0", unit)
    return (
        HEAD.format(unit=unit, text_head=" 绩效目标" if text else "")
        + f"某市某某局 {_money('140', unit)} {_money('140', unit)} {zero} {zero}\n"
        + f"政务服务综合窗口运维费 {_money('40', unit)} {_money('40', unit)} {zero} {zero}{target}\n"
        + dash_row
        + f"办公设备购置经费 {_money('100', unit)} {_money('100', unit)} {zero} {zero}{target}\n"
        + "注：本表无其他说明。\n"
    )


DASH_ROWS = {
    "hyphens": f"{NAME} - - - -\n",
    "em dashes": f"{NAME} — — — —\n",
    "full-width": f"{NAME} － － － －\n",
    "name above": "城市数据共享交换平台\n建设项目 - - - -\n",
    "name centred": "城市数据共享交换平台\n- - - -\n建设项目\n",
    "one dash, the rest blank": f"{NAME} -\n",
}


def _projects(text: str):
    _, projects, diag, _ = read_tables(text)
    return {p.name: p for p in projects}, diag


# 6 rows x 2 units: each project dropped (W312) before
@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("key", sorted(DASH_ROWS))
def test_a_project_printed_in_dashes_is_named_with_no_amount(key, unit):
    got, diag = _projects(_table(DASH_ROWS[key], unit))
    assert list(got) == ["政务服务综合窗口运维费", NAME, "办公设备购置经费"]
    assert got[NAME].amount is None and got[NAME].cells == {}
    assert got["办公设备购置经费"].amount.value == Decimal(1000000)
    assert not [d for d in diag.items if d.code == "W312"]


def test_with_a_target_column_the_dash_project_keeps_its_target():
    got, _ = _projects(_table(f"{NAME} - - - - 完成平台一期建设。\n", text=True))
    assert got[NAME].amount is None
    assert got[NAME].target is not None and got[NAME].target.text == "完成平台一期建设。"


def test_a_line_of_dashes_alone_names_no_project():
    # control: dashes with no name are no project
    got, _ = _projects(_table("- - - -\n"))
    assert list(got) == ["政务服务综合窗口运维费", "办公设备购置经费"]
