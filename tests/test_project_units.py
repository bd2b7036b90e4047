"""Which rows of a project table (表12, grouped by 资金使用单位) are units and which are projects, in made-up tables
whose name and 绩效目标 cells are centred on their amounts (nlp.centredrows): a project whose label ends in an
organisation's word (…慰问金-某港边防检查站) but prints a target is a project, wherever it is printed on the page;
a unit's row, which prints no target, stays a unit; the unit sums then close (no discrepancy)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.model import Report, SourceFile
from nlp.reconcile import reconcile
from tests.tablehelp import read_tables

HEAD = """\
表12
部门预算项目支出及其他支出预算表
单位名称：某市某某局 单位：{unit}
"""
COLUMNS = """\
财政拨款
支出项目类别（资金使用单 财政专 其他资
总计 一般公共预 政府性基金 国有资本经 绩效目标
位） 合计 户拨款 金
算 预算 营预算
"""
PAGE_BREAK = "- 21 -\n" + COLUMNS


def amounts(wan: str, unit: str) -> str:
    """A line of seven amounts: the project's total three times, then zeros, printed in ``unit``."""
    value = Decimal(wan) * (10000 if unit == "元" else 1)
    v = f"{value:,.2f}"
    return f"{v} {v} {v} 0.00 0.00 0.00 0.00"


def rows(unit: str) -> dict[str, str]:
    """Rows of the table by key, each as printed (centred name and target cells)."""
    return {
        "plain": f"某市政务服务综合窗口运维费 {amounts('40.00', unit)}\n",
        "wrapped": f"城市数据共享交换平台\n{amounts('60.00', unit)}\n运维费\n",
        # the row under test: its label ends in 站, it prints a target; name and target centred on its amounts
        "station": (
            "通过按时足额发放节日慰问金，体现对一线执勤人员\n"
            "2027年节日慰问金-某 的关怀与激励，提升队伍凝聚力和工作积极性，\n"
            f"{amounts('500.00', unit)}\n"
            "港边防检查站 保障通关顺畅高效，助力地方经济社会\n"
            "发展。\n"
        ),
        "target": (
            "保障办公设备正常运转，故障处理及时率达到98%以上\n"
            f"办公设备购置经费 {amounts('8.00', unit)}\n"
            "，全年维修不少于20次。\n"
        ),
    }


def table_text(order: list[str], unit: str = "万元", subtotal: bool = False) -> str:
    """The table with the rows of ``order`` under one unit (PAGE for a page break), and a second unit whose
    label ends in 站 and prints no target.  With ``subtotal``, a 小计 row closes the first unit's projects."""
    r = rows(unit)
    first = sum(Decimal(w) for w in ("40.00", "60.00", "500.00", "8.00"))
    second = Decimal("30.00")
    body = [f"合计 {amounts(str(first + second), unit)}\n", f"某市某某局 {amounts(str(first), unit)}\n"]
    for key in order:
        body.append(PAGE_BREAK if key == "PAGE" else r[key])
    if subtotal:
        body.append(f"小计 {amounts(str(first), unit)}\n")
    body.append(f"某港边防检查站 {amounts(str(second), unit)}\n")
    body.append(f"执勤车辆运行维护经费 {amounts(str(second), unit)}\n")
    body.append("注：无。\n")
    return HEAD.format(unit=unit) + COLUMNS + "".join(body)


def report_of(text: str) -> Report:
    tables, projects, _, _ = read_tables(text)
    r = Report(SourceFile("r.txt", "r.txt", "", "utf-8", len(text)), None, None, None, None, None, None, None, None)
    r.tables, r.projects = tables, projects
    return r


STATION = "2027年节日慰问金-某港边防检查站"
PLACES = {
    "mid-page": ["plain", "station", "wrapped", "target"],
    "first": ["station", "plain", "wrapped", "target"],
    "foot of a page": ["plain", "wrapped", "target", "station", "PAGE"],
    "head of the next page": ["plain", "wrapped", "target", "PAGE", "station"],
    "last of the table": ["plain", "wrapped", "target", "station"],
}


