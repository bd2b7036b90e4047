"""The indicators a project's performance form prints under its funds (项目绩效目标表 / 项目支出绩效自评表): the grid
under a line of indicator headings is read as a table of indicators (nlp.indicatortables) — until now a form gave
its project and nothing of its grid.  Constructed forms in the layouts of plain text (levels cut over lines by
narrow columns, names wrapped round their values, a weight beside the headings) and of a PDF's lines (each row
whole), in 万元 and 元; a self-evaluation pairs each target with what was achieved, numbers, costs, words and dates
alike, its headings cut over lines (年度指 / 标值); the grid ends at its 总分 line or at the prose after it.

Before (main at 54af61b) every form gave no indicator: all of these fail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tables import extract_tables

FUNDS = """\
数据平台运维绩效目标表
（2026年度）
项目名称 数据平台运维
主管部门及代码 [101]某某局 实施单位 某某局本级
年度资金总额： {total}
其中：财政拨款 {total}
项目资金
（万元）
上年结转 0.00
1.保障数据平台稳定运行。
"""
TOTAL = {"万元": "1,250.50", "元": "12,505,000.00"}

# a budget's grid as plain text prints it: levels cut by narrow columns (绩 / 效 / 指 / 标, 满意度 / 服务对象), names
# wrapped round their values, weights after the values; (lines, indicators as (name, value or text, unit, comparator))
BUDGET_TEXT = (
    [
        "分值",
        "一级指标 二级指标 三级指标 指标值",
        "（90）",
        "成本指标 经济成本指标 项目总成本 ≤{cost} 20",
        "数量指标 平台运维设备数量 ≥120台（套） 8",
        "绩",
        "效 产出指标 故障响应时间 ≤30分钟 8",
        "指 质量指标",
        "标",
        "培养业务骨干、跟班学习",
        "数量指标",
        "绩 产 ≥40人 6",
        "干部人数",
        "时效指标 系统升级完成时间 2026年9月底前 8",
        "社会效益指标 数据共享水平 明显提升 10",
        "满意度 服务对象",
        "使用单位满意率 ≥90% 10",
        "指标 满意度指标",
        "31",
    ],
    [
        ("项目总成本", "12505000", "元", "<="),
        ("平台运维设备数量", "120", "台", ">="),
        ("故障响应时间", "30", "分钟", "<="),
        ("培养业务骨干、跟班学习干部人数", "40", "人", ">="),
        ("系统升级完成时间", "2026年9月底前", "", "="),
        ("数据共享水平", "明显提升", "", "="),
        ("使用单位满意率", "90", "%", ">="),
    ],
)
# the same grid as a PDF's lines give it: each row whole, the weight beside the headings
BUDGET_PDF = (
    [
        "绩效指标 一级指标 二级指标 三级指标 指标值 分值（90）",
        "成本指标 经济成本指标 项目总成本 ≤{cost} 20",
        "产出指标 数量指标 平台运维设备数量 ≥120台（套） 8",
        "质量指标 故障响应时间 ≤30分钟 8",
        "培养业务骨干、跟班学习干部人数 ≥40人 6",
        "时效指标 系统升级完成时间 2026年9月底前 8",
        "效益指标 社会效益指标 数据共享水平 明显提升 10",
        "满意度指标 服务对象满意度指标 使用单位满意率 ≥90% 10",
    ],
    BUDGET_TEXT[1],
)


@pytest.mark.parametrize("unit", list(TOTAL))
@pytest.mark.parametrize("layout", [BUDGET_TEXT, BUDGET_PDF], ids=["text", "pdf lines"])
def test_a_budget_forms_grid_gives_its_indicators(layout, unit):
    lines, expected = layout
    cost = {"万元": "1250.50万元", "元": "12505000元"}[unit]
    text = FUNDS.format(total=TOTAL[unit]) + "\n".join(lines).format(cost=cost) + "\n"
    tables, projects, indicators, diag = read(text)
    assert tables == [] and [p.name for p in projects] == ["数据平台运维"]  # the form is read as before
    assert [(i.name, i.unit, i.comparator) for i in indicators] == [(n, u, c) for n, _, u, c in expected]
    assert [i.text or i.value for i in indicators] == [
        v if i.text else Decimal(v) for i, (_, v, _, _) in zip(indicators, expected, strict=True)
    ]
    (cost_indicator,) = [i for i in indicators if i.amount is not None]
    assert (cost_indicator.amount.printed + cost_indicator.amount.unit) == cost
    assert [d.code for d in diag.items if d.code in ("W314", "W317")] == ["W314"]
    assert "7 performance indicators" in next(d.message for d in diag.items if d.code == "W314")


def read(text: str):
    diag = Diagnostics("form.txt")
    tables, projects, indicators = extract_tables(normalize(text), [], diag)
    return tables, projects, indicators, diag


# a final account's self-evaluation: 年度指标值 beside 实际完成值, the heading cut over lines; each target and what was
# achieved of it, numbers, costs, words and dates alike
SELF_EVALUATION = [
    "一级指 年度指 得",
    "二级指标 三级指标 实际完成值 分值",
    "标 标值 分",
    "成本指标 经济成本指标 每册宣传手册印制成本 ≤2.6元 2.3元 20 20",
    "产出指标 数量指标 完成的专题调研报告数 ≥12个 15个 9 9",
    "时效指标 完成对绿化养护单位的验收 次年4月份前 已于2025年4月完成 8 8",
    "成本指标 参加研修人员人均食宿费 不超标准 未超标准 20 20",
    "效益指标 社会效益指标 档案查阅服务水平 有所提高 持续推进馆藏档案数字化，逐步完善线上预约查阅 10 9 缺少量化指标佐证",
    "总分 100 97",
    "3.档案数字化专项项目绩效自评综述：对照年初设定的绩效目标，本项目自评得分为97.0分。",
]


def test_a_self_evaluations_grid_pairs_targets_and_what_was_achieved():
    text = FUNDS.format(total=TOTAL["万元"]).replace("绩效目标表", "项目绩效自评表") + "\n".join(SELF_EVALUATION) + "\n"
    _, _, indicators, diag = read(text)
    assert [(i.name, i.text or i.value, i.achieved) for i in indicators] == [
        ("每册宣传手册印制成本", Decimal("2.6"), False),
        ("每册宣传手册印制成本", Decimal("2.3"), True),
        ("完成的专题调研报告数", Decimal(12), False),
        ("完成的专题调研报告数", Decimal(15), True),
        ("完成对绿化养护单位的验收", "次年4月份前", False),
        ("完成对绿化养护单位的验收", "已于2025年4月完成", True),
        ("参加研修人员人均食宿费", "不超标准", False),
        ("参加研修人员人均食宿费", "未超标准", True),
        # a target in words, what was achieved a text of its own before the scores
        ("档案查阅服务水平", "有所提高", False),
        ("档案查阅服务水平", "持续推进馆藏档案数字化，逐步完善线上预约查阅", True),
    ]
    achieved = [i for i in indicators if i.achieved]
    assert [i.span.text for i in achieved] == [
        "2.3元",
        "15个",
        "已于2025年4月完成",
        "未超标准",
        "持续推进馆藏档案数字化，逐步完善线上预约查阅",
    ]  # its own cell
    assert [d.code for d in diag.items if d.code in ("W314", "W317")] == ["W314"]  # 总分 ends it, the prose is no part


# A self-evaluation printing its reasons beside the scores (偏差原因分析及改进措施): in plain text the column of reasons
# interleaves with the names' pieces, so a name is read over lines only when it is centred on a value line that prints
# none — one piece alone right above, one right below (two characters or one, a bracket closed).  Made-up grid:
# (lines, indicators as (name, value, achieved)); before, the 5 centred names were read as "" — 5 of 5 fail.
EXPLAINED = [
    "偏差原因分析",
    "一级指 年度指 得",
    "二级指标 三级指标 实际完成值 分值 及",
    "标 标值 分",
    "改进措施",
    "培养实践锻炼、跟",
    "≥120人 131人 6 6",
    "班学习干部人数",
    "数量指标 培训人数 ≥250人 281人 6 6",
    "培训计划按期完成",
    "时效指标 ≥100% 100% 8 8",
    "率",
    "舆情报告报送量",
    "≥55期 55期 8 8",
    "（期）",
    "与优化有进一",
    "来访群众针对接待",
    "≤3次 2次 10 9 步提升空间；",
    "环境的投诉次数",
    "后续拟加强总",
    "满意度指 服务对象 接待场所干部职工",
    "≥98% 98% 10 10",
    "标 满意度指标 满意率",
    "总分 100 98",
]
EXPLAINED_READ = [
    ("培养实践锻炼、跟班学习干部人数", 120, 131),
    ("培训人数", 250, 281),
    ("培训计划按期完成率", 100, 100),
    ("舆情报告报送量（期）", 55, 55),
    ("来访群众针对接待环境的投诉次数", 3, 2),
    ("接待场所干部职工满意率", 98, 98),
]
# names the text cannot tell from the reasons beside them: left unnamed, their lines named unread (W317)
EXPLAINED_OPEN = {
    "four lines": (
        ["网络设备正常在", "线时长占比（在线", "≥99.8% 96% 10 8.5 偏低；后续拟", "小时数/全年应在", "线时数）"],
        "线时长占比",
    ),
    "reasons beside": (["机房设备故障响 部分故障", "效 ≤20分钟 8分钟 10 10", "应时间"], "机房设备故障响"),
    "a sentence below": (["机房设备故障响", "≤20分钟 8分钟 10 10", "用时偏长，后续"], "机房设备故障响"),
}


def _self_evaluation(lines: list[str]) -> str:
    return FUNDS.format(total=TOTAL["万元"]).replace("绩效目标表", "项目绩效自评表") + "\n".join(lines) + "\n"


def test_a_self_evaluations_names_centred_beside_its_reasons_are_read_whole():
    _, _, indicators, _ = read(_self_evaluation(EXPLAINED))
    assert [(i.name, i.value, i.achieved) for i in indicators] == [
        (name, Decimal(v), done)
        for name, target, achieved in EXPLAINED_READ
        for v, done in ((target, False), (achieved, True))
    ]
    first = indicators[0]
    assert first.span.text.startswith("培养实践锻炼") and first.span.text.endswith("班学习干部人数")


@pytest.mark.parametrize("case", list(EXPLAINED_OPEN))
def test_a_centred_name_the_text_cannot_tell_from_the_reasons_stays_unnamed(case):
    lines, piece = EXPLAINED_OPEN[case]
    text = _self_evaluation(EXPLAINED[:5] + lines + ["总分 100 98"])
    _, _, indicators, diag = read(text)
    assert [i.name for i in indicators] == ["", ""]
    (unread,) = [d for d in diag.items if d.code == "W317"]  # the piece's line is named unread
    at = next(k for k, ln in enumerate(text.splitlines(), 1) if piece in ln)
    assert f" {at}," in unread.message or f" {at} " in unread.message


@requires_devset
@pytest.mark.slow
def test_devset_budget_forms_give_every_row_of_their_grids_from_text_and_pdf():
    """The central department's three budget forms (devset train split): every row of their grids, counted by hand
    from the report (9, 11 and 9), read the same from its text and from its PDF."""
    name = "202_zhongyang-guojiaxinfangju-2026-yusuan"
    text = read_report_once(DEVSET / "text" / f"{name}.txt")
    pdf = read_report_once(DEVSET / "pdf" / f"{name}.pdf")
    rows = [[(i.name, i.value, i.unit, i.comparator, i.text) for i in r.indicators] for r in (text, pdf)]
    assert rows[0] == rows[1] and len(rows[0]) == 29
    assert rows[0][0] == ("项目总成本", Decimal("21348700.00"), "元", "<=", None)  # ≤2134.87万元
    assert ("培养实践锻炼、跟班学习干部人数", Decimal(110), "人", ">=", None) in rows[0]  # centred on its value in text
    assert ("信访系统干部整体素质和业务能力", None, "", "=", "有所提高") in rows[0]
    assert not [d for d in text.diagnostics + pdf.diagnostics if d.code == "W317" and "绩效目标表" in d.message]


def test_a_forms_indicators_are_its_projects_targets_in_the_graph(tmp_path):
    """Each indicator of a form's grid is linked from its project's 绩效目标 (target:<i> has_indicator
    indicator:<j>), and the graph conforms.  Before: the form gave no indicator, so no link — fails before."""
    from kg.mapping import map_report
    from kg.namespace import BKG
    from kg.resolve import default_resolver
    from kg.validate import validate_quads
    from nlp.reader import read_report

    path = tmp_path / "forms.txt"
    lines, expected = BUDGET_TEXT
    path.write_text(
        "某某局2026年部门预算\n"
        + FUNDS.format(total=TOTAL["万元"])
        + "\n".join(lines).format(cost="1250.50万元")
        + "\n",
        encoding="utf-8",
    )
    report = read_report(path)
    assert [p.name for p in report.projects] == ["数据平台运维"] and report.projects[0].target is not None
    links = [(link.subject, link.predicate, link.object) for link in report.links]
    assert links == [("target:1", "has_indicator", f"indicator:{j}") for j in range(1, len(expected) + 1)]
    mapped = map_report(report, resolver=default_resolver())
    assert sum(q.predicate.value == str(BKG.hasIndicator) for q in mapped.quads) == len(expected)
    assert not validate_quads(mapped.quads).violations
