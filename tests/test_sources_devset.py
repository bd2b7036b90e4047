"""The published files of the development set (../shared/devset/pdf): every one read, as the text reader
expects it, with the same figures as its extracted text."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DEVSET, DEVSET_MANIFEST, devset_split, read_report_once, requires_devset

from nlp.readercompare import figures

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


@pytest.mark.slow  # reads every devset PDF; fast loop: the layout and amount-box tests here
def test_every_published_pdf_is_read_with_all_its_pages(decoded):
    assert len(decoded) == len(PDFS) >= 20
    for path in PDFS:
        d = decoded[path.name]
        assert d.media_type == "application/pdf" and d.pages == PAGES[path.stem], path.name
        assert len(d.boxes) == len(d.text)
        assert not [n for n in d.notices if n.code == "W110"], f"{path.name}: no devset page is a scan"


def _untabled_text(path):
    """A PDF's pages laid out without their ruled tables (every character as pdfplumber lays out a page)."""
    from nlp.sources import Limits
    from nlp.sources.pdf import read_pdf

    return read_pdf(path.read_bytes(), str(path), Limits(), ruled_tables=False).text


def test_pdf_text_outside_ruled_tables_is_laid_out_as_pdfplumber_lays_it_out():
    """The reader was built on pdfplumber's text; PDFium's characters laid out by nlp.sources.lines give the same
    text character for character on all but one file, and on that one the same lines but for a few in one text cell."""
    texts = {p.name: _untabled_text(p) for p in PDFS}
    same = [p.name for p in PDFS if texts[p.name] == reference_text(p)]
    assert len(same) >= len(PDFS) - 1, sorted(set(p.name for p in PDFS) - set(same))
    for p in PDFS:
        ours, ref = texts[p.name].split("\n"), reference_text(p).split("\n")
        assert (
            Counter(" ".join(ours).split()) == Counter(" ".join(ref).split())
            or sum((Counter(ours) - Counter(ref)).values()) <= 10
        ), p.name


@pytest.mark.slow  # reads every devset PDF; fast loop: the layout and amount-box tests here
def test_a_ruled_table_is_laid_out_row_by_row_with_every_cell_whole(decoded):
    """In a ruled table each row of cells is one line and each cell's text is whole (a figure or a heading
    wrapped inside its cell joined): every non-empty cell of pdfplumber's extract_tables (the devset's tables/)
    stands, whitespace aside, inside one line of our text on its page, and no character is lost or added."""
    import csv

    cells = missing = 0
    for path in PDFS:
        d = decoded[path.name]
        assert Counter(d.text.replace(" ", "").replace("\n", "")) == Counter(
            reference_text(path).replace(" ", "").replace("\n", "")
        ), path.name
        starts = [0] + [i + 1 for i, ch in enumerate(d.text) if ch == "\n"]
        by_page: dict[int, list[str]] = {}
        for k, start in enumerate(starts):
            end = starts[k + 1] - 1 if k + 1 < len(starts) else len(d.text)
            page = next((b.page for b in d.boxes[start:end] if b is not None), None)
            if page is not None:
                by_page.setdefault(page, []).append("".join(d.text[start:end].split()))
        with open(DEVSET / "tables" / (path.stem + ".csv"), encoding="utf-8", newline="") as fh:
            for row in list(csv.reader(fh))[1:]:
                for cell in row[3:]:
                    cell = "".join(cell.split())
                    if cell:
                        cells += 1
                        missing += not any(cell in line for line in by_page.get(int(row[0]), []))
    assert cells > 20_000 and missing <= cells // 1000, (missing, cells)


@pytest.mark.slow  # reads every devset PDF; fast loop: the layout and amount-box tests here
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


@pytest.mark.slow
@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_the_published_file_yields_the_report_its_text_does(path):

    published = read_report_once(path)
    text = read_report_once(DEVSET / "text" / (path.stem + ".txt"))
    assert (published.agency, published.fiscal_year, published.phase) == (
        text.agency,
        text.fiscal_year,
        text.phase,
    ) or path.suffix != ".pdf"
    assert len(published.tables) == len(text.tables)
    if path.suffix != ".pdf":
        assert figures(published) == figures(text)
        return

    # a PDF is read from its geometry: every classified amount the text gives, and more (tests/test_pdf_graph.py);
    # 202's text takes a 0.00 in a performance-target form for a row coded 29210 (the department code 292 + 10)
    def classified(report):
        return Counter(
            (t, code, v)
            for (t, code, _, _, _, v), n in figures(report).items()
            if code and t != "project" and v
            for _ in range(n)
        )

    classified_text, from_pdf = classified(text), classified(published)
    # 222's text takes the 200 of "不低于200路的外呼呼出能力" (a performance-target cell) for a classification code
    misread = {code for (_, code, _) in classified_text - from_pdf}
    assert misread <= ({"200"} if path.name.startswith("222") else set()), sorted(
        (classified_text - from_pdf).elements()
    )[:5]
    assert sum(from_pdf.values()) >= sum(n for (_, code, _), n in classified_text.items() if code not in misread)


def test_every_amount_of_a_published_report_stands_where_its_box_says():
    """The span of each table amount carries the region of the page it was printed in: the characters
    standing inside that region are the amount as printed, and nothing else."""
    from nlp.sources import read_source

    path = next(p for p in PDFS if "shanghai" in p.name)  # any report with coded tables
    report, decoded = read_report_once(path), read_source(path)
    amounts = [c for t in report.tables for r in t.rows for c in r.cells if c is not None]
    assert len(amounts) > 100
    for a in amounts:
        box = a.span.box
        assert box is not None and box.page >= 1
        inside = "".join(
            ch
            for ch, b in zip(decoded.text, decoded.boxes)
            if b is not None
            and b.page == box.page
            and box.x0 <= (b.x0 + b.x1) / 2 <= box.x1
            and box.top <= (b.top + b.bottom) / 2 <= box.bottom
        )
        assert inside == a.printed.replace(" ", ""), (a.printed, inside, box)


def test_plain_text_spans_have_no_box():

    train = next(p for p in PDFS if p.stem in devset_split("train"))  # the test split is blind
    report = read_report_once(DEVSET / "text" / (train.stem + ".txt"))
    assert all(c.span.box is None for t in report.tables for r in t.rows for c in r.cells if c is not None)
