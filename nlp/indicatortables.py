"""A table of performance indicators is no table of money.

A 绩效指标 table (部门整体 / 项目绩效目标表 printed as a grid: 一级指标 二级指标 三级指标 指标值 度量单位, or
指标名称 目标值 计量单位) prints figures that are not yuan — 100%, ≥95, 10 个, 2026 年.  Its header tells it
from a table of amounts: some heading names an indicator or its value (a unit of measure alone, 计量单位, also heads
goods and assets beside their amounts) and none names an amount (金额, 合计, 预算数, 单价 …, letter-spaced too: those
are a money table that prints its projects' indicators beside their amounts, read as such).
A form printing its amounts first (资金总额, 财政拨款) and a line of
indicator headings under them is read as money down to that line and as indicators from there.  Such a table is
not read as money (no figure of it becomes a table's :class:`~nlp.model.Amount`); each value a line prints is one
:class:`~nlp.model.Indicator`: a quantity (its value and unit as :mod:`nlp.indicators` reads them), else a cost
(项目总成本 ≤45万元: in yuan, its printing kept), else a value in words or a date (明显改善, 2024年12月底前: kept as
printed).  The indicator's name is the cell printed right before its value (the levels of the grid in front, and
their pieces cut by narrow columns, are no part of it), with the pieces of it wrapped onto lines of their own.  Info
W314 names the table and how many indicators it gave; warning W317 names the lines that gave none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from nlp import columns as columns_mod
from nlp import indicatorvalues as iv
from nlp.model import Amount, Indicator
from nlp.normalize import Line, NormalizedText, squash
from nlp.rows import join_words
from nlp.vocab import COUNT_MEASURES, MONEY_HEADING

# headings only an indicator table prints over a column
_INDICATOR_HEADING = re.compile(r"指标值|目标值|完成值|度量单位|计量单位|指标名称|指标内容|[一二三]级指标")
# those that name the indicator or its value: a unit of measure alone (计量单位, 度量单位) heads a column of goods bought
# or assets held beside their amounts too
_INDICATOR_NAMING = re.compile(r"指标值|目标值|完成值|指标名称|指标内容|[一二三]级指标")


def is_indicator_header(header_text: str) -> bool:
    """The header names an indicator or its value and no column of amounts (read squashed: 指 标 值, 金 额 and 合 计
    letter-spaced too)."""
    text = squash(header_text)
    # lines printing an indicator's value are the table's first rows, taken into its header when no figure of money
    # follows them (成本指标 项目总成本 不超过预算 names no column of 预算)
    headings = squash(
        "\n".join(ln for ln in header_text.splitlines() if not iv.values(Line(ln, 0, 0, 0), False, False))
    )
    if not _INDICATOR_NAMING.search(text) or MONEY_HEADING.search(headings):
        return False
    # a count (数量, 人数 …, as in 数量指标) is no amount either
    return all(key in ("performance_target", *COUNT_MEASURES) for _, key in columns_mod.header_phrases(headings))


def heading_line(body: list[Line]) -> int | None:
    """The body line where a form's indicators start below its amounts (年度资金总额 … then 一级指标 二级指标
    三级指标 指标值): a line of headings only — two indicator headings or more, no figure, no sentence."""
    for k, line in enumerate(body):
        text = iv.WEIGHT.sub("", squash(line.text))
        if len(_INDICATOR_HEADING.findall(text)) >= 2 and not re.search(r"\d|[。，；]", text):
            return k
    return None


def heading_text(body: list[Line], at: int) -> str:
    """The headings of a grid whose line ``at`` the headings cut over lines share (年度指 / 二级指标 三级指标 实际完成值
    / 标值): that line and the lines of words around it, up to two above and below."""
    near = [ln for ln in body[max(0, at - 2) : at + 3] if ln is body[at] or not re.search(r"\d|[。，；]", ln.text)]
    return "\n".join(ln.text for ln in near)


def grid_end(body: list[Line], at: int) -> int:
    """Where a form's grid of indicators, its headings at line ``at``, ends: at its 总分 line, or at the first line
    of prose after it that prints no value (a paragraph of the narrative the form is printed in, or a numbered heading
    of it: 二、绩效评价工作开展情况)."""
    for k in range(at + 1, len(body)):
        text = squash(body[k].text)
        if text.startswith("总分"):
            return k + 1
        prose = len(text) >= 24 and re.search(r"[。，；：:]", text) and len(body[k].text.split()) <= 2
        heading = _NUMBERED_HEADING.match(body[k].text.strip()) and len(body[k].text.split()) == 1
        if (prose or heading) and not iv.values(body[k], False, False):
            return k  # a sentence in a cell or two, no value on its line (a line of the grid prints its reasons beside)
    return len(body)


# a numbered heading of the narrative: 二、…, （一）…
_NUMBERED_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]")
# headings of a table of evaluation scores (一级指标 分值 得分 得分率): a weight and a score, no indicator's value
_SCORE_HEADING = re.compile(r"分值|得分|权重")
_VALUE_HEADING = re.compile(r"指标值|目标值|完成值|指标内容|标值")


def opening_grid(lines: list[Line]) -> list[Line] | None:
    """The lines of a grid of indicators that a table opens with (its first line a line of indicator headings, no
    heading of an amount among them), to the grid's end — the report's prose may run on after it; None when the table
    opens otherwise."""
    if not lines or heading_line(lines[:1]) != 0:
        return None
    grid = lines[: grid_end(lines, 0)]
    return grid if is_indicator_header("\n".join(ln.text for ln in grid)) else None


def is_score_header(header_text: str) -> bool:
    """A table of evaluation scores (一级指标 分值 得分 得分率: 决策 20 18.40 92.00%): its headings name the levels of
    the indicators and their weights and scores, no indicator's value — none of its figures is money or an
    indicator."""
    first = squash(header_text.splitlines()[0]) if header_text.strip() else ""
    return bool(_INDICATOR_NAMING.search(first) and _SCORE_HEADING.search(first)) and not _VALUE_HEADING.search(first)


# a heading of the target: 指标值, 目标值, or 年度指标值 cut over lines (年度指 / 标值, 年度指标 / 值)
_TARGET_HEADING = re.compile(r"标值|年度指")


def achieved(header_text: str) -> bool:
    """A final account's table prints what was achieved (实际完成值), not a target."""
    text = squash(header_text)
    return "完成值" in text and not _TARGET_HEADING.search(text)


