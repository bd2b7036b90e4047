"""Columns that count (数量, 人数, 编制数 …): their figures are no amount.

Tables of goods bought (采购品目 计量单位 数量 单价 总价), of assets held (资产类别 计量单位 数量 账面原值) and of staff
(编制数 实有人数) print a count among their amounts: ``车辆 辆 3 65.20`` under 单位：万元 holds 3 vehicles and
652,000 yuan, not 30,000 yuan and 652,000 yuan.  The header reader gives such a column its place like any other
(measure ``quantity``, :data:`nlp.vocab.COUNT_MEASURES`), so that the amounts beside it keep theirs; once a table's
columns are decided, :func:`set_aside` takes the count columns out, with their figures: a count is never stored as
yuan, and the model has no place for it as a figure of the table (info W318 names the column and how many figures
it printed).  A table whose every column counts is no table of money at all.
"""

from __future__ import annotations

import re

from nlp.columns import header_phrases
from nlp.errors import Diagnostics
from nlp.model import Column, Table
from nlp.normalize import squash
from nlp.vocab import COUNT_MEASURES, MONEY_HEADING

_BARE_WHOLE = re.compile(r"\d+")


def is_count(column: Column) -> bool:
    return column.measure in COUNT_MEASURES


def set_aside(table: Table, diag: Diagnostics, header_text: str = "") -> bool:
    """Take the count columns and their figures out of ``table`` (in place, W318 for each); ``True`` when no column
    is left (a table of counts only).  In a table whose header (``header_text``) names a count, a column read as
    nothing (``unknown``: the header did not say where it stands, or named it in words the vocabulary lacks, 编制数)
    whose every figure is a whole number printed bare (12, not 12.00 or 1,200) may be a count: it is taken out too
    (W319) — a figure is left out rather than a count stored as money.  But a header that names money in words the
    vocabulary lacks (单价, 总价, 账面原值, 预算金额: :data:`nlp.vocab.MONEY_HEADING`) may print amounts in 元 bare
    (5000, 652000): there only a count the header names and no column was given is looked for, and only when no more
    such columns are printed than counts wait for a place — else every one stays, read as nothing, no amount lost."""
    label = table.number or table.title
    line = table.rows[0].span.line if table.rows else table.span.line
    placed = [i for i, column in enumerate(table.columns) if is_count(column)]
    named = named_counts(header_text)
    bare = [i for i, c in enumerate(table.columns) if c.measure == "unknown" and _bare_whole(table, i)] if named else []
    if MONEY_HEADING.search(squash(header_text)) and len(bare) > named - len(placed):
        bare = []
    counted = sorted(placed + bare)
    for i in counted:
        if i in placed:
            diag.info("W318", line=line, table=label, header=table.columns[i].header, count=_figures(table, i))
        else:
            diag.info("W319", line=line, table=label, column=i + 1, count=_figures(table, i))
    if not counted:
        return False
    keep = [i for i in range(len(table.columns)) if i not in counted]
    table.columns = [table.columns[i] for i in keep]
    for k, column in enumerate(table.columns):
        column.index = k
    for row in table.rows:
        row.cells = [row.cells[i] for i in keep if i < len(row.cells)]
    return not table.columns


def named_counts(header_text: str) -> int:
    """How many counts (数量, 人数 …) the header names, letter-spaced or cut over lines."""
    return sum(key in COUNT_MEASURES for _, key in header_phrases(header_text))


def _figures(table: Table, i: int) -> int:
    return sum(1 for r in table.rows if i < len(r.cells) and r.cells[i] is not None)


def _bare_whole(table: Table, i: int) -> bool:
    """Column ``i`` prints figures, each a whole number without separators or decimals."""
    printed = [r.cells[i].printed for r in table.rows if i < len(r.cells) and r.cells[i] is not None]  # type: ignore[union-attr]
    return bool(printed) and all(_BARE_WHOLE.fullmatch(p) for p in printed)
