"""A pool of query worker processes with a per-query deadline and a per-client share.

pyoxigraph evaluates a query in Rust without checking for interruption, so a thread cannot be
stopped; a process can.  Each worker (:mod:`kg.api.worker`) opens one generation of the store
read-only, behind the walls of :mod:`kg.api.sandbox`.  A request waits for a slot of its client's
share (at most ``client_share`` workers per client, so one client's slow queries cannot take every
worker), then for an idle worker (at most ``queue_timeout`` in all), sends the query and waits at
most ``query_timeout`` for the answer; past the deadline the worker is killed and a fresh one is
started in the background, so a pathological query costs one worker for ``query_timeout`` seconds.

A worker that cannot start is reported, not retried forever: after :data:`START_ATTEMPTS` failures
in a row the pool is *broken* and every request is answered at once with the reason (HTTP 503),
instead of waiting for a worker that will never come.  Every process started is waited for, so
none is left a zombie.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.api.worker import QueryReply, QueryRequest, WorkerConfig

log = logging.getLogger("budgetkg.api")

#: A worker that fails to start this many times in a row breaks the pool (no endless restarts).
START_ATTEMPTS = 3
#: Seconds a worker may take to raise its walls and open the store.
START_TIMEOUT = 60.0


class QueryTimeout(Exception):
    pass


class Busy(Exception):
    """Every worker stayed busy for ``queue_timeout`` (HTTP 503)."""


class ClientBusy(Exception):
    """This client already has its share of the workers busy (HTTP 429)."""


class Unavailable(Exception):
    """No worker can run: they cannot start (HTTP 503, with the reason)."""


#: How a worker opens the store: ("path", its directory) or ("nquads", a copy of its quads)
StoreSource = tuple[str, str | bytes]


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection


def store_source(store) -> StoreSource:
    """How a worker opens ``store`` (a :class:`kg.store.Store` or a pyoxigraph store): read-only
    from its directory when it has one that opens, otherwise from an N-Quads copy; a
    :class:`kg.remote.RemoteStore` by its endpoint (the worker asks it over HTTP)."""
    if hasattr(store, "config") and hasattr(store, "endpoint"):
        return ("remote", store.config())
    path = getattr(store, "path", None)
    if path is not None and Path(path).is_dir():
        try:
            ox.Store.read_only(str(path))
            return ("path", str(path))
        except OSError:
            log.warning("store at %s does not open read-only; workers get a copy", path)
    raw = getattr(store, "_store", store)
    return ("nquads", raw.dump(format=ox.RdfFormat.N_QUADS))


def death_cause(returncode: int | None, memory_mb: int) -> str:
    """Why a worker died, in words for the client."""
    if returncode == -signal.SIGXCPU:
        return "the query used up its CPU time"
    if returncode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS) and memory_mb:
        return f"the query worker stopped (a query needing more than {memory_mb} MB of memory ends it)"
    return "the query worker stopped unexpectedly"


class QueryExecutor:
    def __init__(
        self,
        source: StoreSource,
        *,
        workers: int = 3,
        query_timeout: float = 10.0,
        queue_timeout: float = 20.0,
        client_share: int = 0,
        memory_mb: int = 0,
        cpu_seconds: float = 0.0,
        nice: int = 0,
        network_isolation: str = "required",
    ) -> None:
        self.source = source
        self.size = workers
        self.query_timeout = query_timeout
        self.queue_timeout = queue_timeout
        self.client_share = client_share or max(1, workers - 1)
        self.config = WorkerConfig(path="", memory_mb=memory_mb, nice=nice, network_isolation=network_isolation)
        self.cpu_seconds = cpu_seconds
        self.walls = ""  # what the workers reported raising ("seccomp, network namespace")
        self.broken: str | None = None  # why workers cannot start, once they could not
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._all: set[_Worker] = set()
        self._failures = 0
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="query-worker-spawner")
        self._slots: asyncio.Semaphore | None = None  # made in the server's event loop, on first use
        self._clients: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}  # requests of each client waiting or running
        self._busy = 0  # requests inside run()
        self._last_request = time.monotonic()

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
            if self.source[0] == "remote":
                assert isinstance(self.source[1], dict)
                self.config = replace(self.config, remote=self.source[1])
            else:
                self.config = replace(self.config, path=str(self.source[1]))
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for w in workers:
                self._wait_ready(w)
                self._idle.put(w)
        except RuntimeError as exc:
            for w in workers:
                self._kill(w)
            self.broken = str(exc)
            raise

    def close(self) -> None:
        self._closed = True
        for w in list(self._all):
            self._kill(w)
        self._spawner.shutdown(wait=False)
        if self._tmp is not None:
            self._tmp.cleanup()

    @property
    def alive(self) -> int:
        return len(self._all)

    def _spawn(self) -> _Worker:
        """Start a worker from the spawner thread: a worker dies with the *thread* that started it
        (PR_SET_PDEATHSIG, so that none outlives a killed server), and that thread lives as long
        as the pool."""
        return self._spawner.submit(self._spawn_now).result()

    def _spawn_now(self) -> _Worker:
        # A fresh interpreter (not fork: the server is threaded; not multiprocessing's spawn: it
        # re-imports the caller's __main__), talking over a socket pair.
        parent, child = socket.socketpair()
        p = subprocess.Popen(
            [sys.executable, "-m", "kg.api.worker", str(child.fileno()), self.config.to_arg()],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            close_fds=True,
        )
        child.close()
        w = _Worker(p, Connection(parent.detach()))
        self._all.add(w)
        return w

    def _wait_ready(self, w: _Worker) -> None:
        try:
            if not w.conn.poll(START_TIMEOUT):
                raise RuntimeError(f"query worker did not start within {START_TIMEOUT:g} s")
            status, message = w.conn.recv()
        except (EOFError, OSError):
            code = self._kill(w)
            raise RuntimeError(f"query worker exited while starting (exit status {code})") from None
        if status != "ready":
            self._kill(w)
            raise RuntimeError(f"query worker could not start: {message}")
        self.walls = message

    def _kill(self, w: _Worker) -> int | None:
        """Kill ``w`` if it still runs and reap it (no zombie); its exit status."""
        self._all.discard(w)
        with contextlib.suppress(OSError):
            w.conn.close()
        try:
            if w.process.poll() is None:
                w.process.kill()
            return w.process.wait(10)
        except (OSError, subprocess.TimeoutExpired):  # cannot happen to a SIGKILLed child; log it
            log.error("query worker %s could not be reaped", w.process.pid)
            return None

    def _replace(self, w: _Worker) -> int | None:
        """Kill ``w`` and start a replacement in the background; ``w``'s exit status."""
        code = self._kill(w)
        if not self._closed and self.broken is None:
            threading.Thread(target=self._respawn, daemon=True).start()
        return code

    def _respawn(self) -> None:
        while not self._closed:
            try:
                fresh = self._spawn()
                self._wait_ready(fresh)
            except Exception as exc:  # noqa: BLE001 — whatever stops a worker starting is reported below, and to every later request
                if self._closed:  # the pool closed under the new worker
                    return
                self._failures += 1
                log.error("could not restart a query worker (%d of %d): %s", self._failures, START_ATTEMPTS, exc)
                if self._failures >= START_ATTEMPTS:
                    self.broken = str(exc)
                    return
                time.sleep(0.5 * self._failures)
                continue
            self._failures = 0
            if self._closed:
                self._kill(fresh)
            else:
                self._idle.put(fresh)
            return

    # --- running queries ---------------------------------------------------------------------
    def run(self, request: QueryRequest, timeout: float | None = None) -> QueryReply:
        """Answer ``request`` in a worker; raise :class:`QueryTimeout`, :class:`Busy` or :class:`Unavailable`."""
        if not self._started:
            self.start()
        timeout = self.query_timeout if timeout is None else min(timeout, self.query_timeout)
        if not request.cpu_seconds and self.cpu_seconds:
            request = replace(request, cpu_seconds=self.cpu_seconds)
        with self._lock:
            self._busy += 1
            self._last_request = time.monotonic()
        try:
            return self._run(request, timeout)
        finally:
            with self._lock:
                self._busy -= 1

    def wait_idle(self, grace: float, limit: float) -> bool:
        """Wait (at most ``limit`` s) until no query has run or started for ``grace`` seconds."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self._busy == 0 and time.monotonic() - self._last_request >= grace:
                return True
            time.sleep(0.1)
        return False

    def _run(self, request: QueryRequest, timeout: float) -> QueryReply:
        w = self._take()
        try:
            w.conn.send(request)
            if w.conn.poll(timeout):
                reply = w.conn.recv()
                self._idle.put(w)
                return reply
        except (EOFError, OSError):
            code = self._replace(w)
            log.warning("query worker %s ended with status %s", w.process.pid, code)
            return QueryReply(503, message=death_cause(code, self.config.memory_mb))
        self._replace(w)
        raise QueryTimeout(f"query did not finish within {timeout:g} s")

    def _take(self) -> _Worker:
        deadline = time.monotonic() + self.queue_timeout
        while True:
            if self.broken is not None and not self._all:
                raise Unavailable(f"no query worker can start: {self.broken}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise Busy(f"all {self.size} query workers are busy")
            try:
                return self._idle.get(timeout=min(left, 0.5))  # wakes up to notice a broken pool
            except queue.Empty:
                continue

    async def arun(self, request: QueryRequest, timeout: float | None = None, client: str | None = None) -> QueryReply:
        """:meth:`run` from the event loop.  Requests queue on semaphores (cheap) rather than in
        threads (each one a thread blocked on the idle queue), so 50 clients cost 50 coroutines,
        not 50 threads.  ``client`` (its address) gets at most ``client_share`` workers at once."""
        from anyio import to_thread

        if self.broken is not None and not self._all:
            raise Unavailable(f"no query worker can start: {self.broken}")
        self._last_request = time.monotonic()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        deadline = time.monotonic() + self.queue_timeout
        share, held = None, False
        if client is not None:
            share = self._clients.get(client) or self._clients.setdefault(client, asyncio.Semaphore(self.client_share))
            self._users[client] = self._users.get(client, 0) + 1
        try:
            if share is not None:
                try:
                    await asyncio.wait_for(share.acquire(), self.queue_timeout)
                except TimeoutError:
                    raise ClientBusy(
                        f"this client already has {self.client_share} queries running; wait for them to finish"
                    ) from None
                held = True
            try:
                await asyncio.wait_for(self._slots.acquire(), max(0.01, deadline - time.monotonic()))
            except TimeoutError:
                raise Busy(f"all {self.size} query workers are busy") from None
            try:
                return await to_thread.run_sync(self.run, request, timeout)
            finally:
                self._slots.release()
        finally:
            if share is not None and client is not None:  # both or neither
                if held:
                    share.release()
                self._users[client] -= 1
                if not self._users[client]:  # nobody holds or waits: forget the client
                    del self._users[client], self._clients[client]

    def warm(self) -> float:
        """Start the pool; return seconds taken."""
        t = time.perf_counter()
        self.start()
        return time.perf_counter() - t


def pid_is_zombie(pid: int) -> bool:
    """Whether process ``pid`` is a zombie (Linux /proc); for tests and diagnostics."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False
