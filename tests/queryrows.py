"""Comparing the rows of two runs of a named query: as multisets of RDF terms, exactly — with the one allowance
the standard makes: GROUP_CONCAT joins its values in no defined order, so a concatenated column is compared as
the multiset of its parts.  Shared by the tests that hold one way of answering a query against another
(tests/test_portable_queries.py: pyoxigraph against Virtuoso; tests/test_summaries.py: summary rows against
the full computation)."""

from __future__ import annotations

import re
from collections import Counter

import pyoxigraph as ox

BKG = "https://w3id.org/budgetkg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def concatenated(text: str) -> dict[str, str]:
    """{variable: the string between its parts} of every GROUP_CONCAT the query projects: the separator, or
    the text a ``REPLACE(GROUP_CONCAT(…; separator="\\t"), "\\t", "；")`` puts in (see queries/README.md)."""
    out = {}
    for m in re.finditer(
        r"\(((?:(?!\bAS\b).)*GROUP_CONCAT(?:(?!\bAS\b).)*)\bAS\s+\?(\w+)\s*\)", text, re.IGNORECASE | re.DOTALL
    ):
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
        out[m.group(2)] = strings[-1] if strings else " "
    return out


def rows(result, joined: dict[str, str], names: list[str] | None = None) -> Counter:
    """The rows of ``result`` (its own columns, or ``names``) as a multiset; columns in ``joined`` as their parts."""
    names = names if names is not None else [v.value for v in result.variables]

    def cell(name: str, term):
        if term is None:
            return None
        if name in joined and isinstance(term, ox.Literal):
            return ("joined", tuple(sorted(term.value.split(joined[name]))), term.language, term.datatype.value)
        return str(term)

    return Counter(tuple(cell(n, r[n]) for n in names) for r in result)


def parameter_values(store, name: str, kind: str) -> list[str]:
    """Every value a named query's parameter takes in a graph (the corpus): every report, every reporting
    agency (its IRI; or each Chinese name of it and of its projects' budget units), every platform a project
    funds, every functional code a line item carries and each code above it."""

    def column(query: str) -> list[str]:
        return sorted({r["v"].value for r in store.query(query, use_default_graph_as_union=True)})

    if name == "report":
        return column(f"SELECT ?v WHERE {{ GRAPH ?v {{ ?v a <{BKG}Report> }} }}")
    if name == "agency" and kind == "iri":
        return column(f"SELECT ?v WHERE {{ ?r <{BKG}reportingAgency> ?v }}")
    if name == "agency":  # reporting agencies and the budget units of their projects
        return column(
            f"SELECT ?v WHERE {{ {{ ?r <{BKG}reportingAgency> ?a }} UNION {{ ?p a <{BKG}Project> ; <{BKG}budgetUnit> ?a }}"
            f" ?a <{SKOS}prefLabel> ?v }}"
        )
    if name == "platform":
        return column(f"SELECT ?v WHERE {{ ?p a <{BKG}Platform> ; <{SKOS}prefLabel> ?v . ?x <{BKG}funds> ?p }}")
    if name == "code":
        return column(
            f"SELECT ?v WHERE {{ ?i <{BKG}classification> ?c . ?c <{SKOS}broader>* ?a . ?a <{SKOS}notation> ?v }}"
        )
    raise AssertionError(f"no sample values for parameter {name}: add them here")
