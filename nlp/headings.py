"""Enumerators of Chinese report text (第一部分 / 一、/ （一）/ 1. / (1) / ① / 一是) and
the logical paragraphs (blocks) they open.

Shared by :mod:`nlp.layout` (which of the enumerated paragraphs are headings) and
:mod:`nlp.narrative` (the enumerated items inside a section: 职责, 重点工作 …).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nlp.normalize import NormalizedText

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零一二两三四五六七八九十百"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_to_int(s: str) -> int | None:
    """``"十二"`` → 12, ``"二十一"`` → 21, ``"一〇五"`` → 105, ``"7"`` → 7."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(c not in _CN_DIGIT and c not in "十百" for c in s):
        return None
    if "十" not in s and "百" not in s:  # digit by digit: 二〇一八
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
    return total + cur


# (style, level, pattern).  Level follows nlp.model.Section.level; "shi" (一是/二是)
# is an in-paragraph enumerator used for items only, never for headings.
# A "1." followed by one or two digits and a non-digit is a decimal (1.5万元), not an item; so is "一.1" (a
# numbering of its own), but "一.2019年度…" is a heading.
_STYLES: list[tuple[str, int, re.Pattern[str]]] = [
    ("part", 0, re.compile(rf"第\s*([{_CN_NUM}\d]+)\s*部分")),
    ("cn", 1, re.compile(r"([一二三四五六七八九十]+)\s*(?:、|[．.](?!\d{1,2}(?!\d)))")),
    ("cn_paren", 2, re.compile(r"[（(]\s*([一二三四五六七八九十]+)\s*[)）]")),
    ("num", 3, re.compile(r"(\d{1,2})\s*(?:[、]|[.．](?!\d{1,2}(?!\d)))")),
    ("num_paren", 4, re.compile(r"[（(]\s*(\d{1,2})\s*[)）]")),
    ("num_half", 4, re.compile(r"(\d{1,2})[)）]")),
    ("circled", 5, re.compile(rf"([{_CIRCLED}])")),
    ("shi", 6, re.compile(r"\**([一二三四五六七八九十]+)是\**(?=[\u4e00-\u9fff，,、：:])[，,、：:]?")),
    # ordinals, for items only: 第一条 / 第二条, 第一、 / 第二， / 其一、 (a count's word at a line's start otherwise: 第一批,
    # 第一季度, 第二次 — and after a line that ends no clause, a sentence's word wrapped there: …居全市各区 / 第二，各项…)
    ("article", 3, re.compile(rf"第\s*([{_CN_NUM}\d]+)\s*条(?![例件款])")),
    ("ordinal", 3, re.compile(r"[第其]([一二三四五六七八九十]+)\s*[、，,：:]")),
]
# list bullets and markdown emphasis left by some PDF converters: "- (一)", "**伙食补助费:**"
_LEAD = re.compile(r"^[\s\-•·*]*")

HEADING_STYLES = ("part", "cn", "cn_paren", "num", "num_paren", "num_half", "circled")
#: The enumerators of a list's items: the headings' and the ordinals (第一条 / 第一、 / 其一，), which start an item
#: only where the line before ended a clause or a heading (:func:`blocks`).
ITEM_STYLES = (*HEADING_STYLES, "article", "ordinal")
ORDINAL_STYLES = ("article", "ordinal")
_STYLE_LEVEL = {style: level for style, level, _ in _STYLES}


@dataclass(frozen=True)
class Marker:
    style: str
    level: int
    number: int
    printed: str  # the enumerator as printed, e.g. "（一）"
    start: int  # index of the enumerator in the line
    end: int  # index of the first character after it (spaces skipped)


def parse_marker(text: str, styles: tuple[str, ...] = HEADING_STYLES) -> Marker | None:
    """The enumerator a line starts with, or None."""
    lead = m.end() if (m := _LEAD.match(text)) else 0  # the pattern matches at least ""
    for style, level, pattern in _STYLES:
        if style not in styles:
            continue
        m = pattern.match(text, lead)
        if not m:
            continue
        raw = m.group(1)
        number = _CIRCLED.index(raw) + 1 if style == "circled" else cn_to_int(raw)
        if number is None or number == 0:
            continue
        end = m.end()
        while end < len(text) and text[end] in " \t*":
            end += 1
        if end >= len(text) and style != "part":
            continue  # a bare "1." is a page or column number, not an item
        return Marker(style, level, number, text[m.start() : m.end()].strip("* "), m.start(), end)
    return None


_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_FINAL = "。！？!?；;"


_GLUE = r"\u3400-\u9fff，。、；：“”（）"
_LAYOUT_SPACE = re.compile(rf"(?<=[{_GLUE}])[ \t]+(?=[{_GLUE}])")


def squeeze(s: str) -> str:
    """Drop spaces between two Chinese characters (PDF layout artefacts)."""
    return _LAYOUT_SPACE.sub("", s)


