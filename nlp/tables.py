"""Budget tables: every row, with its code, label, level and amounts in yuan.

Pipeline for one report (``extract_tables``), one module per step:

1. :mod:`nlp.tablefind` finds each table from the lines (title / number, page
   continuations), independent of the section tree;
2. :mod:`nlp.tableheader` splits the header (lines before the first data line)
   from the body and reads whether rows carry a 行次 or a text column;
   :mod:`nlp.tableunit` finds the declared unit;
3. :mod:`nlp.rowassembly` cuts every body line into row groups (:mod:`nlp.rows`)
   and assembles rows across lines; :mod:`nlp.codes` reads their codes and
   :mod:`nlp.cells` their amounts;
4. :mod:`nlp.columns` gives the columns their meaning (table kinds and column
   concepts are data: :mod:`nlp.vocab`), and :mod:`nlp.placement` puts each
   row's amounts into its columns;
5. tables with a text column (绩效目标) keep each row's text, and
   :mod:`nlp.projects` turns the project expenditure table into projects.

Cells that are OCR garbage become ``None`` with a W301 warning; a number is never
guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from nlp import codes, columnorder, columnpaths, columns as columns_mod, geometry, tableheader
from nlp.errors import Diagnostics
from nlp.model import Classification, Column, Project, Section, Table, TableRow
from nlp.normalize import Line, NormalizedText
from nlp.placement import fit_rows, income_totals
from nlp.rowassembly import RowAssembler
from nlp.tablefind import FoundTable, find_tables
from nlp.tablelines import AMOUNT_TOKEN
from nlp.tableunit import declared_unit
from nlp.vocab import TABLE_KINDS

_SUMMARY_KINDS = ("summary", "fiscal_summary")
_DECIMAL_TABLE = 3  # amounts with decimals in a table that prints its amounts with decimals


def extract_tables(norm: NormalizedText, sections: list[Section], diag: Diagnostics) -> tuple[list[Table], list[Project]]:
    """All tables of a report, and the projects of its project expenditure table."""
    from nlp import projects as projects_mod

    found = find_tables(norm)
    tables: list[Table] = []
    projects: list[Project] = []
    previous_unit: str | None = None
    income: dict[str, Decimal] = {}  # what the 收支总表 says each source of income totals
    unordered: list[tuple[Table, list]] = []  # tables whose header words were broken over lines
    for ft in found:
        parsed = read_table(norm, ft, diag, previous_unit, income)
        if parsed is None:
            continue
        table, texts = parsed.table, parsed.texts
        if parsed.orders:
            unordered.append((table, parsed.orders))
        previous_unit = table.unit
        if table.kind == "summary" and not income:
            income = income_totals(table)
        tables.append(table)
        projects.extend(projects_mod.extract(table, texts, norm, diag))
    if unordered:
        certain = [t for t in tables if t.columns and all(c.measure != "unknown" for c in t.columns)
                   and t not in [u for u, _ in unordered]]
        for table, orders in unordered:
            table.columns = columnorder.resolve(table, orders, certain)
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
class ReadTable:
    table: Table
    texts: dict[int, list[tuple[Line, int]]]  # row index → text pieces of its text cell (绩效目标)
    orders: list | None  # column orders still possible when header words were broken (nlp.columnorder)


def read_table(
    norm: NormalizedText, ft: FoundTable, diag: Diagnostics, previous_unit: str | None,
    income: dict[str, Decimal] | None = None,
) -> ReadTable | None:
    """One found table: its rows and columns, and the text pieces of its rows (绩效目标)."""
    lines = norm.lines
    label = ft.number or ft.title or f"line {lines[ft.anchor].number}"
    kind = table_kind(ft.title)
    header_lines, body = tableheader.split(lines, ft)
    if not body:
        return None
    unit, _ = declared_unit(norm, ft, header_lines, previous_unit, diag, label)
    header = tableheader.read(header_lines)
    summary = kind in _SUMMARY_KINDS
    printed = [t for ln in body for t in AMOUNT_TOKEN.findall(ln.text)]
    anchors = [lines[i] for i in ft.anchors]
    assembler = RowAssembler(norm, anchors, header, unit, summary, len(printed) >= _DECIMAL_TABLE, diag, label)
    assembled = assembler.assemble(body)
    rows = assembled.rows
    cols = _summary_columns(header.text, rows, ft.title) if summary else _columns(header.text, header.leaf, rows, ft.title)
    orders = None if summary else columnorder.hypotheses(header.text, len(cols), cols)
    if orders and all(c.measure != "unknown" for c in cols):
        # a heading broken over lines: where it stands is unknown until the figures tell (nlp.columnorder)
        cols = [Column(index=c.index, header="", measure="unknown", funding_source=c.funding_source, phase=c.phase) for c in cols]
    if not summary and cols and cols[0].measure == "unknown":
        _total_first(cols, rows, header.text)
    laid_out = None if summary else geometry.read(norm, header_lines, body, rows)
    if laid_out is not None and laid_out.paths is not None:  # the headings over each column, as the page places them
        by_place = columnpaths.columns_of(laid_out.paths, ft.title)
        if any(c.measure != "unknown" for c in by_place):
            cols, orders = by_place, None
    classification = _classification(rows)
    kind = kind or _kind_from_rows(cols, rows, summary, classification)
    cell_extents, column_extents = (None, None) if summary else geometry.extents(rows, len(cols), laid_out)
    fit_rows(rows, cols, assembled.garbage, summary, diag, label, kind, cell_extents=cell_extents,
             column_extents=column_extents, known_totals=income if kind == "income" else None)
    first = lines[ft.anchors[0]]
    last_line = lines[ft.lines[-1]] if ft.lines else first
    number_span = norm.line_span(lines[ft.number_line]) if ft.number_line is not None else None
    table = Table(
        number=ft.number,
        title=ft.title,
        unit=unit,
        classification=classification,
        columns=cols,
        rows=rows,
        span=norm.raw_span(first.start, last_line.end),
        kind=kind,
        number_span=number_span,
    )
    return ReadTable(table, assembled.texts, orders)


_GRAND_TOTAL = ("合计", "总计", "支出总计", "收入总计")


def _total_first(cols: list[Column], rows: list[TableRow], header_text: str) -> None:
    """A header that cannot be read one-to-one but names the table's total (总计 on a line of its
    own): the first column is it when every row bears it out — a total is never less than any
    of its parts (and no part is negative)."""
    words = set(header_text.split())
    if not words & set(_GRAND_TOTAL):
        return
    full = [r for r in rows if len(r.cells) == len(cols) and all(c is not None for c in r.cells)]
    if len(full) < 2 or any(c.value < 0 for r in full for c in r.cells):  # type: ignore[union-attr]
        return
    if all(r.cells[0].value >= max(c.value for c in r.cells[1:]) for r in full) and any(r.cells[0].value for r in full):  # type: ignore[union-attr]
        phrase = next(w for w in header_text.split() if w in _GRAND_TOTAL)
        cols[0] = Column(index=0, header=phrase, measure="total", funding_source=cols[0].funding_source, phase=cols[0].phase)


def _columns(header_text: str, leaf: str, rows: list[TableRow], title: str) -> list[Column]:
    """Columns: as many as the header names when no row prints more amounts (rows may
    leave cells empty), else as many as most rows print.  A header that names more
    columns than any row prints, over a line of leaf headings that names exactly as
    many, has a group heading above them (项目 一般公共预算基本支出 over 合计 人员经费
    公用经费): the leaf line gives the columns — unless other lines hold pieces of headings cut
    over lines (本年收入合 / 计): those name columns too, placed nobody knows where."""
    counts = Counter(len(r.cells) for r in rows if r.cells)
    width = max(counts, key=lambda n: (counts[n], n)) if counts else 0
    named = columns_mod.header_width(header_text)
    if counts and named > max(counts) and columns_mod.header_width(leaf) == max(counts) \
            and not columnorder.cut_pieces(header_text, leaf):
        header_text, named = leaf, max(counts)
    if counts and named > width and named >= max(counts):
        width = named
    return columns_mod.build_columns(header_text, width, title)


def _summary_columns(header_text: str, rows: list[TableRow], title: str) -> list[Column]:
    widths = {}
    for side in ("income", "expenditure"):
        counts = Counter(len(r.cells) for r in rows if r.side == side and r.cells)
        widths[side] = max(counts) if counts else 0
    halves = re.split(r"项\s*目", header_text, maxsplit=2)
    parts = (halves[1], halves[2]) if len(halves) == 3 else ("", "")
    cols: list[Column] = []
    for side, part in zip(("income", "expenditure"), parts):
        for c in columns_mod.build_columns(part, widths[side], title):
            c.index = len(cols)
            c.side = side
            cols.append(c)
    return cols


def _classification(rows: list[TableRow]) -> Classification:
    kinds = Counter(codes.classification_of(r.code) for r in rows if r.code)
    if not kinds:
        return Classification.NONE
    return kinds.most_common(1)[0][0]


def _kind_from_rows(cols: list[Column], rows: list[TableRow], summary: bool, classification: Classification) -> str | None:
    """Kind of a table whose title is lost (OCR), from what its columns measure."""
    measures = {c.measure for c in cols}
    if "treasury_paid" in measures:
        return "nontax_revenue"
    if summary or not rows or classification is not Classification.FUNCTIONAL:
        return None
    if measures & {"superior_subsidy", "business_income", "affiliated_remittance"} and not measures & {"basic", "project"}:
        return "income"
    if {"basic", "project"} <= measures and measures & {"remit_to_superior", "operating_expense", "subsidy_to_affiliates"}:
        return "expenditure"
    return None
