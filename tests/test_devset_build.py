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
