"""Tables read from a PDF's geometry (nlp.sources.rulings, nlp.geometry, nlp.wordcolumns, nlp.columnpaths): PDFs
built here, at test time (tests/pdfmake.py), of tables whose rows print only some of their amounts — ruled and
unruled, with figures and headings wrapped inside their cells — read as a user would hand them over."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pdfmake import Cell, make_table_pdf

# The central template's 部门支出总表: six value columns; a row prints only its non-zero amounts, so the text alone
# cannot tell which of the five parts a lone figure under 合计 belongs to (上缴上级支出? 基本支出?).
HEADINGS = [
    "科目编码",
    "科目名称",
    "合计",
    "基本支出",
    "项目支出",
    "上缴上级\n支出",
    "事业单位经营\n支出",
    "对附属单位\n补助支出",
]
WIDTHS = [60, 150, 70, 70, 70, 70, 80, 80]
MEASURES = ["total", "basic", "project", "remit_to_superior", "operating_expense", "subsidy_to_affiliates"]
# (code, name, amount of each value column) — hand-made; "" prints nothing
ROWS = [
    ("201", "一般公共服务支出", ["150.00", "100.00", "50.00", "", "", ""]),
    ("20101", "人大事务", ["150.00", "100.00", "50.00", "", "", ""]),
    ("2010101", "行政运行", ["100.00", "100.00", "", "", "", ""]),
    ("2010102", "一般行政管理事务", ["50.00", "", "50.00", "", "", ""]),
    ("208", "社会保障和就业支出", ["42.00", "", "", "30.00", "", "12.00"]),
    ("20805", "行政事业单位养老支出", ["42.00", "", "", "30.00", "", "12.00"]),
    ("2080501", "行政单位离退休", ["30.00", "", "", "30.00", "", ""]),
    ("2080502", "事业单位离退休", ["12.00", "", "", "", "", "12.00"]),
]
ABOVE = ["某某局2026年部门预算", "部门支出总表", "单位：万元"]


def table_rows(rows=ROWS, headings=HEADINGS):
    out = [[Cell(h, j) for j, h in enumerate(headings)]]
    for code, name, amounts in rows:
        out.append(
            [Cell(code, 0, align="left"), Cell(name, 1, align="left")]
            + [Cell(a, 2 + j, align="right") for j, a in enumerate(amounts)]
        )  # a blank cell is ruled too
    return out


def read(data: bytes, name: str = "table.pdf"):
    from nlp import read_report_bytes

    return read_report_bytes(data, name)


def read_as_text(data: bytes):
    """The same PDF's text with no positions: what a reader of text extracted from it gets."""
    from nlp.encoding import Decoded
    from nlp.reader import parse_report
    from nlp.sources import read_source_bytes

    return parse_report(Decoded(read_source_bytes(data, "table.pdf").text, "utf-8", "0" * 64), "table.txt")


def the_table(report, title="部门支出总表"):
    return next(t for t in report.tables if t.title == title)


def placed(table):
    """{code: [printed amount per column]} of a table as read."""
    return {r.code: [c.printed if c is not None else "" for c in r.cells] for r in table.rows if r.code}


def warnings(report, code):
    return [d for d in report.diagnostics if d.code == code]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_every_amount_lands_in_the_column_it_stands_in(ruled):
    data = make_table_pdf([(ABOVE, table_rows(), WIDTHS)], ruled=ruled)
    report = read(data)
    table = the_table(report)
    assert [c.measure for c in table.columns] == MEASURES
    assert placed(table) == {code: amounts for code, _, amounts in ROWS}
    assert not warnings(report, "W310") and not warnings(report, "W311")
    assert all(c.span.box is not None for r in table.rows for c in r.cells if c is not None)


def test_positions_place_what_the_arithmetic_of_the_text_cannot():
    """The same ruled page's text without positions: a lone 30.00 under 合计 fits five columns."""
    as_text = read_as_text(make_table_pdf([(ABOVE, table_rows(), WIDTHS)]))
    assert placed(the_table(as_text))["2080501"] == ["30.00", "", "", "", "", ""]
    assert "行政单位离退休" in {d.message.split("'")[1] for d in warnings(as_text, "W310")}


def test_a_column_no_row_prints_in_is_still_a_column():
    rows = [(code, name, [*amounts[:4], "", ""]) for code, name, amounts in ROWS[:4]]
    report = read(make_table_pdf([(ABOVE, table_rows(rows), WIDTHS)]))
    table = the_table(report)
    assert [c.measure for c in table.columns] == MEASURES  # six columns though no row prints past 项目支出
    assert placed(table)["2010102"] == ["50.00", "", "50.00", "", "", ""]


