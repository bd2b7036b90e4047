"""What follows a platform name's head word: whether the head ends the name, or the text goes on past it.

A head word (…平台, …系统, …热线, …网络) ends a name only where the text does not go on into something else:

* a body's name (:func:`body_goes_on`): an agency named after the platform (…系统|管理中心, …热线|工作领导小组), an
  internal unit working on it (市民热线|受理科), a hotline's own unit or office (…热线|九江分中心, …热线|办), a body
  named after this channel and another (…热线|和“书记县长信箱”工作领导小组);
* another head or a word no name ends with (:func:`head_continues`: 系统推进, 平台经济, 热线|平台, 系统管理中心);
* a field of work over a field's networks, their building, planning or security (:func:`networks_as_a_field`:
  电子政务网络|建设管理工作, 金融信息网络|安全).

Every proposer asks these of its names (:mod:`nlp.candidates`, :mod:`nlp.coinednames`, :mod:`nlp.ownsystems`, the
trained NER's gate in :mod:`nlp.entities`, :mod:`nlp.propagation`), and :mod:`nlp.namechecks` of a known name glued
to what follows.  Everything here is vocabulary of the domain (body words, work words), never a name.
"""

from __future__ import annotations

import re

from nlp.platformwords import HEAD_AFTER, NOT_A_HEAD_AFTER

# fmt: off
_AGENCY_AFTER = re.compile(r"(?:管理|服务|运行|运维|建设)?(?:中心(?!机房)|局(?![面限部])|处(?![理置罚])|科(?![学技研普])|室|"
                           r"站(?![点位])|所(?![有以属需在])|院(?![校线])|组(?![织成建合件])|办公室|委员会|(?:工作)?领导小组|"
                           r"办(?![理事件结公法好成])(?=[、，。；）)牌和与及]|$)|"  # 区长专线办: an office
                           r"(?:发展|产业|技术|服务)?(?:联盟|协会|学会|联合会|研究会))")  # 政务热线|发展联盟: a society
# fmt: on


#: A hotline's own unit, a budget unit named after it (…12345政务服务热线|九江分中心, …便民热线|话务中心): a body's name.
HOTLINE_UNIT_AFTER = re.compile(
    r"[\u4e00-\u9fff]{1,4}?(?:分中心|中心|办公室)(?![\u4e00-\u9fff]{0,2}(?:平台|系统))"
    r"|办(?![理事件结公法好成实])"  # 市12345政府服务热线|办下达的任务: the hotline's office (热线办理, 热线办件: no)
)
#: A body named after two channels, the second joined to the first (市“12345”政府服务热线和“书记县长信箱”工作领导小组, …热线及
#: 市长信箱办公室): the first is inside the body's name too.
_CONJUNCT_BODY_AFTER = re.compile(
    r"[和及与、](?:[“「][^“”「」\n]{1,12}[”」]|[\u4e00-\u9fff\d]{1,12}?(?:热线|信箱|平台|系统|网站|电话))"
    r"(?:工作)?(?:领导小组|联席会议|办公室|指挥部)"
)


#: An internal unit named after the platform it works on, in a list of units (市民热线|受理科、市民热线|协调科).
_UNIT_AFTER = re.compile(r"[\u4e00-\u9fff]{2}(?:科|处|股|室)(?=[、，,。；;）)和与及的]|$)")


def body_goes_on(text: str, end: int, hotline: bool) -> bool:
    """Does a body's name go on past the head ending at ``end``: an agency (…系统|管理中心, …热线|工作领导小组), an internal
    unit named after the platform it works on (市民热线|受理科), after a hotline (``hotline``) its own unit or office
    (…热线|九江分中心, …热线|办), or a body named after this channel and another (…热线|和“书记县长信箱”工作领导小组)?"""
    return bool(
        _AGENCY_AFTER.match(text, end)
        or _UNIT_AFTER.match(text, end)
        or (hotline and HOTLINE_UNIT_AFTER.match(text, end))
        or _CONJUNCT_BODY_AFTER.match(text, end)
    )


#: What follows a network's name when the text speaks of building, planning or securing that field's networks: a field of
#: work over a class of networks (负责电子政务网络|建设管理工作, 广播电视信息网络|的规划和建设, 金融信息网络|安全管理,
#: …网络|布局), not the running of one (…网络|的运行维护, …网络|的规划和管理, 政务网络|安全运行) nor a project or the money
#: for one (…网络|建设项目).
_NETWORK_WORK_AFTER = re.compile(
    r"的?(?:(?:规划|布局)?[和、与及]?建设|布局|发展|安全(?!运行|稳定|可靠|保障))(?!项目|运维|维护|经费|资金|费)"
    r"(?![和、与及](?:运行|运维|维护))"  # …网络建设和运行维护: the one network run, its building with it
)


#: A verb of using in the network's clause before it, no verb of work between (依托|全省电子政务网络|建设…平台, 利用…网络
#: 发展…, 通过…网络安全传输): the network is what a work uses, one thing, and 建设 / 发展 / 安全 after it are that work's
#: — unless a verb of work stands between (通过|加强|…网络建设: the field of work again).
_USED_BEFORE = re.compile(
    r"(?:依托|利用|通过|基于|借助|依靠|运用|使用|用好)(?:(?!加强|推进|推动|统筹|加快|完善|负责|指导|做好)[^，。；：,;:、])*$"
)


#: A verb of building or laying out right before a field's network, its scope between (建立全市档案资料信息网络, 构建全县
#: 农业信息网络): the duty to build the field's networks — not one built (已建立, 建成: nothing here reads 成).
_BUILDING_BEFORE = re.compile(
    r"(?<!已)(?<!已经)(?:建立|建设|构建|组建|规划|布局)(?:全[省市区县州盟]|本[省市区县])?[\u4e00-\u9fff]{2,12}网络$"
)


def networks_as_a_field(text: str, end: int) -> bool:
    """Is the name ending at ``end`` in 网络 (电子政务网络, 广播电视信息网络) a field's networks spoken of as a field of
    work, their building, planning or security after them?  Unlike 外网, 专网 or 政务网, which name the government's one
    network, a field's 网络 is the class of networks its bodies or its sector run; the duty or the plan to build or
    secure them names no particular one (tests/gold/README.md, *A sector's network*) — but not when the clause uses
    the network for a work of its own (依托电子政务网络|建设…平台: :data:`_USED_BEFORE`); so does a verb of building right
    before it (建立全市档案资料信息网络: :data:`_BUILDING_BEFORE`)."""
    return text.endswith("网络", 0, end) and (
        (bool(_NETWORK_WORK_AFTER.match(text, end)) and not _USED_BEFORE.search(text[max(0, end - 24) : end]))
        or bool(_BUILDING_BEFORE.search(text[max(0, end - 20) : end]))
    )


def head_continues(text: str, end: int) -> bool:
    """Is the head word ending at ``end`` no name's end (系统推进, 平台经济, 热线|平台, 系统管理中心)?"""
    return bool(
        body_goes_on(text, end, text.endswith("热线", 0, end))
        or NOT_A_HEAD_AFTER.match(text, end)
        or HEAD_AFTER.match(text, end)
    )
