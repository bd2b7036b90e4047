"""使用非财政拨款结余 — the balance of money not from the budget, used this year — is a source of income of its own, never
a fiscal appropriation: the 财政拨款 inside 非财政拨款 named it so before (a central-government 收入总表 read from its
PDF had a second 财政拨款 column beside 一般公共预算拨款收入).  The longer phrase of the vocabulary wins
(nlp.vocab ``non_fiscal_balance_use``), from a PDF's page as from text.

A 收支总表 whose items' labels the text ran together (使用非财政拨款结余 结余分配 年初结转和结余, one row, the
年初结转和结余's figure) names no one source: the income table's totals are not read from it (nlp.placement).
Hand-made layouts, none copied from a report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.columns import measure_of

# a heading and the measure it names (the first two fail before: fiscal_appropriation)
HEADINGS = [
    ("使用非财政拨款结余", "non_fiscal_balance_use"),
    ("使用 非财政 拨款结余", "non_fiscal_balance_use"),
    ("财政拨款收入", "fiscal_appropriation"),  # guards: read so before too
    ("一般公共预算财政拨款", "general_public"),
    ("年初结转和结余", "opening_balance"),
]


@pytest.mark.parametrize(("heading", "measure"), HEADINGS)
def test_a_heading_names_its_own_source(heading, measure):
    assert measure_of(heading) == measure


HEAD = ["合计", "上年结转", "一般公共预算拨款收入", "其他收入", "使用非财政拨款结余"]
BODY = [
    ("201", "一般公共服务支出", ("135.00", "10.00", "100.00", "5.00", "20.00")),
    ("20101", "人大事务", ("135.00", "10.00", "100.00", "5.00", "20.00")),
]
WANT = {
    "total": "135.00",
    "opening_balance": "10.00",
    "general_public": "100.00",
    "other_income": "5.00",
    "non_fiscal_balance_use": "20.00",
}


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_a_pdf_income_table_reads_the_balance_as_its_own_column(tmp_path, unit):
    """Each heading in its ruled cell (fails before: the last column fiscal_appropriation)."""
    from pdfmake import Cell, make_table_pdf

    from nlp.reader import read_report

    head = [[Cell("科目编码", 0), Cell("科目名称", 1), *(Cell(h, j) for j, h in enumerate(HEAD, 2))]]
    body = [
        [Cell(t, j, align="right" if j > 1 else "left") for j, t in enumerate((code, name, *figures))]
        for code, name, figures in BODY
    ]
    path = tmp_path / "income.pdf"
    above = ["某某局2026年部门预算", "表2 部门收入总表", f"单位：{unit}"]
    path.write_bytes(make_table_pdf([(above, head + body, [50, 90, 60, 60, 90, 60, 90])]))
    table = next(t for t in read_report(path).tables if t.kind == "income")
    _check(table, unit)


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_a_text_income_table_reads_it_so_too(unit):
    """The same table as text, its headings on one line (fails before: fiscal_appropriation)."""
    from nlp.errors import Diagnostics
    from nlp.normalize import normalize
    from nlp.tables import extract_tables

    lines = ["某某局2026年部门预算", "表2 部门收入总表", f"单位：{unit}", "科目编码 科目名称 " + " ".join(HEAD)]
    lines += [f"{code} {name} " + " ".join(figures) for code, name, figures in BODY]
    tables, _, _ = extract_tables(normalize("\n".join(lines) + "\n"), [], Diagnostics("income.txt"))
    _check(tables[0], unit)


def _check(table, unit):
    assert [c.measure for c in table.columns] == [
        "total",
        "opening_balance",
        "general_public",
        "other_income",
        "non_fiscal_balance_use",
    ]
    assert table.columns[-1].funding_source == "non_fiscal_balance_use"
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    got = {table.columns[i].measure: c.value for i, c in enumerate(table.rows[0].cells) if c is not None}
    assert got == {m: Decimal(v) * factor for m, v in WANT.items()}


def _summary(labels: list[tuple[str, str | None]]):
    from nlp.model import Amount, Classification, Column, Span, Table, TableRow

    span = Span(0, 1, "x", 1)

    def row(name: str, figure: str | None) -> TableRow:
        cell = Amount(Decimal(figure), figure, "元", span) if figure is not None else None
        return TableRow(None, name, 1, [cell], span, is_total="合计" in name or name == "总计", side="income")

    cols = [Column(index=0, header="预算数", measure="total", side="income")]
    return Table("表1", "收支总表", "元", Classification.NONE, cols, [row(n, f) for n, f in labels], span, "summary")


def test_a_row_of_labels_run_together_gives_no_source_its_figure():
    """The merged row's figure is the 年初结转和结余's: not the balance's, so the year's sources still add up to
    本年收入合计 and those it prints no row for are 0 (a guard: before the new phrase the row named 年初结转和结余)."""
    from nlp.placement import income_totals

    got = income_totals(
        _summary(
            [
                ("一、一般公共预算财政拨款收入", "100"),
                ("二、其他收入", "20"),
                ("本年收入合计", "120"),
                ("使用非财政拨款结余结余分配年初结转和结余", "30"),
                ("总计", "150"),
            ]
        )
    )
    assert (got["general_public"], got["other_income"], got["non_fiscal_balance_use"]) == (100, 20, 0)
    assert got["fiscal_appropriation"] == 100


def test_a_row_of_the_balance_alone_is_its_figure():
    """Printed on a row of its own, the balance is one of the sources (fails before: read as 财政拨款, a figure a
    general_public row had already given, so left out, and the sources did not add up)."""
    from nlp.placement import income_totals

    got = income_totals(
        _summary(
            [
                ("一、一般公共预算财政拨款收入", "100"),
                ("二、其他收入", "20"),
                ("三、使用非财政拨款结余", "5"),
                ("本年收入合计", "125"),
            ]
        )
    )
    assert got["non_fiscal_balance_use"] == 5
