"""The graph viewer's data: search by Chinese name, a node's neighbourhood, chart series.

Neighbourhoods are read in-process with bounded patterns (one node's links, a node limit);
search and charts are SPARQL run by the worker pool (they scan labels or aggregate), with the
user's text bound as an escaped term.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from kg.api import describe as d

BKG = d.BKG
#: Links the viewer does not draw: types, provenance and bookkeeping that would tie every node to every other.
HIDDEN = {
    d.RDF_TYPE,
    BKG + "evidence",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://www.w3.org/ns/prov#used",
    "http://www.w3.org/2004/02/skos/core#inScheme",
    "http://www.w3.org/2004/02/skos/core#topConceptOf",
    "http://www.w3.org/2004/02/skos/core#hasTopConcept",
    "http://purl.org/linked-data/cube#structure",
    "http://www.w3.org/ns/prov#wasGeneratedBy",
    BKG + "budgetPhase",
    BKG + "measure",
    # text-mention annotations (one per place a name is printed): their entity is reached by bkg:mentions
    "http://www.w3.org/ns/oa#hasBody",
    "http://www.w3.org/ns/oa#hasTarget",
}
TYPES = [
    "Agency",
    "Responsibility",
    "Task",
    "Platform",
    "Reform",
    "PolicyDocument",
    "Project",
    "LineItem",
    "PerformanceTarget",
    "Indicator",
    "Report",
    "Place",
    "Table",
]

#: A node's links, in a total order (outgoing first, then by predicate and neighbour) so that the nodes kept under
#: the limit are the same on every store: without ORDER BY an engine may return any of them (Virtuoso and
#: pyoxigraph did not agree).  The links the viewer does not draw are left out here, not after the LIMIT (in
#: each branch: one FILTER over the UNION trips Virtuoso 7.2's SPARQL compiler, SP031).
_LINKS = """SELECT DISTINCT ?p ?o ?dir ?r WHERE {
  { ?r ?p ?o FILTER(isIRI(?o) && ?p NOT IN ({hidden})) BIND("out" AS ?dir) }
  UNION { ?o ?p ?r FILTER(isIRI(?o) && ?p NOT IN ({hidden})) BIND("in" AS ?dir) }
} ORDER BY DESC(?dir) STR(?p) STR(?o) LIMIT {limit}"""

_NODE_INFO = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
SELECT ?s ?t ?amount ?notation ?year ?measure WHERE {{ VALUES ?s {{ {values} }}
  {{ ?s a ?t }} UNION {{ ?s bkg:amount ?amount }} UNION {{ ?s <http://www.w3.org/2004/02/skos/core#notation> ?notation }}
  UNION {{ ?s bkg:measure ?measure }}
  UNION {{ ?s bkg:fiscalYear ?year }} UNION {{ ?s <http://www.w3.org/ns/prov#wasDerivedFrom>/bkg:fiscalYear ?year }}
}}"""


