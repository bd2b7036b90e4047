"""How two printed figures are compared: within rounding (:mod:`nlp.rounding`) or a discrepancy, and in what words.

A difference that rounding explains is no discrepancy; it is noted, and :func:`nlp.reconcile.reconcile` reports
the notes of its call as INFO W404.  Shared by the checks within a table (:mod:`nlp.reconcile`) and the checks of a
figure printed twice (:mod:`nlp.restated`).
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal

from nlp import rounding
from nlp.amounts import unit_factor
from nlp.model import Amount, Table, TableRow
from nlp.normalize import squash

#: Differences within tolerance met during one reconcile() call (reported as INFO W404): :func:`within_rounding` adds
#: to the list :func:`nlp.reconcile.reconcile` sets.
ROUNDING_NOTES: ContextVar[list[tuple[str, Decimal, Decimal, Amount]]] = ContextVar("rounding")


def _note(where: str, diff: Decimal, tol: Decimal, amount: Amount) -> None:
    if diff:
        notes = ROUNDING_NOTES.get(None)
        if notes is not None:
            notes.append((where, diff, tol, amount))


def quantum(amount: Amount) -> Decimal:
    """The rounding step of a printed amount, in yuan (0.01 万元 → 100)."""
    return rounding.quantum(amount.printed, amount.unit)


def tolerance(amounts: list[Amount]) -> Decimal:
    """What rounding explains between the first figure and the sum of the others (:mod:`nlp.rounding`)."""
    return rounding.rounding_tolerance([quantum(a) for a in amounts])


def within_rounding(where: str, a: Decimal, b: Decimal, figures: list[Amount], at: Amount) -> bool:
    """True when ``a`` and ``b`` differ by no more than the figures' rounding (a non-zero
    difference is still noted, as INFO W404 at ``at``)."""
    diff = abs(a - b)
    tol = tolerance(figures)
    if diff > tol:
        return False
    _note(where, diff, tol, at)
    return True


def format_amount(value: Decimal, unit: str) -> str:
    """An amount in yuan as a message prints it, in ``unit`` with two decimals (1,234.50 万元)."""
    return f"{value / unit_factor(unit):,.2f} {unit}"


def table_label(table: Table) -> str:
    """How a message names a table: its number (表3), else its title."""
    return table.number or table.title


def total_row(table: Table, side: str | None = None) -> TableRow | None:
    """The table's 合计 or 总计 row (of ``side``, for a two-sided table), if it prints one."""
    for row in table.rows:
        if row.is_total and row.side == side and squash(row.name) in ("合计", "总计"):
            return row
    return None
