"""Cell placement: which value column each printed amount of a row belongs to.

A row prints its amounts in column order, but an empty cell prints nothing, so a
row may print fewer amounts than the table has columns
(``201 03 02 一般行政管理事务 46,140,000.00 46,140,000.00`` under 合计 / 基本支出 /
项目支出).  :func:`place_table` decides, for the whole table at once:

* **by geometry** where the amounts and the column headers have x-extents (a PDF
  read with boxes, :meth:`nlp.normalize.NormalizedText.box_of`): an amount goes to
  the column it overlaps most;
* **by the table's own arithmetic** otherwise: every order-keeping way of putting
  the row's amounts into the columns is a candidate; candidates are kept only if
  the row adds up (合计 = its parts, a group's 合计 = its sub-columns,
  :func:`nlp.columns.column_groups`), then only if the rows add up with each other
  (a parent code = the sum of its children in every column, the 合计 row = the sum
  of the 类 rows) — that search is :mod:`nlp.tablearithmetic`'s;
* each path **cross-checks** the other: a row placed by geometry that does not add
  up is warned about (W311).

Only what is certain is stored: an amount whose column stays ambiguous after all
this is left out of the row with warning W310 — a column is never guessed.  A blank
cell is zero for the arithmetic (the templates print nothing for 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, pairwise
from math import comb

from nlp.columns import column_groups, measure_of, value_phrases
from nlp.errors import Diagnostics
from nlp.model import Amount, Box, Column, Table, TableRow
from nlp.tablearithmetic import MAX_CANDIDATES, Placement, candidates, interleavings, narrow, row_adds_up, value_at
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES


@dataclass(frozen=True)
class Extent:
    """Where a cell or a column header stands across the page, in PDF points."""

    x0: float
    x1: float

    @classmethod
    def of(cls, box: Box | None) -> Extent | None:
        return None if box is None else cls(box.x0, box.x1)

    def overlap(self, other: Extent) -> float:
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def by_geometry(cells: list[Extent | None], columns: list[Extent | None]) -> Placement | None:
    """The column of each cell from x-extents, or ``None`` when an extent is missing or
    the cells would not land in distinct columns left to right."""
    if not cells or not columns or any(c is None for c in cells) or any(c is None for c in columns):
        return None
    out: list[int] = []
    for cell in cells:
        assert cell is not None
        best = max(range(len(columns)), key=lambda j: (columns[j].overlap(cell), -abs(columns[j].centre - cell.centre)))  # type: ignore[union-attr]
        out.append(best)
    if any(b <= a for a, b in pairwise(out)):
        return None
    return tuple(out)


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*")


def income_totals(summary: Table) -> dict[str, Decimal]:
    """What a 收支总表 says each source of income totals (一、财政拨款收入 385,916,400;
    二、事业收入 printed blank = 0), by measure: the same figures an income table's 合计
    row prints in its columns.  Only from a summary whose income side has one column."""
    income = [c for c in summary.columns if c.side == "income"]
    if len(income) != 1:
        return {}
    out: dict[str, Decimal] = {}
    for row in summary.rows:
        if row.side != "income" or row.is_total:
            continue
        label = _ENUMERATOR.sub("", row.name)
        if len({key for _, key in value_phrases(label)}) > 1:
            continue  # items' labels run together (使用非财政拨款结余 结余分配 年初结转和结余): no one source's row
        measure = measure_of(label)
        if measure not in FUNDING_SOURCES or measure in out:
            continue
        cell = row.cells[income[0].index] if income[0].index < len(row.cells) else None
        out[measure] = cell.value if cell is not None else Decimal(0)
    total = next(
        (
            r
            for r in summary.rows
            if r.side == "income"
            and measure_of(r.name) in ("total", "current_income")
            and "本年收入" in r.name.replace(" ", "")
        ),
        None,
    )
    cell = total.cells[income[0].index] if total is not None and income[0].index < len(total.cells) else None
    if out and cell is not None and sum(out.values(), Decimal(0)) == cell.value:
        # the sources it prints make up the year's income: those it prints no row for are 0
        for measure in FUNDING_SOURCES:
            out.setdefault(measure, Decimal(0))
        out["fiscal_appropriation"] = out.get("fiscal_appropriation") or sum(
            (out[m] for m in COLUMN_GROUPS["fiscal_appropriation"]), Decimal(0)
        )
    return out


def _pin_total(
    rows: list[TableRow],
    cols: list[Column],
    domains: dict[int, list[Placement]],
    known: dict[str, Decimal],
    groups: list[tuple[int, list[int]]] | None = None,
) -> bool:
    """The 合计 row of an income table prints, in each source's column, the total the 收支总表
    gives for that source: keep only the placements of that row that agree.  False when none
    does (the columns are not what that table says)."""
    total = next((i for i, r in enumerate(rows) if r.is_total and r.name.replace(" ", "") in ("合计", "总计")), None)
    if total is None or total not in domains:
        return True
    checks = [(c.index, known[c.measure]) for c in cols if c.measure in known]
    if not checks:
        return True
    cells = rows[total].cells
    groups = groups if groups is not None else (column_groups(cols, None) or [])
    if groups and groups[0][0] == 0 and cells and cells[0] is not None:
        top = groups[0][1]
        named = {j for j, _ in checks}
        # the sources the summary names already make up the whole: the others (never negative) are 0
        if sum((v for j, v in checks if j in top), Decimal(0)) == cells[0].value:
            checks += [(j, Decimal(0)) for j in top if j not in named]
    agree = [
        p
        for p in domains[total]
        if all((value.value if (value := value_at(cells, p, j)) is not None else Decimal(0)) == v for j, v in checks)
    ]
    if agree:
        domains[total] = agree
    return bool(agree)


def table_domains(
    rows: list[TableRow],
    cols: list[Column],
    groups: list[tuple[int, list[int]]],
    diag: Diagnostics | None = None,
    label: str = "",
    cell_extents: dict[int, list[Extent | None]] | None = None,
    column_extents: list[Extent | None] | None = None,
    known_totals: dict[str, Decimal] | None = None,
    narrowing: bool = True,
) -> tuple[dict[int, list[Placement]], dict[int, Placement], set[int]]:
    """(placements still possible per row, rows placed by geometry, rows whose figures add up
    in some placement) — the search :func:`place_table` decides from, before anything is stored.
    Rows adding up are ``set()`` when the known totals contradict the columns outright."""
    width = len(cols)
    domains: dict[int, list[Placement]] = {}
    geometric: dict[int, Placement] = {}
    adds_up: set[int] = set()
    for i, row in enumerate(rows):
        k = len(row.cells)
        if k == 0:
            domains[i] = [()]  # nothing printed: zero in every column
            continue
        if k > width:
            continue
        geo = by_geometry((cell_extents or {}).get(i, []), column_extents or [])
        if geo is not None:
            geometric[i] = geo
            domains[i] = [geo]
            if row_adds_up(row.cells, geo, groups):
                adds_up.add(i)
            elif diag is not None:
                diag.warn("W311", line=row.span.line, table=label, name=row.name)
            continue
        domains[i] = candidates(row.cells, width, groups, row._wrapped)
        if domains[i]:
            adds_up.add(i)
        elif row._wrapped:
            domains[i] = interleavings(width, row._wrapped, k - row._wrapped)
        else:
            # no placement adds up (a discrepancy of the source, or more columns than known):
            # the arithmetic says nothing, every order-keeping placement stays possible
            domains[i] = list(combinations(range(width), k)) if comb(width, k) <= MAX_CANDIDATES else []
    if known_totals and not _pin_total(rows, cols, domains, known_totals, groups):
        adds_up = set()
    if narrowing:
        narrow(rows, domains, width)
    return domains, geometric, adds_up


def place_table(
    rows: list[TableRow],
    cols: list[Column],
    kind: str | None,
    diag: Diagnostics,
    label: str,
    cell_extents: dict[int, list[Extent | None]] | None = None,
    column_extents: list[Extent | None] | None = None,
    known_totals: dict[str, Decimal] | None = None,
    groups: list[tuple[int, list[int]]] | None = None,
) -> None:
    """Put every row's printed cells into the table's columns (in place).

    ``cell_extents[i]`` are the x-extents of row ``i``'s printed cells, ``column_extents``
    those of the columns' headers; either may be missing (plain text).  ``known_totals``
    are the column totals another table of the report prints (:func:`income_totals`).
    ``groups`` (total column, its parts) when the header says them (:mod:`nlp.headergrid`),
    else they come from the columns' meanings (:func:`nlp.columns.column_groups`).
    """
    if groups is None:
        groups = column_groups(cols, kind) or []
    domains, geometric, _ = table_domains(rows, cols, groups, diag, label, cell_extents, column_extents, known_totals)
    apply(rows, len(cols), domains, geometric, diag, label)


def apply(
    rows: list[TableRow],
    width: int,
    domains: dict[int, list[Placement]],
    geometric: dict[int, Placement],
    diag: Diagnostics,
    label: str,
) -> None:
    """Store each row's cells where every placement left agrees; warn (W310) about the rest."""
    for i, row in enumerate(rows):
        k = len(row.cells)
        if (k == width and not row._wrapped) or (i in geometric and k <= width):
            if i in geometric:
                row.cells = [value_at(row.cells, geometric[i], j) for j in range(width)]
            continue
        if k == 0:
            row.cells = [None] * width
            continue
        if k > width:
            diag.warn("W303", line=row.span.line, table=label, name=row.name, found=k, expected=width)
            row.cells = row.cells[:width]
            continue
        options = domains.get(i, [])
        placed: list[Amount | None] = [None] * width
        uncertain = []
        for t, cell in enumerate(row.cells):
            spots = {p[t] for p in options}
            if len(spots) == 1:
                placed[spots.pop()] = cell
            elif cell is not None:
                uncertain.append(cell)
        if uncertain:
            uncertain = _same_figure_everywhere(row.cells, options, placed, uncertain)
        if uncertain:
            diag.warn(
                "W310",
                line=row.span.line,
                table=label,
                name=row.name,
                found=k,
                expected=width,
                amounts=", ".join(c.printed for c in uncertain),
                options=len(options),
            )
        row.cells = placed


