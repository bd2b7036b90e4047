"""A heading that is a phase, whole — 预算, 决算 or 执行 alone, with a year before it or not — over a 收支总表's half or
over a group of columns: its columns are that phase's figures, read so from a ruled PDF as from the text beside it.

The vocabulary names 预算数 and 决算数 (measures); a bare 预算 is no measure, so a PDF whose 收支总表 heads each half
预算 read its columns with no phase where the text (every 预算 inside a heading is a phase to it) read them as the
budget (nlp.headermeaning).  A phase word inside another heading (一般公共预算, 纳入预算管理) is none.
Hand-made layouts, none copied from a report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pdfmake import Cell, make_table_pdf

from nlp.model import Phase


def _summary(heading: str) -> list[list[Cell]]:
    """A ruled 收支总表: each half one value column under ``heading``."""

    def row(texts: list[str]) -> list[Cell]:
        return [Cell(t, j, align="left" if j in (0, 2) else "right") for j, t in enumerate(texts)]

    return [
        [Cell("收入", 0, span=2), Cell("支出", 2, span=2)],
        [Cell("项目", 0), Cell(heading, 1), Cell("项目", 2), Cell(heading, 3)],
        row(["一、财政拨款收入", "80.00", "一、一般公共服务支出", "70.00"]),
        row(["二、事业收入", "20.00", "二、教育支出", "30.00"]),
        row(["收入总计", "100.00", "支出总计", "100.00"]),
    ]


# heading over each half: the phase its columns read (the first three fail before: no phase from the PDF)
SUMMARY_CASES = [
    ("预算", Phase.BUDGET),
    ("决算", Phase.FINAL_ACCOUNT),
    ("2026年预算", Phase.BUDGET),
    ("预算数", Phase.BUDGET),  # a measure of the vocabulary: read so before too (a guard)
]


@pytest.mark.parametrize(("heading", "phase"), SUMMARY_CASES)
def test_a_summary_half_headed_by_a_phase_word_is_that_phase(tmp_path, heading, phase):
    from nlp.reader import read_report

    path = tmp_path / "summary.pdf"
    path.write_bytes(
        make_table_pdf(
            [(["某某局2026年部门预算", "表1 收支总体情况表", "单位：万元"], _summary(heading), [130, 70, 130, 70])]
        )
    )
    table = next(t for t in read_report(path).tables if t.kind == "summary")
    assert [(c.side, c.measure, c.phase) for c in table.columns] == [
        ("income", "total", phase),
        ("expenditure", "total", phase),
    ]
    spent = next(r for r in table.rows if r.side == "expenditure" and r.name.endswith("教育支出"))
    assert [c.value if c else None for c in spent.cells] == [None, Decimal("300000.00")]


def test_the_text_beside_it_reads_the_same_phase():
    """The same 收支总表 printed as text: the phase the PDF now reads is the text's (a guard: the text read so before)."""
    from nlp.errors import Diagnostics
    from nlp.normalize import normalize
    from nlp.tables import extract_tables

    lines = [
        "某某局2026年部门预算",
        "表1 收支总体情况表",
        "单位：万元",
        "收入 支出",
        "项目 预算 项目 预算",
        "一、财政拨款收入 80.00 一、一般公共服务支出 70.00",
        "二、事业收入 20.00 二、教育支出 30.00",
        "收入总计 100.00 支出总计 100.00",
    ]
    tables, _, _ = extract_tables(normalize("\n".join(lines) + "\n"), [], Diagnostics("summary.txt"))
    assert [(c.measure, c.phase) for c in tables[0].columns] == [("total", Phase.BUDGET), ("total", Phase.BUDGET)]


# headings over each column, top to bottom → the phase of the column (the first two fail before: None)
PATH_CASES = [
    (["2026年预算", "财政拨款", "一般公共预算拨款"], Phase.BUDGET),
    (["决算", "合计"], Phase.FINAL_ACCOUNT),
    (["一般公共预算"], None),  # a source of funds, no phase
    (["纳入预算管理", "小计"], None),  # a phase word inside another heading
    (["预算数", "基本支出"], Phase.BUDGET),  # a measure: read so before too
]


@pytest.mark.parametrize(("path", "phase"), PATH_CASES)
def test_a_group_heading_that_is_a_phase_word_gives_its_columns_that_phase(path, phase):
    from nlp import headermeaning

    other = [path[0], "其他"] if len(path) > 1 else ["其他收入"]
    cols = headermeaning.from_paths([path, other]).meanings()
    assert cols[0].phase == phase
