"""What the page says about a table's value columns (:class:`TableGeometry`), and what the two readers of it
share: the boxes of a table's amounts and which header words head a column.  A ruled table is read from its
rules (:mod:`nlp.geometry`), an unruled one from where its words stand (:mod:`nlp.wordcolumns`).
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.columns import measure_of
from nlp.model import Box, TableRow
from nlp.tablefind import is_title, table_number
from nlp.tablelines import is_column_numbers, is_meta
from nlp.vocab import TEXT_MEASURES

_NAMES_NOTHING = (None, *TEXT_MEASURES)  # a heading the vocabulary does not know names no measure either


@dataclass
class TableGeometry:
    """What the page says about a table's value columns."""

    columns: list[Box]  # x-extent of each value column, left to right
    paths: list[list[str]] | None  # the headings over each value column, top to bottom; None: not certain
    ruled: bool = True


def amount_boxes(rows: list[TableRow]) -> list[Box]:
    return [c.span.box for r in rows for c in r.cells if c is not None and c.span.box is not None]


def is_heading(words: str) -> bool:
    """Header text that names a column (not a title, a caption, a unit or column numbers)."""
    return (
        bool(words)
        and not words.isdigit()
        and words not in ("栏次", "行次")
        and not is_meta(words)
        and not is_title(words)
        and not table_number(words)
        and not is_column_numbers(words)
    )


def names_measure(path: list[str]) -> bool:
    return any(measure_of(h) not in _NAMES_NOTHING for h in path)
