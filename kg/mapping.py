"""The model → RDF mapping of one report: the interpreter of :data:`kg.nodemaps.NODE_MAPS`.

What a report becomes is declared in :mod:`kg.nodemaps` (docs/rdf-shape.md is the contract); this module
walks the node maps in order and writes their triples: the classes, the fields, the link from the node that
points at it, provenance (``prov:wasDerivedFrom`` the report) and evidence (an ``oa:SpecificResource`` with a
text position and a quote) for every extracted node; then nlp's links between the nodes, found by their
relation keys.  Names are resolved to IRIs by a :class:`Resolver` (kg.resolve: the gazetteer).

Everything one report says goes into one named graph, the report's IRI, so rebuilding one report replaces
exactly one graph.  No blank nodes: every node has an IRI from :mod:`kg.iri`, so the same input gives the same
graph.  Golden tests (tests/golden/) pin the output.
"""

from __future__ import annotations

import string as _string
from functools import cache
from typing import Protocol

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kg import iri
from kg.fragment import RFC8118, pdf_fragment
from kg.maplanguage import (  # noqa: F401 - re-exported: the converters are part of the mapping's API
    Iri,
    Item,
    N,
    NodeMap,
    Term,
    decimal,
    gyear,
    integer,
    phase,
    string,
    zh,
)
from kg.namespace import BKG, OA
from kg.nodemaps import (  # noqa: F401 - re-exported: the tables are part of the mapping's API
    ENTITY_CLASS,
    EXPENDITURE_TYPE_OF_MEASURE,
    LINK_PREDICATE,
    NODE_MAPS,
)
from nlp.model import Mention, Report, Span


class Resolver(Protocol):
    """Names → IRIs (kg.resolve implements it with the gazetteer; :class:`PlainNames` mints from names)."""

    def agency(self, name: str, district: str | None) -> tuple[str, str]:
        """IRI and canonical name of the agency printed as ``name``."""

    def entity(self, label: str, canonical: str, district: str | None) -> tuple[str, str]:
        """IRI and canonical name of an entity (Platform, Reform …)."""

    def place(self, name: str) -> tuple[str, str]:
        """IRI and canonical name of a place (番禺区)."""


class PlainNames:
    """IRIs straight from printed names (no gazetteer)."""

    def agency(self, name: str, district: str | None) -> tuple[str, str]:
        return iri.agency(name), name

    def entity(self, label: str, canonical: str, district: str | None) -> tuple[str, str]:
        return iri.entity(label, canonical), canonical

    def place(self, name: str) -> tuple[str, str]:
        return iri.place(name), name


_FORMATTER = _string.Formatter()


