"""Find the tables of a report from its lines alone.

The section tree is not needed (and may be empty): a table starts at a table
number (``表1``, ``表 一``, ``公开 01 表``, ``预算01表``) or at a title line (a short
line ending in 表, e.g. ``收入支出决算总表``, ``一般公共预算支出情况表（按功能分类科目）``).
A title or number met again after a page break continues the same table, so the
header printed on every page is not taken for a new table.  A table ends at the
next different table, at a part heading (第三部分), or at its 注 line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.normalize import NormalizedText, squash

_NUM = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
# 表1, an annex's 附表1 and a numbered part's 表1-2 / 附表 1.2, a publisher's 部门公开表1 / 预算表 3
_PREFIXED = r"(?:附|(?:部门)?(?:公开|预算|决算))?"
# a number ends at a space, the line's end or a colon before its title (表 1：项目年度绩效指标表)
_NUMBER = re.compile(
    rf"(?:^|(?<=\s))((?:部门)?(?:公开|预算|决算)\s*(?:{_NUM})\s*表|{_PREFIXED}表\s*(?:{_NUM})(?:\s*[-－—.]\s*\d{{1,2}})?)"
    r"(?=\s|$|\s*[:：])"
)
_TITLE_END = re.compile(r"表(?:[（(][^）)]{0,20}[）)])?[^\u3400-\u9fff]{0,3}$")
_TRAILING_DAMAGE = re.compile(r"(?<=[表）)])[^\u3400-\u9fff）)]{1,3}$")
_LABEL_NUMBER = re.compile(r"[\u3400-\u9fff][^\s\d]*\s+\d+(?:\s|$)")
_COLUMN_HEADER = re.compile(r"[栏行]\s*次|类\s*款\s*项")
_DATA = re.compile(r"(?:^|\s)-?\d[\d,]*\.\d+(?=\s|$)|^\s*\[?\d{3,7}\]?(?=\s|[\u3400-\u9fff]|$)")
_SENTENCE = re.compile(r"[。，；！？]|见|详见")
_ENUMERATED = re.compile(r"^[-•·]|^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]|^\d+[.、]")
_PART = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
_NOTE = re.compile(r"^\s*注\s*[:：]?")
#: a page's mark that the table above goes on: 续表, 续表1, 续上表, （续）, 表3（续）
_CONTINUED = re.compile(rf"^\s*(?:续\s*上?\s*表\s*(?:{_NUM})?|(?:表\s*(?:{_NUM})\s*)?[（(]\s*续\s*表?\s*[)）])\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
#: a unit printed in brackets after the title (收支总表（单位：万元）): the table's unit, no part of its title
UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:金额)?单\s*位\s*[:：][^）)]*[）)]")
#: A unit of money as printed after 单位： (万元, 人民币元, 万 元 spaced as text taken from a PDF is), the unit its
#: group: not the start of a name printed after 编制单位： / 预算单位： (元氏县…, 元宝区…), which a Chinese character
#: goes on from; a field glued after the unit (单位：万元单位名称：…) is no name.
UNIT_WORD = r"(?:人民币\s*)?(万\s*元|千\s*元|亿\s*元|元)(?!(?!单位|部门|编制|预算|决算|填报|金额)[\u3400-\u9fff])"
#: 单位：万元 or 单位（万元）
UNIT = re.compile(rf"单\s*位\s*(?:[:：]\s*{UNIT_WORD}|[（(]\s*{UNIT_WORD}\s*[)）])")


def unit_of(m: re.Match[str]) -> tuple[str, int, int]:
    """The unit a match of :data:`UNIT` prints (spaces taken out), with where it stands."""
    at = 1 if m.group(1) else 2
    return re.sub(r"\s", "", m.group(at)), m.start(at), m.end(at)


#: … or ending the title's line without brackets (收支总表 单位：万元)
_UNIT_AFTER = re.compile(rf"\s(?:金额)?单\s*位\s*[:：]\s*{UNIT_WORD}\s*$")


@dataclass
class FoundTable:
    number: str | None
    number_line: int | None  # index into norm.lines
    title: str
    title_line: int | None
    anchor: int  # index of the first anchor line
    lines: list[int] = field(default_factory=list)  # indices of body lines, in order
    anchors: list[int] = field(default_factory=list)  # every title/number line (continuations too)
    has_data: bool = False  # a body line with an amount or a code has been seen

    @property
    def key(self) -> str:
        return squash(self.number or "") + "|" + squash(self.title)


def looks_like_data(text: str) -> bool:
    """An amount with decimals, a code at the line start, or a label followed by a whole number."""
    if _DATA.search(text):
        return True
    return bool(_LABEL_NUMBER.search(text)) and not _COLUMN_HEADER.search(text)


def table_number(text: str) -> tuple[str, int, int] | None:
    """The table number printed on a line, with its offsets, or ``None``."""
    if _SENTENCE.search(text):
        return None
    m = _NUMBER.search(text)
    if not m:
        return None
    return squash(m.group(1)), m.start(1), m.end(1)


def is_title(text: str) -> bool:
    t = squash(UNIT_IN_BRACKETS.sub("", _UNIT_AFTER.sub("", text)))
    if not (4 <= len(t) <= 45) or not _CJK.search(t):
        return False
    if _SENTENCE.search(t) or _ENUMERATED.match(text.strip()) or _NOTE.match(t) or _PART.match(t):
        return False
    if _NUMBER.fullmatch(t):  # 公开01表 is a number, not a title
        return False
    return bool(_TITLE_END.search(t)) and not t.startswith(("表", "附表"))


def _title_of(text: str, number: tuple[str, int, int] | None) -> str:
    """A title printed on the number's line (``表十 政府采购支出情况表``)."""
    if number is None:
        return ""
    rest = text[: number[1]] + " " + re.sub(r"^\s*[:：]", " ", text[number[2] :])
    for piece in re.split(r"\s{2,}|\t", rest):
        if is_title(piece):
            return clean_title(piece)
    return ""


