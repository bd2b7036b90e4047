"""A column that counts (数量, 人数, 人次, 批次 …) holds no amount: tables of goods bought, of assets held, of staff and
of official receptions print a count among their figures (``车辆 辆 3 65.20`` under 单位：万元 is 3 vehicles and
652,000 yuan), and none of the counts may become yuan, whether the text or the page's geometry is read (nlp.counts).

Constructed variants: the count's heading alone, letter-spaced (数 量, 项 目 计 量 单 位 数 量 金 额) or cut over lines
(账面 / 原值, 计量 / 单位), right or left of the amounts, under a header of two lines whose amounts the text does not
place; units 万元, 元 and 千元; a table of counts only (编制数 实有人数 离退休人数); and PDFs of the same tables, ruled and
not.  Each asserts the money each row prints, in yuan, and that no count is among the table's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tables import extract_tables

MONEY = """\
表1 部门支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 120.00 80.00 40.00
2010101 行政运行 120.00 80.00 40.00
合 计 120.00 80.00 40.00
"""
PROCUREMENT = "表6 2026年政府采购预算表"

# name → (title, unit, header lines, body lines, the money each row prints as (printed, yuan), the counts printed)
CASES = {
    "数量 beside 合 计": (
        PROCUREMENT,
        "万元",
        ["项目名称 计量单位 数量 合 计"],
        ["办公设备购置 台 10 12.50", "空调购置 台 4 3.20"],
        [[("12.50", "125000")], [("3.20", "32000")]],
        ["10", "4"],
    ),
    "header letter-spaced": (
        PROCUREMENT,
        "万元",
        ["项 目 计 量 单 位 数 量 金 额"],
        ["办公设备购置 台 10 12.50"],
        [[("12.50", "125000")]],
        ["10"],
    ),
    "数 量 letter-spaced alone": (
        PROCUREMENT,
        "万元",
        ["项目 计量单位 数 量 合计"],
        ["办公设备购置 台 10 12.50"],
        [[("12.50", "125000")]],
        ["10"],
    ),
    "度量单位, 预算数 in 千元": (
        PROCUREMENT,
        "千元",
        ["项 目 度 量 单 位 数 量 预 算 数"],
        ["办公家具购置 套 20 86.0"],
        [[("86.0", "86000")]],
        ["20"],
    ),
    "采购数量 beside 本年预算 (no word of the vocabulary)": (
        PROCUREMENT,
        "万元",
        ["采购项目 计量单位 采购数量 本年预算"],
        ["公务用车购置 辆 1 18.00"],
        [[("18.00", "180000")]],
        ["1"],
    ),
    "账面原值 (no word of the vocabulary), two rows": (
        "表6 国有资产占用情况表",
        "万元",
        ["资产类别 计量单位 数量 账面原值"],
        ["车辆 辆 3 65.20", "办公设备 台 25 40.10"],
        [[("65.20", "652000")], [("40.10", "401000")]],
        ["3", "25"],
    ),
    "账面原值 cut over lines": (
        "表6 国有资产占用情况表",
        "万元",
        ["资产类别 计量单位 数量 账面", "原值"],
        ["车辆 辆 3 65.20", "办公设备 台 25 40.10"],
        [[("65.20", "652000")], [("40.10", "401000")]],
        ["3", "25"],
    ),
    "计量单位 cut over lines": (
        "表6 国有资产占用情况表",
        "万元",
        ["资产类别 计量 数量 账面原值", "单位"],
        ["车辆 辆 3 65.20", "办公设备 台 25 40.10"],
        [[("65.20", "652000")], [("40.10", "401000")]],
        ["3", "25"],
    ),
    "count right of the amount": (
        PROCUREMENT,
        "万元",
        ["项目名称 金额 数量"],
        ["办公桌椅 3.60 12", "空调 8.00 4"],
        [[("3.60", "36000")], [("8.00", "80000")]],
        ["12", "4"],
    ),
    "amounts in whole yuan beside the count": (
        PROCUREMENT,
        "元",
        ["项目名称 计量单位 数量 金额"],
        ["办公设备购置 台 10 125000", "空调购置 台 4 32000"],
        [[("125000", "125000")], [("32000", "32000")]],
        ["10", "4"],
    ),
    "two header lines the text does not place": (
        PROCUREMENT,
        "万元",
        ["采购项目 计量单位 采购数量 预算金额", "合计 财政拨款"],
        ["公务用车购置 辆 1 18.00 18.00"],
        [[("18.00", "180000"), ("18.00", "180000")]],
        ["1"],
    ),
    "批次 and 人次 beside 公务接待费": (
        "表6 2026年“三公”经费支出预算表",
        "万元",
        ["项目 公务接待批次 公务接待人次 公务接待费"],
        ["合计 10 152 8.50"],
        [[("8.50", "85000")]],
        ["10", "152"],
    ),
}
# Before (main at 3dace51) every case fails: the count became yuan — in a column read as nothing (车辆 3 → 30,000
# yuan), or in the amount's own column (合计 = 10 → 100,000 yuan, the amount pushed into a column of no meaning).


def read(text: str):
    diag = Diagnostics("variant.txt")
    tables, _projects, _indicators = extract_tables(normalize(text), [], diag)
    return tables, diag


def report(title: str, unit: str | None, header: list[str], body: list[str]) -> str:
    return MONEY + title + "\n" + (f"单位：{unit}\n" if unit else "") + "\n".join(header + body) + "\n"


@pytest.mark.parametrize("name", list(CASES))
def test_a_count_is_never_read_as_money(name):
    title, unit, header, body, money, counts = CASES[name]
    tables, diag = read(report(title, unit, header, body))
    assert [t.number for t in tables] == ["表1", "表6"]
    table = tables[1]
    got = [[(c.printed, c.value) for c in row.cells if c is not None] for row in table.rows]
    assert got == [[(p, Decimal(v)) for p, v in row] for row in money]
    printed = {c.span.text for row in table.rows for c in row.cells if c is not None}
    assert not printed & set(counts)
    assert len(table.columns) == len(table.rows[0].cells)
    assert [d for d in diag.items if d.code in ("W318", "W319")]
    assert tables[0].rows[0].cells[0].value == Decimal("1200000.00")  # the table of money beside: as before


def test_a_table_of_counts_only_is_no_table_of_money():
    """编制数 (a word the vocabulary lacks, the first count) 实有人数 离退休人数: no table, each column said."""
    text = report(
        "表6 人员情况表", None, ["项目 编制数 实有人数 离退休人数"], ["某某局本级 45 43 12", "某某中心 20 18 3"]
    )
    tables, diag = read(text)
    assert [t.number for t in tables] == ["表1"]
    notes = [d for d in diag.items if d.code in ("W318", "W319")]
    assert [d.code for d in notes] == ["W319", "W318", "W318"]
    assert all("表6" in d.message and d.severity.value == "info" for d in notes)


# Amounts in whole yuan print bare (5000, 652000) as counts do: in a table whose counts the header names and the reader
# placed, no other column is a count, whatever it prints (review15 F1: each table below was dropped whole, its money
# with it, W319 taking every column the vocabulary could not name); and two counts side by side (出国团组数, 接待批次)
# are no heading read twice (review15 F2: every column of the 三公 table lost its meaning).  3 of 3 fail before.
# name → (title, header, body, the money each row prints, the measures read, the counts printed, count columns)
BARE_YUAN = {
    "单价 and 总价 in whole yuan": (
        PROCUREMENT,
        ["采购品目 计量单位 数量 单价 总价"],
        ["台式计算机 台 10 5000 50000", "打印机 台 2 3000 6000"],
        [["5000", "50000"], ["3000", "6000"]],
        ["unknown", "unknown"],
        ["10", "2"],
        1,
    ),
    "账面原值 in whole yuan": (
        "表6 国有资产占用情况表",
        ["资产类别 计量单位 数量 账面原值"],
        ["车辆 辆 3 652000", "办公设备 台 25 401000"],
        [["652000"], ["401000"]],
        ["unknown"],
        ["3", "25"],
        1,
    ),
    "two counts beside the 三公 amounts": (
        "表6 2026年“三公”经费支出预算表",
        ["项目 合计 因公出国（境）费 公务用车购置及运行费 公务接待费 出国团组数 接待批次"],
        ["2026年预算数 350000 100000 200000 50000 2 30"],
        [["350000", "100000", "200000", "50000"]],
        ["total", "outbound_travel", "vehicles", "reception"],
        ["2", "30"],
        2,
    ),
}


@pytest.mark.parametrize("name", list(BARE_YUAN))
def test_amounts_in_whole_yuan_beside_a_placed_count_stay_money(name):
    title, header, body, money, measures, counts, counted = BARE_YUAN[name]
    tables, diag = read(report(title, "元", header, body))
    assert [t.number for t in tables] == ["表1", "表6"]
    table = tables[1]
    assert [[c.printed for c in row.cells if c is not None] for row in table.rows] == money
    assert [[c.value for c in row.cells if c is not None] for row in table.rows] == [
        [Decimal(v) for v in row] for row in money
    ]
    assert [c.measure for c in table.columns] == measures
    assert not {c.span.text for row in table.rows for c in row.cells if c is not None} & set(counts)
    # each count column said (W318), none of the amounts set aside as a count (W319)
    assert [d.code for d in diag.items if d.code in ("W318", "W319")] == ["W318"] * counted


def test_a_count_heading_inside_an_indicator_table_keeps_it_one():
    """数量指标 is no amount: a grid of indicators whose level cells name a count stays a grid of indicators (with the
    count words in the vocabulary but not among an indicator table's words, this grid was read as an empty table)."""
    text = (
        MONEY + "表2 2026年项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 培训人数 ≥300人\n"
    )
    diag = Diagnostics("variant.txt")
    tables, _projects, indicators = extract_tables(normalize(text), [], diag)
    assert [t.number for t in tables] == ["表1"]
    assert [(i.name, i.value, i.unit) for i in indicators] == [("培训人数", Decimal(300), "人")]


PDF_MONEY = (
    ["某某局2026年部门预算", "表1 部门支出总表", "单位：万元"],
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", "120.00", "80.00", "40.00"],
    ],
)
# (header cells, rows, the money each row prints, the counts printed); before: 数量/编制数 read as the total (3 vehicles
# = 30,000 yuan, 45 staff = 450,000 yuan), the other counts as amounts of no meaning — 6 of 6 fail (ruled or not)
PDF_CASES = {
    "assets": (
        ["资产类别", "计量单位", "数量", "账面原值"],
        [["车辆", "辆", "3", "65.20"], ["办公设备", "台", "25", "40.10"]],
        [["65.20"], ["40.10"]],
        ["3", "25"],
    ),
    "letter-spaced": (
        ["项目名称", "计量单位", "数 量", "合 计"],
        [["办公设备购置", "台", "10", "12.50"], ["空调购置", "台", "4", "3.20"]],
        [["12.50"], ["3.20"]],
        ["10", "4"],
    ),
    "staff, counts only": (
        ["项目", "编制数", "实有人数", "离退休人数"],
        [["某某局本级", "45", "43", "12"], ["某某中心", "20", "18", "3"]],
        None,
        ["45", "43", "12", "20", "18", "3"],
    ),
}


