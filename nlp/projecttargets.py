"""The 绩效目标 of projects from a table of key projects printed without a title (重点项目预算绩效情况说明)::

    二级预算单位名称 一级项目名称 预算数（万元） 绩效目标
    某某市水务局（本 水务管理 418.36 为水务管理工作提供支持保
    级） 障，2026年预计开展不少于
    6次节水宣传活动，每月完成 …

The unit and the project's name wrap inside their narrow cells while the target runs on down its own
column.  Such a table repeats projects the project table (项目支出表) already has; a row is matched to one
of those by its amount as printed and the start of its name, and gives it the target it lacks.  Which
pieces of a line below a row's are the wrapped unit's and name's is then known, not guessed: those that
go on the project's unit and name as the project table prints them (``级）`` after ``某某市水务局（本``),
in their columns' order; the rest of the line, spaces and all (``水质达标率 100%``), is the target's —
also a line of one piece under a sentence the target ended (a target goes on after its first full stop).
The same table laid out from a PDF prints each row on one line and needs none of this.  A row no project
matches gives nothing: its wrapped name is not read whole here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.model import PerformanceTarget, Project
from nlp.normalize import Line, NormalizedText, squash

_HEADER = re.compile(r"项目名称.*绩效目标")
_AMOUNT = re.compile(r"(?<![\d.])\d[\d,]*\.\d+(?![\d.%])")
_END = re.compile(
    r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|备?注[:：]|表\d)"
)
_FOLIO = re.compile(r"^\s*[-－—]?\s*\d{1,3}\s*[-－—]?\s*$")
_MAX_LINES = 80
_PIECE = re.compile(r"\s*(\S+)\s*")


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
        for row in _rows(lines, h + 1):
            match = [p for p in by_amount.get(row.amount, []) if squash(p.name).startswith(row.heads[-1])]
            if len(match) != 1:
                continue
            body = _target_pieces(row, match[0])
            if not body:
                continue
            text = "".join(ln.text[a:b] for ln, a, b in body)
            start, end = body[0][0].start + body[0][1], body[-1][0].start + body[-1][2]
            match[0].target = PerformanceTarget(text=text, span=norm.raw_span(start, end), project_name=match[0].name)
            by_amount[row.amount].remove(match[0])


@dataclass
class _Row:
    """A row of the table: the first pieces of its unit and name (as many as printed before the amount), the
    amount as printed, where its target starts on its first line, and the lines below it."""

    heads: list[str]
    amount: str
    first: Line
    target_at: int | None  # offset of the target on the first line; None when it starts below
    below: list[Line] = field(default_factory=list)


def _rows(lines: list[Line], start: int) -> list[_Row]:
    out: list[_Row] = []
    for ln in lines[start : start + _MAX_LINES * 10]:
        text = ln.text
        if _END.match(text):
            break
        if not text.strip() or _FOLIO.match(text):
            continue
        amounts = list(_AMOUNT.finditer(text))
        if len(amounts) == 1 and text[: amounts[0].start()].split():
            m = amounts[0]
            rest = text[m.end() :]
            at = m.end() + (len(rest) - len(rest.lstrip())) if rest.strip() else None
            out.append(_Row(text[: m.start()].split(), m.group(0), ln, at))
        elif out and len(out[-1].below) < _MAX_LINES:
            out[-1].below.append(ln)
    return out


def _target_pieces(row: _Row, project: Project) -> list[tuple[Line, int, int]]:
    """The target's piece of each line of ``row`` as (line, start, end): on a line below the row's, the pieces that
    go on its unit's and its name's cells (what the project's unit and name still lack, as the project table
    prints them) come first, in their columns' order; the rest of the line is the target's."""
    rests = [_after(head, project.unit_name or "") for head in row.heads[:-1]]
    rests.append(_after(row.heads[-1], project.name))
    out: list[tuple[Line, int, int]] = []
    if row.target_at is not None:
        out.append((row.first, row.target_at, len(row.first.text.rstrip())))
    for ln in row.below:
        at = 0
        for k, rest in enumerate(rests):
            piece = _PIECE.match(ln.text, at)
            if piece is None or not rest or not rest.startswith(piece.group(1)):
                continue
            rests[k] = rest[len(piece.group(1)) :]
            at = piece.end()
        text = ln.text[at:]
        if text.strip():
            out.append((ln, at + len(text) - len(text.lstrip()), len(ln.text.rstrip())))
    return out


def _after(head: str, full: str) -> str:
    """What ``full`` prints after its first piece ``head``: a unit printed short in this table (市工程建设署园林和 of
    某某市工程建设署园林和市政工程管理中心) goes on as the full name does; nothing when ``head`` is not in it."""
    full = squash(full)
    at = full.find(head)
    return full[at + len(head) :] if at >= 0 else ""