def paired(header_text: str) -> bool:
    """A final account's self-evaluation prints the target and what was achieved side by side (年度指标值 实际完成值)."""
    text = squash(header_text)
    return "完成值" in text and bool(_TARGET_HEADING.search(text))


@dataclass
class Read:
    """What an indicator table's lines give: its indicators, and the lines that gave none and are no part of one's
    name nor a level or heading of the grid (the caller names them: W317)."""

    indicators: list[Indicator] = field(default_factory=list)
    unread: list[Line] = field(default_factory=list)


# a line declaring the table's unit or who drew it up (单位：万元, 编制单位：…)
_DECLARATION = re.compile(r"单\s*位\s*[:：]")
_MAX_HEAD_LINES = 3  # an indicator's name wrapped above its value's line, at most over so many lines


def explained(header_text: str) -> bool:
    """A self-evaluation's grid printing a column of text beside its values (偏差原因分析及改进措施): in plain text its
    lines interleave with the names' pieces, so a name is only the cell on its value's line."""
    return bool(re.search(r"原因|措施|说明", squash(header_text)))


_SENTENCE = re.compile(r"[。，；：:]")


def _piece(line: Line) -> re.Match | None:
    """A line printing one piece of a name alone (培养实践锻炼、跟 / 率; the grid's levels beside it aside): no
    sentence, one cell that names something — or one character that is no piece of a level (率, not 标)."""
    if _SENTENCE.search(line.text):
        return None
    cells = iv.word_cells(line.text)
    if len(cells) == 1:
        return cells[0]
    one = re.fullmatch(r"\s*([\u4e00-\u9fff])\s*", line.text)
    return one if one and not cells and not any(one.group(1) in w for w in iv.LEVELS) else None


def _centred_names(body: list[Line], achieved: bool, paired: bool) -> dict[int, tuple[Line, re.Match, Line, re.Match]]:
    """In a grid whose lines interleave with a column of text (偏差原因分析及改进措施), the names centred on a value line
    that prints none: one piece alone on the line right above and one alone on the line right below, neither a value
    line, brackets closed (培养实践锻炼、跟 / ≥120人 131人 6 6 / 班学习干部人数).  A name over more lines, or whose
    lines print a piece of the text column beside it, stays unread (W317)."""
    out: dict[int, tuple[Line, re.Match, Line, re.Match]] = {}
    for above, line, below in zip(body, body[1:], body[2:]):
        values = iv.values(line, achieved, paired)
        if not values or values[0].name is not None or iv.values(above, False, False) or iv.values(below, False, False):
            continue
        top, end = _piece(above), _piece(below)
        if top is None or end is None:
            continue
        name = top.group(0) + end.group(0).strip()
        if sum(name.count(c) for c in "（(") == sum(name.count(c) for c in "）)"):
            out[id(line)] = (above, top, below, end)
    return out


