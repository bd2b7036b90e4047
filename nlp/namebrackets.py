"""Quotes and brackets around a name found by its head word: where the name starts once its brackets and quotes pair
up (a name inside brackets, or inside a quoted phrase that goes on past the head), and whether it stands inside the quoted
title of an event (“第八届12345政务服务便民热线大会…”), which names the event, not the platform.  :mod:`nlp.candidates`
asks both of the names it finds.
"""

from __future__ import annotations

import re

#: What a quoted title of an event ends with.
_EVENT_END = re.compile(r"(?:大会|会议|论坛|大赛|峰会|博览会|展会|评选|竞赛|演练)[”\"」]")


def inside_quoted_event(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` inside a quoted title of a conference, contest or exercise?"""
    opened = max(text.rfind(q, 0, start) for q in "“「")
    if opened < 0 or max(text.rfind(q, opened, start) for q in "”」") >= 0:
        return False
    closed = min((i for i in (text.find(q, end) for q in "”」") if i >= 0), default=-1)
    return closed >= 0 and bool(_EVENT_END.search(text, max(end, closed - 4), closed + 1))


def balanced_start(text: str, start: int, end: int) -> int | None:
    """The start of the name once its brackets and quotes pair up: a name inside brackets or inside a
    quoted phrase that goes on past the head (“全国信访信息系统维护费”) starts after the bracket or quote."""
    name = text[start:end]
    while name and name[0] in '”"」）)':
        start, name = start + 1, name[1:]
    if (unopened := _unopened_close(name)) >= 0:
        # (www.ezhou.gov.|cn)政府门户网站: a bracket closes that opened before the name; the name starts after it
        start, name = start + unopened + 1, name[unopened + 1 :]
    depth, cut = 0, -1
    for i, c in enumerate(name):
        if c in "（(":
            depth += 1
            cut = i if depth == 1 else cut
        elif c in "）)" and depth:
            depth -= 1
    if depth:  # 区政务服务体系（政务服务平台）: the name is the part inside the brackets
        start, name = start + cut + 1, name[cut + 1 :]
    if name.count("“") > name.count("”"):  # “全国信访信息系统维护费”: the quote goes on past the head
        start += name.rfind("“") + 1
    return start


def _unopened_close(name: str) -> int:
    """The index of the last closing bracket in ``name`` that no bracket inside it opened, or -1."""
    depth, last = 0, -1
    for i, c in enumerate(name):
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth, last = (depth - 1, last) if depth else (0, i)
    return last
