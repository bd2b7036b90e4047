"""Linked data: every minted IRI ``https://w3id.org/budgetkg/id/…`` is served at ``/id/…``.

``GET /id/{path}`` answers 303 See Other to a document about the resource, chosen by ``Accept``:
``/doc/{path}`` (HTML, in Chinese with English labels) or ``/doc/{path}.ttl`` / ``.nt`` /
``.jsonld`` / ``.rdf``.  The JSON-LD uses the context published at ``/context.jsonld``.
``/source/…`` (kg.api.routers.source) shows the text span a fact was read from (``bkg:evidence``), and for a PDF
its page with the region highlighted.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from kg.api import describe as d
from kg.api import formats
from kg.api.deps import StoreDep, TemplatesDep
from kg.api.errors import ApiError
from kg.formats import CONTEXT, serialize

router = APIRouter(tags=["linked data"])

DOC_FORMATS = {"html": ("text/html", "")} | formats.GRAPH_FORMATS
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def choose_doc_format(accept: str | None) -> str | None:
    """The document format an Accept header asks for (HTML by default), or None (HTTP 406)."""
    candidates = {"html": ["text/html", "application/xhtml+xml"]}
    candidates |= {
        key: [mt] + [a for a, k in formats.ALIASES.items() if k == key]
        for key, (mt, _) in formats.GRAPH_FORMATS.items()
    }
    return formats.choose(accept, candidates, "html")


def split_ext(path: str) -> tuple[str, str | None]:
    for ext in DOC_FORMATS:
        if ext != "html" and path.endswith("." + ext):
            return path[: -len(ext) - 1], ext
    if path.endswith(".html"):
        return path[:-5], "html"
    return path, None


@router.get(
    "/id/{path:path}", summary="A minted IRI: 303 to a document about it", status_code=303, response_class=Response
)
def resource(path: str, request: Request, store: StoreDep):
    node = d.iri_for_path(path)
    if node is None or not d.exists(store, node):
        raise ApiError(404, f"nothing is known about {d.ID}{path}")
    fmt = choose_doc_format(request.headers.get("accept"))
    if fmt is None:
        raise ApiError(406, "available: " + ", ".join(mt for mt, _ in DOC_FORMATS.values()))
    target = "/doc/" + quote(path, safe="/") + ("" if fmt == "html" else "." + fmt)
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})


@router.get("/context.jsonld", summary="The JSON-LD @context of every JSON-LD document")
def context():
    return JSONResponse(CONTEXT, media_type="application/ld+json")


@router.get(
    "/doc/{path:path}",
    summary="A document about a resource (HTML, Turtle, N-Triples, JSON-LD, RDF/XML)",
    response_class=Response,
)
def document(path: str, request: Request, store: StoreDep, templates: TemplatesDep):
    path, fmt = split_ext(path)
    if fmt is None:
        fmt = choose_doc_format(request.headers.get("accept"))
        if fmt is None:
            raise ApiError(406, "available: " + ", ".join(mt for mt, _ in DOC_FORMATS.values()))
    node = d.iri_for_path(path)
    triples = d.describe(store, node) if node is not None else []
    if node is None or not triples:
        raise ApiError(404, f"nothing is known about {d.ID}{path}")
    headers = {"Vary": "Accept", "Link": f'<{quote(d.local_path(node.value))}>; rel="describes"'}
    if fmt == "html":
        return html_page(request, templates, store, node, triples)
    return Response(
        serialize(triples, fmt),
        media_type=DOC_FORMATS[fmt][0] + "; charset=utf-8",
        headers=headers
        | (
            {"Link": headers["Link"] + ', </context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'}
            if fmt == "jsonld"
            else {}
        ),
    )


def html_page(request: Request, templates, store, node: ox.NamedNode, triples: list[ox.Triple]):
    own = [t for t in triples if t.subject == node]
    links_in = d.incoming(store, node)
    iris = (
        {node.value}
        | {t.predicate.value for t in own}
        | {t.object.value for t in own if isinstance(t.object, ox.NamedNode)}
    )
    iris |= {s.value for s, _ in links_in} | {p.value for _, p in links_in}
    lab = d.labels(store, iris)
    ev = d.evidence(triples, node)
    rows: dict[str, list] = {}
    for t in own:
        if t.predicate.value == d.BKG + "evidence":
            continue
        rows.setdefault(t.predicate.value, []).append(value_view(t.object, lab))
    types = [
        lab.get(t.object.value, d.Label(other=short(t.object.value)))
        for t in own
        if t.predicate.value == d.RDF_TYPE and not isinstance(t.object, ox.Triple)
    ]
    title = lab.get(node.value)
    context = {
        "iri": node.value,
        "title": str(title) if title and str(title) else short(node.value),
        "title_en": title.en if title else "",
        "types": types,
        "rows": [(pred, lab.get(pred, d.Label(other=short(pred))), vals) for pred, vals in sorted(rows.items())],
        "incoming": [
            (d.local_path(s.value), lab.get(s.value) or short(s.value), lab.get(p.value, d.Label(other=short(p.value))))
            for s, p in links_in
        ],
        "evidence": ev,
        "evidence_report": d.local_path(ev.report) if ev else "",
        "source_file": source_file(store, ev.report) if ev else None,
        "path": d.local_path(node.value)[4:],
        "quote": quote,
    }
    # an agency's page adds its profile (responsibilities → platforms/reforms → funded projects, by year), drawn
    # in the browser from the named queries agency-lineage and responsibility-funding
    is_agency = any(t.predicate.value == d.RDF_TYPE and t.object == ox.NamedNode(d.BKG + "Agency") for t in own)
    return templates.TemplateResponse(
        request, "agency.html" if is_agency else "resource.html", context, headers={"Vary": "Accept"}
    )


def short(iri: str) -> str:
    for prefix, ns in d.PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def value_view(obj, lab) -> dict:
    if isinstance(obj, ox.NamedNode):
        label = lab.get(obj.value)
        return {
            "kind": "iri",
            "href": d.local_path(obj.value),
            "text": str(label) if label and str(label) else short(obj.value),
            "en": label.en if label else "",
        }
    if isinstance(obj, ox.Literal):
        dt = obj.datatype.value if obj.datatype else ""
        text = obj.value
        if dt == XSD_DECIMAL:
            try:
                from decimal import Decimal

                text = f"{Decimal(obj.value):,}"
            except ArithmeticError:
                pass
        return {"kind": "literal", "text": text, "lang": obj.language or "", "datatype": short(dt) if dt else ""}
    return {"kind": "other", "text": str(obj)}


def source_file(store, report_iri: str) -> str | None:
    """Where ``/source`` finds the report's file (kg.api.routers.source.source_key): its SHA-256 when the store keeps
    the file, else its name when it is one of the bundled files; None when neither."""
    from kg.api.routers.source import source_key

    rows = list(
        store.query(
            "SELECT ?f ?sha ?r WHERE { ?r <http://purl.org/dc/terms/source> ?f "
            "OPTIONAL { ?r <https://w3id.org/budgetkg/ontology#sha256> ?sha } } LIMIT 1",
            use_default_graph_as_union=True,
            substitutions={ox.Variable("r"): ox.NamedNode(report_iri)},
        )
    )
    if not rows:
        return None
    return source_key(store, rows[0]["sha"].value if rows[0]["sha"] is not None else None, rows[0]["f"].value)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, store: StoreDep, templates: TemplatesDep):
    q = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
    SELECT DISTINCT ?r ?year ?phase WHERE { ?r a bkg:Report ; bkg:fiscalYear ?year . OPTIONAL { ?r bkg:budgetPhase ?phase } }
    ORDER BY ?year LIMIT 500"""
    reports = [
        (d.local_path(r["r"].value), r["r"].value[len(d.ID) + len("report/") :], r["year"].value)
        for r in store.query(q, use_default_graph_as_union=True)
    ]
    q2 = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
    SELECT DISTINCT ?e ?t WHERE { VALUES ?t { bkg:Agency bkg:Platform bkg:Reform bkg:PolicyDocument } ?e a ?t } LIMIT 2000"""
    entities: dict[str, list] = {}
    rows = list(store.query(q2, use_default_graph_as_union=True))
    lab = d.labels(store, {r["e"].value for r in rows if isinstance(r["e"], ox.NamedNode)})
    for r in rows:
        if isinstance(r["e"], ox.NamedNode):
            entities.setdefault(r["t"].value, []).append(
                (d.local_path(r["e"].value), str(lab.get(r["e"].value) or r["e"].value))
            )
    type_labels = d.ontology_labels()
    groups = [
        (type_labels.get(t, d.Label(other=short(t))), sorted(set(v), key=lambda x: x[1])) for t, v in entities.items()
    ]
    return templates.TemplateResponse(
        request, "home.html", {"reports": reports, "groups": groups, "triples": len(store)}
    )
