"""The SPARQL 1.1 Protocol endpoint over the mini graph: operations, formats, refusals."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

PLATFORM_PROJECTS = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label ?amount WHERE {
  ?proj bkg:funds <https://w3id.org/budgetkg/id/platform/民生卡> ; rdfs:label ?label ; bkg:amount ?amount
} ORDER BY ?amount"""
EXPECTED = [("民生卡运营维护", Decimal("3367400")), ("民生卡应用建设", Decimal("5200000.50"))]
ASK = 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ASK { ?p skos:prefLabel "民生卡"@zh }'
CONSTRUCT = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
CONSTRUCT { ?proj bkg:funds ?p } WHERE { ?proj bkg:funds ?p }"""


def rows(resp):
    data = resp.json()
    return [(b["label"]["value"], Decimal(b["amount"]["value"])) for b in data["results"]["bindings"]]


def test_get_query_returns_sparql_json(api_client):
    r = api_client.get("/sparql", params={"query": PLATFORM_PROJECTS})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    got = rows(r)
    assert [(lbl, amt) for lbl, amt in got] == EXPECTED


def test_post_form_and_direct_body_agree_with_get(api_client):
    get = api_client.get("/sparql", params={"query": PLATFORM_PROJECTS})
    form = api_client.post("/sparql", data={"query": PLATFORM_PROJECTS})
    direct = api_client.post(
        "/sparql", content=PLATFORM_PROJECTS.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert form.status_code == direct.status_code == 200
    assert rows(get) == rows(form) == rows(direct)


@pytest.mark.parametrize(
    "accept, ctype",
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+json", "application/sparql-results+json"),
    ],
)
def test_select_formats_by_accept(api_client, accept, ctype):
    r = api_client.get("/sparql", params={"query": PLATFORM_PROJECTS}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(ctype)
    if ctype == "text/csv":
        parsed = list(csv.reader(io.StringIO(r.text)))
        assert parsed[0] == ["label", "amount"]
        assert [(lbl, Decimal(amt)) for lbl, amt in parsed[1:]] == EXPECTED
    elif ctype.endswith("xml"):
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        literals = [e.text for e in ET.fromstring(r.content).iterfind(".//s:literal", ns)]
        assert literals[0::2] == [lbl for lbl, _ in EXPECTED]
        assert [Decimal(a) for a in literals[1::2]] == [amt for _, amt in EXPECTED]
    elif ctype.startswith("text/tab"):
        lines = r.text.strip().splitlines()
        assert lines[0].split("\t") == ["?label", "?amount"]
        assert len(lines) == 3


def test_ask(api_client):
    r = api_client.get("/sparql", params={"query": ASK})
    assert r.json() == {"head": {}, "boolean": True}
    r = api_client.get("/sparql", params={"query": ASK.replace("民生卡", "不存在的卡")})
    assert r.json()["boolean"] is False


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_formats_parse_with_rdflib(api_client, accept, fmt):
    from rdflib import Graph, URIRef

    r = api_client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    funds = URIRef("https://w3id.org/budgetkg/ontology#funds")
    assert len(set(g.subjects(funds, URIRef("https://w3id.org/budgetkg/id/platform/民生卡")))) == 2


def test_format_parameter_overrides_accept(api_client):
    r = api_client.get(
        "/sparql",
        params={"query": PLATFORM_PROJECTS, "format": "csv"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert r.headers["content-type"].startswith("text/csv")


def test_unacceptable_format_is_406(api_client):
    r = api_client.get("/sparql", params={"query": PLATFORM_PROJECTS}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_named_graph_parameters_select_the_dataset(api_client):
    g2016 = "https://w3id.org/budgetkg/id/report/广州市番禺区人民政府政务管理办公室/2016/final-account"
    r = api_client.get("/sparql", params={"query": PLATFORM_PROJECTS, "default-graph-uri": g2016})
    assert rows(r) == [EXPECTED[1]]


def test_query_page_for_browsers(api_client):
    r = api_client.get("/sparql", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "<textarea" in r.text and "民生卡" in r.text


def test_missing_query_is_400(api_client):
    assert api_client.get("/sparql").status_code == 400
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert api_client.post("/sparql", content=b"", headers=form).status_code == 400
    assert api_client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
