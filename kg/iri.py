"""Readable, stable IRIs for everything the build mints (docs/rdf-shape.md, "IRI" column).

An IRI is a pure function of what the report says (agency name, year, phase, table order,
row order, column meaning …): the same input always gives the same IRIs, so a rebuild
never churns identifiers.  Chinese names are kept as printed (IRIs allow Unicode);
whitespace and the characters RFC 3987 forbids in a path segment are removed or
percent-encoded, so a name can never open a new path segment.

>>> agency("广州市番禺区 政务服务数据管理局")
'https://w3id.org/budgetkg/id/agency/广州市番禺区政务服务数据管理局'
>>> report("广州市番禺区政务服务数据管理局", 2024, "final_account")
'https://w3id.org/budgetkg/id/report/广州市番禺区政务服务数据管理局/2024/final-account'
>>> segment("a/b?c#d")
'a%2Fb%3Fc%23d'
"""

from __future__ import annotations

import re

from kg.namespace import ID

BASE = str(ID)

#: Named graphs that are not a report's own graph.
ONTOLOGY_GRAPH = BASE + "graph/ontology"  # ontology/**/*.ttl: classes, code lists, gazetteer, agency history
RESOLUTION_GRAPH = BASE + "graph/resolution"  # cross-report links computed by kg.resolve
PROVENANCE_GRAPH = BASE + "graph/provenance"  # one prov:Activity per build

_DROP = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\u3000]+')
# Characters that would end or split a path segment (or are not allowed in an IRI path).
_ESCAPE = {c: f"%{ord(c):02X}" for c in "%/?#[]"}

#: nlp.model.Phase value → path segment
PHASE_SEGMENT = {
    "budget": "budget",
    "final_account": "final-account",
    "adjusted_budget": "adjusted-budget",
    "execution": "execution",
}

#: Mention / entity label → path folder
ENTITY_FOLDER = {
    "Platform": "platform",
    "Reform": "reform",
    "PolicyDocument": "policy-document",  # as the gazetteer spells it
    "Agency": "agency",
    "Place": "place",
}


def segment(name: str) -> str:
    """One path segment from a printed name: whitespace and unsafe characters dropped, delimiters escaped."""
    cleaned = _DROP.sub("", str(name))
    out = "".join(_ESCAPE.get(c, c) for c in cleaned)
    return out or "_"


def agency(name: str) -> str:
    return f"{BASE}agency/{segment(name)}"


def place(name: str) -> str:
    return f"{BASE}place/{segment(name)}"


def entity(label: str, canonical: str) -> str:
    return f"{BASE}{ENTITY_FOLDER.get(label, 'entity')}/{segment(canonical)}"


#: nlp.model.Report.part → path segment of a file that holds one part of a report published as several files
#: (the narrative is the report itself: a file of it alone keeps the report's IRI, its tables hang off it)
PART_SEGMENT = {"tables": "tables", "performance_targets": "performance-targets"}


def report(
    agency_name: str | None,
    year: int | None,
    phase: str | None,
    *,
    sha256: str = "",
    scope: str | None = None,
    part: str | None = None,
) -> str:
    """``id/report/{agency}/{year}/{phase}``, then ``/{scope}`` for a report that covers the agency alone (本级) or
    with its units (汇总) — the two are different reports of one agency — and ``/part/{part}`` for a file that
    holds only the tables or only the performance-target tables of the report; a report whose agency or year
    was not found is named by its bytes.

    >>> report("长春市信访局", 2026, "budget", scope="本级")
    'https://w3id.org/budgetkg/id/report/长春市信访局/2026/budget/本级'
    >>> report("国家信访局", 2024, "final_account", part="tables")
    'https://w3id.org/budgetkg/id/report/国家信访局/2024/final-account/part/tables'
    """
    if not agency_name or year is None:
        return f"{BASE}report/file/{sha256[:16] or 'unknown'}"
    base = f"{BASE}report/{segment(agency_name)}/{year}/{PHASE_SEGMENT.get(phase or '', 'unknown-phase')}"
    if scope:
        base += f"/{segment(scope)}"
    return f"{base}/part/{PART_SEGMENT[part]}" if part in PART_SEGMENT else base


def source_file(sha256: str) -> str:
    return f"{BASE}source-file/{sha256}"


def location(key: str) -> str:
    """``id/location/{key}``: where a build read a file, named by a keyed digest of the path
    (kg.locations.file_location), so that the build machine's paths are never published."""
    return f"{BASE}location/{key}"


def build(started: str) -> str:
    """``id/build/{UTC timestamp}``, e.g. ``id/build/20261124T215000.123456Z``."""
    return f"{BASE}build/{segment(started)}"


def classification(scheme: str, code: str) -> str:
    return f"{BASE}classification/{scheme}/{segment(code)}"


def concept(scheme: str, key: str) -> str:
    """``id/concept/{measure|expenditure-type|funding-source}/{key}``."""
    return f"{BASE}concept/{scheme}/{segment(key)}"


def child(parent: str, *parts: object) -> str:
    """A node under another: ``{parent}/table/3``, ``{report}/responsibility/{unit}/2``."""
    return "/".join([parent, *(segment(str(p)) for p in parts)])


def change_event(name: str) -> str:
    return f"{BASE}change/{segment(name)}"


class Unique:
    """Makes keys unique within one report in a stable way: the 2nd 'x' becomes 'x-2'.

    Used where a report repeats a name (two projects with the same name in one unit).
    Deterministic because the model lists are in document order.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, key: str) -> str:
        n = self._seen.get(key, 0) + 1
        self._seen[key] = n
        return key if n == 1 else f"{key}-{n}"
