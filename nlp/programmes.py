"""Programmes printed bare, no quotes around them: 数字政府, 一网通办, 数字城管, 数字青岛, 数字强省.

A programme (a Reform by the guideline) is named by its own words wherever the text prints them
(:data:`UNQUOTED_PROGRAMMES`), or as a place's own programme of going digital, 数字 / 数化 + the place (数字随州,
数化随州) or the goal a province or city sets itself (数字强省).  :func:`programme_spans` finds them outside the quoted
names :mod:`nlp.reforms` found first — not a media outlet's name (数字江西|报), not a platform's (智慧城市|平台), with
its release (数字青岛2.0工程: :mod:`nlp.releases`) and 改革 after it (一网通办改革) — and :func:`programme_ending_at`
says where one ends right before another word (数字政府|建设一体化综合改革: :mod:`nlp.fieldreforms`).

Everything here is vocabulary of the domain (programme words, media words), never a name.
"""

from __future__ import annotations

import re

from nlp.bodywords import NOT_PLACES
from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.places import place_name
from nlp.platformwords import HEAD
from nlp.releases import programme_release_after

#: Programmes printed bare by their own words: the service-mode programmes (一网通办, 最多跑一次), a government's going
#: digital (数字政府, 数字中国; a place's, 数字福建, below), a city's (智慧城市, 数字城管), internet-plus (互联网+政务服务).
UNQUOTED_PROGRAMMES = re.compile(
    r"一网通办|一网统管|一网协同|一网共享|一件事一次办|最多跑一次|跨省通办|接诉即办|证照分离|数字政府|数字中国|"
    r"数字乡村|(?:新型)?智慧城市|(?:数字|智慧)城管|互联网[+＋][\u4e00-\u9fff]{2,6}?(?=[，。；、”\"」]|$|改革|工作|行动|建设|服务(?!平台))"
)


#: A place's own programme of going digital, named 数字 / 数化 + the place (数字随州, 数化随州, 数字青岛, 数字福建), or
#: the goal a province or city sets itself, 数字强省 / 数字强市: names as 数字中国 is (not 数字经济, 数字社会: sectors).
_DIGITAL_OF = re.compile(r"数[字化](?=[\u4e00-\u9fff])")


_STRONG_PLACE = re.compile(r"强[省市区县](?![\u4e00-\u9fff]?(?:级|委|政府|人民|长|直|属|内|外|域))")


#: A media outlet's kind after 数字 + a place (数字江西|报, 数字湖南|频道, 数字长江|传媒): the outlet's name, no programme —
#: not a report on it (数字江西|报告) nor a report to it (报送).
_MEDIA_AFTER = re.compile(r"日报|晚报|报社|报(?![告送表名备销批价账道])|频道|传媒|电视台|电台|杂志|期刊|出版社|客户端")


#: Kinds of settlement jieba tags as places or names (小镇: nr; 古镇, 新城, 新区, 城镇: ns): after 数字 a kind of town
#: (数字小镇, 数字城镇), no place's own programme.
_KINDS_OF_PLACE = {"小镇", "古镇", "新城", "新区", "海岛", "山村", "新村", "城镇", "高新区"}


#: jieba's tags of proper names it reads a county's or region's name as (萧山, 余杭, 龙岗: nr; 义乌: nz; 顺德: nrt): after
#: 数字, a name of two or three characters is the place's (a person's is no programme's name; 湖南日报, a paper's).
_NAME_TAGS = {"nr", "nrt", "nrfg", "nz"}


def _local_programmes(text: str) -> list[tuple[int, int]]:
    """数字 / 数化 + a place (jieba's ``ns``, one whole word, no level after it: not 数字福州市…) or + 强省 / 强市;
    数字 a word of the text there (not the tail of 统计数字)."""
    out = []
    for m in _DIGITAL_OF.finditer(text):
        s, at = m.start(), m.end()
        if strong := _STRONG_PLACE.match(text, at):
            out.append((s, strong.end()))
            continue
        words = dictionary_words(text[max(0, s - 2) : at + 6])
        starts = [sum(map(len, words[:i])) + max(0, s - 2) for i in range(len(words))]
        if s not in starts and not (m.group() == "数化" and at in starts):
            continue  # 统计数字|…: the figures of a count, no programme
        place = next((w for w, b in zip(words, starts) if b == at), None)
        if (
            place
            and (
                place_name(place, unknown=False)  # the dictionary's places (nlp.places)
                or (2 <= len(place) <= 3 and pos_table().get(place) in _NAME_TAGS and place not in NOT_PLACES)
            )
            and place not in _KINDS_OF_PLACE  # 数字小镇, 数字城镇: a kind of town
            and not place.endswith(("省", "市", "区", "县"))
            and not re.match(r"[省市区县州盟旗]", text[at + len(place) : at + len(place) + 1])
        ):
            out.append((s, at + len(place)))
    return out


def programme_ending_at(text: str, at: int) -> int | None:
    """Where the programme's name ending at ``text[at]`` starts (数字政府|建设一体化综合改革: the programme is the field
    of the reform after it), if one does."""
    for s, e in [(m.start(), m.end()) for m in UNQUOTED_PROGRAMMES.finditer(text, max(0, at - 12), at)] + [
        p for p in _local_programmes(text[: at + 1]) if p[1] == at
    ]:
        if e == at:
            return s
    return None


#: What quotes opened before a programme's name hold after it: the next item of a list (“一网通办、一网统管、…”) or the
#: head 建设 (“数字重庆建设”工作) — the name is the programme's, without the quotes, as the guideline marks it.
_QUOTES_HOLD_AFTER = re.compile(r"、|建设[”\"“」]")


def _quotes_hold_more(text: str, end: int) -> bool:
    """Do the quotes in front of a programme's name hold more than it, from ``text[end]`` on?"""
    return bool(_QUOTES_HOLD_AFTER.match(text, end))


def programme_built(inner: str) -> bool:
    """Is a quoted ``inner`` a programme's name and its head 建设 (“数字福州建设”, “智慧城管建设”): the programme is
    named without the quotes and the head."""
    name = inner[:-2]
    return inner.endswith("建设") and bool(
        UNQUOTED_PROGRAMMES.fullmatch(name) or (0, len(name)) in _local_programmes(name)
    )


def programme_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Programmes printed bare in ``text``, outside the names ``taken`` already (the quoted ones), with 改革 after them
    when it follows; in a programme's quotes only where the quotes hold more than it (“一网通办、一网统管”,
    “数字重庆建设”工作)."""
    found: list[tuple[int, int]] = []
    for s, e in sorted([(m.start(), m.end()) for m in UNQUOTED_PROGRAMMES.finditer(text)] + _local_programmes(text)):
        if version := programme_release_after(text, e):
            e = version  # 数字青岛2.0工程: the programme's campaign, one name (nlp.releases)
        if any(a <= s < b for a, b in taken) or (s > 0 and text[s - 1] in '“"「' and not _quotes_hold_more(text, e)):
            continue
        if _MEDIA_AFTER.match(text, e):
            continue  # 数字江西|报, 数字湖南|频道: a media outlet's name
        if HEAD.match(text, e):
            continue  # 智慧城市平台: a platform (长沙市智慧城市建设事务中心, a body's name: nlp.budgetpatterns drops it)
        if text.startswith("改革", e):
            e += 2
        found.append((s, e))
    return found
