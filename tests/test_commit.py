"""kg.commit: the build's spooled writer gives the store one load per report would — on the corpus's report
graphs, loaded all at once or in batches, including a report replaced while it still waits in the spool."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.commit import BatchedWriter
from kg.store import Store
from kg.summaries import summary_graph


@pytest.fixture(scope="module")
def report_bodies(corpus_data_dir: Path) -> dict[str, bytes]:
    """{report IRI: its report and summary graphs' N-Quads} — what a build worker sends for each report."""
    store = Store(corpus_data_dir, read_only=True)
    reports = [g for g in store.named_graphs() if "/report/" in g]
    assert len(reports) == 5
    out = {}
    for r in reports:
        quads = [
            q for g in (r, summary_graph(r)) for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))
        ]
        out[r] = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return out


def quads_of(store: Store) -> set[ox.Quad]:
    return set(store.raw.quads_for_pattern(None, None, None, None))


def commit_all(store: Store, bodies: dict[str, bytes], batch: int | None) -> BatchedWriter:
    writer = BatchedWriter(store, batch_quads=batch)
    for report, body in bodies.items():
        writer.remove_graph(report)
        writer.remove_graph(summary_graph(report))
        writer.add((report, summary_graph(report)), body)
    return writer


@pytest.mark.parametrize("batch", [1, 30_000, None])
def test_the_store_holds_every_report_whatever_the_batch(report_bodies: dict[str, bytes], batch: int | None) -> None:
    one_by_one = Store()
    for body in report_bodies.values():
        one_by_one.raw.bulk_load(body, format=ox.RdfFormat.N_QUADS)
    store = Store()
    writer = commit_all(store, report_bodies, batch)
    writer.flush()
    assert quads_of(store) == quads_of(one_by_one)
    assert len(store) == sum(body.count(b"\n") for body in report_bodies.values())


def test_a_batch_waits_until_it_is_full_or_flushed(report_bodies: dict[str, bytes]) -> None:
    sizes = {r: body.count(b"\n") for r, body in report_bodies.items()}
    first, second, *_ = report_bodies
    store = Store()
    writer = BatchedWriter(store, batch_quads=sizes[first] + sizes[second])
    writer.add((first, summary_graph(first)), report_bodies[first])
    assert len(store) == 0  # one report waits
    writer.add((second, summary_graph(second)), report_bodies[second])
    assert len(store) == sizes[first] + sizes[second]  # the batch was full: both loaded together
    third = list(report_bodies)[2]
    writer.add((third, summary_graph(third)), report_bodies[third])
    assert len(store) == sizes[first] + sizes[second]  # the spool was emptied: only the third waits
    writer.flush()
    assert len(store) == sizes[first] + sizes[second] + sizes[third]
    writer.flush()  # nothing waits: nothing loaded twice
    assert len(store) == sizes[first] + sizes[second] + sizes[third]
    writer.close()


def test_a_closed_writer_removes_its_spool_and_loads_nothing(report_bodies: dict[str, bytes], tmp_path: Path) -> None:
    report, body = next(iter(report_bodies.items()))
    store = Store()
    with BatchedWriter(store, folder=tmp_path) as writer:
        writer.add((report, summary_graph(report)), body)
        assert writer._spool.tell() == len(body)
    assert len(store) == 0
    assert list(tmp_path.iterdir()) == []  # an unnamed temporary file: nothing left behind


@pytest.mark.parametrize("batch", [1, None])
def test_a_report_read_twice_keeps_only_its_last_graph(report_bodies: dict[str, bytes], batch: int | None) -> None:
    """The second reading of a report replaces the first even while the first still waits in the batch
    (its removal loads the batch first): no quad of the first reading survives that the second lacks."""
    report, body = next(iter(report_bodies.items()))
    lines = body.splitlines(keepends=True)
    first_reading = b"".join(lines)
    second_reading = b"".join(lines[: len(lines) // 2])  # another reading of the same report: fewer facts
    store = Store()
    writer = BatchedWriter(store, batch_quads=batch)
    for reading in (first_reading, second_reading):
        writer.remove_graph(report)
        writer.remove_graph(summary_graph(report))
        writer.add((report, summary_graph(report)), reading)
    writer.flush()
    writer.close()
    expected = Store()
    expected.raw.bulk_load(second_reading, format=ox.RdfFormat.N_QUADS)
    assert quads_of(store) == quads_of(expected)
    assert len(store) < len(lines)
