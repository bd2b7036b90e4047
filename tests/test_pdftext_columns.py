"""A line break is read through only inside a column of prose (nlp.pdftext): never from a line of columns — table
cells side by side, separated by a tab or by two spaces or more — nor into one, and never across a page number,
alone on its line or printed in front of a tab (a scanned table's page number, which the extraction puts at the
start of a row: ``14\\t心,统筹建设…``).  Constructed: two columns of prose laid side by side at every width, a
column of row numbers, a page number before a tab at every line; the same text in one column is still joined."""

from __future__ import annotations

import pytest

from nlp.pdftext import read
from tests.pdfvariants import _lines

LEFT = "完善区政府数据中心，统筹建设五大数据库，健全政府数据共享机制，推动政务服务平台和民生卡应用的整合。"
RIGHT = "依托区政务服务平台推进行政审批集成服务改革，实施受理与审批相分离，营造便民高效的政务服务环境。"


def side_by_side(left: str, right: str, width: int, gap: str) -> str:
    """``left`` and ``right`` printed as two columns ``width`` characters wide, each line the two cells with
    ``gap`` between them (a tab, spaces)."""
    a, b = _lines(left, width), _lines(right, width)
    n = max(len(a), len(b))
    a, b = a + [""] * (n - len(a)), b + [""] * (n - len(b))
    return "\n".join((x + gap + y).strip() for x, y in zip(a, b))


def kept_breaks(text: str) -> int:
    """How many of ``text``'s line breaks the reading keeps."""
    r = read(text)
    return (r.text if r else text).count("\n")


@pytest.mark.parametrize("gap", ["\t", "  ", "   ", " \t", "\t\t"])
@pytest.mark.parametrize("width", range(8, 21))
def test_two_columns_side_by_side_are_never_joined_from_line_to_line(gap, width):
    text = side_by_side(LEFT, RIGHT, width, gap)
    assert kept_breaks(text) == text.count("\n")


@pytest.mark.parametrize("width", range(8, 21))
def test_a_column_of_row_numbers_before_a_tab_is_a_line_of_columns(width):
    rows = _lines(LEFT, width)
    text = "\n".join(f"{i}\t{row}" for i, row in enumerate(rows, 1))
    assert kept_breaks(text) == text.count("\n")


@pytest.mark.parametrize("at", range(1, 5))
@pytest.mark.parametrize("width", [8, 9, 10])
def test_a_page_number_before_a_tab_is_no_part_of_a_wrapped_line(at, width):
    """A scanned table's page number printed at the start of a row, before a tab: the row before does not run on
    into it, at whichever line it stands."""
    lines = _lines(LEFT, width)  # five lines at least
    lines[at] = f"1{at}\t{lines[at]}"
    text = "\n".join(lines)
    r = read(text)
    assert r is not None
    assert f"\n1{at}" in r.text  # kept before the page number, and after its row (a line of columns)
    assert r.text.count("\n") == (2 if at < len(lines) - 1 else 1)  # the others are inside the column of prose


@pytest.mark.parametrize("width", range(8, 21))
def test_the_same_prose_in_one_column_is_read_through(width):
    """The control: one column, no gap, every line a full one — every line break inside the paragraph is read
    through."""
    text = "\n".join(_lines(LEFT, width))
    r = read(text)
    assert r is not None and r.text == LEFT


@pytest.mark.parametrize("width", range(8, 21))
def test_a_page_number_line_is_never_read_through(width):
    lines = _lines(LEFT, width)
    k = len(lines) // 2
    text = "\n".join([*lines[:k], "17", *lines[k:]])
    r = read(text)
    assert r is not None and "\n17\n" in r.text
