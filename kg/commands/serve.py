"""``budgetkg serve [--store DIR] [--host 127.0.0.1] [--port 8000]`` — serve the graph over HTTP.

``budgetkg serve --sparql-endpoint URL [--graph-store URL]`` serves a remote SPARQL 1.1 store instead
(e.g. Virtuoso's ``http://host:8890/sparql`` and its read-only ``/sparql-graph-crud``, where ``budgetkg
build --remote`` publishes): the same endpoints, named queries, pages, dumps and viewer, behind the same
walls (kg.api.guard, deadlines, size limits); nothing is written to it and no credentials are sent.
Without a Graph Store URL the dumps read each graph by SPARQL.

Options default to the environment (``BUDGETKG_HOST``, ``BUDGETKG_PORT`` …, see
:class:`kg.api.settings.Settings`); the store is opened read-only.
"""

from __future__ import annotations

import argparse
import sys


def cmd_serve(args: argparse.Namespace) -> int:

    from kg.api.app import create_app
    from kg.api.settings import Settings
    from kg.commands.options import data_dir
    from kg.store import Store

    overrides = {k: v for k, v in {"host": args.host, "port": args.port}.items() if v is not None}
    settings = Settings(**overrides)
    if args.sparql_endpoint:
        return serve_remote(args, settings)
    if args.graph_store:
        print("budgetkg serve: --graph-store needs --sparql-endpoint", file=sys.stderr)
        return 2
    path = data_dir(args)
    # No graph yet (exit 2), a damaged or unreadable store, or query workers that cannot start (exit 3): one
    # line, as for every command (kg.cli.main).
    # (no local reference to the store: the application lets go of it when it serves a newer build)
    return _run(create_app(settings, Store(path, read_only=True)), settings, str(path))


def serve_remote(args: argparse.Namespace, settings) -> int:

    from kg.api.app import create_app
    from kg.remote import RemoteError, RemoteStore

    if args.store:
        print("budgetkg serve: --store and --sparql-endpoint exclude each other", file=sys.stderr)
        return 2
    store = RemoteStore(
        endpoint=args.sparql_endpoint, graph_store=args.graph_store, read_only=True, timeout=settings.query_timeout
    )
    try:
        store.query("ASK { }", timeout=min(30.0, settings.query_timeout))  # reachable, and a SPARQL endpoint
    except (RemoteError, ValueError, SyntaxError) as exc:
        print(
            f"budgetkg serve: error: the SPARQL endpoint {args.sparql_endpoint} does not answer: {exc}", file=sys.stderr
        )
        return 3
    return _run(create_app(settings, store), settings, f"the SPARQL store {args.sparql_endpoint}")


def _run(app, settings, what: str) -> int:
    """Start the query workers (exit 3 with one line if they cannot start), then serve until stopped."""
    import uvicorn

    from kg.api.slowclients import request_deadline_protocol

    try:
        app.state.executor.start()
    except RuntimeError as exc:
        print(f"budgetkg serve: error: {exc}", file=sys.stderr)
        return 3
    print(
        f"budgetkg: serving {what} on http://{settings.host}:{settings.port}/ (SPARQL at /sparql, viewer at /viz)",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        http=request_deadline_protocol(settings.read_timeout),
    )
    return 0


def register(sub) -> None:
    from kg.commands.options import add_store_option

    p = sub.add_parser("serve", help="serve the graph: SPARQL endpoint, named queries, linked data, viewer")
    add_store_option(p)
    p.add_argument("--host", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument(
        "--sparql-endpoint",
        metavar="URL",
        help="serve a remote SPARQL 1.1 store (e.g. Virtuoso: http://host:8890/sparql) instead of --store",
    )
    p.add_argument(
        "--graph-store",
        metavar="URL",
        help="its Graph Store Protocol URL for the dumps (Virtuoso, read-only: http://host:8890/sparql-graph-crud)",
    )
    p.set_defaults(handler=cmd_serve)
