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

from nlp import codes, columns as columns_mod, tableheader
from nlp.errors import Diagnostics
from nlp.model import Classification, Column, Project, Section, Table, TableRow
from nlp.normalize import Line, NormalizedText
from nlp.placement import fit_rows
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
    for ft in found:
        parsed = read_table(norm, ft, diag, previous_unit)
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


def read_table(
    norm: NormalizedText, ft: FoundTable, diag: Diagnostics, previous_unit: str | None
) -> tuple[Table, dict[int, list[tuple[Line, int]]]] | None:
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
    cols = _summary_columns(header.text, rows, ft.title) if summary else _columns(header.text, rows, ft.title)
    fit_rows(rows, cols, assembled.garbage, summary, diag, label)
    first = lines[ft.anchors[0]]
    last_line = lines[ft.lines[-1]] if ft.lines else first
    classification = _classification(rows)
    number_span = norm.line_span(lines[ft.number_line]) if ft.number_line is not None else None
    table = Table(
        number=ft.number,
        title=ft.title,
        unit=unit,
        classification=classification,
        columns=cols,
        rows=rows,
        span=norm.raw_span(first.start, last_line.end),
        kind=kind or _kind_from_rows(cols, rows, summary, classification),
        number_span=number_span,
    )
    return table, assembled.texts


def _columns(header_text: str, rows: list[TableRow], title: str) -> list[Column]:
    counts = Counter(len(r.cells) for r in rows if r.cells)
    width = max(counts, key=lambda n: (counts[n], n)) if counts else 0
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
