"""The report graphs are well-formed RDF Data Cubes, by the W3C Recommendation's own integrity constraints.

https://www.w3.org/TR/2014/REC-vocab-data-cube-20140116/#wf: normalise, then run the 21 ASK queries as printed
(shapes/qb/); a true answer is a violation.  Every corpus and devset report graph must pass; graphs mutated
from real ones must fail exactly the constraint the mutation breaks.
"""

from __future__ import annotations

import copy

import pyoxigraph as ox
import pytest
from conftest import CORPUS, CORPUS_FILES, DEVSET, DEVSET_MANIFEST, read_report_once, requires_devset
from test_mapping import BUILD, CASES, load_case

from kg import cube
from kg import cube_integrity as ci
from kg.mapping import map_report
from kg.namespace import BKG

QB = "http://purl.org/linked-data/cube#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def mapped(report) -> list[ox.Quad]:
    from kg.resolve import default_resolver

    return map_report(report, resolver=default_resolver(), build=BUILD).quads


def observations(quads) -> list[ox.NamedNode]:
    obs = ox.NamedNode(QB + "Observation")
    return sorted({q.subject for q in quads if q.predicate == RDF_TYPE and q.object == obs}, key=str)


# --- the constraints themselves ------------------------------------------------------------------------------


def test_all_21_constraints_are_read_from_the_recommendations_text() -> None:
    cs = ci.constraints()
    assert [c.name for c in cs] == [f"IC-{n}" for n in range(1, 22)]
    assert len(next(c for c in cs if c.name == "IC-19").queries) == 2  # concept schemes and collections
    assert [c.name for c in cs if c.instantiate] == ["IC-20", "IC-21"]
    assert all(q.lstrip().startswith("PREFIX") and "ASK" in q for c in cs for q in c.queries)
    assert ci.violations(ox.Store()) == []  # nothing to violate in an empty graph


def test_normalisation_pushes_a_table_attribute_down_to_its_observations() -> None:
    """sdmx-attribute:unitMeasure is stated once on the table (qb:componentAttachment qb:DataSet); the
    Recommendation's phase 2 gives it to every observation, and IC-13 finds it there."""
    quads = mapped(load_case("final_account").REPORT)
    unit = ox.NamedNode(cube.SDMX_ATTRIBUTE + "unitMeasure")
    assert not [q for q in quads if q.predicate == unit and q.subject in observations(quads)]
    store = ci.cube_store(quads)
    for o in observations(quads):
        assert list(store.quads_for_pattern(o, unit, ox.NamedNode(cube.CURRENCY)))


@pytest.mark.parametrize("case", CASES)
def test_golden_cases_are_well_formed_cubes(case: str) -> None:
    assert ci.check_report(mapped(load_case(case).REPORT)) == []


# --- mutations: each breaks one constraint, and only that one ------------------------------------------------


def _obs_triples(quads, o):
    return [q for q in quads if q.subject == o]


def drop(predicate: str, *, of: str = "observation"):
    predicate = str(predicate)

    def mutate(quads):
        o = observations(quads)[0]
        subject = (
            o
            if of == "observation"
            else next(q.object for q in quads if q.subject == o and q.predicate.value == QB + "dataSet")
        )
        return [q for q in quads if not (q.subject == subject and q.predicate.value == predicate)]

    return mutate


def duplicate_observation(quads):
    """A second observation of the same data set with every value of the first: a consumer cannot tell which is meant."""
    o = observations(quads)[0]
    twin = ox.NamedNode(o.value + "-twin")
    return quads + [ox.Quad(twin, q.predicate, q.object, q.graph_name) for q in _obs_triples(quads, o)]


def second_data_set(quads):
    """The observation also in another (well-declared) data set."""
    o, g = observations(quads)[0], quads[0].graph_name
    elsewhere = ox.NamedNode(o.value + "/elsewhere")
    return [
        *quads,
        ox.Quad(o, ox.NamedNode(QB + "dataSet"), elsewhere, g),
        ox.Quad(elsewhere, ox.NamedNode(QB + "structure"), ox.NamedNode(cube.dsd(None, "functional")), g),
    ]


