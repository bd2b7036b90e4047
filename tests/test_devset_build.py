"""A build of the whole development set: no SHACL violation (a structural error of the graph, which a
reading error would cause).  The SHACL warnings that remain are the reports' own discrepancies or codes
missing from the bundled code lists; they are counted in the notes of issue 11, not asserted here."""

from __future__ import annotations

import pytest

from tests.conftest import DEVSET, DEVSET_MANIFEST, requires_devset

pytestmark = [pytest.mark.slow, requires_devset]

#: Violations printed in the source itself (none so far): (report stem, focus-node suffix).
EXPECTED_VIOLATIONS: set[tuple[str, str]] = set()


@pytest.mark.parametrize("stem", [m["stem"] for m in DEVSET_MANIFEST] or ["-"])
def test_devset_report_graph_has_no_violation(stem):
    from kg.build import process_file

    path = DEVSET / "text" / f"{stem}.txt"
    outcome, _nquads = process_file(
        path, build_iri="https://w3id.org/budgetkg/id/build/test", validate=True, entities=False, resolver=None
    )
    assert outcome.status == "built", outcome.error
    found = {(stem, v.split(" ", 1)[0].rsplit("/", 1)[-1]) for v in outcome.violations}
    assert found <= EXPECTED_VIOLATIONS, outcome.violations


#: The train reports whose projects the link gold reads and links (tests/gold/links/devset.jsonl).
_LINKED = {"202", "203", "215", "216", "220", "222", "224"}


@pytest.mark.parametrize("stem", sorted(m["stem"] for m in DEVSET_MANIFEST if m["stem"][:3] in _LINKED) or ["-"])
def test_every_funding_link_traces_to_the_span_it_was_read_from(stem):
    """Built with entities, a report's graph passes the shapes, and each ``bkg:funds`` triple traces to an annotation
    of its entity (``oa:hasBody``) whose evidence lies in its project's own (the name) or in one of the project's
    targets' — the cell or sentence the link was read from."""
    import pyoxigraph as ox

    from kg.build import process_file

    path = DEVSET / "text" / f"{stem}.txt"
    outcome, nquads = process_file(
        path, build_iri="https://w3id.org/budgetkg/id/build/test", validate=True, entities=True, resolver=None
    )
    assert outcome.status == "built" and not outcome.violations, outcome.error or outcome.violations
    store = ox.Store()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    bkg, oa = "https://w3id.org/budgetkg/ontology#", "http://www.w3.org/ns/oa#"

    def objects(node, predicate: str) -> list:
        return [q.object for q in store.quads_for_pattern(node, ox.NamedNode(predicate), None)]

    def where(node) -> tuple[int, int] | None:
        for evidence in objects(node, bkg + "evidence"):
            for selector in objects(evidence, oa + "hasSelector"):
                start, end = objects(selector, oa + "start"), objects(selector, oa + "end")
                if start and end:
                    return int(start[0].value), int(end[0].value)
        return None

    funds = list(store.quads_for_pattern(None, ox.NamedNode(bkg + "funds"), None))
    assert funds
    for q in funds:
        own = [where(q.subject)] + [where(t) for t in objects(q.subject, bkg + "hasPerformanceTarget")]
        bodies = store.quads_for_pattern(None, ox.NamedNode(oa + "hasBody"), q.object)
        mentions = [where(m.subject) for m in bodies]
        assert any(o and m and o[0] <= m[0] and m[1] <= o[1] for o in own for m in mentions), (q.subject, q.object)
