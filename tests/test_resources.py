"""One loader finds everything budgetkg ships, from a checkout and from a wheel; the data directory comes
from settings, never from where the code is installed or from the current directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from kg.queries import load_dir, load_named_queries
from kg.store import default_data_dir
from nlp import resources

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

#: A file each shipped folder must hold for the code that reads it to work (what it reads, not a count).
EXPECTED = {
    "ontology": ["budgetkg.ttl", "gazetteer.ttl", "codelists"],
    "shapes": ["report.ttl", "codelists.ttl"],
    "queries": ["funding-by-platform.rq"],
    "corpus": ["MANIFEST.tsv"],
    "pipeline": ["config.cfg", "meta.json"],
    "templates": ["base.html"],
    "static": ["style.css", "vendor"],
}


@pytest.mark.parametrize("name", sorted(resources.FOLDERS))
def test_every_shipped_folder_is_found(name: str) -> None:
    assert set(EXPECTED) == set(resources.FOLDERS)
    path = resources.folder(name)
    missing = [f for f in EXPECTED[name] if not (path / f).exists()]
    assert not missing, f"{name}: {path} lacks {missing}"


def test_files_are_listed_in_a_stable_order() -> None:
    files = resources.data_files("ontology", "*.ttl", recursive=True)
    rel = [p.relative_to(resources.folder("ontology")).as_posix() for p in files]
    assert rel == sorted(rel) and "codelists/functional.ttl" in rel and "budgetkg.ttl" in rel
    assert all(p.suffix == ".ttl" for p in files)


def test_a_missing_package_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setitem(resources.FOLDERS, "ontology", ("budgetkg.no_such_folder", ()))
    with pytest.raises(resources.ResourceNotFound, match=r"ontology/ is not installed .*reinstall"):
        resources.folder("ontology")


def test_every_code_package_is_in_the_wheel() -> None:
    """pyproject.toml lists the packages (the data folders are mapped by name): a new subpackage must be added."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for top in ("nlp", "kg") for p in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    for package, folder in mapped.items():
        assert package in listed and (ROOT / folder / "__init__.py").is_file(), package
        assert package in PYPROJECT["tool"]["setuptools"]["package-data"], f"{package} ships no data"


def test_the_source_tree_is_this_checkout() -> None:
    assert resources.source_tree() == ROOT
    assert resources.require_source_tree("eval", "tests", "gold") == ROOT / "tests" / "gold"


@pytest.mark.parametrize("argv", [["eval"], ["train", "--epochs", "1"]])
def test_train_and_eval_without_a_source_tree_say_so_in_one_line(argv, monkeypatch, capsys) -> None:
    from kg.cli import main

    monkeypatch.setattr(resources, "source_tree", lambda: None)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "source checkout" in err and f"budgetkg {argv[0]}" in err


def test_eval_with_an_explicit_gold_folder_needs_no_source_tree(monkeypatch, tmp_path, capsys) -> None:
    from kg.cli import main

    monkeypatch.setattr(resources, "source_tree", lambda: None)
    (tmp_path / "g.jsonl").write_text("", encoding="utf-8")  # an empty gold set: nothing to score, no error
    assert main(["eval", "--gold", str(tmp_path), "--no-ner"]) == 0


def test_data_directory_from_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BUDGETKG_DATA", str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"


def test_data_directory_defaults_to_the_per_user_one(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("BUDGETKG_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(ROOT)  # not the checkout, even when run from it
    path = default_data_dir()
    assert path == tmp_path / "xdg" / "budgetkg"
    assert ROOT not in path.parents and Path(resources.__file__).parent.parent not in path.parents


def test_named_queries_ship_and_a_missing_folder_is_an_error(tmp_path) -> None:
    shipped = load_named_queries()
    assert "funding-by-platform" in shipped and all(q.title for q in shipped.values())
    with pytest.raises(FileNotFoundError, match="no folder"):
        load_dir(tmp_path / "typo")


@pytest.mark.slow
def test_the_wheel_ships_every_data_file(tmp_path) -> None:
    """Every tracked file of the data folders is in the wheel, where the loader looks for it."""
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' scratch copy: stale files would ship
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("budgetkg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", "ontology", "shapes", "queries", "corpus", "nlp/data", "kg/api/templates", "kg/api/static"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    mapped = {
        folder: package.replace(".", "/") for package, folder in PYPROJECT["tool"]["setuptools"]["package-dir"].items()
    }
    missing = []
    for line in tracked.stdout.splitlines():
        top, _, rest = line.partition("/")
        in_wheel = f"{mapped[top]}/{rest}" if top in mapped else line
        if in_wheel not in names:
            missing.append(line)
    assert not missing, f"not in the wheel: {missing}"
