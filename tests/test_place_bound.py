"""A gazetteer's alias of common words, scoped to a place (市民服务中心 of 番禺区), finds a mention by itself only in a
report of that place (nlp.resolve.EntityResolver.place_bound_names, nlp.propagation.report_entities).

Each case is a constructed report: its first line names the reporting body (a place of its own, or 番禺区 / a place
inside 广州市 for aliases of 广州市), then sentences using the alias.  In another place's report the alias's words name
that government's own system or a kind: what the shape rules and the NER decide — as with the gazetteer off."""

from __future__ import annotations

import pytest

from kg.gazetteer import project_entries, project_resolver
from nlp.entities import extract_docs
from nlp.pipeline import load_pipeline
from nlp.propagation import _names_the_place, report_entities
from nlp.tokenizer import word_offsets


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(gazetteer=project_entries())


@pytest.fixture(scope="module")
def nlp_off():
    return load_pipeline(gazetteer=())


def platforms(nlp, lines: list[str], gazetteer: bool = True) -> list[str]:
    docs = extract_docs(nlp, lines, use_gazetteer=gazetteer)
    return [e.text for ents in report_entities(docs).entities for e in ents if e.label == "Platform"]


OWN = "广州市番禺区政务服务数据管理局2026年部门预算"
OTHERS = [
    "成都市武侯区政务服务管理局2026年部门预算",
    "杭州市西湖区数据资源管理局2025年部门决算",
    "兰州市城关区人民政府办公室2026年单位预算",
]
SENTENCES = [
    "负责市民服务中心的运营管理。",
    "做好电子证照系统的运行维护。",
    "完善绩效考核系统的考核功能。",
    "建设民生服务大平台二期。",
]
NAMES = ["市民服务中心", "电子证照系统", "绩效考核系统", "民生服务大平台"]


@pytest.mark.parametrize(("sentence", "name"), list(zip(SENTENCES, NAMES)))
def test_found_in_its_own_place(nlp, sentence: str, name: str) -> None:
    assert name in platforms(nlp, [OWN, sentence])


@pytest.mark.parametrize("title", OTHERS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_in_another_place_it_is_what_the_shapes_say(nlp, nlp_off, title: str, sentence: str) -> None:
    """In another place's report, what is found is what the gazetteer-off extraction finds (12 rows; 6 fail before:
    the alias made a platform by itself)."""
    assert platforms(nlp, [title, sentence]) == platforms(nlp_off, [title, sentence], gazetteer=False)


@pytest.mark.parametrize(
    ("title", "sentence", "name"),
    [
        # the place printed anywhere in the report, by any of its spellings, or a place inside the alias's
        ("番禺区政务服务数据管理局", "负责市民服务中心的运营管理。", "市民服务中心"),
        ("关于番禺数字政府建设的报告", "负责市民服务中心的运营管理。", "市民服务中心"),
        ("从化区政务服务数据管理局", "负责综合受理系统的运行。", "综合受理系统"),  # 广州市's, 从化区 inside it
        # found by a shape as well: found anywhere (a verb of using in front)
        (OTHERS[0], "依托企业服务平台为企业提供服务。", "企业服务平台"),
        (OTHERS[1], "依托电子政务外网开展视频会商。", "电子政务外网"),
        # coined or numbered aliases are not bound to their place
        (OTHERS[2], "推行“一站式”审批系统。", "“一站式”审批系统"),
        (OTHERS[0], "畅通12345热线。", "12345热线"),
    ],
)
def test_found(nlp, title: str, sentence: str, name: str) -> None:
    assert name in platforms(nlp, [title, sentence])


def test_bound_aliases_are_made_of_common_words_only() -> None:
    bound = project_resolver().place_bound_names()
    assert {"市民服务中心", "电子证照系统", "绩效考核系统", "企业服务平台"} <= bound.keys()
    assert not {"“一站式”审批系统", "12345热线", "12345政府服务热线", "“数字政府”平台"} & bound.keys()
    assert "番禺" in bound["市民服务中心"] and "天河区" not in bound["市民服务中心"]
    assert {"广州市", "番禺区", "从化区"} <= set(bound["市民卡"])  # 广州市's: its districts' reports too


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the place's bare name as the first word of another name — a road, a school named after it — is no print of it
        (OTHERS[0], "办公地点位于番禺路，负责市民服务中心的运营管理。"),
        (OTHERS[1], "与番禺职业技术学院合作，负责市民服务中心的运营管理。"),
        (OTHERS[2], "沿番禺大道布设网点，做好电子证照系统的运行维护。"),
        (OTHERS[0], "委托番禺中学开展活动，做好电子证照系统的运行维护。"),
        (OTHERS[1], "在番禺南路设点，负责市民服务中心的运营管理。"),
    ],
)
def test_a_name_that_starts_with_the_place_does_not_print_it(nlp, nlp_off, title: str, sentence: str) -> None:
    """The place counts as printed only where it names the place (5 rows; all 5 fail before: the place's name was
    looked for as a substring)."""
    assert platforms(nlp, [title, sentence]) == platforms(nlp_off, [title, sentence], gazetteer=False)


@pytest.mark.parametrize(
    ("title", "sentence", "name"),
    [
        # the place with its level word, or bare where the text uses it as a place (found before too: kept)
        (OTHERS[0], "会同番禺区有关部门，负责市民服务中心的运营管理。", "市民服务中心"),
        (OTHERS[1], "赴番禺学习交流，负责市民服务中心的运营管理。", "市民服务中心"),
        (OTHERS[2], "在番禺召开现场会，做好电子证照系统的运行维护。", "电子证照系统"),
        (OTHERS[0], "与广州番禺、天河等地交流经验，建设民生服务大平台二期。", "民生服务大平台"),
        (OTHERS[1], "番禺区域协同发展，做好电子证照系统的运行维护。", "电子证照系统"),
        (
            OTHERS[2],
            "在番禺召开全市学校安全工作会议，负责市民服务中心的运营管理。",
            "市民服务中心",
        ),  # a verb: no school's name
    ],
)
def test_the_place_named_elsewhere_in_the_report(nlp, title: str, sentence: str, name: str) -> None:
    assert name in platforms(nlp, [title, sentence])


@pytest.mark.parametrize(
    ("text", "place", "names_it"),
    [
        ("办公地点位于中山路。", "中山", False),  # a road named after the place: one word to jieba
        ("委托中山大学开展评估。", "中山", False),  # a university named after it
        ("沿中山大道布设网点。", "中山", False),
        ("推广广州市民卡。", "广州市", False),  # 广州|市民卡: 市 is the card's
        ("支持中山市有关部门。", "中山市", True),  # the place with its level word
        ("全力支持中山高质量发展。", "中山", True),  # bare, as a place
        ("在中山召开现场会。", "中山", True),
        ("推广广州市民卡。", "广州", True),
        ("在中山召开全市学校工作会议。", "中山", True),
    ],
)
def test_where_a_text_names_the_place(text: str, place: str, names_it: bool) -> None:
    """nlp.propagation._names_the_place on jieba's words of made-up sentences (the brief's family: 中山 is no print of
    the place in 中山路, 中山大学)."""
    assert _names_the_place(text, word_offsets(text), place) is names_it
