"""The remote store (SPARQL 1.1 Graph Store Protocol) against a real Virtuoso open source server.

scripts/install-services.sh installs Debian's virtuoso-opensource; the fixture starts it when it is not
running (as root) and stops it again.  Without Virtuoso the tests are skipped, and the reason is printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from decimal import Decimal

import httpx
import pyoxigraph as ox
import pytest

from kg.build import ontology_quads
from kg.mapping import map_report
from kg.remote import RemoteStore, push
from kg.resolve import default_resolver
from kg.store import Store

pytestmark = pytest.mark.virtuoso

URL = os.environ.get("BUDGETKG_VIRTUOSO_URL", "http://127.0.0.1:8890")
SERVICE = "virtuoso-opensource-7"


def _up() -> bool:
    try:
        return httpx.get(f"{URL}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def virtuoso():
    started = False
    if not _up():
        if shutil.which("virtuoso-t") is None:
            reason = "Virtuoso is not installed (run scripts/install-services.sh as root)"
            print(f"SKIP: {reason}")
            pytest.skip(reason)
        if os.geteuid() != 0:
            reason = "Virtuoso is installed but not running, and only root can start it"
            print(f"SKIP: {reason}")
            pytest.skip(reason)
        subprocess.run(["service", SERVICE, "start"], check=False, capture_output=True, timeout=120)
        started = True
        for _ in range(120):
            if _up():
                break
            time.sleep(0.5)
        else:
            reason = f"Virtuoso did not answer at {URL}/sparql after `service {SERVICE} start`"
            print(f"SKIP: {reason}")
            pytest.skip(reason)
    remote = RemoteStore(URL)
    yield remote
    for g in remote.named_graphs():
        if "/test-remote/" in g:
            remote.remove_graph(g)
    remote.close()
    if started:
        subprocess.run(["service", SERVICE, "stop"], check=False, capture_output=True, timeout=120)


G = "https://w3id.org/budgetkg/id/test-remote/"


def q(s: str, p: str, o) -> ox.Quad:
    return ox.Quad(ox.NamedNode(G + s), ox.NamedNode(G + p), o, ox.NamedNode(G + "graph/" + s[0]))


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
        assert [(r["year"].value, Decimal(r["funding"].value)) for r in rows] == [("2018", Decimal("300000")), ("2024", Decimal("140000"))]
        for g in graphs:  # the same triples came back
            assert {ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(virtuoso.dump("nt", g), format=ox.RdfFormat.N_TRIPLES)} == {
                ox.Triple(x.subject, x.predicate, x.object) for x in local.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))
            }
    finally:
        for g in graphs:
            virtuoso.remove_graph(g)
