"""Issue 16, item 7: the smaller holes — HEAD, Accept with q=0, the Host header in VoID and DCAT, slow
clients, and one client's share of the workers."""

from __future__ import annotations

import asyncio
import socket
import time

import httpx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from kg.api.app import create_app
from kg.api.settings import Settings
from tests.conftest import FIXTURES, serve_in_thread, start_server_process

PAGES = [
    "/",
    "/sparql?query=ASK%7B%7D",
    "/doc/platform/%E6%B0%91%E7%94%9F%E5%8D%A1.ttl",
    "/.well-known/void",
    "/catalog",
    "/api/queries",
    "/context.jsonld",
    "/dumps",
    "/viz",
]


@pytest.mark.parametrize("path", PAGES)
def test_head_is_get_without_a_body(api_client, path):
    get = api_client.get(path)
    head = api_client.head(path)
    assert get.status_code == 200
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_head_of_a_missing_page_is_404_without_a_body(api_client):
    r = api_client.head("/doc/platform/nothing-here.ttl")
    assert r.status_code == 404 and r.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/id/platform/%E6%B0%91%E7%94%9F%E5%8D%A1",
        "/doc/platform/%E6%B0%91%E7%94%9F%E5%8D%A1",
        "/sparql?query=ASK%7B%7D",
        "/.well-known/void",
    ],
)
@pytest.mark.parametrize(
    "accept", ["text/html;q=0, */*;q=0", "*/*;q=0", "text/turtle;q=0, application/sparql-results+json;q=0, */*;q=0"]
)
def test_accept_that_refuses_everything_is_406(api_client, path, accept):
    r = api_client.get(path, headers={"Accept": accept}, follow_redirects=False)
    assert r.status_code == 406, (path, accept, r.status_code)


def test_q_zero_excludes_one_type_and_keeps_the_rest(api_client):
    r = api_client.get(
        "/id/platform/%E6%B0%91%E7%94%9F%E5%8D%A1", headers={"Accept": "text/html;q=0, */*"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].endswith(".ttl")  # anything but HTML: Turtle
    r = api_client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json;q=0, */*;q=0.5"}
    )
    assert r.status_code == 200 and "json" not in r.headers["content-type"]


def test_the_host_header_is_not_echoed_into_void_or_dcat(mini_store):
    settings = Settings(queries_dir=FIXTURES / "queries", query_workers=1, public_url="https://budget.example.org/kg")
    with TestClient(create_app(settings, mini_store)) as client:
        for path in ("/.well-known/void", "/catalog"):
            r = client.get(path, headers={"Host": "evil.example", "Accept": "application/n-triples"})
            assert r.status_code == 200
            assert "evil.example" not in r.text
            iris = {
                t.object.value
                for t in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)
                if isinstance(t.object, ox.NamedNode)
            }
            assert "https://budget.example.org/kg/sparql" in iris
    # unset: the address the server was told to listen on, never what a client claims
    with TestClient(create_app(Settings(queries_dir=FIXTURES / "queries", query_workers=1), mini_store)) as client:
        r = client.get("/.well-known/void", headers={"Host": "evil.example", "Accept": "application/n-triples"})
        assert "evil.example" not in r.text and "http://127.0.0.1:8000/sparql" in r.text


def _raw(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    return s


def _closed_within(s: socket.socket, seconds: float) -> bytes | None:
    """What the server sent before closing, if it closed within ``seconds`` (None if it did not)."""
    s.settimeout(seconds)
    got = b""
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                return got
            got += chunk
    except TimeoutError:
        return None
    except ConnectionResetError:
        return got


@pytest.mark.slow
def test_slow_clients_are_timed_out_and_others_are_served(mini_store_dir):
    url, proc = start_server_process(
        mini_store_dir,
        {
            "BUDGETKG_READ_TIMEOUT": "2",
            "BUDGETKG_QUERY_WORKERS": "1",
            "BUDGETKG_QUERIES_DIR": str(FIXTURES / "queries"),
        },
    )
    port = int(url.rsplit(":", 1)[1])
    try:
        silent = _raw(port)  # connects and says nothing
        trickle = _raw(port)  # sends its headers one byte at a time (Slowloris)
        body = _raw(port)  # sends its headers, then a body it never finishes
        body.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 100\r\n\r\nASK"
        )
        request = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 200
        deadline = time.monotonic() + 20
        sent = 0
        closed_trickle = None
        while time.monotonic() < deadline and sent < len(request):
            try:
                trickle.send(request[sent : sent + 1])
            except (BrokenPipeError, ConnectionResetError):
                closed_trickle = b""
                break
            sent += 1
            # meanwhile the server answers everybody else
            assert httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=10).status_code == 200
            time.sleep(0.2)
        if closed_trickle is None:
            closed_trickle = _closed_within(trickle, 10)
        assert closed_trickle is not None and sent < len(request), "a trickling client kept its connection"
        for s in (silent, body):
            got = _closed_within(s, 10)
            assert got is not None and got.startswith(b"HTTP/1.1 408"), got
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.mark.slow  # fast loop: test_hardening's pathological query
def test_one_client_cannot_take_every_worker(mini_store):
    """Three slow queries from one client used to block every SPARQL user until they timed out."""
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    settings = Settings(queries_dir=FIXTURES / "queries", query_workers=3, query_timeout=4, queue_timeout=30)
    url, server, thread = serve_in_thread(create_app(settings, mini_store))

    async def scenario():
        async with httpx.AsyncClient(base_url=url, timeout=60) as greedy:
            hogs = [asyncio.create_task(greedy.get("/sparql", params={"query": slow})) for _ in range(3)]
            await asyncio.sleep(0.5)
            # another client (here: another loopback address) is answered while the hogs run
            transport = httpx.AsyncHTTPTransport(local_address="127.0.0.2")
            async with httpx.AsyncClient(base_url=url, timeout=60, transport=transport) as other:
                r = await other.get("/sparql", params={"query": "ASK {}"})
                answered_while_busy = not all(h.done() for h in hogs)
            return r.status_code, answered_while_busy, [(await h).status_code for h in hogs]

    try:
        status, answered_while_busy, hog_codes = asyncio.run(scenario())
    finally:
        server.should_exit = True
        thread.join(15)
    assert status == 200 and answered_while_busy
    assert sorted(hog_codes) == [503, 503, 503]  # each hog still timed out on its own worker, in turn
