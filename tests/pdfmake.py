"""Build small PDFs at test time, byte by byte: plain pages, thousands of pages, scans, bombs, broken tables.

Only what the tests need: pages of text in a standard font (Helvetica, ASCII), pages
holding only an image (a "scan"), a content stream compressed once or twice, and the
cross-reference table written right or deliberately wrong.
"""

from __future__ import annotations

import zlib


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_content(lines: list[str], *, size: int = 12, left: float = 72, top: float = 770, leading: float = 18) -> bytes:
    """A content stream that prints ``lines`` one under the other in Helvetica."""
    ops = [f"BT /F1 {size} Tf {leading} TL {left} {top} Td"]
    for i, line in enumerate(lines):
        ops.append(("" if i == 0 else "T* ") + f"({_escape(line)}) Tj")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def image_content(width: float = 400, height: float = 500) -> bytes:
    return f"q {width} 0 0 {height} 100 200 cm /Im1 Do Q".encode()


class PdfBuilder:
    """Objects are numbered in the order they are added; :meth:`pdf` writes them with an xref table."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes | str) -> int:
        self.objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(self.objects)

    def stream(self, data: bytes, *, filters: int = 0, extra: str = "") -> int:
        """A stream object, FlateDecode-compressed ``filters`` times."""
        for _ in range(filters):
            data = zlib.compress(data, 9)
        names = " ".join(["/FlateDecode"] * filters)
        fdict = f" /Filter [{names}]" if filters else ""
        return self.add(f"<< /Length {len(data)}{fdict}{extra} >>\nstream\n".encode() + data + b"\nendstream")

    def pdf(self, root: int, *, break_xref: bool = False) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            # a broken table points every object 7 bytes off (a file edited by hand, or re-saved badly)
            out += f"{off + (7 if break_xref else 0):010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def make_pdf(pages: list[list[str] | None], *, break_xref: bool = False, page_size=(595, 842)) -> bytes:
    """One page per entry: a list of text lines, or None for a page that is only an image (a scan)."""
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(32) for x in range(32))
    image = b.stream(
        pixels,
        filters=1,
        extra=" /Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    pages_id = len(b.objects) + 1 + 2 * len(pages)  # after every page and its content
    kids = []
    for lines in pages:
        content = b.stream(image_content() if lines is None else text_content(lines), filters=1)
        kids.append(
            b.add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page_size[0]} {page_size[1]}]"
                f" /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >>"
                f" /Contents {content} 0 R >>"
            )
        )
    assert b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>") == pages_id
    root = b.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    return b.pdf(root, break_xref=break_xref)


def many_pages_pdf(count: int, lines: list[str]) -> bytes:
    """``count`` pages sharing one content stream: a small file with thousands of pages."""
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b.stream(text_content(lines), filters=1)
    pages_id = len(b.objects) + 1 + count
    kids = [
        b.add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842]"
            f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
        )
        for _ in range(count)
    ]
    assert b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {count} >>") == pages_id
    return b.pdf(b.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>"))


def bomb_pdf(unpacked_mib: int, lines: list[str]) -> bytes:
    """A page whose content stream unpacks to ``unpacked_mib`` MiB (compressed twice: a few KB on disk).

    The stream is the page's text followed by that much white space, so a reader that
    survives it finds the text."""
    text = text_content(lines) + b"\n"
    chunk = b" " * (1 << 20)
    # After a full flush a deflate stream refers to nothing before it, so every 1 MiB of spaces compresses to
    # the same bytes: compress one, repeat it, and end the zlib stream by hand (empty final block, Adler-32).
    c = zlib.compressobj(9)
    head = c.compress(text) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    adler = zlib.adler32(text)
    for _ in range(unpacked_mib):
        adler = zlib.adler32(chunk, adler)
    once = head + block * unpacked_mib + b"\x03\x00" + adler.to_bytes(4, "big")
    twice = zlib.compress(once, 9)
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b.add(
        f"<< /Length {len(twice)} /Filter [/FlateDecode /FlateDecode] >>\nstream\n".encode() + twice + b"\nendstream"
    )
    page = b.add(
        f"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >>"
        f" /Contents {content} 0 R >>"
    )
    assert b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>") == 4
    return b.pdf(b.add("<< /Type /Catalog /Pages 4 0 R >>"))


def turned_page_pdf(rotation: int, lines: list[str]) -> bytes:
    """A landscape page stored portrait with /Rotate (as scanners and some exporters save wide tables): the
    content is drawn turned back, so the page displays upright."""
    turn = {0: "1 0 0 1 0 0", 90: "0 1 -1 0 595 0", 270: "0 -1 1 0 0 842"}[rotation]
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b.stream(f"q {turn} cm ".encode() + text_content(lines, top=520) + b" Q")
    page = b.add(
        f"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Rotate {rotation}"
        f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
    )
    assert b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>") == 4
    return b.pdf(b.add("<< /Type /Catalog /Pages 4 0 R >>"))


# --- tables: Chinese text in cells, with or without ruling lines ------------------------------------------------


def _hex(text: str) -> str:
    return "<" + "".join(f"{ord(c):04X}" for c in text) + ">"


def _cjk_font(b: PdfBuilder) -> int:
    """STSong-Light, not embedded (every reader has it: one of the Adobe Chinese base fonts), Unicode codes
    (UniGB-UCS2-H); ASCII half width, Chinese characters full width."""
    desc = b.add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500]"
        " /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>"
    )
    return b.add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{desc} 0 R] >>"
    )


def _glyphless_cjk_font(b: PdfBuilder, unmapped: str = "", name: str = "SimSun") -> int:
    """A font no installed font can stand in for: ``name`` (SimSun), not embedded, its codes CIDs (Identity-H, CID = the
    character's Unicode value) that the CIDToGIDMap sends to glyph 65535 — a glyph no font has (a font holds
    at most 65535 glyphs, numbered from 0) — and a ToUnicode map back to the characters, except those of
    ``unmapped``.  PDFium then has no glyph outline for any character, as for SimSun on a machine without a
    CJK font; widths (/W) as :func:`text_width` gives them."""
    skip = {ord(c) for c in unmapped}
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not any(c >> 8 == hi for c in skip)]
    single = [
        f"<{c:04X}> <{c:04X}>"
        for hi in {c >> 8 for c in skip}
        for c in range(hi << 8, (hi << 8) + 256)
        if c not in skip
    ]
    blocks = [
        f"{len(ranges[i : i + 100])} beginbfrange {' '.join(ranges[i : i + 100])} endbfrange"
        for i in range(0, len(ranges), 100)
    ]
    blocks += [
        f"{len(single[i : i + 100])} beginbfchar {' '.join(single[i : i + 100])} endbfchar"
        for i in range(0, len(single), 100)
    ]
    to_unicode = b.stream(
        (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap"
            " /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def"
            " /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            + " ".join(blocks)
            + " endcmap CMapName currentdict /CMap defineresource pop end end"
        ).encode("latin-1"),
        filters=1,
    )
    to_glyph = b.stream(b"\0\0" + b"\xff\xff" * 0xFFFF, filters=1)
    desc = b.add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name}"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 500]"
        f" /CIDToGIDMap {to_glyph} 0 R"
        f" /FontDescriptor << /Type /FontDescriptor /FontName /{name} /Flags 6 /FontBBox [0 -200 1000 900]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>"
    )
    return b.add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{desc} 0 R]"
        f" /ToUnicode {to_unicode} 0 R >>"
    )


def text_width(text: str, size: float) -> float:
    return sum(size * (0.5 if ord(c) < 128 else 1.0) for c in text)


class Cell:
    """One cell of a table to draw: its text (lines wrapped inside the cell split by newlines), the first column
    and how many columns and rows it spans, how its lines are aligned, and its font (1: the page's, 2: the
    second of :func:`make_table_pdf`'s ``glyphless``)."""

    def __init__(self, text: str, col: int, span: int = 1, rows: int = 1, align: str = "center", font: int = 1) -> None:
        self.text, self.col, self.span, self.rows, self.align, self.font = text, col, span, rows, align, font


def table_page(
    lines_above: list[str],
    rows: list[list[Cell]],
    widths: list[float],
    *,
    ruled: bool = True,
    size: float = 9,
    leading: float = 12,
    left: float = 40,
    top: float = 60,
    page=(842, 595),
    in_form: bool = False,
) -> tuple[bytes, bytes]:
    """(content stream, its ruling lines alone): ``lines_above`` (title, unit) left-aligned, then a table whose rows are lists of cells
    (a cell spanning rows is given in its first row only), each row as tall as its tallest cell's lines; cells
    are ruled (each cell's border drawn as a rectangle, ``re``) when ``ruled``.  ``in_form``: the ruling lines
    drawn inside a form XObject named /Fm1 placed by a matrix (see :func:`make_table_pdf`)."""
    height = page[1]
    ops = [f"BT /F1 {size} Tf {leading} TL {left} {height - top} Td"]
    for i, line in enumerate(lines_above):
        ops.append(("" if i == 0 else "T* ") + f"{_hex(line)} Tj")
    ops.append("ET")
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    row_heights = [max([len(c.text.split("\n")) for c in r if c.rows == 1] or [1]) * leading + 6 for r in rows]
    ys = [top + leading * (len(lines_above) + 1)]
    for h in row_heights:
        ys.append(ys[-1] + h)
    rules: list[str] = []
    for ri, r in enumerate(rows):
        for c in r:
            x0, x1 = xs[c.col], xs[c.col + c.span]
            y0, y1 = ys[ri], ys[ri + c.rows]
            rules.append(f"{x0:.2f} {height - y1:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re S")
            texts = c.text.split("\n")
            first = (y0 + y1) / 2 - len(texts) * leading / 2
            for k, t in enumerate(texts):
                w = text_width(t, size)
                x = x0 + 3 if c.align == "left" else (x1 - 3 - w if c.align == "right" else (x0 + x1 - w) / 2)
                baseline = first + (k + 1) * leading - (leading - size) / 2 - 1
                ops.append(f"BT /F{c.font} {size} Tf {x:.2f} {height - baseline:.2f} Td {_hex(t)} Tj ET")
    if ruled and in_form:
        ops.append("q 1 0 0 1 0 0 cm /Fm1 Do Q")
    elif ruled:
        ops.append("0.5 w " + " ".join(rules))
    return "\n".join(ops).encode("latin-1"), ("0.5 w " + " ".join(rules)).encode("latin-1")


def make_table_pdf(
    pages: list[tuple[list[str], list[list[Cell]], list[float]]],
    *,
    ruled: bool = True,
    in_form: bool = False,
    page=(842, 595),
    glyphless: bool | tuple[str, ...] = False,
    unmapped: str = "",
) -> bytes:
    """A PDF of table pages (see :func:`table_page`): each page's lines above its table, rows and column widths.
    ``in_form``: the rules are drawn by a form XObject moved 10 pt right by its /Matrix and back by the page's
    ``cm`` — positions the reader must compose from both.  ``glyphless``: in a font PDFium finds no glyph of
    whatever fonts are installed (:func:`_glyphless_cjk_font`; ``unmapped``: characters its ToUnicode map
    leaves out); the names of such fonts (``("SimSun", "KaiTi")``) give each its own, /F1, /F2 … in that order."""
    b = PdfBuilder()
    if glyphless:
        names = glyphless if isinstance(glyphless, tuple) else ("SimSun",)
        fonts = [_glyphless_cjk_font(b, unmapped, name) for name in names]
    else:
        fonts = [_cjk_font(b)]
    resources = " ".join(f"/F{i} {font} 0 R" for i, font in enumerate(fonts, 1))
    pages_id = len(b.objects) + 1 + 3 * len(pages)
    kids = []
    for lines_above, rows, widths in pages:
        content, rules = table_page(lines_above, rows, widths, ruled=ruled, in_form=in_form, page=page)
        if in_form:
            content = content.replace(b"q 1 0 0 1 0 0 cm /Fm1 Do Q", b"q 1 0 0 1 -10 0 cm /Fm1 Do Q")
        form = b.stream(
            rules, extra=f" /Type /XObject /Subtype /Form /BBox [0 0 {page[0]} {page[1]}] /Matrix [1 0 0 1 10 0]"
        )
        stream = b.stream(content, filters=1)
        kids.append(
            b.add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page[0]} {page[1]}]"
                f" /Resources << /Font << {resources} >> /XObject << /Fm1 {form} 0 R >> >>"
                f" /Contents {stream} 0 R >>"
            )
        )
    assert b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>") == pages_id
    return b.pdf(b.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>"))
