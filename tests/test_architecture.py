"""House rules that keep the layers apart (docs/architecture.md: "Layers and the rules that keep them apart")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "nlp").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_nlp_never_imports_kg_or_rdf(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"kg", "rdflib", "pyoxigraph", "pyshacl", "fastapi"}}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", sorted((ROOT / "kg").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_kg_uses_only_the_nlp_model_and_entry_point(path: Path) -> None:
    # nlp.resources is the one loader of shipped data (ontology, shapes, queries, corpus, pipeline, web assets):
    # it sits in the bottom layer so that nlp can use it without importing kg
    allowed = {"nlp", "nlp.model", "nlp.vocab", "nlp.errors", "nlp.serialize", "nlp.summary", "nlp.resources"}
    bad = {m for m in imported_modules(path) if m.split(".")[0] == "nlp" and m not in allowed}
    assert not bad, f"{path} imports {bad}"


CORE = sorted(p for p in (ROOT / "kg").rglob("*.py") if p.relative_to(ROOT / "kg").parts[0] not in {"api", "commands"})


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_kg_core_never_imports_the_api(path: Path) -> None:
    # the CLI and the server both stand on the core (named queries, formats, the store); the core serves neither
    bad = {m for m in imported_modules(path) if m == "kg.api" or m.startswith("kg.api.")}
    assert not bad, f"{path} imports {bad}"


def test_no_module_over_500_lines() -> None:
    long = [
        (str(p.relative_to(ROOT)), n)
        for p in list((ROOT / "nlp").rglob("*.py")) + list((ROOT / "kg").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not long, f"modules over 600 lines (split them by idea): {long}"
