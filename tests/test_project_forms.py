"""Projects printed as forms of their own (项目绩效目标表, 项目支出绩效自评表): a synthetic form that always
runs and the central department's forms of the development set (skip when it is absent).  Expected
figures were read by hand from the reports' text."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import DEVSET, requires_devset
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
        "total": Decimal("1250.50") * W, "fiscal_appropriation": Decimal("1000.50") * W, "opening_balance": 250 * W}
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


@requires_devset
def test_devset_budget_and_self_evaluation_forms():
    from nlp.reader import read_report

    budget = read_report(DEVSET / "text" / "202_zhongyang-guojiaxinfangju-2026-yusuan.txt")
    got = {p.name: p.amount.printed for p in budget.projects}
    assert got == {"信息化运行维护": "2,134.87", "信访综合保障经费": "2,706.79", "信访业务培训": "118.01"}
    final = read_report(DEVSET / "text" / "203_zhongyang-guojiaxinfangju-2024-juesuan.txt")
    got = {p.name: (p.cells["budget"].printed, p.amount.printed) for p in final.projects}
    assert got == {"信访干部培训专项": ("180.61", "180.03"), "信访研究宣传立法专项": ("493.76", "413.57"),
                   "资产运行维护": ("120.00", "120.00"), "信息化运行维护": ("1638.67", "1032.99")}
