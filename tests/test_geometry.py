"""Column x-extents from where a PDF prints the amounts (nlp.geometry): certain, or none at all."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from nlp.model import Amount, Box, Span, TableRow
from nlp.wordcolumns import column_boxes

# a table with three value columns whose figures end (right-aligned) at x = 300, 400, 500 points
RIGHT = (300.0, 400.0, 500.0)


def amount(text: str, right: float | None, top: float = 100.0) -> Amount:
    box = None if right is None else Box(1, right - 5.0 * len(text), top, right, top + 10)
    return Amount(Decimal(text.replace(",", "")), text, "元", Span(0, len(text), text, 1, box))


def row(*cells: tuple[str, float | None], top: float = 100.0) -> TableRow:
    return TableRow(
        code=None, name="行", level=1, cells=[amount(t, r, top) for t, r in cells], span=Span(0, 1, "行", 1)
    )


def test_rows_printing_every_column_show_where_the_columns_stand_and_short_rows_fall_inside():
    rows = [
        row(("1,234.00", 300), ("1,000.00", 400), ("234.00", 500)),
        row(("10.00", 300), ("10.00", 400), top=112),  # 项目支出 blank: prints two amounts
        row(("5.00", 300), ("5.00", 500), top=124),
    ]  # 基本支出 blank
    columns = column_boxes(rows, 3)
    assert columns is not None and [c.x1 for c in columns] == list(RIGHT)
    assert columns[0].x0 == 300 - 5 * len("1,234.00")  # the widest figure of the column
    short = rows[2].cells[1].span.box
    overlaps = [min(c.x1, short.x1) - max(c.x0, short.x0) for c in columns]
    assert max(range(3), key=lambda j: overlaps[j]) == 2  # "5.00" at 500 is in the third column, not the second


def test_columns_no_row_fills_are_taken_from_the_figures_standing_under_no_known_column():
    rows = [
        row(("8.00", 300), ("8.00", 400), ("0", None)),  # a row with an unreadable third cell (no amount)
        row(("3.00", 300), ("3.00", 500), top=112),
        row(("1.00", 300), ("1.00", 400), ("1.00", 500), top=124),
    ]
    rows[0].cells[2] = None
    assert [c.x1 for c in column_boxes(rows, 3)] == list(RIGHT)
    rows[2].cells = rows[2].cells[:2]  # no row prints every column: the three groups of figures still say it
    assert [c.x1 for c in column_boxes(rows, 3)] == list(RIGHT)


def test_unclear_geometry_gives_no_extents_so_the_arithmetic_decides():
    two_groups = [row(("8.00", 300), ("8.00", 400)), row(("3.00", 300), ("3.00", 400), top=112)]
    assert column_boxes(two_groups, 3) is None  # which column prints nothing is not the page's to say
    disagreeing = [
        row(("1.00", 300), ("1.00", 400), ("1.00", 500)),
        row(("2.00", 300), ("2.00", 400), ("2.00", 450), top=112),
    ]  # a third column not where the first says
    assert column_boxes(disagreeing, 3) is None
    plain = [TableRow(None, "行", 1, [Amount(Decimal(1), "1.00", "元", Span(0, 4, "1.00", 1))], Span(0, 1, "行", 1))]
    assert column_boxes(plain, 1) is None
    assert column_boxes([], 3) is None and column_boxes(two_groups, 0) is None


def test_on_a_devset_pdf_every_extent_holds_its_full_rows(tmp_path):
    import pytest
    from conftest import DEVSET, DEVSET_MANIFEST, devset_split

    if not DEVSET_MANIFEST:
        pytest.skip("development set not found")
    from nlp import read_report

    train = devset_split("train")  # the test split is blind
    pdf = next(p for p in sorted((DEVSET / "pdf").glob("*.pdf")) if "guangzhou" in p.name and p.stem in train)
    report = read_report(pdf)
    with_extents = 0
    for table in report.tables:
        width = len(table.columns)
        columns = column_boxes(table.rows, width)
        if columns is None:
            continue
        with_extents += 1
        assert all(a.x1 < b.x1 for a, b in pairwise(columns))
        for r in table.rows:
            for j, c in enumerate(r.cells):
                if c is not None and c.span.box is not None and sum(x is not None for x in r.cells) == width:
                    assert min(columns[j].x1, c.span.box.x1) - max(columns[j].x0, c.span.box.x0) > 0
    assert with_extents >= 5
