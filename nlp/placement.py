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
  of the 类 rows);
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
from itertools import combinations, pairwise, product
from math import comb

from nlp import codes
from nlp.columns import column_groups, measure_of
from nlp.errors import Diagnostics
from nlp.model import Amount, Box, Column, Table, TableRow
from nlp.rounding import quantum, rounding_tolerance
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES

Placement = tuple[int, ...]  # the column of each printed cell, increasing

_MAX_CANDIDATES = 5000  # a row with more order-keeping placements than this is not searched
_MAX_PRODUCT = 20000  # a parent and its children with more joint placements than this are not searched
_ROUNDS = 8  # propagation rounds (each narrows domains; a fixpoint comes much sooner)


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


def _value(cells: list[Amount | None], pos: Placement, j: int) -> Amount | None:
    try:
        return cells[pos.index(j)]
    except ValueError:
        return None


def _adds_up(total: Amount | None, parts: list[Amount | None]) -> bool:
    """``total`` = Σ ``parts`` within the rounding of the printed figures (blank = 0)."""
    figures = [a for a in [total, *parts] if a is not None]
    t = total.value if total is not None else Decimal(0)
    s = sum((p.value for p in parts if p is not None), Decimal(0))
    return abs(t - s) <= rounding_tolerance([quantum(a.printed, a.unit) for a in figures])


def row_adds_up(cells: list[Amount | None], pos: Placement, groups: list[tuple[int, list[int]]]) -> bool:
    return all(_adds_up(_value(cells, pos, t), [_value(cells, pos, j) for j in parts]) for t, parts in groups)


def candidates(
    cells: list[Amount | None], width: int, groups: list[tuple[int, list[int]]], wrapped: int = 0
) -> list[Placement]:
    """Every order-keeping placement of the printed cells in which the row adds up.  The first
    ``wrapped`` cells were printed wrapped above and below the row's line: each run keeps its
    order, the two runs interleave in any way."""
    k = len(cells)
    if k == width and not wrapped:
        return [tuple(range(width))]
    if k > width or comb(width, k) > _MAX_CANDIDATES:
        return []
    if not wrapped:
        return [pos for pos in combinations(range(width), k) if row_adds_up(cells, pos, groups)]
    return [pos for pos in interleavings(width, wrapped, k - wrapped) if row_adds_up(cells, pos, groups)]


def interleavings(width: int, first: int, second: int) -> list[Placement]:
    """Placements of two runs of cells (``first`` cells, then ``second``), each in order."""
    out = []
    for spots in combinations(range(width), first + second):
        for a in combinations(spots, first):
            rest = tuple(j for j in spots if j not in a)
            out.append(a + rest)
            if len(out) > _MAX_CANDIDATES:
                return out
    return out


def _hierarchy(rows: list[TableRow]) -> list[tuple[int, list[int]]]:
    """(parent row, child rows): codes printed once each, and the 合计 row over the 类 rows."""
    where: dict[str, int] = {}
    twice: set[str] = set()
    for i, r in enumerate(rows):
        if r.code:
            if r.code in where:
                twice.add(r.code)
            where.setdefault(r.code, i)
    for c in twice:  # printed twice (one block per unit?): which rows are its children is unclear
        del where[c]
    kids: dict[int, list[int]] = {}
    for code, i in where.items():
        parent = codes.parent(code)
        if parent in where:
            kids.setdefault(where[parent], []).append(i)
    out = [(p, sorted(ch)) for p, ch in kids.items()]
    total = next((i for i, r in enumerate(rows) if r.is_total and r.name.replace(" ", "") in ("合计", "总计")), None)
    classes = [i for c, i in where.items() if len(c) == 3]
    if total is not None and classes and not any(r.unit_name for r in rows):
        out.append((total, sorted(classes)))
    return out


def _consistent(
    rows: list[TableRow], parent: int, children: list[int], choice: tuple[Placement, ...], width: int
) -> bool:
    pc = rows[parent].cells
    for j in range(width):
        total = _value(pc, choice[0], j)
        parts = [_value(rows[c].cells, p, j) for c, p in zip(children, choice[1:])]
        if not _adds_up(total, parts):
            return False
    return True


def _nonzero(cells: list[Amount | None], pos: Placement, j: int) -> bool:
    v = _value(cells, pos, j)
    return v is not None and v.value != 0


