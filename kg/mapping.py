"""The model → RDF mapping of one report (docs/rdf-shape.md is the contract).

The mapping is written as data: for every model class a table of
``(model field, RDF property, converter)`` rules (the ``*_FIELDS`` tuples below), in
the spirit of R2RML/morph-kgc.  The walker at the bottom only decides *which* node
an object becomes and how nodes link to each other; what a field turns into is
read off the tables.  Golden tests (tests/golden/) pin the output.

Everything one report says goes into one named graph, the report's IRI, so
rebuilding one report replaces exactly one graph.  No blank nodes: every node
has an IRI from :mod:`kg.iri`, so the same input gives the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg import iri
from kg.namespace import BKG, OA, ORG, QB, SCHEMA
from nlp.model import Classification, Report, Span

Term = ox.NamedNode | ox.Literal


class _Terms:
    """Attribute access to a namespace, cached: rdflib's DefinedNamespace lookups cost ~40 µs each."""

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str):
        value = getattr(self._ns, name)
        setattr(self, name, value)
        return value


@lru_cache(maxsize=4096)
def N(value: str) -> ox.NamedNode:  # noqa: N802 - reads like an IRI constructor
    return ox.NamedNode(str(value))


# --- converters: model value → RDF term (None = emit nothing) ----------------------------------


def zh(text: Any) -> ox.Literal | None:
    return ox.Literal(str(text), language="zh") if text not in (None, "") else None


def string(text: Any) -> ox.Literal | None:
    if text is None or text == "":
        return None
    return ox.Literal(text.value if hasattr(text, "value") else str(text))


def integer(n: Any) -> ox.Literal | None:
    return None if n is None else ox.Literal(str(int(n)), datatype=N(XSD.integer))


def boolean(flag: Any) -> ox.Literal:
    return ox.Literal("true" if flag else "false", datatype=N(XSD.boolean))


def decimal(d: Decimal | None) -> ox.Literal | None:
    """xsd:decimal in its XSD canonical form, so equal amounts are equal terms (33674700.00 → 33674700.0).

    >>> decimal(Decimal("33674700.00")).value, decimal(Decimal("-0.50")).value, decimal(Decimal("1E+2")).value
    ('33674700.0', '-0.5', '100.0')
    """
    if d is None:
        return None
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0")
    text = text + "0" if text.endswith(".") else (text if "." in text else text + ".0")
    if text == "-0.0":
        text = "0.0"
    return ox.Literal(text, datatype=N(XSD.decimal))


def gyear(year: Any) -> ox.Literal | None:
    return None if year is None else ox.Literal(f"{int(year):04d}", datatype=N(XSD.gYear))


def amount_value(a: Any) -> ox.Literal | None:
    return decimal(a.value) if a is not None else None


PHASES = {"budget": BKG.Budget, "final_account": BKG.FinalAccount, "adjusted_budget": BKG.AdjustedBudget}
PHASE_LABEL = {"budget": "部门预算", "final_account": "部门决算", "adjusted_budget": "调整预算"}


def phase(p: Any) -> ox.NamedNode | None:
    return N(PHASES[p.value if hasattr(p, "value") else p]) if p is not None else None


def concept_of(scheme: str) -> Callable[[Any], ox.NamedNode | None]:
    return lambda key: N(iri.concept(scheme, key)) if key else None


# --- the rule tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """``field`` of the model object (a dotted attribute path) → ``predicate`` via ``convert``."""

    field: str
    predicate: str
    convert: Callable[[Any], Term | None]

    def value(self, obj: Any) -> Any:
        for name in self.field.split("."):
            obj = None if obj is None else getattr(obj, name)
        return obj


R = Rule

