"""A place printed in running text: a province, city, county or district by its name, with its level's word or
without (六安市, 黄埔区, 石林彝族自治县, 温州, 江苏), and the report's own one by a deictic word (本市, 我县).

Five rules need to know where a place is printed — the start of a body's name (:mod:`nlp.agencies`), the owner in
front of a system's name (:mod:`nlp.ownsystems`) or of a quoted platform's (:mod:`nlp.coinednames`), a place taken
into a name as its owner (:mod:`nlp.headwalk`, :mod:`nlp.candidates`), the jurisdiction before a line's 系统
(:mod:`nlp.sectors`) — and they ask it here, each saying only what it needs:

- ``level``: the level's word is required (六安市, not 六安) or either is a place;
- ``unknown``: a name and a level jieba's dictionary does not hold (某某县 of any county) is a place by its shape, or
  only the dictionary's places count.

What no caller takes for a place: a scope word (全市, 各县, 本级; 本市 and 我县 only where :data:`OWN_PLACE` is asked), a
common word ending like a place (城市, 社区, 园区: :data:`nlp.bodywords.NOT_PLACES`; 卫生城市, 自然保护区: a noun the
dictionary knows), a verb with a level's character glued (管理区, 建设市), a place's one character alone (河), and a
place word inside a longer word (城市, 超市: the caller hands a whole word, jieba's or the text's).

Everything here is vocabulary of China's administrative divisions, never a place's name.
"""

from __future__ import annotations

import re

from nlp.bodywords import BODY_LEADS, GLUED_LEAD, NOT_PLACES
from nlp.jiebadictionary import pos_table
from nlp.platformwords import LEAD_WORDS

#: The one-character words of a level a place's name ends with (市, 县, 区 …; 自治县, 新区 end in one of them).
LEVELS = "省市区县州盟旗"
#: The report's own place named by a deictic word and a level (本市, 我县): the jurisdiction, no particular name.
OWN_PLACE = re.compile(r"[本我][省市区县州]")
#: A scope or many levels (全市, 本县, 各县区, 该区, 每县, 本级): no place — though 全州县 is a county (全州 and its level).
_SCOPE = re.compile(r"[全本我][省市区县州盟旗镇乡级]|[各该每][省市区县州盟旗镇乡]+")
#: Words jieba's dictionary tags as places that name none: a verb (新建, though a district of 南昌 with its 区; 上市,
#: going public), a kind (新区, 大城市).
_NO_PLACES = {"新建", "上市", "新区", "大城市"}
#: A kind of city, whatever is in front (卫生城市, 中等城市, 国际都市): no place's name ends so.
_KIND_OF_CITY = re.compile(r"[城都]市$")
#: jieba's tags of the words a name and a level may be that are no place's: a common noun (主城区, 卫生城市), an idiom or
#: a set phrase (门庭若市, 发人深省), an abbreviation, a noun of place or state (近郊区, 低迷区), a verb's noun.
_COMMON_TAGS = {"n", "nt", "l", "i", "s", "z", "vn", "ng"}
#: jieba's tags of a proper name: a name it knows, before a level, makes a place of a word it calls a common noun
#: (东营|市, tagged n as a whole).
_NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nz"}
#: An alliance, no league of Inner Mongolia (兴安盟): 联盟, 同盟, 结盟.
_ALLIANCE = re.compile(r"[联同结]盟$")
#: jieba's tags of a name before a level that make the whole a verb phrase (推进|市, 在|县, 和|区): no place.
_LEAD_TAGS = {"p", "v", "c", "d"}


def place_name(word: str, *, level: bool = False, unknown: bool = True) -> bool:
    """Is ``word`` (a whole word of the text) a place's name: ``level`` — with its level's word only (六安市, not
    六安); ``unknown`` — also a name and a level jieba's dictionary does not hold as a common word (某某县, 硚口区 that it
    tags a verb), not only its places (module docstring)?

    >>> [place_name(w) for w in ("六安市", "温州", "全市", "城市", "管理区", "河")]
    [True, True, False, False, False, False]
    >>> place_name("温州", level=True), place_name("硚口区", unknown=False), place_name("硚口区")
    (False, False, True)
    """
    if (
        len(word) < 2
        or word in NOT_PLACES
        or word in _NO_PLACES
        or _SCOPE.fullmatch(word)
        or _KIND_OF_CITY.search(word)
    ):
        return False
    pos = pos_table()
    tag = pos.get(word)
    if word[-1] in LEVELS and len(word) >= 3:
        if tag == "ns":
            return not _ALLIANCE.search(word)
        name = word[:-1]
        name_tag = pos.get(name)
        return (
            unknown
            and (tag not in _COMMON_TAGS or (tag == "n" and name_tag in _NAME_TAGS))
            and not _ALLIANCE.search(word)
            and bool(re.fullmatch(r"[\u4e00-\u9fff]+", name))
            and name not in LEAD_WORDS
            and name not in BODY_LEADS
            and not (name[0] in GLUED_LEAD and _glued_to(word[1:]))  # 向|昆明市, 和|社区; 从化区 is a district
            and name_tag not in _LEAD_TAGS
        )
    return not level and tag == "ns" and word not in LEAD_WORDS


def place_opening(name: str) -> int:
    """How many characters of ``name`` a place of the dictionary's with its level's word opens it with (重庆市|市场监管系统,
    全州县|卫生健康系统: a county, no scope 全州), its shortest one; 0 for none (全市…, 城市…).

    >>> place_opening("重庆市市场监管系统"), place_opening("全州县卫生健康系统"), place_opening("全市卫生健康系统")
    (3, 3, 0)
    """
    for m in _LEVEL_AT.finditer(name, 1, 7):
        if place_name(name[: m.end()], level=True, unknown=False):
            return m.end()
    return 0


_LEVEL_AT = re.compile(f"[{LEVELS}]")


def _glued_to(rest: str) -> bool:
    """Is ``rest``, after a character jieba may glue in front (向, 与, 和), a place or a common word of its own (向|昆明市,
    与|来宾市, 和|社区), so that the character is a lead and no place's first?"""
    return rest in NOT_PLACES or place_name(rest) or (len(rest) >= 3 and rest[-1] in LEVELS)


def place_of_a_level(word: str) -> bool:
    """Is ``word`` a place's name that jieba's dictionary knows with a level too (新建 ns and 新建县 ns: 新建|区 is a
    district, though 新建 leads as a verb elsewhere)?  Not a verb it tags as a place alone (美化 ns, no 美化县)."""
    pos = pos_table()
    return pos.get(word) == "ns" and any(pos.get(word + lv) == "ns" for lv in "区县市州旗")


def level_glued(word: str) -> bool:
    """Is ``word`` a leading verb with the next name's level glued by jieba (管理|区 in 统筹管理区“…”平台)?"""
    return len(word) >= 2 and word[-1] in "区市省县" and word[:-1] in LEAD_WORDS
