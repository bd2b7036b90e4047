"""An amount printed on a line of its own under its row's label, in a table of whole yuan, is read to its row or
warned about — never lost silently.  Constructed variants: a project table (no codes) whose label line is
followed by its amount alone, the amount's digits also a valid economic code (350, 30201) or not (12, 5000);
a coded table whose row prints its label and code on one line and a small number alone under it (the page's
number after a row printed blank, or the row's amount: W316)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables, values


def projects(amount: int, unit_row: bool) -> str:
    return (
        "表5 项目支出表\n单位：元\n项目名称 金额\n"
        + ("某某局本级\n" if unit_row else "")
        + f"信息系统运维项目 450000\n信访业务经费\n{amount}\n办公设备购置 20000\n合计 {470000 + amount}\n"
    )


# (the amount alone on its line, a unit row above the projects); * = read as a code row before (the label joined to
# the project above it, the next project's amount given to a row named by the number): 6 of 12 fail before
PROJECT_CASES = [
    (12, False),
    (12, True),
    (5000, False),
    (5000, True),
    (350, False),  # *
    (350, True),  # *
    (301, False),  # *
    (301, True),  # *
    (30201, False),  # *
    (30201, True),  # *
    (88888, False),
    (88888, True),
]


@pytest.mark.parametrize(("amount", "unit_row"), PROJECT_CASES)
def test_an_amount_alone_under_a_projects_label_is_its_amount(amount, unit_row):
    tables, projects_read, diag, _ = read_tables(projects(amount, unit_row))
    (t,) = tables
    rows = [(r.name, values(r)) for r in t.rows if r.cells]
    assert rows == [
        ("信息系统运维项目", [Decimal(450000)]),
        ("信访业务经费", [Decimal(amount)]),
        ("办公设备购置", [Decimal(20000)]),
        ("合计", [Decimal(470000 + amount)]),
    ]
    assert [(p.name, p.amount.value if p.amount else None) for p in projects_read] == [
        ("信息系统运维项目", Decimal(450000)),
        ("信访业务经费", Decimal(amount)),
        ("办公设备购置", Decimal(20000)),
    ]
    assert not diag.items


def coded(lone: str, above_prints: bool, unit: str = "元") -> str:
    figures = "800000 800000 0" if unit == "元" else "80.00 80.00 0.00"
    first = "2010101 行政运行 " + figures if above_prints else "2010101 行政运行"
    return (
        f"表3 一般公共预算支出表\n单位：{unit}\n科目编码 科目名称 合计 基本支出 项目支出\n"
        f"{first}\n{lone}\n2010102 一般行政管理事务 {figures}\n"
    )


def w316(diag):
    return [d for d in diag.items if d.code == "W316"]


# before: the number was dropped as a page number without a word (2 of 2 fail before)
@pytest.mark.parametrize("lone", ["12", "350"])
def test_a_number_alone_under_a_coded_row_printing_nothing_is_warned(lone):
    tables, _, diag, _ = read_tables(coded(lone, above_prints=False))
    (w,) = w316(diag)
    assert w.line == 5 and repr(lone) in w.message and "表3" in w.message
    assert all(c is None for c in tables[0].rows[0].cells)  # not guessed into a column


# controls: a page number after a row that prints its figures, and a bare integer in a table of decimals, are
# no amount (docs/tables.md) and no doubt: no warning, before and after
@pytest.mark.parametrize(("above_prints", "unit"), [(True, "元"), (True, "万元"), (False, "万元")])
def test_a_page_number_between_rows_is_no_doubt(above_prints, unit):
    tables, _, diag, _ = read_tables(coded("12", above_prints, unit))
    assert not w316(diag)
    assert [r.code for r in tables[0].rows] == ["2010101", "2010102"]
