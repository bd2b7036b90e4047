"""Names of government bodies found by their shape, not by a list of known bodies.

A Chinese body's name is regular: an anchor — a place (昆明市, 石林彝族自治县), a level (市, 区, 省) or the
state (国家, 国务院, 中共中央) — then the field it works on, then a body suffix (…局, …委员会, …办公室,
…中心, …厅, …站, …处 …): 昆明市审计局, 区大数据应用发展管理局, 市发改委, 市委, 省厅.  A unit printed after its
parent is one name with it (某某市档案局信息中心, 某某县审计局某某审计站).  The internal units a 机构设置
paragraph enumerates need no anchor; :mod:`nlp.unitlists` reads them, and :func:`agency_spans` returns both, with
the agency's own organs' bodies (机关党委, 机关工会) and a unit named after 所属单位 / 下属事业单位 (数转中心).
A body named by a bare level below the report's own (区委 in a city bureau's report) is every such body:
:func:`below_own_level` drops it over one report's entities; :func:`listed_units_again` finds a listed unit named
again in the report's other texts.

Not names of a body: plural or generic mentions (各部门, 有关部门, 上级主管局, 各县（市）区人民政府, 区级政府),
scope words in front (全市, 本级), a parenthesised qualifier after (（本级）), meetings (市委全会).

Everything here is vocabulary of the domain (suffixes, levels, lead words), never a particular body's name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from nlp.bodywords import (
    BODY_LEADS,
    GLUED_LEAD,
    HAN,
    HAN_WORD,
    NOT_A_BODY,
    NOT_AN_END,
    NOT_PLACES,
    SUFFIX_PATTERN,
    SUFFIX_RE,
    unit_end,
)
from nlp.jiebadictionary import pos_table
from nlp.places import place_name
from nlp.platformwords import LEAD_WORDS
from nlp.unitlists import listed_unit_spans


class _Named(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Agencyish = TypeVar("Agencyish", bound=_Named)

_MEETING_AFTER = re.compile(r"(?:全会|全体会议|常务会议|工作会议|会议|大会)")
#: Words in front that make the mention plural or generic (各部门, 有关局, 上级主管局, 所属站).
_PLURAL_BEFORE = re.compile(
    r"(?:各|各[省市区县州乡镇]|有关|相关|其他|其它|所属|上级|下级|该|本|我|级|以上|以下|外国|多个|若干)$"
)  # 各区|统计局: every district's
#: Levels: the body of this place at that level (市委, 区政府, 省厅) — never 全市 / 本市 / 城市.
_LEVELS = "省市区县州"
_SCOPE_BEFORE = re.compile(r"[全本我该各城都门超县乡省地]$")
#: The state's own anchors (国家信访局, 国务院办公厅, 中共中央办公厅).
_STATE = re.compile(r"(?:中共中央|党中央|国务院|国家|中央|全国人大|最高人民)")
#: A place: a name of two to eight characters ending in an administrative unit.
_PLACE = re.compile(rf"[{HAN}]{{1,8}}?(?:自治区|自治州|自治县|新区|地区|省|市|州|盟|县|区|旗)")
#: Places only, down to a town (天津市武清区, 石门镇): a government of that place, not a programme (数字政府).
_PLACE_CHAIN = re.compile(rf"(?:[{HAN}]{{1,8}}?(?:自治区|自治州|自治县|新区|地区|省|市|州|盟|县|区|旗|镇|乡))+")
#: Places of every kind or every level, no one place (各乡镇人民政府, 城乡, 全县, 区乡镇…): the kind's word opens the field
#: or follows a level's end; after another character it ends a place's own name (古城|镇, 新城|镇, 长城|镇: a town).
_GENERIC_PLACES = re.compile(r"^[各全本该]|(?:^|[省市区县州旗盟])(?:乡镇|城镇|村镇|城乡)")
#: 县（市）区人民政府: levels listed in brackets make the mention plural.
_LEVEL_LIST_BEFORE = re.compile(r"[省市区县州镇乡][（(][省市区县州镇乡、]+[）)][省市区县州镇乡]?$")
#: Words inside a name's field that show it is no name (a verb phrase, a count, a quantity).
_NOT_IN_NAME = re.compile(
    r"[的了着过是在为把被对向从及或等个年月日长]|(?<=[\d一二三四五六七八九十两几多各每])项|\d|设在|内设|下设|负责|提出|报告|交办|组织|开展|领导|担任|兼任|占"
)
_LEVEL_CHAR = re.compile(f"[{_LEVELS}]")
#: A year's 年 right before a level's character (2017年区政务服务中心): jieba glues them (年区), the body starts at the level.
_YEAR_BEFORE = re.compile(r"[\d〇零一二三四五六七八九]年$")
_REGION = re.compile("自治区")
_HAN = re.compile(f"[{HAN}]")
_PLACE_ENDS = set("市县区州省旗")
_SUBPLACE = re.compile(rf"[{HAN}]{{1,5}}?(?:自治县|自治州|新区|区|县|市|州|旗)(?=[{HAN}])")
#: A place of its own level after a body: another body begins (not a unit's place: 昆阳|审计站).
_OWN_PLACE = re.compile(rf"[{HAN}]{{2,6}}?(?:省|市|自治州|自治县|县)(?=[{HAN}])")
_SUFFIX_BEFORE_AND = re.compile(rf"(?:{SUFFIX_PATTERN}|总)[和与及]")
#: Words that may follow a body's name though their first character would make the suffix another word:
#: 审计局|部门预算 (not 局部), 民政局|部分职责, 气象局|部署.
_WORD_AFTER_BODY = re.compile(r"部(?:门|分|署)")
#: Joining words inside a body's field (生态与农业气象中心), never its first or last word.
_JOINING = {"和", "与", "及"}
#: A joining word, then a place of its own: what follows is another body (地震局党组和广西壮族自治区党委).
_JOINED_PLACE = re.compile(rf"[和与及](?:[{HAN}]{{2,8}}?(?:自治区|省|市|自治州|自治县|县)|中共|国家|国务院)")
#: A committee's office named by one character (市委编办, 县委宣办): a unit of the committee, one name with it.
_COMMITTEE_OFFICE = re.compile(rf"委[{HAN}]办$")
_NAME_RUN = re.compile(rf"[{HAN}（）()]+")
_MAX = 40


def _ends_well(text: str, end: int, suffix: str) -> bool:
    nxt = text[end : end + 1]
    if nxt and nxt in NOT_AN_END.get(suffix[-1], "") and not _WORD_AFTER_BODY.match(text, end):
        return False
    if _MEETING_AFTER.match(text, end):
        return False  # 市委全会, 区政府常务会议: a meeting, not the body
    return not (len(suffix) == 1 and text[end - 2 : end] in NOT_A_BODY)


def _suffix_ends(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the body suffixes in ``text[start:limit]`` where a name may end, nearest first."""
    out = []
    for m in SUFFIX_RE.finditer(text[start:limit]):
        end = start + m.end()
        if _ends_well(text, end, m.group(0)):
            out.append((start + m.start(), end))
    return out