@pytest.mark.parametrize("ruled", [True, False])
@pytest.mark.parametrize("name", list(PDF_CASES))
def test_a_pdfs_count_column_is_never_read_as_money(tmp_path, name, ruled):
    from nlp.reader import read_report
    from tests.pdfmake import Cell, make_table_pdf

    heads, rows, money, counts = PDF_CASES[name]

    def cells(texts):
        return [Cell(t, i) for i, t in enumerate(texts)]

    first = (PDF_MONEY[0], [cells(r) for r in PDF_MONEY[1]], [60, 120, 70, 70, 70])
    second = (["表2 2026年政府采购预算表", "单位：万元"], [cells(heads)] + [cells(r) for r in rows], [90] + [60] * 3)
    path = tmp_path / "counts.pdf"
    path.write_bytes(make_table_pdf([first, second], ruled=ruled))
    rep = read_report(path)
    assert rep.tables[0].rows[0].cells[0].value == Decimal("1200000.00")
    if money is None:
        assert [t.number for t in rep.tables] == ["表1"]
    else:
        assert [t.number for t in rep.tables] == ["表1", "表2"]
        assert [[c.printed for c in r.cells if c is not None] for r in rep.tables[1].rows] == money
        assert not {c.printed for r in rep.tables[1].rows for c in r.cells if c is not None} & set(counts)
    assert [d for d in rep.diagnostics if d.code in ("W318", "W319")]
