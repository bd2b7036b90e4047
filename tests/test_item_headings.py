"""What a column of a 三公 table means when its heading leans on the heading over it (nlp.headermeaning):

* a part named short under the heading of the whole — 公务用车购置及运行费 over 小计 | 购置费 | 运行费 — is that part
  (公务用车购置费, 公务用车运行费: the words they share left out), never the whole read three times;
* a source of funds under what is spent — 总计, 因公出国（境）费, 公务接待费 or 公务用车购置及运行维护费 / 小计, each over
  一般公共预算 | 政府性基金预算 | 国有资本经营预算 — is that item's money from that source, not the source's own column
  (read so, every item after the first took the same meanings again and was unknown).

Header paths (top to bottom, as a ruled table's geometry gives them) and a PDF built here (letter-spaced parts,
元 and 万元); hand-made, in other orders.  A heading that names nothing the whole has as a part stays unknown."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pdfmake import Cell, make_table_pdf

from nlp.placedcolumns import columns_by_place

TP = "“三公”经费预算数"
CAR = "公务用车购置及运行费"
CAR_KEPT = "公务用车购置及运行维护费"
GP, GF, SC = "一般公共预算", "政府性基金预算", "国有资本经营预算"

# (paths, title, (measure, source) of each column); marked: the rows that failed before (11 of 13 columns wrong)
CASES = {
    "parts named short (failed before)": (
        [
            [TP, "合计"],
            [TP, "因公出国(境)费"],
            [TP, "公务接待费"],
            [TP, CAR, "小计"],
            [TP, CAR, "购置费"],
            [TP, CAR, "运行费"],
            ["机关运行经费预算数"],
        ],
        "2026年单位“三公”经费和机关运行经费预算表",
        [
            ("three_public_total", None),
            ("outbound_travel", None),
            ("reception", None),
            ("vehicles", None),
            ("vehicle_purchase", None),
            ("vehicle_operation", None),
            ("agency_operation", None),
        ],
    ),
    "parts named short, another order (failed before)": (
        [["合计"], [CAR_KEPT, "运行维护费"], [CAR_KEPT, "购置费"], [CAR_KEPT, "小计"], ["公务接待费"]],
        "财政拨款“三公”经费支出表",
        [
            ("total", "fiscal_appropriation"),
            ("vehicle_operation", "fiscal_appropriation"),
            ("vehicle_purchase", "fiscal_appropriation"),
            ("vehicles", "fiscal_appropriation"),
            ("reception", "fiscal_appropriation"),
        ],
    ),
    "items over sources (failed before)": (
        [
            ["总计", GP],
            ["总计", GF],
            ["公务接待费", GP],
            ["公务接待费", GF],
            ["因公出国（境）费", GP],
            ["因公出国（境）费", GF],
            [CAR_KEPT, "小计", GP],
            [CAR_KEPT, "小计", GF],
            [CAR_KEPT, "公务用车购置费", GP],
            [CAR_KEPT, "公务用车运行维护费", GP],
        ],
        "财政拨款“三公”经费支出表",
        [
            ("total", "general_public"),
            ("total", "government_fund"),
            ("reception", "general_public"),
            ("reception", "government_fund"),
            ("outbound_travel", "general_public"),
            ("outbound_travel", "government_fund"),
            ("vehicles", "general_public"),
            ("vehicles", "government_fund"),
            ("vehicle_purchase", "general_public"),
            ("vehicle_operation", "general_public"),
        ],
    ),
    "spending by kind over sources (failed before)": (
        [["合计"], ["基本支出", GP], ["基本支出", GF], ["项目支出", GP], ["项目支出", SC]],
        "支出预算表",
        [
            ("total", None),
            ("basic", "general_public"),
            ("basic", "government_fund"),
            ("project", "general_public"),
            ("project", "state_capital"),
        ],
    ),
    "sources under a source or an income stay sources": (
        [["合计"], ["财政拨款", "小计"], ["财政拨款", GP], ["财政拨款", GF], ["本年收入", "事业收入"]],
        "收入预算表",
        [
            ("total", None),
            ("total", "fiscal_appropriation"),
            ("general_public", "general_public"),
            ("government_fund", "government_fund"),
            ("business_income", "business_income"),
        ],
    ),
    "a heading the whole has no part of stays unknown": (
        [["合计"], [CAR, "小计"], [CAR, "其他费"]],
        "“三公”经费支出表",
        [("total", None), ("vehicles", None), ("unknown", None)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_heading_is_read_with_the_heading_over_it(name):
    paths, title, expected = CASES[name]
    cols, _ = columns_by_place(paths, title)
    assert [(c.measure, c.funding_source if c.measure != "unknown" else None) for c in cols] == expected


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_a_pdfs_vehicle_parts_hold_their_own_figures(tmp_path, unit):
    """公务用车购置及运行费 over 小 计 | 购 置 费 | 运 行 费, a row printing 购置费 blank: each figure under its own part."""
    from nlp.reader import read_report

    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    head = [
        [Cell("“三公”经费预算数", 0, span=6), Cell("机关运行经费\n预算数", 6, rows=3)],
        [
            Cell("合计", 0, rows=2),
            Cell("因公出国(境)费", 1, rows=2),
            Cell("公务接待费", 2, rows=2),
            Cell(CAR, 3, span=3),
        ],
        [Cell("小 计", 3), Cell("购 置 费", 4), Cell("运 行 费", 5)],
    ]
    body = [
        [Cell(t, j, align="right") for j, t in enumerate(["48.00", "30.00", "6.00", "12.00", "", "12.00", "160.50"])]
    ]
    path = tmp_path / "three.pdf"
    above = ["某某局2026年部门预算", "表7 2026年“三公”经费和机关运行经费预算表", f"单位：{unit}"]
    path.write_bytes(make_table_pdf([(above, head + body, [60, 80, 60, 60, 60, 60, 80])]))
    table = next(t for t in read_report(path).tables if t.kind == "three_public")
    got = {c.measure: cell.value for c, cell in zip(table.columns, table.rows[0].cells) if cell is not None}
    assert got == {
        m: Decimal(v) * factor
        for m, v in [
            ("three_public_total", "48.00"),
            ("outbound_travel", "30.00"),
            ("reception", "6.00"),
            ("vehicles", "12.00"),
            ("vehicle_operation", "12.00"),
            ("agency_operation", "160.50"),
        ]
    }
