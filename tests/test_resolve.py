"""kg.resolve and nlp.resolve: names → one node per real-world thing (gazetteer prefLabel, altLabel,
district-scoped alias; unknown names scoped by jurisdiction), one resolver for both sides."""

from __future__ import annotations

import pytest

from kg import iri
from kg.resolve import Resolver, default_resolver
from nlp.model import GazetteerEntry

ID = iri.BASE

ENTRIES = [
    GazetteerEntry(
        "agency/panyu-zsj", "Agency", "广州市番禺区政务服务数据管理局", ("番禺区政数局",), (("番禺区", "区政数局"),)
    ),
    GazetteerEntry(
        "agency/conghua-zsj", "Agency", "广州市从化区政务服务数据管理局", ("从化区政数局",), (("从化区", "区政数局"),)
    ),
    GazetteerEntry("platform/minshengka", "Platform", "民生卡", ("番禺民生卡",)),
    GazetteerEntry("place/panyu", "Place", "番禺区", ("番禺", "广州市番禺区")),
]


@pytest.mark.parametrize(
    ("label", "name", "district", "expected_iri", "expected_name"),
    [
        ("Agency", "广州市番禺区政务服务数据管理局", None, ID + "agency/panyu-zsj", "广州市番禺区政务服务数据管理局"),
        ("Agency", "番禺区政数局", "天河区", ID + "agency/panyu-zsj", "广州市番禺区政务服务数据管理局"),
        ("Agency", "区政数局", "番禺区", ID + "agency/panyu-zsj", "广州市番禺区政务服务数据管理局"),
        ("Agency", "区政数局", "从化区", ID + "agency/conghua-zsj", "广州市从化区政务服务数据管理局"),
        # a scoped alias means nothing outside its district: minted from the printed name
        ("Agency", "区政数局", "天河区", ID + "agency/区政数局", "区政数局"),
        # whitespace in a printed name does not make another agency
        ("Agency", "广州市番禺区 政务服务数据管理局", None, ID + "agency/panyu-zsj", "广州市番禺区政务服务数据管理局"),
        ("Platform", "番禺民生卡", "番禺区", ID + "platform/minshengka", "民生卡"),
        ("Platform", "政务晓屋", None, ID + "platform/政务晓屋", "政务晓屋"),
        ("Reform", "民生卡", None, ID + "reform/民生卡", "民生卡"),  # the label must match too
    ],
)
def test_names_resolve(label, name, district, expected_iri, expected_name) -> None:
    g = Resolver(ENTRIES)
    got = g.agency(name, district) if label == "Agency" else g.entity(label, name, district)
    assert got == (expected_iri, expected_name)


def test_places_resolve_to_the_canonical_name() -> None:
    assert Resolver(ENTRIES).place("广州市番禺区") == (ID + "place/panyu", "番禺区")


