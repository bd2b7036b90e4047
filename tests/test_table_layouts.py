"""Layouts of other provinces' tables: each feature on a synthetic variant (always runs) and on a
development-set report (skips when the development set is absent).  Expected figures were read by hand
from the reports' text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from tests.tablehelp import read_tables, row


def _devset(stem: str):

    return read_report_once(DEVSET / "text" / f"{stem}.txt")


def _printed(r):
    return [c.printed if c else None for c in r.cells]


# -- a group heading over the leaf headings (项目 一般公共预算基本支出 / 合计 人员经费 公用经费) ---------

ECONOMIC = """\
2026年预算单位一般公共预算基本支出部门预算经济分类预算表
编制单位：某某局 单位：元
项目 一般公共预算基本支出
经济分类科目编码
部门经济分类科目名称 合计 人员经费 公用经费
类 款
301 工资福利支出 300 300
301 01 基本工资 200 200
301 02 津贴补贴 100 100
302 商品和服务支出 50 50
302 01 办公费 50 50
合计 350 300 50
"""


def test_group_heading_is_the_scope_and_the_leaf_line_the_columns():
    tables, _, diag, _ = read_tables(ECONOMIC)
    t = tables[0]
    assert [c.measure for c in t.columns] == ["total", "personnel", "public"]
    assert t.columns[0].funding_source == "general_public"  # from the title
    assert _printed(row(t, "30101")) == ["200", "200", None]  # 人员经费: 301's children
    assert _printed(row(t, "30201")) == ["50", None, "50"]  # 公用经费: the 合计 row leaves 50 for 302
    assert not [d for d in diag.items if d.code == "W310"]


@requires_devset
def test_devset_group_heading_over_leaf_line():
    report = _devset("207_shanghai-shujuju-2026-yusuan")
    t = next(t for t in report.tables if t.kind == "general_public_basic")
    assert [c.measure for c in t.columns] == ["total", "personnel", "public"]
    assert sum(1 for r in t.rows if r.code) == 30  # counted by hand
    assert _printed(row(t, "30214")) == ["11,420,000", None, "11,420,000"]  # 租赁费: 公用经费


# -- codes split over 类 款 项 columns, header repeated after a page break, units per table --------


@requires_devset
def test_devset_split_codes_repeated_header_and_units_per_table():
    report = _devset("207_shanghai-shujuju-2026-yusuan")
    t = next(t for t in report.tables if t.kind == "general_public")
    codes = [r.code for r in t.rows if r.code]
    assert len(codes) == 18 and "2014101" in codes and "2109999" in codes  # 2109999 printed after the repeated header
    assert t.unit == "元"
    three = next(t for t in report.tables if t.kind == "three_public")
    assert three.unit == "万元"  # the same report prints its 三公 table in 万元


def test_units_per_table_synthetic():
    text = (
        ECONOMIC
        + """\
“三公”经费预算表
编制单位：某某局 单位:万元
合计 因公出国(境)费 公务接待费
1.50 1.00 0.50
"""
    )
    tables, _, _, _ = read_tables(text)
    assert [t.unit for t in tables] == ["元", "万元"]
    assert tables[1].rows[0].cells[0].value == Decimal("15000.00")


# -- a unit's label centred on its figures; a label wrapped inside brackets ------------------------

PROJECTS = """\
表5
项目支出总表
部门名称：某某局 单位：万元
支出项目类别 总计 财政拨款 单位资金
深圳市某某局宝安
30.00 30.00 0.00
管理局
统计管理 10.00 10.00 0.00
地质灾害预防和地面
12.00 12.00 0.00
坍塌防治管理
政务信息化项目（运 8.00 8.00 0.00
行维护服务）
"""


def test_centred_and_bracket_wrapped_labels_in_a_project_table():
    tables, projects, _, _ = read_tables(PROJECTS)
    t = tables[0]
    assert t.kind == "projects" and t.columns[0].measure == "total"
    assert [r.name for r in t.rows] == [
        "深圳市某某局宝安管理局",
        "统计管理",
        "地质灾害预防和地面坍塌防治管理",
        "政务信息化项目（运行维护服务）",
    ]
    assert [(p.unit_name, p.name, p.amount.printed) for p in projects] == [
        ("深圳市某某局宝安管理局", "统计管理", "10.00"),
        ("深圳市某某局宝安管理局", "地质灾害预防和地面坍塌防治管理", "12.00"),
        ("深圳市某某局宝安管理局", "政务信息化项目（运行维护服务）", "8.00"),
    ]


@requires_devset
def test_devset_project_table_with_centred_labels():
    report = _devset("216_shenzhen-guihuaziranziyuanju-baoan-2026-yusuan")
    names = {p.name: p.amount.printed for p in report.projects if p.amount}
    # 12 projects under the unit, read by hand from 表5
    assert len(names) == 12
    assert names["地质灾害预防和地面坍塌防治管理"] == "20.00"
    assert names["土地出让业务支出"] == "266.00"
    assert all(p.unit_name == "深圳市规划和自然资源局宝安管理局" for p in report.projects)


# -- projects listed under their 类/款/项 code rows ---------------------------------------------------

CODED_PROJECTS = """\
2026年本单位财政拨款项目支出预算表
编制单位：某某办公室 单位：元
功能分类科目编码
功能分类科目名称 序号 项目名称 预算数
类 款 项
201 一般公共服务支出 386,500
201 13 商贸事务 386,500
201 13 08 招商引资 386,500
1 会展经济促进发展专项 386,500
合 计 386,500
"""


def test_projects_under_code_rows():
    _tables, projects, _, _ = read_tables(CODED_PROJECTS)
    assert [(p.name, p.amount.printed) for p in projects] == [("会展经济促进发展专项", "386,500")]


@requires_devset
def test_devset_projects_under_code_rows():
    report = _devset("209_shanghai-zuanshibaoyushibangongshi-2026-yusuan")
    assert [(p.name, p.amount.value) for p in report.projects] == [("钻石宝玉石产业发展专项", Decimal(270000))]
    assert not report.discrepancies


# -- bracketed codes in the name cell ([2010501]行政运行) ----------------------------------------------


@requires_devset
@pytest.mark.parametrize(
    "stem,code,name,printed",
    [  # 表5 一般公共预算支出情况表（按功能分类科目）: every row "[code]name figures", read by hand
        ("222_guangzhou-qixiangju-2026-yusuan", "2080501", "行政单位离退休", ["122.92", "122.92", "0.00"]),
        ("224_zhuhai-shangwuju-2026-yusuan", "2011301", "行政运行", ["4,965.28", "4,965.28", "0.00"]),
    ],
    ids=["222", "224"],
)
def test_devset_bracketed_codes(stem, code, name, printed):
    report = _devset(stem)
    t = next(t for t in report.tables if t.number == "表5")
    r = row(t, code)
    assert r.name == name and _printed(r) == printed
    assert [c.measure for c in t.columns] == ["total", "basic", "project"]
