"""A project table whose rows carry a text cell (绩效目标), its header printed as text over several lines, read back
by nlp.headergrid like any other header: the 绩效目标 heading names no value column and is set aside first
(nlp.tableheader.value_headings).

Before, a header naming 绩效目标 never went to nlp.headergrid: the phrases read it, and a header whose headings were
cut over lines (一般公共预 / 算, 财政专 / 户拨款, 其他资 / 金) left every column after the total unknown — where the
same table read from its PDF names them all (devset: the 表12 of the Guangdong template, 6 columns each).

Hand-made tables in 元 and 万元: the headings cut as a Guangdong 表12 prints them, the same headings whole, the
财政拨款 group printed before or after 财政专户拨款 and 其他资金, the 绩效目标 text beside a project's figures or on
the line above them: the 16 fail before (a group on a line of its own leaves its place to the figures, which the
phrases never ask)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.normalize import Line
from nlp.tableheader import read, value_headings
from tests.tablehelp import read_tables, row, values

MEANINGS = [
    ("total", None),
    ("total", "fiscal_appropriation"),
    ("general_public", "general_public"),
    ("government_fund", "government_fund"),
    ("state_capital", "state_capital"),
    ("special_account", "special_account"),
    ("other_funds", "other_funds"),
]
GROUP_FIRST = [0, 1, 2, 3, 4, 5, 6]
GROUP_LAST = [0, 5, 6, 1, 2, 3, 4]

HEADS = {
    # the headings cut inside their cells, as the text of a Guangdong 表12 prints them
    ("cut", "group first"): [
        "财政拨款",
        "支出项目类别（资金使用单 财政专 其他资",
        "总计 一般公共预 政府性基金 国有资本经 绩效目标",
        "位） 合计 户拨款 金",
        "算 预算 营预算",
    ],
    ("cut", "group last"): [
        "财政拨款",
        "支出项目类别（资金使用单 财政专 其他资",
        "总计 一般公共预 政府性基金 国有资本经 绩效目标",
        "位） 户拨款 金 合计",
        "算 预算 营预算",
    ],
    ("whole", "group first"): [
        "支出项目类别（资金使用单位） 财政拨款",
        "总计 财政专户拨款 其他资金 绩效目标",
        "合计 一般公共预算 政府性基金预算 国有资本经营预算",
    ],
    ("whole", "group last"): [
        "支出项目类别（资金使用单位） 财政拨款",
        "总计 财政专户拨款 其他资金 绩效目标",
        "合计 一般公共预算 政府性基金预算 国有资本经营预算",
    ],
}
# figures in printed order, group first: total, fiscal total, general public, government fund, state capital,
# special account, other funds
ROWS = [
    ("合计", ["900.00", "800.00", "700.00", "100.00", "0.00", "60.00", "40.00"], None),
    ("某某局", ["900.00", "800.00", "700.00", "100.00", "0.00", "60.00", "40.00"], None),
    ("业务运行经费", ["540.00", "500.00", "450.00", "50.00", "0.00", "25.00", "15.00"], "保障日常业务正常运转。"),
    ("设备维护经费", ["360.00", "300.00", "250.00", "50.00", "0.00", "35.00", "25.00"], "保障业务专用设备正常运作。"),
]


def _text(unit: str, head: list[str], spots: list[int], target_above: bool) -> str:
    body = []
    for name, figs, target in ROWS:
        printed = f"{name} " + " ".join(figs[k] for k in spots)
        if target is None:
            body.append(printed)
        elif target_above:
            body += [target, printed]
        else:
            body.append(f"{printed} {target}")
    lines = ["某某局2026年部门预算", "表12 部门预算项目支出及其他支出预算表", f"单位名称：某某局 单位：{unit}"]
    return "\n".join([*lines, *head, *body]) + "\n"


def test_the_text_column_heading_is_set_aside():
    head = HEADS[("cut", "group first")]
    header = read([Line(t, 0, i + 1, 0) for i, t in enumerate(head)])
    assert header.text_column
    kept = value_headings(header)
    assert "绩效目标" not in kept
    assert kept.split("\n")[2] == "总计 一般公共预 政府性基金 国有资本经"


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize("head", ["cut", "whole"])
@pytest.mark.parametrize("order", ["group first", "group last"])
@pytest.mark.parametrize("target_above", [False, True], ids=["target beside", "target above"])
def test_a_text_column_table_names_its_value_columns(unit, head, order, target_above):
    spots = GROUP_FIRST if order == "group first" else GROUP_LAST
    tables, _, _, _ = read_tables(_text(unit, HEADS[(head, order)], spots, target_above))
    (t,) = tables
    assert [(c.measure, c.funding_source) for c in t.columns] == [MEANINGS[k] for k in spots]
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    r = row(t, name="设备维护经费")
    assert values(r) == [Decimal(ROWS[3][1][k]) * factor for k in spots]
