"""Tables of the development set's PDFs read from their geometry: what the text alone could not settle (rows
printing two or three of six amounts, headings broken over lines) — facts read by hand from the page images of
train reports — and, per report, at least every coded row the text gives (counts only over every report).
Figures wrapped inside narrow cells: no train PDF prints them, tests/test_geometry_pdf.py builds them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import DEVSET, DEVSET_MANIFEST, read_report_once, requires_devset

pytestmark = requires_devset


def published(number: str):
    return next((DEVSET / "pdf").glob(f"{number}_*.pdf"))


@pytest.fixture(scope="module")
def reports():
    from nlp import read_report

    return {n: read_report(published(n)) for n in ("202", "203")}  # train reports (the test split is blind)


def table(report, title):
    return next(t for t in report.tables if t.title == title)


def row(t, code):
    return next(r for r in t.rows if r.code == code)


def by_measure(t, r):
    """The row's non-zero amounts by what their columns measure (columns of a known meaning)."""
    return {
        c.measure: cell.value
        for c, cell in zip(t.columns, r.cells)
        if cell is not None and cell.value and c.measure != "unknown"
    }


def test_a_lone_figure_lands_under_the_heading_it_stands_under(reports):
    """202 (central template) 部门支出总表: six value columns, a row prints two or three of them."""
    t = table(reports["202"], "部门支出总表")
    assert [c.measure for c in t.columns] == [
        "total",
        "basic",
        "project",
        "remit_to_superior",
        "operating_expense",
        "subsidy_to_affiliates",
    ]
    assert by_measure(t, row(t, "2014002")) == {"total": Decimal("7372900.00"), "project": Decimal("7372900.00")}
    assert by_measure(t, row(t, "2014003")) == {"total": Decimal("8448300.00"), "basic": Decimal("8448300.00")}
    income = table(reports["203"], "收入决算表")  # 203: 合计 | 财政拨款收入 | … | 其他收入, most blank
    assert by_measure(income, row(income, "201")) == {
        "total": Decimal("167708900.00"),
        "fiscal_appropriation": Decimal("158924500.00"),
        "other_income": Decimal("8784400.00"),
    }


def test_no_diagnostic_says_an_amount_was_left_out_for_want_of_a_column(reports):
    for report in reports.values():
        assert not [d for d in report.diagnostics if d.code == "W310"], report.source.name


@pytest.mark.slow
def test_the_pdf_reads_every_coded_row_its_text_reads_and_more():
    """``budgetkg eval reader``'s rule (nlp.refeval) on every devset report, from its PDF and from its text."""
    from nlp.refeval import evaluate_report, read_manifest
    from nlp.sources import read_source

    manifest = read_manifest(DEVSET)
    totals = {"pdf": [0, 0], "text": [0, 0]}
    for pdf in sorted((DEVSET / "pdf").glob("*.pdf")):
        text_path = DEVSET / "text" / (pdf.stem + ".txt")
        reference = DEVSET / "tables" / (pdf.stem + ".csv")
        from_pdf = evaluate_report(
            read_report_once(pdf), pdf.stem, manifest.get(pdf.stem), reference, None, read_source(pdf).text
        )
        from_text = evaluate_report(
            read_report_once(text_path),
            pdf.stem,
            manifest.get(pdf.stem),
            reference,
            None,
            text_path.read_text(encoding="utf-8"),
        )
        print(
            f"{pdf.stem}: PDF {from_pdf.coded_ok}/{from_pdf.coded_ref}, text {from_text.coded_ok}/{from_text.coded_ref}"
        )
        assert from_pdf.coded_ok >= from_text.coded_ok, pdf.name
        for kind, res in (("pdf", from_pdf), ("text", from_text)):
            totals[kind][0] += res.coded_ok
            totals[kind][1] += res.coded_ref
    print(totals)
    assert len(DEVSET_MANIFEST) >= 24 and totals["pdf"][1] > 1900
    # 1960 against 1785 of 2027 when the geometry landed; the text caught up once it read its headers
    # whole (nlp.headergrid). The PDF at least issue 12's 99 %, the text at least issue 11's 95 %
    assert totals["pdf"][0] >= 0.99 * totals["pdf"][1]
    assert totals["text"][0] >= 0.95 * totals["text"][1]


# the parts a 收支总表's 支出 half may print beside its total: 基本支出 split or not
_SUMMARY_PARTS = (("basic", "project"), ("personnel", "public", "project"))


@pytest.mark.slow
def test_each_half_of_a_summary_read_from_its_pdf_means_each_thing_once_and_adds_up():
    """Every 收支总表 of every devset PDF: no half names one measure twice (the 支出 half once read 合计 基本支出 项目支出
    over 人员经费 公用经费 as total, total, basic, project), and in every 支出 row printing its total and parts, the
    figures the parts' columns hold add up to it.  Counts only: the test split's tables are not for reading."""
    twice, short, summed = 0, 0, 0
    for pdf in sorted((DEVSET / "pdf").glob("*.pdf")):
        for t in read_report_once(pdf).tables:
            if t.kind not in ("summary", "fiscal_summary"):
                continue
            for side in ("income", "expenditure"):
                known = [(c.measure, c.funding_source) for c in t.columns if c.side == side and c.measure != "unknown"]
                twice += len(known) - len(set(known))
            at = {c.measure: c.index for c in t.columns if c.side == "expenditure"}
            parts = next((p for p in _SUMMARY_PARTS if "total" in at and all(m in at for m in p)), None)
            for r in t.rows if parts else ():
                total = r.cells[at["total"]] if r.side == "expenditure" else None
                if total is None:
                    continue
                figures = [r.cells[at[m]] for m in parts]
                summed += 1
                short += sum((f.value for f in figures if f is not None), Decimal(0)) != total.value
    assert twice == 0
    assert short == 0 and summed > 0


# a column under the official vehicles' heading, or one naming a source of funds under another heading
_VEHICLES_OR_SOURCE = re.compile(r"公务用车|\S+ (?:一般公共预算|政府性基金预算|国有资本经营预算)$")


@pytest.mark.slow
def test_every_column_of_a_three_public_table_read_from_its_pdf_has_its_meaning():
    """Every 三公 table of every devset PDF: no column under 公务用车… or naming a source under another heading left
    unknown (购置费 / 运行费 under 公务用车购置及运行费 once read as the vehicles again, so unknown: an item over
    一般公共预算 | 政府性基金预算 as the source alone, so unknown after the first), and wherever a row prints the
    vehicles and both their parts from one source and phase, the parts add up to it.  Counts only (104 before)."""
    unknown, short, summed = 0, 0, 0
    for pdf in sorted((DEVSET / "pdf").glob("*.pdf")):
        for t in read_report_once(pdf).tables:
            if t.kind != "three_public":
                continue
            unknown += sum(
                c.measure == "unknown" and _VEHICLES_OR_SOURCE.search(c.header) is not None for c in t.columns
            )
            at = {(c.measure, c.funding_source, c.phase): c.index for c in t.columns}
            for (measure, source, phase), whole in at.items():
                parts = [at.get((m, source, phase)) for m in ("vehicle_purchase", "vehicle_operation")]
                if measure != "vehicles" or None in parts:
                    continue
                for r in t.rows:
                    figures = [r.cells[j] for j in (whole, *parts)]
                    if figures[0] is None:
                        continue
                    summed += 1
                    short += sum((f.value for f in figures[1:] if f is not None), Decimal(0)) != figures[0].value
    assert unknown == 0
    assert short == 0 and summed > 0
