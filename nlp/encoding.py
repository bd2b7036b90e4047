"""Read a report file's bytes and decode them, detecting the encoding.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 (with or
without a BOM) or GBK/GB18030, and sometimes as a mix: a GBK page pasted into a
UTF-8 file.  The order of trust:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. well-known binary formats (PDF, Word, ZIP, images …) are refused by name,
   and bytes that are mostly control characters are refused as binary;
3. UTF-16 without a BOM, recognised by its NUL bytes all on one parity;
4. strict UTF-8 for the whole file;
5. otherwise line by line: each line strict UTF-8, else strict GB18030 (a
   superset of GBK and GB2312); a line that is neither is decoded with the
   file's main encoding, its bad bytes becoming U+FFFD (reported, never hidden);
6. if most lines are undecodable, charset-normalizer's guess.

The decoded text *is* the raw file every :class:`nlp.model.Span` points into,
so nothing is dropped here: stray control characters are kept and reported.
Files larger than :data:`MAX_BYTES` are refused before they are read, so a
hostile 100 MB file costs no memory.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from nlp.errors import ReportError
from nlp.model import Box, Grid

#: Largest file read (bytes).  Real reports are well under 2 MB of text; the
#: reader keeps a few objects per character, so this bounds memory to ~1 GB.
#: Override with the environment variable ``BUDGETKG_MAX_BYTES``.
MAX_BYTES = int(os.environ.get("BUDGETKG_MAX_BYTES", 16 * 1024 * 1024))
#: A line longer than this (characters) is reported (W102); it is still read.
LONG_LINE = 10_000
#: Control bytes other than tab, newlines, form feed, escape: more than this
#: share of the file (or any NUL in its first 8 KiB) makes it binary.
BINARY_SHARE = 0.01

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (  # (prefix, what it is) for files people mistake for report text
    (b"%PDF-", "a PDF document (extract its text first, e.g. with pdftotext -layout)"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .ofd …)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .wps)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

_CONTROL = bytes(b for b in range(32) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)) + b"\x7f"
_CONTROL_CHARS = frozenset(map(chr, _CONTROL))


@dataclass(frozen=True)
class Notice:
    """A warning found while decoding: an :mod:`nlp.errors` code, line, parameters."""

    code: str
    line: int
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    sha256: str
    n_replaced: int = 0  # characters that could not be decoded (U+FFFD in text)
    notices: tuple[Notice, ...] = ()
    # For a laid-out source (PDF): the box of every character of ``text`` (None for
    # characters the extraction added, such as line ends).  None for plain text.
    boxes: tuple[Box | None, ...] | None = None
    grids: tuple[Grid, ...] = ()  # a PDF's ruled tables (nlp.sources.rulings), for reading tables by geometry
    # What the file was (nlp.sources.detect.MEDIA_TYPES); ``text`` was extracted from it unless text/plain.
    media_type: str = "text/plain"
    pages: int | None = None  # pages of a PDF


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReportError("E007", name, line=1, what=what)
    head = data[:8192]
    nul = head.find(b"\x00")
    n_control = len(data) - len(data.translate(None, _CONTROL))
    if nul >= 0 or n_control > BINARY_SHARE * len(data):
        offset = nul if nul >= 0 else next(i for i, b in enumerate(data) if b in _CONTROL)
        raise ReportError("E002", name, line=_line_of(data, offset), offset=offset)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NUL bytes (the high byte of ASCII) on one parity,
    and what it decodes to has no control characters."""
    head = data[:65536]
    if len(head) < 4 or len(data) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if max(even, odd) < max(4, len(head) // 100) or min(even, odd) > max(even, odd) // 5:
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    return None if not _CONTROL_CHARS.isdisjoint(text) else (text, enc)


def _valid(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _plausibility(s: str) -> int:
    """How much ``s`` reads like Chinese text: +1 per common character (GB2312
    level 1), −1 per rare or non-GB2312 one.  Mis-decoded bytes come out as rare
    characters (年度 in UTF-8 read as GBK is 骞村害) or Latin letters (Ŀ¼)."""
    score = 0
    for c in s:
        if c.isascii():
            continue
        try:
            lead = c.encode("gb2312")[0]
        except UnicodeEncodeError:
            score -= 1
            continue
        score += 1 if 0xB0 <= lead <= 0xD7 else -1 if lead >= 0xD8 else 0
    return score


def _decode_lines(data: bytes, name: str) -> tuple[str, str, int, list[Notice]]:
    """Decode line by line (UTF-8, else GB18030); see the module docstring."""
    lines = data.split(b"\n")
    ok: list[tuple[bool, bool]] = []  # (valid UTF-8, valid GB18030) per line
    for ln in lines:
        ok.append((_valid(ln, "utf-8"), ln.isascii() or _valid(ln, "gb18030")))
    # A short GBK line can happen to be valid UTF-8 (目录 = C4 BF C2 BC = "Ŀ¼"):
    # the file's main encoding is the one more lines can *only* be read in.
    only_utf8 = sum(1 for u, g in ok if u and not g)
    only_gb = sum(1 for u, g in ok if g and not u)
    main = "utf-8" if only_utf8 >= only_gb else "gb18030"
    other = "gb18030" if main == "utf-8" else "utf-8"
    kinds: list[str | None] = []
    for ln, (u, g) in zip(lines, ok):
        if ln.isascii():
            kinds.append("ascii")
        elif u and g:  # both readings valid: the main one, unless the other reads
            # as clearly more common Chinese (a short line is too ambiguous to switch)
            score = {enc: _plausibility(ln.decode(enc)) for enc in (main, other)}
            kinds.append(other if score[other] - score[main] > 2 else main)
        else:
            kinds.append("utf-8" if u else "gb18030" if g else None)
    bad = [i for i, k in enumerate(kinds) if k is None]
    if len(bad) > max(3, len(lines) // 20):
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ReportError("E003", name, line=bad[0] + 1)
        return str(best), best.encoding, 0, [Notice("W106", bad[0] + 1, {"encoding": best.encoding})]
    parts = [ln.decode(k if k in ("utf-8", "gb18030") else main, errors="replace") for ln, k in zip(lines, kinds)]
    text = "\n".join(parts)
    notices: list[Notice] = []
    minor = [i for i, k in enumerate(kinds) if k == other]
    if minor:
        notices.append(Notice("W104", minor[0] + 1, {"count": len(minor), "other": other, "main": main}))
    n_replaced = sum(parts[i].count("\ufffd") for i in bad)
    if bad:
        notices.append(Notice("W103", bad[0] + 1, {"count": n_replaced}))
    return text, main, n_replaced, notices


_LINE_END = re.compile(r"\r\n|\r|\n")


def line_at(text: str, index: int) -> int:
    """1-based line of ``text[index]``, counting CRLF, CR and LF line ends."""
    n = len(_LINE_END.findall(text, 0, index))
    if 0 < index < len(text) and text[index] == "\n" and text[index - 1] == "\r":
        n -= 1  # the LF of a CRLF ends the same line as its CR
    return n + 1


def _text_notices(text: str) -> list[Notice]:
    """Warnings about decoded text: very long lines, stray control characters."""
    notices: list[Notice] = []
    if len(text) > LONG_LINE:
        for number, line in enumerate(_LINE_END.split(text), start=1):
            if len(line) > LONG_LINE and len(notices) < 5:
                notices.append(Notice("W102", number, {"length": len(line)}))
    if not _CONTROL_CHARS.isdisjoint(text):
        at = next(i for i, c in enumerate(text) if c in _CONTROL_CHARS)
        count = sum(1 for c in text if c in _CONTROL_CHARS)
        notices.append(Notice("W105", line_at(text, at), {"count": count}))
    return notices


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a report file's bytes.  Raises :class:`ReportError` (naming the line)."""
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReportError("E001", name, line=1)
    notices: list[Notice] = []
    n_replaced = 0
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = data.decode(enc, errors="replace")
                n_replaced = text.count("\ufffd")
                line = line_at(text, text.find("\ufffd"))
                notices.append(Notice("W103", line, {"count": n_replaced}))
            encoding = enc.replace("-sig", "")
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, encoding = utf16
        else:
            _refuse_binary(data, name)
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding, n_replaced, notices = _decode_lines(data, name)
    if not text.strip():
        raise ReportError("E001", name, line=1)
    if _looks_like_html(text):
        raise ReportError("E008", name, line=1)
    notices.extend(_text_notices(text))
    return Decoded(text, encoding, sha, n_replaced, tuple(notices))


def read_file(path: str | Path, *, max_bytes: int | None = None) -> Decoded:
    """Read and decode the file at ``path``; refuse it unread if it is too large."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or device would block or never end
            kind = "a folder" if os.path.isdir(path) else "not a regular file (a pipe or a device)"
            raise ReportError("E004", str(path), reason=kind)
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise ReportError("E006", str(path), size=size, limit=limit)
            data = f.read(limit + 1)  # the file may grow while we read it
    except OSError as exc:
        raise ReportError("E004", str(path), reason=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise ReportError("E006", str(path), size=f"more than {limit}", limit=limit)
    return decode_bytes(data, str(path))
