"""SKOS integrity over the union of all graphs: the ontology, the code lists, the gazetteer and every report.

Every report graph labels the agencies, places, entities and codes it names, and those nodes are shared by all
reports that name them: the SKOS integrity conditions must hold for the union (kg.skos_integrity).  Mutated
unions must fail the condition the mutation breaks.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import CORPUS_FILES, DEVSET, DEVSET_MANIFEST, read_report_once
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS
from test_mapping import BUILD, CASES, load_case

from kg import skos_integrity
from kg.mapping import map_report
from kg.ontology import ontology_files, ontology_graph
from scripts.gen_editions import OUT as EDITIONS_TTL
from scripts.gen_editions import render as render_editions

ID = "https://w3id.org/budgetkg/id/"
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def ontology_quads() -> list[ox.Quad]:
    return [
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for path in ontology_files()
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    ]


def report_quads(report) -> list[ox.Quad]:
    from kg.resolve import default_resolver

    return map_report(report, resolver=default_resolver(), build=BUILD).quads


def failing(quads) -> dict[str, int]:
    found = skos_integrity.violations(skos_integrity.union_store(quads))
    return {name: len(rows) for name, rows in found.items() if rows}


@pytest.fixture(scope="module")
def golden_union() -> list[ox.Quad]:
    return ontology_quads() + [q for case in CASES for q in report_quads(load_case(case).REPORT)]


def test_the_ontology_and_the_golden_reports_together_are_clean(golden_union) -> None:
    assert failing(golden_union) == {}


def _agency(quads) -> ox.NamedNode:
    return next(q.subject for q in quads if q.predicate == PREF and "/agency/" in q.subject.value)


def another_name_for_a_shared_agency(quads):
    """A second report graph labelling the same agency by another preferred name."""
    a = _agency(quads)
    return [*quads, ox.Quad(a, PREF, ox.Literal("另一个名称", language="zh"), ox.NamedNode(ID + "report/other"))]


def preferred_name_also_alternative(quads):
    a = _agency(quads)
    label = next(q.object for q in quads if q.subject == a and q.predicate == PREF)
    alt = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    return [*quads, ox.Quad(a, alt, label, ox.NamedNode(ID + "report/other"))]


def code_related_to_its_parent(quads):
    child, parent = (
        ox.NamedNode(ID + "classification/functional/20103"),
        ox.NamedNode(ID + "classification/functional/201"),
    )
    return [
        *quads,
        ox.Quad(child, ox.NamedNode("http://www.w3.org/2004/02/skos/core#related"), parent, ox.DefaultGraph()),
    ]


def a_second_concept_with_a_codes_notation(quads):
    """A report minting a concept of its own for a code the functional list already has."""
    g = ox.NamedNode(ID + "report/other")
    c = ox.NamedNode(ID + "classification/functional/201-again")
    return [
        *quads,
        ox.Quad(
            c,
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#inScheme"),
            ox.NamedNode(ID + "classification/functional"),
            g,
        ),
        ox.Quad(c, ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation"), ox.Literal("201"), g),
    ]


@pytest.mark.parametrize(
    "mutate, condition",
    [
        (another_name_for_a_shared_agency, "S14"),
        (preferred_name_also_alternative, "S13"),
        (code_related_to_its_parent, "S27"),
        (a_second_concept_with_a_codes_notation, "notation"),
    ],
    ids=["two preferred names", "preferred and alternative", "broader and related", "notation twice in a scheme"],
)
def test_a_mutated_union_fails_exactly_its_condition(golden_union, mutate, condition) -> None:
    assert failing(mutate(golden_union)) == {condition: 1}


# --- names over the years: year editions instead of a second preferred name ------------------------------------


def test_generated_year_editions_are_up_to_date() -> None:
    assert EDITIONS_TTL.read_text(encoding="utf-8") == render_editions(), "rerun scripts/gen_editions.py"


def test_a_renamed_code_keeps_one_preferred_name_and_its_old_name_in_the_year_edition() -> None:
    """20805 was 行政事业单位离退休 in the 2016 reports and is 行政事业单位养老支出 now (read from the corpus)."""
    g: Graph = ontology_graph()
    code = URIRef(ID + "classification/functional/20805")
    assert [str(o) for o in g.objects(code, SKOS.prefLabel)] == ["行政事业单位养老支出"]
    old = URIRef(ID + "classification/functional/edition/2016/20805")
    assert (old, SKOS.inScheme, URIRef(ID + "classification/functional/edition/2016")) in g
    assert [str(o) for o in g.objects(old, SKOS.prefLabel)] == ["行政事业单位离退休"]
    assert (old, SKOS.closeMatch, code) in g
    # a code whose name never changed has no edition concept
    assert not list(g.subjects(SKOS.closeMatch, URIRef(ID + "classification/functional/2010301")))


# --- the union of every report graph ----------------------------------------------------------------------------


@pytest.mark.slow
def test_skos_integrity_holds_over_the_union_of_every_corpus_and_devset_graph() -> None:
    """The ontology, the code lists, the gazetteer and all 5 corpus and every devset report graph (when the
    devset is there), entities included: they label the shared agencies, places, platforms and reforms."""

    paths = list(CORPUS_FILES)
    if DEVSET_MANIFEST:
        paths += [DEVSET / "text" / f"{row['stem']}.txt" for row in DEVSET_MANIFEST]
    quads = ontology_quads()
    for path in paths:
        quads += report_quads(read_report_once(path, entities=True))
    found = skos_integrity.violations(skos_integrity.union_store(quads))
    assert {name: rows for name, rows in found.items() if rows} == {}
