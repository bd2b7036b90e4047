"""What the linked-data pages say about a resource, read from the store in-process.

Every lookup is bounded (one subject, a LIMIT on incoming links) and binds the resource by
SEP-0007 substitution, so no text from a URL is ever pasted into a query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from kg.formats import PREFIXES  # noqa: F401 (the API's pages and VoID use them from here)
from kg.ontology import ontology_files

ID = "https://w3id.org/budgetkg/id/"
BKG = "https://w3id.org/budgetkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
LABEL_PROPS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#notation",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "http://purl.org/dc/terms/title",
)


_DESCRIBE = """
PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
CONSTRUCT { ?s ?p ?o } WHERE {
  { ?r ?p ?o BIND(?r AS ?s) }
  UNION { ?r bkg:evidence ?s . ?s ?p ?o }
  UNION { ?r bkg:evidence/oa:hasSelector ?s . ?s ?p ?o }
  UNION { ?r bkg:evidence/bkg:evidencePiece ?s . ?s ?p ?o }
  UNION { ?r bkg:evidence/bkg:evidencePiece/oa:hasSelector ?s . ?s ?p ?o }
}"""

_INCOMING = "SELECT DISTINCT ?s ?p ?r WHERE { ?s ?p ?r } LIMIT {limit}"


def iri_for_path(path: str) -> ox.NamedNode | None:
    """The minted IRI for a URL path under /id/ (None if it cannot be an IRI)."""
    try:
        return ox.NamedNode(ID + path)
    except ValueError:
        return None


def local_path(iri: str) -> str:
    """Where the app serves a minted IRI (``/id/…``); other IRIs stay as they are."""
    return "/id/" + iri[len(ID) :] if iri.startswith(ID) else iri


def describe(store, node: ox.NamedNode) -> list[ox.Triple]:
    """The resource's own triples (every graph, de-duplicated), with its evidence and selectors."""
    triples = store.query(_DESCRIBE, use_default_graph_as_union=True, substitutions={ox.Variable("r"): node})
    return sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def exists(store, node: ox.NamedNode) -> bool:
    """Whether the graph says anything about ``node`` (as a subject)."""
    return bool(
        store.query("ASK { ?r ?p ?o }", use_default_graph_as_union=True, substitutions={ox.Variable("r"): node})
    )


def incoming(store, node: ox.NamedNode, limit: int = 200) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
    rows = store.query(
        _INCOMING.replace("{limit}", str(int(limit))),
        use_default_graph_as_union=True,
        substitutions={ox.Variable("r"): node},
    )
    return [(r["s"], r["p"]) for r in rows if isinstance(r["s"], ox.NamedNode)]


@dataclass
class Label:
    zh: str = ""
    en: str = ""
    other: str = ""

    def __str__(self) -> str:
        return self.zh or self.other or self.en


def labels(store, iris: set[str]) -> dict[str, Label]:
    """Chinese and English labels of ``iris``, from the graph and from the ontology files."""
    out: dict[str, Label] = {}
    vocab = ontology_labels()
    for iri in iris:
        if iri in vocab:
            out[iri] = vocab[iri]
    todo = [i for i in iris if i not in out]
    if not todo:
        return out
    values = " ".join(str(ox.NamedNode(i)) for i in todo if _safe(i))
    query = f"""SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {" ".join(f"<{p}>" for p in LABEL_PROPS)} }}
                ?s ?p ?l FILTER(isLiteral(?l)) }}"""
    best: dict[str, tuple[int, Label]] = {}
    for row in store.query(query, use_default_graph_as_union=True):
        iri, rank, lit = row["s"].value, LABEL_PROPS.index(row["p"].value), row["l"]
        current_rank, lab = best.get(iri, (99, Label()))
        if rank > current_rank:
            continue
        if rank < current_rank:
            lab = Label()
        text = lit.value if len(lit.value) <= 80 else lit.value[:78] + "…"
        if lit.language and lit.language.startswith("zh"):
            lab.zh = lab.zh or text
        elif lit.language == "en":
            lab.en = lab.en or text
        else:
            lab.other = lab.other or text
        best[iri] = (rank, lab)
    out.update({iri: lab for iri, (_, lab) in best.items()})
    return out


def _safe(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
        return True
    except ValueError:
        return False


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, Label]:
    """rdfs:label / skos:prefLabel of the ontology's terms and concepts (zh and en)."""
    out: dict[str, Label] = {}
    store = ox.Store()
    for f in ontology_files():
        try:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, OSError, ValueError):
            continue  # a file being edited: its labels are a nicety, not a contract
    q = """SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"""
    rows = store.query(q)
    assert isinstance(rows, ox.QuerySolutions), "a SELECT query"
    for row in rows:
        if not isinstance(row["s"], ox.NamedNode):
            continue
        lab = out.setdefault(row["s"].value, Label())
        lit = row["l"]
        if lit.language and lit.language.startswith("zh"):
            lab.zh = lab.zh or lit.value
        elif lit.language == "en":
            lab.en = lab.en or lit.value
    return out


@dataclass
class Evidence:
    report: str = ""
    quote: str = ""
    start: int | None = None
    end: int | None = None
    region: str | None = None  # a PDF's page and region: the oa:FragmentSelector's RFC 8118 fragment
    extra: dict = field(default_factory=dict)
    # bkg:evidencePiece: a name put together from pieces of one cell — each piece's own evidence, in order (the
    # span above runs from the first to the last, other cells inside it)
    pieces: list[Evidence] = field(default_factory=list)


def evidence(triples: list[ox.Triple], node: ox.NamedNode) -> Evidence | None:
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        if isinstance(t.subject, ox.Triple):
            continue  # an RDF-star statement about a statement: no evidence of ours is one
        by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    ev_nodes = by_subject.get(node.value, {}).get(BKG + "evidence", [])
    if not ev_nodes:
        return None
    out = _selected(by_subject, ev_nodes[0].value)
    pieces = [
        _selected(by_subject, p.value) for p in by_subject.get(ev_nodes[0].value, {}).get(BKG + "evidencePiece", [])
    ]
    out.pieces = sorted(pieces, key=lambda p: (p.start is None, p.start or 0))
    return out


def _selected(by_subject: dict[str, dict[str, list]], ev_node: str) -> Evidence:
    """What the oa:SpecificResource ``ev_node`` selects: its source, quote, position and page region."""
    oa = "http://www.w3.org/ns/oa#"
    ev = by_subject.get(ev_node, {})
    out = Evidence(report=(ev.get(oa + "hasSource") or [ox.NamedNode("urn:x")])[0].value)
    for sel in ev.get(oa + "hasSelector", []):
        props = by_subject.get(sel.value, {})
        if oa + "exact" in props:
            out.quote = props[oa + "exact"][0].value
        if oa + "FragmentSelector" in {t.value for t in props.get(RDF_TYPE, [])} and RDF_VALUE in props:
            out.region = props[RDF_VALUE][0].value
        if oa + "start" in props:
            out.start = int(props[oa + "start"][0].value)
            out.end = int(props[oa + "end"][0].value) if oa + "end" in props else None
    return out
