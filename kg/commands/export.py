"""``budgetkg export [--store DIR] --format nq [-o FILE]``: dump the graph (pyoxigraph serialisers)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

#: Output formats: name → (pyoxigraph format, whether it keeps named graphs).  JSON-LD goes through rdflib.
FORMATS: dict[str, tuple[ox.RdfFormat | None, bool]] = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (None, True),
}


def register(sub) -> None:
    from kg.cli import COMMANDS

    p = sub.add_parser("export", help="export the graph as ttl, nt, nq, trig or jsonld")
    p.add_argument("--store", type=Path, default=None, help="data directory (default: $BUDGETKG_DATA, else the per-user data directory)")
    p.add_argument("--format", choices=sorted(FORMATS), default="nq")
    p.add_argument("--graph", default=None, help="only this named graph (a report IRI)")
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: stdout)")
    COMMANDS["export"] = cmd_export


def export(store, fmt: str, graph: str | None = None) -> bytes:
    """The store (or one graph) in ``fmt``.  Triple formats get the union of all graphs."""
    raw = store.raw
    oxfmt, quads = FORMATS[fmt]
    if fmt == "jsonld":
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=export(store, "nq", graph), format="nquads")
        return ds.serialize(format="json-ld", ensure_ascii=False).encode("utf-8")
    if graph is not None:
        return raw.dump(format=oxfmt, from_graph=ox.NamedNode(graph))
    if quads:
        return raw.dump(format=oxfmt)
    # the union of the graphs: a triple several reports state (an agency's label) is written once
    triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in raw.quads_for_pattern(None, None, None, None))
    return ox.serialize(triples, format=oxfmt)


def cmd_export(args: argparse.Namespace) -> int:
    from kg.store import Store, default_data_dir

    store = Store(args.store or default_data_dir(), read_only=True)  # no graph yet: kg.cli.main says so
    data = export(store, args.format, args.graph)
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0
