"""A platform's words the clause uses for no one system: a field of work, or the sites of a sector.

The guideline (tests/gold/README.md, *A network or system named for something else*) leaves unmarked the government's
own network or system named only as a field of work:

* the subject of laws and policies in general — an item of what a body's laws, rules and policies are about
  (贯彻执行国家、市有关大数据、…、电子政务外网、视联网、智慧城市相关法律法规; 贯彻落实…关于市民热线工作方面的法律法规);
* one of the kinds of network or system a duty lays out — a list closed by 等 before its layout or plan
  (承担电子政务外网、视联网等布局规划和建设职能);
* an aspect of a body's work, the name and the work on it closed by 方面 — a heading or an item of a list of aspects
  (四是政府信息公开平台建设方面, 协调处理…信息网络与信息安全方面问题, 从…、持续加强政务公开平台建设、…6个方面): the
  guideline's 在政务云建设方面.  A name with its owner printed in front (区政务服务平台建设方面) is left to the other rules,
  and so are aspects whose running follows (做好电子政务外网、政务云等方面的运维保障: the one systems run) and aspects
  money is spent on (主要用于…信息系统维护及升级改造…等方面: the one system paid for);
* a body's disclosure platform named by its function alone with its building after — the disclosure report's heading
  政府信息公开平台建设 as a heading (4.政府信息公开平台建设), an item of the report's contents (…、政府信息公开平台建设情况、
  …) or a work strengthened (强化政府信息公开平台建设和人才队伍建设, 加强政务公开平台建设): the body's channels as a
  category, as 推进政务服务平台建设 is a work on a kind.  With an owner in front (我部…, 市政府…), used or built (依托…,
  完成…建设, 优化…) it is the one platform; a site (加强政务公开网站建设) is one site.

A duty that plans, builds or runs the one system is still marked (负责…的建设、管理、维护; 统筹规划政务服务“一张网”建设):
nothing here looks in front of the name for the duty's verb, only at what the name is an item of.

A kind of account or medium and a bare 平台 (微信公众号平台, 政务新媒体平台) is the medium's, no one account: the guideline's
bare 微信公众号 and 新媒体平台.

The sites of a sector (全市政府系统网站, 卫生健康系统网站: the websites of the government's or a line's bodies, the
guideline's 政府系统 as the sector, :mod:`nlp.sectors`) are many, no one system.

Asked by the shape rules (:func:`nlp.candidates.platform_spans`), of the trained NER's names
(:func:`nlp.entities.no_platform_by_the_rules`) and where a report's own system is spread to another mention
(:func:`nlp.ownsystems.spreadable`).
"""

from __future__ import annotations

import re

from nlp.namechecks import owner_at_start
from nlp.sectors import line_field

#: The rest of a list the name is an item of (、视联网, 和政务微博, 、强化…监督保障, 与信息安全): items of a few words, no
#: clause of their own — no clause mark of either width (a half-width one the text kept: 1.5G, a site's ASCII comma).
_LIST_REST = r"(?:[、和及与][^，。；：！？,.;:!?、和及与\n]{1,14}){0,8}?"
#: What laws and policies are about, after the list (…相关法律法规, …工作方面的法律法规, …有关方针政策).
_LAWS_AFTER = re.compile(
    _LIST_REST + r"等?(?:相关|有关)?(?:工作)?(?:方面|领域)?的?(?:法律|法规|方针|政策|规章|制度规定)"
)
#: 有关 / 关于 in the clause in front: the list is what the laws are about.
_ABOUT_BEFORE = re.compile(r"(?:有关|关于|涉及)[^，。；：！？\n]{0,60}$")
#: A list closed by 等 before its layout or plan (…、视联网等布局规划和建设职能): the kinds a duty lays out.
_KINDS_LAID_OUT = re.compile(_LIST_REST + r"等(?:的)?(?:布局|规划)")


#: The work on the name before 方面 (建设, 运行维护, 安全管理): no clause of its own.
_WORK_ON_IT = r"(?:的)?(?:建设|管理|运行|运维|维护|应用|推广|使用|整合|安全|保障|监管){0,3}"
#: 方面 closing the aspects, counted or not (…等方面, …6个方面, …两个方面).
_ASPECT_AFTER = re.compile(
    _WORK_ON_IT + _LIST_REST + r"等?(?:[\d一二两三四五六七八九十]+个)?方面(?!的?(?:运行|运维|维护|管理|保障|技术))"
)
#: Money spent on the aspects (主要用于…系统维护及升级改造…等方面): the one system paid for, not a field of work.
_SPENT_ON_BEFORE = re.compile(r"用于[^，。；：！？,;:!?\n]{0,40}$")


