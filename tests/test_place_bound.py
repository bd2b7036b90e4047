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
from nlp.propagation import report_entities


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
    "做好云计算中心的运行维护。",
    "完善绩效考核系统的考核功能。",
    "建设民生服务大平台二期。",
]
NAMES = ["市民服务中心", "云计算中心", "绩效考核系统", "民生服务大平台"]


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
    assert {"市民服务中心", "云计算中心", "绩效考核系统", "企业服务平台"} <= bound.keys()
    assert not {"“一站式”审批系统", "12345热线", "12345政府服务热线", "“数字政府”平台"} & bound.keys()
    assert "番禺" in bound["市民服务中心"] and "天河区" not in bound["市民服务中心"]
    assert {"广州市", "番禺区", "从化区"} <= set(bound["市民卡"])  # 广州市's: its districts' reports too
