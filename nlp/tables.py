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
from dataclasses import dataclass, field
from decimal import Decimal

from nlp import (
    codes,
    columnorder,
    counts,
    geometry,
    headergrid,
    headermeaning,
    indicatortables,
    layoutsearch,
    placedcolumns,
    projectforms,
    projecttargets,
    summaryheader,
    summarysides,
    tableheader,
)
from nlp import (
    columns as columns_mod,
)
from nlp.errors import Diagnostics
from nlp.model import Classification, Column, Indicator, Project, Section, Table, TableRow
from nlp.normalize import Line, NormalizedText
from nlp.placement import drop_marks, fit_rows, income_totals
from nlp.rowassembly import RowAssembler
from nlp.tablefind import FoundTable, find_tables
from nlp.tablelines import AMOUNT_TOKEN
from nlp.tableunit import declared_unit
from nlp.vocab import TABLE_KINDS

_SUMMARY_KINDS = ("summary", "fiscal_summary")
_DECIMAL_TABLE = 3  # amounts with decimals in a table that prints its amounts with decimals


def extract_tables(
    norm: NormalizedText, sections: list[Section], diag: Diagnostics
) -> tuple[list[Table], list[Project], list[Indicator]]:
    """All tables of a report, the projects of its project expenditure table, and the indicators of its
    tables of performance indicators (no money: :mod:`nlp.indicatortables`)."""
    from nlp import projects as projects_mod

    found = find_tables(norm)
    tables: list[Table] = []
    projects: list[Project] = []
    indicators: list[Indicator] = []
    previous_unit: str | None = None
    income: dict[str, Decimal] = {}  # what the 收支总表 says each source of income totals
    unordered: list[tuple[Table, list]] = []  # tables whose header words were broken over lines
    headers: dict[int, str] = {}  # table → its header text
    open_readings: list[
        tuple[Table, list[layoutsearch.Reading] | list[_Later], dict | None]
    ] = []  # headers the figures must decide
    assumed: dict[int, list] = {}  # table → the W302 it was given (a unit assumed for it)
    for ft in found:
        said = len(diag.items)
        parsed = read_table(norm, ft, diag, previous_unit, income)
        if parsed is None:
            continue
        if isinstance(parsed, list):
            indicators.extend(parsed)
            continue
        table, texts = parsed.table, parsed.texts
        indicators.extend(parsed.indicators)
        headers[id(table)] = parsed.header_text
        assumed[id(table)] = [d for d in diag.items[said:] if d.code == "W302"]
        if not parsed.orders and not parsed.readings and counts.set_aside(table, diag, parsed.header_text):
            diag.withdraw(assumed[id(table)])  # no table: the unit assumed for it was assumed for nothing
            continue  # a table of counts only (编制数 实有人数): no amount
        if parsed.orders:
            unordered.append((table, parsed.orders))
        if parsed.readings:
            open_readings.append((table, parsed.readings, income if table.kind == "income" else None))
        previous_unit = table.unit
        if table.kind == "summary" and not income:
            income = income_totals(table)
        tables.append(table)
        projects.extend(projects_mod.extract(table, texts, norm, diag, parsed.header_text, parsed.targets))
    if open_readings:
        _decide_readings(tables, open_readings, diag)
    if unordered:
        certain = [
            t
            for t in tables
            if t.columns and all(c.measure != "unknown" for c in t.columns) and t not in [u for u, _ in unordered]
        ]
        for table, orders in unordered:
            table.columns = columnorder.resolve(table, orders, certain)
    # the columns the figures decided: a count column among them holds no amount either
    decided = {id(t) for t, _ in unordered} | {id(t) for t, _, _ in open_readings}
    counted = [t for t in tables if id(t) in decided and counts.set_aside(t, diag, headers[id(t)])]
    for table in counted:
        diag.withdraw(assumed[id(table)])
    tables = [t for t in tables if t not in counted]
    if not tables:
        diag.warn("W307", line=1)
    projects.extend(projectforms.extract(norm, diag, {re.sub(r"\s+", "", p.name) for p in projects}))
    projecttargets.attach(norm, projects)
    return tables, projects, indicators


