"""The published files a graph was built from, kept by their SHA-256 next to the store.

Provenance points at characters of a file (``oa:TextPositionSelector``) and, for a PDF,
at a region of a page (``oa:FragmentSelector``); it has to survive the input folder
being moved or emptied.  So ``build`` copies every file it read into
``<data dir>/originals/<sha256[:2]>/<sha256>`` — content-addressed, written once
(to a temporary name, then renamed: a reader never sees half a file), shared by all
generations of the store since a file's bytes never change under its hash.  The
graph already names each file by hash (``bkg:sha256`` on the report and its
``prov:Entity``), which is all ``/source`` needs to find it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

FOLDER = "originals"
_SHA256 = re.compile(r"[0-9a-f]{64}")


class Originals:
    """``put`` a file under its hash; ``path``/``read`` it back by hash (None when not kept)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.root = Path(data_dir) / FOLDER

    def path(self, sha256: str) -> Path | None:
        if not _SHA256.fullmatch(sha256):  # the hash comes from URLs too: nothing else may reach the file system
            return None
        p = self.root / sha256[:2] / sha256
        return p if p.is_file() else None

    def put(self, source: Path | str, sha256: str) -> Path:
        """Keep ``source`` (whose bytes hash to ``sha256``) unless it is kept already; the kept path."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        kept = self.path(sha256)
        if kept is not None:
            return kept
        folder = self.root / sha256[:2]
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:  # the file changed since it was read: keep nothing wrong
                raise OSError(f"{source} changed while it was being kept (SHA-256 differs)")
            os.chmod(tmp, 0o444)
            os.replace(tmp, folder / sha256)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return folder / sha256

    def read(self, sha256: str) -> bytes | None:
        p = self.path(sha256)
        return p.read_bytes() if p is not None else None

    def hashes(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.glob("??/*") if _SHA256.fullmatch(p.name)}
