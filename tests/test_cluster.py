"""The per-file work of a build on a real Dask cluster (kg.cluster): a ``dask scheduler`` and ``dask worker``
processes on loopback (tests/dask_cluster.py), the same results as the local pool, in the order given.

Workers read the files from the bytes shipped with each task (not from the build machine's folders), and
what comes back names the file by the path the build was given.  A worker that dies while building a file
(its own reader kills its process: SIGKILL, as the OOM killer) has its task given to another worker; a file
that kills every worker it meets fails alone (E096); a cluster that is gone stops the build (ClusterError).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS
from dask_cluster import DaskCluster

from kg.build import died, process_file, read
from kg.cluster import ClusterError, cluster_results

pytestmark = pytest.mark.slow  # real scheduler and worker processes, each worker loads the reader once

NAMES = ["000_b0355635f713ec6d.txt", "002_1b1d794f3255dab3.txt", "003_ed709ab5de35a9c8.txt"]
NOT_A_REPORT = "这是一份会议纪要。\n讨论了天气和午餐安排。\n没有预算表格，也没有单位名称。\n"


def dying_reader(path: Path, entities: bool):
    """``read``, except that a file named ``poison_…`` kills the worker process reading it, every time, and a file
    named ``once_…`` the first time only (a marker file next to the inputs remembers it: shared by the workers)."""
    if path.name.startswith("poison_"):
        os.kill(os.getpid(), signal.SIGKILL)
    marker = Path(os.environ.get("BUDGETKG_TEST_MARKERS", "/nonexistent")) / path.name
    if path.name.startswith("once_") and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return read(path, entities)


def task(reader=read, validate=False):
    return partial(
        process_file,
        build_iri="https://w3id.org/budgetkg/id/build/test",
        validate=validate,
        entities=False,
        resolver=None,
        reader=reader,
    )


def inputs(folder: Path, victim: str | None = None) -> list[Path]:
    """Three real reports and a file that is no report; ``victim``: a copy of a real report so named, second."""
    folder.mkdir(parents=True)
    files = [Path(shutil.copy(CORPUS / n, folder / n)) for n in NAMES]
    bad = folder / "minutes.txt"
    bad.write_text(NOT_A_REPORT, encoding="utf-8")
    files.insert(2, bad)
    if victim:
        files.insert(1, Path(shutil.copy(CORPUS / "004_40178b8a809e612f.txt", folder / f"{victim}_004.txt")))
    return files


def quads(nquads: bytes | None) -> set:
    return set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)) if nquads else set()


def summary(outcome) -> tuple:
    return (
        outcome.path,
        outcome.sha256,
        outcome.status,
        outcome.report,
        outcome.error,
        outcome.warnings,
        outcome.violations,
        outcome.triples,
    )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    markers = tmp_path_factory.mktemp("markers")
    os.environ["BUDGETKG_TEST_MARKERS"] = str(markers)  # inherited by the workers started next
    try:
        with DaskCluster.start(tmp_path_factory.mktemp("dask"), workers=2) as c:
            c.wait_for_workers(2)
            yield c
    finally:
        os.environ.pop("BUDGETKG_TEST_MARKERS", None)


def test_the_cluster_gives_what_the_local_pool_gives_in_the_order_given(cluster, tmp_path) -> None:
    files = inputs(tmp_path / "in")
    work = task(validate=True)
    got = list(cluster_results(work, files, cluster.address, died))
    here = [work(p) for p in files]

    assert [o.path for o, _ in got] == [str(p) for p in files]
    assert [summary(o) for o, _ in got] == [summary(o) for o, _ in here]  # messages name the given paths
    assert [quads(n) for _, n in got] == [quads(n) for _, n in here]
    (bad,) = [o for o, _ in got if o.status == "failed"]
    assert re.match(rf"{re.escape(str(files[2]))}:1: error E005\b", bad.error)
    assert all(len(quads(n)) > 1000 for o, n in got if o.status == "built")


def test_a_worker_killed_mid_build_has_its_file_built_by_another(cluster, tmp_path) -> None:
    files = inputs(tmp_path / "in", victim="once")
    got = list(cluster_results(task(dying_reader), files, cluster.address, died))

    assert (Path(os.environ["BUDGETKG_TEST_MARKERS"]) / files[1].name).exists()  # its first worker did die
    assert [o.status for o, _ in got] == ["built", "built", "built", "failed", "built"]
    assert quads(got[1][1]) == quads(task()(files[1])[1])
    cluster.wait_for_workers(2)  # the nanny restarts the worker it lost


def test_a_worker_with_other_software_stops_the_build(cluster, tmp_path) -> None:
    files = inputs(tmp_path / "in")[:1]
    with pytest.raises(ClusterError, match=r"runs budgetkg .* this build other-version: install the same version"):
        list(cluster_results(task(), files, cluster.address, died, version="other-version"))


def test_a_file_that_kills_every_worker_fails_alone_with_e096(tmp_path) -> None:
    files = inputs(tmp_path / "in", victim="poison")
    with DaskCluster.start(
        tmp_path / "dask", workers=2, scheduler_env={"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    ) as c:
        c.wait_for_workers(2)
        got = list(cluster_results(task(dying_reader), files, c.address, died))

    assert [o.status for o, _ in got] == ["built", "failed", "built", "failed", "built"]
    assert re.fullmatch(
        rf"{re.escape(str(files[1]))}:0: error E096: the process building the report ended abnormally "
        r"\(it ended 2 Dask workers, the last tcp://127\.0\.0\.1:\d+\), also when run on its own; "
        r"the file was skipped, the others are stored",
        got[1][0].error,
    )


def test_a_lost_scheduler_stops_the_build(tmp_path) -> None:
    files = inputs(tmp_path / "in")
    with DaskCluster.start(tmp_path / "dask", workers=1) as c:
        c.wait_for_workers(1)
        results = cluster_results(task(), files, c.address, died)
        first, _ = next(results)
        assert first.status == "built"
        c.kill_scheduler()
        with pytest.raises(ClusterError, match="lost the Dask scheduler"):
            list(results)


def test_a_cluster_without_workers_stops_the_build(tmp_path) -> None:
    files = inputs(tmp_path / "in")[:1]
    with (
        DaskCluster.start(tmp_path / "dask", workers=0) as c,
        pytest.raises(ClusterError, match="has had no worker for 3 s"),
    ):
        list(cluster_results(task(), files, c.address, died, no_workers_timeout=3))


def test_an_unreachable_scheduler_is_an_error_naming_it(tmp_path) -> None:
    from dask_cluster import free_port

    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at {re.escape(address)}"):
        list(cluster_results(task(), [CORPUS / NAMES[0]], address, died, connect_timeout=3))
