"""The ontology (ontology/budgetkg.ttl) and concept schemes: loadable, labelled, aligned, consistent."""

from __future__ import annotations

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.namespace import BKG, ID, ORG, QB, SCHEMA
from kg.ontology import core_ontology_graph, ontology_files, ontology_graph, shapes_graph
from nlp.vocab import FUNDING_SOURCES, MEASURES
from scripts.gen_measures import OUT as MEASURES_TTL
from scripts.gen_measures import render as render_measures
from tests import shape_fixture as fx

BKG_NS = str(BKG._NS)
OBEU = "http://data.openbudgets.eu/ontology/"
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, BKG.BudgetPhase}


def bkg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(BKG_NS)}


def test_every_turtle_file_parses() -> None:
    assert ontology_files(), "no ontology files found"
    assert len(ontology_graph()) > 0
    assert len(shapes_graph()) > 0


def test_core_ontology_declares_an_owl_ontology() -> None:
    assert list(core_ontology_graph().subjects(RDF.type, OWL.Ontology))


def test_every_term_is_typed_labelled_and_defined_in_zh_and_en() -> None:
    g = core_ontology_graph()
    terms = bkg_terms(g)
    assert len(terms) > 60
    problems = []
    for term in sorted(terms):
        if not set(g.objects(term, RDF.type)) & TERM_TYPES:
            problems.append((term, "type"))
        for p in (RDFS.label, SKOS.definition):
            langs = sorted(o.language for o in g.objects(term, p) if isinstance(o, Literal))
            if langs != ["en", "zh"]:
                problems.append((term, p, langs))
    assert not problems


def test_namespace_and_ontology_define_the_same_terms() -> None:
    """kg.namespace.BKG (DefinedNamespace, _fail=True) and ontology/budgetkg.ttl list the same terms."""
    in_code = {URIRef(BKG_NS + name) for name in BKG.__annotations__}
    in_ontology = bkg_terms(core_ontology_graph())
    assert in_code - in_ontology == set(), "in kg/namespace.py but not in ontology/budgetkg.ttl"
    assert in_ontology - in_code == set(), "in ontology/budgetkg.ttl but not in kg/namespace.py"


@pytest.mark.parametrize(
    ("term", "relation", "target"),
    [
        (BKG.Agency, RDFS.subClassOf, ORG.FormalOrganization),
        (BKG.LineItem, RDFS.subClassOf, QB.Observation),
        (BKG.Table, RDFS.subClassOf, QB.DataSet),
        (BKG.Report, RDFS.subClassOf, PROV.Entity),
        (BKG.BuildActivity, RDFS.subClassOf, PROV.Activity),
        (BKG.BudgetPhase, RDFS.subClassOf, SKOS.Concept),
        (BKG.mentions, RDFS.subPropertyOf, SCHEMA.mentions),
        (BKG.budgetPhase, RDFS.subPropertyOf, URIRef(OBEU + "dsd/dimension/budgetPhase")),
        (BKG.classification, RDFS.subPropertyOf, URIRef(OBEU + "dsd/dimension/classification")),
        (BKG.functionalClassification, RDFS.subPropertyOf, URIRef(OBEU + "dsd/dimension/functionalClassification")),
        (BKG.economicClassification, RDFS.subPropertyOf, URIRef(OBEU + "dsd/dimension/economicClassification")),
        (BKG.amount, RDFS.subPropertyOf, URIRef(OBEU + "dsd/measure/amount")),
    ],
)
def test_alignment_to_standard_vocabularies(term, relation, target) -> None:
    assert (term, relation, target) in core_ontology_graph()


def test_data_cube_structure_lists_every_dimension_once() -> None:
    g = core_ontology_graph()
    dsd = URIRef(ID["dsd/budget-table"])
    dims = [g.value(c, QB.dimension) for c in g.objects(dsd, QB.component) if g.value(c, QB.dimension)]
    assert len(dims) == len(set(dims)) and BKG.classification in dims and BKG.measure in dims
    assert all((d, RDF.type, QB.DimensionProperty) in g for d in dims)


# --- concept schemes ------------------------------------------------------------------------------------------

