"""Virtuoso's bulk loader (kg.bulkload) against a real, private Virtuoso (tests/virtuoso_server.py): report graphs
built locally arrive whole and replace what the graphs held, exactly as the Graph Store Protocol puts them; a
folder the server cannot see changes no graph; a file the loader rejects is an error naming it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import CORPUS

import kg.bulkload
from kg.build import build
from kg.bulkload import BulkLoader, BulkLoadError, publish
from kg.remote import RemoteStore
from kg.store import Store

pytestmark = pytest.mark.virtuoso

NAMES = ["000_b0355635f713ec6d.txt", "002_1b1d794f3255dab3.txt"]


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """Two corpus reports built into an embedded store (no entities: the graph's shape is what matters here)."""
    data = tmp_path_factory.mktemp("data")
    result = build([CORPUS / n for n in NAMES], data, entities=False, validate=False, jobs=1)
    assert not result.failed
    store = Store(data, read_only=True)
    return store, [f.report for f in result.files]


@pytest.fixture(scope="module")
def remote(virtuoso_server):
    r = RemoteStore(virtuoso_server.url)
    yield r
    r.close()


def loader(server, **kw) -> BulkLoader:
    return BulkLoader(f"127.0.0.1:{server.isql_port}", server.load_dir, **kw)


def triples_there(remote: RemoteStore, graph: str) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(remote.dump("nt", graph), format=ox.RdfFormat.N_TRIPLES)
    }


def triples_here(store: Store, graph: str) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    }


@pytest.mark.slow  # builds two reports first; the fast loop keeps the rejected-file case
def test_bulk_loaded_report_graphs_are_the_local_graphs_and_replace_what_was_there(
    local, remote, virtuoso_server
) -> None:
    store, graphs = local
    stale = ox.Quad(ox.NamedNode("urn:stale"), ox.NamedNode("urn:p"), ox.Literal("old"), ox.NamedNode(graphs[0]))
    remote.replace_graph(graphs[0], [stale])

    how, n = publish(store, remote, graphs, loader(virtuoso_server), min_triples=1)

    assert (how, n) == ("bulk loader", 2)
    for g in graphs:
        assert triples_there(remote, g) == triples_here(store, g)  # Decimal amounts, zh labels, IRIs: as built
    assert not list(virtuoso_server.load_dir.iterdir())  # the batch's files are gone; the loader's list too
    # loaded again: replaced, not doubled
    loader(virtuoso_server).replace_graphs(
        {g: store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)) for g in graphs}
    )
    assert len(triples_there(remote, graphs[1])) == len(triples_here(store, graphs[1]))


@pytest.mark.slow  # builds two reports first; the fast loop keeps the rejected-file case
def test_a_small_batch_goes_by_the_graph_store_protocol(local, remote, virtuoso_server) -> None:
    store, graphs = local
    how, n = publish(store, remote, graphs[:1], loader(virtuoso_server), min_triples=10**9)
    assert (how, n) == ("graph store protocol", 1)
    assert triples_there(remote, graphs[0]) == triples_here(store, graphs[0])


@pytest.mark.slow  # builds two reports first; the fast loop keeps the rejected-file case
def test_a_folder_the_server_cannot_see_changes_no_graph(local, remote, virtuoso_server, tmp_path) -> None:
    store, graphs = local
    publish(store, remote, graphs[:1], loader(virtuoso_server), min_triples=1)
    before = triples_there(remote, graphs[0])
    elsewhere = loader(virtuoso_server, server_dir="/nonexistent/budgetkg-load")
    elsewhere.load_dir = tmp_path  # written here, but the server is told a folder it does not have
    with pytest.raises(BulkLoadError, match="nonexistent/budgetkg-load"):
        elsewhere.replace_graphs(
            {
                graphs[0]: [
                    ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("1"), ox.NamedNode(graphs[0]))
                ]
            }
        )
    assert triples_there(remote, graphs[0]) == before


def test_a_file_the_loader_rejects_is_an_error_naming_it(remote, virtuoso_server, monkeypatch) -> None:
    g = "https://w3id.org/budgetkg/id/test-bulkload/broken"

    def broken(folder, graphs):  # what a disk error or a truncated copy would leave
        path = folder / "part-00000.nq"
        path.write_bytes(b'<urn:s> <urn:p> "cut off\n')
        return [path], 1

    monkeypatch.setattr(kg.bulkload, "write_files", broken)
    with pytest.raises(BulkLoadError, match=r"part-00000\.nq: state \d: .*SP029: NQuads RDF loader, line \d+"):
        loader(virtuoso_server).replace_graphs({g: []})


def test_the_build_command_publishes_a_large_batch_by_the_bulk_loader(
    remote, virtuoso_server, tmp_path, monkeypatch, capsys
) -> None:
    from kg.cli import main

    data = tmp_path / "data"
    code = main(
        [
            "build",
            *(str(CORPUS / n) for n in NAMES),
            "--store",
            str(data),
            "--quiet",
            "--no-entities",
            "--no-validate",
            "--remote",
            virtuoso_server.url,
            "--remote-isql",
            f"127.0.0.1:{virtuoso_server.isql_port}",
            "--remote-load-dir",
            str(virtuoso_server.load_dir),
            "--remote-bulk-min-triples",
            "1000",
        ]
    )  # the two reports hold more
    assert code == 0
    assert "graphs published to" in capsys.readouterr().out.split("remote: ")[1].split("(bulk loader)")[0]
    store = Store(data, read_only=True)
    for g in (
        store.named_graphs()
    ):  # the reports, the ontology (its blank nodes: the same graph up to their names), the provenance
        assert isomorphic(triples_there(remote, g), triples_here(store, g)), g


def isomorphic(a: set[ox.Triple], b: set[ox.Triple]) -> bool:
    from rdflib import Graph
    from rdflib.compare import isomorphic as same

    def graph(ts: set[ox.Triple]) -> Graph:
        return Graph().parse(data=ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES), format="nt")

    return same(graph(a), graph(b))


def test_sql_literals_cannot_end_the_statement() -> None:
    assert kg.bulkload.sql_string("it's") == "'it''s'"
    with pytest.raises(ValueError):
        kg.bulkload.sql_string("a\nb")
