"""kg.resolve: names → one node per real-world thing (gazetteer prefLabel, altLabel, district-scoped alias)."""

from __future__ import annotations

import pytest

from kg import iri
from kg.resolve import Gazetteer, default_resolver
from nlp.model import GazetteerEntry

ID = iri.BASE

ENTRIES = [
    GazetteerEntry("agency/panyu-zsj", "Agency", "广州市番禺区政务服务数据管理局", ("番禺区政数局",), (("番禺区", "区政数局"),)),
    GazetteerEntry("agency/conghua-zsj", "Agency", "广州市从化区政务服务数据管理局", ("从化区政数局",), (("从化区", "区政数局"),)),
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
    g = Gazetteer(ENTRIES)
    got = g.agency(name, district) if label == "Agency" else g.entity(label, name, district)
    assert got == (expected_iri, expected_name)


def test_places_resolve_to_the_canonical_name() -> None:
    assert Gazetteer(ENTRIES).place("广州市番禺区") == (ID + "place/panyu", "番禺区")


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
    events = set(g.subjects(org.originalOrganization, URIRef(old))) & set(g.subjects(org.resultingOrganization, URIRef(new)))
    assert len(events) == 1
