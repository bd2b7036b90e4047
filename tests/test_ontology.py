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
from scripts.gen_datacube import OUT as DATACUBE_TTL
from scripts.gen_datacube import render as render_datacube
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


def test_generated_data_cube_structures_are_up_to_date() -> None:
    """ontology/datacube.ttl is scripts/gen_datacube.py's output for the current kg/cube.py."""
    assert DATACUBE_TTL.read_text(encoding="utf-8") == render_datacube(), "rerun scripts/gen_datacube.py"


def test_every_table_kind_has_a_data_structure() -> None:
    """A new table kind of the reader must say which dimensions its tables have (kg.cube.KIND_DIMENSIONS)."""
    from kg import cube
    from nlp.vocab import TABLE_KINDS

    assert set(TABLE_KINDS) <= set(cube.KIND_DIMENSIONS)


def _structures(g: Graph) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, QB.DataStructureDefinition))


def test_every_data_structure_is_complete() -> None:
    """Per structure: each dimension once, typed, with a range; a coded one with a code list holding the declared
    codes for total and not applicable; one measure; the classification dimension its code list names."""
    from kg import cube

    g = ontology_graph()
    assert len(_structures(g)) == len(cube.KIND_DIMENSIONS) * len(cube.CODE_LISTS)
    for dsd in _structures(g):
        specs = list(g.objects(dsd, QB.component))
        dims = [g.value(c, QB.dimension) for c in specs if g.value(c, QB.dimension)]
        assert len(dims) == len(set(dims)) and {BKG.rowOrder, BKG.columnOrder, BKG.measure} <= set(dims), dsd
        assert len([c for c in specs if g.value(c, QB.measure)]) == 1, dsd
        for d in dims:
            assert (d, RDF.type, QB.DimensionProperty) in g and g.value(d, RDFS.range) is not None, d
            if g.value(d, RDFS.range) == SKOS.Concept:
                codes = g.value(d, QB.codeList)
                assert codes is not None, d
                members = set(g.subjects(SKOS.inScheme, codes))
                if d not in (BKG.measure,):
                    assert {URIRef(cube.TOTAL), URIRef(cube.NOT_APPLICABLE)} <= members, d
        classified = {str(d).split("#")[1] for d in dims if str(d).endswith("Classification")}
        assert classified == ({cube.CODE_DIMENSION[str(dsd).rsplit("/", 1)[1]]} if str(dsd).count("/") == 7 else set())


def test_classification_is_no_dimension_its_sub_properties_are() -> None:
    """bkg:classification stays the plain link of a coded row; the Data Cube dimensions are one per code list."""
    g = ontology_graph()
    assert (BKG.classification, RDF.type, QB.DimensionProperty) not in g
    for sub in (BKG.functionalClassification, BKG.economicClassification, BKG.revenueClassification):
        assert (sub, RDFS.subPropertyOf, BKG.classification) in g
        assert (sub, RDF.type, QB.DimensionProperty) in g


# --- concept schemes ------------------------------------------------------------------------------------------

SCHEMES = {
    "budget-phase": None,
    "funding-source": set(FUNDING_SOURCES),
    "expenditure-type": {"basic", "personnel", "operating", "project"},
    "measure": set(MEASURES),
    "declared-codes": None,
}
DECLARED = {URIRef(ID["code/total"]), URIRef(ID["code/not-applicable"])}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_concept_schemes_have_labelled_defined_concepts(scheme: str) -> None:
    g = ontology_graph()
    iri = URIRef(ID[f"scheme/{scheme}"])
    members = set(g.subjects(SKOS.inScheme, iri))
    if scheme in ("funding-source", "expenditure-type"):  # dimensions that may not split a figure
        assert members >= DECLARED
        members -= DECLARED
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
    assert members == {BKG.Budget, BKG.FinalAccount, BKG.AdjustedBudget, BKG.Execution}
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
    from conftest import CORPUS_FILES, read_report_once

    from kg.mapping import map_report
    from kg.validate import _from_ox

    problems = {}
    for path in CORPUS_FILES:
        g = Graph()
        for q in map_report(read_report_once(path, entities=True)).quads:
            g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
        errors = closure_errors(g)
        if errors:
            problems[path.name] = errors[:3]
    assert not problems
