"""Zeros printed as dashes (``-``, ``—``) instead of 0.00: a broken header's leading total and a project table
whose cells are centred on their amounts read as they do with the zeros printed.

Tables built here, of the layouts other templates print (a header of sources of funds cut over lines with 总计 on
a line of its own; a 项目支出 table with a 绩效目标 column whose names wrap around their amounts), in 万元 and 元.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.centredrows import amounts_run
from tests.tablehelp import read_tables

# 总计 on a line of its own, the sources' headings cut over four lines: not read one-to-one (nlp.tables._total_first)
BROKEN_HEAD = """\
表4
基本支出总表
部门名称：某某市某某管理局 单位：{unit}
财政拨款 单位资金
财政专户 上年结余、
支出项目类别 总计
一般公共 政府性基金 国有资本经 事业单位 上级补助 附属单位
管理资金 结转
小计 事业收入 其他收入
预算拨款 预算拨款 营预算拨款 经营收入 收入 上缴收入
"""

#: label → the twelve cells in 万元 ("0" a zero)
BROKEN_ROWS = [
    ("某某市某某管理局", ["1,234.00", "1,200.00", "1,200.00", "0", "0", "0", "34.00", "0", "0", "0", "0", "0"]),
    ("工资福利支出", ["900.00", "880.00", "880.00", "0", "0", "0", "20.00", "0", "0", "0", "0", "0"]),
    ("基本工资", ["300.00", "300.00", "300.00", "0", "0", "0", "0", "0", "0", "0", "0", "0"]),
    ("商品和服务支出", ["334.00", "320.00", "320.00", "0", "0", "0", "14.00", "0", "0", "0", "0", "0"]),
]


def _printed(value: str, unit: str, zero: str) -> str:
    if value == "0":
        return zero if zero != "0.00" else "0.00"
    v = Decimal(value.replace(",", ""))
    return f"{v * 10000:,.2f}" if unit == "元" else value


def _broken(unit: str, zero: str, rows=BROKEN_ROWS) -> str:
    body = "".join(f"{label} {' '.join(_printed(v, unit, zero) for v in cells)}\n" for label, cells in rows)
    return BROKEN_HEAD.format(unit=unit) + body + "注：本表无其他说明。\n"


# 6 cases; the 4 with dashes fail before (the first column stays unknown: no row printed every cell)
@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("zero", ["0.00", "-", "—"])
def test_a_broken_headers_total_is_read_with_its_zeros_printed_as_dashes(unit, zero):
    (t,) = read_tables(_broken(unit, zero))[0]
    assert t.columns[0].measure == "total" and t.columns[0].header == "总计"
    assert [r.cells[0].value for r in t.rows] == [Decimal(v) for v in ("12340000", "9000000", "3000000", "3340000")]


def test_a_dash_never_makes_a_part_the_total():
    # control (passes before too): the first column is less than a part in one row — no total, dashes or not
    rows = [*BROKEN_ROWS[:3], ("商品和服务支出", ["14.00", "320.00", "320.00", *["0"] * 9])]
    (t,) = read_tables(_broken("万元", "-", rows))[0]
    assert t.columns[0].measure == "unknown"


def test_a_cell_of_garbage_is_no_zero():
    # a row whose first cell is OCR garbage says nothing either way (were it a zero, 0 < 300.00 would deny the
    # total); the other rows still bear the total out — fails before (no row printed every cell)
    text = _broken("万元", "-").replace("基本工资 300.00", "基本工资 3O0.0A", 1)
    (t,) = read_tables(text)[0]
    assert t.columns[0].measure == "total"
    assert next(r for r in t.rows if r.name == "基本工资").cells[0] is None


PROJECT_HEAD = """\
表12
部门预算项目支出及其他支出预算表
单位名称：某县某某中心 单位：{unit}
财政拨款
支出项目类别（资金使用单 财政专 其他资
总计 一般公共预 政府性基金 国有资本经 绩效目标
位） 合计 户拨款 金
算 预算 营预算
"""

# names wrapped around their amounts, a text glued to the last cell, a row whose only figure is its 其他资金
PROJECT_ROWS = """\
合计 {a} {b} {b} {z} {z} {z} {c}
某县某某中心 {a} {b} {b} {z} {z} {z} {c}
乡村道路养护
{b} {b} {b} {z} {z} {z} {z}
专项经费
党群服务阵地建设
{c} {z} {z} {z} {z} {z} {c}
经费
完成全县农村公路日常养护，路况优良率不低于85%，
县域公共交通服
务保障资金（一 {d} {d} {d} {z} {z} {z} {z}保障群众出行
期） 安全便捷。
"""


def _projects(unit: str, zero: str) -> dict[str, Decimal]:
    wan = {"a": "46.50", "b": "40.00", "c": "6.50", "d": "0.00"}
    figures = {k: (v if unit == "万元" else f"{Decimal(v) * 10000:.2f}") for k, v in wan.items()}
    figures["d"] = figures["b"]
    text = PROJECT_HEAD.format(unit=unit) + PROJECT_ROWS.format(z=zero, **figures) + "注：无。\n"
    return {p.name: p.amount.value if p.amount else None for p in read_tables(text)[1]}


# 4 cases with dashes; they fail before (no line of amounts: the names' halves read as rows of their own)
@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("zero", ["-", "—"])
def test_a_centred_project_table_with_its_zeros_printed_as_dashes(unit, zero):
    assert _projects(unit, zero) == _projects(unit, "0.00")
    assert _projects(unit, zero) == {
        "乡村道路养护专项经费": Decimal("400000.00"),
        "党群服务阵地建设经费": Decimal("65000.00"),
        "县域公共交通服务保障资金（一期）": Decimal("400000.00"),
    }


@pytest.mark.parametrize(
    "line, cells",
    [
        ("0.84 - - - - - 0.84", 7),  # before: None (two figures)
        ("- - - - - - -", 7),  # a row of zeros printed as dashes only; before: None
        ("团建活动经费 23.46 23.46 23.46 — — — —", 7),  # before: 3
        ("615.00 615.00 615.00 - - - -险，推动企业转型升级", 7),  # the text glued to the last dash; before: 3
        ("东西部协作资金-2025 年度 12.00", None),  # a hyphen in a name is no cell
        ("某某口岸——客运通道 — 保障", None),  # dashes in a sentence: fewer than three cells
    ],
)
def test_a_run_of_amounts_counts_its_dashes(line, cells):
    run = amounts_run(line)
    assert (len(run[2]) if run else None) == cells