def _same_figure_everywhere(
    printed: list[Amount | None], options: list[Placement], placed: list[Amount | None], uncertain: list[Amount]
) -> list[Amount]:
    """Columns that every placement left fills with the same printed figure (a figure wrapped in a narrow cell beside
    an equal one on the row's line: whichever the order, the 总计 column holds 985,764.90) get that figure — the first
    of the uncertain ones printed so, as :func:`nlp.layoutsearch` does for readings; the rest stay uncertain."""
    if not options:
        return uncertain
    left = list(uncertain)
    for j in range(len(placed)):
        if placed[j] is not None:
            continue
        texts = set()
        for p in options:
            at = [t for t, s in enumerate(p) if s == j and t < len(printed) and printed[t] is not None]
            if len(at) != 1:
                break
            texts.add(printed[at[0]].printed)  # type: ignore[union-attr]
        else:
            if len(texts) == 1:
                (text,) = texts
                c = next((c for c in left if c.printed == text), None)
                if c is not None:
                    placed[j] = c
                    left.remove(c)
    return left


def fit_rows(
    rows: list[TableRow],
    cols: list[Column],
    garbage: dict[int, list[bool]],
    summary: bool,
    diag: Diagnostics,
    label: str,
    kind: str | None = None,
    cell_extents: dict[int, list[Extent | None]] | None = None,
    column_extents: list[Extent | None] | None = None,
    known_totals: dict[str, Decimal] | None = None,
    groups: list[tuple[int, list[int]]] | None = None,
) -> None:
    """Give every row exactly one cell per column (in place)."""
    width = len(cols)
    drop_marks(rows, width, garbage, cell_extents)
    if summary and cols:
        for row in rows:
            row.cells = place_side(row, cols, diag, label, column_extents)
        return
    place_table(rows, cols, kind, diag, label, cell_extents, column_extents, known_totals, groups)


