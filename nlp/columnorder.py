"""Column order when the header's words were broken over lines.

In a text extracted from a PDF, a tall header cell whose words wrap
(``对附属单位补助支`` / ``出``) prints its first part on the line above the other
headings and the rest on the line below; the text keeps no trace of where, left to
right, that column stands among the others.  Reading the header in reading order
then puts it first — a wrong meaning for every column.

:func:`hypotheses` gives every order that keeps the complete headings of the leaf
line in their printed order and puts each broken heading somewhere among them;
:func:`resolve` keeps the orders the report's own figures allow:

* the row adds up (合计 = its parts) in every row that prints all its amounts;
* a column that means the same as a column of another table of the report whose
  meanings are certain shows the same figure for every code both print (the same
  figure in another table).

A column gets a meaning only if every surviving order gives it the same one; the
others stay ``unknown``.  Nothing is decided from the order the templates usually
print.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from itertools import combinations
from math import comb, factorial

from nlp.columns import LABEL_HEADERS, column_for, column_groups, header_width, value_phrases
from nlp.model import Column, Table, TableRow
from nlp.normalize import squash
from nlp.rounding import quantum, rounding_tolerance
from nlp.vocab import COLUMN_GROUPS, COUNT_MEASURES

_MAX_HYPOTHESES = 10000
_CJK = re.compile(r"[\u3400-\u9fff]")


def _leftover(token: str, phrases: list[tuple[str, str]]) -> str:
    rest = LABEL_HEADERS.sub("", squash(token))
    for p, _ in phrases:
        rest = rest.replace(p, "", 1)
    return "".join(_CJK.findall(rest.replace("其中", "")))


_NOISE = re.compile(r"\d{4}年|其中|[（）()：:、]")


def cut_pieces(header_text: str, leaf: str) -> bool:
    """Does a header line other than ``leaf`` hold a piece of a heading cut over lines (a token
    with characters no phrase accounts for: 本年收入合, 附属单位)?"""
    for ln in header_text.split("\n"):
        if ln == leaf:
            continue
        for token in ln.split():
            if (
                len(token) > 1
                and not LABEL_HEADERS.fullmatch(squash(token))
                and _leftover(_NOISE.sub("", token), value_phrases(token))
            ):
                return True
    return False


def hypotheses(header_text: str, n_values: int, read: list[Column] | None = None) -> list[list[tuple[str, str]]] | None:
    """Possible (phrase, measure) orders of the value columns, or ``None`` when no heading
    was broken over lines (the reading order is then the order).

    The leaf line (the one naming most columns) keeps its order; every other heading the
    header names is placed anywhere among them, and columns the header names nowhere
    readable are ``("", "unknown")`` placeholders."""
    lines = [ln for ln in header_text.split("\n") if ln.strip()]
    if not lines:
        return None
    named: list[list[tuple[str, str]]] = []
    broken = False
    tokens = [ln.split() for ln in lines]
    used: set[tuple[int, int]] = set()
    cuts: list[tuple[int, int]] = []  # (line of a heading's head, line of its rest)
    for i, line_tokens in enumerate(tokens):
        found_line: list[tuple[str, str]] = []
        for t, token in enumerate(line_tokens):
            if (i, t) in used:
                continue
            found = value_phrases(token)
            left = _leftover(_NOISE.sub("", token), found)
            before = set(used)
            found = _joined(token, found, tokens, i, used)
            cuts += [(i, j) for j, _ in used - before]
            found_line.extend(found)
            broken |= bool(left)
        named.append(found_line)
    leaf = max(range(len(lines)), key=lambda i: (len(named[i]), i))
    if not broken and not cuts:
        return None
    # understood: every column read, and no amount's meaning taken twice (a heading's rest read as a column of its
    # own — 一般公共 / 预算拨款 ×3 — names the same thing again: the reading is not one-to-one); counts are told apart
    # by no meaning (出国团组数, 接待批次: two columns of 'quantity', nlp.counts), so they are left out of that test
    amounts = [c for c in read or () if c.measure not in COUNT_MEASURES]
    understood = (
        all(c.measure != "unknown" for c in read)
        and len({(c.measure, c.funding_source, c.phase, c.year, c.qualifier) for c in amounts}) == len(amounts)
        if read is not None
        else header_width(header_text) == n_values
    )
    tall = any(head < leaf < rest for head, rest in cuts)
    if understood and not tall:
        return None  # the header reads one-to-one and no cell straddles the leaf line
    fixed = named[leaf]
    if not fixed:
        return None
    leaf_keys = {k for _, k in fixed}
    extras = [
        p
        for i, found in enumerate(named)
        if i != leaf
        for p in found
        if not (p[1] in COLUMN_GROUPS and set(COLUMN_GROUPS[p[1]]) & leaf_keys)
    ]
    if "total" in leaf_keys:
        # a 小计 elsewhere is the subtotal of some group the text cannot place: a column, meaning unknown
        extras = [(p, "unknown") if k == "total" else (p, k) for p, k in extras]
    if len(fixed) + len(extras) > n_values:
        return []  # more headings than columns, one of them broken: no order the text can list
    extras += [("", "unknown")] * (n_values - len(fixed) - len(extras))
    counts = Counter(extras)
    n_orders = comb(n_values, len(fixed)) * factorial(len(extras))
    for m in counts.values():
        n_orders //= factorial(m)
    if n_orders > _MAX_HYPOTHESES:
        return []
    out: set[tuple[tuple[str, str], ...]] = set()
    arrangements = list(_arrangements(counts, len(extras)))
    for spots in combinations(range(n_values), len(fixed)):
        for order in arrangements:
            cols: list[tuple[str, str]] = []
            it_fixed, it_extra = iter(fixed), iter(order)
            for j in range(n_values):
                cols.append(next(it_fixed) if j in spots else next(it_extra))
            out.add(tuple(cols))
            if len(out) > _MAX_HYPOTHESES:
                return []
    return [list(o) for o in sorted(out)]


def _joined(
    head: str, found: list[tuple[str, str]], tokens: list[list[str]], line: int, used: set[tuple[int, int]]
) -> list[tuple[str, str]]:
    """A heading cut at a line end (本年支出合 / 计): joined with the first unused piece below
    that names no column itself, when together they name a longer phrase."""
    if LABEL_HEADERS.fullmatch(squash(head)):
        return found  # 项目 / 科目名称 head the row labels: never a piece of a column heading
    best = max((len(p) for p, _ in found), default=0)
    for i in range(line + 1, len(tokens)):
        for t, token in enumerate(tokens[i]):
            if (i, t) in used or value_phrases(token):
                continue
            joined = value_phrases(head + token)
            # the phrase must straddle the cut: begun in the head, ended in the piece
            if (
                joined
                and max(len(p) for p, _ in joined) > best
                and any(p not in squash(head) and p not in squash(token) for p, _ in joined)
            ):
                used.add((i, t))
                return joined
    return found


def _arrangements(counts: Counter, n: int):
    """Distinct orders of a multiset (many identical placeholders make few orders)."""
    if n == 0:
        yield ()
        return
    for item in list(counts):
        if counts[item]:
            counts[item] -= 1
            for rest in _arrangements(counts, n - 1):
                yield (item, *rest)
            counts[item] += 1


def _cell(row: TableRow, j: int):
    return row.cells[j] if j < len(row.cells) else None


def _same(a, b) -> bool:
    if a is None or b is None:
        return (a is None or a.value == 0) and (b is None or b.value == 0)
    return abs(a.value - b.value) <= rounding_tolerance([quantum(a.printed, a.unit), quantum(b.printed, b.unit)])


def _adds_up(rows: list[TableRow], cols: list[Column], kind: str | None) -> bool:
    groups = column_groups(cols, kind) or []
    if not groups and any(c.measure == "total" for c in cols[1:]):
        return False  # a total after what it sums: no table prints one so
    for r in rows:
        if len(r.cells) != len(cols) or any(c is None for c in r.cells):
            continue
        for t, parts in groups:
            figures = [c for c in (r.cells[t], *(r.cells[j] for j in parts)) if c is not None]
            total, part_sum = figures[0].value, sum((f.value for f in figures[1:]), Decimal(0))
            if abs(total - part_sum) > rounding_tolerance([quantum(f.printed, f.unit) for f in figures]):
                return False
    return True


class _Evidence:
    """Whether column ``j`` meaning ``measure`` agrees with the tables of certain columns:
    computed once per (total column, column, measure), whatever the rest of the order."""

    def __init__(self, table: Table, others: list[Table]) -> None:
        self.table = table
        self.others = others
        self.by_code = {r.code: r for r in table.rows if r.code}
        self.cache: dict[tuple[int, int, str], tuple[bool, int]] = {}

    def check(self, mine: int, j: int, measure: str) -> tuple[bool, int]:
        key = (mine, j, measure)
        if key not in self.cache:
            self.cache[key] = self._check(mine, j, measure)
        return self.cache[key]

    def _check(self, mine: int, j: int, measure: str) -> tuple[bool, int]:
        confirmed = 0
        for other in self.others:
            theirs = next((k for k, c in enumerate(other.columns) if c.measure == "total"), None)
            match = [k for k, oc in enumerate(other.columns) if oc.measure == measure]
            if theirs is None or len(match) != 1:
                continue
            rows = {r.code: r for r in other.rows if r.code}
            for code, row in self.by_code.items():
                if code not in rows:
                    continue
                total = _cell(row, mine)
                # a code whose total is the same in both tables is the same money (a table scoped
                # to one source of funds prints less where other funds take part): its parts too
                if total is None or total.value == 0 or not _same(total, _cell(rows[code], theirs)):
                    continue
                a, b = _cell(row, j), _cell(rows[code], match[0])
                if not _same(a, b):
                    return False, 0
                if a is not None and a.value != 0:
                    confirmed += 1
        return True, confirmed

    def agrees(self, cols: list[Column]) -> tuple[bool, int]:
        mine = next((j for j, c in enumerate(cols) if c.measure == "total"), None)
        if mine is None:
            return True, 0
        total = 0
        for j, col in enumerate(cols):
            if col.measure in ("total", "unknown"):
                continue
            ok, n = self.check(mine, j, col.measure)
            if not ok:
                return False, 0
            total += n
        return True, total


def resolve(table: Table, orders: list[list[tuple[str, str]]], others: list[Table]) -> list[Column]:
    """The table's columns: a meaning where every order the figures allow agrees, else unknown."""
    template = table.columns
    evidence = _Evidence(table, others)
    candidates: list[list[Column]] = []
    confirmed: list[int] = []
    for order in orders:
        cols = [
            column_for(
                i,
                p,
                k,
                template[i].funding_source if i < len(template) else None,
                template[i].phase if i < len(template) else None,
            )
            for i, (p, k) in enumerate(order)
        ]
        if not _adds_up(table.rows, cols, table.kind):
            continue
        ok, n = evidence.agrees(cols)
        if ok:
            candidates.append(cols)
            confirmed.append(n)
    if not candidates or not any(confirmed):
        return template  # the figures decide nothing: the columns stay as certain as they were
    out: list[Column] = []
    for i in range(len(template)):
        meanings = {(c[i].measure, c[i].funding_source) for c in candidates}
        if len(meanings) == 1:
            out.append(candidates[0][i])
        elif template[i].measure != "unknown":
            out.append(template[i])  # certain before (a leading 总计): kept
        else:
            out.append(
                Column(
                    index=i,
                    header="",
                    measure="unknown",
                    funding_source=template[i].funding_source,
                    phase=template[i].phase,
                )
            )
    return out
