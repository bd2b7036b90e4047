"""``--store DIR`` is one option (kg.commands.options): every command that takes a store declares it the same way
and reads the same data directory from it, or from $BUDGETKG_DATA without it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kg.cli import build_parser, main

# the arguments each command needs besides --store (for parsing only)
REQUIRED = {"query": ["funding-by-platform"], "export": ["--format", "nq"]}
STORE_COMMANDS = {"build", "export", "query", "validate", "serve"}


def _store_actions() -> dict[str, argparse.Action]:
    """{command: its --store action}, for every command of the parser that has one."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found = {}
    for name, p in sub.choices.items():
        for action in p._actions:
            if "--store" in action.option_strings:
                found[name] = action
    return found


def test_every_command_that_takes_a_store_declares_the_same_option() -> None:
    found = _store_actions()
    assert set(found) >= STORE_COMMANDS
    shape = {
        name: (tuple(a.option_strings), a.dest, a.type, a.default, a.metavar, a.help, a.nargs, a.required)
        for name, a in found.items()
    }
    assert len(set(shape.values())) == 1, shape  # one declaration: no help text, type or default drifts


@pytest.mark.parametrize("command", sorted(STORE_COMMANDS))
def test_store_dir_parses_to_the_same_path(command: str) -> None:
    args = build_parser().parse_args([command, *REQUIRED.get(command, []), "--store", "some/dir"])
    assert args.store == Path("some/dir")


@pytest.mark.parametrize(
    "argv", [["export", "--format", "nq"], ["query", "funding-by-platform"], ["validate"], ["serve"]]
)
def test_without_store_the_commands_read_budgetkg_data(argv: list[str], tmp_path: Path, monkeypatch, capsys) -> None:
    """The same directory as ``--store DIR`` (tests/test_build.py says so with the option): $BUDGETKG_DATA."""
    data = tmp_path / "data"
    monkeypatch.setenv("BUDGETKG_DATA", str(data))
    assert main(argv) == 2
    assert capsys.readouterr().err.strip() == f"budgetkg {argv[0]}: no graph in {data}: run `budgetkg build` first"


@pytest.mark.parametrize("how", ["--store", "BUDGETKG_DATA"])
def test_build_writes_where_the_others_read(how: str, tmp_path: Path, monkeypatch, capsys) -> None:
    """build stores into the directory --store (else $BUDGETKG_DATA) names, and validate reads it from there."""
    data = tmp_path / "data"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")  # read as a failed file: the store is made even so
    option = ["--store", str(data)] if how == "--store" else []
    if how == "BUDGETKG_DATA":
        monkeypatch.setenv("BUDGETKG_DATA", str(data))
    else:
        monkeypatch.setenv("BUDGETKG_DATA", str(tmp_path / "elsewhere"))
    main(["build", *option, "--no-validate", "--no-entities", "--jobs", "1", "--quiet", str(empty)])
    assert (data / "build-report.txt").is_file()
    assert not (tmp_path / "elsewhere").exists()
    capsys.readouterr()
    assert main(["validate", *option]) in (0, 1)  # a graph to validate: not "no graph in …" (exit 2)
