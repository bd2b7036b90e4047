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
    "turtle": "ttl",
    "n3": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdfxml": "rdf",
    "rdf+xml": "rdf",
    "tab-separated-values": "tsv",
    "srj": "json",
    "srx": "xml",
}

DEFAULT = {"solutions": "json", "boolean": "json", "graph": "ttl"}


def registry(kind: str) -> dict[str, tuple[str, str]]:
    return RESULT_FORMATS if kind in ("solutions", "boolean") else GRAPH_FORMATS


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
    candidates = {key: [mt] + [a for a, k in ALIASES.items() if k == key] for key, (mt, _) in formats.items()}
    return choose(accept, candidates, default)


def accept_ranges(accept: str | None) -> list[tuple[str, float, int]] | None:
    """Every media range of an Accept header with its q (q=0 included: it *excludes*) and position;
    None when the header is absent or says nothing usable (anything is acceptable then)."""
    ranges = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media or "/" not in media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = min(1.0, max(0.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((media, q, i))
    return ranges or None


def choose(accept: str | None, candidates: dict[str, list[str]], default: str) -> str | None:
    """The candidate key (its media type first, then aliases) the Accept header prefers, or None (406).

    RFC 9110 §12.5.1: a media type takes the q of the most specific range that matches it
    (``text/turtle`` over ``text/*`` over ``*/*``), so ``text/html;q=0, */*`` means anything but
    HTML, and ``*/*;q=0`` means nothing.  Ties go to the more specific match, then to the range
    named first, then to ``default``, then to the candidates' order.
    """
    ranges = accept_ranges(accept)
    if ranges is None:
        return default
    best, best_score = None, None
    for order, (key, media_types) in enumerate(candidates.items()):
        for n, media in enumerate(media_types):
            # wildcards stand for the type actually sent (the first); aliases count when named
            kind = media.split("/", 1)[0] + "/*" if n == 0 else None
            match = None  # (specificity, q, position) of the most specific matching range
            for rng, q, pos in ranges:
                spec = 2 if rng == media else 1 if rng == kind else 0 if rng == "*/*" and n == 0 else -1
                if spec >= 0 and (match is None or spec > match[0]):
                    match = (spec, q, pos)
            if match is None or match[1] <= 0:
                continue
            score = (match[1], match[0], -match[2], key == default, -order)
            if best_score is None or score > best_score:
                best, best_score = key, score
    return best
