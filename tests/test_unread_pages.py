"""A table on a page the PDF could not be read whole (W113: characters neither PDFium nor pdfminer recovered) is
not reported as complete: W315 names the table, the page and its rows there, and a discrepancy found in it says
that a figure may be lost (nlp.unreadpages).  Constructed PDFs in a font no installed font stands in for, a lone
figure's character left out of its ToUnicode map (tests/pdfmake.py), beside the same PDF read whole."""

from __future__ import annotations

import pytest

from nlp.reader import read_report
from tests.pdfmake import Cell, make_table_pdf


def page(unit: str, figures: list[tuple[str, str, str, str]]) -> tuple[list[str], list[list[Cell]], list[float]]:
    head = [Cell("科目编码", 0), Cell("科目名称", 1), Cell("合计", 2), Cell("基本支出", 3), Cell("项目支出", 4)]
    rows = [
        [Cell(code, 0), Cell(name, 1), *(Cell(f, 2 + i, align="right") for i, f in enumerate(figs))]
        for code, name, *figs in figures
    ]  # type: ignore[misc]
    return (["某某局2026年部门预算", "表1 部门支出总表", f"单位：{unit}"], [head, *rows], [60, 120, 70, 70, 70])


# (unit, rows as (code, name, 合计, 基本支出, 项目支出)); a lone 5 is the one figure the page may lose
ALL_ROWS = (
    "元",
    [
        ("201", "一般公共服务支出", "15", "10", "5"),
        ("2010101", "行政运行", "15", "10", "5"),
        ("合计", "", "15", "10", "5"),
    ],
)
A_CHILD = (
    "万元",
    [
        ("201", "一般公共服务支出", "25", "20", "5"),
        ("20101", "人大事务", "25", "20", "5"),
        ("2010101", "行政运行", "20", "20", "0"),
        ("2010102", "一般行政管理事务", "5", "0", "5"),
    ],
)


def read(tmp_path, case, unmapped):
    unit, figures = case
    path = tmp_path / "t.pdf"
    path.write_bytes(make_table_pdf([page(unit, figures)], glyphless=True, unmapped=unmapped))
    return read_report(path)


def codes(report, code):
    return [d for d in report.diagnostics if d.code == code]


# before: W113 was warned but the table's rows said nothing (2 cases fail before), and a discrepancy the lost
# figure made read as the report's own
@pytest.mark.parametrize("case", [ALL_ROWS, A_CHILD], ids=["every row", "one child"])
def test_a_table_on_a_page_not_read_whole_is_not_reported_complete(tmp_path, case):
    report = read(tmp_path, case, "5")
    assert codes(report, "W113")
    (w,) = codes(report, "W315")
    assert "表1" in w.message and "page 1" in w.message and f"{len(case[1])} of its rows" in w.message
    assert w.span is not None and w.span.box is not None and w.span.box.page == 1
    for d in report.discrepancies:  # whatever the lost figure unbalanced says so
        assert "could not be read whole" in d.message


def test_a_discrepancy_in_such_a_table_is_explained(tmp_path):
    """A discrepancy of a table on the page (by its number) or found on the page says a figure may be lost there;
    one of a table elsewhere does not (a lost figure prints no number, so the reconciliation itself finds none
    here: the discrepancies are given)."""
    from decimal import Decimal

    from nlp.errors import Diagnostics
    from nlp.model import Discrepancy, Span
    from nlp.unreadpages import mark

    report = read(tmp_path, A_CHILD, "5")
    on_page = report.tables[0].rows[1].span
    given = [
        Discrepancy("children_sum", "20101 = 25 but its children sum to 20", Decimal(25), Decimal(20), on_page, "表1"),
        Discrepancy("cross_table", "表1 and 表2 differ", Decimal(1), Decimal(2), Span(0, 1, "x"), "表1"),
        Discrepancy("children_sum", "elsewhere", Decimal(1), Decimal(2), Span(0, 1, "x"), "表7"),
    ]
    marked = mark(report.tables, given, {1}, Diagnostics("t.pdf"))
    assert ["could not be read whole" in d.message for d in marked] == [True, True, False]
    assert marked[0].message.startswith(given[0].message) and marked[2] == given[2]
    assert mark(report.tables, given, set(), Diagnostics("t.pdf")) == given


@pytest.mark.parametrize("case", [ALL_ROWS, A_CHILD], ids=["every row", "one child"])
def test_the_same_page_read_whole_is_not_marked(tmp_path, case):
    report = read(tmp_path, case, "")
    assert not codes(report, "W113") and not codes(report, "W315")
    assert not report.discrepancies
