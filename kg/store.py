"""The graph store: an embedded pyoxigraph store in a data directory (default).

Small surface, named in the spec's own terms: ``load``, ``add``, ``query``, ``dump``,
``named_graphs``, ``remove_graph``.  One named graph per report.

Atomic builds
-------------
A data directory holds *generations* of the store and a pointer to the live one::

    data/
      live -> generations/g-20261124T220102-123456-4711     (a symlink)
      generations/g-…                                          (pyoxigraph / RocksDB directories)

:meth:`DataDir.transaction` makes a new generation (a RocksDB checkpoint of the live
one: hard links, cheap), lets the build change it, and only when the build finished
switches ``live`` with one ``rename(2)`` (atomic on POSIX).  A build that fails or is
killed — even with SIGKILL — leaves ``live`` pointing at the previous, complete
graph; the orphaned generation is removed by the next transaction.  Readers
(``query``, ``serve``) open ``live`` read-only.

A finished generation is *sealed* (:mod:`kg.integrity`: its files, sizes and SHA-256) and readers
check the seal before they open it, so a damaged store is an error naming the file, not wrong
answers.  A reader *pins* the generation it opened — a shared ``flock(2)`` on its directory, held
as long as the :class:`Store` (or a query worker) lives and released by the kernel if the reader
dies — and a build never deletes a pinned generation, so a server or a request still reading an
old generation keeps it, however many builds happen meanwhile.

The remote SPARQL 1.1 Graph Store Protocol backend is :mod:`kg.remote`.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import io
import os
import shutil
import time
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.integrity import StoreDamaged, seal, unseal, verify  # noqa: F401 — StoreDamaged is part of this module's surface


def default_data_dir() -> Path:
    """Where ``build``, ``query``, ``export``, ``validate`` and ``serve`` keep the graph without ``--store``.

    ``$BUDGETKG_DATA`` if set, else the per-user data directory of the platform (``$XDG_DATA_HOME/budgetkg``,
    by default ``~/.local/share/budgetkg``, on Linux) — never the installed package, never the current
    directory: a checkout's ``data/`` is used only when asked for (``--store data``).
    """
    if os.environ.get("BUDGETKG_DATA"):
        return Path(os.environ["BUDGETKG_DATA"]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("budgetkg", appauthor=False)


FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

CURRENT = "live"
GENERATIONS = "generations"
#: Old generations kept after a switch, so a reader that opened one a moment ago can finish.
KEEP_OLD = 1


class StoreNotFound(FileNotFoundError):
    pass


def pin(generation: Path) -> int:
    """A shared lock on ``generation`` (a file descriptor; the lock goes when it is closed).

    Raises FileNotFoundError when the generation is gone (deleted before the lock was taken)."""
    fd = os.open(generation, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a build deletes it (it holds LOCK_EX then)
        if os.fstat(fd).st_nlink == 0 or os.stat(generation).st_ino != os.fstat(fd).st_ino:
            raise FileNotFoundError(f"generation {generation} was removed")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _unpin(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def is_data_dir(path: Path) -> bool:
    """A data directory (generations + pointer) rather than a bare pyoxigraph directory."""
    return (path / CURRENT).is_symlink() or (path / GENERATIONS).is_dir() or not (path / "CURRENT").exists()


class Store:
    """A pyoxigraph store.  ``path`` may be a data directory (its live generation is opened)
    or a bare store directory; ``None`` = in memory.  ``.path`` is the store directory opened."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.data_dir: DataDir | None = None
        if path is None:
            self.path = None
            self._store = ox.Store()
            return
        path = Path(path)
        if is_data_dir(path):
            self.data_dir = DataDir(path)
            if self.data_dir.current() is None and not read_only:
                with self.data_dir.transaction():  # an empty first generation
                    pass
            path, fd = self.data_dir.open_live()  # pinned as long as this object lives
            self._pin = weakref.finalize(self, _unpin, fd)
            verify(path)
            if not read_only:  # written in place (not by a build): its seal no longer holds
                unseal(path)
        self.path = path
        if read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path))

    @classmethod
    def wrap(cls, store: ox.Store, path: Path | None) -> Store:
        self = cls.__new__(cls)
        self.data_dir, self.path, self._store = None, path, store
        return self

    @property
    def raw(self) -> ox.Store:
        return self._store

    def load(self, data: bytes | str, fmt: str, graph: str | None = None) -> None:
        to_graph = ox.NamedNode(graph) if graph else None
        self._store.load(data, format=FORMATS[fmt], to_graph=to_graph)

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self._store.extend(quads)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph by ``quads`` (all in that graph)."""
        self.remove_graph(graph)
        self._store.extend(quads)

    def query(self, sparql: str, **kwargs):
        return self._store.query(sparql, **kwargs)

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        out = io.BytesIO()  # dump() returns the bytes without one too, but is typed ``bytes | None``
        if graph is not None:
            self._store.dump(out, format=FORMATS[fmt], from_graph=ox.NamedNode(graph))
        else:
            self._store.dump(out, format=FORMATS[fmt])
        return out.getvalue()

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def remove_graph(self, graph: str) -> None:
        if self._store.contains_named_graph(ox.NamedNode(graph)):
            self._store.remove_graph(ox.NamedNode(graph))

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        """Release the RocksDB handle (pyoxigraph closes on garbage collection) and the pin."""
        self._store = None  # type: ignore[assignment]
        pinned = getattr(self, "_pin", None)
        if pinned is not None:
            pinned()

    def __len__(self) -> int:
        return len(self._store)


class DataDir:
    """Generations of a store and the ``live`` pointer (see the module docstring)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    @property
    def pointer(self) -> Path:
        return self.root / CURRENT

    def current(self) -> Path | None:
        if not self.pointer.is_symlink():
            return None
        target = self.root / os.readlink(self.pointer)
        return target if target.is_dir() else None

    def open_live(self, attempts: int = 20) -> tuple[Path, int]:
        """The live generation, pinned: (its path, the pin's file descriptor)."""
        for _ in range(attempts):
            live = self.current()
            if live is None:
                raise StoreNotFound(f"no graph in {self.root}: run `budgetkg build` first")
            try:
                return live, pin(live)
            except FileNotFoundError:  # a build switched and removed it in between: look again
                continue
        raise StoreNotFound(f"the live generation of {self.root} keeps disappearing")

    def generations(self) -> list[Path]:
        folder = self.root / GENERATIONS
        return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def _new_generation(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{time.time_ns() % 1_000_000_000:09d}"
        return self.root / GENERATIONS / f"g-{stamp}-{os.getpid()}"

    @contextlib.contextmanager
    def transaction(self, *, fresh: bool = False) -> Iterator[Store]:
        """A writable copy of the live graph (empty if ``fresh``); the switch happens on a clean exit.

        Builds of one data directory run one at a time (an exclusive lock, released by the kernel
        if the process dies), so a second build starts from the first one's result.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with self._transaction(fresh) as store:
                yield store

    @contextlib.contextmanager
    def _transaction(self, fresh: bool) -> Iterator[Store]:
        self.collect_garbage()
        new = self._new_generation()
        new.parent.mkdir(parents=True, exist_ok=True)
        live = self.current()
        if live is not None and not fresh:
            verify(live)  # never build on a damaged graph (--fresh starts from nothing)
            ox.Store.read_only(str(live)).backup(str(new))
        store = Store.wrap(ox.Store(str(new)), new)
        try:
            yield store
            store.flush()
            store.raw.optimize()  # compact: the write-ahead log alone is ~3× the data after a bulk build
        except BaseException:
            store.close()
            shutil.rmtree(new, ignore_errors=True)
            raise
        store.close()
        gc.collect()
        del_store = ox.Store(str(new))  # reopening lets RocksDB drop the write-ahead log the build filled
        del del_store
        gc.collect()
        seal(new)  # nothing writes to it any more
        self.switch(new)
        self.collect_garbage()

    def switch(self, generation: Path) -> None:
        """Point ``live`` at ``generation`` with one atomic rename."""
        tmp = self.root / f".{CURRENT}.{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(os.path.relpath(generation, self.root), tmp)
        os.replace(tmp, self.pointer)
        fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def collect_garbage(self) -> None:
        """Remove generations that are neither live nor among the newest ``KEEP_OLD`` old ones,
        and any generation left by a build that died (newer than the live one)."""
        live = self.current()
        old = [g for g in self.generations() if g != live]
        if live is not None:
            older = [g for g in old if g.name < live.name]
            keep = set(older[-KEEP_OLD:]) if KEEP_OLD else set()
        else:
            keep = set()
        for g in old:
            if g not in keep and not _owned_by_running_process(g):
                _remove_unless_pinned(g)


def _remove_unless_pinned(generation: Path) -> bool:
    """Delete ``generation`` unless a reader pins it (it is then kept for a later build to collect)."""
    try:
        fd = os.open(generation, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a server or a query still reads it
        shutil.rmtree(generation, ignore_errors=True)
        return True
    finally:
        os.close(fd)


def _owned_by_running_process(generation: Path) -> bool:
    """A generation being written by another live build (its pid is in the name)."""
    try:
        pid = int(generation.name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
