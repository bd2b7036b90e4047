"""How much one published file may cost to read: bytes, pages, seconds, memory.

A hostile or broken file (a PDF of 100 000 pages, a decompression bomb, a content
stream that loops) must end in a clear per-file error, never take the batch down.
Each limit is a setting, read from the environment when a file is read, so a batch
run, a test or the API can change it without touching code:

=====================================  =========  ==========================================
environment variable                    default    what it bounds
=====================================  =========  ==========================================
``BUDGETKG_MAX_SOURCE_BYTES``           256 MiB    size of a PDF / DOCX / XLSX / HTML file
``BUDGETKG_MAX_PAGES``                  2000       pages of a PDF (real reports have < 200)
``BUDGETKG_MAX_SECONDS``                120        wall-clock seconds to read one file
``BUDGETKG_MAX_MEMORY_MB``              2048       address space of the process reading it
``BUDGETKG_MAX_UNPACKED_BYTES``         512 MiB    what a DOCX / XLSX (a ZIP) expands to
=====================================  =========  ==========================================

Plain text keeps its own limit (``BUDGETKG_MAX_BYTES``, :mod:`nlp.encoding`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MIB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a whole number") from None
    if number <= 0:
        raise ValueError(f"{name}={value!r} must be positive")
    return number


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 256 * MIB
    max_pages: int = 2000
    max_seconds: float = 120.0
    max_memory_mb: int = 2048
    max_unpacked_bytes: int = 512 * MIB

    @classmethod
    def from_env(cls) -> Limits:
        d = cls()
        return cls(
            max_bytes=_env_int("BUDGETKG_MAX_SOURCE_BYTES", d.max_bytes),
            max_pages=_env_int("BUDGETKG_MAX_PAGES", d.max_pages),
            max_seconds=float(_env_int("BUDGETKG_MAX_SECONDS", int(d.max_seconds))),
            max_memory_mb=_env_int("BUDGETKG_MAX_MEMORY_MB", d.max_memory_mb),
            max_unpacked_bytes=_env_int("BUDGETKG_MAX_UNPACKED_BYTES", d.max_unpacked_bytes),
        )