@dataclass
class _CutRow:
    """A self-evaluation's line printing no name — its values, or its scores alone — between two lines printing
    equally many cells: every cell of the row centred on it and cut over the two (``满意度指 服务对象 《工作简报》读者`` /
    ``≥95% 97.35% 10 10`` / ``标 满意度指标 满意度``; ``绩 完成对保洁公司的 次年3月 已于2025年3`` / ``时效指标 8 8`` /
    ``效 评价 份前 月完成``)."""

    above: Line
    below: Line
    values: list[iv.Value]  # read from the cells joined, then the line's own (offsets into that text)
    first: int  # where the row's first cell begins on the line above


def _word_cell(cell: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", cell)) and (iv.level(cell) or bool(iv.NATURE.fullmatch(cell)))


def _cut_rows(body: list[Line], achieved: bool, paired: bool) -> dict[int, _CutRow]:
    """The lines of a grid interleaving with a column of text whose row's cells are each cut over the line above and
    the line below (:class:`_CutRow`): joined cell by cell, the grid's levels aside, they are read with the line's own
    values and scores as one line of the grid — as its PDF prints the row.  Cells of a sentence (the column of reasons
    beside) are none of it."""
    out: dict[int, _CutRow] = {}
    for above, line, below in zip(body, body[1:], body[2:]):
        own = iv.values(line, achieved, paired)
        if (own and own[0].name is not None) or iv.values(above, False, False) or iv.values(below, False, False):
            continue
        up, down = list(re.finditer(r"\S+", above.text)), below.text.split()
        if len(up) != len(down) or _SENTENCE.search(above.text + line.text + below.text):
            continue
        kept = [(a, a.group(0) + b) for a, b in zip(up, down) if not _word_cell(a.group(0) + b)]
        cells = [c for _, c in kept]
        rest = [t for t in line.text.split() if not _word_cell(t)]
        if not cells or not rest or any(iv.NO_WORDS.fullmatch(c) for c in cells):
            continue
        if not own and not all(iv.NO_WORDS.fullmatch(t) for t in rest):
            continue  # a line of scores and a piece of a cell cut over more lines (业能力和履职 10 9)
        if any(sum(c.count(b) for b in "（(") != sum(c.count(b) for b in "）)") for c in cells):
            continue  # a cell cut over more lines than these (行时长占比（运行 / 天数/全年总天)
        values = iv.values(Line(" ".join(cells + rest), 0, 0, 0), achieved, paired)
        if values and values[0].name is not None:
            out[id(line)] = _CutRow(above, below, values, kept[0][0].start())
    return out


def _add_cut(norm: NormalizedText, cut: _CutRow, into: list[Indicator]) -> None:
    """The indicators of a cut row, their evidence over its three lines."""
    span = norm.raw_span(cut.above.start + cut.first, cut.below.start + len(cut.below.text.rstrip()))
    name = ""
    for v in cut.values:
        name = v.name[0] if v.name and not v.of_previous else name
        amount = Amount(v.value, v.amount[0], v.amount[1], span) if v.amount and v.value is not None else None
        into.append(Indicator(name, v.value, v.unit, v.comparator, span, v.achieved, amount=amount, text=v.text))


# the head of a target wrapped inside its cell: a figure with its comparator, perhaps the start of its unit (≤120万,
# 9562平, ≥330台, ≤1638.67); the tail below it the rest of the unit (元, 方米, 套, 万元)
_TARGET_HEAD = re.compile(r"(?:^|(?<=\s))[≥≤<>＝=]?\d[\d.,]*[\u4e00-\u9fff%]{0,2}$")
# the head of a target in words wrapped the same way (不超标 / 准: 不超标准)
_WORD_HEAD = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff]{2,8}$")
_UNIT_TAIL = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff%]{1,3}$")


