"""A row whose first figure is too wide for its narrow column and wraps inside it (``642,317.9`` / ``3``) while its
label wraps beside it: the label's halves and the figure's head and tail are printed on the lines above and below the
row's line, which prints the other amounts only::

    某某科创资金-基地载 642,317.9
    642,317.93 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00
    体专项 3

Made-up tables (other names, units, places): the row is read whole — its label, its wrapped figure — and the
figure's column is stored where every placement of the row's figures agrees (the 总计 column holds 642,317.93
whichever printed 642,317.93 is its own); the columns the text leaves open stay empty (W310), never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.reconcile import reconcile
from tests.tablehelp import read_tables
from tests.test_reconcile import report_of

HEAD = """\
表5
项目支出总表
部门名称：某市某某局 单位：{unit}
2026年预算
财政拨款 单位资金
支出项目类别
财政专户 上年结余、
总计
一般公共 政府性基金预 国有资本经营 事业单位 上级补助 附属单位
管理资金 结转
事业收入 其他收入
预算拨款 算拨款 预算拨款 经营收入 收入 上缴收入
"""
ZEROS = " ".join(["0.00"] * 9)


def fig(wan: str, unit: str) -> str:
    return f"{Decimal(wan) * (10000 if unit == '元' else 1):,.2f}"


def wrapped(label: tuple[str, str], wan: str, unit: str) -> str:
    """A row whose first figure wraps after its last decimal but one, its label's halves beside head and tail."""
    f = fig(wan, unit)
    return f"{label[0]} {f[:-1]}\n{f} {ZEROS}\n{label[1]} {f[-1]}\n"


def plain(label: str, wan: str, unit: str) -> str:
    f = fig(wan, unit)
    return f"{label} {f} {f} {ZEROS}\n"


PROJECTS = [("某某工作经费", "1388.31"), (("某某科创资金-基地载", "体专项"), "642317.93"), ("评审工作经费", "46.80")]
PROJECTS += [(("某某科创资金-应用研", "发专项"), "283977.00")]
TOTAL = "927730.04"


def table_text(unit: str = "万元", unit_wrapped: bool = True, page_before: int | None = None) -> str:
    out = HEAD.format(unit=unit)
    out += (
        wrapped(("某市某某局（本", "级）"), TOTAL, unit) if unit_wrapped else plain("某市某某局（本级）", TOTAL, unit)
    )
    for k, (label, wan) in enumerate(PROJECTS):
        if k == page_before:
            out += "- 25 -\n" + HEAD.format(unit=unit)
        out += wrapped(label, wan, unit) if isinstance(label, tuple) else plain(label, wan, unit)
    return out + "注：本套报表金额单位转换时可能存在尾数误差。\n"


def projects_of(text: str) -> dict[str, tuple[str | None, Decimal | None]]:
    _, projects, _, _ = read_tables(text)
    return {p.name: (p.unit_name, p.amount.value if p.amount else None) for p in projects}


WANT = {
    "某某工作经费": Decimal("1388.31"),
    "某某科创资金-基地载体专项": Decimal("642317.93"),
    "评审工作经费": Decimal("46.80"),
    "某某科创资金-应用研发专项": Decimal("283977.00"),
}


@pytest.mark.parametrize("unit", ["万元", "元"], ids=["wan", "yuan"])
@pytest.mark.parametrize("unit_wrapped", [True, False], ids=["unit-wrapped", "unit-plain"])
@pytest.mark.parametrize("page_before", [None, 1, 3])
def test_a_row_whose_label_and_first_figure_wrap_around_its_line(unit, unit_wrapped, page_before):
    text = table_text(unit, unit_wrapped, page_before)
    got = projects_of(text)
    assert got == {name: ("某市某某局（本级）", v * 10000) for name, v in WANT.items()}
    assert reconcile(report_of(text)) == []  # the unit's 总计 is the sum of its projects'


def test_the_columns_the_text_leaves_open_stay_empty():
    """The wrapped 642,317.93 and the row's own 642,317.93 could be in 总计 and any part of it: only 总计 is certain."""
    tables, _, diag, _ = read_tables(table_text())
    (t,) = tables
    r = next(r for r in t.rows if r.name == "某某科创资金-基地载体专项")
    assert r.cells[0].value == Decimal("642317.93") * 10000
    assert all(c is None for c in r.cells[1:])
    assert any(d.code == "W310" and d.line == r.span.line for d in diag.items)
    assert r.span.text.startswith("某某科创资金-基地载") and r.span.text.endswith("体专项")


def test_a_column_the_placements_disagree_on_is_not_stored():
    """Negative: where the row's own line prints other figures (642,000.00 317.93 …), the 总计 column holds the wrapped
    642,317.93 in one placement and 642,000.00 in the others: nothing is stored there (W310), no amount is made up."""
    text = table_text().replace("642,317.93 " + ZEROS, "642,000.00 317.93 " + " ".join(["0.00"] * 8))
    tables, projects, diag, _ = read_tables(text)
    r = next(r for r in tables[0].rows if r.name == "某某科创资金-基地载体专项")
    assert all(c is None for c in r.cells)
    assert any(d.code == "W310" and d.line == r.span.line for d in diag.items)
    assert all(p.amount is None or p.amount.value != Decimal("642000.00") * 10000 for p in projects)


def test_a_label_beside_figures_that_are_no_heads_and_tails_is_not_joined():
    """Negative: a tail line that prints a whole figure of its own (two decimals) is no tail."""
    text = table_text().replace("体专项 3\n", "体专项 3.00\n")
    assert text != table_text()
    got = projects_of(text)
    assert "某某科创资金-基地载体专项" not in got
