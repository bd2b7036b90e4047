"""Issue 16: a figure beyond any budget (10¹⁵ yuan by default) is a per-cell warning, not a crash of the
whole file (2 million digits overflowed Decimal: E099) and not a stored value (100,000 digits were
stored, then silently dropped out of SPARQL sums).  Variants of a real report with one cell replaced."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from nlp import amounts, read_report
from tests.conftest import CORPUS

REPORT = CORPUS / "002_1b1d794f3255dab3.txt"
LINE = 282  # "2010301 行政运行 606.74 606.74 0.00 …" in 表2 (万元)


def variant(tmp_path: Path, cell: str) -> Path:
    lines = REPORT.read_text(encoding="utf-8").split("\n")
    row = lines[LINE - 1].split(" ")
    assert row[0] == "2010301" and row[4] == "0.00"
    row[4] = cell
    lines[LINE - 1] = " ".join(row)
    out = tmp_path / f"variant-{len(cell)}.txt"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def row_2010301(report):
    for table in report.tables:
        for row in table.rows:
            if row.code == "2010301" and any(a and a.printed == "606.74" for a in row.cells):
                return table, row
    raise AssertionError("row 2010301 not read")


@pytest.mark.parametrize("digits", [17, 100_000, 2_000_000])
def test_a_huge_figure_is_a_warning_on_its_cell(tmp_path, digits):
    report = read_report(variant(tmp_path, "9" * digits + ".00"))  # no E099: the file is read
    w309 = [d for d in report.diagnostics if d.code == "W309"]
    assert len(w309) == 1 and w309[0].line == LINE
    assert "1E+15 yuan" in w309[0].message
    assert len(w309[0].message) < 300  # the figure is named by its start and length, not quoted whole
    if digits > 24:
        assert f"({digits + 3} characters)" in w309[0].message
    _, row = row_2010301(report)
    printed = [a.printed if a else None for a in row.cells]
    assert printed[:2] == ["606.74", "606.74"] and printed[2] is None  # the cell is empty, its row kept
    assert all(
        a is None or abs(a.value) <= amounts.MAX_AMOUNT_YUAN for t in report.tables for r in t.rows for a in r.cells
    )


def test_a_large_but_possible_figure_is_kept(tmp_path):
    report = read_report(variant(tmp_path, "99,999,999,999.00"))  # ≈ 10¹⁵ yuan in 万元, just under the bound
    assert not [d for d in report.diagnostics if d.code == "W309"]
    _, row = row_2010301(report)
    assert row.cells[2].value == Decimal("999999999990000.00")


def test_the_bound_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setattr(amounts, "MAX_AMOUNT_YUAN", Decimal("1E6"))  # a million yuan
    report = read_report(variant(tmp_path, "101.00"))  # 1,010,000 yuan
    w309 = [d for d in report.diagnostics if d.code == "W309"]
    assert w309 and all("1E+6 yuan" in d.message for d in w309)


def test_a_huge_figure_never_reaches_the_graph(tmp_path):
    from kg.build import build
    from kg.store import Store

    data = tmp_path / "data"
    result = build([variant(tmp_path, "9" * 100_000 + ".00")], data, validate=False, entities=False)
    assert [f.status for f in result.files] == ["built"]
    store = Store(data, read_only=True)
    longest = next(
        iter(
            store.query(
                "PREFIX bkg: <https://w3id.org/budgetkg/ontology#> SELECT (MAX(STRLEN(STR(?a))) AS ?n) WHERE { ?x bkg:amount ?a }",
                use_default_graph_as_union=True,
            )
        )
    )["n"].value
    assert int(longest) < 25
