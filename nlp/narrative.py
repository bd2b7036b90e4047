"""The narrative of a report: units, responsibilities (主要职责), tasks (重点工作 …),
department performance targets (绩效目标), head counts and stated totals.

Items are the enumerated paragraphs of a section (nlp.headings.blocks), so a
responsibility wrapped over any number of lines, or at any width, is one item.
"""

from __future__ import annotations

import bisect
import re

from nlp import comparisons, evaluatedprojects, figures, keyprojects
from nlp.errors import Diagnostics
from nlp.headings import ITEM_STYLES, Block, blocks, split_inline
from nlp.layout import heading_lines, line_range, walk
from nlp.model import PerformanceTarget, Report, Responsibility, Section, Span, Task
from nlp.normalize import NormalizedText
from nlp.orgnames import ORG_SUFFIXES, is_short_form, match_full_name, name_before, split_scope
from nlp.units import find_units, same_unit

# Sub-sections of a 重点工作 section that hold no tasks.
NOT_TASKS = [r"存在问题", r"问题", r"依据", r"困难", r"不足"]
# Headings that only name a list ("一、主要工作情况"), not a task of it.
GENERIC_HEADING = r"(情况|说明|要点|计划)$"
# Task flavours by the wording of the section they sit in (first match wins).
TASK_KINDS = [
    ("work_done", r"完成情况|开展情况|工作情况"),
    ("work_plan", r"工作要点|工作计划|年度工作任务|主要工作任务"),
]

_INTRO = re.compile(r"(主要职责|主要职能|职责|职能)(是|为|如下|包括)?\s*[：:]\s*$")
_SENTENCE_END = "。；;！？!?"


def extract(norm: NormalizedText, report: Report, diag: Diagnostics) -> None:
    report.units = find_units(norm, report.sections, report.agency)
    if report.agency:
        agency_unit = next(u for u in report.units if u.is_agency)
        if agency_unit.span is None:
            agency_unit.span = report.agency_span
    report.responsibilities = responsibilities(norm, report.sections, report.agency, report.agency_short)
    report.tasks = tasks(norm, report.sections)
    report.performance_targets = performance_targets(norm, report.sections)
    report.headcounts = figures.headcounts(norm, report.sections)
    report.stated_totals = figures.stated_totals(norm, report.sections)
    report.budget_comparisons = comparisons.extract(norm, report)
    report.projects.extend(keyprojects.extract(norm, report))
    report.projects.extend(evaluatedprojects.attach(report))


def _leaves(sections: list[Section], kind: str) -> list[Section]:
    """Sections of ``kind`` that contain no other section of that kind."""
    out = []
    for s in walk(sections):
        if s.kind == kind and not any(c.kind == kind for c in walk(s.children)):
            out.append(s)
    return out


def _tops(sections: list[Section], kind: str) -> list[Section]:
    """Sections of ``kind`` not inside another section of that kind."""
    out: list[Section] = []

    def visit(secs: list[Section]) -> None:
        for s in secs:
            if s.kind == kind:
                out.append(s)
            else:
                visit(s.children)

    visit(sections)
    return out


def _span(norm: NormalizedText, blk: Block, body_only: bool = True):
    a, b = blk.body_range() if body_only else blk.range()
    return norm.raw_span(a, b)


def responsibilities(
    norm: NormalizedText, sections: list[Section], agency: str | None, agency_short: str | None
) -> list[Responsibility]:
    """One item per enumerated paragraph of 主要职责, per unit.

    A paragraph ending in "主要职责是：", or an enumerated sub-heading naming a
    unit ("1. 广州市番禺区政务服务中心"), names the unit whose items follow; the
    agency's own list needs no such intro (or names the agency or its short name).
    Without a 主要职责 heading, the items after such an intro anywhere are read.
    """
    # only standard headings end an item: an item taken for a heading stays an item
    heads = {i for s in walk(sections) if s.kind not in (None, "toc") for i in _heading_range(norm, s)}
    ranges = [line_range(norm, s) for s in _leaves(sections, "responsibilities")]
    if not ranges:
        ranges = _intro_ranges(norm, heading_lines(norm, sections))
    out: list[Responsibility] = []
    for first, end in ranges:
        out.extend(_items(norm, first, end, agency, heads))
    return out


_UNIT_HEADING = re.compile(
    r"^(?P<name>[\u4e00-\u9fff\d（）()]{4,40}?(?:" + "|".join(ORG_SUFFIXES) + r"))"
    r"(?:(?:的)?(?:主要)?(?:职责|职能)(?:是|为|如下)?)?[：:]?$"
)


