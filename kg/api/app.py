"""``create_app(settings, store)``: the FastAPI application.  Nothing is built at import time.

The query worker pool starts with the application (lifespan) or on first use, and stops with it;
while it runs, the application follows the store's live generation (:mod:`kg.api.live`).
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from kg.api import errors
from kg.api.executor import QueryExecutor, StoreSource
from kg.api.limits import BodyLimitMiddleware, HeadMiddleware
from kg.api.live import LiveGraph
from kg.api.settings import Settings
from kg.queries import load_named_queries
from nlp.resources import folder

log = logging.getLogger("budgetkg.api")


OPENAPI_URL = "/openapi.json"


def make_executor(settings: Settings, source: StoreSource) -> QueryExecutor:
    """A worker pool for ``source`` with the limits ``settings`` give."""
    return QueryExecutor(
        source,
        workers=settings.query_workers,
        query_timeout=settings.query_timeout,
        queue_timeout=settings.queue_timeout,
        client_share=settings.client_share,
        memory_mb=settings.worker_memory_mb,
        cpu_seconds=settings.worker_cpu_seconds or settings.query_timeout + 1,
        nice=settings.worker_nice,
        network_isolation=settings.worker_network_isolation,
    )  # (a remote store's workers ask it over the network: kg.api.worker)


async def follow_store(live: LiveGraph, every: float) -> None:
    """Look for a new build every ``every`` seconds (0: never) and switch to it (kg.api.live)."""
    if every <= 0:
        return
    while True:
        await asyncio.sleep(every)
        try:
            live.poll()
        except Exception:  # following the store must never stop the server
            log.exception("cannot look for a new build")


def create_app(settings: Settings | None = None, store=None) -> FastAPI:
    """The application serving ``store``: a :class:`kg.store.Store`, or a :class:`kg.remote.RemoteStore`
    (``serve --sparql-endpoint``: the query workers ask it, pages and dumps read it, nothing is written)."""
    settings = settings or Settings()
    if store is None:
        from kg.store import Store, default_data_dir

        store = Store(default_data_dir(), read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        live = app.state.live
        live.start()
        follow = asyncio.create_task(follow_store(live, settings.store_poll_seconds))
        try:
            yield
        finally:
            follow.cancel()
            live.close()

    app = FastAPI(
        title="budgetkg",
        summary="A knowledge graph of Chinese government department budgets and final accounts",
        description="SPARQL 1.1 endpoint at /sparql, named queries under /api/queries, linked data under /id/, "
        "dumps under /dumps/, the graph viewer at /viz.",
        version="0.1.0",
        lifespan=lifespan,
        debug=False,
        openapi_url=OPENAPI_URL,
        docs_url=None,  # served below from the vendored Swagger UI, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.live = LiveGraph(app, settings, store, make_executor)  # sets store, executor, cache
    app.state.named_queries = load_named_queries(settings.queries_dir)
    app.state.templates = Jinja2Templates(directory=str(folder("templates")))

    errors.install(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=False,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type"],
        expose_headers=["Link", "Content-Disposition"],
        max_age=3600,
    )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(HeadMiddleware)  # outermost: HEAD goes through everything as GET

    from kg.api.routers import dumps, queries, resources, source, sparql, viz

    app.include_router(sparql.router)
    app.include_router(queries.build_router(app.state.named_queries))
    app.include_router(resources.router)
    app.include_router(source.router)
    app.include_router(dumps.router)
    app.include_router(viz.router)
    app.mount("/static", StaticFiles(directory=str(folder("static"))), name="static")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url=OPENAPI_URL,
            title="budgetkg API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="",
        )

    return app
