"""A summarised named query gives exactly the rows its computation gives over the whole store.

Four named queries read per-report summary rows that the build computed (kg.summaries, queries/summaries/).
Here the computation itself — the summary query, run over the whole corpus store with the same parameter value
bound — is the reference: the named query must give the same rows, for every value its parameter takes in
the corpus.  A report built, rebuilt or removed carries its summary with it (tests of kg.build below).
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from kg.queries import bind, bind_terms, load_named_queries
from kg.store import Store
from kg.summaries import summary_graph, summary_queries

QUERIES = load_named_queries()
SUMMARIES = summary_queries()
BKG = "https://w3id.org/budgetkg/ontology#"


def values_of(store: Store, name: str) -> list[str]:
    """Every value the summarised query's parameter takes in the corpus."""
    if name == "report":
        q = f"SELECT DISTINCT ?v WHERE {{ GRAPH ?v {{ ?v a <{BKG}Report> }} }}"
    elif name == "code":  # every functional code a line item of the corpus carries, and each of its ancestors
        q = (
            "SELECT DISTINCT ?v WHERE { ?i <"
            + BKG
            + "classification> ?c . ?c <http://www.w3.org/2004/02/skos/core#broader>* ?a ."
            " ?a <http://www.w3.org/2004/02/skos/core#notation> ?v }"
        )
    else:
        raise AssertionError(f"no values for parameter {name}")
    return sorted({row["v"].value for row in store.query(q, use_default_graph_as_union=True)})


def rows(result, names: list[str]) -> Counter:
    return Counter(tuple(str(r[n]) if r[n] is not None else None for n in names) for r in result)


def test_every_summary_serves_a_named_query_with_its_columns() -> None:
    assert SUMMARIES, "queries/summaries/ is empty"
    empty = ox.Store()  # only the columns matter here
    for name, summary in SUMMARIES.items():
        assert name in QUERIES, f"summary {name} serves no named query"
        served = [v.value for v in empty.query(bind(QUERIES[name], {})).variables]
        computed = [v.value for v in empty.query(summary.text).variables]
        assert "report" in computed, f"summary {name} must project ?report (its rows are kept per report)"
        assert set(served) <= set(computed), (
            f"{name} reads columns its summary does not compute: {set(served) - set(computed)}"
        )


def test_a_built_report_carries_its_summary_graph(corpus_data_dir) -> None:
    """Every report graph has its summary graph, every summary row belongs to a report in the store."""
    store = Store(corpus_data_dir, read_only=True)
    reports = set(values_of(store, "report"))
    summarised = {
        row["r"].value: row["g"].value
        for row in store.query(f"SELECT DISTINCT ?g ?r WHERE {{ GRAPH ?g {{ ?row <{BKG}summaryOf> ?r }} }}")
    }
    assert set(summarised) == reports
    assert all(g == summary_graph(r) for r, g in summarised.items())


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SUMMARIES))
def test_a_summarised_named_query_gives_the_rows_of_its_computation_over_the_whole_store(name, corpus_data_dir) -> None:
    store = Store(corpus_data_dir, read_only=True)
    nq = QUERIES[name]
    (param,) = nq.params
    values = values_of(store, param.name)
    assert values
    answered = 0
    for value in values:
        got = store.query(bind(nq, {param.name: value}), use_default_graph_as_union=True)
        names = [v.value for v in got.variables]
        mine = rows(got, names)
        term = param.term(value)
        reference = rows(
            store.query(bind_terms(SUMMARIES[name].text, {param.name: term}), use_default_graph_as_union=True), names
        )
        assert mine == reference, (
            f"{name} {value}: only the summary {list(mine - reference)[:2]}; only the computation {list(reference - mine)[:2]}"
        )
        answered += bool(mine)
    assert answered >= min(3, len(values)), f"{name}: too few values give rows for the comparison to mean anything"


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
