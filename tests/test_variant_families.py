"""Layouts other provinces print, built by the families of tests/variantfamilies.py: the reader gives the same money.

Fast: every family on small tables built here, against amounts stated by hand.  Slow (with the development set):
every family on every train-split report and corpus report printing coded tables, against the reading of the
report as published — the amounts in yuan per table row and per project must not change.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DEVSET, requires_devset

from nlp import read_report_bytes
from tests import variantfamilies as vf
from tests.tablehelp import SHANGHAI_THREE_PUBLIC

_HEAD = "某某市某某局2026年部门预算\n"

#: 单位：万元, codes in one column, a 合计 row, a zero, figures with and without separators
WAN = (
    _HEAD
    + """表3
一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 1,234.56 1,034.56 200.00
201 一般公共服务支出 1,100.00 900.00 200.00
20103 政府办公厅（室）及相关机构事务 1,100.00 900.00 200.00
2010301 行政运行 900.00 900.00 0.00
2010302 一般行政管理事务 200.00 0.00 200.00
208 社会保障和就业支出 134.56 134.56 0.00
20805 行政事业单位养老支出 134.56 134.56 0.00
2080505 机关事业单位基本养老保险缴费支出 134.56 134.56 0.00
"""
)
#: by hand, in yuan: code → (合计, 基本支出, 项目支出)
WAN_YUAN = {
    "201": ("11000000", "9000000", "2000000"),
    "20103": ("11000000", "9000000", "2000000"),
    "2010301": ("9000000", "9000000", "0"),
    "2010302": ("2000000", "0", "2000000"),
    "208": ("1345600", "1345600", "0"),
    "20805": ("1345600", "1345600", "0"),
    "2080505": ("1345600", "1345600", "0"),
}

#: the same money printed in 元
YUAN = (
    _HEAD
    + """表3
一般公共预算支出表
单位：元
科目编码 科目名称 合计 基本支出 项目支出
合计 12345600.00 10345600.00 2000000.00
201 一般公共服务支出 11000000.00 9000000.00 2000000.00
20103 政府办公厅（室）及相关机构事务 11000000.00 9000000.00 2000000.00
2010301 行政运行 9000000.00 9000000.00 0.00
2010302 一般行政管理事务 2000000.00 0.00 2000000.00
208 社会保障和就业支出 1345600.00 1345600.00 0.00
20805 行政事业单位养老支出 1345600.00 1345600.00 0.00
2080505 机关事业单位基本养老保险缴费支出 1345600.00 1345600.00 0.00
"""
)

#: families shown on the table in 元 (the unit moved must still be read: 万元 is what a table without one gets)
_ONLY_YUAN = {vf.to_wan, vf.with_separators, vf.unit_above_title, vf.unit_on_title_line, vf.unit_after_title}


_NAMES = {line.split()[0]: line.split()[1] for line in WAN.splitlines() if line[:3].isdigit()}


def _by_code(text: str) -> dict[str, tuple[Decimal | None, ...]]:
    """The one table's title, and its coded rows' amounts; each row's label must be the one printed."""
    (table,) = read_report_bytes(text.encode(), "variant.txt").tables
    assert table.title == "一般公共预算支出表"
    assert {r.code: "".join(r.name.split()) for r in table.rows if r.code} == _NAMES
    return {r.code: tuple(c.value if c else None for c in r.cells) for r in table.rows if r.code}


def _stated(zero_printed: bool) -> dict[str, tuple[Decimal | None, ...]]:
    return {
        code: tuple(Decimal(v) if v != "0" or zero_printed else None for v in values)
        for code, values in WAN_YUAN.items()
    }


@pytest.mark.parametrize("text", [WAN, YUAN], ids=["万元", "元"])
def test_the_built_tables_read_as_stated(text):
    assert _by_code(text) == _stated(zero_printed=True)


_VARIANTS = [(f"{family}: {name}", fn) for family, variants in vf.FAMILIES.items() for name, fn in variants.items()]