REPORT_FIELDS = (
    R("fiscal_year", BKG.fiscalYear, gyear),
    R("phase", BKG.budgetPhase, phase),
    R("source.name", DCTERMS.source, string),
    R("source.sha256", BKG.sha256, string),
)
SOURCE_FILE_FIELDS = (
    R("name", DCTERMS.title, string),
    R("sha256", BKG.sha256, string),
    R("encoding", SCHEMA.encodingFormat, string),
    R("n_chars", SCHEMA.contentSize, integer),
)
UNIT_FIELDS = (R("kind", DCTERMS.type, zh),)
RESPONSIBILITY_FIELDS = (
    R("text", RDF.value, zh),
    R("ordinal", BKG.ordinal, integer),
)
TASK_FIELDS = (
    R("text", RDF.value, zh),
    R("ordinal", BKG.ordinal, string),  # the path of enumerators as printed: "（一）/1."
    R("section_kind", DCTERMS.type, string),
)
TARGET_FIELDS = (
    R("text", RDF.value, zh),
    R("achieved", SCHEMA.result, zh),  # 决算: 完成情况 as stated
)
TABLE_FIELDS = (
    R("title", RDFS.label, zh),
    R("number", BKG.tableNumber, string),
    R("unit", BKG.printedUnit, string),
    R("kind", DCTERMS.type, string),
    R("classification", DCTERMS.subject, string),  # which code list the rows use
)
ROW_FIELDS = (  # per cell (LineItem), from the row
    R("name", BKG.rowLabel, string),
    R("is_total", BKG.isTotal, boolean),
)
COLUMN_FIELDS = (  # per cell (LineItem), from the column
    R("header", BKG.columnHeader, string),
    R("measure", BKG.measure, concept_of("measure")),
    R("funding_source", BKG.fundingSource, concept_of("funding-source")),
)
AMOUNT_FIELDS = (  # per cell (LineItem) and per project amount
    R("value", BKG.amount, decimal),
    R("printed", BKG.printedAmount, string),
    R("unit", BKG.printedUnit, string),
)
PROJECT_FIELDS = (
    R("name", RDFS.label, zh),
    R("amount", BKG.amount, amount_value),
    R("table_number", BKG.tableNumber, string),
)
HEADCOUNT_FIELDS = (
    R("label", RDFS.label, zh),
    R("value", BKG.countValue, integer),
    R("unit", BKG.unit, string),
)
STATED_TOTAL_FIELDS = (
    R("label", RDFS.label, zh),
    R("amount.value", BKG.amount, decimal),
    R("amount.printed", BKG.printedAmount, string),
    R("amount.unit", BKG.printedUnit, string),
    R("section_kind", DCTERMS.type, string),
)
DISCREPANCY_FIELDS = (
    R("kind", BKG.discrepancyKind, string),
    R("message", RDFS.comment, string),
    R("expected", BKG.expectedAmount, decimal),
    R("found", BKG.foundAmount, decimal),
    R("table_number", BKG.tableNumber, string),
)
INDICATOR_FIELDS = (
    R("name", RDFS.label, zh),
    R("unit", BKG.unit, string),
    R("comparator", BKG.comparator, string),
)
MENTION_FIELDS = (
    R("source", DCTERMS.type, string),  # gazetteer | pattern | ner
    R("label", SCHEMA.additionalType, string),
)

#: What a column's meaning says about the kind of expenditure (基本支出 / 项目支出 …).
EXPENDITURE_TYPE_OF_MEASURE = {"basic": "basic", "project": "project", "personnel": "personnel", "public": "operating"}

#: Column meanings that name no concept (the reader could not tell what the column is).
UNMAPPED_MEASURES = {"unknown", "", None}

#: Entity label of a mention → class.  Mentions labelled "Indicator" become bkg:Indicator nodes via links instead.
ENTITY_CLASS = {
    "Platform": BKG.Platform,
    "Reform": BKG.Reform,
    "PolicyDocument": BKG.PolicyDocument,
    "Agency": BKG.Agency,
    "Place": BKG.Place,
}

#: Link predicate (nlp.model.Link) → RDF property.
#: ("states": a figure the narrative states about an entity — 累计发放民生卡约63.4万张 — the entity has that indicator.)
LINK_PREDICATE = {"funds": BKG.funds, "mentions": BKG.mentions, "has_indicator": BKG.hasIndicator, "states": BKG.hasIndicator}

