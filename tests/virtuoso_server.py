"""A private Virtuoso open source server for tests and benchmarks: its own database in a temporary
folder, its own ports, started in the foreground as a child of this process and stopped with it.

No root, no system service, nothing shared with another test run on the same machine (the
Debian service on port 8890 may be someone else's).  ``virtuoso-t`` comes from Debian's
``virtuoso-opensource`` (scripts/install-services.sh).  A fresh database has user ``dba``
with password ``dba``.

    with Virtuoso.start(tmp_path) as v:
        v.url        # http://127.0.0.1:PORT — /sparql and /sparql-graph-crud-auth
        v.isql_port  # the SQL port (isql-vt, the bulk loader)
        v.load_dir   # a folder the server may read files from (DirsAllowed), for ld_dir
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {isql_port}
DisableUnixSocket = 1
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {load_dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ThreadsPerQuery = {threads}
MaxQueryMem = 1G

[HTTPServer]
ServerPort = {http_port}
ServerRoot = {dir}
MaxClientConnections = 20
ServerThreads = 20
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = {max_cost}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available() -> str | None:
    """Why Virtuoso cannot run here (None when it can)."""
    if shutil.which("virtuoso-t") is None:
        return "Virtuoso is not installed (scripts/install-services.sh installs Debian's virtuoso-opensource)"
    return None


def _die_with_parent() -> None:
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Virtuoso:
    def __init__(self, folder: Path, process: subprocess.Popen, http_port: int, isql_port: int) -> None:
        self.folder = folder
        self.process = process
        self.url = f"http://127.0.0.1:{http_port}"
        self.isql_port = isql_port
        self.load_dir = folder / "load"

    @classmethod
    def start(
        cls,
        folder: Path,
        *,
        memory_mb: int = 256,
        threads: int = 4,
        max_rows: int = 1_000_000,
        max_seconds: int = 60,
        max_cost: int = 400,
        timeout: float = 120.0,
    ) -> Virtuoso:
        """A new server with an empty database in ``folder``; ``memory_mb`` of page buffers (8 KiB each).

        The query settings are Debian's (4 threads per query, 60 s per query — past it Virtuoso returns
        what it has, flagged — and queries estimated over 400 s refused), except ResultSetMaxRows, which
        a server behind the API needs above its largest result (10,000 in Debian's file)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "load").mkdir(exist_ok=True)
        http_port, isql_port = free_port(), free_port()
        buffers = max(2000, memory_mb * 1024 // 8)
        (folder / "virtuoso.ini").write_text(
            INI.format(
                dir=folder,
                load_dir=folder / "load",
                isql_port=isql_port,
                http_port=http_port,
                buffers=buffers,
                dirty=buffers * 3 // 4,
                threads=threads,
                max_rows=max_rows,
                max_seconds=max_seconds,
                max_cost=max_cost,
            ),
            encoding="utf-8",
        )
        process = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        server = cls(folder, process, http_port, isql_port)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with status {process.returncode}: {server.log_tail()}")
            if server.up():
                return server
            time.sleep(0.2)
        server.stop()
        raise RuntimeError(f"Virtuoso did not answer within {timeout:g} s: {server.log_tail()}")

    def up(self) -> bool:
        try:
            return httpx.get(f"{self.url}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def log_tail(self, lines: int = 5) -> str:
        log = self.folder / "virtuoso.log"
        return " | ".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # Virtuoso checkpoints and exits on SIGTERM
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def __enter__(self) -> Virtuoso:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
