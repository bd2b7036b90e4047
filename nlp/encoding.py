"""Read a report file's bytes and decode them, detecting the encoding.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 with a BOM,
or GBK/GB18030.  We try, in order: BOM, strict UTF-8, strict GB18030 (a superset
of GBK and GB2312), then charset-normalizer's guess.  A file with NUL bytes that
is not UTF-16 is binary and refused.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import ReportError

MAX_BYTES = 200 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    sha256: str
    n_replaced: int = 0  # characters that could not be decoded (mixed encodings)


def _binary_offset(data: bytes) -> int | None:
    """Offset of the first byte that marks the data as binary, or None."""
    for i, b in enumerate(data[:65536]):
        if b == 0 or (b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B)):
            return i
    return None


def decode_bytes(data: bytes, name: str) -> Decoded:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReportError("E001", name)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc), enc.replace("-sig", ""), sha)
    offset = _binary_offset(data)
    if offset is not None:
        raise ReportError("E002", name, offset=offset)
    for enc in ("utf-8", "gb18030"):
        try:
            return Decoded(data.decode(enc), enc, sha)
        except UnicodeDecodeError:
            continue
    # Mixed encodings: mostly UTF-8 with a few foreign bytes.  Keep the text, mark
    # the undecodable bytes with U+FFFD and say how many (never silently).
    text = data.decode("utf-8", errors="replace")
    n_bad = text.count("\ufffd")
    if n_bad <= max(8, len(text) // 1000):
        return Decoded(text, "utf-8", sha, n_replaced=n_bad)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReportError("E003", name)
    return Decoded(str(best), best.encoding, sha)


def read_file(path: str | Path) -> Decoded:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReportError("E006", str(path), size=size, limit=MAX_BYTES)
        data = p.read_bytes()
    except OSError as exc:
        raise ReportError("E004", str(path), reason=exc.strerror or str(exc)) from exc
    return decode_bytes(data, str(path))
