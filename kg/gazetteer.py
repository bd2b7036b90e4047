"""Read the gazetteer (``ontology/gazetteer.ttl``) into :class:`nlp.model.GazetteerEntry` records.

The gazetteer is RDF so it can be reviewed and queried with the rest of the ontology; nlp gets
plain dataclasses (nlp never imports rdflib).  Scoped names are SKOS-XL labels
(https://www.w3.org/TR/skos-reference/skos-xl.html) carrying ``dcterms:spatial`` — the district
in whose reports the name means this entity.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, Namespace
from rdflib.term import Node

from kg.namespace import BKG, ID
from kg.ontology import ontology_file
from nlp import EntityResolver
from nlp.model import GazetteerEntry

SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")

#: rdf:type → the label nlp gives a mention
TYPE_LABELS: dict[URIRef, str] = {
    BKG.Agency: "Agency",
    BKG.Platform: "Platform",
    BKG.Reform: "Reform",
    BKG.PolicyDocument: "PolicyDocument",
    BKG.Place: "Place",
}


def _local_id(node: Node) -> str:
    s = str(node)
    return s[len(str(ID)) :] if s.startswith(str(ID)) else s


def _zh(values) -> list[str]:
    return sorted(str(v) for v in values if isinstance(v, Literal) and (v.language or "zh").startswith("zh"))


def gazetteer_file() -> Path:
    """The gazetteer that ships with budgetkg (``ontology/gazetteer.ttl``)."""
    return ontology_file("gazetteer.ttl")


def load_graph(path: str | Path | None = None) -> Graph:
    g = Graph()
    g.parse(path or gazetteer_file(), format="turtle")
    return g


def entries_from_graph(g: Graph) -> list[GazetteerEntry]:
    """Every typed, labelled resource of ``g`` as a :class:`GazetteerEntry`, sorted by id."""
    places = {node: str(g.value(node, SKOS.prefLabel)) for node in g.subjects(RDF.type, BKG.Place)}
    out: list[GazetteerEntry] = []
    for rdf_type, label in TYPE_LABELS.items():
        for node in set(g.subjects(RDF.type, rdf_type)):
            prefs = _zh(g.objects(node, SKOS.prefLabel))
            if not prefs:
                raise ValueError(f"gazetteer: {node} has no skos:prefLabel@zh")
            scoped = []
            for xl in g.objects(node, SKOSXL.altLabel):
                form = g.value(xl, SKOSXL.literalForm)
                scope = g.value(xl, DCTERMS.spatial)
                if form is None:
                    continue
                if scope is None:
                    scoped.append(("", str(form)))
                else:
                    scoped.append((places.get(scope, _local_id(scope)), str(form)))
            unscoped = [a for a in _zh(g.objects(node, SKOS.altLabel)) if a != prefs[0]]
            unscoped += [form for scope, form in scoped if not scope]
            part_of = g.value(node, DCTERMS.isPartOf)
            out.append(
                GazetteerEntry(
                    id=_local_id(node),
                    label=label,
                    pref_label=prefs[0],
                    alt_labels=tuple(sorted(set(unscoped))),
                    scoped_alt_labels=tuple(sorted((s, f) for s, f in scoped if s)),
                    part_of=_local_id(part_of) if part_of is not None else None,
                )
            )
    return sorted(out, key=lambda e: e.id)


def load_entries(path: str | Path | None = None) -> list[GazetteerEntry]:
    """The gazetteer at ``path`` (default: the project's) as entries for nlp."""
    return entries_from_graph(load_graph(path))


@lru_cache(maxsize=1)
def project_entries() -> tuple[GazetteerEntry, ...]:
    """The project's gazetteer, read once per process: what kg hands to nlp."""
    return tuple(load_entries())


@lru_cache(maxsize=1)
def project_resolver() -> EntityResolver:
    """The one resolver over the project's gazetteer, shared by nlp (canonical names) and kg (IRIs)."""
    return EntityResolver(project_entries())
