"""Reconciliation of a report's own figures.  PLACEHOLDER."""

from __future__ import annotations

from nlp.model import Discrepancy, Report


def reconcile(report: Report) -> list[Discrepancy]:
    return []
