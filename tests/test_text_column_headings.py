"""The heading of a project table's text column, cut over header lines or named otherwise than 绩效目标
(nlp.tableheader.text_heading; review19 F2 and F3).

F2: the heading cut over two lines or more (``… 国有资本经 绩效`` / ``位） 合计 户拨款 金 目标``) was read by
nlp.headergrid as an eighth column (绩效目标 joined like 一般公共预 / 算) over seven figures: W310 on every row, every
amount of the table lost.  F3: a text column headed 备注, 项目概况, 项目说明 or 主要内容 was no text column at all: the
columns after 总计 unknown, and a row's text after its figures the head of the next project's name
(``保障日常业务正常运转。设备维护经费``), no warning.

The tables are tests/test_text_column_header.py's (元 and 万元, headings cut inside their cells or whole, the text
beside the figures), the text column's heading cut at other places and over two or three lines, or renamed: the 40
tables all fail before (F2: no amount; F3: the second project's name glued, its columns unknown).  A remark or a
description is the row's text, never the project's 绩效目标."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.normalize import Line
from nlp.tableheader import read
from tests.tablehelp import read_tables, row, values
from tests.test_text_column_header import GROUP_FIRST, HEADS, MEANINGS, ROWS, _text

# the heading's pieces, each ending a header line under the one before
CUT_TARGETS = [("绩效", "目标"), ("项目绩效", "目标"), ("绩效目", "标"), ("年度绩效", "目标"), ("绩", "效目", "标")]
OTHER_HEADINGS = [("备注",), ("项目概况",), ("项目说明",), ("主要内容",), ("项目", "概况")]


def _header(head: str, pieces: tuple[str, ...]) -> list[str]:
    """The table's header with its 绩效目标 printed as ``pieces``, one at the end of each line from its own down."""
    lines = list(HEADS[(head, "group first")])
    at = next(i for i, ln in enumerate(lines) if "绩效目标" in ln)
    lines[at] = lines[at].replace("绩效目标", pieces[0])
    for k, piece in enumerate(pieces[1:], start=at + 1):
        lines[k : k + 1] = [f"{lines[k]} {piece}" if k < len(lines) else piece]
    return lines


@pytest.mark.parametrize("pieces", CUT_TARGETS + OTHER_HEADINGS, ids="/".join)
def test_the_text_heading_is_found_whole_or_cut(pieces):
    header = read([Line(t, 0, i + 1, 0) for i, t in enumerate(_header("cut", pieces))])
    assert header.text_column
    assert header.text_heading == "".join(pieces)
    assert header.targets == ("绩效目标" in header.text_heading)


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("head", ["cut", "whole"])
@pytest.mark.parametrize("pieces", CUT_TARGETS + OTHER_HEADINGS, ids="/".join)
def test_a_text_column_keeps_its_rows_amounts_and_names(unit, head, pieces):
    tables, projects, _, _ = read_tables(_text(unit, _header(head, pieces), GROUP_FIRST, False))
    (t,) = tables
    assert [(c.measure, c.funding_source) for c in t.columns] == MEANINGS
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    for name, figures, target in ROWS[2:]:
        r = row(t, name=name)  # the name alone: not glued to the row above's text
        assert values(r) == [Decimal(f) * factor for f in figures]
        assert r.text == target
    assert [p.name for p in projects] == [name for name, _, _ in ROWS[2:]]
    targets = "绩效目标" in "".join(pieces)
    assert [p.target.text if p.target else None for p in projects] == [t if targets else None for _, _, t in ROWS[2:]]
