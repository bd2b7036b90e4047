"""A row's printed amount cells → :class:`~nlp.model.Amount` in yuan, or ``None``.

A dash (``-``, ``—``) or nothing is ``None``; OCR garbage is ``None`` with warning
W301 and never a number (a rate printed in per cent, ``-5.22%``, is no amount either, but no damage: no
warning); so is a bare integer in a table whose amounts all print
decimals (a stray number), and a figure beyond any budget (W309, nlp.amounts.MAX_AMOUNT_YUAN).  More than two decimals (W306) and negatives (W308) are
kept exactly and noted.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlp import amounts
from nlp.amounts import EMPTY, IMPLAUSIBLE, decimal_places, parse_amount, shown
from nlp.errors import Diagnostics
from nlp.model import Amount, Span
from nlp.normalize import Line, NormalizedText
from nlp.rows import Token
from nlp.tablelines import drop_column_numbers

#: a rate printed in per cent (增减% ``-5.22%``, ``1009.71%``): a figure of its own kind, never an amount of money
_RATE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?[%％]$")


def _span(norm: NormalizedText, line: Line, t: Token) -> Span:
    """Where a cell's figure is printed; a figure wrapped inside its cell stands where its head and tail stand (its
    range runs over the row's line between them, which is not where the figure is)."""
    start, end = line.start + t.start, line.start + t.end
    span = norm.raw_span(start, end)
    if not t.head or span.box is None:
        return span
    head, tail = norm.box_of(start, start + t.head), norm.box_of(end - (len(t.text) - t.head), end)
    box = head.union(tail) if head is not None and tail is not None and head.page == tail.page else None
    return replace(span, box=box)


def read_cells(
    norm: NormalizedText,
    pieces: list[tuple[Line, Token]],
    unit: str,
    decimal_table: bool,
    diag: Diagnostics,
    table: str,
    name: str,
) -> tuple[list[Amount | None], list[bool]]:
    """(cells, which of them were garbage) of a row, in printed order."""
    out: list[Amount | None] = []
    garbage: list[bool] = []
    for line, t in drop_column_numbers(pieces):
        garbage.append(False)
        span = _span(norm, line, t)
        if t.kind == "num" and t.text != "0" and decimal_table:
            # a bare integer where every amount prints decimals: a stray number, not an amount
            diag.warn("W301", line=line.number, span=span, table=table, name=name[:30], column=len(out), text=t.text)
            out.append(None)
            garbage[-1] = True
            continue
        value = parse_amount(t.text, unit)
        if value is IMPLAUSIBLE:
            diag.warn(
                "W309",
                line=line.number,
                span=span,
                table=table,
                name=name[:30],
                column=len(out),
                text=shown(t.text),
                bound=f"{amounts.MAX_AMOUNT_YUAN:.0E}",
            )
            out.append(None)
            garbage[-1] = True
            continue
        if value is None:
            if not _RATE.match(t.text):  # a rate (增减% -5.22%) prints as one: no money, and no damage either
                diag.warn(
                    "W301", line=line.number, span=span, table=table, name=name[:30], column=len(out), text=t.text
                )
            out.append(None)
            garbage[-1] = True  # holds its place among the row's cells
            continue
        if value is EMPTY:
            out.append(None)
            continue
        if decimal_places(t.text) > 2:
            diag.info("W306", line=line.number, span=span, text=t.text, places=decimal_places(t.text))
        if value < 0:
            diag.info("W308", line=line.number, span=span, text=t.text)
        out.append(Amount(value=value, printed=t.text, unit=unit, span=span))
    return out, garbage
