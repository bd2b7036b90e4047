"""The SHACL shapes (shapes/report.ttl, shapes/codelists.ttl): one mutation per shape, exactly its result.

The base graph (tests/shape_fixture.py) is written by hand after docs/rdf-shape.md and conforms without any
result.  Each case below changes it in one way a builder or a source report could get wrong and lists every
(shape, focus node) pySHACL must report — no more, no fewer — and each result must carry its shape's message
in Chinese and English.  A meta-test checks that every shape of the shapes files has at least one case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SH, SKOS, Namespace

from kg.namespace import BKG, ID, OA, QB
from kg.ontology import codelist_shapes_graph, shapes_graph
from kg.validate import ROUNDING_STEP_YUAN, rounding_tolerance, validate_codelists, validate_graph
from tests import shape_fixture as fx

BKGSH = Namespace("https://w3id.org/budgetkg/shapes#")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")

Mutation = Callable[[Graph], None]


def set_(s: URIRef, p: URIRef, o) -> Mutation:
    def mutate(g: Graph) -> None:
        g.set((s, p, o))

    return mutate


def drop(s: URIRef, p: URIRef) -> Mutation:
    def mutate(g: Graph) -> None:
        g.remove((s, p, None))

    return mutate


def add(s: URIRef, p: URIRef, o) -> Mutation:
    def mutate(g: Graph) -> None:
        g.add((s, p, o))

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(g: Graph) -> None:
        for m in mutations:
            m(g)

    return mutate


def shift(node: URIRef, wan: str) -> Mutation:
    """Change a printed amount by ``wan`` 万元 (0.01 万元 = 100 元)."""

    def mutate(g: Graph) -> None:
        old = g.value(node, BKG.amount).toPython()
        g.set((node, BKG.amount, Literal(old + Decimal(wan) * 10000, datatype=XSD.decimal)))

    return mutate


def ev(node: URIRef) -> URIRef:
    return URIRef(f"{node}/evidence")


def pos(node: URIRef) -> URIRef:
    return URIRef(f"{node}/evidence/position")


def region(
    node: URIRef,
    value: str = "page=3&viewrect=72,100.5,60,12",
    conforms: str = "http://tools.ietf.org/rfc/rfc8118",
    refined: int = 2,
) -> Mutation:
    """Give ``node``'s evidence the region of a PDF page, as kg.mapping writes it for a fact read from a PDF."""
    r = URIRef(f"{node}/evidence/region")

    def mutate(g: Graph) -> None:
        g.add((ev(node), OA.hasSelector, r))
        g.add((r, RDF.type, OA.FragmentSelector))
        g.add((r, RDF.value, Literal(value)))
        g.add((r, DCTERMS.conformsTo, URIRef(conforms)))
        for sel in [pos(node), URIRef(f"{node}/evidence/quote")][:refined]:
            g.add((r, OA.refinedBy, sel))

    return mutate


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


LINE_ITEMS = [fx.row(1, r) for r, _, _ in fx.TABLE_1] + [fx.row(2, r) for r, _, _ in fx.TABLE_2] + [fx.row(3, 1)]
T3 = fx.row(3, 1)  # a line item whose change touches no sum (only the cross-table comparison)
LEAF = fx.row(1, 8)  # 2060503: only child of 20605


@dataclass
class Case:
    id: str
    mutate: Mutation
    expected: set[tuple[str, URIRef]]  # (shape local name, focus node)
    severity: str = "Violation"
    # for SHACL-SPARQL results: the value node and words its message must contain
    value: URIRef | None = None
    message_has: tuple[str, ...] = ()


def only(shape: str, focus: URIRef) -> set[tuple[str, URIRef]]:
    return {(shape, focus)}


def every_line_item(shape: str) -> set[tuple[str, URIRef]]:
    return {(shape, li) for li in LINE_ITEMS}


