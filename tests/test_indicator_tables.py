"""A table of performance indicators (绩效指标: 一级/二级/三级指标, 指标值, 度量单位 …) is no table of money:
none of its figures (100%, ≥95, 1000 件, 2026 年) is read as yuan, no cell of it is bad (W301), and each
quantity it prints is an indicator with its unit (nlp.indicatortables).  Constructed variants: the header's
layouts (levels + 指标值 with the unit glued; 指标性质 and 度量单位 in cells of their own; 指标名称 / 目标值 /
计量单位 over two lines; a project name in front), beside a money table declared in 万元 / 元 / 千元, the
indicator table declaring a unit of its own or none; controls: a project table printing amounts beside its
绩效目标 and one printing 金额 beside indicator columns stay tables of money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp import indicatortables
from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tables import extract_tables

MONEY = """\
表1 部门支出总表
单位：{unit}
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 {a} {b} {c}
2010101 行政运行 {a} {b} {c}
合 计 {a} {b} {c}
"""
FIGURES = {
    "万元": ("120.00", "80.00", "40.00"),
    "元": ("1,200,000", "800,000", "400,000"),
    "千元": ("1,200.0", "800.0", "400.0"),
}

# (header lines, body lines, the indicators expected as (name, value, unit, comparator))
LEVELS_GLUED = (
    ["一级指标 二级指标 三级指标 指标值"],
    [
        "产出指标 数量指标 受理信访事项数量 ≥1000件",
        "质量指标 按期办结率 ≥95%",
        "时效指标 完成时间 2026年12月",
        "成本指标 经济成本指标 项目总成本 ≤120.00万元",
        "效益指标 社会效益指标 群众满意度 100%",
        "服务环境 明显改善",
    ],
    [
        ("受理信访事项数量", "1000", "件", ">="),
        ("按期办结率", "95", "%", ">="),
        ("完成时间", "2026年12月", "", "="),  # a date: kept as printed, no number
        ("项目总成本", "1200000", "元", "<="),  # a cost: in yuan
        ("群众满意度", "100", "%", "="),
        ("服务环境", "明显改善", "", "="),  # words: kept as printed
    ],
)
NATURE_AND_UNIT = (
    ["一级指标 二级指标 三级指标 指标性质 指标值 度量单位"],
    [
        "产出指标 数量指标 信访事项办理数量 ≥ 1000 件",
        "质量指标 信访事项按期办结率 正向 95 %",
        "时效指标 完成时限 ≤ 2026 年",
        "效益指标 社会效益指标 群众满意度 ≥ 90 %",
        "设备维护量 ≥ 330 台",
    ],
    [
        ("信访事项办理数量", "1000", "件", ">="),
        ("信访事项按期办结率", "95", "%", "="),
        ("完成时限", "2026年", "", "<="),
        ("群众满意度", "90", "%", ">="),
        ("设备维护量", "330", "台", ">="),
    ],
)
NAME_TARGET_TWO_LINES = (
    ["指标名称 目标值 计量", "单位"],
    ["网上办件率 98 %", "培训人员 120 人次", "系统响应时间 10 秒", "完成年度 2026 年"],
    [
        ("网上办件率", "98", "%", "="),
        ("培训人员", "120", "人次", "="),
        ("系统响应时间", "10", "秒", "="),
        ("完成年度", "2026年", "", "="),
    ],
)
PROJECT_IN_FRONT = (
    ["项目名称 一级指标 二级指标 三级指标 指标值"],
    [
        "信息系统运维 产出指标 数量指标 运维终端数量 ≥330台",
        "质量指标 故障恢复时间 ≤4小时",
        "满意度指标 使用部门满意率 ≥85%",
    ],
    [("运维终端数量", "330", "台", ">="), ("故障恢复时间", "4", "小时", "<="), ("使用部门满意率", "85", "%", ">=")],
)
LAYOUTS = {
    "levels, value and unit glued": LEVELS_GLUED,
    "指标性质 and 度量单位 cells": NATURE_AND_UNIT,
    "指标名称/目标值/计量单位 over two lines": NAME_TARGET_TWO_LINES,
    "a project name in front": PROJECT_IN_FRONT,
}
TITLE = "表2 2026年项目支出绩效目标表"


def report(unit: str, header: list[str], body: list[str], own_unit: str | None) -> str:
    text = MONEY.format(unit=unit, **dict(zip("abc", FIGURES[unit])))
    text += TITLE + "\n" + (f"单位：{own_unit}\n" if own_unit else "") + "\n".join(header + body) + "\n"
    return text


def value(printed: str) -> Decimal | str:
    """An expected value: a number, or a value printed in words or as a date (kept as text)."""
    return Decimal(printed) if printed[0].isdigit() and printed[-1].isdigit() else printed


def read(text: str):
    diag = Diagnostics("variant.txt")
    tables, _projects, indicators = extract_tables(normalize(text), [], diag)
    return tables, indicators, diag


# every (layout, money unit, the indicator table's own unit): before, each read the indicator table as money
# (its figures as yuan, W301 for ≥95 or %) and gave no indicator — all 24 fail before
CASES = [
    (layout, unit, own)
    for layout in LAYOUTS
    for unit in ("万元", "元", "千元")
    for own in (None, unit if unit != "千元" else "万元")
]


@pytest.mark.parametrize(("layout", "unit", "own_unit"), CASES)
def test_an_indicator_table_is_read_as_indicators_not_money(layout, unit, own_unit):
    header, body, expected = LAYOUTS[layout]
    tables, indicators, diag = read(report(unit, header, body, own_unit))
    assert [t.number for t in tables] == ["表1"]  # the indicator table is no table of money
    assert not [d for d in diag.items if d.code == "W301"]
    assert [(i.name, i.unit, i.comparator) for i in indicators] == [(n, u, c) for n, _, u, c in expected]
    assert [i.value if i.text is None else i.text for i in indicators] == [value(v) for _, v, _, _ in expected]
    for i in indicators:  # the evidence is the printed name to the unit
        assert i.span.text.startswith(i.name) and i.span.text.replace(" ", "").endswith(i.unit)
        assert not i.achieved
    (note,) = [d for d in diag.items if d.code == "W314"]
    assert (
        note.severity.value == "info"
        and "表2" in note.message
        and f"{len(expected)} performance indicators" in note.message
    )
    # the money table beside it is read as before, in yuan
    money = tables[0]
    factor = {"万元": Decimal(10000), "元": Decimal(1), "千元": Decimal(1000)}[unit]
    assert money.rows[0].cells[0].value == Decimal(FIGURES[unit][0].replace(",", "")) * factor


def test_a_final_accounts_table_of_achieved_values():
    header, body = ["一级指标 二级指标 三级指标 实际完成值 权重 得分"], ["产出指标 数量指标 受理咨询事项 2380件 15 15"]
    tables, indicators, diag = read(report("万元", header, body, None))
    assert [(i.name, i.value, i.unit, i.achieved) for i in indicators] == [("受理咨询事项", Decimal(2380), "件", True)]
    assert [t.number for t in tables] == ["表1"]
    assert [d.code for d in diag.items if d.code.startswith("W3")] == ["W314"]


# controls: tables of money whose header names a text or indicators beside an amount stay tables of money
MONEY_CONTROLS = [
    (
        "项目名称 金额 绩效目标",
        "信息系统运维项目 45.00 保障系统稳定运行，满意度达95%。",
        Decimal("450000.00"),
    ),
    (
        "项目名称 预算金额 三级指标 指标值",
        "信息系统运维项目 45.00 故障恢复时间 4小时",
        Decimal("450000.00"),
    ),
    # the amount's heading cut over three lines (年度资 / 金总额 / (万元)): its unit in yuan still names the amounts
    (
        "年度资\n项目名称 金总额 年度绩效目标 三级指标 指标值\n(万元)",
        "信息系统运维项目 45.00 保障系统稳定运行 故障恢复时间 4小时",
        Decimal("450000.00"),
    ),
]


@pytest.mark.parametrize("unit", ["(万元)", "（元）", "(千元)"])
def test_a_column_headed_in_yuan_names_amounts_though_its_words_are_cut(unit):
    header = "年度资\n单位名\n项目名称 金总额 绩效目标 一级指标 二级指标 三级指标 年度指标值\n称\n" + unit
    assert not indicatortables.is_indicator_header(header)
    assert indicatortables.is_indicator_header(header.replace(unit, ""))  # the words alone name no amount


@pytest.mark.parametrize(("header", "line", "amount"), MONEY_CONTROLS)
def test_a_money_table_naming_indicators_beside_amounts_stays_money(header, line, amount):
    text = MONEY.format(unit="万元", **dict(zip("abc", FIGURES["万元"])))
    text += "表3 项目支出表\n单位：万元\n" + header + "\n" + line + "\n"
    tables, indicators, diag = read(text)
    assert [t.number for t in tables] == ["表1", "表3"]
    assert amount in [c.value for r in tables[1].rows for c in r.cells if c is not None]
    assert indicators == [] and not [d for d in diag.items if d.code == "W314"]


def test_the_reports_indicators_keep_the_tables(tmp_path):
    """Through the whole reader: the table's indicators are the report's, beside those of its texts."""
    from nlp.reader import read_report

    header, body, expected = LEVELS_GLUED
    path = tmp_path / "report.txt"
    path.write_text("某某局2026年部门预算\n" + report("万元", header, body, "万元"), encoding="utf-8")
    rep = read_report(path, entities=False)
    assert [(i.name, i.unit) for i in rep.indicators] == [(n, u) for n, _, u, _ in expected]
    assert all(t.number != "表2" for t in rep.tables)
    assert not [d for d in rep.diagnostics if d.code == "W301"]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_pdfs_indicator_table_under_a_grouped_header(tmp_path, ruled):
    """From a PDF's geometry too: 绩效指标 over 一级/二级/三级指标, 指标值 and 度量单位 spanning both header rows,
    narrow cells wrapping their headings; the indicator's evidence keeps its box on the page."""
    from nlp.reader import read_report
    from tests.pdfmake import Cell, make_table_pdf

    money = (
        ["某某局2026年部门预算", "表1 部门支出总表", "单位：万元"],
        [
            [Cell("科目编码", 0), Cell("科目名称", 1), Cell("合计", 2), Cell("基本支出", 3), Cell("项目支出", 4)],
            [Cell("201", 0), Cell("一般公共服务支出", 1), Cell("120.00", 2), Cell("80.00", 3), Cell("40.00", 4)],
            [Cell("合计", 0, 2), Cell("120.00", 2), Cell("80.00", 3), Cell("40.00", 4)],
        ],
        [60, 120, 70, 70, 70],
    )
    rows = [
        [Cell("绩效指标", 0, span=3), Cell("指标\n值", 3, rows=2), Cell("度量\n单位", 4, rows=2)],
        [Cell("一级指标", 0), Cell("二级指标", 1), Cell("三级指标", 2)],
        [Cell("产出指标", 0, rows=2), Cell("数量指标", 1), Cell("受理信访事项", 2), Cell("1000", 3), Cell("件", 4)],
        [Cell("时效指标", 1), Cell("完成时限", 2), Cell("2026", 3), Cell("年", 4)],
        [Cell("效益指标", 0), Cell("满意度指标", 1), Cell("群众满意度", 2), Cell("100", 3), Cell("%", 4)],
    ]
    path = tmp_path / "indicators.pdf"
    path.write_bytes(
        make_table_pdf(
            [money, (["表2 2026年项目支出绩效目标表", "单位：万元"], rows, [60, 60, 100, 30, 30])], ruled=ruled
        )
    )
    rep = read_report(path)
    assert [t.number for t in rep.tables] == ["表1"]
    assert [(i.name, i.value, i.unit, i.text) for i in rep.indicators] == [
        ("受理信访事项", Decimal(1000), "件", None),
        ("完成时限", None, "", "2026年"),
        ("群众满意度", Decimal(100), "%", None),
    ]
    assert all(i.span.box is not None and i.span.box.page == 2 for i in rep.indicators)
    assert [d.code for d in rep.diagnostics if d.code.startswith("W3")] == ["W314"]


