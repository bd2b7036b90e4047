"""What a line of a grid of indicators prints: its values — quantities, costs, values in words or dates — and the
cells naming them, the grid's levels and headings aside (the readers of :mod:`nlp.indicatortables`)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from nlp.amounts import parse_amount
from nlp.indicators import BEFORE, find_indicators
from nlp.normalize import Line
from nlp.rows import join_words

# a 指标性质 cell printed between the name and the value: the direction or kind of the indicator, no name
NATURE = re.compile(r"正向|反向|定量|定性|[≥≤=＝><]|大于等于|小于等于|等于")

# a weight printed beside a heading (分值（90）, 分值权重(90)): no figure of the table
WEIGHT = re.compile(r"[（(]\d+[)）]")


# The levels of the indicator framework (一级 / 二级指标) and the grid's headings: a cell that is one of them, or a
# piece of one cut by a narrow column (社会效益指 / 标, 满意度 / 指标, 绩 / 效), names no indicator.
LEVELS = (  # noqa: SIM905 - a list of words reads best as words
    "绩效指标 一级指标 二级指标 三级指标 产出指标 数量指标 质量指标 时效指标 成本指标 经济成本指标 社会成本指标 "
    "生态环境成本指标 效益指标 经济效益指标 社会效益指标 生态效益指标 可持续影响指标 满意度指标 服务对象满意度指标 年度指标值 指标值 目标值 "
    "实际完成值 完成值 度量单位 计量单位 指标性质 分值 得分 分值权重 总分 偏差原因分析及改进措施"
).split()
# a cell printing no words: numbers, brackets, comparators ((90) a weight, 29 a page's number)
NO_WORDS = re.compile(r"[\d.,%()（）≥≤><=＝\-]*")
_CMP = "|".join(re.escape(c) for c in sorted(BEFORE, key=len, reverse=True) if len(c) > 1 or not c.isalpha())
# a cost indicator's target, an amount in yuan with its comparator (项目总成本 ≤45万元, 人均培训费 ≤550元/人/天)
_COST = re.compile(
    rf"(?P<cmp>{_CMP})?\s*(?P<num>(?<![\d.,])\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|千元|元)"
    r"(?P<per>(?:/[\u4e00-\u9fff]{1,2})*)(?P<after>以内|以下|以上)?"
)
_GLUED = re.compile(r"[\u4e00-\u9fff]+")  # characters glued to a quantity's unit, up to the cell's end
_AFTER_QUANTITY = re.compile(r"及以上|以上|以内|以下|左右|内")
_AFTER_COST = {"以上": ">=", "以内": "<=", "以下": "<="}
# a value printed as a date (2026年12月底前, 12月31日前, ≤ 2026 年) or in words (明显改善, 不超过预算, 达标): the last cell
# of its line, the scores after it aside
DATE = re.compile(
    r"(?:(?:次年|当年|本年|已于|于)\s*)?"
    r"(?:\d{4}\s*年度?\s*(?:\d{1,2}\s*月份?\s*(?:\d{1,2}\s*日)?)?|\d{1,2}\s*月份?\s*(?:\d{1,2}\s*日)?)"
    r"\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前|内)?\s*(?:完成)?"
)
WORDS = re.compile(
    r"(?:明显|显著|有效|持续|稳步|逐步|进一步|有所|不断|大幅|全面|基本|逐年|较大|有一定|一定)?"
    r"(?:提升|提高|改善|增强|加强|优化|降低|减少|下降|增加|好转|扩大)"
    r"|(?:成效|效果|作用)(?:明显|显著|良好)|(?:不|未)超(?:过)?(?:预算|标准|计划)|(?:已)?达标|达到(?:要求|标准|预期)"
    r"|合格|良好|优良|规范|及时|按时完成|按期完成|稳定运行|正常运行|全覆盖|全部完成|已完成|(?:圆满|顺利)(?:完成|开展)"
    r"|(?:得到|有所|有一定)(?:提升|提高|改善|增强)"
)
_WORDS_END = re.compile(rf"(?:{WORDS.pattern})$")
_WORD_COMPARATORS = sorted((w for w in BEFORE if len(w) > 1 and w.isalpha()), key=len, reverse=True)
_WORD_CMP = re.compile(rf"(?:{_CMP})\s*$")
# scores and weights printed after a value (分值 得分): cells of a number alone at the line's end
_SCORES = re.compile(r"(?:\s+\d+(?:\.\d+)?)+\s*$")


def level(cell: str) -> bool:
    """A level or a heading of the grid, a piece of one, a cell of no words, or a value (≥330台套): no indicator's
    name."""
    return len(cell) == 1 or bool(NO_WORDS.fullmatch(cell)) or cell[0] in "≥≤><＝" or any(cell in w for w in LEVELS)


def headings_only(text: str) -> bool:
    """A line of the grid's headings or pieces of them alone (分值, 分值权 / 一级, （90）): no word of a sentence."""
    cells = text.split()
    return any(len(c) > 1 for c in cells) and all(level(WEIGHT.sub("", c) or "(") for c in cells)


def word_cells(text: str) -> list[re.Match]:
    """The cells of a line that are no level of the grid and no 指标性质 cell."""
    return [m for m in re.finditer(r"\S+", text) if not level(m.group(0)) and not NATURE.fullmatch(m.group(0))]


def name_cell(text: str, end: int) -> tuple[str, int] | None:
    """The cell printed last before ``end`` that names something, with its offset."""
    cells = word_cells(text[:end])
    return (cells[-1].group(0), cells[-1].start()) if cells else None


