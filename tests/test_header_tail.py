"""The tail of a heading cut over the header's lines (其中:教育 / 收费) is no label of the first row, even when that row
prints figures only under it: joined to a piece of a line above that names nothing alone, it names a column.  A
label over a line of figures that joins no heading (深圳市某某局 / 5,585.21 …) is still the row's.  Constructed
from the central template's 部门收入总表 (the development set's 202 prints it so; its PDF reads the row unnamed)."""

from __future__ import annotations

import pytest

from tests.tablehelp import read_tables

HEADER = (
    "表2 部门收入总表\n单位：{unit}\n"
    "合计 上年结转 一般公共预算 政府性基金 事业收入 其他收入\n"
    "拨款收入 预算拨款收入 其中:教育\n"
)


def income(unit: str, tail: str) -> str:
    figures = "120.00 20.00 60.00 0.00 30.00 10.00" if unit == "万元" else "1,200,000 200,000 600,000 0 300,000 100,000"
    return HEADER.format(unit=unit) + f"{tail}\n{figures}\n"


# before: the row was named 收费 (2 of 2 fail before)
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_headings_tail_is_no_rows_label(unit):
    (t,), _, _, _ = read_tables(income(unit, "收费"))
    assert [r.name for r in t.rows] == [""]


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_label_over_figures_that_ends_no_heading_is_the_rows(unit):
    (t,), _, _, _ = read_tables(income(unit, "某某局本级"))
    assert [r.name for r in t.rows] == ["某某局本级"]
