"""Projects named by their own evaluation report (nlp.evaluatedprojects): a final account's 项目绩效评价报告 /
自评报告 whose title names a project and whose 绩效目标 paragraph is its target — constructed reports (titles wrapped
or not, with a fiscal year or a span of years, 评价 / 自评, the project also in a key-project list) and the devset's
central final account (skips without the devset)."""

from __future__ import annotations

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from nlp import read_report
from nlp.evaluatedprojects import title_project

HEAD = """\
湖州市大数据发展管理局2024年度部门决算
第一部分 部门概况
一、部门职责
负责全市大数据发展管理工作，统筹推进数字政府建设，负责政务
数据资源的归集、共享和开放，承担全市公共数据平台的建设和运
行维护工作。
{key_projects}第五部分 附件
附件
{title}
一、基本情况
（一）项目概况
该系统上线以来运行平稳，已逐步实现全市公共数据的归集和共
享，成为全市数字化改革的重要支撑。
（二）项目绩效目标
一是确保湖州市一体化智能化公共数据平台安全稳定运行，全年
可用率不低于99%；二是推进“浙里办”应用接入，全年接入应用不
少于20个。
{after_target}二、绩效评价工作开展情况
（一）绩效评价目的
评价项目资金使用效益，总结经验做法，查找存在问题，提出改进
建议，提高财政资金使用效益。
"""

TARGET_START = "一是确保湖州市一体化"

#: (the report's title as printed, the project it names).  Every row with a project fails before the evaluation
#: report's title made a project (5 rows; the wrapped ones name none at all: the project's name was not read); of the
#: five rows of a heading naming no project under 附件, four made one of the annex's label (附件项目) before
#: review13's fix (附件（二）： names none: a colon ends a name).
TITLES = [
    ("2024 年度监测系统运维费项目\n绩效评价报告", "监测系统运维费项目"),  # wrapped, a year in front
    ("监测系统运维费项目\n支出绩效自评报告", "监测系统运维费项目"),  # a self-evaluation
    ("2024年度监测系统运维费项目绩效评价报告", "监测系统运维费项目"),  # one line
    ("2022-2024年度监测系统运维项目\n绩效评价报告", "2022-2024年度监测系统运维项目"),  # the project's years
    ("2024年度部门整体支出绩效评价报告", None),  # the department's, no project
    ("绩效评价报告", None),  # no name above (附件)
    ("监测系统运维费\n项目绩效评价报告", "监测系统运维费项目"),  # wrapped before 项目
    # a heading that names no project, under the annex's label: no project (附件项目, 附件2项目, 附件四、项目 before)
    ("项目绩效评价报告", None),
    ("项目支出绩效自评报告", None),
    ("附件2\n项目绩效评价报告", None),
    ("附件（二）：\n项目绩效评价报告", None),
    ("四、项目绩效评价报告", None),
]


def _report(tmp_path, title: str, key_projects: str = "", entities: bool = False, after_target: str = ""):
    path = tmp_path / "final.txt"
    path.write_text(HEAD.format(title=title, key_projects=key_projects, after_target=after_target), encoding="utf-8")
    return read_report(path, entities=entities)


@pytest.mark.parametrize("title, name", TITLES, ids=[t.replace("\n", "|") for t, _ in TITLES])
def test_an_evaluation_report_names_its_project(tmp_path, title, name):
    report = _report(tmp_path, title)
    evaluated = [p for p in report.projects if p.target is not None and p.target.text.startswith(TARGET_START)]
    if name is None:
        assert evaluated == []
        return
    [project] = evaluated
    assert project.name == name
    assert project.amount is None and project.cells == {}  # the report's figures are prose: none is given a meaning
    assert "".join(project.span.text.split()) == name  # the name as printed in the title, the year left out
    assert project.target.text.endswith("全年接入应用不少于20个。")


@pytest.mark.parametrize(
    "title, expected",
    [
        ("2024年度某某平台运维项目绩效评价报告", "某某平台运维项目"),
        ("关于2025年某某热线运行经费项目的绩效评价报告", "某某热线运行经费项目"),
        ("某某系统建设项目（第二期）绩效自评报告", "某某系统建设项目"),
        ("2024年度部门整体支出绩效评价报告", None),
        ("关于开展项目绩效评价工作的报告", None),
    ],
)
def test_title_project(title, expected):
    assert title_project(title) == expected


