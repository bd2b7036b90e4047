"""Which part of an agency's report for a year a file holds.

Departments often publish one report as several files: the tables alone (公开表 as a spreadsheet or PDF), the
项目支出绩效目标表 alone, or the narrative as a web page whose tables are attachments.  Each file is read as a
report of its own (agency, year and phase come from its labels and titles); :func:`part_of` says which part it
is, so the graph can say that the files are parts of one agency-year report (kg.nodemaps: ``dcterms:isPartOf``).

A file holds the narrative when the reader found what only a narrative has — responsibilities, tasks, figures
stated in sentences, or sections explaining the budget — and holds tables when it found tables or prints many
rows of figures.  Performance-target tables (绩效目标表 with 产出 / 效益 / 满意度 indicators) are told apart,
because a file of those alone is the third usual part.
"""

from __future__ import annotations

import re

from nlp.headings import is_tabular
from nlp.layout import walk
from nlp.model import Report
from nlp.normalize import NormalizedText

# what a file that holds the report's text (not only its tables) has
NARRATIVE_SECTIONS = {"responsibilities", "structure", "staffing", "explanation", "glossary", "key_work"}
# the marks of a performance-target table: its title and its indicator levels
_TARGET_TABLE = re.compile(r"绩效目标(?:申报)?表")
_INDICATOR = re.compile(r"(?:产出|效益|满意度|成本)指标|一级指标|二级指标|三级指标|指标值")
_MIN_TABLE_LINES = 10  # rows of figures that make a file a table file even when no table was recognised

PARTS = ("tables", "performance_targets", "narrative")


def part_of(norm: NormalizedText, report: Report) -> str | None:
    """``None`` for a whole report (narrative and tables); else the one part the file holds:
    ``"tables"``, ``"performance_targets"`` or ``"narrative"``.  A file that shows none is not called a part."""
    narrative = bool(
        report.responsibilities
        or report.tasks
        or report.stated_totals
        or report.headcounts
        or report.budget_comparisons
    ) or any(s.kind in NARRATIVE_SECTIONS for s in walk(report.sections))
    targets = _targets(norm)
    # the tables that are not performance-target forms (the reader reads a form's 资金 rows as a table)
    budget_tables = [t for t in report.tables if not _TARGET_TABLE.search("".join(t.title.split()))]
    tables = bool(budget_tables) or sum(1 for line in norm.lines if is_tabular(line.text)) >= _MIN_TABLE_LINES
    if narrative:
        return None if tables or targets else "narrative"
    if tables:
        return "tables"
    return "performance_targets" if targets else None


def _targets(norm: NormalizedText) -> bool:
    titled = any(_TARGET_TABLE.search("".join(line.text.split())) for line in norm.lines)
    indicators = sum(1 for line in norm.lines if _INDICATOR.search(line.text))
    return titled and indicators >= 2
