"""Options several commands take, declared and resolved in one place so that they mean the same everywhere.

``--store DIR`` (``build``, ``export``, ``query``, ``validate``, ``serve``): the data directory, else
``$BUDGETKG_DATA``, else the per-user data directory (:func:`kg.store.default_data_dir`).

``--devset DIR`` (``train``, ``eval links``): the development set, else ``$BUDGETKG_DEVSET``.  A folder named
either way that has no ``text/`` is :class:`DevsetNotFound`, which :func:`kg.cli.main` turns into one line on
stderr and exit 2 (a usage error), the same for every command.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        type=Path,
        default=None,
        metavar="DIR",
        help="data directory (default: $BUDGETKG_DATA, else the per-user data directory)",
    )


def data_dir(args: argparse.Namespace) -> Path:
    """The data directory ``--store`` names, else the default one."""
    from kg.store import default_data_dir

    return args.store or default_data_dir()


class DevsetNotFound(ValueError):
    """A command was given no development set, or a folder without one (no ``text/``)."""


def devset_folder(given: Path | None, required: bool) -> Path | None:
    """The development set ``--devset`` names, else ``$BUDGETKG_DEVSET``; None when neither names one and the
    command can do without it.  Raises :class:`DevsetNotFound` when it is required and not named, or named and
    not there."""
    devset = given or (Path(os.environ["BUDGETKG_DEVSET"]) if os.environ.get("BUDGETKG_DEVSET") else None)
    if devset is None:
        if required:
            raise DevsetNotFound("no development set given: pass --devset DIR or set $BUDGETKG_DEVSET")
        return None
    if not (devset / "text").is_dir():
        raise DevsetNotFound(
            f"no development set at {devset} (no folder {devset / 'text'}): pass --devset DIR or set $BUDGETKG_DEVSET"
        )
    return devset
