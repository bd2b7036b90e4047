"""``python -m kg.cli`` runs every sub-command as the installed ``budgetkg`` does.

Run as ``__main__``, kg/cli.py is a module of its own beside the ``kg.cli`` the command modules import; a table
of handlers that those modules filled in ``kg.cli`` was empty in ``__main__`` (``KeyError: 'eval'``).  Each
command's parser now carries its handler."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _subcommands() -> dict:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return dict(sub.choices)


def test_every_subcommand_carries_its_handler():
    commands = _subcommands()
    assert {"extract", "build", "export", "query", "validate", "serve", "train", "eval"} <= set(commands)
    for name, p in commands.items():
        handler = p.get_default("handler")
        assert callable(handler), name
        assert handler.__name__ == f"cmd_{name}", name


@pytest.mark.parametrize(
    "argv, err",
    [
        (["export", "--store", "{tmp}/none", "--format", "nt"], "budgetkg export: no graph in {tmp}/none"),
        (["eval", "links", "--devset", "{tmp}"], "budgetkg eval: no development set at {tmp}"),
        (["extract", "{tmp}/missing.txt"], "{tmp}/missing.txt"),
    ],
    ids=lambda v: v[0] if isinstance(v, list) else "",
)
def test_python_m_kg_cli_dispatches_like_the_installed_command(argv, err, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", *(a.replace("{tmp}", str(tmp_path)) for a in argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (1, 2), run.stderr
    assert err.replace("{tmp}", str(tmp_path)) in run.stderr
