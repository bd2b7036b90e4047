"""A summarised named query gives exactly the rows its computation gives over the whole store.

Some named queries read per-report summary rows that the build computed (kg.summaries, queries/summaries/).
A summary "of" a named query holds that query's answer for one report: there the computation itself — the
summary query, run over the whole corpus store with the same parameter value bound — is the reference.  A
summary that is "part of" a named query holds a per-report aggregate the query combines across reports: there
the reference is the query as it was before it read summaries (tests/fixtures/reference-queries/), the full
computation over every report's line items.  Either way the named query must give the same rows, for every value
its parameter takes in the corpus.  A report built, rebuilt or removed carries its summary with it (tests of
kg.build below).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.queries import bind, bind_terms, load_named_queries, parse
from kg.store import Store
from kg.summaries import summary_graph, summary_queries
from tests.queryrows import concatenated, parameter_values, rows

QUERIES = load_named_queries()
SUMMARIES = summary_queries()
BKG = "https://w3id.org/budgetkg/ontology#"
REFERENCES = Path(__file__).parent / "fixtures" / "reference-queries"
#: the named queries that read a partial summary, each with its full computation
PARTIAL = sorted({s.serves for s in SUMMARIES.values() if not s.whole})


def values_of(store: Store, name: str) -> list[str]:
    return parameter_values(store, name, "iri" if name == "report" else "")


def runs_of(store: Store, name: str) -> list[dict[str, str]]:
    """Every combination of the values the named query's parameters take in the corpus ([{}] for none)."""
    runs: list[dict[str, str]] = [{}]
    for p in QUERIES[name].params:
        runs = [dict(r, **{p.name: v}) for r in runs for v in parameter_values(store, p.name, p.type)]
    return runs


def test_every_summary_serves_a_named_query_with_its_columns() -> None:
    assert SUMMARIES, "queries/summaries/ is empty"
    empty = ox.Store()  # only the columns matter here
    for name, summary in SUMMARIES.items():
        assert summary.serves in QUERIES, f"summary {name} serves no named query"
        computed = [v.value for v in empty.query(summary.text).variables]
        assert "report" in computed, f"summary {name} must project ?report (its rows are kept per report)"
        assert f'bkg:summaryName "{name}"' in QUERIES[summary.serves].text, f"{summary.serves} does not read {name}"
        if summary.whole:
            assert name == summary.serves
            served = [v.value for v in empty.query(bind(QUERIES[name], {})).variables]
            assert set(served) <= set(computed), (
                f"{name} reads columns its summary does not compute: {set(served) - set(computed)}"
            )
        else:
            assert (REFERENCES / f"{summary.serves}.rq").is_file(), f"{summary.serves} has no reference computation"


def every_report_carries_its_summary_graph(store: Store) -> None:
    """Every report graph has its summary graph, every summary row belongs to a report in the store."""
    reports = set(values_of(store, "report"))
    assert reports
    summarised = {
        row["r"].value: row["g"].value
        for row in store.query(f"SELECT DISTINCT ?g ?r WHERE {{ GRAPH ?g {{ ?row <{BKG}summaryOf> ?r }} }}")
    }
    assert set(summarised) == reports
    assert all(g == summary_graph(r) for r, g in summarised.items())


def test_two_built_reports_carry_their_summary_graphs(tmp_path) -> None:
    """A budget and a final account of the corpus, built on their own."""
    from kg.build import build
    from tests.conftest import CORPUS

    data = tmp_path / "data"
    build([CORPUS / "000_b0355635f713ec6d.txt", CORPUS / "003_ed709ab5de35a9c8.txt"], data, validate=False)
    store = Store(data, read_only=True)
    assert len(values_of(store, "report")) == 2
    every_report_carries_its_summary_graph(store)


@pytest.mark.slow  # builds the whole corpus; the fast loop keeps the two-report case above
def test_a_built_report_carries_its_summary_graph(corpus_data_dir) -> None:
    every_report_carries_its_summary_graph(Store(corpus_data_dir, read_only=True))


def assert_rows_of_named_query(store: Store, name: str, reference_text: str, reference, mine_are: str) -> None:
    """For every parameter value of ``name`` worth asking (:func:`runs_of`): the named query's rows equal those
    of ``reference(values)`` (the query results of its full computation), and enough values give rows."""
    nq = QUERIES[name]
    # a column the computation concatenates is compared as its parts (GROUP_CONCAT has no defined order)
    joined = {**concatenated(reference_text), **concatenated(nq.text)}
    runs = runs_of(store, name)
    answered = 0
    for values in runs:
        got = store.query(bind(nq, values), use_default_graph_as_union=True)
        names = [v.value for v in got.variables]
        mine = rows(got, joined, names)
        expected = rows(reference(values), joined, names)
        assert mine == expected, (
            f"{name} {values}: only {mine_are} {list(mine - expected)[:2]}; only the computation {list(expected - mine)[:2]}"
        )
        answered += bool(mine)
    assert answered >= min(3, len(runs)), f"{name}: too few values give rows for the comparison to mean anything"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n, s in SUMMARIES.items() if s.whole))
def test_a_summarised_named_query_gives_the_rows_of_its_computation_over_the_whole_store(name, corpus_data_dir) -> None:
    store = Store(corpus_data_dir, read_only=True)
    summary = SUMMARIES[name].text

    def computed(values: dict[str, str]):
        terms = {p.name: p.term(values[p.name]) for p in QUERIES[name].params}
        return store.query(bind_terms(summary, terms) if terms else summary, use_default_graph_as_union=True)

    assert_rows_of_named_query(store, name, summary, computed, "the summary")


@pytest.mark.slow
@pytest.mark.parametrize("name", PARTIAL)
def test_a_named_query_that_combines_summaries_gives_the_rows_of_its_full_computation(name, corpus_data_dir) -> None:
    store = Store(corpus_data_dir, read_only=True)
    reference_query = parse((REFERENCES / f"{name}.rq").read_text(encoding="utf-8"), name)
    assert [p.name for p in reference_query.params] == [p.name for p in QUERIES[name].params]
    assert_rows_of_named_query(
        store,
        name,
        reference_query.text,
        lambda values: store.query(bind(reference_query, values), use_default_graph_as_union=True),
        "from summaries",
    )


@pytest.mark.slow
def test_a_rebuilt_report_takes_its_summary_with_it(tmp_path) -> None:
    """The same file read again as another report (its year changed): the old report's graph and summary
    graph both go, the new report comes with its own summary."""
    from kg.build import build
    from tests.conftest import CORPUS_FILES

    source = next(p for p in CORPUS_FILES if "2024" in p.read_text(encoding="utf-8"))
    path = tmp_path / "report.txt"
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    data = tmp_path / "data"
    build([path], data, validate=False)
    (old,) = values_of(Store(data, read_only=True), "report")
    path.write_text(source.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    build([path], data, validate=False)
    store = Store(data, read_only=True)
    (new,) = values_of(store, "report")
    assert new != old and "2023" in new
    graphs = set(store.named_graphs())
    assert old not in graphs and summary_graph(old) not in graphs
    assert new in graphs and summary_graph(new) in graphs
    rows = store.query(f"SELECT DISTINCT ?r WHERE {{ ?row <{BKG}summaryOf> ?r }}", use_default_graph_as_union=True)
    assert {row["r"].value for row in rows} == {new}
