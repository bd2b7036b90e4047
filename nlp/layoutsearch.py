"""A table whose header the text leaves open: its columns and cells, decided by its figures.

:func:`nlp.headergrid.align` may give several readings of a header (a tall cell could stand
left or right of a neighbour; the text keeps no position).  Each reading is a set of columns
with their arithmetic (合计 = its parts, as the header nests them).  Here every reading is
tried with every order-keeping placement of every row's amounts (:mod:`nlp.placement`):

* the readings under which the most rows add up are kept (a wrong order of columns breaks
  the sums of every row that prints its parts);
* then the same figure in another table: where a code has the same total in a table whose
  columns are certain, its parts are the same money there (as in :mod:`nlp.columnorder`),
  so placements that put other figures in those columns are dropped, and the parent rows
  follow through the code hierarchy;
* an amount is stored only where every reading and placement left gives it one meaning
  (measure, source of funds, phase, year); the others are left out with W310.

The table keeps the first reading left; where the readings left disagree on where a column
stands, the table says so (W313) — its figures are certain, the printed order of those
columns is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from nlp import headermeaning
from nlp.errors import Diagnostics
from nlp.model import Amount, Column, Phase, Table, TableRow
from nlp.placement import table_domains
from nlp.rounding import quantum, rounding_tolerance
from nlp.tablearithmetic import Placement, candidates, narrow, row_adds_up
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES, MEASURE_WITHIN


@dataclass
class Reading:
    columns: list[Column]
    sums: list[tuple[int, list[int]]]
    #: the columns the header's phrases give, read as before where the figures decide none of the readings (a
    #: header whose phrases name nothing, read many ways: its figures stored under unknown columns, not lost)
    fallback: list[Column] | None = None


def meaning(col: Column) -> tuple:
    return (col.measure, col.funding_source, col.phase, col.year, col.side, col.qualifier)


@dataclass
class Decided:
    columns: list[Column]
    rows: list[list[Amount | None]]  # cells per row, in the chosen columns
    uncertain: int = 0  # printed amounts left out: their meaning is not certain
    shaky: set[int] = field(default_factory=set)  # columns where such amounts would stand
    unsure_figures: int = 0  # of them, those that are not zero
    undecided: bool = False  # no reading makes any row add up: the figures decide no order


def decide(
    rows: list[TableRow],
    readings: list[Reading],
    diag: Diagnostics,
    label: str,
    evidence: list[Table] | None = None,
    known_totals: dict[str, Decimal] | None = None,
    warn: bool = True,
    shaky: dict[int, set[int]] | None = None,
) -> Decided:
    """The columns and the certain cells of every row (see the module doc).

    The placements every reading allows are pooled by what they mean (measure, source, phase,
    year), and the code hierarchy narrows the pool once: a looser search than one per reading
    (a parent and its children may take their placements from different readings), so it may
    leave more cells uncertain, never fewer."""
    scored = [
        (r, sum(_adds_up_under(row, r) for row in rows if 0 < len(row.cells) <= len(r.columns))) for r in readings
    ]
    top = max(n for _, n in scored)
    # no reading makes any row add up that some row could: the figures decide no order, and naming the columns the
    # readings disagree on would be naming them by chance
    undecided = top == 0 and len(readings) > 1 and any(0 < len(row.cells) <= len(readings[0].columns) for row in rows)
    best = [r for r, n in scored if n == top]
    scored_domains = []
    for r in best:
        d, _, adds_up = table_domains(rows, r.columns, r.sums, known_totals=known_totals, narrowing=False)
        scored_domains.append((r, d, len(adds_up)))
    if any(n for _, _, n in scored_domains):  # readings the known totals (收支总表) contradict are out
        scored_domains = [(r, d, n) for r, d, n in scored_domains if n]
    per_reading = [(r, d) for r, d, _ in scored_domains]
    if any(row._wrapped for row in rows):
        per_reading = [(r, d) for r, d in per_reading if _capacity(rows, d, len(r.columns))]
    if evidence:
        # the readings the other tables contradict in the fewest rows (a row no placement of a
        # reading agrees with is a discrepancy printed in one table, or the reading is wrong)
        pinned = []
        for r, d in per_reading:
            d = dict(d)
            pinned.append((_pin_by_evidence(rows, r, d, evidence, shaky or {}), r, d))
        fewest = min(n for n, _, _ in pinned)
        if any(n > fewest for n, _, _ in pinned):
            per_reading = [(r, d) for n, r, d in pinned if n == fewest]
        elif fewest == 0:
            per_reading = [(r, d) for _, r, d in pinned]
    space: dict[tuple, int] = {}
    pooled: dict[int, set[tuple[int, ...]]] = {}
    for r, d in per_reading:
        idx = [space.setdefault(meaning(c), len(space)) for c in r.columns]
        for i, ps in d.items():
            pooled.setdefault(i, set()).update(tuple(idx[j] for j in p) for p in ps)
    domains = {i: sorted(ps) for i, ps in pooled.items()}
    narrow(rows, domains, len(space))
    kept = [r for r, _ in per_reading]
    out_cols = kept[0].columns
    where = {space[meaning(c)]: i for i, c in enumerate(out_cols)}
    cells: list[list[Amount | None]] = []
    left_out = unsure = 0
    loose_cols: set[int] = set()
    for i, row in enumerate(rows):
        placed: list[Amount | None] = [None] * len(out_cols)
        uncertain = []
        options = domains.get(i, [])
        for t, cell in enumerate(row.cells):
            if cell is None:
                continue
            spots = {p[t] for p in options if t < len(p)}
            target = where.get(next(iter(spots))) if len(spots) == 1 else None
            if target is not None and placed[target] is None:
                placed[target] = cell
            else:
                uncertain.append(cell)
        if uncertain and options:
            uncertain = _same_in_every_placement(row.cells, options, where, placed, uncertain)
        left_out += len(uncertain)
        unsure += sum(c.value != 0 for c in uncertain)
        for t, cell in enumerate(row.cells):
            if cell is not None and cell in uncertain:
                loose_cols.update(where[m] for m in {p[t] for p in options if t < len(p)} if m in where)
        if uncertain and warn:
            diag.warn(
                "W310",
                line=row.span.line,
                table=label,
                name=row.name,
                found=len(row.cells),
                expected=len(out_cols),
                amounts=", ".join(c.printed for c in uncertain),
                options=max(len(options), 1),
            )
        cells.append(placed)
    out_cols = list(out_cols)
    if len(kept) > 1:
        # a column whose place the readings left disagree on: named only where figures of its own
        # meaning are certain (W313: its printed order is then one the figures allow), else unknown
        filled = {j for row in cells for j, c in enumerate(row) if c is not None and c.value != 0}
        loose: list[str] = []
        unnamed: list[str] = []  # columns no row's figures place (undecided): unknown, never named by chance
        for j, c in enumerate(out_cols):
            if all(len(r.columns) == len(out_cols) and meaning(r.columns[j]) == meaning(c) for r in kept):
                continue
            if not undecided and (j in filled or (j not in loose_cols and any(row[j] is not None for row in cells))):
                loose.append(c.header or c.measure)
                continue
            if undecided:
                unnamed.append(c.header or c.measure)
                loose_cols.add(j)  # no evidence for another table either
                dropped = sum(placed[j] is not None for placed in cells)
                left_out += dropped
                unsure += sum(placed[j] is not None and placed[j].value != 0 for placed in cells)  # type: ignore[union-attr]
            out_cols[j] = Column(
                index=j, header="", measure="unknown", funding_source=c.funding_source, phase=c.phase, side=c.side
            )
            for placed in cells:
                placed[j] = None
        at = rows[0].span.line if rows else 0
        if loose and warn:
            diag.info("W313", line=at, table=label, columns="、".join(loose))
        if unnamed and warn:
            diag.warn("W324", line=at, table=label, columns="、".join(unnamed), readings=len(kept))
    return Decided(out_cols, cells, left_out, loose_cols, unsure, undecided=undecided and len(kept) > 1)


def _same_in_every_placement(
    printed: list[Amount | None],
    options: list[Placement],
    where: dict[int, int],
    placed: list[Amount | None],
    uncertain: list[Amount],
) -> list[Amount]:
    """Place the figures whose column every placement left fills with the same printed figure
    (five 0.00 that two readings order differently: each column holds 0.00 whichever is right);
    the rest stay uncertain.  Such figures are taken in printed order, the columns in theirs."""
    same: list[int] = []
    for m, target in sorted(where.items(), key=lambda kv: kv[1]):
        if placed[target] is not None:
            continue
        texts = set()
        for p in options:
            at = [t for t, s in enumerate(p) if s == m and t < len(printed) and printed[t] is not None]
            if len(at) != 1:
                break
            texts.add(printed[at[0]].printed)  # type: ignore[union-attr]
        else:
            if len(texts) == 1:
                same.append(target)
    if not same:
        return uncertain
    by_text: dict[str, list[Amount]] = {}
    for c in uncertain:
        by_text.setdefault(c.printed, []).append(c)
    left = list(uncertain)
    for target in same:
        m = next(k for k, v in where.items() if v == target)
        text = next(printed[t].printed for t, s in enumerate(options[0]) if s == m)  # type: ignore[union-attr]
        if by_text.get(text):
            c = by_text[text].pop(0)
            placed[target] = c
            left.remove(c)
    return left


def _adds_up_under(row: TableRow, reading: Reading) -> bool:
    """Does the row add up in some placement under the reading — a row printing every cell in its own column, one to
    one (placed so whatever its sums say: a discrepancy is the source's, but it is no evidence for the reading)."""
    width = len(reading.columns)
    if len(row.cells) == width and not row._wrapped:
        return row_adds_up(row.cells, tuple(range(width)), reading.sums)
    return bool(candidates(row.cells, width, reading.sums, row._wrapped))


def _capacity(rows: list[TableRow], domains: dict[int, list[Placement]], width: int) -> bool:
    """Figures wrapped inside their cell (``1264.3`` / ``7``) show how narrow the column is: a
    column where a figure of some length wrapped holds no figure that long unwrapped, and one
    that holds a figure unwrapped wraps none as short.  Placements against what the rows show for
    certain are dropped, through the code hierarchy too.  False when a row is left with none."""
    for _ in range(8):
        fits: dict[int, int] = {}  # column → longest figure certainly there unwrapped
        wraps: dict[int, int] = {}  # column → shortest figure certainly there wrapped
        for i, row in enumerate(rows):
            options = domains.get(i)
            if not options:
                continue
            for t, cell in enumerate(row.cells):
                spots = {p[t] for p in options if t < len(p)}
                if cell is None or len(spots) != 1:
                    continue
                j, n = spots.pop(), len(cell.printed)
                if t < row._wrapped:
                    wraps[j] = min(wraps.get(j, n), n)
                else:
                    fits[j] = max(fits.get(j, n), n)
        changed = False
        for i, row in enumerate(rows):
            options = domains.get(i)
            if not options or (not row._wrapped and not any(j in wraps for p in options for j in p)):
                continue
            keep = [
                p
                for p in options
                if all(
                    cell is None
                    or (
                        len(cell.printed) > fits.get(p[t], 0)
                        if t < row._wrapped
                        else len(cell.printed) < wraps.get(p[t], 10**6)
                    )
                    for t, cell in enumerate(row.cells)
                    if t < len(p)
                )
            ]
            if not keep:
                return False
            if len(keep) < len(options):
                domains[i] = keep
                changed = True
        if not changed:
            return True
        narrow(rows, domains, width)
    return True


def _pin_by_evidence(
    rows: list[TableRow],
    reading: Reading,
    domains: dict[int, list[Placement]],
    evidence: list[Table],
    shaky: dict[int, set[int]] | None = None,
) -> int:
    """Drop placements that contradict another table with certain columns (the same total for
    a code means the same money: its parts too).  Returns the rows every placement contradicts
    (their placements are kept: the evidence says nothing about where their figures stand)."""
    cols = reading.columns
    mine = next((j for j, c in enumerate(cols) if c.measure == "total"), None)
    dead: set[int] = set()
    if mine is None:
        return 0
    for other in evidence:
        theirs = total_column(other)
        loose = (shaky or {}).get(id(other), set())
        if theirs is None or theirs in loose:
            continue
        by_code = {r.code: r for r in other.rows if r.code}
        match: dict[int, int] = {}
        at = other.columns[theirs]
        for j, c in enumerate(cols):
            if c.measure in ("total", "unknown"):
                continue
            same = [
                k
                for k, oc in enumerate(other.columns)
                if oc.measure == c.measure
                and (oc.phase, oc.year) == (at.phase, at.year)
                and _money(oc.qualifier) == _money(c.qualifier)
            ]
            if any(k in loose for k in same):
                continue
            if len(same) == 1:
                match[j] = same[0]
        if not match:
            continue
        for i, row in enumerate(rows):
            o = by_code.get(row.code) if row.code else None
            if o is None or i not in domains:
                continue
            their_total = _cell(o.cells, theirs)
            if their_total is None or their_total.value == 0:
                continue
            keep = []
            for p in domains[i]:
                total = _at(row.cells, p, mine)
                if total is None or not _same(total, their_total):
                    keep.append(p)
                    continue
                if all(_same(_at(row.cells, p, j), _cell(o.cells, k)) for j, k in match.items()):
                    keep.append(p)
            if not keep:
                dead.add(i)
            elif len(keep) < len(domains[i]):
                domains[i] = keep
    return len(dead)


def _money(qualifier: str | None) -> str | None:
    """What a qualifier says about the money (上年结转结余: last year's balance); a phase group
    (当年预算) says nothing the column's phase does not."""
    return None if qualifier in ("budget", "final", "execution") else qualifier


def total_column(table: Table) -> int | None:
    """The column holding a row's whole amount: its 合计, or a first column that is the subtotal of
    everything the others split (本年支出 小计)."""
    cols = table.columns
    years = [c.year for c in cols if c.year]
    # the figures of the table's own year and phase: not a year before's, not an execution (执行数)
    own = [
        k
        for k, c in enumerate(cols)
        if c.measure == "total" and c.phase is not Phase.EXECUTION and (c.year is None or c.year == max(years))
    ]
    total = own[0] if len(own) == 1 else next((k for k, c in enumerate(cols) if c.measure == "total"), None)
    if total is None and cols and cols[0].measure in COLUMN_GROUPS and cols[0].measure not in FUNDING_SOURCES:
        parts = set(COLUMN_GROUPS[cols[0].measure])
        if parts & {c.measure for c in cols[1:]}:
            return 0
    return total


def _cell(cells: list[Amount | None], j: int) -> Amount | None:
    return cells[j] if j < len(cells) else None


def _at(cells: list[Amount | None], p: Placement, j: int) -> Amount | None:
    try:
        return cells[p.index(j)]
    except ValueError:
        return None


def _same(a: Amount | None, b: Amount | None) -> bool:
    if a is None or b is None:
        return (a is None or a.value == 0) and (b is None or b.value == 0)
    return abs(a.value - b.value) <= rounding_tolerance([quantum(a.printed, a.unit), quantum(b.printed, b.unit)])


def evidence_fits(
    rows: list[TableRow],
    width: int,
    evidence: list[Table],
    title_source: str | None,
    table_phase,
    shaky: dict[int, set[int]] | None = None,
):
    """A test for :func:`nlp.headergrid.align`: may a column stand at a position, by the same
    figure in another table?  Rows that print every cell (``width`` amounts, the table printing
    its zeros) have one placement; where such a row's total (its first cell) is the total another
    table with certain columns gives its code, a column meaning what one of that table's columns
    means must show the same figure."""
    full = [
        r for r in rows if r.code and len(r.cells) == width and not r._wrapped and r.cells and r.cells[0] is not None
    ]
    checks: dict[str, list[tuple[TableRow, Amount | None]]] = {}
    for other in evidence:
        theirs = total_column(other)
        loose = (shaky or {}).get(id(other), set())
        if theirs is None or theirs in loose:
            continue
        by_code = {r.code: r for r in other.rows if r.code}
        at = other.columns[theirs]
        for j, oc in enumerate(other.columns):
            if (
                oc.measure in ("total", "unknown")
                or (oc.phase, oc.year) != (at.phase, at.year)
                or j in loose
                or sum(c.measure == oc.measure for c in other.columns) != 1
            ):
                continue
            for r in full:
                o = by_code.get(r.code) if r.code else None
                if o is None:
                    continue
                t = _cell(o.cells, theirs)
                if t is not None and t.value != 0 and _same(r.cells[0], t):
                    checks.setdefault(oc.measure, []).append((r, _cell(o.cells, j)))

    def fits(position: int, col) -> bool:
        m = headermeaning.meaning(position, col, title_source, table_phase)
        return all(_same(_cell(r.cells, position), want) for r, want in checks.get(m.measure or "", ()))

    return fits


_ADDING_UP = 0.9  # share of the rows that print every cell that must add up under a reading


def arithmetic_accepts(rows: list[TableRow], width: int, title_source: str | None, table_phase):
    """A test for :func:`nlp.headergrid.align`: do the rows that print every cell add up under
    a reading (nearly all of them: a report may print a discrepancy)?"""
    from nlp.tablearithmetic import row_adds_up

    full = [r for r in rows if len(r.cells) == width and not r._wrapped]
    whole = tuple(range(width))
    figures = [c for r in full for c in r.cells if c is not None]
    quanta = {quantum(c.printed, c.unit) for c in figures}
    # in whole quanta where every figure has the same: the same test as row_adds_up, in integers
    q = quanta.pop() if len(quanta) == 1 else None
    ints = [[int(c.value / q) if c is not None else None for c in r.cells] for r in full] if q else []
    seen: dict[tuple, bool] = {}

    def adds_up(k: int, sums: list[tuple[int, list[int]]]) -> bool:
        v = ints[k]
        for t, parts in sums:
            figs = [v[j] for j in (t, *parts) if v[j] is not None]
            n = len(figs)
            total = v[t] or 0
            if abs(total - sum(v[j] or 0 for j in parts)) > (n // 2 if n > 2 else 0):
                return False
        return True

    def accept(lay) -> bool:
        cols = lay.peek(title_source, table_phase)
        sums = headermeaning.sums(lay, cols)
        if sums is None:
            return False
        within = within_pairs(cols)
        key = (tuple(map(tuple, ((t, tuple(p)) for t, p in sums))), tuple(within))
        if key not in seen:
            if q:
                good = sum(
                    adds_up(k, sums)
                    and all((v[a] or 0) <= (v[b] or 0) or min(v[a] or 0, v[b] or 0) < 0 for a, b in within)
                    for k, v in enumerate(ints)
                )
            else:
                good = sum(
                    row_adds_up(r.cells, whole, sums) and all(_not_more(r.cells, a, b) for a, b in within) for r in full
                )
            seen[key] = good >= _ADDING_UP * len(full)
        return seen[key]

    return accept


def within_pairs(cols: list[Column]) -> list[tuple[int, int]]:
    """(part, whole) columns: a measure that is a part of another (nlp.vocab.MEASURE_WITHIN) beside
    the one column of that other measure (same source, phase and year)."""
    out = []
    for a, c in enumerate(cols):
        whole = MEASURE_WITHIN.get(c.measure)
        if whole is None:
            continue
        bs = [
            b
            for b, d in enumerate(cols)
            if d.measure == whole and (d.funding_source, d.phase, d.year) == (c.funding_source, c.phase, c.year)
        ]
        if len(bs) == 1:
            out.append((a, bs[0]))
    return out


def _not_more(cells: list[Amount | None], part: int, whole: int) -> bool:
    p, w = _cell(cells, part), _cell(cells, whole)
    pv = p.value if p is not None else Decimal(0)
    wv = w.value if w is not None else Decimal(0)
    if pv < 0 or wv < 0:
        return True
    return pv <= wv
