"""nlp.shortnames: a platform given a second, short name in brackets, and the short name used later in the report.

Sentences written for this table in the wording of other places' reports (none is a development-set sentence):
each case is one report's texts and the platform names found in each (gazetteer off: shapes and the NER), after
the report's names are spread (:func:`nlp.propagation.report_entities`).
"""

from __future__ import annotations

import pytest

from nlp.entities import extract_docs
from nlp.foundentity import FoundEntity
from nlp.model import GazetteerEntry
from nlp.pipeline import load_pipeline
from nlp.propagation import PROPAGATED, report_entities
from nlp.resolve import EntityResolver, Jurisdiction
from nlp.shortnames import aliases, defined_names

P = "Platform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def platforms(nlp, texts: list[str]) -> list[list[str]]:
    return [[e.text for e in ents if e.label == P] for ents in report_entities(extract_docs(nlp, texts)).entities]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the full name and the short one are both the report's platform's names; the short one, used later, too
        (
            ["依托电子政务外网协同办公平台（以下简称OA系统）推行无纸化办公", "OA系统全年流转公文3.2万件"],
            [["电子政务外网协同办公平台", "OA系统"], ["OA系统"]],
        ),
        (
            ["建成政务数据共享交换平台（以下简称“交换平台”）", "交换平台累计交换数据2亿条"],
            [["政务数据共享交换平台", "“交换平台”"], ["交换平台"]],
        ),
        (
            ["电子证照库(下称证照库)已归集证照50类", "推动证照库在审批中的应用"],
            [["电子证照库", "证照库"], ["证照库"]],
        ),
        (
            ["负责网上审批系统（以下简称审批系统）的运行维护", "审批系统全年办件2.1万件"],
            [["网上审批系统", "审批系统"], ["审批系统"]],
        ),
        (
            ["保障无纸化会议系统（简称会议系统）稳定运行", "会议系统支撑常务会议46次"],
            [["无纸化会议系统", "会议系统"], ["会议系统"]],
        ),
        (
            ["维护市级政务服务网（简称“政务网”），", "政务网年访问量达300万人次"],
            [["政务服务网", "“政务网”"], ["政务网"]],
        ),
        # the short name is not taken where it is the tail of a longer name, or many, or a kind to be made
        (
            ["保障无纸化会议系统（简称会议系统）稳定运行", "采购视频会议系统设备", "推广各类会议系统"],
            [["无纸化会议系统", "会议系统"], [], []],
        ),
        (
            ["依托协同办公平台（以下简称办公平台）", "推广使用移动办公平台", "推进办公平台建设"],
            [["协同办公平台", "办公平台"], ["移动办公平台"], []],
        ),
        # a bare head or a pointer as the short name is no name of its own; nothing is spread
        (["依托协同办公平台（以下简称平台）推行无纸化办公", "平台全年流转公文3万件"], [["协同办公平台"], []]),
        (["使用协同办公平台（以下简称本平台）", "本平台运行稳定"], [["协同办公平台"], []]),
        # what is defined is no platform: an agency, a building's equipment
        (["做好全区视频会议系统（以下简称视频系统）保障", "视频系统运行正常"], [[], []]),
        (["区政务服务数据管理局（以下简称区数据局）负责协同办公平台的运行维护"], [["协同办公平台"]]),
    ],
)
def test_a_short_name_in_brackets(nlp, texts, expected):
    assert platforms(nlp, texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["依托电子政务外网协同办公平台（以下简称OA系统）推行无纸化办公", "OA系统全年流转公文3.2万件"],
            {"OA系统": "电子政务外网协同办公平台"},
        ),
        (["其他文字", "建成政务数据共享交换平台（以下简称“交换平台”）"], {"交换平台": "政务数据共享交换平台"}),
        # defined for two full names: neither; a bare head or a definition after an agency: no short name
        (["依托协同办公平台（以下简称平台A）", "依托数据共享平台（以下简称平台A）"], {}),
        (["依托协同办公平台（以下简称平台）推行无纸化办公"], {}),
        (["区政务服务数据管理局（以下简称区数据局）负责协同办公平台的运行维护"], {}),
    ],
)
def test_the_report_short_names_come_with_its_entities(nlp, texts, expected):
    """The short names a report defines come with its entities (annotate resolves a short name by them, to its full
    name's key), read from the definitions as those entities show them."""
    spread = report_entities(extract_docs(nlp, texts))
    assert spread.aliases == expected
    assert spread.aliases == aliases(texts, spread.entities)  # the definitions as the entities handed back show them


