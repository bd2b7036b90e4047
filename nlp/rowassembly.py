"""Rows of a table body, assembled over the printed lines.

Every body line is cut into row groups (:mod:`nlp.rows`); a row may take several
lines: a code alone on a line, a label wrapped over lines, the amounts on the
line after the label, the end of a label below its amounts, a text cell
(绩效目标) after them.  Header lines printed again after a page break are
skipped and a 合计 row printed on every page is kept once.  The cells of a row
stay in printed order here; :mod:`nlp.placement` puts them into columns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from nlp import codes, tablelines
from nlp.cells import read_cells
from nlp.centredrows import CentredRow, centred_rows
from nlp.errors import Diagnostics
from nlp.mergedcells import MergedCells
from nlp.model import TableRow
from nlp.normalize import Line, NormalizedText, squash
from nlp.rows import ITEM_START as _ITEM_START
from nlp.rows import Group, Token, groups, join_words, tokenize
from nlp.tableheader import Header, is_data, label_words
from nlp.tablelines import (
    SENTENCE_MARKS,
    TOTAL,
    is_column_numbers,
    is_meta,
    is_note,
    join_text,
    label_of,
    leading,
    name_lines,
)
from nlp.wrappedfigures import Wrapped, wrapped_figures

_EXPENDITURE_SIDE = re.compile(r"支出|结余分配|结转下年|年末|交纳所得税|提取职工福利基金|转入事业基金|^其他$")
_PROSE_MARKS = 2  # a line with this many sentence marks …
_PROSE_CHARS = 30  # … and this many characters is running prose, not a row


@dataclass
class _Pending:
    """A row being assembled over one or more lines."""

    code_parts: list[Token] = field(default_factory=list)
    name: list[tuple[Line, Token]] = field(default_factory=list)
    cells: list[tuple[Line, Token]] = field(default_factory=list)
    line_no: Token | None = None
    indent: int = 0
    first: tuple[Line, int] | None = None  # line and offset where the row starts
    last: tuple[Line, int] | None = None
    side: str | None = None
    after: list[Line] = field(default_factory=list)  # text lines after the amounts (绩效目标)
    wrapped: int = 0  # cells (the first ones) printed wrapped above and below the row's line
    after_inline: list[tuple[Line, Group]] = field(default_factory=list)
    text_pieces: list[tuple[Line, int]] = field(default_factory=list)  # the text's pieces of a centred row
    own_label: int | None = None  # name pieces before this one were printed on lines above the row's own label

    def touch(self, line: Line, start: int, end: int) -> None:
        if self.first is None:
            self.first = (line, start)
        self.last = (line, end)


@dataclass
class Assembled:
    rows: list[TableRow]
    texts: dict[int, list[tuple[Line, int]]]  # row index → (line, start) of its text (绩效目标)
    garbage: dict[int, list[bool]]  # row index → which cells were garbage


class RowAssembler(MergedCells):
    """Turns the body lines of one table into rows (cells in printed order)."""

    def __init__(
        self,
        norm: NormalizedText,
        anchors: list[Line],
        header: Header,
        unit: str,
        summary: bool,
        decimal_table: bool,
        diag: Diagnostics,
        label: str,
    ) -> None:
        self.norm = norm
        self.lines = norm.lines
        self.anchors = anchors
        self.header = header
        self.unit = unit
        self.summary = summary
        self.decimal_table = decimal_table
        self.diag = diag
        self.label = label
        self.line_numbers = header.line_numbers
        self.text_column = header.text_column
        self.rows: list[TableRow] = []
        self.texts: dict[int, list[tuple[Line, int]]] = {}
        self.prev_code: str | None = None
        self.prev_indent = 0
        self._seen_totals: set[tuple] = set()
        self._garbage: dict[int, list[bool]] = {}
        self._clean: list[tuple[int, Line]] = []  # row index → (clean start offset, last line)
        self.pending: _Pending | None = None
        self._tail_lines = 0  # label lines still expected below the last row's figures (a centred cell)
        self._last_block_centred = False  # the last row ends a line of blocks side by side, its label centred on it
        # row index → (pieces of a cell printed above the row's line, pieces of the label on the row's line)
        self._merged: dict[int, tuple[list[tuple[Line, Token]], list[tuple[Line, Token]]]] = {}
        self._open_cell: tuple[int, int, Line] | None = None  # (its row, the last row it wrapped under, its last line)
        self._standalone: set[str] = set()
        self._last_words: Counter[str] = Counter()
        self._after: dict[int, Line] = {}  # line → the next body line read
        self._centred = False  # the table centres its labels on their rows' lines (tablelines.centres_labels)

    def assemble(self, body: list[Line]) -> Assembled:
        """Rows from body lines.  ``self.pending`` is the row being assembled."""
        self.pending = None
        folios, doubtful = tablelines.folios(body, self.decimal_table)
        for ln in body:
            if id(ln) in doubtful:
                self.diag.warn("W316", line=ln.number, table=self.label, number=ln.text.strip())
        if self.text_column:
            centred = centred_rows([ln for ln in body if not (self._skip(ln) or id(ln) in folios)])
            if centred is not None:
                return self._assemble_centred(centred)
        self._wrapped_at, wrapped_lines = wrapped_figures(body)
        lines = [ln for ln in body if not (self._skip(ln) or id(ln) in folios or id(ln) in wrapped_lines)]
        heads = tablelines.heads_of_last_blocks(lines, self.line_numbers)
        self._standalone, self._last_words = tablelines.row_labels(lines, self.line_numbers)
        self._centred = tablelines.centres_labels(lines, self.line_numbers)
        self._after = {id(a): b for a, b in pairwise(lines)}
        for line in lines:
            if any(above is line for above in heads.values()):
                continue  # the upper half of the label of the code ending the next line (below)
            if self._ends_table(line):
                break
            gs = groups(line.text, self.line_numbers, self.summary)
            wrapped = self._wrapped_at.get(id(line))
            if wrapped is not None and (wrapped.head_label or wrapped.tail_label):
                self._row_of_centred_label(line, gs[0], wrapped)
                continue
            for gi, g in enumerate(gs):
                side = self._side(g, gi, gs) if self.summary else None
                if self._numbers_not_code(g):
                    g.cells, g.code_parts = g.code_parts, []
                if g.name and not (g.cells or g.code_parts or g.line_no is not None):
                    if self._label_only(line, g, gi, side):
                        break  # the rest of the line is the row's text (绩效目标)
                elif g.code_parts and (g.name or self._code(g)):
                    if self._head_above(g):
                        self._code_under_head(line, g)
                    else:
                        row = self._new_row(line, g, side)
                        row.code_parts = g.code_parts
                        above = heads.get(id(line)) if gi == len(gs) - 1 and not g.name else None
                        if above is not None:
                            self._extend_name(row, above, groups(above.text, self.line_numbers)[0])
                            self._tail_lines = 1  # as many lines of it below the line as above
                            self._last_block_centred = True
                        self._amounts(line, g)
                elif g.cells or g.line_no is not None:
                    self._amounts_or_row(line, g, side)
        p = self.pending
        if p is not None and p.code_parts and not p.cells and p.first:
            # the text ends inside a row: its code (and label) without amounts
            self.diag.warn("W305", line=p.first[0].number, table=self.label)
        self._flush(p)
        self.pending = None
        return Assembled(self.rows, self.texts, self._garbage)

    def _assemble_centred(self, centred: list[CentredRow]) -> Assembled:
        """Rows whose name and text cells are centred on their amounts (:mod:`nlp.centredrows`)."""
        for row in centred:
            p = _Pending()
            spots = [(pc.line, pc.start, pc.end) for pc in row.name]
            for pc in row.name:
                p.name.append((pc.line, Token("text", pc.line.text[pc.start : pc.end], pc.start, pc.end)))
            for a, b in row.amounts:
                for t in tokenize(row.line.text[a:b]):
                    p.cells.append((row.line, Token(t.kind, t.text, t.start + a, t.end + a)))
                spots.append((row.line, a, b))
            for ln, a, b in sorted(spots, key=lambda s: (s[0].number, s[1])):
                p.touch(ln, a, b)
            p.text_pieces = [(pc.line, pc.start) for pc in row.text]
            self._flush(p)
        return Assembled(self.rows, self.texts, self._garbage)

    def _row_of_centred_label(self, line: Line, g: Group, wrapped: Wrapped) -> None:
        """A row printing amounts only on its line, its label's halves and its wrapped figures' heads above and tails
        below (:func:`nlp.wrappedfigures.wrapped_figures`)."""
        self._tail_lines = 0
        self._flush(self.pending)
        p = self.pending = _Pending()
        for ln, t in wrapped.head_label:
            p.name.append((ln, t))
            p.touch(ln, t.start, t.end)
        p.indent = leading(wrapped.head_label[0][0].text) if wrapped.head_label else g.indent
        self._add_cells(p, line, g)
        for ln, t in wrapped.tail_label:
            p.name.append((ln, t))
            p.touch(ln, t.start, t.end)
        if not self.text_column:
            self._flush(p)
            self.pending = None

    def _head_above(self, g: Group) -> bool:
        """A code and its amounts printed without a label, right under label lines that started no row of their own:
        those lines are the upper half of this row's label, centred on its line (机关事业单位基本养老 / 2080505 252.00 …
        / 保险缴费支出), not the end of the row above.  In a table that centres its labels, a code printed with a label
        and amounts under such lines is the middle line of a label of three or more (机关事业 / 2080505 单位基本养老
        100.00 … / 保险缴费支出)."""
        p = self.pending
        return (
            not self.text_column
            and (not g.name or self._centred)
            and bool(g.cells)
            and p is not None
            and bool(p.name)
            and not p.code_parts
            and not p.cells
            and not TOTAL.search(squash(join_words([t.text for _, t in p.name])))
        )

    def _code_under_head(self, line: Line, g: Group) -> None:
        """The row of a code printed under the upper half of its label: as many label lines follow below its amounts."""
        p = self.pending
        assert p is not None
        heads = len({ln.number for ln, _ in p.name})
        p.code_parts = g.code_parts
        p.indent = g.indent
        for t in g.code_parts:
            p.touch(line, t.start, t.end)
        for t in g.name:  # the label's middle line
            p.name.append((line, t))
            p.touch(line, t.start, t.end)
        self._amounts(line, g)
        self._tail_lines = heads

    def _numbers_not_code(self, g: Group) -> bool:
        """Whole numbers alone on a line are amounts (printed without decimals), not a
        code: when they give no valid code, when there are too many of them for a
        code, or when the row above has its code and is waiting for its amounts."""
        if not g.code_parts or g.name or g.cells or any(t.kind != "num" for t in g.code_parts):
            return False
        p = self.pending
        waiting = p is not None and bool(p.code_parts) and not p.cells
        # a label waiting for its amounts in a table whose rows print no code: a number under it is its amount
        # (信访业务经费 / 350: not the economic code 350)
        uncoded = p is not None and bool(p.name) and not p.cells and not any(r.code for r in self.rows)
        return waiting or uncoded or len(g.code_parts) > 3 or self._code(g) is None

    def _skip(self, line: Line) -> bool:
        """Blank lines, page furniture, notes and the header printed again after a page break."""
        sq = squash(line.text)
        if not sq or sq in self.header.keys or is_meta(line.text) or is_note(line.text) or is_column_numbers(line.text):
            return True
        return self._is_anchor(line) and not is_data(line)

    def _ends_table(self, line: Line) -> bool:
        """Running prose after a table that has no heading between them."""
        if self.text_column:
            return False
        return len(SENTENCE_MARKS.findall(line.text)) >= _PROSE_MARKS and len(squash(line.text)) >= _PROSE_CHARS

    def _new_row(self, line: Line, g: Group, side: str | None) -> _Pending:
        self._tail_lines = 0
        self._last_block_centred = False
        self._flush(self.pending)
        self.pending = self._start(line, g, side)
        return self.pending

    def _amounts(self, line: Line, g: Group) -> None:
        """Add a group's amounts to the pending row; a row is done once it has them
        (in a table with a text column it waits for the text printed after them)."""
        assert self.pending is not None
        added = self._add_cells(self.pending, line, g)
        if added and not self.text_column:
            self._flush(self.pending)
            self.pending = None

    def _label_only(self, line: Line, g: Group, gi: int, side: str | None) -> bool:
        p = self.pending
        if p is None and gi == 0 and self._merged_tail(line, g):
            return False
        if (
            p is None
            and gi == 0
            and self.rows
            and (
                self._tail_lines
                or (tablelines.opens_bracket(self.rows[-1].name) and tablelines.closes_bracket(g.label))
            )
        ):
            # the end of the row above: below its figures when its label is centred on them, or
            # wrapped inside brackets (政务信息化项目（运 / 行维护服务）)
            tail = self._start(line, g, side)
            if self._label_tail(tail, join_words([t.text for _, t in tail.name])):
                self._tail_lines = max(0, self._tail_lines - 1)
                return False
        if p is None and gi > 0 and not self.text_column and not self.summary and self._ends_row_on(line):
            # words after the figures that ended a row on this line: a cell of a column the header names no text
            # column for (备注 …) or the words after a dash — never the head of the next row's label
            self.diag.warn("W325", line=line.number, table=self.label, words=g.label, name=self.rows[-1].name)
            return True
        if p is not None and not p.cells:
            if self._next_item(p, g):
                # 二、事业收入 / 三、事业单位经营收入: items printed blank, one a line — not one wrapped label
                self._new_row(line, g, side)
                return False
            self._extend_name(p, line, g)  # a label wrapped over lines
            return False
        if self.text_column and p is not None and p.cells:
            if gi > 0:
                p.after_inline.append((line, g))
            else:
                p.after.append(line)
            return True
        self._new_row(line, g, side)
        return False

    def _ends_row_on(self, line: Line) -> bool:
        """The last row read ended on this line."""
        return bool(self._clean) and self._clean[-1][1] is line and len(self._clean) == len(self.rows)

    def _next_item(self, p: _Pending, g: Group) -> bool:
        """In a 收支总表, a label that starts a new enumerated item (三、) after one (二、)."""
        return bool(
            self.summary and p.name and g.name and _ITEM_START.match(g.label) and _ITEM_START.match(p.name[0][1].text)
        )

    def _amounts_or_row(self, line: Line, g: Group, side: str | None) -> None:
        p = self.pending
        if p is not None and not p.cells and g.name and TOTAL.search(squash(g.label)):
            p = None  # a 合计 row is a row of its own, not the end of a wrapped label (nor of a coded row's printed blank)
        if p is not None and not p.cells and self._next_item(p, g):
            p = None  # 四、其他收入 105,200 under 三、事业单位经营收入 printed blank: its own row
        if p is not None and not p.cells:
            # the amounts (and maybe the end of the label) of the row above
            heads = len({ln.number for ln, _ in p.name})
            if g.name:
                if p.name and not p.code_parts and not self.text_column:
                    p.own_label = len(p.name)
                    if self._centred:
                        # a label of three lines or more centred on its figures (head / middle and figures / tail):
                        # as many of its lines below them as above, never the head of the next row's label
                        self._tail_lines = heads
                self._extend_name(p, line, g)
            elif heads and not p.code_parts and not self.text_column:
                # a label printed over an amounts-only line: the cell is centred on the figures,
                # so as many lines of its label may follow below them
                self._tail_lines = heads
            self._amounts(line, g)
            return
        if self.text_column and p is not None and p.cells and not g.name and p.after:
            # amounts alone: the row's label is at the end of the text above
            label = name_lines(p.after)
            p.after = p.after[: len(p.after) - len(label)]
            self._flush(p)
            self.pending = _Pending(side=side)
            for nl in label:
                for ng in groups(nl.text):
                    self._extend_name(self.pending, nl, ng)
            self.pending.indent = leading(label[0].text) if label else 0
            self._amounts(line, g)
            return
        if not g.cells and not g.name:
            return  # a 行次 alone: an empty slot of a side-by-side line
        self._new_row(line, g, side)
        self._amounts(line, g)

    def _is_anchor(self, line: Line) -> bool:
        return any(a is line for a in self.anchors)

    def _side(self, g: Group, gi: int, gs: list[Group]) -> str:
        if len(gs) >= 2:
            return "income" if gi == 0 else "expenditure"
        return "expenditure" if _EXPENDITURE_SIDE.search(squash(g.label)) else "income"

    def _start(self, line: Line, g: Group, side: str | None) -> _Pending:
        p = _Pending(indent=g.indent, side=side, line_no=g.line_no)
        for t in g.code_parts:
            p.touch(line, t.start, t.end)
        for t in g.name:
            p.name.append((line, t))
            p.touch(line, t.start, t.end)
        return p

    def _extend_name(self, p: _Pending, line: Line, g: Group) -> None:
        if not p.name and not p.code_parts:
            p.indent = g.indent
        for t in g.name:
            p.name.append((line, t))
            p.touch(line, t.start, t.end)

    def _add_cells(self, p: _Pending, line: Line, g: Group) -> bool:
        """Add a group's cells to the row; whether it has any.  Figures wrapped inside narrow cells, printed above and
        below the line, come first — with the group that prints the line's figures, or the line's only group when
        every figure of the row is wrapped (``1208.2 1208.2`` / ``2010101 行政运行`` / ``0 0``)."""
        if g.line_no is not None and p.line_no is None:
            p.line_no = g.line_no
        wrapped = self._wrapped_at.get(id(line))
        if wrapped and (g.cells or not any(o.cells for o in groups(line.text, self.line_numbers, self.summary))):
            del self._wrapped_at[id(line)]
            p.cells.extend(wrapped.figures)
            p.wrapped = len(wrapped.figures)
        for t in g.cells:
            p.cells.append((line, t))
            p.touch(line, t.start, t.end)
        return bool(g.cells) or bool(wrapped and p.wrapped)

    def _code(self, g: Group) -> str | None:
        parts = [re.sub(r"^\D+|\D+$", "", t.text) for t in g.code_parts]
        res = codes.assemble(parts)
        code = res.code
        if code and len(code) == 2:
            code = codes.implied(code, self.prev_code, g.indent, self.prev_indent)
        return code

    # -- a finished row -----------------------------------------------------------
    def _flush(self, p: _Pending | None) -> None:
        if p is None or p.first is None or p.last is None:  # (first and last are set together)
            return
        name = label_of(label_words(self.header, p.name, p.cells[0] if p.cells else None))
        is_total = bool(TOTAL.search(squash(name)))  # a code printed beside 合计 is damage
        code = None
        if p.code_parts and not is_total:
            g = Group(code_parts=p.code_parts, indent=p.indent)
            code = self._code(g)
            raw_parts = " ".join(t.text for t in p.code_parts)
            if code is None and sum(c.isdigit() for c in raw_parts) >= 3:
                self.diag.warn("W304", line=p.first[0].number, table=self.label, printed=raw_parts)
        if not p.cells and code is None and not p.after and not p.text_pieces:
            self._label_tail(p, name)
            return
        cells, garbage = read_cells(self.norm, p.cells, self.unit, self.decimal_table, self.diag, self.label, name)
        if not cells and code is None and not p.after:
            return  # a label over column numbers (类 款 项 栏次 1 2 3): header
        if code is None and all(c is None for c in cells) and (not name or any(garbage)):
            return  # nothing readable: damage between rows (already warned)
        key = (squash(name), p.side, tuple(c.printed if c else None for c in cells))
        if is_total:
            if key in self._seen_totals:
                return  # the 合计 row printed again on every page
            self._seen_totals.add(key)
        level = 0 if is_total else (codes.level(code) if code else (2 if p.indent >= 2 else 1))
        (fl, fs), (ll, le) = p.first, p.last
        span = self.norm.raw_span(fl.start + fs, ll.start + le)
        self._clean.append((fl.start + fs, ll))
        line_no = int(p.line_no.text) if p.line_no is not None else None
        row = TableRow(
            code=code,
            name=name,
            level=level,
            cells=cells,
            span=span,
            is_total=is_total,
            side=p.side,
            line_number=line_no,
            _wrapped=p.wrapped,
        )
        self.rows.append(row)
        self._garbage[len(self.rows) - 1] = garbage
        if p.own_label:
            self._merged[len(self.rows) - 1] = (p.name[: p.own_label], p.name[p.own_label :])
        if p.text_pieces:
            self.texts[len(self.rows) - 1] = p.text_pieces
            row.text = join_text(p.text_pieces)
        elif p.after or p.after_inline:
            pieces = [(ln, g.start) for ln, g in p.after_inline] + [(ln, 0) for ln in p.after]
            self.texts[len(self.rows) - 1] = pieces
            row.text = join_text(pieces)
        if code:
            self.prev_code, self.prev_indent = code, p.indent

    def _label_tail(self, p: _Pending, name: str) -> bool:
        """A label line with no amounts right after a complete row: the end of that
        row's label, wrapped below its amounts (the PDF cell was taller than the
        line of figures).  Anything else without amounts or code is page furniture."""
        if not self.rows or not name or p.first is None or p.last is None or self.text_column:
            return False
        last = self.rows[-1]
        start, end_line = self._clean[len(self.rows) - 1]
        if len(self.rows) > 1 and self._clean[-2][1] is end_line and not self._last_block_centred:
            return False  # its line carried two rows side by side: whose label it ends is unknown (unless the last
            # block's label stood above the line too: its lower half)
        line = p.first[0]
        between = self.lines[end_line.number : line.number - 1]  # Line i has number i + 1
        if (
            last.is_total
            or TOTAL.search(squash(name))
            or line.number <= end_line.number
            or any(b.text.strip() for b in between)
        ):
            return False
        if len(name) > 40 or any(_ITEM_START.match(t.text) for _, t in p.name) or SENTENCE_MARKS.search(name):
            return (
                False  # a heading (其他相关情况说明 / 一、…情况说明 under the table) or a sentence, not a label's end
            )
        last.name += name
        end = p.last[0].start + p.last[1]
        last.span = self.norm.raw_span(start, end)
        self._clean[len(self.rows) - 1] = (start, p.last[0])
        return True
