"""A header printed as text whose row-label heading carries a bracketed aside cut over lines (支出项目类别（资金使用 /
单位）), read by nlp.headergrid, and its readings decided by the figures (nlp.layoutsearch).

* nlp.headerwords.header_lines sets the row-label heading aside with its aside, the bracket closed on a line below
  included; before, the pieces 支出项目类别（资金使用 and 单位） were headings no vocabulary explains, so the header had
  no reading and every column but a leading total was unknown;
* where the text leaves a group's place open (财政拨款 over 合计 一般公共预算 … on a line of its own, beside 总计
  财政专户拨款 其他资金), a reading under which the rows printing every cell do not add up is out: the figures place
  the group.  Before, a row printing every cell counted for every reading, so the three readings tied and every
  column after the total was unknown.

* a 财政拨款 group holds only its own sources (一般公共预算 | 政府性基金预算 | 国有资本经营预算, nlp.headergrid): with
  every heading on a line of its own, a reading spanning 财政专户拨款 and 其他资金 too tied with the right one.

Hand-made tables in 元 and 万元, the group in three places, the aside closed on the next line or three lines
below with the group letter-spaced, every heading on its own line: 18 of 20 fail before (the two that pass: headings
on their own lines with the group right after the total, read by the phrases); with the aside set aside alone, every
table still fails; without the closed 财政拨款 group, the 6 tables printing each heading on its own line fail."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.headerwords import header_lines
from tests.tablehelp import read_tables, row, values

GROUP_FIRST = [
    "total",
    "fiscal_total",
    "general_public",
    "government_fund",
    "state_capital",
    "special_account",
    "other",
]


def _text(unit: str, head: list[str], body: list[str]) -> str:
    return (
        "\n".join(
            ["某某局2026年部门预算", "表11 部门预算基本支出预算表", f"单位名称：某某局 单位：{unit}", *head, *body]
        )
        + "\n"
    )


HEAD_CUT = [
    "支出项目类别（资金使用 财政拨款",
    "总计 财政专户拨款 其他资金",
    "单位） 合计 一般公共预算 政府性基金预算 国有资本经营预算",
]
HEAD_CUT_LATER = [  # the aside cut at another character, its close two lines below, the group letter-spaced
    "支出项目类别（资 财 政 拨 款",
    "总计 财政专户拨款 其他资金",
    "合计 一般公共预算 政府性基金预算 国有资本经营预算",
    "金使用单位）",
]
HEAD_OWN_LINES = [  # every heading of the line above on a line of its own: 财政拨款 could span 财政专户拨款 too
    "支出项目类别（资金使用",
    "单位）",
    "总计",
    "财政拨款",
    "财政专户拨款 其他资金",
    "合计 一般公共预算 政府性基金预算 国有资本经营预算",
]
# figures: total, fiscal total, general public, government fund, state capital, special account, other funds
ROWS = [
    ("合计", ["980.00", "900.00", "850.00", "50.00", "0.00", "60.00", "20.00"]),
    ("工资福利支出", ["700.00", "640.00", "600.00", "40.00", "0.00", "45.00", "15.00"]),
    ("商品和服务支出", ["280.00", "260.00", "250.00", "10.00", "0.00", "15.00", "5.00"]),
]


@pytest.mark.parametrize("head", [HEAD_CUT, HEAD_CUT_LATER], ids=["aside closed below", "aside closed 3 lines below"])
def test_a_row_label_aside_cut_over_lines_is_set_aside(head):
    lines, _ = header_lines("\n".join(head))
    pieces = [t for line in lines for t in line]
    assert not any("项目类别" in t or t.endswith("）") for t in pieces)
    assert "总计" in pieces and "其他资金" in pieces


@pytest.mark.parametrize("unit", ["元", "万元"])
@pytest.mark.parametrize(
    "head",
    [HEAD_CUT, HEAD_CUT_LATER, HEAD_OWN_LINES],
    ids=["aside closed below", "aside closed 3 lines below", "headings on lines of their own"],
)
@pytest.mark.parametrize("order", ["group after the total", "group after special account", "group last"])
def test_the_figures_place_a_group_the_text_leaves_open(unit, head, order):
    """The group's columns printed after the total, after 财政专户拨款, or last: the header text is the same
    (the group stands on a line of its own), the rows' sums say where it stands."""
    spots = {
        "group after the total": [0, 1, 2, 3, 4, 5, 6],
        "group after special account": [0, 5, 1, 2, 3, 4, 6],
        "group last": [0, 5, 6, 1, 2, 3, 4],
    }[order]
    body = [f"{name} " + " ".join(figs[k] for k in spots) for name, figs in ROWS]
    tables, _, _, _ = read_tables(_text(unit, head, body))
    (t,) = tables
    got = [(c.measure, c.funding_source) for c in t.columns]
    want = {
        "total": ("total", None),
        "fiscal_total": ("total", "fiscal_appropriation"),
        "general_public": ("general_public", "general_public"),
        "government_fund": ("government_fund", "government_fund"),
        "state_capital": ("state_capital", "state_capital"),
        "special_account": ("special_account", "special_account"),
        "other": ("other_funds", "other_funds"),
    }
    assert got == [want[GROUP_FIRST[k]] for k in spots]
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    r = row(t, name="工资福利支出")
    assert values(r) == [Decimal(ROWS[1][1][k]) * factor for k in spots]
