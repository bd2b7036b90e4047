"""The report model: plain dataclasses, the ONLY thing ``kg`` receives from ``nlp``.

Everything here is data.  No RDF, no spaCy.  Every extracted fact carries a
:class:`Span` in code points of the *raw* decoded source file, so the graph can
point at the exact characters a figure or a sentence came from.

Amounts are :class:`decimal.Decimal` in yuan (元) from the moment they are parsed;
``Amount.printed`` and ``Amount.unit`` keep what the report actually printed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class Phase(str, enum.Enum):
    """Budget phase of a report (OpenBudgets.eu "budget phase")."""

    BUDGET = "budget"  # 预算
    FINAL_ACCOUNT = "final_account"  # 决算
    ADJUSTED_BUDGET = "adjusted_budget"  # 调整预算
    EXECUTION = "execution"  # 执行数: a year's spending as the next year's budget reports it, before its 决算


class Severity(str, enum.Enum):
    ERROR = "error"  # the file could not be read as a report
    WARNING = "warning"  # something was skipped or looks wrong; nothing was invented
    INFO = "info"


class Classification(str, enum.Enum):
    """Which 政府收支分类科目 code list a table's codes belong to."""

    FUNCTIONAL = "functional"  # 支出功能分类: 类 3 digits, 款 5, 项 7
    ECONOMIC = "economic"  # 支出经济分类: 类 3, 款 5
    REVENUE = "revenue"  # 收入分类 (e.g. 103070599 in 非税收入 tables)
    NONE = "none"  # rows carry no code (三公经费, 收支总表 …)


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` in the raw decoded source file.

    ``text`` is exactly ``raw[start:end]`` (useful as ``oa:exact``); ``line`` is the
    1-based line number of ``start`` in the raw file, for error messages.
    """

    start: int
    end: int
    text: str
    line: int = 0
    # A laid-out source (PDF): where the characters stand — the union of their boxes on the page of the first
    # boxed one (a span over a page break is shown on its first page).  Not part of equality: the same
    # characters are the same span, however they were printed.
    box: Box | None = field(default=None, compare=False, metadata={"omit_if_none": True})


@dataclass(frozen=True)
class Box:
    """Where a character or a run of characters stands on a page of a laid-out source (PDF).

    ``page`` is 1-based; coordinates are PDF points from the page's top-left corner
    (``top`` < ``bottom``), the convention of RFC 8118's ``viewrect``.
    """

    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(
            self.page,
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True)
class Grid:
    """A ruled table on a page of a laid-out source (PDF): the cells its ruling lines enclose, each
    ``(x0, top, x1, bottom)`` in the coordinates of :class:`Box` (:mod:`nlp.sources.rulings`)."""

    page: int
    cells: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True)
class SourceFile:
    path: str  # as given on the command line
    name: str  # file name only (dcterms:source)
    sha256: str  # of the raw bytes
    encoding: str  # detected encoding, e.g. "utf-8", "gb18030", "utf-16" ("" for PDF, DOCX, XLSX)
    n_chars: int  # length of the decoded (for PDF … the extracted) text in code points
    media_type: str = "text/plain"  # what the file is: application/pdf, text/html … (detected from its bytes)
    pages: int | None = None  # pages of a PDF


@dataclass
class Diagnostic:
    """An error or warning about the source, always naming file and line."""

    severity: Severity
    code: str  # stable code from nlp.errors, e.g. "W102"
    message: str
    file: str
    line: int = 0
    span: Span | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity.value} {self.code}: {self.message}"


@dataclass
class Amount:
    """One printed amount, converted to yuan exactly.

    ``value`` is in yuan (元): an amount printed as ``3,367.47`` under ``单位：万元``
    has ``printed="3,367.47"``, ``unit="万元"``, ``value=Decimal("33674700.00")``.
    """

    value: Decimal
    printed: str
    unit: str  # "元" | "万元" | "亿元" | "千元"
    span: Span


@dataclass
class Section:
    """One node of the section tree (第X部分 / 一、/ （一） / 1. / (1) / ①)."""

    level: int  # 0 = 第X部分, 1 = 一、, 2 = （一）, 3 = 1., 4 = (1), 5 = ①
    marker: str  # the enumerator as printed: "第一部分", "一、", "（一）" …
    title: str  # heading text without the marker
    kind: str | None  # standard section kind, see nlp.headingwords.SECTION_KINDS; None = other
    span: Span  # the heading
    body: Span | None = None  # heading to the start of the next sibling-or-higher
    children: list[Section] = field(default_factory=list)


@dataclass
class Column:
    """A value column of a table, with what it means."""

    index: int  # 0-based among the value columns
    header: str  # header text as printed (joined over wrapped header lines)
    measure: str  # normalised meaning, see nlp.columns.MEASURES ("total", "basic", "project" …)
    funding_source: str | None = None  # "general_public" | "government_fund" | … (see ontology)
    phase: Phase | None = None  # for tables with 预算数 and 决算数 side by side
    side: str | None = None  # 收支总表: "income" (收入) or "expenditure" (支出) half of the table
    year: int | None = (
        None  # the fiscal year its figures refer to when the header prints one (2025年预算数); None: the report's
    )
    # a measure key the header qualifies the figure by, in brackets (增减额 … （扣除中央基建投资）)
    qualifier: str | None = field(default=None, metadata={"omit_if_none": True})


@dataclass
class TableRow:
    """One row of a table; ``cells[i]`` is the amount of value column ``i``.

    A cell is ``None`` where the report printed nothing (or printed garbage, which
    is reported as a warning and never turned into a number).
    """

    code: str | None  # classification code, digits only ("2010301"), or None
    name: str  # row label as printed, wrapped lines joined, indentation removed
    level: int  # depth in the code hierarchy or indentation: 0 = 合计/总计, 1 = 类 …
    cells: list[Amount | None]
    span: Span
    is_total: bool = False  # 合计 / 总计 / 小计 rows
    unit_name: str | None = None  # budget unit a row belongs to (tables grouped by unit)
    side: str | None = None  # 收支总表: "income" or "expenditure"
    line_number: int | None = None  # the 行次 printed in the row, if any
    text: str | None = None  # a text column (绩效目标) of the row, wrapped lines joined
    # reading only: how many of ``cells`` (the first ones) were printed wrapped inside their cell,
    # above and below the row's line, so that their order among the others is not in the text
    _wrapped: int = field(default=0, repr=False, compare=False)


@dataclass
class Table:
    number: str | None  # as printed: "表1", "表一", "公开01表", "预算01表" …
    title: str  # "一般公共预算支出情况表（按功能分类科目）"
    unit: str  # unit the table declares: "万元" | "元"
    classification: Classification
    columns: list[Column]
    rows: list[TableRow]
    span: Span
    kind: str | None = None  # normalised table kind, see nlp.vocab.TABLE_KINDS
    number_span: Span | None = None  # where the table number is printed


@dataclass
class Responsibility:
    """One item of 主要职责 / 主要职能 of the agency or one of its units."""

    unit_name: str  # full name of the agency or unit the item belongs to
    ordinal: int  # 1-based as printed (（一） → 1); a paragraph's position among the unit's paragraphs
    text: str  # normalised text, wrapped lines joined
    span: Span
    # False: the report writes its responsibilities as prose, not as a list; ``text`` is one
    # whole paragraph of it, stored as printed rather than cut into items nobody numbered
    enumerated: bool = True


@dataclass
class Task:
    """One item of 重点工作 / 主要工作任务 / 工作完成情况 / 工作要点."""

    ordinal: str  # path of enumerators, e.g. "（一）/1."; "" for prose
    text: str
    span: Span
    section_kind: str | None = None  # "key_work", "work_done", "work_plan" …
    # False: the section writes its work as prose, enumerating nothing; ``text`` is all of it
    enumerated: bool = True


@dataclass
class PerformanceTarget:
    """A 绩效目标 text: of a project (project_name set) or of the department."""

    text: str
    span: Span
    project_name: str | None = None
    achieved: str | None = None  # 决算: what was achieved (完成情况), if stated
    achieved_span: Span | None = None
    # A target printed in a column beside what was achieved (a self-evaluation form, nlp.projectforms): ``span``
    # runs from its first to its last character, the other column's pieces inside; ``pieces`` are the spans of its
    # own pieces, line by line, in order (None: the span is the target's); ``achieved_pieces`` the same for it.
    pieces: list[Span] | None = field(default=None, metadata={"omit_if_none": True})
    achieved_pieces: list[Span] | None = field(default=None, metadata={"omit_if_none": True})
    # where the target's project is named when that is not a table's row: an evaluation report's title
    # (nlp.evaluatedprojects)
    project_span: Span | None = field(default=None, metadata={"omit_if_none": True})


@dataclass
class Project:
    """A 项目支出 item of the project expenditure table."""

    name: str
    unit_name: str | None  # budget unit (资金使用单位) the project sits under
    amount: Amount | None  # the project's total (总计/合计 column)
    cells: dict[str, Amount]  # other columns by measure key
    span: Span
    target: PerformanceTarget | None = None
    table_number: str | None = None


@dataclass
class Unit:
    """The agency itself or one of its budget units (预算单位 / 决算单位)."""

    name: str
    kind: str | None  # 行政单位, 事业单位, 公益一类事业单位, 参公 …
    span: Span | None
    is_agency: bool = False


@dataclass
class HeadCount:
    """A personnel or unit count stated in the text (编制数 22 名, 在职实有人数 45 人)."""

    label: str
    value: int
    unit: str  # 名 | 人 | 个
    span: Span


@dataclass
class StatedTotal:
    """A total stated in the narrative: "2018 年部门收支总预算 2,097.62 万元"."""

    label: str  # the phrase naming the figure, e.g. "部门收支总预算"
    amount: Amount
    span: Span  # the whole clause
    section_kind: str | None = None


@dataclass
class BudgetComparison:
    """The final account's own comparison of one item with its budget, as its narrative states it
    (nlp.comparisons): "行政运行200.57万元,完成年初预算的113.00%…预决算产生差异的主要原因是政策性调整".

    ``final`` is the 决算 amount as printed.  ``budget`` (yuan) is the 年初预算: as printed when
    ``budget_printed`` is set; stated as nothing by "未有年初预算" (``budget_stated_none``); else derived
    from printed figures, ``budget_derived`` saying how — "difference" (final less the stated increase,
    exact) or "rate" (final ÷ rate, exact only to the precision the final amount is printed in).
    """

    item: str  # the item as printed: "行政运行", "公务接待费", "一般公共预算财政拨款支出"
    final: Amount
    span: Span  # the statement, from the item's name to the rate
    path: tuple[str, ...] = ()  # 类 / 款 names printed before the item ("一般公共服务", "政府办公厅（室）…")
    code: str | None = None  # functional classification code, when the report's tables name the item
    budget: Decimal | None = None
    budget_printed: Amount | None = None
    budget_derived: str | None = None  # None (printed or stated) | "difference" | "rate"
    budget_stated_none: bool = False
    rate: Decimal | None = None  # 完成年初预算的 113.00% → Decimal("113.00") (percent, as printed)
    rate_span: Span | None = None
    reason: str | None = None  # 预决算产生差异的主要原因, as stated
    reason_span: Span | None = None


@dataclass
class Discrepancy:
    """A place where a report's own figures don't add up (found by reconciliation)."""

    kind: str  # "children_sum" | "column_sum" | "unit_subtotal" | "cross_table" | "narrative_vs_table"
    message: str
    expected: Decimal  # in yuan
    found: Decimal  # in yuan
    span: Span
    table_number: str | None = None
    line: int = 0


@dataclass(frozen=True)
class GazetteerEntry:
    """A known entity of the gazetteer (ontology/gazetteer.ttl), handed to nlp as data.

    ``kg.gazetteer`` reads the RDF into these; nlp never sees RDF.  An alt label with
    a ``scope`` (a district such as 番禺区) applies only in reports of that district:
    区政数局 is 广州市番禺区政务服务数据管理局 in a Panyu report, another bureau elsewhere.
    """

    id: str  # stable local name, e.g. "agency/panyu-zsj"
    label: str  # "Agency" | "Platform" | "Reform" | "PolicyDocument" | "Place"
    pref_label: str  # canonical name (skos:prefLabel@zh)
    alt_labels: tuple[str, ...] = ()  # unscoped alternative names
    scoped_alt_labels: tuple[tuple[str, str], ...] = ()  # (district, alt label)
    part_of: str | None = None  # id of the entity this is part of (民生卡APP → 民生卡)


@dataclass
class Mention:
    """An entity named in the text (filled by nlp.entities)."""

    text: str
    label: str  # "Agency" | "Platform" | "Reform" | "PolicyDocument" | "Indicator" | "Place"
    span: Span
    canonical: str | None = None  # canonical name (gazetteer prefLabel) when resolved
    source: str = "pattern"  # "gazetteer" | "pattern" | "ner" | "propagated" (nlp.propagation)
    # A name the table reader put together from pieces of one cell, with other cells printed between them (a
    # project's name wrapped around its line of amounts): ``span`` runs from its first to its last character, the
    # other cells inside it; ``pieces`` are the spans of its own characters, in order (None: the span is the name's).
    pieces: list[Span] | None = field(default=None, metadata={"omit_if_none": True})


@dataclass
class Indicator:
    """A measurable indicator with a value: 满意率达99.95%, 不低于95%, 23台; in a table of indicators also a cost
    (项目总成本 ≤45万元: ``value`` in yuan, unit 元, ``amount`` as printed) or a value printed in words or as a date
    (服务环境 明显改善, 完成时间 2026年12月底前: ``value`` None, ``text`` as printed)."""

    name: str
    value: Decimal | None  # None: the value is printed in words or as a date (``text``)
    unit: str
    comparator: str  # "=" | ">=" | "<=" | ">" | "<" | "about"
    span: Span
    achieved: bool = False  # stated as achieved (决算) rather than targeted
    # a cost indicator's target as printed (45, 万元); ``value`` is then that amount in yuan and ``unit`` 元
    amount: Amount | None = field(default=None, metadata={"omit_if_none": True})
    # the value as printed when it is no number: words (明显改善, 不超过预算) or a date (2026年12月底前)
    text: str | None = field(default=None, metadata={"omit_if_none": True})


@dataclass
class Link:
    """A relation between extracted things (filled by nlp.relations).

    ``subject`` and ``object`` are keys by stable position in the report, never by name (two units may
    print projects of the same name): "project:<i>", "responsibility:<i>", "task:<i>", "indicator:<i>"
    (1-based order in ``Report.projects`` / ``.responsibilities`` / ``.tasks`` / ``.indicators``),
    "target:<i>" (the 绩效目标 of project i) and "entity:<canonical>" (an entity is its canonical name).
    """

    subject: str
    predicate: str  # "funds" | "mentions" | "has_indicator" | "states"
    object: str
    span: Span | None = None


@dataclass
class Report:
    source: SourceFile
    agency: str | None  # full name, detected from the text
    agency_short: str | None  # short name used in the text (番禺区政务办, 区政数局)
    agency_span: Span | None
    district: str | None  # 番禺区 …
    fiscal_year: int | None
    fiscal_year_span: Span | None
    phase: Phase | None
    phase_span: Span | None
    sections: list[Section] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    performance_targets: list[PerformanceTarget] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    headcounts: list[HeadCount] = field(default_factory=list)
    stated_totals: list[StatedTotal] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    budget_comparisons: list[BudgetComparison] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # 本级 (the agency alone) or 汇总 (with its units), printed after the name: "长春市信访局（本级）".
    # ``agency`` is the organisation's name without it, so a 本级 and a 汇总 report of one agency
    # name one agency; the report keeps the qualifier (see :attr:`agency_as_printed`).
    agency_scope: str | None = None
    agency_scope_span: Span | None = None
    # None: the file holds the whole report.  Else the one part of the agency-year report it holds, the others
    # published as other files: "tables", "performance_targets" (项目支出绩效目标表) or "narrative" (nlp.parts)
    part: str | None = None

    @property
    def agency_as_printed(self) -> str | None:
        """The agency as the report's title prints it, qualifier included: "长春市信访局（本级）"."""
        if self.agency is None or not self.agency_scope:
            return self.agency
        return f"{self.agency}（{self.agency_scope}）"

    def project_named(self, name: str | None) -> int | None:
        """1-based index of the one project called ``name`` (a narrative names a project by its name);
        None when no project has that name, or more than one does (in different units: ambiguous)."""
        found = [i for i, p in enumerate(self.projects, 1) if name and p.name == name]
        return found[0] if len(found) == 1 else None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]
