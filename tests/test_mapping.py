"""Golden tests of the model → RDF mapping (docs/rdf-shape.md).

One parametrized test over tests/golden/: each ``<case>.py`` builds a Report by hand
(``REPORT``), each ``<case>.trig`` is the graph written by hand from the mapping
contract; the two are compared with ``rdflib.compare.isomorphic``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import iri
from kg.mapping import map_report

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.py") if not p.stem.startswith("_"))
BUILD = iri.build("test")


def load_case(name: str):
    sys.path.insert(0, str(GOLDEN))
    try:
        spec = importlib.util.spec_from_file_location(f"golden_{name}", GOLDEN / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(GOLDEN))
    return module


def mapped_dataset(report) -> Dataset:
    ds = Dataset()
    ds.parse(data=ox.serialize(map_report(report, build=BUILD).quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def one_graph(ds: Dataset, name: str) -> Graph:
    g = Graph()
    for t in ds.graph(URIRef(name)):
        g.add(t)
    return g


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    module = load_case(case)
    got = mapped_dataset(module.REPORT)
    expected = Dataset()
    expected.parse(GOLDEN / f"{case}.trig", format="trig")
    got_graphs = {str(g.identifier) for g in got.graphs() if len(g)}
    expected_graphs = {str(g.identifier) for g in expected.graphs() if len(g)}
    assert got_graphs == expected_graphs
    for name in expected_graphs:
        a, b = one_graph(got, name), one_graph(expected, name)
        if not isomorphic(a, b):
            _, only_got, only_expected = graph_diff(to_isomorphic(a), to_isomorphic(b))
            pytest.fail(
                f"{case}: graph {name} differs\n-- produced, not expected:\n{only_got.serialize(format='nt')}"
                f"\n-- expected, not produced:\n{only_expected.serialize(format='nt')}"
            )


@pytest.mark.parametrize("case", CASES)
def test_same_input_same_iris(case: str) -> None:
    """Mapping the same report twice (from two separately built models) gives identical quads."""
    first = set(map_report(load_case(case).REPORT, build=BUILD).quads)
    second = set(map_report(load_case(case).REPORT, build=BUILD).quads)
    assert first == second


@pytest.mark.parametrize("case", CASES)
def test_evidence_quotes_the_raw_text(case: str) -> None:
    """Every oa:exact is the raw text between oa:start and oa:end (code points of the raw file)."""
    module = load_case(case)
    ds = mapped_dataset(module.REPORT)
    rows = ds.query(
        """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?s ?e ?x WHERE { GRAPH ?g { ?ev oa:hasSelector ?p , ?q .
          ?p oa:start ?s ; oa:end ?e . ?q oa:exact ?x } }"""
    )
    rows = list(rows)
    assert rows
    for start, end, exact in rows:
        assert module.RAW[int(start) : int(end)] == str(exact)


@pytest.mark.parametrize("case", CASES)
def test_golden_graph_conforms_to_the_shapes(case: str) -> None:
    """What the mapping writes is what shapes/report.ttl accepts (no violation; warnings are the report's own)."""
    from kg.build import validate_quads

    report = validate_quads(map_report(load_case(case).REPORT, build=BUILD).quads)
    assert not report.violations, "\n".join(f"{r.focus_node} {r.message}" for r in report.violations)


def test_expenditure_types_are_keyed_by_the_readers_measures() -> None:
    """Each column meaning that implies an expenditure type is a measure the reader emits, and each
    type is a concept of the ontology's expenditure-type scheme (a stale key silently drops 公用经费)."""
    from kg.mapping import EXPENDITURE_TYPE_OF_MEASURE
    from kg.ontology import ontology_file
    from nlp.vocab import MEASURES

    schemes = Graph().parse(ontology_file("schemes.ttl"))
    assert set(EXPENDITURE_TYPE_OF_MEASURE) <= set(MEASURES)
    assert {"basic", "project", "personnel", "public"} <= set(EXPENDITURE_TYPE_OF_MEASURE)
    for key in EXPENDITURE_TYPE_OF_MEASURE.values():
        concept = URIRef(f"https://w3id.org/budgetkg/id/concept/expenditure-type/{key}")
        assert (concept, None, None) in schemes, key


# --- links between model items go by stable ids (position in the report), never by names ----------------------


def _funded(quads) -> dict[tuple[str, str], set[str]]:
    """{(project label, its unit's name): the names of what it funds} in one mapped report graph."""
    store = ox.Store()
    store.extend(quads)
    rows = store.query(
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name ?unit ?e WHERE { GRAPH ?g { ?p a bkg:Project ; rdfs:label ?name ; bkg:budgetUnit ?u .
          ?u skos:prefLabel ?unit . OPTIONAL { ?p bkg:funds/skos:prefLabel ?e } } }"""
    )
    out: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        funded = out.setdefault((row["name"].value, row["unit"].value), set())
        if row["e"] is not None:
            funded.add(row["e"].value)
    return out


def test_two_projects_of_one_name_in_two_units_do_not_share_links() -> None:
    """A variant of the final-account case: a second 政务晓屋运营经费 under another unit, funding another platform."""
    import copy

    from nlp.model import Link, Mention, Project

    module = load_case("final_account")
    report = copy.deepcopy(module.REPORT)
    first = report.projects[0]
    report.projects.append(Project(first.name, "广州市天河区政务数据中心", first.amount, {}, first.span))
    report.mentions.append(Mention("民生卡", "Platform", first.span, "民生卡", "gazetteer"))
    report.links.append(Link("project:2", "funds", "entity:民生卡"))
    funded = _funded(map_report(report, build=BUILD).quads)
    assert funded[(first.name, "广州市天河区政务服务中心")] == {"政务晓屋"}
    assert funded[(first.name, "广州市天河区政务数据中心")] == {"民生卡"}


def test_same_named_projects_of_a_real_report_keep_their_own_links() -> None:
    """002 prints 租赁岗位合同工经费 under 本级 and under the 政务服务中心; only the centre's 绩效目标 names
    政务服务集约化改革, so only the centre's project funds it (by name, both would)."""
    from conftest import CORPUS, read_report_once

    report = read_report_once(CORPUS / "002_1b1d794f3255dab3.txt", entities=True)
    funded = _funded(map_report(report, build=BUILD).quads)
    assert "政务服务集约化改革" in funded[("租赁岗位合同工经费", "广州市番禺区政务服务中心")]
    assert "政务服务集约化改革" not in funded[("租赁岗位合同工经费", "广州市番禺区政务服务数据管理局本级")]
