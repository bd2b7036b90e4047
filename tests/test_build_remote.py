"""``budgetkg build --remote`` keeps one version of each report on the remote store (a private Virtuoso,
tests/virtuoso_server.py): a rebuilt report's graph is replaced whole, and a report whose file now reads as
another report (its year changed) takes its old graph and the old graph's summary with it — by the Graph
Store Protocol and by the bulk loader alike.

The report is a corpus report copied to a folder of its own and changed there, as a department republishing
its file would: one sentence of its responsibilities reworded (same report), then every "2018" made "2019"
(another report of the same agency).
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.remote import RemoteStore
from kg.store import Store
from kg.summaries import summary_graph
from tests.conftest import CORPUS_FILES

pytestmark = [pytest.mark.virtuoso, pytest.mark.slow]

REPORT = next(f for f in CORPUS_FILES if f.name.startswith("000_"))  # 番禺区政务办, 2018 budget
BKG = "https://w3id.org/budgetkg/ontology#"


def report_graphs(store) -> set[str]:
    """The report graphs a store holds (a report's graph holds the report itself)."""
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{BKG}Report> }} }}")
    return {r["g"].value for r in rows}


def triples(store, graph: str) -> set[ox.Triple]:
    rows = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {t for t in rows if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}


@pytest.mark.parametrize("path", ["graph store protocol", "bulk loader"])
def test_a_rebuilt_or_renamed_report_leaves_one_version_on_the_remote_store(
    path, virtuoso_server, tmp_path, capsys
) -> None:
    folder, data = tmp_path / "in", tmp_path / "data"
    folder.mkdir()
    shutil.copy(REPORT, folder / REPORT.name)
    remote = RemoteStore(virtuoso_server.url, timeout=120)
    bulk = (
        [
            "--remote-isql",
            f"127.0.0.1:{virtuoso_server.isql_port}",
            "--remote-load-dir",
            str(virtuoso_server.load_dir),
            "--remote-bulk-min-triples",
            "1",
        ]
        if path == "bulk loader"
        else []
    )

    def build() -> str:
        argv = ["build", str(folder), "--store", str(data), "--quiet", "--no-entities", "--no-validate"]
        assert main([*argv, "--remote", virtuoso_server.url, *bulk]) == 0
        return capsys.readouterr().out

    first: set[str] = set()
    try:
        out = build()
        assert f"({path})" in out
        first = report_graphs(Store(data, read_only=True))
        assert len(first) == 1 and first <= report_graphs(remote)
        (old,) = first
        assert summary_graph(old) in remote.named_graphs()

        # the same report, one sentence reworded: its graph replaced whole (no triple of the old text left)
        text = (folder / REPORT.name).read_text(encoding="utf-8")
        assert "集中受理" in text
        (folder / REPORT.name).write_text(text.replace("集中受理", "统一受理"), encoding="utf-8")
        build()
        local = Store(data, read_only=True)
        assert report_graphs(local) == first
        mine, theirs = triples(local, old), triples(remote, old)
        assert mine == theirs and any("统一受理" in t.object.value for t in theirs)
        assert not any("集中受理" in t.object.value for t in theirs)

        # the same file, now another year: another report; the old one and its summary leave the remote store
        reworded = (folder / REPORT.name).read_text(encoding="utf-8")
        (folder / REPORT.name).write_text(reworded.replace("2018", "2019"), encoding="utf-8")
        out = build()
        local = Store(data, read_only=True)
        (new,) = report_graphs(local)
        assert new != old and new.endswith("/2019/budget") and old.endswith("/2018/budget")
        there = remote.named_graphs()
        assert new in there and summary_graph(new) in there
        assert old not in there and summary_graph(old) not in there, "two versions of one report on the remote store"
        assert "1 replaced report graphs removed" in out
        assert triples(remote, new) == triples(local, new)
    finally:
        for g in report_graphs(Store(data, read_only=True)) | first:
            remote.remove_graph(g)
            remote.remove_graph(summary_graph(g))
        remote.close()
