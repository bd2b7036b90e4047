"""The report → RDF mapping as data: one :class:`NodeMap` per kind of node (docs/rdf-shape.md is the contract).

In the spirit of R2RML / morph-kgc (the language is :mod:`kg.maplanguage`'s): a node map names its *logical
source* (which model items, in document order), an *IRI template*, its classes, its *fields* (model field →
property, through a converter) and how it hangs off the graph (which node points at it, with which property).
:mod:`kg.mapping` interprets the table;
nothing here adds a triple by itself.  To map something new, add a rule to a field table or a node map to
:data:`NODE_MAPS` (and a line to docs/rdf-shape.md).

Template placeholders are the item's variables: ``{i}`` (1-based order of the item in its source) and whatever
the source adds.  A variable holding an :class:`Iri` (``{report}``, ``{table}`` …) is inserted as it is; any
other value is one path segment (:func:`kg.iri.segment`).  A rule's field is a dotted path read from the
item's variables first, then from the model object.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg import cube, iri
from kg.maplanguage import (
    Iri,
    Item,
    NodeMap,
    R,
    amount_value,
    boolean,
    concept_of,
    decimal,
    each,
    gyear,
    integer,
    node,
    one_line_zh,
    phase,
    string,
    zh,
)
from kg.namespace import BKG, OA, ORG, QB, SCHEMA
from nlp.model import Classification
from nlp.vocab import FUNDING_SOURCES

PHASE_LABEL = {"budget": "部门预算", "final_account": "部门决算", "adjusted_budget": "调整预算", "execution": "执行数"}


# --- field tables ----------------------------------------------------------------------------------

SDMX_UNIT_MEASURE = cube.SDMX_ATTRIBUTE + "unitMeasure"
SDMX_UNIT_MULT = cube.SDMX_ATTRIBUTE + "unitMult"

# fmt: off
REPORT_FIELDS = (
    R("fiscal_year", BKG.fiscalYear, gyear),
    R("phase", BKG.budgetPhase, phase),
    R("source.name", DCTERMS.source, string),
    R("source.sha256", BKG.sha256, string),
    R("label", RDFS.label, zh),
    R("source_file", PROV.wasDerivedFrom, node),
    R("build", PROV.wasGeneratedBy, node),
    R("agency_node", BKG.reportingAgency, node),
    R("agency_scope", BKG.reportScope, zh),  # 本级 / 汇总
    R("part", BKG.reportPart, string),  # the file holds only the tables / the performance targets / the narrative
    R("whole", DCTERMS.isPartOf, node),  # … of this report (other files hold its other parts)
)
SOURCE_FILE_FIELDS = (
    R("name", DCTERMS.title, string),
    R("sha256", BKG.sha256, string),
    R("encoding", SCHEMA.encodingFormat, string),
    R("n_chars", SCHEMA.contentSize, integer),
    R("media_type", DCTERMS.format, string),  # what the file is (detected from its bytes): application/pdf, text/html …
    R("pages", SCHEMA.numberOfPages, integer),  # of a PDF
)
# fmt: on
UNIT_FIELDS = (R("kind", DCTERMS.type, zh),)


def prose(enumerated: Any) -> ox.Literal | None:
    """``bkg:isProse true`` for a text the report writes as prose; nothing for an enumerated item."""
    return boolean(True) if enumerated is False else None


# fmt: off
RESPONSIBILITY_FIELDS = (
    R("text", RDF.value, zh),
    R("ordinal", BKG.ordinal, integer),
    R("enumerated", BKG.isProse, prose),
)
TASK_FIELDS = (
    R("text", RDF.value, zh),
    R("ordinal", BKG.ordinal, string),  # the path of enumerators as printed: "（一）/1."
    R("section_kind", DCTERMS.type, string),
    R("enumerated", BKG.isProse, prose),
)
TARGET_FIELDS = (
    R("text", RDF.value, zh),
    R("achieved", SCHEMA.result, zh),  # 决算: 完成情况 as stated
)
TABLE_FIELDS = (
    R("title", RDFS.label, zh),
    R("label", RDFS.label, zh, when=lambda it: not it.obj.title),  # the title could not be read: its number
    R("number", BKG.tableNumber, string),
    R("unit", BKG.printedUnit, string),
    R("kind", DCTERMS.type, string),
    R("classification", DCTERMS.subject, string),  # which code list the rows use
    R("structure", QB.structure, node),  # the Data Cube structure of its kind (kg.cube)
    R("currency", SDMX_UNIT_MEASURE, node),  # bkg:amount is in yuan …
    R("multiplier", SDMX_UNIT_MULT, integer),  # … times 10^0, whatever the report printed
)
AMOUNT_FIELDS = (  # per cell (LineItem) and per project amount
    R("value", BKG.amount, decimal),
    R("printed", BKG.printedAmount, string),
    R("unit", BKG.printedUnit, string),
)
LINE_ITEM_FIELDS = (
    *(R("amount." + r.field, r.predicate, r.convert) for r in AMOUNT_FIELDS),
    R("table", QB.dataSet, node),
    R("row.name", BKG.rowLabel, string),
    R("row.is_total", BKG.isTotal, boolean),
    R("column.header", BKG.columnHeader, string),
    R("column.measure", BKG.measure, concept_of("measure")),
    R("code", BKG.classification, node),
    R("unit_agency", BKG.budgetUnit, node),
    # the Data Cube dimensions of the table's structure (kg.cube): every one has a value, a declared code
    # (total / not applicable) where it does not split the figure
    R("row_order", BKG.rowOrder, integer),
    R("column_order", BKG.columnOrder, integer),
    R("phase", BKG.budgetPhase, phase),  # the figure's: its column's (预算数 beside 决算数 in a 决算), else the report's
    R("year", BKG.fiscalYear, gyear),  # the figure's: its column's when the header prints one, else the report's
    R("organization", BKG.organization, node),
    R("functional", BKG.functionalClassification, node),
    R("economic", BKG.economicClassification, node),
    R("revenue", BKG.revenueClassification, node),
    R("funding_source", BKG.fundingSource, node),
    R("expenditure_type", BKG.expenditureType, node),
)
PROJECT_FIELDS = (
    R("name", RDFS.label, zh),
    R("amount", BKG.amount, amount_value),
    R("table_number", BKG.tableNumber, string),
    R("unit_agency", BKG.budgetUnit, node),
)
PROJECT_AMOUNT_FIELDS = (
    *AMOUNT_FIELDS,
    R("measure", BKG.measure, concept_of("measure")),
    R("expenditure_type", BKG.expenditureType, concept_of("expenditure-type")),
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
# fmt: on
# The budget and the final amount each on a property of its own (bkg:budgetAmount / bkg:finalAmount): which
# figure is which never depends on a dimension (cf. the phase of a line item).
# fmt: off
BUDGET_COMPARISON_FIELDS = (
    R("item", RDFS.label, zh),
    R("i", BKG.ordinal, integer),  # order in the narrative
    R("code", BKG.classification, node),
    R("final.value", BKG.finalAmount, decimal),
    R("final.printed", BKG.printedAmount, string),
    R("final.unit", BKG.printedUnit, string),
    R("budget", BKG.budgetAmount, decimal),
    R("budget_printed.printed", BKG.printedBudgetAmount, string),
    R("budget_derived", BKG.budgetDerivation, string),
    R("rate", BKG.completionRate, decimal),
    R("reason", BKG.varianceReason, zh),
    R("year", BKG.fiscalYear, gyear),
)
INDICATOR_FIELDS = (
    R("name", RDFS.label, zh),
    R("span.text", RDFS.label, one_line_zh, when=lambda it: not it.obj.name),  # no name found: its printed text
    R("unit", BKG.unit, string),
    R("comparator", BKG.comparator, string),
    R("value", BKG.targetValue, decimal, when=lambda it: not it.obj.achieved),
    R("value", BKG.achievedValue, decimal, when=lambda it: it.obj.achieved),
    R("text", BKG.targetText, zh, when=lambda it: not it.obj.achieved),  # a value in words or a date
    R("text", BKG.achievedText, zh, when=lambda it: it.obj.achieved),
    R("amount.printed", BKG.printedAmount, string),  # a cost: its amount as printed (value in yuan)
    R("amount.unit", BKG.printedUnit, string),
)
MENTION_FIELDS = (
    R("source", DCTERMS.type, string),  # gazetteer | pattern | ner | propagated
    R("label", SCHEMA.additionalType, string),
    R("entity", OA.hasBody, node),
    R("motivation", OA.motivatedBy, node),
)
# fmt: on

#: What a column's meaning says about the kind of expenditure (基本支出 / 项目支出 …).
EXPENDITURE_TYPE_OF_MEASURE = {"basic": "basic", "project": "project", "personnel": "personnel", "public": "operating"}

#: Column meanings whose figures are all kinds of expenditure together: a 合计 column, a year's expenditure,
#: a phase's total, the money of one source (basic and project alike).
ALL_EXPENDITURE_MEASURES = {"total", "current_expenditure", "budget", "final", *FUNDING_SOURCES}

#: Column meanings that name no concept (the reader could not tell what the column is).
UNMAPPED_MEASURES = {"unknown", "", None}

#: Entity label of a mention → class.  Mentions labelled "Indicator" become bkg:Indicator nodes via links instead.
# fmt: off
ENTITY_CLASS = {
    "Platform": BKG.Platform,
    "Reform": BKG.Reform,
    "PolicyDocument": BKG.PolicyDocument,
    "Agency": BKG.Agency,
    "Place": BKG.Place,
}
# fmt: on

#: Link predicate (nlp.model.Link) → RDF property.
#: ("states": a figure the narrative states about an entity — 累计发放民生卡约63.4万张 — the entity has that indicator.)
LINK_PREDICATE = {
    "funds": BKG.funds,
    "mentions": BKG.mentions,
    "has_indicator": BKG.hasIndicator,
    "states": BKG.hasIndicator,
}

#: Table code list → concept scheme folder under id/classification/.
SCHEME_OF = {
    Classification.FUNCTIONAL: "functional",
    Classification.ECONOMIC: "economic",
    Classification.REVENUE: "revenue",
}


# --- logical sources (the model items, with the variables their templates need) ----------------------


def report_node(m) -> Iterator[Item]:
    rep = m.report
    label = " ".join(
        str(x)
        for x in (rep.agency_as_printed, rep.fiscal_year, PHASE_LABEL.get(rep.phase.value) if rep.phase else None)
        if x
    )
    yield Item(
        rep,
        {
            "label": label or rep.source.name,
            "source_file": Iri(iri.source_file(rep.source.sha256)),
            "build": m.build,
            "agency_node": m.agency(rep.agency) if rep.agency else None,
            "whole": m.whole,
        },
    )


def source_file(m) -> Iterator[Item]:
    yield Item(m.report.source, {"source": Iri(iri.source_file(m.report.source.sha256))})


def reporting_agency(m) -> Iterator[Item]:
    """The agency the report is of: its short name and its district."""
    rep = m.report
    if rep.agency:
        short = rep.agency_short if rep.agency_short != rep.agency else None
        yield Item(
            rep,
            {
                "node": Iri(m.agency(rep.agency)),
                "short": short,
                "place": Iri(m.place(rep.district)) if rep.district else None,
            },
        )


def units(m) -> Iterator[Item]:
    """The agency's units; a unit other than the agency itself is its org:hasSubOrganization."""
    rep = m.report
    top = m.agency(rep.agency) if rep.agency else None
    for unit in rep.units:
        u = m.agency(unit.name)
        sub = top and u != top and not unit.is_agency
        yield Item(unit, {"node": Iri(u), "parent": Iri(top) if sub else None})


