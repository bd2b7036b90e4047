"""A label cell merged over a group of rows (mixed into :class:`nlp.rowassembly.RowAssembler`: a part of row assembly).

A table by unit and year may print a unit's name once, in a cell merged over the unit's rows (预算单位 over 年度), its
text starting on the lines above the group's first row: that row's label is the cell's text, then its own (``某某``
/ ``2026年 …``).  The cell's lines that fall below, one under each row of the group (``中心``), join the cell — the
first row's label, before its own words — never the next row's label.  The rows assembled so far and the lines read
are the assembler's; this part keeps which row holds a merged cell and whether the cell still wraps.
"""

from __future__ import annotations

from collections import Counter

from nlp.model import TableRow
from nlp.normalize import Line, NormalizedText, squash
from nlp.rows import ITEM_START, Group, Token, groups
from nlp.tablelines import SENTENCE_MARKS, TOTAL, label_of


class MergedCells:
    """The rows of a merged cell, read by the row assembler (its state, set in :class:`nlp.rowassembly.RowAssembler`)."""

    norm: NormalizedText
    lines: list[Line]
    line_numbers: bool
    summary: bool
    rows: list[TableRow]
    _clean: list[tuple[int, Line]]  # row index → (clean start offset, last line)
    _after: dict[int, Line]  # line → the next body line read
    _standalone: set[str]
    _last_words: Counter[str]
    # row index → (pieces of a cell printed above the row's line, pieces of the label on the row's line)
    _merged: dict[int, tuple[list[tuple[Line, Token]], list[tuple[Line, Token]]]]
    _open_cell: tuple[int, int, Line] | None  # (its row, the last row it wrapped under, its last line)

    def _merged_tail(self, line: Line, g: Group) -> bool:
        """A label alone on its line, right under a row whose label began on the lines above its own label (a cell
        merged over a group of rows — 预算单位 over 年度 — printed from above the group's first row), and right over
        a row whose label is one the table prints by itself (``2026年``): the merged cell's next line (its wrapped
        ``中心``), not the start of the next row's label.  It joins the cell's text before the row's own label.  The
        row's own label must be a cell of its own: a word other rows end their labels with too (``2025年``), not the
        middle piece of one label wrapped over three lines.  A cell of more lines goes on so, a line under each row
        of its group (:meth:`_cell_goes_on`)."""
        last = len(self.rows) - 1
        nxt = self._after.get(id(line))
        if len(groups(line.text, self.line_numbers, self.summary)) != 1:
            return False
        owner = last if last in self._merged else self._cell_goes_on(last)
        if owner is None:
            return False
        merged = self._merged[owner]
        label, own = squash(g.label), squash(label_of(merged[1]))
        _, end_line = self._clean[last]
        between = self.lines[end_line.number : line.number - 1]  # Line i has number i + 1
        below = groups(nxt.text, self.line_numbers, self.summary) if nxt is not None else []
        if (
            self._last_words[own] < 2  # the row's own label is a piece of the cell above, not a cell of its own
            or label in self._standalone
            or TOTAL.search(label)
            or ITEM_START.match(label)
            or SENTENCE_MARKS.search(label)
            or line.number <= end_line.number
            or any(b.text.strip() for b in between)
        ):
            return False
        next_row = bool(below) and bool(below[0].name) and bool(below[0].cells) and not below[0].code_parts
        if not (next_row and squash(below[0].label) in self._standalone and squash(below[0].label) != own) and not (
            owner != last and self._next_group(nxt, below, own)
        ):
            return False
        head = merged[0] + [(line, t) for t in g.name]
        row = self.rows[owner]
        start = self._clean[owner][0]
        row.name = label_of(head + merged[1])
        row.span = self.norm.raw_span(start, line.start + g.end)
        if owner == last:
            self._clean[last] = (start, line)
        self._merged[owner] = (head, merged[1])
        self._open_cell = (owner, last, line)
        return True

    def _cell_goes_on(self, last: int) -> int | None:
        """The row of a merged cell still wrapping: one of its lines joined it right over the last row, printed on
        the one line after it."""
        if self._open_cell is None:
            return None
        owner, under, joined = self._open_cell
        start, end_line = self._clean[last]
        row_line = self._after.get(id(joined))
        if last != under + 1 or row_line is not end_line or start < end_line.start:
            return None
        return owner

    def _next_group(self, nxt: Line | None, below: list[Group], own: str) -> bool:
        """After a merged cell's group: the table's end, or a line that starts the next group — a unit beside its
        first row (``某某中心 2025年 …``), or a unit's first line over it (``2025年 …``)."""
        if nxt is None:
            return True
        if not below or below[0].code_parts:
            return False
        first = squash(below[0].label)
        if below[0].cells:
            return first.endswith(own) and first != own
        after = self._after.get(id(nxt))
        under = groups(after.text, self.line_numbers, self.summary) if after is not None else []
        return len(below) == 1 and bool(under) and bool(under[0].cells) and squash(under[0].label) == own
