"""Words a project table prints after a row's figures, in a table whose header names no text column, and note lines
among its rows: never the head of the next project's name (review19 F3 and F4's leftovers).

Before, row assembly took whatever followed the figures that ended a row — a remark (``保障日常业务正常运转。``), the
words after a dash (``二、信息化类项目 — 运维``: its cells read as the dash) — and a note line (``说明：- 表示无数据``)
as the first words of the next row's label: ``运维办公设备购置经费``, ``说明：-表示无数据办公设备购置经费``, with no
warning.  Now the words after the figures are not read (W325 names them) and a note is no row
(nlp.tablelines.is_note).

tests/test_dash_projects.py's table in 万元 and 元, one line added after its first project: the 14 variants fail
before; the 4 controls (a name wrapped over two lines before its figures, a dash-only project) pass before and
after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_dash_projects import _money, _projects, _table

FIRST, LAST = "政务服务综合窗口运维费", "办公设备购置经费"


def _row(name: str, wan: str, unit: str, after: str = "") -> str:
    zero = _money("0", unit)
    return f"{name} {_money(wan, unit)} {_money(wan, unit)} {zero} {zero}{after}\n"


# line added → the projects read between the first and the last (name, amount in 万元 or None)
ADDED = {
    "words after a dash": ("二、信息化类项目 — 运维\n", []),
    "words after hyphens": ("智慧城市 - 二期工程\n", []),
    "words after full-width dashes": ("（一）专项业务类 －－ 信息化\n", []),
    "a remark after the figures": (
        lambda u: _row("政务云租赁", "10", u, " 保障日常业务正常运转。"),
        [("政务云租赁", "10")],
    ),
    "a short remark": (lambda u: _row("政务云租赁", "10", u, " 续建"), [("政务云租赁", "10")]),
    "a note 说明": ("说明：- 表示无数据\n", []),
    "a note 备注": ("备注：无\n", []),
}
CONTROLS = {
    "a name wrapped before its figures": (
        lambda u: "政务云\n" + _row("租赁服务费", "10", u),
        [("政务云租赁服务费", "10")],
    ),
    "a dash-only project": ("城市数据共享交换平台建设项目 - - - -\n", [("城市数据共享交换平台建设项目", None)]),
}


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("key", [*ADDED, *CONTROLS])
def test_no_name_takes_the_words_before_it(key, unit):
    line, between = {**ADDED, **CONTROLS}[key]
    got, diag = _projects(_table(line(unit) if callable(line) else line, unit))
    factor = Decimal(10000)  # 万元 in yuan (the 元 table prints them so)
    assert list(got) == [FIRST, *(name for name, _ in between), LAST]
    for name, wan in between:
        amount = got[name].amount
        assert (amount.value if amount else None) == (Decimal(wan) * factor if wan else None)
    assert got[LAST].amount.value == 100 * factor
    assert all(p.target is None for p in got.values())
    if key in ADDED and not key.startswith("a note"):
        assert [d for d in diag.items if d.code == "W325"]  # the words set aside are named
