"""Projects from their performance forms (项目绩效目标表 / 项目支出绩效自评表): one form per project.

Central departments print a project not as a row of a table but as a form of its own::

    信息化运行维护绩效目标表
    项目名称 信息化运行维护
    …
    年度资金总额： 2,134.87
    其中：财政拨款 1,384.87
    项目资金 （万元）
    上年结转 750.00

A budget's form prints one figure per line of funds; a final account's self-evaluation form prints
several (年初预算数 全年预算数 全年执行数 分值 执行率 得分), in an order the text does not keep when its
headings wrap.  There the execution rate the line prints decides: the executed figure over the year's
budget is that rate, so the pair that gives it is (全年执行数, 全年预算数); the figure left is the
年初预算数.  Where no pair gives the rate, or two do with different figures, only the name is kept —
no figure is ever assigned a meaning the form does not bear out.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from nlp import indicatorvalues
from nlp.amounts import parse_amount
from nlp.errors import Diagnostics
from nlp.model import Amount, Indicator, Link, PerformanceTarget, Project
from nlp.normalize import Line, NormalizedText, squash
from nlp.tablefind import find_tables

_NAME = re.compile(r"^\s*项目名称\s+(?P<name>\S.*?)\s*$")
_TOTAL = re.compile(r"年度资金总额\s*[:：]?")
_FIGURE = re.compile(r"(?<![\d.%])-?\d[\d,]*\.\d+(?![\d%])")
_RATE = re.compile(r"(\d+(?:\.\d+)?)%")
_UNIT = re.compile(r"[（(](万元|元|千元)[)）]")
_FUNDS = (
    ("fiscal_appropriation", re.compile(r"财政\s*拨款")),
    ("opening_balance", re.compile(r"上\s*年?\s*结转")),
    ("other_funds", re.compile(r"其他\s*资金|其\s*$")),
)
_TARGETS_END = re.compile(r"一级指标|绩效指标|二级指标")
_SPAN = 14  # lines from 项目名称 to 年度资金总额 in the forms seen; a form is compact
FORM_HEAD = 4  # a form's 项目名称 line comes within this many lines of its title (…绩效目标表, （2026年度）)


def form_at(lines: list[Line], i: int) -> int | None:
    """The 年度资金总额 line of the form whose 项目名称 line is ``lines[i]``; None when no form starts there (a table's
    header with 项目名称 over a column is followed by another 项目名称 or by no 年度资金总额)."""
    if not _NAME.match(lines[i].text):
        return None
    at = next((j for j in range(i + 1, min(i + _SPAN, len(lines))) if _TOTAL.search(lines[j].text)), None)
    if at is None or any(_NAME.match(lines[j].text) for j in range(i + 1, at)):
        return None
    return at


def extract(norm: NormalizedText, diag: Diagnostics, known: set[str]) -> list[Project]:
    """The projects of the report's performance forms whose names no table gave (``known``)."""
    lines = norm.lines
    out: list[Project] = []
    for i, line in enumerate(lines):
        m = _NAME.match(line.text)
        at = form_at(lines, i)
        if not m or at is None:
            continue
        name = squash(m.group("name"))
        if name in known:
            continue
        block = lines[i : min(at + 12, len(lines))]
        unit = next((u.group(1) for ln in block for u in [_UNIT.search(ln.text)] if u), None)
        if unit is None:
            diag.warn("W302", line=lines[at].number, table=name, unit="万元")
            unit = "万元"
        # a self-evaluation (自评) form reports what was spent: its amount is the executed figure
        final_account = any("自评" in ln.text or "决算" in ln.text for ln in lines[max(0, i - 3) : i])
        figures = _figures(norm, lines[at], unit)
        amount, cells = _funds(norm, lines, at, figures, unit, final_account)
        known.add(name)
        out.append(
            Project(
                name=name,
                unit_name=None,
                amount=amount,
                cells=cells,
                span=norm.raw_span(line.start + m.start("name"), line.start + m.end("name")),
                # a self-evaluation prints its targets beside what was achieved, line by line
                target=_paired_target(norm, lines, at, name) if final_account else _target(norm, lines, at, name),
            )
        )
    return out


