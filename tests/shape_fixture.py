"""A small report graph built by hand after docs/rdf-shape.md: the base graph that tests/test_shapes.py mutates.

Not produced by kg.build (it is the contract the builder must meet, written independently of it).
Amounts are in yuan; the tables print 万元 with two decimals.  The figures add up exactly except where
rounding alone explains the difference (2010301 + 2010302 = 200.01 万元 against 20103 = 200.00 万元: one
step, accepted for two children), so the base graph conforms without warnings.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import DCTERMS, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from kg.namespace import BKG, ID, OA, QB

REPORT = URIRef(ID["report/测试市政务服务数据管理局/2024/budget"])
AGENCY = URIRef(ID["agency/测试市政务服务数据管理局"])
UNIT = URIRef(ID["agency/测试市政务服务中心"])
PLACE = URIRef(ID["place/测试区"])
PLATFORM = URIRef(ID["platform/民生卡"])
PLATFORM_APP = URIRef(ID["platform/民生卡APP"])
REFORM = URIRef(ID["reform/放管服改革"])
POLICY = URIRef(ID["policy/优化营商环境条例"])
#: the Data Cube structure of each table (ontology/datacube.ttl: one per table kind and code list)
DSD = {
    1: URIRef(ID["dsd/general_public/functional"]),
    2: URIRef(ID["dsd/projects"]),
    3: URIRef(ID["dsd/other/functional"]),
}
SHA = "0" * 63 + "a"


def table(i: int) -> URIRef:
    return URIRef(f"{REPORT}/table/{i}")


def row(t: int, r: int, measure: str = "total") -> URIRef:
    return URIRef(f"{table(t)}/row/{r}/{measure}")


def measure(key: str) -> URIRef:
    return URIRef(ID[f"concept/measure/{key}"])


def functional(code: str) -> URIRef:
    return URIRef(ID[f"classification/functional/{code}"])


def economic(code: str) -> URIRef:
    return URIRef(ID[f"classification/economic/{code}"])


GENERAL_PUBLIC = URIRef(ID["concept/funding-source/general_public"])
PROJECT_TYPE = URIRef(ID["concept/expenditure-type/project"])

PROJECT = URIRef(f"{REPORT}/project/测试市政务服务中心/民生卡运维")
PROJECT_2 = URIRef(f"{REPORT}/project/测试市政务服务中心/政务大厅租赁")
TARGET = URIRef(f"{PROJECT}/target")
INDICATOR = URIRef(f"{TARGET}/indicator/1")
RESPONSIBILITY = URIRef(f"{REPORT}/responsibility/测试市政务服务数据管理局/1")
TASK = URIRef(f"{REPORT}/task/1")
STATED_TOTAL = URIRef(f"{REPORT}/stated-total/1")
HEAD_COUNT = URIRef(f"{REPORT}/head-count/1")
DISCREPANCY = URIRef(f"{REPORT}/discrepancy/1")
COMPARISON = URIRef(f"{REPORT}/budget-comparison/1")

#: Table 1 (一般公共预算支出表, functional codes): (row, code or None for the total row, 万元)
TABLE_1 = [
    (1, None, "300.00"),
    (2, "201", "200.00"),
    (3, "20103", "200.00"),
    (4, "2010301", "120.01"),
    (5, "2010302", "80.00"),
    (6, "206", "100.00"),
    (7, "20605", "100.00"),
    (8, "2060503", "100.00"),
]
#: Table 2 (项目支出表, grouped by unit): (row, project or None for the unit subtotal, 万元)
TABLE_2 = [(1, None, "150.00"), (2, "民生卡运维", "100.00"), (3, "政务大厅租赁", "50.00")]
#: Table 3 (财政拨款支出表): the same figure as table 1 row 4
TABLE_3 = [(1, "2010301", "120.01")]


def yuan(wan: str) -> Literal:
    return Literal(Decimal(wan) * 10000, datatype=XSD.decimal)


def extracted(g: Graph, node: URIRef, start: int, quote: str) -> None:
    """prov:wasDerivedFrom and bkg:evidence, as every extracted node has them."""
    ev = URIRef(f"{node}/evidence")
    pos, q = URIRef(f"{ev}/position"), URIRef(f"{ev}/quote")
    g.add((node, PROV.wasDerivedFrom, REPORT))
    g.add((node, BKG.evidence, ev))
    g.add((ev, RDF.type, OA.SpecificResource))
    g.add((ev, OA.hasSource, REPORT))
    g.add((ev, OA.hasSelector, pos))
    g.add((ev, OA.hasSelector, q))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(start, datatype=XSD.integer)))
    g.add((pos, OA.end, Literal(start + len(quote), datatype=XSD.integer)))
    g.add((q, RDF.type, OA.TextQuoteSelector))
    g.add((q, OA.exact, Literal(quote)))


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def line_item(
    g: Graph,
    t: int,
    r: int,
    wan: str,
    *,
    offset: int,
    code: URIRef | None = None,
    total: bool = False,
    unit: URIRef | None = None,
    funding: URIRef | None = GENERAL_PUBLIC,
    label: str = "",
) -> URIRef:
    li = row(t, r)
    g.add((li, RDF.type, BKG.LineItem))
    g.add((li, RDF.type, QB.Observation))
    g.add((li, QB.dataSet, table(t)))
    g.add((li, BKG.amount, yuan(wan)))
    g.add((li, BKG.printedAmount, Literal(wan)))
    g.add((li, BKG.printedUnit, Literal("万元")))
    g.add((li, BKG.measure, measure("total")))
    g.add((li, BKG.budgetPhase, BKG.Budget))
    g.add((li, BKG.fiscalYear, Literal("2024", datatype=XSD.gYear)))
    g.add((li, BKG.rowOrder, Literal(r)))
    g.add((li, BKG.columnHeader, Literal("合计")))
    g.add((li, BKG.rowLabel, Literal(label or (str(code).rsplit("/", 1)[-1] if code else "合计"))))
    if code is not None:
        g.add((li, BKG.classification, code))
    if total:
        g.add((li, BKG.isTotal, Literal(True)))
    if unit is not None:
        g.add((li, BKG.budgetUnit, unit))
    if funding is not None:
        g.add((li, BKG.fundingSource, funding))
    extracted(g, li, offset, wan)
    return li


def base_graph() -> Graph:
    g = Graph()
    g.bind("bkg", str(BKG))
    # report
    g.add((REPORT, RDF.type, BKG.Report))
    g.add((REPORT, BKG.fiscalYear, Literal("2024", datatype=XSD.gYear)))
    g.add((REPORT, BKG.budgetPhase, BKG.Budget))
    g.add((REPORT, BKG.reportingAgency, AGENCY))
    g.add((REPORT, DCTERMS.source, Literal("002_test.txt")))
    g.add((REPORT, DCTERMS.title, zh("测试市政务服务数据管理局2024年部门预算")))
    g.add((REPORT, BKG.sha256, Literal(SHA)))
    for t in (1, 2, 3):
        g.add((REPORT, BKG.hasTable, table(t)))
    g.add((REPORT, BKG.hasProject, PROJECT))
    g.add((REPORT, BKG.hasProject, PROJECT_2))
    g.add((REPORT, BKG.hasTask, TASK))
    g.add((REPORT, BKG.statedTotal, STATED_TOTAL))
    g.add((REPORT, BKG.headCount, HEAD_COUNT))
    g.add((REPORT, BKG.hasDiscrepancy, DISCREPANCY))
    g.add((REPORT, BKG.hasBudgetComparison, COMPARISON))
    # agencies, place, entities
    g.add((AGENCY, RDF.type, BKG.Agency))
    g.add((AGENCY, SKOS.prefLabel, zh("测试市政务服务数据管理局")))
    g.add((AGENCY, SKOS.altLabel, zh("测试政数局")))
    g.add((AGENCY, ORG.hasSubOrganization, UNIT))
    g.add((AGENCY, BKG.district, PLACE))
    g.add((AGENCY, BKG.hasResponsibility, RESPONSIBILITY))
    g.add((UNIT, RDF.type, BKG.Agency))
    g.add((UNIT, SKOS.prefLabel, zh("测试市政务服务中心")))
    g.add((PLACE, RDF.type, BKG.Place))
    g.add((PLACE, SKOS.prefLabel, zh("测试区")))
    g.add((PLATFORM, RDF.type, BKG.Platform))
    g.add((PLATFORM, SKOS.prefLabel, zh("民生卡")))
    g.add((PLATFORM_APP, RDF.type, BKG.Platform))
    g.add((PLATFORM_APP, SKOS.prefLabel, zh("民生卡APP")))
    g.add((PLATFORM_APP, SKOS.altLabel, zh("民生卡手机应用")))
    g.add((PLATFORM_APP, BKG.partOf, PLATFORM))
    g.add((REFORM, RDF.type, BKG.Reform))
    g.add((REFORM, SKOS.prefLabel, zh("“放管服”改革")))
    g.add((POLICY, RDF.type, BKG.PolicyDocument))
    g.add((POLICY, SKOS.prefLabel, zh("《优化营商环境条例》")))
    g.add((POLICY, BKG.documentNumber, Literal("国务院令第722号")))
    # responsibility and task
    g.add((RESPONSIBILITY, RDF.type, BKG.Responsibility))
    g.add((RESPONSIBILITY, RDF.value, zh("负责推进“放管服”改革。")))
    g.add((RESPONSIBILITY, BKG.ordinal, Literal(1)))
    g.add((RESPONSIBILITY, BKG.mentions, REFORM))
    extracted(g, RESPONSIBILITY, 100, "负责推进“放管服”改革。")
    g.add((TASK, RDF.type, BKG.Task))
    g.add((TASK, RDF.value, zh("深化民生卡应用，落实《优化营商环境条例》。")))
    g.add((TASK, BKG.ordinal, Literal("（一）/1")))
    g.add((TASK, BKG.mentions, PLATFORM))
    g.add((TASK, BKG.mentions, POLICY))
    extracted(g, TASK, 200, "深化民生卡应用，落实《优化营商环境条例》。")
    # projects, target, indicator
    for project, name, wan, start in (
        (PROJECT, "民生卡运维", "100.00", 300),
        (PROJECT_2, "政务大厅租赁", "50.00", 320),
    ):
        g.add((project, RDF.type, BKG.Project))
        g.add((project, RDFS.label, zh(name)))
        g.add((project, BKG.amount, yuan(wan)))
        g.add((project, BKG.budgetUnit, UNIT))
        g.add((project, BKG.expenditureType, PROJECT_TYPE))
        extracted(g, project, start, name)
    g.add((PROJECT, BKG.funds, PLATFORM))
    g.add((PROJECT, BKG.hasPerformanceTarget, TARGET))
    g.add((TARGET, RDF.type, BKG.PerformanceTarget))
    g.add((TARGET, RDF.value, zh("民生卡系统稳定运行，群众满意率不低于95%。")))
    g.add((TARGET, BKG.hasIndicator, INDICATOR))
    g.add((TARGET, BKG.mentions, PLATFORM))
    extracted(g, TARGET, 400, "民生卡系统稳定运行，群众满意率不低于95%。")
    g.add((INDICATOR, RDF.type, BKG.Indicator))
    g.add((INDICATOR, RDFS.label, zh("群众满意率")))
    g.add((INDICATOR, BKG.targetValue, Literal(Decimal("95"), datatype=XSD.decimal)))
    g.add((INDICATOR, BKG.unit, Literal("%")))
    g.add((INDICATOR, BKG.comparator, Literal(">=")))
    extracted(g, INDICATOR, 410, "群众满意率不低于95%")
    # narrative figures and a discrepancy record
    g.add((STATED_TOTAL, RDF.type, BKG.StatedTotal))
    g.add((STATED_TOTAL, BKG.amount, yuan("300.00")))
    extracted(g, STATED_TOTAL, 500, "300.00 万元")
    g.add((HEAD_COUNT, RDF.type, BKG.HeadCount))
    g.add((HEAD_COUNT, BKG.countValue, Literal(22)))
    extracted(g, HEAD_COUNT, 520, "编制数 22 名")
    g.add((DISCREPANCY, RDF.type, BKG.Discrepancy))
    g.add((DISCREPANCY, BKG.expectedAmount, yuan("200.00")))
    g.add((DISCREPANCY, BKG.foundAmount, yuan("200.01")))
    g.add((DISCREPANCY, BKG.discrepancyKind, Literal("children_sum")))
    extracted(g, DISCREPANCY, 600, "200.00")
    # a final account's comparison of one item with its budget ("行政运行120.01万元，完成年初预算的100.01%…")
    g.add((COMPARISON, RDF.type, BKG.BudgetComparison))
    g.add((COMPARISON, RDFS.label, zh("行政运行")))
    g.add((COMPARISON, BKG.finalAmount, yuan("120.01")))
    g.add((COMPARISON, BKG.budgetAmount, yuan("120.00")))
    g.add((COMPARISON, BKG.budgetDerivation, Literal("rate")))
    g.add((COMPARISON, BKG.completionRate, Literal(Decimal("100.01"), datatype=XSD.decimal)))
    g.add((COMPARISON, BKG.varianceReason, zh("政策性调整")))
    extracted(g, COMPARISON, 640, "行政运行120.01万元")
    # tables
    titles = {1: "一般公共预算支出表", 2: "项目支出表", 3: "财政拨款支出表"}
    for t, title in titles.items():
        g.add((table(t), RDF.type, BKG.Table))
        g.add((table(t), RDF.type, QB.DataSet))
        g.add((table(t), RDFS.label, zh(title)))
        g.add((table(t), BKG.tableNumber, Literal(f"表{t}")))
        g.add((table(t), BKG.printedUnit, Literal("万元")))
        g.add((table(t), QB.structure, DSD[t]))
        extracted(g, table(t), 1000 * t, title)
    for r, code, wan in TABLE_1:
        line_item(g, 1, r, wan, offset=1000 + 10 * r, code=functional(code) if code else None, total=code is None)
    for r, name, wan in TABLE_2:
        li = line_item(
            g,
            2,
            r,
            wan,
            offset=2000 + 10 * r,
            total=name is None,
            unit=UNIT,
            funding=None,
            label=name or "测试市政务服务中心",
        )
        if name:
            g.add((li, BKG.expenditureType, PROJECT_TYPE))
    for r, code, wan in TABLE_3:
        line_item(g, 3, r, wan, offset=3000 + 10 * r, code=functional(code))
    return g
