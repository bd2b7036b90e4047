"""``budgetkg build --scheduler``: the whole build with its per-file work on a real Dask cluster (tests/dask_cluster.py).

The store it commits is the store a local build commits (every report graph the same, quad for quad); the build
after it finds the files unchanged; a cluster lost mid-build stops the build and the store keeps its previous
generation, as an interrupted local build does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS
from dask_cluster import DaskCluster, free_port

import kg.cluster
from kg import iri
from kg.build import build
from kg.cli import main
from kg.cluster import ClusterError
from kg.store import DataDir, Store

NAMES = ["000_b0355635f713ec6d.txt", "002_1b1d794f3255dab3.txt", "004_40178b8a809e612f.txt"]


def inputs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    files = [Path(shutil.copy(CORPUS / n, folder / n)) for n in NAMES]
    bad = folder / "empty.txt"
    bad.write_bytes(b"")
    return [*files[:1], bad, *files[1:]]


def report_graphs(data: Path) -> dict[str, set[ox.Quad]]:
    """The report graphs (and the other graphs the workers' N-Quads hold), each report's build IRI made one: the
    build's provenance and the ontology graph (its blank nodes) are made by the build process, not the workers."""
    store = Store(data, read_only=True)
    build = ox.NamedNode(iri.build("any"))
    made = ox.NamedNode("http://www.w3.org/ns/prov#wasGeneratedBy")
    return {
        g: {
            ox.Quad(q.subject, q.predicate, build, q.graph_name) if q.predicate == made else q
            for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))
        }
        for g in store.named_graphs()
        if g not in {iri.PROVENANCE_GRAPH, iri.ONTOLOGY_GRAPH}
    }


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with DaskCluster.start(tmp_path_factory.mktemp("dask"), workers=2) as c:
        c.wait_for_workers(2)
        yield c


@pytest.mark.slow
def test_a_cluster_build_stores_what_a_local_build_stores(cluster, tmp_path) -> None:
    files = inputs(tmp_path / "in")
    there = build(files, tmp_path / "cluster", scheduler=cluster.address)
    here = build(files, tmp_path / "local", jobs=1)

    assert [(f.path, f.status, f.report, f.error, f.triples) for f in there.files] == [
        (f.path, f.status, f.report, f.error, f.triples) for f in here.files
    ]
    assert there.files[1].status == "failed" and there.files[1].error.startswith(f"{files[1]}:")  # named as given
    assert report_graphs(tmp_path / "cluster") == report_graphs(tmp_path / "local")
    assert there.counts == here.counts and there.store_triples == here.store_triples

    again = build(files, tmp_path / "cluster", scheduler=cluster.address)
    assert [f.status for f in again.files] == ["unchanged", "failed", "unchanged", "unchanged"]


@pytest.mark.slow
def test_a_lost_cluster_leaves_the_previous_generation(tmp_path) -> None:
    files = inputs(tmp_path / "in")
    data = tmp_path / "data"
    build(files[:2], data, jobs=1, entities=False)
    before, graphs = DataDir(data).current(), report_graphs(data)

    with DaskCluster.start(tmp_path / "dask", workers=1) as c:
        c.wait_for_workers(1)

        def lose_the_scheduler(outcome) -> None:
            c.kill_scheduler()

        with pytest.raises(ClusterError, match="lost the Dask scheduler"):
            build(files, data, force=True, entities=False, scheduler=c.address, on_file=lose_the_scheduler)

    assert DataDir(data).current() == before
    assert report_graphs(data) == graphs


def test_the_command_says_when_the_scheduler_cannot_be_reached(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT_S", 2.0)
    data = tmp_path / "data"
    address = f"tcp://127.0.0.1:{free_port()}"
    code = main(["build", str(CORPUS / NAMES[0]), "--store", str(data), "--quiet", "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 3
    assert f"cannot reach the Dask scheduler at {address}" in err and "the store is unchanged" in err
    assert DataDir(data).current() is None
