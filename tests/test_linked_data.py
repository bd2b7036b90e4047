"""Linked-data clients read what budgetkg publishes: JSON-LD round-trips through an independent processor
(PyLD: expand → compact with the published context → the same graph), and every /doc page's linked Turtle
parses in rdflib with no warning.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from conftest import CORPUS, read_report_once
from pyld import jsonld
from rdflib import Dataset, Graph
from test_mapping import BUILD, CASES, load_case

from kg.formats import CONTEXT, serialize
from kg.mapping import map_report

ID = "https://w3id.org/budgetkg/id/"


@pytest.fixture(autouse=True, scope="module")
def no_network_for_json_ld():
    """Every context is inline: a processor that tried to fetch one would fail the test, not the network."""

    def refuse(url, options=None):
        raise AssertionError(f"JSON-LD processor tried to load {url}")

    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(refuse)
    yield
    jsonld.set_document_loader(previous)


def quads_of_rdflib(ds: Dataset) -> set[ox.Quad]:
    return set(ox.parse(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS))


def report_quads(name: str) -> list[ox.Quad]:
    """The quads of a golden case of test_mapping, or of corpus report 003 read with entities (name "003").
    Mapped when the test runs, not at import: collecting the module costs nothing."""
    if name != "003":
        return map_report(load_case(name).REPORT, build=BUILD).quads
    from kg.resolve import default_resolver

    real = read_report_once(CORPUS / "003_ed709ab5de35a9c8.txt", entities=True)
    return map_report(real, resolver=default_resolver(), build=BUILD).quads


# the constructed cases in the fast loop; the real report (a JSON-LD round trip of thousands of quads) in the full one
@pytest.mark.parametrize("name", [*CASES, pytest.param("003", marks=pytest.mark.slow)])
def test_json_ld_expands_and_compacts_back_to_the_same_graph(name) -> None:
    quads = report_quads(name)
    doc = json.loads(serialize(quads, "jsonld"))
    assert doc["@context"] == CONTEXT["@context"]  # compacted with the context /context.jsonld publishes
    assert "bkg:amount" in json.dumps(doc, ensure_ascii=False) or name == "minimal"
    expanded = jsonld.expand(doc)
    compacted = jsonld.compact(expanded, CONTEXT)
    again = Dataset()
    again.parse(data=json.dumps(compacted, ensure_ascii=False), format="json-ld")
    assert quads_of_rdflib(again) == set(quads)
    # and the independent processor's own RDF is the same quads
    nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads"})
    assert set(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)) == set(quads)


def test_the_published_context_is_the_one_documents_use(api_client) -> None:
    assert api_client.get("/context.jsonld").json() == CONTEXT


# --- /doc pages: their linked Turtle parses with no warning -----------------------------------------------------


class Caught(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def parse_without_warnings(data: bytes, fmt: str = "turtle") -> Graph:
    """rdflib's parse, failing on any warning it issues (Python warnings or log records, e.g. a literal whose
    lexical form does not fit its datatype, or an IRI rdflib finds invalid)."""
    handler = Caught()
    logger = logging.getLogger("rdflib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            g = Graph().parse(data=data, format=fmt)
    finally:
        logger.removeHandler(handler)
    assert not caught, [str(w.message) for w in caught]
    assert not handler.records, [r.getMessage() for r in handler.records]
    return g


TURTLE_LINK = re.compile(r'<link rel="alternate" type="text/turtle" href="([^"]+)">')


def resources(store) -> list[str]:
    rows = store.query(
        'SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER (isIRI(?s) && STRSTARTS(STR(?s), "' + ID + '")) }',
        use_default_graph_as_union=True,
    )
    return sorted(r["s"].value for r in rows)


def check_page(client, iri: str) -> None:
    page = client.get("/doc/" + iri[len(ID) :], headers={"Accept": "text/html"})
    assert page.status_code == 200, iri
    links = TURTLE_LINK.findall(page.text)
    assert len(links) == 1, f"{iri}: the page links its Turtle once"
    ttl = client.get(links[0])
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle"), iri
    g = parse_without_warnings(ttl.content)
    assert any(str(s) == iri for s in g.subjects()), f"{iri}: its Turtle says nothing about it"
    assert unquote(links[0]).startswith("/doc/")


def test_every_doc_page_of_the_mini_graph_links_turtle_that_parses_cleanly(api_client, mini_store) -> None:
    pages = resources(mini_store)
    assert len(pages) > 20
    for iri in pages:
        check_page(api_client, iri)


@pytest.mark.slow
def test_every_doc_page_of_the_corpus_links_turtle_that_parses_cleanly(corpus_api_client) -> None:
    """Every resource of the corpus graph: the Turtle its /doc page links parses with no warning; the pages
    themselves are fetched over the app for one resource of every class (and the untyped ones, e.g. selectors)."""
    from kg.api import describe as d

    store = corpus_api_client.store
    pages = resources(store)
    assert len(pages) > 10000
    for iri in pages:
        parse_without_warnings(serialize(d.describe(store, ox.NamedNode(iri)), "ttl"))
    typed = store.query(
        'SELECT ?c (SAMPLE(?s) AS ?one) WHERE { ?s a ?c FILTER STRSTARTS(STR(?s), "' + ID + '") } GROUP BY ?c',
        use_default_graph_as_union=True,
    )
    samples = {r["one"].value for r in typed}
    samples |= set(
        [p for p in pages if p.endswith("/evidence/position")][:1]
        + [p for p in pages if p.endswith("/evidence/quote")][:1]
    )
    for iri in sorted(samples):
        check_page(corpus_api_client, iri)
