"""Typed settings of the web service, read from the environment (prefix ``BUDGETKG_``).

Example: ``BUDGETKG_QUERY_TIMEOUT=5 BUDGETKG_CORS_ORIGINS='["https://example.org"]' budgetkg serve``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BUDGETKG_", extra="ignore")

    host: str = "127.0.0.1"  # loopback unless told otherwise
    port: int = 8000
    #: Named queries: every ``*.rq`` in this folder becomes ``/api/queries/<name>`` (default: the shipped ones).
    queries_dir: Path | None = None

    #: Seconds a query may run before its worker process is killed (HTTP 503).
    query_timeout: float = Field(10.0, gt=0)
    #: Seconds a request may wait for a free query worker before it is turned away (HTTP 503).
    queue_timeout: float = Field(20.0, gt=0)
    #: Query worker processes.  One pathological query occupies one worker until its timeout.
    query_workers: int = Field(3, ge=1, le=64)
    #: Workers one client (one address) may occupy at once; 0 = all but one, so one client's slow
    #: queries always leave a worker for the others.  Its further requests wait (HTTP 429 past
    #: ``queue_timeout``).
    client_share: int = Field(0, ge=0, le=64)
    #: Private memory of one query worker, in MB (its heap; the store files it maps are not counted).
    #: A query that needs more ends the worker (HTTP 503) instead of the machine swapping.
    worker_memory_mb: int = Field(1024, ge=0)
    #: CPU seconds one query may use (the kernel stops it past them); 0 = the query timeout + 1.
    worker_cpu_seconds: float = Field(0.0, ge=0)
    #: Scheduling niceness added to the workers, so the server answers first when the cores are busy.
    worker_nice: int = Field(5, ge=0, le=19)
    #: "required": a worker that cannot be cut off the network (seccomp, network namespace) does
    #: not start; "off": run without that wall (the parsed-query guard still refuses SERVICE).
    worker_network_isolation: str = Field("required", pattern="^(required|off)$")
    #: Seconds a client has to send a whole request (headers and body) from its first byte; past
    #: them it gets 408 and the connection is closed (slow clients hold nothing for long).
    read_timeout: float = Field(15.0, gt=0)
    #: The public address of the service (e.g. ``https://budget.example.org``), for the IRIs of the
    #: SPARQL endpoint and the dumps in VoID and DCAT.  Unset: ``http://HOST:PORT`` of these settings;
    #: never the Host header a client sends.
    public_url: str | None = None
    #: Seconds between looks at the store's ``live`` pointer: a finished build is served without a
    #: restart (0 = serve the generation opened at start, always).
    store_poll_seconds: float = Field(1.0, ge=0)
    #: Largest serialised query result, in bytes (HTTP 413 beyond it: add a LIMIT).
    max_result_bytes: int = Field(20_000_000, gt=0)
    #: Largest request body, in bytes (HTTP 413).
    max_body_bytes: int = Field(100_000, gt=0)
    #: Largest neighbourhood the graph viewer asks for.
    max_viz_nodes: int = Field(300, ge=1)

    #: CORS: the graph is public and read-only, so any origin may read it; no credentials, ever.
    cors_origins: list[str] = ["*"]

    def public_base(self) -> str:
        """The public address without a trailing slash (see :attr:`public_url`)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "localhost" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"