def drop_marks(
    rows: list[TableRow],
    width: int,
    garbage: dict[int, list[bool]],
    cell_extents: dict[int, list[Extent | None]] | None = None,
) -> None:
    """A mark read in an empty cell (行次/栏次 column) where a row prints one cell too many:
    dropped, so that the amounts stay aligned."""
    for ri, row in enumerate(rows):
        n = len(row.cells)
        flags = garbage.get(ri, [])
        if n > width and n - sum(flags) == width:
            row.cells = [c for c, bad in zip(row.cells, flags) if not bad]
            if cell_extents and ri in cell_extents:
                cell_extents[ri] = [e for e, bad in zip(cell_extents[ri], flags) if not bad]


def place_side(
    row: TableRow,
    cols: list[Column],
    diag: Diagnostics,
    label: str,
    column_extents: list[Extent | None] | None = None,
) -> list[Amount | None]:
    """A 收支总表 row's amounts in the columns of its side (收入 or 支出): each in the column it stands in when the
    page says where the columns stand (``column_extents``, by column index), else left to right."""
    mine = [c for c in cols if c.side == row.side]
    out: list[Amount | None] = [None] * len(cols)
    placed = (
        by_geometry(
            [Extent.of(c.span.box) if c is not None else None for c in row.cells],
            [column_extents[c.index] for c in mine],
        )
        if column_extents is not None and len(row.cells) <= len(mine)
        else None
    )
    if placed is not None:
        for j, cell in zip(placed, row.cells):
            out[mine[j].index] = cell
        return out
    for c, cell in zip(mine, row.cells):
        out[c.index] = cell
    if len(row.cells) > len(mine):
        diag.warn("W303", line=row.span.line, table=label, name=row.name, found=len(row.cells), expected=len(mine))
    return out
