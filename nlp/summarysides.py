"""A 收支总表 line whose first side prints an enumerated item blank and whose other side an item that is not
enumerated, with its figure: ``2.政府性基金预算拨款 一般行政管理事务 40.00``.

Read from text the line is one label with a space in it, as a label may print one (``十八、自然资源海洋气象等 支出``),
and its figure goes to the side the label's words say — income, unless they name 支出.  The words cannot tell the
two apart; the table's own arithmetic can.  On the income side the enumerated items nest (一、财政拨款 over 1.一般公共
预算拨款 2.政府性基金预算拨款 …, the first items over the side's 本年收入合计): each item printing a figure is the sum of
the items under it, each total the sum of the items at the top.  A figure given to an enumerated income item that
breaks such a sum which holds once that item is read blank is the other side's: the row becomes the expenditure
side's item (the words after the space), the income item printed blank gives no row (as an item printed blank
alone on its line gives none).  Every way of reading the lines of such a table is tried (one of them the reading
of the text); only when exactly one makes every sum these lines take part in hold is it taken (info W321), and
when the text's reading breaks a sum and no single reading repairs it, the text's reading is kept and W322 says
the table cannot tell.  Nothing is moved where the sums say nothing (no item nests over it, no total follows).

A line whose words name 支出 already gives its figure to expenditure; its label still starts with the income
item printed blank (``3.上级补助收入 其他应用研究支出 6,500.00``).  That item is the income side's when its
number goes on from the income side's items (2. before it, or it is a 1. right under an item of another style)
and its words name no expenditure: the row is then named by the words after the space.

A line printing one item alone, not enumerated and naming no 支出 (``行政单位离退休 252.07``), is read as income by
its words; where the expenditure side runs on longer than the income side it is the expenditure side's (its 款 and
项 printed under the last lines the income side fills).  The income side's sums tell: the lone lines before its
first total are read as the expenditure side's from some line on (the income side prints its items from the top,
so once one such line is the other side's, so are those after it); the reading is taken when the text's breaks a
sum and it makes every sum hold, moving as few lines as it can (info W323).  An item printing no figure (a zero
printed as a dash or as nothing) is zero in those sums.  A lone line naming income (收入, 拨款,
资金, 结转, 结余) stays income.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from nlp.errors import Diagnostics
from nlp.headings import parse_marker
from nlp.model import Amount, Span, TableRow
from nlp.normalize import NormalizedText
from nlp.rounding import quantum, rounding_tolerance
from nlp.rows import ITEM_START, join_words

_STYLES = ("cn", "cn_paren", "num", "num_paren", "num_half")
_WORDS = re.compile(r"\S+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_EXPENDITURE = re.compile(r"支出")
_INCOME_WORDS = re.compile(r"收入|拨款|资金|结转|结余")
_TAILS = ("支出", "收入")  # the end of a label printed with a space before it (十八、自然资源海洋气象等 支出)
_SKIPPED = 2  # items printed blank alone on their lines give no row: the numbers may skip this many
_MAX_MOVABLE = 10  # lines tried every way (2^n readings)


@dataclass
class _Split:
    """A row whose label may be an enumerated income item printed blank, then the other side's item."""

    index: int  # in the table's rows
    style: str
    number: int
    rest: list[str]  # the other side's item's words
    rest_start: int  # raw offset where they start


@dataclass
class _Entry:
    """One income item in the order printed: a row, or the blank item of a split row read on the expenditure side."""

    index: int
    style: str | None  # None: not enumerated (财政拨款, 上年结转) — an item at the top
    number: int
    total: bool


def settle(rows: list[TableRow], norm: NormalizedText, diag: Diagnostics, label: str) -> None:
    """Decide, by the income side's sums, which rows of a 收支总表 are the other side's item after an income item
    printed blank (in place: side, name and span of each row so read)."""
    splits = [s for i, r in enumerate(rows) if (s := _split(i, r, norm)) is not None]
    if splits:
        movable = [s for s in splits if rows[s.index].side == "income"]
        moved = _decide(rows, splits, movable, norm, diag, label) if movable and len(movable) <= _MAX_MOVABLE else set()
        _rename_blank_items(rows, splits, moved, norm)
    _lone_items(rows, diag, label)


