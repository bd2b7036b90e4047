"""Real clients against a running uvicorn server: SPARQLWrapper, rdflib's SPARQLStore, rdflib dereferencing."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

BKG = "https://w3id.org/budgetkg/ontology#"
PLATFORM = "https://w3id.org/budgetkg/id/platform/民生卡"
SELECT = f"""PREFIX bkg: <{BKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label ?amount WHERE {{ ?p bkg:funds <{PLATFORM}> ; rdfs:label ?label ; bkg:amount ?amount }}
ORDER BY ?amount"""
ASK = f"ASK {{ <{PLATFORM}> a <{BKG}Platform> }}"
CONSTRUCT = f"PREFIX bkg: <{BKG}> CONSTRUCT {{ ?p bkg:funds ?x }} WHERE {{ ?p bkg:funds ?x }}"
EXPECTED = [("民生卡运营维护", Decimal("3367400")), ("民生卡应用建设", Decimal("5200000.50"))]


def test_sparqlwrapper_select_ask_construct(live_server):
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    for method in ("GET", POST):
        sw = SPARQLWrapper(live_server + "/sparql")
        sw.setMethod(method)
        sw.setQuery(SELECT)
        sw.setReturnFormat(JSON)
        rows = sw.query().convert()["results"]["bindings"]
        assert [(r["label"]["value"], Decimal(r["amount"]["value"])) for r in rows] == EXPECTED
        sw.setQuery(ASK)
        assert sw.query().convert()["boolean"] is True
        sw.setQuery(CONSTRUCT)
        sw.setReturnFormat(TURTLE)
        g = Graph().parse(data=sw.query().convert(), format="turtle")
        assert len(set(g.subjects(URIRef(BKG + "funds"), URIRef(PLATFORM)))) == 2 and len(g) == 3


def test_sparqlwrapper_gets_403_for_update(live_server):
    from urllib.error import HTTPError

    import pytest
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    sw = SPARQLWrapper(live_server + "/sparql", updateEndpoint=live_server + "/sparql")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    with pytest.raises((HTTPError, SPARQLWrapperException)) as info:
        sw.query()
    assert "403" in str(info.value) or getattr(info.value, "code", None) == 403


def test_rdflib_sparqlstore_select_ask_construct(live_server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    for fmt in ("xml", "json"):  # the default asks for SPARQL XML results and RDF/XML graphs
        g = Graph(store=SPARQLStore(live_server + "/sparql", returnFormat=fmt))
        rows = [(str(r.label), Decimal(str(r.amount))) for r in g.query(SELECT)]
        assert rows == EXPECTED
        assert g.query(ASK).askAnswer is True
    g = Graph(store=SPARQLStore(live_server + "/sparql"))
    constructed = g.query(CONSTRUCT).graph
    assert len(constructed) == 3
    assert sorted(str(o).rsplit("/", 1)[1] for o in constructed.objects()) == ["政务晓屋", "民生卡", "民生卡"]


def test_rdflib_dereferences_turtle_and_jsonld(live_server):
    url = live_server + "/id/" + quote("platform/民生卡")
    for fmt in ("turtle", "json-ld"):
        g = Graph().parse(url, format=fmt)
        assert (URIRef(PLATFORM), SKOS.prefLabel, Literal("民生卡", lang="zh")) in g
