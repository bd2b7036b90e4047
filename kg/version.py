"""The software version a graph was built by: :func:`software_version`.

A build keeps a report whose file is unchanged only when the same software built it (:mod:`kg.build`); a
worker of a Dask cluster must run the build's own version (:mod:`kg.cluster`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from kg.ontology import ontology_files
from kg.summaries import summary_queries


@lru_cache(maxsize=1)
def software_version() -> str:
    """Package version + a fingerprint of the code that decides what the graph holds.

    A report built by another version is rebuilt even if its file did not change.
    """
    from importlib.metadata import PackageNotFoundError, version

    from nlp.resources import package_files

    try:
        base = version("budgetkg")
    except PackageNotFoundError:  # pragma: no cover - running from a plain checkout
        base = "0"
    digest = hashlib.sha256()
    for package in ("nlp", "kg"):
        for path in package_files(package, "*.py"):
            if package == "kg" and path.parent.name in {"api", "commands", "routers"}:
                continue  # serving and the command line do not change what a graph holds
            digest.update(path.name.encode() + path.read_bytes())
    for path in ontology_files():
        digest.update(path.name.encode() + path.read_bytes())
    for summary in summary_queries().values():  # what each report's summary graph holds (kg.summaries)
        digest.update(summary.path.name.encode() + summary.text.encode())
    return f"{base}+{digest.hexdigest()[:12]}"
