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
    assert int(g.value(ds, VOID.triples)) == len(expected()[1])  # the merge: what the Turtle dump holds
    assert str(g.value(ds, VOID.sparqlEndpoint)).endswith("/sparql")
    dumps = {str(u).rsplit("/", 1)[1] for u in g.objects(ds, VOID.dataDump)}
    assert dumps == {f"budgetkg.{e}" for e in ("nq", "trig", "ttl", "nt", "rdf", "jsonld")}
    assert len(set(g.objects(ds, VOID.subset))) == 2  # one per report graph


def test_dcat_catalogue_has_distributions_and_service(api_client):
    g = Graph().parse(
        data=api_client.get("/catalog", headers={"Accept": "application/ld+json"}).content, format="json-ld"
    )
    ds = URIRef("https://w3id.org/budgetkg/id/dataset")
    assert len(set(g.objects(ds, DCAT.distribution))) == 6
    for dist in g.objects(ds, DCAT.distribution):
        assert g.value(dist, DCAT.downloadURL) is not None and g.value(dist, DCAT.mediaType) is not None
    services = set(g.subjects(RDF.type, DCAT.DataService))
    assert len(services) == 1 and str(g.value(services.pop(), DCAT.endpointURL)).endswith("/sparql")


def void_counts_in_python(store: ox.Store) -> dict:
    """The VoID statistics counted by walking the store's quads in Python (not by the API's SPARQL)."""
    id_space = "https://w3id.org/budgetkg/id/"
    rdf_type = ox.NamedNode(str(RDF.type))
    triples = {(q.subject, q.predicate, q.object) for q in store}
    classes: dict[str, set] = {}
    for s, p, o in triples:
        if p == rdf_type and isinstance(o, ox.NamedNode):
            classes.setdefault(o.value, set()).add(s)
    properties: dict[str, int] = {}
    for _, p, _ in triples:
        properties[p.value] = properties.get(p.value, 0) + 1
    graphs: dict[str, int] = {}
    for q in store:
        if isinstance(q.graph_name, ox.NamedNode):
            graphs[q.graph_name.value] = graphs.get(q.graph_name.value, 0) + 1
    return {
        "triples": len(triples),
        "entities": len({s for s, _, _ in triples if isinstance(s, ox.NamedNode) and s.value.startswith(id_space)}),
        "properties": len(properties),
        "classes": len(classes),
        "class_partitions": {c: len(members) for c, members in classes.items()},
        "property_partitions": properties,
        "graphs": graphs,
    }


def void_counts_served(g: Graph) -> dict:
    ds = URIRef("https://w3id.org/budgetkg/id/dataset")
    return {
        **{key: int(g.value(ds, VOID[key])) for key in ("triples", "entities", "properties", "classes")},
        "class_partitions": {
            str(g.value(p, VOID["class"])): int(g.value(p, VOID.entities)) for p in g.objects(ds, VOID.classPartition)
        },
        "property_partitions": {
            str(g.value(p, VOID.property)): int(g.value(p, VOID.triples)) for p in g.objects(ds, VOID.propertyPartition)
        },
        "graphs": {str(sub): int(g.value(sub, VOID.triples)) for sub in g.objects(ds, VOID.subset)},
    }


def test_void_statistics_are_true_counts_of_the_store(api_client):
    """void:triples, void:entities, void:properties, void:classes, every class and property partition and every
    report graph's void:triples equal what a walk over the store's quads counts."""
    g = Graph().parse(data=api_client.get("/.well-known/void").content, format="turtle")
    store = ox.Store()
    store.load((FIXTURES / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG)
    served, counted = void_counts_served(g), void_counts_in_python(store)
    assert served == counted
    assert counted["triples"] < len(set(store))  # the fixture states some triples in two graphs: counted once


@pytest.mark.slow
def test_void_statistics_of_the_corpus_are_true_counts(corpus_api_client):
    g = Graph().parse(data=corpus_api_client.get("/.well-known/void").content, format="turtle")
    assert void_counts_served(g) == void_counts_in_python(corpus_api_client.store.raw)
