"""One report read from two inputs — its extracted text and its published file (a PDF) — and what differs.

The reader is meant to give the same model whichever way a report comes; ``budgetkg eval reader --pdf`` prints
this comparison for every published file whose text lies beside it (``text/<stem>.txt``, or ``<stem>.txt`` in
the same folder).  What is compared needs no reference, only the two models:

* the tables read, and the tables (by their place in the report) whose columns mean other things: the same
  meanings in another order, or columns read with other meanings or known from one input only (counted);
* the **amounts**, each with what places it: the table (its number, else its title), the row's code and name, the
  column's measure and funding source, and the value in yuan — an amount read the same way from both counts once;
  the ones read from one input only are the difference, both ways;
* the same amounts without their column (table, row, value): a difference left here is a row or a figure read
  otherwise, not only a column's meaning;
* coded rows (model rows that carry a classification code), projects with an amount, discrepancies;
* the projects (by unit and name) whose 绩效目标 the two inputs read otherwise, or one input only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from nlp.model import Report, Table

Placed = tuple[str, str | None, str, str, str | None, Decimal]  # table, code, row name, measure, source, value


def _table_key(t: Table) -> str:
    return t.number or t.title


def figures(report: Report) -> Counter[Placed]:
    """Every table amount with what places it (see the module doc), and every project's amount under 'project'."""
    out: Counter[Placed] = Counter()
    for t in report.tables:
        for row in t.rows:
            for i, cell in enumerate(row.cells):
                if cell is None:
                    continue
                col = t.columns[i] if i < len(t.columns) else None
                measure = col.measure if col else f"#{i}"
                out[(_table_key(t), row.code, row.name, measure, col.funding_source if col else None, cell.value)] += 1
    for p in report.projects:
        if p.amount is not None:
            out[("project", p.unit_name, p.name, "total", None, p.amount.value)] += 1
    return out


def _unplaced(placed: Counter[Placed]) -> Counter[tuple]:
    out: Counter[tuple] = Counter()
    for (table, code, name, _, _, value), n in placed.items():
        out[(table, code, name, value)] += n
    return out


def columns_of(t: Table) -> list[tuple[str, str | None]]:
    return [(c.measure, c.funding_source) for c in t.columns]


@dataclass
class Comparison:
    """What differs between a report's two models (:func:`compare`); ``Comparison()`` is nothing compared yet, and
    comparisons add up (``+``) to several reports' total."""

    tables: tuple[int, int] = (0, 0)  # (text, published)
    coded_rows: tuple[int, int] = (0, 0)
    projects_with_amount: tuple[int, int] = (0, 0)
    discrepancies: tuple[int, int] = (0, 0)
    amounts: tuple[int, int] = (0, 0)
    targets_other: int = 0  # projects whose target the two inputs read otherwise (or one only)
    only_text: Counter[Placed] = field(default_factory=Counter)
    only_published: Counter[Placed] = field(default_factory=Counter)
    values_only_text: int = 0  # the same, the column left out
    values_only_published: int = 0
    other_columns: list[str] = field(default_factory=list)  # tables (same place) whose columns mean other things
    # of those, the tables whose columns mean the same things in another order (each amount under the same meaning
    # wherever its column stands: the placed amounts tell whether it is)
    reordered: list[str] = field(default_factory=list)
    # columns of the other tables, place by place: both read and meaning other things; read from one input only
    contradicting: int = 0
    unknown_in: tuple[int, int] = (0, 0)  # (text, published)

    @property
    def same(self) -> bool:
        return (
            not (self.only_text or self.only_published or self.other_columns or self.targets_other)
            and self.tables[0] == self.tables[1]
        )

    def __add__(self, other: Comparison) -> Comparison:
        """The figures of two comparisons summed (several reports' total): each pair side by side, the amounts read
        from one input only and the tables whose columns mean other things together."""

        def pair(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
            return (a[0] + b[0], a[1] + b[1])

        return Comparison(
            tables=pair(self.tables, other.tables),
            coded_rows=pair(self.coded_rows, other.coded_rows),
            projects_with_amount=pair(self.projects_with_amount, other.projects_with_amount),
            discrepancies=pair(self.discrepancies, other.discrepancies),
            amounts=pair(self.amounts, other.amounts),
            targets_other=self.targets_other + other.targets_other,
            only_text=self.only_text + other.only_text,
            only_published=self.only_published + other.only_published,
            values_only_text=self.values_only_text + other.values_only_text,
            values_only_published=self.values_only_published + other.values_only_published,
            other_columns=self.other_columns + other.other_columns,
            reordered=self.reordered + other.reordered,
            contradicting=self.contradicting + other.contradicting,
            unknown_in=pair(self.unknown_in, other.unknown_in),
        )


def _targets_other(text: Report, published: Report) -> int:
    """How many projects (by unit and name) have a target read otherwise from the two inputs, or from one only."""

    def targets(r: Report) -> Counter[tuple]:
        return Counter((p.unit_name, p.name, p.target.text) for p in r.projects if p.target is not None)

    a, b = targets(text), targets(published)
    return max(sum((a - b).values()), sum((b - a).values()))


def compare(text: Report, published: Report) -> Comparison:
    """What the published file's model has that the text's has not, and the other way round."""
    a, b = figures(text), figures(published)
    ua, ub = _unplaced(a), _unplaced(b)
    other: list[str] = []
    reordered: list[str] = []
    contradicting, unknown_text, unknown_published = 0, 0, 0
    for ta, tb in zip(text.tables, published.tables):
        if _table_key(ta) != _table_key(tb) or columns_of(ta) == columns_of(tb):
            continue
        other.append(_table_key(tb))
        if Counter(columns_of(ta)) == Counter(columns_of(tb)):
            reordered.append(_table_key(tb))
            continue
        for (ma, sa), (mb, sb) in zip(columns_of(ta), columns_of(tb)):
            if (ma == "unknown") != (mb == "unknown"):
                unknown_text += ma == "unknown"
                unknown_published += mb == "unknown"
            elif ma != "unknown" and (ma, sa) != (mb, sb):
                contradicting += 1
    return Comparison(
        tables=(len(text.tables), len(published.tables)),
        coded_rows=tuple(sum(1 for t in r.tables for row in t.rows if row.code) for r in (text, published)),  # type: ignore[arg-type]
        projects_with_amount=tuple(sum(1 for p in r.projects if p.amount is not None) for r in (text, published)),  # type: ignore[arg-type]
        discrepancies=(len(text.discrepancies), len(published.discrepancies)),
        amounts=(sum(a.values()), sum(b.values())),
        targets_other=_targets_other(text, published),
        only_text=a - b,
        only_published=b - a,
        values_only_text=sum((ua - ub).values()),
        values_only_published=sum((ub - ua).values()),
        other_columns=other,
        reordered=reordered,
        contradicting=contradicting,
        unknown_in=(unknown_text, unknown_published),
    )
