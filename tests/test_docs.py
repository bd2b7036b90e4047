"""The repository explains itself: the documentation's links resolve inside it, its vocabulary table names terms
the ontology defines, and nothing points at files outside the repository (except the development data)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kg.ontology import core_ontology_graph
from tests.test_ontology import BKG_NS, bkg_terms

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
#: Tests that read the development set, which lives beside the checkout, not in it.
READ_THE_DEVSET = {"tests/conftest.py", "tests/test_sources_devset.py", "tests/gold/README.md", "bench/bench_reader.py"}


def tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [f for f in out.stdout.splitlines() if (ROOT / f).is_file()]


def test_nothing_points_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|shared/DESIGN|DESIGN\.md|shared folder")
    found = []
    for name in tracked_files():
        if name in READ_THE_DEVSET or name == "tests/test_docs.py":
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary (the trained pipeline)
        found += [f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1) if outside.search(line)]
    assert not found, f"these lines point outside the repository: {found}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_relative_links_resolve(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        if not (doc.parent / target).exists():
            broken.append(target)
    assert not broken, f"{doc.name}: links to missing files {broken}"


def test_the_docs_the_code_names_exist() -> None:
    """A docstring, comment or message that sends the reader to docs/<page>.md names a page the repository has (a
    warning once pointed at a docs/installation.md that was never written)."""
    named = re.compile(r"docs/[A-Za-z0-9_-]+\.md")
    missing = [
        f"{name}: {page}"
        for name in tracked_files()
        if name.endswith(".py") and name != "tests/test_docs.py"
        for page in named.findall((ROOT / name).read_text(encoding="utf-8"))
        if not (ROOT / page).is_file()
    ]
    assert not missing, f"these name a docs page that does not exist: {missing}"


#: ``nlp.<method>`` in the docs that is spaCy's Language object, not this repository's nlp package.
SPACY_LANGUAGE_METHODS = {"nlp.initialize"}


def _resolves(dotted: str) -> bool:
    """Whether ``nlp.a.b`` names a module of the repository and, after it, attributes (or dataclass fields)."""
    import dataclasses
    import importlib

    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            fields = {f.name for f in dataclasses.fields(obj)} if dataclasses.is_dataclass(obj) else set()
            if not hasattr(obj, name) and name not in fields:
                return False
            obj = getattr(obj, name, None)
        return True
    return False


@pytest.mark.parametrize("doc", [d for d in DOCS if d.name != "CHANGELOG.md"], ids=lambda p: p.name)
def test_the_code_the_docs_name_exists(doc: Path) -> None:
    """A doc that names ``kg.x.y`` or ``nlp.x.y`` names something the code has (docs/scaling.md once sent the reader
    to a ``kg.queries.insert_values`` that had become ``kg.sparqltext.with_values``), in backquotes or in the prose
    of the data-flow drawing (docs/architecture.md named a method ``nlp.resolve.place_bound_names`` without its
    class). The changelog tells history."""
    named = set(
        re.findall(r"(?<![\w./])((?:nlp|kg)\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)", doc.read_text(encoding="utf-8"))
    )
    missing = sorted(n for n in named - SPACY_LANGUAGE_METHODS if not _resolves(n))
    assert not missing, f"{doc.name} names code that does not exist: {missing}"


def test_the_vocabulary_table_names_defined_terms() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("## The vocabulary contract", 1)[1].split("\n## ", 1)[0]
    used = set(re.findall(r"`bkg:([A-Za-z]+)`", table))
    assert {"Report", "Agency", "LineItem", "amount", "evidence", "mentions"} <= used
    defined = {str(t)[len(BKG_NS) :] for t in bkg_terms(core_ontology_graph())}
    assert used - defined == set()


def test_the_license_is_the_apache_license_the_package_declares() -> None:
    import tomllib

    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in license_text and "Version 2.0, January 2004" in license_text
    assert "END OF TERMS AND CONDITIONS" in license_text  # the full text, not a pointer to it
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert "Apache-2.0" in str(declared)
