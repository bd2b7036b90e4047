"""A cell merged over a group of rows (预算单位 over the rows of its 年度) whose text wraps inside it: the text extracted
from the PDF prints the cell's first line above the group's first row and its next line between that row and the
second, whose own label (``2026年``) the table prints by itself under every other unit::

    某某市某某署文体和水务工程管理
    2025年 16.35 0.00 0.00 16.35
    中心
    2026年 9.65 0.00 0.00 9.65

The wrapped ``中心`` ends the unit's name (``…工程管理中心2025年``), as the PDF's ruled cell says, and is no
start of the next row's label (``中心2026年``).  Made-up tables: other names, units, column counts, where the cell
wraps; and tables where a label line above a row does start that row, which keep their reading."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables

HEAD = """\
表9
财政拨款“三公”经费支出表
部门名称：某某市某某署 单位：{unit}
公务用车购置及运行维护费
总计 因公出国(境)费 公务接待费
预算单位 年度 小计 公务用车购置费 公务用车运行维护费
"""
# (unit as printed over its lines, [total, travel, reception, vehicles, purchase, operation] per year) — hand-made
GROUPS = [
    (
        ["某某市某某署"],
        [["117.42", "72.00", "1.00", "44.42", "20.00", "24.42"], ["100.22", "77.20", "1.00", "22.02", "0.00", "22.02"]],
    ),
    (
        ["某某市某某署文体和水务工程管理", "中心"],
        [["16.35", "0.00", "0.00", "16.35", "0.00", "16.35"], ["9.65", "0.00", "0.00", "9.65", "0.00", "9.65"]],
    ),
    (
        ["某某市某某署工程设计管理中心"],
        [["21.80", "0.00", "0.00", "21.80", "20.00", "1.80"], ["1.80", "0.00", "0.00", "1.80", "0.00", "1.80"]],
    ),
]


def _figure(wan: str, unit: str, sources: int) -> list[str]:
    v = Decimal(wan) * (10000 if unit == "元" else 1)
    return [f"{v:,.2f}"] + ["0.00"] * (sources - 1)  # 一般公共预算 | 政府性基金 | 国有资本经营: the last two nothing


def _line(label: str, figures: list[str], unit: str, sources: int) -> str:
    return " ".join([label, *(x for f in figures for x in _figure(f, unit, sources))]).strip()


def table_text(groups=GROUPS, unit: str = "万元", sources: int = 1, first: int = 0) -> str:
    """The table as pdfplumber prints it: a unit on one line beside its first row, or wrapped — its first line above
    the group, the next ones each under a row of the group.  ``first``: the wrapped unit's place in the table."""
    groups = groups[first:] + groups[:first]
    out = [HEAD.format(unit=unit).rstrip("\n")]
    for unit_lines, (y25, y26) in groups:
        change = [f"{Decimal(b) - Decimal(a):.2f}" for a, b in zip(y25, y26)]
        rows = [("2025年", y25), ("2026年", y26), ("增减变化金额", change)]
        if len(unit_lines) == 1:
            out.append(_line(f"{unit_lines[0]} 2025年", y25, unit, sources))
            out += [_line(label, figs, unit, sources) for label, figs in rows[1:]]
            continue
        out.append(unit_lines[0])
        for k, (label, figs) in enumerate(rows):
            out.append(_line(label, figs, unit, sources))
            if k + 1 < len(unit_lines):
                out.append(unit_lines[k + 1])
    return "\n".join(out) + "\n注：本套报表金额单位转换时可能存在尾数误差。\n"


def names(text: str) -> list[str]:
    tables, _, _, _ = read_tables(text)
    (t,) = tables
    return [r.name for r in t.rows]


def want(groups=GROUPS, first: int = 0) -> list[str]:
    groups = groups[first:] + groups[:first]
    return [x for unit_lines, _ in groups for x in ("".join(unit_lines) + "2025年", "2026年", "增减变化金额")]


VARIANTS = {
    "wan": {},
    "yuan": {"unit": "元"},
    "three-sources": {"sources": 3},  # 18 value columns, as the Shenzhen template prints
    "wrapped-unit-first": {"first": 1},  # its first line right under the header: no header line
    "wrapped-unit-last": {"first": 2},
}


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
def test_the_wrapped_line_of_a_merged_unit_cell_ends_the_unit_not_the_next_rows_label(variant):
    kw = VARIANTS[variant]
    assert names(table_text(**kw)) == want(first=kw.get("first", 0))


