"""Kinds of lines and pieces of text inside a table body (helpers of :mod:`nlp.tables`).

Page furniture (编制单位 / 单位：万元 / 部门：), the column-number line (栏次 1 2 3 …), a page number printed
inside a table, a text cell wrapped over lines (绩效目标), and where a wrapped row label begins in the text above
a row of amounts, a label wrapped inside brackets, the upper half of a label centred on a code ending a line.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from nlp.normalize import Line, squash
from nlp.rows import Token, groups, join_words

# a labelled name (单位名称：某某局); the label without its colon is a column heading (单位名称 合计 …)
_META = re.compile(r"(?:编制单位|单位名称|部门名称)\s*[:：]|^\s*部门\s*[:：]|单\s*位\s*[:：]")
_COLUMN_LABELS = re.compile(r"栏\s*次|行\s*次|类\s*款\s*项|项\s*目")
_SENTENCE_END = "。；;！!"

AMOUNT_TOKEN = re.compile(r"(?:^|\s)-?\d[\d,]*\.\d+(?=\s|$)")
#: a row label naming a total
TOTAL = re.compile(r"(合计|总计|小计)$")
#: marks of a sentence: a label holding one is prose, no row's label
SENTENCE_MARKS = re.compile(r"[，。；！？]")
# a note printed among a table's lines (注：…, 注1：…, 说明：- 表示无数据, 备注：无): no row, nor the head of one's label
_NOTE = re.compile(r"^\s*(?:注\s*\d*|说\s*明|备\s*注)\s*[:：]")


def is_note(text: str) -> bool:
    return bool(_NOTE.match(text))


def label_of(pieces: list[tuple[Line, Token]]) -> str:
    """A row's label from its pieces: no space between Chinese characters."""
    name = join_words([t.text for _, t in pieces])
    return re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", name)


def is_meta(text: str) -> bool:
    """编制单位 / 单位：万元 / 部门： lines (a whole table flattened onto one line is not)."""
    return bool(_META.search(text)) and len(AMOUNT_TOKEN.findall(text)) < 3


def join_text(pieces: list[tuple[Line, int]]) -> str:
    """Text wrapped over lines, joined: no break between Chinese characters."""
    out = ""
    for line, start in pieces:
        t = line.text[start:].strip()
        if out and t and not (_CJK_CHAR.match(out[-1]) or _CJK_CHAR.match(t[0])):
            out += " "
        out += t
    return out


_CJK_CHAR = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]")


def is_column_numbers(text: str) -> bool:
    """栏次 1 2 3 …: the line numbering the columns (labels and a run of 1, 2, 3 …)."""
    rest = _COLUMN_LABELS.sub(" ", text)
    nums = rest.split()
    if not all(n.isdigit() for n in nums):
        return False
    if not nums:
        return rest != text  # a label alone
    seq = [int(n) for n in nums]
    return len(seq) >= 2 and seq[0] <= 2 and all(b - a in (1, 2) for a, b in pairwise(seq))


def drop_column_numbers(cells: list[tuple[Line, Token]]) -> list[tuple[Line, Token]]:
    """Drop a leading run of column numbers (栏次 1 2 3 … printed before the amounts)."""
    run = 0
    expect = 1
    for _, t in cells:
        if t.kind != "num" or not (expect <= int(t.text) <= expect + 1):
            break
        expect = int(t.text) + 1
        run += 1
    return cells[run:] if run >= 3 else cells


