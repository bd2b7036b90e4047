"""A bare 总计/合计 over sources of funds (nlp.headermeaning): the total's money from each source only in a table of
items spent by source (a 三公 table: 总计 | 因公出国（境）费 | 公务接待费 …, each over 一般公共预算 | 政府性基金预算);
anywhere else — an income table's 收入总计 over 一般公共预算 | 政府性基金预算 | 事业收入 — each column is the source's own
(review16 F2: read as ``total`` four times, code looking an income table's columns up by measure found none).

Header paths (top to bottom, as a ruled table's geometry gives them) and a ruled PDF built here, hand-made, in other
orders and with other total words; the 三公 cases are controls that pass before."""

from __future__ import annotations

import pytest

from nlp.placedcolumns import columns_by_place

GP, GF, SC = "一般公共预算", "政府性基金预算", "国有资本经营预算"

# (paths, title, (measure, source) of each column); the 3 cases marked failed before, and the PDF in 元 and 万元
CASES = {
    "an income table's 收入总计 over sources (failed before)": (
        [["收入总计", "合计"], ["收入总计", GP], ["收入总计", GF], ["收入总计", "事业收入"]],
        "2026年部门收入预算表",
        [
            ("total", None),
            ("general_public", "general_public"),
            ("government_fund", "government_fund"),
            ("business_income", "business_income"),
        ],
    ),
    "合计 over sources, the sources first (failed before)": (
        [["合计", "事业收入"], ["合计", "其他收入"], ["合计", GP], ["上年结转"]],
        "收入预算表",
        [
            ("business_income", "business_income"),
            ("other_income", "other_income"),
            ("general_public", "general_public"),
            ("opening_balance", None),
        ],
    ),
    "支出合计 over sources beside 支出 over a source (failed before)": (
        [["支出合计", GP], ["支出合计", SC], ["本年支出", GF]],
        "支出预算表",
        [
            ("general_public", "general_public"),
            ("state_capital", "state_capital"),
            ("government_fund", "government_fund"),
        ],
    ),
    "a 三公 table's 总计 over sources is its total by source": (
        [["总计", GP], ["总计", GF], ["公务接待费", GP], ["公务接待费", GF], ["因公出国（境）费", SC]],
        "财政拨款“三公”经费支出表",
        [
            ("total", "general_public"),
            ("total", "government_fund"),
            ("reception", "general_public"),
            ("reception", "government_fund"),
            ("outbound_travel", "state_capital"),
        ],
    ),
    "basic and project over sources: their 合计 over sources is the total by source": (
        [["合计", GP], ["合计", GF], ["基本支出", GP], ["基本支出", GF], ["项目支出", GP]],
        "支出预算表",
        [
            ("total", "general_public"),
            ("total", "government_fund"),
            ("basic", "general_public"),
            ("basic", "government_fund"),
            ("project", "general_public"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_total_over_sources_by_place(name):
    paths, title, expected = CASES[name]
    cols, _ = columns_by_place(paths, title)
    assert [(c.measure, c.funding_source if c.measure != "unknown" else None) for c in cols] == expected


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_a_pdf_income_tables_sources_hold_their_own_figures(tmp_path, unit):
    """A ruled income table, 收 入 总 计 letter-spaced over 一般公共预算 | 政府性基金预算 | 事业收入 beside 上年结转:
    each source's figure under the source (failed before: three ``total`` columns)."""
    from decimal import Decimal

    from pdfmake import Cell, make_table_pdf

    from nlp.reader import read_report

    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    head = [
        [
            Cell("科目编码", 0, rows=2),
            Cell("科目名称", 1, rows=2),
            Cell("收 入 总 计", 2, span=3),
            Cell("上年结转", 5, rows=2),
        ],
        [Cell(GP, 2), Cell(GF, 3), Cell("事业收入", 4)],
    ]
    body = [
        [Cell(t, j, align="right" if j > 1 else "left") for j, t in enumerate(row)]
        for row in (
            ["201", "一般公共服务支出", "90.00", "6.00", "4.00", "3.00"],
            ["20101", "人大事务", "90.00", "6.00", "4.00", "3.00"],
        )
    ]
    path = tmp_path / "income.pdf"
    above = ["某某局2026年部门预算", "表2 2026年部门收入预算表", f"单位：{unit}"]
    path.write_bytes(make_table_pdf([(above, head + body, [50, 90, 70, 70, 60, 60])]))
    table = next(t for t in read_report(path).tables if t.kind == "income")
    got = {c.measure: cell.value for c, cell in zip(table.columns, table.rows[0].cells) if cell is not None}
    assert got == {
        m: Decimal(v) * factor
        for m, v in [
            ("general_public", "90.00"),
            ("government_fund", "6.00"),
            ("business_income", "4.00"),
            ("opening_balance", "3.00"),
        ]
    }