def indicator_links(norm: NormalizedText, projects: list[Project], indicators: list[Indicator]) -> list[Link]:
    """``target:<i> has_indicator indicator:<j>``: each indicator a project's form prints in its grid (read by
    nlp.tables) is one of the form's project's targets — the form is the found table whose lines hold the indicator,
    its project the one named on the form's 项目名称 line (a project with a target only)."""
    lines = norm.lines
    by_name = {squash(p.name): i for i, p in enumerate(projects, 1) if p.target is not None}
    out = []
    for ft in find_tables(norm):
        named = (
            _NAME.match(lines[k].text)
            for k in range(ft.anchor, min(ft.anchor + FORM_HEAD, len(lines)))
            if form_at(lines, k) is not None
        )
        m = next(named, None)
        project = by_name.get(squash(m.group("name"))) if m else None
        if project is None or not ft.lines:
            continue
        start = norm.raw_span(lines[ft.anchor].start, lines[ft.anchor].end).start
        end = norm.raw_span(lines[ft.lines[-1]].start, lines[ft.lines[-1]].end).end
        for j, indicator in enumerate(indicators, 1):
            if start <= indicator.span.start < end:
                out.append(Link(f"target:{project}", "has_indicator", f"indicator:{j}", indicator.span))
    return out


def _figures(norm: NormalizedText, line, unit: str) -> list[Amount]:
    out = []
    text = line.text[_TOTAL.search(line.text).end() :]  # type: ignore[union-attr]
    offset = len(line.text) - len(text)
    for f in _FIGURE.finditer(text):
        value = parse_amount(f.group(0), unit)
        if isinstance(value, Decimal):
            out.append(
                Amount(
                    value,
                    f.group(0),
                    unit,
                    norm.raw_span(line.start + offset + f.start(), line.start + offset + f.end()),
                )
            )
    return out


def _funds(
    norm: NormalizedText, lines, at: int, figures: list[Amount], unit: str, final_account: bool
) -> tuple[Amount | None, dict[str, Amount]]:
    """The project's amount and the figures by meaning, from the 年度资金总额 line and the lines of
    funds under it (one figure each in a budget's form)."""
    if len(figures) == 1:
        cells = {"total": figures[0]}
        for key, pattern in _FUNDS:
            for ln in lines[at + 1 : at + 10]:
                if pattern.search(ln.text):
                    got = _figures_anywhere(norm, ln, unit)
                    if len(got) == 1:
                        cells[key] = got[0]
                    break
        return figures[0], cells
    rate = _RATE.search(lines[at].text)
    if len(figures) < 3 or rate is None:
        return None, {}
    executed, _, initial = _by_rate(figures[:3], Decimal(rate.group(1)))
    if executed is None:
        return None, {}
    # 全年预算数 (the year's budget as adjusted) has no measure of its own: told apart, not stored
    cells = {"budget": initial, "final": executed} if initial is not None else {"final": executed}
    return (executed if final_account else initial), cells


def _figures_anywhere(norm: NormalizedText, line, unit: str) -> list[Amount]:
    out = []
    for f in _FIGURE.finditer(line.text):
        value = parse_amount(f.group(0), unit)
        if isinstance(value, Decimal):
            out.append(Amount(value, f.group(0), unit, norm.raw_span(line.start + f.start(), line.start + f.end())))
    return out


def _by_rate(figures: list[Amount], rate: Decimal) -> tuple[Amount | None, Amount | None, Amount | None]:
    """(executed, year's budget, initial budget) from three figures and the execution rate printed
    beside them: the one pair whose quotient is the rate (to the printed decimals)."""
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(1)
    fits = []
    for a in range(3):
        for b in range(3):
            if a == b or figures[b].value == 0:
                continue
            q = (figures[a].value / figures[b].value * 100).quantize(places, rounding=ROUND_HALF_UP)
            if q == rate:
                fits.append((a, b))
    values = {(figures[a].value, figures[b].value) for a, b in fits}
    if len(values) != 1:
        return None, None, None
    a, b = fits[0]
    rest = [figures[k] for k in range(3) if k not in (a, b)]
    # the initial budget is the figure left, unless it equals one of the pair (then any is)
    return figures[a], figures[b], rest[0]


# the first of the numbered targets, after the heading 年度总体目标 when the heading's cell and the targets' cell are
# one line (a ruled form read from its PDF: 年度总体目标 1.加强…)
_FIRST_TARGET = re.compile(r"^\s*(?:年度总体目标\s*)?(?=1[.．、])")


