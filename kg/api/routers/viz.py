"""The explorer's pictures: ``/viz`` (the graph viewer, Cytoscape.js) with the JSON it reads (``/api/viz/search``,
``/api/viz/neighbourhood`` with a node limit, ``/api/charts/…``), ``/flow`` (funding flows, an ECharts Sankey) and
``/spending`` (the spending map, treemap / sunburst, one report or two side by side).

``/flow`` and ``/spending`` are pages only: their figures come from the named queries (``funding-flow``,
``spending-by-classification``, ``reports``) through ``/api/queries/…``, the same JSON a program reads."""

from __future__ import annotations

import json

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kg.api import neighbourhood as nb
from kg.api.deps import ExecutorDep, SettingsDep, StoreDep, TemplatesDep
from kg.api.errors import ApiError
from kg.api.worker import QueryRequest
from kg.sparqltext import with_values

router = APIRouter(tags=["graph viewer"])


@router.get("/viz", response_class=HTMLResponse, summary="The graph viewer")
def viz_page(request: Request, templates: TemplatesDep, settings: SettingsDep):
    return templates.TemplateResponse(request, "viz.html", {"max_nodes": settings.max_viz_nodes, "types": nb.TYPES})


@router.get("/flow", response_class=HTMLResponse, summary="Funding flows of a report (Sankey)")
def flow_page(
    request: Request,
    templates: TemplatesDep,
    report: str | None = Query(None, description="the report's IRI (default: the latest with a table)"),
):
    return templates.TemplateResponse(request, "flow.html", {"report": report or ""})


@router.get("/spending", response_class=HTMLResponse, summary="Spending map of a report, or of two side by side")
def spending_page(
    request: Request,
    templates: TemplatesDep,
    report: str | None = Query(None, description="the report's IRI (default: the latest with a table)"),
    compare: str | None = Query(None, description="a second report's IRI, drawn beside the first"),
):
    return templates.TemplateResponse(request, "spending.html", {"report": report or "", "compare": compare or ""})


async def select(executor, query: str) -> list[dict]:
    reply = await executor.arun(QueryRequest(query=query, accept="application/sparql-results+json"))
    if reply.status != 200:
        raise ApiError(reply.status, reply.message)
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(reply.body)["results"]["bindings"]]


def iri_term(iri: str) -> str:
    try:
        return str(ox.NamedNode(iri))
    except ValueError:
        raise ApiError(400, f"not an IRI: {iri}") from None


@router.get("/api/viz/search", summary="Entities whose Chinese (or any) label contains the text")
async def search(executor: ExecutorDep, q: str = Query(..., min_length=1, max_length=100, description="e.g. 民生卡")):
    rows = await select(executor, with_values(nb.SEARCH, q=str(ox.Literal(q))))
    return nb.search_hits(rows, q)


@router.get("/api/viz/neighbourhood", summary="A node and its neighbours, for Cytoscape")
def neighbourhood(
    store: StoreDep,
    settings: SettingsDep,
    iri: str = Query(..., description="the node's IRI"),
    limit: int = Query(60, ge=1, description="most nodes to return (capped by the server)"),
):
    hood = nb.neighbourhood(store, iri, min(limit, settings.max_viz_nodes))
    if hood is None:
        raise ApiError(404, f"nothing is known about {iri}")
    return hood.as_json()


@router.get("/api/charts/platform-funding", summary="A platform's funding over the years (projects that fund it)")
async def platform_funding(executor: ExecutorDep, platform: str = Query(..., description="the platform's IRI")):
    rows = await select(executor, with_values(nb.PLATFORM_FUNDING, platform=iri_term(platform)))
    return {
        "platform": platform,
        "unit": "元",
        "series": [
            {
                "year": r["year"],
                "phase": r.get("phase", "").rsplit("#", 1)[-1],
                "amount": r["total"],
                "projects": int(r["projects"]),
            }
            for r in rows
        ],
    }


@router.get("/api/charts/agency-spending", summary="An agency's spending by functional classification (类)")
async def agency_spending(executor: ExecutorDep, agency: str = Query(..., description="the agency's IRI")):
    rows = await select(executor, with_values(nb.AGENCY_SPENDING, agency=iri_term(agency)))
    return {
        "agency": agency,
        "unit": "元",
        "note": "per report, the largest amount its tables print for each 类 of the functional classification",
        "series": [
            {
                "year": r["year"],
                "phase": r.get("phase", "").rsplit("#", 1)[-1],
                "code": r["code"],
                "label": r.get("label", ""),
                "amount": r["total"],
            }
            for r in rows
        ],
    }