def _unit_name(m, name: str | None) -> str:
    return name or m.report.agency or "_"


def responsibilities(m) -> Iterator[Item]:
    for i, resp in enumerate(m.report.responsibilities, 1):
        unit = _unit_name(m, resp.unit_name)
        yield Item(resp, {"i": i, "unit": unit, "ordinal": str(resp.ordinal), "unit_agency": Iri(m.agency(unit))})


def line_items(m) -> Iterator[Item]:
    """One item per printed amount of a table column the reader could name (its measure), with a value for
    every dimension of its table's Data Cube structure (kg.cube)."""
    rep = m.report
    agency = Iri(m.agency(rep.agency)) if rep.agency else None
    for t, table in enumerate(rep.tables, 1):
        ts = Iri(m.nodes["tables"][t - 1])
        scheme = SCHEME_OF.get(table.classification)
        dims = cube.dimensions(table.kind, scheme)
        keys, unique = [], iri.Unique()
        for col in table.columns:
            key = col.measure or f"column-{col.index + 1}"
            if col.phase is not None and col.phase != rep.phase:
                key += "-" + iri.PHASE_SEGMENT[col.phase.value]
            keys.append(unique(key))
        for n, row in enumerate(table.rows, 1):
            unit = Iri(m.agency(row.unit_name)) if row.unit_name else None
            code = Iri(m.code(scheme, row.code)) if scheme and row.code else None
            row_code = code or (cube.TOTAL if row.is_total else cube.NOT_APPLICABLE)
            for col, key, cell in zip(table.columns, keys, row.cells):
                if cell is None:
                    continue
                if col.measure in UNMAPPED_MEASURES:  # a column the reader could not name: no concept to state
                    m.count("unmapped_cells")
                    continue
                source = iri.concept("funding-source", col.funding_source) if col.funding_source else None
                kind = EXPENDITURE_TYPE_OF_MEASURE.get(col.measure)
                kind_iri = iri.concept("expenditure-type", kind) if kind else None
                if "expenditureType" in dims and kind_iri is None:
                    kind_iri = cube.TOTAL if col.measure in ALL_EXPENDITURE_MEASURES else cube.NOT_APPLICABLE
                yield Item(
                    cell,
                    {
                        "table": ts,
                        "row": row,
                        "column": col,
                        "amount": cell,
                        "n": n,
                        "key": key,
                        "row_order": n,
                        "column_order": col.index + 1,
                        "code": code,
                        "unit_agency": unit,
                        "phase": col.phase or rep.phase,
                        "year": col.year or rep.fiscal_year,
                        "organization": unit or agency,
                        "functional": row_code if scheme == "functional" else None,
                        "economic": row_code if scheme == "economic" else None,
                        "revenue": row_code if scheme == "revenue" else None,
                        "funding_source": source or (cube.TOTAL if "fundingSource" in dims else None),
                        "expenditure_type": kind_iri,
                    },
                )


