"""A generation of the store carries a list of its files with their sizes and SHA-256, written when
the build that made it finished (:func:`seal`); readers check it before they open the generation
(:func:`verify`).

RocksDB checks the blocks it reads, but not everything: bytes overwritten in a store file made a
COUNT silently answer 0, and made the server grow to 12 GB on the dataset's statistics; a missing
or truncated file surfaced as a raw traceback.  A generation is never written after its build (the
next build writes a *new* generation, hard-linking the immutable table files), so its files must be
exactly as sealed: any difference is damage, reported as :class:`StoreDamaged` — one line naming
the generation and the file, never a traceback (the command line exits 3).

Not listed: RocksDB's lock file and its informational logs, which readers may write.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

#: The list, inside the generation's directory (RocksDB ignores files whose names it does not own).
MANIFEST = "budgetkg-integrity.json"
_UNLISTED = ("LOCK", "LOG")  # and LOG.old.*


class StoreDamaged(OSError):
    """A generation whose files are not those its build wrote."""


def _listed(generation: Path) -> list[Path]:
    return sorted(
        p for p in generation.iterdir() if p.is_file() and p.name != MANIFEST and not p.name.startswith(_UNLISTED)
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def seal(generation: Path) -> None:
    """Write the generation's list of files (call when nothing will write to it any more)."""
    files = {p.name: {"size": p.stat().st_size, "sha256": _sha256(p)} for p in _listed(generation)}
    tmp = generation / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"version": 1, "files": files}, f, indent=0, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, generation / MANIFEST)


def unseal(generation: Path) -> None:
    """Drop the list (the generation is about to be written in place)."""
    (generation / MANIFEST).unlink(missing_ok=True)


def verify(generation: Path) -> bool:
    """Raise :class:`StoreDamaged` unless every listed file is there with its size and SHA-256.

    True when checked; False for a generation built before generations were sealed (nothing to check
    against; it is opened as before)."""
    path = generation / MANIFEST
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))["files"]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreDamaged(f"the store at {generation} is damaged: its list of files is unreadable ({exc})") from None
    for name, expected in sorted(listed.items()):
        f = generation / name
        try:
            size = f.stat().st_size
        except FileNotFoundError:
            raise StoreDamaged(f"the store at {generation} is damaged: file {name} is missing") from None
        if size != expected["size"]:
            raise StoreDamaged(
                f"the store at {generation} is damaged: file {name} has {size} bytes, "
                f"its build wrote {expected['size']}"
            )
        if _sha256(f) != expected["sha256"]:
            raise StoreDamaged(
                f"the store at {generation} is damaged: the bytes of file {name} differ from those its build wrote"
            )
    return True
