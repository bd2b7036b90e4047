"""kg.sparqltext: VALUES blocks placed in the project's own query text, checked by what the query then answers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.queries import BindError, bind, parse
from kg.sparqltext import subselect_groups, where_group_start, with_values

A, B = ox.NamedNode("urn:a"), ox.NamedNode("urn:b")
P = ox.NamedNode("urn:p")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.extend([ox.Quad(A, P, ox.Literal("one")), ox.Quad(B, P, ox.Literal("two"))])
    return s


def subjects(store: ox.Store, query: str) -> set[str]:
    result = store.query(query)
    if isinstance(result, ox.QueryTriples):
        return {t.subject.value for t in result}
    assert isinstance(result, ox.QuerySolutions)
    return {row["s"].value for row in result}


def test_construct_binds_in_its_where_group_not_in_its_template(store: ox.Store) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    bound = with_values(query, s="<urn:a>")
    assert bound.index("VALUES") > bound.index("WHERE")
    assert subjects(store, query) == {"urn:a", "urn:b"}
    assert subjects(store, bound) == {"urn:a"}


@pytest.mark.parametrize(
    "query",
    [
        # the keyword (and braces) inside a comment, a string, a long string or an IRI are not the query's
        '# WHERE { not here\nSELECT ?s WHERE { ?s ?p ?o FILTER(?o != "WHERE { ?s }") }',
        'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != """ } WHERE { """ && ?p != <urn:WHERE>) }',
        # WHERE is optional in SELECT: the first group after SELECT
        "SELECT ?s { ?s ?p ?o }",
        "select ?s where { ?s ?p ?o }",
    ],
)
def test_the_block_goes_into_the_query_pattern(store: ox.Store, query: str) -> None:
    bound = with_values(query, s="<urn:b>")
    assert bound.replace(" VALUES ?s { <urn:b> } ", "", 1) == query  # only inserted, nothing else touched
    assert subjects(store, bound) == {"urn:b"}


def test_a_variable_is_not_the_start_of_a_longer_one() -> None:
    query = "SELECT ?s WHERE { { SELECT ?subject WHERE { ?subject ?p ?o } } { SELECT * WHERE { ?s ?p ?o } } }"
    positions = subselect_groups(query, "s")
    assert len(positions) == 1  # the SELECT * only, not the one projecting ?subject
    assert query[: positions[0]].endswith("SELECT * WHERE {")
    assert where_group_start(query) == query.index("{") + 1


def test_a_sub_select_projecting_the_variable_is_bound_inside_it(store: ox.Store) -> None:
    # only inside when the variable is matched nowhere else: Virtuoso never joins a language-tagged literal
    # leaving a sub-select with the same literal bound outside it (docs/scaling.md)
    query = "SELECT ?s WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } }"
    bound = with_values(query, s="<urn:a>")
    assert bound.count("VALUES ?s { <urn:a> }") == 1
    assert bound.index("VALUES ?s") > bound.index("{ SELECT ?s")
    assert subjects(store, bound) == {"urn:a"}


def test_a_variable_matched_outside_the_sub_select_too_is_bound_in_both(store: ox.Store) -> None:
    query = "SELECT ?s WHERE { ?s ?p2 ?o2 { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } }"
    bound = with_values(query, s="<urn:a>")
    assert bound.count("VALUES ?s { <urn:a> }") == 2
    assert subjects(store, bound) == {"urn:a"}


def test_nothing_to_bind_leaves_the_text_alone_and_no_group_is_an_error() -> None:
    assert with_values("DESCRIBE <urn:a>") == "DESCRIBE <urn:a>"
    with pytest.raises(ValueError, match="no WHERE group"):
        with_values("DESCRIBE <urn:a>", s="<urn:a>")
    q = parse("# title: t\n# param: s (iri) — a subject\nDESCRIBE ?s", "describe-one")
    with pytest.raises(BindError, match="describe-one has parameters but no WHERE group"):
        bind(q, {"s": "urn:a"})
