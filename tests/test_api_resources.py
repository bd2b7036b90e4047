"""Linked data over the mini graph: 303 + content negotiation, documents in every format, HTML pages."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

ID = "https://w3id.org/budgetkg/id/"
BKG = "https://w3id.org/budgetkg/ontology#"
PLATFORM = "platform/民生卡"
RESP = "report/广州市番禺区人民政府政务管理办公室/2018/budget/responsibility/广州市番禺区人民政府政务管理办公室/1"


@pytest.mark.parametrize(
    "accept, suffix",
    [
        ("text/html", ""),
        ("text/turtle", ".ttl"),
        ("application/n-triples", ".nt"),
        ("application/ld+json", ".jsonld"),
        ("application/rdf+xml", ".rdf"),
        ("*/*", ""),
    ],
)
def test_id_redirects_303_by_accept(api_client, accept, suffix):
    r = api_client.get("/id/" + PLATFORM, headers={"Accept": accept}, follow_redirects=False)
    assert r.status_code == 303
    assert unquote(r.headers["location"]) == "/doc/" + PLATFORM + suffix
    assert "Accept" in r.headers["vary"]


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_documents_parse_and_describe_the_resource(api_client, accept, fmt):
    r = api_client.get("/id/" + PLATFORM, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    node = URIRef(ID + PLATFORM)
    assert (node, RDF.type, URIRef(BKG + "Platform")) in g
    assert set(g.objects(node, SKOS.prefLabel)) == {Literal("民生卡", lang="zh")}
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("番禺民生卡", lang="zh")}


def test_jsonld_uses_the_published_context(api_client):
    ctx = api_client.get("/context.jsonld").json()["@context"]
    doc = api_client.get("/doc/" + PLATFORM + ".jsonld").json()
    assert doc["@context"] == ctx and ctx["bkg"] == BKG
    assert "/context.jsonld" in api_client.get("/doc/" + PLATFORM + ".jsonld").headers["link"]


def test_document_includes_evidence_selectors(api_client):
    g = Graph().parse(data=api_client.get("/doc/" + RESP + ".ttl").content, format="turtle")
    oa = "http://www.w3.org/ns/oa#"
    starts = list(g.objects(None, URIRef(oa + "start")))
    exact = list(g.objects(None, URIRef(oa + "exact")))
    assert [int(s) for s in starts] == [5012]
    assert [str(e) for e in exact] == ["深化民生卡应用，推进商事登记全程电子化"]


def test_html_page_in_chinese_with_english_labels_links_and_evidence(api_client):
    r = api_client.get("/id/" + RESP, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "深化民生卡应用" in html
    assert 'href="/id/platform/民生卡"' in html  # a neighbour, by its Chinese label
    assert "mentions" in html and "提及" in html  # property labels from the ontology: zh + en
    assert 'href="/id/agency/广州市番禺区人民政府政务管理办公室"' in html  # linked from (incoming)
    assert "/source/000_b0355635f713ec6d.txt?start=5012&amp;end=5030" in html


def test_source_span_page_shows_the_text(api_client):
    r = api_client.get("/source/000_b0355635f713ec6d.txt", params={"start": 0, "end": 10})
    assert r.status_code == 200 and "<mark" in r.text
    assert api_client.get("/source/..%2Fpyproject.toml").status_code == 404
    assert api_client.get("/source/nothing.txt").status_code == 404


def test_unknown_resource_is_404(api_client):
    assert api_client.get("/id/platform/不存在").status_code == 404
    assert api_client.get("/doc/platform/不存在.ttl").status_code == 404


def test_home_lists_reports_and_entities(api_client):
    html = api_client.get("/").text
    assert 'href="/id/platform/民生卡"' in html
    assert "/id/report/广州市番禺区人民政府政务管理办公室/2016/final-account" in html
