"""A code misprinted twice under a parent printed once (取暖费 and 物业管理费 both printed 30208 under 302): both rows
are figures the parent adds up (nlp.reconcile).  Made-up basic-expenditure tables in 万元 and 元: where the sum holds
with both rows there is no discrepancy; where the report's own sum breaks, the discrepancy states the sum of every
figure under the parent; a table printing each unit's block (the parent printed twice too) is left as before."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.reconcile import reconcile
from tests.test_reconcile import report_of

HEAD = """\
基本支出表
单位名称：某市某某局 单位：{unit}
科目编码 科目名称 合计 人员经费 公用经费
"""


def _fig(wan: str, unit: str) -> str:
    return f"{Decimal(wan) * (10000 if unit == '元' else 1):,.2f}"


def _table(unit: str, parent: str = "60.00", twice_code: str = "30208") -> str:
    rows = [
        ("合计", "100.00", "40.00", parent),
        ("301 工资福利支出", "40.00", "40.00", "0.00"),
        ("30101 基本工资", "40.00", "40.00", "0.00"),
        ("302 商品和服务支出", parent, "0.00", parent),
        ("30201 办公费", "10.00", "0.00", "10.00"),
        (f"{twice_code} 取暖费", "20.00", "0.00", "20.00"),
        (f"{twice_code} 物业管理费", "30.00", "0.00", "30.00"),
    ]
    body = "".join(f"{label} {' '.join(_fig(v, unit) for v in values)}\n" for label, *values in rows)
    return HEAD.format(unit=unit) + body + "注：本表无其他说明。\n"


def _children_sums(text: str):
    return [d for d in reconcile(report_of(text)) if d.kind == "children_sum" and "302" in d.message]


# 2 units x 2 codes: each reported 302 ≠ its children (10.00, both 30208 rows left out) before
@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("code", ["30208", "30299"])
def test_a_code_printed_twice_under_its_parent_is_two_of_its_figures(unit, code):
    assert _children_sums(_table(unit, twice_code=code)) == []


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_the_reports_own_broken_sum_states_every_figure_under_the_parent(unit):
    # 302 printed 50.00 over 10 + 20 + 30: the report's own arithmetic; the figures under it sum to 60.00, not 10.00
    found = _children_sums(_table(unit, parent="50.00"))
    assert found and all(d.found == Decimal(600000) and "3 figures" in d.message for d in found)


def test_blocks_per_unit_leave_codes_printed_twice_out():
    # control: each unit prints its own 302 over its own 30201: whose children are whose is unclear, nothing compared
    text = HEAD.format(unit="万元") + (
        "合计 20.00 0.00 20.00\n"
        "某市某某局 10.00 0.00 10.00\n"
        "302 商品和服务支出 10.00 0.00 10.00\n"
        "30201 办公费 10.00 0.00 10.00\n"
        "某市某某中心 10.00 0.00 10.00\n"
        "302 商品和服务支出 10.00 0.00 10.00\n"
        "30201 办公费 10.00 0.00 10.00\n"
    )
    assert _children_sums(text) == []