def _field_ok(text: str, a: int, b: int, words: list[tuple[int, int]], starts: list[int]) -> bool:
    """Is ``text[a:b]`` (between an anchor and a suffix) the field of a body, not a verb phrase?  ``words``: the
    text's tokens, ``starts``: their starts (the tokens wholly inside the field are read)."""
    field = text[a:b]
    if _NOT_IN_NAME.search(field) or "（" in field or "(" in field or "）" in field or ")" in field:
        return False  # 县（市）区人民政府: a list of levels in brackets makes the mention plural
    pos = pos_table()
    for k in range(bisect.bisect_left(starts, a), len(words)):
        s, e = words[k]
        if e > b:
            break
        w = text[s:e]
        if (w in LEAD_WORDS and w not in _FIELD_WORDS) or w in BODY_LEADS:
            return False
        if w in _JOINING and a < s and e < b:
            continue  # 生态与农业气象中心, 数据安全与合规处: two fields joined inside the name
        if pos.get(w) in ("p", "r", "d", "u", "uj", "m", "q"):
            return False
    return True


def _anchor_starts(text: str, word_starts: set[int]) -> list[int]:
    """Positions where a body's name may start: a place, a level character or the state, after a boundary."""
    starts = []
    for m in _STATE.finditer(text):
        starts.append(m.start())
    for m in _REGION.finditer(text):
        i = m.start()  # 自治区人民政府, 自治区水利信息中心: the region's own body, its name left out
        if i == 0 or not _HAN.match(text[i - 1]) or text[i - 1] in GLUED_LEAD or i in word_starts:
            starts.append(i)
    for m in _LEVEL_CHAR.finditer(text):
        i = m.start()
        before = text[i - 1 : i]
        glued = not before or not _HAN.match(before) or before in GLUED_LEAD or i in word_starts
        glued = glued or _YEAR_BEFORE.search(text, max(0, i - 2), i) is not None  # 2017年|区协作办: jieba's 年区
        if glued and (not before or not _SCOPE_BEFORE.search(before)):
            starts.append(i)
    return starts