def second_structure(quads):
    table = next(q.subject for q in quads if q.predicate.value == QB + "structure")
    return [
        *quads,
        ox.Quad(table, ox.NamedNode(QB + "structure"), ox.NamedNode(cube.dsd("income", None)), quads[0].graph_name),
    ]


def code_outside_its_list(quads):
    """A functional-classification dimension whose value is a measure concept (in another scheme)."""
    dim = ox.NamedNode(str(BKG.functionalClassification))
    o = next(q.subject for q in quads if q.predicate == dim)
    other = ox.NamedNode("https://w3id.org/budgetkg/id/concept/measure/total")
    return [q for q in quads if not (q.subject == o and q.predicate == dim)] + [
        ox.Quad(o, dim, other, quads[0].graph_name)
    ]


MUTATIONS = [
    ("a dimension value removed", drop(BKG.fundingSource), "IC-11"),
    ("an observation duplicated", duplicate_observation, "IC-12"),
    ("an observation in two data sets", second_data_set, "IC-1"),
    ("a table with two structures", second_structure, "IC-2"),
    ("the printed unit removed", drop(BKG.printedUnit), "IC-13"),
    ("the table's unit of measure removed", drop(cube.SDMX_ATTRIBUTE + "unitMeasure", of="table"), "IC-13"),
    ("the amount removed", drop(BKG.amount), "IC-14"),
    ("a code outside its code list", code_outside_its_list, "IC-19"),
]


