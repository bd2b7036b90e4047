"""review19 F4: a line of a project table with no figure whose words hold a dash that is no cell — a heading or a
name printed with a dash between its parts (二、信息化类项目 — 运维, 智慧城市 - 二期工程) — names no project.

22e6ba6 reads a row printing its cells as dashes as a project with no amount, and took any dash among the row's words
for those cells: a heading '二、信息化类项目' and a cut name '智慧城市' were made projects with no amount.  Rows of
tests/test_dash_projects.py's table; the three with words after the dash fail at 22e6ba6, the controls (dashes in the
cells' place, with or without a 绩效目标 after them) pass before and after."""

from __future__ import annotations

import pytest

from tests.test_dash_projects import NAME, _projects, _table


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize(
    "line",
    ["二、信息化类项目 — 运维\n", "智慧城市 - 二期工程\n", "（一）专项业务类 －－ 信息化\n"],
    ids=["heading", "name with a dash", "full-width dashes"],
)
def test_a_dash_with_words_after_it_is_no_cell(line, unit):
    got, _ = _projects(_table(line, unit))
    assert not [n for n, p in got.items() if p.amount is None]


@pytest.mark.parametrize(
    ("line", "text"),
    [(f"{NAME} - - - -\n", False), (f"{NAME} — —\n", False), (f"{NAME} - - - - 完成平台一期建设。\n", True)],
)
def test_dashes_in_the_cells_place_are_still_a_project(line, text):
    got, _ = _projects(_table(line, text=text))
    assert got[NAME].amount is None