def _decide_readings(
    tables: list[Table],
    pending: list[tuple[Table, list[layoutsearch.Reading] | list[_Later], dict | None]],
    diag: Diagnostics,
) -> None:
    """Tables whose header the text leaves open, decided by their figures and by the other
    tables.  A table its figures decide whole becomes evidence for the others at once; when none
    is, the one left most certain is taken as it is (its uncertain columns are no evidence) and
    the others are tried again with it."""
    todo = sorted(pending, key=lambda p: (not isinstance(p[1][0], layoutsearch.Reading), len(p[1])))
    shaky: dict[int, set[int]] = {}  # table → columns holding amounts left out (no evidence there)
    while todo:
        tried = []
        for table, readings, known in todo:
            open_ = {id(t) for t, _, _ in todo}
            evidence = [t for t in tables if id(t) not in open_ and t.columns]
            label = table.number or table.title
            options = _again(table, readings, evidence, shaky) if isinstance(readings[0], _Later) else readings
            decided = (
                layoutsearch.decide(table.rows, options, diag, label, evidence, known, warn=False, shaky=shaky)
                if options
                else None
            )
            tried.append((table, readings, known, options, decided))
            if decided is not None and not decided.uncertain:
                break
        table, readings, known, options, decided = min(
            tried, key=lambda t: (t[4] is None, (t[4].unsure_figures, t[4].uncertain) if t[4] else (0, 0))
        )
        label = table.number or table.title
        evidence = [t for t in tables if id(t) not in {id(p[0]) for p in todo} and t.columns]
        phrased = readings[0].fallback
        if decided is None or options is None or (decided.undecided and phrased is not None):
            # beyond reading from the text, or no reading the figures add up under: the phrases' columns, as before
            table.columns = phrased if phrased is not None else table.columns
            fit_rows(table.rows, table.columns, {}, False, diag, label, table.kind, known_totals=known)
        else:
            decided = layoutsearch.decide(table.rows, options, diag, label, evidence, known, shaky=shaky)
            table.columns = decided.columns
            for row, cells in zip(table.rows, decided.rows):
                row.cells = cells
            if decided.uncertain:
                shaky[id(table)] = decided.shaky
        todo = [p for p in todo if p[0] is not table]


def _again(
    table: Table, readings: list, evidence: list[Table], shaky: dict[int, set[int]]
) -> list[layoutsearch.Reading] | None:
    """The readings of a header with too many to try alone, now that other tables can tell."""
    width = _uniform(table.rows)
    if not width:
        return None
    source, phase = columns_mod.source_of_title(table.title), columns_mod.phase_of(table.title)
    fits = layoutsearch.evidence_fits(table.rows, width, evidence, source, phase, shaky)
    accept = layoutsearch.arithmetic_accepts(table.rows, width, source, phase)
    try:
        return _readings(readings[0].header_text, table.rows, table.title, fits, accept)
    except headergrid.TooMany:
        return None


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
    readings: list[layoutsearch.Reading] | list[_Later] | None = (
        None  # header readings the figures must decide between (nlp.layoutsearch)
    )
    indicators: list[Indicator] = field(default_factory=list)  # a form's indicators under its amounts
    header_text: str = ""  # the column headings as printed (a count among them: nlp.counts)
    targets: bool = True  # the rows' texts are their 绩效目标 (not remarks or descriptions: nlp.tableheader.Header)


def _indicators(
    norm: NormalizedText, lines: list[Line], heading: str, diag: Diagnostics, label: str, at: int
) -> list[Indicator]:
    """The indicators printed on the lines of a table of indicators (or of a form's part under ``heading``): info
    W314 says how many, warning W317 names the lines that gave none."""
    read = indicatortables.indicators(
        norm,
        lines,
        achieved=indicatortables.achieved(heading),
        paired=indicatortables.paired(heading),
        wrapped=not indicatortables.explained(heading),
    )
    diag.info("W314", line=at, table=label, count=len(read.indicators), at=at)
    if read.unread:
        numbers = ", ".join(str(ln.number) for ln in read.unread)
        diag.warn("W317", line=read.unread[0].number, table=label, lines=numbers)
    return read.indicators


def _form_indicators(norm: NormalizedText, lines: list[Line], diag: Diagnostics, label: str) -> list[Indicator]:
    """The indicators a project's performance form prints under a line of indicator headings, to the end of its grid
    (:func:`nlp.indicatortables.grid_end`)."""
    cut = indicatortables.heading_line(lines)
    if cut is None:
        return []
    end = indicatortables.grid_end(lines, cut)
    heading = indicatortables.heading_text(lines, cut)
    return _indicators(norm, lines[cut:end], heading, diag, label, lines[cut].number)