def test_the_project_gazetteer_knows_both_panyu_agencies_and_their_change() -> None:
    """The 2016/2018 office and the 2024 bureau are two nodes; ontology/agency-history.ttl links them."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import Namespace

    from kg.ontology import ontology_file

    r = default_resolver()
    old, _ = r.agency("番禺区政务办", "番禺区")
    new, _ = r.agency("区政数局", "番禺区")
    assert old != new
    org = Namespace("http://www.w3.org/ns/org#")
    g = Graph().parse(ontology_file("agency-history.ttl"))
    events = set(g.subjects(org.originalOrganization, URIRef(old))) & set(
        g.subjects(org.resultingOrganization, URIRef(new))
    )
    assert len(events) == 1


# --- one resolver, scoped by jurisdiction (issue 13, issue 14) --------------------------------------------

PANYU = "广州市番禺区政务服务数据管理局"


@pytest.mark.parametrize(
    ("agency", "district", "printed", "label", "expected"),
    [
        # one city's 12345 is one node, however a report prints it; another city's is another
        (PANYU, "番禺区", "12345热线", "Platform", "广州市12345政府服务热线"),
        (PANYU, "番禺区", "12345政务服务便民热线", "Platform", "广州市12345政府服务热线"),
        ("广州市体育局", "广州市", "广州12345热线", "Platform", "广州市12345政府服务热线"),
        ("苏州市政务服务管理办公室", "苏州市", "12345热线", "Platform", "苏州市12345热线"),
        ("苏州市政务服务管理办公室", "苏州市", "12345政务服务便民热线", "Platform", "苏州市12345热线"),
        ("苏州市政务服务管理办公室", "苏州市", "广州12345热线", "Platform", "广州市12345政府服务热线"),
        # a place written relative to the report is the report's
        (PANYU, "番禺区", "区视频专网", "Platform", "番禺区视频专网"),
        ("广州市从化区政务服务数据管理局", "从化区", "区视频专网", "Platform", "从化区视频专网"),
        # a descriptive name gets the report's place; the owner printed in front is the report's agency
        ("深圳市统计局", "深圳市", "电子政务内网", "Platform", "深圳市电子政务内网"),
        ("深圳市统计局", "深圳市", "深圳市统计局电子政务内网", "Platform", "深圳市电子政务内网"),
        ("国家信访局", None, "国家信访局智能办公平台", "Platform", "智能办公平台"),
        ("国家信访局", None, "智能办公平台", "Platform", None),  # a national department's: its own key
        # brands and names with their own place are shared as printed
        (PANYU, "番禺区", "粤商通", "Platform", None),
        # a province's brand the gazetteer knows is one node for the reports of every place
        (PANYU, "番禺区", "粤省事", "Platform", "粤省事"),
        ("苏州市政务服务管理办公室", "苏州市", "苏服办", "Platform", "苏服办"),
        ("深圳市统计局", "深圳市", "“穗智管”城市运行管理平台", "Platform", None),
        ("深圳市统计局", "深圳市", "广州市政务服务平台", "Platform", None),
        # an alias that means one province's thing means it only in that province's reports (every province has
        # its 省网上办事大厅): elsewhere the relative name is the report's own province's
        (PANYU, "番禺区", "省网上办事大厅", "Platform", "广东省网上办事大厅"),
        ("贵州省大数据发展管理局", None, "省网上办事大厅", "Platform", "贵州省网上办事大厅"),
        ("贵州省大数据发展管理局", None, "网上办事大厅", "Platform", "贵州省网上办事大厅"),
        # a descriptive name read from one corpus report (a topic + a head, no place, no brand) is that place's
        # system only in that place's reports; elsewhere the report's own (another district of the same city too)
        (PANYU, "番禺区", "电子证照系统", "Platform", "番禺区电子证照系统"),
        (PANYU, "番禺区", "区电子证照系统", "Platform", "番禺区电子证照系统"),
        ("贵州省大数据发展管理局", None, "电子证照系统", "Platform", "贵州省电子证照系统"),
        ("上海市大数据中心", None, "电子证照系统", "Platform", "上海市电子证照系统"),
        ("广州市天河区人民政府政务管理办公室", "天河区", "一站式审批系统", "Platform", "天河区一站式审批系统"),
        (PANYU, "番禺区", "一站式审批系统", "Platform", "番禺区一站式审批系统"),
        ("广州市从化区政务服务数据管理局", "从化区", "综合受理系统", "Platform", "广州市综合受理系统"),
        (PANYU, "番禺区", "综合受理系统", "Platform", "广州市综合受理系统"),  # the city's system, in all its districts
        ("苏州市政务服务管理办公室", "苏州市", "综合受理系统", "Platform", "苏州市综合受理系统"),
        ("广州市天河区人民政府政务管理办公室", "天河区", "网上办事分厅平台", "Platform", "网上办事大厅天河分厅"),
        ("广州市从化区政务服务数据管理局", "从化区", "网上办事分厅平台", "Platform", "从化区网上办事分厅平台"),
        (PANYU, "番禺区", "绩效考核系统", "Platform", "番禺区绩效考核系统"),
        ("贵州省大数据发展管理局", None, "绩效考核系统", "Platform", "贵州省绩效考核系统"),  # a system is a place's
        ("深圳市统计局", "深圳市", "视频联网平台", "Platform", "深圳市视频联网平台"),
        ("国家信访局", None, "绩效考核系统", "Platform", None),  # a national department's: its own key
        (PANYU, "番禺区", "数字政府平台", "Platform", "番禺区“数字政府”平台"),
        ("贵州省大数据发展管理局", None, "数字政府平台", "Platform", "贵州省数字政府平台"),
        (PANYU, "番禺区", "市民卡", "Platform", "社会保障卡"),
        ("苏州市政务服务管理办公室", "苏州市", "市民卡", "Platform", "苏州市民卡"),
        ("广州市从化区政务服务数据管理局", "从化区", "市政数局", "Agency", "广州市政务服务数据管理局"),
        ("深圳市统计局", "深圳市", "市政数局", "Agency", "深圳市政数局"),
        # a government's own system named by generic words (nlp.ownsystems) is the report's place's: every
        # government has its 政务云, 人口库 and 一体化政务服务平台
        ("苏州市政务服务管理办公室", "苏州市", "政务云", "Platform", "苏州市政务云"),
        ("贵州省大数据发展管理局", None, "人口库", "Platform", "贵州省人口库"),
        ("深圳市统计局", "深圳市", "电子证照库", "Platform", "深圳市电子证照库"),
        ("苏州市政务服务管理办公室", "苏州市", "一体化政务服务平台", "Platform", "苏州市一体化政务服务平台"),
        ("国家信访局", None, "政务云", "Platform", None),  # a national department's: its own key
        # a brand is unaffected
        ("贵州省大数据发展管理局", None, "民生卡", "Platform", "民生卡"),
        # known names: the gazetteer's entry; relative agency names become the district's
        (PANYU, "番禺区", "民生卡APP", "Platform", "民生卡APP"),
        (PANYU, "番禺区", "区政府", "Agency", "广州市番禺区人民政府"),
        ("广州市从化区政务服务数据管理局", "从化区", "市政府", "Agency", "广州市人民政府"),
        ("深圳市统计局", "深圳市", "办公室", "Agency", "深圳市统计局办公室"),
        # the layout's spaces are no part of a key (one IRI, one label)
        (PANYU, "番禺区", "手机 APP", "Platform", "番禺区手机APP"),
        ("国家信访局", None, "信访信息 系统", "Platform", "信访信息系统"),
        # reforms are national programmes: shared as printed
        ("苏州市政务服务管理办公室", "苏州市", "商事制度改革", "Reform", "商事制度改革"),
        ("苏州市政务服务管理办公室", "苏州市", "零基预算改革", "Reform", None),
    ],
)
def test_names_are_scoped_by_jurisdiction(agency, district, printed, label, expected) -> None:
    from kg.gazetteer import project_resolver

    names = project_resolver()
    where = names.jurisdiction(agency, district)
    assert names.canonical(printed, label, where, owner=(agency,)) == expected


def test_a_report_jurisdiction_fills_city_and_province_from_the_gazetteer() -> None:
    from kg.gazetteer import project_resolver
    from nlp import Jurisdiction

    names = project_resolver()
    assert names.jurisdiction("番禺区政务办", "番禺区") == Jurisdiction("广东省", "广州市", "番禺区")
    assert names.jurisdiction("四平市信访局", "四平市") == Jurisdiction(None, "四平市", None)
    assert names.jurisdiction("国家信访局", None).national


def test_nlp_and_kg_resolve_every_gazetteer_name_to_the_same_entry() -> None:
    """One resolver: the canonical name nlp gives a mention is the one kg mints the entry's IRI from, for
    every name of every entry, in every place it is scoped to and outside it."""
    from kg.gazetteer import project_entries, project_resolver

    names, kg = project_resolver(), default_resolver()
    assert kg.names is names
    checked = 0
    for e in project_entries():
        if e.label == "Place":
            continue
        places = [None, *sorted({p for p, _ in e.scoped_alt_labels})]
        for place in places:
            where = names.jurisdiction(None, place)
            labels = (e.pref_label, *e.alt_labels, *(n for p, n in e.scoped_alt_labels if p == place))
            for printed in labels:
                canonical = names.canonical(printed, e.label, where)
                node, shown = (
                    kg.agency(canonical, place) if e.label == "Agency" else kg.entity(e.label, canonical, place)
                )
                entry = names.lookup(printed, e.label, place)
                assert node == ID + entry.id and shown == entry.pref_label == canonical, (e.id, printed, place)
                checked += 1
    assert checked > 150


def test_there_is_one_resolver_class() -> None:
    """Issue 14: two classes named Gazetteer resolved with opposite precedence; nothing but nlp.resolve
    matches names against gazetteer entries now."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    matchers = []
    for package in ("nlp", "kg"):
        for f in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ClassDef):
                    continue
                methods = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
                reads_labels = ".alt_labels" in ast.unparse(node) or ".scoped_alt_labels" in ast.unparse(node)
                if node.name == "Gazetteer" or (reads_labels and methods & {"resolve", "lookup", "match"}):
                    matchers.append(f"{f.relative_to(root)}:{node.name}")
    assert matchers == ["nlp/resolve.py:EntityResolver"]