def _target(norm: NormalizedText, lines, at: int, name: str) -> PerformanceTarget | None:
    """The form's 年度总体目标: the numbered sentences after the funds, before the indicators
    (the heading 年/度/总/体/目/标 printed down the margin, one character a line, or in its cell before them, left
    out)."""
    start = next((j for j in range(at + 1, min(at + 12, len(lines))) if _FIRST_TARGET.match(lines[j].text)), None)
    if start is None:
        return None
    end = next(
        (
            j
            for j in range(start, min(start + 40, len(lines)))
            if _TARGETS_END.search(lines[j].text) or indicatorvalues.headings_only(lines[j].text)
        ),
        None,
    )
    if end is None:
        return None
    # a line's piece of the margin's heading (年 3.强化…, 度 探索…) is none of the target
    body = [(ln, _margin(ln.text)) for ln in lines[start:end] if len(ln.text.strip()) > 1]
    if not body:
        return None
    body[0] = (body[0][0], _FIRST_TARGET.match(body[0][0].text).end())  # type: ignore[union-attr]
    text = "".join(ln.text[skip:].strip() for ln, skip in body)
    first, last = body[0][0], body[-1][0]
    return PerformanceTarget(text=text, span=norm.raw_span(first.start + body[0][1], last.end), project_name=name)


# the two columns' headings, after the heading 年度总体目标 when its cell and theirs are one line (a ruled form read from
# its PDF: 年度总体目标 预期目标 实际完成情况)
_PAIRED_HEADER = re.compile(r"^\s*(?:年度总体目标\s+)?预期目标\s+实际完成情况\s*$")
_PAIRED_END = re.compile(r"偏差原因|一级指|二级指标|绩效指标")
#: the heading 年度总体目标 printed down the left margin, one character a line, before a line's cells
_MARGIN = re.compile(r"^\s*[年度总体目标]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[。；;！!？?]$")
_PUNCTUATION_ONLY = re.compile(r"^[。，、；;：:！!？?）)”’]+$")


def _margin(text: str) -> int:
    """Where a line's text starts after a character of the margin's heading 年/度/总/体/目/标 printed before it."""
    margin = _MARGIN.match(text)
    return margin.end() if margin else 0


def _paired_target(norm: NormalizedText, lines, at: int, name: str) -> PerformanceTarget | None:
    """A self-evaluation form's 预期目标 beside its 实际完成情况: two columns printed side by side, a line of
    text carrying a piece of each (the margin's 年/度/总/体/目/标 in front).  On a line of two pieces or more
    the first is the target's and the rest what was achieved (a piece of punctuation alone goes with the one
    before it); a line of one piece goes on with the target while the target's sentence is unfinished, else
    it is what was achieved printed on below a target that has ended."""
    header = next((j for j in range(at + 1, min(at + 12, len(lines))) if _PAIRED_HEADER.match(lines[j].text)), None)
    if header is None:
        return None
    end = next((j for j in range(header + 1, min(header + 60, len(lines))) if _PAIRED_END.search(lines[j].text)), None)
    if end is None:
        return None
    target: list[tuple[int, int, str]] = []  # (start, end, text) of each piece in the normalized text
    achieved: list[tuple[int, int, str]] = []
    for ln in lines[header + 1 : end]:
        margin = _MARGIN.match(ln.text)
        offset = margin.end() if margin else 0
        pieces = [(offset + m.start(), offset + m.end(), m.group(0)) for m in re.finditer(r"\S+", ln.text[offset:])]
        if not pieces or (
            len(pieces) == 1 and not margin and len(pieces[0][2]) == 1 and pieces[0][2] in "年度总体目标"
        ):
            continue
        if len(pieces) == 1:
            ended = bool(target) and bool(_SENTENCE_END.search(target[-1][2]))
            (achieved if ended else target).append(_piece(ln, pieces[0]))
            continue
        k = 1
        while k < len(pieces) and _PUNCTUATION_ONLY.match(pieces[k][2]):
            k += 1
        first = (pieces[0][0], pieces[k - 1][1], ln.text[pieces[0][0] : pieces[k - 1][1]].replace(" ", ""))
        target.append(_piece(ln, first))
        achieved.extend(_piece(ln, p) for p in pieces[k:])
    if not target:
        return None
    out = PerformanceTarget(
        text="".join(t for _, _, t in target),
        span=norm.raw_span(target[0][0], target[-1][1]),
        project_name=name,
        pieces=[norm.raw_span(s, e) for s, e, _ in target],
    )
    if achieved:
        out.achieved = "".join(t for _, _, t in achieved)
        out.achieved_span = norm.raw_span(achieved[0][0], achieved[-1][1])
        out.achieved_pieces = [norm.raw_span(s, e) for s, e, _ in achieved]
    return out


def _piece(line, piece: tuple[int, int, str]) -> tuple[int, int, str]:
    """A piece of a line as (normalized start, end, text): offsets into the normalized text."""
    return line.start + piece[0], line.start + piece[1], piece[2]