def read_table(
    norm: NormalizedText,
    ft: FoundTable,
    diag: Diagnostics,
    previous_unit: str | None,
    income: dict[str, Decimal] | None = None,
) -> ReadTable | list[Indicator] | None:
    """One found table: its rows and columns, and the text pieces of its rows (绩效目标); for a table of
    performance indicators, its indicators (no row, no amount)."""
    lines = norm.lines
    label = ft.number or ft.title or f"line {lines[ft.anchor].number}"
    if any(
        projectforms.form_at(lines, i) is not None
        for i in range(ft.anchor, min(ft.anchor + projectforms.FORM_HEAD, len(lines)))
    ):
        # one project's performance form (项目名称 … 年度资金总额), no table of rows: nlp.projectforms reads its project;
        # the indicators it prints under their headings are read here
        return _form_indicators(norm, [lines[i] for i in ft.lines], diag, label) or None
    kind = table_kind(ft.title)
    header_lines, body = tableheader.split(lines, ft)
    header = tableheader.read(header_lines)
    at = lines[ft.anchor].number
    grid = indicatortables.opening_grid(header_lines + body)  # a table opening with its grid ends with it
    if grid is not None:
        return _indicators(norm, grid, indicatortables.heading_text(grid, 0), diag, label, at)
    if indicatortables.is_score_header(header.text):
        diag.info("W320", line=at, table=label, count=len(ft.lines))
        return None
    if indicatortables.is_indicator_header(header.text):
        return _indicators(norm, header_lines + body, header.text, diag, label, at)
    listed: list[Indicator] = []
    cut = indicatortables.heading_line(body)
    if cut is not None:  # a form: its amounts, then its indicators under their own headings
        listed = _indicators(norm, body[cut:], body[cut].text, diag, label, body[cut].number)
        body = body[:cut]
    if not body:
        return listed or None
    unit, _ = declared_unit(norm, ft, header_lines, previous_unit, diag, label)
    summary = kind in _SUMMARY_KINDS
    printed = [t for ln in body for t in AMOUNT_TOKEN.findall(ln.text)]
    anchors = [lines[i] for i in ft.anchors]
    assembler = RowAssembler(norm, anchors, header, unit, summary, len(printed) >= _DECIMAL_TABLE, diag, label)
    assembled = assembler.assemble(body)
    rows = assembled.rows
    laid_out = None if summary else geometry.read(norm, header_lines, body, rows)
    by_place, place_sums = None, None
    if laid_out is not None and laid_out.paths is not None:  # the headings over each column, as the page places them
        by_place, place_sums = placedcolumns.columns_by_place(laid_out.paths, ft.title)
        if all(c.measure == "unknown" for c in by_place):
            by_place, place_sums = None, None
    readings: list[layoutsearch.Reading] | list[_Later] | None = None
    if by_place is None and not summary:  # the header as printed text (nlp.headergrid)
        try:
            readings = _readings(tableheader.value_headings(header), rows, ft.title)
        except headergrid.TooMany:
            fallback = _text_columns(header.text, header.leaf, rows, ft.title, assembled.garbage)[0]
            readings = [_Later(tableheader.value_headings(header), fallback)]
            if all(c.measure == "unknown" for c in fallback):
                # the phrases name nothing: as many readings as the figures can sort out (rows printing blanks,
                # a 三公 table's one row, give no width to test readings by)
                many = _readings(tableheader.value_headings(header), rows, ft.title, many=True)
                for r in many or []:
                    r.fallback = fallback  # figures no reading places are stored as before, not lost
                readings = many or readings
    if readings:
        by_grid = _read_by_header_grid(norm, ft, kind, unit, rows, assembled, readings, diag, label, income)
        by_grid.indicators = listed
        by_grid.header_text = header.text
        by_grid.targets = header.targets
        return by_grid
    orders = None
    halves = None
    if summary:
        summarysides.settle(rows, norm, diag, label)  # a blank item's line: whose is the figure (the side's sums)
        cols = summaryheader.columns(header.text, rows, ft.title)
        halves = placedcolumns.sides_by_place(geometry.ruled_sides(norm, header_lines, body, rows), ft.title)
        if halves is not None:
            cols = halves[0]
    else:
        cols, orders = _text_columns(header.text, header.leaf, rows, ft.title, assembled.garbage)
    if by_place is not None:
        cols, orders = by_place, None
    classification = _classification(rows)
    kind = kind or _kind_from_rows(cols, rows, summary, classification)
    if summary:
        cell_extents, column_extents = None, halves[1] if halves is not None else None
    else:
        cell_extents, column_extents = geometry.extents(rows, len(cols), laid_out)
    fit_rows(
        rows,
        cols,
        assembled.garbage,
        summary,
        diag,
        label,
        kind,
        cell_extents=cell_extents,
        column_extents=column_extents,
        known_totals=income if kind == "income" else None,
        groups=place_sums,
    )
    table = _table(norm, ft, unit, classification, cols, rows, kind)
    return ReadTable(table, assembled.texts, orders, indicators=listed, header_text=header.text, targets=header.targets)


