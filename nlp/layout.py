"""Section tree of a report.  PLACEHOLDER: replaced by the layout reader."""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Section
from nlp.normalize import NormalizedText


def parse_sections(norm: NormalizedText, diag: Diagnostics) -> list[Section]:
    return []