def test_the_tables_indicators_in_the_graph_conform(tmp_path):
    """Each becomes a bkg:Indicator with its target value and unit, and the report's graph conforms."""
    from kg.mapping import map_report
    from kg.namespace import BKG
    from kg.resolve import default_resolver
    from kg.validate import validate_quads
    from nlp.reader import read_report

    header, body, expected = NATURE_AND_UNIT
    path = tmp_path / "report.txt"
    path.write_text("某某局2026年部门预算\n" + report("万元", header, body, "万元"), encoding="utf-8")
    mapped = map_report(read_report(path), resolver=default_resolver())
    values = sorted(Decimal(q.object.value) for q in mapped.quads if q.predicate.value == str(BKG.targetValue))
    assert values == sorted(Decimal(v) for _, v, _, _ in expected if isinstance(value(v), Decimal))
    texts = [q.object for q in mapped.quads if q.predicate.value == str(BKG.targetText)]
    assert [(t.value, t.language) for t in texts] == [("2026年", "zh")]
    assert not validate_quads(mapped.quads).violations


# a form printing its amounts first and its indicators under a line of their own headings (部门整体支出绩效目标表):
# (the headings line, the indicator lines, the indicators expected)
FORM_PARTS = {
    "指标值 and 度量单位": (
        "一级指标 二级指标 三级指标 指标值 度量单位",
        [
            "产出指标 数量指标 受理信访事项数量 1000 件",
            "时效指标 完成时间 2026 年",
            "效益指标 社会效益指标 群众满意度 100 %",
        ],
        [("受理信访事项数量", "1000", "件"), ("完成时间", "2026年", ""), ("群众满意度", "100", "%")],
    ),
    "指标名称 and 目标值": (
        "指标名称 目标值",
        ["网上办件率 ≥98%", "培训人员 120人次"],
        [("网上办件率", "98", "%"), ("培训人员", "120", "人次")],
    ),
}


