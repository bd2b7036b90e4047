"""Published files → :class:`nlp.encoding.Decoded`: the text the reader reads, and for a PDF the box of
every character.

One entry point, :func:`read_source`, for every kind of file a department publishes:
PDF (its text layer), Word (.docx), Excel (.xlsx), a web page (HTML) and plain text —
detected from the bytes (:mod:`nlp.sources.detect`), never from the file name.  Each
comes out as text laid out in lines the way the text reader expects, so a report read
from its PDF yields the same :class:`nlp.model.Report` as the same report's text; a
PDF's text also carries a :class:`nlp.model.Box` per character, from which the table
reader places amounts by geometry and the graph points at the page and region.

Everything but plain text is read in a child process under :class:`Limits` (bytes,
pages, seconds, memory; settings from the environment), so a broken or hostile file
ends in a per-file :class:`nlp.errors.ReportError` and the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from nlp.encoding import Decoded, Notice, decode_bytes, read_file
from nlp.errors import ReportError
from nlp.model import Box, Grid
from nlp.sources.detect import HEAD, MEDIA_TYPES, sniff, zip_kind
from nlp.sources.limits import Limits

__all__ = ["MEDIA_TYPES", "Limits", "is_report_file", "read_source", "read_source_bytes", "source_kind"]

#: A folder's files are reports when named like one (and then read by content: a ``.docx`` that is a ZIP of scans
#: fails visibly), or when their content is a PDF, a Word or Excel file or a web page whatever their name; other
#: files (READMEs, manifests, CSVs, photos) are left alone.
REPORT_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".xlsx", ".htm", ".html")


def is_report_file(path: str | Path) -> bool:
    """Whether a file found in a folder should be read as a report (see :data:`REPORT_SUFFIXES`).
    Hidden files and unreadable ones are not."""
    path = Path(path)
    if path.name.startswith(".") or not path.is_file():
        return False
    if path.suffix.lower() in REPORT_SUFFIXES:
        return True
    try:
        with open(path, "rb") as f:
            kind = sniff(f.read(HEAD))
            if kind == "zip":
                f.seek(0)
                limits = Limits.from_env()
                kind = zip_kind(f.read(limits.max_bytes), str(path), limits.max_unpacked_bytes)
    except (OSError, ReportError):
        return False
    return kind != "text"


def source_kind(data: bytes, name: str = "", limits: Limits | None = None) -> str:
    """``pdf``, ``docx``, ``xlsx``, ``html`` or ``text``, from the bytes (a ZIP of anything else is refused)."""
    kind = sniff(data[:HEAD])
    if kind == "zip":
        kind = zip_kind(data, name, (limits or Limits.from_env()).max_unpacked_bytes)
    return kind


def read_source(path: str | Path, *, limits: Limits | None = None) -> Decoded:
    """Read the published file at ``path``, whatever its kind.  Raises :class:`ReportError` naming the file."""
    name = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            kind = "a folder" if os.path.isdir(path) else "not a regular file (a pipe or a device)"
            raise ReportError("E004", name, reason=kind)
        with open(path, "rb") as f:
            head = f.read(HEAD)
    except OSError as exc:
        raise ReportError("E004", name, reason=exc.strerror or str(exc)) from exc
    if sniff(head) == "text":
        return read_file(path)  # plain text keeps its own reading and limits (nlp.encoding)
    limits = limits or Limits.from_env()
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limits.max_bytes:
                raise ReportError("E006", name, size=size, limit=limits.max_bytes)
            data = f.read(limits.max_bytes + 1)
    except OSError as exc:
        raise ReportError("E004", name, reason=exc.strerror or str(exc)) from exc
    if len(data) > limits.max_bytes:
        raise ReportError("E006", name, size=f"more than {limits.max_bytes}", limit=limits.max_bytes)
    return read_source_bytes(data, name, limits=limits)


def read_source_bytes(data: bytes, name: str, *, limits: Limits | None = None) -> Decoded:
    """Read a published file's bytes (see :func:`read_source`)."""
    limits = limits or Limits.from_env()
    kind = source_kind(data, name, limits)
    if kind == "text":
        return decode_bytes(data, name)
    from nlp.sources.isolate import run_isolated

    sha = hashlib.sha256(data).hexdigest()
    media_type = MEDIA_TYPES[kind]
    if kind == "pdf":
        from nlp.sources.pdf import read_pdf

        pdf = run_isolated(read_pdf, (data, name, limits), name, limits)
        notices: list[Notice] = [
            Notice("W110", _line_at(pdf.text, pdf.page_starts[p - 1]), {"page": p}) for p in pdf.scanned_pages
        ]
        notices += [
            Notice("W112", _line_at(pdf.text, pdf.page_starts[p - 1]), {"page": p, "count": n})
            for p, n in sorted(pdf.unmapped.items())
        ]
        notices += [
            Notice("W113", _line_at(pdf.text, pdf.page_starts[p - 1]), {"page": p, "count": n, "font": font})
            for p, fonts in sorted(pdf.lost.items())
            for font, n in sorted(fonts.items())
        ]
        grids = tuple(Grid(page, tuple(cells)) for page, cells in pdf.grids)
        return Decoded(
            pdf.text,
            "",
            sha,
            notices=tuple(notices),
            boxes=_boxes(pdf.boxes),
            grids=grids,
            media_type=media_type,
            pages=pdf.pages,
        )
    if kind == "html":
        from nlp.sources.html import read_html

        text, encoding, replaced = run_isolated(read_html, (data, name), name, limits)
        notices = [Notice("W103", 1, {"count": replaced})] if replaced else []
    else:
        from nlp.sources import office

        reader = office.read_docx if kind == "docx" else office.read_xlsx
        text, found = run_isolated(reader, (data, name), name, limits)
        encoding = ""
        notices = [Notice("W111", line, params) for line, params in found]
    if not text.strip():
        raise ReportError("E001", name, line=1)
    return Decoded(text, encoding, sha, notices=tuple(notices), media_type=media_type)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _boxes(flat) -> tuple[Box | None, ...]:
    """5 numbers per character (page 0 = no box) → a :class:`Box` or None per character."""
    out: list[Box | None] = []
    append = out.append
    it = iter(flat)
    for page, x0, top, x1, bottom in zip(it, it, it, it, it):
        append(Box(int(page), x0, top, x1, bottom) if page else None)
    return tuple(out)
