"""The remote store (SPARQL 1.1 Protocol and Graph Store Protocol) against a real Virtuoso open source server.

The server is private to the test session (tests/virtuoso_server.py: its own database, ports and process);
without Virtuoso installed the tests are skipped and the reason is printed.
"""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest

from kg.mapping import map_report
from kg.ontology import ontology_quads
from kg.remote import RemoteStore, RemoteTimeout, RemoteTruncated, push
from kg.resolve import default_resolver
from kg.store import Store

pytestmark = pytest.mark.virtuoso

G = "https://w3id.org/budgetkg/id/test-remote/"


@pytest.fixture(scope="module")
def virtuoso(virtuoso_server):
    remote = RemoteStore(virtuoso_server.url)
    yield remote
    for g in remote.named_graphs():
        if "/test-remote/" in g:
            remote.remove_graph(g)
    remote.close()


def q(s: str, p: str, o, graph: str | None = None) -> ox.Quad:
    return ox.Quad(ox.NamedNode(G + s), ox.NamedNode(G + p), o, ox.NamedNode(G + "graph/" + (graph or s[0])))


def test_graph_store_protocol_put_replace_delete(virtuoso: RemoteStore) -> None:
    g_a, g_b = G + "graph/a", G + "graph/b"
    virtuoso.replace_graph(g_a, [q("a1", "label", ox.Literal("民生卡", language="zh")), q("a2", "n", ox.Literal("1"))])
    virtuoso.replace_graph(g_b, [q("b1", "n", ox.Literal("2"))])
    assert {g_a, g_b} <= set(virtuoso.named_graphs())
    got = list(ox.parse(virtuoso.dump("nt", g_a), format=ox.RdfFormat.N_TRIPLES))
    assert ox.Literal("民生卡", language="zh") in {t.object for t in got} and len(got) == 2
    # PUT replaces only that graph
    virtuoso.replace_graph(g_a, [q("a3", "n", ox.Literal("3"))])
    assert [t.subject.value for t in ox.parse(virtuoso.dump("nt", g_a), format=ox.RdfFormat.N_TRIPLES)] == [G + "a3"]
    assert len(list(ox.parse(virtuoso.dump("nt", g_b), format=ox.RdfFormat.N_TRIPLES))) == 1
    virtuoso.remove_graph(g_a)
    assert g_a not in virtuoso.named_graphs()


def test_a_report_graph_pushed_to_virtuoso_answers_the_funding_question(virtuoso: RemoteStore) -> None:
    """A hand-made report mapped locally, pushed graph by graph, queried on the server (Chinese IRIs and labels)."""
    from test_queries import hand_made_reports

    local = Store()
    local.add(ontology_quads())
    reports = [map_report(r, resolver=default_resolver()) for r in hand_made_reports()]
    for r in reports:
        local.add(r.quads)
    graphs = [r.iri for r in reports]
    try:
        assert push(local, virtuoso, graphs) == len(graphs)
        rows = virtuoso.query(
            """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?year (SUM(?amount) AS ?funding) WHERE {
              { SELECT DISTINCT ?report ?project ?amount WHERE {
                  GRAPH ?report { ?project bkg:funds ?e ; bkg:amount ?amount . ?e skos:prefLabel "民生卡"@zh } } }
              GRAPH ?report { ?report bkg:fiscalYear ?year }
            } GROUP BY ?year ORDER BY ?year"""
        )
        assert [(r["year"].value, Decimal(r["funding"].value)) for r in rows] == [
            ("2018", Decimal("300000")),
            ("2024", Decimal("140000")),
        ]
        for g in graphs:  # the same triples came back
            assert {
                ox.Triple(t.subject, t.predicate, t.object)
                for t in ox.parse(virtuoso.dump("nt", g), format=ox.RdfFormat.N_TRIPLES)
            } == {
                ox.Triple(x.subject, x.predicate, x.object)
                for x in local.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))
            }
    finally:
        for g in graphs:
            virtuoso.remove_graph(g)


def test_substitutions_bind_like_pyoxigraph(virtuoso: RemoteStore) -> None:
    """The server's own queries bind a resource by substitution; on a remote store, by a VALUES block."""
    g = G + "graph/s"
    virtuoso.replace_graph(
        g, [q("s1", "label", ox.Literal("政务晓屋", language="zh"), "s"), q("s2", "label", ox.Literal("x"), "s")]
    )
    try:
        text = "SELECT ?l WHERE { ?r ?p ?l }"
        rows = virtuoso.query(text, substitutions={ox.Variable("r"): ox.NamedNode(G + "s1")})
        assert [r["l"] for r in rows] == [ox.Literal("政务晓屋", language="zh")]
        assert bool(virtuoso.query("ASK { ?r ?p ?o }", substitutions={ox.Variable("r"): ox.NamedNode(G + "s2")}))
        assert not bool(virtuoso.query("ASK { ?r ?p ?o }", substitutions={ox.Variable("r"): ox.NamedNode(G + "none")}))
    finally:
        virtuoso.remove_graph(g)


@pytest.fixture(scope="module")
def strict_virtuoso(tmp_path_factory):
    """A second private server with a row limit of 50, as a stock server has one of 10,000."""
    from virtuoso_server import Virtuoso, available

    if available():
        pytest.skip(available())
    with Virtuoso.start(tmp_path_factory.mktemp("virtuoso-strict"), max_rows=50) as server:
        store = RemoteStore(server.url)
        yield store
        store.close()


@pytest.mark.slow  # a server of its own (a few seconds to start)
def test_a_result_or_graph_cut_at_the_servers_row_limit_is_an_error_never_rows(strict_virtuoso: RemoteStore) -> None:
    g = G + "graph/big"
    strict_virtuoso.replace_graph(g, [q(f"t{i}", "n", ox.Literal(str(i)), "big") for i in range(120)])
    with pytest.raises(RemoteTruncated, match="cut the result at 50 rows"):
        strict_virtuoso.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(list(strict_virtuoso.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 40"))) == 40
    # Virtuoso's Graph Store GET cuts the graph at the same limit and says nothing: the count catches it
    with pytest.raises(RemoteTruncated, match=r"gave 5\d of the 120 triples"):  # (51: one past its limit)
        strict_virtuoso.dump("nt", g)


@pytest.mark.slow
def test_a_query_past_its_time_is_an_error_not_the_partial_answer_virtuoso_returns(virtuoso: RemoteStore) -> None:
    """Past the timeout Virtuoso answers 200 with what it has so far (an "anytime" query), flagged only
    by a header: that must never reach a caller as rows."""
    g = G + "graph/t"
    virtuoso.replace_graph(g, [q(f"t{i}", "n", ox.Literal(str(i)), "t") for i in range(3000)])
    try:
        slow = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?a ?b ?c . ?d ?e ?f . ?h ?i ?j }}
                   FILTER (STRLEN(CONCAT(STR(?c), STR(?f), STR(?j))) = 7) }}"""
        with pytest.raises(RemoteTimeout):
            virtuoso.query(slow, timeout=0.5)
    finally:
        virtuoso.remove_graph(g)
