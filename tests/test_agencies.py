"""Agencies found by their shape (nlp.agencies): constructed rows, no gazetteer.

Every body below is made up or re-worded from the shapes of real reports (other places, other units, other
list layouts), so none of them can be a name some list knows.
"""

from __future__ import annotations

import pytest

from nlp.agencies import agency_spans
from nlp.entities import extract
from nlp.pipeline import load_pipeline
from nlp.tokenizer import token_offsets


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


def _found(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract([text], nlp=nlp, use_gazetteer=False)[0]]


def _agencies(nlp, text: str) -> list[str]:
    return [t for t, lab in _found(nlp, text) if lab == "Agency"]


# a 机构设置 enumeration: every unit, a bracketed second name its own mention, the lead phrase left out
UNIT_LISTS = [
    (
        "赣州市章贡区审计局内设机构6个，分别是：办公室、行政审批科、政策法规股、经济责任审计科（内部审计指导科）、财务室、信息中心。",
        [
            "赣州市章贡区审计局",
            "办公室",
            "行政审批科",
            "政策法规股",
            "经济责任审计科",
            "内部审计指导科",
            "财务室",
            "信息中心",
        ],
    ),
    (  # the same list printed with another lead, other units, wrapped text joined
        "本单位设置5个内设机构和机关党委（人事科）、离退办。具体机构为：综合科、监测预报站、执法大队、技术研究所、宣传部。",
        ["机关党委", "人事科", "离退办", "综合科", "监测预报站", "执法大队", "技术研究所", "宣传部"],
    ),
    (  # bare units, the last pair joined by 和, units under a unit in brackets, a lead verb before the first item
        "局机关设研究室、督查室、人事司、机关党委（人事处、老干部处）、离退休干部办公室、后勤服务中心和信息中心。",
        [
            "研究室",
            "督查室",
            "人事司",
            "机关党委",
            "人事处",
            "老干部处",
            "离退休干部办公室",
            "后勤服务中心",
            "信息中心",
        ],
    ),
    (
        "会同市发改委、市交运局、市城投集团、市卫健委、市燃气公司等单位研究。",
        ["市发改委", "市交运局", "市卫健委"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_LISTS)
def test_unit_lists(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# full names, short names, parent + unit; not generic or plural mentions, meetings, qualifiers
SHAPES = [
    ("根据区委、区政府关于印发方案的要求，组建区大数据应用发展管理局。", ["区委", "区政府", "区大数据应用发展管理局"]),
    ("将区经济信息委的职责以及区发展改革委的职责整合。", ["区经济信息委", "区发展改革委"]),
    ("会同市发改委、市交运局、市卫健委等单位进行专题研究。", ["市发改委", "市交运局", "市卫健委"]),
    ("办理省地震局和市委、市政府布置的另外任务。", ["省地震局", "市委", "市政府"]),
    ("石林彝族自治县审计局负责本县审计工作。", ["石林彝族自治县审计局"]),
    (
        "坪山区人力资源和社会保障局负责就业补贴发放。",
        ["坪山区人力资源和社会保障局"],
    ),  # 坪|山区: a one-character place word
    ("江西省赣州市章贡区审计局水东审计站承担审计业务。", ["江西省赣州市章贡区审计局水东审计站"]),
    ("国家粮食局信息中心负责系统运维。", ["国家粮食局信息中心"]),
    ("天府新区眉山管委会办公室汇报了工作进展。", ["天府新区眉山管委会办公室"]),
    ("重庆市大足区电子政务中心共有项目7个。", ["重庆市大足区电子政务中心"]),
    ("1.南平市审计局（本级）", ["南平市审计局"]),  # the qualifier is not the name's
    ("向中共南平市委审计委员会提出报告。", ["中共南平市委审计委员会"]),  # the party's committee of the place
    ("报人力资源和社会保障部、住房和城乡建设部备案。", ["人力资源和社会保障部", "住房和城乡建设部"]),
    ("年中央办公厅国务院办公厅印发通知。", ["中央办公厅", "国务院办公厅"]),  # two bodies side by side
    (
        "根据市政府办《关于印发方案的通知》，原市大数据管理局会同海关总署做好部署。",
        ["市政府办", "市大数据管理局", "海关总署"],
    ),
    (
        "办公室（规划财务处）、人事教育处、网络安全与标准处、工会（退管委）、团委。",
        ["办公室", "规划财务处", "人事教育处", "网络安全与标准处", "工会", "退管委", "团委"],
    ),
    # generic or plural: nothing
    ("区级人民政府负责组织实施。", []),
    ("事项全程网办，市政府交办的事项按时办结。", ["市政府"]),
    ("指导各部门、有关部门和上级主管局做好工作。", []),
    ("县（市）区人民政府和各级人民政府负责本地区工作。", []),
    ("全市政务服务中心运行管理规范。", []),
    ("服务国家工作大局，形成发展新格局。", []),
    ("会同市国资公司、市燃气公司开展工作。", []),
    ("贯彻落实市委全会精神。", []),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_agency_shapes(nlp, text, expected):
    assert _agencies(nlp, text) == expected


# a platform or reform name that holds a body's name stays ONE span of its own type
@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("负责国家信访局智能办公平台的运维。", "国家信访局智能办公平台", "Platform"),
        ("负责区政府门户网站的建设和管理。", "区政府门户网站", "Platform"),
        ("通过市政府门户网站主动公开信息。", "市政府门户网站", "Platform"),
    ],
)
def test_platform_holding_a_body_stays_a_platform(nlp, text, name, label):
    found = _found(nlp, text)
    assert (name, label) in found
    assert not any(lab == "Agency" for _, lab in found)


def test_body_holding_a_reform_is_the_body(nlp):
    text = "优化调整市智慧城市建设领导小组组成人员。"
    assert _found(nlp, text) == [("市智慧城市建设领导小组", "Agency")]


def test_spans_are_the_texts_characters(nlp):
    text = "向市政府和审计署提出报告，受市政府委托。"
    spans = agency_spans(text, token_offsets(nlp.make_doc(text)))
    assert [text[a:b] for a, b in spans] == ["市政府", "审计署", "市政府"]


def test_a_bracket_left_open_is_no_list(nlp):
    """A paragraph cut inside a bracket (a page break): the enumeration is not read as one, and nothing fails."""
    text = "设办公室（综合科、财务科、审计科"
    assert agency_spans(text, token_offsets(nlp.make_doc(text))) == []
