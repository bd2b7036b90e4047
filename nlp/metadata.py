"""Agency, district, fiscal year and phase of a report, read from its text.

Never from the file name.  Sources, most trusted first:

* the title lines before the first section ("2017 年广州市天河区人民政府政务管理
  办公室决算公开报告", possibly wrapped);
* section headings ("第二部分 2024年部门预算表", "第一部分 广州市…局概况");
* labelled names in table headers ("部门：", "编制单位：", "单位名称：");
* the responsibilities intro ("广州市…局的主要职责是：") and the unit list
  ("1 广州市…办公室 行政单位");
* for year and phase, narrative phrases ("2018 年部门收支总预算").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from nlp.errors import Diagnostics
from nlp.headings import blocks, cn_to_int
from nlp.layout import line_range, walk
from nlp.model import Phase, Section, Span
from nlp.normalize import NormalizedText
from nlp.orgnames import (
    district_of,
    is_short_form,
    match_full_name,
    name_before,
    plausible_name,
    short_name_candidates,
    split_scope,
)
from nlp.units import table_rows

_YEAR = r"(?P<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})"
_PHASE = r"(?P<phase>调整预算|预算|决算)"
# in a title: anything (the agency's name) may stand between year and phase
_TITLE_YP = re.compile(rf"{_YEAR}年度?(?P<mid>[^\d]{{0,40}}?){_PHASE}")
# in a heading or sentence: only 部门/单位 (and 收支总…) between them
_TEXT_YP = re.compile(rf"{_YEAR}\s*年度?\s*(?:本?部门|单位)\s*(?:收支\s*总|收入|支出|总)?\s*{_PHASE}")
_LABEL = re.compile(r"(?:编制单位|单位名称|部门名称|预算单位|决算单位|填报单位|部门)[：:]")
# Labels that print the reporting agency's name, on the cover or above a table.  主管部门 names the
# parent department, and a bare 单位： is the unit of amounts (单位：万元): neither is one.
_NAME_LABEL = re.compile(
    r"(?<![主管金额计量])(?:编制部门|编制单位|部门[（(]单位[)）]|单位名称|部门名称|预算单位|决算单位|填报单位|报送单位|部门)\s*[：:]\s*"
)
_GLUED_LABEL = re.compile(r"(?:金额|计量)?单位$")  # "上海市数据局单位：元" with the space lost
# Where a name ends in a title or a part heading: a year, 年度, or the kind of report.
_NAME_END = re.compile(rf"{_YEAR}\s*年度?|年度|(?:部门|单位)(?:调整)?(?:预算|决算)|预算|决算|概况|基本情况")
# "上海市数据局（单位）主要职能": the template puts a marker between name and section title
_MARKED = re.compile(r"[（(](?:单位|部门)[)）](?:主要职能|主要职责|机构设置|概况)")
# The department a performance-target form is of (its 主管部门; the 实施单位 may be a unit of it), and the
# form's next field, where the name ends.
_FORM_LABEL = re.compile(r"主管部门(?:及代码?|名称)?[：:]?(?:[\[［【]\d+[\]］】])?")
_FORM_FIELD = re.compile(r"实施单位|项目名称|项目资金|年度资金|项目负责人|联系电话|项目属性|码(?=年度|项目|实施)")
# How much each place where a name is printed counts (a title outranks a heading outranks a label).
_WEIGHT = {"title": 10, "heading": 4, "marked": 3, "label": 2, "form": 1}
_LABEL_CAP = 6  # a name repeated above every table is still one source
_LEAD_YEAR = re.compile(rf"^{_YEAR}年度?")
# a column header naming the year and phase of its figures: "2026年预算数", "2024 年度决算数"
_HEADER_YP = re.compile(rf"{_YEAR}\s*年度?\s*(?:全年|年初)?(?P<phase>预算|决算)数")

_PHASES = {"预算": Phase.BUDGET, "决算": Phase.FINAL_ACCOUNT, "调整预算": Phase.ADJUSTED_BUDGET}


@dataclass
class Metadata:
    agency: str | None = None
    agency_short: str | None = None
    agency_span: Span | None = None
    district: str | None = None
    fiscal_year: int | None = None
    fiscal_year_span: Span | None = None
    phase: Phase | None = None
    phase_span: Span | None = None
    agency_scope: str | None = None  # 本级 / 汇总, printed after the name in brackets
    agency_scope_span: Span | None = None


def _joined(norm: NormalizedText, first: int, last: int) -> tuple[str, list[int]]:
    """Lines ``[first, last]`` joined with all whitespace removed, with clean offsets."""
    chars: list[str] = []
    offs: list[int] = []
    for line in norm.lines[first : last + 1]:
        for k, ch in enumerate(line.text):
            if not ch.isspace():
                chars.append(ch)
                offs.append(line.start + k)
    return "".join(chars), offs


def _span(norm: NormalizedText, offs: list[int], a: int, b: int) -> Span:
    return norm.raw_span(offs[a], offs[b - 1] + 1)


def _title_lines(norm: NormalizedText, sections: list[Section]) -> tuple[int, int] | None:
    """Line range of the report's title: the text before the first section."""
    first_sec = min((s.span.line - 1 for s in sections), default=len(norm.lines))
    nonblank = [i for i in range(min(first_sec, 12)) if norm.lines[i].text.strip()]
    return (nonblank[0], nonblank[-1]) if nonblank else None


