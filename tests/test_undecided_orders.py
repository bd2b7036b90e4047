"""A header the text leaves open (nlp.headergrid gives several readings) whose rows add up under none of them: the
figures decide no order, so the columns the readings disagree on are left unknown and their figures unstored
(W324, naming the table and its first row's line) — never named by the order one reading happens to give.  A row
adding up under the readings still decides as before (nlp.layoutsearch).  Constructed variants: a tall heading
printed above and below its neighbours' line, other units (万元, 元), a column more or fewer."""

from __future__ import annotations

import pytest

from tests.tablehelp import read_tables, table

_TALL_4 = """\
表3 支出总表
单位：{unit}
事业单位
科目编码 科目名称 合计 基本支出 项目支出
经营支出
"""
# the tall heading cut elsewhere
_TALL_4_RECUT = """\
表3 支出总表
单位：{unit}
事业单位经
科目编码 科目名称 合计 基本支出 项目支出
营支出
"""
# one column more: 对附属单位补助支出 beside them
_TALL_5 = """\
表3 支出总表
单位：{unit}
事业单位
科目编码 科目名称 合计 基本支出 项目支出 对附属单位补助支出
经营支出
"""
# one column fewer
_TALL_3 = """\
表3 支出总表
单位：{unit}
事业单位
科目编码 科目名称 合计 项目支出
经营支出
"""


def _rows(width: int, parts: str, unit: str) -> str:
    """Four coded rows: a total and ``width - 1`` parts that never make it (``parts`` printed in each)."""
    big = {"万元": ("100.00", "70.00", "30.00"), "元": ("1,000,000", "700,000", "300,000")}[unit]
    lines = [
        ("201", "一般公共服务支出", big[0]),
        ("20101", "人大事务", big[0]),
        ("2010101", "行政运行", big[1]),
        ("2010102", "一般行政管理事务", big[2]),
    ]
    return "".join(f"{c} {n} {t} {' '.join([parts] * (width - 1))}\n" for c, n, t in lines)


_ZERO = {"万元": "0.00", "元": "0"}
_SAME = {"万元": "40.00", "元": "400,000"}  # the same figure in every part: 3 × 40 is no 100

CASES = [
    (header, width, unit, parts)
    for header, width in ((_TALL_4, 4), (_TALL_4_RECUT, 4), (_TALL_5, 5), (_TALL_3, 3))
    for unit in ("万元", "元")
    for parts in (_ZERO, _SAME)
    if not (width == 3 and parts is _SAME)  # 合计 = one part alone: 40 ≠ 100 but a single part is placed by it
]


@pytest.mark.parametrize(
    ("header", "width", "unit", "parts"),
    CASES,
    ids=[f"{w}cols-{u}-{'zeros' if p is _ZERO else 'same'}-{i}" for i, (_, w, u, p) in enumerate(CASES)],
)
def test_no_row_adding_up_leaves_the_open_columns_unknown(header, width, unit, parts):
    # before: the columns were named in the order the first reading gave (W313), their figures stored there
    tables, _, diag, _ = read_tables(header.format(unit=unit) + _rows(width, parts[unit], unit))
    t = table(tables, "表3")
    assert [c.measure for c in t.columns] == ["total"] + ["unknown"] * (width - 1)
    assert all(r.cells[0] is not None for r in t.rows)  # 合计 stands first in every reading: certain
    assert all(c is None for r in t.rows for c in r.cells[1:])  # nothing stored by chance
    said = [d for d in diag.items if d.code == "W324"]
    assert len(said) == 1 and "表3" in said[0].message and said[0].line == t.rows[0].span.line
    assert not [d for d in diag.items if d.code == "W313"]


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_rows_adding_up_still_let_the_figures_decide(unit):
    # the same header over a table of zeros (an empty 政府性基金 table): every row adds up in every order, every
    # column holds its zeros whichever is right — named as before (W313), no W324
    body = "".join(
        f"{c} {n} {' '.join([_ZERO[unit]] * 4)}\n" for c, n in (("201", "一般公共服务支出"), ("20101", "人大事务"))
    )
    tables, _, diag, _ = read_tables(_TALL_4.format(unit=unit) + body)
    t = table(tables, "表3")
    assert {c.measure for c in t.columns} == {"total", "basic", "project", "operating_expense"}
    assert [d.code for d in diag.items if d.code in ("W313", "W324")] == ["W313"]
