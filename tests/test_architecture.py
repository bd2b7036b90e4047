"""House rules that keep the layers apart (docs/architecture.md: "Layers and the rules that keep them apart")."""

from __future__ import annotations

import ast
import itertools
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


def test_no_module_over_600_lines() -> None:
    """The limit docs/architecture.md and CONTRIBUTING.md state: at most 600 lines a module (split it by idea)."""
    long = [
        (str(p.relative_to(ROOT)), n)
        for p in list((ROOT / "nlp").rglob("*.py")) + list((ROOT / "kg").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not long, f"modules over 600 lines (split them by idea): {long}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of nlp and kg it imports, imports inside functions and TYPE_CHECKING blocks included
    (``from nlp import geometry`` names the module nlp.geometry, ``from nlp.model import Box`` nlp.model)."""
    paths = {_module_name(p): p for p in list((ROOT / "nlp").rglob("*.py")) + list((ROOT / "kg").rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets.update(
                    f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in paths else node.module for a in node.names
                )
        graph[name] = {t for t in targets if t in paths and t != name}
    return graph


def a_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (its modules in import order, the first again at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path, todo = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(graph[nxt])))
    return None


def test_no_import_cycles() -> None:
    # a cycle hides which module is the lower one (and forces imports into functions); the shared piece
    # belongs in a module both can import
    cycle = a_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("graph", "cyclic"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, False),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, False),  # a diamond is no cycle
        ({"a": {"b"}, "b": {"a"}}, True),
        ({"a": {"b"}, "b": {"c"}, "c": {"d"}, "d": {"b"}}, True),
    ],
)
def test_a_cycle_finds_cycles_only(graph: dict[str, set[str]], cyclic: bool) -> None:
    cycle = a_cycle(graph)
    assert (cycle is not None) == cyclic
    if cycle:
        assert cycle[0] == cycle[-1] and all(b in graph[a] for a, b in itertools.pairwise(cycle))