def codes(m) -> Iterator[Item]:
    """The codes the report prints, as concepts of their code list (a code list may not know every code)."""
    for (scheme, code), concept in m.codes.items():
        yield Item(code, {"node": Iri(concept), "scheme": Iri(f"{iri.BASE}classification/{scheme}"), "notation": code})


def projects(m) -> Iterator[Item]:
    for i, project in enumerate(m.report.projects, 1):
        unit = _unit_name(m, project.unit_name)
        yield Item(project, {"i": i, "unit": unit, "name": project.name, "unit_agency": Iri(m.agency(unit))})


def project_amounts(m) -> Iterator[Item]:
    for project, p in zip(m.report.projects, m.nodes["projects"]):
        for measure, amount in sorted(project.cells.items()):
            yield Item(
                amount,
                {"project": Iri(p), "measure": measure, "expenditure_type": EXPENDITURE_TYPE_OF_MEASURE.get(measure)},
            )


def targets(m) -> Iterator[Item]:
    """A 绩效目标: of its project when the project is known (``{project}/target``), else of the report.

    A project's own target (project table) first; then the narrative's, which go to the project they name
    when its place is free, else under the report (``{report}/target/{i}``, i = order in the narrative's).
    """
    rep = m.report
    placed: set[str] = set()
    attached: set[int] = set()
    projects = m.nodes["projects"]
    for n, (project, p) in enumerate(zip(rep.projects, projects), 1):
        if project.target is not None:
            placed.add(p + "/target")
            attached.add(id(project.target))
            yield Item(project.target, {"node": Iri(p + "/target"), "owner": Iri(p), "project": n})
    for i, target in enumerate(rep.performance_targets, 1):
        if id(target) in attached:
            continue
        n = rep.project_named(target.project_name)  # None when no project, or several, bear the name
        owner = projects[n - 1] if n else None
        free = owner is not None and owner + "/target" not in placed
        s = f"{owner}/target" if free else iri.child(m.iri, "target", i)
        placed.add(s)
        yield Item(target, {"node": Iri(s), "owner": Iri(owner or m.iri), "project": n if free else None})


