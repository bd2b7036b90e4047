"""Options several commands take, declared and resolved in one place so that they mean the same everywhere.

``--store DIR`` (``build``, ``export``, ``query``, ``validate``, ``serve``): the data directory, else
``$BUDGETKG_DATA``, else the per-user data directory (:func:`kg.store.default_data_dir`).
"""

from __future__ import annotations

import argparse
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