#: Table code list → concept scheme folder under id/classification/.
SCHEME_OF = {Classification.FUNCTIONAL: "functional", Classification.ECONOMIC: "economic", Classification.REVENUE: "revenue"}


# --- resolution hook -------------------------------------------------------------------------------


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


# --- the walker ------------------------------------------------------------------------------------


_BKG = _Terms(BKG)
_RDF = _Terms(RDF)
_RDFS = _Terms(RDFS)
_SKOS = _Terms(SKOS)
_PROV = _Terms(PROV)
_DCTERMS = _Terms(DCTERMS)
_OA = _Terms(OA)
_ORG = _Terms(ORG)
_QB = _Terms(QB)
_SCHEMA = _Terms(SCHEMA)


class ReportGraph:
    """Collects the quads of one report's named graph."""

    def __init__(self, report: Report, resolver: Resolver, build: str | None) -> None:
        self.report = report
        self.resolver = resolver
        self.build = build
        self.iri = iri.report(
            report.agency, report.fiscal_year, report.phase.value if report.phase else None, sha256=report.source.sha256
        )
        self.graph = N(self.iri)
        self.quads: list[ox.Quad] = []
        self._nodes: dict[str, ox.NamedNode] = {}
        self._agencies: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    # low level
    def _node(self, value: str) -> ox.NamedNode:
        node = self._nodes.get(value)
        if node is None:
            node = self._nodes[value] = ox.NamedNode(value)
        return node

    def add(self, s: str, p: str, o: Term | str | None) -> None:
        if o is None:
            return
        obj = o if isinstance(o, (ox.NamedNode, ox.Literal)) else self._node(o)
        self.quads.append(ox.Quad(self._node(s), N(p), obj, self.graph))

    def fields(self, s: str, obj: Any, rules: Iterable[Rule]) -> None:
        for rule in rules:
            self.add(s, rule.predicate, rule.convert(rule.value(obj)))

    def node(self, s: str, cls: str, obj: Any, rules: Iterable[Rule], span: Span | None, kind: str) -> str:
        """An extracted node: its type, its fields, prov:wasDerivedFrom the report and bkg:evidence."""
        self.add(s, _RDF.type, cls)
        self.fields(s, obj, rules)
        self.add(s, _PROV.wasDerivedFrom, self.iri)
        if span is not None:
            self.evidence(s, span)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return s

    def evidence(self, s: str, span: Span) -> None:
        ev, pos, quote = f"{s}/evidence", f"{s}/evidence/position", f"{s}/evidence/quote"
        self.add(s, _BKG.evidence, ev)
        self.add(ev, _RDF.type, _OA.SpecificResource)
        self.add(ev, _OA.hasSource, self.iri)
        self.add(ev, _OA.hasSelector, pos)
        self.add(ev, _OA.hasSelector, quote)
        self.add(pos, _RDF.type, _OA.TextPositionSelector)
        self.add(pos, _OA.start, integer(span.start))
        self.add(pos, _OA.end, integer(span.end))
        self.add(quote, _RDF.type, _OA.TextQuoteSelector)
        self.add(quote, _OA.exact, string(span.text) or ox.Literal(" "))

    def agency(self, name: str) -> str:
        """The agency (or budget unit) named ``name``: typed and labelled once per report."""
        if name in self._agencies:
            return self._agencies[name]
        a, canonical = self.resolver.agency(name, self.report.district)
        self._agencies[name] = a
        self.add(a, _RDF.type, _BKG.Agency)
        self.add(a, _SKOS.prefLabel, zh(canonical))
        if name != canonical:
            self.add(a, _SKOS.altLabel, zh(name))
        return a

    # the report, top down
    def build_all(self) -> list[ox.Quad]:
        r, rep = self.iri, self.report
        self.add(r, _RDF.type, _BKG.Report)
        self.fields(r, rep, REPORT_FIELDS)
        label = " ".join(str(x) for x in (rep.agency, rep.fiscal_year, PHASE_LABEL.get(rep.phase.value) if rep.phase else None) if x)
        self.add(r, _RDFS.label, zh(label or rep.source.name))
        src = iri.source_file(rep.source.sha256)
        self.add(r, _PROV.wasDerivedFrom, src)
        self.add(src, _RDF.type, _PROV.Entity)
        self.fields(src, rep.source, SOURCE_FILE_FIELDS)
        if self.build:
            self.add(r, _PROV.wasGeneratedBy, self.build)
        self.counts["reports"] = 1
        self.map_agency()
        self.map_narrative()
        self.map_tables()
        self.map_projects()
        self.map_entities()
        return self.quads

    def map_agency(self) -> None:
        rep = self.report
        top = None
        if rep.agency:
            top = self.agency(rep.agency)
            self.add(self.iri, _BKG.reportingAgency, top)
            if rep.agency_short and rep.agency_short != rep.agency:
                self.add(top, _SKOS.altLabel, zh(rep.agency_short))
            if rep.district:
                place, name = self.resolver.place(rep.district)
                self.add(top, _BKG.district, place)
                self.add(place, _RDF.type, _BKG.Place)
                self.add(place, _SKOS.prefLabel, zh(name))
        for unit in rep.units:
            u = self.agency(unit.name)
            self.fields(u, unit, UNIT_FIELDS)
            if top and u != top and not unit.is_agency:
                self.add(top, _ORG.hasSubOrganization, u)
        self.counts["agencies"] = len(set(self._agencies.values()))

    def map_narrative(self) -> None:
        r, rep = self.iri, self.report
        seen = iri.Unique()
        self.responsibilities: dict[str, str] = {}
        for i, resp in enumerate(rep.responsibilities, 1):
            unit = resp.unit_name or rep.agency or "_"
            s = iri.child(r, "responsibility", unit, seen(str(resp.ordinal)))
            self.node(s, _BKG.Responsibility, resp, RESPONSIBILITY_FIELDS, resp.span, "responsibilities")
            self.add(self.agency(unit), _BKG.hasResponsibility, s)
            self.responsibilities[str(i)] = s
        self.tasks: dict[str, str] = {}
        for i, task in enumerate(rep.tasks, 1):
            s = iri.child(r, "task", i)
            self.node(s, _BKG.Task, task, TASK_FIELDS, task.span, "tasks")
            self.add(r, _BKG.hasTask, s)
            self.tasks.setdefault(task.ordinal, s)
        for i, hc in enumerate(rep.headcounts, 1):
            s = self.node(iri.child(r, "head-count", i), _BKG.HeadCount, hc, HEADCOUNT_FIELDS, hc.span, "headcounts")
            self.add(r, _BKG.headCount, s)
        for i, st in enumerate(rep.stated_totals, 1):
            s = self.node(iri.child(r, "stated-total", i), _BKG.StatedTotal, st, STATED_TOTAL_FIELDS, st.span, "stated_totals")
            self.add(r, _BKG.statedTotal, s)
        for i, d in enumerate(rep.discrepancies, 1):
            s = self.node(iri.child(r, "discrepancy", i), _BKG.Discrepancy, d, DISCREPANCY_FIELDS, d.span, "discrepancies")
            self.add(r, _BKG.hasDiscrepancy, s)
        self.indicators: dict[str, str] = {}
        for i, ind in enumerate(rep.indicators, 1):
            s = self.node(iri.child(r, "indicator", i), _BKG.Indicator, ind, INDICATOR_FIELDS, ind.span, "indicators")
            if not ind.name:  # no name found: the indicator is labelled by its printed text (满意率达99.95%)
                self.add(s, _RDFS.label, zh(" ".join(ind.span.text.split())))
            self.add(s, _BKG.achievedValue if ind.achieved else _BKG.targetValue, decimal(ind.value))
            self.indicators[str(i)] = s

    def map_tables(self) -> None:
        r, rep = self.iri, self.report
        year, report_phase = gyear(rep.fiscal_year), rep.phase
        for t, table in enumerate(rep.tables, 1):
            ts = iri.child(r, "table", t)
            self.node(ts, _BKG.Table, table, TABLE_FIELDS, table.span, "tables")
            if not table.title:  # the title could not be read: label it by its number
                self.add(ts, _RDFS.label, zh(table.number or f"表{t}"))
            self.add(ts, _RDF.type, _QB.DataSet)
            self.add(ts, _QB.structure, iri.DSD)
            self.add(r, _BKG.hasTable, ts)
            scheme = SCHEME_OF.get(table.classification)
            keys, unique = [], iri.Unique()
            for col in table.columns:
                key = col.measure or f"column-{col.index + 1}"
                if col.phase is not None and col.phase != report_phase:
                    key += "-" + iri.PHASE_SEGMENT[col.phase.value]
                keys.append(unique(key))
            for n, row in enumerate(table.rows, 1):
                unit = self.agency(row.unit_name) if row.unit_name else None
                code = N(iri.classification(scheme, row.code)) if scheme and row.code else None
                for col, key, cell in zip(table.columns, keys, row.cells):
                    if cell is None:
                        continue
                    if col.measure in UNMAPPED_MEASURES:  # a column the reader could not name: no concept to state
                        self.counts["unmapped_cells"] = self.counts.get("unmapped_cells", 0) + 1
                        continue
                    s = iri.child(ts, "row", n, key)
                    self.node(s, _BKG.LineItem, cell, AMOUNT_FIELDS, cell.span, "line_items")
                    self.add(s, _RDF.type, _QB.Observation)
                    self.add(s, _QB.dataSet, ts)
                    self.fields(s, row, ROW_FIELDS)
                    self.fields(s, col, COLUMN_FIELDS)
                    self.add(s, _BKG.rowOrder, integer(n))
                    self.add(s, _BKG.classification, code)
                    # the report's phase (a line item is part of its report); a column of another phase
                    # (预算数 beside 决算数 in a final account) says so with dcterms:type
                    self.add(s, _BKG.budgetPhase, phase(report_phase))
                    if col.phase is not None and col.phase != report_phase:
                        self.add(s, _DCTERMS.type, phase(col.phase))
                    self.add(s, _BKG.fiscalYear, year)
                    self.add(s, _BKG.budgetUnit, unit)
                    self.add(s, _BKG.expenditureType, concept_of("expenditure-type")(EXPENDITURE_TYPE_OF_MEASURE.get(col.measure)))

    def map_projects(self) -> None:
        r, rep = self.iri, self.report
        unique = iri.Unique()
        self.projects: dict[str, str] = {}
        self.target_spans: dict[str, Span] = {}
        self.project_spans: list[tuple[Span, str]] = []
        done: set[int] = set()
        for project in rep.projects:
            unit = project.unit_name or rep.agency or "_"
            name = unique(f"{unit}\x00{project.name}").split("\x00", 1)[1]
            s = iri.child(r, "project", unit, name)
            self.node(s, _BKG.Project, project, PROJECT_FIELDS, project.span, "projects")
            self.add(r, _BKG.hasProject, s)
            self.add(s, _BKG.budgetUnit, self.agency(unit))
            for measure, amount in sorted(project.cells.items()):
                c = iri.child(s, "amount", measure)
                self.node(c, _SCHEMA.MonetaryAmount, amount, AMOUNT_FIELDS, amount.span, "project_amounts")
                self.add(c, _BKG.measure, concept_of("measure")(measure))
                self.add(c, _BKG.expenditureType, concept_of("expenditure-type")(EXPENDITURE_TYPE_OF_MEASURE.get(measure)))
                self.add(s, _DCTERMS.hasPart, c)
            self.projects.setdefault(project.name, s)
            self.project_spans.append((project.span, s))
            if project.target is not None:
                self.target(f"{s}/target", project.target, s)
                done.add(id(project.target))
        for i, target in enumerate(rep.performance_targets, 1):
            if id(target) in done:
                continue
            owner = self.projects.get(target.project_name or "")
            free = owner is not None and f"{owner}/target" not in self.target_spans
            self.target(f"{owner}/target" if free else iri.child(r, "target", i), target, owner)

    def target(self, s: str, target: Any, owner: str | None) -> None:
        """A 绩效目标: of its project when the project is known, else of the report (the department's)."""
        self.target_spans[s] = target.span
        self.node(s, _BKG.PerformanceTarget, target, TARGET_FIELDS, target.span, "performance_targets")
        self.add(owner or self.iri, _BKG.hasPerformanceTarget, s)

    def map_entities(self) -> None:
        """Mentions become annotations of canonical entities; links become bkg:funds / mentions / hasIndicator."""
        r, rep = self.iri, self.report
        self.entities: dict[str, str] = {}
        text_nodes = self._text_nodes()
        for i, m in enumerate(rep.mentions, 1):
            cls = ENTITY_CLASS.get(m.label)
            if cls is None:
                continue
            canonical = m.canonical or m.text
            if m.label == "Agency":
                e = self.agency(canonical)
            elif m.label == "Place":
                e, name = self.resolver.place(canonical)
                self.add(e, _RDF.type, _BKG.Place)
                self.add(e, _SKOS.prefLabel, zh(name))
            else:
                e, name = self.resolver.entity(m.label, canonical, rep.district)
                self.add(e, _RDF.type, cls)
                self.add(e, _SKOS.prefLabel, zh(name))
                if m.text != name:
                    self.add(e, _SKOS.altLabel, zh(m.text))
            self.entities.setdefault(canonical, e)
            self.entities.setdefault(m.text, e)
            a = iri.child(r, "mention", i)
            self.node(a, _OA.Annotation, m, MENTION_FIELDS, m.span, "mentions")
            self.add(a, _OA.hasBody, e)
            self.add(a, _OA.motivatedBy, _OA.identifying)
            # the text node whose span contains the mention names the entity
            for start, end, node in text_nodes:
                if start <= m.span.start and m.span.end <= end:
                    self.add(node, _BKG.mentions, e)
        self.counts["entities"] = len(set(self.entities.values()))
        for link in rep.links:
            s, o = self.key(link.subject), self.key(link.object)
            p = LINK_PREDICATE.get(link.predicate)
            if s and o and p:
                self.add(s, p, o)
                self.counts["links"] = self.counts.get("links", 0) + 1
            else:
                self.counts["unresolved_links"] = self.counts.get("unresolved_links", 0) + 1

    def _text_nodes(self) -> list[tuple[int, int, str]]:
        """(start, end, node) of every text-bearing node, to attach the mentions inside it."""
        rep, r = self.report, self.iri
        out = [(x.span.start, x.span.end, self.responsibilities[str(i)]) for i, x in enumerate(rep.responsibilities, 1)]
        out += [(x.span.start, x.span.end, iri.child(r, "task", i)) for i, x in enumerate(rep.tasks, 1)]
        out += [(span.start, span.end, node) for node, span in self.target_spans.items()]
        out += [(span.start, span.end, node) for span, node in self.project_spans]
        return out

    def key(self, key: str) -> str | None:
        """A link end ("project:<name>", "entity:<canonical>" …) → the IRI of the node it names."""
        kind, _, name = key.partition(":")
        table = {
            "project": self.projects,
            "responsibility": self.responsibilities,
            "task": self.tasks,
            "entity": self.entities,
            "indicator": self.indicators,
        }.get(kind)
        if table is not None:
            return table.get(name)
        if kind == "target":
            owner = self.projects.get(name)
            return f"{owner}/target" if owner and f"{owner}/target" in self.target_spans else None
        return None


def map_report(report: Report, *, resolver: Resolver | None = None, build: str | None = None) -> ReportGraph:
    """Map one report; ``.quads`` is its named graph, ``.iri`` its IRI, ``.counts`` what it holds."""
    g = ReportGraph(report, resolver or PlainNames(), build)
    g.build_all()
    return g
