"""A field of government's name and 系统 that names the sector, not one system (全省卫生健康系统, 人力资源社会保障系统
社会组织): the guideline's 政府系统 as the sector is no platform.

What decides is the field: the core before 系统 is the sector's when it is the field of a line of government — what
its bodies' names hold before their suffix (卫生健康|委, 人力资源社会保障|局, 公安|厅, 税务|局), one or several joined
(文化广电旅游, 规划和自然资源) — with the jurisdiction as a whole in front (全省, 全市, 本县), or the jurisdiction named
before one field or fields joined by 和 (重庆市|市场监管系统, 宁波市|交通运输系统: a place's line of bodies, as 全市's;
not 临泉县|应急|广播系统, a system's topic), or the line's bodies and people after
(…系统社会组织, …系统的干部职工, …系统上下).  A core that goes on past a field (公积金|缴存, 工资|统发,
医保|两定), that holds a platform's head (公务|卡, 金财|工程, 健康|码) or a word of what a system holds or does
(卫生健康|信息系统, 人力资源社会保障|业务系统, 绩效|考核系统) names a system, scope or not; a core that is no field
and no system's words (公务用车) is the sector only when the line's people follow.  A field's name alone and 系统
(信访系统, 国土资源系统) is :mod:`nlp.candidates`'s older test; this one reads two or more words too.

Everything here is vocabulary of the domain (scope words, fields of lines, words of systems, of a sector's people),
never a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.bodywords import LINE_FIELDS
from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.places import OWN_PLACE, place_opening
from nlp.platformwords import GENERIC_WORDS, HEAD, WHOLE_TERRITORY

#: The jurisdiction as a whole at the start of a name, or (:data:`_SCOPE_BEFORE`) right before a field's 系统: a whole
#: territory, or the report's own one (本市|公安系统, 我省|卫生健康系统) — the field's line of bodies.
_SCOPE_START = re.compile(rf"{WHOLE_TERRITORY.pattern}|{OWN_PLACE.pattern}")
_SCOPE_BEFORE = re.compile(rf"(?:{_SCOPE_START.pattern})$")
#: After a field's 系统, what a line of bodies has and a system has not (…系统|社会组织, …系统|的干部职工, …系统|上下,
#: …系统|的一员: a member of the line).
_SECTOR_AFTER = re.compile(
    r"的?(?:社会组织|党组织|基层组织|党员|干部|职工|队伍|上下|所属|直属|各单位|行风|作风|党建|工作人员|一员|成员|一分子)"
)
#: Words of what a system holds or does (卫生健康|信息系统, 人力资源社会保障|业务系统, 绩效|考核系统): a system's name.
_SYSTEM_TOPIC = re.compile(
    r"信息|数据|网|库|软件|监控|监测|预警|视频|指挥|调度|办公|查询|交易|支付|结算|认证|邮件|档案|地理|影像|电子|智能|智慧|"
    r"自动|在线|处理|管理|服务|业务|应用|平台|终端|通信|通讯|导航|定位|识别|分析|评估|考核|审批|登记|采集|交换|共享|发布|"
    r"协同|检测|追溯|报送|填报|申报|预约|缴费|核验|评价|会商|会议|办案|决策|辅助"
)
#: What a platform's name ends with inside a core (公务|卡, 金财|工程, 健康|码, 政务|网, 政务|云): a system's core.
_PLATFORM_END = re.compile(r"(?:卡|码|网|工程|云)$")
#: The suffixes a body's name in jieba's dictionary ends with, after its field (公安|局, 民政|厅, 审计|署, 信访|办).
_BODY_ENDS = ("局", "厅", "委", "署", "办")
#: Joins between two fields of one line (文化和旅游, 规划与自然资源, 人力资源和社会保障).
_JOINS = ("和", "与", "及", "、")


@lru_cache(maxsize=4096)
def _field_piece(word: str) -> bool:
    """Is ``word`` a field a body of government is named by: one of today's lines (卫生健康, 市场监管) or a word jieba's
    dictionary knows a body of (公安局, 民政厅, 审计署, 信访办) that is not a word of what a system holds or does
    (信息办, 管理局, 服务局) nor a platform's end (工程局)?"""
    if word in LINE_FIELDS:
        return True
    if len(word) < 2 or word in GENERIC_WORDS or _SYSTEM_TOPIC.search(word) or _PLATFORM_END.search(word):
        return False
    pos = pos_table()
    return any(pos.get(word + end) in ("n", "nt", "nz", "j", "l") for end in _BODY_ENDS)


