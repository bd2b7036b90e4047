"""Repair PDF-extraction damage, keeping a map from every clean character back to
the raw file.

What is repaired here (line by line, so line structure survives for the table
reader):

* ``\\r\\n`` and ``\\r`` line ends (only these and ``\\n`` end a line); form
  feeds start a new page;
* zero-width spaces and joiners, soft hyphens (dropped);
* full-width digits, Latin letters, ``％`` and the ideographic space (U+3000) become
  their ASCII forms; a full-width full stop between digits becomes ``.``, and the full-width commas
  grouping the thousands of a figure with decimals or standing alone as a cell (``１，２３４．５６``,
  ``４７１，４５２，１００``) become ``,``; Kangxi radicals and
  CJK compatibility ideographs become the ideographs they stand for (:data:`COMPATIBLE_FORMS`);
* headings printed 2–4 times over (``第一部分第一部分第一部分第一部分``);
* numbers broken by spaces (``3, 367. 47`` → ``3,367.47``, ``22. 49`` → ``22.49``);
* page numbers standing alone on a line (``- 3 -`` anywhere; a bare ``3`` between blank
  lines, or inside prose when the pages around it are numbered the same way), and a running
  header or footer printed beside one inside a sentence (:func:`_running_heads`).

What is *not* done here: joining lines wrapped mid-sentence (that depends on the
section: :func:`unwrap` does it for narrative; tables keep their lines), and
removing table headers repeated on every page (the table reader does that).

Every character of :attr:`NormalizedText.text` maps to a raw code point through
:attr:`NormalizedText.offsets`, so any span of clean text maps back to the raw
file with :meth:`NormalizedText.raw_span`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from nlp.model import Box, Grid, Span

# Full-width forms that are plain ASCII in disguise.  Chinese punctuation
# （，。：；“”）is deliberately kept: it carries meaning (and the layout reader
# recognises （一） by its full-width brackets).


_WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """``text`` with every whitespace character taken out: names and labels compared as printed, whatever the
    line breaks and spaces a page put inside them."""
    return _WHITESPACE.sub("", text)


def _compatible_forms() -> dict[str, str]:
    # each character whose NFKC form is one other character, in the ranges below
    ranges = [(0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B), (0x2E80, 0x2FE0), (0xF900, 0xFB00)]
    out = {}
    for a, b in ranges:
        for c in range(a, b):
            folded = unicodedata.normalize("NFKC", chr(c))
            if len(folded) == 1 and folded != chr(c):
                out[chr(c)] = folded
    return out


#: Compatibility forms read as the character they stand for, one for one: full-width digits and Latin letters
#: (０-９, Ａ-Ｚ, ａ-ｚ), Kangxi radicals and the CJK radicals that are an ideograph's form (⼀、 ⼯作 for 一、 工作:
#: some PDF fonts map their glyphs to them, and the extracted text carries them), CJK compatibility ideographs.
COMPATIBLE_FORMS = _compatible_forms()
_FULLWIDTH = dict(COMPATIBLE_FORMS)
_FULLWIDTH.update({"％": "%", "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " "})

_CJK = re.compile(r"[\u3400-\u9fff]")
# Zero-width spaces and joiners, word joiner, BOM inside the text, soft hyphen.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_BREAK = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
#: a figure printed with full-width punctuation (１，２３４．５６, its digits already folded): its commas group
#: thousands where a decimal point ends the groups, or where the figure stands alone between spaces as a table's
#: cell does (４７１，４５２，１００ in whole yuan) — 分别为100，200，300人 in prose is a list
_FULLWIDTH_GROUPED = re.compile(r"(?<![\d,，.．])\d{1,3}(?:，\d{3})+(?=[.．]\d)|(?<!\S)\d{1,3}(?:，\d{3})+(?!\S)")
# "3, 367. 47": a thousands separator or decimal point followed by stray spaces.  Not "16,827,600. 12,082,000.":
# figures cut at their points (their decimals wrapped onto the next line), the digits after a space the next's head.
_BROKEN_THOUSANDS = re.compile(r"(?<=\d),[ \t]+(?=\d{3}(?!\d))")
_BROKEN_DECIMAL = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*|\d+)\.[ \t]+(\d{1,2})(?![\d.]|,\d)")
_SPACE_BEFORE_POINT = re.compile(r"(?<=\d)[ \t]+(?=\.\d{2}(?![\d.]))")
#: A line that is a page number alone (12, - 12 -, —12—).
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*)?\d{1,3}\s*(?:[-—–]\s*)?$")  # no nested \s* (quadratic on long blank lines)
_NUMBER_LINE_NEIGHBOUR = re.compile(r"\d")
# "- 12 -": dashes on both sides make it a page number wherever it stands (an amount never prints so)
_DASHED_PAGE_NUMBER = re.compile(r"^\s*[-—–]\s*\d{1,3}\s*[-—–]\s*$")
_BARE_INTEGER = re.compile(r"^\s*(\d{1,3})\s*$")
_DASHED_NUMBER = re.compile(r"^\s*[-—–]\s*(\d{1,3})\s*[-—–]\s*$")


@dataclass(frozen=True)
class Line:
    """One line of clean text."""

    text: str
    start: int  # offset of the line in NormalizedText.text
    number: int  # 1-based line number in the raw file
    page: int  # 0-based page index

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class NormalizedText:
    raw: str
    text: str
    offsets: list[int]  # len(text) + 1 entries: raw index of each clean character
    lines: list[Line] = field(default_factory=list)
    _raw_line_starts: list[int] = field(default_factory=list, repr=False)
    # Laid-out sources (PDF): the box of every raw character (None where the
    # extraction added it).  None for plain text; see :meth:`box_of`.
    raw_boxes: tuple[Box | None, ...] | None = field(default=None, repr=False)
    # Laid-out sources (PDF): the ruled tables of its pages, for reading tables by geometry (nlp.geometry).
    grids: tuple[Grid, ...] = field(default=(), repr=False)
    # Indices into ``lines`` of the page numbers left out (their lines blank), and of the lines printed beside a page
    # number at two page breaks or more, kept (a running header between two sentences): no title goes on across them.
    page_numbers: frozenset[int] = field(default=frozenset(), repr=False)
    page_heads: frozenset[int] = field(default=frozenset(), repr=False)

    def raw_offset(self, i: int) -> int:
        return self.offsets[i]

    def raw_line(self, raw_index: int) -> int:
        """1-based line number of a raw offset."""
        return bisect.bisect_right(self._raw_line_starts, raw_index)

    def raw_span(self, start: int, end: int) -> Span:
        """Map a clean-text range ``[start, end)`` to a :class:`Span` of the raw file."""
        if end <= start:
            rs = self.offsets[start]
            return Span(rs, rs, "", self.raw_line(rs))
        rs = self.offsets[start]
        re_ = self.offsets[end - 1] + 1
        return Span(rs, re_, self.raw[rs:re_], self.raw_line(rs), self.raw_box(rs, re_))

    def raw_box(self, start: int, end: int) -> Box | None:
        """The region of raw characters ``[start, end)``: their boxes united on the page of the first boxed one
        (None for plain text, or when none has a box)."""
        if self.raw_boxes is None:
            return None
        out: Box | None = None
        for b in self.raw_boxes[start:end]:
            if b is None or (out is not None and b.page != out.page):
                continue
            out = b if out is None else out.union(b)
        return out

    def line_span(self, line: Line) -> Span:
        return self.raw_span(line.start, line.end)

    def box_of(self, start: int, end: int) -> Box | None:
        """The box around clean-text range ``[start, end)`` on the page of its first
        boxed character, or None (plain text, or no character of the range has a box).

        This is how the table reader places a cell by geometry when the source is laid out.
        """
        if self.raw_boxes is None:
            return None
        out: Box | None = None
        for i in range(start, min(end, len(self.text))):
            b = self.raw_boxes[self.offsets[i]] if self.offsets[i] < len(self.raw_boxes) else None
            if b is None or (out is not None and b.page != out.page):
                continue
            out = b if out is None else out.union(b)
        return out


class _Builder:
    """Accumulates clean text with the raw offset of every character."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, raw_offsets: list[int]) -> None:
        self.chars.append(text)
        self.offsets.extend(raw_offsets)

    def text(self) -> str:
        return "".join(self.chars)


