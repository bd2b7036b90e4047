"""Tables on a page the PDF could not be read whole.

Where PDFium and pdfminer both fail to recover a page's characters (W113, :mod:`nlp.sources.unplaced`), a table
printed there may miss a figure, a digit or a label's character — nothing is guessed, so its rows can read
short.  A table with rows on such a page is then neither complete nor balanced as far as the reader knows:
W315 names the table, the page and how many of its rows stand there, and each discrepancy found in that
table says it may be the lost characters', not the report's.
"""

from __future__ import annotations

from dataclasses import replace

from nlp.discrepancy import table_label
from nlp.errors import Diagnostics
from nlp.model import Discrepancy, Table


def _pages_of(table: Table) -> dict[int, int]:
    """Rows of the table per page (a row's page: its span's box, from a PDF)."""
    pages: dict[int, int] = {}
    for row in table.rows:
        if row.span.box is not None:
            pages[row.span.box.page] = pages.get(row.span.box.page, 0) + 1
    return pages


def mark(
    tables: list[Table], discrepancies: list[Discrepancy], unread: set[int], diag: Diagnostics
) -> list[Discrepancy]:
    """Warn about every table with rows on a page of ``unread`` (1-based pages warned W113), and the
    discrepancies of those tables explained."""
    if not unread:
        return discrepancies
    suspect: dict[str, list[int]] = {}  # table number → its unread pages
    for table in tables:
        for page, count in sorted(_pages_of(table).items()):
            if page in unread:
                first = next(r for r in table.rows if r.span.box is not None and r.span.box.page == page)
                diag.warn("W315", span=first.span, table=table_label(table), page=page, count=count)
                if table.number:
                    suspect.setdefault(table.number, []).append(page)
    out = []
    for d in discrepancies:
        pages = list(suspect.get(d.table_number or "", []))
        if d.span.box is not None and d.span.box.page in unread and d.span.box.page not in pages:
            pages.append(d.span.box.page)
        if pages:
            where = ", ".join(str(p) for p in sorted(pages))
            d = replace(d, message=f"{d.message} (page {where} could not be read whole, W113: a figure may be lost)")
        out.append(d)
    return out
