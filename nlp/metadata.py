"""Agency, district, fiscal year and phase of a report.  PLACEHOLDER."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.errors import Diagnostics
from nlp.model import Phase, Section, Span
from nlp.normalize import NormalizedText


@dataclass
class Metadata:
    agency: str | None = None
    agency_short: str | None = None
    agency_span: Span | None = None
    district: str | None = None
    fiscal_year: int | None = None
    fiscal_year_span: Span | None = None
    phase: Phase | None = None
    phase_span: Span | None = None


def detect(norm: NormalizedText, sections: list[Section], diag: Diagnostics) -> Metadata:
    return Metadata()
