"""The 绩效目标 of a table of key projects (重点项目预算绩效情况说明, nlp.projecttargets) read from text as from the
PDF: the unit and the name wrap in their narrow cells beside the target, and which pieces of a line below a row
are theirs is known from the project table's unit and name.  Layouts built here from the Shenzhen template:
re-wrapped lines, a target going on after a full stop, a space printed inside a target's line, a unit printed
short, a page break inside a row, figures in 元, a note under the table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.model import Amount, Project, Span
from nlp.normalize import normalize
from nlp.projecttargets import attach

HEAD = "第七部分 重点项目预算绩效情况说明\n2026 年，本单位重点项目绩效目标情况如下：\n"
HEADER = "二级预算单位名称 一级项目名称 预算数（万元） 绩效目标\n"
TAIL = "第八部分 其他需要说明情况\n"


def _project(name: str, unit: str, printed: str, unit_word: str = "万元") -> Project:
    scale = Decimal(10000) if unit_word == "万元" else Decimal(1)
    value = Decimal(printed.replace(",", "")) * scale
    return Project(name, unit, Amount(value, printed, unit_word, Span(0, 0, "")), {}, Span(0, 0, ""))


# (what the layout shows, the rows as printed, (name, unit, amount as printed), the target the PDF gives)
CASES = [
    (
        "a target going on after a full stop, its next line one piece",
        "某某市档案馆（本 档案数字化项目 8.60 完成档案扫描，保障图像清\n"
        "级） （档案整理服 晰完整。\n"
        "务） 至少整理45箱纸质档\n"
        "案，质检合格率大于98%。\n",
        ("档案数字化项目（档案整理服务）", "某某市档案馆（本级）", "8.60"),
        "完成档案扫描，保障图像清晰完整。至少整理45箱纸质档案，质检合格率大于98%。",
    ),
    (
        "a one-piece line under a full stop, the name and unit ended above",
        "某某市城市管理执法 占道经营整治事 5.93 完成占道经营整治各项工\n"
        "局某某执法队 务 作。开展40批次巡查。\n"
        "切实提高经营者的守法意\n"
        "识。\n",
        ("占道经营整治事务", "某某市城市管理执法局某某执法队", "5.93"),
        "完成占道经营整治各项工作。开展40批次巡查。切实提高经营者的守法意识。",
    ),
    (
        "a space inside the target's line, beside the unit's tail",
        "某某市人 对外交流合作 10,436.58 完成外宾接待联络服务，实\n"
        "民政府外 项目 现外事接待任务完\n"
        "事办公室 成率、涉外服务及时率 100%，接待人员礼仪\n"
        "达标率 100%，用车安全率\n"
        "≥95% 且成本不超预算。\n",
        ("对外交流合作项目", "某某市人民政府外事办公室", "10,436.58"),
        "完成外宾接待联络服务，实现外事接待任务完成率、涉外服务及时率 100%，接待人员礼仪达标率 100%，"
        "用车安全率≥95% 且成本不超预算。",
    ),
    (
        "a unit printed shorter than the project table prints it",
        "市某某建设署市政和 工程监管 1,386.42 在批复预算内和合同工期内\n交通工程管理中心 按期完成道路设施改造。\n",
        ("工程监管", "某某市某某建设署市政和交通工程管理中心", "1,386.42"),
        "在批复预算内和合同工期内按期完成道路设施改造。",
    ),
    (
        "a row broken by a page, its target going on after a full stop",
        "某某市档案馆（本 档案展览活动 126.00 在规定时间内完成展览筹备\n"
        "级） 工作。\n"
        "- 8 -\n"
        "参观群众人次达到500人次\n"
        "以上。\n",
        ("档案展览活动", "某某市档案馆（本级）", "126.00"),
        "在规定时间内完成展览筹备工作。参观群众人次达到500人次以上。",
    ),
    (
        "figures in 元, the name's tail alone under the ended target",
        "某某市档案馆（本 档案数字化项目 68,000.00 完成馆藏档案数字加工。\n级） （档案整理服\n务）\n",
        ("档案数字化项目（档案整理服务）", "某某市档案馆（本级）", "68,000.00", "元"),
        "完成馆藏档案数字加工。",
    ),
    (
        "a note printed under the table",
        "某某市档案馆（本 档案管理 347.19 为档案管理工作提供支持保\n级） 障。\n备注：涉密项目按要求不予公开。\n",
        ("档案管理", "某某市档案馆（本级）", "347.19"),
        "为档案管理工作提供支持保障。",
    ),
]


@pytest.mark.parametrize("layout,rows,project,target", CASES, ids=[c[0] for c in CASES])
def test_a_key_projects_target_is_read_whole(layout, rows, project, target):
    p = _project(*project)
    attach(normalize(HEAD + HEADER + rows + TAIL), [p])
    assert p.target is not None and p.target.text == target


def test_the_same_rows_laid_out_one_line_each_give_the_same_targets():
    """What a PDF's layout gives: each row one line, its cells whole."""
    rows = "".join(
        f"{unit} {name} {printed} {target}\n"
        for (_, _, (name, unit, printed, *_), target) in CASES
        if not target.startswith("完成馆藏档案")
    )
    projects = [_project(*c[2]) for c in CASES if not c[3].startswith("完成馆藏档案")]
    attach(normalize(HEAD + HEADER + rows + TAIL), projects)
    assert [p.target.text if p.target else None for p in projects] == [
        c[3] for c in CASES if not c[3].startswith("完成馆藏档案")
    ]


def test_a_target_line_that_starts_like_the_name_is_the_targets():
    """Only what the name still lacks is the name's: 项目验收… under 某某项目 (its name ended) is the target."""
    rows = "某某市档案馆（本 运维项目 5.80 完成运维，保障系统正常运行。\n级） 项目验收合格率大于95%。\n"
    p = _project("运维项目", "某某市档案馆（本级）", "5.80")
    attach(normalize(HEAD + HEADER + rows + TAIL), [p])
    assert p.target.text == "完成运维，保障系统正常运行。项目验收合格率大于95%。"