@cache
def _parse(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((text, name) for text, name, _, _ in _FORMATTER.parse(template))


class _T:
    """The terms the interpreter writes itself, as pyoxigraph nodes once (rdflib namespace lookups are slow)."""

    type, derived_from, evidence = N(RDF.type), N(PROV.wasDerivedFrom), N(BKG.evidence)
    evidence_piece = N(BKG.evidencePiece)
    specific_resource, has_source, has_selector = N(OA.SpecificResource), N(OA.hasSource), N(OA.hasSelector)
    position, start, end = N(OA.TextPositionSelector), N(OA.start), N(OA.end)
    quote, exact = N(OA.TextQuoteSelector), N(OA.exact)
    fragment, refined_by, value = N(OA.FragmentSelector), N(OA.refinedBy), N(RDF.value)
    conforms_to, rfc8118 = N(DCTERMS.conformsTo), N(RFC8118)
    agency, place, pref_label, alt_label = N(BKG.Agency), N(BKG.Place), N(SKOS.prefLabel), N(SKOS.altLabel)


def _fill(template: str, item: Item, unique: dict[str, str] | None = None) -> str | None:
    """The IRI a template names for an item; None when a variable it needs is empty."""
    out = []
    for text, name in _parse(template):
        out.append(text)
        if name is None:
            continue
        value = (unique or {}).get(name)
        if value is None:
            value = item.vars[name] if name in item.vars else getattr(item.obj, name)
        if value is None:
            return None
        out.append(value if isinstance(value, Iri) else iri.segment(str(value)))
    return "".join(out)


def _key(template: str, item: Item) -> str | None:
    """A relation key ("task:（一）") for an item: the variables as they are, not as path segments."""
    values = {}
    for _, name in _parse(template):
        if name is not None:
            value = item.vars[name] if name in item.vars else getattr(item.obj, name)
            if value is None:
                return None
            values[name] = value
    return template.format(**values)


class ReportGraph:
    """Collects the quads of one report's named graph by interpreting the node maps."""

    def __init__(self, report: Report, resolver: Resolver, build: str | None) -> None:
        self.report = report
        self.resolver = resolver
        self.build = Iri(build) if build else None
        phase_value = report.phase.value if report.phase else None
        self.iri = iri.report(
            report.agency,
            report.fiscal_year,
            phase_value,
            sha256=report.source.sha256,
            scope=report.agency_scope,
            part=report.part,
        )
        # the report a file of one part belongs to (the IRI a file of the whole report, or of its narrative, has)
        whole = iri.report(
            report.agency, report.fiscal_year, phase_value, sha256=report.source.sha256, scope=report.agency_scope
        )
        self.whole = Iri(whole) if whole != self.iri else None
        self.graph = N(self.iri)
        self.quads: list[ox.Quad] = []
        self._nodes: dict[str, ox.NamedNode] = {}
        self.counts: dict[str, int] = {}
        self.nodes: dict[str, list[str]] = {}  # node map kind → the IRIs it minted, in item order
        self.keys: dict[str, str] = {}  # relation key → IRI
        self._text_nodes: list[tuple[int, int, str]] = []  # (start, end, IRI) of text-bearing nodes
        self._agencies: dict[str, str] = {}
        self.codes: dict[tuple[str, str], str] = {}  # (code list, code) → concept, as the tables print them

    # --- writing ----------------------------------------------------------------------------------
    def _node(self, value: str | ox.NamedNode) -> ox.NamedNode:
        if isinstance(value, ox.NamedNode):
            return value
        node = self._nodes.get(value)
        if node is None:
            node = self._nodes[value] = ox.NamedNode(value)
        return node

    def add(self, s: str, p: str | ox.NamedNode, o: Term | str | None) -> None:
        if o is None:
            return
        obj = o if isinstance(o, (ox.NamedNode, ox.Literal)) else self._node(o)
        self.quads.append(ox.Quad(self._node(s), p if isinstance(p, ox.NamedNode) else N(p), obj, self.graph))

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def evidence(self, s: str, span: Span, pieces: list[Span] | None = None) -> None:
        """``bkg:evidence``: an oa:SpecificResource selecting the span in the report's source text; with
        ``pieces`` (a name put together from pieces of one cell, other cells inside its span), one more
        oa:SpecificResource per piece, ``bkg:evidencePiece`` from the evidence."""
        self.add(s, _T.evidence, f"{s}/evidence")
        self._selection(f"{s}/evidence", span)
        for k, piece in enumerate(pieces or (), 1):
            self.add(f"{s}/evidence", _T.evidence_piece, f"{s}/evidence/piece/{k}")
            self._selection(f"{s}/evidence/piece/{k}", piece)

    def _selection(self, ev: str, span: Span) -> None:
        """``ev``: an oa:SpecificResource selecting ``span`` (position, quote and, from a PDF, page region)."""
        pos, quote = f"{ev}/position", f"{ev}/quote"
        self.add(ev, _T.type, _T.specific_resource)
        self.add(ev, _T.has_source, self.graph)
        self.add(ev, _T.has_selector, pos)
        self.add(ev, _T.has_selector, quote)
        self.add(pos, _T.type, _T.position)
        self.add(pos, _T.start, integer(span.start))
        self.add(pos, _T.end, integer(span.end))
        self.add(quote, _T.type, _T.quote)
        self.add(quote, _T.exact, string(span.text) or ox.Literal(" "))
        if span.box is not None:  # read from a PDF: the region of the page (RFC 8118), refined by the text selectors
            region = f"{ev}/region"
            self.add(ev, _T.has_selector, region)
            self.add(region, _T.type, _T.fragment)
            self.add(region, _T.conforms_to, _T.rfc8118)
            self.add(region, _T.value, ox.Literal(pdf_fragment(span.box)))
            self.add(region, _T.refined_by, pos)
            self.add(region, _T.refined_by, quote)

    # --- resolution (names → IRIs), each resolved node typed and labelled in this graph --------------
    def agency(self, name: str) -> str:
        """The agency (or budget unit) named ``name``: typed and labelled once per report."""
        if name in self._agencies:
            return self._agencies[name]
        a, canonical = self.resolver.agency(name, self.report.district)
        self._agencies[name] = a
        self.add(a, _T.type, _T.agency)
        self.add(a, _T.pref_label, zh(canonical))
        if name != canonical:
            self.add(a, _T.alt_label, zh(name))
        return a

    def place(self, name: str) -> str:
        p, canonical = self.resolver.place(name)
        self.add(p, _T.type, _T.place)
        self.add(p, _T.pref_label, zh(canonical))
        return p

    def entity(self, m: Mention) -> str:
        """The entity a mention names; its canonical name and its printed form become relation keys."""
        canonical = m.canonical or m.text
        if m.label == "Agency":
            e = self.agency(canonical)
        elif m.label == "Place":
            e = self.place(canonical)
        else:
            e, name = self.resolver.entity(m.label, canonical, self.report.district)
            self.add(e, RDF.type, ENTITY_CLASS[m.label])
            self.add(e, SKOS.prefLabel, zh(name))
            if m.text != name:
                self.add(e, SKOS.altLabel, zh(m.text))
        self.keys.setdefault(f"entity:{canonical}", e)
        self.keys.setdefault(f"entity:{m.text}", e)
        return e

    def code(self, scheme: str, code: str) -> str:
        """The concept of a printed code; remembered, so that the report states it as a concept of its list."""
        concept = iri.classification(scheme, code)
        self.codes[(scheme, code)] = concept
        return concept

    # --- the interpreter ---------------------------------------------------------------------------
    def map_nodes(self, nm: NodeMap) -> None:
        minted = self.nodes.setdefault(nm.kind, [])
        unique = {name: iri.Unique() for name in nm.unique[-1:]}
        classes = [N(c) for c in nm.classes]
        fields = [(rule, N(rule.predicate)) for rule in nm.fields]
        for item in nm.source(self):
            item.vars.setdefault("report", Iri(self.iri))
            seg = None
            if nm.unique:  # the last variable gets "-2" when the whole tuple repeats
                joined = "\x00".join(str(item.vars[v]) for v in nm.unique)
                seg = {nm.unique[-1]: unique[nm.unique[-1]](joined).split("\x00")[-1]}
            s = _fill(nm.iri, item, seg)
            if s is None:
                continue
            minted.append(s)
            for cls in classes:
                self.add(s, _T.type, cls)
            for rule, predicate in fields:
                if rule.when is None or rule.when(item):
                    self.add(s, predicate, rule.convert(rule.value(item)))
            if nm.hang is not None:
                subject = _fill(nm.hang[0], item)
                if subject is not None:
                    self.add(subject, nm.hang[1], s)
            span = getattr(item.obj, "span", None)
            if nm.evidence:
                self.add(s, _T.derived_from, self.graph)
                if span is not None:
                    self.evidence(s, span, getattr(item.obj, "pieces", None))
            if nm.key is not None:
                key = _key(nm.key, item)
                if key is not None:
                    self.keys.setdefault(key, s)
            if nm.text and span is not None:
                self._text_nodes.append((span.start, span.end, s))
            if nm.marks is not None and span is not None:
                target = item.vars[nm.marks[1]]
                for start, end, text_node in self._text_nodes:
                    if start <= span.start and span.end <= end:
                        self.add(text_node, nm.marks[0], target)
            self.count(nm.kind)

    def map_links(self) -> None:
        """nlp's links (``project:… funds entity:…``) between the nodes their keys name."""
        for link in self.report.links:
            s, o = self.keys.get(link.subject), self.keys.get(link.object)
            p = LINK_PREDICATE.get(link.predicate)
            if s and o and p:
                self.add(s, p, o)
                self.count("links")
            else:
                self.count("unresolved_links")

    def build_all(self) -> list[ox.Quad]:
        for nm in NODE_MAPS:
            self.map_nodes(nm)
        self.map_links()
        self.counts["agencies"] = len(set(self._agencies.values()))
        return self.quads


def map_report(report: Report, *, resolver: Resolver | None = None, build: str | None = None) -> ReportGraph:
    """Map one report; ``.quads`` is its named graph, ``.iri`` its IRI, ``.counts`` what it holds."""
    g = ReportGraph(report, resolver or PlainNames(), build)
    g.build_all()
    return g