@pytest.mark.parametrize("what, mutate, constraint", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_a_mutated_golden_graph_fails_exactly_its_constraint(what, mutate, constraint) -> None:
    quads = mapped(load_case("final_account").REPORT)
    assert ci.check_report(mutate(quads)) == [constraint]


@pytest.fixture(scope="module")
def real_quads():
    """A real report's graph (2017 决算 of the corpus: 预算数 beside 决算数, unit rows, three code lists)."""

    return mapped(read_report_once(CORPUS / "003_ed709ab5de35a9c8.txt"))


def test_a_real_graph_with_a_dimension_value_missing_fails_ic11(real_quads) -> None:
    assert ci.check_report(real_quads) == []
    mutated = drop(BKG.organization)(real_quads)
    assert ci.check_report(mutated) == ["IC-11"]
    store = ci.cube_store(mutated)
    assert ci.missing_dimension_values(store) == {str(BKG.organization): 1}
    assert "1 without bkg:organization" in ci.explain(store, ["IC-11"])[0]


def test_a_real_graph_with_two_indistinguishable_observations_fails_ic12(real_quads) -> None:
    mutated = duplicate_observation(real_quads)
    assert ci.check_report(mutated) == ["IC-12"]
    groups = ci.duplicate_observations(ci.cube_store(mutated))
    assert len(groups) == 1 and len(groups[0]) == 2


@pytest.mark.parametrize("dimension", sorted(cube.COMMON[:6]))
def test_ic11_notices_each_dimension_of_a_real_graph(real_quads, dimension) -> None:
    ic11 = next(c for c in ci.constraints() if c.name == "IC-11")
    prop = cube.COMPONENTS[dimension].prop
    store = ci.cube_store(drop(prop)(real_quads))
    assert bool(store.query(ic11.queries[0]))


# --- what the dimensions say ----------------------------------------------------------------------------------


def test_budget_and_final_columns_of_a_final_account_differ_by_phase_not_by_a_side_note() -> None:
    """预算数 and 决算数 of one code in a 决算: the same row, measure and code; the phase dimension tells them apart."""
    quads = mapped(load_case("final_account").REPORT)
    phases = {
        q.subject.value.rsplit("/", 1)[1]: q.object.value
        for q in quads
        if q.predicate.value == str(BKG.budgetPhase) and "/row/" in q.subject.value
    }
    assert phases == {"total-budget": str(BKG.Budget), "total": str(BKG.FinalAccount)}


def test_a_column_that_prints_its_year_is_that_years_figure() -> None:
    """A final account printing 上年预算数 (2016) beside 决算数 (2017): the year dimension says which year."""
    report = copy.deepcopy(load_case("final_account").REPORT)
    report.tables[0].columns[0].year = 2016
    quads = mapped(report)
    years = {
        q.subject.value.rsplit("/", 1)[1]: q.object.value
        for q in quads
        if q.predicate.value == str(BKG.fiscalYear) and "/row/" in q.subject.value
    }
    assert years == {"total-budget": "2016", "total": "2017"}
    assert ci.check_report(quads) == []


def test_totals_and_rows_without_a_code_carry_declared_codes(real_quads) -> None:
    """No gap: a 合计 row's classification is the declared code for total, an uncoded other row's not applicable."""
    store = ci.cube_store(real_quads)
    rows = store.query("""PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
        SELECT ?total (COUNT(*) AS ?n) WHERE { ?o bkg:functionalClassification ?c ; bkg:isTotal ?total .
          FILTER NOT EXISTS { ?o bkg:classification ?any } } GROUP BY ?total""")
    by = {r["total"].value: int(r["n"].value) for r in rows}
    assert by.get("true", 0) > 0
    codes = {
        r["c"].value
        for r in store.query("""PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
        SELECT DISTINCT ?c WHERE { ?o bkg:functionalClassification ?c ; bkg:isTotal true .
          FILTER NOT EXISTS { ?o bkg:classification ?any } }""")
    }
    assert codes == {cube.TOTAL}


@pytest.mark.parametrize(
    "kind, code_list, has, lacks",
    [
        ("three_public", None, {"fundingSource"}, {"expenditureType", "functionalClassification"}),
        ("income", "functional", {"fundingSource", "functionalClassification"}, {"expenditureType"}),
        ("expenditure", "functional", {"expenditureType"}, {"fundingSource"}),
        (
            "general_public_basic",
            "economic",
            {"economicClassification", "fundingSource", "expenditureType"},
            {"functionalClassification"},
        ),
        ("summary", None, set(), {"fundingSource", "expenditureType", "functionalClassification"}),
    ],
)
def test_a_kind_has_exactly_its_dimensions(kind, code_list, has, lacks) -> None:
    dims = cube.dimensions(kind, code_list)
    assert {"rowOrder", "columnOrder", "measure", "budgetPhase", "fiscalYear", "organization"} | has <= dims
    assert not dims & lacks


# --- every report graph -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_every_corpus_report_graph_is_a_well_formed_cube(path) -> None:

    quads = mapped(read_report_once(path, entities=True))
    assert observations(quads) or "000_" in path.name  # 000 prints no table the reader maps
    store = ci.cube_store(quads)
    violated = ci.violations(store)
    assert violated == [], ci.explain(store, violated)


def _published(stem: str):
    """The devset report as published (PDF, or the HTML page), which the reader also reads."""
    found = sorted((DEVSET / "pdf").glob(stem + ".*"))
    return found[0] if found else DEVSET / "pdf" / f"{stem}.pdf"


DEVSET_FILES = [DEVSET / "text" / f"{row['stem']}.txt" for row in DEVSET_MANIFEST]
DEVSET_FILES += [_published(row["stem"]) for row in DEVSET_MANIFEST]


@pytest.mark.slow
@requires_devset
@pytest.mark.parametrize("path", DEVSET_FILES, ids=[f"{p.stem[:3]}{p.suffix}" for p in DEVSET_FILES])
def test_every_devset_report_graph_is_a_well_formed_cube(path) -> None:
    """The text of each devset report and the file as published (PDF: tables read from the page geometry)."""

    store = ci.cube_store(mapped(read_report_once(path)))
    violated = ci.violations(store)
    assert violated == [], ci.explain(store, violated)