REPORT_CASES = [
    # --- report ---
    Case(
        "report year not a gYear",
        set_(fx.REPORT, BKG.fiscalYear, Literal("2024")),
        only("Report-fiscalYear", fx.REPORT) | every_line_item("LineItem-sameYear"),
    ),
    Case("report phase dropped", drop(fx.REPORT, BKG.budgetPhase), only("Report-budgetPhase", fx.REPORT)),
    Case(
        "reporting agency not an agency",
        set_(fx.REPORT, BKG.reportingAgency, fx.PLACE),
        only("Report-reportingAgency", fx.REPORT),
    ),
    Case("source file dropped", drop(fx.REPORT, DCTERMS.source), only("Report-source", fx.REPORT)),
    Case("sha256 in upper case", set_(fx.REPORT, BKG.sha256, Literal("A" * 64)), only("Report-sha256", fx.REPORT)),
    Case("hasTable to a project", add(fx.REPORT, BKG.hasTable, fx.PROJECT), only("Report-hasTable", fx.REPORT)),
    # --- agencies and entities ---
    Case(
        "agency label without language",
        set_(fx.AGENCY, SKOS.prefLabel, Literal("测试市政务服务数据管理局")),
        only("Agency-prefLabel", fx.AGENCY),
    ),
    Case(
        "agency with two Chinese labels",
        add(fx.AGENCY, SKOS.prefLabel, zh("测试局")),
        only("Agency-prefLabel", fx.AGENCY),
    ),
    Case(
        "agency short name in English",
        add(fx.AGENCY, SKOS.altLabel, Literal("Data Bureau", lang="en")),
        only("Agency-altLabel", fx.AGENCY),
    ),
    Case(
        "sub-organization not an agency",
        add(fx.AGENCY, ORG.hasSubOrganization, fx.PLACE),
        only("Agency-subOrganization", fx.AGENCY),
    ),
    Case("district not a place", set_(fx.AGENCY, BKG.district, fx.REFORM), only("Agency-district", fx.AGENCY)),
    Case(
        "responsibility link to a task",
        add(fx.AGENCY, BKG.hasResponsibility, fx.TASK),
        only("Agency-hasResponsibility", fx.AGENCY),
    ),
    Case(
        "platform with two Chinese labels",
        add(fx.PLATFORM, SKOS.prefLabel, zh("民生卡系统")),
        only("NamedEntity-prefLabel", fx.PLATFORM),
    ),
    Case("place label dropped", drop(fx.PLACE, SKOS.prefLabel), only("NamedEntity-prefLabel", fx.PLACE)),
    Case(
        "platform alias without language",
        add(fx.PLATFORM_APP, SKOS.altLabel, Literal("民生卡app")),
        only("NamedEntity-altLabel", fx.PLATFORM_APP),
    ),
    Case(
        "partOf a literal",
        set_(fx.PLATFORM_APP, BKG.partOf, Literal("民生卡")),
        only("NamedEntity-partOf", fx.PLATFORM_APP),
    ),
    # --- provenance ---
    Case(
        "node without provenance",
        both(drop(fx.TASK, PROV.wasDerivedFrom), drop(fx.TASK, BKG.evidence)),
        {("Provenance-wasDerivedFrom", fx.TASK), ("Provenance-evidence", fx.TASK)},
    ),
    Case(
        "derived from an agency",
        set_(fx.TASK, PROV.wasDerivedFrom, fx.AGENCY),
        {("Provenance-wasDerivedFrom", fx.TASK), ("Provenance-sameSource", fx.TASK)},
    ),
    Case(
        "line item without evidence",
        drop(T3, BKG.evidence),
        {("Provenance-evidence", T3), ("Provenance-sameSource", T3)},
    ),
    Case(
        "evidence from another file",
        set_(ev(fx.INDICATOR), OA.hasSource, URIRef(ID["report/其他/2024/budget"])),
        {("Evidence-hasSource", ev(fx.INDICATOR)), ("Provenance-sameSource", fx.INDICATOR)},
    ),
    Case(
        "evidence without source",
        drop(ev(fx.PROJECT), OA.hasSource),
        {("Evidence-hasSource", ev(fx.PROJECT)), ("Provenance-sameSource", fx.PROJECT)},
    ),
    Case(
        "evidence without position",
        lambda g: g.remove((ev(fx.TASK), OA.hasSelector, pos(fx.TASK))),
        {("Evidence-selectors", ev(fx.TASK)), ("Evidence-positionSelector", ev(fx.TASK))},
    ),
    Case(
        "evidence with two quotes",
        both(
            add(ev(fx.TASK), OA.hasSelector, URIRef(f"{ev(fx.TASK)}/quote2")),
            add(URIRef(f"{ev(fx.TASK)}/quote2"), RDF.type, OA.TextQuoteSelector),
            add(URIRef(f"{ev(fx.TASK)}/quote2"), OA.exact, Literal("民生卡")),
        ),
        only("Evidence-selectors", ev(fx.TASK)),
    ),
    Case(
        "evidence with two quotes and a page region",
        both(
            region(fx.TASK),
            add(ev(fx.TASK), OA.hasSelector, URIRef(f"{ev(fx.TASK)}/quote2")),
            add(URIRef(f"{ev(fx.TASK)}/quote2"), RDF.type, OA.TextQuoteSelector),
            add(URIRef(f"{ev(fx.TASK)}/quote2"), OA.exact, Literal("民生卡")),
        ),
        only("Evidence-selectors", ev(fx.TASK)),
    ),
    Case(
        "page region on page 0",
        region(fx.TASK, value="page=0&viewrect=72,100,60,12"),
        only("FragmentSelector-value", URIRef(f"{ev(fx.TASK)}/region")),
    ),
    Case(
        "page region without a rectangle",
        region(fx.TASK, value="page=3"),
        only("FragmentSelector-value", URIRef(f"{ev(fx.TASK)}/region")),
    ),
    Case(
        "page region conforming to another spec",
        region(fx.TASK, conforms="http://tools.ietf.org/rfc/rfc3778"),
        only("FragmentSelector-conformsTo", URIRef(f"{ev(fx.TASK)}/region")),
    ),
    Case(
        "page region refined by one selector only",
        region(fx.TASK, refined=1),
        only("FragmentSelector-refinedBy", URIRef(f"{ev(fx.TASK)}/region")),
    ),
    Case(
        "evidence with a position selector only",
        both(
            add(URIRef(f"{ev(fx.TASK)}/quote"), RDF.type, OA.TextPositionSelector),
            lambda g: g.remove((URIRef(f"{ev(fx.TASK)}/quote"), RDF.type, OA.TextQuoteSelector)),
        ),
        {
            ("Evidence-quoteSelector", ev(fx.TASK)),
            ("PositionSelector-start", URIRef(f"{ev(fx.TASK)}/quote")),
            ("PositionSelector-end", URIRef(f"{ev(fx.TASK)}/quote")),
        },
    ),
    Case(
        "selector start after end",
        set_(pos(fx.TASK), OA.start, Literal(10_000, datatype=XSD.integer)),
        only("PositionSelector-start", pos(fx.TASK)),
    ),
    Case(
        "selector end a decimal",
        set_(pos(fx.TASK), OA.end, Literal(Decimal("221.5"), datatype=XSD.decimal)),
        only("PositionSelector-end", pos(fx.TASK)),
    ),
    Case(
        "quote with a language tag",
        set_(URIRef(f"{ev(fx.TASK)}/quote"), OA.exact, zh("深化民生卡应用")),
        only("QuoteSelector-exact", URIRef(f"{ev(fx.TASK)}/quote")),
    ),
    # --- text-bearing nodes ---
    Case(
        "responsibility text dropped",
        drop(fx.RESPONSIBILITY, RDF.value),
        only("Responsibility-value", fx.RESPONSIBILITY),
    ),
    Case(
        "responsibility ordinal a string",
        set_(fx.RESPONSIBILITY, BKG.ordinal, Literal("1")),
        only("Responsibility-ordinal", fx.RESPONSIBILITY),
    ),
    Case(
        "mention of a literal",
        add(fx.RESPONSIBILITY, BKG.mentions, Literal("民生卡")),
        only("TextNode-mentions", fx.RESPONSIBILITY),
    ),
    Case("task with two texts", add(fx.TASK, RDF.value, zh("另一段")), only("Task-value", fx.TASK)),
    Case("task ordinal dropped", drop(fx.TASK, BKG.ordinal), only("Task-ordinalOrProse", fx.TASK)),
    Case("task with two ordinals", add(fx.TASK, BKG.ordinal, Literal("（二）")), only("Task-ordinal", fx.TASK)),
    Case("indicator link to a platform", add(fx.TASK, BKG.hasIndicator, fx.PLATFORM), only("HasIndicator", fx.TASK)),
    Case(
        "target text without language",
        set_(fx.TARGET, RDF.value, Literal("民生卡系统稳定运行")),
        only("PerformanceTarget-value", fx.TARGET),
    ),
    Case(
        "indicator label in English",
        set_(fx.INDICATOR, RDFS.label, Literal("satisfaction", lang="en")),
        only("Indicator-label", fx.INDICATOR),
    ),
    Case(
        "target value a string",
        set_(fx.INDICATOR, BKG.targetValue, Literal("95%")),
        only("Indicator-targetValue", fx.INDICATOR),
    ),
    Case(
        "achieved value a double",
        add(fx.INDICATOR, BKG.achievedValue, Literal(96.5, datatype=XSD.double)),
        only("Indicator-achievedValue", fx.INDICATOR),
    ),
    Case(
        "comparator unknown",
        set_(fx.INDICATOR, BKG.comparator, Literal("≥")),
        only("Indicator-comparator", fx.INDICATOR),
    ),
    Case("two units", add(fx.INDICATOR, BKG.unit, Literal("个")), only("Indicator-unit", fx.INDICATOR)),
    Case(
        "target in words without language",
        add(fx.INDICATOR, BKG.targetText, Literal("明显改善")),
        only("Indicator-targetText", fx.INDICATOR),
    ),
    Case(
        "two achieved values in words",
        both(add(fx.INDICATOR, BKG.achievedText, zh("达标")), add(fx.INDICATOR, BKG.achievedText, zh("已完成"))),
        only("Indicator-achievedText", fx.INDICATOR),
    ),
    Case(
        "cost printed in an unknown unit",
        add(fx.INDICATOR, BKG.printedUnit, Literal("万")),
        only("Indicator-printedUnit", fx.INDICATOR),
    ),
    # --- projects and tables ---
    Case("project name dropped", drop(fx.PROJECT, RDFS.label), only("Project-label", fx.PROJECT)),
    Case(
        "project amount a string", set_(fx.PROJECT, BKG.amount, Literal("1000000")), only("Amount-optional", fx.PROJECT)
    ),
    Case(
        "project unit a platform", set_(fx.PROJECT, BKG.budgetUnit, fx.PLATFORM), only("Project-budgetUnit", fx.PROJECT)
    ),
    Case(
        "project target an indicator",
        set_(fx.PROJECT, BKG.hasPerformanceTarget, fx.INDICATOR),
        only("Project-target", fx.PROJECT),
    ),
    Case("project funds a literal", add(fx.PROJECT, BKG.funds, Literal("民生卡")), only("Project-funds", fx.PROJECT)),
    Case("table with two titles", add(fx.table(2), RDFS.label, zh("另一标题")), only("Table-label", fx.table(2))),
    Case(
        "table with two numbers", add(fx.table(2), BKG.tableNumber, Literal("表9")), only("Table-number", fx.table(2))
    ),
    Case(
        "table unit not a money unit",
        set_(fx.table(2), BKG.printedUnit, Literal("万")),
        only("PrintedUnit", fx.table(2)),
    ),
    Case("table structure dropped", drop(fx.table(2), QB.structure), only("Table-structure", fx.table(2))),
    # --- line items ---
    Case("line item outside any table", drop(T3, QB.dataSet), only("LineItem-dataSet", T3)),
    Case("amount dropped", drop(LEAF, BKG.amount), only("LineItem-amount", LEAF)),
    Case(
        "amount a double",
        set_(LEAF, BKG.amount, Literal(1000000.0, datatype=XSD.double)),
        only("LineItem-amount", LEAF),
    ),
    # a non-numeric amount must not break the SUMs (they are guarded with isNumeric): only the datatype is reported
    Case("amount a string", set_(LEAF, BKG.amount, Literal("1000000")), only("LineItem-amount", LEAF)),
    Case("measure dropped", drop(T3, BKG.measure), {("LineItem-measure", T3), ("LineItem-measureScheme", T3)}),
    Case("measure from another scheme", set_(T3, BKG.measure, fx.GENERAL_PUBLIC), only("LineItem-measureScheme", T3)),
    Case(
        "code of eight digits",
        set_(T3, BKG.classification, fx.functional("20103011")),
        {("LineItem-classification", T3), ("LineItem-knownCode", T3)},
    ),
    Case(
        "code unknown to the code lists",
        set_(T3, BKG.classification, fx.functional("2019999")),
        only("LineItem-knownCode", T3),
        severity="Warning",
    ),
    Case("phase not a phase", set_(T3, BKG.budgetPhase, fx.GENERAL_PUBLIC), only("LineItem-budgetPhase", T3)),
    Case(
        "year an integer",
        set_(T3, BKG.fiscalYear, Literal(2024)),
        {("LineItem-fiscalYear", T3), ("LineItem-sameYear", T3)},
    ),
    Case(
        "year not the report's",
        set_(T3, BKG.fiscalYear, Literal("2023", datatype=XSD.gYear)),
        only("LineItem-sameYear", T3),
    ),
    Case(
        "two funding sources",
        add(T3, BKG.fundingSource, URIRef(ID["concept/funding-source/other"])),
        only("LineItem-fundingSource", T3),
    ),
    Case(
        "expenditure type a literal",
        set_(fx.row(2, 2), BKG.expenditureType, Literal("项目支出")),
        only("LineItem-expenditureType", fx.row(2, 2)),
    ),
    Case("two printed amounts", add(T3, BKG.printedAmount, Literal("120.00")), only("LineItem-printedAmount", T3)),
    Case("row order a string", set_(T3, BKG.rowOrder, Literal("1")), only("LineItem-rowOrder", T3)),
    Case("isTotal a string", set_(fx.row(2, 1), BKG.isTotal, Literal("是")), only("LineItem-isTotal", fx.row(2, 1))),
    Case("budget unit a place", add(T3, BKG.budgetUnit, fx.PLACE), only("LineItem-budgetUnit", T3)),
    # --- narrative figures, discrepancy records ---
    Case(
        "stated total a double",
        set_(fx.STATED_TOTAL, BKG.amount, Literal(3e6)),
        only("StatedTotal-amount", fx.STATED_TOTAL),
    ),
    Case(
        "negative head count", set_(fx.HEAD_COUNT, BKG.countValue, Literal(-1)), only("HeadCount-value", fx.HEAD_COUNT)
    ),
    Case("report part unknown", add(fx.REPORT, BKG.reportPart, Literal("cover")), only("Report-part", fx.REPORT)),
    Case(
        "comparison without final amount",
        drop(fx.COMPARISON, BKG.finalAmount),
        only("BudgetComparison-finalAmount", fx.COMPARISON),
    ),
    Case(
        "comparison with two budgets",
        add(fx.COMPARISON, BKG.budgetAmount, fx.yuan("110.00")),
        only("BudgetComparison-budgetAmount", fx.COMPARISON),
    ),
    Case(
        "comparison rate as a string",
        set_(fx.COMPARISON, BKG.completionRate, Literal("100.01%")),
        only("BudgetComparison-completionRate", fx.COMPARISON),
    ),
    Case(
        "comparison derived some other way",
        set_(fx.COMPARISON, BKG.budgetDerivation, Literal("guess")),
        only("BudgetComparison-budgetDerivation", fx.COMPARISON),
    ),
    Case(
        "comparison reason without language",
        set_(fx.COMPARISON, BKG.varianceReason, Literal("政策性调整")),
        only("BudgetComparison-reason", fx.COMPARISON),
    ),
    Case("comparison without its item", drop(fx.COMPARISON, RDFS.label), only("BudgetComparison-label", fx.COMPARISON)),
    Case(
        "responsibility prose flag a string",
        add(fx.RESPONSIBILITY, BKG.isProse, Literal("true")),
        only("Responsibility-isProse", fx.RESPONSIBILITY),
    ),
    Case(
        "discrepancy without expected",
        drop(fx.DISCREPANCY, BKG.expectedAmount),
        only("Discrepancy-expected", fx.DISCREPANCY),
    ),
    Case(
        "discrepancy found a string",
        set_(fx.DISCREPANCY, BKG.foundAmount, Literal("200.01")),
        only("Discrepancy-found", fx.DISCREPANCY),
    ),
    Case(
        "discrepancy kind unknown",
        set_(fx.DISCREPANCY, BKG.discrepancyKind, Literal("sum")),
        only("Discrepancy-kind", fx.DISCREPANCY),
    ),
    # --- accounting identities: one amount changed by 0.01 万元 (100 元) ---
    Case(
        "leaf changed by 0.01 万元",
        shift(LEAF, "0.01"),
        only("ChildrenSumShape", fx.table(1)),
        severity="Warning",
        value=fx.row(1, 7),
        message_has=("20605", "1000000", "1000100"),
    ),
    Case(
        "second child changed by 0.01 万元 beyond rounding",
        shift(fx.row(1, 5), "0.01"),
        only("ChildrenSumShape", fx.table(1)),
        severity="Warning",
        value=fx.row(1, 3),
        message_has=("20103", "2000000", "2000200", "100"),
    ),
    # two top-level codes: one step of rounding is accepted, two are not
    Case(
        "total changed by 0.02 万元",
        shift(fx.row(1, 1), "0.02"),
        only("TotalSumShape", fx.table(1)),
        severity="Warning",
        value=fx.row(1, 1),
        message_has=("3000200", "3000000"),
    ),
    Case(
        "project changed by 0.02 万元",
        shift(fx.row(2, 3), "0.02"),
        only("UnitSubtotalShape", fx.table(2)),
        severity="Warning",
        value=fx.row(2, 1),
        message_has=("1500000", "1500200"),
    ),
    Case(
        "same figure in another table changed by 0.01 万元",
        shift(T3, "0.01"),
        only("CrossTableShape", fx.REPORT),
        severity="Warning",
        value=fx.row(1, 4),
        message_has=("1200100", "1200200"),
    ),
]

