"""Classification codes (政府收支分类科目) as tables print them.

A code can be printed whole (``2010301``), in brackets (``[2010301]``), split into
its 类/款/项 parts over columns or by spaces (``201 03 01``, ``201`` ``0301``,
``20103`` ``01``), with a damaged 项 column (``20103`` ``301`` where the 项 column
holds ``01`` under a stray digit), or only as its last part under an indented
parent (``03`` below ``201``).  :func:`assemble` turns the leading numeric tokens
of a row into one code; :func:`implied` completes a bare 2-digit part from the
rows above.

Code lists (by first digit):

* ``2xx``     支出功能分类: 类 3 digits, 款 5, 项 7;
* ``3xx/5xx`` 支出经济分类 (部门 / 政府预算): 类 3, 款 5;
* ``1xx``     收入分类: 类 3, 款 5, 项 7, 目 9.

>>> assemble(["201", "03", "01"]).code
'2010301'
>>> assemble(["20103", "301"]).code
'2010301'
>>> assemble(["212", "0899"]).code
'2120899'
>>> level("2010301"), level("30101"), level("103070599")
(3, 2, 4)
>>> parent("2010301"), parent("201")
('20103', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.model import Classification

_DIGITS = re.compile(r"^\d+$")
_BRACKETED = re.compile(r"^[\[【［(（]\s*(\d{3,9})\s*[\]】］)）]")
_VALID_LENGTHS = {3, 5, 7, 9}


@dataclass(frozen=True)
class Assembled:
    code: str | None
    repaired: bool = False  # a part was damaged and repaired (or dropped)
    failed: bool = False  # parts were present but gave no valid code


def classification_of(code: str) -> Classification:
    first = code[0]
    if first == "2":
        return Classification.FUNCTIONAL
    if first in "35":
        return Classification.ECONOMIC
    if first == "1":
        return Classification.REVENUE
    return Classification.NONE


def is_valid(code: str) -> bool:
    if not _DIGITS.match(code) or len(code) not in _VALID_LENGTHS:
        return False
    cls = classification_of(code)
    if cls is Classification.NONE:
        return False
    if cls is Classification.ECONOMIC and len(code) > 5:
        return False
    return not (cls is Classification.FUNCTIONAL and len(code) > 7)


def level(code: str) -> int:
    """1 = 类, 2 = 款, 3 = 项, 4 = 目."""
    return {3: 1, 5: 2, 7: 3, 9: 4}[len(code)]


def parent(code: str) -> str | None:
    return code[:-2] if len(code) > 3 else None


def split_bracketed(token: str) -> tuple[str, str] | None:
    """``[2010301]行政运行`` → ``("2010301", "行政运行")``."""
    m = _BRACKETED.match(token)
    if not m:
        return None
    return m.group(1), token[m.end() :]


def assemble(parts: list[str]) -> Assembled:
    """One code from the digit strings printed in a row's code columns, in order."""
    parts = [p for p in parts if p]
    if not parts:
        return Assembled(None)
    repaired = False
    code = ""
    for p in parts:
        if not _DIGITS.match(p):
            return Assembled(code or None, repaired=True, failed=not code)
        if not code:
            if len(p) in _VALID_LENGTHS or len(p) == 2:
                code = p
                continue
            return Assembled(None, repaired=True, failed=True)
        if p.startswith(code) and len(p) > len(code):  # the full code printed again
            code = p
        elif (len(code) in (3, 5, 7) and len(p) == 2) or (len(code) == 3 and len(p) == 4):
            code += p
        elif len(code) == 5 and len(p) == 3:
            # the 项 column holds 2 digits; a third one is a stray mark read as a digit
            code += p[-2:]
            repaired = True
        elif len(p) == 1:
            repaired = True  # a stray mark in an empty code column
        else:
            return Assembled(code if is_valid(code) else None, repaired=True, failed=not is_valid(code))
    if len(code) == 2:
        return Assembled(code, repaired)  # a bare part: see implied()
    if not is_valid(code):
        return Assembled(None, repaired=True, failed=True)
    return Assembled(code, repaired)


def implied(part: str, previous: str | None, indent: int, previous_indent: int) -> str | None:
    """Complete a bare 2-digit part printed under an indented parent.

    ``previous`` is the code of the row above.  Deeper indentation than that row
    means a child of it; the same or shallower means a sibling (or the parent's
    sibling).
    """
    if previous is None or len(part) != 2:
        return None
    if len(previous) == 3:
        return previous + part
    if len(previous) == 5:
        return previous + part if indent > previous_indent else previous[:3] + part
    if len(previous) == 7:
        return previous[:3] + part if indent < previous_indent else previous[:5] + part
    return None
