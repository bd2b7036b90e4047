"""The value columns of a table without ruling lines, from where its words stand.

Figures are right-aligned in their cells (on the development PDFs 90 % of a column's figures
end within 2 pt of each other), so the figures grouped by right edge show where the printed
columns stand; a heading standing over no figure that names a measure is a column no row
prints anything in (which the figures alone cannot tell).  A heading broken over lines or
spaced out (``人员经`` / ``费``, ``合 计``) is one heading when its pieces name nothing alone
and a measure together.

Only what is certain is returned: the columns when every row's figures fall in distinct
columns left to right; the headings of each column only for a header of one level (a group
heading over several columns is often narrower than the columns it spans, and where it ends
is not the page's to say without rules — the text path reads those, :mod:`nlp.columns`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.columns import measure_of
from nlp.model import Box, TableRow
from nlp.normalize import Line, NormalizedText
from nlp.pagecolumns import TableGeometry, amount_boxes, is_heading, names_measure
from nlp.tablelines import is_meta

#: Figures whose right edges are this close (points, sorted) stand in one column.
RIGHT_EDGE_GAP = 4.0
_WORD = re.compile(r"\S+")
_LABEL_TOKEN = re.compile(r"[\u3400-\u9fff\d]{2,}")


def _hull(boxes: list[Box]) -> Box:
    return Box(
        boxes[0].page,
        min(b.x0 for b in boxes),
        min(b.top for b in boxes),
        max(b.x1 for b in boxes),
        max(b.bottom for b in boxes),
    )


def _overlaps(a: Box, b: Box) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0


def _right_edge_columns(boxes: list[Box]) -> list[Box]:
    """The printed amounts grouped by where they end (right-aligned figures share their right edge), left to right."""
    groups: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: b.x1):
        if groups and b.x1 - groups[-1][-1].x1 <= RIGHT_EDGE_GAP:
            groups[-1].append(b)
        else:
            groups.append([b])
    return [_hull(g) for g in groups]


def _column_of(columns: list[Box], box: Box) -> int | None:
    hits = [j for j, c in enumerate(columns) if _overlaps(c, box)]
    return hits[0] if len(hits) == 1 else None


def _headings(norm: NormalizedText, header: list[Line], left: float) -> list[tuple[str, Box]]:
    """The header's words right of ``left`` with their boxes, pieces of one heading joined: neighbours on a
    line (合 计) or one over the other (人员经 / 费) that name no measure alone and one together."""
    lines: list[list[tuple[str, Box]]] = []
    for line in header:
        if is_meta(line.text):
            continue
        words: list[tuple[str, Box]] = []
        for m in _WORD.finditer(line.text):
            b = norm.box_of(line.start + m.start(), line.start + m.end())
            if b is not None and is_heading(m.group()) and (b.x0 + b.x1) / 2 > left:
                if words and _joins(words[-1][0], m.group()):
                    words[-1] = (words[-1][0] + m.group(), words[-1][1].union(b))
                else:
                    words.append((m.group(), b))
        lines.append(words)
    out: list[tuple[str, Box]] = []
    for words in lines:
        for w, b in words:
            above = next(
                (k for k in range(len(out) - 1, -1, -1) if _overlaps(out[k][1], b) and out[k][1].bottom <= b.top + 1),
                None,
            )
            if above is not None and _joins(out[above][0], w):
                out[above] = (out[above][0] + w, out[above][1].union(b))
            else:
                out.append((w, b))
    return out


def _joins(a: str, b: str) -> bool:
    return measure_of(a) is None and measure_of(b) is None and measure_of(a + b) is not None


def _label_right(norm: NormalizedText, body: list[Line], first: Box) -> float:
    """Where the row labels end: the right edge of the labels standing left of the first column of figures."""
    right = 0.0
    for line in body:
        for m in _LABEL_TOKEN.finditer(line.text):
            b = norm.box_of(line.start + m.start(), line.start + m.end())
            if b is not None and b.x1 <= first.x0 + RIGHT_EDGE_GAP:
                right = max(right, b.x1)
    return right


def unruled_table(
    norm: NormalizedText, header: list[Line], body: list[Line], rows: list[TableRow]
) -> TableGeometry | None:
    """The value columns of a table without rules, and their headings when the header has one level."""
    boxes = amount_boxes(rows)
    if not boxes:
        return None
    columns = _right_edge_columns(boxes)
    if any(_overlaps(a, b) for a, b in pairwise(columns)):
        return None  # figures that do not end together (centred, or a column split): not a clear layout
    headings = _headings(norm, header, _label_right(norm, body, columns[0]))
    # a heading naming a measure over no figure: a column no row prints in
    alone = [
        b
        for w, b in headings
        if not any(_overlaps(b, c) for c in columns) and names_measure([w]) and b.x0 > columns[0].x0
    ]
    columns = sorted(columns + [_hull([b]) for b in alone], key=lambda c: c.x0)
    if any(_overlaps(a, b) for a, b in pairwise(columns)):
        return None
    for r in rows:  # every row's figures in distinct columns, left to right
        js = [_column_of(columns, c.span.box) for c in r.cells if c is not None and c.span.box is not None]
        if None in js or any(b <= a for a, b in pairwise(js)):  # type: ignore[operator]
            return None
    return TableGeometry(columns, _paths(headings, columns), ruled=False)


def _paths(headings: list[tuple[str, Box]], columns: list[Box]) -> list[list[str]] | None:
    """The heading of each column when the page says it for certain, else None.

    The pieces standing over one column only are one heading, top to bottom (事业单位 / 经营收入); a
    heading over several columns (or over none) is a group heading whose span the page does not show
    — taken as what qualifies them all when it names no measure (收入预算) and the columns under it do
    not need it: a 合计/小计 under it may be the group's total, not the row's, unless it is the first
    value column (a table's total comes before what it sums)."""
    stacks: list[list[str]] = [[] for _ in columns]
    groups: list[list[int]] = []
    for w, b in sorted(headings, key=lambda h: (h[1].top, h[1].x0)):
        over = [j for j, c in enumerate(columns) if _overlaps(b, c)]
        if len(over) == 1:
            stacks[over[0]].append(w)
        elif names_measure([w]):
            return None  # a group heading with a meaning, over columns the page does not show
        elif over:
            groups.append(over)
    if any(not s or sum(measure_of(w) is not None for w in s) > 1 for s in stacks):
        return None  # a column without a heading, or a group heading narrower than its span over it
    paths = [["".join(s)] for s in stacks]
    for over in groups:
        if any(j > 0 and measure_of(paths[j][0]) == "total" for j in over):
            return None
    return paths


def column_boxes(rows: list[TableRow], width: int) -> list[Box | None] | None:
    """The x-extent of each of ``width`` value columns from the figures alone, or None (plain text, or the page
    does not say clearly).

    1. A row printing every column has its *j*-th amount in column *j*: over such rows, a column whose amounts
       end together (right-aligned) stands where their hull is.
    2. The other columns take the groups of amounts (by right edge) that stand under no known column, in order,
       when there are exactly as many such groups as unknown columns and each fits between its neighbours.
    3. Every row printing every column must then agree; if any does not, or a column is still unknown, the
       table gets no extents (the arithmetic alone places it)."""
    if width <= 0:
        return None
    boxes = amount_boxes(rows)
    if not boxes:
        return None
    full = [r for r in rows if len(r.cells) == width and all(c is not None and c.span.box is not None for c in r.cells)]
    columns: list[Box | None] = [None] * width
    for j in range(width):
        mine = [r.cells[j].span.box for r in full]  # type: ignore[union-attr]
        if mine and max(b.x1 for b in mine) - min(b.x1 for b in mine) <= RIGHT_EDGE_GAP:  # type: ignore[union-attr]
            columns[j] = _hull(mine)  # type: ignore[arg-type]
    unknown = [j for j, c in enumerate(columns) if c is None]
    if unknown:
        known = [c for c in columns if c is not None]
        free = [g for g in _right_edge_columns(boxes) if not any(_overlaps(g, k) for k in known)]
        if len(free) != len(unknown):
            return None
        for j, group in zip(unknown, free):
            columns[j] = group
    placed = [c for c in columns if c is not None]
    if len(placed) != width or any(b.x1 <= a.x1 for a, b in pairwise(placed)):
        return None  # columns run left to right
    for r in full:  # the check
        if not all(_overlaps(columns[j], c.span.box) for j, c in enumerate(r.cells)):  # type: ignore[arg-type,union-attr]
            return None
    return columns
