"""Platform and agency families of session 16: each family's shape in sentences written for these tables (other names,
heads, maxims, brands and places than the pages they were seen on; no report's sentence), beside the names of the same
words that stay, gazetteer off and on."""

from __future__ import annotations

import pytest

from nlp.entities import extract_docs
from nlp.propagation import report_entities
from tests.entityrows import ner_platforms as ner_names
from tests.entityrows import platforms as found

#: 一体化 in front of a platform named by its quality or field (数智, 大数据, 协同办公, 智能指挥) is the name's: the one
#: integrated platform of a government (一体化数智平台), as after a whole territory (全省|一体化数智平台) it already was.
#: In front of a particular thing and what is done with it (政务晓屋|共享, 社区食堂|预订, 融媒通|服务) it says how that
#: service is run, a manner in front of the name (tests/gold/002: 一体化|政务晓屋共享平台).  4 rows fail before.
INTEGRATED = [
    ("夯实一体化数智平台支撑", ["一体化数智平台"]),
    ("完善一体化大数据平台，规范数据汇聚", ["一体化大数据平台"]),
    ("依托一体化智治平台开展基层治理", ["一体化智治平台"]),
    ("升级一体化数字资源平台", ["一体化数字资源平台"]),
    # as before
    ("依托一体化政务服务平台办理", ["一体化政务服务平台"]),
    ("依托一体化在线监管平台开展监管", ["一体化在线监管平台"]),
    ("建设一体化数字化城市管理平台", ["一体化数字化城市管理平台"]),
    ("依托全省一体化数智平台办理", ["一体化数智平台"]),
    ("通过建设一体化社区食堂预订平台，方便老人就餐", ["社区食堂预订平台"]),
    ("建设一体化骑楼修缮申报平台", ["骑楼修缮申报平台"]),
    ("通过一体化融媒通服务平台发布信息", ["融媒通服务平台"]),
]


