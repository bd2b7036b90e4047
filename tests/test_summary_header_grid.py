"""A 收支总表 half whose header text the phrases cannot read one-to-one, read back whole (nlp.summaryheader, through
nlp.headergrid): a column takes the meaning every reading of the half's header gives it; where the readings disagree
it stays unknown — never a guessed meaning.

Hand-made headers as a PDF's text prints them (a tall cell on the middle line, a group over its parts), in 元 and
万元, a group heading letter-spaced: 6 of 6 fail before (every column of the 支出 half was unknown)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables, row, values

# 预算数 over 合计 | 基本支出 (人员经费 公用经费) | 项目支出: 项目支出 prints on the line below 基本支出, so the text cannot
# tell whether it stands left or right of the group — only the 合计 is certain.
OPEN = ["本年收入 本年支出", "预算数", "项目 预算数 项目 基本支出", "合计 项目支出", "人员经费 公用经费"]
# 合计 | 基本支出 over 人员经费 公用经费: one reading.
CLOSED = ["本年收入 本年支出", "项目 预算数 项目 合计 基本支出", "人员经费 公用经费"]
CLOSED_SPACED = ["本年收入 本年支出", "项目 预算数 项目 合计 基 本 支 出", "人员经费 公用经费"]


def _summary(unit: str, head: list[str], spent: list[str]) -> str:
    figures = " ".join(spent)
    body = [f"一、财政拨款收入 {spent[0]} 一、一般公共服务支出 {figures}", f"收入总计 {spent[0]} 支出总计 {figures}"]
    return "\n".join(["某某局2026年部门预算", "表1 部门财务收支预算总表", f"单位：{unit}", *head, *body]) + "\n"


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_a_half_whose_readings_disagree_names_only_what_they_share(unit):
    spent = ["1,200", "300", "100", "800"] if unit == "元" else ["120.00", "30.00", "10.00", "80.00"]
    tables, _, _, _ = read_tables(_summary(unit, OPEN, spent))
    (t,) = tables
    half = [c.measure for c in t.columns if c.side == "expenditure"]
    assert half == ["total", "unknown", "unknown", "unknown"]
    r = row(t, name="一、一般公共服务支出", side="expenditure")
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    assert (
        values(r)[t.columns.index(next(c for c in t.columns if c.side == "expenditure"))]
        == Decimal(spent[0].replace(",", "")) * factor
    )


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("head", [CLOSED, CLOSED_SPACED], ids=["as printed", "group letter-spaced"])
def test_a_half_with_one_reading_is_read(unit, head):
    spent = ["1,200", "400", "800"] if unit == "元" else ["120.00", "40.00", "80.00"]
    tables, _, _, _ = read_tables(_summary(unit, head, spent))
    (t,) = tables
    half = [(c.measure, c) for c in t.columns if c.side == "expenditure"]
    assert [m for m, _ in half] == ["total", "personnel", "public"]
    r = row(t, name="一、一般公共服务支出", side="expenditure")
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    got = [values(r)[c.index] for _, c in half]
    assert got == [Decimal(v.replace(",", "")) * factor for v in spent]
