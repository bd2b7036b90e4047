"""A table of counts only (a staff table: 编制数 实有人数 离退休人数) is no table, and so is given no unit: no W302 says a
unit was assumed for it (nlp.tables: the warning is withdrawn when nlp.counts sets the table aside).  A table of money
that declares no unit is still warned."""

from __future__ import annotations

import pytest

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tables import extract_tables

MONEY = """\
表1 部门支出总表
单位：{unit}
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 120.00 80.00 40.00
2010101 行政运行 120.00 80.00 40.00
合 计 120.00 80.00 40.00
"""
# name → (title, header lines, rows)
STAFF = {
    "编制数 实有人数 离退休人数": (
        "表6 人员情况表",
        ["项目 编制数 实有人数 离退休人数"],
        ["某某局本级 45 43 12", "某某中心 20 18 3"],
    ),
    "人数 headings, one row": ("表7 机构人员情况表", ["单位名称 编制人数 在职人数"], ["某某局 30 28"]),
    "header over two lines": (
        "表6 人员编制情况表",
        ["项目 编制数 实有人数", "行政 事业"],
        ["某某局本级 45 43", "某某中心 20 18"],
    ),
    "numbered with a colon": ("表 8：人员情况表", ["项目 编制数 实有人数 离退休人数"], ["某某局本级 45 43 12"]),
}
# Before (main at 27855bd) each case but none of the controls fails: W302 named the table set aside.


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("case", list(STAFF))
def test_a_staff_table_is_set_aside_without_a_unit_assumed(case, unit):
    title, header, rows = STAFF[case]
    text = MONEY.format(unit=unit) + "\n".join([title, *header, *rows]) + "\n"
    diag = Diagnostics("variant.txt")
    tables, _projects, _indicators = extract_tables(normalize(text), [], diag)
    assert [t.number for t in tables] == ["表1"]
    assert [d for d in diag.items if d.code in ("W318", "W319")]
    assert not [d for d in diag.items if d.code == "W302"]


def test_a_money_table_without_a_unit_is_still_warned():
    text = MONEY.format(unit="万元") + "表2 收入总表\n项目 合计 财政拨款\n合计 120.00 120.00\n"
    diag = Diagnostics("variant.txt")
    tables, _projects, _indicators = extract_tables(normalize(text), [], diag)
    assert [t.number for t in tables] == ["表1", "表2"]
    assert [d.message for d in diag.items if d.code == "W302"] == [
        "table 表2: no unit declared (单位：万元 / 元); assumed 万元"
    ]
