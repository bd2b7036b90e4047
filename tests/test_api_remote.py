"""``budgetkg serve --sparql-endpoint``: the service over a remote SPARQL 1.1 store (a private Virtuoso,
tests/virtuoso_server.py) answers like the service over the embedded store, behind the same walls.

The corpus graph is built once (``corpus_data_dir``) and put into Virtuoso graph by graph; one application
serves the embedded store, the other the Virtuoso endpoint (its read-only Graph Store for the dumps, no
credentials).  The same requests go to both and their answers are compared as RDF terms; then what the
remote store must refuse or cut short: updates, SERVICE, Virtuoso's own functions, results past the size
limit, queries past the deadline.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from kg.api.app import create_app
from kg.api.settings import Settings
from kg.queries import load_named_queries
from kg.remote import RemoteStore, push
from kg.store import Store
from tests.conftest import MANIFEST
from tests.test_portable_queries import concatenated

pytestmark = [pytest.mark.virtuoso, pytest.mark.slow]
NAMED = load_named_queries()
ID = "https://w3id.org/budgetkg/id/"


@pytest.fixture(scope="module")
def remote_corpus(corpus_data_dir, virtuoso_server):
    local = Store(corpus_data_dir, read_only=True)
    writer = RemoteStore(virtuoso_server.url, timeout=120)
    push(local, writer)
    yield local
    for g in local.named_graphs():
        writer.remove_graph(g)
    writer.close()


def reader(virtuoso_server, timeout: float = 60) -> RemoteStore:
    return RemoteStore(
        endpoint=virtuoso_server.url + "/sparql",
        graph_store=virtuoso_server.url + "/sparql-graph-crud",
        read_only=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def clients(remote_corpus, virtuoso_server, corpus_api_client):
    settings = Settings(query_timeout=120, query_workers=2)
    with TestClient(create_app(settings, reader(virtuoso_server))) as remote:
        yield corpus_api_client, remote


def solutions(body: bytes) -> Counter:
    rows = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in rows.variables]
    return Counter(tuple(str(r[n]) if r[n] is not None else None for n in names) for r in rows)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_named_query_answers_from_virtuoso_as_from_the_embedded_store(clients, name) -> None:
    local, remote = clients
    mine = local.get(f"/api/queries/{name}")
    theirs = remote.get(f"/api/queries/{name}")
    assert mine.status_code == theirs.status_code == 200, theirs.text
    joined = concatenated(NAMED[name].text)  # GROUP_CONCAT's order is the engine's: compare its parts

    def key(row: dict) -> tuple:
        return tuple(sorted((k, tuple(sorted(v.split(joined[k]))) if k in joined else v) for k, v in row.items()))

    assert Counter(map(key, theirs.json()["rows"])) == Counter(map(key, mine.json()["rows"]))
    assert theirs.json()["rows"] or name in ("responsibilities-without-funded-entity",), f"{name}: no rows to compare"


def test_sparql_select_construct_ask_like_the_embedded_store(clients) -> None:
    local, remote = clients
    select = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?project ?label ?amount WHERE { ?project bkg:funds ?x ; rdfs:label ?label . OPTIONAL { ?project bkg:amount ?amount } }"""
    accept = {"Accept": "application/sparql-results+json"}
    a, b = (c.post("/sparql", data={"query": select}, headers=accept) for c in (local, remote))
    assert a.status_code == b.status_code == 200 and b.headers["content-type"].startswith(
        "application/sparql-results+json"
    )
    assert solutions(a.content) == solutions(b.content) and sum(solutions(a.content).values()) > 5
    csv = remote.get("/sparql", params={"query": select}, headers={"Accept": "text/csv"})
    assert csv.status_code == 200 and csv.text.splitlines()[0] == "project,label,amount"
    construct = "CONSTRUCT { ?r a <https://w3id.org/budgetkg/ontology#Report> } WHERE { ?r a <https://w3id.org/budgetkg/ontology#Report> }"
    a, b = (
        c.get("/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"})
        for c in (local, remote)
    )
    assert set(ox.parse(a.content, format=ox.RdfFormat.N_TRIPLES)) == set(
        ox.parse(b.content, format=ox.RdfFormat.N_TRIPLES)
    )
    assert len(set(ox.parse(b.content, format=ox.RdfFormat.N_TRIPLES))) == len(MANIFEST)
    ask = remote.get(
        "/sparql", params={"query": "ASK { ?r a <https://w3id.org/budgetkg/ontology#Report> }"}, headers=accept
    )
    assert ask.json()["boolean"] is True


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_each_report_page_has_the_same_triples(clients, row) -> None:
    local, remote = clients
    phase = "budget" if row["phase"] == "部门预算" else "final-account"
    path = "/id/" + quote(f"report/{row['agency']}/{row['fiscal_year']}/{phase}")
    pages = []
    for c in (local, remote):
        r = c.get(path, headers={"Accept": "application/n-triples"})
        assert r.status_code == 200, r.text
        pages.append(set(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)))
    assert pages[0] == pages[1] and len(pages[0]) > 5
    html = remote.get(path, headers={"Accept": "text/html"})
    assert html.status_code == 200 and row["fiscal_year"] in html.text


