"""Content negotiation over the output formats of :mod:`kg.formats` (the one registry).

SPARQL 1.1 Protocol §2.1.5 / Query Results formats: JSON, XML, CSV, TSV for SELECT and ASK;
RDF serialisations for CONSTRUCT and DESCRIBE.  Query workers import this module: it costs
pyoxigraph, which they load anyway (rdflib only when JSON-LD is written).
"""

from __future__ import annotations

from kg import formats as _registry

#: SELECT / ASK results: key → (media type, pyoxigraph ``QueryResultsFormat`` member).
RESULT_FORMATS = _registry.RESULT_FORMATS

#: RDF graphs (CONSTRUCT / DESCRIBE, documents): key → (media type, pyoxigraph ``RdfFormat`` member or "").
GRAPH_FORMATS: dict[str, tuple[str, str]] = {
    k: (_registry.RDF_FORMATS[k].media_type, _registry.RDF_FORMATS[k].writer) for k in _registry.GRAPH_FORMATS
}

#: Formats that keep the named graph of each report (dumps).
DATASET_FORMATS: dict[str, tuple[str, str]] = {
    k: (f.media_type, f.writer) for k, f in _registry.RDF_FORMATS.items() if f.named_graphs and k not in GRAPH_FORMATS
}

#: Other media types clients send, mapped to a key of the registries above.
ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "ttl",
    "text/n3": "ttl",
    "text/plain": "nt",
    "application/json+ld": "jsonld",
    "application/xhtml+xml": "html",
    "text/html": "html",
}

#: Names clients put in a ``format=`` parameter (SPARQLWrapper sends format=json, format=turtle …).
FORMAT_NAMES: dict[str, str] = {
    "turtle": "ttl", "n3": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "rdfxml": "rdf",
    "rdf+xml": "rdf", "tab-separated-values": "tsv", "srj": "json", "srx": "xml",
}

DEFAULT = {"solutions": "json", "boolean": "json", "graph": "ttl"}


def registry(kind: str) -> dict[str, tuple[str, str]]:
    return RESULT_FORMATS if kind in ("solutions", "boolean") else GRAPH_FORMATS


def parse_accept(accept: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (RFC 9110 §12.5.1); malformed parts are ignored."""
    ranges = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media or "/" not in media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((media, q, -i))
    ranges.sort(key=lambda r: (r[1], r[0] != "*/*", r[2]), reverse=True)
    return [(m, q) for m, q, _ in ranges]


def key_for_media(media: str, formats: dict[str, tuple[str, str]]) -> str | None:
    for key, (mt, _) in formats.items():
        if mt == media:
            return key
    alias = ALIASES.get(media)
    return alias if alias in formats else None


def negotiate(kind: str, accept: str | None, override: str | None = None, default: str | None = None) -> str | None:
    """The format key for a result of ``kind`` ("solutions", "boolean", "graph"), or None (HTTP 406).

    ``override`` (a ``format=`` parameter: a key, a name or a media type) beats the Accept header
    when it names a format for this kind of result; otherwise the Accept header decides (so
    ``format=json`` from SPARQLWrapper does not spoil a CONSTRUCT).

    >>> negotiate("graph", "application/ld+json")
    'jsonld'
    >>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml")
    'xml'
    >>> negotiate("graph", "text/html, */*;q=0.8", override="turtle")
    'ttl'
    >>> negotiate("solutions", "image/png") is None  # HTTP 406
    True
    """
    formats = registry(kind)
    default = default or DEFAULT[kind]
    if override:
        name = override.strip().lower()
        name = FORMAT_NAMES.get(name, name)
        key = name if name in formats else key_for_media(name, formats)
        if key:
            return key
    ranges = parse_accept(accept)
    if not ranges:
        return default
    for media, _q in ranges:
        if media in ("*/*", "application/*", "text/*"):
            return default
        key = key_for_media(media, formats)
        if key:
            return key
    return None