@lru_cache(maxsize=65536)
def _word_kind(w: str) -> int:
    """What a word may start (read once per distinct word: this runs on every word of every narrative text):
    0 nothing, 1 a level cut from its place (富民|县), 2 the state's …署, 3 a place or body word, 4 a place glued to a
    lead character in front (向昆明市), 5 a one-character place word (坪|山区)."""
    pos = pos_table()
    tag = pos.get(w)
    if len(w) == 1:
        return 1 if w in _PLACE_ENDS else 5 if tag == "ns" else 0
    if len(w) >= 3 and w.endswith("署") and w[-2:] not in NOT_A_BODY:
        return 2  # 审计署, 海关总署 (jieba tags some as verbs)
    if (tag not in ("ns", "nt") and w[-1] not in _PLACE_ENDS) or w in NOT_PLACES or w in ("人民政府", "政府"):
        return 0  # 人民政府 alone is no place's name (各乡、镇|人民政府)
    if tag == "nt" or place_name(w):
        return 3
    if len(w) >= 3 and w[0] in GLUED_LEAD and pos.get(w[1:]) == "ns":
        return 4
    return 0


def _place_starts(text: str, words: list[tuple[int, int]]) -> list[int]:
    """Token starts that begin a place name (jieba's ns words, or a name ending in 市/区/县 …)."""
    pos = pos_table()
    out = []
    for k, (a, b) in enumerate(words):
        w = text[a:b]
        kind = _word_kind(w)
        if not kind:
            continue
        if kind == 1 and k > 0:
            # a place jieba cut before its level (富民|县, 官渡|区): the name word in front starts it
            p = text[words[k - 1][0] : words[k - 1][1]]
            if _place_part(p, w) and 2 <= len(p) <= 4 and pos.get(p) != "n":
                out.append(words[k - 1][0])
        elif kind == 2:
            out.append(a)
        elif kind == 3:
            # a place written in several words (石林|彝族|自治县, 天府|新区): its first word
            j = k
            while (
                pos.get(w) == "ns"
                and j > 0
                and _place_part(text[words[j - 1][0] : words[j - 1][1]], text[words[j][0] : words[j][1]])
            ):
                j -= 1
            out.append(words[j][0])
        elif kind == 4:
            out.append(a + 1)
        elif kind == 5 and k + 1 < len(words):
            # a one-character place word before the rest of its place (坪|山区…): the place starts here
            nxt = text[words[k + 1][0] : words[k + 1][1]]
            if len(nxt) >= 2 and nxt[-1] in _PLACE_ENDS:
                out.append(a)
    return out


def _place_part(word: str, right: str) -> bool:
    """Is ``word`` the first part of a place whose next word is ``right``?"""
    if not HAN_WORD.fullmatch(word) or len(word) < 2 or word in LEAD_WORDS or word in BODY_LEADS or word in NOT_PLACES:
        return False
    tag = pos_table().get(word)
    return tag in ("nr", "nz", "ns", None) or (tag == "n" and right in ("新区", "自治县", "自治州", "自治区"))


def _many_before(text: str, start: int) -> bool:
    """Do the words right before ``start`` make the body named there many (各|部门, 有关|局, 县（市）区|人民政府)?"""
    return bool(_PLURAL_BEFORE.search(text[max(0, start - 2) : start]) or _LEVEL_LIST_BEFORE.search(text, 0, start))