def _zero_columns(
    rows: list[TableRow], domains: dict[int, list[Placement]], parent: int, children: list[int], width: int
) -> bool:
    """A column in which the parent is certainly 0 is 0 in every child (amounts that are
    never negative cannot add up to 0 otherwise): drop the children's placements that put
    an amount there.  Cheap where enumerating every joint placement is not."""
    pc = rows[parent].cells
    if any(c is not None and c.value < 0 for m in (parent, *children) for c in rows[m].cells):
        return False
    zero = [j for j in range(width) if not any(_nonzero(pc, p, j) for p in domains[parent])]
    changed = False
    for c in children:
        keep = [p for p in domains[c] if not any(_nonzero(rows[c].cells, p, j) for j in zero)]
        if keep and len(keep) < len(domains[c]):
            domains[c] = keep
            changed = True
    return changed


def _narrow(
    rows: list[TableRow], domains: dict[int, list[Placement]], hierarchy: list[tuple[int, list[int]]], width: int
) -> None:
    """Keep only placements that take part in some consistent parent/children choice."""
    for _ in range(_ROUNDS):
        changed = False
        for parent, children in hierarchy:
            members = [parent, *children]
            if any(m not in domains for m in members) or all(len(domains[m]) == 1 for m in members):
                continue
            changed |= _zero_columns(rows, domains, parent, children, width)
            changed |= _bounds(rows, domains, members, width)
            size = 1
            for m in members:
                size *= len(domains[m])
            if size == 0 or size > _MAX_PRODUCT:
                continue
            keep = _consistent_choices(rows, domains, members, width)
            if keep is None:
                keep = [set() for _ in members]
                for choice in product(*(domains[m] for m in members)):
                    if _consistent(rows, parent, children, choice, width):
                        for s, p in zip(keep, choice):
                            s.add(p)
            if not keep[0]:
                continue  # the figures do not add up whatever the placement: a discrepancy of the source
            for m, s in zip(members, keep):
                if len(s) < len(domains[m]):
                    domains[m] = [p for p in domains[m] if p in s]
                    changed = True
        if not changed:
            return


def _bounds(rows: list[TableRow], domains: dict[int, list[Placement]], members: list[int], width: int) -> bool:
    """Bounds through a family where enumerating every joint placement is too dear: a parent's
    figure in a column lies between the least and the most its children can put there, and so
    does each child's, given the others (figures never negative, in whole quanta of one size)."""
    cells = [rows[m].cells for m in members]
    figures = [c for cs in cells for c in cs if c is not None]
    if not figures or any(c.value < 0 for c in figures):
        return False
    quanta = {quantum(c.printed, c.unit) for c in figures}
    if len(quanta) != 1:
        return False
    q = quanta.pop()
    tol = (len(members) + 1) // 2  # the most rounding can explain in one column (whole quanta)

    def vec(cs: list[Amount | None], p: Placement) -> list[int]:
        v = [0] * width
        for t, j in enumerate(p):
            c = cs[t] if t < len(cs) else None
            if c is not None:
                v[j] = int(c.value / q)
        return v

    vecs = [[vec(cells[k], p) for p in domains[m]] for k, m in enumerate(members)]
    changed = False
    for _ in range(_ROUNDS):
        lo = [[min(v[j] for v in vs) for j in range(width)] for vs in vecs]
        hi = [[max(v[j] for v in vs) for j in range(width)] for vs in vecs]
        kid_lo = [sum(lo[k][j] for k in range(1, len(members))) for j in range(width)]
        kid_hi = [sum(hi[k][j] for k in range(1, len(members))) for j in range(width)]
        round_changed = False
        # the parent
        keep = [
            i for i, v in enumerate(vecs[0]) if all(kid_lo[j] - tol <= v[j] <= kid_hi[j] + tol for j in range(width))
        ]
        if keep and len(keep) < len(vecs[0]):
            vecs[0] = [vecs[0][i] for i in keep]
            domains[members[0]] = [domains[members[0]][i] for i in keep]
            round_changed = True
        p_lo = [min(v[j] for v in vecs[0]) for j in range(width)]
        p_hi = [max(v[j] for v in vecs[0]) for j in range(width)]
        # each child, given its siblings
        for k in range(1, len(members)):
            o_lo = [kid_lo[j] - lo[k][j] for j in range(width)]
            o_hi = [kid_hi[j] - hi[k][j] for j in range(width)]
            keep = [
                i
                for i, v in enumerate(vecs[k])
                if all(p_lo[j] - o_hi[j] - tol <= v[j] <= p_hi[j] - o_lo[j] + tol for j in range(width))
            ]
            if keep and len(keep) < len(vecs[k]):
                vecs[k] = [vecs[k][i] for i in keep]
                domains[members[k]] = [domains[members[k]][i] for i in keep]
                round_changed = True
        if not round_changed:
            break
        changed = True
    return changed


