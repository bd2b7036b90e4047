"""Projects printed as forms of their own (项目绩效目标表, 项目支出绩效自评表): a synthetic form that always
runs and the central department's forms of the development set (skip when it is absent).  Expected
figures were read by hand from the reports' text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from tests.tablehelp import read_tables

W = Decimal(10000)

BUDGET_FORM = """\
数据平台运维绩效目标表
(2026 年度)
项目名称 数据平台运维
主管部门及代
[101]某某局 实施单位 某某局本级
码
年度资金总额： 1,250.50
执行率
其中：财政拨款 1,000.50
项目资金
分值
（万元）
上年结转 250.00
（10）
其他资金 -
1.保障数据平台稳定运行，全年可用率不低于99%。
年
2.完成全部业务系统的日常巡检和故障处理。
度
分值
一级指标 二级指标 三级指标 指标值
"""

# a self-evaluation: 年初预算数 全年预算数 全年执行数 分值 执行率 得分, the first two headings wrapped
SELF_EVALUATION = """\
数据平台运维项目绩效自评表
（2024年度）
项目名称 数据平台运维
主管部门 [101] 某某局 实施单位 某某局
年初预算 全年预算
全年执行数 分值 执行率 得分
数 数
年度资金总额： 500.00 480.00 432.00 10.0 90.00% 9.0
项目资金 其中：财政
500.00 480.00 432.00 -- 90.0% --
（万元） 拨款
预期目标 实际完成情况
"""


def test_a_budget_form_gives_its_project_amount_and_funds():
    _, projects, _, _ = read_tables(BUDGET_FORM)
    (p,) = projects
    assert p.name == "数据平台运维" and p.amount.value == Decimal("1250.50") * W
    assert {k: v.value for k, v in p.cells.items()} == {
        "total": Decimal("1250.50") * W,
        "fiscal_appropriation": Decimal("1000.50") * W,
        "opening_balance": 250 * W,
    }
    assert p.target.text.startswith("1.保障数据平台稳定运行") and "年" not in p.target.text[-3:]
    assert p.amount.span.text == "1,250.50"


def test_a_self_evaluation_form_is_read_by_its_execution_rate():
    _, projects, _, _ = read_tables(SELF_EVALUATION)
    (p,) = projects
    # 432.00 / 480.00 = 90.00 %: executed and the year's budget; 500.00 the initial budget
    assert p.amount.value == 432 * W
    assert {k: v.value for k, v in p.cells.items()} == {"budget": 500 * W, "final": 432 * W}


def test_the_figures_of_a_form_whose_rate_fits_no_pair_are_not_given_a_meaning():
    text = SELF_EVALUATION.replace("90.00% 9.0", "87.50% 9.0")
    _, projects, _, _ = read_tables(text)
    (p,) = projects
    assert p.name == "数据平台运维" and p.amount is None and p.cells == {}


def test_a_table_header_naming_projects_is_no_form():
    text = "项目支出表\n单位：万元\n项目名称 年度资金总额 绩效目标\n数据平台运维 1,250.50 保障运行\n"
    _, projects, _, _ = read_tables(text)
    assert all(p.name != "年度资金总额绩效目标" for p in projects)


# a table printed before the forms, whose rows must stay
TABLE_BEFORE = """\
一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 1,250.50 0.00 1,250.50
201 一般公共服务支出 1,250.50 0.00 1,250.50
20101 人大事务 1,250.50 0.00 1,250.50
2010101 行政运行 1,250.50 0.00 1,250.50
"""


def _department_coded(form: str, code: str) -> str:
    return form.replace("[101]", f"[{code}]")


@pytest.mark.parametrize("form", [BUDGET_FORM, SELF_EVALUATION], ids=["budget", "self-evaluation"])
@pytest.mark.parametrize("code", ["101", "292", "201", "2010301"])
@pytest.mark.parametrize("year_line", [True, False], ids=["year-line", "no-year-line"])
def test_a_form_is_no_table(form, code, year_line):
    """A project's form (项目名称 … 年度资金总额) gives its project, never a table: the department's code in brackets
    ([292]某某局, even one that is a valid class code) is no classification row, and its lines of funds are no rows
    whose sums could fail (a 292 row over a 29210 其他资金 row was a discrepancy)."""
    from nlp.reconcile import reconcile
    from tests.test_reconcile import report_of

    text = _department_coded(form, code)
    if not year_line:
        text = "\n".join(ln for ln in text.split("\n") if "年度）" not in ln)
    text = TABLE_BEFORE + text
    tables, projects, _, _ = read_tables(text)
    assert [t.title for t in tables] == ["一般公共预算支出表"]
    assert [r.code for r in tables[0].rows] == [None, "201", "20101", "2010101"]
    assert [p.name for p in projects] == ["数据平台运维"]
    assert reconcile(report_of(text)) == []


def test_a_table_of_projects_with_a_name_column_stays_a_table():
    """Negative: 项目名称 over a column of a table (no 年度资金总额 below it) starts no form."""
    text = (
        "项目支出预算表\n单位：万元\n项目名称 合计 财政拨款 其他资金\n合计 30.00 30.00 0.00\n"
        "数据平台运维 20.00 20.00 0.00\n办公设备购置 10.00 10.00 0.00\n"
    )
    tables, _, _, _ = read_tables(text)
    assert [len(t.rows) for t in tables] == [3]


@requires_devset
def test_devset_budget_and_self_evaluation_forms():

    budget = read_report_once(DEVSET / "text" / "202_zhongyang-guojiaxinfangju-2026-yusuan.txt")
    got = {p.name: p.amount.printed for p in budget.projects}
    assert got == {"信息化运行维护": "2,134.87", "信访综合保障经费": "2,706.79", "信访业务培训": "118.01"}
    final = read_report_once(DEVSET / "text" / "203_zhongyang-guojiaxinfangju-2024-juesuan.txt")
    # the forms' projects (the annex's evaluated project has no figures: tests/test_evaluated_projects.py)
    got = {p.name: (p.cells["budget"].printed, p.amount.printed) for p in final.projects if p.amount is not None}
    assert got == {
        "信访干部培训专项": ("180.61", "180.03"),
        "信访研究宣传立法专项": ("493.76", "413.57"),
        "资产运行维护": ("120.00", "120.00"),
        "信息化运行维护": ("1638.67", "1032.99"),
    }


# a self-evaluation's 预期目标 and 实际完成情况, two columns side by side (the margin's 年/度/总/体/目/标 in front)
PAIRED = (
    SELF_EVALUATION
    + """\
