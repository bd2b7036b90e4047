"""A project table with a 绩效目标 column whose name and text cells are centred on the row's line of amounts
(nlp.centredrows), read from text without geometry: made-up tables (other names, other wraps) and the layouts it
must leave to nlp.rowassembly."""

from __future__ import annotations

from decimal import Decimal

from nlp.centredrows import amounts_run
from tests.tablehelp import read_tables

HEAD = """\
表12
部门预算项目支出及其他支出预算表
单位名称：某市某某局 单位：万元
财政拨款
支出项目类别（资金使用单 财政专 其他资
总计 一般公共预 政府性基金 国有资本经 绩效目标
位） 合计 户拨款 金
算 预算 营预算
"""

# names wrapped around their amounts (one above and one below, or one on the line too), texts centred the same way, a name's
# piece and a text's piece on one line, a text glued to the last amount, a one-line row, a unit's row
CENTRED = (
    HEAD
    + """\
合计 116.95 116.95 116.95 0.00 0.00 0.00 0.00
某市某某局 116.95 116.95 116.95 0.00 0.00 0.00 0.00
城市数据共享交换平台
17.71 17.71 17.71 0.00 0.00 0.00 0.00
运维费
保障城市数据共享交换平台稳定运行，数据交换及时率
某市政务服务综合窗
口建设专项资金（二 30.00 30.00 30.00 0.00 0.00 0.00 0.00达到98%以上，全年故障处理不少于20次，为各部门
期） 提供安全高效的数据服务。
办公设备购置经费 7.45 7.45 7.45 0.00 0.00 0.00 0.00
推进“一网通办”改革，全市政务服务事项网上可办
某区“一网通办”改 率达到95%，群众办事满意度不低于90%，持续优化
61.79 61.79 61.79 0.00 0.00 0.00 0.00
革推进工作经费 营商环境，提升政务服务水平，减少群众跑动次数，
助力数字政府建设。
注：无。
"""
)


def projects_of(text: str) -> dict[str, object]:
    _, projects, _, _ = read_tables(text)
    return {p.name: p for p in projects}


def test_names_and_targets_centred_on_their_amounts():
    got = projects_of(CENTRED)
    assert list(got) == [
        "城市数据共享交换平台运维费",
        "某市政务服务综合窗口建设专项资金（二期）",
        "办公设备购置经费",
        "某区“一网通办”改革推进工作经费",
    ]
    assert got["城市数据共享交换平台运维费"].target is None
    assert got["某市政务服务综合窗口建设专项资金（二期）"].target.text == (
        "保障城市数据共享交换平台稳定运行，数据交换及时率达到98%以上，全年故障处理不少于20次，为各部门"
        "提供安全高效的数据服务。"
    )
    assert got["某市政务服务综合窗口建设专项资金（二期）"].amount.value == Decimal("300000.00")
    assert got["某区“一网通办”改革推进工作经费"].target.text.startswith(
        "推进“一网通办”改革，全市政务服务事项网上可办率"
    )
    assert got["某区“一网通办”改革推进工作经费"].target.text.endswith("助力数字政府建设。")


def test_a_target_span_covers_its_pieces_and_a_name_span_its_name():
    _, projects, _, _ = read_tables(CENTRED)
    p = next(p for p in projects if p.name.startswith("某市政务服务"))
    assert p.span.text.startswith("某市政务服务综合窗") and p.span.text.endswith("期）")
    assert p.target.span.text.startswith("保障城市数据") and p.target.span.text.endswith("数据服务。")


def test_a_text_printed_after_its_amounts_is_left_to_the_row_assembler():
    """The corpus's layout: the label on its line of amounts, the text below it (no name above and below)."""
    text = (
        HEAD
        + """\
合计 20.00 20.00 20.00 0.00 0.00 0.00 0.00
某市某某局 20.00 20.00 20.00 0.00 0.00 0.00 0.00
　　工作经费 6.00 6.00 6.00 0.00 0.00 0.00 0.00
-通过考察学习，提升全市数字政府建设及政务服务的
工作水平
　　业务办公用房经费 14.00 14.00 14.00 0.00 0.00 0.00 0.00
为建设一体化的智慧大厅，满足群众的办事要求，同
时对窗口业务进行分流
"""
    )
    got = projects_of(text)
    assert list(got) == ["工作经费", "业务办公用房经费"]
    assert got["工作经费"].target.text.startswith("通过考察学习")
    assert got["业务办公用房经费"].target.text.endswith("分流")


def test_a_label_printed_over_its_amounts_is_left_to_the_row_assembler():
    """A name wholly above its amounts, nothing below: not centred (its lower half would be another row's)."""
    text = (
        HEAD
        + """\
合计 20.00 20.00 20.00 0.00 0.00 0.00 0.00
某市某某数据管理
服务中心
20.00 20.00 20.00 0.00 0.00 0.00 0.00
　　平台运维经费 20.00 20.00 20.00 0.00 0.00 0.00 0.00 保障平台运行。
"""
    )
    got = projects_of(text)
    assert "某市某某数据管理服务中心" not in got and "平台运维经费" in got


def test_the_amounts_of_a_line():
    line = "口岸建设专 30.00 30.00 30.00 0.00 0.00 0.00 0.00达到98%以上"
    start, end, amounts = amounts_run(line)
    assert line[start:end].split() == ["30.00", "30.00", "30.00", "0.00", "0.00", "0.00", "0.00"]
    assert len(amounts) == 7 and line[end:].startswith("达到")
    assert amounts_run("全年故障处理不少于2.5次，响应时间1.5小时") is None  # figures in a sentence
    assert amounts_run("2025年1.00 2.00 3.00") is None  # a figure inside a word starts no amounts
