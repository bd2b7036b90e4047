"""Figures stated in the narrative: head counts ("总编制数 22 名", "在职实有人数
45 人") and totals ("2018 年部门收支总预算 2,097.62 万元").

A figure's label is the phrase just before it, back to the previous punctuation;
comparisons with the previous year ("比上年增加 21 人", "减少 180.12 万元") are
changes, not figures, and are left out.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from nlp.headings import Block, blocks
from nlp.layout import heading_lines, line_range
from nlp.model import Amount, HeadCount, Section, StatedTotal
from nlp.normalize import NormalizedText

_DELIM = "，。；：、,;:（()）!！？?"
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|截至.*?日)\s*")
_CHANGE = re.compile(r"比上年|比年初|较上年|同比|增加|减少|增长|下降|持平|变化|占")
_LEAD_WORDS = re.compile(r"^(?:其中|包括|含|即|本部门|本单位|我局|我办|全年|共有|共|另有)+")
_TRAIL_WORDS = re.compile(r"(?:为|共计|共|合计为|是|达|约|有)+$")

_COUNT = re.compile(r"(?P<num>\d+)\s*(?P<unit>名|人|个)(?!次|民|员|工|均)")
HEADCOUNT_WORDS = re.compile(r"编制|人数|人员|雇员|离休|退休|单位|聘用|工勤|机构|军转干|在职|实有")

_AMOUNT = re.compile(
    r"(?P<num>(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|千元|元)"
)
TOTAL_WORDS = re.compile(
    r"总预算|总收入|总支出|收支总|收入预算|支出预算|收入合计|支出合计|总计|合计|本年收入|本年支出|"
    r"财政拨款收入|财政拨款支出|一般公共预算|政府性基金|基本支出|项目支出|三公|会议费|机关运行经费|政府采购|非税收入"
)
_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def parse_amount(printed: str, unit: str) -> Decimal | None:
    """``"2,097.62", "万元"`` → ``Decimal("20976200.00")``.  (Private twin of
    nlp.amounts.parse_amount, kept here so the narrative does not depend on the
    table reader's internals.)"""
    from nlp.amounts import MAX_AMOUNT_YUAN

    try:
        number = Decimal(printed.replace(",", ""))
        if number.adjusted() > MAX_AMOUNT_YUAN.adjusted():  # beyond any budget (and beyond arithmetic)
            return None
        value = number * _FACTORS[unit]
    except (InvalidOperation, KeyError):
        return None
    return value if abs(value) <= MAX_AMOUNT_YUAN else None


def _label_before(text: str, pos: int) -> tuple[str, int]:
    """The phrase ending at ``pos``: back to the previous delimiter or number."""
    k = pos
    while k > 0:
        while k > 0 and text[k - 1] not in _DELIM:
            k -= 1
        # "收、支总计": 、 inside the idiom 收、支 belongs to the phrase
        if k >= 2 and text[k - 2 : k + 1] in ("收、支", "支、收"):
            k -= 2
            continue
        break
    raw = text[k:pos]
    label = raw.strip().strip("*")
    label = re.sub(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*[\d一二三四五六七八九十]+\s*[)）])\s*", "", label)  # 1． (二)
    label = re.sub(r"^[^\d]*?((?:19|20)\d{2}\s*年度?)", r"\1", label)  # "广州市…办公室 2017 年度总收入"
    for _ in range(2):
        label = _LEAD_WORDS.sub("", _YEAR_PREFIX.sub("", label))
    label = _TRAIL_WORDS.sub("", label).strip()
    start = k + raw.find(label) if label and label in raw else k
    return re.sub(r"[\s*]+", "", label), start


def _narrative_blocks(norm: NormalizedText, sections: list[Section], kinds: tuple[str, ...]):
    seen: set[int] = set()
    heads = heading_lines(norm, sections)
    tops: list[Section] = []

    def visit(secs: list[Section]) -> None:
        for s in secs:
            if s.kind in kinds:
                tops.append(s)  # its sub-sections are inside its body
            else:
                visit(s.children)

    visit(sections)
    for sec in tops:
        first, end = line_range(norm, sec)
        for blk in blocks(norm, first, end, headings=heads):
            if blk.first_line in heads:
                continue  # a heading names the figures below; it states none
            if blk.first_line not in seen:
                seen.add(blk.first_line)
                yield sec, blk


def headcounts(norm: NormalizedText, sections: list[Section]) -> list[HeadCount]:
    out: list[HeadCount] = []
    for _, blk in _narrative_blocks(norm, sections, ("staffing", "structure")):
        out.extend(_counts_in(norm, blk))
    return out


def _counts_in(norm: NormalizedText, blk: Block) -> list[HeadCount]:
    out = []
    for m in _COUNT.finditer(blk.text):
        label, start = _label_before(blk.text, m.start())
        if not label or len(label) > 20 or _CHANGE.search(label) or not HEADCOUNT_WORDS.search(label):
            continue
        if re.search(r"\d", label):  # "2017年部门决算编报范围的单位共": keep the words only
            label = re.sub(r"^.*\d", "", label)
            if not HEADCOUNT_WORDS.search(label):
                continue
        span = norm.raw_span(blk.offsets[start], blk.offsets[m.end() - 1] + 1)
        out.append(HeadCount(label, int(m.group("num")), m.group("unit"), span))
    return out


def stated_totals(norm: NormalizedText, sections: list[Section]) -> list[StatedTotal]:
    out: list[StatedTotal] = []
    for sec, blk in _narrative_blocks(norm, sections, ("explanation", "performance", "key_work")):
        for m in _AMOUNT.finditer(blk.text):
            label, start = _label_before(blk.text, m.start())
            if not label or len(label) > 30 or _CHANGE.search(label) or not TOTAL_WORDS.search(label):
                continue
            value = parse_amount(m.group("num"), m.group("unit"))
            if value is None:
                continue
            a_span = norm.raw_span(blk.offsets[m.start("num")], blk.offsets[m.end() - 1] + 1)
            clause = norm.raw_span(blk.offsets[start], blk.offsets[m.end() - 1] + 1)
            amount = Amount(value, m.group("num"), m.group("unit"), a_span)
            out.append(StatedTotal(label, amount, clause, sec.kind))
    return out