def _heading_lines(norm: NormalizedText, sections: list[Section]):
    for s in walk(sections):
        if s.kind == "toc":
            continue
        first = s.span.line - 1
        last = norm.raw_line(max(s.span.end - 1, s.span.start)) - 1
        yield s, first, last


def detect(norm: NormalizedText, sections: list[Section], diag: Diagnostics) -> Metadata:
    meta = Metadata()
    title = _title_lines(norm, sections)
    _year_phase(norm, sections, title, meta)
    _agency(norm, sections, title, meta)
    if meta.fiscal_year is None:
        diag.warn("W010")
    if meta.phase is None:
        diag.warn("W011")
    if meta.agency is None:
        diag.warn("W012")
    return meta


def _year_phase(norm: NormalizedText, sections: list[Section], title: tuple[int, int] | None, meta: Metadata) -> None:
    found: list[tuple[re.Match[str], list[int]]] = []
    if title:
        text, offs = _joined(norm, *title)
        m = _TITLE_YP.search(text)
        if m:
            found.append((m, offs))
        elif _cover_year(norm, title, text, offs, meta):
            return
    if not found:
        for _, first, last in _heading_lines(norm, sections):
            text, offs = _joined(norm, first, last)
            m = _TEXT_YP.search(text)
            if m:
                found.append((m, offs))
                break
    if found:
        m, offs = found[0]
        meta.fiscal_year = cn_to_int(m.group("year"))
        meta.fiscal_year_span = _span(norm, offs, m.start("year"), m.end("year"))
        meta.phase = _PHASES[m.group("phase")]
        meta.phase_span = _span(norm, offs, m.start("phase"), m.end("phase"))
        return
    # narrative votes: "2018 年部门收支总预算 2,097.62 万元", "2016年度部门决算"
    votes: Counter[tuple[str, str]] = Counter()
    first_at: dict[tuple[str, str], re.Match[str]] = {}
    for m in _TEXT_YP.finditer(norm.text):
        key = (m.group("year"), m.group("phase"))
        votes[key] += 1
        first_at.setdefault(key, m)
    if votes:
        key = max(votes, key=lambda k: (votes[k], -first_at[k].start()))
        m = first_at[key]
        meta.fiscal_year = cn_to_int(m.group("year"))
        meta.fiscal_year_span = norm.raw_span(m.start("year"), m.end("year"))
        meta.phase = _PHASES[m.group("phase")]
        meta.phase_span = norm.raw_span(m.start("phase"), m.end("phase"))
        return
    # the column headers of the tables ("2026年预算数", "2024年度决算数"): a file of tables alone may print the
    # year nowhere else.  Earlier years are printed for comparison (2025年预算数 beside 2026年预算数): the
    # latest year of the most printed phase is the report's.
    headers: Counter[str] = Counter()
    latest: dict[str, re.Match[str]] = {}
    for m in _HEADER_YP.finditer(norm.text):
        headers[m.group("phase")] += 1
        best = latest.get(m.group("phase"))
        if best is None or (cn_to_int(m.group("year")) or 0) > (cn_to_int(best.group("year")) or 0):
            latest[m.group("phase")] = m
    if headers:
        m = latest[max(headers, key=lambda p: (headers[p], p == "决算"))]
        meta.fiscal_year = cn_to_int(m.group("year"))
        meta.fiscal_year_span = norm.raw_span(m.start("year"), m.end("year"))
        meta.phase = _PHASES[m.group("phase")]
        meta.phase_span = norm.raw_span(m.start("phase"), m.end("phase"))
        return
    # phase alone, from the headings ("部门预算编制情况说明")
    for _, first, last in _heading_lines(norm, sections):
        text, offs = _joined(norm, first, last)
        m = re.search(r"部门(?P<phase>预算|决算)", text)
        if m:
            meta.phase = _PHASES[m.group("phase")]
            meta.phase_span = _span(norm, offs, m.start("phase"), m.end("phase"))
            return