KEY_PROJECTS = """\
八、重点项目绩效目标情况
（一）监测系统运维费，年初预算1,000,000.00元，绩效目标：保障城市运行监测系统稳定运行。
"""


def test_a_project_printed_twice_is_one_project(tmp_path):
    """The key-project list prints the project without 项目, the evaluation report's title with it: one project,
    whose texts are both targets."""
    report = _report(tmp_path, "2024 年度监测系统运维费项目\n绩效评价报告", KEY_PROJECTS)
    [project] = [p for p in report.projects if p.name.startswith("监测系统运维费")]
    assert project.name == "监测系统运维费" and project.amount.printed == "1,000,000.00"
    [evaluated] = [t for t in report.performance_targets if t.text.startswith(TARGET_START)]
    assert report.project_named(evaluated.project_name) == report.projects.index(project) + 1


def test_an_evaluated_project_funds_what_its_title_and_target_name(tmp_path):
    report = _report(tmp_path, "2024 年度城市大脑运维费项目\n绩效评价报告", entities=True)
    [i] = [i for i, p in enumerate(report.projects, 1) if p.name == "城市大脑运维费项目"]
    funded = {link.object for link in report.links if link.subject == f"project:{i}" and link.predicate == "funds"}
    texts = {m.text for m in report.mentions if f"entity:{m.canonical or m.text}" in funded}
    assert {"城市大脑", "湖州市一体化智能化公共数据平台", "“浙里办”"} <= texts
    assert "数字化改革" not in texts  # the report's 项目概况, not the project's target


@requires_devset
def test_the_central_final_accounts_evaluated_project():
    """203 (国家信访局, 2024 决算) evaluates one project in an annex; no table, form or list prints it."""
    report = read_report_once(DEVSET / "text" / "203_zhongyang-guojiaxinfangju-2024-juesuan.txt")
    [project] = [p for p in report.projects if p.amount is None]
    assert project.name == "全国信访信息系统维护费项目"
    assert project.target.text.startswith("一是确保信访信息系统") and "国家信访局智能办公平台" in project.target.text
    assert sum(p.name.startswith("全国信访信息系统维护费") for p in report.projects) == 1


GRID = """\
一级指标 二级指标 三级指标 指标值
成本指标 经济成本指标 项目年度总成本 控制在预算内
数量指标 接入应用数量 ≥20个
网络设备正常在线时长占比（在线小
产出指标 ≥99%
时数/全年应在线时数）
质量指标
满意度指标 使用部门满意率 ≥96%
指标
"""
#: What a report prints after its project's target, before its next heading: a sentence pointing to the indicator
#: table, the table's title, its grid (made-up, the grid wrapped as a PDF's text prints it).  All 6 rows ran on into
#: the grid before (the target took the table's title and every cell).
AFTER_TARGET = [
    "本项目2024年度绩效指标的设定情况见表1。\n表 1：项目年度绩效指标表\n" + GRID,
    "表1 项目年度绩效指标表\n" + GRID,
    "表一：项目绩效指标\n" + GRID,
    "具体绩效指标见下表：\n" + GRID,
    "项目年度绩效指标设置情况如下表。\n项目年度绩效指标表\n" + GRID,
    GRID,  # the grid right after the target, no title
]


@pytest.mark.parametrize(
    "after", AFTER_TARGET, ids=["see-table-1", "table-1-title", "table-one", "see-below", "as-below", "grid-alone"]
)
def test_an_evaluated_projects_target_ends_before_its_indicator_table(tmp_path, after):
    report = _report(tmp_path, "2024 年度监测系统运维费项目\n绩效评价报告", after_target=after)
    [project] = [p for p in report.projects if p.target is not None and p.target.text.startswith(TARGET_START)]
    assert project.target.text.endswith("全年接入应用不少于20个。")
    assert project.target.span.text.rstrip().endswith("少于20个。")


def test_a_targets_next_paragraph_that_speaks_of_tables_is_still_its_text(tmp_path):
    """A paragraph of the target that names 报表 or a table in a sentence is no table printed after it."""
    more = "三是按时完成各类统计报表的编制和报送工作，\n数据质量达到要求表中所列标准。\n"
    report = _report(
        tmp_path, "2024 年度监测系统运维费项目\n绩效评价报告", after_target=more + "表 1：项目年度绩效指标表\n" + GRID
    )
    [project] = [p for p in report.projects if p.target is not None and p.target.text.startswith(TARGET_START)]
    assert project.target.text.endswith("数据质量达到要求表中所列标准。")
