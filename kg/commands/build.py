"""``budgetkg build [PATH ...] [--store DIR]``: read, map, validate and store reports (kg.build)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    from kg.commands.options import add_store_option

    p = sub.add_parser("build", help="build the knowledge graph from report files or folders")
    p.add_argument("paths", nargs="*", help="report files or folders (default: the bundled corpus)")
    add_store_option(p)
    p.add_argument("--no-validate", dest="validate", action="store_false", help="skip SHACL validation")
    p.add_argument("--force", action="store_true", help="rebuild reports whose file did not change")
    p.add_argument("--fresh", action="store_true", help="start from an empty store (drop reports not given)")
    p.add_argument("--no-entities", dest="entities", action="store_false", help="skip entity and relation extraction")
    p.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core; 1 = none)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--remote",
        default=None,
        metavar="URL",
        help="also publish the changed graphs to a SPARQL 1.1 Graph Store Protocol server (e.g. Virtuoso "
        "http://127.0.0.1:8890; credentials from $BUDGETKG_REMOTE_USER / $BUDGETKG_REMOTE_PASSWORD)",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="read, map and validate on this Dask cluster (pip install 'budgetkg[cluster]'; every worker "
        "runs the same budgetkg); the store is written here, in one transaction, as without it",
    )
    p.add_argument(
        "--remote-isql",
        default=None,
        metavar="HOST:PORT",
        help="with --remote (Virtuoso): publish a large batch with Virtuoso's bulk loader over this SQL port "
        "(isql-vt) instead of one Graph Store request per graph",
    )
    p.add_argument(
        "--remote-load-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="with --remote-isql: the folder the loader's files are written to (in the server's DirsAllowed)",
    )
    p.add_argument(
        "--remote-server-dir",
        default=None,
        metavar="DIR",
        help="with --remote-isql: that folder as the Virtuoso server sees it (default: the same path)",
    )
    p.add_argument(
        "--remote-bulk-min-triples",
        type=int,
        default=None,
        metavar="N",
        help="with --remote-isql: a batch of at least N triples goes by the bulk loader "
        "(default: kg.bulkload.BULK_MIN_TRIPLES, measured in docs/scaling.md)",
    )
    p.set_defaults(handler=cmd_build)


def cmd_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.build import build, one_line, print_summary, write_reports
    from kg.cli import iter_report_files
    from kg.cluster import ClusterError
    from kg.commands.options import data_dir as data_dir_of

    data_dir = data_dir_of(args)
    files = iter_report_files(args.paths)

    def progress(items):
        return tqdm(items, desc="build", unit="report", file=sys.stderr, disable=args.quiet or None)

    def on_file(outcome) -> None:
        if outcome.error:
            tqdm.write(f"failed: {one_line(outcome.error)}", file=sys.stderr)
        for v in outcome.violations[:5]:
            tqdm.write(f"{one_line(outcome.path)}: violation: {one_line(v)}", file=sys.stderr)

    if args.remote_isql and not (args.remote and args.remote_load_dir):
        print("budgetkg build: --remote-isql needs --remote URL and --remote-load-dir DIR", file=sys.stderr)
        return 2
    try:
        result = build(
            files,
            data_dir,
            validate=args.validate,
            force=args.force,
            fresh=args.fresh,
            entities=args.entities,
            jobs=args.jobs,
            progress=progress,
            on_file=on_file,
            scheduler=args.scheduler,
        )
    except ClusterError as exc:  # nothing was committed: the build's transaction ended with the exception
        print(f"budgetkg build: error: {one_line(str(exc))} (the store is unchanged)", file=sys.stderr)
        return 3
    report_path = write_reports(result, data_dir)
    if args.remote:
        import httpx

        from kg import iri
        from kg.build import report_locations
        from kg.bulkload import BulkLoader, BulkLoadError, publish
        from kg.remote import RemoteError, RemoteStore, replaced_reports
        from kg.store import Store
        from kg.summaries import summary_graph

        built = [f.report for f in result.files if f.status == "built" and f.report]
        graphs = built + [summary_graph(r) for r in built] + [iri.ONTOLOGY_GRAPH, iri.PROVENANCE_GRAPH]
        bulk = (
            BulkLoader(args.remote_isql, args.remote_load_dir, server_dir=args.remote_server_dir)
            if args.remote_isql
            else None
        )
        local, remote = Store(data_dir, read_only=True), RemoteStore(args.remote)
        try:
            # asked before publishing: the remote provenance graph still says where its reports came from
            stale = replaced_reports(report_locations(local), report_locations(remote), built)
            how, n = publish(local, remote, graphs, bulk, min_triples=args.remote_bulk_min_triples)
            for old in sorted(stale):  # after their successors are there: the report is never missing
                remote.remove_graph(old)
                remote.remove_graph(summary_graph(old))
        except (BulkLoadError, RemoteError, httpx.HTTPError) as exc:  # the local store is built; publish again
            print(f"budgetkg build: error: {one_line(str(exc))}", file=sys.stderr)
            return 3
        gone = f", {len(stale)} replaced report graphs removed" if stale else ""
        print(f"remote: {n} graphs published to {args.remote} ({how}){gone}")
    print_summary(result)
    print(f"store: {data_dir}  full report: {report_path}")
    if result.failed:
        print(
            f"budgetkg build: {len(result.failed)} of {len(result.files)} files failed (the others are stored)",
            file=sys.stderr,
        )
        return 1
    return 0
