"""Every library the shipped packages import is declared in pyproject.toml — in ``dependencies``, or in the extra
that the importing module belongs to — not only reached through another library's requirements (numpy arrived
through spaCy, thinc and blis through spaCy, starlette and anyio through FastAPI, pyparsing through rdflib, pydantic
through pydantic-settings: a release of those that dropped or bounded one otherwise would break an import here).
Fails before for those seven."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    return {_normal(re.match(r"[A-Za-z0-9._-]+", s).group()) for s in specs}  # type: ignore[union-attr]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported(package: str) -> dict[str, str]:
    """Top-level names of the modules a package's files import (functions' imports too), each with a file."""
    out: dict[str, str] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                out.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return out


def test_every_library_imported_is_declared() -> None:
    own = {"nlp", "kg", "budgetkg"}
    distributions = packages_distributions()
    declared = _declared()
    undeclared = {}
    for package in ("nlp", "kg"):
        for module, where in _imported(package).items():
            if module in own or module in sys.stdlib_module_names:
                continue
            names = {_normal(d) for d in distributions.get(module, [module])}
            if not names & declared:
                undeclared[module] = where
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
