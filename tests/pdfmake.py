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
    image = b.stream(pixels, filters=1, extra=" /Type /XObject /Subtype /Image /Width 32 /Height 32"
                                              " /ColorSpace /DeviceGray /BitsPerComponent 8")
    pages_id = len(b.objects) + 1 + 2 * len(pages)  # after every page and its content
    kids = []
    for lines in pages:
        content = b.stream(image_content() if lines is None else text_content(lines), filters=1)
        kids.append(b.add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page_size[0]} {page_size[1]}]"
                          f" /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >>"
                          f" /Contents {content} 0 R >>"))
    assert b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>") == pages_id
    root = b.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    return b.pdf(root, break_xref=break_xref)


def many_pages_pdf(count: int, lines: list[str]) -> bytes:
    """``count`` pages sharing one content stream: a small file with thousands of pages."""
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b.stream(text_content(lines), filters=1)
    pages_id = len(b.objects) + 1 + count
    kids = [b.add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842]"
                  f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>") for _ in range(count)]
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
    content = b.add(f"<< /Length {len(twice)} /Filter [/FlateDecode /FlateDecode] >>\nstream\n".encode()
                    + twice + b"\nendstream")
    page = b.add(f"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >>"
                 f" /Contents {content} 0 R >>")
    assert b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>") == 4
    return b.pdf(b.add("<< /Type /Catalog /Pages 4 0 R >>"))


def turned_page_pdf(rotation: int, lines: list[str]) -> bytes:
    """A landscape page stored portrait with /Rotate (as scanners and some exporters save wide tables): the
    content is drawn turned back, so the page displays upright."""
    turn = {0: "1 0 0 1 0 0", 90: "0 1 -1 0 595 0", 270: "0 -1 1 0 0 842"}[rotation]
    b = PdfBuilder()
    font = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    content = b.stream(f"q {turn} cm ".encode() + text_content(lines, top=520) + b" Q")
    page = b.add(f"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Rotate {rotation}"
                 f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>")
    assert b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>") == 4
    return b.pdf(b.add("<< /Type /Catalog /Pages 4 0 R >>"))
