"""A remote SPARQL 1.1 store through the Graph Store Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/).

Same small surface as :class:`kg.store.Store` (``replace_graph``, ``remove_graph``, ``dump``,
``named_graphs``, ``query``).  One named graph per report, so replacing a report is one
``PUT`` — the server swaps the graph's content in one request, and a build that dies
between two PUTs leaves every graph either old or new, never half a report.

The reference server is Virtuoso open source (Debian ``virtuoso-opensource``): SPARQL at
``/sparql``, authenticated Graph Store Protocol at ``/sparql-graph-crud-auth`` with HTTP
digest auth.  Query results come back as SPARQL JSON and are parsed by pyoxigraph, so
callers get the same ``QuerySolutions`` as from the embedded store.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable

import httpx
import pyoxigraph as ox

from kg import iri

MEDIA = {
    "nt": "application/n-triples",
    "ttl": "text/turtle",
    "nq": "application/n-quads",
    "trig": "application/trig",
}


class RemoteStore:
    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        gsp_path: str = "/sparql-graph-crud-auth",
        query_path: str = "/sparql",
        timeout: float = 120.0,
    ) -> None:
        self.url = url.rstrip("/")
        user = user or os.environ.get("BUDGETKG_REMOTE_USER", "dba")
        password = password or os.environ.get("BUDGETKG_REMOTE_PASSWORD", "dba")
        self.gsp = self.url + gsp_path
        self.endpoint = self.url + query_path
        self.client = httpx.Client(auth=httpx.DigestAuth(user, password), timeout=timeout)
        self.path = None  # not a local directory

    # --- Graph Store Protocol ----------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """PUT: the graph's content becomes exactly these triples."""
        body = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
        r = self.client.put(self.gsp, params={"graph-uri": graph}, content=body, headers={"Content-Type": MEDIA["nt"]})
        r.raise_for_status()

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """POST each graph's triples (adds to what the graph holds)."""
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for q in quads:
            by_graph[q.graph_name.value].append(ox.Triple(q.subject, q.predicate, q.object))
        for graph, triples in by_graph.items():
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            r = self.client.post(self.gsp, params={"graph-uri": graph}, content=body, headers={"Content-Type": MEDIA["nt"]})
            r.raise_for_status()

    def remove_graph(self, graph: str) -> None:
        r = self.client.delete(self.gsp, params={"graph-uri": graph})
        if r.status_code != 404:
            r.raise_for_status()

    def dump(self, fmt: str = "nt", graph: str | None = None) -> bytes:
        if graph is None:
            return b"".join(self.dump("nt", g) for g in self.named_graphs())
        r = self.client.get(self.gsp, params={"graph-uri": graph}, headers={"Accept": MEDIA[fmt]})
        r.raise_for_status()
        return r.content

    # --- SPARQL ---------------------------------------------------------------------------------
    def query(self, sparql: str, **_ignored):
        """SELECT/ASK → pyoxigraph query results; CONSTRUCT/DESCRIBE → triples.  The server's default
        graph is the union of its graphs (Virtuoso's default), like ``use_default_graph_as_union``."""
        r = self.client.post(
            self.endpoint,
            data={"query": sparql},
            headers={"Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
        )
        r.raise_for_status()
        kind = r.headers.get("content-type", "")
        if "sparql-results+json" in kind or kind.startswith("application/json"):
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
        return ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES if "n-triples" in kind else ox.RdfFormat.TURTLE)

    def named_graphs(self) -> list[str]:
        """Our graphs only (the server has system graphs of its own)."""
        rows = self.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{iri.BASE}") }}')
        return sorted(row["g"].value for row in rows)

    def close(self) -> None:
        self.client.close()


def push(local, remote: RemoteStore, graphs: Iterable[str] | None = None) -> int:
    """Copy named graphs (default: all) from the embedded store to the remote one, one PUT each."""
    n = 0
    for g in graphs if graphs is not None else local.named_graphs():
        remote.replace_graph(g, local.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        n += 1
    return n
