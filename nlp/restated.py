"""Figures a report prints twice: the same total in two tables (本年支出合计 of the 收支总表 and 合计 of the 支出表;
基本支出 of the 一般公共预算支出表 and the total of the 基本支出表 …), each 类 of the 收支总表 against the 类 row of the
支出表 (the sum of its printings when the 支出表 lists the classes under each unit), and a total the narrative states
(本年收入 3,463.96 万元) against the table figure of the same name.
Part of :func:`nlp.reconcile.reconcile`; the tolerance and wording are :mod:`nlp.discrepancy`'s.
"""

from __future__ import annotations

import re
from decimal import Decimal

from nlp.discrepancy import format_amount, table_label, total_row, within_rounding
from nlp.model import Amount, Discrepancy, Report, Table, TableRow
from nlp.normalize import squash

_ENUM = re.compile(r"^[一二三四五六七八九十]+、")


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
    rows = [r for r in table.rows if r.is_total and r.side == side and squash(r.name) in row_names]
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
    if within_rounding(
        f"{label}: {table_label(a_table)} vs {table_label(b_table)}", a.value, b.value, [a, *(parts or [b])], b
    ):
        return None
    unit = a.unit
    return Discrepancy(
        kind="cross_table",
        message=f"{label}: {table_label(a_table)} prints {format_amount(a.value, unit)}, {table_label(b_table)} prints {format_amount(b.value, b.unit)}",
        expected=a.value,
        found=b.value,
        span=b.span,
        table_number=b_table.number,
        line=b.span.line,
    )


def cross_table_discrepancies(tables: list[Table]) -> list[Discrepancy]:
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

    if summary and income and _column(income, "opening_balance") is None and _column(income, "unknown") is None:
        # a 收入表 that prints last year's balance beside this year's income (上年结转结余) totals both: its 合计 is
        # no 本年收入合计 (each item, that balance too, is still compared below); a column the header reader could
        # not name may be that balance
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
    total = total_row(income)
    if col_s is None or total is None:
        return []
    out: list[Discrepancy] = []
    for row in summary.rows:
        if row.side != "income" or row.is_total:
            continue
        measure = measure_of(_ENUM.sub("", squash(row.name)))
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
    """Each 类 of the 收支总表 (一、一般公共服务支出) against the 类 row of the 支出表.  A 支出表 that lists the classes
    under each of its units prints a 类 once per unit: the department's figure is then the sum of its printings."""
    col_s = _column(summary, "total", "expenditure")
    col_e = _column(expenditure, "total")
    if col_s is None or col_e is None:
        return []
    printed: dict[str, list[TableRow]] = {}  # 类 code → its rows, in printed order
    codes: dict[str, str] = {}  # a 类 row's name → its code
    for r in expenditure.rows:
        if r.code and len(r.code) == 3:
            printed.setdefault(r.code, []).append(r)
            codes.setdefault(squash(r.name), r.code)
    out: list[Discrepancy] = []
    for row in summary.rows:
        if row.side != "expenditure" or row.is_total:
            continue
        name = _ENUM.sub("", squash(row.name))
        code = codes.get(name)
        if code is None:
            continue
        a = row.cells[col_s] if col_s < len(row.cells) else None
        cells = [r.cells[col_e] if col_e < len(r.cells) else None for r in printed[code]]
        if any(c is None for c in cells):
            continue
        b, parts = _sum(cells)  # type: ignore[arg-type]
        d = _compare(f"{name} ({code})", a, summary, b, expenditure, parts)
        if d:
            out.append(d)
    return out


def _sum(cells: list[Amount]) -> tuple[Amount, list[Amount] | None]:
    """One printed figure as it is; several as their sum (printed ``a+b+…``, at the first one's place)."""
    if len(cells) == 1:
        return cells[0], None
    first = cells[0]
    total = sum((c.value for c in cells), Decimal(0))
    return Amount(total, "+".join(c.printed for c in cells), first.unit, first.span), cells


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


def narrative_discrepancies(report: Report) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    seen: set[str] = set()
    for stated in report.stated_totals:
        label = squash(stated.label)
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
        if within_rounding(
            f"{stated.label} in the text vs {table_label(table)}", a.value, figure.value, [a, figure], a
        ):
            continue
        out.append(
            Discrepancy(
                kind="narrative_vs_table",
                message=f"{stated.label}: the text states {format_amount(a.value, a.unit)}, {table_label(table)} prints {format_amount(figure.value, figure.unit)}",
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
    rows = [r for r in table.rows if r.is_total and r.side == side and squash(r.name) in names]
    if not rows:
        return None
    cells = rows[-1].cells
    return cells[col] if col < len(cells) else None
