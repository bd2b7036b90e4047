"""Tables of the real corpus: counts and figures checked by hand against corpus/*.txt."""

from decimal import Decimal

import pytest

from nlp.model import Classification, Phase
from tests.tablehelp import corpus_text, read_tables, row, table, values

W = Decimal(10000)  # yuan per 万元


@pytest.fixture(scope="module")
def reports():
    return {p: read_tables(corpus_text(p), f"{p}.txt") for p in ("000", "001", "002", "003", "004")}


# (report, table key, kind, classification, coded rows, all rows) — counted by hand in the text
TABLES = [
    # 收支总表: 收入 and 支出 rows of each printed line, totals on both sides
    ("001", "表一", "summary", Classification.NONE, 0, 48),  # 14 income + 34 expenditure
    ("002", "表1", "summary", Classification.NONE, 0, 38),  # 8 + 30
    ("003", "公开01表", "summary", Classification.NONE, 0, 35),  # 10 + 25, over three pages
    ("004", "表1", "summary", Classification.NONE, 0, 37),  # 11 + 26, over three pages
    ("001", "表二", "income", Classification.FUNCTIONAL, 26, 27),  # title lost to OCR: kind from its columns
    ("001", "表三", "expenditure", Classification.FUNCTIONAL, 26, 27),
    ("001", "表五", "general_public", Classification.FUNCTIONAL, 23, 24),
    ("001", "表六", "general_public_basic", Classification.ECONOMIC, 81, 83),  # 3 blocks side by side + 2 totals
    ("001", "表八", "government_fund", Classification.FUNCTIONAL, 3, 4),
    ("001", "表九", "nontax_revenue", Classification.REVENUE, 1, 12),  # title OCR'd (非税业文入…): kind from columns
    ("001", "表十", "procurement", Classification.NONE, 0, 4),
    ("002", "表2", "income", Classification.FUNCTIONAL, 22, 23),
    ("002", "表3", "expenditure", Classification.FUNCTIONAL, 22, 23),
    ("002", "表5", "general_public", Classification.FUNCTIONAL, 22, 23),
    ("002", "表6", "general_public_basic", Classification.ECONOMIC, 22, 23),
    ("002", "表7", "general_public_project", Classification.ECONOMIC, 23, 24),
    ("002", "表8", "three_public", Classification.NONE, 0, 7),
    ("002", "表9", "government_fund", Classification.NONE, 0, 1),
    ("002", "表11", "basic_by_unit", Classification.NONE, 0, 8),
    ("002", "表12", "projects", Classification.NONE, 0, 25),
    ("003", "公开02表", "income", Classification.FUNCTIONAL, 13, 14),  # 合计 repeated on page 2: kept once
    ("003", "公开03表", "expenditure", Classification.FUNCTIONAL, 13, 14),
    ("003", "公开05表", "general_public", Classification.FUNCTIONAL, 13, 14),
    ("003", "公开06表", "general_public_basic", Classification.ECONOMIC, 81, 83),
    ("003", "公开08表", "government_fund", Classification.FUNCTIONAL, 14, 15),
    ("004", "收入决算表", "income", Classification.FUNCTIONAL, 19, 20),
    ("004", "支出决算表", "expenditure", Classification.FUNCTIONAL, 19, 20),
    ("004", "一般公共预算财政拨款支出决算表", "general_public", Classification.FUNCTIONAL, 19, 20),
    ("004", "一般公共预算财政拨款基本支出决算表", "general_public_basic", Classification.ECONOMIC, 79, 81),
    ("004", "政府性基金预算财政拨款收入支出决算表", "government_fund", Classification.FUNCTIONAL, 14, 15),
]


@pytest.mark.parametrize("report, key, kind, cls, coded, total", TABLES)
def test_every_coded_row(reports, report, key, kind, cls, coded, total):
    t = table(reports[report][0], key)
    assert t.kind == kind
    assert t.classification is cls
    assert sum(1 for r in t.rows if r.code) == coded
    assert len(t.rows) == total
    assert t.unit == "万元"


@pytest.mark.parametrize(
    "report, numbers",
    [
        ("000", []),  # a budget text that prints no tables
        ("001", ["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十"]),
        ("002", [f"表{i}" for i in range(1, 13)]),
        ("003", [f"公开0{i}表" for i in range(1, 9)]),
        ("004", ["表1"] + [None] * 8),  # only the first table is numbered
    ],
)
def test_table_numbers(reports, report, numbers):
    assert [t.number for t in reports[report][0]] == numbers


def test_no_tables_warns(reports):
    _, _, diag, _ = reports["000"]
    assert [d.code for d in diag.items] == ["W307"]


