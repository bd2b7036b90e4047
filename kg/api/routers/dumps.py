"""Take the graph away: full dumps in every format, and the dataset described in VoID and DCAT.

``/dumps/budgetkg.{nq,trig,jsonld}`` keep the named graph of each report; ``.ttl``, ``.nt`` and ``.rdf``
are the merge of all graphs (:mod:`kg.formats` writes them, as it does for ``budgetkg export``).  Dumps are made once per process (the store is
read-only while served).  ``/.well-known/void`` (VoID, https://www.w3.org/TR/void/ §7.2) and
``/catalog`` (DCAT 3) describe the dataset, its dumps and the SPARQL service.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from kg.api import describe as d
from kg.api import formats
from kg.api.deps import StoreDep, TemplatesDep
from kg.api.errors import ApiError
from kg.api.routers.resources import choose_doc_format
from kg.formats import RDF_FORMATS, serialize
from kg.formats import dump as dump_store

router = APIRouter(tags=["dumps"])
DUMP_FORMATS = formats.DATASET_FORMATS | formats.GRAPH_FORMATS
NAMES = {k: f.label for k, f in RDF_FORMATS.items()}
_lock = threading.Lock()

DATASET = d.ID + "dataset"
V, DC, DCAT, XSD = d.PREFIXES["void"], d.PREFIXES["dcterms"], d.PREFIXES["dcat"], d.PREFIXES["xsd"]
RDF_TYPE = d.RDF_TYPE


def make_dump(store, fmt: str, path: Path) -> None:
    """Write the dump to ``path`` (kg.formats.dump: named graphs kept or merged as the format allows)."""
    path.write_bytes(dump_store(store, fmt))


@router.get("/dumps", response_class=HTMLResponse, summary="The dumps, listed")
def dump_list(request: Request, templates: TemplatesDep):
    return templates.TemplateResponse(request, "dumps.html", {"formats": [(k, NAMES[k], DUMP_FORMATS[k][0]) for k in DUMP_FORMATS]})


@router.get("/dumps/budgetkg.{ext}", summary="The whole graph in one format", response_class=Response)
def dump(ext: str, request: Request, store: StoreDep):
    if ext not in DUMP_FORMATS:
        raise ApiError(404, "dumps: " + ", ".join(f"budgetkg.{k}" for k in DUMP_FORMATS))
    cache = request.app.state.cache
    with _lock:  # one dump at a time: they are big, and made once per process (the store is read-only)
        if "dump_dir" not in cache:
            cache["dump_dir"] = tempfile.TemporaryDirectory(prefix="budgetkg-dumps-")
        path = Path(cache["dump_dir"].name) / f"budgetkg.{ext}"
        if not path.exists():
            partial = path.with_suffix(".partial")
            make_dump(store, ext, partial)
            partial.rename(path)
    return FileResponse(path, media_type=DUMP_FORMATS[ext][0] + "; charset=utf-8", filename=f"budgetkg.{ext}")


def statistics(store, cache) -> dict:
    if "stats" not in cache:
        raw = getattr(store, "_store", store)
        q = """SELECT (COUNT(DISTINCT ?s) AS ?entities) (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"""
        row = next(iter(raw.query(q, use_default_graph_as_union=True)))
        cache["stats"] = {"quads": len(raw), "entities": int(row["entities"].value),
                          "properties": int(row["properties"].value), "graphs": [g.value for g in raw.named_graphs()]}
    return cache["stats"]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value, dt: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=_n(XSD + dt) if dt else None)


def description(request: Request, store) -> list[ox.Triple]:
    """VoID and DCAT in one graph: the dataset, its dumps, its SPARQL service and its report graphs."""
    base = request.app.state.settings.public_base()  # never the client's Host header
    st = statistics(store, request.app.state.cache)
    ds = _n(DATASET)
    t: list[ox.Triple] = []
    add = lambda s, p, o: t.append(ox.Triple(s, _n(p), o))  # noqa: E731
    add(ds, RDF_TYPE, _n(V + "Dataset"))
    add(ds, RDF_TYPE, _n(DCAT + "Dataset"))
    add(ds, DC + "title", _lit("预算知识图谱", lang="zh"))
    add(ds, DC + "title", _lit("budgetkg: responsibilities, projects and funding in Chinese department budgets", lang="en"))
    add(ds, DC + "description", _lit("Knowledge graph built from 部门预算 and 部门决算 reports; every amount in yuan "
                                     "and traceable to the characters of its report.", lang="en"))
    add(ds, DC + "license", _n("https://www.apache.org/licenses/LICENSE-2.0"))
    add(ds, V + "sparqlEndpoint", _n(base + "/sparql"))
    add(ds, V + "uriSpace", _lit(d.ID))
    add(ds, V + "uriLookupEndpoint", _n(base + "/id/"))
    add(ds, V + "triples", _lit(st["quads"], "integer"))
    add(ds, V + "entities", _lit(st["entities"], "integer"))
    add(ds, V + "properties", _lit(st["properties"], "integer"))
    for prefix in ("bkg", "skos", "org", "prov", "qb", "dcterms", "oa", "schema"):
        add(ds, V + "vocabulary", _n(d.PREFIXES[prefix]))
    for ext in DUMP_FORMATS:
        url = _n(f"{base}/dumps/budgetkg.{ext}")
        add(ds, V + "dataDump", url)
        dist = _n(f"{DATASET}/distribution/{ext}")
        add(ds, DCAT + "distribution", dist)
        add(dist, RDF_TYPE, _n(DCAT + "Distribution"))
        add(dist, DC + "title", _lit(f"budgetkg ({NAMES[ext]})", lang="en"))
        add(dist, DCAT + "downloadURL", url)
        add(dist, DCAT + "mediaType", _n("https://www.iana.org/assignments/media-types/" + DUMP_FORMATS[ext][0]))
    service = _n(f"{DATASET}/sparql-service")
    add(service, RDF_TYPE, _n(DCAT + "DataService"))
    add(service, DCAT + "endpointURL", _n(base + "/sparql"))
    add(service, DCAT + "servesDataset", ds)
    add(service, DC + "conformsTo", _n("https://www.w3.org/TR/sparql11-protocol/"))
    catalog = _n(f"{DATASET}/catalog")
    add(catalog, RDF_TYPE, _n(DCAT + "Catalog"))
    add(catalog, DC + "title", _lit("budgetkg catalogue", lang="en"))
    add(catalog, DCAT + "dataset", ds)
    add(catalog, DCAT + "service", service)
    for g in st["graphs"]:
        add(ds, V + "subset", _n(g))
        add(_n(g), RDF_TYPE, _n(V + "Dataset"))
    return t


def described(request: Request, store) -> Response:
    fmt = choose_doc_format(request.headers.get("accept"))
    if fmt is None:  # the client refused every format (q=0)
        raise ApiError(406, "available: " + ", ".join(mt for mt, _ in formats.GRAPH_FORMATS.values()))
    fmt = "ttl" if fmt == "html" else fmt  # a browser gets Turtle
    return Response(serialize(description(request, store), fmt), media_type=formats.GRAPH_FORMATS[fmt][0] + "; charset=utf-8",
                    headers={"Vary": "Accept"})


@router.get("/.well-known/void", summary="VoID description of the dataset", response_class=Response)
def void(request: Request, store: StoreDep):
    return described(request, store)


@router.get("/catalog", summary="DCAT catalogue: the dataset, its distributions and the SPARQL service",
            response_class=Response)
def catalog(request: Request, store: StoreDep):
    return described(request, store)