def test_rules_drawn_by_a_form_xobject_are_found_where_they_stand():
    from nlp.sources import read_source_bytes

    data = make_table_pdf([(ABOVE, table_rows(), WIDTHS)], in_form=True)
    decoded = read_source_bytes(data, "table.pdf")
    grid = decoded.grids[0]
    assert len(grid.cells) == len(HEADINGS) * (len(ROWS) + 1) and grid.page == 1
    assert min(c[0] for c in grid.cells) == pytest.approx(40) and max(c[2] for c in grid.cells) == pytest.approx(
        40 + sum(WIDTHS)
    )
    assert placed(the_table(read(data))) == {code: amounts for code, _, amounts in ROWS}


def test_a_figure_wrapped_inside_a_narrow_cell_is_read_whole_with_its_place():
    """A report prints 1593.48 in a cell too narrow for it: ``1593.4`` over ``8`` (made-up figures)."""
    headings = ["科目编码", "科目名称", "合计", "基本\n支出", "项目\n支出"]
    rows = table_rows(
        [
            ("201", "一般公共服务支出", ["1593.4\n8", "1062.4\n1", "531.07"]),
            ("20101", "人大事务", ["1593.4\n8", "1062.4\n1", "531.07"]),
        ],
        headings,
    )
    report = read(make_table_pdf([(ABOVE, rows, [60, 150, 34, 34, 34])]))
    table = the_table(report)
    assert [c.measure for c in table.columns] == ["total", "basic", "project"]
    row = table.rows[0]
    assert [c.value for c in row.cells] == [Decimal("15934800.00"), Decimal("10624100.00"), Decimal("5310700.00")]
    total = row.cells[0]
    assert total.printed == "1593.48" and total.span.text == "1593.48"  # the characters it came from, in order
    assert total.span.box.bottom - total.span.box.top > 15  # both lines of the cell (9 pt type, 12 pt leading)


@pytest.mark.parametrize("glyphless", [False, True], ids=["font", "glyphless-font"])
def test_headings_over_several_columns_and_broken_over_lines_give_each_column_its_meaning(glyphless):
    """A two-level header: 当年预算 over 小计 / 基本支出 / 项目支出, 基本支出 over 小计 / 人员经费 / 公用经费 — words
    broken inside their cells (人员经 / 费) — and a second block the vocabulary has no place for (上年结转结余).
    ``glyphless``: in a font neither embedded nor stood in for by an installed font, where PDFium leaves the lone
    费 and 出 out of its text (nlp.sources.unplaced)."""
    header = [
        Cell("科目编码", 0, rows=3),
        Cell("科目名称", 1, rows=3),
        Cell("合计", 2, rows=3),
        Cell("当年预算", 3, span=5),
        Cell("上年结转结余", 8, span=2),
    ]
    second = [
        Cell("小计", 3, rows=2),
        Cell("基本支出", 4, span=3),
        Cell("项目支\n出", 7, rows=2),
        Cell("小计", 8, rows=2),
        Cell("基本支出", 9, rows=2),
    ]
    third = [Cell("小计", 4), Cell("人员经\n费", 5), Cell("公用经\n费", 6)]
    body = [Cell("201", 0, align="left"), Cell("一般公共服务支出", 1, align="left")] + [
        Cell(a, 2 + j, align="right")
        for j, a in enumerate(["160.00", "150.00", "100.00", "80.00", "20.00", "50.00", "10.00", "10.00"])
    ]
    report = read(
        make_table_pdf(
            [(["某某局2026年部门预算", "支出总表", "单位：万元"], [header, second, third, body], [60, 150] + [50] * 8)],
            glyphless=glyphless,
        )
    )
    table = the_table(report, "支出总表")
    # 上年结转结余 / 基本支出: last year's balance spent on basic expenditure (qualified, nlp.headermeaning)
    assert [(c.measure, c.qualifier) for c in table.columns] == [
        ("total", None),
        ("current_expenditure", None),
        ("basic", None),
        ("personnel", None),
        ("public", None),
        ("project", None),
        ("opening_balance", None),
        ("basic", "opening_balance"),
    ]
    assert [c.header for c in table.columns][3] == "当年预算 基本支出 人员经费"
    assert [c.printed for c in table.rows[0].cells] == [
        "160.00",
        "150.00",
        "100.00",
        "80.00",
        "20.00",
        "50.00",
        "10.00",
        "10.00",
    ]


