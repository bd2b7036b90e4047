"""Where a table's cells and columns stand across the page, for placing amounts by geometry.

A table read from a PDF knows where every printed amount stands (``Amount.span.box``,
:mod:`nlp.sources`).  The table reader (:func:`nlp.placement.place_table`) puts an
amount into the column whose x-extent it overlaps most, and cross-checks that against
the table's arithmetic; this module supplies the extents:

* **cells** — each printed amount's box, as it stands;
* **columns** — from the amounts themselves, where that is certain (:func:`column_boxes`):
  a row that prints as many amounts as the table has value columns has its *j*-th
  amount in column *j*, and figures are right-aligned in their cells (on the
  development PDFs 90 % of a column's figures end within 2 pt of each other), so the
  figures grouped by right edge show where the columns stand.  When the page does not
  say clearly, the table gets no extents and the arithmetic alone places its amounts.

(Column headings were tried as a second source and dropped: the value headings are not
reliably the right-most words of a header line — a heading wrapped onto its own line,
a group heading over several columns — and a wrong extent outranks the arithmetic.)

Extents are in PDF points across the page (``x0``, ``x1`` of :class:`nlp.model.Box`);
a table continued over pages keeps its columns where they were (templates do).  Plain
text has no boxes: every function here then returns None, and nothing changes.
"""

from __future__ import annotations

from itertools import pairwise

from nlp.model import Box, TableRow

#: Figures whose right edges are this close (points, sorted) stand in one column (right-aligned in their cells:
#: on the development PDFs 90 % of a column's figures end within 2 pt of each other).
RIGHT_EDGE_GAP = 4.0


def cell_boxes(rows: list[TableRow]) -> dict[int, list[Box | None]] | None:
    """Row index → the box of each printed amount of that row (in printed order); None for plain text."""
    out: dict[int, list[Box | None]] = {}
    seen = False
    for i, row in enumerate(rows):
        boxes = [c.span.box if c is not None else None for c in row.cells]
        seen = seen or any(b is not None for b in boxes)
        out[i] = boxes
    return out if seen else None


def _hull(boxes: list[Box]) -> Box:
    return Box(boxes[0].page, min(b.x0 for b in boxes), min(b.top for b in boxes),
               max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def _right_edge_columns(boxes: list[Box]) -> list[Box]:
    """The printed amounts grouped by where they end (right-aligned figures share their right edge), left to right."""
    groups: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: b.x1):
        if groups and b.x1 - groups[-1][-1].x1 <= RIGHT_EDGE_GAP:
            groups[-1].append(b)
        else:
            groups.append([b])
    return [_hull(g) for g in groups]


def _overlaps(a: Box, b: Box) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0


def column_boxes(rows: list[TableRow], width: int) -> list[Box | None] | None:
    """The x-extent of each of ``width`` value columns, or None (plain text, or the page does not say clearly).

    1. A row printing every column has its *j*-th amount in column *j*: over such rows, a column whose amounts
       end together (right-aligned) stands where their hull is.
    2. The other columns take the groups of amounts (by right edge) that stand under no known column, in order,
       when there are exactly as many such groups as unknown columns and each fits between its neighbours.
    3. Every row printing every column must then agree; if any does not, or a column is still unknown, the
       table gets no extents (the arithmetic alone places it)."""
    if width <= 0:
        return None
    boxes = [c.span.box for r in rows for c in r.cells if c is not None and c.span.box is not None]
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