def form(unit: str, headings: str, lines: list[str]) -> str:
    total = {"万元": "120.00", "元": "1,200,000", "千元": "1,200.0"}[unit]
    return (
        MONEY.format(unit=unit, **dict(zip("abc", FIGURES[unit])))
        + f"表2 2026年部门整体支出绩效目标表\n单位：{unit}\n部门名称 某某局\n年度预算 资金总额 {total}\n"
        + f"其中：财政拨款 {total}\n"
        + "\n".join([headings, *lines])
        + "\n"
    )


# before: the indicator lines were rows of money (1000 件 as 10,000,000 yuan under 万元, % a bad cell): 6 of 6 fail
@pytest.mark.parametrize("part", list(FORM_PARTS))
@pytest.mark.parametrize("unit", ["万元", "元", "千元"])
def test_a_forms_indicators_under_its_amounts(part, unit):
    headings, lines, expected = FORM_PARTS[part]
    tables, indicators, diag = read(form(unit, headings, lines))
    factor = {"万元": Decimal(10000), "元": Decimal(1), "千元": Decimal(1000)}[unit]
    (t,) = [t for t in tables if t.number == "表2"]
    amounts = [c.value for r in t.rows for c in r.cells if c is not None]
    assert (
        amounts == [Decimal(120) * 10000, Decimal(120) * 10000]
        if unit == "万元"
        else amounts == [Decimal(FIGURES[unit][0].replace(",", "")) * factor] * 2
    )
    assert [(i.name, i.value if i.text is None else i.text, i.unit) for i in indicators] == [
        (n, value(v), u) for n, v, u in expected
    ]
    assert not [d for d in diag.items if d.code == "W301"]
    (note,) = [d for d in diag.items if d.code == "W314"]
    assert f"{len(expected)} performance indicators" in note.message


