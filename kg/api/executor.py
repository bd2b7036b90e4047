"""A pool of query worker processes with a per-query deadline.

pyoxigraph evaluates a query in Rust without checking for interruption, so a thread cannot be
stopped; a process can.  Each worker (:mod:`kg.api.worker`) opens the store read-only.  A request
takes an idle worker (waiting at most ``queue_timeout``), sends the query and waits at most
``query_timeout`` for the answer; past the deadline the worker is killed and a fresh one is
started in the background, so a pathological query costs one worker for ``query_timeout`` seconds
and starves nobody else.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from multiprocessing.connection import Connection

from kg.api.worker import QueryReply, QueryRequest

log = logging.getLogger("budgetkg.api")


class QueryTimeout(Exception):
    pass


class Busy(Exception):
    pass


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection


def store_source(store) -> tuple[str, object]:
    """How a worker opens ``store`` (a :class:`kg.store.Store` or a pyoxigraph store): read-only
    from its directory when it has one that opens, otherwise from an N-Quads copy."""
    path = getattr(store, "path", None)
    if path is not None and Path(path).is_dir():
        try:
            ox.Store.read_only(str(path))
            return ("path", str(path))
        except OSError:
            log.warning("store at %s does not open read-only; workers get a copy", path)
    raw = getattr(store, "_store", store)
    return ("nquads", raw.dump(format=ox.RdfFormat.N_QUADS))


class QueryExecutor:
    def __init__(self, source: tuple[str, object], *, workers: int = 3, query_timeout: float = 10.0,
                 queue_timeout: float = 20.0) -> None:
        self.source = source
        self.size = workers
        self.query_timeout = query_timeout
        self.queue_timeout = queue_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._all: set[_Worker] = set()
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._slots: asyncio.Semaphore | None = None  # made in the server's event loop, on first use

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
            if self.source[0] == "nquads":
                # An in-memory graph: load it once into a temporary on-disk store that every
                # worker opens read-only.
                self._tmp = tempfile.TemporaryDirectory(prefix="budgetkg-api-")
                disk = ox.Store(self._tmp.name)
                disk.bulk_load(self.source[1], format=ox.RdfFormat.N_QUADS)
                disk.flush()
                del disk
                self.source = ("path", self._tmp.name)
        workers = [self._spawn() for _ in range(self.size)]
        for w in workers:
            self._wait_ready(w)
            self._idle.put(w)

    def close(self) -> None:
        self._closed = True
        for w in list(self._all):
            self._kill(w)
        if self._tmp is not None:
            self._tmp.cleanup()

    def _spawn(self) -> _Worker:
        # A fresh interpreter (not fork: the server is threaded; not multiprocessing's spawn: it
        # re-imports the caller's __main__), talking over a socket pair.
        parent, child = socket.socketpair()
        p = subprocess.Popen(
            [sys.executable, "-m", "kg.api.worker", str(child.fileno()), str(self.source[1])],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, close_fds=True,
        )
        child.close()
        w = _Worker(p, Connection(parent.detach()))
        self._all.add(w)
        return w

    def _wait_ready(self, w: _Worker) -> None:
        if not w.conn.poll(60):
            raise RuntimeError("query worker did not start within 60 s")
        status, message = w.conn.recv()
        if status != "ready":
            raise RuntimeError(f"query worker could not open the store: {message}")

    def _kill(self, w: _Worker) -> None:
        self._all.discard(w)
        try:
            w.process.kill()
            w.process.wait(5)
            w.conn.close()
        except Exception:  # already gone
            pass

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` and start a replacement in the background."""
        self._kill(w)
        if self._closed:
            return

        def respawn() -> None:
            try:
                fresh = self._spawn()
                self._wait_ready(fresh)
                self._idle.put(fresh)
            except Exception:
                log.exception("could not restart a query worker")

        threading.Thread(target=respawn, daemon=True).start()

    # --- running queries ---------------------------------------------------------------------
    def run(self, request: QueryRequest, timeout: float | None = None) -> QueryReply:
        """Answer ``request`` in a worker; raise :class:`QueryTimeout` or :class:`Busy`."""
        if not self._started:
            self.start()
        timeout = self.query_timeout if timeout is None else min(timeout, self.query_timeout)
        try:
            w = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise Busy(f"all {self.size} query workers are busy") from None
        try:
            w.conn.send(request)
            if w.conn.poll(timeout):
                reply = w.conn.recv()
                self._idle.put(w)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._replace(w)
            return QueryReply(500, message="the query worker stopped unexpectedly")
        self._replace(w)
        raise QueryTimeout(f"query did not finish within {timeout:g} s")

    async def arun(self, request: QueryRequest, timeout: float | None = None) -> QueryReply:
        """:meth:`run` from the event loop.  Requests queue on a semaphore (cheap) rather than in
        threads (each one a thread blocked on the idle queue), so 50 clients cost 50 coroutines,
        not 50 threads."""
        from anyio import to_thread

        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        try:
            await asyncio.wait_for(self._slots.acquire(), self.queue_timeout)
        except (asyncio.TimeoutError, TimeoutError):
            raise Busy(f"all {self.size} query workers are busy") from None
        try:
            return await to_thread.run_sync(self.run, request, timeout)
        finally:
            self._slots.release()

    def warm(self) -> float:
        """Start the pool; return seconds taken."""
        t = time.perf_counter()
        self.start()
        return time.perf_counter() - t
