"""Indicators with values in narrative text: 满意度达95%, 不低于95%, 23台自助服务终端, 10分钟内响应.

An indicator is a stated quantity that is *not* money and *not* a date: a percentage, a count
with a classifier (项, 台, 个, 人次 …) or a duration (分钟, 个工作日 …), with the comparator the
text gives (达 → "=", 不低于 → ">=", 超 → ">", 约 → "about", 内/以内 → "<=").  Amounts in 元 are
budget figures (nlp.tables / StatedTotal), and percentages that state a budget change (增长,
下降, 占 after an amount in 元) are not indicators; both are left alone here.

The value is the number as printed (Decimal, never float); a magnitude word stays in the unit
(63.4万张 → value 63.4, unit "万张"), so nothing is computed that the report did not print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Comparators before the number (longest first) and their meaning.
BEFORE = {
    "不低于": ">=",
    "不少于": ">=",
    "不小于": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "不多于": "<=",
    "达到": "=",
    "达": "=",
    "提升至": "=",
    "提高至": "=",
    "提高到": "=",
    "提升到": "=",
    "控制在": "<=",
    "超过": ">",
    "超": ">",
    "高于": ">",
    "大于": ">",
    "低于": "<",
    "少于": "<",
    "小于": "<",
    "约": "about",
    "近": "about",
    "≥": ">=",
    ">=": ">=",
    "≤": "<=",
    "<=": "<=",
    ">": ">",
    "<": "<",
    "=": "=",
}
# Qualifiers after the unit.
_AFTER = {
    "以上": ">=",
    "及以上": ">=",
    "以内": "<=",
    "内": "<=",
    "以下": "<=",
    "左右": "about",
    "多": "about",
    "余": "about",
}

# Units: percentages, durations and classifiers.  No 元 (money) and no bare 年/月/日 (dates).
_UNITS = [
    "个百分点",
    "%",
    "‰",
    "个工作日",
    "工作日",
    "个月",
    "分钟",
    "小时",
    "秒",
    "天",
    "人次",
    "户次",
    "件次",
    "次",
    "项",
    "台",
    "套",
    "个",
    "件",
    "张",
    "户",
    "家",
    "名",
    "人",
    "份",
    "条",
    "宗",
    "座",
    "处",
    "间",
    "部",
    "批",
    "场",
    "期",
    "类",
    "辆",
    "所",
    "支",
    "本",
    "篇",
    "封",
    "面",
    "块",
    "册",
    "页",
    "枚",
    "盏",
    "栋",
    "幢",
    "层",
    "趟",
    "轮",
    "期次",
    "单",
    "笔",
    "平方米",
    "公里",
    "米",
    "GB",
    "TB",
    "兆",
]
_MAGNITUDE = "(?:万|亿|千)?"
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_BEFORE_RE = "|".join(re.escape(c) for c in sorted(BEFORE, key=len, reverse=True))
# a unit printed alone, as a table's 计量单位 column prints it: 台, 辆, 人次, 台/套, 台（套）
_UNIT_WORD = re.compile(rf"(?:{_UNIT_RE})(?:[/／、]?(?:{_UNIT_RE})|[（(](?:{_UNIT_RE})[)）])?")


def is_unit_of_measure(word: str) -> bool:
    """The word is a unit of measure alone (台, 辆, 套, 人次, 台/套, 台（套）) — never one of money."""
    return bool(_UNIT_WORD.fullmatch(word))


_AFTER_RE = "|".join(re.escape(c) for c in sorted(_AFTER, key=len, reverse=True))

_QUANTITY = re.compile(
    rf"(?P<cmp>{_BEFORE_RE})?\s*"
    rf"(?P<num>(?<![\d.,A-Za-z])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d.,A-Za-z])\d+(?:\.\d+)?)"
    rf"\s*(?P<after1>多|余)?(?P<unit>{_MAGNITUDE}(?:{_UNIT_RE})(?:/(?:天|日|周|月|年|人|次|件))?)(?P<after>{_AFTER_RE})?"
)
# Money, dates and budget-change percentages are not indicators.
_MONEY_AFTER = re.compile(r"^\s*(?:万|亿|千)?元")
_CHANGE_BEFORE = re.compile(r"(增长|下降|减少|增加|上升|降低|比上年|幅度为?)\s*$")
_SHARE_BEFORE = re.compile(r"(占[^，。；]{0,6}|比重|占比)\s*$")
# money in the same or the previous clause: the percentage is a budget change, not an indicator
_MONEY_NEAR = re.compile(r"\d\s*(?:万|亿|千)?元")
_NAME_STOP = '，,。；;：:、（）()“”"《》！？!?\n'
_NAME_AFTER = re.compile(rf"^[^{_NAME_STOP}的和及与\d]{{1,12}}")
_LEADING_VERB = re.compile(
    r"^(?:\d{4}\s*年度?|实现|确保|保证|保持|力争|推动|使|使得|其中|全年|年度|累计完成|完成|共|目前|已|并|将|拟|为|在)"
)


@dataclass(frozen=True)
class FoundIndicator:
    """An indicator found in a text, with offsets into that text."""

    name: str
    value: Decimal
    unit: str
    comparator: str
    start: int  # of the whole expression (name included when it precedes the value)
    end: int
    value_start: int
    value_end: int


def _name_before(text: str, at: int) -> tuple[str, int]:
    """The noun phrase before a comparator: back to the previous punctuation mark."""
    i = at
    while i > 0 and text[i - 1] not in _NAME_STOP and at - i < 16:
        i -= 1
    name = text[i:at].strip()
    m = _LEADING_VERB.match(name)
    if m and len(name) > m.end():
        i += m.end()
        name = name[m.end() :]
    return name, i


def find_indicators(text: str) -> list[FoundIndicator]:
    """Every indicator expression in ``text``, in order."""
    out: list[FoundIndicator] = []
    for m in _QUANTITY.finditer(text):
        num = m.group("num")
        unit = m.group("unit")
        if _MONEY_AFTER.match(text[m.end("unit") - len(unit) :]) or _MONEY_AFTER.match(text[m.end() :]):
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        if m.group("cmp") is None and unit in {"%", "个百分点"}:
            clause_start = max(text.rfind(c, 0, max(0, text.rfind("，", 0, m.start()))) for c in "。；;")
            if _SHARE_BEFORE.search(before) and _MONEY_NEAR.search(text[max(0, clause_start) : m.start()]):
                continue  # 占总收入 100.00% after an amount: a budget share
            if _CHANGE_BEFORE.search(before) and _MONEY_NEAR.search(text[max(0, clause_start) : m.start()]):
                continue  # 比上年减少7,010万元，下降46.44%: a budget change
        prev = text[m.start("num") - 1] if m.start("num") > 0 else ""
        if (prev and prev in "第-—~～/:：") or (prev == "." and m.start("num") > 1):
            continue  # ordinals, ranges, list numbers, ratios
        if len(num) == 4 and not m.group("cmp") and text[m.end("num") : m.end("num") + 1] in "年-":
            continue
        cmp_word = m.group("cmp")
        comparator = BEFORE.get(cmp_word, "=") if cmp_word else "="
        after = m.group("after") or m.group("after1")
        if after:
            comparator = (
                _AFTER.get(after, comparator) if comparator == "=" or after in {"多", "余", "左右"} else comparator
            )
        value = Decimal(num.replace(",", ""))
        start, end = m.start(), m.end()
        if cmp_word or unit in {"%", "‰", "个百分点"}:
            name, start = _name_before(text, m.start())
        else:
            nm = _NAME_AFTER.match(text[end:])
            name = nm.group(0).rstrip() if nm else ""
            end += len(name)
            if not name:
                name, start = _name_before(text, m.start())
        if start == m.start() and not name:
            start = m.start()
        out.append(
            FoundIndicator(
                name=name,
                value=value,
                unit=unit,
                comparator=comparator,
                start=start,
                end=end,
                value_start=m.start("num"),
                value_end=m.end("unit"),
            )
        )
    return out
