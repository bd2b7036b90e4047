"""A 收支总表's columns from its header printed as text, one half (收入 | 支出) at a time.

The header's 项目 … 项目 line parts the halves: the headings between the two 项目 are the 收入 half's, the rest of that
line and the lines below the 支出 half's; each half has as many columns as its rows print amounts.  A half whose
headings are not read one-to-one (one meaning twice) is ``unknown``, never a guessed meaning.  A ruled 收支总表 read from
a PDF takes its columns from the page instead (:func:`nlp.placedcolumns.sides_by_place`).
"""

from __future__ import annotations

import re
from collections import Counter

from nlp import columns as columns_mod
from nlp import headergrid, headermeaning
from nlp.model import Column, TableRow
from nlp.vocab import FUNDING_SOURCES


def columns(header_text: str, rows: list[TableRow], title: str) -> list[Column]:
    widths = {}
    for side in ("income", "expenditure"):
        counts = Counter(len(r.cells) for r in rows if r.side == side and r.cells)
        widths[side] = max(counts) if counts else 0
    halves = re.split(r"项\s*目", header_text, maxsplit=2)
    parts = (halves[1], halves[2]) if len(halves) == 3 else ("", "")
    cols: list[Column] = []
    for side, part in zip(("income", "expenditure"), parts):
        spread = _one_source(rows, part, widths[side]) if side == "expenditure" else None
        if spread is not None:
            widths[side] = spread
        half = columns_mod.build_columns(part, widths[side], title)
        known = [(c.measure, c.funding_source, c.phase, c.year, c.qualifier) for c in half if c.measure != "unknown"]
        if len(known) != len(set(known)):
            # one meaning twice: the half's header is not read one-to-one (预算数 / 合计 基本支出 项目支出 / 人员经费
            # 公用经费 read as total, total, basic, project) — no column of it is given a meaning the text cannot tell;
            # each keeps its heading where the half prints one per column on one line (合计 小计 项目支出: then it
            # is the column's own; no later step reads an unknown column's heading into a meaning)
            source = columns_mod.source_of_title(title)
            own = _one_heading_each(part, widths[side])
            half = [
                Column(index=0, header=c.header if own else "", measure="unknown", funding_source=source, phase=c.phase)
                for c in half
            ]
        if any(c.measure == "unknown" for c in half):
            half = _by_grid(part, half, widths[side], title)
        for c in half:
            c.index = len(cols)
            c.side = side
            cols.append(c)
    return cols


def _one_source(rows: list[TableRow], part: str, width: int) -> int | None:
    """An expenditure half headed 合计 and the sources of funds, one heading each on one line (合计 一般公共预算
    政府性基金预算 国有资本经营预算), whose rows print fewer figures (a zero printed as nothing: 合计 and one more): where
    the income side's money is one source's alone (every item printing a figure names it: 一、一般公共预算 385,916,400;
    二、政府性基金预算 blank), every other source spends nothing, so a row's figure beside its 合计 — equal to it — is
    that source's.  Each such row's cells are spread over the half's columns (None in the others' columns) and the
    half's width returned; ``None`` where the table does not say so."""
    headings = [measure for _, measure in columns_mod.value_phrases(part)]
    if not _one_heading_each(part, len(headings)) or len(headings) <= width or headings[0] != "total":
        return None
    sources = headings[1:]
    if not sources or any(h not in FUNDING_SOURCES for h in sources) or len(set(sources)) != len(sources):
        return None
    named = set()
    for r in rows:
        if r.side != "income" or r.is_total or not any(c is not None and c.value for c in r.cells):
            continue
        named.add(columns_mod.measure_of(r.name))
    only = named.pop() if len(named) == 1 else None
    if only is None or only not in sources:
        return None
    at = 1 + sources.index(only)
    spending = [r for r in rows if r.side == "expenditure" and r.cells]
    if any(len(r.cells) > 2 for r in spending):
        return None
    pairs = [r for r in spending if len(r.cells) == 2]
    if not pairs or any(a is None or b is None or a.value != b.value for a, b in (r.cells for r in pairs)):
        return None
    for r in pairs:
        cells: list = [None] * len(headings)
        cells[0], cells[at] = r.cells
        r.cells = cells
    return len(headings)


def _one_heading_each(part: str, width: int) -> bool:
    """A header's headings stand on one line, one per value column: each heading is its column's own, in order."""
    lines = [ln for ln in part.split("\n") if columns_mod.value_phrases(ln)]
    return len(lines) == 1 and len(columns_mod.value_phrases(lines[0])) == width


def _by_grid(part: str, half: list[Column], width: int, title: str) -> list[Column]:
    """The half's header read back whole (:func:`nlp.headergrid.align`, as a table's header over several lines):
    a column the phrases left unknown takes the meaning every reading gives it, where no other column of the half
    has it; where the readings disagree (项目支出 printed on the line below 基本支出: left or right of it) it stays
    unknown."""
    source, phase = columns_mod.source_of_title(title), columns_mod.phase_of(title)
    try:
        layouts = headergrid.align(part, at_least=width, exactly=width, title_source=source, table_phase=phase)
    except headergrid.TooMany:
        return half
    if not layouts or not width:
        return half
    readings = [_scoped(lay, source, phase) for lay in layouts]
    out = list(half)
    taken = {_meaning(c) for c in half if c.measure != "unknown"}
    for i, c in enumerate(half):
        if c.measure != "unknown":
            continue
        agreed = {_meaning(r[i]) for r in readings}
        if len(agreed) == 1 and next(iter(agreed))[0] != "unknown" and next(iter(agreed)) not in taken:
            out[i] = readings[0][i]
            taken.add(_meaning(out[i]))
    return out


def _scoped(lay: headermeaning.Layout, source: str | None, phase) -> list[Column]:
    """A reading's meanings, a heading over every column of the half that names a phase, a source of funds or
    nothing taken as the half's scope (预算数 over 合计 | 基本支出 | 项目支出), as a title is — as
    :func:`nlp.placedcolumns.columns_by_place` reads the headings over a ruled half."""
    cols = lay.columns
    while (
        len(cols) > 1
        and all(c.groups and c.groups[0] is cols[0].groups[0] for c in cols)
        and columns_mod.measure_of(cols[0].groups[0].text) in (None, "budget", "final", *FUNDING_SOURCES)
    ):
        over = cols[0].groups[0].text
        source = columns_mod.source_of_title(over) or source
        phase = columns_mod.phase_of(over) or phase
        cols = [headermeaning.HeaderColumn(c.groups[1:], c.own) for c in cols]
    return headermeaning.Layout(cols).meanings(source, phase)


def _meaning(c: Column) -> tuple:
    return (c.measure, c.funding_source, c.phase, c.year, c.qualifier)
