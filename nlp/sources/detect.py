"""What a published file is, from its bytes — never from its name.

Government sites serve PDFs as ``download.jsp?id=…``, Word files saved as ``.doc``
that are really ``.docx``, and web pages saved as ``.txt``; the extension is a hint
nobody can trust.  The kinds read here:

=========  ===============================================  ============================
kind       recognised by                                    media type
=========  ===============================================  ============================
``pdf``    ``%PDF-`` within the first 1024 bytes (as         application/pdf
           Acrobat accepts)
``docx``   a ZIP holding ``word/document.xml``               application/vnd.openxmlformats-
                                                            officedocument.wordprocessingml.document
``xlsx``   a ZIP holding ``xl/workbook.xml``                 …spreadsheetml.sheet
``html``   ``<!DOCTYPE html``, ``<html``, or a ``<body>``      text/html
           near the start
``text``   anything else (:mod:`nlp.encoding` decides        text/plain
           whether it is text at all)
=========  ===============================================  ============================

A ZIP of anything else (an OFD, a PowerPoint, a folder of scans) is refused by name
with what it holds; so is a ZIP whose members would unpack to more than the limit
(a decompression bomb), before anything is unpacked; the sizes a ZIP declares bound
what is unpacked later too, since :mod:`zipfile` never yields more than a member declares.
"""

from __future__ import annotations

import io
import zipfile

from nlp.errors import ReportError

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
    "text": "text/plain",
}

#: How many bytes :func:`sniff` needs to see.
HEAD = 8192

_ZIP = b"PK\x03\x04"

# ZIP containers people hand over instead of a report, by a member that names them.
_ZIP_KINDS = (
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("OFD.xml", "an OFD document (export it to PDF first)"),
    ("content.xml", "an OpenDocument file (.odt/.ods; save it as .docx or .xlsx)"),
    ("mimetype", "an e-book or OpenDocument container"),
)


def sniff(head: bytes) -> str:
    """The kind of a file from its first :data:`HEAD` bytes: ``pdf``, ``zip``, ``html`` or ``text``.

    ``zip`` still needs :func:`zip_kind` (its directory is at the end of the file).
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP):
        return "zip"
    if looks_like_html(head):
        return "html"
    return "text"


def looks_like_html(head: bytes) -> bool:
    """An HTML page, in any of the encodings Chinese sites use (the markup is ASCII in all but UTF-16)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: drop the NULs of the ASCII markup
        head = head[2:].replace(b"\x00", b"")
    text = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return True
    if text.startswith(b"<?xml") and b"<html" in text:
        return True
    return b"<body" in text and b"</" in text and b"<head" in text


def zip_kind(data: bytes, name: str, max_unpacked: int) -> str:
    """``docx`` or ``xlsx`` for an Office Open XML file; any other ZIP is refused (E015, E016)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportError("E018", name, line=1, kind="ZIP", reason=str(exc)) from exc
    with archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        unpacked = sum(i.file_size for i in infos)
        if unpacked > max_unpacked:
            raise ReportError("E016", name, line=1, size=unpacked, limit=max_unpacked)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    for member, what in _ZIP_KINDS:
        if member in names:
            raise ReportError("E007", name, line=1, what=what)
    shown = ", ".join(sorted(names)[:5]) + (" …" if len(names) > 5 else "")
    raise ReportError("E015", name, line=1, count=len(names), entries=shown or "nothing")