# Tables of money that print a 计量单位 (goods bought, assets held) or an amount's heading letter-spaced (金 额, 合 计) or
# outside the measures' words (本年预算, 单价/总价, 账面原值), and a project table printing indicators beside its amount
# letter-spaced: no table of indicators — each stays a table, its amount read in yuan.  Before (4ec16aa): each was
# dropped whole as an indicator table (W314, then W307): 7 of 7 fail.
MONEY_BESIDE_UNITS = [
    ("项 目 计 量 单 位 数 量 金 额", "万元", "办公设备购置 台 10 12.50", Decimal("125000.00")),
    ("项目名称 计量单位 数量 合 计", "万元", "办公设备购置 台 10 12.50", Decimal("125000.00")),
    ("采购项目 计量单位 数量 本年预算", "万元", "公务用车购置 辆 1 18.00", Decimal("180000.00")),
    ("采购品目 计量单位 数量 单价 总价", "元", "台式计算机 台 10 5,000.00 50,000.00", Decimal("50000.00")),
    ("资产类别 计量单位 数量 账面原值", "万元", "车辆 辆 3 65.20", Decimal("652000.00")),
    ("项 目 度 量 单 位 数 量 预 算 数", "千元", "办公家具购置 套 20 86.0", Decimal("86000.0")),
    (
        "项 目 名 称 预 算 金 额 三 级 指 标 指 标 值",
        "万元",
        "信息系统运维项目 45.00 故障恢复时间 4小时",
        Decimal("450000.00"),
    ),
]


