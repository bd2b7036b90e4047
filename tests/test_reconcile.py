"""Reconciliation on the real corpus and on copies with one figure changed."""

from decimal import Decimal

import pytest

from nlp.amounts import parse_amount
from nlp.discrepancy import quantum, tolerance
from nlp.model import Amount, Report, SourceFile, Span
from nlp.reconcile import reconcile
from tests.tablehelp import corpus_text, read_tables

W = Decimal(10000)


def report_of(text: str, name: str = "r.txt") -> Report:
    tables, projects, _, _ = read_tables(text, name)
    r = Report(SourceFile(name, name, "", "utf-8", len(text)), None, None, None, None, None, None, None, None)
    r.tables, r.projects = tables, projects
    return r


def mutate(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_corpus_reconciles(prefix):
    # Checked by hand: every sum in these five reports holds to within the rounding of
    # the printed figures (尾数误差), so no report has a discrepancy beyond tolerance.
    assert reconcile(report_of(corpus_text(prefix))) == []


# The reports' own rounding differences (within tolerance, reported as INFO W404),
# each verified by hand from the printed figures.
ROUNDING = [
    # 003 公开06表: 301 工资福利支出 523.91; its 款 67.54+109.97+52.60+35.50+258.31 = 523.92
    ("003", 514, "301 工资福利支出"),
    # 003 公开06表: 303 对个人和家庭的补助 254.64; 10.93+42.71+130.11+70.88 = 254.63
    ("003", 534, "303 对个人和家庭的补助"),
    # 004 支出决算表: 合计 1303.92; 类 1152.17+17.64+43.60+24.96+65.54 = 1303.91
    ("004", 178, "支出决算表 合计 (本年支出合计)"),
    # 001 表二: 22102 住房改革支出 95.97; 40.39+55.59 = 95.98
    ("001", 142, "22102 住房改革支出 (本年收入合计)"),
    # 002 表2: 合计 8,084.71; 类 6,317.63+1,452.09+154.17+42.56+118.25 = 8,084.70
    ("002", 272, "表2 合计 (合计)"),
]


@pytest.mark.parametrize("prefix, line, where", ROUNDING)
def test_rounding_differences_are_noted_not_hidden(prefix, line, where):
    r = report_of(corpus_text(prefix))
    assert reconcile(r) == []
    notes = [d for d in r.diagnostics if d.code == "W404" and d.line == line]
    assert any(where in d.message and "0.01 万元" in d.message for d in notes), [d.message for d in notes]


def test_child_changed_breaks_its_parent():
    text = mutate(corpus_text("002"), "2010301 　　行政运行 606.74 606.74", "2010301 　　行政运行 616.74 616.74")
    ds = reconcile(report_of(text))
    at = [d for d in ds if d.kind == "children_sum" and d.table_number == "表2"]
    assert {(d.expected, d.found) for d in at} == {(Decimal("6317.63") * W, Decimal("6327.63") * W)}
    assert len(at) == 2  # 合计 column and 一般公共预算 column of the 20103 row
    assert all(d.line == 280 and d.span.text == "6,317.63" for d in at)  # the parent row's figure (its code is on 276)


def test_project_changed_breaks_its_unit_subtotal():
    text = mutate(corpus_text("002"), "免费刻章 407.54", "免费刻章 417.54")
    ds = reconcile(report_of(text))
    (d,) = [d for d in ds if d.kind == "unit_subtotal"]
    assert d.table_number == "表12"
    assert d.expected == Decimal("6028.01") * W and d.found == Decimal("6038.01") * W
    assert "广州市番禺区政务服务数据管理局本级" in d.message


def test_same_total_differs_between_tables():
    text = mutate(corpus_text("003"), "本年支出合计 47 3,457.26", "本年支出合计 47 3,457.96")
    ds = reconcile(report_of(text))
    (d,) = [d for d in ds if d.kind == "cross_table"]
    assert d.expected == Decimal("3457.96") * W and d.found == Decimal("3457.26") * W
    assert d.table_number == "公开03表"


@pytest.mark.parametrize("printed, broken", [("545.02", False), ("545.03", False), ("545.04", True), ("545.05", True)])
def test_tolerance_boundary(printed, broken):
    # 004 20103 = 1164.44 over three 项 (545.01 + 485.94 + 133.49): tolerance (3+1)/2 × 0.01 万元
    text = mutate(corpus_text("004"), "2010301\t行政运行\t545.01\t545.01", f"2010301\t行政运行\t{printed}\t{printed}")
    ds = [d for d in reconcile(report_of(text)) if d.kind == "children_sum" and "20103 " in d.message]
    assert bool(ds) is broken


def test_tolerance_follows_printed_precision():
    def amt(p, unit):
        return Amount(parse_amount(p, unit), p, unit, Span(0, 0, ""))

    assert quantum(amt("0.00", "万元")) == Decimal(100)
    assert quantum(amt("0.00", "元")) == Decimal("0.01")
    assert quantum(amt("12", "元")) == Decimal(1)
    assert tolerance([amt("1.00", "万元")] * 4) == Decimal(200)


def test_narrative_total_against_the_table():
    from nlp import read_report_bytes

    text = mutate(corpus_text("003"), "2.项目支出 2,560.97 万元", "2.项目支出 2,506.97 万元")
    r = read_report_bytes(text.encode("utf-8"), "003-variant.txt")
    (d,) = r.discrepancies
    assert d.kind == "narrative_vs_table" and d.table_number == "公开03表"
    assert d.found == Decimal("2506.97") * W and d.expected == Decimal("2560.97") * W
    assert d.span.text.startswith("2,506.97")  # the figure as stated in the text


def test_row_total_against_its_columns():
    # 002 表3 2010302: 合计 4,665.36 = 基本支出 0.00 + 项目支出 4,665.36 + …; change only 项目支出
    text = mutate(
        corpus_text("002"),
        "2010302 　　一般行政管理事务 4,665.36 0.00 4,665.36",
        "2010302 　　一般行政管理事务 4,665.36 0.00 4,656.36",
    )
    ds = [d for d in reconcile(report_of(text)) if d.kind == "column_sum"]
    (d,) = ds
    assert d.table_number == "表3" and "2010302" in d.message
    assert d.expected == Decimal("4665.36") * W and d.found == Decimal("4656.36") * W


def test_group_subtotal_column():
    # 002 表11: 财政拨款 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算
    text = mutate(corpus_text("002"), "　　工资福利支出 669.80 669.80 669.80", "　　工资福利支出 669.80 669.80 669.08")
    kinds = sorted(d.kind for d in reconcile(report_of(text)))
    # the changed 一般公共预算 cell breaks its group subtotal and the unit's sum of that column
    assert kinds == ["children_sum", "column_sum"]


def test_summary_income_item_against_the_income_table():
    text = mutate(corpus_text("003"), "六、其他收入 6 6.74", "六、其他收入 6 6.47")
    (d,) = reconcile(report_of(text))
    assert d.kind == "cross_table" and d.table_number == "公开02表"
    assert d.expected == Decimal("6.47") * W and d.found == Decimal("6.74") * W  # 合计 row, 其他收入 column


def test_one_rounding_rule_for_reconcile_placement_and_validation():
    """nlp.rounding is the one definition: reconcile, placement and kg.validate give the same tolerance."""
    from kg.validate import ROUNDING_STEP_YUAN, rounding_tolerance
    from nlp import rounding
    from nlp.tablearithmetic import row_adds_up
    from nlp.vocab import UNITS

    def amt(p, unit):
        return Amount(parse_amount(p, unit), p, unit, Span(0, 0, ""))

    assert {u: Decimal("0.01") * f for u, f in UNITS.items()} == ROUNDING_STEP_YUAN
    for n in range(1, 8):
        figures = [amt("1.00", "万元")] * (n + 1)
        assert (
            tolerance(figures) == rounding_tolerance(n, "万元") == rounding.rounding_tolerance([Decimal(100)] * (n + 1))
        )
    # placement accepts exactly what reconcile tolerates: 3 children missing their parent by 2 steps
    parent, kids = amt("10.02", "万元"), [amt("3.00", "万元"), amt("3.00", "万元"), amt("4.00", "万元")]
    assert tolerance([parent, *kids]) == Decimal(200)
    assert row_adds_up([parent, *kids], (0, 1, 2, 3), [(0, [1, 2, 3])])
    assert not row_adds_up([amt("10.03", "万元"), *kids], (0, 1, 2, 3), [(0, [1, 2, 3])])
