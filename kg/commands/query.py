"""``budgetkg query [--store DIR] QUERY_OR_NAME [--param name=value] [--format table|json|csv]``.

QUERY_OR_NAME is SPARQL text, a file, or the name of a query in ``queries/`` (its header
declares the parameters; see queries/README.md).  Parameters are bound as RDF terms in a
VALUES block (kg.queries.bind, as the API does), never pasted into the text.  Queries see the union of all graphs as the
default graph; ``GRAPH ?report { … }`` still reaches one report.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from kg.remote import RemoteStore
    from kg.store import Store


def register(sub) -> None:
    from kg.commands.options import add_store_option

    p = sub.add_parser("query", help="run a SPARQL query or a named query from queries/")
    p.add_argument("query", help="SPARQL text, a .rq file, or a query name (e.g. funding-by-platform)")
    add_store_option(p)
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="bind a parameter")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument(
        "--remote", default=None, metavar="URL", help="query a SPARQL 1.1 server instead of the embedded store"
    )
    p.set_defaults(handler=cmd_query)


def named_queries() -> dict:
    from kg.queries import load_named_queries

    return load_named_queries()


def resolve_query(text_or_name: str):
    """(SPARQL text, NamedQuery or None)."""
    queries = named_queries()
    if text_or_name in queries:
        q = queries[text_or_name]
        return q.text, q
    path = Path(text_or_name)
    if path.suffix == ".rq" and path.is_file():
        from kg.queries import parse

        q = parse(path.read_text(encoding="utf-8"), path.stem, path)
        return q.text, q
    return text_or_name, None


def bind_params(text: str, named, given: dict[str, str]) -> str:
    """The query with its parameters bound (a VALUES block per parameter, as the API does)."""
    from kg.queries import BindError, bind

    if named is None:
        if given:
            raise SystemExit("budgetkg query: --param needs a named query (its header declares the parameters)")
        return text
    unknown = set(given) - {p.name for p in named.params}
    if unknown:
        raise SystemExit(
            f"budgetkg query: unknown parameter(s) {sorted(unknown)}; {named.name} takes {[p.name for p in named.params]}"
        )
    try:
        return bind(named, given)
    except BindError as exc:
        raise SystemExit(f"budgetkg query: {named.name}: {exc}") from None


def run(store, text: str):
    return store.query(text, use_default_graph_as_union=True)


def cell(t) -> str:
    if t is None:
        return ""
    return t.value if isinstance(t, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(t)


def rows_of(result) -> tuple[list[str], list[list[str]]]:
    if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
        return ["result"], [[str(bool(result)).lower()]]
    if type(result).__name__ == "QueryTriples":
        return ["subject", "predicate", "object"], [
            [cell(t.subject), cell(t.predicate), cell(t.object)] for t in result
        ]
    names = [v.value for v in result.variables]
    return names, [[cell(sol[n]) for n in names] for sol in result]


def render(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def cmd_query(args: argparse.Namespace) -> int:
    from kg.commands.options import data_dir
    from kg.store import Store

    given = {}
    for p in args.param:
        name, _, value = p.partition("=")
        given[name.strip().lstrip("?")] = value
    text, named = resolve_query(args.query)
    text = bind_params(text, named, given)
    store: Store | RemoteStore
    if args.remote:
        from kg.remote import RemoteStore

        store = RemoteStore(args.remote)
    else:
        store = Store(data_dir(args), read_only=True)  # no graph yet: kg.cli.main says so
    try:
        names, rows = rows_of(run(store, text))
    except SyntaxError as exc:
        print(f"budgetkg query: {exc}", file=sys.stderr)
        return 2
    print(render(names, rows, args.format))
    return 0
