"""Quoted names listed before the one head they share: each is a reform or a campaign of its own.

“信号升格”和“宽带海疆”行动, “护苗”、“秋风”专项行动, “一业一证”“一照通行”改革: the head printed once after the last name is
every name's, and each quoted name is marked alone, with its quotes and without the head — as the guideline marks two
quoted names sharing 改革 (“放管服”和“一件事一次办”改革 → “放管服”, “一件事一次办”改革) and a campaign by its quoted part
(“四标四实”专项行动 → “四标四实”).  The last name, right before the head, is :mod:`nlp.reforms`' (and
:mod:`nlp.budgetpatterns`' “…”改革); this module finds the ones before it, which the head is printed away from.
A plan or a rule after the list (“十四五”、“十五五”规划, “四下基层”制度) is no such head; names that are no work's — slogans,
principles, things counted, a thing with a platform's head, a channel's mode of serving, a count's period or field
(“两学一做”, “三农”) — stay unmarked whatever head follows.
"""

from __future__ import annotations

import re

from nlp.platformwords import HEAD
from nlp.reforms import COUNTED_THINGS, channel_mode, quoted_names, slogan

#: The heads a list of quoted names may share: a reform's (改革), a campaign's (专项行动, 攻坚行动, 提升行动, 行动) or a
#: programme's (工程) — not a plan's (行动计划, 行动方案, 工程项目).
_SHARED_HEAD = re.compile(r"(?:专项|攻坚|集中|提升|整治)?(?:行动|工程)(?!计划|方案|纲要|规划|项目|建设)|改革")
#: What joins two names of one list: 、 , 和, 及, 与, 以及 — or nothing (“A”“B”).
_JOINER = re.compile(r"(?:以及|[、和及与])?")
#: A count that makes a name a class or a period — campaigns or things counted (“六大工程”, “三项行动”), a plan's years
#: (“十四五”, “三年”) — no one initiative.  A count naming a reform by its parts stays (“一业一证”, “多证合一”).
_COUNTED_CLASS = re.compile(r"^[\d一二三四五六七八九十百两几多]+(?:[大项个类批条]|五$|年)")


def _listable(inner: str, head: str) -> bool:
    """May ``inner``, a quoted name listed before ``head``, be a reform or campaign of its own?"""
    # a reform may be named by two characters (“秒批”和“秒办”改革); a campaign's two by a qualified head (“护苗”专项行动)
    short_ok = head == "改革" or len(inner) >= 3 or head != re.sub(r"^(?:专项|攻坚|集中|提升|整治)", "", head)
    return (
        2 <= len(inner) <= 12
        and short_ok
        and not re.search(r"[、，,;；:：\s+＋]", inner)
        and not _COUNTED_CLASS.match(inner)
        and not HEAD.search(inner + "$")
        and not COUNTED_THINGS.fullmatch(inner)
        and not slogan(inner)
        and not channel_mode(inner)
    )


def shared_head_spans(text: str) -> list[tuple[int, int]]:
    """The quoted names of a list, before its last one, that share the head printed after the last (“A”和“B”行动 → “A”)."""
    quoted = quoted_names(text)
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(quoted):
        chain, at = [m], m.end()
        for nxt in quoted[i + 1 :]:
            joined = _JOINER.match(text, at)
            if joined is None or joined.end() != nxt.start():
                break
            chain.append(nxt)
            at = nxt.end()
        head = _SHARED_HEAD.match(text, at)
        if len(chain) < 2 or head is None:
            continue
        if all(_listable(q.group(1).strip(), head.group()) for q in chain):
            spans.append((m.start(), m.end()))  # the first of the chain; the others are the first of a shorter one
    return spans
