"""Full dumps in every format, VoID and DCAT, over the mini graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID

from tests.conftest import FIXTURES


def expected():
    store = ox.Store()
    store.load((FIXTURES / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG)
    quads = set(store)
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    return quads, triples


@pytest.mark.parametrize("ext", ["nq", "trig", "jsonld"])
def test_quad_dumps_keep_every_named_graph(api_client, ext):
    r = api_client.get(f"/dumps/budgetkg.{ext}")
    assert r.status_code == 200
    if ext == "jsonld":  # compacted with the published context; read back through rdflib
        ds = Dataset()
        ds.parse(data=r.content, format="json-ld")
        got = set(ox.parse(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS))
    else:
        got = set(ox.parse(r.content, format=ox.RdfFormat.N_QUADS if ext == "nq" else ox.RdfFormat.TRIG))
    assert got == expected()[0]


@pytest.mark.parametrize("ext, fmt", [("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml")])
def test_triple_dumps_are_the_merge_of_all_graphs(api_client, ext, fmt):
    r = api_client.get(f"/dumps/budgetkg.{ext}")
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    assert len(g) == len(expected()[1])


def test_unknown_dump_is_404(api_client):
    assert api_client.get("/dumps/budgetkg.xlsx").status_code == 404


def test_void_describes_counts_endpoint_dumps_and_graphs(api_client):
    g = Graph().parse(data=api_client.get("/.well-known/void").content, format="turtle")
    ds = URIRef("https://w3id.org/budgetkg/id/dataset")
    assert (ds, RDF.type, VOID.Dataset) in g
    assert int(g.value(ds, VOID.triples)) == len(expected()[0])
    assert str(g.value(ds, VOID.sparqlEndpoint)).endswith("/sparql")
    dumps = {str(u).rsplit("/", 1)[1] for u in g.objects(ds, VOID.dataDump)}
    assert dumps == {f"budgetkg.{e}" for e in ("nq", "trig", "ttl", "nt", "rdf", "jsonld")}
    assert len(set(g.objects(ds, VOID.subset))) == 2  # one per report graph


def test_dcat_catalogue_has_distributions_and_service(api_client):
    g = Graph().parse(data=api_client.get("/catalog", headers={"Accept": "application/ld+json"}).content,
                      format="json-ld")
    ds = URIRef("https://w3id.org/budgetkg/id/dataset")
    assert len(set(g.objects(ds, DCAT.distribution))) == 6
    for dist in g.objects(ds, DCAT.distribution):
        assert g.value(dist, DCAT.downloadURL) is not None and g.value(dist, DCAT.mediaType) is not None
    services = set(g.subjects(RDF.type, DCAT.DataService))
    assert len(services) == 1 and str(g.value(services.pop(), DCAT.endpointURL)).endswith("/sparql")
