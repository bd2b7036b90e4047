"""budgetkg.nlp — read Chinese department budget and final-account reports.

The only thing the knowledge-graph side uses is :func:`read_report` and the
dataclasses of :mod:`nlp.model`.
"""

from nlp.errors import ReportError
from nlp.reader import read_report, read_report_bytes

__all__ = ["ReportError", "read_report", "read_report_bytes"]