@pytest.mark.parametrize("variant", [fn for _, fn in _VARIANTS], ids=[name for name, _ in _VARIANTS])
def test_a_family_keeps_the_money_of_a_built_table(variant):
    text = YUAN if variant in _ONLY_YUAN else WAN
    reading = read_report_bytes(text.encode(), "built.txt")
    printed = variant(text, reading)
    assert printed != text  # the family changes this table: the test can fail
    zero_printed = variant not in (vf.zero_dash, vf.zero_long_dash, vf.zero_blank)
    assert _by_code(printed) == _stated(zero_printed)


#: a 三公 table whose one row prints the vehicles' 小计 again for one of its parts, the other blank: which part the
#: text does not say (W310), so that figure is read but not stored — a family rewrites it all the same, or it prints
#: a table no template prints (a 万元 figure left among 元 ones, which nothing can place)
_THREE_PUBLIC = _HEAD + SHANGHAI_THREE_PUBLIC
_THREE_PUBLIC_ROW = {
    "万元": "168.52 125.32 27.50 15.70 15.70 2,046.38",
    "元": "1685200.00 1253200.00 275000.00 157000.00 157000.00 20463800.00",
}
_FIGURE_FAMILIES = [vf.to_yuan, vf.to_wan, vf.four_decimals, vf.no_separators, vf.with_separators]


@pytest.mark.parametrize("variant", _FIGURE_FAMILIES, ids=[fn.__name__ for fn in _FIGURE_FAMILIES])
def test_a_family_rewrites_a_figure_read_but_not_stored(variant):
    unit = "元" if variant in _ONLY_YUAN else "万元"
    text = _THREE_PUBLIC.format(unit=unit, row=_THREE_PUBLIC_ROW[unit])
    reading = read_report_bytes(text.encode(), "built.txt")
    printed = variant(text, reading)
    row = printed.split("\n")[-3].split()
    assert printed != text and row[3] == row[4]  # the 小计 and its part printed alike
    before, after = vf.money(reading), vf.money(read_report_bytes(printed.encode(), "built.txt"))
    assert sum(len(rows) for rows in before[0].values()) == 1  # the row is stored (its 小计 once)
    assert after == before


@pytest.mark.parametrize(
    "printed, clean",
    [
        ("合计 １，２３４．５６ ２００．００", "合计 1,234.56 200.00"),  # before: 1，234.56 (no figure)
        ("201 一般公共服务支出 1，100.00 12，345，678.9", "201 一般公共服务支出 1,100.00 12,345,678.9"),  # before: kept
        (
            "一、财政拨款收入 ３５８，２０６，７００ 二、事业收入",
            "一、财政拨款收入 358,206,700 二、事业收入",
        ),  # whole yuan
        ("分别为１００，２００，３００人", "分别为100，200，300人"),  # a list in prose: no figure
        ("增长１２，５．５％", "增长12，5.5%"),
    ],
)
def test_full_width_commas_group_the_thousands_of_a_figure_with_decimals(printed, clean):
    from nlp.normalize import normalize

    assert normalize(printed).text.rstrip("\n") == clean


@pytest.mark.parametrize(
    "printed, number, title",
    [
        ("附表1-2 收入决算表", "附表1-2", "收入决算表"),  # before: no number, title 附表1-2收入决算表
        ("附表 2.3 支出决算表", "附表2.3", "支出决算表"),  # before: the same
        ("部门公开表1 部门收支总表", "部门公开表1", "部门收支总表"),  # before: no number
        ("部门预算表3 一般公共预算支出表", "部门预算表3", "一般公共预算支出表"),  # before: no number
        ("收支总表（单位：万元）", None, "收支总表"),  # before: the unit in the title
        (
            "一般公共预算支出表（按功能分类） （单位：万元）",
            None,
            "一般公共预算支出表（按功能分类）",
        ),  # before: no table
        ("表4 财政拨款收支总表 （金额单位：元）", "表4", "财政拨款收支总表"),  # before: the unit in the title
        ("一般公共预算支出表 单位：万元", None, "一般公共预算支出表"),  # before: no table
        ("表2 收入总表    金额单位：元", "表2", "收入总表"),
        ("表1 收支总表", "表1", "收支总表"),
        ("公开 01 表 收支总表", "公开01表", "收支总表"),  # before: title 公开01表收支总表
    ],
)
def test_a_tables_number_and_title_as_other_templates_print_them(printed, number, title):
    from nlp.normalize import normalize
    from nlp.tablefind import find_tables

    (found,) = find_tables(normalize(f"{printed}\n项目 金额\n合计 12.00\n"))
    assert (found.number, found.title) == (number, title)


