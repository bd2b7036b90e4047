"""Names of government bodies in report text: full names, their place prefix
(省 / 市 / 区 / 县), short names (番禺区政务办, 区政数局) and unit kinds.

Pure string functions, no report model: nlp.metadata and nlp.narrative use them.
"""

from __future__ import annotations

import re

_H = r"\u4e00-\u9fff"
# Suffixes of a government body, longest first at each position.
ORG_SUFFIXES = (
    "办公室",
    "委员会",
    "分中心",
    "中心",
    "管理局",
    "局",
    "厅",
    "委",
    "办",
    "署",
    "院",
    "馆",
    "站",
    "所",
    "队",
    "会",
)
_SUFFIX_RE = "|".join(ORG_SUFFIXES)
# 省 / 自治区, then 市 / 州 / 盟, then 区 / 县 / 旗 / 市 (县级市): any may be missing.
_PLACE = (
    rf"(?P<province>[{_H}]{{2,7}}?(?:省|自治区))?"
    rf"(?P<city>[{_H}]{{2,8}}?(?:市|自治州|州|盟|地区))?"
    rf"(?P<district>[{_H}]{{1,8}}?(?:新区|区|县|旗|市))?"
)
FULL_NAME = re.compile(rf"{_PLACE}(?P<body>[{_H}（）()\d]{{2,26}}?)(?P<suffix>{_SUFFIX_RE})")
_PLACE_ONLY = re.compile(rf"^{_PLACE}")

# 单位性质 as printed in the unit lists, most specific first.
UNIT_KINDS = (
    "参照公务员法管理事业单位",
    "参照公务员管理事业单位",
    "参公管理事业单位",
    "参公事业单位",
    "公益一类事业单位",
    "公益二类事业单位",
    "公益三类事业单位",
    "财政核拨事业单位",
    "财政核补事业单位",
    "经费自筹事业单位",
    "非独立核算事业单位",
    "行政单位",
    "事业单位",
    "企业",
)
UNIT_KIND_RE = re.compile("|".join(UNIT_KINDS))


def match_full_name(text: str, pos: int = 0, district_only: bool = False) -> re.Match[str] | None:
    """A full name starting exactly at ``pos``: a 省/市 place prefix, then the body.

    With ``district_only``, a name with only a 区/县 prefix is accepted when its
    body is long enough not to be a short name ("福田区发展和改革局" yes,
    "番禺区政务办" no).
    """
    m = FULL_NAME.match(text, pos)
    if not m:
        return None
    if m.group("city") or m.group("province"):
        return m
    if district_only and m.group("district") and len(m.group("body")) >= 4:
        return m
    return None


def district_of(full_name: str) -> str | None:
    """The lowest administrative area in a full name's prefix: 番禺区, 福田区, 从化市 …"""
    m = _PLACE_ONLY.match(full_name)
    if not m:
        return None
    return m.group("district") or m.group("city") or m.group("province")


def place_prefix(full_name: str) -> str:
    m = _PLACE_ONLY.match(full_name)
    return m.group(0) if m else ""


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def is_short_form(short: str, full: str) -> bool:
    """Is ``short`` the name ``full`` with its place prefix dropped (福田区发展和改革局) or
    shortened by leaving characters out (番禺区政务办)?  A name that ``full`` merely
    continues (深圳市统计局 → 深圳市统计局统计普查中心, a unit of it) is not."""
    if full.endswith(short):
        return True
    return len(short) >= 4 and not full.startswith(short) and short[0] in full[:12] and _is_subsequence(short, full)


def short_name_candidates(text: str, full_name: str, district: str | None) -> dict[str, int]:
    """Short names of ``full_name`` used in ``text``, with their counts.

    A short name is "区" or the district, then two to four characters taken in
    order from the name's body, ending with the first character of its suffix:
    番禺区政务办 / 区政务办 for 广州市番禺区人民政府政务管理办公室, 区政数局 for
    广州市番禺区政务服务数据管理局.
    """
    m = FULL_NAME.match(full_name)
    if not m:
        return {}
    body, suffix = m.group("body"), m.group("suffix")
    org = body + suffix
    end_char = suffix[0] if suffix not in ("管理局",) else "局"
    counts: dict[str, int] = {}
    heads = [district] if district else []
    heads.append("区" if not district or district.endswith("区") else district[-1])
    for head in dict.fromkeys(heads):
        for hm in re.finditer(re.escape(head), text):
            start = hm.end()
            for size in range(2, 6):
                cand = text[start : start + size]
                if len(cand) < size or not cand.endswith(end_char) or not re.fullmatch(rf"[{_H}]+", cand):
                    continue
                core = cand[:-1]
                if len(core) < 1 or not _is_subsequence(core, body) or cand == org:
                    continue
                # the character after must not continue a longer name (区政务办公室)
                if text[start + size : start + size + 1] in ("公", "室"):
                    continue
                name = head + cand
                if (
                    head != district
                    and district
                    and text[max(0, hm.start() - len(district) + 1) : hm.start() + 1] == district
                ):
                    continue  # counted with the district head
                counts[name] = counts.get(name, 0) + 1
                break
    return counts