ROUNDING_ACCEPTED = [
    ("total changed by 0.01 万元 (two top-level codes)", shift(fx.row(1, 1), "0.01")),
    ("project changed by 0.01 万元 (two projects)", shift(fx.row(2, 3), "0.01")),
    ("second child changed to the exact sum", shift(fx.row(1, 5), "-0.01")),
]


@pytest.fixture(scope="module")
def base() -> Graph:
    return fx.base_graph()


def mutated(base: Graph, mutate: Mutation) -> Graph:
    g = Graph()
    for triple in base:
        g.add(triple)
    mutate(g)
    return g


def shape_messages(shapes: Graph, shape: URIRef) -> dict[str, str]:
    nodes = [shape, *shapes.objects(shape, SH.sparql)]
    return {m.language: str(m) for n in nodes for m in shapes.objects(n, SH.message)}


def test_base_graph_conforms_without_any_result(base: Graph) -> None:
    report = validate_graph(base)
    assert report.conforms
    assert report.results == [], [r.message_en for r in report.results]


@pytest.mark.parametrize("case", REPORT_CASES, ids=[c.id for c in REPORT_CASES])
def test_mutation_is_reported_exactly(base: Graph, case: Case) -> None:
    report = validate_graph(mutated(base, case.mutate))
    found = {(str(r.shape).removeprefix(str(BKGSH)), r.focus_node) for r in report.results}
    assert found == case.expected
    shapes = shapes_graph()
    for r in report.results:
        messages = shape_messages(shapes, r.shape)
        if (r.shape, SH.sparql, None) in shapes:
            assert r.value == case.value
            for word in case.message_has:
                assert word in r.message_zh and word in r.message_en, (word, r.message_zh, r.message_en)
        else:
            assert (r.message_zh, r.message_en) == (messages["zh"], messages["en"])
    # the severity the shape declares: case.severity for the result the case is about
    main = {
        r.severity for r in report.results if (str(r.shape).removeprefix(str(BKGSH)), r.focus_node) in case.expected
    }
    assert case.severity in main
    assert report.conforms == (not report.violations)
    assert report.conforms == (case.severity != "Violation")


