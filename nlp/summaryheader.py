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
from nlp.model import Column, TableRow


def columns(header_text: str, rows: list[TableRow], title: str) -> list[Column]:
    widths = {}
    for side in ("income", "expenditure"):
        counts = Counter(len(r.cells) for r in rows if r.side == side and r.cells)
        widths[side] = max(counts) if counts else 0
    halves = re.split(r"项\s*目", header_text, maxsplit=2)
    parts = (halves[1], halves[2]) if len(halves) == 3 else ("", "")
    cols: list[Column] = []
    for side, part in zip(("income", "expenditure"), parts):
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
        for c in half:
            c.index = len(cols)
            c.side = side
            cols.append(c)
    return cols


def _one_heading_each(part: str, width: int) -> bool:
    """A header's headings stand on one line, one per value column: each heading is its column's own, in order."""
    lines = [ln for ln in part.split("\n") if columns_mod.value_phrases(ln)]
    return len(lines) == 1 and len(columns_mod.value_phrases(lines[0])) == width
