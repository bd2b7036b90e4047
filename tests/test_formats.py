"""One format registry (kg.formats): export, /dumps, /doc and /sparql write a format the same way —
named graphs kept where the format can name them, merged otherwise, JSON-LD compacted with the published context."""

from __future__ import annotations

import json
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.commands.export import export
from kg.formats import CONTEXT, RDF_FORMATS, serialize

PLATFORM = "platform/民生卡"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 50 } }"


def read_back(data: bytes, key: str) -> set:
    """The statements of a serialisation, as pyoxigraph quads (rdflib reads JSON-LD, which pyoxigraph writes only expanded)."""
    if key == "jsonld":
        ds = Dataset()
        ds.parse(data=data, format="json-ld")
        data, key = ds.serialize(format="nquads").encode(), "nq"
    fmt = {
        "ttl": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "rdf": ox.RdfFormat.RDF_XML,
        "nq": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
    }[key]
    quads = ox.parse(data, format=fmt)
    return set(quads) if key in ("nq", "trig") else {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


@pytest.mark.parametrize("key", list(RDF_FORMATS))
def test_export_and_the_dump_are_the_same_bytes_and_read_back_whole(key, mini_store, api_client):
    exported = export(mini_store, key)
    assert api_client.get(f"/dumps/budgetkg.{key}").content == exported
    quads = set(mini_store.raw)
    got = read_back(exported, key)
    if RDF_FORMATS[key].named_graphs:
        assert got == quads
    else:
        assert got == {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def test_triple_formats_write_a_statement_of_several_graphs_once(mini_store):
    nt = export(mini_store, "nt").decode().splitlines()
    assert len(nt) == len(set(nt)) == len({ox.Triple(q.subject, q.predicate, q.object) for q in mini_store.raw})


def assert_compacted(doc: dict) -> None:
    assert doc["@context"] == CONTEXT["@context"]
    text = json.dumps({k: v for k, v in doc.items() if k != "@context"}, ensure_ascii=False)
    # compacted: properties and classes of the vocabulary appear as bkg: terms, never as full IRIs
    assert '"bkg:' in text
    assert '"https://w3id.org/budgetkg/ontology#' not in text


def test_jsonld_is_compacted_everywhere(mini_store, api_client):
    assert_compacted(json.loads(export(mini_store, "jsonld")))
    assert_compacted(api_client.get("/dumps/budgetkg.jsonld").json())
    assert_compacted(api_client.get("/doc/" + quote(PLATFORM) + ".jsonld").json())
    r = api_client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    assert_compacted(r.json())


def test_a_construct_result_reads_back_the_same_in_every_graph_format(api_client):
    results = {}
    for key in ("ttl", "nt", "jsonld", "rdf"):
        r = api_client.get("/sparql", params={"query": CONSTRUCT, "format": key})
        assert r.status_code == 200, (key, r.text[:200])
        results[key] = {ox.Triple(q.subject, q.predicate, q.object) for q in read_back(r.content, key)}
    assert len(results["nt"]) == 50
    assert all(got == results["nt"] for got in results.values())


def test_unknown_format_is_refused():
    with pytest.raises(KeyError):
        serialize([], "xlsx")
