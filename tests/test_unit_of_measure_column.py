"""A unit of measure printed as text in its own column (计量单位: 台, 辆, 套 …) is that column's, not the end of the row's
label: ``办公设备购置 台 10 12.50`` is the row 办公设备购置 (nlp.rowassembly, under a header naming 计量单位, 度量单位, or
单位 / 计量 as a heading of their own; nlp.indicators.is_unit_of_measure).  Without such a heading a label keeps what
is printed in it.  Before, the unit joined the label (办公设备购置台, 车辆辆)."""

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
合 计 120.00 80.00 40.00
"""
# name → (header lines, rows as printed, the labels, the money each row prints)
CASES = {
    "计量单位 数量 合计, 台": (["项目名称 计量单位 数量 合计"], ["办公设备购置 台 10 12.50", "空调购置 台 4 3.20"]),
    "度量单位, 辆 and 套": (["品目 度量单位 数量 金额"], ["公务用车 辆 1 18.00", "办公家具 套 20 8.60"]),
    "letter-spaced 计 量 单 位": (["项 目 计 量 单 位 数 量 金 额"], ["培训服务 项 3 6.00", "印刷品 批 2 1.50"]),
    "计量 / 单位 cut over lines": (
        ["资产类别 计量 数量 账面原值", "单位"],
        ["车辆 辆 3 65.20", "服务器 台（套） 4 40.10"],
    ),
    "单位 as a heading, 人次 and 次": (["项目 单位 数量 金额"], ["业务培训 人次 120 12.50", "专家咨询 次 6 3.00"]),
    "no count, 个 and 件": (["项目名称 计量单位 金额"], ["信息系统 个 30.00", "档案装具 件 2.40"]),
    "台/套": (["项目名称 计量单位 数量 合计"], ["网络设备 台/套 8 24.00"]),
}
LABELS = {
    "计量单位 数量 合计, 台": ["办公设备购置", "空调购置"],
    "度量单位, 辆 and 套": ["公务用车", "办公家具"],
    "letter-spaced 计 量 单 位": ["培训服务", "印刷品"],
    "计量 / 单位 cut over lines": ["车辆", "服务器"],
    "单位 as a heading, 人次 and 次": ["业务培训", "专家咨询"],
    "no count, 个 and 件": ["信息系统", "档案装具"],
    "台/套": ["网络设备"],
}
# Before (main at 27855bd) every case fails: the unit joined the label (办公设备购置台, 车辆辆, 网络设备台/套).


def _read(header: list[str], rows: list[str]):
    text = MONEY + "表6 2026年政府采购预算表\n单位：万元\n" + "\n".join(header + rows) + "\n"
    tables, _projects, _indicators = extract_tables(normalize(text), [], Diagnostics("variant.txt"))
    assert [t.number for t in tables] == ["表1", "表6"]
    return tables[1]


@pytest.mark.parametrize("case", list(CASES))
def test_a_unit_of_measure_in_its_own_column_leaves_the_label(case):
    header, rows = CASES[case]
    table = _read(header, rows)
    assert [r.name for r in table.rows] == LABELS[case]
    for row, printed in zip(table.rows, rows):
        amount = printed.split()[-1]
        assert [c.printed for c in row.cells if c is not None] == [amount]
        assert row.cells[-1].value == Decimal(amount) * 10000


@pytest.mark.parametrize(
    ("header", "row", "label"),
    [
        ("项目名称 数量 金额", "某某气象 台 12 12.50", "某某气象台"),  # no unit column: the label keeps its piece
        ("项目名称 金额", "业务用房维修 项 12.50", "业务用房维修项"),
        (
            "单位名称 合计 财政拨款",
            "某某市某某研究 所 12.50 12.50",
            "某某市某某研究所",
        ),  # 单位名称 names no unit column
        ("单位 合计 基本支出 项目支出", "财 务 处 12.50 8.50 4.00", "财务处"),  # 单位 heading the labels: the units
        ("单位 合计 财政拨款", "某某研究 所 12.50 12.50", "某某研究所"),
        ("单位\n名称 合计 财政拨款", "科 技 处 12.50 12.50", "科技处"),
    ],
)
def test_without_a_unit_column_the_label_keeps_what_it_prints(header, row, label):
    assert [r.name for r in _read(header.split("\n"), [row]).rows] == [label]


def test_a_pdfs_unit_column_leaves_the_label(tmp_path):
    from nlp.reader import read_report
    from tests.pdfmake import Cell, make_table_pdf

    def cells(texts):
        return [Cell(t, i) for i, t in enumerate(texts)]

    first = (
        ["某某局2026年部门预算", "表1 部门支出总表", "单位：万元"],
        [
            cells(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
            cells(["201", "一般公共服务支出", "120.00", "80.00", "40.00"]),
        ],
        [60, 120, 70, 70, 70],
    )
    rows = [
        ["项目名称", "计量单位", "数量", "金额"],
        ["办公设备购置", "台", "10", "12.50"],
        ["公务用车", "辆", "1", "18.00"],
    ]
    second = (["表2 2026年政府采购预算表", "单位：万元"], [cells(r) for r in rows], [90, 60, 60, 60])
    path = tmp_path / "units.pdf"
    path.write_bytes(make_table_pdf([first, second], ruled=True))
    report = read_report(path)
    assert [r.name for r in report.tables[1].rows] == ["办公设备购置", "公务用车"]
