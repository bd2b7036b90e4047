"""`budgetkg eval reader --pdf`: a folder's published files read through the same assembly as its texts, measured
the same way, with or without a manifest and a reference, and compared with the text beside each (nlp.readercompare).
Built here: a small ruled PDF of a coded table and texts of it read otherwise; and the development set's PDFs."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pdfmake import Cell, make_table_pdf

from nlp.readercompare import compare
from nlp.refeval import evaluate_dir, published_files, text_twin
from tests.conftest import DEVSET, requires_devset

# (code, name, 合计, 基本支出, 项目支出) in 万元
ROWS = [
    ("201", "一般公共服务支出", "150.00", "100.00", "50.00"),
    ("20103", "政府办公厅（室）及相关机构事务", "150.00", "100.00", "50.00"),
    ("2010301", "行政运行", "100.00", "100.00", "0.00"),
    ("2010302", "一般行政管理事务", "50.00", "0.00", "50.00"),
]
ABOVE = ["某某局2026年部门预算", "一般公共预算支出预算表", "单位：万元"]
HEADS = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]


def coded_table_pdf() -> bytes:
    header = [[Cell(h, j) for j, h in enumerate(HEADS)]]
    body = [
        [Cell(code, 0, align="left"), Cell(name, 1, align="left")]
        + [Cell(a, 2 + j, align="right") for j, a in enumerate(amounts)]
        for code, name, *amounts in ROWS
    ]
    return make_table_pdf([(ABOVE, header + body, [60, 160, 70, 70, 70])])


def table_text(rows=ROWS, heads=HEADS) -> str:
    """The table as a text extraction prints it: one line per row, cells parted by a space."""
    return "\n".join([*ABOVE, " ".join(heads), *(" ".join(r) for r in rows)]) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.pdf").write_bytes(coded_table_pdf())
    return tmp_path


def test_published_files_are_told_by_their_bytes(folder):
    (folder / "a.txt").write_text(table_text(), encoding="utf-8")
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    (folder / "download.jsp").write_bytes(coded_table_pdf())  # a PDF by its bytes, whatever its name
    assert [p.name for p in published_files(folder)] == ["a.pdf", "download.jsp"]
    assert text_twin(folder, folder / "a.pdf") == folder / "a.txt"
    assert text_twin(folder, folder / "download.jsp") is None
    # the development set's layout: pdf/ and text/ side by side
    (folder / "pdf").mkdir()
    (folder / "text").mkdir()
    shutil.move(folder / "a.pdf", folder / "pdf" / "b.pdf")
    shutil.move(folder / "a.txt", folder / "text" / "b.txt")
    assert [p.name for p in published_files(folder)] == ["b.pdf"]
    assert text_twin(folder, folder / "pdf" / "b.pdf") == folder / "text" / "b.txt"


def test_a_folder_of_pdfs_without_manifest_gets_the_figures_that_need_no_gold(folder, capsys):
    from kg.cli import main

    assert main(["eval", "reader", "--pdf", str(folder)]) == 0
    out = capsys.readouterr().out
    (row,) = [ln for ln in out.splitlines() if ln.startswith("a ")]
    assert "4 read" in row  # the coded rows the model holds
    total = out.rstrip().splitlines()[-1]
    assert total.startswith("total: 1 reports;") and "amounts 12; coded rows in the model 4" in total
    assert "vs text" not in out  # no text beside it: nothing to compare


def _swap_columns(text: str) -> str:
    return text.replace("基本支出 项目支出", "项目支出 基本支出")


# (the text beside the PDF, amounts only in the text's model, only in the PDF's, the same two without columns,
# tables whose columns mean other things, of them only in another order, columns read both ways)
VARIANTS = [
    ("the same table", table_text(), 0, 0, 0, 0, 0, 0, 0),
    ("a figure read otherwise", table_text().replace("50.00 0.00 50.00", "50.00 0.00 5.00"), 1, 1, 1, 1, 0, 0, 0),
    ("a row lost", table_text(ROWS[:3]), 0, 3, 0, 3, 0, 0, 0),
    # the same meanings in another order: the amounts under them tell it is a misreading
    ("two columns' headings swapped", _swap_columns(table_text()), 8, 8, 0, 0, 1, 1, 0),
    ("a heading read as another measure", table_text().replace("项目支出", "上缴上级支出"), 4, 4, 0, 0, 1, 0, 1),
]


@pytest.mark.parametrize(
    ("label", "text", "only_text", "only_pdf", "values_text", "values_pdf", "columns", "reordered", "both_ways"),
    VARIANTS,
)
def test_text_and_pdf_compared(
    folder, label, text, only_text, only_pdf, values_text, values_pdf, columns, reordered, both_ways
):
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (result,) = evaluate_dir(folder, pdf=True)
    c = result.comparison
    assert c is not None and result.text_twin is not None, label
    assert (sum(c.only_text.values()), sum(c.only_published.values())) == (only_text, only_pdf), label
    assert (c.values_only_text, c.values_only_published) == (values_text, values_pdf), label
    assert (len(c.other_columns), len(c.reordered), c.contradicting) == (columns, reordered, both_ways), label
    assert c.unknown_in == (0, 0), label
    assert c.same == (only_text == only_pdf == columns == 0), label
    assert c.tables == (1, 1) and c.coded_rows == (4 - (label == "a row lost"), 4)


def test_the_total_sums_every_compared_report(folder, capsys):
    """``eval reader --pdf``'s last line: the comparisons of the folder's reports added up (nlp.refeval.Totals)."""
    from kg.cli import main
    from nlp.refeval import Totals

    (folder / "a.txt").write_text(VARIANTS[1][1], encoding="utf-8")  # a figure read otherwise
    (folder / "b.pdf").write_bytes(coded_table_pdf())
    (folder / "b.txt").write_text(VARIANTS[3][1], encoding="utf-8")  # two columns' headings swapped
    (folder / "c.pdf").write_bytes(coded_table_pdf())  # no text beside it
    results = evaluate_dir(folder, pdf=True)
    total = Totals()
    for r in results:
        total.add(r)
    c = total.comparison
    assert (total.reports, total.compared, total.same) == (3, 2, 0)
    assert (sum(c.only_text.values()), sum(c.only_published.values())) == (1 + 8, 1 + 8)
    assert (c.values_only_text, c.values_only_published, len(c.other_columns), len(c.reordered)) == (1, 1, 1, 1)
    assert c.tables == (2, 2) and c.amounts == (24, 24) and total.amounts == 3 * 12
    assert main(["eval", "reader", "--pdf", str(folder)]) == 0
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert last.startswith("text|PDF: 0/2 reports give the same model; tables 2|2; coded rows 8|8")
    assert "amounts 24|24, 9 text only, 9 PDF only (rows and values: 1|1); columns meaning other things in 1" in last


def _lone_figures_pdf(pages: list[list[int]]) -> bytes:
    """A page per entry, each a table row of the coded table whose lone figures 5 are set each in a font of the
    entry (1 SimSun, 2 KaiTi); neither font has glyphs and no ToUnicode value of 5: each such figure is lost (W113,
    once per page and font)."""
    head = [Cell(h, j) for j, h in enumerate(HEADS)]
    label = [Cell("2010301", 0, align="left"), Cell("行政运行", 1, align="left")]
    table = [
        (
            ABOVE,
            [head, label + [Cell("5", 2 + j, align="right", font=f) for j, f in enumerate(fonts)]],
            [60, 160, 70, 70, 70],
        )
        for fonts in pages
    ]
    return make_table_pdf(table, glyphless=("SimSun", "KaiTi"), unmapped="5")


# (the fonts of each page's lost figures; pages not read whole): a page losing glyphs of two fonts is one page
UNREAD_PAGES = [
    ([[1]], 1),
    ([[1, 2]], 1),  # before: 2 of 1 pages (W113 once per font)
    ([[1, 2, 1], []], 1),
    ([[2], [1, 2]], 2),  # before: 3 of 2
    ([[1], [], [1, 2]], 2),  # before: 3 of 3
]


@pytest.mark.parametrize(("fonts", "unread"), UNREAD_PAGES)
def test_pages_not_read_whole_are_counted_once_each(tmp_path, capsys, fonts, unread):
    from kg.cli import main
    from nlp.sources import read_source

    (tmp_path / "a.pdf").write_bytes(_lone_figures_pdf(fonts))
    lost = [n.params for n in read_source(tmp_path / "a.pdf").notices if n.code == "W113"]
    assert sorted((p["page"], p["font"]) for p in lost) == sorted(
        (page, name) for page, used in enumerate(fonts, 1) for name in {("SimSun", "KaiTi")[f - 1] for f in used}
    )
    (result,) = evaluate_dir(tmp_path, pdf=True)
    assert (result.unread_pages, result.pages) == (unread, len(fonts))
    assert main(["eval", "reader", "--pdf", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"    {unread} of {len(fonts)} pages not read whole" in out and f"pages not read whole {unread}\n" in out


def test_scanned_pages_one_after_another_begin_on_lines_of_their_own():
    """What the count above rests on (a diagnostic names a line, not a page): pages without text (W110) still
    begin each on a line of its own."""
    from pdfmake import make_pdf

    from nlp.sources import read_source_bytes

    data = make_pdf([["2026 Budget of the Audit Office"], None, None, ["After the scans"]])
    lines = [n.line for n in read_source_bytes(data, "scans.pdf").notices if n.code == "W110"]
    assert len(lines) == 2 == len(set(lines))


def test_the_text_mode_is_unchanged_by_published_files_beside(folder):
    (folder / "a.txt").write_text(table_text(), encoding="utf-8")
    (result,) = evaluate_dir(folder)
    assert result.stem == "a" and result.pages is None and result.comparison is None
    assert result.rows_coded == 4 and result.amounts == 12


def test_a_published_file_that_cannot_be_read_is_a_result_not_a_crash(folder):
    (folder / "b.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    results = {r.stem: r for r in evaluate_dir(folder, pdf=True)}
    assert results["b"].error and results["a"].error is None


def test_compare_counts_a_project_amount():
    from nlp import read_report_bytes
    from nlp.model import Amount, Project, Span

    a = read_report_bytes(table_text().encode(), "a.txt")
    b = read_report_bytes(table_text().encode(), "a.txt")
    amount = Amount(value=Decimal("100000"), printed="10.00", unit="万元", span=Span(0, 0, ""))
    b.projects.append(Project(name="某项目", unit_name="某某局", amount=amount, cells={}, span=Span(0, 0, "")))
    c = compare(a, b)
    assert sum(c.only_published.values()) == 1 and not c.only_text and not c.same


def test_compare_counts_a_project_target_read_otherwise():
    """The same project with a target cut short in one input (a text that stopped at its first full stop): the
    models differ by that target alone, no amount."""
    from nlp import read_report_bytes
    from nlp.model import PerformanceTarget, Project, Span

    def with_target(text: str):
        report = read_report_bytes(table_text().encode(), "a.txt")
        target = PerformanceTarget(text=text, span=Span(0, 0, ""), project_name="某项目")
        report.projects.append(Project("某项目", "某某局", None, {}, Span(0, 0, ""), target=target))
        return report

    whole = with_target("完成内网运维。至少完成12份巡检报告。")
    c = compare(with_target("完成内网运维。"), whole)
    assert c.targets_other == 1 and not c.only_text and not c.only_published and not c.same
    assert compare(whole, with_target("完成内网运维。至少完成12份巡检报告。")).same


@pytest.mark.slow  # reads every published file of the development set and its text (~30 s)
@requires_devset
def test_devset_published_files_measured_and_compared():
    results = evaluate_dir(DEVSET, pdf=True)
    assert len(results) == 24 and not [r.stem for r in results if r.error]
    assert all(r.comparison is not None for r in results)
    # the published file reads every reference row its text reads, and the same tables
    assert sum(r.coded_ok for r in results) >= sum(r.text_twin.coded_ok for r in results) > 1900
    assert [r.comparison.tables[0] for r in results] == [r.comparison.tables[1] for r in results]
    assert sum(r.pages or 0 for r in results) > 500