def an_aspect_of_work(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (no owner printed at its start) with the work on it an aspect of a body's work, closed by
    方面 (政府信息公开平台|建设方面, 信息网络|与信息安全方面问题, 政务公开平台|建设、强化…监督保障6个方面)?"""
    if not _ASPECT_AFTER.match(text, end):  # the cheap test first: every name the rules propose comes here
        return False
    name = text[start:end]
    if owner_at_start(name):  # 区政务服务平台, 眉山市…, 全国信访信息系统, 12345热线: a particular system
        return False
    return not _SPENT_ON_BEFORE.search(text, max(0, start - 40), start)


#: A body's disclosure platform named by its function alone (政府信息公开平台, 政务公开平台): the disclosure report's word
#: for its channels as a category (网站, 政务新媒体, 公开栏 …).  A site (政务公开网站) is one site, left to the other rules.
_DISCLOSURE_KIND = re.compile(r"(?:政府|政务)?(?:信息)?公开平台")
#: A verb of using the platform or of having built it right before (依托…平台建设…库, 完成…平台建设, 已…): then the
#: platform is the one in use or the one built, and 建设 after it is another work's or that building's.
_USED_OR_BUILT_BEFORE = re.compile(r"(?:依托|通过|利用|基于|借助|完成|建成|已经?|全面)$")
#: The building after the name, as a work (…平台建设和人才队伍建设, …平台建设，): not the building's project or upkeep.
_BUILDING_AS_WORK = re.compile(r"建设(?![项经资费工])")


def disclosure_platform_as_work(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a body's disclosure platform named by its function alone with its building after — the
    disclosure report's heading 政府信息公开平台建设, as a heading, an item of the report's list of contents (…、政府信息
    公开平台建设情况、…) or a work strengthened (强化…平台建设和…队伍建设, 加强政务公开平台建设): a work on its channels as
    a category, as 推进政务服务平台建设 is a work on a kind?  An owner in front (我部…, 市政府…) names one, and so does the
    platform used or built (依托…平台建设…, 完成…平台建设, 优化政府信息公开平台)."""
    return (
        _DISCLOSURE_KIND.fullmatch(text, start, end) is not None
        and _USED_OR_BUILT_BEFORE.search(text, max(0, start - 4), start) is None
        and _BUILDING_AS_WORK.match(text, end) is not None
    )


def subject_of_laws(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an item of what laws and policies are about (有关…电子政务外网、视联网…相关法律法规)?"""
    return bool(_LAWS_AFTER.match(text, end)) and bool(_ABOUT_BEFORE.search(text, max(0, start - 60), start))


def kind_laid_out(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an item of a list closed by 等 before a layout or plan (承担电子政务外网、视联网等布局规划和
    建设职能): a kind of network a duty lays out, none in particular?"""
    return bool(_KINDS_LAID_OUT.match(text, end))


#: A sector's sites or accounts: a level in front, the field or 政府, 系统, and a site's or account's head.
_SECTOR_SITES = re.compile(
    r"(?:全?[省市区县州])?(?P<field>[\u4e00-\u9fff]{2,12}?)系统(?:门户)?(?:网站群?|政务新媒体|新媒体|微信公众号|政务微博)"
)


def a_sectors_sites(name: str) -> bool:
    """Is ``name`` the sites or accounts of a sector (政府系统网站, 卫生健康系统网站, 全市政府系统政务新媒体)?"""
    m = _SECTOR_SITES.fullmatch(name)
    return m is not None and (m.group("field") == "政府" or line_field(m.group("field")))


#: A kind of account or medium and a bare 平台 (微信公众号平台, 政务新媒体平台, 抖音号平台): the medium's platform, whoever's
#: account it is, no one system — an owner or a quoted name in front names one (市卫健委微信公众号平台, “A”微信公众号平台).
_MEDIUM_AND_PLATFORM = re.compile(r"(?:政务)?(?:微信公众号|公众号|新媒体|微博|微信|抖音号?|视频号|头条号|快手号?)平台")


def a_mediums_platform(name: str) -> bool:
    """Is ``name`` a kind of account or medium and a bare 平台 (微信公众号平台, 政务新媒体平台)?"""
    return _MEDIUM_AND_PLATFORM.fullmatch(name) is not None


def no_one_system(text: str, start: int, end: int) -> bool:
    """Does the clause use ``text[start:end]`` for no one system: a field of work or a sector's sites (module
    docstring)?  A quoted name is a name whatever the clause does with it."""
    if text[start : start + 1] in '“「"':
        return False
    return (
        subject_of_laws(text, start, end)
        or kind_laid_out(text, start, end)
        or a_sectors_sites(text[start:end])
        or an_aspect_of_work(text, start, end)
        or a_mediums_platform(text[start:end])
        or disclosure_platform_as_work(text, start, end)
    )
