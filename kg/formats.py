"""Output formats: one registry and one serialiser for every place that writes RDF.

``budgetkg export``, the dumps (``/dumps/budgetkg.*``), the linked-data documents (``/doc/….ttl`` …) and
SPARQL CONSTRUCT / DESCRIBE results (``/sparql``) all serialise through :func:`serialize`, so a format
means the same bytes everywhere.  Two rules decide the shape:

- a format that can name graphs (N-Quads, TriG, JSON-LD) keeps the named graph of each report; the
  others get the merge of all graphs, each triple once;
- JSON-LD is always *compacted* with the published context (:data:`CONTEXT`, served at
  ``/context.jsonld``; https://www.w3.org/TR/json-ld11/#compacted-document-form), through rdflib —
  pyoxigraph writes only the expanded form.  The other formats are written by pyoxigraph.

SPARQL SELECT / ASK results have their own formats (:data:`RESULT_FORMATS`); which key a request gets
is decided by content negotiation in :mod:`kg.api.formats`.

>>> sorted(RDF_FORMATS)
['jsonld', 'nq', 'nt', 'rdf', 'trig', 'ttl']
>>> [k for k, f in RDF_FORMATS.items() if f.named_graphs]
['nq', 'trig', 'jsonld']
>>> a, b = ox.NamedNode("https://w3id.org/budgetkg/id/a"), ox.NamedNode("https://w3id.org/budgetkg/id/b")
>>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
>>> same = [ox.Quad(a, label, ox.Literal("民生卡", language="zh"), g) for g in (a, b)]
>>> print(serialize(same, "nt").decode(), end="")
<https://w3id.org/budgetkg/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "民生卡"@zh .
>>> len(serialize(same, "nq").decode().splitlines())
2
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespace import BKG, ID

#: Prefixes of every serialisation that has them (Turtle, TriG, RDF/XML) and the JSON-LD context.
PREFIXES: dict[str, str] = {
    "bkg": str(BKG),
    "id": str(ID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
}

#: The JSON-LD context of every JSON-LD document budgetkg writes (published at ``/context.jsonld``).
CONTEXT: dict[str, dict[str, str]] = {"@context": dict(PREFIXES)}


@dataclass(frozen=True)
class RdfFormat:
    key: str  # file extension and ``format=`` name
    label: str
    media_type: str
    named_graphs: bool  # keeps the graph of each report (else: the merge of all graphs)
    writer: str  # pyoxigraph RdfFormat member; "" = written here (JSON-LD)
    prefixes: bool = False  # the writer takes prefixes


RDF_FORMATS: dict[str, RdfFormat] = {
    f.key: f
    for f in (
        RdfFormat("ttl", "Turtle", "text/turtle", False, "TURTLE", prefixes=True),
        RdfFormat("nt", "N-Triples", "application/n-triples", False, "N_TRIPLES"),
        RdfFormat("rdf", "RDF/XML", "application/rdf+xml", False, "RDF_XML", prefixes=True),
        RdfFormat("nq", "N-Quads", "application/n-quads", True, "N_QUADS"),
        RdfFormat("trig", "TriG", "application/trig", True, "TRIG", prefixes=True),
        RdfFormat("jsonld", "JSON-LD", "application/ld+json", True, ""),
    )
}

#: Formats of one graph (CONSTRUCT / DESCRIBE results, linked-data documents): no N-Quads or TriG.
GRAPH_FORMATS: tuple[str, ...] = ("ttl", "nt", "jsonld", "rdf")

#: SELECT / ASK results: key → (media type, pyoxigraph ``QueryResultsFormat`` member).
RESULT_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "JSON"),
    "xml": ("application/sparql-results+xml", "XML"),
    "csv": ("text/csv", "CSV"),
    "tsv": ("text/tab-separated-values", "TSV"),
}


def serialize(statements: Iterable[ox.Quad | ox.Triple], key: str) -> bytes:
    """``statements`` in the format ``key`` (see the module's rules: graphs kept or merged, JSON-LD compacted).

    Triples (a CONSTRUCT result, a document) are in the default graph.  Raises KeyError for an unknown key.
    """
    fmt = RDF_FORMATS[key]
    if fmt.named_graphs:
        quads: Iterable[ox.Quad] = (
            s if isinstance(s, ox.Quad) else ox.Quad(s.subject, s.predicate, s.object) for s in statements
        )
        return _jsonld(quads) if not fmt.writer else _written(ox.serialize(quads, **_options(fmt)))
    # the merge of the graphs: a triple several reports state (an agency's label) is written once, in first-seen order
    triples = dict.fromkeys(ox.Triple(s.subject, s.predicate, s.object) for s in statements)
    return _written(ox.serialize(triples, **_options(fmt)))


def dump(store, key: str, graph: str | None = None) -> bytes:
    """The whole store (a :class:`kg.store.Store`, a pyoxigraph store or a :class:`kg.remote.RemoteStore`),
    or one named graph, in ``key``."""
    if hasattr(store, "iter_quads"):  # a remote store: read graph by graph (kg.remote)
        return serialize(store.iter_quads(graph), key)
    raw = getattr(store, "raw", None) or getattr(store, "_store", store)
    if graph is not None:
        return serialize(raw.quads_for_pattern(None, None, None, ox.NamedNode(graph)), key)
    fmt = RDF_FORMATS[key]
    if fmt.named_graphs and fmt.writer:
        return _written(raw.dump(**_options(fmt)))
    return serialize(raw.quads_for_pattern(None, None, None, None), key)


def _options(fmt: RdfFormat) -> dict:
    return {"format": getattr(ox.RdfFormat, fmt.writer), "prefixes": PREFIXES if fmt.prefixes else None}


def _written(data: bytes | None) -> bytes:
    assert data is not None  # pyoxigraph returns the bytes when it is given no output file
    return data


def _jsonld(quads: Iterable[ox.Quad]) -> bytes:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    text = dataset.serialize(format="json-ld", context=CONTEXT["@context"], auto_compact=True)
    # rdflib escapes every non-ASCII character; the documents are Chinese, so write them as UTF-8
    return json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8")