def squeeze_with_offsets(s: str, base: int) -> tuple[str, list[int]]:
    """:func:`squeeze`, with the offset ``base + i`` of every kept character."""
    if " " not in s and "\t" not in s:
        return s, list(range(base, base + len(s)))
    keep = [True] * len(s)
    for m in _LAYOUT_SPACE.finditer(s):
        for k in range(m.start(), m.end()):
            keep[k] = False
    return "".join(c for c, k in zip(s, keep) if k), [base + i for i, k in enumerate(keep) if k]


def is_tabular(text: str) -> bool:
    """A table line: tab-separated cells or two or more amounts."""
    body = text.rstrip()
    if "\t" in body.strip() or body.startswith("\t\t"):
        return True
    # two or more amounts standing bare (in narrative they carry a unit: 万元, %)
    return len(_BARE_AMOUNT.findall(text)) >= 2


_BARE_AMOUNT = re.compile(r"(?<![\d.])\d[\d,]*\.\d{2}(?![\d.])(?!\s*(?:万|元|亿|千|%|％|个|人|项))")


@dataclass
class Block:
    """A logical paragraph: lines joined, PDF wraps undone.

    ``offsets[i]`` is the offset in ``NormalizedText.text`` of ``text[i]``.
    """

    text: str
    offsets: list[int]
    first_line: int  # index into NormalizedText.lines
    last_line: int
    marker: Marker | None = None

    @property
    def body(self) -> str:
        """The text after the enumerator."""
        return self.text[self.body_start() :]

    def body_start(self) -> int:
        """Where the text after the enumerator starts in ``text`` (0 without an enumerator)."""
        if self.marker is None:
            return 0
        m = parse_marker(self.text, styles=(self.marker.style,))
        return m.end if m else 0

    def body_range(self) -> tuple[int, int]:
        """Clean-text range ``[start, end)`` of the text after the enumerator."""
        b = self.body_start()
        if b >= len(self.offsets):
            return (self.offsets[-1], self.offsets[-1] + 1) if self.offsets else (0, 0)
        return self.offsets[b], self.offsets[-1] + 1

    def range(self) -> tuple[int, int]:
        return (self.offsets[0], self.offsets[-1] + 1) if self.offsets else (0, 0)


def blocks(
    norm: NormalizedText,
    start_line: int,
    end_line: int,
    styles: tuple[str, ...] = ITEM_STYLES,
    headings: frozenset[int] | set[int] = frozenset(),
) -> list[Block]:
    """Split lines ``[start_line, end_line)`` into logical paragraphs.

    A block starts at every enumerated line.  An enumerated item runs on until the
    next enumerator, so an item wrapped exactly at a full stop stays whole.  Plain
    text starts a new block after a line ending a sentence when it is indented or
    introduces a list (ends with "："), and after any table line.  ``headings``
    are the indices of heading lines: a heading is a block of its own.  An ordinal
    (第二条, 第二，) starts an item only after a clause's end, a heading or a table.
    """
    out: list[Block] = []
    cur: Block | None = None
    prev_text = ""
    for idx in range(start_line, min(end_line, len(norm.lines))):
        line = norm.lines[idx]
        t = line.text
        if not t.strip():
            continue
        if is_tabular(t):
            cur = None
            prev_text = t
            continue
        lead = len(t) - len(t.lstrip())
        body = t.strip()
        marker = parse_marker(body, styles)
        prev_final = prev_text.rstrip()[-1:] in _SENTENCE_FINAL + "：:" if prev_text.strip() else True
        wrapped_word = not prev_final and cur is not None and cur.last_line not in headings
        if marker is not None and marker.style in ORDINAL_STYLES and wrapped_word:
            marker = None  # a sentence's word wrapped to the line's start: …居全市各区 / 第二，各项指标…
        starts_new = (
            marker is not None
            or cur is None
            or (idx in headings) != (cur.last_line in headings)
            or (prev_final and (cur.marker is None or lead >= 2 or body.endswith(("：", ":"))))
        )
        piece, offs = squeeze_with_offsets(body, line.start + lead)
        if starts_new or cur is None:
            cur = Block(piece, offs, idx, idx, marker)
            out.append(cur)
        else:
            cur.text += piece
            cur.offsets.extend(offs)
            cur.last_line = idx
        prev_text = t
    return out


# --- enumerations inside a paragraph: "主要职能是：1.贯彻…。2.负责…" / "一是…；二是…" ----------------------
# An inline enumerator counts only where a clause has ended (or a list was introduced) just before
# it, and only in an unbroken run 1, 2, 3 …: "增长1.5%" or "第2.3条" never start an item.
_CLAUSE_END = "。；;：:！？!?"
_INLINE_STYLES = ("num", "cn_paren", "num_paren", "circled", "shi")