def test_an_earlier_years_execution_keeps_its_own_year(base: Graph) -> None:
    # 2025年执行数 printed in a 2026 budget: the figure is of 2025, its phase bkg:Execution
    def earlier(g: Graph) -> None:
        set_(T3, BKG.fiscalYear, Literal("2023", datatype=XSD.gYear))(g)
        set_(T3, BKG.budgetPhase, BKG.Execution)(g)

    report = validate_graph(mutated(base, earlier))
    assert report.conforms and report.results == [], [r.message_en for r in report.results]


def test_a_task_written_as_prose_needs_no_ordinal(base: Graph) -> None:
    def prose(g: Graph) -> None:
        drop(fx.TASK, BKG.ordinal)(g)
        g.add((fx.TASK, BKG.isProse, Literal(True)))

    assert validate_graph(mutated(base, prose)).results == []


@pytest.mark.parametrize(("name", "mutate"), ROUNDING_ACCEPTED, ids=[n for n, _ in ROUNDING_ACCEPTED])
def test_rounding_within_tolerance_is_accepted(base: Graph, name: str, mutate: Mutation) -> None:
    assert validate_graph(mutated(base, mutate)).results == []


def test_results_graph_is_pyshacl_report(base: Graph) -> None:
    report = validate_graph(mutated(base, drop(LEAF, BKG.amount)))
    assert (None, RDF.type, SH.ValidationReport) in report.graph
    assert len(list(report.graph.subjects(RDF.type, SH.ValidationResult))) == len(report.results) == 1
    r = report.results[0]
    assert r.path == BKG.amount and r.constraint == SH.MinCountConstraintComponent


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [(1, "万元", "0"), (2, "万元", "100"), (3, "万元", "200"), (4, "元", "0.02"), (7, "亿元", "4000000")],
)
def test_rounding_tolerance(n: int, unit: str, expected: str) -> None:
    assert rounding_tolerance(n, unit) == Decimal(expected)


