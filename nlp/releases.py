"""A release of a named thing, printed with its name: one idea, read in one place.

A platform or an initiative is renewed by releases numbered as software is (“赣服通”4.0, “一网通办2.0”, 数字青岛2.0工程,
数字政府3.0行动); the number printed with the name is part of the name (the guideline: a version after the name is
the name's, as “赣服通”4.0).  Three places read it, each with the same number and its own setting:

* right after a quoted name (:func:`release_after`): a number, a point and one digit — not a figure counted after the
  quotes (“…”3.0万次, 4.5%, 1.5倍, 2.0年) —, and so right after a name printed without quotes, its head or a brand's
  service word its last characters (数据共享交换平台2.0, 渝快办2.0版, 智慧党建云平台V2.0: the release's V with it);
* at the end of the quoted words of an initiative (:func:`ends_in_release`: “一网通办2.0”服务能力, a release of the
  initiative, named);
* between a programme's name and its campaign's head (:func:`programme_release_after`: 数字青岛2.0工程, 数字政府3
  行动, 数字X2.0版行动) — there any number of the round or phase, with or without its point, and 版.
"""

from __future__ import annotations

import re

#: a release's number: 4.0, 10.0, 2.1
RELEASE = r"\d{1,2}\.\d"
#: not a figure: a unit or a count after the number (3.0万次, 1.5G带宽, 2.0米)
_AFTER_QUOTES = re.compile(rf"[Vv]?{RELEASE}(?![\d.万亿%％个倍元年月日分次项件人家条台套米秒时天周亩吨A-Za-z])")
_AT_END = re.compile(rf"{RELEASE}$")
#: a programme's round or phase and its campaign's head (not a plan of it: …2.0行动计划, …工程方案)
_PROGRAMME = re.compile(r"\d+(?:\.\d+)?版?(?:工程|行动)(?!计划|方案|纲要)")


def release_after(text: str, i: int) -> int | None:
    """Where a release printed at ``i``, right after a name (quoted or not), ends; None where none is, or where the
    number is a figure counted (“赣服通”3.0万次, 平台2.5万元)."""
    m = _AFTER_QUOTES.match(text, i)
    return m.end() if m else None


def ends_in_release(words: str) -> bool:
    """Do ``words`` (an initiative's quoted words) end in a release of it (一网通办2.0)?"""
    return _AT_END.search(words) is not None


def programme_release_after(text: str, i: int) -> int | None:
    """Where a programme's release and its campaign's head, printed at ``i`` after its name, end (数字青岛|2.0工程)."""
    m = _PROGRAMME.match(text, i)
    return m.end() if m else None
