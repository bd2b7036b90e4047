"""Agency shapes added in session 9 (nlp.agencies, nlp.unitlists): constructed rows, no gazetteer.

Every row is made up from the shape of a budget report (other places, other bodies); none is a devset name.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract
from nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer: shapes only (and the NER)


def _agencies(nlp, text: str) -> list[str]:
    return [e.text for e in extract([text], nlp=nlp, use_gazetteer=False)[0] if e.label == "Agency"]


# words of a body's name that looked like something else
WORDING = [
    # 局|部门预算: 部门 after a body (not 局部)
    ("2025年宜春市水利局部门预算情况说明", ["宜春市水利局"]),
    ("按照综合预算的原则，桂林市林业局部门预算包括所属单位。", ["桂林市林业局"]),
    ("将市统计局部分职责划入市发展改革委。", ["市统计局", "市发展改革委"]),
    # ...but 局部 as "local" after no body stays nothing
    ("部分地区出现局部强降雨。", []),
    # two fields joined by 与 / 和 inside a name
    ("柳州市生态与农业气象中心负责农业气象服务。", ["柳州市生态与农业气象中心"]),
    ("由湘潭市交通与物流发展中心承担。", ["湘潭市交通与物流发展中心"]),
    # a level glued by jieba to the word before (受县…, 请市…)
    ("受县人民政府委托，向县人大常委会报告。", ["县人民政府", "县人大常委会"]),
    ("受市人民政府委托办理。", ["市人民政府"]),
    # a unit whose name holds 项目 (项 is no count here); a list ending in 等
    ("中心设5个内设机构，包括：综合部、财务部、宣传部、项目部。", ["综合部", "财务部", "宣传部", "项目部"]),
    ("设有办公室、项目管理科、机关党委、离退办等内设机构12个。", ["办公室", "项目管理科", "机关党委", "离退办"]),
    ("完成5项重点任务。", []),
    # the CPPCC's committee of a place, like the party's (中共…市委)
    ("设立政协南昌市西湖区委员会文史研究中心。", ["政协南昌市西湖区委员会文史研究中心"]),
    # a body after 和 with a place of its own is another body, not a unit of the one before
    ("落实中国气象局党组和内蒙古自治区党委工作要求。", ["中国气象局", "内蒙古自治区党委"]),
]


@pytest.mark.parametrize(("text", "expected"), WORDING)
def test_wording(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# short names of bodies with a level in front and no full name to anchor them
SHORT_NAMES = [
    ("针对省防总、市防指的要求，做好叫应工作。", ["省防总", "市防指"]),
    ("按照国家防总、县防指统一部署。", ["国家防总", "县防指"]),
    ("负责与市人大、市政协联系，向县人大报告工作。", ["市人大", "市政协", "县人大"]),
    ("经市人大常委会审议，报县人大常委会备案。", ["市人大常委会", "县人大常委会"]),
    ("协助区政协办公室办理提案。", ["区政协办公室"]),
    ("根据县委编办批复，承担市委编办交办的工作。", ["县委编办", "市委编办"]),
    # persons and verbs, not bodies
    ("办理全国人大代表、市人大代表建议和市政协委员提案。", []),
    ("抓好防总指挥部署的落实。", []),
    ("加强政协协商。", []),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_NAMES)
def test_short_names(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# a government named by its places down to a district or a town; places of every kind are no one government
GOVERNMENTS = [
    ("本镇隶属于宁波市鄞州区人民政府管辖。", ["宁波市鄞州区人民政府"]),
    ("按照桂林市临桂区人民政府的要求开展工作。", ["桂林市临桂区人民政府"]),
    ("城关镇人民政府负责全镇经济社会发展。", ["城关镇人民政府"]),
    ("指导各乡镇人民政府、街道办事处开展工作。", []),
    ("推进城乡政府服务一体化。", []),
    ("全面推进数字政府建设。", []),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNMENTS)
def test_governments(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# a list that ends in a count of its items (…3个处级职能机构); a lead with 内设 is no name of its own
def test_list_ending_in_a_count(nlp):
    text = "民盟省委机关内设办公室、组织处和宣传调研处3个处级职能机构。"
    assert _agencies(nlp, text)[-3:] == ["办公室", "组织处", "宣传调研处"]
    assert not any("内设" in name for name in _agencies(nlp, text))


def _report_agencies(nlp, texts: list[str]) -> list[list[str]]:
    from nlp.entities import extract_docs
    from nlp.propagation import report_entities

    found = report_entities(extract_docs(nlp, texts, use_gazetteer=False)).entities
    return [[e.text for e in ents if e.label == "Agency"] for ents in found]


# a body named by a bare level below the report's own is every such body (区委 in a city bureau's report)
def test_lower_level_in_a_city_report_is_generic(nlp):
    texts = [
        "柳州市审计局是主管全市审计工作的市政府工作部门。",
        "与区委、区政府共同领导区审计机关，指导县审计局业务。",
        "柳州市审计局完成市委、市政府交办的其他任务。",
    ]
    assert _report_agencies(nlp, texts) == [
        ["柳州市审计局", "市政府"],
        [],
        ["柳州市审计局", "市委", "市政府"],
    ]


def test_own_level_and_higher_levels_stay(nlp):
    texts = [
        "宁波市海曙区审计局是区政府工作部门。",
        "完成区委、区政府和市审计局交办的其他任务。",
        "宁波市海曙区审计局负责全区审计工作。",
    ]
    assert _report_agencies(nlp, texts) == [
        ["宁波市海曙区审计局", "区政府"],
        ["区委", "区政府", "市审计局"],
        ["宁波市海曙区审计局"],
    ]


def test_a_province_report_drops_bare_cities(nlp):
    texts = ["湖南省林业局是省政府组成部门。", "指导市、县林业主管部门，督促市政府落实。", "湖南省林业局负责全省工作。"]
    assert _report_agencies(nlp, texts)[1] == []


# an autonomous region's own bodies named with 自治区 alone; committees whose field holds 事项; units 纪检组;
# the lead 即 before a list; 科信局; every county's body (县级…) and 办 as a verb are no bodies
REGION_AND_WORDS = [
    ("自治区民族事务委员会是自治区人民政府组成部门。", ["自治区民族事务委员会", "自治区人民政府"]),
    ("配合自治区水利信息中心做好数据整合。", ["自治区水利信息中心"]),
    ("承担县人民政府信访事项复查复核委员会的日常工作。", ["县人民政府信访事项复查复核委员会"]),
    ("落实市政府3项重点任务。", ["市政府"]),
    ("机关内设处室5个，即秘书处、文电处、会议处、信息处、人事处。", ["秘书处", "文电处", "会议处", "信息处", "人事处"]),
    ("局机关设办公室、人事处、机关党委、纪检组。", ["办公室", "人事处", "机关党委", "纪检组"]),
    ("经区经科信局批复立项。", ["区经科信局"]),
    ("研究县政府各部门和各乡、镇人民政府请示县政府的事项。", ["县政府", "县政府"]),
    ("支持县级融媒体中心建设。", []),
    ("庆祝建省办经济特区30周年。", []),
    ("庆祝深圳建市办经济特区40周年。", []),  # 深圳建市办 was a body before 办|经
]


@pytest.mark.parametrize(("text", "expected"), REGION_AND_WORDS)
def test_region_and_words(nlp, text, expected):
    assert _agencies(nlp, text) == expected


def test_the_state_named_as_often_leaves_the_own_level(nlp):
    """A district's report that names the State Council more often than its own name is still a district's."""
    texts = [
        "宁波市海曙区数据局贯彻落实国务院决策部署。",
        "完成国务院和区委、区政府交办的其他任务。",
        "落实国务院关于数字政府建设的要求。",
    ]
    assert _report_agencies(nlp, texts)[1] == ["国务院", "区委", "区政府"]


# the agency's own organs' bodies wherever named; a unit's other name after 对外称 / 挂…牌子 is one name, 、 and all;
# a unit named after 所属单位 needs no anchor; a standing joint meeting is a body (not a meeting held)
OWN_UNITS = [
    ("按有关规定设置机关纪委。", ["机关纪委"]),
    ("机关工会按规定设置，负责职工福利。", ["机关工会"]),
    ("指导各机关党委开展工作。", []),
    (
        "内设办公室、综合科、来访接待科（对外称“中共赣州市委、赣州市人民政府来访接待室”）、督查科。",
        ["办公室", "综合科", "来访接待科", "中共赣州市委、赣州市人民政府来访接待室", "督查科"],
    ),
    (
        "局机关内设办公室、新闻宣传处（挂市政府公报编辑室牌子）、财务处、人事处。",
        ["办公室", "新闻宣传处", "市政府公报编辑室", "财务处", "人事处"],
    ),
    ("主要原因是所属单位信息中心的预算并入本级。", ["信息中心"]),
    ("下属单位数据中心年内撤销。", ["数据中心"]),
    ("所属单位的预算合并至本级。", []),
    ("承担省信访工作联席会议日常工作。", ["省信访工作联席会议"]),
    ("召开联席会议研究部署。", []),
]


@pytest.mark.parametrize(("text", "expected"), OWN_UNITS)
def test_own_units(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# standing bodies of a party committee and the supervision commission printed with the discipline commission
STANDING_BODIES = [
    ("完成县委全面深化改革委员会办公室交办的任务。", ["县委全面深化改革委员会办公室"]),
    ("自觉接受市纪委监委派驻纪检监察组的监督。", ["市纪委监委派驻纪检监察组"]),
    ("按照县纪委监委的部署开展工作。", ["县纪委监委"]),
    ("配合区监委开展调查。", ["区监委"]),
    ("坚持全面深化改革，全面深化改革委员会审议通过。", []),
]


@pytest.mark.parametrize(("text", "expected"), STANDING_BODIES)
def test_standing_bodies(nlp, text, expected):
    assert _agencies(nlp, text) == expected


def test_a_listed_unit_named_again_is_the_unit(nlp):
    """A unit the report's 机构设置 lists, named again in another text after a word that leads a name."""
    texts = [
        "赣州市审计局内设办公室、法规科、财政审计科、后勤服务中心和离退休干部科。",
        "行政运行（项）：指赣州市审计局机关（不含后勤服务中心）维持机关日常运转所需的基本支出。",
        "为离退休人员提供服务的离退休干部科的支出。",
        "推进全市后勤服务中心标准化建设。",
    ]
    found = _report_agencies(nlp, texts)
    assert found[1] == ["赣州市审计局", "后勤服务中心"]
    assert found[2] == ["离退休干部科"]
    assert found[3] == []  # 全市…: no word that leads a unit's name
