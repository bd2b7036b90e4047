"""kg.validate's fast evaluation against pySHACL's own, result for result (focus node, path, shape, constraint
component, severity, value, both messages).

kg.validate evaluates ``sh:or`` by stopping at the first member a node conforms to (``_FirstConformingOr``)
and caches term conversions; :func:`kg.validate.reference_evaluation` switches back to pySHACL's component,
which tries every member. Each mutation of tests/test_shapes.py, and mutations of real report graphs that hit
the two ``sh:or`` shapes from every side, must give the same full result list both ways.
"""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, Graph, URIRef

from kg.namespace import BKG, OA
from kg.validate import reference_evaluation, validate_graph, validate_quads
from tests import shape_fixture as fx
from tests.test_shapes import REPORT_CASES, Case, mutated


@pytest.fixture(scope="module")
def base() -> Graph:
    return fx.base_graph()


def both_ways(g: Graph):
    fast = validate_graph(g)
    with reference_evaluation():
        slow = validate_graph(g)
    return fast.results, slow.results


def _or_shapes() -> set[str]:
    """Local names of the shapes with an sh:or (shapes/report.ttl): the ones the fast evaluation changes."""
    from rdflib.namespace import SH

    from kg.ontology import shapes_graph

    return {str(shape).rsplit("#", 1)[-1] for shape in shapes_graph().subjects(SH["or"], None)}


OR_SHAPES = _or_shapes()


def _case_params() -> list:
    """Every case; the fast loop compares those whose results name an sh:or shape and every fourth other one,
    the full loop all of them (tests/test_shapes.py checks each case's own results in the fast loop, with the
    fast evaluation)."""
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[] if i % 4 == 0 or any(shape in OR_SHAPES for shape, _ in case.expected) else [pytest.mark.slow],
        )
        for i, case in enumerate(REPORT_CASES)
    ]


@pytest.mark.parametrize("case", _case_params())
def test_every_report_mutation_gives_the_same_results(base: Graph, case: Case) -> None:
    fast, slow = both_ways(mutated(base, case.mutate))
    assert fast == slow
    assert fast  # each case is reported (tests/test_shapes.py checks which results)


# --- real report graphs, mutated where the sh:or shapes look -------------------------------------------------


def _report_quads(name: str) -> list[ox.Quad]:
    from conftest import CORPUS_FILES, read_report_once

    from kg.mapping import map_report

    path = next(p for p in CORPUS_FILES if p.name.startswith(name))
    return map_report(read_report_once(path, entities=False)).quads


def _nn(term: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _or_shape_mutations(quads: list[ox.Quad], seed: int) -> list[ox.Quad]:
    """Some evidence with a selector dropped, one added (quote, or a page region: 3 selectors that conform), and
    line items moved to another year, some of them execution figures (which may keep their own year)."""
    rnd = random.Random(seed)
    evidence = sorted({q.object for q in quads if q.predicate.value == str(BKG.evidence)}, key=str)
    items = sorted(
        {q.subject for q in quads if q.predicate.value == str(RDF.type) and q.object.value == str(BKG.LineItem)},
        key=str,
    )
    selector = {q.subject: q for q in quads if q.predicate.value == str(OA.hasSelector)}
    assert evidence and items and selector
    drop: set[ox.Quad] = set()
    extra: list[ox.Quad] = []
    for n, e in enumerate(rnd.sample(evidence, 12)):
        mine = [q for q in quads if q.subject == e and q.predicate.value == str(OA.hasSelector)]
        if n % 4 == 0:
            drop.add(mine[0])  # one selector left
        elif n % 4 == 1:  # a second quote
            extra += [ox.Quad(e, _nn(OA.hasSelector), ox.NamedNode(f"{e.value}/quote2"))]
            extra += [ox.Quad(ox.NamedNode(f"{e.value}/quote2"), _nn(RDF.type), _nn(OA.TextQuoteSelector))]
        elif n % 4 == 2:  # a page region: three selectors that conform
            extra += [ox.Quad(e, _nn(OA.hasSelector), ox.NamedNode(f"{e.value}/region"))]
            extra += [ox.Quad(ox.NamedNode(f"{e.value}/region"), _nn(RDF.type), _nn(OA.FragmentSelector))]
        else:  # four selectors
            for k in range(2):
                extra += [ox.Quad(e, _nn(OA.hasSelector), ox.NamedNode(f"{e.value}/more{k}"))]
    year = _nn(BKG.fiscalYear)
    for n, li in enumerate(rnd.sample(items, 12)):
        old = next(q for q in quads if q.subject == li and q.predicate == year)
        drop.add(old)
        extra.append(ox.Quad(li, year, ox.Literal("1999", datatype=_nn(XSD.gYear))))
        if n % 3 == 0:  # an execution figure of another year: allowed
            phase = next(q for q in quads if q.subject == li and q.predicate.value == str(BKG.budgetPhase))
            drop.add(phase)
            extra.append(ox.Quad(li, phase.predicate, _nn(BKG.Execution)))
    return [q for q in quads if q not in drop] + extra


@pytest.mark.slow
@pytest.mark.parametrize("name", ["001", "003"])
def test_mutated_corpus_reports_give_the_same_results(name: str) -> None:
    quads = _report_quads(name)
    for seed in (1, 2):
        mutated_quads = _or_shape_mutations(quads, seed)
        fast = validate_quads(mutated_quads)
        with reference_evaluation():
            slow = validate_quads(mutated_quads)
        assert fast.results == slow.results
        shapes = {str(r.shape).rsplit("#", 1)[-1] for r in fast.results}
        assert {"Evidence-selectors", "LineItem-sameYear"} <= shapes, shapes


def test_reference_evaluation_is_scoped() -> None:
    from kg.validate import _REFERENCE

    with reference_evaluation():
        assert _REFERENCE.get()
    assert not _REFERENCE.get()