def test_sparql_step_table_matches_python() -> None:
    """The unit steps written into the SPARQL of shapes/report.ttl are those of kg.validate."""
    select_texts = [str(o) for o in shapes_graph().objects(None, SH.select)]
    for unit, step in ROUNDING_STEP_YUAN.items():
        if unit == "元":
            continue  # the default branch of the IF
        for q in select_texts:
            if "?step" in q or "?stepA" in q:
                assert f'= "{unit}", {step}' in q, (unit, step)


# --- every shape has a case, and zh + en messages ----------------------------------------------------------------


def named_shapes(shapes: Graph) -> set[URIRef]:
    """Property shapes and node shapes that carry a constraint of their own (SPARQL, class …)."""
    out = {s for s in shapes.subjects(SH.path, None) if isinstance(s, URIRef)}
    out |= {s for s in shapes.subjects(SH.sparql, None)}
    out |= {s for s in shapes.subjects(SH["class"], None) if (s, RDF.type, SH.NodeShape) in shapes}
    return out


def test_every_report_shape_has_a_mutation_case() -> None:
    covered = {shape for case in REPORT_CASES for shape, _ in case.expected}
    missing = {str(s).removeprefix(str(BKGSH)) for s in named_shapes(shapes_graph())} - covered
    assert not missing


