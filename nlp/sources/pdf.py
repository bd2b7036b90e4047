"""A PDF's text layer → text laid out as lines, with the box of every character.

The library was chosen by measurement (bench/bench_pdf.py, on the 21 development
PDFs): pypdfium2 (PDFium, Apache-2.0/BSD) gives every character and its box at
several hundred pages a second, 30–40× faster than pdfplumber (pdfminer.six, pure
Python) whose layout the text reader was built on; :mod:`nlp.sources.lines`
re-creates that layout from PDFium's characters.  PyMuPDF would be as fast but is
AGPL.

Coordinates: PDFium answers in PDF user space (origin bottom-left, page rotation not
applied).  Boxes here are in *display* space — points from the top-left corner of
the page as a viewer shows it (crop box, /Rotate applied) — which is what RFC 8118's
``viewrect`` means and what a rendered page image shows.

The top of a character is taken as pdfminer takes it — its bottom (baseline +
font descent) minus the font size — rather than PDFium's loose box (font ascent),
so characters of different fonts on one line cluster as in pdfplumber.
"""

from __future__ import annotations

import ctypes
import functools
from array import array
from dataclasses import dataclass, field

from nlp.errors import ReportError
from nlp.sources import rulings, unplaced
from nlp.sources.limits import Limits
from nlp.sources.lines import Char, page_text


@dataclass
class PdfText:
    """What :func:`read_pdf` found: the text, a box per character, per-page notes."""

    text: str
    boxes: array  # 5 numbers per character of ``text``: page (1-based; 0 = no box), x0, top, x1, bottom
    pages: int
    scanned_pages: list[int] = field(default_factory=list)  # 1-based pages with images but no text
    unmapped: dict[int, int] = field(default_factory=dict)  # page → characters with no Unicode mapping
    page_starts: list[int] = field(default_factory=list)  # offset in ``text`` where each page begins
    grids: list[tuple[int, list]] = field(default_factory=list)  # (1-based page, cells) of every ruled table
    # page → characters found again on text objects PDFium left out (nlp.sources.unplaced)
    recovered: dict[int, int] = field(default_factory=dict)
    lost: dict[int, dict[str, int]] = field(default_factory=dict)  # page → font → left-out objects not read again


_NO_BOX = (0.0, 0.0, 0.0, 0.0, 0.0)


def _display(rotation: int, crop: tuple[float, float, float, float]):
    """A function (x, y) in user space → (x, y) in display space (top-left origin, y down)."""
    left, bottom, right, top = crop
    if rotation == 90:
        return lambda x, y: (y - bottom, x - left)
    if rotation == 180:
        return lambda x, y: (right - x, y - bottom)
    if rotation == 270:
        return lambda x, y: (top - y, right - x)
    return lambda x, y: (x - left, top - y)


def _upright(rotation: int, a: float, b: float, c: float, d: float) -> bool:
    """pdfminer's test (a·d > 0 and b·c ≤ 0) on the character's matrix as displayed."""
    if rotation == 90:
        a, b, c, d = b, -a, d, -c
    elif rotation == 270:
        a, b, c, d = -b, a, -d, c
    elif rotation == 180:
        a, b, c, d = -a, -b, -c, -d
    return a * d > 0 and b * c <= 0