def _split(i: int, row: TableRow, norm: NormalizedText) -> _Split | None:
    if row.code or row.is_total or not row.cells or row.cells[0] is None or row.side is None:
        return None
    first = row.cells[0]
    raw_label = norm.raw[row.span.start : first.span.start]
    if "\n" in raw_label:
        return None  # a label wrapped over lines: not one line printing both sides
    words = [(m.start(), m.group()) for m in _WORDS.finditer(raw_label)]
    if len(words) < 2 or ITEM_START.match(words[1][1]):
        return None  # two enumerated items are told apart by nlp.rows
    marker = parse_marker(words[0][1], _STYLES)
    item = words[0][1]
    if marker is None or marker.start != 0 or len(_CJK.findall(item[marker.end :])) < 2:
        return None
    rest = [w for _, w in words[1:]]
    while rest and rest[-1].isdigit():
        rest.pop()  # the row's 行次
    if len(_CJK.findall("".join(rest))) < 2 or "".join(rest) in _TAILS or _EXPENDITURE.search(item):
        return None
    return _Split(i, marker.style, marker.number, rest, row.span.start + words[1][0])


def _value(row: TableRow) -> Decimal | None:
    cell = row.cells[0] if row.cells else None
    return cell.value if cell is not None else None


def _income_entries(rows: list[TableRow], splits: list[_Split]) -> list[_Entry]:
    """The income side's items in the order printed; a split row's item whichever side its figure goes to."""
    by_index = {s.index: s for s in splits}
    out = []
    for i, r in enumerate(rows):
        s = by_index.get(i)
        if s is not None:
            out.append(_Entry(i, s.style, s.number, False))
        elif r.side == "income" and not r.code:
            marker = parse_marker(r.name, _STYLES)
            if marker is not None and marker.start == 0:
                out.append(_Entry(i, marker.style, marker.number, r.is_total))
            else:
                out.append(_Entry(i, None, 0, r.is_total))
    return out


def _sums(entries: list[_Entry]) -> list[tuple[int, list[int]]]:
    """The sums the income side prints: (an item or total, the items it adds up), by row index."""
    out: list[tuple[int, list[int]]] = []
    children: dict[int, list[int]] = {}
    stack: list[_Entry] = []
    top: list[int] = []
    for e in entries:
        if e.total:
            if top:
                out.append((e.index, top))
            top, stack = [], []
            continue
        if e.style is None:
            stack = [e]
            top.append(e.index)
            continue
        if any(s.style == e.style for s in stack):
            while stack[-1].style != e.style:
                stack.pop()
            stack.pop()  # a sibling
        if stack:
            children.setdefault(stack[-1].index, []).append(e.index)
        else:
            top.append(e.index)
        stack.append(e)
    return out + list(children.items())


def _holds(whole: Decimal, parts: list[Decimal], quanta: list[Decimal]) -> bool:
    return abs(whole - sum(parts, Decimal(0))) <= rounding_tolerance(quanta)


def _sum_holds(
    rows: list[TableRow], whole: int, parts: list[int], blank: set[int], unprinted_zero: bool = False
) -> bool | None:
    """The sum holds with the rows ``blank`` read as printing nothing on the income side; None when a figure is
    not known (``unprinted_zero``: a row printing no figure — a dash, nothing — is zero for the sum)."""
    figures: list[tuple[Decimal, Amount | None]] = []
    for i in [whole, *parts]:
        if i in blank:
            figures.append((Decimal(0), None))
            continue
        value = _value(rows[i])
        if value is None and unprinted_zero and i != whole:
            figures.append((Decimal(0), None))
            continue
        if value is None:
            return None
        figures.append((value, rows[i].cells[0]))
    quanta = [quantum(c.printed, c.unit) for _, c in figures if c is not None]
    return _holds(figures[0][0], [v for v, _ in figures[1:]], quanta)


def _lone_items(rows: list[TableRow], diag: Diagnostics, label: str) -> None:
    """Read as the expenditure side's the lone lines before the income side's first total that its sums cannot
    hold as income (in place)."""
    end = next((i for i, r in enumerate(rows) if r.side == "income" and r.is_total), None)
    if end is None:
        return
    on_line = Counter(r.span.line for r in rows)
    lone = [i for i in range(end) if on_line[rows[i].span.line] == 1 and _lone(rows[i])]
    if not lone:
        return

    def fits(moved: set[int]) -> bool:
        entries = [e for e in _income_entries(rows[: end + 1], []) if e.index not in moved]
        sums = _sums(entries)
        return bool(sums) and all(_sum_holds(rows, w, parts, set(), True) is not False for w, parts in sums)

    if fits(set()):
        return
    cut = next((k for k in range(len(lone) - 1, -1, -1) if fits(set(lone[k:]))), None)
    if cut is None:
        return
    moved = lone[cut:]
    diag.info("W323", line=rows[moved[0]].span.line, table=label, rows=", ".join(repr(rows[i].name) for i in moved))
    for i in moved:
        rows[i].side = "expenditure"