def test_one_character_amounts_in_a_font_no_installed_font_has_land_in_their_columns():
    """Amounts of one digit, each a text object of its own, in a font PDFium finds no glyph of: PDFium leaves them
    out of its text; they are read again (nlp.sources.unplaced) and land where they stand, with their boxes."""
    rows = [
        ("201", "一般公共服务支出", ["9", "5", "4", "", "", ""]),
        ("2010101", "行政运行", ["5", "5", "", "", "", ""]),
        ("2010102", "一般行政管理事务", ["4", "", "4", "", "", ""]),
        ("208", "社会保障和就业支出", ["7", "", "", "7", "", ""]),
    ]
    report = read(make_table_pdf([(ABOVE, table_rows(rows), WIDTHS)], glyphless=True))
    table = the_table(report)
    assert [c.measure for c in table.columns] == MEASURES
    assert placed(table) == {code: amounts for code, _, amounts in rows}
    assert all(c.span.box is not None for r in table.rows for c in r.cells if c is not None)
    assert not warnings(report, "W113")


def test_figures_that_do_not_add_up_where_they_stand_are_kept_there_and_warned_about():
    rows = [
        (
            "201",
            "一般公共服务支出",
            ["150.00", "100.00", "60.00", "", "", ""],
        ),  # 100 + 60 is not 150: the source's error
        ("2010101", "行政运行", ["100.00", "100.00", "", "", "", ""]),
    ]
    report = read(make_table_pdf([(ABOVE, table_rows(rows), WIDTHS)]))
    assert placed(the_table(report))["201"] == ["150.00", "100.00", "60.00", "", "", ""]
    assert [d.message.split("'")[1] for d in warnings(report, "W311")] == ["一般公共服务支出"]


def test_ruling_lines_make_the_cells_pdfplumber_finds():
    """nlp.sources.rulings on a page built here: PDFium's path pieces, pdfplumber's table finder."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from nlp.sources import rulings
    from nlp.sources.pdf import _display

    data = make_table_pdf([(ABOVE, table_rows(), WIDTHS)])
    page = pdfium.PdfDocument(data)[0]
    edges = rulings.page_edges(page, pdfium_c, _display(0, tuple(page.get_cropbox())))
    assert {e["orientation"] for e in edges} == {"h", "v"} and len(edges) == 4 * len(HEADINGS) * (len(ROWS) + 1)
    (cells,) = rulings.grids(edges)
    assert len(cells) == len(HEADINGS) * (len(ROWS) + 1)
    xs = sorted({round(c[0], 2) for c in cells} | {round(c[2], 2) for c in cells})
    assert len(xs) == len(WIDTHS) + 1 and xs[0] == 40
    assert rulings.grids([]) == [] and rulings.grids([e for e in edges if e["orientation"] == "h"]) == []


@pytest.mark.parametrize("seed", range(12))
def test_our_cell_finder_gives_pdfplumbers_cells_in_its_order(seed):
    """rulings.cells is pdfplumber's intersections_to_cells made fast: the same cells, in the same order, on grids
    with merged cells (rule pieces left out), rules that stop short and stray lines — built here, at random."""
    import itertools
    import random

    from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges

    from nlp.sources import rulings

    rng = random.Random(seed)
    xs = sorted(rng.sample(range(40, 560, 10), rng.randint(3, 9)))
    ys = sorted(rng.sample(range(60, 780, 12), rng.randint(3, 14)))
    edges = []

    def edge(orientation, x0, top, x1, bottom):
        edges.append(
            {
                "orientation": orientation,
                "object_type": "line",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "width": x1 - x0,
                "height": bottom - top,
            }
        )

    for y in ys:  # each horizontal rule in pieces between neighbouring vertical ones; some pieces missing
        for a, b in itertools.pairwise(xs):
            if y in (ys[0], ys[-1]) or rng.random() > 0.2:
                edge("h", a, y, b + rng.choice([0, 0, 0, -4]), y)
    for x in xs:
        for a, b in itertools.pairwise(ys):
            if x in (xs[0], xs[-1]) or rng.random() > 0.2:
                edge("v", x, a, x, b)
    for _ in range(rng.randint(0, 3)):  # stray lines crossing some rules
        x, y = rng.uniform(40, 560), rng.uniform(60, 780)
        edge("h", x, y, x + rng.uniform(10, 200), y)
    merged = merge_edges(edges, 3, 3, 3, 3)
    crossings = edges_to_intersections(merged, 3, 3)
    theirs = intersections_to_cells(crossings)
    assert len(theirs) >= 1
    assert rulings.cells(crossings) == theirs
