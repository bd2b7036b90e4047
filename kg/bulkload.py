"""Loading many graphs into Virtuoso at once with its bulk loader (``ld_dir`` + ``rdf_loader_run``).

The Graph Store Protocol (:mod:`kg.remote`) sends one HTTP request per graph, and Virtuoso parses each
body and inserts its triples one transaction at a time.  For a large batch (a first load, a rebuild of
a province) Virtuoso's bulk loader is faster: the graphs are written as N-Quads files into a folder the
server may read (listed in its ``DirsAllowed``), registered with ``ld_dir`` and loaded by
``rdf_loader_run``, then made durable by a checkpoint.  The statements go over Virtuoso's SQL port with
``isql-vt`` (Debian's ``virtuoso-opensource``), which must be installed where the build runs.

:func:`publish` chooses by the batch's size: below :data:`BULK_MIN_TRIPLES` one PUT per graph (each
graph swapped whole, in one request), above it the bulk loader, whose fixed cost (a checkpoint, the
SQL session) the measured rates pay back there (bench/bench_bulkload.py, docs/scaling.md).

The bulk loader is not transactional: it runs with Virtuoso's row log off, so a graph being replaced is
empty or partly loaded until its file is done, and a load that fails leaves the graphs it touched half
replaced — :class:`BulkLoadError` names the files and Virtuoso's messages; loading the batch again
(or pushing it over the Graph Store Protocol) repairs it.  Every file's state is checked after the run:
a file the server could not read or parse is an error, never a silent gap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

#: Below this many triples a batch goes by the Graph Store Protocol, from it by the bulk loader.  Measured
#: (bench/bench_cluster.py, docs/scaling.md) on 2 shared cores: bulk / GSP speed 0.98 for 1 report graph
#: (24k triples), 1.01-1.34 for 5 (106k), 1.04-1.35 for 25 (528k), 0.67 once for 50 — both near 20-30k
#: triples/s, the server's insert path being the limit either way.  Below ~100k the Graph Store Protocol
#: keeps every graph whole at all times for the same cost; re-measure on the server you deploy
#: (``budgetkg build --remote-bulk-min-triples``).
BULK_MIN_TRIPLES = 100_000

#: Triples per N-Quads file: files of a few tens of MB, as Virtuoso's documentation advises for the loader.
TRIPLES_PER_FILE = 200_000

MARK = "BKG"  # starts the lines of our own result rows in isql's output


class BulkLoadError(RuntimeError):
    """The bulk load did not complete; the message names the files and Virtuoso's errors."""


class BulkLoader:
    """Virtuoso's bulk loader over its SQL port.

    ``load_dir``: a folder this process writes into and the server reads from; ``server_dir``: the same
    folder as the server sees it (default: the same path — a shared or local disk)."""

    def __init__(
        self,
        isql: str,
        load_dir: Path,
        *,
        server_dir: str | None = None,
        user: str | None = None,
        password: str | None = None,
        command: str = "isql-vt",
        timeout: float = 3600.0,
    ) -> None:
        self.isql = isql
        self.load_dir = Path(load_dir)
        self.server_dir = (server_dir or str(self.load_dir)).rstrip("/")
        self.user = user or os.environ.get("BUDGETKG_REMOTE_USER", "dba")
        self.password = password or os.environ.get("BUDGETKG_REMOTE_PASSWORD", "dba")
        self.command = command
        self.timeout = timeout

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Quad]]) -> int:
        """Each graph of ``graphs`` (IRI → its quads, all in that graph) becomes exactly these quads.
        Returns the number of quads loaded."""
        batch = "budgetkg-" + uuid.uuid4().hex
        local = self.load_dir / batch
        local.mkdir(parents=True)
        try:
            files, n = write_files(local, graphs)
            remote = f"{self.server_dir}/{batch}"
            expected = {f"{remote}/{f.name}" for f in files}
            listed = f"FROM DB.DBA.load_list WHERE ll_file LIKE {sql_string(remote + '/%')}"
            forget = f"DELETE {listed};"
            # first the files are registered: a server that cannot see them fails here, before any graph is touched
            out = self.run(
                f"ld_dir({sql_string(remote)}, '*.nq', 'urn:budgetkg:no-graph');\n"
                f"SELECT '{MARK}', ll_file, 0, NULL {listed};\n"
            )
            missing = expected - rows(out).keys()
            if missing:
                self.run(forget + "\n")
                raise BulkLoadError(
                    f"Virtuoso at {self.isql} did not find {len(missing)} of the {len(expected)} files in "
                    f"{remote} (is it the folder the server sees, and in its DirsAllowed?); no graph was changed"
                )
            script = [
                "log_enable(3, 1);",  # autocommit row by row: a large graph's delete takes no lock on the whole
                *(f"DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id({sql_string(g)}, 0);" for g in graphs),
                "rdf_loader_run();",
                "checkpoint;",
                f"SELECT '{MARK}', ll_file, ll_state, ll_error {listed};",
                forget,
            ]
            check(self.run("\n".join(script) + "\n"), expected)
            return n
        finally:
            shutil.rmtree(local, ignore_errors=True)

    def run(self, script: str) -> str:
        """``script`` through isql-vt; its output (isql exits 0 whatever happened: errors are read from it)."""
        if shutil.which(self.command) is None:
            raise BulkLoadError(
                f"{self.command} is not installed (Debian: virtuoso-opensource); the bulk loader needs it"
            )
        with tempfile.NamedTemporaryFile("w", suffix=".sql", encoding="utf-8") as f:
            f.write(script)
            f.flush()
            # the password goes by argument (isql-vt reads it nowhere else); the process runs only for the load
            argv = [
                self.command,
                self.isql,
                self.user,
                self.password,
                "VERBOSE=OFF",
                "BANNER=OFF",
                "PROMPT=OFF",
                "ECHO=OFF",
                "ERRORS=STDOUT",
                f.name,
            ]
            try:
                done = subprocess.run(argv, capture_output=True, text=True, timeout=self.timeout, check=False)
            except subprocess.TimeoutExpired as exc:
                raise BulkLoadError(f"the bulk load at {self.isql} did not end within {self.timeout:g} s") from exc
        out = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in out:
            raise BulkLoadError(f"Virtuoso at {self.isql}: {error_lines(out) or f'isql exit status {done.returncode}'}")
        return out


