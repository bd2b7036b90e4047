"""Controlled vocabulary of the table reader, as plain data.

``kg`` reads these tables to mint concept IRIs (``id/measure/<key>``,
``id/table-kind/<key>``, ``id/funding-source/<key>``); ``nlp.columns`` and
``nlp.tables`` read them to recognise what a column or a table is.  Keys are
stable: add new ones freely, never rename one.

Each entry maps a key to ``(English label, Chinese label, header phrases)``.
Header phrases are matched against column headers with all whitespace removed;
the longest phrase that matches wins (so 财政拨款收入 beats 收入).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Term(NamedTuple):
    label_en: str
    label_zh: str
    phrases: tuple[str, ...]


# 列的含义.  What a value column measures.
MEASURES: dict[str, Term] = {
    "total": Term(
        "total",
        "合计",
        (
            "合计",
            "总计",
            "小计",
            "本年收入合计",
            "本年支出合计",
            "金额",
            "采购金额",
            "支出总计",
            "收入总计",
            "支出合计",
            "收入合计",
        ),
    ),
    "basic": Term("basic expenditure", "基本支出", ("基本支出", "其中：基本支出", "其中:基本支出")),
    "personnel": Term("personnel expenses", "人员经费", ("人员经费", "人员支出")),
    "public": Term("public (operating) expenses", "公用经费", ("公用经费", "公用支出")),
    "project": Term("project expenditure", "项目支出", ("项目支出", "项目支出及其他支出")),
    "fiscal_appropriation": Term(
        "fiscal appropriation",
        "财政拨款",
        ("财政拨款", "财政拨款收入", "预算拨款", "财政拨款合计", "财政拨款支出", "本年财政拨款"),
    ),
    "general_public": Term(
        "general public budget",
        "一般公共预算",
        ("一般公共预算", "一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算支出", "公共财政预算"),
    ),
    "government_fund": Term(
        "government fund budget",
        "政府性基金预算",
        ("政府性基金预算", "政府性基金预算财政拨款", "政府性基金预算拨款", "政府性基金", "政府性基金预算支出"),
    ),
    "state_capital": Term(
        "state capital operation budget",
        "国有资本经营预算",
        ("国有资本经营预算", "国有资本经营预算财政拨款", "国有资本经营预算支出"),
    ),
    "special_account": Term(
        "fiscal special account funds",
        "财政专户管理资金",
        (
            "财政专户拨款",
            "财政专户拨款收入",
            "财政专户管理资金",
            "财政专户",
            "财政专户管理资金收入",
            "其他专户收入拨款",
            "其他专户收入",
        ),
    ),
    "education_fees": Term("education fees (special account)", "教育收费", ("教育收费",)),
    "other_funds": Term("other funds", "其他资金", ("其他资金", "其他资金收入", "其他各类资金")),
    "superior_subsidy": Term("subsidy from superior", "上级补助收入", ("上级补助收入", "上级补助")),
    "business_income": Term("business income (public institutions)", "事业收入", ("事业收入",)),
    "operating_income": Term("operating income", "经营收入", ("经营收入", "事业单位经营收入")),
    "affiliated_remittance": Term("remittance from affiliated units", "附属单位上缴收入", ("附属单位上缴收入",)),
    "other_income": Term("other income", "其他收入", ("其他收入",)),
    "fund_balance_use": Term(
        "use of institutional fund to cover deficit", "用事业基金弥补收支差额", ("用事业基金弥补收支差额",)
    ),
    # the balance of money not from the budget (事业收入, 经营收入 … left over from past years) used this year — a source
    # of income of its own, never a 财政拨款 (the longer phrase wins over the 财政拨款 inside it)
    "non_fiscal_balance_use": Term(
        "use of balances of funds other than fiscal appropriation", "使用非财政拨款结余", ("使用非财政拨款结余",)
    ),
    "operating_expense": Term("operating expenditure", "经营支出", ("经营支出", "事业单位经营支出")),
    "subsidy_to_affiliates": Term(
        "subsidy to affiliated units", "对附属单位补助支出", ("对附属单位补助支出", "对附属单位补助", "对附属单位补")
    ),
    "remit_to_superior": Term("remittance to superior", "上缴上级支出", ("上缴上级支出",)),
    "carry_forward": Term("carried forward to next year", "结转下年", ("结转下年", "年末结转和结余", "年末结转结余")),
    "opening_balance": Term(
        "balance carried over from previous year",
        "年初结转和结余",
        ("年初结转和结余", "年初结转结余", "上年结转", "上年结转结余", "上年结余、结转", "上年结余结转", "上年结余"),
    ),
    "current_income": Term("income of the year", "本年收入", ("本年收入",)),
    "current_expenditure": Term("expenditure of the year", "本年支出", ("本年支出", "当年预算")),
    "budget": Term("budget (planned) amount", "预算数", ("预算数", "年初预算数", "年初预算")),
    "final": Term("final account (actual) amount", "决算数", ("决算数",)),
    "three_public_total": Term("'three public' expenses", "“三公”经费", ("三公经费", "“三公”经费", '"三公"经费')),
    "outbound_travel": Term(
        "official travel abroad",
        "因公出国（境）费",
        ("因公出国（境）费", "因公出国(境)费", "因公出国（境）支出", "因公出国（境）费用"),
    ),
    "vehicles": Term(
        "official vehicle purchase and operation",
        "公务用车购置及运行维护费",
        ("公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车购置及运行维护支出"),
    ),
    "vehicle_purchase": Term("official vehicle purchase", "公务用车购置费", ("公务用车购置费", "公务用车购置")),
    "vehicle_operation": Term(
        "official vehicle operation", "公务用车运行维护费", ("公务用车运行费", "公务用车运行维护费")
    ),
    "reception": Term("official reception", "公务接待费", ("公务接待费", "公务接待费支出")),
    "meetings": Term("meetings", "会议费", ("会议费",)),
    # the running costs of a government body's own offices, printed beside the 三公 figures
    "agency_operation": Term("agency running costs", "机关运行经费", ("机关运行经费", "机关运行费")),
    "treasury_paid": Term(
        "paid into the treasury", "纳入预算管理已缴国库", ("纳入预算管理已缴国库小计", "纳入预算管理已缴国库")
    ),
    "special_account_paid": Term(
        "paid into the fiscal special account", "纳入财政专户管理已缴财政专户", ("纳入财政专户管理已缴财政专户小计",)
    ),
    "execution": Term(
        "executed amount (执行数) of a year, before its final account", "执行数", ("执行数", "预计执行数")
    ),
    "excl_capital_construction": Term(
        "amount excluding central capital construction investment",
        "扣除中央基建投资后",
        ("扣除中央基建投资后执行数", "扣除中央基建投资后预算数", "扣除中央基建投资后", "扣除中央基建投资"),
    ),
    "change": Term("change over the compared figure (增减额)", "增减额", ("增减额", "增减金额", "增减")),
    "procurement": Term("government procurement", "政府采购", ("政府采购项目", "政府采购预算", "政府采购")),
    "procurement_sme": Term(
        "procurement reserved for small and medium enterprises",
        "预留给中小企业的政府采购项目资金",
        (
            "政府采购项目中预留给中小企业的项目资金规模",
            "预留给中小企业的项目资金规模",
            "预留给中小企业",
            "面向中小企业预留",
        ),
    ),
    "procurement_small_micro": Term(
        "procurement reserved for small and micro enterprises",
        "预留给小型、微型企业的政府采购项目资金",
        (
            "政府采购项目中预留给小型、微型企业的项目资金规模",
            "预留给小型、微型企业的项目资金规模",
            "预留给小型、微型企业",
            "预留给小型微型企业",
            "预留给小微企业",
            "面向小微企业预留",
        ),
    ),
    "change_rate": Term(
        "rate of change in per cent (text)", "增减率", ("增减(%)", "增减（%）", "增减%", "增减率", "增长率", "增幅")
    ),
    "performance_target": Term("performance target (text)", "绩效目标", ("绩效目标",)),
    "line_number": Term("row number", "行次", ("行次",)),
    # a count of things or people (数量, 人数, 编制数 …): printed among the amounts, never one (nlp.counts)
    "quantity": Term(
        "count or quantity (no amount)",
        "数量",
        ("数量", "人数", "人次", "批次", "团组数", "辆数", "保有量", "个数"),
    ),
}

# Measures whose columns hold no amount: what a row prints under 行次 is its row number, under 绩效目标 a text —
# never money.  The one list every reader of a header starts from (nlp.columns, nlp.columnpaths, nlp.pagecolumns,
# nlp.reftables); a reader that needs more extends it where it reads.
TEXT_MEASURES: tuple[str, ...] = ("line_number", "performance_target")
# Amounts a header names in words the measures do not list (本年预算, 单价, 总价, 账面原值, 资金总额), or by a column's
# unit in yuan, which a heading cut over lines (年度资 / 金总额 / (万元)) still prints whole: a header printing one holds
# money (nlp.indicatortables: no grid of indicators; nlp.counts: its bare whole numbers may be amounts in 元).
MONEY_HEADING = re.compile(r"预算|决算|金额|资金|单价|总价|价款|原值|经费|[（(](?:万|千|亿)?元[)）]")
# Measures whose columns stand among the amounts and print a figure that counts something (车辆 辆 3, 编制数 45):
# the column takes its place in the header like any other, but its figures are never money (nlp.counts).
COUNT_MEASURES: tuple[str, ...] = ("quantity",)

# Measures that name a source of funds (资金来源); a column measuring one of these
# also carries it as ``Column.funding_source``.
FUNDING_SOURCES: dict[str, Term] = {
    key: MEASURES[key]
    for key in (
        "fiscal_appropriation",
        "general_public",
        "government_fund",
        "state_capital",
        "special_account",
        "education_fees",
        "other_funds",
        "superior_subsidy",
        "business_income",
        "operating_income",
        "affiliated_remittance",
        "other_income",
        "fund_balance_use",
        "non_fiscal_balance_use",
    )
}

# Two-level headers: a group header (first header line) whose columns are the
# sub-headers listed here (second header line).  A 合计/小计 printed just before
# the first child is the group's own subtotal column.
COLUMN_GROUPS: dict[str, tuple[str, ...]] = {
    "fiscal_appropriation": ("general_public", "government_fund", "state_capital"),
    "special_account": ("education_fees", "special_account"),
    "other_funds": ("business_income", "operating_income", "other_income"),
    "current_expenditure": ("basic", "project"),
    "general_public": ("basic", "project"),
    "government_fund": ("basic", "project"),
    "state_capital": ("basic", "project"),
    "three_public_total": ("outbound_travel", "vehicles", "reception"),
    "vehicles": ("vehicle_purchase", "vehicle_operation"),
}

# Measures that add up to the total they stand beside in a row (合计 = 基本支出 + 项目支出,
# 财政拨款 合计 = 一般公共预算 + …); 年初结转 / 本年收入 … are not plain parts of a row's total.
ROW_PARTS: frozenset[str] = frozenset(FUNDING_SOURCES) | {
    "basic",
    "project",
    "operating_expense",
    "subsidy_to_affiliates",
    "remit_to_superior",
    "carry_forward",
    "personnel",
    "public",
}

# A measure that is a part of another (其中 …): never more than it, in the same row.
MEASURE_WITHIN: dict[str, str] = {
    "procurement_sme": "procurement",
    "procurement_small_micro": "procurement_sme",  # small and micro enterprises are small and medium ones
    "personnel": "basic",
    "public": "basic",
    "education_fees": "business_income",
}

# 表的种类.  Recognised from the title (whitespace removed); first match wins,
# so more specific titles come first (政府性基金预算财政拨款收入支出决算表 is a
# government-fund table, not the 财政拨款收入支出决算总表).
TABLE_KINDS: dict[str, Term] = {
    "government_fund": Term("government fund budget", "政府性基金预算表", ("政府性基金",)),
    "state_capital": Term("state capital operation budget", "国有资本经营预算表", ("国有资本经营",)),
    "fiscal_summary": Term(
        "fiscal appropriation income and expenditure summary", "财政拨款收支总表", ("财政拨款收入支出", "财政拨款收支")
    ),
    "summary": Term(
        "income and expenditure summary",
        "收支总表",
        (
            "收入支出决算总表",
            "收入支出预算总表",
            "收支预算总表",
            "收支决算总表",
            "收支总体情况表",
            "收支总表",
            "收入支出总表",
        ),
    ),
    "three_public": Term("'three public' expenses", "“三公”经费表", ("三公",)),
    "general_public_basic": Term(
        "general public budget basic expenditure (economic)",
        "一般公共预算基本支出表",
        ("一般公共预算基本支出", "一般公共预算财政拨款基本支出"),
    ),
    "general_public_project": Term(
        "general public budget project expenditure (economic)",
        "一般公共预算项目支出表",
        ("一般公共预算项目支出", "一般公共预算财政拨款项目支出"),
    ),
    "general_public": Term(
        "general public budget expenditure", "一般公共预算支出表", ("一般公共预算支出", "一般公共预算财政拨款支出")
    ),
    "basic_by_unit": Term("basic expenditure by unit", "基本支出预算表", ("基本支出预算表", "基本支出表")),
    "projects": Term(
        "project expenditure",
        "项目支出表",
        ("项目支出及其他支出", "项目支出预算表", "项目支出总表", "项目支出表", "项目支出情况表"),
    ),
    "income": Term(
        "income",
        "收入表",
        ("收入决算表", "收入预算表", "收入预算总表", "收入决算总表", "收入总体情况表", "收入总表", "收入表"),
    ),
    "expenditure": Term(
        "expenditure",
        "支出表",
        ("支出决算表", "支出预算表", "支出预算总表", "支出决算总表", "支出总体情况表", "支出总表", "支出表"),
    ),
    "nontax_revenue": Term("non-tax revenue collection", "非税收入征缴情况表", ("非税收入",)),
    "procurement": Term("government procurement", "政府采购表", ("政府采购",)),
}

# Headings of the row labels (not value columns), whitespace removed; a piece of one wrapped
# over lines (科目编 / 码) is recognised as a head or tail of one of these.
HEADER_LABELS: tuple[str, ...] = (
    "科目编码",
    "科目代码",
    "科目名称",
    "科目",
    "编码",
    "代码",
    "名称",
    "功能分类科目编码",
    "功能分类科目名称",
    "功能分类科目",
    "经济分类科目编码",
    "经济分类科目名称",
    "经济分类科目",
    "支出经济分类科目编码",
    "支出经济分类科目名称",
    "部门预算支出经济分类科目",
    "政府预算支出经济分类科目",
    "收入分类科目",
    "项目",
    "项目名称",
    "类款项",
    "栏次",
    "行次",
    "单位名称",
    "单位代码",
    "单位编码",
    "预算单位",
    "部门名称",
    "部门编码",
    "部门（单位）代码",
    "部门（单位）名称",
    "部门(单位)代码",
    "部门(单位)名称",
    "单位（部门）名称",
    "支出项目类别",
    "项目类别",
)

# Units a table may declare, with their value in yuan.
UNITS: dict[str, int] = {"元": 1, "千元": 1000, "万元": 10000, "亿元": 100000000}