@dataclass
class _SplitTarget:
    """A self-evaluation's value line printing only what was achieved, its target wrapped in a narrow cell: the
    target's head on the line above, its unit's tail on the line below (≤120万 / 项目成本控制 120万元 20 20 / 元)."""

    above: Line
    head: re.Match
    below: Line
    tail: re.Match
    target: iv.Value  # read from head and tail joined (offsets into that text)


def _split_targets(body: list[Line]) -> dict[int, _SplitTarget]:
    """In a grid pairing targets with what was achieved, the value lines printing one value whose target is wrapped
    around them: the head and the tail joined read as a value of the same unit as what was achieved (≥330台 + 套 →
    ≥330台套 beside 330台套) — a figure of the same measure, so the two are the target and what was achieved of it."""
    out: dict[int, _SplitTarget] = {}
    for above, line, below in zip(body, body[1:], body[2:]):
        values = iv.values(line, True, True)
        if len(values) != 1 or iv.values(below, False, False):
            continue
        in_words = values[0].text is not None
        head = (_WORD_HEAD if in_words else _TARGET_HEAD).search(above.text.rstrip())
        tail = _UNIT_TAIL.search(below.text.rstrip())
        if head is None or tail is None:
            continue
        if iv.values(_blanked(above, head), False, False):
            continue  # a line of values ending in a score (≥1000件 1050件 8 8): no target's head
        joined = Line(head.group(0) + tail.group(0), 0, 0, 0)
        if in_words and not (iv.WORDS.fullmatch(joined.text) or iv.DATE.fullmatch(joined.text)):
            continue  # words of a target are words the vocabulary reads whole (不超标 / 准: 不超标准), not any two pieces
        target = iv.values(joined, False, False)
        if len(target) == 1 and target[0].unit == values[0].unit and target[0].end == len(joined.text):
            out[id(line)] = _SplitTarget(above, head, below, tail, target[0])
    return out


def indicators(
    norm: NormalizedText, body: list[Line], achieved: bool = False, paired: bool = False, wrapped: bool = True
) -> Read:
    """The indicators printed on the lines of an indicator table's body: each quantity, else each cost, else a
    value in words or a date, named by the cell right before it — joined to the pieces of its name printed on lines
    of their own above (a name wrapped over lines) and, when its line prints no name, to as many printed below
    (a cell centred on its value) — unless not ``wrapped``: then a name is the cell on its value's line only, and
    the lines of pieces are named unread.  The evidence runs from the name's first piece to the value."""
    out = Read()
    heads: list[tuple[Line, list[re.Match]]] = []  # pieces of the next name, on lines of their own
    tails = 0  # lines of the last name still expected under its value
    last: list[int] = []  # the last value line's first indicator and what was achieved of it (indices in out)
    last_start = 0  # where the first one's name starts (clean text)
    split = _split_targets(body) if paired else {}
    if split:  # the target's head and tail are no part of the lines' other cells (a name's pieces, levels)
        blank = {id(sp.above): sp.head for sp in split.values()} | {id(sp.below): sp.tail for sp in split.values()}
        body = [_blanked(ln, blank[id(ln)]) if id(ln) in blank else ln for ln in body]
    centred = {} if wrapped else _centred_names(body, achieved, paired)
    cut = {} if wrapped else {k: c for k, c in _cut_rows(body, achieved, paired).items() if k not in centred}
    pieces = {id(ln) for above, _, below, _ in centred.values() for ln in (above, below)}
    pieces |= {id(ln) for c in cut.values() for ln in (c.above, c.below)}
    for line in body:
        if id(line) in cut and id(line) not in split:
            _add_cut(norm, cut[id(line)], out.indicators)
            heads, tails, last = [], 0, []
            continue
        values = iv.values(line, achieved, paired)
        sp = split.get(id(line))
        if values and sp is not None:
            values = [replace(sp.target, name=values[0].name, start=values[0].start, end=values[0].start, amount=None)]
            values.append(replace(iv.values(line, True, True)[0], of_previous=True))
        added = len(out.indicators)
        if values and id(line) in centred:
            above, top, below, end = centred[id(line)]
            last, last_start, _ = _add(norm, line, values, [(above, [top])], out.indicators)
            _join_tail(norm, out.indicators, last, last_start, below, end.group(0).strip(), below.start + end.end())
            heads, tails = [], 0
        elif values:
            last, last_start, tails = _add(norm, line, values, heads, out.indicators)
            tails *= wrapped
            heads = []
        if values:
            if sp is not None:
                _place_split(norm, out.indicators, added, sp)
            continue
        if id(line) in pieces:
            continue
        cells = iv.word_cells(line.text)
        if not cells or _DECLARATION.search(line.text) or squash(line.text).endswith("表"):
            continue  # levels of the grid, weights, a page's number, 单位：万元 / 编制单位：…, a title: nothing to read
        sentence = bool(re.search(r"[。，；：:]", line.text))
        if sentence or _INDICATOR_HEADING.search(squash(line.text)):  # a sentence, or a line of headings
            out.unread.extend([ln for ln, _ in heads] + [line] * sentence)
            heads, tails = [], 0
            continue
        if tails and last:  # the end of the name above, printed under its value
            tails -= 1
            piece = join_words([m.group(0) for m in cells])
            _join_tail(norm, out.indicators, last, last_start, line, piece, line.start + cells[-1].end())
            continue
        tails = 0
        if not wrapped:
            out.unread.append(line)
            continue
        heads.append((line, cells))
        if len(heads) > _MAX_HEAD_LINES:
            out.unread.append(heads.pop(0)[0])
    out.unread.extend(ln for ln, _ in heads)
    return out


