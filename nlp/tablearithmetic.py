"""Placement by the table's own arithmetic (:mod:`nlp.placement` decides with it where geometry is missing).

Every order-keeping way of putting a row's printed amounts into the table's columns is a candidate
(:func:`candidates`); a candidate is kept only if the row adds up (合计 = its parts, a group's 合计 = its
sub-columns, :func:`nlp.columns.column_groups`), then only if the rows add up with each other (a parent code =
the sum of its children in every column, the 合计 row = the sum of the 类 rows: :func:`narrow`).  Sums hold
within the rounding of the printed figures (:mod:`nlp.rounding`); a blank cell is zero.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations, product
from math import comb

from nlp import codes
from nlp.model import Amount, TableRow
from nlp.rounding import quantum, rounding_tolerance

Placement = tuple[int, ...]  # the column of each printed cell, increasing

MAX_CANDIDATES = 5000  # a row with more order-keeping placements than this is not searched
_MAX_PRODUCT = 20000  # a parent and its children with more joint placements than this are not searched
_ROUNDS = 8  # propagation rounds (each narrows domains; a fixpoint comes much sooner)


def value_at(cells: list[Amount | None], pos: Placement, j: int) -> Amount | None:
    """The printed cell a placement ``pos`` puts in column ``j``, or None when it puts none there."""
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
    return all(_adds_up(value_at(cells, pos, t), [value_at(cells, pos, j) for j in parts]) for t, parts in groups)


def candidates(
    cells: list[Amount | None], width: int, groups: list[tuple[int, list[int]]], wrapped: int = 0
) -> list[Placement]:
    """Every order-keeping placement of the printed cells in which the row adds up.  The first
    ``wrapped`` cells were printed wrapped above and below the row's line: each run keeps its
    order, the two runs interleave in any way."""
    k = len(cells)
    if k == width and not wrapped:
        return [tuple(range(width))]
    if k > width or comb(width, k) > MAX_CANDIDATES:
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
            if len(out) > MAX_CANDIDATES:
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
        total = value_at(pc, choice[0], j)
        parts = [value_at(rows[c].cells, p, j) for c, p in zip(children, choice[1:])]
        if not _adds_up(total, parts):
            return False
    return True


def _nonzero(cells: list[Amount | None], pos: Placement, j: int) -> bool:
    v = value_at(cells, pos, j)
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


def narrow(rows: list[TableRow], domains: dict[int, list[Placement]], width: int) -> None:
    """Keep only placements that take part in some consistent parent/children choice."""
    _narrow(rows, domains, _hierarchy(rows), width)