_NAMES_DUTIES = re.compile(r"(?:的)?(?:主要)?(?:职责|职能)")


def _unit_named(text: str, agency: str | None) -> str:
    """The unit an intro or a sub-heading names: the agency unless another name is given.

    The name is what stands before "（的）主要职责/职能", taken whole; a full name at the start
    (place prefix + suffix) otherwise.  "本局的主要职责是：" names no one: the agency.
    """
    named = None
    m = _NAMES_DUTIES.search(text)
    if m:
        found = name_before(text, m.start())
        if found and found[0] == 0:
            named = split_scope(text[found[0] : found[1]])[0]
    if named is None:
        fm = match_full_name(text, 0)
        named = fm.group(0) if fm else None
    if named is None or (
        agency and (same_unit(named, agency) or is_short_form(named, agency) or agency.endswith(named))
    ):
        return agency or ""
    return named


def _items(norm: NormalizedText, first: int, end: int, agency: str | None, heads: set[int]) -> list[Responsibility]:
    """The enumerated items of lines ``[first, end)`` (inline ones too: "职能是：1.…2.…"); without
    any, the prose, stored whole (one text per unit) as a responsibility that says it is not enumerated."""
    out: list[Responsibility] = []
    paragraphs: list[Responsibility] = []
    unit = agency or ""
    item_style: str | None = None
    current: Responsibility | None = None
    for blk in split_inline(norm, blocks(norm, first, end, headings=heads)):
        text = "".join(blk.text.split())
        if blk.marker is None or blk.first_line in heads:
            if blk.marker is None and _INTRO.search(text):
                unit = _unit_named(text, agency)
                item_style, current = None, None
            elif current is not None and current.text[-1:] not in _SENTENCE_END:
                current.text += blk.text  # a wrapped tail split off by the page layout
                current.span = _extend(norm, current.span, blk)
            elif blk.marker is None and blk.first_line not in heads:
                # prose: one text per unit, however the page layout broke it into lines
                last = paragraphs[-1] if paragraphs else None
                if last is not None and last.unit_name == unit:
                    last.text += blk.text
                    last.span = _extend(norm, last.span, blk)
                else:
                    paragraphs.append(Responsibility(unit, 1, blk.text.strip(), _span(norm, blk), enumerated=False))
            continue
        body = "".join(blk.body.split())
        if blk.marker.style != item_style and _UNIT_HEADING.match(body):
            unit = _unit_named(body, agency)  # "1. 广州市番禺区政务服务中心" heads its items
            item_style, current = None, None
            continue
        if item_style is None:
            item_style = blk.marker.style
        if blk.marker.style == item_style:
            current = Responsibility(unit, blk.marker.number, blk.body.strip(), _span(norm, blk))
            out.append(current)
        elif current is not None:  # a sub-item (1. 2.) belongs to the item above
            current.text += blk.text
    return out or paragraphs


def _intro_ranges(norm: NormalizedText, heads: set[int]) -> list[tuple[int, int]]:
    """Line ranges from each "…的主要职责是：" to the next heading, for reports
    that print the responsibilities under no heading of their own."""
    ranges: list[tuple[int, int]] = []
    ordered = sorted(heads)
    for blk in blocks(norm, 0, len(norm.lines), headings=heads):
        if blk.marker is not None or not _INTRO.search("".join(blk.text.split())):
            continue
        if ranges and ranges[-1][0] <= blk.first_line < ranges[-1][1]:
            continue  # a second unit's intro inside the same list
        nxt = next((h for h in ordered if h > blk.last_line), len(norm.lines))
        ranges.append((blk.first_line, nxt))
    return ranges


def _excluded_ranges(norm: NormalizedText, sec: Section) -> list[tuple[int, int]]:
    ranges = []
    for child in walk(sec.children):
        if any(re.search(p, child.title) for p in NOT_TASKS):
            first = child.span.line - 1
            ranges.append((first, line_range(norm, child)[1]))
    return ranges


def _standard_heading_lines(norm: NormalizedText, sec: Section) -> set[int]:
    """Heading lines of the standard sections inside ``sec`` (kind not None)."""
    return {i for c in walk(sec.children) if c.kind is not None for i in _heading_range(norm, c)}


def _heading_range(norm: NormalizedText, sec: Section) -> range:
    return range(sec.span.line - 1, norm.raw_line(max(sec.span.end - 1, sec.span.start)))


