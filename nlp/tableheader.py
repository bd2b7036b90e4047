"""A table's header: where it ends, and what it says about the body.

The header is every line of a found table before its first data line (a line
with an amount, or a classification code).  From it come the header text that
:mod:`nlp.columns` turns into columns, the set of header lines (so that a header
printed again after a page break is skipped), and two facts about the rows:
whether they carry a 行次 row number and whether the table has a text column
(绩效目标).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp import codes
from nlp.columns import header_width, measure_of
from nlp.headerwords import heading
from nlp.indicators import is_unit_of_measure
from nlp.normalize import Line, squash
from nlp.rows import Token, groups
from nlp.tablefind import FoundTable, is_title, table_number
from nlp.tablelines import is_column_numbers, is_meta, row_labels
from nlp.tableunit import UNIT, UNIT_IN_BRACKETS


@dataclass
class Header:
    lines: list[Line]
    text: str  # the column headings, page furniture and the unit removed
    keys: set[str]  # each header line, whitespace removed (a repeat after a page break)
    line_numbers: bool  # rows print a 行次
    text_column: bool  # rows carry a text cell (绩效目标, 备注, 项目概况 …: :func:`text_heading`)
    leaf: str = ""  # the header line naming the most columns (the lowest of equals): the leaf headings
    measure_unit: bool = False  # a column prints each row's unit of measure (计量单位 台, 辆): no part of its label
    text_heading: str = ""  # the heading of the text column, its pieces joined (绩效目标, 备注 …)
    text_pieces: frozenset[tuple[int, int]] = frozenset()  # where they stand: (line of ``text``, piece of the line)

    @property
    def targets(self) -> bool:
        """The text column holds each row's 绩效目标 (not a remark or a description)."""
        return _TARGET_HEADING.fullmatch(self.text_heading) is not None or (self.text_column and not self.text_heading)


def split(lines: list[Line], ft: FoundTable) -> tuple[list[Line], list[Line]]:
    """(header lines, body lines) of a found table: the body starts at the first data line."""
    header: list[Line] = []
    body: list[Line] = []
    for i in ft.lines:
        line = lines[i]
        if body or is_data(line):
            body.append(line)
        else:
            header.append(line)
    if (
        header
        and body
        and (_label_head(header[-1], body[0]) or _merged_head(header[-1], body))
        and not _ends_a_heading(header[-1], header[:-1])
    ):
        body.insert(0, header.pop())  # the first row's label, printed over its figures
    return header, body


_HEADING_WORDS = re.compile(r"科目|项目|单位名称|预算单位|部门名称|类\s*款|栏次|行次|名称|编码|代码|合计|总计|小计")


def _ends_a_heading(line: Line, above: list[Line]) -> bool:
    """The line is the tail of a heading cut over lines (其中:教育 / 收费): joined to a piece of a header line
    above that names nothing alone, it names a column."""
    word = squash(line.text)
    return measure_of(word) is None and any(
        measure_of(piece + word) is not None and measure_of(piece) is None for ln in above for piece in ln.text.split()
    )


def _label_head(line: Line, first: Line) -> bool:
    """The line before the first data line is that row's label when the data line prints
    figures only and the line names no column (某某市规划和自然资源局 / 4,267.38 …)."""
    gs = groups(first.text)
    if not gs or gs[0].name or gs[0].code_parts:
        return False
    return _label_alone(line)


def _merged_head(line: Line, body: list[Line]) -> bool:
    """The line before the first data line is the first line of a cell merged over the first rows (a 预算单位 over its
    年度 rows, ``某某工程管理`` / ``2025年 13.80 …``) when the data line's label is a word other rows print after a
    label of their own (``某某局 2025年 …``: a column of labels of its own) and the line names no column."""
    gs = groups(body[0].text)
    if not gs or not gs[0].name or not gs[0].cells or gs[0].code_parts or len(gs[0].name) > 1:
        return False
    _, last_words = row_labels(body, False)
    return last_words[squash(gs[0].name[0].text)] >= 2 and _label_alone(line)


def _label_alone(line: Line) -> bool:
    """A line holding one label that names no column (no heading, no furniture)."""
    text = line.text.strip()
    return (
        bool(text)
        and header_width(text) == 0
        and not is_meta(text)
        and not is_column_numbers(text)
        and not _HEADING_WORDS.search(text)
        and len(text.split()) == 1
    )


# a heading over the rows' units of measure (计量单位, 度量单位, 计量 / 单位; 单位 alone as a heading of its own after
# another — first on its line, 单位 heads the labels: the units, 财 务 处, of a table grouped by unit)
_MEASURE_UNIT = re.compile(r"计量单位|度量单位")
_UNIT_CELLS = ("计量", "度量")


def _measure_unit(hsq: str, kept: list[str]) -> bool:
    """The header names a column of the rows' units of measure."""
    if _MEASURE_UNIT.search(hsq):
        return True
    lines = [t.split() for t in kept]
    return any(cell in _UNIT_CELLS for cells in lines for cell in cells) or any("单位" in cells[1:] for cells in lines)


