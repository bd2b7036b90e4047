"""A table of performance indicators is no table of money.

A 绩效指标 table (部门整体 / 项目绩效目标表 printed as a grid: 一级指标 二级指标 三级指标 指标值 度量单位, or
指标名称 目标值 计量单位) prints figures that are not yuan — 100%, ≥95, 10 个, 2026 年.  Its header tells it
from a table of amounts: some heading names an indicator or its value (a unit of measure alone, 计量单位, also heads
goods and assets beside their amounts) and none names an amount (金额, 合计, 预算数, 单价 …, letter-spaced too: those
are a money table that prints its projects' indicators beside their amounts, read as such).
A form printing its amounts first (资金总额, 财政拨款) and a line of
indicator headings under them is read as money down to that line and as indicators from there.  Such a table is
not read as money (no figure of it becomes an :class:`~nlp.model.Amount`); each line
that prints a quantity is one :class:`~nlp.model.Indicator` — the indicator's name is the cell printed
right before its value (the level columns 产出指标 / 数量指标 in front are no part of it), its value and
unit as :mod:`nlp.indicators` reads them (a year, 2026 年, is a date, and an amount in 元 money: neither is
an indicator).  Warning W314 (info) says so, naming the table and how many indicators it gave.
"""

from __future__ import annotations

import re

from nlp import columns as columns_mod
from nlp.indicators import find_indicators
from nlp.model import Indicator
from nlp.normalize import Line, NormalizedText, squash

# headings only an indicator table prints over a column
_INDICATOR_HEADING = re.compile(r"指标值|目标值|完成值|度量单位|计量单位|指标名称|指标内容|[一二三]级指标")
# those that name the indicator or its value: a unit of measure alone (计量单位, 度量单位) heads a column of goods bought
# or assets held beside their amounts too
_INDICATOR_NAMING = re.compile(r"指标值|目标值|完成值|指标名称|指标内容|[一二三]级指标")
# amounts a header names in words the measures do not list (本年预算, 单价, 总价, 账面原值, 资金总额), or by a column's
# unit in yuan, which a heading cut over lines (年度资 / 金总额 / (万元)) still prints whole
_MONEY_HEADING = re.compile(r"预算|决算|金额|资金|单价|总价|价款|原值|经费|[（(](?:万|千|亿)?元[)）]")


# a 指标性质 cell printed between the name and the value: the direction or kind of the indicator, no name
_NATURE = re.compile(r"正向|反向|定量|定性|[≥≤=＝><]|大于等于|小于等于|等于")


def is_indicator_header(header_text: str) -> bool:
    """The header names an indicator or its value and no column of amounts (read squashed: 指 标 值, 金 额 and 合 计
    letter-spaced too)."""
    text = squash(header_text)
    if not _INDICATOR_NAMING.search(text) or _MONEY_HEADING.search(text):
        return False
    return all(key == "performance_target" for _, key in columns_mod.header_phrases(text))


def heading_line(body: list[Line]) -> int | None:
    """The body line where a form's indicators start below its amounts (年度资金总额 … then 一级指标 二级指标
    三级指标 指标值): a line of headings only — two indicator headings or more, no figure, no sentence."""
    for k, line in enumerate(body):
        text = squash(line.text)
        if len(_INDICATOR_HEADING.findall(text)) >= 2 and not re.search(r"\d|[。，；]", text):
            return k
    return None


def achieved(header_text: str) -> bool:
    """A final account's table prints what was achieved (实际完成值), not a target."""
    text = squash(header_text)
    return "完成值" in text and not re.search(r"指标值|目标值", text)


def paired(header_text: str) -> bool:
    """A final account's self-evaluation prints the target and what was achieved side by side (年度指标值 实际完成值)."""
    text = squash(header_text)
    return "完成值" in text and bool(re.search(r"指标值|目标值", text))


# what stands between one value and the next on a line of a paired table, the unit aside: a comparator and a number only
_NEXT_VALUE = re.compile(r"[≥≤><=＝]*\s*\d[\d.,]*")


def indicators(norm: NormalizedText, body: list[Line], achieved: bool = False, paired: bool = False) -> list[Indicator]:
    """The indicators printed on the lines of an indicator table's body, one per quantity.  In a table printing
    the target and what was achieved side by side (``paired``), a quantity printed right after another on its line,
    no name between, is what was achieved of the same indicator."""
    out = []
    for line in body:
        before: tuple[Indicator, int] | None = None  # the line's indicator read last, and where its unit ends
        for f in find_indicators(line.text):
            if paired and before is not None:
                gap = line.text[before[1] : f.end]
                value = gap.strip()[: len(gap.strip()) - len(f.unit)] if gap.strip().endswith(f.unit) else ""
                if _NEXT_VALUE.fullmatch(value.strip()):
                    # 办结信访事项 ≥1000件 1050件: 1050 件 is what was achieved of 办结信访事项; its evidence its own cell
                    start = before[1] + len(gap) - len(gap.lstrip())
                    span = norm.raw_span(line.start + start, line.start + f.end)
                    out.append(Indicator(before[0].name, f.value, f.unit, f.comparator, span, True))
                    before = None
                    continue
            # the name is the cell right before the value: the level cells in front are not part of it
            cells = [w for w in f.name.split() if not _NATURE.fullmatch(w)]
            name = cells[-1] if cells else f.name
            at = line.text.find(f.name, f.start, f.end)
            start = at + f.name.rfind(name) if name and at >= 0 else f.start
            span = norm.raw_span(line.start + start, line.start + f.end)
            out.append(Indicator(name, f.value, f.unit, f.comparator, span, achieved))
            before = (out[-1], f.end)
    return out
