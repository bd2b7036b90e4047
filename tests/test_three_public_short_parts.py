"""A “三公” table's header naming the vehicles' parts short under the heading of the whole (公务用车购置及运行费 over
小计 | 购置费 | 运行费), read from text: the short parts are read as the parts they name (nlp.headergrid: the words they
share left out, as nlp.headermeaning reads them from a page), a heading naming what a column holds beside its phase
(机关运行经费预算数) is no group, a closed group (“三公”经费预算数) holds no heading it does not name, and the items sum
to the table's 合计 (the vehicles' 小计 = 购置费 + 运行费), so the figures place every column.  Constructed variants of
the Shanghai and central layouts: the tall heading cut elsewhere or printed beside the vehicles', 运行维护费, 元 and
万元, the 机关运行经费 column dropped, the items' order changed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import SHANGHAI_THREE_PUBLIC, read_tables

_SHANGHAI = SHANGHAI_THREE_PUBLIC
# the tall heading cut after 预 (机关运行经费预 / 算数)
_SHANGHAI_RECUT = _SHANGHAI.replace(
    "机关运行经费预算\n公务用车购置及运行费\n数", "机关运行经费预\n公务用车购置及运行费\n算数"
)
# printed beside the vehicles' heading on one line
_SHANGHAI_BESIDE = _SHANGHAI.replace(
    "机关运行经费预算\n公务用车购置及运行费\n数", "公务用车购置及运行费 机关运行经费预算数"
)
# the whole named 运行维护费, and its part so
_SHANGHAI_UPKEEP = _SHANGHAI.replace("公务用车购置及运行费", "公务用车购置及运行维护费").replace(
    "运行费\n", "运行维护费\n"
)
# no 机关运行经费 column
_THREE_ONLY = _SHANGHAI.replace("机关运行经费预算\n", "").replace("数\n合计", "合计")
# the central template: each part printed 公务用车 / 购置费 (the words cut, not left out) beside the short ones
_CENTRAL = """\
部门公开表9
财政拨款预算“三公”经费支出表
单位：{unit}
2026年预算数
公务用车购置及运行费
合计 因公出国（境）费 公务接待费
小计
购置费 运行费
{row}
第三部分 情况说明
"""
_CENTRAL_CUT = _CENTRAL.replace("小计\n购置费 运行费", "公务用车 公务用车\n小计\n购置费 运行费")

_ITEMS = ["three_public_total", "outbound_travel", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"]
_FIGURES = {"万元": ["87.56", "52.36", "19.80", "15.40", "6.20", "9.20", "2,318.45"]}
_FIGURES["元"] = ["875,600", "523,600", "198,000", "154,000", "62,000", "92,000", "23,184,500"]
_YUAN = {"万元": Decimal(10000), "元": Decimal(1)}


def _expected(unit: str, agency: bool, first: str = "three_public_total") -> dict[str, Decimal]:
    measures = [first, *_ITEMS[1:]] + (["agency_operation"] if agency else [])
    return {
        m: Decimal(f.replace(",", "")) * _YUAN[unit]
        for m, f in zip(measures, _FIGURES[unit][: len(measures)], strict=True)
    }


CASES = [
    (name, header, unit, agency, first)
    for name, header, agency, first in (
        ("shanghai", _SHANGHAI, True, "three_public_total"),
        ("recut", _SHANGHAI_RECUT, True, "three_public_total"),
        ("beside", _SHANGHAI_BESIDE, True, "three_public_total"),
        ("upkeep", _SHANGHAI_UPKEEP, True, "three_public_total"),
        ("three-only", _THREE_ONLY, False, "three_public_total"),
        ("central", _CENTRAL, False, "total"),
        ("central-cut", _CENTRAL_CUT, False, "total"),
    )
    for unit in ("万元", "元")
]


@pytest.mark.parametrize(("name", "header", "unit", "agency", "first"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_short_parts_under_the_whole_are_read_and_placed(name, header, unit, agency, first):
    want = _expected(unit, agency, first)
    row_text = " ".join(_FIGURES[unit][: len(want)])
    tables, _, _, _ = read_tables(header.format(unit=unit, row=row_text))
    (t,) = tables
    got = {c.measure: r.cells[j].value for r in t.rows for j, c in enumerate(t.columns) if r.cells[j] is not None}
    assert got == want


# --- both units read alike: a part printed blank, figures that do not add up -------------------------------------

#: the vehicles' 小计 printed again for one part, the other blank (six figures for seven columns), in 万元 and in
#: the 元 printings other templates use (two decimals with or without separators, whole yuan)
_BLANK_PART = {
    "万元": "87.56 52.36 19.80 15.40 15.40 2,318.45",
    "元 separators": "875,600.00 523,600.00 198,000.00 154,000.00 154,000.00 23,184,500.00",
    "元 no separators": "875600.00 523600.00 198000.00 154000.00 154000.00 23184500.00",
    "元 whole": "875,600 523,600 198,000 154,000 154,000 23,184,500",
}


def _cells(header: str, printing: str, row: str) -> dict[str, Decimal]:
    tables, _, _, _ = read_tables(header.format(unit=printing.split()[0], row=row))
    (t,) = tables
    return {c.measure: r.cells[j].value for r in t.rows for j, c in enumerate(t.columns) if r.cells[j] is not None}


@pytest.mark.parametrize("printing", list(_BLANK_PART), ids=list(_BLANK_PART))
@pytest.mark.parametrize(
    "name, header", [("shanghai", _SHANGHAI), ("recut", _SHANGHAI_RECUT)], ids=["shanghai", "recut"]
)
def test_a_blank_part_is_read_alike_in_every_unit(name, header, printing):
    # the 15.40 is the 小计 and one of its parts, which one the text does not say (W310): the 小计 only is stored,
    # whatever the unit, its decimals or separators
    got = _cells(header, printing, _BLANK_PART[printing])
    wan = [Decimal(f.replace(",", "")) * 10000 for f in _BLANK_PART["万元"].split()]
    want = dict(zip(["three_public_total", "outbound_travel", "reception", "vehicles"], wan[:4], strict=True))
    assert got == {**want, "agency_operation": wan[5]}


#: rows whose figures do not add up as the header nests them (a report's own slip: the parts 6.20 + 8.20 under a
#: 小计 of 15.40, a 合计 that is not its items' sum), in the Shanghai layout, whose phrases name none of the
#: columns: no reading places them, so they are stored as the phrases give the columns — every figure, none lost or
#: made up
_SLIPS = {
    "parts": ("87.56 52.36 19.80 15.40 6.20 8.20 2,318.45", _SHANGHAI),
    "total": ("95.00 52.36 19.80 15.40 15.40 2,318.45", _SHANGHAI),
    "total, re-cut": ("95.00 52.36 19.80 15.40 15.40 2,318.45", _SHANGHAI_RECUT),
    "parts, upkeep": ("87.56 52.36 19.80 15.40 6.20 8.20 2,318.45", _SHANGHAI_UPKEEP),
}


def _printed_in(unit: str, row: str, separators: bool = True) -> str:
    if unit == "万元":
        return row
    return " ".join(f"{Decimal(f.replace(',', '')) * 10000:{',' if separators else ''}.2f}" for f in row.split())


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("slip", list(_SLIPS), ids=list(_SLIPS))
def test_figures_no_reading_adds_up_are_stored_in_either_unit(slip, unit):
    row, header = _SLIPS[slip]
    tables, _, _, _ = read_tables(header.format(unit=unit, row=_printed_in(unit, row)))
    (t,) = tables
    (r,) = t.rows
    assert [c.value for c in r.cells if c is not None] == [Decimal(f.replace(",", "")) * 10000 for f in row.split()]


#: every layout of this file, each row as the tests above print it, a slip and a blank part: the reading in 元 (with
#: separators or without) is the reading in 万元, every figure ×10000
_ANY_ROW = {
    "added up": " ".join(_FIGURES["万元"]),
    "blank part": _BLANK_PART["万元"],
    "slip": "95.00 52.36 19.80 15.40 6.20 8.20 2,318.45",
}
_LAYOUTS = {
    "shanghai": _SHANGHAI,
    "recut": _SHANGHAI_RECUT,
    "beside": _SHANGHAI_BESIDE,
    "upkeep": _SHANGHAI_UPKEEP,
    "three-only": _THREE_ONLY,
    "central": _CENTRAL,
    "central-cut": _CENTRAL_CUT,
}


def _reading(header: str, unit: str, row: str) -> list[tuple[str, list[Decimal | None]]]:
    tables, _, _, _ = read_tables(header.format(unit=unit, row=row))
    return [
        (c.measure, [r.cells[j].value if r.cells[j] else None for r in t.rows])
        for t in tables
        for j, c in enumerate(t.columns)
    ]


@pytest.mark.parametrize("separators", [True, False], ids=["875,600.00", "875600.00"])
@pytest.mark.parametrize("row", list(_ANY_ROW), ids=list(_ANY_ROW))
@pytest.mark.parametrize("layout", list(_LAYOUTS), ids=list(_LAYOUTS))
def test_a_unit_changes_nothing_read(layout, row, separators):
    header, wan = _LAYOUTS[layout], _ANY_ROW[row]
    if layout in ("three-only", "central", "central-cut"):
        wan = " ".join(wan.split()[:6])  # no 机关运行经费 column
    assert _reading(header, "元", _printed_in("元", wan, separators)) == _reading(header, "万元", wan)