# a cover that prints the year on a line of its own: "国家信访局 年度部门预算" / "2026" / "二〇二六年三月"
# (the last is the date of publication — a month follows — and never the fiscal year)
_YEAR_LINE = re.compile(rf"^\s*[（(]?\s*{_YEAR}\s*(?:年度?)?\s*[)）]?\s*$")
_TITLE_PHASE = re.compile(r"(?:部门|单位)?(?P<phase>调整预算|预算|决算)")
# the forms a file of performance targets alone is made of say the phase by their name: a target is set with
# the budget (项目支出绩效目标表 / 绩效目标申报表), assessed with the final account (绩效自评表)
_FORM_PHASE = re.compile(r"绩效目标(?:申报)?表|(?P<final>绩效自评表)")


def _cover_year(norm: NormalizedText, title: tuple[int, int], text: str, offs: list[int], meta: Metadata) -> bool:
    """Year and phase of a title whose year stands on a line of its own."""
    pm = _TITLE_PHASE.search(text)
    fm = None if pm else _FORM_PHASE.search(text)
    if not pm and not fm:
        return False
    for line in norm.lines[title[0] : title[1] + 1]:
        ym = _YEAR_LINE.match(line.text)
        if ym:
            meta.fiscal_year = cn_to_int(ym.group("year"))
            meta.fiscal_year_span = norm.raw_span(line.start + ym.start("year"), line.start + ym.end("year"))
            if pm:
                meta.phase = _PHASES[pm.group("phase")]
                meta.phase_span = _span(norm, offs, pm.start("phase"), pm.end("phase"))
            else:
                assert fm is not None  # one of the two named the phase
                meta.phase = Phase.FINAL_ACCOUNT if fm.group("final") else Phase.BUDGET
                meta.phase_span = _span(norm, offs, fm.start(), fm.end())
            return True
    return False


def _name_at(text: str, pos: int) -> re.Match[str] | None:
    lead = _LEAD_YEAR.match(text, pos)
    return match_full_name(text, lead.end() if lead else pos, district_only=True)


def _joined_with_breaks(norm: NormalizedText, first: int, last: int) -> tuple[str, list[int], frozenset[int]]:
    """Like :func:`_joined`, with the positions in the joined text where a printed line ended."""
    text, offs = _joined(norm, first, last)
    breaks: set[int] = set()
    pos = 0
    for line in norm.lines[first : last + 1]:
        pos += sum(1 for ch in line.text if not ch.isspace())
        breaks.add(pos)
    return text, offs, frozenset(breaks)


def _delimited_names(norm: NormalizedText, sections: list[Section], title: tuple[int, int] | None):
    """(source, name as printed, span) for every name printed in a delimited place."""
    if title:
        text, offs, breaks = _joined_with_breaks(norm, *title)
        ends = [m.start() for m in _NAME_END.finditer(text)] + [
            len(text)
        ]  # or last: "部门决算公开 / 2024年度 / 某某局"
        for end in ends:
            found = name_before(text, end, breaks)
            if found:
                yield "title", text[found[0] : found[1]], _span(norm, offs, *found)
                break
        # a form's field (项目支出绩效目标表): "主管部门及代码 [292]国家信访局 实施单位 …", its label often wrapped
        for fm in _FORM_LABEL.finditer(text):
            field_end = _FORM_FIELD.search(text, fm.end())
            stop = field_end.start() if field_end else min(len(text), fm.end() + 40)
            if plausible_name(text[fm.end() : stop]):
                yield "form", text[fm.end() : stop], _span(norm, offs, fm.end(), stop)
                break
    for sec, first, last in _heading_lines(norm, sections):
        if sec.level != 0:
            continue
        text, offs = _joined(norm, first, last)
        marker = re.match(r"第[^部]{1,4}部分", text)
        begin = marker.end() if marker else 0
        for m in _NAME_END.finditer(text, begin):
            found = name_before(text, m.start(), floor=begin)
            if found and found[0] == begin:  # the whole text before the ending is the name
                yield "heading", text[found[0] : found[1]], _span(norm, offs, *found)
                break
    cover = range(title[0], title[1] + 1) if title else range(0)
    for line_no, line in enumerate(norm.lines):
        if "：" in line.text or ":" in line.text:
            for lm in _NAME_LABEL.finditer(line.text):
                run = re.match(r"[^\s：:]+", line.text[lm.end() :])
                if not run:
                    continue
                name = run.group(0)
                after = line.text[lm.end() + run.end() : lm.end() + run.end() + 1]
                if after and after in "：:":  # the next label is glued on: "上海市数据局单位：元"
                    name = _GLUED_LABEL.sub("", name)
                if plausible_name(name):
                    a = line.start + lm.end()
                    yield ("title" if line_no in cover else "label"), name, norm.raw_span(a, a + len(name))
        mm = _MARKED.search(line.text)
        if mm:
            text, offs = _joined(norm, line_no, line_no)
            pos = _MARKED.search(text)
            found = name_before(text, pos.start()) if pos else None
            if found and found[0] == 0:
                yield "marked", text[found[0] : found[1]], _span(norm, offs, *found)


