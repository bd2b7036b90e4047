"""What a value column means, from the headings stacked over it (a ruled table read by geometry).

Text loses which heading stands over which column: ``当年预算 上年结转结余`` over ``小计 基本支出
项目支出 小计 基本支出 项目支出`` is a line of words.  A ruled table keeps it: every heading cell
spans the columns under it (:mod:`nlp.geometry`), so each value column has a *path* of headings,
top to bottom — ``["当年预算", "基本支出", "小计"]``.  The meaning comes from the path with the
vocabulary and rules of :mod:`nlp.columns` (:data:`nlp.vocab.MEASURES`, longest known phrase):

* the lowest heading is what the column is: the measure it names is the column's measure (if it
  names none — 增减额 under 2024年预算数比2023年执行数 — the column's meaning is unknown);
* a 合计/小计 under a group that names a measure is that group's total (the rule of
  :mod:`nlp.columns` for two-level headers): of a source of funds → ``total`` of that source
  (财政拨款 / 合计); of a phase → ``total`` of that phase (年初预算数 / 小计); else that
  measure (本年支出 / 小计, 基本支出 / 小计 → ``basic``); under a group that names nothing the
  vocabulary knows and stands over only some of the value columns (2026年政府采购项目 / 小计) it
  is that group's total, not the row's: ``unknown`` (a heading over every value column, 收入预算 /
  合计, or one that is only a year, 2026年 / 合计, leaves it the total);
* the source of funds is the nearest heading above naming one (一般公共预算 / 基本支出), else
  the one the title names; the phase the path's (预算数 / 决算数), else the title's; the year a
  ``20xx年`` the path prints;
* a column whose meaning repeats one already taken (a second block of the same headings under
  ``上年结转结余``), or that names nothing, keeps its position with measure ``unknown``: a meaning
  is never guessed.
"""

from __future__ import annotations

import re

from nlp.columns import measure_of, phase_of
from nlp.model import Column, Phase
from nlp.normalize import squash
from nlp.vocab import FUNDING_SOURCES, MEASURES, TEXT_MEASURES

_YEAR = re.compile(r"(20\d\d)\s*年度?")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _measure(heading: str) -> str | None:
    m = measure_of(heading)
    return None if m in TEXT_MEASURES else m


def _title_source(title: str) -> str | None:
    """The most specific source of funds the table's title names (as :func:`nlp.columns.build_columns`)."""
    best, out = 0, None
    for key in FUNDING_SOURCES:
        for p in MEASURES[key].phrases:
            if len(p) >= 4 and p in squash(title) and len(p) > best:
                out, best = key, len(p)
    return out


def column_of(
    index: int,
    path: list[str],
    title_source: str | None,
    table_phase: Phase | None,
    over_all: frozenset[str] = frozenset(),
) -> Column:
    """The meaning of one value column from its headings, top to bottom (see the module doc);
    ``over_all``: the headings that stand over every value column of the table."""
    header = "".join(squash(h) for h in path)
    # the phase a heading names as its measure (预算数 / 决算数), not one inside another word (一般公共预算)
    phase = next((phase_of(h) for h in reversed(path) if _measure(h) in ("budget", "final")), table_phase)
    years = [int(m.group(1)) for h in path for m in _YEAR.finditer(h)]
    year = years[-1] if years else None
    leaf = len(path) - 1 if path and _measure(path[-1]) else None
    if leaf is None:  # the lowest heading is what the column is; the ones above only qualify it (2025年执行数 / 增减额)
        return Column(
            index=index, header=header, measure="unknown", funding_source=title_source, phase=phase, year=year
        )
    measure = _measure(path[leaf])
    above = [m for m in (_measure(h) for h in path[:leaf]) if m]
    source = next((m for m in reversed(above) if m in FUNDING_SOURCES), None)
    if measure == "total":
        group = next((m for m in reversed(above) if m != "total"), None)
        if group in FUNDING_SOURCES:
            source = group
        elif group in ("budget", "final"):
            phase = Phase.BUDGET if group == "budget" else Phase.FINAL_ACCOUNT
        elif group is not None:
            measure = group
        elif leaf > 0 and path[leaf - 1] not in over_all and _CJK.search(_YEAR.sub("", path[leaf - 1])):
            # the total of a group the vocabulary does not know (2026年政府采购项目 / 小计): not the row's total
            return Column(
                index=index, header=header, measure="unknown", funding_source=title_source, phase=phase, year=year
            )
    elif measure in ("budget", "final"):
        phase = Phase.BUDGET if measure == "budget" else Phase.FINAL_ACCOUNT
        measure = "total"
    if measure in FUNDING_SOURCES:
        source = measure
    return Column(
        index=index,
        header=header,
        measure=measure,  # type: ignore[arg-type]
        funding_source=source or title_source,
        phase=phase,
        year=year,
    )


def columns_of(paths: list[list[str]], title: str) -> list[Column]:
    """One column per path; a meaning taken twice is taken by the first column only."""
    title_source, table_phase = _title_source(title), phase_of(title)
    out: list[Column] = []
    seen: set[tuple] = set()
    over_all = frozenset.intersection(*(frozenset(p) for p in paths)) if paths else frozenset()
    for i, path in enumerate(paths):
        col = column_of(i, path, title_source, table_phase, over_all)
        key = (col.measure, col.funding_source, col.phase, col.year)
        if col.measure != "unknown" and key in seen:
            col = Column(
                index=i,
                header=col.header,
                measure="unknown",
                funding_source=title_source,
                phase=col.phase,
                year=col.year,
            )
        seen.add(key)
        out.append(col)
    return out