def _uniform(rows: list[TableRow]) -> int | None:
    """The cell count every row with a code prints, when they all print the same (a table that
    prints its zeros: its width)."""
    counts = {len(r.cells) for r in rows if r.code}
    return counts.pop() if len(counts) == 1 and rows else None


def _readings(
    header_text: str, rows: list[TableRow], title: str, fits=None, accept=None, many: bool = False
) -> list[layoutsearch.Reading] | None:
    """The readings of a header printed over several lines (nlp.headergrid), each with its
    arithmetic; ``None`` when the header is beyond that reading (the phrases decide then);
    :class:`nlp.headergrid.TooMany` when the figures of other tables must help (``fits``).
    ``many``: up to :data:`nlp.headergrid.MAX_LAYOUTS` readings, ``None`` beyond."""
    printed = max((len(r.cells) for r in rows), default=0)
    source, phase = columns_mod.source_of_title(title), columns_mod.phase_of(title)
    layouts = None
    width = _uniform(rows)
    if many:
        try:
            layouts = headergrid.align(
                header_text,
                at_least=max(printed, 1),
                limit=headergrid.MAX_LAYOUTS,
                title_source=source,
                table_phase=phase,
            )
        except headergrid.TooMany:
            return None
    if fits is not None and width:
        layouts = headergrid.align(
            header_text,
            at_least=max(printed, 1),
            exactly=width,
            fits=fits,
            accept=accept,
            limit=headergrid.MAX_LAYOUTS,
            title_source=source,
            table_phase=phase,
        )
    if layouts is None and not many:
        try:
            layouts = headergrid.align(header_text, at_least=max(printed, 1), title_source=source, table_phase=phase)
        except headergrid.TooMany:
            if not width or fits is not None:
                raise
            # a table that prints every cell: a reading under which its rows do not add up is out
            layouts = headergrid.align(
                header_text,
                at_least=max(printed, 1),
                exactly=width,
                accept=layoutsearch.arithmetic_accepts(rows, width, source, phase),
                title_source=source,
                table_phase=phase,
            )
    if not layouts:
        return None
    out = []
    for lay in layouts:
        cols = lay.meanings(source, phase)
        sums = headermeaning.sums(lay, cols)
        if sums is not None:
            out.append(layoutsearch.Reading(cols, sums))
    return out or None


def _read_by_header_grid(
    norm: NormalizedText,
    ft: FoundTable,
    kind: str | None,
    unit: str,
    rows: list[TableRow],
    assembled,
    readings: list[layoutsearch.Reading] | list[_Later],
    diag: Diagnostics,
    label: str,
    income: dict[str, Decimal] | None,
) -> ReadTable:
    """A table whose header :mod:`nlp.headergrid` reads: one reading is placed now, several
    wait for the figures of the whole report (:func:`_decide_readings`)."""
    cols = readings[0].columns if isinstance(readings[0], layoutsearch.Reading) else readings[0].fallback
    classification = _classification(rows)
    kind = kind or _kind_from_rows(cols, rows, False, classification)
    known = income if kind == "income" else None
    drop_marks(rows, len(cols), assembled.garbage)
    if len(readings) == 1 and isinstance(readings[0], layoutsearch.Reading):
        fit_rows(rows, cols, assembled.garbage, False, diag, label, kind, known_totals=known, groups=readings[0].sums)
    table = _table(norm, ft, unit, classification, cols, rows, kind)
    later = len(readings) > 1 or not isinstance(readings[0], layoutsearch.Reading)
    return ReadTable(table, assembled.texts, None, readings if later else None)


