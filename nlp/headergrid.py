"""A table header printed over several lines, read back into its columns (the text path).

Text taken from a PDF prints every line of every header cell at its own height: a tall
cell's wrapped text above and below its neighbours' single line (``事业单位经营`` /
``合计 基本支出 项目支出`` / ``支出``), a group heading on a line of its own over its
sub-columns (``当年预算 上年结转结余`` over ``小计 人员经费 公用经费 小计 …``).  A line keeps
its pieces in left-to-right order, and nothing else: where a piece stands across the page
is lost.  :func:`align` reads such a header in three steps:

1. **headings** (:func:`headings`): the row-label headings (科目编码, 科目名称, 类 款 项 …)
   at the start of the lines are set aside; a piece that is no heading by itself
   (``事业单位经营``, ``建投资后执``, ``2026年预算数比``) is joined with pieces on the lines
   below into one that is (``事业单位经营支出``), in every way the vocabulary allows
   (:data:`nlp.vocab.MEASURES`, years, ``其中``, ``…比…``);
2. **groups**: a heading that can stand over others (a year or phase — 2026年预算数 —, a
   source of funds, a measure with parts — 基本支出 over 人员经费 公用经费 —) is a group when
   the columns need it (the fewest columns that the rows allow, or the count a 栏次 line prints);
3. **orders** (:func:`_orders`): every left-to-right order of the columns, and span of each
   group over two or more of them, that keeps every line's pieces in their printed order,
   nests groups printed lower inside those printed higher, and gives every column headings
   one column can carry (one year and one phase, or two compared by ``比``; a group's
   parts where the vocabulary names them).

Every reading that explains the header as well as any other is returned (:class:`Layout`);
where they disagree — a tall cell could stand left or right of a neighbour the text gives
no position for — the figures decide (:mod:`nlp.layoutsearch`), never the order templates
usually print.  A header beyond reading from text (too many readings) gives ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations

from nlp.headermeaning import (
    HeaderColumn,
    Heading,
    Layout,
    Piece,
    group_key,
    leaf_key,
    meanings_distinct,
    short_phrase,
)
from nlp.headerwords import (
    CHANGES,
    GROUP_PARTS,
    GROUPS,
    PHASE_KEYS,
    Word,
    can_start,
    header_lines,
    heading,
    is_coherent,
    is_complete,
    parse,
    unbracketed,
)
from nlp.model import Phase
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES

_MAX_LINES = 18
_MAX_TOKENS = 72
_MAX_CHAININGS = 256  # ways of joining the wrapped pieces into headings
MAX_LAYOUTS = 4000  # readings worth sorting out once the figures of the other tables can help
_MAX_STEPS = 20000  # search steps, to bound the time one header may take
_MAX_COST = 4  # characters no heading explains, per column


# -- 1. headings: wrapped pieces joined ----------------------------------------------------


class _GiveUp(Exception):
    pass


def headings(lines: list[list[str]], steps: list[int] | None = None) -> list[list[Heading]]:
    """Every way of joining the pieces into headings: a piece that is a heading stands alone
    or starts one wrapped below it; a piece that is none continues one above it.  Joinings
    whose wrapped cells skip fewest lines are tried first (a cell's lines lie close)."""
    pieces = [Piece(li, i, t) for li, toks in enumerate(lines) for i, t in enumerate(toks)]
    steps = steps if steps is not None else [0]
    for gap in _GAPS:
        out = _joinings(pieces, gap, steps)
        if out:
            return out
    return []


_GAPS = (2, 4, 8, _MAX_LINES)  # lines a wrapped cell may skip between two of its pieces, tried in turn


def _extends(text: str, p: Piece) -> bool:
    """Can ``p`` continue a heading that reads ``text`` so far?"""
    return _continues(text, p.text)


@lru_cache(maxsize=65536)
def _continues(text: str, piece: str) -> bool:
    p = Piece(0, 0, piece)
    cost, words = parse(text + p.text, partial=True)
    if cost or not is_coherent(words):
        return False
    if heading(text) and can_start(p.text):
        # a whole heading goes on with a piece that begins another only where one word runs
        # across the cut (对附属单位补助 / 支出); else with a piece that begins none (（…）, 营支出)
        return _straddles(words, len(text))
    return True


def _straddles(words: tuple[Word, ...], cut: int) -> bool:
    at = 0
    for w in words:
        if at < cut < at + len(w.text) and w.kind in ("measure", "partial"):
            return True
        at += len(w.text)
    return False


def _joinings(pieces: list[Piece], gap: int, steps: list[int]) -> list[list[Heading]]:
    out: list[list[Heading]] = []

    def alive(ch: tuple[Piece, ...], text: str, k: int) -> bool:
        """A heading still to be continued has a piece below that continues it."""
        if len(ch) > 1 and heading(text):
            return True
        return any(q.line > ch[-1].line and q.line - ch[-1].line <= gap and _extends(text, q) for q in pieces[k:])

    def rec(k: int, done: list[Heading], open_: list[tuple[Piece, ...]]) -> None:
        steps[0] += 1
        if len(out) >= _MAX_CHAININGS or steps[0] > _MAX_STEPS:
            raise _GiveUp
        texts = ["".join(q.text for q in ch) for ch in open_]
        if not all(alive(ch, t, k) for ch, t in zip(open_, texts)):
            return
        if k == len(pieces):
            out.append(done + [Heading(ch) for ch in open_])
            return
        p = pieces[k]
        for j, ch in enumerate(open_):
            if texts[j] in texts[:j]:
                continue  # the same heading begun twice: extending either is one reading
            if ch[-1].line >= p.line or p.line - ch[-1].line > gap or not _extends(texts[j], p):
                continue
            rec(k + 1, done, [*open_[:j], (*ch, p), *open_[j + 1 :]])
        if heading(p.text):
            rec(k + 1, [*done, Heading((p,))], open_)  # a heading by itself
        if can_start(p.text):
            rec(k + 1, done, [*open_, (p,)])  # the head of a heading wrapped below

    rec(0, [], [])
    if out:  # the joinings that leave fewest characters unexplained
        least = min(sum(parse(h.text)[0] for h in r) for r in out)
        out = [r for r in out if sum(parse(h.text)[0] for h in r) == least]
    seen: set[tuple] = set()
    unique = []
    for r in out:
        key = tuple(sorted(tuple((q.line, q.index) for q in h.pieces) for h in r))
        if key not in seen:
            seen.add(key)
            unique.append(sorted(r, key=lambda h: (h.first, h.pieces[0].index)))
    return unique


def _order_ok(chain: tuple[Piece, ...], p: Piece, others: list[tuple[Piece, ...]]) -> bool:
    """Joining ``p`` to ``chain`` must not cross another heading wrapped over the same lines."""
    for other in others:
        if other is chain:
            continue
        lines_o = {q.line: q.index for q in other}
        lines_c = {q.line: q.index for q in chain}
        shared = set(lines_o) & set(lines_c)
        if p.line in lines_o:
            for ln in shared:
                if (lines_c[ln] < lines_o[ln]) != (p.index < lines_o[p.line]):
                    return False
    return True


# -- 2. and 3. groups and orders -------------------------------------------------------------


class TooMany(Exception):
    """The header has more readings than the figures can be asked about (the caller may ask
    again with a test that places columns by the figures as they are tried: ``fits``)."""


@dataclass(frozen=True)
class _Search:
    """What one reading of a header is asked to satisfy, handed down unchanged (see :func:`align`)."""

    at_least: int  # the most amounts a row prints
    exactly: int | None  # the column count, where the table prints it or the caller knows it
    fits: Callable[[int, HeaderColumn], bool] | None  # may a column stand at that position
    accept: Callable[[Layout], bool] | None  # does a whole reading agree with the figures
    limit: int  # the readings worth trying (more: TooMany)
    title_source: str | None  # the source of funds the table's title names
    table_phase: Phase | None  # the phase (budget, final account) of the table


def align(
    header_text: str,
    at_least: int = 1,
    exactly: int | None = None,
    fits=None,
    accept=None,
    limit: int = 400,
    title_source: str | None = None,
    table_phase: Phase | None = None,
) -> list[Layout] | None:
    """Every reading of the header that explains it, or ``None`` when the header is beyond
    reading from text; :class:`TooMany` when it has more readings than are worth trying.
    ``at_least``: the most amounts a row prints; ``exactly``: the column count when the table
    prints it (栏次 1 2 3 …, read here) or the caller knows it; ``fits(position, column)``:
    may a column stand at that position (the figures, where the caller knows them);
    ``accept(layout)``: does a whole reading agree with them; ``limit``: the readings worth
    trying (more: :class:`TooMany`)."""
    lines, numbered = header_lines(header_text)
    exactly = exactly if exactly is not None else numbered
    lines, printed = _parts_named_in_full(lines)
    found = _align(lines, _Search(at_least, exactly, fits, accept, limit, title_source, table_phase))
    return [_as_printed(lay, printed) for lay in found] if found and printed else found


def _align(lines: list[list[str]], search: _Search) -> list[Layout] | None:
    under = _sources_under_each(lines)
    if under is not None:
        read = _each_over_sources(under, search)
        if read:
            return read
    if not lines or len(lines) > _MAX_LINES or sum(len(t) for t in lines) > _MAX_TOKENS:
        return None
    steps = [0]
    try:
        chainings = headings(lines, steps)
    except _GiveUp:
        return None
    found: dict[int, dict[tuple, Layout]] = {}  # columns → readings (one per distinct heading sequence)
    tried = 0
    try:
        for units in chainings:
            capable = [h for h in units if _can_group(h)]
            for n_groups in range(len(capable), -1, -1):
                n_cols = len(units) - n_groups
                if n_cols < search.at_least or (search.exactly is not None and n_cols != search.exactly):
                    continue
                if any(found.values()) and n_cols > min(n for n, v in found.items() if v):
                    break  # the fewest columns the header and the rows allow
                for groups in combinations(capable, n_groups):
                    leaves = [h for h in units if h not in groups]
                    if not all(sum(lf.first > g.last for lf in leaves) >= 2 for g in groups):
                        continue  # a group stands over two columns or more, printed below it
                    steps[0] = 0
                    for cols in _orders(lines, leaves, list(groups), steps, search.fits):
                        tried += 1
                        if tried > MAX_LAYOUTS * 5:
                            raise TooMany
                        lay = Layout(cols)
                        seen = found.setdefault(n_cols, {})
                        if (
                            lay.key() in seen
                            or not meanings_distinct(lay, search.title_source, search.table_phase)
                            or (search.accept is not None and not search.accept(lay))
                        ):
                            continue
                        seen[lay.key()] = lay
                        if sum(len(v) for v in found.values()) > search.limit:
                            raise TooMany
    except _GiveUp:
        raise TooMany from None
    found = {n: v for n, v in found.items() if v}
    if not found:
        return None
    return _best(list(found[min(found)].values()))


def _parts_named_in_full(lines: list[list[str]]) -> tuple[list[list[str]], dict[tuple[int, int], str]]:
    """A part named short under the heading of its whole printed higher up (公务用车购置及运行费 over 小计 | 购置费 |
    运行费: nlp.headermeaning.short_phrase) is no heading the words read alone: it is read as the part's phrase in full
    (公务用车购置费) while the header's readings are sought.  The lines so, and (line, index) → the piece as printed."""
    wholes = []  # (line, text, the whole it names) of the headings naming a whole with parts
    for li, toks in enumerate(lines):
        for t in toks:
            keys = [w.key for w in parse(t)[1] if w.kind == "measure"]
            if keys and keys[-1] in COLUMN_GROUPS and heading(t):
                wholes.append((li, t, keys[-1]))
    out = [list(toks) for toks in lines]
    printed: dict[tuple[int, int], str] = {}
    for li, toks in enumerate(lines):
        for i, t in enumerate(toks):
            if heading(t) or can_start(t) or any(_continues(q, t) for above in lines[:li] for q in above):
                continue  # a heading, or the end of one wrapped over lines (公务用车 / 购置费)
            named = {n for wl, w, g in wholes if wl < li and (n := short_phrase(g, w, t)) is not None}
            if len(named) == 1:
                out[li][i] = named.pop()[1]
                printed[(li, i)] = t
    return out, printed


def _as_printed(lay: Layout, printed: dict[tuple[int, int], str]) -> Layout:
    """The reading with every heading's pieces as printed (:func:`_parts_named_in_full`); a heading shared by columns
    stays one object."""
    memo: dict[int, Heading] = {}

    def back(h: Heading) -> Heading:
        if id(h) not in memo:
            pieces = tuple(Piece(p.line, p.index, printed.get((p.line, p.index), p.text)) for p in h.pieces)
            memo[id(h)] = h if all(p.text == q.text for p, q in zip(pieces, h.pieces)) else Heading(pieces)
        return memo[id(h)]

    cols = [HeaderColumn(tuple(back(g) for g in c.groups), back(c.own)) for c in lay.columns]
    return Layout(cols, under=lay.under, run=lay.run)


_ROW_YEAR = "年度"


def _sources_under_each(lines: list[list[str]]) -> tuple[list[list[str]], list[Heading], int] | None:
    """A header whose lowest line — or two, each cell cut alike (一般公共 / 预算) — prints one run of sources of funds
    again and again, once under each heading above (总计 因公出国(境)费 公务接待费 … each over 一般公共预算 | 政府性基金预算
    | 国有资本经营预算): (the lines above, the sources left to right, the length of the run)."""
    for depth in (1, 2):
        if len(lines) <= depth or len({len(line) for line in lines[-depth:]}) != 1:
            continue
        low, base = lines[-depth:], len(lines) - depth
        texts = ["".join(line[i] for line in low) for i in range(len(low[0]))]
        keys = [_source_named(t) for t in texts]
        if not all(k in FUNDING_SOURCES for k in keys):
            continue
        for run in range(2, len(keys) // 2 + 1):
            if len(keys) % run == 0 and keys == keys[:run] * (len(keys) // run) and len(set(keys[:run])) == run:
                sources = [
                    Heading(tuple(Piece(base + d, i, low[d][i]) for d in range(depth))) for i in range(len(keys))
                ]
                return lines[:base], sources, run
    return None


def _source_named(text: str) -> str | None:
    """The source of funds a whole heading names (一般公共预算, 政府性基金预算拨款), if it names one and nothing else."""
    keys = [w.key for w in parse(text)[1] if w.kind == "measure"]
    return keys[0] if heading(text) and len(keys) == 1 and keys[0] in FUNDING_SOURCES else None


def _each_over_sources(under: tuple[list[list[str]], list[Heading], int], search: _Search) -> list[Layout] | None:
    """The readings of a header printing one run of sources under each of its lowest headings
    (:func:`_sources_under_each`): every reading of the headings above, each column of it over the run."""
    upper, sources, run = under
    # the rows' year (年度: 2025年, 2026年, 增减变化金额 under one 预算单位) heads a label column here, set aside with the
    # row-label headings
    upper = [line[1:] if line[0] == _ROW_YEAR else line for line in upper if line != [_ROW_YEAR]]
    width = len(sources) // run
    if (search.exactly is not None and search.exactly != len(sources)) or search.at_least > len(sources):
        return None
    found = align(
        "\n".join(" ".join(line) for line in upper), exactly=width, limit=search.limit, table_phase=search.table_phase
    )
    out = []
    for above in found or []:
        columns = [
            HeaderColumn((*c.groups, c.own), sources[k * run + j])
            for k, c in enumerate(above.columns)
            for j in range(run)
        ]
        lay = Layout(columns, under=above, run=run)
        if not meanings_distinct(lay, search.title_source, search.table_phase):
            continue
        if search.fits is not None and not all(search.fits(i, c) for i, c in enumerate(columns)):
            continue
        if search.accept is None or search.accept(lay):
            out.append(lay)
    return out or None


def _can_group(h: Heading) -> bool:
    """Can this heading stand over others: a year, a phase, a comparison, a measure with parts."""
    _, words = parse(h.text)
    named = [w.key for w in unbracketed(words) if w.kind == "measure" and w.key not in PHASE_KEYS]
    if named and named[-1] not in GROUPS and not any(w.kind == "filler" and w.text == "比" for w in words):
        return False  # what a column holds, its phase beside it (机关运行经费预算数): no group
    return any(w.kind == "year" or (w.kind == "measure" and (w.key in PHASE_KEYS or w.key in GROUPS)) for w in words)


def _best(layouts: list[Layout]) -> list[Layout]:
    """The readings that leave fewest characters unexplained; then those in which headings
    printed whole on one line stand at one depth (a line of such headings is one row of the
    header's grid); then those whose groups span most (a heading over a row of columns spans
    them all unless the text says otherwise)."""

    def score(lay: Layout) -> tuple[int, int, int, int]:
        cost = sum(parse(c.text)[0] for c in lay.columns)
        depth: dict[int, set[int]] = {}
        for c in lay.columns:
            if c.own.first == c.own.last:
                depth.setdefault(c.own.last, set()).add(len(c.groups))
        span = sum(len(c.groups) for c in lay.columns)
        return cost, sum(len(v) - 1 for v in depth.values()), -_named_parts(lay), -span

    scores = [score(lay) for lay in layouts]
    best = min(scores)
    return [lay for lay, s in zip(layouts, scores) if s == best]


def _named_parts(lay: Layout) -> int:
    """Columns standing under a group the vocabulary names them a part of (本年支出 over 基本支出 /
    项目支出, nlp.vocab.COLUMN_GROUPS), its 小计 included."""
    n = 0
    for c in lay.columns:
        if not c.groups:
            continue
        group = group_key(c.groups[-1])
        leaf = leaf_key(c)
        if group in COLUMN_GROUPS and (leaf in COLUMN_GROUPS[group] or leaf == "total"):
            n += 1
    return n


# Sources of funds made of the parts nlp.vocab.COLUMN_GROUPS names and no other source: 财政拨款 is 一般公共预算,
# 政府性基金预算 and 国有资本经营预算 — 财政专户拨款, 其他资金 or 事业收入 under it are another money.  It may
# still stand over what is spent (基本支出, 项目支出) or a phase.
_CLOSED_SOURCES = ("fiscal_appropriation",)


def _may_hold_source(group: str | None, leaf: str | None) -> bool:
    """May a column naming ``leaf`` stand under a group naming ``group``?"""
    if group not in _CLOSED_SOURCES or leaf not in FUNDING_SOURCES:
        return True
    return leaf == group or leaf in COLUMN_GROUPS[group]


def _orders(lines: list[list[str]], leaves: list[Heading], groups: list[Heading], steps: list[int], fits=None):
    """Every left-to-right order of the leaves with a span for every group (see the module doc)."""
    units = leaves + groups
    nl, ng = len(leaves), len(groups)
    # where each unit stands on each line it has a piece on
    at: list[dict[int, int]] = [{p.line: p.index for p in u.pieces} for u in units]
    before: list[set[int]] = [set() for _ in units]  # units printed left of u on a shared line
    for a in range(len(units)):
        for b in range(len(units)):
            if a != b and any(ln in at[b] and at[a][ln] < at[b][ln] for ln in at[a]):
                before[b].add(a)
    for a in range(len(units)):
        if before[a] & {b for b in range(len(units)) if a in before[b]}:
            return  # two headings in both orders: this joining is no reading
    totals = [leaf_key(HeaderColumn((), h)) == "total" for h in leaves]

    @cache
    def column(open_: tuple[int, ...], leaf: int) -> HeaderColumn:
        return HeaderColumn(tuple(groups[g - nl] for g in open_), leaves[leaf])

    @cache
    def stack_ok(open_: tuple[int, ...], leaf: int) -> bool:
        own = leaves[leaf]
        chain = [groups[g - nl] for g in open_]
        if any(g.last >= own.first for g in chain):
            return False  # a group stands above what it spans
        text = "".join(h.text for h in chain) + own.text
        cost, words = parse(text)
        if cost > _MAX_COST or not is_coherent(words) or not is_complete(words):
            return False
        if any(w.kind == "filler" and w.text == "比" for w in words) and leaf_key(HeaderColumn((), own)) not in CHANGES:
            return False  # a comparison (…比…) stands over what it gives: the change
        own_keys = [w.key for w in parse(own.text)[1] if w.kind == "measure" and w.key not in PHASE_KEYS]
        for k, g in enumerate(chain):
            gkeys = [w.key for w in parse(g.text)[1] if w.kind == "measure" and w.key in GROUP_PARTS]
            if gkeys and own_keys and own_keys[-1] not in GROUP_PARTS[gkeys[-1]] | {"total", gkeys[-1]}:
                return False
            # nor a group a closed group does not hold (机关运行经费预算数 under “三公”经费预算数)
            inner = [w.key for h in chain[k + 1 :] for w in parse(h.text)[1] if w.kind == "measure"]
            inner = [key for key in inner if key not in PHASE_KEYS]
            if gkeys and inner and inner[0] not in GROUP_PARTS[gkeys[-1]] | {"total", gkeys[-1]}:
                return False
            if own_keys and not _may_hold_source(group_key(g), own_keys[-1]):
                return False
        return True

    memo: dict[tuple, list[tuple[HeaderColumn, ...]]] = {}

    def done(u: int, placed: int, status: tuple[int, ...]) -> bool:
        return bool(placed >> u & 1) if u < nl else status[u - nl] == 2

    def rec(
        placed: int, status: tuple[int, ...], open_: tuple[int, ...], kids: tuple[int, ...]
    ) -> list[tuple[HeaderColumn, ...]]:
        """Every way to go on from here: the columns still to come."""
        key = (placed, status, open_, kids)
        if key in memo:
            return memo[key]
        steps[0] += 1
        if steps[0] > _MAX_STEPS:
            raise _GiveUp
        out: list[tuple[HeaderColumn, ...]] = []
        if placed == (1 << nl) - 1:
            # every group used, each over two columns or more
            if all(k >= 2 for k in kids) and all(s != 0 for s in status):
                out.append(())
        else:
            # close innermost groups (none, one, …), then open new ones, then place a leaf
            for close in range(len(open_) + 1):
                if close and kids[len(open_) - close] < 2:
                    break
                st = list(status)
                for g in open_[len(open_) - close :]:
                    st[g - nl] = 2
                out.extend(place(placed, tuple(st), open_[: len(open_) - close], kids[: len(kids) - close]))
        if len(out) > MAX_LAYOUTS:
            raise _GiveUp
        memo[key] = out
        return out

    def place(
        placed: int, status: tuple[int, ...], open_: tuple[int, ...], kids: tuple[int, ...]
    ) -> list[tuple[HeaderColumn, ...]]:
        out: list[tuple[HeaderColumn, ...]] = []
        for leaf in range(nl):  # a leaf under the open groups
            if placed >> leaf & 1:
                continue
            if not all(done(b, placed, status) or (b >= nl and b in open_) for b in before[leaf]):
                continue
            if totals[leaf] and (kids[-1] if kids else placed):
                continue  # a total comes before what it sums
            if not stack_ok(open_, leaf):
                continue
            col = column(open_, leaf)
            if fits is not None and not fits(bin(placed).count("1"), col):
                continue
            for rest in rec(placed | 1 << leaf, status, open_, tuple(min(x + 1, 2) for x in kids)):
                out.append((col, *rest))
        for g in range(nl, nl + ng):  # or open a group under the innermost open one (printed lower)
            if status[g - nl] != 0:
                continue
            if open_ and groups[open_[-1] - nl].last >= groups[g - nl].first:
                continue
            if not all(done(b, placed, status) or (b >= nl and b in open_) for b in before[g]):
                continue
            st = list(status)
            st[g - nl] = 1
            out.extend(place(placed, tuple(st), (*open_, g), (*kids, 0)))
        return out

    for cols in rec(0, tuple(0 for _ in groups), (), ()):
        yield list(cols)
