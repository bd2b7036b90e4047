"""Output formats as registries (key → media type, pyoxigraph format name), and Accept negotiation.

SPARQL 1.1 Protocol §2.1.5 / Query Results formats: JSON, XML, CSV, TSV for SELECT and ASK;
RDF serialisations for CONSTRUCT and DESCRIBE.  Only the standard library and pyoxigraph (lazily)
are used, so that query workers can import this module cheaply.
"""

from __future__ import annotations

#: SELECT / ASK results: key → (media type, pyoxigraph ``QueryResultsFormat`` member).
RESULT_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "JSON"),
    "xml": ("application/sparql-results+xml", "XML"),
    "csv": ("text/csv", "CSV"),
    "tsv": ("text/tab-separated-values", "TSV"),
}

#: RDF graphs (CONSTRUCT / DESCRIBE, documents, dumps): key → (media type, pyoxigraph ``RdfFormat`` member).
GRAPH_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("text/turtle", "TURTLE"),
    "nt": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"),
    "rdf": ("application/rdf+xml", "RDF_XML"),
}

#: Quad formats, for whole-dataset dumps.
DATASET_FORMATS: dict[str, tuple[str, str]] = {
    "nq": ("application/n-quads", "N_QUADS"),
    "trig": ("application/trig", "TRIG"),
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
