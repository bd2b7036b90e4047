"""The service over the graph built from the bundled corpus: every named query as a REST endpoint,
linked-data pages of the real reports, evidence spans that point into the raw files, search and
neighbourhood of 民生卡, dumps and VoID agreeing with the store."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.api.routers.source import decode_text as decode
from kg.queries import bind, load_named_queries
from tests.conftest import CORPUS, MANIFEST

pytestmark = pytest.mark.slow
ID = "https://w3id.org/budgetkg/id/"
BKG = "https://w3id.org/budgetkg/ontology#"
NAMED = load_named_queries()
PHASES = {"部门预算": BKG + "Budget", "部门决算": BKG + "FinalAccount"}


def in_process_rows(store, text: str) -> Counter:
    rows = store.query(text, use_default_graph_as_union=True)
    return Counter(tuple(sorted((v.value, t.value) for v, t in zip(rows.variables, r) if t is not None)) for r in rows)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_named_query_is_a_rest_endpoint_answering_like_the_store(corpus_api_client, name):
    nq = NAMED[name]
    spec = corpus_api_client.get("/openapi.json").json()["paths"][f"/api/queries/{name}"]["get"]
    assert spec["summary"] == nq.title and nq.title != name
    assert {p["name"] for p in spec["parameters"]} == {p.name for p in nq.params} | {"format"}
    r = corpus_api_client.get(f"/api/queries/{name}")  # every parameter has a default
    assert r.status_code == 200, r.text
    body = r.json()
    got = Counter(tuple(sorted(row.items())) for row in body["rows"])
    want = in_process_rows(corpus_api_client.store, bind(nq, {}))
    assert got == Counter({tuple(sorted((k, v) for k, v in key)): n for key, n in want.items()})


def test_funding_by_platform_finds_minshengka_2024(corpus_api_client):
    rows = corpus_api_client.get("/api/queries/funding-by-platform", params={"platform": "民生卡"}).json()["rows"]
    r2024 = [r for r in rows if r["year"] == "2024"]
    assert r2024 and "民生卡应用推广经费" in r2024[0]["projectNames"]
    assert Decimal(r2024[0]["funding"]) >= Decimal("140000")  # 14.00 万元 printed in 002


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_each_report_dereferences(corpus_api_client, row):
    phase = "budget" if row["phase"] == "部门预算" else "final-account"
    path = f"report/{row['agency']}/{row['fiscal_year']}/{phase}"
    r = corpus_api_client.get("/id/" + quote(path), headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert r.status_code == 303
    g = Graph().parse(data=corpus_api_client.get(r.headers["location"]).content, format="turtle")
    node = URIRef(ID + path)
    assert str(g.value(node, URIRef(BKG + "fiscalYear"))) == row["fiscal_year"]
    assert str(g.value(node, URIRef(BKG + "budgetPhase"))) == PHASES[row["phase"]]
    html = corpus_api_client.get("/id/" + quote(path), headers={"Accept": "text/html"}).text
    assert row["file"] in html  # dcterms:source


def test_evidence_spans_point_into_the_raw_files(corpus_api_client):
    """For every node with evidence, the quote is exactly the raw file's characters [start, end),
    and the HTML page links to the source page that marks that span."""
    q = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT DISTINCT ?n ?file ?start ?end ?exact WHERE { ?n bkg:evidence ?e . ?e oa:hasSource ?r ;
      oa:hasSelector ?p, ?q . ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact . ?r dcterms:source ?file }"""
    rows = list(corpus_api_client.store.query(q, use_default_graph_as_union=True))
    assert len(rows) > 500
    texts = {f: decode((CORPUS / f).read_bytes()) for f in {r["file"].value for r in rows}}
    mismatched = [
        r["n"].value
        for r in rows
        if texts[r["file"].value][int(r["start"].value) : int(r["end"].value)] != r["exact"].value
    ]
    assert mismatched == []
    sample = next(r for r in rows if r["n"].value.startswith(ID) and "/responsibility/" in r["n"].value)
    html = corpus_api_client.get("/id/" + quote(sample["n"].value[len(ID) :]), headers={"Accept": "text/html"}).text
    # the source page is addressed by the file's SHA-256 when the store keeps the original (it does after a build)
    sha = next(
        iter(
            corpus_api_client.store.query(
                "SELECT ?sha ?f WHERE { ?r <https://w3id.org/budgetkg/ontology#sha256> ?sha ; <http://purl.org/dc/terms/source> ?f }",
                use_default_graph_as_union=True,
                substitutions={ox.Variable("f"): sample["file"]},
            )
        )
    )["sha"].value
    key = next(k for k in (sha, sample["file"].value) if f"/source/{k}?" in html)
    link = f"/source/{key}?start={sample['start'].value}&amp;end={sample['end'].value}"
    assert link in html
    page = corpus_api_client.get(link.replace("&amp;", "&")).text
    assert "<mark" in page and page.split('<mark id="span">')[1].split("</mark>")[0] == sample["exact"].value.replace(
        "&", "&amp;"
    ).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")


def test_search_and_neighbourhood_of_minshengka(corpus_api_client):
    hits = corpus_api_client.get("/api/viz/search", params={"q": "民生卡"}).json()
    assert hits[0]["label"] == "民生卡" and hits[0]["type"] == "Platform"
    hood = corpus_api_client.get("/api/viz/neighbourhood", params={"iri": hits[0]["id"], "limit": 300}).json()
    projects = {n["label"]: Decimal(n["amount"]) for n in hood["nodes"] if n["type"] == "Project" and n["amount"]}
    assert projects.get("民生卡应用推广经费", 0) >= Decimal("140000")
    funding = corpus_api_client.get("/api/charts/platform-funding", params={"platform": hits[0]["id"]}).json()
    assert "2024" in {s["year"] for s in funding["series"]}


def test_agency_spending_chart_has_general_public_services(corpus_api_client):
    hits = corpus_api_client.get("/api/viz/search", params={"q": "广州市番禺区政务服务数据管理局"}).json()
    agency = next(h["id"] for h in hits if h["type"] == "Agency")
    series = corpus_api_client.get("/api/charts/agency-spending", params={"agency": agency}).json()["series"]
    assert any(s["code"] == "201" and s["year"] == "2024" and Decimal(s["amount"]) > 0 for s in series)


def test_dump_and_void_agree_with_the_store(corpus_api_client):
    store = corpus_api_client.store
    quads = set(ox.parse(corpus_api_client.get("/dumps/budgetkg.nq").content, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(store)
    void = Graph().parse(data=corpus_api_client.get("/.well-known/void").content, format="turtle")
    triples = void.value(URIRef(ID + "dataset"), URIRef("http://rdfs.org/ns/void#triples"))
    # void:triples counts the triples of the merge of all graphs: a triple two reports state is one triple
    assert int(triples) == len({(q.subject, q.predicate, q.object) for q in quads}) < len(store)
