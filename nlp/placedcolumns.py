"""A ruled table's columns from the headings standing over them on the page (:mod:`nlp.geometry`).

:func:`columns_by_place` reads the whole table's headings as :mod:`nlp.headergrid` reads a
header from text, with the sums their nesting says; :func:`sides_by_place` reads a 收支总表 one
half (收入 | 支出) at a time, each from the headings over its own columns, and says where each
column stands across the page.  A meaning is never guessed: a column whose meaning repeats one
taken is ``unknown``, and where the headings name nothing known the caller falls back to the
header text.
"""

from __future__ import annotations

from nlp import columnpaths, geometry, headermeaning
from nlp import columns as columns_mod
from nlp.model import Column
from nlp.pagecolumns import TableGeometry
from nlp.placement import Extent
from nlp.vocab import FUNDING_SOURCES


def columns_by_place(paths: list[list[str]], title: str) -> tuple[list[Column], list[tuple[int, list[int]]] | None]:
    """The columns the headings over each column name (a ruled table read by geometry), read as
    :mod:`nlp.headergrid` reads a header from text, with the sums its nesting says; a meaning
    taken twice is taken by the first column only."""
    # a heading over every value column that names a source of funds, a phase or nothing is the
    # table's scope (一般公共预算基本支出 over 合计 人员经费 公用经费), as a title is: what it says
    # holds for every column, its 合计 is the row's; one naming a measure (2026年基本支出) is that
    # measure's group, its 合计 that measure
    scope = 0
    while (
        len(paths) > 1
        and all(len(p) > scope + 1 and p[scope] == paths[0][scope] for p in paths)
        and columns_mod.measure_of(paths[0][scope]) in (None, "budget", "final", *FUNDING_SOURCES)
    ):
        scope += 1
    over = "".join(paths[0][:scope])
    source = columns_mod.source_of_title(over) or columns_mod.source_of_title(title)
    phase = columns_mod.phase_of(over) or columns_mod.phase_of(title)
    lay = headermeaning.from_paths([p[scope:] for p in paths])
    cols = lay.meanings(source, phase)
    seen: set[tuple] = set()
    for i, c in enumerate(cols):
        key = (c.measure, c.funding_source, c.phase, c.year, c.qualifier)
        if c.measure != "unknown" and key in seen:
            cols[i] = Column(
                index=i, header=c.header, measure="unknown", funding_source=c.funding_source, phase=c.phase, year=c.year
            )
        seen.add(key)
    if all(c.measure == "unknown" for c in cols):
        return columnpaths.columns_of(paths, title), None
    return cols, headermeaning.sums(lay, cols)


def sides_by_place(halves: list[TableGeometry] | None, title: str) -> tuple[list[Column], list[Extent | None]] | None:
    """A ruled 收支总表's columns, each half's from the headings over its columns (:func:`columns_by_place`), and
    where each stands across the page; None when the rules do not say or a half's headings name nothing known."""
    if halves is None:
        return None
    cols: list[Column] = []
    extents: list[Extent | None] = []
    for side, half in zip(geometry.SIDES, halves):
        if half.paths is None:
            return None
        mine, _ = columns_by_place(half.paths, title)
        if all(c.measure == "unknown" for c in mine):
            return None
        for c, box in zip(mine, half.columns):
            c.index, c.side = len(cols), side
            cols.append(c)
            extents.append(Extent.of(box))
    return cols, extents
