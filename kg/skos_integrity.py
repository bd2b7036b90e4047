"""SKOS integrity over the union of graphs: every report graph labels the shared nodes it names.

An agency, a platform or a code is one node for every report that names it, and each report's graph states
its labels; the SKOS Reference's integrity conditions (https://www.w3.org/TR/skos-reference/) must hold for
the union, not only per graph:

* S14 — a resource has no more than one skos:prefLabel per language tag;
* S13 — skos:prefLabel, skos:altLabel and skos:hiddenLabel are pairwise disjoint;
* S27 — skos:related is disjoint with skos:broaderTransitive (no concept both broader and related);
* and the convention that a skos:notation names one concept within its scheme.

Each check is a SPARQL query over a store whose default graph is the union (kg.store serves it that way);
each returns the offending rows, so a test or ``budgetkg validate`` can say which.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

PREFIXES = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"


@dataclass(frozen=True)
class Condition:
    name: str
    title: str
    query: str  # SELECT: one row per violation


CONDITIONS = (
    Condition(
        "S14",
        "one skos:prefLabel per language tag",
        PREFIXES
        + """
        SELECT ?resource ?lang (GROUP_CONCAT(DISTINCT STR(?label); separator=" | ") AS ?labels) WHERE {
          ?resource skos:prefLabel ?label . BIND (LANG(?label) AS ?lang)
        } GROUP BY ?resource ?lang HAVING (COUNT(DISTINCT ?label) > 1)""",
    ),
    Condition(
        "S13",
        "a label is not both preferred and alternative (or hidden)",
        PREFIXES
        + """
        SELECT DISTINCT ?resource ?label WHERE {
          ?resource skos:prefLabel ?label . ?resource skos:altLabel|skos:hiddenLabel ?label }""",
    ),
    Condition(
        "S27",
        "no concept both broader and related",
        PREFIXES
        + """
        SELECT DISTINCT ?resource ?other WHERE {
          ?resource skos:related ?other . ?resource (skos:broader|^skos:narrower)+ ?other }""",
    ),
    Condition(
        "notation",
        "a notation names one concept in its scheme",
        PREFIXES
        + """
        SELECT ?scheme ?notation (GROUP_CONCAT(DISTINCT STR(?c); separator=" | ") AS ?concepts) WHERE {
          ?c skos:inScheme ?scheme ; skos:notation ?notation
        } GROUP BY ?scheme ?notation HAVING (COUNT(DISTINCT ?c) > 1)""",
    ),
)


def violations(store, **query_options) -> dict[str, list[dict[str, str]]]:
    """{condition name: its violations (one dict of variable → value per row)}, for every condition.

    The store's default graph must be the union of the graphs to check: a :func:`union_store`, or a
    ``kg.store.Store`` with ``use_default_graph_as_union=True``.
    """
    out: dict[str, list[dict[str, str]]] = {}
    for c in CONDITIONS:
        result = store.query(c.query, **query_options)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        out[c.name] = [{n: row[n].value for n in names if row[n] is not None} for row in result]
    return out


def union_store(quads) -> ox.Store:
    """A store whose default graph holds every triple of ``quads`` once, whatever graph it came from."""
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return store