def _task_kind(norm: NormalizedText, sec: Section, line: int) -> str:
    """Flavour of the innermost key_work section holding ``line``."""
    kind_title = sec.title
    for child in walk(sec.children):
        if child.kind == "key_work":
            first, end = line_range(norm, child)
            if first <= line < end:
                kind_title = child.title
    for kind, pattern in TASK_KINDS:
        if re.search(pattern, kind_title):
            return kind
    return "key_work"


def tasks(norm: NormalizedText, sections: list[Section]) -> list[Task]:
    """Every enumerated item of the 重点工作 / 工作完成情况 / 工作要点 / 主要工作目标 sections (inline
    ones too: "1.坚持…；2.牢牢…", "一是…二是…"), with the path of enumerators leading to it
    ("（一）/1.").  A section that enumerates nothing gives its prose as one task that says so."""
    out: list[Task] = []
    heads = heading_lines(norm, sections)
    for sec in _tops(sections, "key_work"):
        first, end = line_range(norm, sec)
        skip = _excluded_ranges(norm, sec)
        standard = _standard_heading_lines(norm, sec)
        generic = {
            i for c in walk(sec.children) if re.search(GENERIC_HEADING, c.title) for i in _heading_range(norm, c)
        }
        stack: list[tuple[int, str]] = []
        found: list[Task] = []
        prose: Task | None = None
        for blk in split_inline(norm, blocks(norm, first, end, styles=(*ITEM_STYLES, "shi"), headings=heads)):
            if any(a <= blk.first_line < b for a, b in skip):
                continue
            if blk.first_line in standard or blk.first_line in generic:
                stack = []  # "二、预算年度的主要工作任务及目标" names the list; it is no task
                continue
            if blk.marker is None:
                text = blk.text.strip()
                if blk.first_line in heads or not text or text.endswith(("：", ":")):
                    continue  # a heading, or the intro of a list ("2026年主要工作目标包括：")
                if prose is None:
                    prose = Task("", text, _span(norm, blk), _task_kind(norm, sec, blk.first_line), enumerated=False)
                else:
                    prose.text += text
                    prose.span = _extend(norm, prose.span, blk)
                continue
            level = blk.marker.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, blk.marker.printed))
            text = blk.body.strip()
            if not text:
                continue
            found.append(
                Task("/".join(p for _, p in stack), text, _span(norm, blk), _task_kind(norm, sec, blk.first_line))
            )
        out.extend(found or ([prose] if prose else []))
    return out


_TARGET_LABEL = re.compile(r"^(?P<label>[^。：:，,；;]{0,40})(?:[。：:]\s*|$)")
_NOT_TARGET = re.compile(r"管理|申报|审核|覆盖|公开|评审")


def _table_head(label: str, line: str) -> bool:
    """A table's title ("信息化运行维护绩效目标表") or its header row ("项目名称 预算数（万元） 绩效目标", cells
    apart on the printed ``line``): what follows is the table's, not a target's text."""
    if re.search(r"表\s*(?:[（(][^）)]*[）)])?$", label.strip()):
        return True
    return len(re.findall(r"\s+", line.strip())) >= 2 and bool(re.search(r"名称|预算数|金额|单位", line))


#: What ends a target's paragraphs: a table printed after them — its title (表 1：项目年度绩效指标表, 表一 …, a short line
#: ending in 表), its header row (cells apart: 一级指标 二级指标 三级指标 指标值), or a sentence alone pointing to it
#: (…设置情况见表1。, 具体绩效指标见下表：).  The grid's cells are no target's text.
_TABLE_TITLE = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+(?:\s|[：:．.、]|$)|^[^，。；：:,\s]{2,30}表$")
_TABLE_POINTER = re.compile(r"^[^。；;]*(?:见|如)下?表\s*[\d一二三四五六七八九十]*\s*[。：:.]?$")
_HEADER_CELL = re.compile(r"^[\u3400-\u9fff（）()/]{2,10}$")


def _table_after(norm: NormalizedText, blk: Block) -> bool:
    """A block that starts a table printed after a target's paragraphs (its title, header row, or a pointer to it)."""
    first = norm.lines[blk.first_line].text.strip()
    cells = first.split()
    header_row = len(cells) >= 3 and all(_HEADER_CELL.match(c) for c in cells)
    return bool(_TABLE_TITLE.match(first) or _TABLE_POINTER.match(blk.text.strip()) or header_row)