# --- names in a delimited place: a title, a label, a part heading ----------------------------------
# There the name runs from one delimiter to the next, so it is taken whole — never cut at the
# first suffix that looks like an ending (广州市人民政府办|公厅, 中共上海市普陀区委社会|工作部).
# A name so taken must still end like the name of a body: these endings (longest first) are the
# vocabulary; a name may be followed by an alias in brackets (某某市水文和水资源研究院（某某市水情
# 监测中心）) or a scope qualifier (某某市水务局（本级））.
BODY_ENDINGS = (
    "办事处",
    "办公室",
    "办公厅",
    "委员会",
    "联合会",
    "管理局",
    "工作部",
    "研究院",
    "研究所",
    "研究中心",
    "学院",
    "学校",
    "大学",
    "中学",
    "小学",
    "幼儿园",
    "医院",
    "党校",
    "中心",
    "机关",
    "政府",
    "法院",
    "检察院",
    "公司",
    "集团",
    "协会",
    "学会",
    "街道",
    "局",
    "厅",
    "委",
    "办",
    "署",
    "院",
    "馆",
    "站",
    "所",
    "队",
    "会",
    "部",
    "处",
    "室",
    "社",
    "团",
    "校",
    "宫",
    "台",
    "园",
    "场",
    "库",
    "镇",
    "乡",
)
_ENDING_RE = re.compile("(?:" + "|".join(BODY_ENDINGS) + ")$")
# the report covers the agency alone (本级) or the agency with its units (汇总): not part of the name
SCOPE_QUALIFIER = re.compile(r"[（(]\s*(?P<scope>本级|汇总|机关本级|本部|部门汇总)\s*[）)]$")
# words that fill the place of a name but are not one
_NOT_A_NAME = re.compile(r"^(?:本?部门|本?单位|市级|区级|县级|省级|中央|机关|本级|汇总|预算|决算)")
_NAME_CHAR = re.compile(rf"[{_H}〇（）()\d·]")  # 〇 (U+3007) is no CJK ideograph but writes years
# a fiscal year inside a run of name characters: "2026年度", "二〇二六年", "年度"
_YEAR_IN_RUN = re.compile(r"(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?|年度")
_H_CHAR = re.compile(rf"[{_H}]")
_LEAD_WORDS = re.compile(r"^(?:第[一二三四五六七八九十\d]{1,3}部分|关于|编制|公开)+")


def split_scope(name: str) -> tuple[str, str | None]:
    """``"长春市信访局（本级）"`` → ``("长春市信访局", "本级")``; names without a qualifier are unchanged."""
    m = SCOPE_QUALIFIER.search(name)
    if not m or m.start() == 0:
        return name, None
    return name[: m.start()], m.group("scope")


def _without_alias(name: str) -> str:
    """The name before a trailing bracketed alias: 某某市水文和水资源研究院（某某市水情监测中心）."""
    while name.endswith(("）", ")")):
        depth, i = 0, len(name) - 1
        while i >= 0:
            depth += name[i] in "）)"
            depth -= name[i] in "（("
            if depth == 0:
                break
            i -= 1
        if i <= 0:
            return name
        name = name[:i]
    return name


def plausible_name(name: str) -> bool:
    """Could ``name`` (taken whole from a delimited place) be the name of a government body?"""
    core = _without_alias(split_scope(name)[0])
    if not 3 <= len(core) <= 50 or _NOT_A_NAME.match(core):
        return False
    if not all(_NAME_CHAR.match(c) for c in name):
        return False
    if core.count("（") != core.count("）") or core.count("(") != core.count(")"):
        return False
    if _PLACE_ONLY.fullmatch(core):  # 上海市, 深圳市福田区: a place, not a body
        return False
    ending = _ENDING_RE.search(core)
    return ending is not None and len(core) > len(ending.group(0))


def name_before(text: str, end: int, breaks: frozenset[int] = frozenset(), floor: int = 0) -> tuple[int, int] | None:
    """The name that ends at ``end`` in ``text``: the run of name characters before it, after the
    last fiscal year in that run ("2026年深圳市统计局（本级）" → "深圳市统计局（本级）").

    ``breaks`` are positions where a printed line ended: a run that crosses one is cut there when
    the text before the break is a whole name on its own (a line above the title) and the text
    after it is one too, so a wrapped name (某某市规划和自然资源局某某|管理局) stays whole.
    Nothing before ``floor`` (the end of a heading's enumerator) belongs to the name.
    """
    start = end
    while start > floor and end - start < 60 and _NAME_CHAR.match(text[start - 1]):
        start -= 1
    years = list(_YEAR_IN_RUN.finditer(text, start, end))
    if years:
        start = years[-1].end()
    while start < end and not _H_CHAR.match(text[start]):  # a name begins with a character, not 00036 or （
        start += 1
    lead = _LEAD_WORDS.match(text, start)
    if lead:
        start = lead.end()
    for b in sorted(breaks, reverse=True):
        if start < b < end and plausible_name(text[start:b]) and plausible_name(text[b:end]):
            start = b
            break
    if start >= end or not plausible_name(text[start:end]):
        return None
    return start, end
