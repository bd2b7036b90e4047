"""Each 类 of the 收支总表 against the 支出表 (nlp.restated), in made-up reports: a 支出表 that lists the classes under
each of its units prints a 类 once per unit, and the department's figure is the sum of those printings; a 类 printed
once is compared with that one figure; a summary that differs from the sum stays a discrepancy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.reconcile import reconcile
from tests.test_reconcile import report_of

SUMMARY = """\
表1
收支总体情况表
单位名称：某市某某局 单位：{unit}
收入 支出
项目 预算 项目 预算
一、预算拨款 {t} 一、一般公共服务支出 {c201}
二、财政专户拨款 0.00 二、教育支出 {c205}
三、其他资金 0.00 三、住房保障支出 {c221}
本年收入合计 {t} 本年支出合计 {t}
收入总计 {t} 支出总计 {t}
"""
HEAD = """\
表3
支出总体情况表
单位名称：某市某某局 单位：{unit}
科目编码 科目名称 合计 基本支出 项目支出
"""
# per unit: (name, {类: (合计, 基本, 项目)}) in 万元; every 类 has one 款 and one 项 of the same figures
UNITS = [
    (
        "某市某某局（本级）",
        {"201": ("40.00", "15.00", "25.00"), "205": ("10.00", "10.00", "0.00"), "221": ("20.00", "20.00", "0.00")},
    ),
    ("某市某某服务中心", {"201": ("20.00", "15.00", "5.00"), "221": ("10.00", "10.00", "0.00")}),
    ("某市某某监测站", {"201": ("0.50", "0.50", "0.00"), "221": ("0.25", "0.25", "0.00")}),
]
NAMES = {
    "201": ("一般公共服务支出", "20101", "人大事务", "2010101", "行政运行"),
    "205": ("教育支出", "20508", "进修及培训", "2050803", "培训支出"),
    "221": ("住房保障支出", "22102", "住房改革支出", "2210201", "住房公积金"),
}


def fig(wan: Decimal | str, unit: str) -> str:
    return f"{Decimal(wan) * (10000 if unit == '元' else 1):,.2f}"


def report_text(units: list, unit: str = "万元", heading: bool = True, summary: dict[str, str] | None = None) -> str:
    """A 收支总表 and a 支出表 listing the classes under each unit (a heading row for the department first)."""
    sums = {c: sum((Decimal(u[1][c][0]) for u in units if c in u[1]), Decimal(0)) for c in NAMES}
    total = sum(sums.values(), Decimal(0))
    given = {c: fig(sums[c], unit) for c in NAMES} | (summary or {})
    text = SUMMARY.format(unit=unit, t=fig(total, unit), **{f"c{c}": v for c, v in given.items()})
    text += HEAD.format(unit=unit)
    if heading:
        basic = sum((Decimal(v[1]) for u in units for v in u[1].values()), Decimal(0))
        text += f"某市某某局 {fig(total, unit)} {fig(basic, unit)} {fig(total - basic, unit)}\n"
    for name, classes in units:
        figures = [sum((Decimal(v[i]) for v in classes.values()), Decimal(0)) for i in range(3)]
        if len(units) > 1:
            text += f"{name} " + " ".join(fig(f, unit) for f in figures) + "\n"
        for c, vals in classes.items():
            row = " ".join(fig(v, unit) for v in vals)
            lei, kuan, kuan_name, xiang, xiang_name = NAMES[c]
            text += f"{c} {lei} {row}\n{kuan} {kuan_name} {row}\n{xiang} {xiang_name} {row}\n"
    return text


def cross(text: str) -> list:
    return [d for d in reconcile(report_of(text)) if d.kind == "cross_table"]


@pytest.mark.parametrize("unit", ["万元", "元"], ids=["wan", "yuan"])
@pytest.mark.parametrize("n", [2, 3])
@pytest.mark.parametrize("heading", [True, False], ids=["department-row", "units-only"])
def test_classes_printed_once_per_unit_are_summed(n, unit, heading):
    text = report_text(UNITS[:n], unit, heading)
    assert reconcile(report_of(text)) == []


def test_a_class_printed_once_is_compared_with_that_figure():
    # 教育支出 is printed under the first unit only; a single-unit table prints each class once
    assert cross(report_text(UNITS[:2])) == []
    assert cross(report_text(UNITS[:1])) == []
    (d,) = cross(report_text(UNITS[:1], summary={"205": "11.00"}))
    assert "(205)" in d.message and d.found == Decimal("10.00") * 10000 and d.expected == Decimal("11.00") * 10000


@pytest.mark.parametrize("printed, broken", [("60.50", False), ("60.52", False), ("60.53", True), ("60.75", True)])
def test_a_summary_that_differs_from_the_sum_stays_flagged(printed, broken):
    # 201 over three units: 40.00 + 20.00 + 0.50 = 60.50; four printed figures, tolerance (3+1)/2 × 0.01 万元
    ds = cross(report_text(UNITS, summary={"201": printed}))
    assert bool(ds) is broken
    if broken:
        (d,) = ds
        assert "(201)" in d.message and d.found == Decimal("60.50") * 10000
        assert d.span.text == "40.00"  # the first printing: where the reader can be sent to look