@pytest.mark.parametrize(("header", "unit", "line", "amount"), MONEY_BESIDE_UNITS)
def test_a_money_table_printing_a_unit_of_measure_stays_money(header, unit, line, amount):
    text = MONEY.format(unit="万元", **dict(zip("abc", FIGURES["万元"])))
    text += f"表6 政府采购预算表\n单位：{unit}\n{header}\n{line}\n"
    tables, indicators, diag = read(text)
    assert [t.number for t in tables] == ["表1", "表6"]
    assert amount in [c.value for r in tables[1].rows for c in r.cells if c is not None]
    assert indicators == [] and not [d for d in diag.items if d.code == "W314"]


# A final account's self-evaluation prints the target and what was achieved side by side: the second quantity of a
# line is what was achieved of the line's indicator, not an indicator named by the target (≥1000件).  Before: a second
# indicator named '≥1000件' (or '件') with the achieved value as its target — 3 of 3 fail.
PAIRED = {
    "glued units": (
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        ["产出指标 数量指标 办结信访事项 ≥1000件 1050件 20 20", "效益指标 满意度指标 群众满意度 ≥90% 96% 10 9"],
    ),
    "units apart": (
        "一级指标 二级指标 三级指标 指标性质 目标值 完成值 度量单位",
        ["产出指标 数量指标 办结信访事项 ≥ 1000 件 1050 件", "满意度指标 群众满意度 ≥ 90 % 96 %"],
    ),
    "letter-spaced header": (
        "一 级 指 标 二 级 指 标 三 级 指 标 年 度 指 标 值 实 际 完 成 值",
        ["产出指标 数量指标 办结信访事项 ≥1000件 1050件", "效益指标 满意度指标 群众满意度 ≥90% 96%"],
    ),
}


@pytest.mark.parametrize("layout", list(PAIRED))
def test_a_self_evaluation_pairs_each_target_with_what_was_achieved(layout):
    header, body = PAIRED[layout]
    tables, indicators, _ = read(report("万元", [header], body, None))
    assert [t.number for t in tables] == ["表1"]
    assert [(i.name, i.value, i.unit, i.comparator, i.achieved) for i in indicators] == [
        ("办结信访事项", Decimal(1000), "件", ">=", False),
        ("办结信访事项", Decimal(1050), "件", "=", True),
        ("群众满意度", Decimal(90), "%", ">=", False),
        ("群众满意度", Decimal(96), "%", "=", True),
    ]
    achieved = [i for i in indicators if i.achieved]
    assert [i.span.text.replace(" ", "") for i in achieved] == ["1050件", "96%"]  # the evidence is its own cell


