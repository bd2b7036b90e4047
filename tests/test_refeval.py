"""`budgetkg eval reader`: the reference rows, the matching rule, and the figures on real folders."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from nlp.model import Amount, Classification, Column, Span, Table, TableRow
from nlp.refeval import evaluate_dir, match_row, read_counts
from nlp.reftables import load_reference, locate_units
from tests.conftest import DEVSET, requires_devset

ROOT = Path(__file__).resolve().parent.parent
SPAN = Span(0, 0, "")


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows) - 3
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["page", "table", "row"] + [f"c{i}" for i in range(width)])
        for r in rows:
            w.writerow(r + [""] * (width + 3 - len(r)))


def test_reference_codes_in_every_printed_form(tmp_path):
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
            ["1", "1", "2", "类", "款", "项", "", "", "", ""],
            ["1", "1", "3", "201", "", "", "一般公共服务支出", "1,000", "400", "600"],
            ["1", "1", "4", "201", "41", "", "数据事务", "1,000", "400", "600"],
            ["1", "1", "5", "", "", "01", "行政运行", "400", "400", ""],  # 项 under the row above
            ["1", "1", "6", "105001", "", "", "某单位", "9", "9", ""],  # a unit code is no code
            ["2", "1", "1", "[2014102]一般行政管理事务", "600", "", "600"],  # continuation, no header
            ["2", "1", "2", "2080505-机关事业单位基本养老保险缴费支出", "5", "5", ""],
        ],
    )
    t1, t2 = load_reference(p)
    assert [(r.code, r.name) for r in t1.rows] == [
        ("201", "一般公共服务支出"),
        ("20141", "数据事务"),
        ("2014101", "行政运行"),
    ]
    assert [t1.meanings[j] for j in (4, 5, 6)] == ["total", "basic", "project"]
    assert t1.rows[2].amounts == [(4, Decimal(400)), (5, Decimal(400))]
    assert [r.code for r in t2.rows] == ["2014102", "2080505"]
    assert t2.meanings == t1.meanings  # a page continued without header keeps the columns


def test_group_heading_spans_its_columns_and_row_numbers_are_ignored(tmp_path):
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "项目", "", "行次", "合计", "财政拨款", "", "其他收入"],
            ["1", "1", "2", "科目代码", "科目名称", "", "", "合计", "一般公共预算", ""],
            ["1", "1", "3", "栏次", "", "", "1", "2", "3", "4"],
            ["1", "1", "4", "2010301", "行政运行", "1", "30", "20", "20", "10"],
        ],
    )
    (t,) = load_reference(p)
    assert [t.meanings[j] for j in range(2, 7)] == [
        "line_number",
        "total",
        "fiscal_appropriation",
        "general_public",
        "other_income",
    ]
    assert t.rows[0].amounts == [(3, 30), (4, 20), (5, 20), (6, 10)]  # not the 行次 1


def test_blocks_printed_side_by_side_are_rows_of_their_own(tmp_path):
    """人员经费 | 公用经费 blocks, each 科目代码 科目名称 决算数: each block's row is a reference row (the next block's
    code is not an amount of the row on its left), a block printing nothing is no row; a page continued without
    header keeps the blocks."""
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "人员经费", "", "", "公用经费", "", ""],
            ["1", "1", "2", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
            ["1", "1", "3", "301", "工资福利支出", "6,982.75", "302", "商品和服务支出", "2,239.41"],
            ["1", "1", "4", "30106", "伙食补助费", "", "30204", "手续费", "0.66"],
            ["1", "1", "5", "", "", "", "30299", "其他商品和服务支出", "484.52"],
            ["2", "1", "1", "30199", "其他工资福利支出", "305.72", "30240", "税金及附加费用", ""],
        ],
    )
    t1, t2 = load_reference(p)
    assert t1.blocks == [0, 3] and t2.blocks == [0, 3]
    assert [(r.code, r.name, r.amounts) for r in t1.rows] == [
        ("301", "工资福利支出", [(2, Decimal("6982.75"))]),
        ("302", "商品和服务支出", [(5, Decimal("2239.41"))]),
        ("30106", "伙食补助费", []),
        ("30204", "手续费", [(5, Decimal("0.66"))]),
        ("30299", "其他商品和服务支出", [(5, Decimal("484.52"))]),
    ]
    assert [r.code for r in t2.rows] == ["30199", "30240"]
    assert t1.meanings[2] == t1.meanings[5] == "final"


def test_only_a_repeated_label_heading_makes_blocks(tmp_path):
    """合计 | 合计 (two groups' totals) repeats a measure, not the label column's heading: one block."""
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "科目名称", "合计", "基本支出", "合计", "项目支出"],
            ["1", "1", "2", "[2010301]行政运行", "10", "5", "10", "5"],
        ],
    )
    (t,) = load_reference(p)
    assert t.blocks == [0] and len(t.rows) == 1 and len(t.rows[0].amounts) == 4


def test_unit_from_the_text_before_the_table(tmp_path):
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "科目编码", "科目名称", "合计"],
            ["1", "1", "2", "201", "一般公共服务支出", "1,234.50"],
            ["2", "1", "1", "科目编码", "科目名称", "合计"],
            ["2", "1", "2", "301", "工资福利支出", "8"],
        ],
    )
    refs = load_reference(p)
    text = "表1 支出表\n单位：万元\n科目编码 科目名称 合计\n201 一般公共服务支出 1,234.50\n表2\n单位：元\n301 工资福利支出 8\n"
    locate_units(refs, text)
    assert [t.unit for t in refs] == ["万元", "元"]


def _amount(v: str, unit: str = "万元") -> Amount:
    return Amount(value=Decimal(v) * (10000 if unit == "万元" else 1), printed=v, unit=unit, span=SPAN)


def _table(cells: list[Amount | None], measures: list[str]) -> tuple[Table, TableRow]:
    row = TableRow(code="2010301", name="行政运行", level=3, cells=cells, span=SPAN)
    cols = [Column(index=i, header=m, measure=m) for i, m in enumerate(measures)]
    return Table(None, "t", "万元", Classification.FUNCTIONAL, cols, [row], SPAN), row


@pytest.mark.parametrize(
    "cells, ok",
    [
        (["46.14", "46.14", None], True),
        (["46.14", "46.14", "0.00"], True),  # a printed zero is no extra amount
        (["46.14", None, "46.14"], False),  # slid into 项目支出: wrong column
        (["46.14", "46.14", "1.00"], False),  # an amount the reference does not print
        (["46.14", None, None], False),  # one amount missing
    ],
)
def test_match_needs_every_amount_in_its_column(tmp_path, cells, ok):
    p = tmp_path / "r.csv"
    _write_csv(
        p,
        [
            ["1", "1", "1", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["1", "1", "2", "2010301", "行政运行", "46.14", "46.14", ""],
        ],
    )
    (ref,) = load_reference(p)
    ref.unit = "万元"
    table, row = _table([_amount(c) if c else None for c in cells], ["total", "basic", "project"])
    assert (match_row(ref.rows[0], ref.meanings, ref.unit, table, row) == "") is ok


def test_amounts_compared_in_yuan_whatever_the_unit(tmp_path):
    p = tmp_path / "r.csv"
    _write_csv(p, [["1", "1", "1", "科目编码", "科目名称", "合计"], ["1", "1", "2", "2010301", "行政运行", "461,400"]])
    (ref,) = load_reference(p)
    ref.unit = "元"
    table, row = _table([_amount("46.14")], ["total"])  # 46.14 万元 = 461,400 元
    assert match_row(ref.rows[0], ref.meanings, ref.unit, table, row) == ""
    ref.unit = "万元"
    assert match_row(ref.rows[0], ref.meanings, ref.unit, table, row) != ""


def test_corpus_counts_are_the_hand_counts_of_the_table_tests():
    from tests.test_tables import TABLES

    counts = read_counts(ROOT / "corpus")
    flat = {(stem[:3], key): n for stem, rows in counts.items() for key, n in rows}
    assert flat == {(rep, key): coded for rep, key, _, _, coded, _ in TABLES if coded}


def test_corpus_is_read_exactly():
    results = {r.stem[:3]: r for r in evaluate_dir(ROOT / "corpus")}
    for r in results.values():
        assert r.agency[0] == r.agency[1] and r.year[0] == r.year[1] and r.phase[0] == r.phase[1], r.stem
        assert r.coded_ok == r.coded_ref
    assert sum(r.coded_ref for r in results.values()) == 555


def test_cli_prints_per_report_and_total(capsys):
    from kg.cli import main

    assert main(["eval", "reader", str(ROOT / "corpus")]) == 0
    out = capsys.readouterr().out
    assert "001_9a84904669e9b7f4" in out and "160/160" in out
    assert out.rstrip().splitlines()[-1].startswith("total: 5 reports; agency 5/5, year 5/5, phase 5/5")


@pytest.mark.slow  # the whole devset; the corpus figures above stay fast
@requires_devset
def test_devset_figures():
    results = evaluate_dir(DEVSET)
    assert len(results) == 24
    assert all(r.year[0] == r.year[1] for r in results)
    ref = sum(r.coded_ref for r in results)
    ok = sum(r.coded_ok for r in results)
    # reference coded rows counted by this rule (hand-checked on 207, 215, 221); the floor rises as the reader does
    assert ref > 1900
    assert ok / ref >= 0.85


@pytest.mark.parametrize("argv", [["eval", "--no-ner"], ["eval", "entities", "--no-ner"]])
def test_bare_eval_is_still_the_entity_evaluation(argv):
    from kg.cli import build_parser

    args = build_parser().parse_args(argv)
    assert getattr(args, "eval_what", None) in (None, "entities")
    assert args.no_ner is True and args.gold is None and args.no_gazetteer is False
