"""The budgetkg vocabulary as an rdflib ``DefinedNamespace`` (``_fail = True``):
a typo in a term is an ``AttributeError``, and ``tests/test_ontology.py`` checks
that every term listed here is defined in ``ontology/``.

Add a term here *and* in the ontology; never rename a contract term
(docs/architecture.md, "The vocabulary contract").
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: Base of every minted resource: id/agency/…, id/report/…, id/classification/…
ID = Namespace("https://w3id.org/budgetkg/id/")

OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")


class BKG(DefinedNamespace):
    """https://w3id.org/budgetkg/ontology#"""

    _NS = Namespace("https://w3id.org/budgetkg/ontology#")
    _fail = True

    # --- classes (contract) ---
    Report: URIRef
    Agency: URIRef
    Responsibility: URIRef
    Task: URIRef
    PerformanceTarget: URIRef
    Indicator: URIRef
    Project: URIRef
    LineItem: URIRef
    Platform: URIRef
    Reform: URIRef
    PolicyDocument: URIRef
    # --- classes (extensions) ---
    Place: URIRef  # a district or city (番禺区)
    Table: URIRef  # one budget table of a report (⊑ qb:DataSet)
    StatedTotal: URIRef  # a total stated in the narrative
    HeadCount: URIRef  # a personnel or unit count
    Discrepancy: URIRef  # a place where the report's own figures don't add up
    BudgetComparison: URIRef  # a final account's comparison of one item with its budget
    BuildActivity: URIRef  # one run of `budgetkg build` (⊑ prov:Activity)
    BudgetPhase: URIRef  # class of bkg:Budget, bkg:FinalAccount, bkg:AdjustedBudget (⊑ skos:Concept)
    # --- individuals: budget phases (skos:Concept in the phase scheme) ---
    Budget: URIRef
    FinalAccount: URIRef
    AdjustedBudget: URIRef
    Execution: (
        URIRef  # 执行数: a year's spending as the next year's budget reports it (a column's phase, never a report's)
    )
    # --- properties (contract) ---
    fiscalYear: URIRef
    budgetPhase: URIRef
    reportingAgency: URIRef
    hasResponsibility: URIRef
    ordinal: URIRef
    targetValue: URIRef
    unit: URIRef
    amount: URIRef
    hasPerformanceTarget: URIRef
    funds: URIRef
    classification: URIRef
    mentions: URIRef
    evidence: URIRef
    sha256: URIRef
    # --- properties (extensions) ---
    hasTask: URIRef  # Report → Task
    hasProject: URIRef  # Report → Project
    hasTable: URIRef  # Report → Table
    hasIndicator: URIRef  # PerformanceTarget | Task → Indicator
    achievedValue: URIRef  # Indicator → xsd:decimal (决算: what was achieved)
    comparator: URIRef  # Indicator → "=" | ">=" | "<=" | ">" | "<" | "about"
    targetText: URIRef  # Indicator → its target printed in words or as a date (明显改善, 2026年12月底前) @zh
    achievedText: URIRef  # Indicator → what was achieved, printed in words or as a date @zh
    budgetUnit: URIRef  # Project | LineItem → the Agency (unit) whose money it is
    expenditureType: URIRef  # LineItem | Project → skos:Concept (基本支出, 项目支出 …)
    fundingSource: URIRef  # LineItem → skos:Concept (一般公共预算 …)
    measure: URIRef  # LineItem → skos:Concept of the column meaning (合计, 基本支出 …)
    columnHeader: URIRef  # LineItem → the column header as printed
    rowLabel: URIRef  # LineItem → the row label as printed
    rowOrder: URIRef  # LineItem → position of its row in the table
    printedAmount: URIRef  # LineItem → the amount as printed ("3,367.47")
    printedUnit: URIRef  # LineItem → the unit printed ("万元")
    tableNumber: URIRef  # Table → "表1", "公开01表"
    isTotal: URIRef  # LineItem → true for 合计/总计/小计 rows
    district: URIRef  # Agency → Place
    statedTotal: URIRef  # Report → StatedTotal
    headCount: URIRef  # Report → HeadCount
    countValue: URIRef  # HeadCount → xsd:integer
    hasDiscrepancy: URIRef  # Report → Discrepancy
    reportScope: URIRef  # Report → "本级" | "汇总", as the title qualifies the agency
    reportPart: URIRef  # Report → "tables" | "performance_targets" | "narrative": the one part a file holds
    isProse: URIRef  # Responsibility | Task → true when written as prose, not enumerated
    evidencePiece: URIRef  # evidence → oa:SpecificResource of one of its pieces (a name put together in a cell)
    hasBudgetComparison: URIRef  # Report → BudgetComparison (a final account's narrative, per item)
    budgetAmount: URIRef  # BudgetComparison → xsd:decimal (yuan): the 年初预算
    finalAmount: URIRef  # BudgetComparison → xsd:decimal (yuan): the 决算
    printedBudgetAmount: URIRef  # BudgetComparison → the budget as printed
    budgetDerivation: URIRef  # BudgetComparison → "difference" | "rate" when the budget is not printed
    completionRate: URIRef  # BudgetComparison → xsd:decimal, percent as printed
    varianceReason: URIRef  # BudgetComparison → the stated reason @zh
    expectedAmount: URIRef  # Discrepancy → xsd:decimal (yuan)
    foundAmount: URIRef  # Discrepancy → xsd:decimal (yuan)
    discrepancyKind: URIRef  # Discrepancy → "children_sum" | "unit_subtotal" | "cross_table" …
    partOf: URIRef  # Platform → Platform (民生卡APP is part of 民生卡)
    documentNumber: URIRef  # PolicyDocument → 番府办[2013]91号
    statedFigure: URIRef  # a figure the narrative states about an entity (累计发放民生卡约63.4万张)
    codeLevel: URIRef  # skos:Concept → 1 (类) | 2 (款) | 3 (项)
    validFrom: URIRef  # a code's name: first fiscal year it applies to
    validUntil: URIRef  # a code's name: last fiscal year it applies to
    attestedIn: URIRef  # a code's name: fiscal year of a report that printed it (evidence, not a bound)
    functionalClassification: URIRef  # LineItem → concept of 支出功能分类 (⊑ bkg:classification)
    economicClassification: URIRef  # LineItem → concept of 支出经济分类 (⊑ bkg:classification)
    revenueClassification: URIRef  # LineItem → concept of 收入分类 (⊑ bkg:classification)
    columnOrder: URIRef  # LineItem → position of its column among the table's value columns
    organization: URIRef  # LineItem → the Agency whose money it is (its row's budget unit, else the reporting agency)
    SummaryRow: URIRef  # one row of a named query's answer for one report, computed at build (kg.summaries)
    summaryOf: URIRef  # SummaryRow → Report
    summaryName: URIRef  # SummaryRow → the named query it answers