def budget_comparisons(m) -> Iterator[Item]:
    rep = m.report
    for i, cmp in enumerate(rep.budget_comparisons, 1):
        code = Iri(iri.classification("functional", cmp.code)) if cmp.code else None
        yield Item(cmp, {"i": i, "code": code, "year": rep.fiscal_year})


def mentions(m) -> Iterator[Item]:
    """Mentions become annotations of canonical entities (resolved through the resolver)."""
    for i, mention in enumerate(m.report.mentions, 1):
        if mention.label not in ENTITY_CLASS:
            continue
        yield Item(mention, {"i": i, "entity": Iri(m.entity(mention)), "motivation": Iri(OA.identifying)})


# --- the table ---------------------------------------------------------------------------------------

REPORT = "{report}"

# fmt: off
NODE_MAPS: tuple[NodeMap, ...] = (
    NodeMap("reports", report_node, REPORT, (BKG.Report,), REPORT_FIELDS, evidence=False),
    NodeMap("source_files", source_file, "{source}", (PROV.Entity,), SOURCE_FILE_FIELDS, evidence=False),
    NodeMap("agency", reporting_agency, "{node}", (), (R("short", SKOS.altLabel, zh), R("place", BKG.district, node)),
            evidence=False),
    NodeMap("units", units, "{node}", (), UNIT_FIELDS, hang=("{parent}", ORG.hasSubOrganization), evidence=False),
    NodeMap("responsibilities", responsibilities, "{report}/responsibility/{unit}/{ordinal}", (BKG.Responsibility,),
            RESPONSIBILITY_FIELDS, hang=("{unit_agency}", BKG.hasResponsibility), key="responsibility:{i}",
            text=True, unique=("ordinal",)),
    NodeMap("tasks", each("tasks"), "{report}/task/{i}", (BKG.Task,), TASK_FIELDS, hang=(REPORT, BKG.hasTask),
            key="task:{i}", text=True),
    NodeMap("headcounts", each("headcounts"), "{report}/head-count/{i}", (BKG.HeadCount,), HEADCOUNT_FIELDS,
            hang=(REPORT, BKG.headCount)),
    NodeMap("stated_totals", each("stated_totals"), "{report}/stated-total/{i}", (BKG.StatedTotal,),
            STATED_TOTAL_FIELDS, hang=(REPORT, BKG.statedTotal)),
    NodeMap("discrepancies", each("discrepancies"), "{report}/discrepancy/{i}", (BKG.Discrepancy,),
            DISCREPANCY_FIELDS, hang=(REPORT, BKG.hasDiscrepancy)),
    NodeMap("budget_comparisons", budget_comparisons, "{report}/budget-comparison/{i}", (BKG.BudgetComparison,),
            BUDGET_COMPARISON_FIELDS, hang=(REPORT, BKG.hasBudgetComparison)),
    NodeMap("indicators", each("indicators"), "{report}/indicator/{i}", (BKG.Indicator,), INDICATOR_FIELDS,
            key="indicator:{i}"),
    NodeMap("tables", lambda m: (Item(t, {"i": i, "label": t.number or f"表{i}", "currency": Iri(cube.CURRENCY),
                                          "multiplier": 0,
                                          "structure": Iri(cube.dsd(t.kind, SCHEME_OF.get(t.classification)))})
                                 for i, t in enumerate(m.report.tables, 1)),
            "{report}/table/{i}", (BKG.Table, QB.DataSet), TABLE_FIELDS, hang=(REPORT, BKG.hasTable)),
    NodeMap("line_items", line_items, "{table}/row/{n}/{key}", (BKG.LineItem, QB.Observation), LINE_ITEM_FIELDS),
    NodeMap("codes", codes, "{node}", (SKOS.Concept,), (R("scheme", SKOS.inScheme, node), R("notation", SKOS.notation, string)),
            evidence=False),
    NodeMap("projects", projects, "{report}/project/{unit}/{name}", (BKG.Project,), PROJECT_FIELDS,
            hang=(REPORT, BKG.hasProject), key="project:{i}", text=True, unique=("unit", "name")),
    NodeMap("project_amounts", project_amounts, "{project}/amount/{measure}", (SCHEMA.MonetaryAmount,),
            PROJECT_AMOUNT_FIELDS, hang=("{project}", DCTERMS.hasPart)),
    NodeMap("performance_targets", targets, "{node}", (BKG.PerformanceTarget,), TARGET_FIELDS,
            hang=("{owner}", BKG.hasPerformanceTarget), key="target:{project}", text=True),
    NodeMap("mentions", mentions, "{report}/mention/{i}", (OA.Annotation,), MENTION_FIELDS,
            marks=(BKG.mentions, "entity")),
)
# fmt: on
