"""What a header column means: its headings, top to bottom, read with the vocabulary.

The one function from a stack of headings to a :class:`nlp.model.Column` (measure, source of
funds, phase, year, qualifier) and the arithmetic the nesting says (合计 = its parts; under
``…比…`` the first figure = the second + the change), for a header read back from text
(:mod:`nlp.headergrid`) and for one a ruled table's geometry gives (:func:`from_paths`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from nlp.headerwords import PHASE_KEYS, PHASE_WORDS, YEAR, Word, parse, unbracketed
from nlp.model import Column, Phase
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES, MEASURES, ROW_PARTS


@dataclass(frozen=True)
class Piece:
    line: int
    index: int
    text: str


@dataclass(frozen=True, eq=False)
class Heading:
    """One header cell: its pieces top to bottom."""

    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def first(self) -> int:
        return self.pieces[0].line

    @property
    def last(self) -> int:
        return self.pieces[-1].line

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, eq=False)  # identity: one object per (groups, heading) of a search, hashed fast
class HeaderColumn:
    """One value column as the header names it: the groups over it and its own heading."""

    groups: tuple[Heading, ...]
    own: Heading

    @property
    def text(self) -> str:
        return _column_text(self)

    @cached_property
    def header(self) -> str:
        return " ".join(str(h) for h in (*self.groups, self.own))

    @property
    def words(self) -> tuple[Word, ...]:
        return _column_words(self)


@lru_cache(maxsize=65536)
def _column_text(col: HeaderColumn) -> str:
    return "".join(h.text for h in (*col.groups, col.own))


@lru_cache(maxsize=65536)
def _column_words(col: HeaderColumn) -> tuple[Word, ...]:
    """The words of each heading, top to bottom: a phrase never runs from one header cell into the next
    (财政拨款 over 合计 is that group's total, not the one heading 财政拨款合计 a column may print alone)."""
    return tuple(w for h in (*col.groups, col.own) for w in parse(h.text)[1])


@dataclass
class Layout:
    """One reading of the header: its value columns left to right."""

    columns: list[HeaderColumn]
    # a header printing one run of sources under each of its lowest headings: the reading of those headings, and the
    # length of the run (each of its columns is ``run`` columns here, one per source)
    under: Layout | None = None
    run: int = 0

    def meanings(self, title_source: str | None = None, table_phase: Phase | None = None) -> list[Column]:
        items = prints_items(self.columns)
        cols = [meaning(i, c, title_source, table_phase, items) for i, c in enumerate(self.columns)]
        for i in _flat_source_totals(self.columns, cols):
            cols[i].measure = "total"
        return cols

    def peek(self, title_source: str | None = None, table_phase: Phase | None = None) -> list[Column]:
        """The meanings as shared, cached objects (their ``index`` is 0): to look at, never to keep."""
        items = prints_items(self.columns)
        cols = [_meaning(c, title_source, table_phase, items) for c in self.columns]
        for i in _flat_source_totals(self.columns, cols):
            cols[i] = replace(cols[i], measure="total")
        return cols

    def key(self) -> tuple:
        return tuple(c.header for c in self.columns)


_SUBTOTALS = ("合计", "小计")


def _flat_source_totals(columns: list[HeaderColumn], cols: list[Column]) -> list[int]:
    """Columns naming a source's total printed flat before its own parts (财政拨款合计 | 一般公共预算 | 政府性基金预算,
    no heading over them, :data:`nlp.vocab.COLUMN_GROUPS`): that source's total, as 财政拨款 over 合计 is — where
    no part follows, 财政拨款合计 is the fiscal appropriation, one part of the row's total."""
    out = []
    for i, (hc, c) in enumerate(zip(columns, cols)):
        if c.measure not in COLUMN_GROUPS or c.measure not in FUNDING_SOURCES or not hc.own.text.endswith(_SUBTOTALS):
            continue
        after = [k for k in range(i + 1, min(i + 3, len(cols))) if columns[k].groups == hc.groups]
        if len(after) == 2 and all(cols[k].measure in COLUMN_GROUPS[c.measure] for k in after):
            out.append(i)
    return out


def from_paths(paths: list[list[str]]) -> Layout:
    """The reading a ruled table's geometry gives: each value column's headings, top to bottom
    (:mod:`nlp.geometry`).  A heading cell standing over several columns is one group (the same
    headings above it and the same text), as :func:`align` would join it from the text."""
    cells: dict[tuple[str, ...], Heading] = {}

    def heading(prefix: tuple[str, ...]) -> Heading:
        if prefix not in cells:
            cells[prefix] = Heading((Piece(len(prefix) - 1, len(cells), prefix[-1]),))
        return cells[prefix]

    columns: list[HeaderColumn] = []
    for path in paths:
        names = tuple(path) or ("",)
        groups = tuple(heading(names[: k + 1]) for k in range(len(names) - 1))
        columns.append(HeaderColumn(groups, Heading((Piece(len(names) - 1, -1 - len(columns), names[-1]),))))
    return Layout(columns)


def meanings_distinct(lay: Layout, title_source: str | None = None, table_phase: Phase | None = None) -> bool:
    """No two columns mean the same (a group has one 小计; the same heading twice is two groups)."""
    seen = set()
    for c in lay.peek(title_source, table_phase):
        key = (c.measure, c.funding_source, c.phase, c.year, c.qualifier, c.header if c.measure == "unknown" else "")
        if key in seen:
            return False
        seen.add(key)
    return True


# -- what a column means -----------------------------------------------------------------


@lru_cache(maxsize=8192)
def _phase(text: str) -> Phase | None:
    """The phase a heading names (预算数 / 决算数 / 执行数 / 当年预算), the first one printed; a
    source of funds (一般公共预算) or a 纳入预算管理 is no phase."""
    for w in parse(text)[1]:
        if w.kind == "measure" and w.key in PHASE_KEYS:
            return PHASE_KEYS[w.key]
        if w.kind == "measure":
            ph = next((ph for word, ph in PHASE_WORDS[:3] if word in w.text), None)
            if ph is not None:
                return ph
    return None


def _heading_phase(col: HeaderColumn) -> Phase | None:
    """The phase a heading of the column is, whole: 预算, 决算 or 执行 alone, a year before it or not (2026年预算 over
    财政拨款 / 一般公共预算拨款, 预算 over a 收支总表's half) — a word the vocabulary has no measure for, so
    :func:`_phase` passes it by; one inside another heading (一般公共预算, 纳入预算管理) is no phase."""
    whole = dict(PHASE_WORDS)
    return next(
        (whole[t] for h in (*col.groups, col.own) if (t := YEAR.sub("", "".join(h.text.split()))) in whole), None
    )


def meaning(
    index: int, col: HeaderColumn, title_source: str | None, table_phase: Phase | None, items: bool = True
) -> Column:
    """The :class:`Column` a header column names: the lowest measure its headings name (a
    合计/小计 under a group is that group's total), the source of funds of the nearest group
    that names one, the phase and year its headings print.  ``items``: the header prints items
    spent over sources of funds (:func:`prints_items`), so a bare 总计 over a source is that total's
    money from the source; read alone (``True``) a column cannot tell."""
    c = _meaning(col, title_source, table_phase, items)
    return Column(
        index=index,
        header=c.header,
        measure=c.measure,
        funding_source=c.funding_source,
        phase=c.phase,
        year=c.year,
        qualifier=c.qualifier,
    )


@lru_cache(maxsize=65536)
def _meaning(col: HeaderColumn, title_source: str | None, table_phase: Phase | None, items: bool) -> Column:
    index = 0
    words = col.words
    measures = [w.key for w in unbracketed(words) if w.kind == "measure" and w.key and w.key not in PHASE_KEYS]
    phase = _phase(col.text) or _heading_phase(col) or table_phase
    years = [int(m.group(1)) for m in YEAR.finditer(col.text)]
    # a column naming no measure is the total of its phase or year (预算数, 预算, 2026年) — unless its own heading is a
    # word the vocabulary lacks (单价, 编制数 over a ruled column): then it names nothing known
    own = col.own.text
    part = _short_part(measures[-1], col.groups[-1].text, own) if measures and col.groups else None
    if part is not None:
        measures.append(part)
    nothing = not measures and parse(own)[0] > 0 and not any(word in own for word, _ in PHASE_WORDS)
    leaf, groups = (measures[-1], measures[:-1]) if measures else ("unknown" if nothing else "total", [])
    source = next((g for g in reversed(groups) if g in FUNDING_SOURCES), None)
    measure = leaf
    if leaf == "total" and groups and groups[-1] not in FUNDING_SOURCES:
        measure = groups[-1]  # 上年结转结余 小计, 基本支出 合计, 政府采购项目 小计
    if leaf in FUNDING_SOURCES:
        source = leaf
        # a source of funds under what is spent (因公出国（境）费, 公务用车购置及运行费 / 小计 over 一般公共预算 |
        # 政府性基金预算): that item's money from that source, not the source's own column; a bare 总计 over the
        # sources only beside such items (收入总计 over 一般公共预算 | 事业收入 is each source's own column)
        item = _item(groups)
        if item is not None and (item != "total" or items):
            measure = item
    return Column(
        index=index,
        header=col.header,
        measure=measure or "unknown",
        funding_source=source or title_source,
        phase=phase,
        year=years[0] if years else None,
        qualifier=_bracketed(words) or _carried(groups, measure) or _phase_group(col),
    )


# Groups over sources of funds that say whose money or which year's it is, not what it is spent on
_NO_ITEMS = frozenset(
    {"current_income", "current_expenditure", "opening_balance", "carry_forward", "budget", "final", "execution"}
)


def _item(groups: list[str]) -> str | None:
    """What is spent that the groups over a source of funds name (the nearest; ``total`` for a bare 总计/小计), if any."""
    item = next((g for g in reversed(groups) if g != "total"), "total" if "total" in groups else None)
    return item if item is not None and item not in FUNDING_SOURCES and item not in _NO_ITEMS else None


def prints_items(columns: list[HeaderColumn]) -> bool:
    """The header prints items spent over sources of funds (因公出国（境）费 / 一般公共预算 | 政府性基金预算, a
    三公 table's): a table of items by source, whose 总计 over the sources is its total by source."""
    return any(_spent_over_source(c) for c in columns)


@lru_cache(maxsize=65536)
def _spent_over_source(col: HeaderColumn) -> bool:
    measures = [w.key for w in unbracketed(col.words) if w.kind == "measure" and w.key and w.key not in PHASE_KEYS]
    return len(measures) > 1 and measures[-1] in FUNDING_SOURCES and _item(measures[:-1]) not in (None, "total")


def _short_part(group: str, group_text: str, own: str) -> str | None:
    """The part a heading names short under the heading of the whole, the words they share left out
    (公务用车购置及运行费 over 购置费 | 运行费: 公务用车购置费, 公务用车运行费) — only a heading that names nothing
    alone, and only a part the vocabulary gives that whole (:data:`nlp.vocab.COLUMN_GROUPS`)."""
    named = short_phrase(group, group_text, own)
    return named[0] if named else None


def short_phrase(group: str, group_text: str, own: str) -> tuple[str, str] | None:
    """(the part, its phrase in full) a heading names short under the heading of the whole (:func:`_short_part`)."""
    own, above = "".join(own.split()), "".join(group_text.split())
    if not own or parse(own)[0] == 0:
        return None
    for part in COLUMN_GROUPS.get(group, ()):
        for phrase in MEASURES[part].phrases:
            shared = phrase[: len(phrase) - len(own)]
            if phrase.endswith(own) and len(shared) >= 2 and above.startswith(shared):
                return part, phrase
    return None


# Groups whose columns hold money of another kind than the same columns elsewhere in the table:
# 上年结转结余 over 基本支出 / 项目支出 (spent from last year's balance, not this year's budget).
_QUALIFYING_GROUPS = ("opening_balance", "carry_forward")


def _phase_group(col: HeaderColumn) -> str | None:
    """A group heading that names a phase over the column (当年预算 over 小计 / 基本支出 …, beside
    上年结转结余): the money of that phase's own year, told apart from the table's 合计."""
    keys = [w.key for g in col.groups for w in parse(g.text)[1] if w.kind == "measure" and w.key in PHASE_KEYS]
    return keys[-1] if keys else None


def _carried(groups: list[str], measure: str) -> str | None:
    return next((g for g in reversed(groups) if g in _QUALIFYING_GROUPS and g != measure), None)


def _bracketed(words: tuple[Word, ...]) -> str | None:
    """The measure a heading names in brackets, qualifying its figure: 增减额（扣除中央基建投资）."""
    depth = 0
    for w in words:
        if w.kind == "filler" and w.text in "（(":
            depth += 1
        elif w.kind == "filler" and w.text in "）)":
            depth = max(0, depth - 1)
        elif w.kind == "measure" and depth:
            return w.key
    return None


@lru_cache(maxsize=65536)
def is_subset(col: HeaderColumn) -> bool:
    """其中…: a part of what another column holds, not a share of a total."""
    return any(w.kind == "subset" for w in col.words)


# Measures that make up the total they stand beside (合计 = 基本支出 + 项目支出, 财政拨款 合计 =
# 一般公共预算 + …); a group over several columns makes up its parent's total by its own 合计
# when it names one of these, or when it is a year's budget (当年预算 beside 上年结转结余).
_PART_MEASURES = ROW_PARTS | {"opening_balance"}  # a header group may open with 年初结转结余
_PART_GROUPS = _PART_MEASURES | {"budget", "current_expenditure", "current_income"}
# What a “三公” table's total is made of (合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, the vehicles' 小计 =
# 购置费 + 运行费): parts where the header prints these items, each over the same run of sources
_ITEMS = frozenset({"outbound_travel", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"})


def sums(lay: Layout, cols: list[Column], parts: frozenset[str] = _PART_MEASURES) -> list[tuple[int, list[int]]] | None:
    """(total column, the columns it sums) as the header nests them, or ``None`` when a total
    stands after what it sums (no table prints one so)."""
    if lay.under is not None:  # each sum of the headings above, source by source
        above = sums(lay.under, lay.under.meanings(), _PART_MEASURES | _ITEMS)
        if above is None:
            return None
        return [(t * lay.run + j, [p * lay.run + j for p in ps]) for t, ps in above for j in range(lay.run)]
    if parts is _PART_MEASURES and any(c.measure in _ITEMS for c in cols):
        parts = _PART_MEASURES | _ITEMS  # a 三公 table's items, each in a column of its own: its 合计's parts
    out: list[tuple[int, list[int]]] = []
    paths = {c.groups[:k] for c in lay.columns for k in range(len(c.groups) + 1)}
    for path in sorted(paths, key=len):
        total, summed = _sum_of(lay, cols, path, parts)
        if total is None or not summed:
            continue
        if any(p < total for p in summed):
            return None
        out.append((total, summed))
    return out + _comparisons(lay, cols)


def _comparisons(lay: Layout, cols: list[Column]) -> list[tuple[int, list[int]]]:
    """A change under …比… (2024年预算数比2023年执行数 增减额) is the first figure less the second:
    first = second + change, where the table prints both figures."""
    out = []
    for i, (hc, c) in enumerate(zip(lay.columns, cols)):
        if c.measure != "change":
            continue
        words = list(hc.words)
        at = next((k for k, w in enumerate(words) if w.kind == "filler" and w.text == "比"), None)
        if at is None:
            continue
        sides = []
        for part in (words[:at], words[at + 1 :]):
            year = next((int(m.group(1)) for w in part if w.kind == "year" for m in [YEAR.match(w.text)] if m), None)
            phase = next((PHASE_KEYS[w.key] for w in part if w.kind == "measure" and w.key in PHASE_KEYS), None)
            sides.append((year, phase))
        want = c.qualifier if c.qualifier not in PHASE_KEYS else "total"  # 增减额（扣除中央基建投资）
        found = []
        for year, phase in sides:
            match = [
                j
                for j, d in enumerate(cols)
                if d.measure == want
                and d.year == year
                and d.phase == phase
                and (d.qualifier is None or d.qualifier in PHASE_KEYS)
                and j != i
            ]
            found.append(match[0] if len(match) == 1 else None)
        first, second = found
        if first is not None and second is not None:
            out.append((first, [second, i]))
    return out


def _sum_of(
    lay: Layout, cols: list[Column], path: tuple[Heading, ...], kinds: frozenset[str] = _PART_MEASURES
) -> tuple[int | None, list[int]]:
    direct = [i for i, c in enumerate(lay.columns) if c.groups == path]
    totals = [i for i in direct if leaf_key(lay.columns[i]) == "total"]
    if len(totals) != 1:
        return None, []
    parts = [i for i in direct if i != totals[0] and not is_subset(lay.columns[i]) and cols[i].measure in kinds]
    parts.extend(_group_parts(lay, cols, path, kinds))
    # a total sums the money of its own year and phase (2025年执行数 beside 2026年预算数 is no part of it)
    t = cols[totals[0]]
    parts = [p for p in parts if _same_when(cols[p].year, t.year) and _same_when(cols[p].phase, t.phase)]
    return totals[0], sorted(parts)


def _group_parts(
    lay: Layout, cols: list[Column], path: tuple[Heading, ...], kinds: frozenset[str] = _PART_MEASURES
) -> list[int]:
    """The columns that make up the money of the groups right under ``path``: a group's own total, or — a group
    printing none (本年收入 over 财政拨款 / 一般公共预算拨款 …, 财政专户管理资金, 单位资金 / 事业收入 …) — its part
    columns and, the same way, its own groups'.  A group counts when it names a part (a source of funds, 基本支出,
    当年预算 …), or names nothing the vocabulary knows and holds parts only (单位资金 over 事业收入 …)."""
    subgroups: list[Heading] = []
    for c in lay.columns:
        if c.groups[: len(path)] == path and len(c.groups) > len(path) and c.groups[len(path)] not in subgroups:
            subgroups.append(c.groups[len(path)])
    out: list[int] = []
    for g in subgroups:
        inner = (*path, g)
        under = [i for i, c in enumerate(lay.columns) if c.groups[: len(inner)] == inner]
        key = group_key(g)
        if key not in _PART_GROUPS | kinds and not (
            key is None and all(cols[i].measure in kinds and not is_subset(lay.columns[i]) for i in under)
        ):
            continue
        sub_total, _ = _sum_of(lay, cols, inner, kinds)
        if sub_total is not None:
            out.append(sub_total)
            continue
        out.extend(
            i for i, c in enumerate(lay.columns) if c.groups == inner and not is_subset(c) and cols[i].measure in kinds
        )
        out.extend(_group_parts(lay, cols, inner, kinds))
    return out


def _same_when(a, b) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=65536)
def leaf_key(col: HeaderColumn) -> str | None:
    """The measure a column's own heading names (its last, a phase's aside; ``total`` for a phase alone), if any."""
    keys = [w.key for w in parse(col.own.text)[1] if w.kind == "measure" and w.key not in PHASE_KEYS]
    return keys[-1] if keys else ("total" if any(w.kind == "measure" for w in parse(col.own.text)[1]) else None)


@lru_cache(maxsize=16384)
def group_key(g: Heading) -> str | None:
    """The measure a group heading names (its last), if any."""
    keys = [w.key for w in parse(g.text)[1] if w.kind == "measure"]
    return keys[-1] if keys else None