def leading(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def name_lines(after: list[Line]) -> list[Line]:
    """The last lines of a text block that are the next row's wrapped label.

    With indentation (the label is indented, the text is not): from the last
    indented line.  Without: the fewest last lines that follow a sentence end.
    """
    indented = [i for i, ln in enumerate(after) if leading(ln.text) >= 2]
    if indented:
        return after[indented[-1] :]
    for k in range(1, min(3, len(after)) + 1):
        before = after[-k - 1].text.rstrip() if len(after) > k else ""
        if not before or before[-1] in _SENTENCE_END:
            return after[-k:]
    return after[-1:]


_LONE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")  # (``- 4 -`` is the page's furniture already: nlp.normalize)
_CODED_ROW = re.compile(r"^\s*\d{3,9}\s*[\u3400-\u9fff]")
_FIGURE = re.compile(r"\d")
_CODE_AT_START = re.compile(r"^\s*\d{3,9}")


def folios(body: list[Line], decimal_table: bool = False) -> tuple[set[int], set[int]]:
    """Page numbers printed inside a table's text: a number alone on its line right before a
    row that prints its own whole code (not the 款/项 part of a code implied by the rows above) after another; in
    a table whose amounts print decimals, anywhere (a bare integer is no amount there: a line of it alone is the
    page's number, before a wrapped label or at a page's foot); and after the table's last row, at its last page's
    foot.  (A figure's tail wrapped inside its cell, ``1264.3`` / ``7``, is joined to its head all the same.)
    The second set: those of a table of whole yuan between two coded rows the first of which prints no figure —
    the page's number after a row printed blank, or that row's amount printed under its label: not read, but
    warned about (W316), the text not saying which."""
    out, doubtful = set(), set()
    texts = [ln.text for ln in body]
    for i, t in enumerate(texts):
        if not _LONE_NUMBER.match(t):
            continue
        nxt = next((u for u in texts[i + 1 :] if u.strip()), "")
        prev = next((u for u in reversed(texts[:i]) if u.strip()), "")
        between_rows = _CODED_ROW.match(nxt) and _CODED_ROW.match(prev)
        last = not nxt and _FIGURE.search(prev) and not _LONE_NUMBER.match(prev)
        if between_rows or decimal_table or last:
            out.add(id(body[i]))
            if between_rows and not decimal_table and not _FIGURE.search(_CODE_AT_START.sub("", prev)):
                doubtful.add(id(body[i]))
    return out, doubtful


def row_labels(lines: list[Line], line_numbers: bool) -> tuple[set[str], Counter[str]]:
    """Labels a row line prints by themselves, with nothing wrapped above them: a line of a label and amounts right
    after another line of amounts (``2026年`` / ``增减变化金额`` under a unit's first row); and how many row lines print
    each word last of a label of several words (``2025年`` after every unit's name: a column of labels of its own)."""
    alone: set[str] = set()
    last_words: Counter[str] = Counter()
    for i, line in enumerate(lines):
        gs = groups(line.text, line_numbers)
        if not gs or not gs[0].name or not gs[0].cells or gs[0].code_parts:
            continue
        if len(gs[0].name) > 1:
            last_words[squash(gs[0].name[-1].text)] += 1
        before = groups(lines[i - 1].text, line_numbers) if i else []
        if before and before[-1].cells:
            alone.add(squash(gs[0].label))
    return alone, last_words


_OPEN = "（(〔【["
_CLOSE = "）)〕】]"


def opens_bracket(name: str) -> bool:
    """A label that leaves a bracket open (wrapped before its closing bracket)."""
    return sum(name.count(c) for c in _OPEN) > sum(name.count(c) for c in _CLOSE)


def closes_bracket(label: str) -> bool:
    """A label fragment that closes a bracket it did not open."""
    depth = 0
    for ch in label:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return True
            depth -= 1
    return False


def heads_of_last_blocks(lines: list[Line], line_numbers: bool) -> dict[int, Line]:
    """Blocks side by side (人员经费 | 公用经费 | 其他): a line that ends in a code alone, its label centred on it
    (``30228 工会经费 86.45 39908`` between ``对民间非营利组织和群众`` and ``性自治组织补贴``), and a label alone on
    the line above — that label's upper half, not the end of the label of the row above: line → the line above."""
    out: dict[int, Line] = {}
    for above, line in pairwise(lines):
        gs = groups(line.text, line_numbers)
        last = gs[-1] if gs else None
        if len(gs) < 2 or last is None or last.name or not last.code_parts:
            continue
        head = groups(above.text, line_numbers)
        if len(head) == 1 and head[0].name and not (head[0].code_parts or head[0].cells or head[0].line_no):
            out[id(line)] = above
    return out


def centres_labels(lines: list[Line], line_numbers: bool) -> bool:
    """A table whose label cells are centred on their rows' lines: some line prints a code and its amounts, or its
    amounts alone, and no label, a label alone on the line above it and on the line below (``行政`` / ``2080501 72.62
    …`` / ``单位离退休``; ``区数字经济产业联盟党委`` / ``0.84 …`` / ``党建活动经费``).
    There a label of two lines prints none on its row's line, so a label alone under a row whose centred label has
    ended is the upper half of the next row's, never a third line of the last one."""

    def label_alone(line: Line) -> bool:
        gs = groups(line.text, line_numbers)
        return len(gs) == 1 and bool(gs[0].name) and not (gs[0].code_parts or gs[0].cells or gs[0].line_no)

    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        gs = groups(line.text, line_numbers)
        # a code and its amounts, or amounts alone (a table of projects prints no code), and no label
        centred = len(gs) == 1 and bool(gs[0].code_parts or gs[0].cells) and not gs[0].name
        if centred and label_alone(above) and label_alone(below):
            return True
    return False
