"""The graph store: an embedded pyoxigraph store in a data directory (default).

Small surface, named in the spec's own terms: ``load``, ``query``, ``dump``,
``named_graphs``, ``remove_graph``.  One named graph per report.

(First version: the build helper makes builds atomic and adds the remote
SPARQL 1.1 Graph Store Protocol backend behind the same surface.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg import PROJECT_ROOT

#: Where `build`, `query` and `serve` keep the graph unless told otherwise.
DEFAULT_DATA_DIR = Path(os.environ.get("BUDGETKG_DATA", PROJECT_ROOT / "data"))

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


class Store:
    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path))

    def load(self, data: bytes | str, fmt: str, graph: str | None = None) -> None:
        to_graph = ox.NamedNode(graph) if graph else None
        self._store.load(data, format=FORMATS[fmt], to_graph=to_graph)

    def query(self, sparql: str, **kwargs):
        return self._store.query(sparql, **kwargs)

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        if graph is not None:
            return self._store.dump(format=FORMATS[fmt], from_graph=ox.NamedNode(graph))
        return self._store.dump(format=FORMATS[fmt])

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def remove_graph(self, graph: str) -> None:
        self._store.remove_graph(ox.NamedNode(graph))

    def __len__(self) -> int:
        return len(self._store)
