"""False-platform and false-reform families read on unseen provinces' pages (session 13): each family's shape in
sentences written for these tables (other fields, places, heads and owners than the pages they were seen on; no
report's sentence), with the names of the same words that stay beside them, gazetteer off and on.  The NER's
proposals are asked the same (nlp.entities.no_platform_by_the_rules, a stand-in NER)."""

from __future__ import annotations

import pytest

from tests.entityrows import ner_platforms
from tests.entityrows import platforms as found

#: A field's networks spoken of as a field of work — their building, planning or security after 网络 / 信息网络 — are a
#: class of networks, no particular platform (tests/gold/README.md, *A sector's network*); the running or upkeep of
#: the field's network, or a project building it, names the one network as before.
NETWORKS_AS_A_FIELD = [
    ("负责全县电子政务网络建设管理工作", []),
    ("承担全市政务网络的规划和建设", []),
    ("负责全区广播电视信息网络的规划和建设", []),
    ("加强证券期货信息网络安全管理", []),
    ("指导全州交通运输信息网络\n建设", []),  # re-wrapped
    ("统筹推进全省农业信息网络布局", []),
    # the one network, run or built as a project
    ("负责全市电子政务网络的运行维护", ["电子政务网络"]),
    ("组织指导全省人口健康信息网络的运维", ["人口健康信息网络"]),
    ("完成社会保障信息网络建设项目验收", ["社会保障信息网络"]),
    # the network a work uses (依托, 利用, 通过, 基于 in its clause): 建设 / 发展 / 安全 after it are that work's, and the
    # network is one thing (review13: the first 4 rows found no network before the fix); a verb of work between is the
    # field of work again
    ("依托全省电子政务网络建设统一的数据共享交换平台", ["电子政务网络", "数据共享交换平台"]),
    ("利用广播电视信息网络发展智慧广电业务", ["广播电视信息网络"]),
    ("通过金融信息网络安全传输数据", ["金融信息网络"]),
    ("基于全市电子政务网络\n建设政务服务平台", ["电子政务网络"]),  # re-wrapped
    ("依托电子政务网络，负责全县电子政务网络建设管理工作", ["电子政务网络"]),  # the first used, the second a field
    ("通过加强全市电子政务网络建设，提升服务能力", []),
]


@pytest.mark.parametrize(("text", "expected"), NETWORKS_AS_A_FIELD)
def test_networks_as_a_field_of_work(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("负责全县电子政务网络建设管理工作", "电子政务网络", False),
        ("负责全区广播电视信息网络的规划和建设", "广播电视信息网络", False),
        ("负责全市电子政务网络的运行维护", "电子政务网络", True),
        ("依托全省电子政务网络建设统一的数据共享交换平台", "电子政务网络", True),
    ],
)
def test_the_ners_network_as_a_field(nlp_off_on, text, name, kept):
    assert (name in ner_platforms(nlp_off_on, text, name)) is kept


#: Many owners: the levels of many governments together (市县级, 区县政府, 省市县级) or a kind of body (部门, 单位, 机关)
#: with only generic words after it own one each — many, no particular platform; one government's or one body's stays
#: (市政府门户网站, 统计局…), and so does a name whose topic follows the body's kind (部门预算管理系统) or one level (县级…).
MANY_OWNERS = [
    ("市县级政务服务网嵌入省政务服务网", ["省政务服务网"]),
    ("整合区县政府门户网站的栏目", []),
    ("推进州县政府网站集约化", []),
    ("构建省直机关和驻外单位网站群", []),
    ("摸清市直部门政务\n信息系统底数", []),  # re-wrapped
    ("梳理直属单位门户网站的栏目", []),
    ("依托省市公共数据共享平台交换", ["省市公共数据共享平台"]),  # levels alone: one system across them
    ("建成省市两级数据共享交换平台", ["数据共享交换平台"]),  # levels counted together: one system, the levels its scope
    ("依托省市场监管信息平台", ["省市场监管信息平台"]),  # 省 and its market regulator, no two levels
    # one owner, or a topic after the body's kind
    ("依托市政府门户网站发布", ["市政府门户网站"]),
    ("完善部门预算管理系统", ["部门预算管理系统"]),
    ("依托县级政务服务平台办理", ["政务服务平台"]),
]


@pytest.mark.parametrize(("text", "expected"), MANY_OWNERS)
def test_many_owners_own_many(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("整合区县政府门户网站的栏目", "区县政府门户网站", False),
        ("摸清市直部门政务信息系统底数", "市直部门政务信息系统", False),
        ("依托市政府门户网站发布", "市政府门户网站", True),
    ],
)
def test_the_ners_platform_of_many_owners(nlp_off_on, text, name, kept):
    assert (name in ner_platforms(nlp_off_on, text, name)) is kept


def test_two_levels_name_no_body():
    """市|县政府: the city and county governments, every one of them — no Agency (as 市县… and 县级… already were)."""
    from nlp.entities import extract

    assert [e.text for e in extract(["指导区县政府开展工作，嵌入市县政府门户网站"])[0] if e.label == "Agency"] == []


