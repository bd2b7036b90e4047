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
    return templates.TemplateResponse(
        request, "dumps.html", {"formats": [(k, NAMES[k], DUMP_FORMATS[k][0]) for k in DUMP_FORMATS]}
    )


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


#: VoID statistics (https://www.w3.org/TR/void/#statistics) as counts over the merge of all graphs: a triple
#: several reports state (an agency's label) is one triple of the dataset, as in the Turtle dump.
_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
STATISTICS = {
    "triples": f"SELECT (COUNT(*) AS ?n) WHERE {{ {_TRIPLES} }}",
    # an entity: a resource with an IRI in the dataset's void:uriSpace that the dataset says something about
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
    'FILTER (isIRI(?s) && STRSTARTS(STR(?s), "' + d.ID + '")) }',
    "properties": f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ {_TRIPLES} }}",
    "classes": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { { ?s a ?c } UNION { GRAPH ?g { ?s a ?c } } }",
}
CLASS_PARTITIONS = (
    "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { { ?s a ?c } UNION { GRAPH ?g { ?s a ?c } } } GROUP BY ?c"
)
PROPERTY_PARTITIONS = f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {_TRIPLES} }} GROUP BY ?p"
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def ours(query: str) -> str:
    """A statistics query for a remote store, whose default graph is the union of all its graphs, the server's
    own among them: our graphs only (the embedded store holds nothing in its default graph)."""
    mine = f'FILTER (STRSTARTS(STR(?g), "{d.ID}"))'
    return (
        query.replace("{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }", f"GRAPH ?g {{ ?s ?p ?o }} {mine}")
        .replace("{ ?s a ?c } UNION { GRAPH ?g { ?s a ?c } }", f"GRAPH ?g {{ ?s a ?c }} {mine}")
        .replace("GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", f"GRAPH ?g {{ ?s ?p ?o }} {mine} }} GROUP BY ?g")
    )


def statistics(store, cache) -> dict:
    """The dataset's VoID counts (made once per process: the store is read-only while served)."""
    if "stats" not in cache:
        raw = getattr(store, "_store", store)
        remote = hasattr(raw, "endpoint")

        def rows(q):
            return [(r[0], int(r["n"].value)) for r in raw.query(ours(q) if remote else q)]

        stats: dict = {key: rows(q)[0][1] for key, q in STATISTICS.items()}
        stats["class_partitions"] = [(c.value, n) for c, n in rows(CLASS_PARTITIONS) if isinstance(c, ox.NamedNode)]
        stats["property_partitions"] = [(p.value, n) for p, n in rows(PROPERTY_PARTITIONS)]
        stats["graphs"] = [(g.value, n) for g, n in rows(GRAPH_SIZES)]
        cache["stats"] = stats
    return cache["stats"]


def _partition(kind: str, iri: str) -> ox.NamedNode:
    """``id/dataset/class/bkg:LineItem``, ``id/dataset/property/skos:prefLabel`` (full IRI escaped otherwise)."""
    from kg.api.routers.resources import short
    from kg.iri import segment

    return _n(f"{DATASET}/{kind}/{segment(short(iri))}")


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
    add(
        ds,
        DC + "title",
        _lit("budgetkg: responsibilities, projects and funding in Chinese department budgets", lang="en"),
    )
    add(
        ds,
        DC + "description",
        _lit(
            "Knowledge graph built from 部门预算 and 部门决算 reports; every amount in yuan "
            "and traceable to the characters of its report.",
            lang="en",
        ),
    )
    add(ds, DC + "license", _n("https://www.apache.org/licenses/LICENSE-2.0"))
    add(ds, V + "sparqlEndpoint", _n(base + "/sparql"))
    add(ds, V + "uriSpace", _lit(d.ID))
    add(ds, V + "uriLookupEndpoint", _n(base + "/id/"))
    for key in STATISTICS:
        add(ds, V + key, _lit(st[key], "integer"))
    for c, n in st["class_partitions"]:
        part = _partition("class", c)
        add(ds, V + "classPartition", part)
        add(part, V + "class", _n(c))
        add(part, V + "entities", _lit(n, "integer"))
    for p, n in st["property_partitions"]:
        part = _partition("property", p)
        add(ds, V + "propertyPartition", part)
        add(part, V + "property", _n(p))
        add(part, V + "triples", _lit(n, "integer"))
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
    for g, n in st["graphs"]:
        add(ds, V + "subset", _n(g))
        add(_n(g), RDF_TYPE, _n(V + "Dataset"))
        add(_n(g), V + "triples", _lit(n, "integer"))
    return t


def described(request: Request, store) -> Response:
    fmt = choose_doc_format(request.headers.get("accept"))
    if fmt is None:  # the client refused every format (q=0)
        raise ApiError(406, "available: " + ", ".join(mt for mt, _ in formats.GRAPH_FORMATS.values()))
    fmt = "ttl" if fmt == "html" else fmt  # a browser gets Turtle
    return Response(
        serialize(description(request, store), fmt),
        media_type=formats.GRAPH_FORMATS[fmt][0] + "; charset=utf-8",
        headers={"Vary": "Accept"},
    )


@router.get("/.well-known/void", summary="VoID description of the dataset", response_class=Response)
def void(request: Request, store: StoreDep):
    return described(request, store)


@router.get(
    "/catalog", summary="DCAT catalogue: the dataset, its distributions and the SPARQL service", response_class=Response
)
def catalog(request: Request, store: StoreDep):
    return described(request, store)