def test_coded_row_amounts_in_yuan(reports):
    t = table(reports["001"][0], "表三")
    r = row(t, "2010304")  # printed with its 项 column damaged: 20103 | 804
    assert r.name == "专项服务" and r.level == 3
    assert values(r) == [Decimal("54.00") * W, 0, Decimal("54.00") * W, 0, 0, 0]
    assert [c.measure for c in t.columns] == [
        "total",
        "basic",
        "project",
        "remit_to_superior",
        "operating_expense",
        "subsidy_to_affiliates",
    ]
    assert row(t, "21007").name == "计划生育事务"  # ". 3" in its 项 column is a stray mark
    total = row(t, name="合计")
    assert total.is_total and total.level == 0 and total.code is None  # "357 78" beside 合计 is damage
    assert total.cells[0].printed == "3,367.47"  # printed "3, 367. 47", repaired by normalisation
    assert total.cells[0].value == Decimal("33674700.00")


def test_code_alone_name_wrapped_amounts_next_line(reports):
    _, _, _, norm = reports["002"]
    t = table(reports["002"][0], "表2")
    r = row(t, "20103")
    assert r.name == "政府办公厅（室）及相关机构事务"
    assert r.level == 2
    assert values(r)[:2] == [Decimal("6317.63") * W] * 2
    assert len(r.cells) == 12
    # the span covers the code line through the amounts line
    assert r.span.text.startswith("20103") and r.span.text.rstrip().endswith("0.00")
    assert norm.raw[r.cells[0].span.start : r.cells[0].span.end] == "6,317.63"


def test_bracketed_codes_and_wrapped_name(reports):
    t = table(reports["002"][0], "表5")
    r = row(t, "2010399")
    assert r.name == "其他政府办公厅（室）及相关机构事务支出"
    assert values(r) == [Decimal("683.82") * W, 0, Decimal("683.82") * W]
    assert [c.measure for c in t.columns] == ["total", "basic", "project"]
    assert all(c.funding_source == "general_public" for c in t.columns)


def test_two_level_header_columns(reports):
    t = table(reports["002"][0], "表2")
    assert [c.measure for c in t.columns] == [
        "total",
        "general_public",
        "government_fund",
        "state_capital",
        "education_fees",
        "special_account",
        "business_income",
        "operating_income",
        "other_income",
        "superior_subsidy",
        "affiliated_remittance",
        "fund_balance_use",
    ]


def test_side_by_side_economic_blocks(reports):
    t = table(reports["003"][0], "公开06表")
    assert values(row(t, "30313")) == [Decimal("130.11") * W]  # 人员经费 block
    assert values(row(t, "30227")) == [Decimal("16.44") * W]  # 公用经费 block, same line
    assert values(row(t, "310")) == [Decimal("1.23") * W]
    totals = [(r.name, values(r)) for r in t.rows if r.is_total]
    assert totals == [("人员经费合计", [Decimal("778.55") * W]), ("公用经费合计", [Decimal("117.74") * W])]


def test_summary_table_sides(reports):
    t = table(reports["003"][0], "公开01表")
    assert [c.side for c in t.columns] == ["income", "expenditure"]
    assert row(t, name="本年收入合计").cells[0].printed == "3,463.96"
    assert row(t, name="本年支出合计").cells[1].printed == "3,457.26"
    assert row(t, name="总计", side="income").cells[0].printed == "3,468.16"
    assert row(t, name="总计", side="expenditure").cells[1].printed == "3,468.16"
    assert row(t, name="六、其他收入").cells[0].printed == "6.74"
    assert row(t, name="六、其他收入").line_number == 6
    assert row(t, name="十二、农林水支出").side == "expenditure"  # printed after a page break
    assert sum(1 for r in t.rows if r.side == "expenditure" and r.name[:1] in "一二三四五六七八九十") == 21


def test_summary_table_without_row_numbers(reports):
    t = table(reports["002"][0], "表1")
    assert row(t, name="一、预算拨款").side == "income"
    assert row(t, name="四、公共安全支出").side == "expenditure"  # alone on its line
    assert values(row(t, name="支出总计")) == [None, Decimal("8084.71") * W]


def test_three_public_table_budget_and_final(reports):
    t = table(reports["003"][0], "公开07表")
    (r,) = t.rows
    assert len(t.columns) == 12
    assert [c.phase for c in t.columns] == [Phase.BUDGET] * 6 + [Phase.FINAL_ACCOUNT] * 6
    assert [c.measure for c in t.columns[:6]] == [
        "total",
        "outbound_travel",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    ]
    assert r.cells[0].printed == "6.00" and r.cells[6].printed == "1.65"
    t8 = table(reports["002"][0], "表8")
    assert values(row(t8, name="“三公”经费")) == [Decimal("33.00") * W, Decimal("33.00") * W, 0, 0]
    assert values(row(t8, name="1.公务用车购置费"))[0] == Decimal("20.00") * W