#: A unit wrapped over three and four lines: each line after the first under the next row of its group, the fourth
#: (a group of three rows) under the group's last row, before the next group or the table's end.  All 10 cases fail
#: before: only the cell's second line joined it, the third began the next row's label (工程管理增减变化金额) and the
#: fourth began the next group's (中心某某市某某署工程设计管理中心2025年) or ended the last row's.
LONG_WRAPS = {
    "three-lines": ["某某市某某署文体", "和水务工程管理", "中心"],
    "four-lines": ["某某市某某署", "文体和水务", "工程管理", "中心"],
}


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
@pytest.mark.parametrize("wrap", LONG_WRAPS, ids=list(LONG_WRAPS))
def test_every_wrapped_line_of_a_merged_unit_cell_ends_the_unit(wrap, variant):
    kw = VARIANTS[variant]
    groups = [GROUPS[0], (LONG_WRAPS[wrap], GROUPS[1][1]), GROUPS[2]]
    tables, _, _, _ = read_tables(table_text(groups, **kw))
    (t,) = tables
    assert [r.name for r in t.rows] == want(groups, first=kw.get("first", 0))
    row = next(r for r in t.rows if r.name.startswith("".join(LONG_WRAPS[wrap])))
    assert [c.printed for c in row.cells[:1]] == [_figure(GROUPS[1][1][0][0], kw.get("unit", "万元"), 1)[0]]


OTHER_WRAPS = [["某某市某某署文体和水务工程", "管理中心"], ["某某市某某署（本", "级）"], ["某某市某某署某某", "站"]]


@pytest.mark.parametrize("unit_lines", OTHER_WRAPS, ids=["two-chars-more", "bracket", "one-char"])
def test_other_places_the_unit_wraps(unit_lines):
    groups = [GROUPS[0], (unit_lines, GROUPS[1][1]), GROUPS[2]]
    got = names(table_text(groups))
    assert got[3:5] == ["".join(unit_lines) + "2025年", "2026年"]
    assert [c.printed for c in read_tables(table_text(groups))[0][0].rows[3].cells] == GROUPS[1][1][0]


def test_the_rows_amounts_are_untouched():
    tables, _, _, _ = read_tables(table_text())
    (t,) = tables
    row = t.rows[3]
    assert [c.value for c in row.cells] == [Decimal(x) * 10000 for x in GROUPS[1][1][0]]
    assert row.span.text.startswith("某某市某某署文体和水务工程管理") and row.span.text.endswith("中心")
    assert t.rows[4].span.text.startswith("2026年")


# Negatives: a label line under a row does start the next row's label.
PROJECTS = """\
表5
项目支出总表
部门名称：某某市某某局 单位：万元
项目名称 合计 一般公共预算拨款 政府性基金预算拨款
某某日常经费 20.00 20.00 0.00
某某专项资金（第一
批） 100.00 100.00 0.00
某某专项资金（第二
批） 50.00 50.00 0.00
某某工作经费 30.00 30.00 0.00
"""

ONE_ROW_GROUPS = """\
表9
财政拨款“三公”经费支出表
部门名称：某某市某某署 单位：万元
预算单位 年度 总计 因公出国(境)费 公务接待费
某某市某某局 2025年 1.00 1.00 0.00
某某市某某署
2025年 10.00 6.00 4.00
某某市某某署某某中心
2025年 8.00 5.00 3.00
2026年 7.00 4.00 3.00
某某市某某署某某站 2024年 2.00 1.00 1.00
2025年 3.00 2.00 1.00
"""


def test_a_label_line_over_a_row_whose_label_the_table_never_prints_alone_starts_that_row():
    assert names(PROJECTS) == ["某某日常经费", "某某专项资金（第一批）", "某某专项资金（第二批）", "某某工作经费"]


def test_a_unit_over_a_row_labelled_like_the_row_above_starts_a_new_group():
    """2025年 prints alone (under 某某站's 2024年), but the unit above it heads a group whose first row is 2025年 again."""
    assert names(ONE_ROW_GROUPS)[1:4] == ["某某市某某署2025年", "某某市某某署某某中心2025年", "2026年"]


CENTRED_LABEL = """\
表4
一般公共预算基本支出表
部门名称：某某市某某局 单位：万元
单位名称 合计 人员经费 公用经费
某某市某某台 1,482.65 1,317.29 165.36
工资福利支出 1,317.29 1,317.29 0.00
商品和服务支出 165.36 0.00 165.36
某某市生态与农业气象中
心（某某市气候变化中 512.84 446.19 66.65
心）
工资福利支出 446.19 446.19 0.00
商品和服务支出 66.65 0.00 66.65
"""


def test_a_label_wrapped_over_three_lines_around_its_amounts_keeps_its_order():
    """The row's own line holds the middle piece of one label (no word other rows print): its last line is its end."""
    assert names(CENTRED_LABEL)[3] == "某某市生态与农业气象中心（某某市气候变化中心）"


YEARS_ONLY = """\
表9
财政拨款“三公”经费支出表
部门名称：某某市某某署 单位：万元
年度 总计 因公出国(境)费 公务接待费
按支出口径
2025年 10.00 6.00 4.00
2026年 8.00 5.00 3.00
"""


def test_a_line_over_the_first_row_stays_header_when_no_row_prints_a_label_before_its_own():
    """No row prints a unit before its 年度: the lone line over the first row is no merged cell of the rows."""
    assert names(YEARS_ONLY) == ["2025年", "2026年"]
