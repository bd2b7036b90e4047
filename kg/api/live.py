"""The server follows the store: a build that finishes is served without a restart.

The application serves one *generation* of the data directory at a time (:class:`Generation`: the
store opened read-only in this process, a pool of query workers on the same generation, and the
caches made from it).  :meth:`LiveGraph.poll` looks at the data directory's ``live`` pointer (one
``readlink``, every ``store_poll_seconds``); when a build has switched it, the new generation is
opened, verified (:mod:`kg.integrity`) and its workers started *beside* the old ones, and only when
they are ready does the application switch to it.  The old generation is retired when its last
query has finished; until then its pins (:func:`kg.store.pin`, held by this process's store and by
each worker) keep any build from deleting it.  A generation that cannot be served (damaged, or its
workers cannot start) is reported in the log and skipped; the server goes on with the one it has.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from kg.api.executor import QueryExecutor, store_source

log = logging.getLogger("budgetkg.api")


class Generation:
    """One generation being served: its store (this process), its workers, its caches."""

    def __init__(self, store, executor: QueryExecutor) -> None:
        self.store = store
        self.executor = executor
        self.cache: dict = {}
        self.path: Path | None = getattr(store, "path", None)

    def close(self) -> None:
        self.executor.close()
        dumps = self.cache.pop("dump_dir", None)
        if dumps is not None:
            dumps.cleanup()
        self.cache.clear()


class LiveGraph:
    def __init__(self, app, settings, store, make_executor) -> None:
        self.app = app
        self.settings = settings
        self.make_executor = make_executor
        self.data_dir = getattr(store, "data_dir", None)
        self.current = Generation(store, make_executor(settings, store_source(store)))
        self.failed: dict[Path, str] = {}  # generations that could not be served, and why
        self.switches = 0
        self._switching = False
        self._retiring: list[threading.Thread] = []
        self._closed = False
        self._publish(self.current)

    def _publish(self, gen: Generation) -> None:
        # Routers read these per request; a request that already holds the old ones finishes with them.
        state = self.app.state
        state.generation, state.store, state.executor, state.cache = gen, gen.store, gen.executor, gen.cache

    def start(self) -> None:
        self.current.executor.start()

    def poll(self) -> bool:
        """Start switching to a new live generation if a build made one; True if a switch started."""
        if self.data_dir is None or self._switching or self._closed:
            return False
        target = self.data_dir.current()
        if target is None or target == self.current.path or target in self.failed:
            return False
        self._switching = True
        threading.Thread(target=self._switch, name="follow-store", daemon=True).start()
        return True

    def _switch(self) -> None:
        from kg.store import Store

        assert self.data_dir is not None  # (poll starts a switch only for a data directory)
        try:
            try:
                store = Store(self.data_dir.root, read_only=True)  # the live generation, pinned and verified
                executor = self.make_executor(self.settings, ("path", str(store.path)))
                executor.start()
            except Exception as exc:  # noqa: BLE001 — the server goes on with what it serves
                target = self.data_dir.current()
                if target is not None:
                    self.failed[target] = str(exc)
                log.error("cannot serve the new graph at %s (still serving %s): %s", target, self.current.path, exc)
                return
            if self._closed:
                executor.close()
                return
            old, self.current = self.current, Generation(store, executor)
            self._publish(self.current)
            self.switches += 1
            log.warning("now serving %s", store.path)
            t = threading.Thread(target=self._retire, args=(old,), name="retire-generation", daemon=True)
            t.start()
            self._retiring.append(t)
        finally:
            self._switching = False

    def _retire(self, old: Generation) -> None:
        old.executor.wait_idle(grace=1.0, limit=self.settings.queue_timeout + self.settings.query_timeout + 5)
        old.close()
        old.store = None  # the pin goes when the last request holding the store lets go of it

    def close(self) -> None:
        self._closed = True
        for t in list(self._retiring):
            t.join(self.settings.query_timeout + 10)
        self.current.close()
