"""A private Dask cluster for tests and benchmarks: a real ``dask scheduler`` and ``dask worker`` processes on
loopback, ephemeral ports, started as children of this process and stopped with it.

    with DaskCluster.start(tmp_path, workers=2) as cluster:
        cluster.address          # tcp://127.0.0.1:PORT — for build(scheduler=…)
        cluster.wait_for_workers(2)
        cluster.kill_scheduler()

Workers run this checkout's ``budgetkg`` (the venv's ``dask`` command) with ``tests/`` on their path, so a
test may hand them readers of its own module.  ``scheduler_env`` sets the scheduler's configuration
(``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES`` …).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    """A port nothing listens on now (for a scheduler address that must not answer)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class DaskCluster:
    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        self.env = env
        self.scheduler: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.address = ""

    @classmethod
    def start(
        cls,
        folder: Path,
        *,
        workers: int = 2,
        threads: int = 1,
        nanny: bool = True,
        scheduler_env: dict[str, str] | None = None,
        timeout: float = 120.0,
    ) -> DaskCluster:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH", "")) if p)
        env["DASK_DISTRIBUTED__LOGGING__DISTRIBUTED"] = "error"
        cluster = cls(folder, env)
        file = folder / "scheduler.json"
        cluster.scheduler = cluster._spawn(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(file)],
            "scheduler",
            {**env, **(scheduler_env or {})},
        )
        deadline = time.monotonic() + timeout
        while not file.exists() or not file.read_text().strip():
            if cluster.scheduler.poll() is not None or time.monotonic() > deadline:
                cluster.stop()
                raise RuntimeError(f"dask scheduler did not start: {cluster.log('scheduler')}")
            time.sleep(0.1)
        cluster.address = json.loads(file.read_text())["address"]
        for i in range(workers):
            cluster.add_worker(threads=threads, nanny=nanny, name=f"w{i + 1}")
        return cluster

    def _spawn(self, argv: list[str], name: str, env: dict[str, str]) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 - the child writes to it until it ends
        return subprocess.Popen(
            argv,
            cwd=self.folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            preexec_fn=_die_with_parent,
        )

    def add_worker(self, *, threads: int = 1, nanny: bool = True, name: str = "w") -> subprocess.Popen:
        argv = [
            DASK,
            "worker",
            self.address,
            "--host",
            "127.0.0.1",
            "--nthreads",
            str(threads),
            "--name",
            name,
            "--no-dashboard",
            "--memory-limit",
            "4GiB",
            "--death-timeout",
            "60",
            "--nanny" if nanny else "--no-nanny",
        ]
        worker = self._spawn(argv, name, self.env)
        self.workers.append(worker)
        return worker

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else "(no log)"

    def wait_for_workers(self, n: int, timeout: float = 120.0) -> None:
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(n, timeout=timeout)

    def kill_scheduler(self) -> None:
        if self.scheduler is not None and self.scheduler.poll() is None:
            self.scheduler.kill()
            self.scheduler.wait(30)

    def stop(self) -> None:
        for p in [*self.workers, self.scheduler]:
            if p is not None and p.poll() is None:
                p.terminate()
        for p in [*self.workers, self.scheduler]:
            if p is None:
                continue
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(10)

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
