"""Shared fixtures: the bundled corpus and its manifest."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def manifest() -> list[dict[str, str]]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


MANIFEST = manifest()
CORPUS_FILES = [CORPUS / row["file"] for row in MANIFEST]


@pytest.fixture(scope="session")
def corpus_reports():
    """Every bundled report, read once per test session: {file name: Report}."""
    from nlp import read_report

    return {p.name: read_report(p) for p in CORPUS_FILES}
