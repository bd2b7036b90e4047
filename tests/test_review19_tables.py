"""review19 F1: the heading of a project table's text column printed as more than 绩效目标 (项目绩效目标, 年度绩效目标,
绩效目标及指标, 绩效目标描述) is set aside like 绩效目标 itself (nlp.tableheader.value_headings).

c61851f sent a header naming 绩效目标 to nlp.headergrid with the heading taken out only when it stood as a piece
of its own; ``text_column`` is found anywhere in the header, so a longer heading stayed among the value headings and
was read as an eighth column over seven figures: four of a row's seven amounts were stored as none (the headings cut
over lines) or six (the headings whole) — before c61851f all seven were kept, as unknown.  The tables are
tests/test_text_column_header.py's with the heading renamed (元 and 万元, headings cut or whole): all 20 fail at
c61851f."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.normalize import Line
from nlp.tableheader import read, value_headings
from tests.tablehelp import read_tables, row, values
from tests.test_text_column_header import GROUP_FIRST, HEADS, MEANINGS, ROWS, _text

HEADINGS = ["项目绩效目标", "年度绩效目标", "绩效目标及指标", "绩效目标描述"]


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_longer_text_heading_is_set_aside(heading):
    head = [ln.replace("绩效目标", heading) for ln in HEADS[("cut", "group first")]]
    header = read([Line(t, 0, i + 1, 0) for i, t in enumerate(head)])
    assert header.text_column
    assert value_headings(header).split("\n")[2] == "总计 一般公共预 政府性基金 国有资本经"


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("head", ["cut", "whole"])
@pytest.mark.parametrize("heading", HEADINGS)
def test_a_table_with_a_longer_text_heading_keeps_every_amount(unit, head, heading):
    printed = [ln.replace("绩效目标", heading) for ln in HEADS[(head, "group first")]]
    tables, _, _, _ = read_tables(_text(unit, printed, GROUP_FIRST, False))
    (t,) = tables
    assert [(c.measure, c.funding_source) for c in t.columns] == MEANINGS
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    assert values(row(t, name="设备维护经费")) == [Decimal(f) * factor for f in ROWS[3][1]]