def _lone(row: TableRow) -> bool:
    """An income row that may be the other side's item printed alone on its line: one figure, no number, no code,
    words that name neither side."""
    if row.side != "income" or row.code or row.is_total or _value(row) is None:
        return False
    marker = parse_marker(row.name, _STYLES)
    return (marker is None or marker.start != 0) and not _INCOME_WORDS.search(row.name)


def _decide(
    rows: list[TableRow],
    splits: list[_Split],
    movable: list[_Split],
    norm: NormalizedText,
    diag: Diagnostics,
    label: str,
) -> set[int]:
    """The rows read as the other side's item after an income item printed blank, by the income side's sums."""
    entries = _income_entries(rows, splits)
    moving = {s.index for s in movable}
    fixed_blank = {s.index for s in splits if rows[s.index].side != "income"}  # already the other side's figure
    sums = [(w, parts) for w, parts in _sums(entries) if moving & {w, *parts}]
    if not sums:
        return set()

    def holds(whole: int, parts: list[int], moved: set[int]) -> bool | None:
        return _sum_holds(rows, whole, parts, moved | fixed_blank)

    readings = [
        {s.index for s, m in zip(movable, choice) if m} for choice in product((False, True), repeat=len(movable))
    ]
    table = [[holds(w, parts, moved) for w, parts in sums] for moved in readings]
    # a sum that holds under no reading is no sum these lines print (an item of the other side read on this one)
    usable = [k for k in range(len(sums)) if any(results[k] for results in table)]
    if not usable or all(table[0][k] for k in usable):
        return set()  # the text's reading (nothing moved) is the one the sums confirm, or they say nothing
    fits = [moved for moved, results in zip(readings, table) if all(results[k] for k in usable)]
    undecided = [s for s in movable if len({s.index in moved for moved in fits}) != 1]
    if not fits or undecided:
        names = ", ".join(repr(rows[s.index].name) for s in (undecided or movable))
        diag.warn("W322", line=rows[(undecided or movable)[0].index].span.line, table=label, rows=names)
    moved = {s.index for s in movable if fits and s not in undecided and s.index in fits[0]}
    for s in movable:
        if s.index in moved:
            row = rows[s.index]
            diag.info("W321", line=row.span.line, table=label, name=row.name, item=join_words(s.rest))
            _rename(row, s, norm)
            row.side = "expenditure"
    return moved


def _rename_blank_items(rows: list[TableRow], splits: list[_Split], moved: set[int], norm: NormalizedText) -> None:
    """A row the words gave to expenditure whose label starts with an income item printed blank: the item's number
    goes on from the income side's items before it (an income row, a row read so already, or one ``moved``)."""
    entries = _income_entries(rows, splits)
    by_index = {s.index: s for s in splits}
    read = set(moved)
    for k, e in enumerate(entries):
        s = by_index.get(e.index)
        if s is None or e.index in read or rows[e.index].side != "expenditure":
            continue
        earlier = [
            p
            for p in entries[:k]
            if not p.total and (p.index not in by_index or p.index in read or rows[p.index].side == "income")
        ]
        at = next((j for j in range(len(earlier) - 1, -1, -1) if earlier[j].style == e.style), None)
        # a run under another item since (三、单位资金 after 3.国有资本…): the numbers start again
        again = at is None or any(p.style not in (None, e.style) for p in earlier[at + 1 :])
        since = e.number if again else e.number - earlier[at].number  # type: ignore[index]
        if earlier and 0 < since <= _SKIPPED + 1:
            _rename(rows[e.index], s, norm)
            read.add(e.index)


def _rename(row: TableRow, s: _Split, norm: NormalizedText) -> None:
    row.name = join_words(s.rest)
    end = row.span.end
    row.span = Span(
        s.rest_start, end, norm.raw[s.rest_start : end], norm.raw_line(s.rest_start), norm.raw_box(s.rest_start, end)
    )
