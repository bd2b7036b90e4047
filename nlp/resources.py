"""Where budgetkg finds its own data: one loader, through :mod:`importlib.resources`.

The repository keeps its data in top-level folders (``ontology/``, ``shapes/``, ``queries/``,
``corpus/``); the wheel ships them as package data of the namespace ``budgetkg`` (pyproject.toml maps
``budgetkg.ontology`` to ``ontology/`` and so on), so the same import names work from an editable
install of a checkout and from an installed wheel.  The trained pipeline and the web API's templates
and static files live inside their packages.  Nothing here looks at the current directory.  Only the
development commands (``train``, ``eval``) look for the source checkout (:func:`source_tree`): the
training annotations and the gold set never ship.

This module lives in ``nlp`` because ``nlp`` is the bottom layer: ``kg`` may import it, ``nlp`` never
imports ``kg`` (resources of ``kg.api`` are named here as strings and imported only when asked for).

>>> folder("ontology").joinpath("budgetkg.ttl").is_file()
True
>>> [p.name for p in data_files("shapes", "*.ttl")]
['codelists.ttl', 'report.ttl']
>>> folder("nowhere")
Traceback (most recent call last):
...
KeyError: "unknown resource folder 'nowhere' (known: ontology, shapes, queries, corpus, pipeline, templates, static)"
"""

from __future__ import annotations

import importlib.resources
import tomllib
from pathlib import Path

#: name → (package, path inside the package).  The top-level data folders carry an ``__init__.py`` marker:
#: as namespace packages, importlib.resources on Python 3.11 cannot read them through setuptools' editable
#: finder (python/importlib_resources#311).
FOLDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ontology": ("budgetkg.ontology", ()),  # OWL ontology, concept schemes, code lists, gazetteer
    "shapes": ("budgetkg.shapes", ()),  # SHACL shapes
    "queries": ("budgetkg.queries", ()),  # named SPARQL queries
    "corpus": ("budgetkg.corpus", ()),  # the bundled reports (`budgetkg build` with no path)
    "pipeline": ("nlp", ("data", "pipeline")),  # the trained spaCy pipeline
    "templates": ("kg.api", ("templates",)),  # Jinja2 templates of the web pages
    "static": ("kg.api", ("static",)),  # CSS, JS and vendored libraries of the web pages
}


class ResourceNotFound(FileNotFoundError):
    """A folder budgetkg ships is missing: the installation is incomplete."""


class SourceTreeRequired(RuntimeError):
    """A development command (``train``, ``eval``) was run without a budgetkg source checkout."""


def folder(name: str) -> Path:
    """The folder of a shipped resource (see :data:`FOLDERS`) as a path on the file system.

    Libraries we hand these to (spaCy, Jinja2, Starlette, pyoxigraph) want real directories, so a
    package imported from a zip archive is refused with a clear error instead of being extracted.
    """
    if name not in FOLDERS:
        raise KeyError(f"unknown resource folder {name!r} (known: {', '.join(FOLDERS)})")
    package, parts = FOLDERS[name]
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError as e:
        raise ResourceNotFound(
            f"budgetkg's {name}/ is not installed (package {package} not found): "
            "reinstall budgetkg (from a checkout: pip install -e .)"
        ) from e
    path = _on_disk(root, package).joinpath(*parts)
    if not path.is_dir():
        raise ResourceNotFound(f"budgetkg's {name}/ is missing from the installation (looked in {path})")
    return path


def _on_disk(root, package: str) -> Path:
    if isinstance(root, Path):
        return root
    raise ResourceNotFound(f"package {package} is not on the file system (a zip import?): install budgetkg unpacked")


def data_files(name: str, pattern: str = "*", *, recursive: bool = False) -> list[Path]:
    """The files of a resource folder matching ``pattern``, in a stable (sorted) order."""
    return _files(folder(name), pattern, recursive)


def package_files(package: str, pattern: str = "*.py") -> list[Path]:
    """Every file of an installed package matching ``pattern``, subpackages included, sorted."""
    return _files(_on_disk(importlib.resources.files(package), package), pattern, True)


def _files(root: Path, pattern: str, recursive: bool) -> list[Path]:
    found = root.rglob(pattern) if recursive else root.glob(pattern)
    return sorted((p for p in found if p.is_file()), key=lambda p: p.relative_to(root).as_posix())


def source_tree() -> Path | None:
    """The budgetkg checkout this code runs from, or None for an installed wheel.

    A checkout is the folder above the ``nlp`` package that holds budgetkg's pyproject.toml; only the
    development commands need it (the training annotations and the gold set never ship).
    """
    nlp_dir = _on_disk(importlib.resources.files("nlp"), "nlp")
    root = nlp_dir.parent
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        name = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("name")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return root if name == "budgetkg" else None


def require_source_tree(command: str, *parts: str) -> Path:
    """A path inside the checkout, or :class:`SourceTreeRequired` saying which command needs it."""
    root = source_tree()
    if root is None:
        raise SourceTreeRequired(
            f"needs the budgetkg source checkout ({'/'.join(parts) or 'the repository'} does not ship with the "
            f"installed package): run `budgetkg {command}` in a clone of the repository"
        )
    return root.joinpath(*parts)