def _consistent_choices(
    rows: list[TableRow], domains: dict[int, list[Placement]], members: list[int], width: int
) -> list[set[Placement]] | None:
    """:func:`_consistent` over every joint placement, in whole quanta: the same answer, fast,
    when every figure of the family is printed to one quantum (else ``None``)."""
    quanta = {quantum(c.printed, c.unit) for m in members for c in rows[m].cells if c is not None}
    if len(quanta) != 1:
        return None
    q = quanta.pop()
    vectors: list[list[tuple[tuple[int, ...], tuple[int, ...], Placement]]] = []
    for m in members:
        cells = rows[m].cells
        out = []
        for p in domains[m]:
            vals = [0] * width
            seen = [0] * width
            for t, j in enumerate(p):
                c = cells[t] if t < len(cells) else None
                if c is not None:
                    vals[j] = int(c.value / q)
                    seen[j] = 1
            out.append((tuple(vals), tuple(seen), p))
        vectors.append(out)
    keep: list[set[Placement]] = [set() for _ in members]
    parents, kids = vectors[0], vectors[1:]
    for choice in product(*kids):
        sums = [0] * width
        counts = [0] * width
        for kvals, kseen, _ in choice:
            for j in range(width):
                if kseen[j]:
                    sums[j] += kvals[j]
                    counts[j] += 1
        for pvals, pseen, pp in parents:
            ok = True
            for j in range(width):
                n = counts[j] + pseen[j]
                tol = n // 2 if n > 2 else 0
                if abs(pvals[j] - sums[j]) > tol:
                    ok = False
                    break
            if ok:
                keep[0].add(pp)
                for s, (_, _, p) in zip(keep[1:], choice):
                    s.add(p)
    return keep


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*")


def income_totals(summary: Table) -> dict[str, Decimal]:
    """What a 收支总表 says each source of income totals (一、财政拨款收入 471,452,100;
    二、事业收入 printed blank = 0), by measure: the same figures an income table's 合计
    row prints in its columns.  Only from a summary whose income side has one column."""
    income = [c for c in summary.columns if c.side == "income"]
    if len(income) != 1:
        return {}
    out: dict[str, Decimal] = {}
    for row in summary.rows:
        if row.side != "income" or row.is_total:
            continue
        measure = measure_of(_ENUMERATOR.sub("", row.name))
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
        if all((value.value if (value := _value(cells, p, j)) is not None else Decimal(0)) == v for j, v in checks)
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
            domains[i] = list(combinations(range(width), k)) if comb(width, k) <= _MAX_CANDIDATES else []
    if known_totals and not _pin_total(rows, cols, domains, known_totals, groups):
        adds_up = set()
    if narrowing:
        narrow(rows, domains, width)
    return domains, geometric, adds_up


def narrow(rows: list[TableRow], domains: dict[int, list[Placement]], width: int) -> None:
    """Keep only placements that take part in some consistent parent/children choice."""
    _narrow(rows, domains, _hierarchy(rows), width)


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
                row.cells = [_value(row.cells, geometric[i], j) for j in range(width)]
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
            row.cells = place_side(row, cols, diag, label)
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


def place_side(row: TableRow, cols: list[Column], diag: Diagnostics, label: str) -> list[Amount | None]:
    """A 收支总表 row's amounts in the columns of its side (收入 or 支出)."""
    mine = [c for c in cols if c.side == row.side]
    out: list[Amount | None] = [None] * len(cols)
    for c, cell in zip(mine, row.cells):
        out[c.index] = cell
    if len(row.cells) > len(mine):
        diag.warn("W303", line=row.span.line, table=label, name=row.name, found=len(row.cells), expected=len(mine))
    return out