def test_a_short_name_stands_for_the_full_name_as_spread():
    """A confident name spread over a full name the rules cut before its bracket takes its place: the short name
    stands for the spread name, the one the report's entities hold, not for the cut one no entity holds."""
    from nlp.propagation import propagate

    a, c = "建设一体化智能化公共数据平台（以下简称公数平台）。", "各部门数据汇入一体化智能化公共数据平台。"
    found = [
        [FoundEntity(5, 14, "智能化公共数据平台", P, "pattern")],
        [FoundEntity(7, 19, "一体化智能化公共数据平台", P, "gazetteer")],
    ]
    spread = propagate([a, c], found)
    assert [e.text for e in spread.entities[0]] == ["一体化智能化公共数据平台", "公数平台"]
    assert spread.aliases == {"公数平台": "一体化智能化公共数据平台"}
    b = "建设一体化智能化公共数据平台（以下简称公数平台）。"  # no confident name elsewhere: the rules' find stands
    assert propagate([b], [[FoundEntity(5, 14, "智能化公共数据平台", P, "pattern")]]).aliases == {
        "公数平台": "智能化公共数据平台"
    }


def test_a_short_name_is_spread_with_its_own_source():
    texts = ["依托协同办公平台（以下简称OA系统）办公", "OA系统运行稳定"]
    found = [[FoundEntity(2, 8, "协同办公平台", P, "pattern")], []]
    from nlp.propagation import propagate

    out = propagate(texts, found).entities
    assert [(e.text, e.source) for e in out[0]] == [("协同办公平台", "pattern"), ("OA系统", "pattern")]
    assert [(e.text, e.source) for e in out[1]] == [("OA系统", PROPAGATED)]


def test_the_definition_words_are_cut_off_a_name_that_swallowed_them():
    text = "负责网上审批系统（以下简称审批系统）的运行维护"
    found = [FoundEntity(2, 8, "网上审批系统", P, "pattern"), FoundEntity(9, 17, "以下简称审批系统", P, "ner")]
    assert [e.text for e in defined_names(text, found)] == ["网上审批系统", "审批系统"]


def test_a_short_name_defined_for_two_things_stands_for_neither():
    texts = ["依托协同办公平台（以下简称平台A）", "依托数据共享平台（以下简称平台A）", "依托交换平台（以下简称平台B）"]
    found = [
        [FoundEntity(2, 8, "协同办公平台", P, "pattern")],
        [FoundEntity(2, 8, "数据共享平台", P, "pattern")],
        [FoundEntity(2, 6, "交换平台", P, "pattern")],
    ]
    assert aliases(texts, found) == {"平台B": "交换平台"}


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("OA系统", "电子政务外网协同办公平台"),
        ("“交换平台”", "政务数据共享交换平台"),
        ("交换平台", "政务数据共享交换平台"),
    ],
)
def test_a_short_name_resolves_to_its_full_name(short, full):
    """One node per real thing: the short name's key is the full name's (scoped by the report's place), so the graph
    holds one platform with the short name as one of its labels."""
    names = EntityResolver([GazetteerEntry(id="place/x", label="Place", pref_label="某某县")])
    where = Jurisdiction(province="某某省", city="某某市", district="某某县")
    table = {"OA系统": "电子政务外网协同办公平台", "交换平台": "政务数据共享交换平台"}
    expected = names.canonical(full, P, where) or full
    assert names.canonical(short, P, where, aliases=table) == expected
    assert names.canonical(short, P, where) != expected  # without the report's definitions, a name of its own