def test_revenue_code_and_small_amount(reports):
    t = table(reports["001"][0], "表九")
    r = row(t, "103070599")
    assert r.name == "其他利息收入" and r.level == 4
    assert values(r) == [Decimal("500.00"), Decimal("500.00"), 0]


def test_ocr_garbage_is_warned_never_a_number(reports):
    tables, _, diag, _ = reports["001"]
    t = table(tables, "表九")
    # "一、政府性基金收入 T 0.00 0.00 0.00": the T sits in the empty 栏次 column
    assert values(row(t, name="一、政府性基金收入")) == [0, 0, 0]
    w301 = [d for d in diag.items if d.code == "W301"]
    assert {d.line for d in w301} >= {300, 307, 278}
    assert all("is not a number" in d.message for d in w301)
    # 表七 is one flattened line; the stray "2042" before its column numbers is not taken as an amount
    t7 = table(tables, "表七")
    printed = [c.printed for r in t7.rows for c in r.cells if c]
    assert "2042" not in printed
    assert printed == [
        "13.70",
        "6.00",
        "4.20",
        "0.00",
        "4.20",
        "3.50",
        "8.00",
        "12.00",
        "6.00",
        "4.17",
        "0.00",
        "4.17",
        "1.84",
        "7.48",
    ]


def test_spans_point_at_the_raw_text(reports):
    for prefix in ("001", "002", "003", "004"):
        tables, _, _, norm = reports[prefix]
        for t in tables:
            for r in t.rows:
                for c in r.cells:
                    if c is not None:
                        raw = norm.raw[c.span.start : c.span.end]
                        assert raw == c.span.text
                        assert raw.replace(" ", "") == c.printed  # "3, 367. 47" in the raw file


@pytest.mark.parametrize(
    "printed, yuan", [("(0.84)", Decimal("-8400")), ("-0.84", Decimal("-8400")), ("—", None), ("-", None)]
)
def test_negative_and_dash_cells(printed, yuan):
    text = corpus_text("004").replace("30240\t税金及附加费用\t0.84", f"30240\t税金及附加费用\t{printed}", 1)
    tables, _, diag, _ = read_tables(text)
    r = row(table(tables, "一般公共预算财政拨款基本支出决算表"), "30240")
    assert values(r) == [yuan]
    assert not [d for d in diag.items if d.code == "W301"]  # a dash is "nothing printed", not garbage


def test_ocr_damaged_headers_repaired_only_when_unambiguous(reports):
    from nlp.columns import repair_header

    t4 = table(reports["001"][0], "表四")  # header printed as 政府但基金预算財政抵款
    assert [(c.side, c.measure) for c in t4.columns] == [
        ("income", "total"),
        ("expenditure", "total"),
        ("expenditure", "general_public"),
        ("expenditure", "government_fund"),
    ]
    t8 = table(reports["001"][0], "表八")  # 年初结转 / 年末结转和 / 和结余 split by OCR
    assert [c.measure for c in t8.columns] == [
        "opening_balance",
        "current_income",
        "current_expenditure",
        "basic",
        "project",
        "carry_forward",
    ]
    assert repair_header("政府但基金预算財政抵款") == "政府性基金预算财政拨款"
    assert repair_header("图6年目(後)会文章") == "图6年目(後)会文章"  # nothing close: left alone
    assert repair_header("公务用主助車文出") == "公务用主助車文出"


def test_unit_inside_a_column_header_and_inline_text():
    # the layout of 002's 重点项目 list, as a table of its own
    text = "表5 重点项目情况表\n项目 预算数（单位：万元） 绩效目标\n合计 3,951.47\n业务办公用房经费 2,499.38 为番禺区建设一体化的智慧大厅。\n“数字政府”建设专项资金 1,452.09 保障区政务基础信息平台运维。\n"
    tables, _, diag, _ = read_tables(text)
    (t,) = tables
    assert t.unit == "万元" and [(c.measure, c.phase) for c in t.columns] == [("total", Phase.BUDGET)]
    assert [(r.name, values(r), r.text) for r in t.rows] == [
        ("合计", [Decimal("3951.47") * W], None),
        ("业务办公用房经费", [Decimal("2499.38") * W], "为番禺区建设一体化的智慧大厅。"),
        ("“数字政府”建设专项资金", [Decimal("1452.09") * W], "保障区政务基础信息平台运维。"),
    ]
    assert diag.items == []
