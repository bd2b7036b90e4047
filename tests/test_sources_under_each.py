"""A header printing one run of sources of funds under each of its lowest headings (a “三公” table: 总计, 因公出国（境）费,
公务接待费, 公务用车购置及运行维护费 over 小计 | 购置费 | 运行维护费, each over 一般公共预算 | 政府性基金预算 | 国有资本经营预算),
read from its text by nlp.headergrid: the headings above read alone, each of their columns over the run, the sums of
the headings above (总计 = the items, the vehicles' 小计 = 购置 + 运行) source by source, the figures deciding where a
group the text leaves open stands.

Before, such a header (18 columns, the run's pieces 36 on two lines) was beyond reading from text: every column
unknown, where the same table read from its PDF names them all (devset: the 表9 of the six Shenzhen reports).

Hand-made tables: four items over three sources (12 columns) or two (8), six with the vehicles' parts (18 or 12),
the sources whole or cut as the Shenzhen text prints them (一般公共 / 预算), the vehicles printed after 公务接待费 or
before it, in 万元 and 元: the 24 fail before (every column unknown)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.tablehelp import read_tables, row, values

SOURCES = {
    3: (["一般公共预算", "政府性基金预算", "国有资本经营预算"], ["general_public", "government_fund", "state_capital"]),
    2: (["一般公共预算", "政府性基金预算"], ["general_public", "government_fund"]),
}
CUT = {
    "一般公共预算": ("一般公共", "预算"),
    "政府性基金预算": ("政府性基", "金预算"),
    "国有资本经营预算": ("国有资本", "经营预算"),
}

# the items over the sources, left to right as the PDF prints them (vehicles last or before reception), and their
# figures per source: 总计 = 因公出国 + 公务接待 + 车; 车 = 购置 + 运行
WITH_PARTS = {
    "vehicles last": (
        ["公务用车购置及运行维护费", "总计 因公出国(境)费 公务接待费", "小计 公务用车购置费 公务用车运行维护费"],
        ["total", "outbound_travel", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"],
    ),
    "vehicles before reception": (
        ["公务用车购置及运行维护费", "总计 因公出国(境)费 公务接待费", "小计 公务用车购置费 公务用车运行维护费"],
        ["total", "outbound_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"],
    ),
}
ITEMS_ALONE = (
    ["总计 因公出国(境)费 公务用车购置及运行维护费 公务接待费"],
    ["total", "outbound_travel", "vehicles", "reception"],
)
FIGURES = {  # per measure: the figure from each source (the third source prints 0.00)
    "total": ("43.79", "12.00"),
    "outbound_travel": ("36.14", "4.00"),
    "reception": ("1.65", "2.00"),
    "vehicles": ("6.00", "6.00"),
    "vehicle_purchase": ("0.00", "5.00"),
    "vehicle_operation": ("6.00", "1.00"),
}


def _source_lines(names: list[str], items: int, cut: bool) -> list[str]:
    """The sources under every item: on one line, or each cut over two lines as the Shenzhen text prints them."""
    if not cut:
        return [" ".join(names * items)]
    return [" ".join([CUT[n][half] for n in names] * items) for half in (0, 1)]


def _figures(measures: list[str], n_sources: int, factor: int) -> list[str]:
    out = []
    for m in measures:
        for j in range(n_sources):
            value = Decimal(FIGURES[m][j]) if j < 2 else Decimal(0)
            out.append(f"{value * factor:,.2f}")
    return out


def _text(head: list[str], measures: list[str], n_sources: int, cut: bool, unit: str) -> str:
    names, _ = SOURCES[n_sources]
    factor = 1 if unit == "万元" else 10000
    lines = ["表9", "财政拨款“三公”经费支出表", f"部门名称：某某局 单位：{unit}", *head[:-1]]
    lines.append("预算单位 年度 " + head[-1])
    lines += _source_lines(names, len(measures), cut)
    figures = " ".join(_figures(measures, n_sources, factor))
    lines += [f"某某局 2026年 {figures}", f"某某中心 2026年 {figures}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("unit", ["万元", "元"])
@pytest.mark.parametrize("cut", [False, True], ids=["sources whole", "sources cut"])
@pytest.mark.parametrize("n_sources", [3, 2])
@pytest.mark.parametrize("items", ["vehicles last", "vehicles before reception", "items alone"])
def test_each_column_is_an_item_from_a_source(unit, cut, n_sources, items):
    head, measures = ITEMS_ALONE if items == "items alone" else WITH_PARTS[items]
    tables, _, _, _ = read_tables(_text(head, measures, n_sources, cut, unit))
    (t,) = tables
    _, keys = SOURCES[n_sources]
    assert [(c.measure, c.funding_source) for c in t.columns] == [(m, k) for m in measures for k in keys]
    yuan = [Decimal(f.replace(",", "")) * 10000 for f in _figures(measures, n_sources, 1)]
    assert values(row(t, name="某某中心2026年")) == yuan
