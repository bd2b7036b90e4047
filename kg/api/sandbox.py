"""The walls around a query worker process: no network, bounded memory and CPU, lower priority.

The guard (:mod:`kg.api.guard`) refuses SERVICE on the parsed query; this is the second wall, for
whatever the guard might miss: a worker cannot open a network connection at all.  Two mechanisms,
raised before the store is opened (so before pyoxigraph starts any thread), each enough alone:

* a **seccomp filter** (Linux ≥ 3.5, through libseccomp, unprivileged): ``socket(2)`` and
  ``io_uring_setup(2)`` fail with EACCES, so no socket of any family can be made.  The socket pair
  the worker talks to the server over exists before the filter and stays usable;
* a **network namespace** (``unshare(CLONE_NEWNET)``, as root, or inside a new user namespace where
  the kernel allows unprivileged ones): the worker sees only a loopback interface that is down.

When neither can be raised the worker refuses to start (the server reports why), unless the
setting ``worker_network_isolation`` is ``"off"``.

Limits use ``setrlimit(2)``: ``RLIMIT_DATA`` bounds the worker's private writable memory (heap and
anonymous mappings, not the read-only store files it maps), so a query that would grow past it
fails its allocation and the worker dies instead of the machine swapping; ``RLIMIT_CPU`` is set
before each query to the CPU seconds used so far plus the query's allowance, so the kernel stops a
runaway query even if the server that should kill it is itself stuck.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import resource
import signal

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def die_with_parent() -> None:
    """Be killed when the server dies (even by SIGKILL) rather than linger (Linux)."""
    with contextlib.suppress(AttributeError):  # not Linux: the worker ends when its socket closes
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _seccomp() -> str | None:
    """Install the no-socket filter; None on success, else why not."""
    try:
        import pyseccomp as seccomp
    except (ImportError, RuntimeError, OSError) as exc:  # no libseccomp on this system
        return f"seccomp unavailable ({exc})"
    try:
        f = seccomp.SyscallFilter(seccomp.ALLOW)
        for name in ("socket", "io_uring_setup"):
            try:
                f.add_rule(seccomp.ERRNO(errno.EACCES), name)
            except (ValueError, OSError):  # a syscall this architecture does not have
                continue
        f.load()
    except OSError as exc:
        return f"seccomp filter refused ({exc})"
    return None


def _unshare_network() -> str | None:
    """Move into a new, empty network namespace; None on success, else why not."""
    flags = [CLONE_NEWNET] if os.geteuid() == 0 else [CLONE_NEWUSER | CLONE_NEWNET]
    for f in flags:
        if _libc.unshare(f) == 0:
            return None
    return f"unshare(CLONE_NEWNET) refused ({os.strerror(ctypes.get_errno())})"


def isolate_network(required: bool = True) -> list[str]:
    """Raise both walls as far as the system allows; return the names of those that stand.

    Call while the process has one thread (namespaces and seccomp filters are inherited by threads
    made afterwards).  Raises OSError when ``required`` and neither could be raised.
    """
    walls, reasons = [], []
    for name, raise_wall in (("network namespace", _unshare_network), ("seccomp", _seccomp)):
        why = raise_wall()
        if why is None:
            walls.append(name)
        else:
            reasons.append(why)
    if required and not walls:
        raise OSError(
            errno.EPERM,
            "cannot cut the query worker off the network: "
            + "; ".join(reasons)
            + " (set BUDGETKG_WORKER_NETWORK_ISOLATION=off to run without, unsafely)",
        )
    return walls


def limit_memory(megabytes: int) -> None:
    """Cap the worker's private writable memory (``RLIMIT_DATA``) at ``megabytes``."""
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def lower_priority(increment: int) -> None:
    """Let the server's event loop run before the workers when the cores are busy."""
    if increment > 0:
        with contextlib.suppress(OSError):
            os.nice(increment)


def cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def limit_cpu(seconds: float) -> None:
    """From now on, ``seconds`` more CPU time at most (SIGXCPU, which ends the process, past it)."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(cpu_used() + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
