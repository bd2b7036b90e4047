"""Names of government bodies in report text: full names, their place prefix
(省 / 市 / 区 / 县), short names (番禺区政务办, 区政数局) and unit kinds.

Pure string functions, no report model: nlp.metadata and nlp.narrative use them.
"""

from __future__ import annotations

import re

_H = r"\u4e00-\u9fff"
# Suffixes of a government body, longest first at each position.
ORG_SUFFIXES = ("办公室", "委员会", "分中心", "中心", "管理局", "局", "厅", "委", "办", "署", "院", "馆", "站", "所", "队", "会")
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
                if head != district and district and text[max(0, hm.start() - len(district) + 1) : hm.start() + 1] == district:
                    continue  # counted with the district head
                counts[name] = counts.get(name, 0) + 1
                break
    return counts
