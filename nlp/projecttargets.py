"""The 绩效目标 of projects from a table of key projects printed without a title (重点项目预算绩效情况说明)::

    二级预算单位名称 一级项目名称 预算数（万元） 绩效目标
    深圳市统计局（本 统计管理 352.27 为统计管理工作提供支持保
    级） 障，2026年预计完成不少于
    4次统计大讲堂，每月完成 …

The unit and the project's name wrap inside their narrow cells while the target runs on down its own
column: on a line after a row's, the last piece is the target's and any pieces before it are the
wrapped name's or unit's.  Such a table repeats projects the project table (项目支出表) already has;
a row is matched to one of those by its amount as printed and the start of its name, and gives it the
target it lacks.  A row no project matches gives nothing: its wrapped name is not read whole here.
"""

from __future__ import annotations

import re

from nlp.model import PerformanceTarget, Project
from nlp.normalize import NormalizedText, squash

_HEADER = re.compile(r"项目名称.*绩效目标")
_AMOUNT = re.compile(r"(?<![\d.])\d[\d,]*\.\d+(?![\d.%])")
_END = re.compile(
    r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|注[:：]|表\d)"
)
_FOLIO = re.compile(r"^\s*[-－—]?\s*\d{1,3}\s*[-－—]?\s*$")
_MAX_LINES = 80


def attach(norm: NormalizedText, projects: list[Project]) -> None:
    """Give the projects the targets such a table prints for them (in place)."""
    lines = norm.lines
    by_amount: dict[str, list[Project]] = {}
    for p in projects:
        if p.amount is not None and p.target is None:
            by_amount.setdefault(p.amount.printed, []).append(p)
    if not by_amount:
        return
    for h, header in enumerate(lines):
        if not _HEADER.search(header.text):
            continue
        rows = _rows(lines, h + 1)
        for (name, amount), body in rows:
            match = [p for p in by_amount.get(amount, []) if squash(p.name).startswith(name)]
            if len(match) != 1 or not body:
                continue
            text = "".join(piece for _, piece, _ in body)
            start, end = body[0][0].start + body[0][2], body[-1][0].end
            match[0].target = PerformanceTarget(text=text, span=norm.raw_span(start, end), project_name=match[0].name)
            by_amount[amount].remove(match[0])


def _rows(lines, start: int) -> list[tuple[tuple[str, str], list]]:
    """(name's first piece, amount as printed) and the target's pieces (line, text, offset) of each row."""
    out: list[tuple[tuple[str, str], list]] = []
    for ln in lines[start : start + _MAX_LINES * 10]:
        text = ln.text
        if _END.match(text):
            break
        if not text.strip() or _FOLIO.match(text):
            continue
        amounts = list(_AMOUNT.finditer(text))
        if len(amounts) == 1 and text[: amounts[0].start()].split():
            m = amounts[0]
            name = text[: m.start()].split()[-1]
            rest = text[m.end() :]
            piece = rest.strip()
            offset = m.end() + (len(rest) - len(rest.lstrip()))
            out.append(((name, m.group(0)), [(ln, piece, offset)] if piece else []))
            continue
        if not out or len(out[-1][1]) > _MAX_LINES:
            continue
        pieces = text.split()
        body = out[-1][1]
        ended = bool(body) and body[-1][1].endswith("。")
        if len(pieces) == 1 and ended:
            continue  # the rest of a wrapped name or unit, under a target already ended
        last = pieces[-1]
        body.append((ln, last, text.rindex(last)))
    return out
