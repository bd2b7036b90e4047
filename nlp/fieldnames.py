"""A platform's words the clause uses for no one system: a field of work, or the sites of a sector.

The guideline (tests/gold/README.md, *A network or system named for something else*) leaves unmarked the government's
own network or system named only as a field of work:

* the subject of laws and policies in general — an item of what a body's laws, rules and policies are about
  (贯彻执行国家、市有关大数据、…、电子政务外网、视联网、智慧城市相关法律法规; 贯彻落实…关于市民热线工作方面的法律法规);
* one of the kinds of network or system a duty lays out — a list closed by 等 before its layout or plan
  (承担电子政务外网、视联网等布局规划和建设职能).

A duty that plans, builds or runs the one system is still marked (负责…的建设、管理、维护; 统筹规划政务服务“一张网”建设):
nothing here looks in front of the name for the duty's verb, only at what the name is an item of.

The sites of a sector (全市政府系统网站, 卫生健康系统网站: the websites of the government's or a line's bodies, the
guideline's 政府系统 as the sector, :mod:`nlp.sectors`) are many, no one system.

Asked by the shape rules (:func:`nlp.candidates.platform_spans`), of the trained NER's names
(:func:`nlp.entities.no_platform_by_the_rules`) and where a report's own system is spread to another mention
(:func:`nlp.ownsystems.spreadable`).
"""

from __future__ import annotations

import re

from nlp.sectors import line_field

#: The rest of a list the name is an item of (、视联网, 和政务微博): items of a few words, no clause of their own.
_LIST_REST = r"(?:[、和及与][^，。；：！？、和及与\n]{1,14}){0,8}?"
#: What laws and policies are about, after the list (…相关法律法规, …工作方面的法律法规, …有关方针政策).
_LAWS_AFTER = re.compile(
    _LIST_REST + r"等?(?:相关|有关)?(?:工作)?(?:方面|领域)?的?(?:法律|法规|方针|政策|规章|制度规定)"
)
#: 有关 / 关于 in the clause in front: the list is what the laws are about.
_ABOUT_BEFORE = re.compile(r"(?:有关|关于|涉及)[^，。；：！？\n]{0,60}$")
#: A list closed by 等 before its layout or plan (…、视联网等布局规划和建设职能): the kinds a duty lays out.
_KINDS_LAID_OUT = re.compile(_LIST_REST + r"等(?:的)?(?:布局|规划)")


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


def no_one_system(text: str, start: int, end: int) -> bool:
    """Does the clause use ``text[start:end]`` for no one system: a field of work or a sector's sites (module
    docstring)?  A quoted name is a name whatever the clause does with it."""
    if text[start : start + 1] in '“「"':
        return False
    return subject_of_laws(text, start, end) or kind_laid_out(text, start, end) or a_sectors_sites(text[start:end])
