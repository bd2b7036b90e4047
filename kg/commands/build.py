"""``budgetkg build [PATH ...] [--store DIR]``: read, map, validate and store reports (kg.build)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    from kg.cli import COMMANDS

    p = sub.add_parser("build", help="build the knowledge graph from report files or folders")
    p.add_argument("paths", nargs="*", help="report files or folders (default: the bundled corpus)")
    p.add_argument("--store", type=Path, default=None, help="data directory (default: $BUDGETKG_DATA, else the per-user data directory)")
    p.add_argument("--no-validate", dest="validate", action="store_false", help="skip SHACL validation")
    p.add_argument("--force", action="store_true", help="rebuild reports whose file did not change")
    p.add_argument("--fresh", action="store_true", help="start from an empty store (drop reports not given)")
    p.add_argument("--no-entities", dest="entities", action="store_false", help="skip entity and relation extraction")
    p.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core; 1 = none)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--remote", default=None, metavar="URL",
                   help="also publish the changed graphs to a SPARQL 1.1 Graph Store Protocol server (e.g. Virtuoso "
                        "http://127.0.0.1:8890; credentials from $BUDGETKG_REMOTE_USER / $BUDGETKG_REMOTE_PASSWORD)")
    COMMANDS["build"] = cmd_build


def cmd_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.build import build, one_line, print_summary, write_reports
    from kg.cli import iter_report_files
    from kg.store import default_data_dir

    data_dir = args.store or default_data_dir()
    files = iter_report_files(args.paths)

    def progress(items):
        return tqdm(items, desc="build", unit="report", file=sys.stderr, disable=args.quiet or None)

    def on_file(outcome) -> None:
        if outcome.error:
            tqdm.write(f"failed: {one_line(outcome.error)}", file=sys.stderr)
        for v in outcome.violations[:5]:
            tqdm.write(f"{one_line(outcome.path)}: violation: {one_line(v)}", file=sys.stderr)

    result = build(
        files, data_dir, validate=args.validate, force=args.force, fresh=args.fresh,
        entities=args.entities, jobs=args.jobs, progress=progress, on_file=on_file,
    )
    report_path = write_reports(result, data_dir)
    if args.remote:
        from kg import iri
        from kg.remote import RemoteStore, push
        from kg.store import Store

        graphs = [f.report for f in result.files if f.status == "built"] + [iri.ONTOLOGY_GRAPH, iri.PROVENANCE_GRAPH]
        n = push(Store(data_dir, read_only=True), RemoteStore(args.remote), graphs)
        print(f"remote: {n} graphs published to {args.remote}")
    print_summary(result)
    print(f"store: {data_dir}  full report: {report_path}")
    if result.failed:
        print(f"budgetkg build: {len(result.failed)} of {len(result.files)} files failed (the others are stored)", file=sys.stderr)
        return 1
    return 0
