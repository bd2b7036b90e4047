"""Text and PDF give the same rows: every table of a train-split devset report read from its published PDF has the rows
(code and label) its extracted text gives — a label wrapped in a merged cell, a figure wrapped in a narrow cell, a row
printing blank cells change no row.  Skipped without the development set."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DEVSET, DEVSET_MANIFEST, read_report_once, requires_devset

pytestmark = requires_devset


def train_pdfs():
    if not DEVSET_MANIFEST:
        return []
    from nlp.evaluation import load_devset_gold

    stems = {r["report"].rsplit(".", 1)[0] for r in load_devset_gold(split="train")}
    return sorted(p for p in (DEVSET / "pdf").glob("*.pdf") if p.stem in stems)


@pytest.mark.slow  # reads the train split's PDFs and texts
def test_every_table_read_from_a_pdf_has_the_rows_of_its_text():
    pdfs = train_pdfs()
    assert len(pdfs) >= 10
    differing = []
    for pdf in pdfs:
        published = read_report_once(pdf)
        text = read_report_once(DEVSET / "text" / (pdf.stem + ".txt"))
        assert len(published.tables) == len(text.tables), pdf.name
        for a, b in zip(text.tables, published.tables):
            rows_a, rows_b = Counter((r.code, r.name) for r in a.rows), Counter((r.code, r.name) for r in b.rows)
            if rows_a != rows_b:
                differing.append((pdf.stem[:3], a.number or a.title, (rows_a - rows_b), (rows_b - rows_a)))
    assert not differing