def page_chars(page, pdfium_c) -> tuple[list[Char], int, bool]:
    """(characters in display space, characters without a Unicode mapping, has images) of one page."""
    textpage = page.get_textpage()
    raw = textpage.raw
    try:
        rotation = page.get_rotation() % 360
        to_display = _display(rotation, tuple(page.get_cropbox()))
        rect = pdfium_c.FS_RECTF()
        matrix = pdfium_c.FS_MATRIX()
        chars: list[Char] = []
        unmapped = 0
        n = pdfium_c.FPDFText_CountChars(raw)
        # all codes in one call (one UTF-16 unit per character index), then only geometry per character
        buffer = ctypes.create_string_buffer((n + 1) * 2)
        got = pdfium_c.FPDFText_GetText(raw, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        codes = memoryview(buffer.raw[: max(got - 1, 0) * 2]).cast("H")
        left, _bottom, _right, top = page.get_cropbox()
        get_box, get_matrix, get_size = (
            pdfium_c.FPDFText_GetLooseCharBox,
            pdfium_c.FPDFText_GetMatrix,
            pdfium_c.FPDFText_GetFontSize,
        )
        for i, code in enumerate(codes):
            if code <= 0x20 or code in (0xA0, 0x3000):
                if pdfium_c.FPDFText_IsGenerated(raw, i):  # spaces and line ends PDFium inferred
                    continue
                if code < 0x20 and code != 0x09:
                    continue
            elif code >= 0xFFFD:
                if code == 0xFFFE and pdfium_c.FPDFText_IsHyphen(raw, i):  # a hyphen ending a line
                    code = 0x2D
                else:  # no Unicode mapping in the font
                    unmapped += 1
                    continue
            get_box(raw, i, rect)
            get_matrix(raw, i, matrix)
            a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
            size = get_size(raw, i) * (c * c + d * d) ** 0.5
            # pdfminer's box: from baseline+descent (the loose box's bottom edge) up by the font size
            x0, x1, y0 = rect.left, rect.right, rect.bottom
            if rotation == 0:
                chars.append(Char(chr(code), x0 - left, top - y0 - size, x1 - left, top - y0, a * d > 0 and b * c <= 0))
                continue
            if rotation == 180:
                xa, ya = to_display(x0, y0)
                xb, yb = to_display(x1, y0 + size)
            else:
                xa, ya = to_display(x0, y0)
                xb, yb = to_display(x0 + size, rect.top)
            chars.append(
                Char(chr(code), min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb), _upright(rotation, a, b, c, d))
            )
        has_images = not chars and any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))
        return chars, unmapped, has_images
    finally:
        textpage.close()


def open_document(data: bytes, name: str):
    """The document, or a clear error: password-protected (E010) or beyond repair (E011).

    PDFium rebuilds a broken cross-reference table by scanning the file, as viewers do;
    only a file it cannot make sense of at all is refused.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReportError("E010", name, line=1) from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReportError("E011", name, line=1, reason="encrypted with an unsupported security handler") from exc
        raise ReportError("E011", name, line=1, reason=str(exc).strip() or "PDFium could not load it") from exc


def read_pdf(data: bytes, name: str, limits: Limits, *, ruled_tables: bool = True) -> PdfText:
    """Every page's text, laid out as lines; pages joined by a newline (as the reader's text is).

    ``ruled_tables``: find each page's ruled tables (:mod:`nlp.sources.rulings`) and lay their rows out cell by
    cell (:func:`nlp.sources.lines.page_text`); without, every page is laid out as pdfplumber lays it out."""
    import pypdfium2.raw as pdfium_c

    doc = open_document(data, name)
    try:
        n_pages = len(doc)
        if n_pages > limits.max_pages:
            raise ReportError("E012", name, line=1, count=n_pages, limit=limits.max_pages)
        parts: list[str] = []
        boxes = array("d")
        result = PdfText("", boxes, n_pages)
        offset = 0
        miner = unplaced.MinerPages(data)
        for index in range(n_pages):
            page = doc[index]
            try:
                chars, unmapped, has_images = page_chars(page, pdfium_c)
                rotation = page.get_rotation() % 360
                to_display = _display(rotation, tuple(page.get_cropbox()))
                left_out = unplaced.left_out(page, pdfium_c)
                if left_out.segments and unplaced.prints_more(
                    page, pdfium_c, left_out, lambda p: page_chars(p, pdfium_c)[:2], (chars, unmapped)
                ):
                    added, lost = unplaced.recover(
                        left_out,
                        miner.chars(index),
                        chars,
                        to_display,
                        functools.partial(_upright, rotation),
                    )
                    chars += added
                    if added:
                        result.recovered[index + 1] = len(added)
                        has_images = False
                    if lost:
                        result.lost[index + 1] = lost
                grids = rulings.grids(rulings.page_edges(page, pdfium_c, to_display)) if chars and ruled_tables else []
            finally:
                page.close()
            if index:
                parts.append("\n")
                boxes.extend(_NO_BOX)
                offset += 1
            result.page_starts.append(offset)
            text, sources = page_text(chars, grids=grids)
            result.grids.extend((index + 1, g) for g in grids)
            parts.append(text)
            number = float(index + 1)
            boxes.extend(
                [v for c in sources for v in (_NO_BOX if c is None else (number, c.x0, c.top, c.x1, c.bottom))]
            )
            offset += len(text)
            if has_images:
                result.scanned_pages.append(index + 1)
            if unmapped:
                result.unmapped[index + 1] = unmapped
        result.text = "".join(parts)
        if not result.text.strip():
            raise ReportError("E017", name, line=1, pages=n_pages)
        return result
    finally:
        doc.close()
