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

The checks within a table are here; those of a figure printed twice (``cross_table``,
``narrative_vs_table``) are :mod:`nlp.restated`'s, and the tolerance and wording of a comparison
:mod:`nlp.discrepancy`'s.
"""

from __future__ import annotations

from decimal import Decimal

from nlp import codes
from nlp.columns import column_groups
from nlp.discrepancy import ROUNDING_NOTES, format_amount, table_label, total_row, within_rounding
from nlp.errors import Codes
from nlp.model import Amount, Classification, Diagnostic, Discrepancy, Report, Severity, Table, TableRow
from nlp.normalize import squash
from nlp.restated import cross_table_discrepancies, narrative_discrepancies


def reconcile(report: Report) -> list[Discrepancy]:
    """Every discrepancy of the report; rounding-level differences become INFO W404 notes."""
    notes: list[tuple[str, Decimal, Decimal, Amount]] = []
    token = ROUNDING_NOTES.set(notes)
    try:
        out = _reconcile(report)
    finally:
        ROUNDING_NOTES.reset(token)
    for where, diff, tol, amount in notes:
        report.diagnostics.append(
            Diagnostic(
                Severity.INFO,
                "W404",
                Codes.W404.format(
                    where=where, diff=format_amount(diff, amount.unit), tol=format_amount(tol, amount.unit)
                ),
                report.source.path,
                amount.span.line,
                amount.span,
            )
        )
    return out


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
    out.extend(cross_table_discrepancies(report.tables))
    out.extend(narrative_discrepancies(report))
    return out


def _check(
    kind: str, where: str, parent: Amount, children: list[Amount], table: Table | None, column: str
) -> Discrepancy | None:
    found = sum((c.value for c in children), Decimal(0))
    if within_rounding(f"{where} ({column})", parent.value, found, [parent, *children], parent):
        return None
    unit = parent.unit
    msg = f"{where}: {format_amount(parent.value, unit)} but the {len(children)} figures under it sum to {format_amount(found, unit)} ({column})"
    return Discrepancy(
        kind=kind,
        message=msg,
        expected=parent.value,
        found=found,
        span=parent.span,
        table_number=table.number if table else None,
        line=parent.span.line,
    )


def _column_name(table: Table, i: int) -> str:
    if i < len(table.columns):
        c = table.columns[i]
        return c.header or c.measure
    return f"column {i + 1}"


# -- within a table ------------------------------------------------------------


def _coded_children(table: Table) -> list[Discrepancy]:
    by_code: dict[str, TableRow] = {}
    twice: dict[str, list[TableRow]] = {}
    for row in table.rows:
        if row.code:
            twice.setdefault(row.code, []).append(row)
            by_code.setdefault(row.code, row)
    for code, rows in twice.items():
        if len(rows) > 1:  # printed twice (one block per unit?): which rows are its children is unclear
            del by_code[code]
    kids: dict[str, list[TableRow]] = {}
    for code, rows in twice.items():
        parent = codes.parent(code)
        if parent in by_code:
            # a code printed twice under a parent printed once (取暖费 and 物业管理费 both 30208 under 302): two rows
            # of that parent, the report's own misprint of a code — each is one of the figures the parent adds up
            kids.setdefault(parent, []).extend(rows)
    out: list[Discrepancy] = []
    for code, children in kids.items():
        whole = by_code[code]
        for i, cell in enumerate(whole.cells):
            values = [c.cells[i] if i < len(c.cells) else None for c in children]
            if cell is None or any(v is None for v in values):
                continue
            d = _check(
                "children_sum",
                f"{table_label(table)} {code} {whole.name}",
                cell,
                values,  # type: ignore[arg-type]
                table,
                _column_name(table, i),
            )
            if d:
                out.append(d)
    return out


def _total_vs_classes(table: Table) -> list[Discrepancy]:
    total = total_row(table)
    classes = [r for r in table.rows if r.code and len(r.code) == 3]
    if total is None or not classes:
        return []
    out: list[Discrepancy] = []
    for i, cell in enumerate(total.cells):
        values = [r.cells[i] if i < len(r.cells) else None for r in classes]
        if cell is None or any(v is None for v in values):
            continue
        d = _check("children_sum", f"{table_label(table)} {total.name}", cell, values, table, _column_name(table, i))  # type: ignore[arg-type]
        if d:
            out.append(d)
    return out


def _grouped(table: Table, kind: str) -> list[Discrepancy]:
    """Tables grouped by unit: unit rows (top level) over their items, 合计 over units."""
    total = total_row(table)
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
        d = _check(kind, f"{table_label(table)} {parent.name}", cell, values, table, _column_name(table, i))  # type: ignore[arg-type]
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
            where = f"{table_label(table)} {row.code or ''} {row.name}".replace("  ", " ")
            d = _check("column_sum", where, total, values, table, _column_name(table, total_at))  # type: ignore[arg-type]
            if d:
                out.append(d)
    return out


def _balance(table: Table) -> list[Discrepancy]:
    """收入总计 = 支出总计 in a 收支总表 (the last total printed on each side)."""
    sides: dict[str, Amount] = {}
    for row in table.rows:
        if row.is_total and row.side and squash(row.name).endswith(("总计", "合计")) and "本年" not in row.name:
            cell = next((c for c in row.cells if c is not None), None)
            if cell is not None:
                sides[row.side] = cell
    if "income" in sides and "expenditure" in sides:
        d = _check(
            "balance",
            f"{table_label(table)} 支出总计 vs 收入总计",
            sides["income"],
            [sides["expenditure"]],
            table,
            "总计",
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