def read(header: list[Line]) -> Header:
    # a unit in brackets inside a column header (预算数（单位：万元）) is not page furniture;
    # a table's title printed again over its header names no column
    texts = [UNIT_IN_BRACKETS.sub("", ln.text) for ln in header if not (is_title(ln.text) or table_number(ln.text))]
    kept = [t for t in texts if not is_meta(t) and not UNIT.search(t)]
    text = "\n".join(kept)
    hsq = squash(text)
    leaf = max(reversed(kept), key=header_width, default="")
    heading, pieces = text_heading(kept)
    return Header(
        lines=header,
        text=text,
        keys={squash(ln.text) for ln in header if ln.text.strip()},
        line_numbers="行次" in hsq,
        text_column=bool(heading) or "绩效目标" in hsq,
        leaf=leaf,
        measure_unit=_measure_unit(hsq, kept),
        text_heading=heading,
        text_pieces=pieces,
    )


def is_data(line: Line) -> bool:
    """A line of the body: amounts, or a classification code (with its label)."""
    if is_meta(line.text):
        return False
    if is_column_numbers(line.text):
        return False
    for g in groups(line.text):
        if any(t.kind in ("amount", "dash") for t in g.cells):
            return True
        ints = [t.text for t in g.cells]
        if g.name and g.cells and all(t.kind == "num" for t in g.cells) and not is_column_numbers(" ".join(ints)):
            return True  # 合计 0: integer amounts
        parts = [t.text for t in g.code_parts]
        if (
            not g.name
            and len(parts) >= 2
            and all(t.kind == "num" for t in g.code_parts)
            and not is_column_numbers(" ".join(parts))
            and (len(parts) > 3 or codes.assemble(parts).code is None)
        ):
            return True  # whole numbers alone on a line: a row of amounts without decimals
        if (
            g.code_parts
            and codes.assemble([t.text for t in g.code_parts]).code
            and (g.name or len(g.code_parts) == 1)
            and any(t.kind == "code" or codes.is_valid(t.text) for t in g.code_parts)
        ):
            return True
    return False


def label_words(header: Header, words: list[tuple[Line, Token]], first: tuple[Line, Token] | None) -> list:
    """A row's label words (``first``: the row's first figure): under a header naming the rows' units of measure
    (计量单位), a unit printed in a slot of its own right before the first figure (办公设备购置 台 10 12.50) is that
    column's, not the label's end."""
    if not (header.measure_unit and len(words) >= 2 and first is not None):
        return words
    line, last = words[-1]
    if line is first[0] and last.end <= first[1].start and is_unit_of_measure(last.text):
        return words[:-1]
    return words


# The heading of a column of text, never amounts: each row prints its text cell after its figures, so the heading ends
# its header line — a project's 绩效目标 (项目绩效目标, 绩效目标及指标 …: any piece holding it, as before), a remark
# (备注), a description (项目概况, 项目说明, 主要内容).  Cut over lines, its pieces end lines one under another
# (``… 国有资本经 绩效`` / ``位） 合计 户拨款 金 目标``), as a heading of the figures cut so (一般公共预 / 算) is joined
# by nlp.headergrid.
_TARGET_HEADING = re.compile(r"\S*绩效目标\S*")
_TEXT_HEADING = re.compile(r"备注|说明|(?:项目)?(?:概况|说明|简介|主要内容|内容)")
_CUT_LINES = 4  # lines a text heading may be cut over


def text_heading(lines: list[str]) -> tuple[str, frozenset[tuple[int, int]]]:
    """The heading of the header's text column (``lines``: the header's lines of headings) and where its pieces stand
    ((line, piece) pairs); ``""`` when the header names none."""
    pieces = [ln.split() for ln in lines]
    held = frozenset((li, pi) for li, toks in enumerate(pieces) for pi, t in enumerate(toks) if "绩效目标" in t)
    if held:
        return "".join(pieces[li][pi] for li, pi in sorted(held)), held
    ends = [(li, len(toks) - 1) for li, toks in enumerate(pieces) if toks]

    def named(at: list[tuple[int, int]], words: tuple[re.Pattern[str], ...] = (_TARGET_HEADING, _TEXT_HEADING)) -> bool:
        if at[-1][0] - at[0][0] != len(at) - 1 or (len(at) > 1 and any(heading(pieces[li][pi]) for li, pi in at)):
            return False  # the lines one under another; a piece naming a heading of its own is none of it
        return any(w.fullmatch("".join(pieces[li][pi] for li, pi in at)) for w in words)

    for n in range(1, _CUT_LINES + 1):  # the fewest lines first …
        for k in range(len(ends) - n + 1):
            if named(ends[k : k + n]):
                while k and named(
                    ends[k - 1 : k + n], (_TEXT_HEADING,)
                ):  # … and a piece above beginning it (项目 / 概况)
                    k, n = k - 1, n + 1
                at = ends[k : k + n]
                return "".join(pieces[li][pi] for li, pi in at), frozenset(at)
    return "", frozenset()


def value_headings(header: Header) -> str:
    """The header's text without the heading of its text column (绩效目标 names no value column: each row's text
    cell stands under it, no amount), for reading the value columns' headings back (:mod:`nlp.headergrid`)."""
    if not header.text_column:
        return header.text
    kept = (
        " ".join(t for pi, t in enumerate(ln.split()) if (li, pi) not in header.text_pieces)
        for li, ln in enumerate(header.text.split("\n"))
    )
    return "\n".join(t for t in kept if t)
