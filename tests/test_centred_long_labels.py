"""A project's name of three lines or more centred on its figures (head above, middle beside the figures, tail below),
in a table that centres its labels: the tail lines are the row's own, never the head of the next row's name.

The shapes are the train split's (a 部门预算项目支出表 printing a project's name over three lines, its middle line
beside the figures; a table by unit printing a unit's name so), the names made up, with no 绩效目标 column and no bracket to hold the cut: before, the tail started the next row's
name (``和设备采购项目购买服务经费``), the row above keeping its name cut.  The table's centring is told by a row of
two lines printing its figures alone between them (nlp.tablelines.centres_labels, now for rows without a code too).
A table that prints no such row may print its names bottom-aligned (``城市数据共享交换平台`` / ``建设项目 53.00 …``):
there a line under a row's figures stays the next row's head (the controls).

元 and 万元; the evidence row before or after; the next row on one line or centred over two; a name of five lines
(two above, two below): the 16 variants fail before, the 4 controls pass before and after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表12
部门预算项目支出表
单位名称：某市某某局 单位：{unit}
项目名称 合计 一般公共预算 政府性基金预算 其他资金
"""


def _figures(wan: str, unit: str) -> str:
    value = Decimal(wan) * (10000 if unit == "元" else 1)
    zero = "0.00" if unit == "万元" else "0"
    shown = f"{value:,.2f}" if unit == "万元" else f"{value:,.0f}"
    return f"{shown} {shown} {zero} {zero}"


EVIDENCE = ("区数字经济产业联盟党委\n{f}\n党建活动经费\n", "8.40", "区数字经济产业联盟党委党建活动经费")
LONG = {
    "three lines": (
        "港口货车一站\n式智能通关系统运维服务 {f}\n和设备采购项目\n",
        "53.00",
        "港口货车一站式智能通关系统运维服务和设备采购项目",
    ),
    "five lines": (
        "长三角区域港口货\n车一站式智能通\n关系统运维服务 {f}\n和设备采购及安装\n调试项目\n",
        "53.00",
        "长三角区域港口货车一站式智能通关系统运维服务和设备采购及安装调试项目",
    ),
}
NEXT = {
    "one line": ("购买服务经费 {f}\n", "163.00", "购买服务经费"),
    "two lines": ("境内外投资促进推介\n{f}\n会经费\n", "163.00", "境内外投资促进推介会经费"),
}


def _names(text: str) -> dict[str, Decimal | None]:
    _, projects, _, _ = read_tables(text)
    return {p.name: p.amount.value if p.amount else None for p in projects}


def _text(unit: str, rows: list[tuple[str, str, str]]) -> str:
    body = "".join(printed.format(f=_figures(wan, unit)) for printed, wan, _ in rows)
    return HEAD.format(unit=unit) + f"某市某某局 {_figures('224.40', unit)}\n" + body + "注：无。\n"


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("evidence", ["before", "after"])
@pytest.mark.parametrize("long", sorted(LONG))
@pytest.mark.parametrize("nxt", sorted(NEXT))
def test_a_long_centred_name_keeps_its_tail(unit, evidence, long, nxt):
    rows = [LONG[long], NEXT[nxt]]
    rows = [EVIDENCE, *rows] if evidence == "before" else [*rows, EVIDENCE]
    got = _names(_text(unit, rows))
    assert got == {name: Decimal(wan) * 10000 for _, wan, name in rows}


BOTTOM = [
    ("城市数据共享交换平台\n建设项目 {f}\n", "53.00", "城市数据共享交换平台建设项目"),
    ("政务云租赁\n服务费 {f}\n", "163.00", "政务云租赁服务费"),
]


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("first", ["one line", "bottom-aligned"])
def test_without_centring_a_line_under_the_figures_heads_the_next_name(unit, first):
    rows = [("办公设备购置经费 {f}\n", "8.40", "办公设备购置经费") if first == "one line" else BOTTOM[0], BOTTOM[1]]
    assert _names(_text(unit, rows)) == {name: Decimal(wan) * 10000 for _, wan, name in rows}
