"""Projects of the project expenditure table (项目支出), with their 绩效目标.

PLACEHOLDER while the table reader lands.
"""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Project, Table
from nlp.normalize import Line, NormalizedText


def extract(table: Table, texts: dict[int, list[Line]], norm: NormalizedText, diag: Diagnostics) -> list[Project]:
    return []
