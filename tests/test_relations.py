"""nlp.relations on the real reports: mentions, canonical names, funds and indicators."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import CORPUS

from kg.gazetteer import project_resolver
from nlp import read_report
from nlp.model import Span
from nlp.relations import align

R002 = CORPUS / "002_1b1d794f3255dab3.txt"
R000 = CORPUS / "000_b0355635f713ec6d.txt"


@pytest.fixture(scope="module")
def report002():
    return read_report(R002, entities=True, gazetteer=project_resolver())


@pytest.fixture(scope="module")
def report000():
    return read_report(R000, entities=True, gazetteer=project_resolver())


def project_key(report, name, unit=None):
    """The relation key of the one project called ``name`` (in ``unit`` when given): "project:<i>"."""
    found = [i for i, p in enumerate(report.projects, 1) if p.name == name and unit in (None, p.unit_name)]
    assert len(found) == 1, (name, unit, found)
    return f"project:{found[0]}"


def funds(report, project, unit=None):
    key = project_key(report, project, unit)
    return {link.object for link in report.links if link.subject == key and link.predicate == "funds"}


@pytest.mark.parametrize(
    "project, entity",
    [
        ("民生卡应用推广经费", "entity:民生卡"),
        ("政务晓屋智慧政务体系运行管理经费", "entity:政务晓屋"),
        ("放管服改革优化政务服务专项经费", "entity:“放管服”改革"),
    ],
)
def test_projects_fund_platforms_and_reforms(report002, project, entity):
    assert entity in funds(report002, project)


def test_a_project_without_a_named_platform_funds_nothing(report002):
    assert funds(report002, "车辆购置经费") == set()


BENJI = "广州市番禺区政务服务数据管理局本级"
CENTRE = "广州市番禺区政务服务中心"


def target_indicators(report, project, unit):
    key = "target:" + project_key(report, project, unit).split(":")[1]
    links = [link for link in report.links if link.subject == key and link.predicate == "has_indicator"]
    return [report.indicators[int(link.object.split(":")[1]) - 1] for link in links]


def test_target_indicator_of_the_contract_worker_project(report002):
    hits = [i for i in target_indicators(report002, "租赁岗位合同工经费", BENJI) if i.name == "群众办事满意度"]
    assert hits and hits[0].value == Decimal("95") and hits[0].unit == "%" and not hits[0].achieved


def test_projects_of_the_same_name_in_two_units_keep_their_own_links(report002):
    """002 prints 租赁岗位合同工经费 under 本级 and under the 政务服务中心, each with its own 绩效目标: the centre's
    names 政务服务集约化改革 (so that project funds it), the 本级's states 群众办事满意度达95% — neither is the other's."""
    assert "entity:政务服务集约化改革" in funds(report002, "租赁岗位合同工经费", CENTRE)
    assert "entity:政务服务集约化改革" not in funds(report002, "租赁岗位合同工经费", BENJI)
    assert not [i for i in target_indicators(report002, "租赁岗位合同工经费", CENTRE) if i.name == "群众办事满意度"]


def test_mentions_carry_raw_spans(report002):
    raw = R002.read_text(encoding="utf-8")
    assert report002.mentions
    for m in report002.mentions:
        assert raw[m.span.start : m.span.end] == m.span.text
        # the raw span holds the mention, possibly broken by a line wrap
        assert (
            "".join(m.span.text.split()).replace("\u3000", "") == "".join(m.text.split()) or m.label == "PolicyDocument"
        )


def test_district_scoped_short_name_resolves_to_the_panyu_bureau(report002):
    short = [m for m in report002.mentions if m.text == "区政数局"]
    assert short and all(m.canonical == "广州市番禺区政务服务数据管理局" for m in short)


def test_document_number_is_its_document(report002):
    num = [m for m in report002.mentions if m.text == "番府办[2013]91号"]
    assert num and num[0].canonical == "《广州市番禺区人民政府办公室关于印发番禺民生卡发放工作方案的通知》"


def test_responsibilities_mention_entities(report002):
    objs = {
        link.object
        for link in report002.links
        if link.predicate == "mentions" and link.subject.startswith("responsibility:")
    }
    assert "entity:民生卡" in objs


def test_tasks_of_2018_mention_the_card_app_as_part_of_the_card(report000):
    objs = {
        link.object for link in report000.links if link.predicate == "mentions" and link.subject.startswith("task:")
    }
    assert {"entity:民生卡", "entity:民生卡APP"} <= objs


@pytest.mark.parametrize(
    "text, raw",
    [
        ("民生卡应用推广经费", "民生卡应用推广经费"),
        ("政务晓屋智慧政务体系运行管理经费", "　　政务晓屋智慧政务体系\n运行管理经费"),
        ("满意度达95%", "满意度达\n９５％"),
        # a side label between a word's pieces (信访信 / 总 / 息系统)
        ("提升信访信息系统运行", "提升信访信\n总\n息系统运行"),
    ],
)
def test_align_maps_cleaned_text_back_to_raw(text, raw):
    offs = align(text, Span(100, 100 + len(raw), raw, 1))
    assert None not in offs
    assert "".join(raw[o - 100] for o in offs).replace("９５％", "95%") in (text, text.replace("95%", "９５％"))


@pytest.mark.parametrize(
    "text, raw, char",
    [
        # a project's name wrapped around the target cell beside it, whose words hold the name's next character
        ("高质量发展行动专项经费", "高质量发展行 通过政策推动企业发展\n动专项经费", "动"),
        ("数据共享交换平台运维费", "数据共享交 以平台为依托\n100.00 100.00\n换平台运维费", "换"),
        ("城市运行管理服务平台建设", "城市运行管理服务 确保平台稳定\n平台建设", "平"),
    ],
)
def test_align_follows_a_wrapped_name_past_the_words_of_the_cell_beside_it(text, raw, char):
    offs = align(text, Span(0, len(raw), raw, 1))
    assert None not in offs and "".join(raw[o] for o in offs) == text
    at = text.index(char, 5)
    assert raw.rfind("\n", 0, offs[at]) > raw.index(" ")  # on the line after the target's words, not among them


@pytest.fixture(scope="module")
def report001():
    return read_report(CORPUS / "001_9a84904669e9b7f4.txt", entities=True, gazetteer=project_resolver())


@pytest.mark.parametrize("value, unit", [("63.4", "万张"), ("105.2", "万次")])
def test_figures_stated_about_the_card(report001, value, unit):
    """累计发放民生卡约63.4万张; 民生卡一卡通就医服务，…，持卡就医人次超105.2万次 (2016 决算: achieved)."""
    stated = [
        report001.indicators[int(link.object.split(":")[1]) - 1]
        for link in report001.links
        if link.predicate == "states" and link.subject == "entity:民生卡"
    ]
    hits = [i for i in stated if (i.value, i.unit) == (Decimal(value), unit)]
    assert hits and all(i.achieved for i in hits)