@dataclass
class Value:
    """A value printed on a line, and the name cell printed before it (offsets into the line)."""

    value: Decimal | None
    unit: str
    comparator: str
    name: tuple[str, int] | None  # the name cell and its offset; None: none printed before the value on its line
    start: int  # of the value, its comparator included
    end: int
    achieved: bool
    of_previous: bool = False  # what was achieved of the indicator before it on its line (a paired table)
    amount: tuple[str, str, int, int] | None = None  # a cost: the amount and its unit as printed, where they stand
    text: str | None = None  # a value in words or a date, as printed


def _quantities(line: Line, achieved: bool) -> list[Value]:
    """The quantities of a line (nlp.indicators), each named by the cell printed before it and its comparator."""
    out: list[Value] = []
    for f in find_indicators(line.text):
        cmp = _WORD_CMP.search(line.text, 0, f.value_start)
        start = cmp.start() if cmp else f.value_start
        after = _AFTER_QUANTITY.match(line.text, f.value_end)
        end = after.end() if after else f.value_end
        glued = _GLUED.match(line.text, end)
        if glued and len(glued.group(0)) > 1:
            continue  # 10 9 项目效益有进一步…: a score, and a word of the next cell starting with a unit's character
        unit = f.unit + (glued.group(0) if glued else "")  # 330台套
        end += len(glued.group(0)) if glued else 0
        out.append(Value(f.value, unit, f.comparator, name_cell(line.text, start), start, end, achieved))
    return out


def _costs(line: Line, achieved: bool) -> list[Value]:
    """The costs a line prints (成本指标 经济成本指标 项目总成本 ≤45万元): value in yuan, unit 元, the amount as printed."""
    out = []
    for m in _COST.finditer(line.text):
        value = parse_amount(m.group("num"), m.group("unit"))
        if not isinstance(value, Decimal):
            continue  # beyond any budget: not used (as in a table of money)
        comparator = BEFORE.get(m.group("cmp") or "", "=")
        if m.group("after") and comparator == "=":
            comparator = _AFTER_COST[m.group("after")]
        name = name_cell(line.text, m.start())
        printed = (m.group("num"), m.group("unit"), m.start("num"), m.end("unit"))
        start = m.start("cmp") if m.group("cmp") else m.start("num")
        out.append(Value(value, "元" + m.group("per"), comparator, name, start, m.end(), achieved, amount=printed))
    return out


def _in_words(line: Line, achieved: bool, paired: bool) -> list[Value]:
    """A value printed as a date or in words, the last cell of its line (scores after it aside), with a name cell
    before it."""
    text = _SCORES.sub("", line.text).rstrip()
    for pattern in (DATE, WORDS):
        for m in pattern.finditer(text):
            if m.end() != len(text) or (pattern is DATE and not re.search(r"[年月]", m.group(0))):
                continue
            cmp = _WORD_CMP.search(text, 0, m.start())
            if not (cmp or m.start() == 0 or text[m.start() - 1].isspace()):
                continue  # the end of a longer cell (确保系统稳定运行)
            start = cmp.start() if cmp else m.start()
            comparator = BEFORE.get(cmp.group(0).strip(), "=") if cmp else "="
            printed = "".join(m.group(0).split())
            said = next((w for w in _WORD_COMPARATORS if printed.startswith(w) and len(printed) > len(w)), None)
            if said is not None and comparator == "=":  # 不超过预算: ≤ 预算
                comparator, printed = BEFORE[said], printed[len(said) :]
            value = Value(None, "", comparator, name_cell(text, start), start, m.end(), achieved, text=printed)
            target = _in_words(Line(text[:start], 0, 0, 0), achieved, False) if paired else []
            if target and target[0].end == len(text[:start].rstrip()):
                return [target[0], value]  # 不超标准 未超标准: the target, then what was achieved
            return [value]
    return []


def values(line: Line, achieved: bool, paired: bool) -> list[Value]:
    """The values a line prints: its quantities, else its costs, else a value in words or a date.  In a table
    printing the target and what was achieved side by side (``paired``), a value printed right after another, no
    name between (办结信访事项 ≥1000件 1050件, 每册宣传手册印制成本 ≤2.6元 2.6元, 不超标准 未超标准), is what was achieved
    of the same indicator."""
    values = _quantities(line, achieved) or _costs(line, achieved) or _in_words(line, achieved, paired)
    if paired and not values:
        values = stated(line)
    if paired:
        for before, v in itertools.pairwise(values):
            if not before.of_previous and not word_cells(line.text[before.end : v.start]):  # no name between
                v.of_previous, v.achieved = True, True
    return values


# the scores a self-evaluation prints after what was achieved (分值 得分), a column of reasons perhaps after them
_SCORE_PAIR = re.compile(r"\s\d+(?:\.\d+)?\s+\d+(?:\.\d+)?(?=\s|$)")


def stated(line: Line) -> list[Value]:
    """A self-evaluation's line whose target is words (有所提高) and what was achieved a text of its own: the name,
    the target and what was achieved, cells in that order before the scores (档案查阅服务水平 有所提高 持续推进… 10 9)."""
    scores = _SCORE_PAIR.search(line.text)
    cells = word_cells(line.text[: scores.start()]) if scores else []
    if len(cells) < 3 or not _WORDS_END.search(cells[1].group(0)):
        return []  # a target that ends in words of a target (有所提高, 接待工作顺利开展)
    name, target, done = (cells[0].group(0), cells[0].start()), cells[1], cells[2:]
    text = join_words([m.group(0) for m in done])
    return [
        Value(None, "", "=", name, target.start(), target.end(), False, text=target.group(0)),
        Value(None, "", "=", None, done[0].start(), done[-1].end(), True, text=text),
    ]