1.保障数据平台稳定运行，完成政务云资源 1.全年数据平台可用率99.9%，完成
年 迁移工作。 政务云迁移。
度 2.推进一网通办改革，上线电子证照 2.上线电子证照库，接入事项120项。
总 库。 3.完成三次系统安全检查，未发生
体 重大安全事件。
目
偏差原因分析
一级指 年度指 得
"""
)


def _paired(text: str):
    _, projects, _, _ = read_tables(text)
    (p,) = projects
    return p.target


def test_a_self_evaluation_gives_its_expected_targets_apart_from_what_was_achieved():
    t = _paired(PAIRED)
    assert t.text == "1.保障数据平台稳定运行，完成政务云资源迁移工作。2.推进一网通办改革，上线电子证照库。"
    assert (
        t.achieved
        == "1.全年数据平台可用率99.9%，完成政务云迁移。2.上线电子证照库，接入事项120项。3.完成三次系统安全检查，未发生重大安全事件。"
    )
    assert t.span.text.startswith("1.保障") and t.span.text.endswith("库。")
    assert t.achieved_span.text.startswith("1.全年") and t.achieved_span.text.endswith("重大安全事件。")


def test_a_target_line_with_no_achieved_cell_beside_it_goes_on_with_the_target():
    text = PAIRED.replace("年 迁移工作。 政务云迁移。", "年 迁移和备份\n度 工作。 政务云迁移。")
    t = _paired(text)
    assert t.text.startswith("1.保障数据平台稳定运行，完成政务云资源迁移和备份工作。2.")
    assert "政务云迁移" in t.achieved and "备份" not in t.achieved


def test_punctuation_printed_apart_stays_with_its_target():
    text = PAIRED.replace("总 库。 3.完成", "总 库 。 3.完成")
    t = _paired(text)
    assert t.text.endswith("上线电子证照库。") and t.achieved.startswith("1.全年")


def test_lines_below_an_ended_target_are_what_was_achieved():
    text = PAIRED.replace("体 重大安全事件。", "体 重大安全事件，\n目 全年运行平稳。")
    t = _paired(text)
    assert t.text.endswith("上线电子证照库。") and t.achieved.endswith("全年运行平稳。")


def test_a_self_evaluation_without_its_two_column_heading_gives_no_target():
    text = PAIRED.replace("预期目标 实际完成情况\n", "")
    assert _paired(text) is None
    # nor one whose indicators never start (no end to the columns within the form)
    assert _paired(PAIRED.replace("偏差原因分析\n一级指 年度指 得\n", "")) is None


def test_a_budget_form_keeps_its_single_column_target():
    t = _paired(BUDGET_FORM)
    assert t.achieved is None and t.text.startswith("1.保障数据平台稳定运行")


@pytest.mark.slow
def test_a_self_evaluation_funds_what_its_target_names_not_what_was_achieved(tmp_path):
    from nlp import read_report

    text = PAIRED.replace("完成政务云资源", "完成市民服务热线").replace(
        "上线电子证照库，接入", "上线企业服务平台，接入"
    )
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    report = read_report(path, entities=True)
    funded = {link.object for link in report.links if link.subject == "project:1" and link.predicate == "funds"}
    assert {"entity:市民服务热线", "entity:电子证照库"} <= funded
    assert not funded & {"entity:企业服务平台", "entity:政务云"}  # named in 实际完成情况 only


# -- the targets of key projects, from a table printed without a title -----------------------------

KEY_PROJECTS = """\
第七部分 重点项目预算绩效情况说明
2026 年，本单位重点项目绩效目标情况如下：
二级预算单位名称 一级项目名称 预算数（万元） 绩效目标
某某市水务局（本 水资源管理 268.43 为水资源管理工作提供经费保
级） 障，全年开展不少于6次节水
宣传周。
某某市水务局（本 信息化运维项目 9.80 完成水务专网运行维护，
级） （运行维护服 确保网络稳定运行。
务）
- 7 -
第八部分 其他
"""


def _project(name: str, printed: str):
    from nlp.model import Amount, Project, Span

    return Project(
        name=name,
        unit_name="某某市水务局（本级）",
        amount=Amount(Decimal(printed) * W, printed, "万元", Span(0, 0, "")),
        cells={},
        span=Span(0, 0, ""),
    )


def test_key_project_targets_go_to_the_projects_of_the_same_amount_and_name():
    from nlp.normalize import normalize
    from nlp.projecttargets import attach

    projects = [
        _project("水资源管理", "268.43"),
        _project("信息化运维项目（运行维护服务）", "9.80"),
        _project("水资源管理", "10.00"),
    ]
    attach(normalize(KEY_PROJECTS), projects)
    assert projects[0].target.text == "为水资源管理工作提供经费保障，全年开展不少于6次节水宣传周。"
    assert projects[1].target.text == "完成水务专网运行维护，确保网络稳定运行。"  # 务） under it is the name's
    assert projects[2].target is None  # same name, another amount: not this row's


@requires_devset
def test_devset_key_project_targets():

    report = read_report_once(DEVSET / "text" / "215_shenzhen-tongjiju-2026-yusuan.txt")
    targets = {p.name: p.target.text for p in report.projects if p.target}
    assert sorted(targets) == ["专项普查活动", "专项统计业务", "政务信息化项目（运行维护服务）", "统计管理"]
    assert targets["统计管理"].startswith("为统计管理工作提供支持保障，") and "不少于4次" in targets["统计管理"]
    assert targets["统计管理"].endswith("提升统计数据质量。")
    # the target goes on after its first full stop, on a line of one piece (as the PDF prints it)
    assert targets["政务信息化项目（运行维护服务）"].endswith("系统正常运行的保障程度明显。")


KEY_PROJECT_REPORTS = ("215", "217", "219", "220")  # train split: a table of key projects beside the project table


@requires_devset
@pytest.mark.slow  # reads four devset PDFs
@pytest.mark.parametrize("number", KEY_PROJECT_REPORTS)
def test_devset_key_project_targets_read_from_text_as_from_the_pdf(number):
    """Every project's target the same from the text as from the PDF, where each row is one line (nlp.projecttargets)."""
    (pdf,) = (DEVSET / "pdf").glob(f"{number}_*.pdf")

    def targets(path):
        return {(p.unit_name, p.name): p.target.text for p in read_report_once(path).projects if p.target}

    from_text = targets(DEVSET / "text" / (pdf.stem + ".txt"))
    assert from_text and from_text == targets(pdf)


