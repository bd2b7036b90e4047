"""Rows of a table with a text column (绩效目标) whose cells are centred on the row's line of amounts, read
from text without geometry::

    园区日常保洁绿化、设
    施维护、安保值守、绩效评 36.47 36.47 36.47 0.00 0.00 0.00 0.00
    估审计等运营和管理费用
    通过贷款贴息等扶持措施有效减轻全市中小微型企业融
    某某市中小企业发展专
    483.56 483.56 483.56 0.00 0.00 0.00 0.00资压力，支持企业发展，多渠道扶持全市中小企业成
    项资金（稳增长事项）
    长。

The name cell and the text cell each wrap in their narrow column and each is centred on the amounts: as many of
its lines are printed above the line of amounts as below it (the middle one, for an odd count, on that line).  A
line between two lines of amounts is cut into the name's piece (first, as narrow as the name column) and the
text's; the pieces between two rows are then the first row's lower half and the next row's upper half, in that
order, one column at a time.

The reading is used only when it is consistent and shows the layout: every row's upper half fits the pieces
printed before it, the last row's lower half is exactly what is left, and some name is printed both above and
below its amounts.  Anything else (a text printed after its amounts, a label over its amounts) is left to
:mod:`nlp.rowassembly`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.normalize import Line

# a figure, or a zero printed as a dash standing alone (before a space, the line's end or the text glued after it)
_AMOUNT = re.compile(r"-?\d[\d,]*\.\d+|[-—–](?=\s|$|[\u3400-\u9fff])")
_MIN_AMOUNTS = 3  # a line of amounts prints at least this many (a 项目支出 table has seven columns or so)
_SENTENCE = re.compile(r"[，。；：！？,;:!?]")
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*[”’）)]?\s*$")
# the stretches of a line between column breaks: a space beside a quote mark is the text's own (首次 “叫应” 后)
_STRETCH = re.compile(r"\S+(?:\s+(?=[“‘\"'])\S+|(?<=[”’\"'])\s+\S+)*")
_SLACK = 1.5  # a name's piece may be this much wider than the widest printed before amounts (brackets, digits)


@dataclass
class Piece:
    line: Line
    start: int  # offsets in the line's text
    end: int


@dataclass
class CentredRow:
    """One row: its line of amounts, the amounts' offsets there, its name's and its text's pieces in order."""

    line: Line
    amounts: list[tuple[int, int]]
    name: list[Piece] = field(default_factory=list)
    text: list[Piece] = field(default_factory=list)