#: A government's suffix at a name's end.
_GOVERNMENT_END = re.compile(r"(?:人民)?政府$")


def many_bodies(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]``, a body's name another reader proposes (the NER), every body of a kind, as the shape rules
    read one: 各 opening it (各乡镇人民政府), plural words or levels listed in brackets right before it (有关|部门,
    县（市）区|人民政府), a government of places of every kind (乡镇人民政府, 城乡…)?"""
    name = text[start:end]
    government = _GOVERNMENT_END.search(name)
    return (
        name.startswith("各")
        or _many_before(text, start)
        or (government is not None and bool(_GENERIC_PLACES.search(name[: government.start()])))
    )


def _free_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Anchored names in running text: anchor + field + suffix, then units printed after it."""
    out: list[tuple[int, int]] = []
    word_start_list = [a for a, _ in words]
    word_starts = set(word_start_list)
    starts = sorted(set(_anchor_starts(text, word_starts)) | set(_place_starts(text, words)))
    for s in starts:
        if out and out[-1][0] <= s < out[-1][1]:
            continue  # inside the name found from an earlier anchor
        if text[s] in _LEVELS and (text[s + 1 : s + 2] in (*_LEVELS, "级") or text[s - 1 : s] in _LEVELS):
            continue  # 省市…, 市县…, 市|县政府: two levels; 县级融媒体中心: every county's — a plural mention
        if _many_before(text, s):
            continue
        run = _NAME_RUN.match(text, s)
        if not run:
            continue
        limit = min(run.end(), s + _MAX)
        ends = _suffix_ends(text, s + 1, limit)
        end = None
        for f, e in ends:
            field = text[s:f]  # the anchor and the field, without the suffix
            if text[f:e] in ("政府", "人民政府") and (
                (_strip_anchor(field) and not _PLACE_CHAIN.fullmatch(field))
                or field.endswith("级")
                or _GENERIC_PLACES.search(field)
            ):
                continue  # 数字政府: a programme; 区级人民政府: every district's; a government is a place's (市政府)
            if _field_ok(text, f - len(_strip_anchor(field)), f, words, word_start_list) and e - s >= 2:
                end = e
                break
        if end is None:
            continue
        # a unit printed after its parent (某某市档案局信息中心, …审计局某某审计站) is one name with it
        for f, e in ends:
            if e > end and (
                text[end] in "和与及"
                or _STATE.match(text, end)
                or _OWN_PLACE.match(text, end)
                or _JOINED_PLACE.search(text, end, f)
            ):
                break  # another body (省气象局和市委, 中央办公厅国务院办公厅, 某局党组和某省党委): each from its own anchor
            if (
                e > end
                # 管委会|办公室: a unit with no field of its own; 市政府|办: the government's office
                and (
                    f - end >= 2
                    or (f == end and (e - f >= 2 or text[end - 2 : e] == "政府办"))
                    or _COMMITTEE_OFFICE.match(text, end - 1, e)
                )
                and _field_ok(text, end, f, words, word_start_list)
                and e - end <= 12
                and (
                    _unit_words(text, end, e, word_starts)
                    or text[end - 2 : e] == "政府办"
                    or _COMMITTEE_OFFICE.match(text, end - 1, e)
                )
            ):
                end = e
            elif e > end:
                break
        joined = _SUFFIX_BEFORE_AND.search(text, s, end)
        if joined:  # 市防总和广州市气象局: two bodies joined, each is found from its own anchor
            continue
        if text[s:end] in _LEVELS or len(text[s:end]) < 2:
            continue
        if text[max(0, s - 2) : s] in ("中共", "政协"):
            s -= 2  # 中共某某市委审计委员会, 政协某某县委员会: the party's or the CPPCC's committee of the place
        out.append((_joined_field_start(text, words, word_start_list, s), end))
    return out


