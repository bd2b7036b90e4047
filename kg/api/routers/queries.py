"""``/api/queries`` — every named query (``queries/*.rq``) as a REST endpoint in the OpenAPI docs.

``GET /api/queries/funding-by-platform?platform=民生卡`` answers with ``{"columns": [...], "rows":
[{column: value}]}`` (values as strings, so amounts stay exact decimals), or with any SPARQL
result format by ``Accept`` / ``format=`` (``csv`` for a spreadsheet).
"""

from __future__ import annotations

import inspect
import json

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from kg.api.errors import ApiError
from kg.api.worker import QueryRequest
from kg.queries import BindError, NamedQuery, bind


def simplify(sparql_json: bytes) -> dict:
    """SPARQL JSON results → columns and rows of plain strings (ASK → {"boolean": …})."""
    data = json.loads(sparql_json)
    if "boolean" in data:
        return {"boolean": data["boolean"]}
    columns = data["head"]["vars"]
    rows = [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
    return {"columns": columns, "rows": rows}


def run_named(request: Request, nq: NamedQuery, values: dict[str, str | None], fmt: str | None):
    settings = request.app.state.settings
    try:
        text = bind(nq, values)
    except BindError as exc:
        raise ApiError(400, str(exc)) from None
    accept = request.headers.get("accept", "")
    raw_sparql = fmt is not None or any(
        m in accept
        for m in ("sparql-results", "text/csv", "tab-separated", "text/turtle", "n-triples", "rdf+xml", "ld+json")
    )
    req = QueryRequest(
        query=text,
        accept=accept if raw_sparql else "application/sparql-results+json",
        format=fmt,
        max_bytes=settings.max_result_bytes,
        trusted=True,
    )  # our text, bound terms
    return req, raw_sparql


def make_endpoint(nq: NamedQuery):
    async def endpoint(request: Request, **kwargs):
        fmt = kwargs.pop("format", None)
        req, raw = run_named(request, nq, kwargs, fmt)
        reply = await request.app.state.executor.arun(req, client=request.client.host if request.client else None)
        if reply.status != 200:
            raise ApiError(reply.status, reply.message)
        if raw or reply.kind == "graph":
            return Response(reply.body, media_type=reply.media_type, headers={"Vary": "Accept"})
        return JSONResponse({"query": nq.name, **simplify(reply.body)}, headers={"Vary": "Accept"})

    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for p in nq.params:
        params.append(
            inspect.Parameter(
                p.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=str | None if not p.required else str,
                default=Query(p.default if not p.required else ..., description=p.description or p.name),
            )
        )
    params.append(
        inspect.Parameter(
            "format",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=str | None,
            default=Query(None, description="json, xml, csv or tsv: the SPARQL result format instead of simple JSON"),
        )
    )
    endpoint.__dict__["__signature__"] = inspect.Signature(params)  # what FastAPI reads (inspect.signature)
    endpoint.__name__ = "query_" + nq.name.replace("-", "_")
    return endpoint


def build_router(named: dict[str, NamedQuery]) -> APIRouter:
    router = APIRouter(prefix="/api/queries", tags=["named queries"])

    @router.get("", summary="List the named queries")
    async def list_queries(request: Request):
        return [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "url": f"/api/queries/{q.name}",
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "required": p.required,
                        "default": p.default,
                        "description": p.description,
                    }
                    for p in q.params
                ],
            }
            for q in named.values()
        ]

    @router.get("/{name}.rq", summary="The SPARQL text of a named query", response_class=Response)
    async def query_text(name: str):
        if name not in named:
            raise ApiError(404, f"no named query {name}")
        return Response(named[name].text, media_type="application/sparql-query; charset=utf-8")

    for nq in named.values():
        router.add_api_route(
            f"/{nq.name}",
            make_endpoint(nq),
            methods=["GET"],
            summary=nq.title,
            description=nq.description,
            name=f"query-{nq.name}",
        )
    return router