@pytest.mark.parametrize("graph", [shapes_graph, codelist_shapes_graph], ids=["report", "codelists"])
def test_every_shape_has_a_message_in_zh_and_en(graph) -> None:
    shapes = graph()
    for shape in named_shapes(shapes):
        nodes = [shape, *shapes.objects(shape, SH.sparql)]
        langs = sorted(m.language for n in nodes for m in shapes.objects(n, SH.message))
        assert langs == ["en", "zh"], shape


def test_sum_constraints_guard_against_non_numeric_values() -> None:
    for q in map(str, shapes_graph().objects(None, SH.select)):
        if "SUM(" in q:
            assert "isNumeric" in q


def test_sparql_constraints_target_few_nodes() -> None:
    """SHACL-SPARQL is dear per focus node: only tables, reports or schemes are targeted."""
    cheap_targets = {BKG.Table, BKG.Report}
    for g in (shapes_graph(), codelist_shapes_graph()):
        for shape in g.subjects(SH.sparql, None):
            classes = set(g.objects(shape, SH.targetClass))
            nodes = set(g.objects(shape, SH.targetNode))
            assert classes <= cheap_targets and (classes or nodes), shape


def test_structural_shapes_are_violations_and_identities_warnings() -> None:
    shapes = shapes_graph()
    for shape in named_shapes(shapes):
        severity = shapes.value(shape, SH.severity)
        if (shape, SH.sparql, None) in shapes or shape == BKGSH["LineItem-knownCode"]:
            assert severity == SH.Warning, shape
        else:
            assert severity in (None, SH.Violation), shape