@pytest.mark.parametrize("unit", ["万元", "元"], ids=["wan", "yuan"])
@pytest.mark.parametrize("subtotal", [False, True], ids=["no-subtotal", "xiaoji"])
@pytest.mark.parametrize("place", list(PLACES))
def test_a_project_printing_a_target_is_no_unit_wherever_it_is_printed(place, subtotal, unit):
    r = report_of(table_text(PLACES[place], unit, subtotal))
    got = {p.name: p for p in r.projects}
    assert STATION in got, list(got)
    assert got[STATION].unit_name == "某市某某局"
    assert got[STATION].amount.value == Decimal("5000000.00")
    assert got[STATION].target.text.startswith("通过按时足额发放节日慰问金")
    assert got[STATION].target.text.endswith("助力地方经济社会发展。")
    # the unit whose label ends in 站 and prints no target stays a unit, over its own project
    assert "某港边防检查站" not in got
    assert got["执勤车辆运行维护经费"].unit_name == "某港边防检查站"
    assert len(got) == 5
    if subtotal:
        (sub,) = [row for row in r.tables[0].rows if row.name == "小计"]
        assert sub.is_total and "小计" not in got
    assert [d.message for d in reconcile(r)] == []


def test_a_unit_that_does_not_add_up_is_still_flagged():
    """Negative: the report's own subtotal that does not close stays a discrepancy (the rule reads no amounts)."""
    text = table_text(PLACES["mid-page"])
    printed = f"某市某某局 {amounts('608.00', '万元')}"
    assert printed in text
    text = text.replace(printed, f"某市某某局 {amounts('618.00', '万元')}")
    ds = [d for d in reconcile(report_of(text)) if d.kind == "unit_subtotal"]
    assert ds and all("某市某某局" in d.message or "合计" in d.message for d in ds)
    assert any("某市某某局: 618.00 万元" in d.message and "608.00 万元" in d.message for d in ds)


# -- units named as an observatory or a broadcaster (…气象台, …电视台) --------------------------------------------

BASIC_BY_UNIT = """\
表11
部门预算基本支出预算表
单位名称：某市某某局 单位：万元
支出项目类别（资金使用 财政拨款
总计 财政专户拨款 其他资金
单位） 合计 一般公共预算 政府性基金预算 国有资本经营预算
合计 {total} {total} {total} 0.00 0.00 0.00 0.00
某市某某局（本级） 30.00 30.00 30.00 0.00 0.00 0.00 0.00
工资福利支出 18.51 18.51 18.51 0.00 0.00 0.00 0.00
商品和服务支出 11.49 11.49 11.49 0.00 0.00 0.00 0.00
{unit} 11.70 11.70 11.70 0.00 0.00 0.00 0.00
工资福利支出 8.35 8.35 8.35 0.00 0.00 0.00 0.00
对个人和家庭的补助 3.35 3.35 3.35 0.00 0.00 0.00 0.00
注：无。
"""


@pytest.mark.parametrize("unit", ["某市气象台", "某县广播电视台", "某省地震台", "某市天文台"])
def test_an_observatory_or_a_broadcaster_is_a_unit(unit):
    r = report_of(BASIC_BY_UNIT.format(total="41.70", unit=unit))
    (t,) = r.tables
    row = next(x for x in t.rows if x.name == unit)
    assert row.level == 1 and row.unit_name == unit
    assert [x.unit_name for x in t.rows if x.name == "对个人和家庭的补助"] == [unit]
    assert reconcile(r) == []


