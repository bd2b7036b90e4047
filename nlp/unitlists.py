"""The internal units a 机构设置 paragraph enumerates (办公室、计划财务处、…、综合审计处（内部审计指导监督处）).

They need no anchor (a place, a level, the state) in front: the enumeration is the context — most of its items
end in a unit suffix — and a bracketed second name is its own mention.  Names with an anchor in running text are
:mod:`nlp.agencies`'s; :func:`nlp.agencies.agency_spans` returns both.
"""

from __future__ import annotations

import re

from nlp.bodywords import BODY_LEADS, HAN_WORD, SUFFIX_END, SUFFIX_PATTERN, unit_end

_SUFFIX_JOINT = re.compile(f"(?:{SUFFIX_PATTERN})([和及与])")
_SEGMENT = re.compile(r"[^。；;：:，,\n、]*、[^。；;：:，,\n]*")  # a clause holding an enumeration
_LIST_END = re.compile(r"等|\d+个|[一二三四五六七八九十]+个(?=[^、]*$)")
#: The words that put a unit's other name in its brackets: 对外称“…”, 挂…牌子, 又称 …
_ALIAS_LEAD = re.compile(r"(?:对外称|对外名称为?|又称|亦称|加挂|挂)[“\"]?")
_ALIAS_TAIL = re.compile(r"[”\"]?(?:牌子)?$")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]*[\u4e00-\u9fff]")
_BRACKETED_END = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
#: In a list item the context says "unit": only grammar words show it is none (组织人事处 is a unit).
_NOT_IN_ITEM = re.compile(r"[的了着过是在为把被对向从及或等个年月日]|项(?!目)|\d")  # 项目部 is a unit, 3项 a count
#: A lead word in front of a list's first item (会同市发改委、…): not the name's.
_ITEM_LEAD = re.compile(
    "(?:" + "|".join(sorted(BODY_LEADS, key=len, reverse=True)) + ")|[将向由经对与和及把](?=[省市区县州])"
)
_LIST_LEAD = re.compile(
    r".*(?:(?<=[关局位级部委厅])设|分别是|分别为|包括|具体为|具体是|即|主要有|设有|设置|设立|下设|内设|为|有|是|\d个?|个|和)"
)


def _items(segment: str, base: int) -> list[tuple[int, int]]:
    """The items of an enumeration ``a、b和c`` starting at ``base`` (a 、 inside brackets separates no items)."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(segment):
        depth += (ch in "（(") - (ch in "）)")
        if ch == "、" and depth <= 0:
            out.append((base + start, base + i))
            start, depth = i + 1, 0
    # the list ends at 等 or at a count of its items (离退办等内设机构30个, 宣传调研处3个处级职能机构)
    last = _LIST_END.search(segment, start)
    out.append((base + start, base + (last.start() if last else len(segment))))  # even after a bracket left open
    # the last pair may be joined by 和 / 及 (机关服务中心和信息中心)
    a, b = out[-1]
    joint = _SUFFIX_JOINT.search(segment, a - base, b - base)
    if joint and SUFFIX_END.search(segment[a - base : b - base]):
        cut = base + joint.start(1)
        out[-1:] = [(a, cut), (cut + 1, b)]
    return out


def listed_unit_spans(text: str) -> list[tuple[int, int]]:
    """Internal units of an enumeration (机构设置): three or more items, most of them ending in a unit suffix."""
    out = []
    for seg in _SEGMENT.finditer(text):
        if seg.group(0).count("、") < 1:
            continue
        items = _items(seg.group(0), seg.start())
        first_a, first_b = items[0]
        lead = _LIST_LEAD.match(text, first_a, first_b)
        if lead and lead.end() < first_b:
            items[0] = (lead.end(), first_b)
        names, named = [], 0  # named: items read as a unit (a bracketed second name is no item of its own)
        for a, b in items:
            name = _unit_item(text, a, b)
            named += bool(name)
            names.extend(name)
        if (len(items) == 2 and named == 2 and len(names) >= 3) or (
            len(items) >= 3 and named >= max(3, (2 * len(items) + 2) // 3)
        ):
            out.extend(names)
    return out


def _unit_item(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A list item ``text[a:b]`` read as a unit's name, with a bracketed second name as its own mention."""
    while a < b and text[a] in " \u3000":
        a += 1
    while b > a and text[b - 1] in " \u3000":
        b -= 1
    lead = _ITEM_LEAD.match(text, a, b)
    if lead:
        a = lead.end()
    item = text[a:b]
    aliases = []
    m = _BRACKETED_END.search(item)
    called = _ALIAS_LEAD.match(m.group(1)) if m else None
    if m and called:  # a second name after 对外称 / 挂…牌子: one name, a 、 inside it too
        x = a + m.start(1) + called.end()
        tail = _ALIAS_TAIL.search(m.group(1))  # always matches (its parts are optional)
        y = a + m.end(1) - (len(tail.group(0)) if tail else 0)
        aliases.append((x, y))
        item = item[: m.start()]
    elif m:  # a bracketed second name, or the units under this one (党委学生工作部（学生处、党委武装部）)
        pos = a + m.start(1)
        for part in m.group(1).split("、"):
            aliases.append((pos, pos + len(part)))
            pos += len(part) + 1
        item = item[: m.start()]
    if not 2 <= len(item) <= 20 or not HAN_WORD.fullmatch(item) or _NOT_IN_ITEM.search(item):
        return []
    if not unit_end(item):
        return []
    out = [(a, a + len(item))]
    out += [(x, y) for x, y in aliases if 2 <= y - x <= 30 and unit_end(text[x:y]) and _HAN_NAME.fullmatch(text[x:y])]
    return out