def _joined_field_start(text: str, words: list[tuple[int, int]], starts: list[int], start: int) -> int:
    """Where a ministry's name joined by 和 starts (人力资源|和|社会保障部, 住房|和|城乡|建设部): its anchor word
    is the last field's, so the fields before it joined by 和 / 与 are the name's too."""
    pos = pos_table()
    k = bisect.bisect_left(starts, start)
    if k >= len(words) or words[k][0] != start:
        return start
    anchor = text[words[k][0] : words[k][1]]
    if pos.get(anchor) != "nt" or not anchor.endswith(("部", "署", "局", "委")):
        return start
    j = k
    while j > 0 and pos.get(text[words[j - 1][0] : words[j - 1][1]]) in ("n", "vn") and k - j < 2:
        j -= 1  # 城乡|建设部
    if j >= 2 and text[words[j - 1][0] : words[j - 1][1]] in ("和", "与"):
        w = text[words[j - 2][0] : words[j - 2][1]]
        if pos.get(w) in ("n", "vn") and len(w) >= 2 and w not in LEAD_WORDS and not unit_end(w):
            return words[j - 2][0]
    return start


def _strip_anchor(field: str) -> str:
    """``field`` without its anchor: the state, a place and the places under it (重庆市|大足区), or a level."""
    m = _STATE.match(field) or _PLACE.match(field)
    if not m:
        return field[1:] if field[:1] in _LEVELS else field
    field = field[m.end() :]
    for _ in range(2):
        sub = _SUBPLACE.match(field)
        if not sub:
            break
        field = field[sub.end() :]
    return field


def _unit_words(text: str, start: int, end: int, word_starts: set[int]) -> bool:
    """Does ``text[start:end]`` start on a word of its own (not the tail of the parent's last word)?"""
    return start in word_starts or end - start >= 3


#: The party and staff bodies of an agency's own organs (机关党委, 机关纪委, 机关工会): a unit wherever it is named.
_OWN_UNIT = re.compile(r"(?<![各该])机关(?:党委|纪委|工会|团委|党总支|党支部)")
#: Words that put one of the agency's own units after them (所属单位数转中心, 下属事业单位…): no anchor needed.
_UNIT_LEAD = re.compile(r"(?:所属|下属|直属)(?:事业|预算)?单位(?:为|是|有|：|:)?")


def _own_units(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _OWN_UNIT.finditer(text)]