@pytest.mark.parametrize("mark", ["续表", "续表1", "续上表", "（续）", "表3（续表）"])
def test_a_continued_mark_goes_on_with_the_table(mark):
    # before: the mark is a label line, glued to the next row's (续表2010302 一般行政管理事务)
    lines = WAN.splitlines()
    at = lines.index("2010301 行政运行 900.00 900.00 0.00") + 1
    text = "\n".join([*lines[:at], "- 9 -", mark, "科目编码 科目名称 合计 基本支出 项目支出", *lines[at:]])
    assert _by_code(text) == _stated(zero_printed=True)


# --- every family on the reports of the train split and the corpus (slow; needs the development set) --------------

#: Pairs (variant, report) a family still changes the money of, with how many of the report's tables differ
#: (and "projects" when its projects do).  Measured when the families were written; a pair that starts keeping
#: its money fails the test too, to be taken out of this list.
KNOWN_LOSSES: dict[str, dict[str, int | str]] = {
    # the report's own 尾数误差 (its tables agree within half a step of 0.01 万元, W404) printed to 0.0001 万元 is a
    # disagreement the arithmetic placing a row's figures no longer forgives: no report prints that
    "units, decimals, separators: four decimals": {"202": 2},
}

_SLOW_SHARE = 3  # each variant reads every third report (turn by turn), so that the file stays at a few minutes


def _reports() -> list[Path]:
    from nlp.evaluation import load_devset_gold

    test_split = {r["report"][:3] for r in load_devset_gold(split="test")}
    devset = sorted(p for p in (DEVSET / "text").glob("*.txt") if p.name[:3] not in test_split)
    return devset + sorted(vf.CORPUS.glob("0*.txt"))


@pytest.fixture(scope="module")
def published():
    readings = {}
    for path in _reports():
        text = path.read_text(encoding="utf-8")
        reading = read_report_bytes(text.encode(), path.name)
        if vf.coded(reading):
            readings[path.name[:3]] = (text, reading, vf.money(reading))
    return readings


#: A zero printed as nothing is measured (tests/variantfamilies.py), not held here: a row then prints fewer figures
#: than its table has columns, stored only where the arithmetic places them (else W310, never guessed), and a
#: 收支总表 line glues its two sides' labels (handed to rows17) — what the train reports give changes with every
#: change to placement.
_SLOW = [(name, fn) for name, fn in _VARIANTS if fn is not vf.zero_blank]


@pytest.mark.slow
@requires_devset
@pytest.mark.parametrize("turn, variant", list(enumerate(_SLOW)), ids=[name for name, _ in _SLOW])
def test_every_family_keeps_the_money_of_the_train_reports(published, turn, variant):
    name, fn = variant
    assert len(published) >= 15
    lost, known, applied = {}, {}, 0
    for k, (report, (text, reading, before)) in enumerate(sorted(published.items())):
        if (k + turn) % _SLOW_SHARE:
            continue
        printed = fn(text, reading)
        if printed == text:
            continue
        applied += 1
        _, _, projects_kept, differ = vf.kept(before, vf.money(read_report_bytes(printed.encode(), report)))
        if differ or not projects_kept:
            lost[report] = len(differ) if projects_kept else f"{len(differ)}+projects"
        if report in KNOWN_LOSSES.get(name, {}):
            known[report] = KNOWN_LOSSES[name][report]
    assert lost == known


def test_a_title_and_its_number_apart_by_furniture_and_blank_lines_are_one_table():
    # before: the blank lines counted, the number five lines below its title started a table of its own
    from nlp.normalize import normalize
    from nlp.tablefind import find_tables

    text = "收入支出决算总表\n编制单位：某某市某某局\n\n编制单位:某某市某某办公室\n\n表一 金额单位:万元\n项目 金额\n合计 12.00\n"
    (found,) = find_tables(normalize(text))
    assert (found.number, found.title) == ("表一", "收入支出决算总表")
