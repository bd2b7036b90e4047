"""Running the per-file work of a build (read, map, validate) in parallel, results in input order.

:func:`local_results` is the default: a process pool on this machine.  A worker process that dies
(a segfault in a native library, the kernel's OOM killer, ``os._exit``) breaks a
:class:`~concurrent.futures.ProcessPoolExecutor` and every file then in flight fails with it; so
each file that was in flight is run again *on its own*, in a fresh process, and only the file
whose process dies again fails (E096) — the batch goes on in a new pool.

The work itself (:func:`kg.build.process_file`) is a picklable callable ``task(path) -> (outcome,
nquads)``; the caller (:func:`kg.build.build`) stores the results, in the order of the paths, as
they come.  A Dask cluster runs the same task (:mod:`kg.cluster`).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from pathlib import Path

#: Files submitted ahead of the one the caller waits for, per worker: enough to keep every worker
#: busy while results are stored in order, few enough that a broken pool costs little to redo.
AHEAD_PER_WORKER = 2

Task = Callable[[Path], tuple]
Failed = Callable[[Path, str], tuple]


def local_results(task: Task, paths: Iterable[Path], jobs: int, failed: Failed) -> Generator[tuple, None, None]:
    """``task(path)`` for every path, in the order given, computed by ``jobs`` processes (1: here).

    ``failed(path, reason)`` makes the result of a file whose process died twice (once in the pool,
    once on its own)."""
    paths = list(paths)
    if jobs <= 1 or len(paths) <= 1:
        yield from map(task, paths)
        return
    ctx = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=die_with_parent)

    todo = iter(paths)
    window: deque[list] = deque()  # [path, Future | result], oldest first
    pool = new_pool()
    try:
        while True:
            while len(window) < jobs * AHEAD_PER_WORKER:
                path = next(todo, None)
                if path is None:
                    break
                window.append([path, submit(pool, task, path)])
            if not window:
                return
            path, pending = window[0]
            if isinstance(pending, Future):
                try:
                    pending = pending.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    rerun_alone(window, task, ctx, failed)
                    pool = new_pool()
                    continue
            window.popleft()
            yield pending
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def submit(pool: ProcessPoolExecutor, task: Task, path: Path) -> Future:
    """``pool.submit``; a pool that broke meanwhile gives a future that says so (redone like the others)."""
    try:
        return pool.submit(task, path)
    except BrokenProcessPool as exc:
        lost: Future = Future()
        lost.set_exception(exc)
        return lost


def rerun_alone(window: deque[list], task: Task, ctx, failed: Failed) -> None:
    """After the pool broke: every file of ``window`` whose result was lost is run again in a
    process of its own, so the one that kills its process is found and fails alone."""
    for item in window:
        pending = item[1]
        if not isinstance(pending, Future):
            continue
        if pending.done() and not pending.cancelled() and pending.exception() is None:
            item[1] = pending.result()  # finished before the pool broke: kept
            continue
        item[1] = run_alone(task, item[0], ctx, failed)


def _child(conn, task: Task, path: Path) -> None:
    die_with_parent()
    conn.send(task(path))
    conn.close()


def run_alone(task: Task, path: Path, ctx, failed: Failed) -> tuple:
    """``task(path)`` in a fresh process; ``failed(path, reason)`` if that process dies too."""
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, task, path), daemon=True)
    process.start()
    child.close()
    try:
        ready = wait([parent, process.sentinel])
        if parent in ready:
            try:
                return parent.recv()
            except (EOFError, OSError):
                pass  # it died while sending
        process.join()
        return failed(path, exit_reason(process.exitcode))
    finally:
        parent.close()
        if process.is_alive():
            process.kill()
        process.join()


def exit_reason(code: int | None) -> str:
    """A dead process's exit status in words (``killed by SIGKILL`` — the OOM killer sends it)."""
    if code is None:
        return "it did not end"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = {"SIGKILL": " (out of memory?)", "SIGSEGV": " (a crash in native code)"}.get(name, "")
        return f"killed by {name}{hint}"
    return f"exit status {code}"


def die_with_parent() -> None:
    """In a worker: be killed when the build process dies (even by SIGKILL), rather than linger (Linux)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass
