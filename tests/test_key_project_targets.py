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
        "某某市统计局（本 政务信息化项目 7.50 完成内网运维，保障系统正\n"
        "级） （运行维护服 常运行。\n"
        "务） 至少完成12份巡检报\n"
        "告，验收合格率大于95%。\n",
        ("政务信息化项目（运行维护服务）", "某某市统计局（本级）", "7.50"),
        "完成内网运维，保障系统正常运行。至少完成12份巡检报告，验收合格率大于95%。",
    ),
    (
        "a one-piece line under a full stop, the name and unit ended above",
        "某某市市场监督管理 药械安全监管事 6.84 完成药械安全监管各项工\n"
        "局某某监管局 务 作。开展30批次抽检。\n"
        "切实提高经营者的安全意\n"
        "识。\n",
        ("药械安全监管事务", "某某市市场监督管理局某某监管局", "6.84"),
        "完成药械安全监管各项工作。开展30批次抽检。切实提高经营者的安全意识。",
    ),
    (
        "a space inside the target's line, beside the unit's tail",
        "某某市人 上级转移支付 10,289.74 完成免除查验作业服务，实\n"
        "民政府口 项目 现免除查验作业完\n"
        "岸办公室 成率、口岸服务及时率 100%，查验人员资质\n"
        "达标率 100%，卫生达标率\n"
        "≥95% 且成本不超预算。\n",
        ("上级转移支付项目", "某某市人民政府口岸办公室", "10,289.74"),
        "完成免除查验作业服务，实现免除查验作业完成率、口岸服务及时率 100%，查验人员资质达标率 100%，"
        "卫生达标率≥95% 且成本不超预算。",
    ),
    (
        "a unit printed shorter than the project table prints it",
        "市某某工务署文体和 工程管理 1,421.35 在年度预算内和规定时间内\n水务工程管理中心 及时完成办公场地搬迁。\n",
        ("工程管理", "某某市某某工务署文体和水务工程管理中心", "1,421.35"),
        "在年度预算内和规定时间内及时完成办公场地搬迁。",
    ),
    (
        "a row broken by a page, its target going on after a full stop",
        "某某市统计局（本 专项普查活动 110.00 在规定时间内完成普查准备\n"
        "级） 工作。\n"
        "- 8 -\n"
        "参加培训人次达到300人次\n"
        "以上。\n",
        ("专项普查活动", "某某市统计局（本级）", "110.00"),
        "在规定时间内完成普查准备工作。参加培训人次达到300人次以上。",
    ),
    (
        "figures in 元, the name's tail alone under the ended target",
        "某某市统计局（本 政务信息化项目 75,000.00 完成电子政务内网运维。\n级） （运行维护服\n务）\n",
        ("政务信息化项目（运行维护服务）", "某某市统计局（本级）", "75,000.00", "元"),
        "完成电子政务内网运维。",
    ),
    (
        "a note printed under the table",
        "某某市统计局（本 统计管理 352.27 为统计管理工作提供支持保\n级） 障。\n备注：涉密项目按要求不予公开。\n",
        ("统计管理", "某某市统计局（本级）", "352.27"),
        "为统计管理工作提供支持保障。",
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
        if not target.startswith("完成电子政务")
    )
    projects = [_project(*c[2]) for c in CASES if not c[3].startswith("完成电子政务")]
    attach(normalize(HEAD + HEADER + rows + TAIL), projects)
    assert [p.target.text if p.target else None for p in projects] == [
        c[3] for c in CASES if not c[3].startswith("完成电子政务")
    ]


def test_a_target_line_that_starts_like_the_name_is_the_targets():
    """Only what the name still lacks is the name's: 项目验收… under 某某项目 (its name ended) is the target."""
    rows = "某某市统计局（本 运维项目 7.50 完成运维，保障系统正常运行。\n级） 项目验收合格率大于95%。\n"
    p = _project("运维项目", "某某市统计局（本级）", "7.50")
    attach(normalize(HEAD + HEADER + rows + TAIL), [p])
    assert p.target.text == "完成运维，保障系统正常运行。项目验收合格率大于95%。"
