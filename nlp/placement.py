"""Cell placement: which value column each printed amount of a row belongs to.

A row prints its amounts in column order, but a row may print fewer amounts than
the table has columns (an empty cell prints nothing), and a 收支总表 row fills only
its side's columns.
"""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Amount, Column, TableRow


def fit_rows(rows: list[TableRow], cols: list[Column], garbage: dict[int, list[bool]], summary: bool,
             diag: Diagnostics, label: str) -> None:
    """Give every row exactly one cell per column (in place)."""
    width = len(cols)
    for ri, row in enumerate(rows):
        n = len(row.cells)
        flags = garbage.get(ri, [])
        if n > width and n - sum(flags) == width:
            # a mark read in an empty cell (行次/栏次 column): drop it, keep the amounts aligned
            row.cells = [c for c, bad in zip(row.cells, flags) if not bad]
            n = width
        if summary and cols:
            row.cells = place_side(row, cols, diag, label)
        elif n != width and n:
            diag.warn("W303", line=row.span.line, table=label, name=row.name, found=n, expected=width)
            row.cells = (row.cells + [None] * width)[:width] if n < width else row.cells[:width]
        elif not n:
            row.cells = [None] * width


def place_side(row: TableRow, cols: list[Column], diag: Diagnostics, label: str) -> list[Amount | None]:
    """A 收支总表 row's amounts in the columns of its side (收入 or 支出)."""
    mine = [c for c in cols if c.side == row.side]
    out: list[Amount | None] = [None] * len(cols)
    for c, cell in zip(mine, row.cells):
        out[c.index] = cell
    if len(row.cells) > len(mine):
        diag.warn("W303", line=row.span.line, table=label, name=row.name, found=len(row.cells), expected=len(mine))
    return out