# Each line an indicator table prints is read whole and exactly (the table of the layout "levels, value and unit
# glued", under 单位：万元 beside the money table): (the indicator lines, the indicators expected as (name, value or
# text, unit, comparator, the cost's amount and unit as printed)).  A cost is an amount in yuan, its printing kept;
# a date or words are kept as printed; a name wrapped over lines is joined, above its value's line or centred on it.
# Before (main at 54af61b): each row's cost, date or words were read as nothing, and a wrapped name kept its last
# piece (or became a level cell, 产; 使用部门满意率 lost its 使 to the prose reader) — 14 of 15 fail before (故障处理时限 2个工作日内 was read right).
ROWS = [
    (["成本指标 经济成本指标 项目总成本 ≤45万元"], [("项目总成本", "450000", "元", "<=", ("45", "万元"))]),
    (
        ["成本指标 经济成本指标 项目成本控制 ≤2,706.79万元 20"],
        [("项目成本控制", "27067900", "元", "<=", ("2,706.79", "万元"))],
    ),
    (["成本指标 经济成本指标 项目总成本 不超过1.2亿元"], [("项目总成本", "120000000", "元", "<=", ("1.2", "亿元"))]),
    (["成本指标 每册宣传手册印制成本 ≤2.6元"], [("每册宣传手册印制成本", "2.6", "元", "<=", ("2.6", "元"))]),
    (["成本指标 人均培训费 ≤ 550 元/人/天"], [("人均培训费", "550", "元/人/天", "<=", ("550", "元"))]),
    (["时效指标 项目完成时间 2024年12月底前"], [("项目完成时间", "2024年12月底前", "", "=", None)]),
    (["时效指标 故障处理时限 2个工作日内 8"], [("故障处理时限", "2", "个工作日", "<=", None)]),
    (["时效指标 系统上线时间 ≤ 2026 年 6 月 8"], [("系统上线时间", "2026年6月", "", "<=", None)]),
    (["效益指标 社会效益指标 信访工作法治化水平 持续提升 5"], [("信访工作法治化水平", "持续提升", "", "=", None)]),
    (["成本指标 经济成本指标 运维总成本 不超过预算"], [("运维总成本", "预算", "", "<=", None)]),
    (
        ["受理群众来信来访", "产出指标 数量指标 事项数量 ≥1000件"],
        [("受理群众来信来访事项数量", "1000", "件", ">=", None)],
    ),
    (
        ["网络设备正常在线时长占比（在线小", "产出指标 ≥99.8%", "时数/全年应在线时数）"],
        [("网络设备正常在线时长占比（在线小时数/全年应在线时数）", "99.8", "%", ">=", None)],
    ),
    (
        ["培养实践锻炼、跟班学习", "数量指标", "绩 产 ≥120人 6", "干部人数", "信访业务主体培训人数 ≥260人 6"],
        [
            ("培养实践锻炼、跟班学习干部人数", "120", "人", ">=", None),
            ("信访业务主体培训人数", "260", "人", ">=", None),
        ],
    ),
    (
        ["信访系统干部整体素质和", "效益 社会效益指标 有所提高 20", "指标 业务能力"],
        [("信访系统干部整体素质和业务能力", "有所提高", "", "=", None)],
    ),
    (["满意度 服务对象", "使用部门满意率 ≥85% 10", "指标 满意度指标"], [("使用部门满意率", "85", "%", ">=", None)]),
]


@pytest.mark.parametrize(("lines", "expected"), ROWS)
def test_each_line_of_an_indicator_table_is_read_exactly(lines, expected):
    text = report(
        "万元", ["一级指标 二级指标 三级指标 指标值"], ["产出指标 数量指标 办结信访事项 ≥1000件", *lines], "万元"
    )
    tables, indicators, diag = read(text)
    assert [t.number for t in tables] == ["表1"]
    assert (indicators[0].name, indicators[0].value) == ("办结信访事项", Decimal(1000))
    indicators = indicators[1:]
    got = [
        (
            i.name,
            i.value if i.text is None else i.text,
            i.unit,
            i.comparator,
            i.amount and (i.amount.printed, i.amount.unit),
        )
        for i in indicators
    ]
    assert got == [(n, value(v), u, c, a) for n, v, u, c, a in expected]
    for i in indicators:  # the evidence runs from the name's first piece to the value, on the lines printed
        first = i.name[: len(lines[0].split()[-1])] if i is indicators[0] else i.name[:2]
        assert i.span.text.startswith(first[:2]) and "".join(i.span.text.split()).find("".join(i.name[-2:])) >= 0
        if i.amount is not None:
            assert i.amount.span.text.replace(" ", "") == i.amount.printed + i.amount.unit
            assert (
                i.value
                == Decimal(i.amount.printed.replace(",", "")) * {"元": 1, "万元": 10000, "亿元": 10**8}[i.amount.unit]
            )
    assert not [d for d in diag.items if d.code in ("W301", "W317")]


