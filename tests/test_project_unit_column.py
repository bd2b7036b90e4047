"""A project table printing each project's unit in a column of its own beside the name (类型 | 项目名称 | 项目单位 |
合计 …, as a PDF lays a ruled row out on one line): ``2026某某中心运行费 某市某某局 116.00 …`` is a project of 某市某某局,
not a unit's row because its label ends in 局 (nlp.projects).  Made-up tables: other names, units, headings, 万元/元."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表9
项目支出表
单位：{unit}
类型 项目名称 {heading} 合计 一般公共预算 政府性基金预算
"""

# (name, unit, amount in 万元): names that carry no word of money for a purpose (经费, 项目, 专项 …), so a label read
# whole ends in the unit's word and reads as a unit's row
ROWS = [
    ("2026接待中心运行费", "某市某某局", "116.00"),
    ("某某系统运维服务费", "某市某某局", "30.00"),
    ("窗口大厅物业管理", "某市政务服务中心", "12.50"),
    ("热线平台话务外包", "某市人民政府办公室", "8.00"),
]


def _fig(wan: str, unit: str) -> str:
    value = Decimal(wan) * (10000 if unit == "元" else 1)
    return f"{value:,.2f}" if unit == "万元" else f"{value:,.0f}"


def _text(unit: str, heading: str) -> str:
    zero = _fig("0", unit)
    body = "".join(f"{n} {u} {_fig(a, unit)} {_fig(a, unit)} {zero}\n" for n, u, a in ROWS)
    return HEAD.format(unit=unit, heading=heading) + body + "注：本表无其他说明。\n"


# 3 headings x 2 units: all 6 fail before (a project read as a unit's row, the others named with their unit)
@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("heading", ["项目单位", "实施单位", "项目实施单位"])
def test_a_projects_unit_printed_beside_its_name(unit, heading):
    _, projects, _, _ = read_tables(_text(unit, heading))
    got = [(p.name, p.unit_name, p.amount.value) for p in projects]
    assert got == [(n, u, Decimal(a) * 10000) for n, u, a in ROWS]


def test_without_a_unit_column_a_label_ending_in_a_unit_keeps_its_reading():
    # control: no heading names the project's unit — a row naming an organisation is a unit's row, as before
    text = _text("万元", "").replace("类型 项目名称  合计", "项目名称 合计")
    _, projects, _, _ = read_tables(text)
    assert "2026接待中心运行费" not in [p.name for p in projects]