def _inline_at(text: str, pos: int, style: str, number: int) -> Marker | None:
    """An enumerator of ``style`` numbered ``number`` standing at ``pos`` after a clause's end."""
    before = text[:pos].rstrip()
    ok = not before or before[-1] in _CLAUSE_END or (style == "shi" and before[-1] in "，,")
    if not ok:
        return None
    m = parse_marker(text[pos:], styles=(style,))
    if m is None or m.number != number or m.start != 0:
        return None
    return Marker(m.style, m.level, m.number, m.printed, pos, pos + m.end)


def _inline_run(text: str, begin: int, style: str, first: int) -> list[Marker]:
    """Enumerators of one style numbered ``first``, ``first + 1`` … after ``begin``, in order."""
    found: list[Marker] = []
    number, pos = first, begin
    pattern = next(p for s, _, p in _STYLES if s == style)
    while True:
        hit = None
        for m in pattern.finditer(text, pos):
            hit = _inline_at(text, m.start(), style, number)
            if hit:
                break
        if hit is None:
            return found
        found.append(hit)
        number, pos = number + 1, hit.end


def split_inline(norm: NormalizedText, blks: list[Block], styles: tuple[str, ...] = _INLINE_STYLES) -> list[Block]:
    """Blocks with their inline enumerations split out as blocks of their own.

    An enumerated block goes on with the numbers after its own ("1.提升…；2.深化…" →
    items 1 and 2); a plain block may start a list inline from 1 ("…职能是：1.…2.…",
    at least two items).  The text before the first inline item stays a plain block
    (an intro such as "…主要职能是：").  Once a list has gone inline, the plain blocks
    after it (a line that happened to end at a full stop) belong to its last item until
    the next number turns up; any enumerated block closes it.
    """
    starts = [line.start for line in norm.lines]
    out: list[Block] = []
    inline: tuple[str, int] | None = None  # (style, next number) of a list gone inline

    def line_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def emit(blk: Block, runs: list[Marker]) -> None:
        for k, m in enumerate(runs):
            end = runs[k + 1].start if k + 1 < len(runs) else len(blk.text)
            piece = blk.text[m.start : end].rstrip()
            offs = blk.offsets[m.start : m.start + len(piece)]
            marker = Marker(m.style, m.level, m.number, m.printed, 0, m.end - m.start)
            add(Block(piece, offs, line_of(offs[0]), line_of(offs[-1]), marker))

    def add(blk: Block) -> None:
        """``blk``, and the list of a deeper level it may hold: "（二）…支撑。一是…二是…"."""
        nonlocal inline
        sub: list[Marker] = []
        if blk.marker is not None:
            for style in styles:
                if _STYLE_LEVEL[style] > blk.marker.level:
                    sub = _inline_run(blk.text, blk.body_start(), style, 1)
                    if len(sub) >= 2:
                        break
                    sub = []
        if not sub:
            out.append(blk)
            return
        head = blk.text[: sub[0].start].rstrip()
        offs = blk.offsets[: len(head)]
        out.append(Block(head, offs, blk.first_line, line_of(offs[-1]), blk.marker))
        for k, m in enumerate(sub):
            end = sub[k + 1].start if k + 1 < len(sub) else len(blk.text)
            piece = blk.text[m.start : end].rstrip()
            poffs = blk.offsets[m.start : m.start + len(piece)]
            out.append(
                Block(
                    piece,
                    poffs,
                    line_of(poffs[0]),
                    line_of(poffs[-1]),
                    Marker(m.style, m.level, m.number, m.printed, 0, m.end - m.start),
                )
            )
        inline = (sub[0].style, sub[-1].number + 1)

    for blk in blks:
        runs: list[Marker] = []
        if blk.marker is not None:
            inline = None
            if blk.marker.style in styles:
                runs = _inline_run(blk.text, blk.body_start(), blk.marker.style, blk.marker.number + 1)
        elif inline is not None:
            runs = _inline_run(blk.text, 0, inline[0], inline[1])
            cut = runs[0].start if runs else len(blk.text)
            head = blk.text[:cut].rstrip()
            if head:  # the tail of the last item, after a line that ended at a full stop
                last = out[-1]
                last.text += head
                last.offsets.extend(blk.offsets[: len(head)])
                last.last_line = line_of(last.offsets[-1])
            if runs:
                style = inline[0]
                emit(blk, runs)
                if out[-1].marker is not None and out[-1].marker.style == style:
                    inline = (style, runs[-1].number + 1)
            continue
        else:
            for style in styles:
                cand = _inline_run(blk.text, 0, style, 1)
                if len(cand) >= 2:
                    runs = cand
                    break
        if not runs:
            add(blk)
            continue
        head = blk.text[: runs[0].start].rstrip()
        if head:
            offs = blk.offsets[: len(head)]
            add(Block(head, offs, blk.first_line, line_of(offs[-1]), blk.marker))
        emit(blk, runs)
        if out[-1].marker is None or out[-1].marker.style == runs[0].style:
            inline = (runs[0].style, runs[-1].number + 1)
    return out
