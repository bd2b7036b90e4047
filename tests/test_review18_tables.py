"""review18's table rows: a plain project table whose targets are printed after their amounts is no centred table
(nlp.centredrows), built here in the Guangdong 项目支出 template's header (万元)."""

from __future__ import annotations

import pytest

from tests.tablehelp import read_tables

TITLE = "表12\n部门预算项目支出及其他支出预算表\n单位名称：某某市某某局 单位：万元\n"
HEADER = (
    "财政拨款\n支出项目类别（资金使用单 财政专 其他资\n"
    "位） 总计 合计 一般公共预 政府性基金 国有资本经 户拨款 金 绩效目标\n算 预算 营预算\n"
)
UNIT = "某某县自然资源服务中心"


def line(name: str, amount: str, text: str = "") -> str:
    return f"{name} {amount} {amount} {amount} 0.00 0.00 0.00 0.00" + (f" {text}" if text else "") + "\n"


def targets(text: str) -> list[tuple[str, str | None]]:
    _, found, _, _ = read_tables(TITLE + HEADER + text)
    return [(p.name, p.target.text if p.target else None) for p in found]


#: Targets printed after their amounts whose wrapped lines each end a sentence (numbered targets, one a line): read
#: as printed, each ends a sentence and none stands above the first row — nothing shows them centred, and read centred
#: the first project's lines below it went to the next (548d688).  Both fail before; the centred control stays.
AFTER_AMOUNTS = [
    (
        line("合计", "30.00")
        + line(UNIT, "30.00")
        + line("信息系统运维", "10.00", "1.完成系统运维。")
        + "2.保障平台稳定运行。\n3.用户满意度达到90%。\n"
        + line("设备购置", "20.00", "1.完成设备采购。")
        + "2.按期完成验收。\n3.资金支付率100%。\n",
        [
            ("信息系统运维", "1.完成系统运维。2.保障平台稳定运行。3.用户满意度达到90%。"),
            ("设备购置", "1.完成设备采购。2.按期完成验收。3.资金支付率100%。"),
        ],
    ),
    (
        line("合计", "3,000.00")
        + line(UNIT, "3,000.00")
        + line("不动产登记业务经费", "1,000.00", "完成登记业务。")
        + "保障窗口正常运转。\n"
        + line("土地执法巡查经费", "2,000.00", "完成年度巡查。")
        + "违法用地及时制止。\n",
        [
            ("不动产登记业务经费", "完成登记业务。保障窗口正常运转。"),
            ("土地执法巡查经费", "完成年度巡查。违法用地及时制止。"),
        ],
    ),
    # control: centred, the line above the first project ends inside a sentence when read after the unit's amounts
    (
        line("合计", "30.00")
        + line(UNIT, "30.00")
        + "通过项目开展，保障系统\n"
        + line("信息系统运维", "10.00")
        + "稳定运行。\n完成设备采购，按期完成\n"
        + line("设备购置", "20.00")
        + "验收。\n",
        [("信息系统运维", "通过项目开展，保障系统稳定运行。"), ("设备购置", "完成设备采购，按期完成验收。")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_AMOUNTS)
def test_targets_printed_after_their_amounts_are_no_centred_table(text, expected):
    assert targets(text) == expected