# --- the code-list shapes ------------------------------------------------------------------------------------------

F2010301 = fx.functional("2010301")
F20103 = fx.functional("20103")
FUNCTIONAL = URIRef(ID["classification/functional"])
LABEL_210_OLD = URIRef(f"{fx.functional('210')}/label/医疗卫生与计划生育支出")

CODELIST_CASES = [
    Case(
        "broken hierarchy",
        set_(F2010301, SKOS.broader, fx.functional("20605")),
        only("HierarchyShape", FUNCTIONAL),
        value=F2010301,
        message_has=("2010301", "20103", "20605"),
    ),
    Case(
        "7-digit code without broader",
        drop(F2010301, SKOS.broader),
        only("HierarchyShape", FUNCTIONAL),
        value=F2010301,
        message_has=("2010301", "20103"),
    ),
    Case(
        "notation of eight digits",
        set_(F2010301, SKOS.notation, Literal("20103011")),
        {("Code-notation", F2010301), ("HierarchyShape", FUNCTIONAL), ("LevelShape", FUNCTIONAL)},
        value=F2010301,
    ),
    Case(
        "level wrong",
        set_(F20103, BKG.codeLevel, Literal(3)),
        only("LevelShape", FUNCTIONAL),
        value=F20103,
        message_has=("20103", "2", "3"),
    ),
    Case(
        "level out of range",
        set_(F20103, BKG.codeLevel, Literal(5)),
        {("Code-level", F20103), ("LevelShape", FUNCTIONAL)},
        value=F20103,
    ),
    Case(
        "code name without language",
        set_(F20103, SKOS.prefLabel, Literal("政府办公厅（室）及相关机构事务")),
        only("Code-prefLabel", F20103),
    ),
    Case("old name without language", add(F20103, SKOS.altLabel, Literal("政府办公厅")), only("Code-altLabel", F20103)),
    Case("code in no scheme", drop(F2010301, SKOS.inScheme), only("Code-inScheme", F2010301)),
    Case(
        "two broader codes",
        add(F2010301, SKOS.broader, fx.functional("201")),
        {("Code-broader", F2010301), ("HierarchyShape", FUNCTIONAL)},
        value=F2010301,
    ),
    Case("not a concept", lambda g: g.remove((F2010301, RDF.type, SKOS.Concept)), only("CodeShape", F2010301)),
    Case(
        "xl name not a label", add(F20103, SKOSXL.altLabel, URIRef(f"{F20103}/label/无")), only("Code-xlLabel", F20103)
    ),
    Case(
        "name without literal form", drop(LABEL_210_OLD, SKOSXL.literalForm), only("Label-literalForm", LABEL_210_OLD)
    ),
    Case("year an integer", set_(LABEL_210_OLD, BKG.validUntil, Literal(2018)), only("Label-years", LABEL_210_OLD)),
]


@pytest.fixture(scope="module")
def codelists() -> Graph:
    from kg.ontology import codelist_files

    g = Graph()
    for path in codelist_files():
        g.parse(path, format="turtle")
    return g


def test_code_lists_conform() -> None:
    report = validate_codelists()
    assert report.results == []


@pytest.mark.parametrize("case", CODELIST_CASES, ids=[c.id for c in CODELIST_CASES])
def test_codelist_mutation_is_reported_exactly(codelists: Graph, case: Case) -> None:
    report = validate_codelists(mutated(codelists, case.mutate))
    found = {(str(r.shape).removeprefix(str(BKGSH)), r.focus_node) for r in report.results}
    assert found == case.expected
    shapes = codelist_shapes_graph()
    for r in report.results:
        assert r.severity == "Violation"
        if (r.shape, SH.sparql, None) in shapes:
            assert r.value == case.value
            for word in case.message_has:
                assert word in r.message_zh and word in r.message_en
        else:
            messages = shape_messages(shapes, r.shape)
            assert (r.message_zh, r.message_en) == (messages["zh"], messages["en"])


