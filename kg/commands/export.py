"""``budgetkg export [--store DIR] --format nq [-o FILE]``: dump the graph (the formats of :mod:`kg.formats`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.formats import RDF_FORMATS


def register(sub) -> None:
    from kg.commands.options import add_store_option

    p = sub.add_parser("export", help="export the graph as " + ", ".join(RDF_FORMATS))
    add_store_option(p)
    p.add_argument("--format", choices=list(RDF_FORMATS), default="nq")
    p.add_argument("--graph", default=None, help="only this named graph (a report IRI)")
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: stdout)")
    p.set_defaults(handler=cmd_export)


def export(store, fmt: str, graph: str | None = None) -> bytes:
    """The store (or one graph) in ``fmt`` (kg.formats: the same bytes as the API's dumps)."""
    from kg.formats import dump

    return dump(store, fmt, graph)


def cmd_export(args: argparse.Namespace) -> int:
    from kg.commands.options import data_dir
    from kg.store import Store

    store = Store(data_dir(args), read_only=True)  # no graph yet: kg.cli.main says so
    data = export(store, args.format, args.graph)
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0
