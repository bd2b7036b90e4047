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
from nlp.orgnames import district_of, match_full_name, short_name_candidates
from nlp.units import table_rows

_YEAR = r"(?P<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})"
_PHASE = r"(?P<phase>调整预算|预算|决算)"
# in a title: anything (the agency's name) may stand between year and phase
_TITLE_YP = re.compile(rf"{_YEAR}年度?(?P<mid>[^\d]{{0,40}}?){_PHASE}")
# in a heading or sentence: only 部门/单位 (and 收支总…) between them
_TEXT_YP = re.compile(rf"{_YEAR}\s*年度?\s*(?:本?部门|单位)\s*(?:收支\s*总|收入|支出|总)?\s*{_PHASE}")
_LABEL = re.compile(r"(?:编制单位|单位名称|部门名称|预算单位|决算单位|填报单位|部门)[：:]")
_LEAD_YEAR = re.compile(rf"^{_YEAR}年度?")

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
    # phase alone, from the headings ("部门预算编制情况说明")
    for _, first, last in _heading_lines(norm, sections):
        text, offs = _joined(norm, first, last)
        m = re.search(r"部门(?P<phase>预算|决算)", text)
        if m:
            meta.phase = _PHASES[m.group("phase")]
            meta.phase_span = _span(norm, offs, m.start("phase"), m.end("phase"))
            return


def _name_at(text: str, pos: int) -> re.Match[str] | None:
    lead = _LEAD_YEAR.match(text, pos)
    return match_full_name(text, lead.end() if lead else pos, district_only=True)


def _agency(norm: NormalizedText, sections: list[Section], title: tuple[int, int] | None, meta: Metadata) -> None:
    votes: Counter[str] = Counter()
    spans: dict[str, tuple[int, Span]] = {}  # name → (weight of its best source, span)

    def vote(name: str, weight: int, span: Span) -> None:
        votes[name] += weight
        if name not in spans or spans[name][0] < weight:
            spans[name] = (weight, span)

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
    if not votes:
        return
    # "福田区发展和改革局" is "深圳市福田区发展和改革局" without its city: one agency
    for short in list(votes):
        longer = [k for k in votes if k != short and k.endswith(short)]
        if longer:
            votes[max(longer, key=len)] += votes.pop(short)
    best = max(votes, key=lambda k: (votes[k], len(k)))
    meta.agency = best
    meta.agency_span = spans[best][1]
    meta.district = district_of(best)
    squeezed = "".join(norm.text.split())
    shorts = short_name_candidates(squeezed, best, meta.district)
    if shorts:
        meta.agency_short = max(shorts, key=lambda k: (shorts[k], len(k)))