def _blanked(line: Line, piece: re.Match) -> Line:
    """The line with ``piece`` printed as spaces (offsets kept)."""
    text = line.text[: piece.start()] + " " * len(piece.group(0)) + line.text[piece.end() :]
    return Line(text, line.start, line.number, line.page)


def _place_split(norm: NormalizedText, into: list[Indicator], at: int, sp: _SplitTarget) -> None:
    """The target of a split value line, read at the line's value: its evidence from its head to its tail (the name's
    first piece too), a cost's amount as printed over both lines."""
    target = into[at]
    head, tail = sp.above.start + sp.head.start(), sp.below.start + sp.tail.end()
    amount = None
    if sp.target.amount is not None and target.value is not None:
        printed, unit = sp.target.amount[0], sp.target.amount[1]
        amount = Amount(target.value, printed, unit, norm.raw_span(head, tail))
    start = min(head, target.span.start) if target.name else head
    into[at] = replace(target, span=norm.raw_span(start, tail), amount=amount)


def _join_tail(
    norm: NormalizedText, into: list[Indicator], last: list[int], start: int, line: Line, piece: str, end: int
) -> None:
    """The end of a name printed under its value's line: joined to the line's first indicator (and to what was
    achieved of it), its evidence grown to the piece's ``end`` (clean text)."""
    first = into[last[0]]
    into[last[0]] = replace(first, name=first.name + piece, span=norm.raw_span(start, end))
    for k in last[1:]:
        into[k] = replace(into[k], name=first.name + piece)


def _add(
    norm: NormalizedText,
    line: Line,
    values: list[iv.Value],
    heads: list[tuple[Line, list[re.Match]]],
    into: list[Indicator],
) -> tuple[list[int], int, int]:
    """The indicators of a value line, named (with the pieces of the first one's name above it); the indices of
    its first and what was achieved of it, where the first one's name starts, and how many lines of its name to
    expect below."""
    first: list[int] = []
    first_start = tails = 0
    named: Indicator | None = None
    for k, v in enumerate(values):
        amount = None
        if v.amount is not None and v.value is not None:  # a cost: _costs gives its value in yuan with it
            span = norm.raw_span(line.start + v.amount[2], line.start + v.amount[3])
            amount = Amount(v.value, v.amount[0], v.amount[1], span)
        if v.of_previous and named is not None:
            span = norm.raw_span(line.start + v.start, line.start + v.end)
            into.append(Indicator(named.name, v.value, v.unit, v.comparator, span, True, amount=amount, text=v.text))
            if first and len(first) == 1 and into[first[0]] is named:
                first.append(len(into) - 1)
            continue
        name = v.name[0] if v.name else ""
        start = line.start + (v.name[1] if v.name else v.start)
        if k == 0 and heads:
            name = join_words([m.group(0) for _, cells in heads for m in cells] + ([name] if name else []))
            start = heads[0][0].start + heads[0][1][0].start()
            tails = 0 if v.name else len(heads)
        elif k == 0 and not v.name:
            tails = 1  # no name on its line: printed under the value, the cell centred on it
        span = norm.raw_span(start, line.start + v.end)
        named = Indicator(name, v.value, v.unit, v.comparator, span, v.achieved, amount=amount, text=v.text)
        into.append(named)
        if k == 0:
            first, first_start = [len(into) - 1], start
    return first, first_start, tails