def _after_unit_lead(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A unit named right after 所属单位 / 下属事业单位 (its short name, 数转中心), the nearest body suffix ending it."""
    out = []
    starts = [a for a, _ in words]
    for m in _UNIT_LEAD.finditer(text):
        s = m.end()
        run = _NAME_RUN.match(text, s)
        if not run:
            continue
        for f, e in _suffix_ends(text, s + 1, min(run.end(), s + 16)):
            if f - s >= 1 and not _NOT_IN_NAME.search(text, s, f) and _field_ok(text, s, f, words, starts):
                out.append((s, e))
            break  # the nearest suffix only
    return out


def agency_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the bodies named in ``text`` (``words``: its tokens' offsets)."""
    spans = listed_unit_spans(text) + _free_spans(text, words) + _own_units(text) + _after_unit_lead(text, words)
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if not any(a < e and s < b for a, b in out):
            out.append((s, e))
    return sorted(out)


#: Lead words that are a body's field too (发展和改革, 社会保障, 城市管理).
_FIELD_WORDS = {"管理", "建设", "服务", "运维", "运营", "监督", "保障", "统筹", "融合", "和", "与"}
#: Bodies named after a programme (市智慧城市建设领导小组, 数字政府建设专项工作组): the body holds the reform's name.
_PROGRAMME_BODY = re.compile(r"(?:领导小组|工作组|办公室|委员会)$")


def keep_agencies(
    text: str, agencies: list[tuple[int, int]], others: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The agency spans that may join the shapes found so far (``others``): never one that overlaps a
    platform or a policy document (国家信访局智能办公平台, 市政府门户网站 stay one platform), nor one that
    overlaps a reform unless it is a body named after it and holds it whole (市智慧城市建设领导小组 holds
    智慧城市: the body wins; 省委|数字福建 stays the reform)."""
    out = []
    for s, e in agencies:
        clash = [(a, b, lab) for a, b, lab in others if a < e and s < b]
        if any(
            lab in ("Platform", "PolicyDocument")
            or (lab == "Reform" and not (s <= a and b <= e and _PROGRAMME_BODY.search(text, 0, e)))
            for a, b, lab in clash
        ):
            continue
        out.append((s, e, "Agency"))
    return out


#: The rank of a place's level: the state 0, a province 1, a city 2, a district or county 3, a town 4.
_RANKS = {
    **dict.fromkeys(("自治区", "省"), 1),
    **dict.fromkeys(("自治州", "地区", "市", "州", "盟"), 2),
    **dict.fromkeys(("自治县", "新区", "区", "县", "旗"), 3),
    **dict.fromkeys(("镇", "乡"), 4),
}
_PLACE_UNIT = re.compile(rf"[{HAN}]{{1,8}}?(自治区|自治州|自治县|新区|地区|省|市|州|盟|县|区|旗|镇|乡)")
#: A body named by a level alone (区委, 区政府, 县财政局): that level's body of the report's own place, or every one.
_BARE_LEVEL = {"省": 1, "市": 2, "区": 3, "县": 3}


def _rank(name: str) -> int | None:
    """The level of the place a full name starts with (国家信访局 0, 昆明市审计局 2, 某市某区审计局 3); None when
    no named place starts it (区政府, 市委)."""
    if _STATE.match(name):
        return 0
    pos, rank = 0, None
    while m := _PLACE_UNIT.match(name, pos):
        if m.end() - pos < 2:
            break  # a bare level character, no place's name
        pos, rank = m.end(), _RANKS[m.group(1)]
    return rank if pos < len(name) else None


def below_own_level(found: list[list[Agencyish]]) -> list[list[Agencyish]]:
    """One report's entities (per text) without its bodies named by a level below the report's own (区委、区政府
    in a city bureau's report: every district's, a generic mention).  The report's own level is that of the full
    name with a place it prints most (its own name; of equal counts the most local one), so a district's report
    keeps its 区政府."""
    counts: dict[str, int] = {}
    for ents in found:
        for e in ents:
            if e.label == "Agency" and _rank(e.text) is not None:
                counts[e.text] = counts.get(e.text, 0) + 1
    ranks = {n: _rank(n) or 0 for n in counts}
    placed = [n for n in counts if ranks[n] > 0] or list(counts)  # the state's bodies only when no place is named
    if not placed:
        return found
    # the most printed; of equal counts the most local (a district's report names the State Council as often)
    own = ranks[max(placed, key=lambda n: (counts[n], ranks[n]))]
    return [
        [
            e
            for e in ents
            if not (e.label == "Agency" and _BARE_LEVEL.get(e.text[:1], -1) > own and _rank(e.text) is None)
        ]
        for ents in found
    ]


#: Words after which a listed unit named again is the unit itself (不含机关服务中心, 为…的离退休干部办公室, 由信息中心).
_UNIT_AGAIN_BEFORE = re.compile(rf"(?:^|[^{HAN}]|[的含由于和与及、将对向给为经])$")


def listed_units_again(
    texts: Sequence[str], found: Sequence[Sequence[Agencyish]], words
) -> list[list[tuple[int, int]]]:
    """Where one report names again, outside its 机构设置 list, a unit the list enumerates (机关服务中心 in 名词解释):
    the list's names of four characters or more, on the text's word bounds, after a word that leads a name, not
    inside or across an entity found there."""
    names = set()
    for text in texts:
        for s, e in listed_unit_spans(text):
            if e - s >= 4 and _rank(text[s:e]) is None and text[s] not in _LEVELS and not _STATE.match(text, s):
                names.add(text[s:e])
    out: list[list[tuple[int, int]]] = []
    for text, ents, ws in zip(texts, found, words):
        starts, ends = {a for a, _ in ws}, {b for _, b in ws}
        taken = [(e.start, e.end) for e in ents]
        add: list[tuple[int, int]] = []
        for name in names:
            for m in re.finditer(re.escape(name), text):
                s, e = m.span()
                if s not in starts or e not in ends or not _UNIT_AGAIN_BEFORE.search(text, 0, s):
                    continue
                if any(a < e and s < b for a, b in taken + add):
                    continue
                add.append((s, e))
        out.append(sorted(add))
    return out