def find_tables(norm: NormalizedText) -> list[FoundTable]:
    lines = norm.lines
    tables: list[FoundTable] = []
    cur: FoundTable | None = None
    closed = False
    for i, line in enumerate(lines):
        text = line.text
        if not text.strip():
            continue
        if _PART.match(text):
            cur = None
            continue
        if cur is not None and _CONTINUED.match(text):  # the current table, on its next page
            cur.anchors.append(i)
            closed = False
            continue
        number = table_number(text)
        # a number printed in front of its title (部门公开表1 收支总表) is no part of it
        title = (number and _title_of(text, number)) or (clean_title(text) if is_title(text) else "")
        if number or title:
            num = number[0] if number else None
            # the lines between this anchor and the last that print something (blank lines count for nothing)
            gap = sum(1 for j in range(cur.anchors[-1] + 1, i) if lines[j].text.strip()) if cur is not None else 0
            if cur is not None and _continues(cur, num, title, gap):
                cur.anchors.append(i)
                if _DATA.search(text):
                    cur.lines.append(i)
                    cur.has_data = True
                if num and not cur.number:
                    cur.number, cur.number_line = num, i
                if title and not cur.title:
                    cur.title, cur.title_line = title, i
                closed = False
                continue
            cur = FoundTable(num, i if num else None, title, i if title else None, i, anchors=[i])
            tables.append(cur)
            if _DATA.search(text):  # a whole table flattened onto its title line
                cur.lines.append(i)
                cur.has_data = True
            closed = False
            continue
        if _PART.match(text):
            cur = None
            continue
        if cur is None or closed:
            continue
        if _NOTE.match(text):
            closed = True
            continue
        cur.lines.append(i)
        if looks_like_data(text):
            cur.has_data = True
    return tables


def clean_title(text: str) -> str:
    return _TRAILING_DAMAGE.sub("", UNIT_IN_BRACKETS.sub("", squash(_UNIT_AFTER.sub("", text))))


def _continues(cur: FoundTable, number: str | None, title: str, gap: int) -> bool:
    """Is an anchor ``gap`` printed lines after the table's last the same table (a page break, or number + title
    pair)?"""
    # nothing but header so far: a number and a title printed on adjacent lines
    if (
        not cur.has_data
        and (number is None or cur.number is None or number == cur.number)
        and (not title or not cur.title or squash(title) == squash(cur.title))
    ):
        return gap <= 3
    if number and cur.number:
        return number == cur.number and (not title or not cur.title or title == cur.title)
    if title and cur.title:
        return title == cur.title
    return False
