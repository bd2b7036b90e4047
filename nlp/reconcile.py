"""Reconciliation: where a report's own figures don't add up.

Checks, each per value column:

* ``children_sum``: in a coded table, a 类 equals the sum of its 款, a 款 the sum
  of its 项 (by code, wherever the rows are printed), and the 合计 row the sum of
  the 类 rows; in a table grouped by unit (基本支出表 by unit), a unit row the sum
  of the rows under it;
* ``unit_subtotal``: in the project expenditure table, a unit's subtotal equals
  the sum of its projects, and 合计 the sum of the unit subtotals;
* ``column_sum``: across a row, the 合计 column equals the sum of the columns
  that split it (基本支出 + 项目支出 + …, or 财政拨款 + 事业收入 + …), and a
  group's 合计 (财政拨款 合计) the sum of its sub-columns — only where every
  column's meaning is known and is such a part;
* ``balance``: in a 收支总表, 收入总计 equals 支出总计;
* ``narrative_vs_table``: a total stated in the text (本年收入 3,463.96 万元,
  基本支出 896.29 万元) against the table figure of the same name (first
  statement of each label only: later mentions may qualify it differently);
* ``cross_table``: the same total printed in two tables (本年支出合计 of the
  收支总表 and 合计 of the 支出表; 基本支出 of the 一般公共预算支出表 and the
  total of the 基本支出表 …), and each 类 of the 收支总表 against the 类 row of
  the 支出表.

Tolerance (尾数误差): every printed figure is rounded to its last printed digit
(0.01 万元 = 100 元 in these reports), so it is off by at most half of that
quantum.  A sum of ``n`` printed figures compared with one printed figure may
therefore differ by up to ``(n + 1) / 2`` quanta without any figure being wrong;
anything beyond that is reported.  The quantum is taken from what was printed
(``0.00`` → 0.01 of the table's unit), so a table printed in 元 is held to 0.01 元
per figure — the same relative strictness.

A cell that is missing or unreadable disables the check it would take part in:
nothing is compared against a number that was not printed.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from decimal import Decimal

from nlp import codes, rounding
from nlp.amounts import unit_factor
from nlp.columns import column_groups
from nlp.errors import Codes
from nlp.model import Amount, Classification, Diagnostic, Discrepancy, Report, Severity, Table, TableRow

# differences within tolerance met during one reconcile() call (reported as INFO W404)
_ROUNDING: ContextVar[list[tuple[str, Decimal, Decimal, Amount]]] = ContextVar("rounding")
_ENUM = re.compile(r"^[一二三四五六七八九十]+、")
_WS = re.compile(r"\s+")


def reconcile(report: Report) -> list[Discrepancy]:
    """Every discrepancy of the report; rounding-level differences become INFO W404 notes."""
    notes: list[tuple[str, Decimal, Decimal, Amount]] = []
    token = _ROUNDING.set(notes)
    try:
        out = _reconcile(report)
    finally:
        _ROUNDING.reset(token)
    for where, diff, tol, amount in notes:
        report.diagnostics.append(
            Diagnostic(
                Severity.INFO,
                "W404",
                Codes.W404.format(where=where, diff=_fmt(diff, amount.unit), tol=_fmt(tol, amount.unit)),
                report.source.path,
                amount.span.line,
                amount.span,
            )
        )
    return out


def _note(where: str, diff: Decimal, tol: Decimal, amount: Amount) -> None:
    if diff:
        notes = _ROUNDING.get(None)
        if notes is not None:
            notes.append((where, diff, tol, amount))


def _reconcile(report: Report) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    for table in report.tables:
        out.extend(_columns(table))
        if table.classification is not Classification.NONE:
            out.extend(_coded_children(table))
            out.extend(_total_vs_classes(table))
        elif table.kind == "basic_by_unit":
            out.extend(_grouped(table, "children_sum"))
        elif table.kind in ("summary", "fiscal_summary"):
            out.extend(_balance(table))
    out.extend(_projects(report))
    out.extend(_cross_tables(report.tables))
    out.extend(_narrative(report))
    return out


# -- tolerance -----------------------------------------------------------------


def quantum(amount: Amount) -> Decimal:
    """The rounding step of a printed amount, in yuan (0.01 万元 → 100)."""
    return rounding.quantum(amount.printed, amount.unit)


def tolerance(amounts: list[Amount]) -> Decimal:
    """What rounding explains between the first figure and the sum of the others (:mod:`nlp.rounding`)."""
    return rounding.rounding_tolerance([quantum(a) for a in amounts])


def _within_rounding(where: str, a: Decimal, b: Decimal, figures: list[Amount], at: Amount) -> bool:
    """True when ``a`` and ``b`` differ by no more than the figures' rounding (a non-zero
    difference is still noted, as INFO W404 at ``at``)."""
    diff = abs(a - b)
    tol = tolerance(figures)
    if diff > tol:
        return False
    _note(where, diff, tol, at)
    return True


def _fmt(value: Decimal, unit: str) -> str:
    return f"{value / unit_factor(unit):,.2f} {unit}"


def _check(
    kind: str, where: str, parent: Amount, children: list[Amount], table: Table | None, column: str
) -> Discrepancy | None:
    found = sum((c.value for c in children), Decimal(0))
    if _within_rounding(f"{where} ({column})", parent.value, found, [parent, *children], parent):
        return None
    unit = parent.unit
    msg = f"{where}: {_fmt(parent.value, unit)} but the {len(children)} figures under it sum to {_fmt(found, unit)} ({column})"
    return Discrepancy(
        kind=kind,
        message=msg,
        expected=parent.value,
        found=found,
        span=parent.span,
        table_number=table.number if table else None,
        line=parent.span.line,
    )


def _label(table: Table) -> str:
    return table.number or table.title


def _column_name(table: Table, i: int) -> str:
    if i < len(table.columns):
        c = table.columns[i]
        return c.header or c.measure
    return f"column {i + 1}"


# -- within a table ------------------------------------------------------------


def _coded_children(table: Table) -> list[Discrepancy]:
    by_code: dict[str, TableRow] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        if row.code:
            seen[row.code] = seen.get(row.code, 0) + 1
            by_code.setdefault(row.code, row)
    for code, n in seen.items():
        if n > 1:  # printed twice (one block per unit?): which rows are its children is unclear
            del by_code[code]
    kids: dict[str, list[TableRow]] = {}
    for code, row in by_code.items():
        parent = codes.parent(code)
        if parent in by_code:
            kids.setdefault(parent, []).append(row)
    out: list[Discrepancy] = []
    for code, children in kids.items():
        whole = by_code[code]
        for i, cell in enumerate(whole.cells):
            values = [c.cells[i] if i < len(c.cells) else None for c in children]
            if cell is None or any(v is None for v in values):
                continue
            d = _check(
                "children_sum",
                f"{_label(table)} {code} {whole.name}",
                cell,
                values,  # type: ignore[arg-type]
                table,
                _column_name(table, i),
            )
            if d:
                out.append(d)
    return out


def _total_row(table: Table, side: str | None = None) -> TableRow | None:
    for row in table.rows:
        if row.is_total and row.side == side and _squash(row.name) in ("合计", "总计"):
            return row
    return None


def _total_vs_classes(table: Table) -> list[Discrepancy]:
    total = _total_row(table)
    classes = [r for r in table.rows if r.code and len(r.code) == 3]
    if total is None or not classes:
        return []
    out: list[Discrepancy] = []
    for i, cell in enumerate(total.cells):
        values = [r.cells[i] if i < len(r.cells) else None for r in classes]
        if cell is None or any(v is None for v in values):
            continue
        d = _check("children_sum", f"{_label(table)} {total.name}", cell, values, table, _column_name(table, i))  # type: ignore[arg-type]
        if d:
            out.append(d)
    return out


def _grouped(table: Table, kind: str) -> list[Discrepancy]:
    """Tables grouped by unit: unit rows (top level) over their items, 合计 over units."""
    total = _total_row(table)
    body = [r for r in table.rows if not r.is_total]
    if not body:
        return []
    top = min(r.level for r in body)
    groups: list[tuple[TableRow, list[TableRow]]] = []
    for r in body:
        if r.level == top:
            groups.append((r, []))
        elif groups:
            groups[-1][1].append(r)
    out: list[Discrepancy] = []
    for parent, children in groups:
        if children:
            out.extend(_rows_sum(table, kind, parent, children))
    if total is not None and groups:
        out.extend(_rows_sum(table, kind, total, [g for g, _ in groups]))
    return out


def _rows_sum(table: Table, kind: str, parent: TableRow, children: list[TableRow]) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    for i, cell in enumerate(parent.cells):
        values = [c.cells[i] if i < len(c.cells) else None for c in children]
        if cell is None or any(v is None for v in values):
            continue
        d = _check(kind, f"{_label(table)} {parent.name}", cell, values, table, _column_name(table, i))  # type: ignore[arg-type]
        if d:
            out.append(d)
    return out


def _columns(table: Table) -> list[Discrepancy]:
    groups = column_groups(table.columns, table.kind)
    if not groups:
        return []
    out: list[Discrepancy] = []
    for row in table.rows:
        for total_at, parts in groups:
            if total_at >= len(row.cells) or any(i >= len(row.cells) for i in parts):
                continue
            total = row.cells[total_at]
            values = [row.cells[i] for i in parts]
            if total is None or any(v is None for v in values):
                continue
            where = f"{_label(table)} {row.code or ''} {row.name}".replace("  ", " ")
            d = _check("column_sum", where, total, values, table, _column_name(table, total_at))  # type: ignore[arg-type]
            if d:
                out.append(d)
    return out


def _balance(table: Table) -> list[Discrepancy]:
    """收入总计 = 支出总计 in a 收支总表 (the last total printed on each side)."""
    sides: dict[str, Amount] = {}
    for row in table.rows:
        if row.is_total and row.side and _squash(row.name).endswith(("总计", "合计")) and "本年" not in row.name:
            cell = next((c for c in row.cells if c is not None), None)
            if cell is not None:
                sides[row.side] = cell
    if "income" in sides and "expenditure" in sides:
        d = _check(
            "balance", f"{_label(table)} 支出总计 vs 收入总计", sides["income"], [sides["expenditure"]], table, "总计"
        )
        return [d] if d else []
    return []


def _projects(report: Report) -> list[Discrepancy]:
    from nlp.projects import is_project_table

    out: list[Discrepancy] = []
    for table in report.tables:
        if is_project_table(table) and table.classification is Classification.NONE:
            # (projects listed under code rows are summed by code: children_sum)
            out.extend(_grouped(table, "unit_subtotal"))
    return out


# -- across tables ---------------------------------------------------------------


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _column(table: Table, measure: str, side: str | None = None, source: str | None = "any") -> int | None:
    for c in table.columns:
        if c.measure == measure and c.side == side and (source == "any" or c.funding_source == source):
            return c.index
    return None


def _table_figure(
    table: Table,
    measure: str,
    row_names: tuple[str, ...] = ("合计", "总计"),
    side: str | None = None,
    source: str | None = "any",
) -> Amount | None:
    """The total of a table in one measure: its 合计 row, or the sum of its total rows."""
    col = _column(table, measure, side, source)
    if col is None:
        return None
    rows = [r for r in table.rows if r.is_total and r.side == side and _squash(r.name) in row_names]
    if rows:
        return rows[0].cells[col] if col < len(rows[0].cells) else None
    return None


def _sum_of_totals(table: Table) -> tuple[Amount, list[Amount]] | None:
    """基本支出表 without a 合计 row: 人员经费合计 + 公用经费合计."""
    rows = [r for r in table.rows if r.is_total]
    cells = [next((c for c in r.cells if c is not None), None) for r in rows]
    if not rows or any(c is None for c in cells):
        return None
    first = cells[0]
    assert first is not None
    total = sum((c.value for c in cells if c), Decimal(0))
    return Amount(total, "+".join(c.printed for c in cells if c), first.unit, first.span), [c for c in cells if c]


def _first(tables: list[Table], kind: str) -> Table | None:
    return next((t for t in tables if t.kind == kind), None)


def _compare(
    label: str, a: Amount | None, a_table: Table, b: Amount | None, b_table: Table, parts: list[Amount] | None = None
) -> Discrepancy | None:
    if a is None or b is None:
        return None
    if _within_rounding(f"{label}: {_label(a_table)} vs {_label(b_table)}", a.value, b.value, [a, *(parts or [b])], b):
        return None
    unit = a.unit
    return Discrepancy(
        kind="cross_table",
        message=f"{label}: {_label(a_table)} prints {_fmt(a.value, unit)}, {_label(b_table)} prints {_fmt(b.value, b.unit)}",
        expected=a.value,
        found=b.value,
        span=b.span,
        table_number=b_table.number,
        line=b.span.line,
    )


def _cross_tables(tables: list[Table]) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    summary = _first(tables, "summary")
    fiscal = _first(tables, "fiscal_summary")
    income = _first(tables, "income")
    expenditure = _first(tables, "expenditure")
    general = _first(tables, "general_public")
    basic = _first(tables, "general_public_basic")
    project_econ = _first(tables, "general_public_project")
    projects = _first(tables, "projects")
    by_unit = _first(tables, "basic_by_unit")

    def add(d: Discrepancy | None) -> None:
        if d:
            out.append(d)

    if summary and income:
        add(
            _compare(
                "本年收入合计",
                _table_figure(summary, "total", ("本年收入合计",), "income"),
                summary,
                _table_figure(income, "total"),
                income,
            )
        )
    if summary and income:
        out.extend(_income_items(summary, income))
    if summary and expenditure:
        add(
            _compare(
                "本年支出合计",
                _table_figure(summary, "total", ("本年支出合计",), "expenditure"),
                summary,
                _table_figure(expenditure, "total"),
                expenditure,
            )
        )
        out.extend(_class_items(summary, expenditure))
    if fiscal and general:
        fig = _table_figure(fiscal, "general_public", ("本年支出合计",), "expenditure")
        add(_compare("一般公共预算财政拨款支出", fig, fiscal, _table_figure(general, "total"), general))
    if general and basic:
        b = _table_figure(basic, "total")
        parts = None
        if b is None:
            summed = _sum_of_totals(basic)
            if summed:
                b, parts = summed
        add(_compare("一般公共预算基本支出", _table_figure(general, "basic"), general, b, basic, parts))
    if general and project_econ:
        add(
            _compare(
                "一般公共预算项目支出",
                _table_figure(general, "project"),
                general,
                _table_figure(project_econ, "total"),
                project_econ,
            )
        )
    if expenditure and projects:
        add(
            _compare(
                "项目支出",
                _table_figure(expenditure, "project"),
                expenditure,
                _table_figure(projects, "total", source=None),
                projects,
            )
        )
    if expenditure and by_unit:
        add(
            _compare(
                "基本支出",
                _table_figure(expenditure, "basic"),
                expenditure,
                _table_figure(by_unit, "total", source=None),
                by_unit,
            )
        )
    return out


def _income_items(summary: Table, income: Table) -> list[Discrepancy]:
    """Each income item of the 收支总表 (二、上级补助收入) against the 合计 row of the
    收入表 in the column of the same meaning."""
    from nlp.columns import measure_of

    col_s = _column(summary, "total", "income")
    total = _total_row(income)
    if col_s is None or total is None:
        return []
    out: list[Discrepancy] = []
    for row in summary.rows:
        if row.side != "income" or row.is_total:
            continue
        measure = measure_of(_ENUM.sub("", _squash(row.name)))
        if measure is None or measure == "total":
            continue
        col_i = _column(income, measure)
        if col_i is None or col_i >= len(total.cells) or col_s >= len(row.cells):
            continue
        d = _compare(f"{row.name}", row.cells[col_s], summary, total.cells[col_i], income)
        if d:
            out.append(d)
    return out


def _class_items(summary: Table, expenditure: Table) -> list[Discrepancy]:
    """Each 类 of the 收支总表 (一、一般公共服务支出) against the 类 row of the 支出表."""
    col_s = _column(summary, "total", "expenditure")
    col_e = _column(expenditure, "total")
    if col_s is None or col_e is None:
        return []
    classes = {_squash(r.name): r for r in expenditure.rows if r.code and len(r.code) == 3}
    out: list[Discrepancy] = []
    for row in summary.rows:
        if row.side != "expenditure" or row.is_total:
            continue
        name = _ENUM.sub("", _squash(row.name))
        match = classes.get(name)
        if match is None:
            continue
        a = row.cells[col_s] if col_s < len(row.cells) else None
        b = match.cells[col_e] if col_e < len(match.cells) else None
        d = _compare(f"{name} ({match.code})", a, summary, b, expenditure)
        if d:
            out.append(d)
    return out


# Stated totals (nlp.narrative) → the table figure they restate:
# label (whitespace removed) → (table kind, row names, side, column measure).
NARRATIVE_FIGURES: dict[str, tuple[str, tuple[str, ...], str | None, str]] = {
    "收入总计": ("summary", ("总计", "合计", "收入总计"), "income", "total"),
    "总收入": ("summary", ("总计", "合计", "收入总计"), "income", "total"),
    "支出总计": ("summary", ("总计", "合计", "支出总计"), "expenditure", "total"),
    "总支出": ("summary", ("总计", "合计", "支出总计"), "expenditure", "total"),
    "本年收入": ("summary", ("本年收入合计",), "income", "total"),
    "本年收入合计": ("summary", ("本年收入合计",), "income", "total"),
    "本年支出": ("summary", ("本年支出合计",), "expenditure", "total"),
    "本年支出合计": ("summary", ("本年支出合计",), "expenditure", "total"),
    "基本支出": ("expenditure", ("合计", "总计"), None, "basic"),
    "项目支出": ("expenditure", ("合计", "总计"), None, "project"),
    "一般公共预算财政拨款支出": ("general_public", ("合计", "总计"), None, "total"),
}


def _narrative(report: Report) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    seen: set[str] = set()
    for stated in report.stated_totals:
        label = _squash(stated.label)
        if label in seen or label not in NARRATIVE_FIGURES:
            continue
        seen.add(label)
        kind, names, side, measure = NARRATIVE_FIGURES[label]
        table = _first(report.tables, kind)
        if table is None:
            continue
        figure = _last_figure(table, measure, names, side)
        if figure is None:
            continue
        a = stated.amount
        if _within_rounding(f"{stated.label} in the text vs {_label(table)}", a.value, figure.value, [a, figure], a):
            continue
        out.append(
            Discrepancy(
                kind="narrative_vs_table",
                message=f"{stated.label}: the text states {_fmt(a.value, a.unit)}, {_label(table)} prints {_fmt(figure.value, figure.unit)}",
                expected=figure.value,
                found=a.value,
                span=a.span,
                table_number=table.number,
                line=a.span.line,
            )
        )
    return out


def _last_figure(table: Table, measure: str, names: tuple[str, ...], side: str | None) -> Amount | None:
    """The figure of the last total row of that name (总计 comes after 本年收入合计 and 合计)."""
    col = _column(table, measure, side)
    if col is None:
        return None
    rows = [r for r in table.rows if r.is_total and r.side == side and _squash(r.name) in names]
    if not rows:
        return None
    cells = rows[-1].cells
    return cells[col] if col < len(cells) else None
