"""Running the per-file work of a build on a Dask cluster: ``budgetkg build --scheduler tcp://HOST:PORT``.

The same contract as :func:`kg.pool.local_results`: ``task(path)`` for every path, results in the
order of the paths, as they come; the build process alone writes the store, in one transaction.

- **Files travel with their task.**  The workers need not see the build machine's folders: each
  file's bytes go to the worker with the task, are written there into a private folder under the
  file's own name and read from it; what comes back (the file's outcome and the N-Quads of its
  graph) names the file by the path the build was given, so messages read as in a local build.
- **A worker that dies** (killed, out of memory, its machine gone): the scheduler gives its tasks to
  another worker.  A file whose task was running on every one of ``allowed-failures + 1`` workers
  that died (the scheduler's setting, 3 by default) is the culprit: it fails alone (E096), the batch
  goes on.
- **A cluster that is gone** (the scheduler unreachable or lost, no worker left for
  ``no_workers_timeout`` seconds), or a worker that runs other software than the build (another
  :func:`kg.version.software_version`: its graphs would differ from this build's): :class:`ClusterError`.
  The build stops and, its transaction not committed, the store keeps its previous generation.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import CancelledError
from pathlib import Path

from kg.pool import Failed, Task

#: Tasks submitted ahead of the result the build waits for, per worker thread: every worker stays
#: busy while results are committed in order, and few files' bytes wait in the scheduler's memory.
AHEAD_PER_THREAD = 2

#: How long the build tries to reach the scheduler (s): a cluster that is still starting gets that long.
CONNECT_TIMEOUT_S = 30.0

#: How often the build looks whether the cluster still has workers while it waits for a result (s).
POLL_S = 2.0


class ClusterError(RuntimeError):
    """The cluster cannot finish the build (the build stops; the store keeps its previous generation)."""


def cluster_results(
    task: Task,
    paths: Iterable[Path],
    scheduler: str,
    failed: Failed,
    *,
    version: str | None = None,
    connect_timeout: float | None = None,
    no_workers_timeout: float = 120.0,
) -> Generator[tuple, None, None]:
    """``task(path)`` for every path, in the order given, computed on the Dask cluster at ``scheduler``.

    ``failed(path, reason)`` makes the result of a file whose task killed every worker it ran on;
    ``version`` (default: this build's :func:`kg.version.software_version`) is what each worker must run."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("a build on a Dask cluster needs dask.distributed: pip install 'budgetkg[cluster]'") from exc

    from kg.version import software_version

    paths = list(paths)
    if not paths:
        return
    version = version or software_version()
    try:
        client = Client(scheduler, timeout=connect_timeout or CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        todo = iter(paths)
        window: deque[tuple[Path, object]] = deque()  # (path, Future | result), oldest first
        while True:
            ahead = max(2, AHEAD_PER_THREAD * threads(client, scheduler))
            while len(window) < ahead:
                path = next(todo, None)
                if path is None:
                    break
                try:
                    data = path.read_bytes()
                except OSError:  # gone since the build looked at it: the task says so, here (no worker needed)
                    window.append((path, (version, task(path))))
                    continue
                window.append((path, client.submit(run_shipped, task, str(path), data, pure=False)))
            if not window:
                return
            path, pending = window.popleft()
            if isinstance(pending, tuple):
                yield pending[1]
            else:
                yield outcome_of(client, scheduler, pending, path, failed, version, no_workers_timeout)
    finally:
        with contextlib.suppress(OSError, TimeoutError):  # the scheduler may be gone already
            client.close(timeout=10)


def threads(client, scheduler: str) -> int:
    """Worker threads in the cluster now (0 when it has no worker)."""
    try:
        return sum(client.nthreads().values())
    except (OSError, TimeoutError, CancelledError) as exc:
        raise ClusterError(f"lost the Dask scheduler at {scheduler}: {exc}") from exc


def outcome_of(
    client, scheduler: str, future, path: Path, failed: Failed, version: str, no_workers_timeout: float
) -> tuple:
    """The result of one file's task: waits, watching that the cluster still has workers."""
    from distributed import KilledWorker

    alone_since: float | None = None
    while True:
        try:
            worker_version, result = future.result(timeout=POLL_S)
        except TimeoutError:
            if threads(client, scheduler):
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > no_workers_timeout:
                raise ClusterError(
                    f"the Dask cluster at {scheduler} has had no worker for {no_workers_timeout:g} s; the build stops"
                ) from None
            continue
        except KilledWorker as exc:
            return failed(path, f"it ended {exc.args[2] + 1} Dask workers, the last {worker_address(exc)}")
        except CancelledError as exc:  # the scheduler was lost: its tasks are gone with it
            raise ClusterError(f"lost the Dask scheduler at {scheduler}: {exc}") from exc
        except Exception as exc:  # noqa: BLE001 - raised by the task on its worker: this file fails, the batch goes on
            return failed(path, f"{type(exc).__name__} on its Dask worker: {exc}")
        if worker_version != version:
            raise ClusterError(
                f"a Dask worker of {scheduler} runs budgetkg {worker_version}, this build "
                f"{version}: install the same version on every worker"
            )
        return result


def worker_address(exc: Exception) -> str:
    last = exc.args[1] if len(exc.args) > 1 else None
    return getattr(last, "address", None) or str(last)


def run_shipped(task: Callable[[Path], tuple], path: str, data: bytes) -> tuple[str, tuple]:
    """On a worker: ``task`` on the file's bytes, written under its own name into a private folder;
    the result names the file by ``path`` again.  With the worker's software version."""
    from kg.version import software_version

    with tempfile.TemporaryDirectory(prefix="budgetkg-") as folder:
        here = Path(folder) / (Path(path).name or "report")
        here.write_bytes(data)
        result = task(here)
    return software_version(), relocated(result, str(here), path)


def relocated(result: tuple, here: str, there: str) -> tuple:
    """``(outcome, nquads)`` of the file read at ``here`` as if read at ``there``: the outcome's path and
    its messages (``here:12: E010 …``).  The graph names the file by its name and SHA-256 only."""
    outcome, nquads = result
    outcome.path = there
    outcome.error = outcome.error.replace(here, there) if outcome.error else outcome.error
    for name in ("warnings", "violations", "shacl_warnings"):
        setattr(outcome, name, [m.replace(here, there) for m in getattr(outcome, name)])
    return outcome, nquads
