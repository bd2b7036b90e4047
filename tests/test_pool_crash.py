"""A worker process of the build's pool that dies (a segfault, the OOM killer) fails its own file only.

The reader is injected (``build(reader=…)``, a function of this module, so the spawned workers import it)
and kills its own process when it meets the victim file: by ``os._exit``, as a crash in native code ends a
process, or by SIGKILL, as the kernel's OOM killer does.  The pool breaks and every file in flight with it;
each of those is built again on its own, and only the victim fails (E096) — the others are stored.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path

import pytest
from conftest import CORPUS

from kg.build import build, read
from kg.pool import exit_reason
from kg.store import Store

VICTIM = "victim_"


def dying_reader(path: Path, entities: bool):
    """``read``, except that reading a victim file ends the process as its name says."""
    if path.name.startswith(VICTIM + "exit"):
        os._exit(70)
    if path.name.startswith(VICTIM + "kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    return read(path, entities)


def inputs(folder: Path, victim: str) -> list[Path]:
    """Four real reports, the victim (a copy of a real one) third: files before and after it are in flight with it."""
    folder.mkdir()
    names = [
        "000_b0355635f713ec6d.txt",
        "001_9a84904669e9b7f4.txt",
        "003_ed709ab5de35a9c8.txt",
        "004_40178b8a809e612f.txt",
    ]
    files = [shutil.copy(CORPUS / n, folder / n) for n in names]
    bad = folder / f"{VICTIM}{victim}_002.txt"
    shutil.copy(CORPUS / "002_1b1d794f3255dab3.txt", bad)
    return [Path(f) for f in files[:2]] + [bad] + [Path(f) for f in files[2:]]


@pytest.mark.slow  # two pooled builds of five reports: each lost file is read again in a process of its own
@pytest.mark.parametrize("how, reason", [("exit", "exit status 70"), ("kill", "killed by SIGKILL (out of memory?)")])
def test_a_dying_worker_fails_its_own_file_and_the_batch_goes_on(how, reason, tmp_path) -> None:
    files = inputs(tmp_path / "in", how)
    data = tmp_path / "data"
    result = build(files, data, jobs=2, entities=False, validate=False, reader=dying_reader)

    assert [f.path for f in result.files] == [str(p) for p in files]  # in the order given
    (failed,) = result.failed
    assert failed.path == str(files[2])
    assert re.fullmatch(
        rf"{re.escape(str(files[2]))}:0: error E096: the process building the report ended abnormally "
        rf"\({re.escape(reason)}\), also when run on its own; the file was skipped, the others are stored",
        failed.error,
    )
    built = [f for f in result.files if f.status == "built"]
    assert len(built) == 4
    stored = set(Store(data, read_only=True).named_graphs())
    assert {f.report for f in built} <= stored


def test_exit_reasons_in_words() -> None:
    assert exit_reason(-signal.SIGKILL) == "killed by SIGKILL (out of memory?)"
    assert exit_reason(-signal.SIGSEGV) == "killed by SIGSEGV (a crash in native code)"
    assert exit_reason(3) == "exit status 3"