def test_dumps_viewer_and_void_from_virtuoso(clients, remote_corpus) -> None:
    local, remote = clients
    quads = set(ox.parse(remote.get("/dumps/budgetkg.nq").content, format=ox.RdfFormat.N_QUADS))
    stored = set(remote_corpus.raw)

    def named(qs) -> set:  # blank nodes get the server's own labels: compared by count
        return {q for q in qs if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    assert named(quads) == named(stored) and len(quads) == len(stored)  # every quad of every graph, graphs kept
    for text in ("民生卡", "政务", "改革"):  # the same hits, labels and order from both stores
        hits = remote.get("/api/viz/search", params={"q": text}).json()
        assert hits == local.get("/api/viz/search", params={"q": text}).json() and hits, text
    first = remote.get("/api/viz/search", params={"q": "民生卡"}).json()[0]
    assert first["label"] == "民生卡"
    # the most-linked nodes the viewer draws, cut to a small limit: the same nodes kept on both stores
    hubs = [
        r["o"].value
        for r in remote_corpus.query(
            "SELECT ?o (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <https://w3id.org/budgetkg/ontology#classification> ?o } "
            "GROUP BY ?o ORDER BY DESC(?n) STR(?o) LIMIT 3",
            use_default_graph_as_union=True,
        )
    ]
    for iri, limit in [(first["id"], 300), *((h, 5) for h in hubs)]:
        a, b = (c.get("/api/viz/neighbourhood", params={"iri": iri, "limit": limit}).json() for c in (local, remote))
        assert [n["id"] for n in a["nodes"]] == [n["id"] for n in b["nodes"]], iri
        assert [(e["source"], e["predicate"], e["target"]) for e in a["edges"]] == [
            (e["source"], e["predicate"], e["target"]) for e in b["edges"]
        ]
        assert a["truncated"] == b["truncated"] == (limit == 5), iri

    # the pictures' own queries: a platform's funding over the years, each agency's spending by 类
    for path, param, iris in (
        ("/api/charts/platform-funding", "platform", [first["id"]]),
        (
            "/api/charts/agency-spending",
            "agency",
            sorted(
                {
                    r["a"].value
                    for r in remote_corpus.query(
                        "SELECT ?a WHERE { ?r <https://w3id.org/budgetkg/ontology#reportingAgency> ?a }",
                        use_default_graph_as_union=True,
                    )
                }
            ),
        ),
    ):
        for iri in iris:
            a, b = (c.get(path, params={param: iri}) for c in (local, remote))
            assert a.status_code == b.status_code == 200 and a.json() == b.json(), (path, iri)

    def void(c):
        return {
            (t.predicate.value, str(t.object))
            for t in ox.parse(
                c.get("/.well-known/void", headers={"Accept": "application/n-triples"}).content,
                format=ox.RdfFormat.N_TRIPLES,
            )
            if t.subject.value == ID + "dataset"
        }

    assert void(remote) == void(local)
    assert remote.get("/viz").status_code == 200


def test_what_the_remote_store_must_not_run(clients) -> None:
    _, remote = clients
    update = remote.post("/sparql", data={"update": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"})
    assert update.status_code in (403, 405)
    for query in (
        "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        'SELECT ?x WHERE { BIND(<bif:system>("id") AS ?x) }',
        'PREFIX b: <bif:> SELECT ?x WHERE { BIND(b:file_to_string("/etc/passwd") AS ?x) }',
        "PREFIX x: <http://example.org/> SELECT ?x WHERE { BIND(x:f(1) AS ?x) }",
        'SELECT ?x WHERE { ?x <bif:contains> "民生卡" }',
    ):
        r = remote.get("/sparql", params={"query": query})
        assert r.status_code == 403, (query, r.status_code, r.text)
    # Virtuoso's own syntax and prefixes are not SPARQL 1.1: malformed here, never passed on
    for query in (
        'SELECT (bif:file_to_string("/etc/passwd") AS ?x) WHERE { }',
        "DEFINE input:inference 'x' SELECT * { ?s ?p ?o }",
    ):
        assert remote.get("/sparql", params={"query": query}).status_code == 400, query
    # what SPARQL 1.1 has is served: its functions, XSD casts
    ok = 'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (xsd:integer("7") + STRLEN("民生卡") AS ?n) WHERE { }'
    r = remote.get("/sparql", params={"query": ok}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["n"]["value"] == "10"
    assert remote.get("/source/" + "0" * 64, params={"start": 0, "end": 1}).status_code == 404


def test_the_remote_store_fetches_nothing_a_query_names(clients) -> None:
    """A dataset named by the client (FROM, FROM NAMED, GRAPH, default-graph-uri, named-graph-uri) at an HTTP
    address is looked up in the store, never fetched from the network by it (Virtuoso's "sponger" fetches
    only on its own pragmas and parameters, which never pass: DEFINE is not SPARQL, the form is ours)."""
    import http.server
    import threading

    fetched: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fetched.append(self.path)
            body = b"<urn:a> <urn:b> <urn:c> .\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    _, remote = clients
    server = http.server.HTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/data.ttl"
    accept = {"Accept": "application/sparql-results+json"}
    try:
        for params in (
            {"query": f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}"},
            {"query": f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
            {"query": f"SELECT * WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}"},
            {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": url},
            {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "named-graph-uri": url},
        ):
            r = remote.get("/sparql", params=params, headers=accept)
            assert r.status_code == 200 and r.json()["results"]["bindings"] == [], (params, r.text)
        r = remote.get(
            "/sparql", params={"query": f'DEFINE get:soft "soft" SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}'}
        )
        assert r.status_code == 400
    finally:
        server.shutdown()
    assert fetched == []


def test_serve_options_that_exclude_each_other() -> None:
    budgetkg = str(Path(sys.executable).parent / "budgetkg")
    for argv, says in (
        (["--graph-store", "http://127.0.0.1:9/sparql-graph-crud"], "--graph-store needs --sparql-endpoint"),
        (["--store", "x", "--sparql-endpoint", "http://127.0.0.1:9/sparql"], "exclude each other"),
    ):
        r = subprocess.run([budgetkg, "serve", *argv], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and says in r.stderr, r.stderr


def test_limits_hold_against_the_remote_store(remote_corpus, virtuoso_server) -> None:
    everything = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    small = Settings(query_workers=1, max_result_bytes=10_000, query_timeout=60)
    with (
        TestClient(create_app(small, reader(virtuoso_server))) as remote,
        TestClient(create_app(small, remote_corpus)) as embedded,
    ):
        for accept in ("text/csv", "application/sparql-results+json", "text/tab-separated-values"):
            for c in (remote, embedded):  # 413 from both, never the deadline's 503
                r = c.get("/sparql", params={"query": everything}, headers={"Accept": accept})
                assert r.status_code == 413 and "LIMIT" in r.json()["error"], (accept, r.status_code, r.text)
        # what fits is answered whole, also a query whose text ends in a comment (the row cap goes on a new line)
        fits = "SELECT ?r WHERE { ?r a <https://w3id.org/budgetkg/ontology#Report> } # every report"
        a, b = (c.get("/sparql", params={"query": fits}, headers={"Accept": "text/csv"}) for c in (remote, embedded))
        assert a.status_code == b.status_code == 200 and sorted(a.text.split()) == sorted(b.text.split())
        assert len(a.text.split()) == len(MANIFEST) + 1
        # and an ordered one, which gets no row cap (Virtuoso sorts for a LIMIT of at most MaxSortedTopRows)
        ordered = "SELECT ?r WHERE { ?r a <https://w3id.org/budgetkg/ontology#Report> } ORDER BY DESC(STR(?r))"
        a, b = (c.get("/sparql", params={"query": ordered}, headers={"Accept": "text/csv"}) for c in (remote, embedded))
        assert a.status_code == b.status_code == 200 and a.text == b.text, a.text
    slow = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?b } GRAPH ?h { ?c ?q ?d } GRAPH ?i { ?e ?r ?f } }"
    with TestClient(
        create_app(Settings(query_workers=1, query_timeout=2), reader(virtuoso_server, timeout=2))
    ) as hurried:
        r = hurried.get("/sparql", params={"query": slow}, headers={"Accept": "application/sparql-results+json"})
        # never the partial count Virtuoso has when its time is up: 503 past the deadline, or 502 when
        # Virtuoso's cost estimator refuses the query before it runs
        assert r.status_code in (502, 503), r.text
        assert hurried.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # and the service goes on


def test_serve_command_on_a_sparql_endpoint(remote_corpus, virtuoso_server, tmp_path) -> None:
    import socket
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    budgetkg = str(Path(sys.executable).parent / "budgetkg")
    p = subprocess.Popen(
        [
            budgetkg,
            "serve",
            "--sparql-endpoint",
            virtuoso_server.url + "/sparql",
            "--graph-store",
            virtuoso_server.url + "/sparql-graph-crud",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/queries/reports", timeout=30)
                break
            except httpx.TransportError:
                assert p.poll() is None, p.stderr.read()
                time.sleep(0.5)
        assert r.status_code == 200 and len(r.json()["rows"]) == len(MANIFEST)
    finally:
        p.terminate()
        p.wait(30)
    bad = subprocess.run(
        [budgetkg, "serve", "--sparql-endpoint", "http://127.0.0.1:9/sparql", "--port", str(port)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode != 0 and "127.0.0.1:9" in bad.stderr and "Traceback" not in bad.stderr
