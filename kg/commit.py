"""The build's single writer: report graphs spooled to a temporary file and loaded into the store together.

pyoxigraph's ``bulk_load`` writes sorted files and hands them to RocksDB whole.  A report's quads spread over
the whole key space of every index, so each such file overlaps everything already stored, and RocksDB merges
it into the store by compaction.  With one ``bulk_load`` per report, the 100× build of bench/bench_cluster.py
had the build process write about 68 GB to disk for a 3 GB store, in disk wait while the workers waited for
it; loads of 500,000 quads still wrote 20 GB.  So the N-Quads the workers send are appended to a temporary
file — sequential writes, nothing merged — and loaded by one ``bulk_load`` when the build has read every
file (docs/scaling.md, "The single writer").

The build writes a new generation that is thrown away whole if the build fails, so what is still spooled when
a build stops costs nothing; a graph removed while it waits in the spool (a report read twice in one build) is
loaded first, so removals and loads keep the order the build gave them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.store import Store


class BatchedWriter:
    """Loads the N-Quads given to :meth:`add` into ``store`` on :meth:`flush` (or once ``batch_quads`` quads
    wait, when given); until then they wait in a temporary file in ``folder`` (the system's by default)."""

    def __init__(self, store: Store, batch_quads: int | None = None, folder: Path | None = None) -> None:
        self.store = store
        self.batch_quads = batch_quads
        self._spool = tempfile.TemporaryFile(dir=folder, prefix="budgetkg-commit-")  # noqa: SIM115 - closed by close()
        self._graphs: set[str] = set()
        self._quads = 0

    def add(self, graphs: Iterable[str], nquads: bytes) -> None:
        """Queue ``nquads`` (quads of ``graphs`` only: the graphs a later :meth:`remove_graph` must see)."""
        self._spool.write(nquads if nquads.endswith(b"\n") or not nquads else nquads + b"\n")
        self._graphs.update(graphs)
        self._quads += nquads.count(b"\n")
        if self.batch_quads is not None and self._quads >= self.batch_quads:
            self.flush()

    def remove_graph(self, graph: str) -> None:
        if graph in self._graphs:
            self.flush()
        self.store.remove_graph(graph)

    def flush(self) -> None:
        if self._graphs or self._quads:
            self._spool.flush()
            self._spool.seek(0)
            self.store.raw.bulk_load(self._spool, format=ox.RdfFormat.N_QUADS)
            self._spool.seek(0)
            self._spool.truncate()
        self._graphs, self._quads = set(), 0

    def close(self) -> None:
        """Remove the spool (what it still holds is not loaded)."""
        self._spool.close()

    def __enter__(self) -> BatchedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