def test_a_paired_target_and_what_was_achieved_have_their_own_pieces():
    """Each column's pieces, line by line: together they are its text, and none holds the other column's."""
    t = _paired(PAIRED)
    assert "".join("".join(p.text.split()) for p in t.pieces) == t.text
    assert "".join("".join(p.text.split()) for p in t.achieved_pieces) == t.achieved
    assert all(PAIRED[p.start : p.end] == p.text for p in t.pieces + t.achieved_pieces)
    assert not any("全年" in p.text or "接入" in p.text for p in t.pieces)


def test_a_paired_target_is_aligned_in_its_own_column():
    """Every character of the target (of what was achieved) placed on its own column's pieces: 电子证照 | 库 wrapped
    below the other column's 电子证照库 takes the 库 of the next line, not the other column's."""
    from nlp.relations import align, align_pieces

    t = _paired(PAIRED)
    for text, span, pieces in ((t.text, t.span, t.pieces), (t.achieved, t.achieved_span, t.achieved_pieces)):
        offs = align_pieces(text, span, pieces)
        assert all(o is not None and any(p.start <= o < p.end for p in pieces) for o in offs)
        assert "".join(PAIRED[o] for o in offs if o is not None) == text
    # over the outer span the greedy alignment finds the other column's 库 first
    offs = align(t.text, t.span)
    assert not all(o is not None and any(p.start <= o < p.end for p in t.pieces) for o in offs)


@pytest.mark.slow
def test_a_name_wrapped_in_a_paired_target_has_its_own_pieces(tmp_path):
    from kg import iri
    from kg.build import validate_quads
    from kg.mapping import map_report
    from nlp import read_report

    path = tmp_path / "form.txt"
    path.write_text(PAIRED, encoding="utf-8")
    report = read_report(path, entities=True)
    wrapped = [m for m in report.mentions if m.text == "电子证照库" and m.pieces]
    assert [[p.text for p in m.pieces] for m in wrapped] == [["电子证照", "库"]]
    assert PAIRED[wrapped[0].pieces[1].start - 2 : wrapped[0].pieces[1].start] == "总 "  # the target's next line
    quads = map_report(report, build=iri.build("test")).quads
    assert any(q.subject.value.endswith("/evidence/piece/2") for q in quads)
    result = validate_quads(quads)
    assert not result.violations, "\n".join(f"{r.focus_node} {r.message}" for r in result.violations)