def _apply(pattern: re.Pattern[str], repl, s: str, offs: list[int]) -> tuple[str, list[int]]:
    """Regex substitution that carries the offset list along.

    ``repl(match)`` returns a list of ``(text, index_in_s)`` pieces; each output
    character takes the raw offset of the input character it came from.
    """
    out: list[str] = []
    out_offs: list[int] = []
    pos = 0
    for m in pattern.finditer(s):
        out.append(s[pos : m.start()])
        out_offs.extend(offs[pos : m.start()])
        for piece, at in repl(m):
            out.append(piece)
            out_offs.extend(offs[at : at + len(piece)])
        pos = m.end()
    out.append(s[pos:])
    out_offs.extend(offs[pos:])
    return "".join(out), out_offs


def _repeat_factor(s: str) -> int:
    """How many times the line's first unit repeats back to back (1 if it doesn't).

    ``第一部分第一部分第一部分 部门…`` → 3.  Only units with a Chinese character
    count, so ``0.00 0.00 0.00`` is never taken for a repeated heading.
    """
    body = s.lstrip()
    for size in range(2, min(40, len(body) // 2) + 1):
        unit = body[:size]
        if not _CJK.search(unit):
            continue
        k = 1
        while body.startswith(unit, k * size):
            k += 1
        if k >= 2:
            return min(k, 4)
    return 1


def _collapse_repeats(s: str, offs: list[int], k: int) -> tuple[str, list[int]]:
    """Collapse every run of exactly ``k`` copies of a heading unit into one copy.

    Only a line made *entirely* of such runs (and spaces) is a repeated heading:
    ``第一部分第一部分 部门基本情况部门基本情况``.  Anything else on the line
    (``合计合计 100.00``, a table header ``科目编码\t科目名称\t…`` printed twice)
    means it is not one, and the line is returned unchanged, so digits and
    Chinese characters are never dropped.  A unit has no whitespace, no digits
    unless it has a Chinese character, and at most 40 characters (bounds the
    work on a 1 MB line).
    """
    out: list[str] = []
    out_offs: list[int] = []
    i = 0
    n = len(s)
    while i < n:
        if s[i].isspace():
            out.append(s[i])
            out_offs.append(offs[i])
            i += 1
            continue
        size = _run_unit(s, i, k)
        if size == 0:
            return s, offs  # something on the line is not a repeated unit
        out.append(s[i : i + size])
        out_offs.extend(offs[i : i + size])
        i += size * k
    return "".join(out), out_offs


def _run_unit(s: str, i: int, k: int) -> int:
    """Size of the unit repeated exactly ``k`` times from ``s[i]``, or 0."""
    for size in range(1, min(40, (len(s) - i) // k) + 1):
        unit = s[i : i + size]
        if unit[-1].isspace():
            return 0
        if not _CJK.search(unit) and any(c.isdigit() for c in unit):
            continue  # never collapse digits on their own (``00`` in ``100.00``)
        if s.startswith(unit * k, i) and not s.startswith(unit, i + size * k):
            return size
    return 0


def _fix_line(s: str, offs: list[int]) -> tuple[str, list[int]]:
    if not _ZERO_WIDTH.isdisjoint(s):  # invisible, but they split numbers and headings
        keep = [j for j, c in enumerate(s) if c not in _ZERO_WIDTH]
        s, offs = "".join(s[j] for j in keep), [offs[j] for j in keep]
    s = "".join(_FULLWIDTH.get(c, c) for c in s)
    if "，" in s:
        s = _FULLWIDTH_GROUPED.sub(lambda m: m[0].replace("，", ","), s)
    # A full-width full stop between digits is a decimal point.
    if "．" in s:
        s = re.sub(r"(?<=\d)．(?=\d)", ".", s)
    k = _repeat_factor(s)
    if k >= 2:
        s, offs = _collapse_repeats(s, offs, k)
    s, offs = _apply(_BROKEN_THOUSANDS, lambda m: [(",", m.start())], s, offs)
    s, offs = _apply(_SPACE_BEFORE_POINT, lambda m: [], s, offs)
    s, offs = _apply(
        _BROKEN_DECIMAL,
        lambda m: [(m.group(1) + ".", m.start(1)), (m.group(2), m.start(2))],
        s,
        offs,
    )
    return s, offs


def _is_page_number(lines: list[str], i: int) -> bool:
    """A short integer alone on a line, with no number-bearing neighbour lines.

    Table cells never stand alone like that: an amount on its own line follows
    a wrapped row label (a line with no digits) and carries decimals.
    """
    if not PAGE_NUMBER.match(lines[i]):
        return False

    def neighbour(step: int) -> str:
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        return lines[j] if 0 <= j < len(lines) else ""

    before, after = neighbour(-1), neighbour(1)
    blank_around = (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())
    return blank_around and not PAGE_NUMBER.match(before) and not PAGE_NUMBER.match(after)


def _page_numbers_in_prose(lines: list[str]) -> set[int]:
    """Bare page numbers of text extracted page by page with no blank line around them
    (pdfplumber joins pages with one newline): "应" / "2" / "用。" inside a sentence.

    A lone integer counts when both neighbour lines are prose (Chinese text not ending in a
    digit) and the page before or after it is numbered somewhere else on a line of its
    own — a lone figure in a table has no such sequence.
    """

    def prose(j: int) -> bool:
        t = lines[j].strip() if 0 <= j < len(lines) else ""
        return bool(t) and bool(_CJK.search(t)) and not t[-1].isdigit() and "\t" not in t

    found: dict[int, int] = {}
    numbers: set[int] = set()  # every page-number-like line: the sequence a candidate must belong to
    for i, line in enumerate(lines):
        m = _BARE_INTEGER.match(line) or _DASHED_NUMBER.match(line)
        if not m:
            continue
        numbers.add(int(m.group(1)))
        if _BARE_INTEGER.match(line) and prose(i - 1) and prose(i + 1):
            found[i] = int(m.group(1))
    return {i for i, n in found.items() if n - 1 in numbers or n + 1 in numbers}


#: what a running header never is (besides a line of columns): an amount, a unit's label, a sentence's end
_NO_HEAD = re.compile(r"\d[.,]\d|单位[：:]|[。；;！？!?]\s*$")
#: a table's cells side by side on a line (a tab, two spaces, or Chinese, a space, Chinese): no line of prose
_COLUMNS = re.compile(r"\t| {2,}|[\u3400-\u9fff）)] [\u3400-\u9fff（(]")
_SENTENCE_ENDS = re.compile(r"[。；;！？!?：:][”’」』）)]*\s*$")


def _running_heads(lines: list[str], numbers: set[int]) -> tuple[set[int], set[int]]:
    """The running header or footer a page break prints into a sentence (…建设政务服务 / 3 / 某某局2026年部门预算 /
    平台…), which the sentence would otherwise read as its own words: a line of 4–40 characters with Chinese text
    next to a page number on a line of its own (``numbers``), where the line before the two is prose that ends no
    sentence (eight characters or more) and the line after is prose (no line of columns in either), printed so at two
    page breaks or more (the report's title, the agency's name), or at one when it is the text's first line (the
    title); so known, it is dropped at every page number it stands beside (between two sentences too).  Never a line of columns (:data:`_COLUMNS`), an amount, a unit's label or a sentence (:data:`_NO_HEAD`),
    nor a heading (an item's start).  Also returns the lines printed beside a page number at two page breaks or more
    that are kept (between two sentences only, never inside one): a running header too, but no word of a sentence."""

    def prose(k: int, least: int) -> bool:
        t = lines[k].strip() if 0 <= k < len(lines) and k not in numbers else ""
        return len(t) >= least and bool(_CJK.search(t)) and not _COLUMNS.search(t)

    inside: dict[str, list[int]] = {}  # beside a page number inside a sentence
    beside: dict[str, list[int]] = {}  # beside a page number anywhere
    for i in sorted(numbers):
        for j in (i - 1, i + 1):
            t = lines[j].strip() if 0 <= j < len(lines) and j not in numbers else ""
            if not 4 <= len(t) <= 40 or not _CJK.search(t) or _NO_HEAD.search(t) or _COLUMNS.search(t):
                continue
            if ITEM_START.match(t):  # a heading at a page's top
                continue
            beside.setdefault(t, []).append(j)
            before, after = min(i, j) - 1, max(i, j) + 1
            if prose(before, 8) and not _SENTENCE_ENDS.search(lines[before]) and prose(after, 1):
                inside.setdefault(t, []).append(j)
    title = next((ln.strip() for ln in lines if ln.strip()), "")
    # a header once known (inside sentences) is one at every page break it is printed at, between sentences too
    dropped = {j for t, js in inside.items() if len(js) >= 2 or t == title for j in beside[t]}
    return dropped, {j for js in beside.values() if len(js) >= 2 for j in js} - dropped


def normalize(raw: str, boxes: tuple[Box | None, ...] | None = None, grids: tuple[Grid, ...] = ()) -> NormalizedText:
    """Repair extraction damage line by line; see the module docstring.

    ``boxes`` (one per raw character, for laid-out sources) are kept as they are:
    every clean character maps to its raw character, and so to its box; so are the
    ``grids`` of a laid-out source's ruled tables.
    """
    # Only CR, LF and CRLF end a line (str.splitlines would also split at form
    # feeds and U+2028, and line numbers would disagree with every editor's).
    raw_lines = [ln for ln in _LINE_BREAK.split(raw) if ln]
    starts: list[int] = []
    pos = 0
    for ln in raw_lines:
        starts.append(pos)
        pos += len(ln)
    stripped = [ln.rstrip("\r\n") for ln in raw_lines]

    prose_pages = _page_numbers_in_prose(stripped)
    numbers = {i for i, s in enumerate(stripped) if _is_page_number(stripped, i) or _DASHED_PAGE_NUMBER.match(s)}
    numbers |= prose_pages
    heads, kept_heads = _running_heads(stripped, numbers)
    b = _Builder()
    lines: list[Line] = []
    page = 0
    out_pos = 0
    for i, (s, start) in enumerate(zip(stripped, starts)):
        if s.startswith("\f"):
            page += 1
        elif s.startswith(" ") and not s.startswith("  ") and s.strip() and i > 0 and not stripped[i - 1].strip():
            # pdftotext-style page start: the first line of a page begins with one space.
            page += 1
        if i in numbers or i in heads:
            s = ""
        offs = list(range(start, start + len(s)))
        s = s.replace("\f", " ")
        text, offs = _fix_line(s, offs)
        text = text.rstrip()
        offs = offs[: len(text)]
        lines.append(Line(text, out_pos, i + 1, page))
        b.add(text, offs)
        # the newline maps to the raw line end (or end of file)
        nl_at = start + len(s) if i + 1 < len(starts) else len(raw)
        b.add("\n", [min(nl_at, max(len(raw) - 1, 0))])
        out_pos += len(text) + 1
    text = b.text()
    offsets = [*b.offsets, len(raw)]
    return NormalizedText(
        raw=raw,
        text=text,
        offsets=offsets,
        lines=lines,
        _raw_line_starts=starts,
        raw_boxes=boxes,
        grids=grids,
        page_numbers=frozenset(numbers),
        page_heads=frozenset(kept_heads),
    )


_SENTENCE_END = "。；;！？!?：:”」）)"
#: what ends a paragraph's last line: a sentence's end, a list's intro
_PARAGRAPH_END = re.compile(r"[。；;！？!?：:][”’」』）)]*$")
#: an annex's label alone on its line
_ANNEX = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*$")
#: what a title never holds: the punctuation of a sentence
_NO_TITLE = re.compile(r"[，,。；;：:！？!?、]")


def _printed_width(text: str) -> float:
    """How wide ``text`` is printed, in Chinese characters: a figure, a Latin letter or a space is half as wide (a line
    of 2022 年 5 月 holds more characters than a line of Chinese text as wide).  A line is full when it is so in
    characters or as printed (text cut by characters, or laid out by width)."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def _starts_paragraph(lines: list[Line], lengths: list[tuple[float, float]], i: int) -> bool:
    """Does line ``i`` start a paragraph with no enumerator: after a paragraph finished on the line before (a sentence
    ended on a line shorter than the lines around it, or the new line is indented, or a title starts on it), after an
    annex's label (附件2), or after a title (:func:`_title_ends`: 其他重要事项的情况说明 / 某某中心（单位）机构设置,
    wrapped or not), also after a table's row."""
    prev, t = lines[i - 1].text.strip(), lines[i].text
    lead = len(t) - len(t.lstrip())
    if _ANNEX.match(prev):  # an annex's label on a line of its own: 附件 / 附件2
        return True
    title_starts = any(_title_ends(lines, lengths, k) for k in (i, i + 1, i + 2))
    if _PARAGRAPH_END.search(prev):
        return not _full(lengths, i - 1) or lead >= 2 or title_starts
    if _COLUMNS.search(prev) or not _CJK.search(prev):  # a table's row (cells apart, or figures alone), then a title
        return title_starts
    return _title_ends(lines, lengths, i - 1) and not _title_ends(lines, lengths, i)


def _full(lengths: list[tuple[float, float]], i: int) -> bool:
    """Is line ``i`` as wide as the lines around it (a paragraph's line that goes on), in characters or as printed?"""
    near = lengths[max(0, i - 3) : i + 4]
    return any(lengths[i][k] >= 0.8 * max(w[k] for w in near) for k in (0, 1))


def _title_ends(lines: list[Line], lengths: list[tuple[float, float]], i: int) -> bool:
    """Does a title's last line stand at ``i``: a line shorter than the lines around it with no sentence's punctuation,
    the next an enumerated line, a full line, a sentence or twice as long (the text after a heading)?"""
    if not 0 <= i < len(lines) - 1:
        return False
    t, nxt = lines[i].text.strip(), lines[i + 1].text.strip()
    if _full(lengths, i) or _NO_TITLE.search(t) or not _CJK.search(t) or not _CJK.search(nxt) or _open(t):
        return False  # (a table's label before its row of figures; a name going on: 印发《关于…工作法 / 治化的意见》)
    if ITEM_START.match(nxt):  # an enumerated heading or item after it
        return True
    return (
        _full(lengths, i + 1)
        or _PARAGRAPH_END.search(nxt) is not None
        or lengths[i + 1][1] >= max(2 * lengths[i][1], 20)
    )


def _open(text: str) -> bool:
    """Does ``text`` leave a bracket or a quotation open (其他重要事项的（, 印发《关于…)?"""
    return any(text.count(a) > text.count(b) for a, b in ("（）", "()", "《》", "“”", "〔〕", "【】"))


#: What starts a numbered or bulleted item (第一部分, 一、, （一）, 1., ①, •): a new paragraph.
ITEM_START = re.compile(
    r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]\D|[①-⑳]|[-•·]\s)"
)


def unwrap(
    norm: NormalizedText,
    start_line: int,
    end_line: int,
    keep: Callable[[str], bool] | None = None,
    *,
    unnumbered: bool = False,
) -> list[tuple[str, list[int]]]:
    """Join lines wrapped mid-sentence into paragraphs, for narrative text.

    Returns ``(paragraph, clean_offsets)`` pairs where ``clean_offsets[i]`` is the
    offset in ``norm.text`` of the paragraph's ``i``-th character (map it to the
    raw file with ``norm.offsets``).  A new paragraph starts at an enumerator
    (（一）, 一、, 1.), and with none (``unnumbered``, :func:`_starts_paragraph`) after a sentence ended on a short line
    or before an indented line, and after a title that a full line or a sentence follows.  A space inside a word, left by
    the PDF's line layout, is dropped by the rule the extraction reads text with
    (:func:`nlp.wordspaces.inside_words`: 政务服务 平台, 政 务 服 务, 12345 热线); a space
    between two words (two table cells, a heading's parts) is kept.  ``keep``: which
    paragraphs to return, asked of each with its spaces as printed (reading them costs a
    word segmentation, which the tables a caller drops need not pay).  Without ``unnumbered``, at enumerators only:
    so the silver the shipped model was trained on was read (:func:`nlp.silver.narrative_sentences`, frozen in
    training/devset/labels.jsonl; read with ``unnumbered`` it would change: a retrain's).
    """
    from nlp.wordspaces import inside_words

    paragraphs: list[tuple[str, list[int]]] = []
    cur: list[str] = []
    cur_offs: list[int] = []

    def flush() -> None:
        text = "".join(cur)
        if text and (keep is None or keep(text)):
            drop = inside_words(text) if " " in text or "\t" in text else set()
            at = [i for i in range(len(text)) if i not in drop] if drop else range(len(text))
            paragraphs.append(("".join(text[i] for i in at) if drop else text, [cur_offs[i] for i in at]))
        cur.clear()
        cur_offs.clear()

    lines = [ln for ln in norm.lines[start_line:end_line] if ln.text.strip()]
    lengths = [len(ln.text.strip()) for ln in lines]
    widths = [(float(n), _printed_width(ln.text.strip())) for n, ln in zip(lengths, lines)] if unnumbered else []
    heading = False
    for i, line in enumerate(lines):
        t = line.text
        lead = len(t) - len(t.lstrip())
        t_body = t.strip()
        if ITEM_START.match(t_body) or heading or (unnumbered and i > 0 and _starts_paragraph(lines, widths, i)):
            flush()
        # an enumerated line well short of the lines around it is a heading, not a wrapped paragraph's first
        # line: what follows is a paragraph of its own (三、综合评价情况及评价结论 / 全国信访信息系统维护费…)
        width = max(lengths[max(0, i - 3) : i + 4])
        heading = bool(ITEM_START.match(t_body)) and len(t_body) < 0.6 * width and t_body[-1] not in "，、（(“"
        cur.append(t_body)
        cur_offs.extend(range(line.start + lead, line.start + lead + len(t_body)))
    flush()
    return paragraphs
