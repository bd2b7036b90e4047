"""Read a published file in a child process with a memory limit and a deadline.

PDFium and the XML parsers are C code: a decompression bomb can take gigabytes, a
looping content stream can run for hours, and a crafted file can crash the process.
None of that may take the batch down, so each PDF, DOCX, XLSX or HTML file is read in
a child process whose address space is capped (``RLIMIT_AS``) and which is killed at
the deadline.  A child that dies is named with how it died; an error it raised
(:class:`ReportError`) is raised here as it was.

Starting an interpreter and importing PDFium for every file would cost more than
reading a short report, so the children are forked from a small *reader server*:
a fresh interpreter (``python -m nlp.sources.isolate``, started on first use, one per
process that reads) with the readers imported, that forks one child per file.  It
is a clean single-threaded process, so forking it is safe whatever threads the
caller runs (a web server, a progress bar); it ends when its parent closes the pipe.
(multiprocessing's forkserver would do the same but re-imports the caller's main
script in the server, which breaks any script without a ``__main__`` guard.)

Protocol, each message a pickle behind a 4-byte length: the caller sends
``(module, function, args, memory bytes)``; the server answers ``("pid", pid)``, then
``("done", wait status, peak resident bytes, result bytes)``, the result being the child's pickled
``("ok", value)`` | ``("error", (code, file, line, message))`` | ``("memory", None)`` |
``("bug", text)``.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from nlp.errors import ReportError
from nlp.sources.limits import MIB, Limits

_PRELOAD = (
    "nlp.sources.pdf",
    "nlp.sources.office",
    "nlp.sources.html",
    "pypdfium2",
    "pdfplumber.table",
    "bs4",
    "docx",
    "openpyxl",
)
_LENGTH = struct.Struct(">I")


# --- both sides ----------------------------------------------------------------------------------


def _send(fd: int, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(fd, _LENGTH.pack(len(data)) + data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exact(fd: int, n: int, deadline: float | None = None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _receive(fd: int, deadline: float | None = None):
    (n,) = _LENGTH.unpack(_read_exact(fd, _LENGTH.size, deadline))
    return pickle.loads(_read_exact(fd, n, deadline))


# --- the reader server (a child interpreter) -----------------------------------------------------


def _run_child(out: int, module: str, function: str, args: tuple, memory: int) -> None:
    """In the forked child: cap memory, run, write the pickled outcome to ``out``."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # library chatter on stdout must not corrupt the server's protocol
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # a lower hard limit already: keep it
        pass
    try:
        outcome = ("ok", getattr(importlib.import_module(module), function)(*args))
    except ReportError as exc:
        outcome = ("error", (exc.code, exc.file, exc.line, exc.message))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - reported to the caller as E099 naming the file
        outcome = ("bug", f"{type(exc).__name__}: {exc}")
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    except Exception as exc:  # noqa: BLE001 - a result that cannot be sent is a bug of the reader
        data = pickle.dumps(("bug", f"result not sendable: {type(exc).__name__}: {exc}"))
    _write_all(out, data)


def serve(requests: int = 0, replies: int = 1) -> None:
    """The server loop: one forked child per request, until the caller closes the pipe."""
    for name in _PRELOAD:
        importlib.import_module(name)
    while True:
        try:
            module, function, args, memory = _receive(requests)
        except EOFError:
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            code = 0
            try:
                _run_child(write_end, module, function, args, memory)
            except BaseException:  # noqa: BLE001 - the child must never return into the server loop
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        _send(replies, ("pid", pid))
        chunks = []
        while chunk := os.read(read_end, 1 << 20):
            chunks.append(chunk)
        os.close(read_end)
        _, status, usage = os.wait4(pid, 0)
        _send(replies, ("done", status, usage.ru_maxrss * 1024, b"".join(chunks)))


# --- the caller ----------------------------------------------------------------------------------


class _Server:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.proc: subprocess.Popen | None = None

    def ensure(self) -> subprocess.Popen:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "nlp.sources.isolate"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                close_fds=True,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
            )
        return self.proc

    def stop(self) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None  # started with stdin=PIPE
            self.proc.stdin.close()
            self.proc.wait(5)
            self.proc = None


_server = _Server()


def run_isolated(func: Callable, args: tuple, name: str, limits: Limits):
    """``func(*args)`` in a child process under ``limits``; its result, or the :class:`ReportError` it meant."""
    if os.environ.get("BUDGETKG_READ_IN_PROCESS") == "1":  # debugging: no child, no memory or time limit
        return func(*args)
    with _server.lock:
        proc = _server.ensure()
        assert proc.stdin is not None and proc.stdout is not None  # started with stdin=PIPE, stdout=PIPE
        try:
            _send(proc.stdin.fileno(), (func.__module__, func.__name__, args, limits.max_memory_mb * MIB))
            _tag, pid = _receive(proc.stdout.fileno())
            try:
                _tag, status, peak, data = _receive(proc.stdout.fileno(), time.monotonic() + limits.max_seconds)
            except TimeoutError:
                os.kill(pid, signal.SIGKILL)
                _receive(proc.stdout.fileno())  # the server reaps it and answers
                raise ReportError("E013", name, line=1, limit=f"{limits.max_seconds:g}") from None
        except (EOFError, BrokenPipeError, OSError) as exc:  # the server itself died: start a new one next time
            _server.proc = None
            raise ReportError("E019", name, line=1, reason=f"reader server: {exc}") from exc
    if not data:  # the child died without a word: killed, or crashed in C code
        if os.WIFSIGNALED(status):
            how = signal.Signals(os.WTERMSIG(status)).name
        else:
            how = f"exit status {os.WEXITSTATUS(status)}"
        how += f" at {peak // MIB} MiB resident, limit {limits.max_memory_mb} MiB of address space"
        raise ReportError("E019", name, line=1, reason=how)
    outcome, value = pickle.loads(data)
    if outcome == "ok":
        return value
    if outcome == "error":
        code, file, line, message = value
        raise ReportError.restore(code, file, line, message)
    if outcome == "memory":
        raise ReportError("E014", name, line=1, limit=limits.max_memory_mb)
    raise ReportError("E099", name, line=1, error=value)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the caller, which decides
    serve(sys.stdin.fileno(), sys.stdout.fileno())
