"""Budget tables.  PLACEHOLDER: replaced by the table reader."""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Project, Section, Table
from nlp.normalize import NormalizedText


def extract_tables(norm: NormalizedText, sections: list[Section], diag: Diagnostics) -> tuple[list[Table], list[Project]]:
    return [], []