def test_every_codelist_shape_has_a_mutation_case() -> None:
    covered = {shape for case in CODELIST_CASES for shape, _ in case.expected}
    missing = {str(s).removeprefix(str(BKGSH)) for s in named_shapes(codelist_shapes_graph())} - covered
    assert not missing


# --- the corpus as kg.mapping builds it ------------------------------------------------------------------------

#: Warnings the corpus graphs are expected to carry: (file, shape, focus-node suffix) — each a discrepancy of the
#: source report itself. None today: every sum in the five reports holds within 尾数误差.
KNOWN_CORPUS_WARNINGS: set[tuple[str, str, str]] = set()


@pytest.fixture(scope="module")
def corpus_graphs() -> dict[str, Graph]:
    from conftest import CORPUS_FILES, read_report_once

    from kg.mapping import map_report

    graphs = {}
    for path in CORPUS_FILES:
        g = Graph()
        for q in map_report(read_report_once(path, entities=True)).quads:
            g.add(tuple(_rdflib_term(t) for t in (q.subject, q.predicate, q.object)))
        graphs[path.name] = g
    return graphs


def _rdflib_term(term):
    from kg.validate import _from_ox

    return _from_ox(term)


@pytest.mark.slow
def test_corpus_graphs_conform_with_only_known_warnings(corpus_graphs: dict[str, Graph]) -> None:
    found = set()
    for name, g in corpus_graphs.items():
        report = validate_graph(g)
        assert report.violations == [], (name, [(str(r.focus_node), r.message_en) for r in report.violations[:5]])
        found |= {(name, str(r.shape).removeprefix(str(BKGSH)), str(r.focus_node)) for r in report.warnings}
    listed = {
        (f, s, n)
        for f, s, n in found
        if any(f == kf and s == ks and n.endswith(kn) for kf, ks, kn in KNOWN_CORPUS_WARNINGS)
    }
    assert found == listed
    assert len(listed) == len(KNOWN_CORPUS_WARNINGS)


@pytest.mark.slow
def test_sum_checks_are_live_on_a_real_report(corpus_graphs: dict[str, Graph]) -> None:
    """Change one real 项 (7-digit) amount by 1 万元: its 款 row in the same column no longer adds up.

    (0.01 万元 is caught only where the 款 has a single 项; with more, one step is within 尾数误差.)"""
    name = next(n for n in corpus_graphs if n.startswith("002_"))
    g = corpus_graphs[name]
    q = """
        PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
        PREFIX qb: <http://purl.org/linked-data/cube#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?leaf ?parent ?table WHERE {
          ?leaf qb:dataSet ?table ; bkg:classification ?code ; bkg:measure ?m ; bkg:budgetPhase ?ph ; bkg:printedUnit "万元" .
          ?parent qb:dataSet ?table ; bkg:classification ?up ; bkg:measure ?m ; bkg:budgetPhase ?ph .
          FILTER (STRLEN(STRAFTER(STR(?code), "functional/")) = 7)
        } LIMIT 200
    """
    # the parent concept is not in the report graph: find the pair with the code lists alongside
    from kg.validate import validation_ontology_graph

    union = Graph()
    for t in g:
        union.add(t)
    for t in validation_ontology_graph():
        union.add(t)
    rows = [
        r
        for r in union.query(q)
        if (union.value(r.leaf, BKG.classification), SKOS.broader, union.value(r.parent, BKG.classification)) in union
    ]
    assert rows, "no 项 line item with its 款 in the same table column"
    leaf, parent, table = rows[0]
    report = validate_graph(mutated(g, shift(leaf, "1.00")))
    assert report.violations == []
    hits = [r for r in report.warnings if str(r.shape).endswith("ChildrenSumShape") and r.value == parent]
    assert [r.focus_node for r in hits] == [table], [(r.value, r.message_en) for r in report.warnings]


def test_validate_quads_equals_validate_graph(base: Graph) -> None:
    """kg.validate.validate_quads (pyoxigraph quads, as kg.mapping makes them) gives the same results."""
    import pyoxigraph as ox

    from kg.validate import _to_ox, validate_quads

    g = mutated(base, both(shift(LEAF, "0.01"), drop(fx.PROJECT, RDFS.label)))
    quads = [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in g]
    assert validate_quads(quads).results == validate_graph(g).results
    assert len(validate_quads(quads).results) == 2