SCHEMES = {
    "budget-phase": None,
    "funding-source": set(FUNDING_SOURCES),
    "expenditure-type": {"basic", "personnel", "operating", "project"},
    "measure": set(MEASURES),
}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_concept_schemes_have_labelled_defined_concepts(scheme: str) -> None:
    g = ontology_graph()
    iri = URIRef(ID[f"scheme/{scheme}"])
    members = set(g.subjects(SKOS.inScheme, iri))
    assert members
    for c in members:
        for p in (SKOS.prefLabel,):
            assert sorted(o.language for o in g.objects(c, p)) == ["en", "zh"], (c, p)
        defs = {o.language for o in g.objects(c, SKOS.definition)}
        assert {"en", "zh"} <= defs, c
        assert g.value(c, SKOS.notation) is not None
        top = (c, SKOS.topConceptOf, iri) in g
        assert top == ((iri, SKOS.hasTopConcept, c) in g)
        assert top or g.value(c, SKOS.broader) in members, c
    keys = SCHEMES[scheme]
    if keys is not None:
        assert {str(g.value(c, SKOS.notation)) for c in members} == keys
        assert all(str(c) == str(ID[f"concept/{scheme}/{g.value(c, SKOS.notation)}"]) for c in members)


def test_phases_are_the_three_bkg_individuals() -> None:
    g = ontology_graph()
    members = set(g.subjects(SKOS.inScheme, URIRef(ID["scheme/budget-phase"])))
    assert members == {BKG.Budget, BKG.FinalAccount, BKG.AdjustedBudget}
    assert {str(g.value(m, SKOS.prefLabel)) for m in members} >= {"预算", "决算", "调整预算"}


def test_expenditure_types_split_basic_into_personnel_and_operating() -> None:
    g = ontology_graph()
    et = lambda key: URIRef(ID[f"concept/expenditure-type/{key}"])  # noqa: E731
    assert set(g.subjects(SKOS.broader, et("basic"))) == {et("personnel"), et("operating")}
    assert g.value(et("project"), SKOS.prefLabel, any=True) is not None


def test_generated_measure_scheme_is_up_to_date() -> None:
    """ontology/measures.ttl is scripts/gen_measures.py's output for the current nlp.vocab.MEASURES."""
    assert MEASURES_TTL.read_text(encoding="utf-8") == render_measures(), "rerun scripts/gen_measures.py"


# --- OWL RL -------------------------------------------------------------------------------------------------------


def closure_errors(data: Graph) -> list[str]:
    g = Graph()
    for triple in ontology_graph():
        g.add(triple)
    for triple in data:
        g.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return sorted(str(g.value(m, ERRNS.error)) for m in g.subjects(RDF.type, ERRNS.ErrorMessage))


def test_owl_rl_closure_of_ontology_and_a_report_graph_is_consistent() -> None:
    assert closure_errors(fx.base_graph()) == []


@pytest.mark.slow  # an OWL RL closure per case (≈5 s each)
@pytest.mark.parametrize(
    "contradiction",
    [
        # a node both a table and a line item (the extracted classes are pairwise disjoint)
        lambda g: g.add((fx.table(1), RDF.type, BKG.LineItem)),
        # two phases for one report: bkg:budgetPhase is functional, the phases are owl:differentFrom each other
        lambda g: g.add((fx.REPORT, BKG.budgetPhase, BKG.FinalAccount)),
    ],
    ids=["disjoint classes", "functional phase"],
)
def test_owl_rl_closure_finds_a_contradiction(contradiction) -> None:
    g = fx.base_graph()
    contradiction(g)
    assert closure_errors(g) != []


@pytest.mark.slow
def test_owl_rl_closure_of_each_corpus_graph_is_consistent() -> None:
    """The ontology's domains, ranges and disjointness hold for what kg.mapping really writes."""
    from kg.mapping import map_report
    from kg.validate import _from_ox
    from nlp import read_report
    from tests.conftest import CORPUS_FILES

    problems = {}
    for path in CORPUS_FILES:
        g = Graph()
        for q in map_report(read_report(path, entities=True)).quads:
            g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
        errors = closure_errors(g)
        if errors:
            problems[path.name] = errors[:3]
    assert not problems
