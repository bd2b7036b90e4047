"""The budget units of a report (预算单位 / 决算单位): the agency itself and the
units whose accounts it consolidates, with their kind (行政单位, 公益一类事业单位 …).

Found in the structure section (机构设置 / 单位构成) as a numbered list
("1 广州市番禺区人民政府政务管理办公室 行政单位") or a sentence ("…分别是：A、B。"),
and in the responsibilities section ("广州市番禺区政务服务中心的主要职责是：").
"""

from __future__ import annotations

import re

from nlp.headings import blocks, is_tabular
from nlp.layout import line_range, walk
from nlp.model import Section, Unit
from nlp.normalize import NormalizedText, squash
from nlp.orgnames import ORG_SUFFIXES, UNIT_KIND_RE, match_full_name

_H = r"\u4e00-\u9fff"
# "1 广州市番禺区政务服务中心 公益一类事业单位" (spaces or tabs; the name may be broken by spaces)
_ROW = re.compile(
    rf"^\s*\d{{1,3}}[\s.、]+(?P<name>[{_H}\d（）() \t]{{4,60}}?)[\s]+(?P<kind>{UNIT_KIND_RE.pattern})\s*$"
)
_LIST_INTRO = re.compile(r"(分别是|分别为|具体包括|包括|即|如下)\s*[：:，,]?")
_INTRO = re.compile(r"^(?P<name>.{2,40}?)(?:的)?(?:主要职责|主要职能|职责)(?:是|为|如下)?\s*[：:]")
# "广州番禺区政务服务中心为区政数局下属事业单位"
_SUBORDINATE = re.compile(
    rf"(?P<name>[{_H}\d]{{4,30}}?(?:{'|'.join(ORG_SUFFIXES)}))\s*(?:为|是)[{_H}]{{0,12}}?(?:下属|所属|直属)的?(?P<kind>{UNIT_KIND_RE.pattern})"
)
_SUFFIX_END = re.compile("(" + "|".join(ORG_SUFFIXES) + r")$")


def canonical(name: str) -> str:
    return squash(name)


def same_unit(a: str, b: str) -> bool:
    """Equal names, or equal once 市/省 are dropped (广州番禺区… = 广州市番禺区…)."""
    if a == b:
        return True
    strip = lambda s: re.sub(r"[市省]", "", s)  # noqa: E731
    return strip(a) == strip(b)


def table_rows(norm: NormalizedText, sections: list[Section]) -> list[Unit]:
    """Units listed as numbered rows "序号 单位名称 单位性质" in structure sections."""
    out: list[Unit] = []
    for sec in walk(sections):
        if sec.kind != "structure":
            continue
        first, end = line_range(norm, sec)
        for line in norm.lines[first:end]:
            m = _ROW.match(line.text)
            if not m:
                continue
            name = canonical(m.group("name"))
            if not _SUFFIX_END.search(name):
                continue
            span = norm.raw_span(line.start + m.start("name"), line.start + m.end("name"))
            out.append(Unit(name, m.group("kind"), span))
    return out


def find_units(norm: NormalizedText, sections: list[Section], agency: str | None) -> list[Unit]:
    units: list[Unit] = table_rows(norm, sections)
    for sec in walk(sections):
        if sec.kind in ("structure", "staffing"):
            first, end = line_range(norm, sec)
            for blk in blocks(norm, first, end):
                units.extend(_listed(norm, blk.text, blk.offsets))
        elif sec.kind == "responsibilities":
            first, end = line_range(norm, sec)
            for blk in blocks(norm, first, end):
                if blk.marker is None:
                    m = _INTRO.match(blk.text)
                    if m and match_full_name(canonical(m.group("name"))):
                        name = canonical(m.group("name"))
                        units.append(
                            Unit(name, None, norm.raw_span(blk.offsets[0], blk.offsets[m.end("name") - 1] + 1))
                        )
    for sec in walk(sections):
        if sec.kind in ("structure", "staffing"):
            first, end = line_range(norm, sec)
            for blk in blocks(norm, first, end):
                for m in _SUBORDINATE.finditer(blk.text):
                    name = canonical(m.group("name"))
                    span = norm.raw_span(blk.offsets[m.start("name")], blk.offsets[m.end("name") - 1] + 1)
                    units.append(Unit(name, m.group("kind"), span))
    merged: list[Unit] = []
    for u in units:
        twin = next((v for v in merged if same_unit(v.name, u.name)), None)
        if twin is None:
            merged.append(u)
        elif twin.kind is None and u.kind:
            twin.kind = u.kind
    if agency:
        twin = next((u for u in merged if same_unit(u.name, agency)), None)
        if twin is None:
            twin = Unit(agency, None, None)
            merged.insert(0, twin)
        twin.is_agency = True
        merged.sort(key=lambda u: not u.is_agency)
    return merged


def _listed(norm: NormalizedText, text: str, offsets: list[int]) -> list[Unit]:
    """Names in "…的单位共 3 个，包括局本级和下属 2 个预算单位，分别是：A、B。"."""
    out: list[Unit] = []
    if is_tabular(text):
        return out
    for sentence in re.finditer(r"[^。；;]+", text):
        s = sentence.group(0)
        intros = list(_LIST_INTRO.finditer(s))
        if not intros:
            continue
        intro = intros[-1]  # the last one before the list
        tail_start = intro.end()
        kinds = list(UNIT_KIND_RE.finditer(s, 0, tail_start + 40))
        kind_m = kinds[-1] if kinds else None  # the last kind word before the list
        for item in re.finditer(r"[^、，,和及：:]+", s[tail_start:]):
            raw_name = item.group(0)
            name = canonical(raw_name)
            if len(name) < 5 or not _SUFFIX_END.search(name) or re.search(r"\d+个|本级|下属", name):
                continue
            a = sentence.start() + tail_start + item.start() + (len(raw_name) - len(raw_name.lstrip()))
            b = sentence.start() + tail_start + item.end() - (len(raw_name) - len(raw_name.rstrip()))
            kind = kind_m.group(0) if kind_m and kind_m.start() < tail_start + item.start() else None
            out.append(Unit(name, kind, norm.raw_span(offsets[a], offsets[b - 1] + 1)))
    return out
