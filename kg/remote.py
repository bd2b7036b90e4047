"""A remote SPARQL 1.1 store: queries over the SPARQL 1.1 Protocol, graphs over the Graph Store Protocol
(https://www.w3.org/TR/sparql11-protocol/, https://www.w3.org/TR/sparql11-http-rdf-update/).

Same small surface as :class:`kg.store.Store` (``query``, ``replace_graph``, ``remove_graph``, ``dump``,
``named_graphs``, ``len``), so the build can publish to it and the API can serve from it.  One named
graph per report, so replacing a report is one ``PUT``: the server swaps the graph's content in one
request, and a build that dies between two PUTs leaves every graph either old or new.

The reference server is Virtuoso open source (Debian ``virtuoso-opensource``): SPARQL at ``/sparql``,
authenticated Graph Store Protocol at ``/sparql-graph-crud-auth`` (HTTP digest), read-only at
``/sparql-graph-crud``.  What it does that a caller must never take for an answer is turned into
an error here (:class:`RemoteError`), never into rows:

* past its ``MaxQueryExecutionTime`` (or the ``timeout`` we send) it answers 200 with the rows it had
  so far — often none — flagged only by ``X-SQL-State: S1TAT`` ("anytime query"): :class:`RemoteTimeout`;
* past ``ResultSetMaxRows`` it cuts a result, flagged by ``X-SPARQL-MaxRows``, and cuts a Graph Store
  ``GET`` *without any flag*: a graph read is checked against its ``COUNT``: :class:`RemoteTruncated`;
* it does not answer a POST of ``application/sparql-query`` at all, so queries go as a form.

Query results come back as SPARQL JSON or N-Triples and are parsed by pyoxigraph, so callers get the
same ``QuerySolutions`` / ``QueryBoolean`` / triples as from the embedded store.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator

import httpx
import pyoxigraph as ox

from kg import iri

MEDIA = {
    "nt": "application/n-triples",
    "ttl": "text/turtle",
    "nq": "application/n-quads",
    "trig": "application/trig",
}
#: What we ask the endpoint for: results as SPARQL JSON, graphs as N-Triples (both parsed by pyoxigraph).
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8"
PARSERS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class RemoteError(Exception):
    """The remote store could not answer (HTTP 502/503 from the API)."""


class RemoteTimeout(RemoteError):
    """The query did not finish in time on the remote store (its partial answer is not an answer)."""


class RemoteTruncated(RemoteError):
    """The remote store cut a result at its own row limit."""


class RemoteTooLarge(RemoteError):
    """The remote store's answer is larger than the caller accepts."""