def _agency(norm: NormalizedText, sections: list[Section], title: tuple[int, int] | None, meta: Metadata) -> None:
    """The reporting agency, from the places that print its name whole; the older full-name
    patterns (a place prefix and a body suffix) only when no such place names it."""
    votes: Counter[str] = Counter()
    label_votes: Counter[str] = Counter()
    spans: dict[str, tuple[int, Span]] = {}  # name → (weight of its best source, span)
    scopes: dict[str, tuple[str, Span]] = {}

    def vote(name: str, weight: int, span: Span) -> None:
        votes[name] += weight
        if name not in spans or spans[name][0] < weight:
            spans[name] = (weight, span)

    for source, printed, span in _delimited_names(norm, sections, title):
        name, scope = split_scope(printed)
        weight = _WEIGHT[source]
        if source == "label":
            weight = min(weight, _LABEL_CAP - label_votes[name])
            label_votes[name] += weight
            if weight <= 0:
                continue
        if scope and name not in scopes:
            cut = len(printed) - len(name)
            scopes[name] = (scope, _tail_span(span, cut))
            span = _head_span(span, cut)
        vote(name, weight, span)
    if not votes:
        _agency_by_pattern(norm, sections, title, vote)
    if not votes:
        return
    # "福田区发展和改革局" is "深圳市福田区发展和改革局" without its city, "番禺区政务办" is
    # "广州市番禺区人民政府政务管理办公室" shortened (a title may print either): one agency
    for short in sorted(votes, key=len):
        longer = [k for k in votes if len(k) > len(short) and is_short_form(short, k)]
        if longer:
            votes[max(longer, key=len)] += votes.pop(short)
    best = max(votes, key=lambda k: (votes[k], len(k)))
    meta.agency = best
    meta.agency_span = spans[best][1]
    if best in scopes:
        meta.agency_scope, meta.agency_scope_span = scopes[best]
    meta.district = district_of(best)
    squeezed = "".join(norm.text.split())
    shorts = short_name_candidates(squeezed, best, meta.district)
    if shorts:
        meta.agency_short = max(shorts, key=lambda k: (shorts[k], len(k)))


def _head_span(span: Span, cut: int) -> Span:
    """``span`` without its last ``cut`` non-space characters (the scope qualifier)."""
    if cut == 0:
        return span
    keep, seen = len(span.text), 0
    while keep > 0 and seen < cut:
        keep -= 1
        seen += not span.text[keep].isspace()
    while keep > 0 and span.text[keep - 1].isspace():
        keep -= 1
    return Span(span.start, span.start + keep, span.text[:keep], span.line)


def _tail_span(span: Span, cut: int) -> Span:
    head = _head_span(span, cut)
    rest = span.text[len(head.text) :]
    lead = len(rest) - len(rest.lstrip())
    start = head.end + lead
    line = span.line + span.text[: start - span.start].count("\n")
    return Span(start, span.end, span.text[start - span.start :], line)


def _agency_by_pattern(norm: NormalizedText, sections: list[Section], title: tuple[int, int] | None, vote) -> None:
    """The older sources: a full name (place prefix + body suffix) in the title, a part heading,
    after a label, at the head of the responsibilities, or as the 行政单位 of the unit list."""
    if title:
        text, offs = _joined(norm, *title)
        for pos in range(len(text)):
            if pos and not re.match(r"[\d年度]", text[pos - 1]):
                continue
            m = _name_at(text, pos)
            if m:
                vote(m.group(0), 6, _span(norm, offs, m.start(), m.end()))
                break
    for sec, first, last in _heading_lines(norm, sections):
        if sec.level != 0:
            continue
        text, offs = _joined(norm, first, last)
        marker = re.match(r"第[^部]{1,4}部分", text)
        m = _name_at(text, marker.end() if marker else 0)
        if m:
            vote(m.group(0), 4, _span(norm, offs, m.start(), m.end()))
    for line_no, line in enumerate(norm.lines):
        if "：" not in line.text and ":" not in line.text:
            continue
        text, offs = _joined(norm, line_no, line_no)
        for lm in _LABEL.finditer(text):
            m = match_full_name(text, lm.end())
            if m:
                vote(m.group(0), 2, _span(norm, offs, m.start(), m.end()))
    for sec in walk(sections):
        if sec.kind == "responsibilities":
            first, end = line_range(norm, sec)
            for blk in blocks(norm, first, end)[:1]:
                text = "".join(blk.text.split())
                m = match_full_name(text, 0)
                if m and blk.text.startswith(m.group(0)):
                    vote(m.group(0), 4, _span(norm, blk.offsets, m.start(), m.end()))
    for unit in table_rows(norm, sections):
        if unit.kind and "行政" in unit.kind and match_full_name(unit.name):
            vote(unit.name, 3, unit.span)
            break