def performance_targets(norm: NormalizedText, sections: list[Section]) -> list[PerformanceTarget]:
    """Narrative 绩效目标 paragraphs ("①项目绩效目标。…" and what was achieved,
    "②项目绩效目标完成情况。…").  Targets of the project table are nlp.tables'."""
    out: list[PerformanceTarget] = []
    seen: set[int] = set()
    heads = heading_lines(norm, sections)
    for sec in _tops(sections, "performance"):
        first, end = line_range(norm, sec)
        # an evaluation report's title names its project (nlp.evaluatedprojects): the section's heading, or a
        # paragraph of its own
        project: tuple[str, Span] | None = evaluatedprojects.heading_project(norm, sec)
        pending: PerformanceTarget | None = None
        collecting: tuple[PerformanceTarget, bool] | None = None
        for blk in blocks(norm, first, end, headings=heads):
            if blk.first_line in seen:
                continue
            seen.add(blk.first_line)
            body = blk.body.strip()
            at = blk.text.index(body) if body else 0
            named = evaluatedprojects.block_project(norm, body, blk.offsets[at : at + len(body)]) if body else None
            if named:
                project, pending, collecting = named, None, None
                continue
            lm = _TARGET_LABEL.match(body)
            if (
                lm
                and "绩效目标" in lm.group("label")
                and not _NOT_TARGET.search(lm.group("label"))
                and not _table_head(lm.group("label"), norm.lines[blk.first_line].text)
            ):
                rest_at = lm.end()
                rest = body[rest_at:].strip()
                off0 = blk.body_range()[0]
                span_range = (blk.offsets[blk.text.index(body) + rest_at], blk.offsets[-1] + 1) if rest else None
                if re.search(r"完成情况|实现情况|完成结果", lm.group("label")):
                    if pending is not None:
                        pending.achieved = rest
                        pending.achieved_span = norm.raw_span(*span_range) if span_range else None
                        collecting = (pending, True)
                    continue
                target = PerformanceTarget(
                    rest,
                    norm.raw_span(*span_range) if span_range else norm.raw_span(off0, off0),
                    project[0] if project else None,
                    project_span=project[1] if project else None,
                )
                out.append(target)
                pending, collecting = target, (target, False)
                continue
            if blk.marker is None and collecting is not None and not _table_after(norm, blk):
                target, achieved = collecting
                if achieved:
                    target.achieved = (target.achieved or "") + blk.text
                    if target.achieved_span is None:
                        target.achieved_span = norm.raw_span(blk.offsets[0], blk.offsets[-1] + 1)
                    else:
                        target.achieved_span = _extend(norm, target.achieved_span, blk)
                else:
                    if not target.text:
                        target.span = norm.raw_span(blk.offsets[0], blk.offsets[-1] + 1)
                    else:
                        target.span = _extend(norm, target.span, blk)
                    target.text += blk.text
                continue
            collecting = None
    out.extend(_department_targets(norm, heads))
    return [t for t in out if t.text]


# The 部门整体支出绩效 template: a header row "部门整体支出目标 | 部门整体目标完成情况",
# then the department's target and what was achieved, as two cells or two paragraphs.
_DEPT_HEADER = re.compile(r"整体支出\s*(?:绩效)?\s*目标.*目标\s*完成情况")


def _department_targets(norm: NormalizedText, heads: set[int]) -> list[PerformanceTarget]:
    out: list[PerformanceTarget] = []
    lines = norm.lines
    for i, line in enumerate(lines):
        if not _DEPT_HEADER.search(line.text):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines):
            continue
        nxt = lines[j]
        if "\t" in nxt.text.strip() or "\t" in line.text:
            cells = [(m.start(), m.group(0)) for m in re.finditer(r"[^\t]+", nxt.text) if m.group(0).strip()]
            cells = [(a + len(c) - len(c.lstrip()), c.strip()) for a, c in cells]
            if len(cells) >= 2:
                (a1, t1), (a2, t2) = cells[-2], cells[-1]
                target = PerformanceTarget(t1, norm.raw_span(nxt.start + a1, nxt.start + a1 + len(t1)))
                target.achieved = t2
                target.achieved_span = norm.raw_span(nxt.start + a2, nxt.start + a2 + len(t2))
                out.append(target)
            continue
        paras = [b for b in blocks(norm, j, min(len(lines), j + 60), headings=heads)[:2] if b.marker is None]
        if len(paras) == 2 and all(p.text[-1:] in _SENTENCE_END for p in paras):
            target = PerformanceTarget(paras[0].text, norm.raw_span(*paras[0].range()))
            target.achieved = paras[1].text
            target.achieved_span = norm.raw_span(*paras[1].range())
            out.append(target)
    return out


def _extend(norm: NormalizedText, span, blk: Block):
    """``span`` (raw) grown to the end of ``blk``."""
    start = bisect.bisect_left(norm.offsets, span.start)
    return norm.raw_span(start, blk.offsets[-1] + 1)