#: A head the text goes on past into another word: an industry (信息网络|产业基地, 平台|产业园) or jieba's cut of 云计算
#: (电子政务云|计算中心: a centre of cloud computing, no cloud named 电子政务云).
HEAD_GOES_ON = [
    ("建设滨江信息网络产业基地", []),
    ("培育物流平台产业集群", []),
    ("依托滨江信息网络开展监测", ["滨江信息网络"]),
]


@pytest.mark.parametrize(("text", "expected"), HEAD_GOES_ON)
def test_a_head_going_on_into_an_industry(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize("text", ["市电子政务云计算中心投入使用", "县政务云\n计算中心建成运行"])
def test_cloud_computing_names_no_cloud(nlp_off_on, text):
    assert not [f for f in found(nlp_off_on, text) if f.replace("\n", "").endswith("云")]


def test_a_cloud_before_a_glued_verb_is_still_one():
    from nlp.entities import extract

    assert [e.text for e in extract(["政务云已承载各部门系统"])[0] if e.label == "Platform"] == ["政务云"]


#: A verb of using between two names (…服务网|共用|…平台) ends the second name, as 使用 or 依托 do; the platform used is
#: one (a thing that exists).
A_VERB_OF_USING = [
    ("实体大厅与政务服务网共用网上政务服务管理平台", ["网上政务服务管理平台"]),
    ("各乡镇共用市级统一身份认证平台", ["统一身份认证平台"]),
]


@pytest.mark.parametrize(("text", "expected"), A_VERB_OF_USING)
def test_a_verb_of_using_ends_the_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A quality alone in front of a head (an adjective by jieba's tags) names a kind, as a
#: manner does (智能化大厅); so do a database's category words (主题, 专题) and online (互联网) with generic words.
KINDS = [
    ("推进公开平台集约发展", []),
    ("建设高效平台和便捷系统", []),
    ("建设主题数据库和专题数据库", []),
    ("由线上的互联网服务平台和线下大厅构成", []),
    # a topic in front names one
    ("依托便民服务平台办理", ["便民服务平台"]),
    ("依托人口主题库比对", ["人口主题库"]),
    ("建设“互联网+监管”系统", ["“互联网+监管”系统"]),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_a_quality_or_a_category_names_a_kind(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("建设高效平台", "高效平台", False),
        ("推进公开平台集约发展", "公开平台", False),
        ("依托便民服务平台办理", "便民服务平台", True),
    ],
)
def test_the_ners_platform_of_a_quality(nlp_off_on, text, name, kept):
    assert (name in ner_platforms(nlp_off_on, text, name)) is kept


def _reforms(nlp, text):
    from nlp.entities import extract

    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == "Reform"]


#: …改革 whose words in front name no field: a place alone (whose reforms: 重庆市|改革发展案例) or words that name no
#: reform alone, one after another (体制机制改革, 综合配套改革); a field in front of them names one (信访工作体制机制改革).
NO_FIELD = [
    ("获评2023年度四川省改革发展优秀案例", []),
    ("入选贵州改革典型经验", []),
    ("推进文化旅游领域的体制机制改革", []),
    ("深化综合配套改革", []),
    ("推进医疗卫生体制机制改革", ["医疗卫生体制机制改革"]),
    ("推进农村改革", ["农村改革"]),
    ("深化城市管理体制改革", ["城市管理体制改革"]),
]


@pytest.mark.parametrize(("text", "expected"), NO_FIELD)
def test_a_reform_needs_a_field(nlp_off_on, text, expected):
    assert _reforms(nlp_off_on, text) == expected


@pytest.mark.parametrize("text", ["我局将政府网站集约到省门户网站", "做好驻外单位网站的普查"])
def test_a_website_is_no_station(nlp_off_on, text):
    """网站 ends no body's name (…站 is a station elsewhere: 气象站); a level or many owners with a bare head name no
    platform either (省|门户网站: tests/test_candidates.py), whoever proposes it."""
    from nlp.entities import extract

    assert [(e.text, e.label) for e in extract([text], nlp=nlp_off_on)[0] if e.label in ("Agency", "Platform")] == []


#: Campaigns or works counted inside their name (三大攻坚行动, “六大标杆工程”) are many, none named; a class word before a
#: platform's head (政务类APP, 服务类平台) names a class of them — not a field ending in 类 that jieba knows (垃圾分类).
COUNTED_AND_CLASSES = [
    ("推进营商环境四大提升行动", [], []),
    ("实施“十大民生工程”", [], []),
    ("开展知识产权行政保护专项行动", [], ["知识产权行政保护专项行动"]),
    ("整合市级政务类APP", [], []),
    ("清理各部门服务类小程序", [], []),
    ("依托垃圾分类管理平台", ["垃圾分类管理平台"], []),
]


@pytest.mark.parametrize(("text", "platforms", "reforms"), COUNTED_AND_CLASSES)
def test_counted_campaigns_and_classes(nlp_off_on, text, platforms, reforms):
    assert found(nlp_off_on, text) == platforms
    assert _reforms(nlp_off_on, text) == reforms