class RemoteStore:
    """``RemoteStore("http://host:8890")`` (Virtuoso's paths under one base), or with ``endpoint=`` (the
    SPARQL query URL) and ``graph_store=`` (the Graph Store URL, for dumps; writes go to ``gsp``)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        endpoint: str | None = None,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        gsp_path: str = "/sparql-graph-crud-auth",
        query_path: str = "/sparql",
        timeout: float = 120.0,
        read_only: bool = False,
    ) -> None:
        if url is None and endpoint is None:
            raise ValueError("a remote store needs a base URL or a SPARQL endpoint URL")
        self.url = (url or endpoint or "").rstrip("/")
        self.endpoint = endpoint or self.url + query_path
        self.gsp = "" if read_only else (self.url + gsp_path) if url else (graph_store or "")
        self.graph_store = graph_store or self.gsp  # where graphs are read (dumps); none: SPARQL CONSTRUCT
        self.read_only = read_only
        self.timeout = timeout
        self.client: httpx.Client | None = None  # writes: with credentials, never made for a read-only store
        if not read_only:
            user = user or os.environ.get("BUDGETKG_REMOTE_USER", "dba")
            password = password or os.environ.get("BUDGETKG_REMOTE_PASSWORD", "dba")
            self.client = httpx.Client(auth=httpx.DigestAuth(user, password), timeout=timeout)
        self.reader = httpx.Client(timeout=timeout)  # queries and reads carry no credentials
        self.path = None  # not a local directory
        self.data_dir = None
        self._virtuoso: bool | None = None

    @property
    def raw(self) -> RemoteStore:
        return self

    def config(self) -> dict:
        """How another process opens this store read-only (the API's query workers)."""
        return {"endpoint": self.endpoint, "graph_store": self.graph_store, "timeout": self.timeout}

    @classmethod
    def reading(cls, config: dict) -> RemoteStore:
        return cls(
            endpoint=config["endpoint"],
            graph_store=config.get("graph_store") or None,
            timeout=float(config.get("timeout", 120.0)),
            read_only=True,
        )

    def _writer(self) -> httpx.Client:
        if self.client is None or not self.gsp:
            raise RemoteError("this remote store is read-only (no Graph Store URL with credentials)")
        return self.client

    # --- SPARQL 1.1 Protocol --------------------------------------------------------------------
    @property
    def virtuoso(self) -> bool:
        """Whether the endpoint is Virtuoso (its ``Server`` header): it takes a ``timeout`` in ms."""
        if self._virtuoso is None:
            try:
                r = self.reader.post(self.endpoint, data={"query": "ASK {}"}, headers={"Accept": ACCEPT})
            except httpx.HTTPError as exc:
                raise RemoteError(
                    f"the SPARQL store at {self.endpoint} cannot be reached ({type(exc).__name__})"
                ) from None
            self._virtuoso = "virtuoso" in r.headers.get("server", "").lower()
        return self._virtuoso

    def fetch(
        self,
        sparql: str,
        *,
        accept: str = ACCEPT,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
        timeout: float | None = None,
        max_bytes: int | None = None,
    ) -> tuple[bytes, str]:
        """The endpoint's answer to ``sparql``: (body, media type).  Raises :class:`RemoteError`
        (:class:`RemoteTimeout`, :class:`RemoteTruncated`, :class:`RemoteTooLarge`) for anything
        that is not a whole answer."""
        timeout = self.timeout if timeout is None else timeout
        form: dict[str, str | list[str]] = {"query": sparql}
        if default_graphs:
            form["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            form["named-graph-uri"] = list(named_graphs)
        if self.virtuoso:
            form["timeout"] = str(max(1, int(timeout * 1000)))
        try:
            with self.reader.stream(
                "POST",
                self.endpoint,
                data=form,
                headers={"Accept": accept},
                timeout=httpx.Timeout(timeout + 5, connect=10),
            ) as r:
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if max_bytes is not None and len(body) > max_bytes:
                        raise RemoteTooLarge(f"the SPARQL store's answer is larger than {max_bytes} bytes")
        except httpx.TimeoutException:
            raise RemoteTimeout(f"the SPARQL store did not answer within {timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"the SPARQL store at {self.endpoint} cannot be reached ({type(exc).__name__})") from None
        check_answer(r, bytes(body))
        return bytes(body), r.headers.get("content-type", "").split(";")[0].strip().lower()

    def query(
        self,
        sparql: str,
        *,
        use_default_graph_as_union: bool = True,
        substitutions: dict | None = None,
        default_graph=None,
        named_graphs=None,
        timeout: float | None = None,
        max_bytes: int | None = None,
    ):
        """SELECT/ASK → pyoxigraph query results; CONSTRUCT/DESCRIBE → triples.  Without a dataset the
        endpoint's default graph is used: the union of its graphs in Virtuoso, as ``use_default_graph_as_union``
        makes it in pyoxigraph.  ``substitutions`` ({Variable: term}) bind variables as pyoxigraph does,
        by VALUES blocks in the text (:func:`kg.queries.bind_terms`)."""
        if substitutions:
            from kg.queries import bind_terms

            sparql = bind_terms(sparql, {var.value: str(term) for var, term in substitutions.items()})
        graphs = [default_graph] if isinstance(default_graph, ox.NamedNode) else list(default_graph or [])
        from kg.sparqltext import query_form

        # a graph as N-Triples: asked for JSON, Virtuoso writes a CONSTRUCT's triples as s/p/o solutions
        accept = GRAPH_ACCEPT if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else ACCEPT
        body, kind = self.fetch(
            sparql,
            accept=accept,
            default_graphs=[g.value for g in graphs],
            named_graphs=[g.value for g in named_graphs or []],
            timeout=timeout,
            max_bytes=max_bytes,
        )
        return parse_answer(body, kind)

    def __len__(self) -> int:
        """Triples in our graphs (the server keeps graphs of its own)."""
        rows = self.query(
            f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{iri.BASE}") }}'
        )
        return int(next(iter(rows))["n"].value)

    def named_graphs(self) -> list[str]:
        """Our graphs only (the server has system graphs of its own)."""
        rows = self.query(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{iri.BASE}") }}'
        )
        return sorted(row["g"].value for row in rows)

    def graph_size(self, graph: str) -> int:
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            substitutions={ox.Variable("g"): ox.NamedNode(graph)},
        )
        return int(next(iter(rows))["n"].value)

    # --- Graph Store Protocol ----------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """PUT: the graph's content becomes exactly these triples."""
        body = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
        r = self._writer().put(
            self.gsp, params={"graph-uri": graph}, content=body, headers={"Content-Type": MEDIA["nt"]}
        )
        r.raise_for_status()

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """POST each graph's triples (adds to what the graph holds)."""
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise ValueError(f"a quad outside a named graph cannot be sent by the Graph Store Protocol: {q}")
            by_graph[q.graph_name.value].append(ox.Triple(q.subject, q.predicate, q.object))
        for graph, triples in by_graph.items():
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            r = self._writer().post(
                self.gsp, params={"graph-uri": graph}, content=body, headers={"Content-Type": MEDIA["nt"]}
            )
            r.raise_for_status()

    def remove_graph(self, graph: str) -> None:
        r = self._writer().delete(self.gsp, params={"graph-uri": graph})
        if r.status_code != 404:
            r.raise_for_status()

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        """Every triple of ``graph`` (a Graph Store GET), checked against its COUNT: a server that cuts
        the graph at its row limit (Virtuoso's ResultSetMaxRows, unflagged) is an error, not a dump."""
        if not self.graph_store:  # no Graph Store: the graph by SPARQL
            triples = list(
                self.query(
                    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                    substitutions={ox.Variable("g"): ox.NamedNode(graph)},
                )
            )
        else:
            client = self.client if self.client is not None and self.graph_store == self.gsp else self.reader
            try:
                r = client.get(self.graph_store, params={"graph-uri": graph}, headers={"Accept": MEDIA["nt"]})
            except httpx.HTTPError as exc:
                raise RemoteError(
                    f"the Graph Store at {self.graph_store} cannot be reached ({type(exc).__name__})"
                ) from None
            if r.status_code == 404:
                return []
            if r.status_code != 200:
                raise RemoteError(f"the Graph Store answered {r.status_code} for {graph}")
            kind = r.headers.get("content-type", "").split(";")[0].strip().lower()
            triples = [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(r.content, format=PARSERS.get(kind, ox.RdfFormat.N_TRIPLES))
            ]
        expected = self.graph_size(graph)
        if len(triples) != expected:
            raise RemoteTruncated(
                f"the Graph Store gave {len(triples)} of the {expected} triples of {graph} "
                "(Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)"
            )
        return triples

    def iter_quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph, or of all our graphs one graph at a time (kg.formats.dump)."""
        for g in [graph] if graph is not None else self.named_graphs():
            name = ox.NamedNode(g)
            for t in self.graph_triples(g):
                yield ox.Quad(t.subject, t.predicate, t.object, name)

    def dump(self, fmt: str = "nt", graph: str | None = None) -> bytes:
        """Our graphs (or one) as N-Triples, N-Quads, Turtle or TriG."""
        formats = {
            "nt": ox.RdfFormat.N_TRIPLES,
            "nq": ox.RdfFormat.N_QUADS,
            "ttl": ox.RdfFormat.TURTLE,
            "trig": ox.RdfFormat.TRIG,
        }
        quads = self.iter_quads(graph)
        if fmt in ("nt", "ttl"):
            out = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=formats[fmt])
        else:
            out = ox.serialize(quads, format=formats[fmt])
        assert out is not None  # serialize returns the bytes when given no output
        return out

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        self.reader.close()


def check_answer(r: httpx.Response, body: bytes) -> None:
    """Raise for an answer that is an error or not whole (see the module docstring)."""
    if r.headers.get("x-sql-state", "").upper() == "S1TAT":
        raise RemoteTimeout(
            "the query did not finish in time on the SPARQL store (it returned a partial answer, which is not given)"
        )
    if r.headers.get("x-sparql-maxrows"):
        raise RemoteTruncated(
            f"the SPARQL store cut the result at {r.headers['x-sparql-maxrows']} rows "
            "(its ResultSetMaxRows); add a LIMIT"
        )
    if r.status_code != 200:
        first = body.decode("utf-8", "replace").strip().splitlines()[:1]
        raise RemoteError(f"the SPARQL store answered {r.status_code}: {first[0][:300] if first else r.reason_phrase}")


class RemoteTriples:
    """The triples of a CONSTRUCT or DESCRIBE answer: iterable, and serialisable like pyoxigraph's
    ``QueryTriples`` (what the API's workers write to the client)."""

    def __init__(self, triples: list[ox.Triple]) -> None:
        self.triples = triples

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def serialize(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES):
        return ox.serialize(self.triples, output, format=format)


def parse_answer(body: bytes, kind: str):
    if kind in ("application/sparql-results+json", "application/json"):
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if kind == "application/sparql-results+xml":
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    # (pyoxigraph's parse gives quads in the default graph: triples, as its own CONSTRUCT answers give)
    return RemoteTriples(
        [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(body, format=PARSERS.get(kind, ox.RdfFormat.N_TRIPLES))
        ]
    )


def push(local, remote: RemoteStore, graphs: Iterable[str] | None = None) -> int:
    """Copy named graphs (default: all) from the embedded store to the remote one, one PUT each."""
    n = 0
    for g in graphs if graphs is not None else local.named_graphs():
        remote.replace_graph(g, local.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        n += 1
    return n


def replaced_reports(here: dict[str, set[str]], there: dict[str, set[str]], published: Iterable[str]) -> set[str]:
    """The report graphs of the remote store that the ``published`` reports replace: read from a place one of
    them was read from (the same file, kg.build.store_report) under an IRI the embedded store no longer holds —
    the report's agency or year now reads differently.  ``here`` and ``there`` map each store's report IRIs to
    the places their source files were read from (kg.build.report_locations).

    >>> replaced_reports({"r/2019": {"loc:a"}, "r/x": {"loc:b"}},
    ...                  {"r/2018": {"loc:a"}, "r/x": {"loc:b"}, "r/other": {"loc:c"}}, ["r/2019"])
    {'r/2018'}
    """
    places = set().union(*(here.get(r, set()) for r in published))
    return {r for r, where in there.items() if r not in here and where & places}
