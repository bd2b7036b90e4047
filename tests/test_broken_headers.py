"""A header whose headings are cut over lines so that the text keeps neither where each stands nor which pieces
make one heading (一般公共 / 预算拨款, 国有资本经 / 营预算拨款, 事业单位 / 经营收入, each piece on another line): read
in reading order its phrases name other columns than the page prints — 预算拨款 three times, 小计 where 一般公共预算
stands.  Such a reading is not one-to-one (a meaning taken twice, or more headings than columns), so the text claims
no meaning there but a leading total the rows bear out; the PDF of such a table reads every column from the page
(nlp.geometry), and ``eval reader --pdf`` counted 151 devset columns the two inputs read with different meanings,
34 after.  Built here from the shapes of the development set's 收入总表 / 基本支出总表 / 三公 tables, with names,
figures and column counts of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp import columnorder
from tests.tablehelp import read_tables

WAN = Decimal(10000)


def basic_by_source(title: str, unit: str, row_heading: str, rows: str) -> str:
    """A 基本支出 table by source of funds whose headings are cut over lines, the rests of them on the header's last
    line: 9 columns, a leading total (总计) and a subtotal (小计) of 财政拨款."""
    return f"""\
{title}
单位：{unit}
财政拨款 单位资金
财政专户
{row_heading} 总计
一般公共 国有资本经 上级补助
管理资金
小计 事业收入 其他收入
预算拨款 营预算拨款 收入
{rows}"""


BASIC_BY_SOURCE = [  # the columns its page prints
    "total",
    "total",
    "general_public",
    "state_capital",
    "special_account",
    "business_income",
    "superior_subsidy",
    "other_income",
    "unknown",
]

# (label, table text, the columns the page prints, in order, whether the rows bear out a leading total) — all four
# read wrong meanings before (总计 as 财政拨款, 政府性基金 in the 总计 column, 预算拨款 twice …)
BROKEN = [
    *(
        (label, basic_by_source(title, unit, heading, rows), BASIC_BY_SOURCE, True)
        for label, title, unit, heading, rows in [
            (
                "basic expenditure by source, rests of headings on the last line",
                "表4 基本支出总表",
                "万元",
                "支出项目类别",
                "工资福利支出 236.40 221.90 209.53 12.37 0.00 14.50 0.00 0.00 0.00\n"
                "基本工资 60.00 60.00 55.00 5.00 0.00 0.00 0.00 0.00 0.00\n",
            ),
            (
                "the same in yuan, other row names",
                "表3 基本支出表",
                "元",
                "经济分类科目名称",
                "对个人和家庭的补助 5,000 5,000 4,000 1,000 0 0 0 0 0\n离休费 3,000 3,000 2,500 500 0 0 0 0 0\n",
            ),
        ]
    ),
    (
        "projects by source and other funds",
        """\
表5 项目支出总表
单位：万元
财政拨款 其他资金
财政专户
项目名称 合计
一般公共 政府性基金 附属单位
管理资金
小计 事业收入 其他收入
预算拨款 预算拨款 上缴收入
甲项目 318.60 304.10 296.71 7.39 0.00 14.50 0.00 0.00
乙项目 60.00 60.00 55.00 5.00 0.00 0.00 0.00 0.00
""",
        [
            "total",
            "total",
            "general_public",
            "government_fund",
            "special_account",
            "business_income",
            "affiliated_remittance",
            "other_income",
        ],
        True,
    ),
    (
        "income by source and the unit's own funds, balance carried last",
        """\
表2 收入总表
单位：万元
财政拨款 单位资金
财政专户 上年结余、
单位名称 总计
一般公共 政府性基金 事业单位 上级补助
管理资金 结转
小计 事业收入
预算拨款 预算拨款 经营收入 收入
某某局 300.00 250.00 200.00 50.00 0.00 20.00 10.00 0.00 20.00
某某中心 147.80 126.30 126.30 0.00 0.00 12.50 6.20 2.80 0.00
""",
        [
            "total",
            "total",
            "general_public",
            "government_fund",
            "special_account",
            "business_income",
            "operating_income",
            "superior_subsidy",
            "opening_balance",
        ],
        True,  # its header line 单位名称 总计 (no furniture: no colon after the label) names the leading total
    ),
]


@pytest.mark.parametrize(("label", "text", "printed", "lead"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_header_claims_no_meaning_it_cannot_place(label, text, printed, lead):
    (t,) = read_tables(text)[0]
    read = [c.measure for c in t.columns]
    assert len(read) == len(printed), label
    # no column means what another column of the page means: a meaning is right or unknown
    assert all(m in ("unknown", p) for m, p in zip(read, printed)), (label, read)
    assert (read[0] == "total") == lead, label  # a leading total every row bears out
    # no source of funds read off a misplaced piece either
    assert all(c.funding_source is None for c in t.columns), label


def test_the_figures_are_kept_where_they_are_printed():
    (t,) = read_tables(BROKEN[0][1])[0]
    # every row prints all its figures: each in its place, meaning aside
    assert [c.value if c else None for c in t.rows[1].cells] == [60 * WAN, 60 * WAN, 55 * WAN, 5 * WAN, 0, 0, 0, 0, 0]


# a header cut at a line's end (本年收入合 / 计) or over the line of the others reads one-to-one: kept
KEPT = [
    (
        """\
表1 收入表
单位：万元
科目编码 科目名称 本年收入合 财政拨款收入 其他收入
计
201 一般公共服务支出 100.00 90.00 10.00
20101 人大事务 100.00 90.00 10.00
""",
        ["total", "fiscal_appropriation", "other_income"],
    ),
    (
        """\
表3 支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 100.00 70.00 30.00
20101 人大事务 100.00 70.00 30.00
""",
        ["total", "basic", "project"],
    ),
]


@pytest.mark.parametrize(("text", "measures"), KEPT)
def test_a_header_that_reads_one_to_one_keeps_its_meanings(text, measures):
    (t,) = read_tables(text)[0]
    assert [c.measure for c in t.columns] == measures


def test_hypotheses_tell_a_header_beyond_listing_from_one_in_reading_order():
    """None: the reading order is the order; []: a heading is broken and no order can be listed."""
    assert columnorder.hypotheses("科目编码 科目名称 合计 基本支出 项目支出", 3) is None
    header = "\n".join(BROKEN[0][1].splitlines()[2:9])
    assert columnorder.hypotheses(header, 9) == []
