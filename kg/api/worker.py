"""A query worker process: opens the store read-only and answers one query at a time over a pipe.

Queries run in worker processes because pyoxigraph evaluates a query in Rust and cannot be
interrupted from Python: the parent (:mod:`kg.api.executor`) waits for the answer with a
deadline and kills the process when it passes.  Before it opens the store the worker cuts itself
off the network and caps its memory (:mod:`kg.api.sandbox`); before each query it caps the CPU
the query may use, and a client's query is parsed and decided by :func:`kg.api.guard.inspect`
here, under those limits, never in the server's event loop.  The worker serialises the result
itself, through a writer that stops at the result-size limit, so a huge result never crosses the
pipe.  This module imports only the standard library, pyoxigraph, rdflib's SPARQL parser and
:mod:`kg.api` modules that import nothing heavier.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.api import formats, guard, sandbox


@dataclass
class QueryRequest:
    query: str
    accept: str | None = None
    format: str | None = None  # a format= override: key or media type
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    max_bytes: int = 20_000_000
    #: The server's own query text (named queries, the viewer's): not parsed by the guard, and the
    #: union of all graphs is its default graph.  Never set for text that came from a client.
    trusted: bool = False
    cpu_seconds: float = 0.0  # CPU time this query may use (0: no limit of its own)


@dataclass
class WorkerConfig:
    """How a worker is started: what it opens and the walls it raises first (kg.api.settings)."""

    path: str
    memory_mb: int = 0  # 0: no memory cap
    nice: int = 0
    network_isolation: str = "required"  # "required" | "off"
    remote: dict | None = None  # a remote SPARQL store to ask instead (kg.remote.RemoteStore.config())

    def to_arg(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_arg(cls, arg: str) -> WorkerConfig:
        return cls(**json.loads(arg))


@dataclass
class QueryReply:
    status: int  # HTTP status: 200, or the error's
    body: bytes = b""
    media_type: str = ""
    kind: str = ""  # solutions | boolean | graph
    message: str = ""  # error message for the client (never a traceback)


class ResultTooLarge(Exception):
    pass


class LimitedWriter(io.BytesIO):
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, b) -> int:
        if self.tell() + len(b) > self.limit:
            raise ResultTooLarge
        return super().write(b)


def open_store(source: tuple[str, object]):
    kind, value = source
    if kind == "remote":  # the query goes on to the remote store, read-only, without credentials
        from kg.remote import RemoteStore

        assert isinstance(value, dict)
        return RemoteStore.reading(value)
    if kind == "path":
        return ox.Store.read_only(str(value))
    store = ox.Store()
    assert isinstance(value, (str, bytes))
    store.bulk_load(value, format=ox.RdfFormat.N_QUADS)
    return store


def dataset(req: QueryRequest, verdict: guard.Verdict | None) -> dict:
    """The query's RDF dataset as pyoxigraph arguments, as the SPARQL 1.1 Protocol (§2.1.4) says:
    ``default-graph-uri`` / ``named-graph-uri`` when the request has them (they override the
    query's FROM and FROM NAMED; either alone leaves the other part empty); else the query's own
    FROM / FROM NAMED; else this service's default dataset, whose default graph is the union of
    all graphs (every report's graph and the code lists)."""
    if req.default_graphs or req.named_graphs:
        return {
            "default_graph": [ox.NamedNode(g) for g in req.default_graphs],
            "named_graphs": [ox.NamedNode(g) for g in req.named_graphs],
        }
    if verdict is not None and verdict.has_dataset:
        return {}
    return {"use_default_graph_as_union": True}


def execute(store, req: QueryRequest) -> QueryReply:
    """Answer one request from ``store``: a pyoxigraph store, or a :class:`kg.remote.RemoteStore`, which
    answers over HTTP — what it does not answer whole is an error here, never rows."""
    remote = not isinstance(store, ox.Store)
    verdict = None
    if not req.trusted:
        try:
            verdict = guard.inspect(req.query, remote=remote)
        except guard.Refused as exc:
            return QueryReply(403, message=str(exc))
        except guard.Malformed as exc:
            return QueryReply(400, message=f"malformed query: {exc}")
    try:
        kwargs = dataset(req, verdict)
        if remote:
            # the store's answer (SPARQL JSON or N-Triples) may be a few times the size of what we write
            kwargs["max_bytes"] = REMOTE_ANSWER_FACTOR * req.max_bytes
            kwargs.pop("use_default_graph_as_union", None)  # the endpoint's default graph is already the union
        result = store.query(remote_text(req, verdict) if remote else req.query, **kwargs)
    except SyntaxError as exc:
        return QueryReply(400, message=f"malformed query: {exc}")
    except ValueError as exc:
        return QueryReply(400, message=f"invalid request: {exc}")
    except Exception as exc:  # noqa: BLE001 - the remote store's errors (kg.remote), by kind
        return remote_reply(exc, req)
    kind = (
        "boolean"
        if isinstance(result, ox.QueryBoolean)
        else "solutions"
        if isinstance(result, ox.QuerySolutions)
        else "graph"
    )
    key = formats.negotiate(kind, req.accept, req.format)
    if key is None:
        names = ", ".join(mt for mt, _ in formats.registry(kind).values())
        return QueryReply(406, kind=kind, message=f"cannot serialise a {kind} result as requested; available: {names}")
    media_type, fmt_name = formats.registry(kind)[key]
    sink = LimitedWriter(req.max_bytes)
    try:
        if not fmt_name:  # written by kg.formats, not streamed by pyoxigraph (JSON-LD: compacted, as everywhere)
            from kg.formats import serialize

            assert isinstance(result, ox.QueryTriples), "kg.formats writes graphs only"
            body = serialize(result, key)
            if len(body) > req.max_bytes:
                raise ResultTooLarge
        elif kind == "boolean":
            fmt = getattr(ox.QueryResultsFormat, fmt_name)
            out = io.BytesIO()
            result.serialize(out, format=fmt)
            body = out.getvalue()
            if len(body) > req.max_bytes:
                raise ResultTooLarge
        else:
            fmt = getattr(ox.QueryResultsFormat if kind != "graph" else ox.RdfFormat, fmt_name)
            result.serialize(sink, format=fmt)
            body = sink.getvalue()
    except ResultTooLarge:
        return QueryReply(413, kind=kind, message=f"result larger than {req.max_bytes} bytes; add a LIMIT")
    except OSError as exc:
        if isinstance(exc.__cause__ or exc.__context__, ResultTooLarge) or "ResultTooLarge" in str(exc):
            return QueryReply(413, kind=kind, message=f"result larger than {req.max_bytes} bytes; add a LIMIT")
        return QueryReply(500, kind=kind, message="the store could not evaluate this query")
    if media_type.startswith("text/") or media_type.endswith(("json", "xml", "turtle", "triples")):
        media_type += "; charset=utf-8"
    return QueryReply(200, body=body, media_type=media_type, kind=kind)


#: A remote answer may be this many times the result-size limit before it is refused unread.
REMOTE_ANSWER_FACTOR = 4


def remote_text(req: QueryRequest, verdict: guard.Verdict | None) -> str:
    """The text a remote store is asked: a client's SELECT with no LIMIT of its own gets
    ``LIMIT max_bytes + 1``.  Every row takes at least one byte in every results format written here (an
    unbound row in TSV is its newline), so no answer of more rows could be given: the limit changes no
    answer that fits, and spares the store computing one that cannot — Virtuoso builds a whole result
    before its first byte, so a scan of the store outlived the deadline (503) where the answer is 413.

    Not with an ORDER BY: Virtuoso refuses to sort for a LIMIT above its ``MaxSortedTopRows`` (10,000 by
    default; SR353), and sorts the whole result before answering anyway."""
    if (
        verdict is None
        or verdict.form != "SelectQuery"
        or verdict.trailing_values
        or verdict.ordered
        or verdict.limit is not None
    ):
        return req.query  # (a LIMIT of its own stays: the answer's size is checked as it arrives)
    return f"{req.query}\nLIMIT {req.max_bytes + 1}"  # (a newline: the text may end in a comment)


def remote_reply(exc: Exception, req: QueryRequest) -> QueryReply:
    """The client's answer when the remote store could not give a whole one."""
    from kg.remote import RemoteError, RemoteTimeout, RemoteTooLarge, RemoteTruncated

    if isinstance(exc, RemoteTimeout):
        return QueryReply(503, message=f"query timeout: {exc}")
    if isinstance(exc, (RemoteTruncated, RemoteTooLarge)):
        return QueryReply(413, message=f"result larger than this endpoint gives ({exc}); add a LIMIT")
    if isinstance(exc, RemoteError):
        if "answered 400" in str(exc):  # the store's own syntax error
            return QueryReply(400, message=f"malformed query: {exc}")
        return QueryReply(502, message=str(exc))
    raise exc


def main(conn, config: WorkerConfig) -> None:
    """Process entry point: raise the walls, open the store, answer requests until the pipe closes."""
    try:
        sandbox.die_with_parent()
        # a worker that asks a remote store needs the network (the guard still refuses SERVICE and the
        # store's own functions, kg.api.guard); one that reads the embedded store is cut off it
        walls = [] if config.remote else sandbox.isolate_network(required=config.network_isolation != "off")
        if config.memory_mb:
            sandbox.limit_memory(config.memory_mb)
        sandbox.lower_priority(config.nice)
        import rdflib.plugins.sparql.parser  # noqa: F401 — loaded once, before the first query's deadline

        if config.remote:
            store = open_store(("remote", config.remote))
        else:
            from kg.store import pin

            pin(Path(config.path))  # held until the process ends: no build deletes what this worker reads
            store = open_store(("path", config.path))
    except Exception as exc:  # noqa: BLE001 — whatever stops the worker starting is reported to the parent, which reports it
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(
        ("ready", ", ".join(walls) or ("a remote store, over the network" if config.remote else "no network isolation"))
    )
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        if req.cpu_seconds:
            sandbox.limit_cpu(req.cpu_seconds)
        try:
            reply = execute(store, req)
        except MemoryError:
            reply = QueryReply(
                503, message=f"the query needs more memory than a worker may use ({config.memory_mb} MB)"
            )
        except Exception:  # noqa: BLE001 — the worker answers every request; never a traceback to the client
            reply = QueryReply(500, message="internal error while evaluating the query")
        conn.send(reply)


if __name__ == "__main__":
    import sys
    from multiprocessing.connection import Connection

    from kg.api import worker  # the importable module, so replies unpickle as kg.api.worker.QueryReply

    worker.main(Connection(int(sys.argv[1])), worker.WorkerConfig.from_arg(sys.argv[2]))