def _table(norm, ft, unit: str, classification, cols: list[Column], rows: list[TableRow], kind) -> Table:
    """The table found at ``ft``, its span from its first anchor line to its last line."""
    lines = norm.lines
    first = lines[ft.anchors[0]]
    last_line = lines[ft.lines[-1]] if ft.lines else first
    number_span = norm.line_span(lines[ft.number_line]) if ft.number_line is not None else None
    return Table(
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


@dataclass
class _Later:
    """A header with more readings than are worth trying alone: read again once the report's
    other tables can tell where its columns stand (``fallback``: the columns its phrases give)."""

    header_text: str
    fallback: list[Column]


_GRAND_TOTAL = ("合计", "总计", "支出总计", "收入总计")


def _total_first(
    cols: list[Column], rows: list[TableRow], header_text: str, garbage: dict[int, list[bool]] | None = None
) -> None:
    """A header that cannot be read one-to-one but names the table's total (总计 on a line of its
    own): the first column is it when every row bears it out — a total is never less than any
    of its parts (and no part is negative).  The rows that bear it out print a cell in every column: a
    figure, or a zero printed as a dash (``-``, ``—``: a cell with nothing in it, zero for the comparison —
    no figure is stored); a cell of OCR garbage (``garbage``, by row index) is no zero and leaves its row out."""
    words = set(header_text.split())
    if not words & set(_GRAND_TOTAL):
        return
    garbage = garbage or {}
    full = [
        [c.value if c is not None else Decimal(0) for c in r.cells]
        for i, r in enumerate(rows)
        if len(r.cells) == len(cols) and not any(garbage.get(i, ())) and any(c is not None for c in r.cells)
    ]
    if len(full) < 2 or any(v < 0 for values in full for v in values):
        return
    if all(values[0] >= max(values[1:]) for values in full) and any(values[0] for values in full):
        phrase = next(w for w in header_text.split() if w in _GRAND_TOTAL)
        cols[0] = Column(
            index=0, header=phrase, measure="total", funding_source=cols[0].funding_source, phase=cols[0].phase
        )


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
    if (
        counts
        and named > max(counts)
        and columns_mod.header_width(leaf) == max(counts)
        and not columnorder.cut_pieces(header_text, leaf)
    ):
        header_text, named = leaf, max(counts)
    if counts and named > width and named >= max(counts):
        width = named
    return columns_mod.build_columns(header_text, width, title)


def _text_columns(
    header_text: str, leaf: str, rows: list[TableRow], title: str, garbage: dict[int, list[bool]] | None = None
) -> tuple[list[Column], list | None]:
    """The columns a header printed as text names (:func:`_columns`), and the orders of its columns still possible
    when a heading was broken over lines (:func:`nlp.columnorder.hypotheses`).  Until the figures tell, such a
    heading stands where the text does not keep: no column has a meaning then, nor a source of funds read off a
    piece (the title's holds for every column) — but a leading total the rows bear out (:func:`_total_first`)."""
    cols = _columns(header_text, leaf, rows, title)
    orders = columnorder.hypotheses(header_text, len(cols), cols)
    if orders is not None and all(c.measure != "unknown" for c in cols):
        source = columns_mod.source_of_title(title)
        cols = [Column(index=c.index, header="", measure="unknown", funding_source=source, phase=c.phase) for c in cols]
    if cols and cols[0].measure == "unknown":
        _total_first(cols, rows, header_text, garbage)
    return cols, orders


def _classification(rows: list[TableRow]) -> Classification:
    kinds = Counter(codes.classification_of(r.code) for r in rows if r.code)
    if not kinds:
        return Classification.NONE
    return kinds.most_common(1)[0][0]


def _kind_from_rows(
    cols: list[Column], rows: list[TableRow], summary: bool, classification: Classification
) -> str | None:
    """Kind of a table whose title is lost (OCR), from what its columns measure."""
    measures = {c.measure for c in cols}
    if "treasury_paid" in measures:
        return "nontax_revenue"
    if summary or not rows or classification is not Classification.FUNCTIONAL:
        return None
    if measures & {"superior_subsidy", "business_income", "affiliated_remittance"} and not measures & {
        "basic",
        "project",
    }:
        return "income"
    if {"basic", "project"} <= measures and measures & {
        "remit_to_superior",
        "operating_expense",
        "subsidy_to_affiliates",
    }:
        return "expenditure"
    return None
