"""Characters PDFium leaves out of a page's text, found again with pdfminer.

PDFium builds its text page from the page's text objects and skips every object whose
box has no width (``CPDF_TextPage::ProcessTextObject``: ``|GetRect().Width()| < 0.01``).
An object's box is the union of its glyphs' outline boxes placed at each character's pen
position (``CPDF_TextObject::CalcPositionData``).  When a font is not embedded and no
installed font has its glyphs (a Chinese report set in SimSun / 宋体 or STSong-Light read on
a machine without a CJK font), every glyph box is empty and the object's box shrinks to
the segment through its characters' pen positions: an object of one character on a
horizontal line — the last character of a header word wrapped inside its cell, 人员经 /
费 — has no width and vanishes from the text, silently; an object of several characters
keeps its place (their advances come from the font's /W widths).  A single blank in any
font is left out the same way, which loses nothing.

pdfminer does not need the glyphs: it places every character by the font's widths and
descriptor, and its character box is the very box :func:`nlp.sources.pdf.page_chars`
computes from PDFium's answers (baseline + descent, up by the font size).  So on a page
where a text object in a font that is not embedded has no width, and PDFium, made to
measure those objects (:func:`prints_more`), finds more than blanks in them, the page is
read again with pdfminer and the printed characters whose pen position lies on such an object are
added; an object where pdfminer finds no character either is counted as lost
(:class:`nlp.errors` W113), never guessed.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from nlp.sources.affine import IDENTITY, Matrix, apply, compose
from nlp.sources.lines import Char

#: PDFium's own threshold for an object without width (kSizeEpsilon in cpdf_textpage.cpp)
_NO_WIDTH = 0.01
#: how far (points) a pdfminer character's pen position may lie from a left-out object's segment
_ON_OBJECT = 0.5


@dataclass
class LeftOut:
    """Text objects of one page PDFium's text page left out: each as the segment through its characters' pen
    positions in user space (x0, y0, x1, y1), with its font's name."""

    segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    objects: list = field(default_factory=list)  # PDFium's handles, valid while the page is open


def left_out(page, pdfium_c) -> LeftOut:
    """The text objects of ``page`` (inside forms too) in a font that is not embedded whose box has no width."""
    found = LeftOut()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    fm = pdfium_c.FS_MATRIX()
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    text_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM

    def walk(objects, matrix: Matrix, depth: int) -> None:
        for obj in objects:
            kind = get_type(obj)
            if kind == text_kind:
                if not get_bounds(obj, *bounds) or abs(right.value - left.value) >= _NO_WIDTH:
                    continue
                font = pdfium_c.FPDFTextObj_GetFont(obj)
                if not font or pdfium_c.FPDFFont_GetIsEmbedded(font):
                    continue
                x0, y0 = apply(matrix, left.value, bottom.value)
                x1, y1 = apply(matrix, right.value, top.value)
                found.segments.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
                found.fonts.append(_font_name(pdfium_c, font))
                found.objects.append(obj)
            elif kind == form_kind and depth < 16 and pdfium_c.FPDFPageObj_GetMatrix(obj, fm):
                inner = compose((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), matrix)
                get = pdfium_c.FPDFFormObj_GetObject
                walk([get(obj, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))], inner, depth + 1)

    raw, get = page.raw, pdfium_c.FPDFPage_GetObject
    walk([get(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw))], IDENTITY, 0)
    return found


def prints_more(page, pdfium_c, found: LeftOut, read_page, before: tuple[list[Char], int]) -> bool:
    """Whether the left-out objects hold anything but blanks — asked of PDFium, cheaply, before pdfminer reads the
    page: an object drawn as outlines has a box as wide as half its line width around its pen positions
    (CalcPositionData), so set so (in memory; the file is not touched) each object is measured and a new text
    page holds its characters.  True when that page has more printed or unmapped characters than ``before``
    (``read_page``'s answer for the page as it was), or when an object still has no width (then only pdfminer
    can tell)."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj in found.objects:
        pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE)
        pdfium_c.FPDFPageObj_SetStrokeWidth(obj, 1.0)
        pdfium_c.FPDFPageObj_Transform(obj, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # computes the box again
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value < _NO_WIDTH:
            return True
    chars, unmapped = read_page(page)
    return unmapped > before[1] or sum(1 for c in chars if c.text.strip()) > sum(1 for c in before[0] if c.text.strip())


def _font_name(pdfium_c, font) -> str:
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if not size:
        return "?"
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("latin-1", "replace")


class MinerPages:
    """The document opened with pdfminer once, on first need; each page's characters in user space."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pages: list | None = None
        self._next: Iterator | None = None

    def chars(self, index: int) -> list:
        """pdfminer's characters (LTChar) of the 0-based page ``index``, laid out with no page transform (user
        space), form XObjects included; [] when pdfminer cannot read the page."""
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LTChar, LTContainer
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage

        try:
            if self._pages is None:
                self._pages = []
                self._next = iter(PDFPage.get_pages(io.BytesIO(self._data)))
            while len(self._pages) <= index:
                self._pages.append(next(self._next))  # type: ignore[arg-type]
            page = self._pages[index]
            device = PDFPageAggregator(PDFResourceManager(), laparams=None)
            interpreter = PDFPageInterpreter(device.rsrcmgr, device)
            device.begin_page(page, IDENTITY)
            interpreter.render_contents(page.resources, page.contents, ctm=IDENTITY)
            device.end_page(page)
            layout = device.get_result()
        except Exception:  # noqa: BLE001 - pdfminer's errors are many and undeclared: the objects then count as lost
            return []
        out: list = []
        stack: list[LTContainer] = [layout]
        while stack:
            item = stack.pop()
            for child in item:
                if isinstance(child, LTChar):
                    out.append(child)
                elif isinstance(child, LTContainer):
                    stack.append(child)
        return out


def recover(
    found: LeftOut, miner_chars: list, have: list[Char], to_display, upright
) -> tuple[list[Char], dict[str, int]]:
    """(the printed characters pdfminer places on the left-out objects, in display space; per font, how many
    objects it found no character on).  A character already among ``have`` at the same place is not added
    twice; blanks are not added (PDFium leaves out a lone blank in any font)."""
    added: list[Char] = []
    lost: dict[str, int] = {}
    for (sx0, sy0, sx1, sy1), font in zip(found.segments, found.fonts, strict=True):
        on = [
            ch
            for ch in miner_chars
            if sx0 - _ON_OBJECT <= ch.matrix[4] <= sx1 + _ON_OBJECT
            and sy0 - _ON_OBJECT <= ch.matrix[5] <= sy1 + _ON_OBJECT
        ]
        if not on:
            lost[font] = lost.get(font, 0) + 1
            continue
        for ch in on:
            text = ch.get_text()
            if not text.strip():
                continue
            if text.startswith("(cid:"):  # no Unicode for its code either: nothing honest to add
                lost[font] = lost.get(font, 0) + 1
                continue
            xa, ya = to_display(ch.x0, ch.y0)
            xb, yb = to_display(ch.x1, ch.y1)
            box = Char(text, min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb), upright(*ch.matrix[:4]))
            if any(
                c.text == text and abs(c.x0 - box.x0) < _ON_OBJECT and abs(c.top - box.top) < _ON_OBJECT
                for c in (*have, *added)
            ):
                continue
            added.append(box)
    return added, lost
