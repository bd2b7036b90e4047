"""The published files of the development set (../shared/devset/pdf): every one read, as the text reader
expects it, with the same figures as its extracted text."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import DEVSET, DEVSET_MANIFEST, requires_devset

pytestmark = requires_devset

PUBLISHED = sorted(p for p in (DEVSET / "pdf").glob("*") if p.is_file()) if DEVSET_MANIFEST else []
PDFS = [p for p in PUBLISHED if p.suffix == ".pdf"]
PAGES = {row["stem"]: int(row["pages"]) for row in DEVSET_MANIFEST}


def reference_text(path):
    """The devset's text/ file: pdfplumber 0.11 ``extract_text()`` per page, pages joined by a newline."""
    return (DEVSET / "text" / (path.stem + ".txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def decoded():
    from nlp.sources import read_source

    return {p.name: read_source(p) for p in PDFS}


def test_every_published_pdf_is_read_with_all_its_pages(decoded):
    assert len(decoded) == len(PDFS) >= 20
    for path in PDFS:
        d = decoded[path.name]
        assert d.media_type == "application/pdf" and d.pages == PAGES[path.stem], path.name
        assert len(d.boxes) == len(d.text)
        assert not [n for n in d.notices if n.code == "W110"], f"{path.name}: no devset page is a scan"


def test_pdf_text_is_laid_out_as_pdfplumber_lays_it_out(decoded):
    """The reader was built on pdfplumber's text; PDFium's characters laid out by nlp.sources.lines give the same
    text character for character on all but one file, and on that one the same lines but for a few in one text cell."""
    same = [p.name for p in PDFS if decoded[p.name].text == reference_text(p)]
    assert len(same) >= len(PDFS) - 1, sorted(set(p.name for p in PDFS) - set(same))
    for p in PDFS:
        ours, ref = decoded[p.name].text.split("\n"), reference_text(p).split("\n")
        assert Counter(" ".join(ours).split()) == Counter(" ".join(ref).split()) or sum(
            (Counter(ours) - Counter(ref)).values()) <= 10, p.name


def test_boxes_lie_on_their_pages(decoded):
    """All but a handful: a PDF may print characters off the page (one devset file has "202" left of its
    edge); pdfplumber's text has them too, so they stay in the text, with the box where they are."""
    import pypdfium2 as pdfium

    on, off = 0, 0
    for path in PDFS:
        doc = pdfium.PdfDocument(str(path))
        sizes = [doc[i].get_size() for i in range(len(doc))]
        for box in decoded[path.name].boxes:
            if box is not None:
                w, h = sizes[box.page - 1]
                inside = -1 <= box.x0 < box.x1 <= w + 1 and -1 <= box.top < box.bottom <= h + 1
                on, off = on + inside, off + (not inside)
        doc.close()
    assert on > 100_000 and off <= 10


def figures(report):
    """Every table amount with what places it: (table title, row code, row name, column, value in yuan)."""
    out = Counter()
    for t in report.tables:
        for row in t.rows:
            for i, cell in enumerate(row.cells):
                if cell is not None:
                    out[(t.title, row.code, row.name, t.columns[i].measure if i < len(t.columns) else i, cell.value)] += 1
    for p in report.projects:
        if p.amount is not None:
            out[("project", p.unit_name, p.name, "total", p.amount.value)] += 1
    return out


@pytest.mark.slow
@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_the_published_file_yields_the_report_its_text_does(path):
    from nlp import read_report

    published = read_report(path)
    text = read_report(DEVSET / "text" / (path.stem + ".txt"))
    assert (published.agency, published.fiscal_year, published.phase) == (text.agency, text.fiscal_year, text.phase) \
        or path.suffix != ".pdf"
    assert figures(published) == figures(text)
    assert len(published.tables) == len(text.tables)


def test_every_amount_of_a_published_report_stands_where_its_box_says():
    """The span of each table amount carries the region of the page it was printed in: the characters
    standing inside that region are the amount as printed, and nothing else."""
    from nlp import read_report
    from nlp.sources import read_source

    path = next(p for p in PDFS if "shanghai" in p.name)  # any report with coded tables
    report, decoded = read_report(path), read_source(path)
    amounts = [c for t in report.tables for r in t.rows for c in r.cells if c is not None]
    assert len(amounts) > 100
    for a in amounts:
        box = a.span.box
        assert box is not None and box.page >= 1
        inside = "".join(ch for ch, b in zip(decoded.text, decoded.boxes) if b is not None and b.page == box.page
                         and box.x0 <= (b.x0 + b.x1) / 2 <= box.x1 and box.top <= (b.top + b.bottom) / 2 <= box.bottom)
        assert inside == a.printed.replace(" ", ""), (a.printed, inside, box)


def test_plain_text_spans_have_no_box():
    from nlp import read_report

    report = read_report(DEVSET / "text" / (PDFS[0].stem + ".txt"))
    assert all(c.span.box is None for t in report.tables for r in t.rows for c in r.cells if c is not None)