@lru_cache(maxsize=4096)
def line_field(core: str) -> bool:
    """Is ``core`` the field of a line of government, whole: one field or several joined (卫生健康, 人力资源和社会保障,
    文化广电旅游, 公安), read as the longest fields from its start?"""
    i, joined = 0, False
    while i < len(core):
        if joined and core[i] in _JOINS:
            i, joined = i + 1, False
            continue
        for j in range(len(core), i + 1, -1):
            if _field_piece(core[i:j]):
                i, joined = j, True
                break
        else:
            return False
    return joined


def _systems_words(core: str) -> bool:
    """Does ``core`` hold a word of a system's own: what one holds or does (信息, 业务, 考核), a platform's end (公务|卡,
    金财|工程) or a verb or a count of its work (公积金|缴存, 工资|统|发, 医保|两|定)?"""
    pos = pos_table()
    return any(
        w in GENERIC_WORDS
        or _SYSTEM_TOPIC.search(w)
        or _PLATFORM_END.search(w)
        or HEAD.search(w)
        or ((pos.get(w) or "").startswith(("v", "m")) and not _field_piece(w))
        for w in dictionary_words(core)
    )


def _scope_before(text: str, start: int) -> bool:
    """Is the jurisdiction as a whole right before ``start``, or before fields joined to the one at ``start`` (全市|
    人力资源和|社会保障系统, 全省|文化和|旅游系统)?"""
    if _SCOPE_BEFORE.search(text, 0, start):
        return True
    joined = re.search(r"[\u4e00-\u9fff、]{2,16}$", text[max(0, start - 16) : start])
    if not joined or joined.group()[-1] not in _JOINS:
        return False
    stretch = joined.group()
    return any(_SCOPE_BEFORE.search(stretch, 0, i) and line_field(stretch[i:-1]) for i in range(2, len(stretch) - 2))


def sector_system(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` (a name ending in 系统) name a sector: the field of a line of government, the
    jurisdiction as a whole in front of it or the line's bodies and people after it?"""
    name = text[start:end]
    if name[:1] in "省市州区县" and text[max(0, start - 1) : start] in ("本", "我"):
        start -= 1  # 我|县卫生健康系统: the report's own county, its 县 read into the name
        name = text[start:end]
    # a place named, by the dictionary only (重庆市, 宁波市, 全州县), no common word ending in a level (城市), or the
    # jurisdiction as a whole (全国|税务系统: jieba's 全国 is taken into names)
    place = place_opening(name)
    scope = place or (m.end() if (m := _SCOPE_START.match(name)) else 0)
    if scope:
        name, start = name[scope:], start + scope
    if not name.endswith("系统") or not re.fullmatch(r"[\u4e00-\u9fff]+", name[:-2]):
        return False
    core = name[:-2]
    people = bool(_SECTOR_AFTER.match(text, end))
    if line_field(core):
        if place and not (_field_piece(core) or any(j in core for j in _JOINS)):
            scope = 0  # 临泉县|应急|广播系统: a place's fields glued with no join are a system's topic (应急广播)
        return bool(scope or _scope_before(text, start) or people)
    return people and not _systems_words(core)  # 全市|公务用车系统 may be either; …系统的干部职工 is the line's
