"""Validate a report's graph against the SHACL shapes in ``shapes/`` (https://www.w3.org/TR/shacl/).

One report graph at a time (reports are independent; pySHACL is linear in the graph for structural shapes and
much dearer for SHACL-SPARQL, so small graphs validated separately — and in parallel — are the fast way).
The ontology, concept schemes and code lists are mixed in as pySHACL's ``ont_graph`` so that shapes can see a
line item's code concept, its ``skos:broader`` and the measure scheme; the gazetteer is left out (report graphs
assert the agency triples they need themselves, docs/rdf-shape.md).

Severity (shapes/report.ttl): ``sh:Violation`` is a structural error of the RDF — the build is wrong;
``sh:Warning`` is a discrepancy of the source report itself (its figures do not add up beyond rounding).
:attr:`ValidationReport.conforms` is True when there is no violation; warnings are listed, not fatal.

Rounding (尾数误差): amounts are printed with two decimals of their unit, each rounded on its own, so n printed
children can miss their printed parent by up to ⌊(n+1)/2⌋ steps of the unit (:func:`rounding_tolerance`).
The SPARQL constraints in shapes/report.ttl compute the same tolerance; tests keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate as _pyshacl_validate
from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
from pyshacl.errors import ReportableRuntimeError
from rdflib import XSD, BNode, Graph, Literal, Node, URIRef, Variable
from rdflib.namespace import RDF, SH
from rdflib.query import Result
from rdflib.term import Identifier

from kg.ontology import codelist_files, shapes_graph, validation_ontology_files
from nlp import STEP_YUAN
from nlp import rounding_tolerance as _tolerance

#: One step of the last printed decimal place, in yuan, per printed unit (two decimals are printed):
#: the definition of nlp.rounding, which the SPARQL of shapes/report.ttl mirrors.
ROUNDING_STEP_YUAN: dict[str, Decimal] = STEP_YUAN


def rounding_tolerance(children: int, printed_unit: str) -> Decimal:
    """The difference between a printed parent and its n printed children that rounding alone explains
    (nlp.rounding: ⌊(n + 1) / 2⌋ steps; one child always equals its parent).

    >>> rounding_tolerance(1, "万元"), rounding_tolerance(2, "万元"), rounding_tolerance(5, "万元")
    (Decimal('0'), Decimal('100'), Decimal('300'))
    """
    return _tolerance([ROUNDING_STEP_YUAN[printed_unit]] * (children + 1))


SEVERITIES: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class ValidationResult:
    """One ``sh:ValidationResult`` as plain values."""

    focus_node: Node
    path: Node | None  # the property (or a property path's first node); None for SPARQL constraints
    shape: Node  # sh:sourceShape: a named property shape (bkgsh:LineItem-amount) or node shape
    constraint: Node  # sh:sourceConstraintComponent (sh:MinCountConstraintComponent …)
    severity: str  # "Violation" | "Warning" | "Info"
    value: Node | None
    message_zh: str
    message_en: str

    @property
    def message(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


@dataclass
class ValidationReport:
    """The outcome of validating one graph: :attr:`results` as records, :attr:`graph` as pySHACL made it."""

    results: list[ValidationResult]
    graph: Graph = field(repr=False)  # the full sh:ValidationReport graph
    text: str = field(repr=False, default="")

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        """No violation (warnings record the source report's own discrepancies and are allowed)."""
        return not self.violations


def _to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        raise TypeError(f"not a term of an RDF graph: {term!r}")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def _ox_quad(s: Node, p: Node, o: Node) -> ox.Quad:
    subject, predicate = _to_ox(s), _to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")  # rdflib allows generalised triples, RDF does not
    return ox.Quad(subject, predicate, _to_ox(o))


def _from_ox(term) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


#: True while :func:`reference_evaluation` is active: pySHACL's own sh:or evaluation, for comparisons.
_REFERENCE: ContextVar[bool] = ContextVar("budgetkg_shacl_reference", default=False)


class _FirstConformingOr(OrConstraintComponent):
    """``sh:or`` that stops at the first member a value node conforms to, trying members in list order.

    SHACL (§4.6.3) asks only whether a value node conforms to at least one member. pySHACL's own
    component evaluates every member for every node (in set order) and builds a full validation result —
    messages, node descriptions — for each member that fails, then throws those results away. Two shapes of
    shapes/report.ttl use ``sh:or`` over every evidence node and every line item, with one member failing
    for nearly each of them, which made these two shapes about a third of validating a report. The outcome is
    the same: a value node that conforms to no member gets the same single result from the same
    ``make_v_result``; the members are checked until one conforms (the common case first in the list).
    """

    def _evaluate_or_constraint(self, executor, or_c, target_graph, focus_value_nodes, _evaluation_path):
        if _REFERENCE.get():
            return super()._evaluate_or_constraint(executor, or_c, target_graph, focus_value_nodes, _evaluation_path)
        sg = self.shape.sg
        members = []
        for node in sg.graph.items(or_c):
            if sg.is_filtered_out_shape(node):
                continue
            member = self.shape.get_other_shape(node)
            if not member:
                raise ReportableRuntimeError(
                    "Shape pointed to by sh:or does not exist or is not a well-formed SHACL Shape."
                )
            members.append(member)
        if not members:
            return False, []
        reports = []
        for focus, value_nodes in focus_value_nodes.items():
            for v in value_nodes:
                if not any(
                    m.validate(executor, target_graph, focus=v, _evaluation_path=_evaluation_path[:])[0]
                    for m in members
                ):
                    reports.append(self.make_v_result(target_graph, focus, value_node=v))
        return bool(reports), reports


# pySHACL looks constraint components up in this map for every shape it evaluates.
CONSTRAINT_PARAMETERS_MAP[SH["or"]] = _FirstConformingOr


@contextmanager
def reference_evaluation() -> Iterator[None]:
    """Validate with pySHACL's own ``sh:or`` (every member, every result built): the baseline that tests and
    bench/bench_validate.py compare :class:`_FirstConformingOr` and the rest of this module's speed-ups with."""
    token = _REFERENCE.set(True)
    try:
        yield
    finally:
        _REFERENCE.reset(token)


class _OxigraphQueryGraph(Graph):
    """An in-memory rdflib graph whose SPARQL queries run in pyoxigraph.

    pySHACL evaluates a SHACL-SPARQL constraint once per focus node through ``Graph.query`` with ``$this`` in
    ``initBindings``. rdflib parses the text again every time (≈ 80 ms for the sum constraints) and evaluates
    joins in an order that pairs every line item of a table with every other; the sums over one report took
    20–40 s. pyoxigraph evaluates the same standard SPARQL, with ``$this`` pre-bound by substitution (SEP-0007,
    the SHACL pre-binding), in milliseconds. The triples are copied into a pyoxigraph store on the first query.
    Structural shapes still run on rdflib; only query text goes to pyoxigraph.
    """

    _ox_store: ox.Store | None = None

    def _store(self) -> ox.Store:
        if self._ox_store is None:
            store = ox.Store()
            store.extend(_ox_quad(s, p, o) for s, p, o in self)
            self._ox_store = store
        return self._ox_store

    def query(
        self,
        query_object,
        processor="sparql",
        result="sparql",
        initNs=None,  # noqa: N803 - rdflib's Graph.query names them so
        initBindings=None,  # noqa: N803
        use_store_provided=True,
        **kwargs,
    ):
        if not isinstance(query_object, str) or initNs or kwargs:
            return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(str(k)): _to_ox(v) for k, v in (initBindings or {}).items()
        }
        solutions = self._store().query(query_object, substitutions=substitutions)
        if isinstance(solutions, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(solutions)
            return out
        if isinstance(solutions, ox.QueryTriples):  # not a form SHACL uses (SELECT, ASK): rdflib answers it
            return super().query(query_object, processor, result, initNs, initBindings, use_store_provided)
        variables = [Variable(v.value) for v in solutions.variables]
        rows: list[Mapping[Variable, Identifier]] = []
        for solution in solutions:
            row: dict[Variable, Identifier] = {}
            for var in variables:
                value = solution[str(var)]
                if value is not None:
                    row[var] = _from_ox(value)
            rows.append(row)
        out = Result("SELECT")
        out.vars = variables
        out.bindings = rows
        return out


@lru_cache(maxsize=1)
def validation_ontology_graph() -> Graph:
    """``ont_graph`` for validation: the ontology, concept schemes and code lists (no gazetteer; cached)."""
    graph = Graph()
    for path in validation_ontology_files():
        graph.parse(path, format="turtle")
    return graph


def validate_graph(
    data_graph: Graph, *, shapes: Graph | None = None, ont_graph: Graph | None = None
) -> ValidationReport:
    """Validate one report graph (the data graph is not changed).

    ``shapes`` defaults to shapes/report.ttl, ``ont_graph`` to :func:`validation_ontology_graph`.
    """
    # pySHACL's own ont_graph mix-in copies only class and property definitions ("inoculation"), not the
    # concepts of the schemes and code lists the shapes look at, so the union is made here, in a copy.
    union = _OxigraphQueryGraph()
    for triple in data_graph:
        union.add(triple)
    for triple in ont_graph if ont_graph is not None else validation_ontology_graph():
        union.add(triple)
    if ont_graph is None:
        # the store for the SHACL-SPARQL constraints from the same triples, with the ontology's ~4,800 converted
        # once per process (as validate_quads does): converting them on every call was ~30 ms of ~250
        store = ox.Store()
        store.extend(_ox_quad(s, p, o) for s, p, o in data_graph)
        store.extend(_validation_ontology_ox_quads())
        union._ox_store = store
    return _validate_union(union, shapes)


def validate_quads(quads: Iterable[ox.Quad | ox.Triple], *, shapes: Graph | None = None) -> ValidationReport:
    """Validate one report graph given as pyoxigraph quads or triples (what kg.mapping produces).

    The same as :func:`validate_graph` on those triples (graph names are ignored), without a round trip
    through N-Triples: the pyoxigraph store for the SHACL-SPARQL constraints is filled from the quads directly.
    """
    quads = list(quads)
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    store.extend(_validation_ontology_ox_quads())
    union = _OxigraphQueryGraph()
    terms: dict[object, URIRef | BNode | Literal] = {}  # a report repeats its predicates, classes, units …

    def term(t) -> URIRef | BNode | Literal:
        known = terms.get(t)
        if known is None:
            known = terms[t] = _from_ox(t)
        return known

    for q in quads:
        union.add((term(q.subject), term(q.predicate), term(q.object)))
    for triple in validation_ontology_graph():
        union.add(triple)
    union._ox_store = store
    return _validate_union(union, shapes)


@lru_cache(maxsize=1)
def _validation_ontology_ox_quads() -> tuple[ox.Quad, ...]:
    return tuple(_ox_quad(s, p, o) for s, p, o in validation_ontology_graph())


def _validate_union(union: _OxigraphQueryGraph, shapes: Graph | None) -> ValidationReport:
    _, results_graph, text = _pyshacl_validate(
        union,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        meta_shacl=False,
        advanced=False,
        inplace=True,  # on the copy
    )
    return ValidationReport(results=read_results(results_graph), graph=results_graph, text=text)


def read_results(results_graph: Graph) -> list[ValidationResult]:
    """Every ``sh:ValidationResult`` of a pySHACL report graph as a :class:`ValidationResult`, sorted."""
    out = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        messages = list(results_graph.objects(result, SH.resultMessage))
        path = results_graph.value(result, SH.resultPath)
        if isinstance(path, BNode):  # a sequence path: report its first step
            path = results_graph.value(path, RDF.first)
        severity = results_graph.value(result, SH.resultSeverity)
        out.append(
            ValidationResult(
                focus_node=_required(results_graph, result, SH.focusNode),
                path=path,
                shape=_required(results_graph, result, SH.sourceShape),
                constraint=_required(results_graph, result, SH.sourceConstraintComponent),
                severity=SEVERITIES.get(severity, "Violation") if severity is not None else "Violation",
                value=results_graph.value(result, SH.value),
                message_zh=_message(messages, "zh"),
                message_en=_message(messages, "en"),
            )
        )
    return sorted(out, key=lambda r: (r.severity, str(r.shape), str(r.focus_node), str(r.value)))


def _required(results_graph: Graph, result: Node, prop: URIRef) -> Node:
    """A property every SHACL validation result has exactly one of (SHACL §3.6.2)."""
    value = results_graph.value(result, prop)
    if value is None:
        raise ValueError(f"a SHACL validation result without {prop}: {result}")
    return value


def _message(messages: list[Node], lang: str) -> str:
    for m in messages:
        if isinstance(m, Literal) and m.language == lang:
            return str(m)
    # a constraint without a message of that language: pySHACL's own English text, if any
    plain = [str(m) for m in messages if isinstance(m, Literal) and not m.language]
    return plain[0] if plain else ""


def validate_codelists(codelists: Graph | None = None) -> ValidationReport:
    """Validate the classification code lists (default: ontology/codelists/) against shapes/codelists.ttl."""
    from kg.ontology import codelist_shapes_graph

    if codelists is None:
        codelists = Graph()
        for path in codelist_files():
            codelists.parse(path, format="turtle")
    return validate_graph(codelists, shapes=codelist_shapes_graph(), ont_graph=Graph())