PROJECTS_NO_TARGETS = """\
表12
部门预算项目支出及其他支出预算表
单位名称：某市某某局 单位：万元
支出项目类别（资金使用单位） 总计 财政拨款合计 一般公共预算 政府性基金预算 国有资本经营预算 财政专户拨款 其他资金
合计 53.60 53.60 53.60 0.00 0.00 0.00 0.00
某市某某局 23.60 23.60 23.60 0.00 0.00 0.00 0.00
{project} 23.60 23.60 23.60 0.00 0.00 0.00 0.00
某市气象台 30.00 30.00 30.00 0.00 0.00 0.00 0.00
气象观测设备维护维持 30.00 30.00 30.00 0.00 0.00 0.00 0.00
注：无。
"""


@pytest.mark.parametrize("project", ["城市数据共享交换平台", "市民文化广场舞台", "政务服务大厅展台", "综合窗口柜台"])
def test_a_platform_or_a_stage_is_no_unit(project):
    """Negatives: a project named after what it buys (…平台, …舞台, …展台, …柜台) stays a project under its unit."""
    r = report_of(PROJECTS_NO_TARGETS.format(project=project))
    got = {p.name: p.unit_name for p in r.projects}
    assert got == {project: "某市某某局", "气象观测设备维护维持": "某市气象台"}
    assert reconcile(r) == []


# -- indented tables: the layout says which rows are units ---------------------------------------------------

INDENTED = """\
表8
部门预算项目支出预算表
单位：{unit}
项目名称 合计 一般公共预算 其他资金 绩效目标
合计 {total}
某市某某局 {first}{first_text}
　　政务服务窗口运维经费 {a}保障窗口全年正常运行。
　　档案数字化项目 {b}完成档案数字化十万页。
某市某某中心 {second}{second_text}
　　业务系统运维经费 {c}保障系统全年稳定运行。
{alone}"""
UNIT_TARGET = " 完成本单位年度整体绩效目标。"


def indented(unit: str, first_text: str = "", second_text: str = "", alone: bool = False) -> str:
    def f(*wan: str) -> str:
        return " ".join(f"{Decimal(w) * (10000 if unit == '元' else 1):,.2f}" for w in wan) + " "

    total = ("105.00", "95.00", "10.00") if alone else ("100.00", "90.00", "10.00")
    return INDENTED.format(
        unit=unit,
        total=f(*total).strip(),
        first=f("60.00", "50.00", "10.00").strip(),
        first_text=first_text,
        a=f("40.00", "30.00", "10.00"),
        b=f("20.00", "20.00", "0.00"),
        second=f("40.00", "40.00", "0.00").strip(),
        second_text=second_text,
        c=f("40.00", "40.00", "0.00"),
        alone=f"全市统一培训经费 {f('5.00', '5.00', '0.00')}完成培训五百人次。\n" if alone else "",
    )


UNDER = [
    ("某市某某局", "政务服务窗口运维经费"),
    ("某市某某局", "档案数字化项目"),
    ("某市某某中心", "业务系统运维经费"),
]
# (a unit's row prints a text, the other's too, a project printed flush left with nothing under it); the rows
# marked * failed before (the unit that printed a text was read as a project, its projects as no unit's)
INDENTED_CASES = [
    ("", "", False, UNDER),
    (UNIT_TARGET, "", False, UNDER),  # *
    (UNIT_TARGET, UNIT_TARGET, False, UNDER),  # *
    ("", "", True, [*UNDER, (None, "全市统一培训经费")]),  # a target, nothing under it: a project
    (UNIT_TARGET, "", True, [*UNDER, (None, "全市统一培训经费")]),  # *
]


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize(("first_text", "second_text", "alone", "projects"), INDENTED_CASES)
def test_an_indented_units_row_is_a_unit_whatever_it_prints(unit, first_text, second_text, alone, projects):
    _, found, _, _ = read_tables(indented(unit, first_text, second_text, alone))
    # (which unit a project printed at the units' level belongs to, the layout does not say: not asserted)
    assert len(found) == len(projects)
    assert [(p.unit_name if u else None, p.name) for p, (u, _) in zip(found, projects, strict=False)] == projects
