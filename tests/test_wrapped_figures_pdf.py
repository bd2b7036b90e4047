"""Figures wrapped inside cells too narrow for them (``1593.4`` / ``8``) on a page without rules: the text prints their
heads on the line above the row and their tails on the line below, and the row's line may print no figure at all::

    1062.4 1062.4
    2010101 行政运行
    1 1

PDFs built here (tests/pdfmake.py), unruled, and the text of the same pages: every figure is read whole, none is lost
with the lines it was printed on; from the PDF each stands where its head and tail stand — not over the row's line
between them — so its column is the one it stands in; from the text (no positions) a column the arithmetic leaves
open stays empty (W310).  万元 and 元, other column counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pdfmake import make_table_pdf
from test_geometry_pdf import ABOVE, read, read_as_text, table_rows

# (code, name, figures in 万元 of 合计 | 基本支出 | 项目支出 [| 事业单位经营支出]); "" prints nothing — hand-made
ROWS = [
    ("201", "一般公共服务支出", ["1593.48", "1062.41", "531.07", ""]),
    ("20101", "人大事务", ["1593.48", "1062.41", "531.07", ""]),
    ("2010101", "行政运行", ["1062.41", "1062.41", "", ""]),
    ("2010102", "一般行政管理事务", ["531.07", "", "531.07", ""]),
    ("208", "社会保障和就业支出", ["42.00", "", "", "42.00"]),
    ("20805", "行政事业单位养老支出", ["42.00", "", "", "42.00"]),
]
HEADINGS = ["科目编码", "科目名称", "合计", "基本\n支出", "项目\n支出", "事业\n单位\n经营\n支出"]


def _printed(wan: str, unit: str) -> str:
    return f"{Decimal(wan) * 10000:,.2f}" if unit == "元" and wan else wan


def _wrap(figure: str, room: int) -> str:
    """A figure in a cell holding ``room`` characters a line: what does not fit wraps onto the next line."""
    return figure if len(figure) <= room else figure[:room] + "\n" + figure[room:]


def the_pdf(unit: str, width: int, ruled: bool = False, at_point: bool = False) -> tuple[bytes, dict[str, list[str]]]:
    room = 6 if unit == "万元" else 12  # 1593.4 / 8; 15,934,800.0 / 0
    room -= 1 if at_point else 0  # 1593. / 48; 15,934,800. / 00 (531.0 / 7 beside them)
    rows = [(c, n, [_wrap(_printed(a, unit), room) for a in amounts[:width]]) for c, n, amounts in ROWS]
    cell_width = 34 if unit == "万元" else 60
    above = [*ABOVE[:2], f"单位：{unit}"]
    data = make_table_pdf(
        [(above, table_rows(rows, HEADINGS[: 2 + width]), [60, 110] + [cell_width] * width)], ruled=ruled
    )
    want = {c: [_printed(a, unit) for a in amounts[:width]] for c, _, amounts in ROWS}
    return data, want


def placed(report) -> dict[str, list[str]]:
    (t,) = report.tables
    return {r.code: [c.printed if c is not None else "" for c in r.cells] for r in t.rows if r.code}


CASES = [("万元", 3), ("元", 3), ("万元", 4)]


@pytest.mark.parametrize(("unit", "width"), CASES, ids=["wan-3", "yuan-3", "wan-4"])
def test_a_wrapped_figure_read_from_the_pdf_stands_in_the_column_it_is_printed_in(unit, width):
    data, want = the_pdf(unit, width)
    report = read(data)
    assert placed(report) == want
    assert not [d for d in report.diagnostics if d.code == "W310"]
    (t,) = report.tables
    total = t.rows[0].cells[0]
    assert total.printed == want["201"][0]
    assert total.span.box.x1 - total.span.box.x0 < 70  # its own cell's width, not the row's line between its halves


@pytest.mark.parametrize(("unit", "width"), CASES, ids=["wan-3", "yuan-3", "wan-4"])
def test_a_row_whose_every_figure_wraps_keeps_them(unit, width):
    """行政运行 prints both its figures wrapped and none on its line: they are its figures, in text and PDF."""
    data, want = the_pdf(unit, width)
    for report in (read(data), read_as_text(data)):
        (t,) = report.tables
        row = next(r for r in t.rows if r.code == "2010101")
        assert sorted(c.printed for c in row.cells if c is not None)[:1] == [want["2010101"][0]]
        assert row.cells[0] is not None and row.cells[0].printed == want["2010101"][0]  # 合计: every placement agrees


AT_POINT = [("万元", 3), ("元", 3), ("元", 4)]


@pytest.mark.parametrize(("unit", "width"), AT_POINT, ids=["wan-3", "yuan-3", "yuan-4"])
def test_a_figure_cut_at_its_decimal_point_is_read_whole_from_text_and_pdf(unit, width):
    """``15,934,800. 10,624,100.`` over ``00 00``: a head ending at its point is no figure with stray spaces before
    its decimals (``3,367. 47``) — the next head's digits are not its decimals; each head joins its own tail."""
    data, want = the_pdf(unit, width, at_point=True)
    for report in (read(data), read_as_text(data)):
        (t,) = report.tables
        got = {r.code: sorted(c.printed for c in r.cells if c is not None) for r in t.rows if r.code}
        assert set(got) == set(want)
        for code, figures in got.items():
            assert set(figures) <= set(want[code]), code
        assert got["2010101"] and got["2010102"]


def test_from_the_text_a_column_the_arithmetic_leaves_open_stays_empty():
    """No positions: 1062.41 (wrapped) and 531.07 (on the line) add up to 1593.48 in either order — neither stored."""
    data, _ = the_pdf("万元", 3)
    report = read_as_text(data)
    row = next(r for r in report.tables[0].rows if r.code == "201")
    assert [c.printed if c else None for c in row.cells] == ["1593.48", None, None]
    assert any(d.code == "W310" and "一般公共服务支出" in d.message for d in report.diagnostics)
