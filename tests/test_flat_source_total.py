"""A source's total printed flat before its own parts — 总计 | 财政拨款合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 |
财政专户拨款 | 其他资金, no heading over them — is that source's total (nlp.headermeaning), as 财政拨款 over 合计 is: the row's
total sums it, or its parts, never both.  Read as the fiscal appropriation, one more part beside its own parts, every
row came out twice its total (表12 合计: 50.00 万元 but the 6 figures under it sum to 100.00 万元).  Where no part follows,
财政拨款合计 stays the fiscal appropriation (tests/test_pdf_header_sums.py).

Hand-made tables as text (the header read by nlp.headergrid) in 元 and 万元, under two row-label headings, and as a
ruled table's header paths: 3 of 6 fail on main at e5c3c8c (the 科目名称 tables, the ruled 财政拨款合计); the
支出项目类别（资金使用单位） tables were read by the phrases there, and fail once that label is set aside as a row-label
heading without this; 财政拨款小计 (two words) is a control."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.placedcolumns import columns_by_place
from nlp.reconcile import reconcile
from tests.test_reconcile import report_of

HEAD = "总计 财政拨款合计 一般公共预算 政府性基金预算 国有资本经营预算 财政专户拨款 其他资金"
MEANINGS = ["total", "total", "general_public", "government_fund", "state_capital", "special_account", "other_funds"]
ROWS = [
    ("合计", ["50.00", "45.00", "40.00", "5.00", "0.00", "3.00", "2.00"]),
    ("某市某某局", ["20.00", "20.00", "20.00", "0.00", "0.00", "0.00", "0.00"]),
    ("某项目", ["20.00", "20.00", "20.00", "0.00", "0.00", "0.00", "0.00"]),
    ("某市气象台", ["30.00", "25.00", "20.00", "5.00", "0.00", "3.00", "2.00"]),
    ("气象观测设备维护维持", ["30.00", "25.00", "20.00", "5.00", "0.00", "3.00", "2.00"]),
]


def _text(label: str, unit: str) -> str:
    factor = 100 if unit == "元" else 1
    body = [f"{name} " + " ".join(f"{Decimal(v) * factor:,.2f}" for v in figures) for name, figures in ROWS]
    return (
        "\n".join(
            [
                "表12",
                "部门预算项目支出及其他支出预算表",
                f"单位名称：某市某某局 单位：{unit}",
                f"{label} {HEAD}",
                *body,
                "注：无。",
            ]
        )
        + "\n"
    )


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("label", ["科目名称", "支出项目类别（资金使用单位）"])
def test_a_flat_source_total_is_no_part_beside_its_parts(label, unit):
    r = report_of(_text(label, unit))
    (t,) = r.tables
    assert [c.measure for c in t.columns] == MEANINGS
    assert t.columns[1].funding_source == "fiscal_appropriation"
    assert [d.message for d in reconcile(r)] == []


@pytest.mark.parametrize(
    "paths",
    [
        [[h] for h in HEAD.split()],
        [
            ["总计"],
            ["财政拨款小计"],
            ["一般公共预算"],
            ["政府性基金预算"],
            ["国有资本经营预算"],
            ["财政专户拨款"],
            ["其他资金"],
        ],
    ],
    ids=["财政拨款合计", "财政拨款小计"],
)
def test_a_ruled_flat_source_total(paths):
    cols, sums = columns_by_place(paths, "部门预算项目支出及其他支出预算表")
    assert [c.measure for c in cols] == MEANINGS
    assert sums is not None and all(1 not in parts or 2 not in parts for _, parts in sums)
