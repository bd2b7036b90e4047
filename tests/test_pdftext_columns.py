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


# A justified line's extraction may print one gap wide (two spaces or more where the line was stretched, often
# beside digits or Latin letters): one such gap inside a full line of prose makes no line of columns.
PROSE = (
    "依托全省一体化政务服务平台推进一网通办改革，2026年全面提升政务服务效能，完善政务服务事项清单，"
    "推动数据共享交换平台和电子证照库在各部门的应用，加快建设营商环境监测平台，统筹推进数字政府建设。"
)


def with_wide_gap(lines: list[str], k: int, at: int, gap: str) -> str:
    """``lines`` with ``gap`` printed inside line ``k`` before its character ``at``."""
    lines = list(lines)
    lines[k] = lines[k][:at] + gap + lines[k][at:]
    return "\n".join(lines)


@pytest.mark.parametrize("gap", ["  ", "   ", "    "])
@pytest.mark.parametrize("width", [14, 17, 20, 23])
def test_one_wide_gap_inside_a_line_of_prose_keeps_the_paragraph_read_through(gap, width):
    """At every place inside every line of the paragraph but the last: every line break is still read through,
    the gap kept as printed."""
    lines = _lines(PROSE, width)
    for k in range(len(lines) - 1):
        for at in range(2, len(lines[k]) - 1):
            text = with_wide_gap(lines, k, at, gap)
            r = read(text)
            assert r is not None and "\n" not in r.text, (k, at, text)
            assert r.text.replace(gap, "") == PROSE


@pytest.mark.parametrize("width", [14, 17, 20, 23])
def test_the_reviewers_wide_gap_beside_a_year(width):
    """'…改革，2026年  全面提升政务服\\n务效能': the gap where the line was stretched, after a year."""
    lines = _lines(PROSE, width)
    k = next(i for i, ln in enumerate(lines) if "年" in ln)
    at = lines[k].index("年") + 1
    if at >= len(lines[k]) or k == len(lines) - 1:
        pytest.skip("the year ends its line")
    r = read(with_wide_gap(lines, k, at, "  "))
    assert r is not None and "\n" not in r.text


@pytest.mark.parametrize("width", [14, 17, 20, 23])
def test_two_wide_gaps_on_two_lines_at_other_places_are_still_prose(width):
    """Two justified lines one under the other, each with a wide gap, at places far apart: no column edge."""
    lines = _lines(PROSE, width)
    lines[1] = lines[1][:3] + "  " + lines[1][3:]
    lines[2] = lines[2][: width - 4] + "  " + lines[2][width - 4 :]
    r = read("\n".join(lines))
    assert r is not None and "\n" not in r.text


@pytest.mark.parametrize("gap", ["  ", "   "])
@pytest.mark.parametrize("width", range(8, 21))
def test_a_column_of_row_numbers_before_spaces_is_a_line_of_columns(gap, width):
    """Row numbers 1 to n (past 9: the gap moves half a character) before two or three spaces."""
    rows = _lines(LEFT + RIGHT + LEFT, width)
    text = "\n".join(f"{i}{gap}{row}" for i, row in enumerate(rows, 1))
    assert kept_breaks(text) == text.count("\n")


@pytest.mark.parametrize("gap", ["  ", "   "])
@pytest.mark.parametrize("at", range(1, 5))
def test_a_page_number_before_spaces_is_no_part_of_a_wrapped_line(gap, at):
    lines = _lines(LEFT, 9)
    lines[at] = f"1{at}{gap}{lines[at]}"
    r = read("\n".join(lines))
    assert r is not None and f"\n1{at}" in r.text


CELLS = [
    ("一般公共服务支出", "592.93", "332.54"),
    ("政务服务平台运维项目", "38", "38.00"),
    ("数据共享交换平台建设", "120.5", "0.00"),
    ("电子证照库升级", "7", "7.00"),
    ("营商环境监测平台", "65.29", "32.02"),
]


@pytest.mark.parametrize("gap", ["  ", "   ", "\t"])
def test_rows_of_short_cells_at_unaligned_places_are_lines_of_columns(gap):
    """A table's rows printed with their cells apart but not lined up (each cell as long as it is): no row runs
    on into the next (…592.93|政务服务…, …38.00|数据…)."""
    text = "\n".join(gap.join(row) for row in CELLS)
    assert kept_breaks(text) == text.count("\n")


