"""review20 F2: the unit a table declares, printed in forms other than 单位：万元, and a unit body's name that starts
with 元 (nlp.tablefind.UNIT, read by nlp.tableunit.declared_unit).

The unit was the first ``单位：(万元|千元|亿元|元)`` on the title's lines, the header's and the lines above.  A header
line ``预算单位：元氏县…`` (or 编制单位：元宝山区…, 元谋县, 元江县, 元阳县: counties whose names start with 元) gave
``单位：元`` before the real ``单位：万元`` was reached: every amount of every table stored at one ten-thousandth, no
warning.  ``单位：人民币元``, ``单位（元）`` and ``单 位 ： 千 元`` (spaced, as text taken from a PDF) were not read: the
previous table's unit or 万元 (W302), ten thousand times too much for a table in 元.  The table is the corpus's
收入支出决算总表 (004), its 一般公共预算财政拨款收入 1316.18 万元; 10 of the 20 cases fail before (the
W302 ones where the default happened to be the unit printed)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.tablehelp import corpus_text, read_tables, row, snapshot, table, values
from tests.test_table_variants import to_yuan

INCOME = Decimal("13161800.00")  # 一、一般公共预算财政拨款收入 of 表1, in yuan


def _printed(unit: str) -> str:
    text = corpus_text("004")
    return to_yuan(text) if unit == "元" else text


def _header_body(text: str, body: str) -> str:
    """The header line naming the department (部门：广州市从化区…) printed as ``body`` + the rest of the name."""
    out = re.sub(r"部门：\s*广州市从化区", body, text)
    assert out != text
    return out


def _same_line(text: str, body: str) -> str:
    """The department and the unit on one line: ``编制单位：元谋县…  单位：万元``."""
    out = re.sub(r"部门：\s*广州市从化区(\S+)\n\n单位：(\S+)", rf"{body}\1  单位：\2", text)
    assert out != text
    return out


VARIANTS = {
    # fail before: a body's name starting with 元 taken for the unit (wrong only where the table is not in 元)
    "预算单位：元氏县 above": lambda t, u: _header_body(t, "预算单位：元氏县"),
    "编制单位：元宝山区 above": lambda t, u: _header_body(t, "编制单位：元宝山区"),
    "编制单位：元谋县 on the unit's line": lambda t, u: _same_line(t, "编制单位：元谋县"),
    # fail before: the unit printed otherwise, not read (wrong only where the table is not in 万元)
    "人民币": lambda t, u: t.replace(f"单位：{u}", f"单位：人民币{u}"),
    "单位（U）": lambda t, u: t.replace(f"单位：{u}", f"单位（{u}）"),
    "spaced as from a PDF": lambda t, u: t.replace(f"单位：{u}", "单 位 ： " + " ".join(u)),
    # controls, read before too
    "金额单位": lambda t, u: t.replace(f"单位：{u}", f"金额单位：{u}"),
    "单位：U（人民币）": lambda t, u: t.replace(f"单位：{u}", f"单位：{u}（人民币）"),
    "glued field after the unit": lambda t, u: t.replace(
        f"单位：{u}", f"单位：{u}单位名称：广州市从化区政务服务数据管理局"
    ),
}


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_declared_unit_is_read_and_a_name_after_a_label_is_not_a_unit(variant, unit):
    text = _printed(unit)
    plain, _, _, _ = read_tables(text)
    tables, _, diag, _ = read_tables(VARIANTS[variant](text, unit))
    assert {t.unit for t in tables} == {unit}
    assert not [d for d in diag.items if d.code == "W302"]
    assert values(row(table(tables, "表1"), name="一、一般公共预算财政拨款收入"))[0] == INCOME
    assert snapshot(tables) == snapshot(plain)


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_name_starting_with_yuan_and_no_unit_printed_takes_the_previous_unit_with_w302(unit):
    """No 单位： line at all, a 预算单位：元江县… line: the default unit and W302 for the first table (not 元 silently)."""
    text = _header_body(_printed(unit), "预算单位：元江县")
    text = re.sub(rf"^单位：{unit}$", "", text, flags=re.M)
    tables, _, diag, _ = read_tables(text)
    assert tables[0].unit == "万元"
    assert [d for d in diag.items if d.code == "W302"]
