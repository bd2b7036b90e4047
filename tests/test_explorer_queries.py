"""The named queries behind the explorer's pictures (queries/*.rq), on the ontology, on hand-made reports and on
the bundled corpus.  Expected figures are read from the raw reports by hand (line numbers given), never copied from
the program's output."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph

from kg.build import ontology_quads
from kg.commands.query import bind_params, named_queries, rows_of, run
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
QUERIES = named_queries()
BKG = "https://w3id.org/budgetkg/ontology#"


def ask(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    q = QUERIES[name]
    names, rows = rows_of(run(store, bind_params(q.text, q, params)))
    return [dict(zip(names, r)) for r in rows]


@pytest.fixture(scope="module")
def ontology_store() -> Store:
    st = Store()
    st.add(ontology_quads())
    return st


def test_ontology_terms_are_the_declared_classes_and_properties(ontology_store: Store) -> None:
    g = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    classes = {str(s) for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith("http")}
    properties = {str(s) for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                  for s in g.subjects(RDF.type, t) if str(s).startswith("http")}
    rows = ask(ontology_store, "ontology-terms")
    assert {r["term"] for r in rows if r["kind"] == "class"} == classes
    assert {r["term"] for r in rows if r["kind"] == "property"} == properties - classes
    by_term = {r["term"]: r for r in rows}
    assert (by_term[BKG + "funds"]["label"], by_term[BKG + "funds"]["labelEn"]) == ("资助", "funds")
    assert by_term[BKG + "Project"]["kind"] == "class" and by_term[BKG + "Project"]["label"] == "项目"
    assert len(rows) == len(by_term)  # one row per term, whatever the number of labels