@pytest.mark.parametrize(("text", "expected"), INTEGRATED)
def test_integrated_is_the_names_before_a_kind_and_a_manner_before_a_things_service(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A quoted maxim (“数据不出门”) before a bare head and a verb of joining (系统|对接, 平台|互通) says how systems are joined:
#: 系统对接 is the joining, an activity, and no system is named by the maxim.  A brand in front names the system joined,
#: and a maxim before a head with a name's words (便民服务平台) names that platform, as before.  3 rows fail before.
MAXIM_BEFORE_JOINING = [
    ("推动数据共享，实现“数据不出门”系统对接", []),
    ("推进“材料不出村”平台互通", []),
    ("实现“信息不落地”系统互联", []),
    # as before
    ("实现与“闽政通”系统对接", ["“闽政通”系统"]),
    ("依托“办事不出村”便民服务平台对接群众需求", ["“办事不出村”便民服务平台"]),
    ("上线“审批不见面”平台，对接各部门", ["“审批不见面”平台"]),
]


@pytest.mark.parametrize(("text", "expected"), MAXIM_BEFORE_JOINING)
def test_a_maxim_before_the_joining_of_systems_names_no_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A channel and 办 (网上|办, 线上|办, 指尖|办) are a mode of service that names the platform it is done on, as 掌上|办 and
#: 网上办事 did: jieba's 办 after them is no verb governing the name, and the two are no generic words.  2 rows fail before
#: (指尖 is a noun to jieba: 指尖办平台 was found).
MODE_OF_SERVICE = [
    ("依托网上办平台办理业务", ["网上办平台"]),
    ("推广线上办平台", ["线上办平台"]),
    ("上线指尖办平台", ["指尖办平台"]),
    # as before
    ("推广掌上办平台", ["掌上办平台"]),
    ("依托网上办事平台办理业务", ["网上办事平台"]),
    ("推进网上审批平台建设", ["网上审批平台"]),
    ("实现网上办，建设平台", []),
]


@pytest.mark.parametrize(("text", "expected"), MODE_OF_SERVICE)
def test_a_mode_of_service_names_its_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: Converged media (融合通信, 融合视讯, 融合通讯) are a technology: 融合 there is the name's first word, no verb in front of
#: it.  3 rows fail before (通信平台, 视讯平台, 通讯系统).
CONVERGED = [
    ("建设融合通信平台，提升应急能力", ["融合通信平台"]),
    ("依托融合视讯平台召开会议", ["融合视讯平台"]),
    ("升级融合通讯系统", ["融合通讯系统"]),
    # as before
    ("升级应急指挥通信平台", ["应急指挥通信平台"]),
    ("依托政务服务平台与业务系统深度融合", ["政务服务平台"]),
]


@pytest.mark.parametrize(("text", "expected"), CONVERGED)
def test_converged_media_are_the_platforms_first_words(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A zone of an app named by the initiative it serves, the app quoted right in front (“皖事通”“一件事一次办”专区), is one
#: platform with its app — not the app alone, and the initiative's quotes no count (“一件事…” opens with 一); a quoted
#: service point with its head (“惠企驿站”政务服务点) is one name as a quoted brand and its head are (“苏服办”总门户).
#: 6 rows fail before.
ZONES_AND_POINTS = [
    ("依托“皖事通”“一件事一次办”专区，推出集成服务", ["“皖事通”“一件事一次办”专区"]),
    ("在“闽政通”“一网通办”专区办理", ["“闽政通”“一网通办”专区"]),
    ("开通“蒙速办”“跨省通办”专区", ["“蒙速办”“跨省通办”专区"]),
    ("全市首创“惠企驿站”政务服务点", ["“惠企驿站”政务服务点"]),
    ("在园区设立“园企通”便民服务站，就近办理", ["“园企通”便民服务站"]),
    ("布设“暖心小站”便民服务点", ["“暖心小站”便民服务点"]),
    # as before
    ("开设“一网通办”专区", ["“一网通办”专区"]),
    ("打造“鄂汇办”“鄂政通”移动端", ["“鄂汇办”", "“鄂政通”"]),
    ("建设“园企通”和“安企通”便民服务站", ["“园企通”", "“安企通”"]),
    ("打造“i西安”政务服务品牌", ["“i西安”"]),
]


@pytest.mark.parametrize(("text", "expected"), ZONES_AND_POINTS)
def test_an_apps_zone_and_a_service_point_are_one_name_with_their_brand(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


def _report(nlp, texts: list[str]) -> list[list[tuple[str, str]]]:
    docs = extract_docs(nlp, texts)
    return [[(e.text, e.label) for e in ents] for ents in report_entities(docs).entities]


#: The quoted brand a platform's name opens with names it where the report prints the brand alone (“惠企驿站” of
#: “惠企驿站”政务服务点); not a service mode (“一网通办” of “一网通办”平台 is the initiative) nor a manner (“一站式”).
#: No row fails before: there the point's brand was found alone (“惠企驿站” of “惠企驿站”政务服务点) and spread; with the
#: point's name one span, the first row fails without the brand's spreading.
BRAND_ALONE = [
    (["全市首创“惠企驿站”政务服务点。", "“惠企驿站”获评全省创新案例。"], ("“惠企驿站”", "Platform"), True),
    (["上线“一网通办”平台。", "深化“一网通办”。"], ("“一网通办”", "Platform"), False),
    (["完善“一站式”车辆通关系统。", "推行“一站式”服务。"], ("“一站式”", "Platform"), False),
]


@pytest.mark.parametrize(("texts", "name", "spread"), BRAND_ALONE)
def test_a_platforms_quoted_brand_names_it_alone_elsewhere_in_the_report(nlp_off_on, texts, name, spread):
    assert (name in _report(nlp_off_on, texts)[1]) is spread


def _agencies(nlp, text: str) -> list[str]:
    return [e.text for e in extract_docs(nlp, [text], use_ner=False)[0].ents if e.label_ == "Agency"]


#: A town whose own name ends in 城 (古城|镇, 新城|镇, 石城|镇) is one place: its government is a body, though 城镇 is also
#: the word for towns of every kind, which stays plural where it opens the place or follows a level (城镇, 各城镇,
#: 全县乡镇).  3 rows fail before.
TOWNS = [
    ("古城镇人民政府负责本镇政务服务工作", ["古城镇人民政府"]),
    ("丽江市古城区古城镇人民政府负责", ["丽江市古城区古城镇人民政府"]),
    ("向新城镇人民政府拨付补助资金", ["新城镇人民政府"]),
    # as before
    ("向石门镇人民政府拨付补助资金", ["石门镇人民政府"]),
    ("协调各城镇人民政府开展工作", []),
    ("指导城镇人民政府开展工作", []),
    ("全县乡镇人民政府开展工作", []),
]


@pytest.mark.parametrize(("text", "expected"), TOWNS)
def test_a_town_named_after_a_city_wall_is_a_place(nlp_off_on, text, expected):
    assert _agencies(nlp_off_on, text) == expected


#: Heads of the issue's scope printed with what makes them a name: a hotline's service number right after its head
#: (市民服务热线12345: not a count, 热线12345个); a support platform (应用|支撑|平台: 支撑 right before the head names what
#: it does, as 交换 or 认证 do, while in front of a name it governs it); verbs of setting one up (设立, 开设, 设置) in front
#: lead the name, never its words.  5 rows fail before (开设 already led: jieba tags it a verb before a noun).
HEADS_AND_LEADS = [
    ("承担市民服务热线12345的受理工作", ["市民服务热线12345"]),
    ("开通便民服务热线96150，解答群众咨询", ["便民服务热线96150"]),
    ("确保财政应用支撑平台安全运行", ["财政应用支撑平台"]),
    ("完善大数据技术支撑平台", ["大数据技术支撑平台"]),
    ("设立投诉举报热线（12315）", ["投诉举报热线"]),
    ("开设涉企审批服务专区", ["涉企审批服务专区"]),
    # as before
    ("12345热线全年受理来电", ["12345热线"]),
    ("开通热线12345个", []),
    ("保障平台支撑政务服务", []),
    ("依托政务数据共享交换平台", ["政务数据共享交换平台"]),
]


@pytest.mark.parametrize(("text", "expected"), HEADS_AND_LEADS)
def test_a_hotlines_number_a_support_platform_and_verbs_of_setting_up(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: Items of a list that 等 and a category of channels close (…等阵地, …等渠道, …等新媒体平台) are kinds of channel the
#: text counts among them, whoever proposes them; an item named by its owner, office-holder or number (市政府网站, 局长热线,
#: 12345热线), a quoted
#: one, the items of a list of systems (…等平台) and the same words outside such a list stay.  4 rows fail before.
CHANNEL_KINDS = [
    ("加强政务公开网站、微信公众号等阵地管理", []),
    ("通过门户网站和政务微博等渠道发布信息", []),
    ("依托政务服务网站、政务服务小程序等载体推送政策", []),
    ("同步通过央媒、省媒、政府门户网站等新媒体平台发布", []),
    # as before
    ("通过市政府网站、12345热线等渠道反映诉求", ["市政府网站", "12345热线"]),
    ("通过局长热线、领导信箱等渠道反映诉求", ["局长热线"]),  # an office-holder's mailbox: a site's column
    ("通过“i深圳”、“粤省事”等渠道办理", ["“i深圳”", "“粤省事”"]),
    ("依托区政务服务平台、电子证照系统等平台办理", ["区政务服务平台", "电子证照系统"]),
    ("加强政务公开网站建设", ["政务公开网站"]),
]


@pytest.mark.parametrize(("text", "expected"), CHANNEL_KINDS)
def test_a_kind_of_channel_in_a_list_closed_by_its_category_is_no_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("加强政务公开网站、微信公众号等阵地管理", "政务公开网站", False),
        ("通过政务服务网站和公众号等渠道推送", "政务服务网站", False),
        ("加强政务公开网站建设", "政务公开网站", True),
    ],
)
def test_the_ners_kind_of_channel_is_none(nlp_off_on, text, name, kept):
    assert (name in ner_names(nlp_off_on, text, name)) is kept