_FIGURE_SOURCE = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?s ?start ?end ?region ?sha ?file WHERE {{ VALUES ?s {{ {values} }}
  ?s bkg:evidence ?ev . ?ev oa:hasSource ?report ; oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL {{ ?ev oa:hasSelector ?frag . ?frag a oa:FragmentSelector ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?region }}
  OPTIONAL {{ ?report bkg:sha256 ?sha }} OPTIONAL {{ ?report <http://purl.org/dc/terms/source> ?file }}
}}"""


@dataclass
class Node:
    id: str
    label: str = ""
    label_en: str = ""
    type: str = "Other"
    amount: str | None = None  # yuan, exact decimal as text
    href: str = ""
    years: set[str] = field(default_factory=set)  # fiscal years of the reports it was read from (none for entities)
    source: str | None = None  # a figure: the link to where it was printed (/source/…, its PDF page when it has one)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "label_en": self.label_en,
            "type": self.type,
            "amount": self.amount,
            "href": self.href,
            "years": sorted(self.years),
            "source": self.source,
        }


@dataclass
class Neighbourhood:
    center: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[dict] = field(default_factory=list)
    truncated: bool = False

    def as_json(self) -> dict:
        return {
            "center": self.center,
            "nodes": [n.as_json() for n in self.nodes.values()],
            "edges": self.edges,
            "truncated": self.truncated,
        }


def neighbourhood(store, iri: str, limit: int) -> Neighbourhood | None:
    """``iri`` and at most ``limit - 1`` neighbours (both directions), with types, labels and amounts."""
    try:
        center = ox.NamedNode(iri)
    except ValueError:
        return None
    most = int(limit) * 8  # rows: a neighbour may be linked by more than one predicate
    rows = list(
        store.query(
            _LINKS.replace("{limit}", str(most)).replace("{hidden}", ", ".join(f"<{p}>" for p in sorted(HIDDEN))),
            use_default_graph_as_union=True,
            substitutions={ox.Variable("r"): center},
        )
    )
    hood = Neighbourhood(center=iri, truncated=len(rows) >= most)
    hood.nodes[iri] = Node(iri)
    seen_edges = set()
    for row in rows:
        p, o, direction = row["p"].value, row["o"].value, row["dir"].value
        if o == iri:  # a loop (in the query, a FILTER on ?r trips Virtuoso 7.2's SPARQL compiler)
            continue
        if o not in hood.nodes:
            if len(hood.nodes) >= limit:
                hood.truncated = True
                continue
            hood.nodes[o] = Node(o)
        src, dst = (iri, o) if direction == "out" else (o, iri)
        if (src, p, dst) not in seen_edges:
            seen_edges.add((src, p, dst))
            hood.edges.append({"id": f"e{len(hood.edges)}", "source": src, "target": dst, "predicate": p})
    if len(hood.nodes) == 1 and not d.describe(store, center):
        return None
    annotate(store, hood)
    return hood


def annotate(store, hood: Neighbourhood) -> None:
    iris = set(hood.nodes)
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    measures: dict[str, str] = {}  # a project's amount by column (schema:MonetaryAmount) is named by its measure
    for row in store.query(_NODE_INFO.format(values=values), use_default_graph_as_union=True):
        node = hood.nodes[row["s"].value]
        if row["measure"] is not None:
            measures[node.id] = row["measure"].value
        if row["t"] is not None and row["t"].value.startswith(BKG):
            local = row["t"].value[len(BKG) :]
            if local in TYPES and (node.type == "Other" or TYPES.index(local) < TYPES.index(node.type)):
                node.type = local
        elif row["t"] is not None and row["t"].value.endswith("#Concept") and node.type == "Other":
            node.type = "Concept"
        if row["amount"] is not None and node.amount is None:
            node.amount = canonical_amount(row["amount"].value)
        if row["year"] is not None:
            node.years.add(row["year"].value)
    figure_sources(store, [n for n in hood.nodes.values() if n.amount is not None])
    labels = d.labels(store, iris | {e["predicate"] for e in hood.edges} | set(measures.values()))
    for node in hood.nodes.values():
        lab = labels.get(node.id) or labels.get(measures.get(node.id, ""))
        node.label = str(lab) if lab and str(lab) else node.id.rsplit("/", 1)[-1]
        node.label_en = lab.en if lab else ""
        node.href = d.local_path(node.id) if node.id.startswith(d.ID) else node.id
    for e in hood.edges:
        lab = labels.get(e["predicate"])
        e["label"] = (lab.zh or lab.other or lab.en) if lab else short_name(e["predicate"])
        e["label_en"] = lab.en if lab else ""


def figure_sources(store, figures: list[Node]) -> None:
    """Each figure's link to the place it was printed (the page region of a PDF; the characters of a text)."""
    from kg.api.routers.source import source_href, source_key

    if not figures:
        return
    values = " ".join(str(ox.NamedNode(n.id)) for n in figures)
    by_id = {n.id: n for n in figures}
    keys: dict[tuple[str | None, str | None], str | None] = {}
    for row in store.query(_FIGURE_SOURCE.format(values=values), use_default_graph_as_union=True):
        node = by_id[row["s"].value]
        if node.source is not None:
            continue
        file = (row["sha"].value if row["sha"] else None, row["file"].value if row["file"] else None)
        if file not in keys:
            keys[file] = source_key(store, *file)
        if key := keys[file]:
            node.source = source_href(
                key, int(row["start"].value), int(row["end"].value), row["region"].value if row["region"] else None
            )


def short_name(iri: str) -> str:
    """``dcterms:isPartOf`` for a predicate without a label (a known prefix), else its local name."""
    for prefix, ns in d.PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def canonical_amount(text: str) -> str | None:
    try:
        return format(Decimal(text), "f")
    except InvalidOperation:
        return None


#: Entities whose label contains ``?q`` (bound by the caller): the 20 best — an exact label first, then the
#: shortest — in a total order (ties by IRI), with every label that matched and every type; :func:`search_hits`
#: picks each one's label (the best-matching, ties by text), so no engine's choice (SAMPLE) shows.
SEARCH = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?l ?t WHERE {
  { SELECT ?s ?q (MIN(?rank) AS ?best) WHERE {
      ?s skos:prefLabel|skos:altLabel|rdfs:label ?l .
      FILTER(CONTAINS(STR(?l), ?q))
      BIND(IF(STR(?l) = ?q, 0, STRLEN(STR(?l))) AS ?rank)
    } GROUP BY ?s ?q ORDER BY ?best STR(?s) LIMIT 20 }
  ?s skos:prefLabel|skos:altLabel|rdfs:label ?l .
  FILTER(CONTAINS(STR(?l), ?q))
  OPTIONAL { ?s a ?t }
}"""


def search_hits(rows: list[dict], q: str) -> list[dict]:
    """The search's rows (``s``, ``l``, ``t`` as text) as hits: id, label, type, link — best first."""
    labels: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    for r in rows:
        labels.setdefault(r["s"], set()).add(r["l"])
        if r.get("t", "").startswith(BKG):
            types.setdefault(r["s"], set()).add(r["t"][len(BKG) :])

    def rank(label: str) -> tuple[int, str]:
        return (0 if label == q else len(label), label)

    out = []
    for s in sorted(labels, key=lambda s: (rank(min(labels[s], key=rank))[0], s)):
        kinds = types.get(s, set())
        kind = min(kinds, key=lambda t: (TYPES.index(t) if t in TYPES else 99, t)) if kinds else "Other"
        out.append({"id": s, "label": min(labels[s], key=rank), "type": kind, "href": d.local_path(s)})
    return out


PLATFORM_FUNDING = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?year ?phase (SUM(?amount) AS ?total) (COUNT(?project) AS ?projects) WHERE {
  { SELECT DISTINCT ?platform ?project ?amount ?year ?phase WHERE {
      ?part bkg:partOf* ?platform .
      ?project bkg:funds ?part ; bkg:amount ?amount ; prov:wasDerivedFrom ?report .
      ?report bkg:fiscalYear ?year .
      OPTIONAL { ?report bkg:budgetPhase ?phase }
  } }
} GROUP BY ?year ?phase ORDER BY ?year ?phase"""

AGENCY_SPENDING = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?year ?phase ?code (SAMPLE(?name) AS ?label) (MAX(?amount) AS ?total) WHERE {
  ?report bkg:reportingAgency ?agency ; bkg:fiscalYear ?year .
  OPTIONAL { ?report bkg:budgetPhase ?phase }
  ?item prov:wasDerivedFrom ?report ; a bkg:LineItem ; bkg:amount ?amount ; bkg:classification ?c .
  FILTER NOT EXISTS { ?item bkg:isTotal true }
  FILTER(STRSTARTS(STR(?c), "https://w3id.org/budgetkg/id/classification/functional/"))
  ?c skos:notation ?code . FILTER(STRLEN(STR(?code)) = 3)
  OPTIONAL { ?c skos:prefLabel ?name FILTER(LANGMATCHES(LANG(?name), "zh")) }
} GROUP BY ?year ?phase ?code ORDER BY ?year ?phase ?code"""