@pytest.mark.parametrize("gap", ["  ", "\t"])
@pytest.mark.parametrize("width", [14, 20])
def test_a_paragraph_before_a_table_header_is_not_read_into_it(gap, width):
    """A paragraph whose last line ends without a stop, then a table's header of short cells."""
    lines = _lines(PROSE[:-1], width)
    lines = lines[:-1] if len(lines[-1]) < width else lines  # the paragraph's lines all full
    text = "\n".join([*lines, gap.join(("项目名称", "预算数", "执行数"))])
    r = read(text)
    assert r is not None and r.text.endswith("\n项目名称" + gap + "预算数" + gap + "执行数")


@pytest.mark.parametrize("last", ["服务效能、  推进数字政府建设。", "效能，  建设。”", "务效能  提升！"])
@pytest.mark.parametrize("width", [14, 17, 20, 23])
def test_a_paragraphs_short_last_line_with_a_wide_gap_is_read_into(last, width):
    """The last line, short, its pieces short too, ends the sentence: prose, not a row of cells."""
    lines = _lines(PROSE, width)
    lines = [ln for ln in lines if len(ln) == width and ln[-1] not in "，。、"]  # full lines ending no clause
    text = "\n".join([*lines[:3], last])
    r = read(text)
    assert r is not None and "\n" not in r.text, text


# A layout extraction prints each line at its place: a cell of a column to the right starts far right of the
# line after it (the left column's next cell), a paragraph's first line two characters in.
@pytest.mark.parametrize("indent", [8, 12, 20, 40])
@pytest.mark.parametrize("width", [10, 14])
def test_a_line_far_right_does_not_run_on_into_a_line_of_the_left_column(indent, width):
    """Right-column prose lines (indented) alternate with left-column cells (at the margin), as a layout
    extraction prints a table's row: no right-column line is read on into the left cell below it."""
    right, left = _lines(RIGHT, width), _lines(LEFT, 8)
    n = min(len(right), len(left))
    text = "\n".join(line for k in range(n) for line in (" " * indent + right[k], left[k]))
    r = read(text)
    assert (r.text if r else text).count("\n") == text.count("\n")


@pytest.mark.parametrize("first", [2, 4, 6])
@pytest.mark.parametrize("width", [14, 20])
def test_a_paragraph_with_its_first_line_indented_is_read_through(first, width):
    """The control: every line at the margin, the first two or three characters further in (a line that starts
    with a space is never read into: the rule of an indent)."""
    lines = _lines(PROSE, width)
    text = "\n".join(" " * (first if k == 0 else 0) + ln for k, ln in enumerate(lines))
    r = read(text)
    assert r is not None and "\n" not in r.text and r.text.strip() == PROSE


# A paragraph's first line indented as pages print it: the indent takes ``chars`` characters of the line and comes out
# of the extraction as ``printed`` (two ideographic spaces, four or eight or twelve spaces, a tab).
INDENTS = [
    ("\u3000\u3000", 2),
    ("    ", 2),
    ("        ", 2),
    ("        ", 4),
    ("            ", 4),
    ("\u3000\u3000\u3000\u3000", 4),
    ("\t", 2),
    (" " * 16, 4),
]


@pytest.mark.parametrize(("printed", "chars"), INDENTS)
@pytest.mark.parametrize("width", [14, 20, 30])
@pytest.mark.parametrize("rest", ["all", "one"])
def test_a_paragraph_whose_first_line_is_indented_however_far_is_read_through(printed, chars, width, rest):
    """The first line holds ``chars`` characters fewer than the lines after it, all at the margin ("all": the
    paragraph's every line; "one": a paragraph of two lines, the second ending it).  Before the fix a first line
    starting more than three characters in was read as a right-hand column's cell, and a shorter one indented four
    characters as a short line: 26 of these 48 rows failed (eight spaces or more at every width and both lengths, four
    ideographic spaces on the narrow line)."""
    first = PROSE[: width - chars]
    after = _lines(PROSE[width - chars :], width)
    if rest == "one":
        after = [after[0][:-1] + "。"]
    text = "\n".join([printed + first, *after])
    r = read(text)
    assert r is not None and "\n" not in r.text, text


@pytest.mark.parametrize("printed", ["        ", "            ", " " * 16, "\u3000" * 8])
def test_an_indented_line_after_a_line_that_goes_on_is_a_column_still(printed):
    """The same first line after a line that ends no sentence and is cut short (a left-hand cell above it): it
    starts no paragraph, and a cell of a right-hand column is not read into the left column's next line."""
    left = _lines(LEFT, 8)
    right = _lines(RIGHT, 14)
    text = "\n".join([left[0], printed + right[0], left[1], printed + right[1], left[2]])
    r = read(text)
    assert (r.text if r else text).count("\n") == 4
