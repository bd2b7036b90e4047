"""Where a report file was read, named without publishing the build machine's paths: a path as it may be shown
(relative to the working directory, else the file's name) and the IRI of the place it was read from (an HMAC of
its real path under a key kept in the data directory, never in the graph).  Used by :mod:`kg.build`.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg import iri


def real_path(path: Path) -> str:
    """The absolute path with links followed as far as they go — never an error (a symlink loop
    stays as it is, where Path.resolve raises)."""
    return os.path.realpath(os.path.abspath(path))


def shown_path(path: Path) -> str:
    """The path as it may be published: relative to the working directory when the file is inside
    it (``corpus/x.txt``), else its name alone.  Never an absolute path of the build machine."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(Path.cwd())
    except ValueError:
        return path.name
    return rel.as_posix()


def location_secret(data_dir: Path) -> bytes:
    """A random key kept in the data directory (never in the graph), created on first use."""
    path = Path(data_dir) / ".location-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another build made it meanwhile
        return path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(os.urandom(32))
    return path.read_bytes()


def file_location(path: Path, secret: bytes) -> str:
    """The IRI naming where ``path`` was read: an HMAC of its real path, so that the same place
    gets the same IRI in every build of this data directory (a file that now reads as another
    report replaces its old graph) while the path itself is not published."""
    import hmac

    return iri.location(hmac.new(secret, real_path(path).encode("utf-8", "surrogateescape"), "sha256").hexdigest()[:32])
