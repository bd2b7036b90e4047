"""Every budgetkg ontology term used in Python code is defined in ontology/budgetkg.ttl.

kg.namespace.BKG is a DefinedNamespace with ``_fail = True``, so ``BKG.typo`` raises at run time; this test
finds the uses statically — ``BKG.term``, ``BKG["term"]`` and full ``https://w3id.org/budgetkg/ontology#term``
IRIs — in kg/ and nlp/ (and the scripts), so an unused code path cannot hide a term the ontology lacks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.namespace import BKG
from kg.ontology import core_ontology_graph
from tests.test_ontology import bkg_terms

ROOT = Path(__file__).resolve().parent.parent
NS = str(BKG._NS)
USES = [
    re.compile(r"\bBKG\.([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(r"\bBKG\[\s*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']\s*\]"),
    re.compile(re.escape(NS) + r"([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(r"\bbkg:([A-Za-z_][A-Za-z0-9_]*)"),
]
# attributes of the DefinedNamespace class itself, not terms
NOT_TERMS = {"_NS", "_fail", "_warn", "_underscore_num", "_extras"}


def python_files() -> list[Path]:
    return sorted(p for d in ("kg", "nlp", "scripts") for p in (ROOT / d).rglob("*.py"))


def used_terms() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        for pattern in USES:
            for m in pattern.finditer(text):
                name = m.group(1)
                if name not in NOT_TERMS:
                    line = text.count("\n", 0, m.start()) + 1
                    found.setdefault(name, []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def test_the_scan_finds_terms() -> None:
    used = used_terms()
    assert {"LineItem", "amount", "classification", "evidence"} <= set(used)


def test_every_term_used_in_code_is_in_the_ontology() -> None:
    defined = {str(t)[len(NS) :] for t in bkg_terms(core_ontology_graph())}
    missing = {name: where[:3] for name, where in used_terms().items() if name not in defined}
    assert not missing, f"bkg: terms used in code but not defined in ontology/budgetkg.ttl: {missing}"


@pytest.mark.parametrize("name", sorted(BKG.__annotations__))
def test_every_namespace_term_resolves(name: str) -> None:
    assert BKG[name] == URIRef(NS + name)


def test_a_typo_fails() -> None:
    with pytest.raises(AttributeError):
        BKG.lineItem  # noqa: B018
