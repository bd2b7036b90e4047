"""Responsibilities, units, tasks, targets, head counts, stated totals.  PLACEHOLDER."""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Report
from nlp.normalize import NormalizedText


def extract(norm: NormalizedText, report: Report, diag: Diagnostics) -> None:
    return None
