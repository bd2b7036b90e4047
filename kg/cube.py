"""The RDF Data Cube structure of the budget tables: one data structure definition per table kind.

A table (``bkg:Table``, a ``qb:DataSet``) is read by the W3C RDF Data Cube rules
(https://www.w3.org/TR/vocab-data-cube/): its ``qb:structure`` names the dimensions every one of its line
items (``qb:Observation``) has a value for, the measure (``bkg:amount``, in yuan) and the attributes.  One
structure per table kind (nlp.vocab.TABLE_KINDS; ``other`` for a table the reader could not name) and code
list (the classification its rows use), with exactly the dimensions that kind has:

* every table: the cell's place (row and column order), the column's meaning (``bkg:measure``), the phase
  and fiscal year the figure refers to (a 决算 prints 预算数 beside 决算数), and the organisation whose money it
  is (the row's budget unit, else the reporting agency);
* a coded table: its classification dimension (functional, economic or revenue);
* a table whose columns split the money by source or by kind of expenditure: ``bkg:fundingSource`` /
  ``bkg:expenditureType``.

Where a dimension of the structure does not apply to a cell, the cell says so with a declared code rather
than a gap: :data:`TOTAL` (a 合计 row or column: all codes, all sources, all kinds together) or
:data:`NOT_APPLICABLE` (a row without a code that is no total; a column of income, which has no kind of
expenditure).  ontology/datacube.ttl is generated from this module (scripts/gen_datacube.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.namespace import BKG, ID

QB_NS = "http://purl.org/linked-data/cube#"
SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Declared codes for a dimension that does not apply to a cell (SDMX's _T and _Z).
TOTAL = f"{ID}code/total"
NOT_APPLICABLE = f"{ID}code/not-applicable"

#: The unit of bkg:amount (yuan, renminbi), as the OpenBudgets.eu currency code list names it.
CURRENCY = "http://data.openbudgets.eu/resource/codelist/currency/CNY"


@dataclass(frozen=True)
class Component:
    name: str  # local name of the component specification (id/dsd/component/{name})
    kind: str  # "dimension" | "measure" | "attribute"
    prop: str  # the component property
    order: int | None = None  # qb:order of a dimension
    required: bool = True  # attributes: qb:componentRequired
    attachment: str | None = None  # attributes: qb:componentAttachment (qb:DataSet: stated on the table)


def _d(name: str, prop: str, order: int) -> Component:
    return Component(name, "dimension", prop, order)


#: Every component any structure uses, in qb:order (dimensions) and then measure and attributes.
COMPONENTS: dict[str, Component] = {
    c.name: c
    for c in (
        _d("rowOrder", BKG.rowOrder, 1),
        _d("columnOrder", BKG.columnOrder, 2),
        _d("measure", BKG.measure, 3),
        _d("functionalClassification", BKG.functionalClassification, 4),
        _d("economicClassification", BKG.economicClassification, 5),
        _d("revenueClassification", BKG.revenueClassification, 6),
        _d("budgetPhase", BKG.budgetPhase, 7),
        _d("fiscalYear", BKG.fiscalYear, 8),
        _d("organization", BKG.organization, 9),
        _d("fundingSource", BKG.fundingSource, 10),
        _d("expenditureType", BKG.expenditureType, 11),
        Component("amount", "measure", BKG.amount),
        Component("printedUnit", "attribute", BKG.printedUnit),  # the unit the report printed (万元)
        Component("printedAmount", "attribute", BKG.printedAmount, required=False),
        Component("rowLabel", "attribute", BKG.rowLabel, required=False),
        Component("columnHeader", "attribute", BKG.columnHeader, required=False),
        Component("isTotal", "attribute", BKG.isTotal, required=False),
        # bkg:amount is in yuan whatever the report printed: the unit of measure and a multiplier of 10^0
        Component("unitMeasure", "attribute", SDMX_ATTRIBUTE + "unitMeasure", attachment=QB_NS + "DataSet"),
        Component("unitMult", "attribute", SDMX_ATTRIBUTE + "unitMult", attachment=QB_NS + "DataSet"),
    )
}

#: Dimensions and components of every structure.
COMMON = (
    "rowOrder",
    "columnOrder",
    "measure",
    "budgetPhase",
    "fiscalYear",
    "organization",
    "amount",
    "printedUnit",
    "printedAmount",
    "rowLabel",
    "columnHeader",
    "isTotal",
    "unitMeasure",
    "unitMult",
)

#: Code list (nlp.model.Classification value) → its classification dimension.
CODE_DIMENSION = {
    "functional": "functionalClassification",
    "economic": "economicClassification",
    "revenue": "revenueClassification",
}

#: Table kind → the dimensions that split its money beyond row, column, phase, year and organisation.
KIND_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "summary": (),  # 收支总表: income and expenditure items as rows, no split by source or kind
    "fiscal_summary": ("fundingSource",),
    "income": ("fundingSource",),  # one column per source of income; income has no kind of expenditure
    "expenditure": ("expenditureType",),  # 基本支出 / 项目支出 columns, whatever the source
    "general_public": ("fundingSource", "expenditureType"),
    "general_public_basic": ("fundingSource", "expenditureType"),
    "general_public_project": ("fundingSource", "expenditureType"),
    "government_fund": ("fundingSource", "expenditureType"),
    "state_capital": ("fundingSource", "expenditureType"),
    "basic_by_unit": ("fundingSource", "expenditureType"),
    "projects": ("fundingSource", "expenditureType"),
    "three_public": ("fundingSource",),  # “三公”经费 by source (一般公共预算 / 政府性基金 …), not by kind
    "nontax_revenue": (),
    "procurement": ("fundingSource",),
    "other": ("fundingSource", "expenditureType"),  # a table the reader could not name: every split possible
}

CODE_LISTS = ("none", "functional", "economic", "revenue")


def dsd(kind: str | None, code_list: str | None) -> str:
    """``id/dsd/{kind}`` (no codes) or ``id/dsd/{kind}/{code list}``."""
    kind = kind if kind in KIND_DIMENSIONS else "other"
    code_list = code_list if code_list in CODE_DIMENSION else "none"
    return f"{ID}dsd/{kind}" + ("" if code_list == "none" else f"/{code_list}")


def components(kind: str | None, code_list: str | None) -> tuple[Component, ...]:
    """The components of a table kind's structure, dimensions in qb:order."""
    kind = kind if kind in KIND_DIMENSIONS else "other"
    names = set(COMMON) | set(KIND_DIMENSIONS[kind])
    if code_list in CODE_DIMENSION:
        names.add(CODE_DIMENSION[code_list])
    return tuple(c for c in COMPONENTS.values() if c.name in names)


def dimensions(kind: str | None, code_list: str | None) -> frozenset[str]:
    return frozenset(c.name for c in components(kind, code_list) if c.kind == "dimension")


def component_spec(name: str) -> str:
    return f"{ID}dsd/component/{name}"
