"""Budget tables: every row, with its code, label, level and amounts in yuan.

Pipeline for one report (``extract_tables``):

1. :mod:`nlp.tablefind` finds each table from the lines (title / number, page
   continuations), independent of the section tree;
2. the header (lines before the first data line) gives the declared unit
   (单位：万元 / 元, also looked for just above the title), whether rows carry a
   行次 row number, and the columns (:mod:`nlp.columns`);
3. every body line is cut into row groups (:mod:`nlp.rows`) and rows are
   assembled across lines: a code alone on a line, a label wrapped over several
   lines, the amounts on the line after the label;
4. header lines repeated after a page break are skipped, and a 合计 row repeated
   on every page is kept once;
5. tables with a text column (绩效目标) keep each row's text, and
   :mod:`nlp.projects` turns the project expenditure table into projects.

Cells that are OCR garbage become ``None`` with a W301 warning; a number is never
guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nlp import codes, columns as columns_mod
from nlp.amounts import EMPTY, decimal_places, parse_amount
from nlp.errors import Diagnostics
from nlp.model import Amount, Classification, Column, Project, Section, Span, Table, TableRow
from nlp.normalize import Line, NormalizedText
from nlp.rows import Group, Token, groups, join_words
from nlp.tablefind import FoundTable, find_tables, squash
from nlp.tablelines import (
    AMOUNT_TOKEN,
    drop_column_numbers,
    is_column_numbers,
    is_meta,
    join_text,
    leading,
    name_lines,
)
from nlp.vocab import TABLE_KINDS

_UNIT = re.compile(r"单\s*位\s*[:：]\s*(万元|千元|亿元|元)")
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:金额)?单\s*位\s*[:：][^）)]*[）)]")
_TOTAL = re.compile(r"(合计|总计|小计)$")
_SUMMARY_KINDS = ("summary", "fiscal_summary")
_EXPENDITURE_SIDE = re.compile(r"支出|结余分配|结转下年|年末|交纳所得税|提取职工福利基金|转入事业基金|^其他$")
_ITEM_START = re.compile(r"^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
_SENTENCE_MARKS = re.compile(r"[，。；！？]")
_DEFAULT_UNIT = "万元"


def extract_tables(norm: NormalizedText, sections: list[Section], diag: Diagnostics) -> tuple[list[Table], list[Project]]:
    """All tables of a report, and the projects of its project expenditure table."""
    from nlp import projects as projects_mod

    found = find_tables(norm)
    tables: list[Table] = []
    projects: list[Project] = []
    previous_unit: str | None = None
    for ft in found:
        parsed = TableParser(norm, ft, diag, previous_unit).parse()
        if parsed is None:
            continue
        table, texts = parsed
        previous_unit = table.unit
        tables.append(table)
        projects.extend(projects_mod.extract(table, texts, norm, diag))
    if not tables:
        diag.warn("W307", line=1)
    return tables, projects


def table_kind(title: str) -> str | None:
    """Kind of table from its title (OCR-doubled characters and marks ignored)."""
    t = re.sub(r"[^\u3400-\u9fff]", "", title)
    dedup = re.sub(r"([\u3400-\u9fff])\1+", r"\1", t)
    for key, term in TABLE_KINDS.items():
        if any(p in candidate for p in term.phrases for candidate in (t, dedup)):
            return key
    return None


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
    after_inline: list[tuple[Line, Group]] = field(default_factory=list)

    def touch(self, line: Line, start: int, end: int) -> None:
        if self.first is None:
            self.first = (line, start)
        self.last = (line, end)


class TableParser:
    def __init__(self, norm: NormalizedText, ft: FoundTable, diag: Diagnostics, previous_unit: str | None) -> None:
        self.norm = norm
        self.ft = ft
        self.diag = diag
        self.lines = norm.lines
        self.label = ft.number or ft.title or f"line {self.lines[ft.anchor].number}"
        self.kind = table_kind(ft.title)
        self.previous_unit = previous_unit
        self.rows: list[TableRow] = []
        self.texts: dict[int, list[tuple[Line, int]]] = {}  # row index → (line, start) of its text (绩效目标)
        self.prev_code: str | None = None
        self.prev_indent = 0
        self._seen_totals: set[tuple] = set()
        self._garbage: dict[int, list[bool]] = {}  # row index → which cells were garbage
        self._clean: list[tuple[int, Line]] = []  # row index → (clean start offset, last line)

    # -- header -----------------------------------------------------------------
    def _split_header(self) -> tuple[list[Line], list[Line]]:
        header: list[Line] = []
        body: list[Line] = []
        for i in self.ft.lines:
            line = self.lines[i]
            if body or self._is_data(line):
                body.append(line)
            else:
                header.append(line)
        return header, body

    @staticmethod
    def _is_data(line: Line) -> bool:
        if is_meta(line.text):
            return False
        if is_column_numbers(line.text):
            return False
        for g in groups(line.text):
            if any(t.kind in ("amount", "dash") for t in g.cells):
                return True
            ints = [t.text for t in g.cells]
            if g.name and g.cells and all(t.kind == "num" for t in g.cells) and not is_column_numbers(" ".join(ints)):
                return True  # 合计 0: integer amounts
            parts = [t.text for t in g.code_parts]
            if (
                not g.name
                and len(parts) >= 2
                and all(t.kind == "num" for t in g.code_parts)
                and not is_column_numbers(" ".join(parts))
                and (len(parts) > 3 or codes.assemble(parts).code is None)
            ):
                return True  # whole numbers alone on a line: a row of amounts without decimals
            if g.code_parts and codes.assemble([t.text for t in g.code_parts]).code and (g.name or len(g.code_parts) == 1):
                if any(t.kind == "code" or codes.is_valid(t.text) for t in g.code_parts):
                    return True
        return False

    def _unit(self, header: list[Line]) -> tuple[str, Span | None]:
        candidates = [self.lines[i] for i in self.ft.anchors] + header
        first = self.ft.anchors[0]
        before = [ln for ln in self.lines[max(0, first - 6) : first] if ln.text.strip()][-3:]
        for line in candidates + before[::-1]:
            m = _UNIT.search(line.text)
            if m:
                return m.group(1), self.norm.raw_span(line.start + m.start(1), line.start + m.end(1))
        unit = self.previous_unit or _DEFAULT_UNIT
        self.diag.warn("W302", line=self.lines[first].number, table=self.label, unit=unit)
        return unit, None

    # -- main -------------------------------------------------------------------
    def parse(self) -> tuple[Table, dict[int, list[tuple[Line, int]]]] | None:
        header, body = self._split_header()
        if not body:
            return None
        self.unit, _ = self._unit(header)
        # a unit in brackets inside a column header (预算数（单位：万元）) is not page furniture
        texts = [_UNIT_IN_BRACKETS.sub("", ln.text) for ln in header]
        header_text = " ".join(t for t in texts if not is_meta(t) and not _UNIT.search(t))
        self.header_keys = {squash(ln.text) for ln in header if ln.text.strip()}
        hsq = squash(header_text)
        self.line_numbers = "行次" in hsq
        self.text_column = "绩效目标" in hsq
        self.summary = self.kind in _SUMMARY_KINDS
        printed = [t for ln in body for t in AMOUNT_TOKEN.findall(ln.text)]
        self.decimal_table = len(printed) >= 3
        self._assemble(body)
        table = self._table(header_text)
        return table, self.texts

    def _assemble(self, body: list[Line]) -> None:
        """Rows from body lines.  ``self.pending`` is the row being assembled."""
        self.pending: _Pending | None = None
        for line in body:
            if self._skip(line):
                continue
            if self._ends_table(line):
                break
            gs = groups(line.text, self.line_numbers)
            for gi, g in enumerate(gs):
                side = self._side(g, gi, gs) if self.summary else None
                if self._numbers_not_code(g):
                    g.cells, g.code_parts = g.code_parts, []
                if g.name and not (g.cells or g.code_parts or g.line_no is not None):
                    if self._label_only(line, g, gi, side):
                        break  # the rest of the line is the row's text (绩效目标)
                elif g.code_parts and (g.name or self._code(g)):
                    self._new_row(line, g, side)
                    self.pending.code_parts = g.code_parts  # type: ignore[union-attr]
                    self._amounts(line, g)
                elif g.cells or g.line_no is not None:
                    self._amounts_or_row(line, g, side)
        p = self.pending
        if p is not None and p.code_parts and not p.cells and p.first:
            # the text ends inside a row: its code (and label) without amounts
            self.diag.warn("W305", line=p.first[0].number, table=self.label)
        self._flush(p)
        self.pending = None

    def _numbers_not_code(self, g: Group) -> bool:
        """Whole numbers alone on a line are amounts (printed without decimals), not a
        code: when they give no valid code, when there are too many of them for a
        code, or when the row above has its code and is waiting for its amounts."""
        if not g.code_parts or g.name or g.cells or any(t.kind != "num" for t in g.code_parts):
            return False
        p = self.pending
        waiting = p is not None and bool(p.code_parts) and not p.cells
        return waiting or len(g.code_parts) > 3 or self._code(g) is None

    def _skip(self, line: Line) -> bool:
        """Blank lines, page furniture and the header printed again after a page break."""
        sq = squash(line.text)
        if not sq or sq in self.header_keys or is_meta(line.text) or is_column_numbers(line.text):
            return True
        return self._is_anchor(line) and not self._is_data(line)

    def _ends_table(self, line: Line) -> bool:
        """Running prose after a table that has no heading between them."""
        if self.text_column:
            return False
        return len(_SENTENCE_MARKS.findall(line.text)) >= 2 and len(squash(line.text)) >= 30

    def _new_row(self, line: Line, g: Group, side: str | None) -> None:
        self._flush(self.pending)
        self.pending = self._start(line, g, side)

    def _amounts(self, line: Line, g: Group) -> None:
        """Add a group's amounts to the pending row; a row is done once it has them
        (in a table with a text column it waits for the text printed after them)."""
        assert self.pending is not None
        self._add_cells(self.pending, line, g)
        if g.cells and not self.text_column:
            self._flush(self.pending)
            self.pending = None

    def _label_only(self, line: Line, g: Group, gi: int, side: str | None) -> bool:
        p = self.pending
        if p is not None and not p.cells:
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

    def _amounts_or_row(self, line: Line, g: Group, side: str | None) -> None:
        p = self.pending
        if p is not None and not p.cells and not p.code_parts and g.name and _TOTAL.search(squash(g.label)):
            p = None  # a 合计 row is a row of its own, not the end of a wrapped label
        if p is not None and not p.cells:
            # the amounts (and maybe the end of the label) of the row above
            if g.name:
                self._extend_name(p, line, g)
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
        return any(self.lines[i] is line for i in self.ft.anchors)

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

    def _add_cells(self, p: _Pending, line: Line, g: Group) -> None:
        if g.line_no is not None and p.line_no is None:
            p.line_no = g.line_no
        for t in g.cells:
            p.cells.append((line, t))
            p.touch(line, t.start, t.end)

    def _code(self, g: Group) -> str | None:
        parts = [re.sub(r"^\D+|\D+$", "", t.text) for t in g.code_parts]
        res = codes.assemble(parts)
        code = res.code
        if code and len(code) == 2:
            code = codes.implied(code, self.prev_code, g.indent, self.prev_indent)
        return code

    # -- rows -------------------------------------------------------------------
    def _flush(self, p: _Pending | None) -> None:
        if p is None or p.first is None:
            return
        name = join_words([t.text for _, t in p.name])
        name = re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", name)
        is_total = bool(_TOTAL.search(squash(name)))  # a code printed beside 合计 is damage
        code = None
        if p.code_parts and not is_total:
            g = Group(code_parts=p.code_parts, indent=p.indent)
            code = self._code(g)
            raw_parts = " ".join(t.text for t in p.code_parts)
            if code is None and sum(c.isdigit() for c in raw_parts) >= 3:
                self.diag.warn("W304", line=p.first[0].number, table=self.label, printed=raw_parts)
        if not p.cells and code is None and not p.after:
            self._label_tail(p, name)
            return
        cells, garbage = self._cells(p, name)
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
        row = TableRow(code=code, name=name, level=level, cells=cells, span=span, is_total=is_total, side=p.side, line_number=line_no)
        self.rows.append(row)
        self._garbage[len(self.rows) - 1] = garbage
        if p.after or p.after_inline:
            pieces = [(ln, g.start) for ln, g in p.after_inline] + [(ln, 0) for ln in p.after]
            self.texts[len(self.rows) - 1] = pieces
            row.text = join_text(pieces)
        if code:
            self.prev_code, self.prev_indent = code, p.indent

    def _label_tail(self, p: _Pending, name: str) -> None:
        """A label line with no amounts right after a complete row: the end of that
        row's label, wrapped below its amounts (the PDF cell was taller than the
        line of figures).  Anything else without amounts or code is page furniture."""
        if not self.rows or not name or p.first is None or p.last is None or self.text_column:
            return
        last = self.rows[-1]
        start, end_line = self._clean[len(self.rows) - 1]
        if len(self.rows) > 1 and self._clean[-2][1] is end_line:
            return  # its line carried two rows side by side: whose label it ends is unknown
        line = p.first[0]
        between = self.lines[end_line.number : line.number - 1]  # Line i has number i + 1
        if last.is_total or _TOTAL.search(squash(name)) or line.number <= end_line.number or any(b.text.strip() for b in between):
            return
        if len(name) > 40 or _ITEM_START.match(name) or _SENTENCE_MARKS.search(name):
            return  # a heading or a sentence, not the end of a label
        last.name += name
        end = p.last[0].start + p.last[1]
        last.span = self.norm.raw_span(start, end)
        self._clean[len(self.rows) - 1] = (start, p.last[0])

    def _cells(self, p: _Pending, name: str) -> tuple[list[Amount | None], list[bool]]:
        out: list[Amount | None] = []
        garbage: list[bool] = []
        for line, t in drop_column_numbers(p.cells):
            garbage.append(False)
            if t.kind == "num" and t.text != "0" and self.decimal_table:
                # a bare integer where every amount prints decimals: a stray number, not an amount
                span = self.norm.raw_span(line.start + t.start, line.start + t.end)
                self.diag.warn("W301", line=line.number, span=span, table=self.label, name=name[:30], column=len(out), text=t.text)
                out.append(None)
                garbage[-1] = True
                continue
            value = parse_amount(t.text, self.unit)
            span = self.norm.raw_span(line.start + t.start, line.start + t.end)
            if value is None:
                self.diag.warn("W301", line=line.number, span=span, table=self.label, name=name[:30], column=len(out), text=t.text)
                out.append(None)
                garbage[-1] = True
                continue
            if value is EMPTY:
                out.append(None)
                continue
            if decimal_places(t.text) > 2:
                self.diag.info("W306", line=line.number, span=span, text=t.text, places=decimal_places(t.text))
            if value < 0:
                self.diag.info("W308", line=line.number, span=span, text=t.text)
            out.append(Amount(value=value, printed=t.text, unit=self.unit, span=span))
        return out, garbage

    # -- the table ----------------------------------------------------------------
    def _table(self, header_text: str) -> Table:
        first = self.lines[self.ft.anchors[0]]
        last_line = self.lines[self.ft.lines[-1]] if self.ft.lines else first
        span = self.norm.raw_span(first.start, last_line.end)
        cols = self._columns(header_text)
        width = len(cols)
        for ri, row in enumerate(self.rows):
            n = len(row.cells)
            flags = self._garbage.get(ri, [])
            if n > width and n - sum(flags) == width:
                # a mark read in an empty cell (行次/栏次 column): drop it, keep the amounts aligned
                row.cells = [c for c, bad in zip(row.cells, flags) if not bad]
                n = width
            if self.summary and cols:
                row.cells = self._place_side(row, cols)
            elif n != width and n:
                self.diag.warn("W303", line=row.span.line, table=self.label, name=row.name, found=n, expected=width)
                row.cells = (row.cells + [None] * width)[:width] if n < width else row.cells[:width]
            elif not n:
                row.cells = [None] * width
        classification = self._classification()
        number_span = None
        if self.ft.number_line is not None:
            nl = self.lines[self.ft.number_line]
            number_span = self.norm.line_span(nl)
        return Table(
            number=self.ft.number,
            title=self.ft.title,
            unit=self.unit,
            classification=classification,
            columns=cols,
            rows=self.rows,
            span=span,
            kind=self.kind or self._kind_from_rows(cols),
            number_span=number_span,
        )

    def _columns(self, header_text: str) -> list[Column]:
        if self.summary:
            return self._summary_columns(header_text)
        counts = Counter(len(r.cells) for r in self.rows if r.cells)
        width = max(counts, key=lambda n: (counts[n], n)) if counts else 0
        return columns_mod.build_columns(header_text, width, self.ft.title)

    def _summary_columns(self, header_text: str) -> list[Column]:
        widths = {}
        for side in ("income", "expenditure"):
            counts = Counter(len(r.cells) for r in self.rows if r.side == side and r.cells)
            widths[side] = max(counts) if counts else 0
        halves = re.split(r"项\s*目", header_text, maxsplit=2)
        parts = (halves[1], halves[2]) if len(halves) == 3 else ("", "")
        cols: list[Column] = []
        for side, part in zip(("income", "expenditure"), parts):
            for c in columns_mod.build_columns(part, widths[side], self.ft.title):
                c.index = len(cols)
                c.side = side
                cols.append(c)
        return cols

    def _place_side(self, row: TableRow, cols: list[Column]) -> list[Amount | None]:
        mine = [c for c in cols if c.side == row.side]
        out: list[Amount | None] = [None] * len(cols)
        for c, cell in zip(mine, row.cells):
            out[c.index] = cell
        if len(row.cells) > len(mine):
            self.diag.warn("W303", line=row.span.line, table=self.label, name=row.name, found=len(row.cells), expected=len(mine))
        return out

    def _classification(self) -> Classification:
        kinds = Counter(codes.classification_of(r.code) for r in self.rows if r.code)
        if not kinds:
            return Classification.NONE
        return kinds.most_common(1)[0][0]

    def _kind_from_rows(self, cols: list[Column]) -> str | None:
        """Kind of a table whose title is lost (OCR), from what its columns measure."""
        measures = {c.measure for c in cols}
        if "treasury_paid" in measures:
            return "nontax_revenue"
        if self.summary or not self.rows or self._classification() is not Classification.FUNCTIONAL:
            return None
        if measures & {"superior_subsidy", "business_income", "affiliated_remittance"} and not measures & {"basic", "project"}:
            return "income"
        if {"basic", "project"} <= measures and measures & {"remit_to_superior", "operating_expense", "subsidy_to_affiliates"}:
            return "expenditure"
        return None
