"""``/sparql`` — the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/), read-only.

Query operation: GET with ``query=``; POST with ``application/x-www-form-urlencoded`` (``query=``)
or ``application/sparql-query`` (the query as the body).  ``default-graph-uri`` and
``named-graph-uri`` select the dataset; without them the default graph is the union of all graphs.
Update operations are refused (403).  Results by ``Accept`` (or ``format=``), see
:mod:`kg.api.formats`.  A GET without a query, from a browser, gets the query page.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from kg.api.deps import ExecutorDep, SettingsDep, TemplatesDep
from kg.api.errors import ApiError
from kg.api.guard import Refused
from kg.api.worker import QueryRequest

router = APIRouter(tags=["sparql"])

EXAMPLES = [
    (
        "平台与资助项目 · platforms and the projects that fund them",
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?platform ?project ?amount WHERE {
  ?p a bkg:Platform ; skos:prefLabel ?platform .
  ?proj bkg:funds ?p ; rdfs:label ?project .
  OPTIONAL { ?proj bkg:amount ?amount }
} ORDER BY ?platform DESC(?amount) LIMIT 100""",
    ),
    (
        "报告 · reports by year and phase",
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?report ?year ?phase ?file WHERE {
  ?report a bkg:Report ; bkg:fiscalYear ?year ; bkg:budgetPhase ?phase .
  OPTIONAL { ?report dcterms:source ?file }
} ORDER BY ?year""",
    ),
    (
        "分类汇总 · amounts under classification 201 (skos:broader*)",
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?code (SUM(?amount) AS ?total) WHERE {
  ?item a bkg:LineItem ; bkg:amount ?amount ; bkg:classification ?c .
  ?c skos:notation ?code ; skos:broader* <https://w3id.org/budgetkg/id/classification/functional/201> .
} GROUP BY ?code ORDER BY ?code""",
    ),
    (
        "是否存在 · ASK: is 民生卡 a platform?",
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
ASK { ?p a bkg:Platform ; skos:prefLabel "民生卡"@zh }""",
    ),
    (
        "描述 · CONSTRUCT the graph around 民生卡",
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?proj bkg:funds ?p ; bkg:amount ?amount . ?p skos:prefLabel ?l }
WHERE { ?p skos:prefLabel "民生卡"@zh ; skos:prefLabel ?l . ?proj bkg:funds ?p . OPTIONAL { ?proj bkg:amount ?amount } }""",
    ),
]


def valid_iri(text: str) -> bool:
    """An absolute IRI (RFC 3987, as pyoxigraph checks it: linear in the text)."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return ":" in text


def client_of(request: Request) -> str:
    """Who sent the request, for the per-client share of the workers (the peer's address)."""
    return request.client.host if request.client else "unknown"


async def run(
    request: Request,
    executor,
    settings,
    query: str | None,
    default_graphs: list[str],
    named_graphs: list[str],
    fmt: str | None,
) -> Response:
    if query is None or not query.strip():
        raise ApiError(400, "missing query: pass query= or POST application/sparql-query")
    if len(query.encode("utf-8")) > settings.max_body_bytes:  # GET queries too, not only bodies
        raise ApiError(413, f"query longer than {settings.max_body_bytes} bytes")
    # Only checks that are linear in the text run here, in the event loop: the query is parsed and
    # judged (updates, SERVICE, its dataset) by kg.api.guard in the worker, under its deadline.
    for name, iris in (("default-graph-uri", default_graphs), ("named-graph-uri", named_graphs)):
        for iri in iris:
            if not valid_iri(iri):
                raise ApiError(400, f"{name} must be an absolute IRI, not {iri[:200]!r}")
    req = QueryRequest(
        query=query,
        accept=request.headers.get("accept"),
        format=fmt,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        max_bytes=settings.max_result_bytes,
    )
    reply = await executor.arun(req, client=client_of(request))
    if reply.status != 200:
        raise ApiError(reply.status, reply.message)
    return Response(reply.body, media_type=reply.media_type, headers={"Vary": "Accept"})


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", response_class=Response)
async def sparql_get(
    request: Request,
    executor: ExecutorDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    query: str | None = Query(None, description="a SPARQL 1.1 query"),
    default_graph_uri: list[str] = Query([], alias="default-graph-uri"),
    named_graph_uri: list[str] = Query([], alias="named-graph-uri"),
    format: str | None = Query(None, description="json, xml, csv, tsv, ttl, nt, jsonld, rdf or a media type"),
):
    if query is None and "text/html" in request.headers.get("accept", ""):
        return query_page(request, templates, settings)
    return await run(request, executor, settings, query, default_graph_uri, named_graph_uri, format)


@router.post("/sparql", summary="SPARQL 1.1 query (POST: form or application/sparql-query)", response_class=Response)
async def sparql_post(request: Request, executor: ExecutorDep, settings: SettingsDep):
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()  # bounded by BodyLimitMiddleware
    params = {k: v for k, v in parse_qs(request.url.query).items()}
    query: str | None
    if ctype == "application/sparql-update":
        raise Refused("this endpoint is read-only: SPARQL Update is refused")
    if ctype == "application/sparql-query":
        try:
            query = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "the query must be UTF-8") from None
    elif ctype == "application/x-www-form-urlencoded":
        try:
            form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise ApiError(400, "the form must be UTF-8") from None
        if "update" in form:
            raise Refused("this endpoint is read-only: SPARQL Update is refused")
        for k, v in form.items():
            params.setdefault(k, []).extend(v)
        query = next(iter(form.get("query") or []), None)
    else:
        raise ApiError(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
    if ctype == "application/sparql-query" and "query" in params:
        raise ApiError(400, "a query in the body and in the URL: send one")
    return await run(
        request,
        executor,
        settings,
        query,
        params.get("default-graph-uri", []),
        params.get("named-graph-uri", []),
        next(iter(params.get("format") or []), None),
    )


def query_page(request: Request, templates, settings) -> HTMLResponse:
    """The query editor (YASGUI, vendored): the named queries as tabs, their text bound with the defaults."""
    from kg.api.describe import PREFIXES
    from kg.queries import BindError, bind

    named = []
    for q in request.app.state.named_queries.values():
        try:
            text = bind(q, {})
        except BindError:  # a required parameter without a default: show the query as written
            text = q.text
        named.append(
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "url": f"/api/queries/{q.name}",
                "text": text,
                "params": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.params
                ],
            }
        )
    return templates.TemplateResponse(
        request,
        "query.html",
        {
            "examples": EXAMPLES,
            "named": named,
            "prefixes": PREFIXES,
            "timeout": settings.query_timeout,
        },
    )
