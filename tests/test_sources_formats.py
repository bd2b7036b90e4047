"""One model, many inputs: a bundled report saved as a Word file, an Excel workbook or a web page (built here from
its text, as departments publish them) reads to the figures, agency, year and phase of its text."""

from __future__ import annotations

import html
import io
from collections import Counter

import pytest
from conftest import CORPUS_FILES, read_report_once

from nlp import read_report_bytes


def figures(report) -> Counter:
    return Counter(
        (t.title, row.code, row.name, i, c.value)
        for t in report.tables
        for row in t.rows
        for i, c in enumerate(row.cells)
        if c is not None
    )


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def as_xlsx(text: str) -> bytes:
    """Each line a row, each run of non-space characters a cell (as a table pasted into Excel)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in text.split("\n"):
        sheet.append(line.split() or [None])
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()


def as_html(text: str) -> bytes:
    """A portal page in GBK (declared as such, encoded as GB18030 as browsers read it) with a menu around the article."""
    menu = "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(20))
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    page = (
        f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'></head>"
        f"<body><ul class='menu'>{menu}</ul><div class='article'>{body}</div><div class='foot'>"
        f"<a href='/map'>网站地图</a></div></body></html>"
    )
    return page.encode("gb18030")


FORMATS = {"docx": as_docx, "xlsx": as_xlsx, "html": as_html}
CASES = [
    pytest.param(
        path,
        fmt,
        marks=() if (i, fmt) in ((1, "docx"), (2, "xlsx"), (3, "html")) else pytest.mark.slow,
        id=f"{path.stem[:3]}-{fmt}",
    )
    for i, path in enumerate(CORPUS_FILES)
    for fmt in FORMATS
]


@pytest.mark.parametrize(("path", "fmt"), CASES)
def test_a_report_saved_as_office_file_or_web_page_reads_as_its_text(path, fmt):
    text = path.read_text(encoding="utf-8")
    expected = read_report_once(path)
    report = read_report_bytes(FORMATS[fmt](text), f"{path.stem}.{fmt}")
    assert figures(report) == figures(expected)
    assert (report.agency, report.fiscal_year, report.phase) == (expected.agency, expected.fiscal_year, expected.phase)
    assert report.source.media_type != "text/plain"
    assert not [d for d in report.diagnostics if d.code in ("W103", "W111")]