def _width(s: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


def amounts_run(text: str) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The longest run of amounts separated by spaces only (the text may follow the last one directly); a zero
    printed as a dash standing alone is one of them (a row of zeros may print dashes only)."""
    best: list[re.Match] = []
    run: list[re.Match] = []
    for m in _AMOUNT.finditer(text):
        if run and (text[run[-1].end() : m.start()].strip() or m.start() == run[-1].end()):
            run = []
        if not run and m.start() > 0 and not text[m.start() - 1].isspace():
            continue  # a figure inside a word (…2025年…): not the start of the amounts
        run.append(m)
        if len(run) > len(best):
            best = list(run)
    if len(best) < _MIN_AMOUNTS:
        return None
    return best[0].start(), best[-1].end(), [(m.start(), m.end()) for m in best]


def _split(line: Line, start: int, end: int, width: float) -> tuple[Piece | None, Piece | None]:
    """A stretch of a line: the name's piece (its first word, as narrow as the name column, no sentence mark in it)
    and the text's (the rest)."""
    words = list(_STRETCH.finditer(line.text, start, end))
    if not words:
        return None, None
    first = words[0]
    if _width(first.group()) <= width + _SLACK and not _SENTENCE.search(first.group()):
        name = Piece(line, first.start(), first.end())
        rest = words[1:]
    else:
        name, rest = None, words
    text = Piece(line, rest[0].start(), rest[-1].end()) if rest else None
    return name, text


def centred_rows(body: list[Line]) -> list[CentredRow] | None:
    """The rows of ``body`` (the table's lines, page furniture and repeated headers already left out) read as
    centred cells; None when the lines do not read that way."""
    runs = [amounts_run(ln.text) for ln in body]
    at = [i for i, r in enumerate(runs) if r is not None]
    if len(at) < 2:
        return None
    # the name column's width: the widest name printed before its amounts — or, where every name that fills the
    # column wraps (its head printed above its amounts, beside the text's first line), the widest such head
    width = max((_width(body[i].text[: runs[i][0]].strip()) for i in at), default=0.0)  # type: ignore[index]
    if width < 2:
        return None
    # a head beside the text's first line, or alone right above a line of amounts printing no name
    nameless = {i - 1 for i in at if not body[i].text[: runs[i][0]].strip()}  # type: ignore[index]
    heads = [_heads(ln.text, i in nameless) for i, ln in enumerate(body) if runs[i] is None]
    wider = max((w for w in heads if w is not None), default=0.0)
    rows = _read(body, runs, wider) if wider > width + _SLACK else None
    return rows if rows is not None else _read(body, runs, width)


def _heads(text: str, alone: bool) -> float | None:
    """The width of a line's first stretch when it may be a name's piece: no sentence mark in it, and a text's piece
    after it or (``alone``) it is over a line of amounts that prints no name."""
    words = _STRETCH.findall(text)
    if not words or (len(words) < 2 and not alone) or _SENTENCE.search(words[0]):
        return None
    return _width(words[0])


def _read(body: list[Line], runs: list, width: float) -> list[CentredRow] | None:
    rows: list[CentredRow] = []
    names_between: list[list[Piece]] = [[]]
    texts_between: list[list[Piece]] = [[]]
    for i, ln in enumerate(body):
        run = runs[i]
        if run is None:
            name, text = _split(ln, 0, len(ln.text), width)
            if name:
                names_between[-1].append(name)
            if text:
                texts_between[-1].append(text)
            continue
        start, end, amounts = run
        row = CentredRow(ln, amounts)
        before = _WORD.findall(ln.text[:start])
        if before:
            row.name.append(
                Piece(ln, len(ln.text[:start]) - len(ln.text[:start].lstrip()), len(ln.text[:start].rstrip()))
            )
        after = ln.text[end:]
        if after.strip():
            row.text.append(Piece(ln, end + len(after) - len(after.lstrip()), len(ln.text.rstrip())))
        rows.append(row)
        names_between.append([])
        texts_between.append([])
    if not _share(rows, names_between, "name") or not _share(rows, texts_between, "text"):
        return None
    wrapped = any(r.name and r.name[-1].line is not r.line and r.name[0].line.number < r.line.number for r in rows)
    if not wrapped and not _texts_centred(rows):
        return None  # no name above and below its amounts, no text that shows the layout: not this layout
    return rows


def _texts_centred(rows: list[CentredRow]) -> bool:
    """Where no name wraps (each is printed on its line of amounts), the texts tell: some row's text starts above its
    line of amounts and every row's text ends at the end of a sentence.  Read as printed after their amounts instead, a row's text would take the next
    row's upper half and end inside a sentence (…协助从事气象, the rest of it printed on the next row's line)."""
    if any(pc.line is not r.line for r in rows for pc in r.name):
        return False  # a name wraps: it is printed above and below its amounts, or this is not the layout
    texts = [r for r in rows if r.text]
    if not any(r.text[0].line.number < r.line.number for r in texts):
        return False
    if not all(_ends_sentence(r.text[-1]) for r in texts):
        return False
    return not _texts_after_end_sentences(rows)


def _ends_sentence(piece: Piece) -> bool:
    return bool(_SENTENCE_END.search(piece.line.text[piece.start : piece.end]))


def _texts_after_end_sentences(rows: list[CentredRow]) -> bool:
    """Read as printed after their amounts — each row's text its line's and the lines' down to the next row — does
    every text end a sentence, and none stand above the first row?  Then that plain layout fits as well (targets of
    a sentence a line: 1.完成系统运维。 / 2.保障平台稳定运行。) and nothing shows the texts centred."""
    pieces = sorted((pc for r in rows for pc in r.text), key=lambda pc: (pc.line.number, pc.start))
    starts = [r.line.number for r in rows]
    if not pieces or pieces[0].line.number < starts[0]:
        return False
    for k, first in enumerate(starts):
        below = starts[k + 1] if k + 1 < len(starts) else None
        group = [pc for pc in pieces if pc.line.number >= first and (below is None or pc.line.number < below)]
        if group and not _ends_sentence(group[-1]):
            return False
    return True


def _share(rows: list[CentredRow], between: list[list[Piece]], column: str) -> bool:
    """Hand the pieces between rows to them: as many below a row as above it.  False when they do not fit."""
    above = len(between[0])
    for k, row in enumerate(rows):
        on_line = getattr(row, column)
        gap = between[k + 1]
        if len(gap) < above:
            return False
        pieces = between[k] if k == 0 else between[k][len(between[k]) - above :]
        setattr(row, column, pieces + on_line + gap[:above])
        above = len(gap) - above
    return above == 0
