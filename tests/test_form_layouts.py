"""A project's performance form reads into one model whatever its layout (nlp.projectforms): as plain text gives it (the
heading 年/度/总/体/目/标 down the margin, the grid's headings cut into pieces above it: 分值 / 权 / 一级) and as a ruled
form read from its PDF (one line a row: 年度总体目标 1.…, 年度总体目标 预期目标 实际完成情况, each cell whole).  Its
target is the numbered sentences alone — no margin character, no heading piece — and each indicator of its grid is
linked from it.  Before, a PDF's form gave its project no target (so none of its indicators was linked), and the
text's target ended in the headings' pieces (…水平。分值权一级) with the margin's characters inside (年 3.强化…)."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.projectforms import indicator_links
from nlp.tables import extract_tables

TARGET = "1.保障数据平台稳定运行，全年可用率不低于99%。2.完成全部业务系统的日常巡检和故障处理。3.做好网络安全保障。"
GRID = [
    "成本指标 经济成本指标 项目总成本 ≤1250.50万元 20",
    "产出指标 数量指标 巡检次数 ≥12次 10",
    "质量指标 系统可用率 ≥99% 10",
    "效益指标 社会效益指标 业务办理效率 明显提升 20",
    "满意度指标 服务对象满意度指标 使用部门满意率 ≥90% 10",
]
HEAD = [
    "数据平台运维绩效目标表",
    "（2026年度）",
    "项目名称 数据平台运维",
    "主管部门及代码 [101]某某局 实施单位 某某局本级",
]
FUNDS = ["其中：财政拨款 1,000.50", "上年结转 250.00", "其他资金 -"]

# layout → the form's lines from its funds to its grid's headings (the heading line last)
BUDGET = {
    "PDF ruled, 分值（90）": [
        "项目资金（万元） 年度资金总额： 1,250.50 执行率分值（10）",
        *FUNDS,
        "年度总体目标 " + TARGET,
        "绩效指标 一级指标 二级指标 三级指标 指标值 分值（90）",
    ],
    "PDF ruled, 分值权重（90）, 1、": [
        "项目资金（万元） 年度资金总额： 1,250.50 执行率分值（10）",
        *FUNDS,
        "年度总体目标 " + TARGET.replace("1.", "1、").replace("2.", "2、").replace("3.", "3、"),
        "绩效指标 一级指标 二级指标 三级指标 指标值 分值权重（90）",
    ],
    "text, margin glued, heading cut 分值权 / 一级": [
        "年度资金总额： 1,250.50",
        *FUNDS,
        "项目资金（万元）",
        "1.保障数据平台稳定运行，全年可用率不低于99%。",
        "年 2.完成全部业务系统的日常巡检和",
        "度 故障处理。",
        "总 3.做好网络安全保障。",
        "体",
        "分值权",
        "一级",
        "二级指标 三级指标 指标值 重",
        "指标",
        "（90）",
    ],
    "text, heading 分值 above the grid's": [
        "年度资金总额： 1,250.50",
        *FUNDS,
        "1.保障数据平台稳定运行，全年可用率不低于99%。2.完成全部业务系统",
        "年 的日常巡检和故障处理。3.做好网络安全保障。",
        "度",
        "分值",
        "一级指标 二级指标 三级指标 指标值",
        "（90）",
    ],
}
# Before (main at 27855bd): the two PDF layouts give no target (and no link), the text layouts a target ending in
# 分值权一级 / 分值 with 年 / 度 inside — 4 of 4 fail.


def _read(lines: list[str]):
    text = "\n".join(lines) + "\n"
    norm = normalize(text)
    _tables, projects, indicators = extract_tables(norm, [], Diagnostics("form.txt"))
    return projects, indicators, indicator_links(norm, projects, indicators)


@pytest.mark.parametrize("layout", list(BUDGET))
def test_a_budget_forms_target_and_its_linked_indicators(layout):
    projects, indicators, links = _read(HEAD + BUDGET[layout] + GRID)
    (project,) = projects
    assert project.amount.printed == "1,250.50"
    expected = TARGET if "1、" not in BUDGET[layout][4] else BUDGET[layout][4].removeprefix("年度总体目标 ")
    assert project.target.text == expected
    assert project.target.span.text.replace("\n", "").startswith(expected[:10])
    assert [i.name for i in indicators] == ["项目总成本", "巡检次数", "系统可用率", "业务办理效率", "使用部门满意率"]
    assert Counter(link.subject for link in links) == {"target:1": 5}


# a self-evaluation's 预期目标 beside its 实际完成情况, as the PDF lays out its row: two cells on one line
SELF_EVALUATION = [
    "数据平台运维项目绩效自评表",
    "（2024年度）",
    "项目名称 数据平台运维",
    "主管部门 [101] 某某局 实施单位 某某局",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额： 500.00 480.00 432.00 10.0 90.00% 9.0",
    "其中：财政拨款 500.00 480.00 432.00 -- 90.0% --",
    "年度总体目标 预期目标 实际完成情况",
    "1.保障数据平台稳定运行。2.上线电子证照库。 1.全年可用率99.9%。2.接入事项120项。",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "产出指标 数量指标 巡检次数 ≥12次 12次 10 10",
    "满意度指标 服务对象满意度指标 使用部门满意率 ≥90% 95% 10 10",
]


@pytest.mark.parametrize("spacing", ["年度总体目标 预期目标 实际完成情况", "年度总体目标  预期目标  实际完成情况"])
def test_a_self_evaluation_read_from_its_pdf_pairs_target_and_achieved(spacing):
    lines = [spacing if ln.startswith("年度总体目标") else ln for ln in SELF_EVALUATION]
    projects, indicators, links = _read(lines)
    (project,) = projects
    assert project.target.text == "1.保障数据平台稳定运行。2.上线电子证照库。"
    assert project.target.achieved == "1.全年可用率99.9%。2.接入事项120项。"
    assert len(indicators) == 4  # each target and what was achieved of it
    assert Counter(link.subject for link in links) == {"target:1": 4}


@requires_devset
@pytest.mark.slow
@pytest.mark.parametrize("number", ["202", "203"])
def test_devset_forms_read_from_text_and_pdf_give_the_same_targets_and_link_their_indicators(number):
    """The forms of the train split's reports printing them (found by their 项目名称 … 年度资金总额 lines, not by name):
    the PDF gives each form's project the target the text does, and links each of its form's indicators."""
    [text] = (DEVSET / "text").glob(f"{number}_*.txt")
    [pdf] = (DEVSET / "pdf").glob(f"{number}_*.pdf")
    t, p = read_report_once(text), read_report_once(pdf)
    forms = [(a, b) for a, b in zip(t.projects, p.projects) if a.amount is not None]
    assert forms and all(a.name == b.name for a, b in forms)
    for a, b in forms:
        assert a.target is not None and b.target is not None
        assert (a.target.text, a.target.achieved) == (b.target.text, b.target.achieved)
        assert "分值" not in a.target.text
    linked = Counter(link.subject for link in p.links if link.predicate == "has_indicator")
    assert len(linked) == len(forms) and all(n >= 5 for n in linked.values())
