"""Text as a PDF's extraction prints it, read as the words it prints.

A PDF holds characters at positions; the extracted text (pdfplumber's ``extract_text``) adds a line break at the
end of every printed line and a space wherever two characters stand further apart than usual.  So a name can
come out wrapped (``政务服务\\n平台``, ``“一网\\n通办”``, ``《关于…\\n意见》``), spaced (``政 务 服 务 平 台`` on a
justified line, ``12345 热线``, ``民生卡 APP``, ``“互联网+ 政务服务”``), or in compatibility forms some fonts map
their glyphs to (full-width ``ＡＰＰ``, ``１２３４５``; Kangxi radicals ``⼯作`` for ``工作``; CJK compatibility
ideographs).  The rules and the trained NER were written on clean text.  :func:`read` gives the text the
pipeline reads — those forms folded, one character for one (:data:`COMPATIBLE`), and the spaces and line breaks
inside words dropped — with the offset of each of its characters in the text as printed, and :func:`as_source`
gives a Doc made from it the printed characters back: every token and entity then spans its exact printed
characters, a name wrapped over a line break with the line break (the annotation guideline's span).

Dropped: a space inside a word, by the one rule the reader's :func:`nlp.normalize.unwrap` reads paragraphs with
too (:func:`nlp.wordspaces.inside_words`: one space, tab or ideographic space between two characters that can
stand in a name when one of them is Chinese or full-width, between two Chinese characters only where the words
run over it or in a run of characters printed apart; two words, two Latin words or numbers — ``Windows 10`` — and
a run of two or more spaces keep theirs), here with the pipeline's words.  A line break inside a paragraph, when
the line before it is a full line of the text (as long as the lines around it, give or take a quarter) and the
line after it neither starts a list item or heading (:data:`nlp.normalize.ITEM_START`) nor is a page number or
a short line with more after it that ends no sentence (a running header), and neither line is a line of columns (a tab
between two printed characters, or two spaces or more after a row's or a page's number, lined up with a gap on
the line before or after, or cutting the line into short cells: table cells side by side, a scanned table's page
number printed before a tab — the break stands between two columns there, not inside one; one wide gap inside a
full line of prose, as a justified line's extraction may print it, ``2026年  全面提升``, is no column), and the
line after starts no further left than three characters short of where this one starts (a layout extraction
prints a right-hand column's line indented, the left column's next cell at the margin) — unless this one is a
paragraph's first line, indented however far the page prints it (eight spaces, four ideographic spaces): it starts
the text or follows an empty line or a sentence's end, and the paragraph goes on at the margin (a short line counts
its indent as printed width): a line break after a
clause, before an item or an indented line, around a page number (the guideline leaves a name broken by one
unannotated), from or into a line of columns, from a line into one of a column to its left separates, as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlp.normalize import COMPATIBLE_FORMS, ITEM_START, PAGE_NUMBER
from nlp.tokenizer import token_offsets
from nlp.wordspaces import inside_words

#: one character for one: the form the pipeline reads — the reader's compatibility forms (full-width Latin letters
#: and digits, Kangxi radicals, CJK compatibility ideographs); the ideographic and the no-break space as a space
COMPATIBLE = {**COMPATIBLE_FORMS, "\u3000": " ", "\u00a0": " "}
_TOUCHED = re.compile("[\\s" + "".join(sorted(COMPATIBLE)) + "]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = "。；！？;!?"
#: a line that ends a sentence (before a closing quote or bracket): a paragraph's last line, no table's cells
_ENDS_SENTENCE = re.compile(f"[{_SENTENCE_END}][”’」』）)]*\\s*$")
#: a gap wider than a word space between two printed characters: a tab, or two spaces or more
_GAP = re.compile(r"(?<=\S)(?:[ ]*\t|[ ]{2,})\s*(?=\S)")
#: a row's or a page's number printed in front of a line's first gap (1, 12, 3., 4、)
_ROW_NUMBER = re.compile(r"\d{1,3}[.．、]?")
#: a cell: each piece a line's gaps cut it into at most this share of a full line wide
_CELL = 0.4
#: how far apart (in Chinese characters) two lines' gaps may stand and still be one gap between two columns
_ALIGN = 1.0
#: how much further right (in Chinese characters) a line may start than the next and still run on into it (a
#: paragraph's first line indented two characters does; a cell of a column to the right does not)
_INDENT = 3.0
#: how long a line must be, against the longest of the lines around it, to be a full (wrapped) line
_FULL = 0.75
#: where :func:`as_source` keeps, on the Doc it gives, what the pipeline read in its place (:func:`read_as`)
_READ_AS = "pdftext.read_as"


@dataclass(frozen=True)
class Reading:
    """The text the pipeline reads, and ``at[i]``: the offset in the printed text of ``text[i]`` (one more entry
    at the end: the printed text's length)."""

    text: str
    at: list[int]


def _width(line: str) -> float:
    """How wide ``line`` prints, in Chinese characters (a Latin letter, digit or ASCII mark is half of one)."""
    return len(line) - sum(0.5 for c in line if c.isascii())


def _gaps(line: str) -> list[tuple[float, float]]:
    """Where ``line``'s gaps (:data:`_GAP`) print: from and to, in Chinese characters from the line's start."""
    return [(_width(line[: m.start()]), _width(line[: m.end()])) for m in _GAP.finditer(line)]


def _columns(lines: list[str], widths: list[float]) -> list[bool]:
    """Which of ``lines`` are lines of columns, with a gap (:data:`_GAP`) between two printed characters: a tab (a
    scanned table's cells); a gap after a row's or a page's number (``12  服务"改革``; not after the end of a
    number the line before starts); a gap that recurs at about the same place on the line before or after (two
    columns side by side); gaps that cut the line into pieces each at most :data:`_CELL` of a full line wide (a
    table's cells), unless the line ends a sentence (a paragraph's last line).  One gap inside a full line of prose, which a justified line's extraction may print wide
    (``2026年  全面提升``), makes no line of columns."""
    gaps = [_gaps(ln) if "\t" in ln or "  " in ln else [] for ln in lines]
    columns = []
    for j, line in enumerate(lines):
        if not gaps[j]:
            columns.append(False)
            continue
        pieces = _GAP.split(line.strip())
        full = max(widths[max(0, j - 3) : j + 5])
        near = [g for i in (j - 1, j + 1) if 0 <= i < len(lines) for g in gaps[i]]
        columns.append(
            "\t" in line.strip()
            or (bool(_ROW_NUMBER.fullmatch(pieces[0])) and not (j and lines[j - 1][-1:].isdigit()))
            or any(a - _ALIGN <= d and c <= b + _ALIGN for a, b in gaps[j] for c, d in near)
            or (all(_width(p) <= _CELL * full for p in pieces) and not _ENDS_SENTENCE.search(line))
        )
    return columns


def _indented_first_line(lines: list[str], k: int, widths: list[float], indents: list[float], width: float) -> bool:
    """Is ``lines[k]``, which starts more than :data:`_INDENT` right of the line after it, a paragraph's first line
    indented however far the page prints it (eight spaces, four ideographic spaces, a tab) rather than a cell of a
    column to the right?  It starts a paragraph (the text's first line, or after an empty line or a sentence's end), it
    is a full line of the text, and the paragraph goes on at the margin: the line after is full too and so is the
    next one's start (no line indented again: a right-hand column's next cell), or the line after ends the sentence."""
    if k and lines[k - 1].strip() and not _ENDS_SENTENCE.search(lines[k - 1]):
        return False  # a line before it that goes on: cells of columns side by side, no paragraph's start
    if indents[k] + widths[k] < _FULL * width:
        return False  # a short line: a heading
    if _ENDS_SENTENCE.search(lines[k + 1]):
        return True  # a paragraph of two lines
    return widths[k + 1] >= _FULL * width and (k + 2 == len(lines) or indents[k + 2] - indents[k + 1] <= _INDENT)


def _line_breaks(text: str) -> set[int]:
    """The line breaks of ``text`` inside a word (module docstring)."""
    lines = text.split("\n")
    widths = [_width(ln.strip()) for ln in lines]
    columns = _columns(lines, widths)
    indents = [_width(ln[: len(ln) - len(ln.lstrip())]) for ln in lines]
    drop, at = set(), -1
    for k in range(len(lines) - 1):
        at += len(lines[k]) + 1  # the line break after line k
        before, after = lines[k], lines[k + 1]
        left, right = before[-1:], after[:1]
        if not left or not right or left.isspace() or right.isspace() or left in _SENTENCE_END:
            continue  # an empty line, a space at either side (an indent), a sentence's end
        if not _CJK.search(before):
            continue  # a line of Latin letters, digits or marks (a row of figures)
        if ITEM_START.match(after) or PAGE_NUMBER.match(after) or PAGE_NUMBER.match(before):
            continue
        if columns[k] or columns[k + 1]:
            continue  # a line of columns (a table's cells, a page number before a tab): the break stands between columns
        width = max(widths[max(0, k - 3) : k + 5])
        if indents[k] - indents[k + 1] > _INDENT:
            if not _indented_first_line(lines, k, widths, indents, width):
                continue  # the line after starts far left of this one: another column (a layout extraction's margins)
        elif widths[k] + max(0.0, indents[k] - indents[k + 1]) < _FULL * width:
            continue  # a short line (its indent counted): a heading, a paragraph's last line, a header
        if k + 2 < len(lines) and widths[k + 1] < _FULL * width and after.rstrip()[-1:] not in _SENTENCE_END:
            continue  # a short line between two others that ends no sentence: a running header
        drop.add(at)
    return drop


def read(text: str, words: Callable[[str], list[tuple[int, int]]] | None = None) -> Reading | None:
    """The text the pipeline reads in place of ``text`` (None when it is ``text`` itself: the common case).
    ``words`` cuts a text into words (the pipeline's tokenizer): a lone space between two Chinese characters is
    dropped only where the words of the text read without it run over it (政务服务 平台: 政务|服务平台), and kept
    where it stands between two words (平台 建设, 项目 东方市…): it may separate them as printed.

    >>> r = read("负责依托政务服务\\n平台和１２３４５ 热线")
    >>> r.text, r.at[8], r.at[-1]
    ('负责依托政务服务平台和12345热线', 9, 20)
    >>> read("政 务 服 务 平 台").text, read("Windows 10") is None
    ('政务服务平台', True)
    """
    if not _TOUCHED.search(text):
        return None
    chars = [COMPATIBLE.get(c, c) for c in text]
    folded = "".join(chars)
    drop = _line_breaks(folded) if "\n" in text else set()
    drop |= inside_words(folded, words, drop)  # the reader's rule (nlp.wordspaces), the pipeline's words
    if not drop and folded == text:
        return None
    at = [i for i in range(len(text)) if i not in drop]
    return Reading("".join(folded[i] for i in at), [*at, len(text)])


def as_source(doc: Doc, source: str, at: list[int]) -> Doc:
    """``doc`` (made from the :class:`Reading` of ``source`` whose offsets are ``at``) with ``source``'s characters:
    each token is its printed characters (cut where a dropped space or line break stood inside it, which stands
    between the pieces as a token of its own, or as the space after the piece before it), and each entity spans
    the printed characters of its tokens — the dropped ones inside it included.  The Doc keeps what was read in
    its place (:func:`read_as`): what looks for a name's characters again (:mod:`nlp.propagation`) reads that."""
    words: list[str] = []
    spaces: list[bool] = []
    first: list[int] = []  # the Doc's token of each of ``doc``'s tokens' first piece
    last: list[int] = []
    pos = 0  # how much of ``source`` the words and spaces cover

    def gap(upto: int) -> None:
        nonlocal pos
        g = source[pos:upto]
        if g == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        elif g:
            words.append(g)
            spaces.append(False)
        pos = upto

    tokens = token_offsets(doc)
    for a, b in tokens:
        j = a
        while j < b:
            k = j + 1
            while k < b and at[k] == at[k - 1] + 1:
                k += 1
            gap(at[j])
            if j == a:
                first.append(len(words))
            words.append(source[at[j] : at[k - 1] + 1])
            spaces.append(False)
            pos = at[k - 1] + 1
            j = k
        last.append(len(words) - 1)
    gap(len(source))
    printed = Doc(doc.vocab, words=words, spaces=spaces)
    printed.ents = [
        Span(printed, first[e.start], last[e.end - 1] + 1, label=e.label_, kb_id=e.kb_id_, span_id=e.id_)
        for e in doc.ents
    ]
    printed.user_data[_READ_AS] = (doc.text, list(at), tokens)
    return printed


def read_as(doc: Doc) -> tuple[str, list[int], list[tuple[int, int]]] | None:
    """What the pipeline read in place of the printed text of ``doc`` (a Doc :func:`as_source` gave): the text it
    read, the printed offset of each of its characters (one more at the end) and the words it cut it into; None
    when ``doc``'s text is the one that was read."""
    return doc.user_data.get(_READ_AS)