def write_files(folder: Path, graphs: dict[str, Iterable[ox.Quad]]) -> tuple[list[Path], int]:
    """The graphs as N-Quads files of about :data:`TRIPLES_PER_FILE` quads each (a graph is never split
    over two files, so each file's errors name whole graphs).  Returns the files and the quad count."""
    files: list[Path] = []
    n = 0
    out = None
    in_file = 0
    try:
        for graph, quads in graphs.items():
            if out is None or in_file >= TRIPLES_PER_FILE:
                if out is not None:
                    out.close()
                files.append(folder / f"part-{len(files):05d}.nq")
                out = open(files[-1], "wb")  # noqa: SIM115 - closed when the next file starts or at the end
                in_file = 0
            name = ox.NamedNode(graph)
            these = list(quads)
            if any(q.graph_name != name for q in these):
                raise ValueError(f"a quad given for {graph} names another graph")
            ox.serialize(these, out, format=ox.RdfFormat.N_QUADS)
            in_file += len(these)
            n += len(these)
    finally:
        if out is not None:
            out.close()
    return files, n


def rows(out: str) -> dict[str, str]:
    """{file: "" if loaded, else its state and error} from our rows of isql's output."""
    seen: dict[str, str] = {}
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) >= 3 and parts[0] == MARK:
            state, error = parts[2], (parts[3].strip() if len(parts) > 3 else "NULL")
            seen[parts[1]] = "" if state == "2" and error == "NULL" else f"state {state}: {error}"
    return seen


def check(out: str, expected: set[str]) -> None:
    """Every file loaded (state 2, no error), as listed by the loader's own table."""
    seen = rows(out)
    problems = [f"{f}: {seen[f]}" for f in sorted(expected) if seen.get(f)]
    problems += [f"{f}: not in the loader's list" for f in sorted(expected - seen.keys())]
    if problems:
        raise BulkLoadError(
            "the bulk load failed (the graphs of these files are incomplete; load the batch again): "
            + "; ".join(problems)
        )


def error_lines(out: str) -> str:
    lines = out.splitlines()
    return " | ".join(
        line.strip() for i, line in enumerate(lines) if "*** Error" in line or (i and "*** Error" in lines[i - 1])
    )


def sql_string(text: str) -> str:
    """A SQL string literal (quotes doubled; a line break could end isql's statement: refused)."""
    if any(c in text for c in "\n\r\0"):
        raise ValueError(f"not loadable: {text!r}")
    return "'" + text.replace("'", "''") + "'"


def publish(
    local, remote, graphs: list[str], bulk: BulkLoader | None = None, min_triples: int | None = None
) -> tuple[str, int]:
    """Copy ``graphs`` from the embedded store ``local`` to Virtuoso: by the bulk loader when one is
    given and the batch holds at least ``min_triples`` triples, else one Graph Store PUT per graph
    (``remote``, a :class:`kg.remote.RemoteStore`).  Returns (how, graphs published)."""
    from kg.remote import push

    def quads(g: str):
        return local.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))

    least = BULK_MIN_TRIPLES if min_triples is None else min_triples
    if bulk is not None and big_enough((q for g in graphs for q in quads(g)), least):
        bulk.replace_graphs({g: quads(g) for g in graphs})
        return "bulk loader", len(graphs)
    return "graph store protocol", push(local, remote, graphs)


def big_enough(quads: Iterable, n: int) -> bool:
    """At least ``n`` quads (counted no further than that)."""
    return n <= 0 or any(i + 1 >= n for i, _ in enumerate(quads))