# Lines an indicator table prints that give no indicator (a sentence, a value no reader knows) are named by line in
# warning W317 — a table giving none is not dropped silently.  Before: the lines vanished, W314 said 0 — 3 of 3 fail.
UNREAD = [
    (["服务质量 群众反映良好，无投诉。"], 0),
    (["产出指标 数量指标 受理信访事项数量 ≥1000件", "说明：指标值根据上年完成情况确定。"], 1),
    (["效益指标 社会效益指标 接访环境 焕然一新"], 0),
]


@pytest.mark.parametrize(("lines", "found"), UNREAD)
def test_lines_giving_no_indicator_are_named(lines, found):
    text = report("万元", ["一级指标 二级指标 三级指标 指标值"], lines, "万元")
    _, indicators, diag = read(text)
    assert len(indicators) == found
    (note,) = [d for d in diag.items if d.code == "W317"]
    numbers = [n + 1 for n, ln in enumerate(text.splitlines()) if ln in lines and not find(ln)]
    assert note.line == numbers[0] and note.severity.value == "warning"
    assert all(str(n) in note.message for n in numbers) and "表2" in note.message


def find(line: str) -> bool:
    return "≥" in line


def test_a_pdfs_ruled_grid_gives_costs_words_dates_and_wrapped_names(tmp_path):
    """From a ruled PDF's geometry: a name and a date wrapped inside their cells are read whole, a cost in 万元 in
    yuan with its printing, words as printed; each indicator's evidence keeps its box on the page.  Before: only the
    count (≥1000件) was read — fails before."""
    from nlp.reader import read_report
    from tests.pdfmake import Cell, make_table_pdf

    money = (
        ["某某局2026年部门预算", "表1 部门支出总表", "单位：万元"],
        [
            [Cell("科目编码", 0), Cell("科目名称", 1), Cell("合计", 2), Cell("基本支出", 3), Cell("项目支出", 4)],
            [Cell("201", 0), Cell("一般公共服务支出", 1), Cell("120.00", 2), Cell("80.00", 3), Cell("40.00", 4)],
        ],
        [60, 120, 70, 70, 70],
    )
    rows = [
        [Cell("一级指标", 0), Cell("二级指标", 1), Cell("三级指标", 2), Cell("指标值", 3)],
        [Cell("成本指标", 0), Cell("经济成本指标", 1), Cell("项目总成本", 2), Cell("≤45万元", 3)],
        [Cell("产出指标", 0, rows=2), Cell("数量指标", 1), Cell("受理群众来信来访\n事项数量", 2), Cell("≥1000件", 3)],
        [Cell("时效指标", 1), Cell("完成时间", 2), Cell("2026年12月\n底前", 3)],
        [Cell("效益指标", 0), Cell("社会效益\n指标", 1), Cell("服务环境", 2), Cell("明显改善", 3)],
    ]
    path = tmp_path / "indicators.pdf"
    path.write_bytes(make_table_pdf([money, (["表2 2026年项目支出绩效目标表", "单位：万元"], rows, [60, 60, 70, 60])]))
    rep = read_report(path)
    assert [(i.name, i.value, i.unit, i.comparator, i.text) for i in rep.indicators] == [
        ("项目总成本", Decimal(450000), "元", "<=", None),
        ("受理群众来信来访事项数量", Decimal(1000), "件", ">=", None),
        ("完成时间", None, "", "=", "2026年12月底前"),
        ("服务环境", None, "", "=", "明显改善"),
    ]
    assert (rep.indicators[0].amount.printed, rep.indicators[0].amount.unit) == ("45", "万元")
    assert all(i.span.box is not None and i.span.box.page == 2 for i in rep.indicators)
    assert [d.code for d in rep.diagnostics if d.code.startswith("W3")] == ["W314"]
