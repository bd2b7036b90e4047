"""Where a table's value columns stand across the page, and which headings stand over each.

A table read from a PDF knows where every character stands (:mod:`nlp.sources`), so its
columns need not be guessed from the order of the words on a line:

* a **ruled** table (most published tables: every cell has a border) has its columns between
  its vertical rules — :data:`nlp.normalize.NormalizedText.grids`, found by
  :mod:`nlp.sources.rulings` — and every heading cell spans exactly the columns under it, so
  each value column has its *path* of headings, top to bottom (``当年预算`` / ``基本支出`` /
  ``小计``); a column no row prints anything in is there all the same;
* an **unruled** table has its columns where its figures stand (right-aligned: they end
  together) and where its headings stand (:mod:`nlp.wordcolumns`).

The table reader (:func:`nlp.tables.read_table`) takes the meaning of each column from its
path (:mod:`nlp.columnpaths`) and hands the extents to :func:`nlp.placement.place_table`,
which puts each amount into the column it stands in and cross-checks that against the
table's arithmetic (W311); the same assembly code reads text and PDF.  Plain text has no
boxes: :func:`read` returns None and nothing changes.

Extents are in PDF points across the page (``x0``, ``x1`` of :class:`nlp.model.Box`); a table
continued over pages keeps its columns where they were (templates do).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from nlp.model import Box, Grid, TableRow
from nlp.normalize import Line, NormalizedText, squash
from nlp.pagecolumns import TableGeometry, amount_boxes, is_heading, names_measure
from nlp.tablelines import is_meta
from nlp.wordcolumns import column_boxes, unruled_table

#: Ruling lines this close (points) across pages or cells are one edge of a column.
EDGE_GAP = 2.0
_LABEL_TOKEN = re.compile(r"[\u3400-\u9fff]{2,}")  # a row label (two Chinese characters or more)

Cell = tuple[float, float, float, float]


def read(norm: NormalizedText, header: list[Line], body: list[Line], rows: list[TableRow]) -> TableGeometry | None:
    """The value columns of a table read from a laid-out source: from its ruling lines if it has them,
    else from where its words stand; None for plain text or when the page does not say clearly."""
    if norm.raw_boxes is None or not amount_boxes(rows):
        return None
    if norm.grids:
        ruled = ruled_table(norm, header, body, rows)
        if ruled is not None or _in_grids(norm.grids, amount_boxes(rows)):
            return ruled  # a ruled table the rules cannot read is not read from its words either
    return unruled_table(norm, header, body, rows)


# -- ruled tables -------------------------------------------------------------------------------


def _grid_of(grids: tuple[Grid, ...], box: Box) -> Grid | None:
    """The ruled table whose cells hold the middle of ``box``."""
    x, y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    for g in grids:
        if g.page == box.page and any(c[0] <= x < c[2] and c[1] <= y < c[3] for c in g.cells):
            return g
    return None


def _in_grids(grids: tuple[Grid, ...], boxes: list[Box]) -> bool:
    return all(_grid_of(grids, b) is not None for b in boxes)


def _grids_under(grids: tuple[Grid, ...], boxes: list[Box]) -> list[Grid] | None:
    """The ruled tables the boxes stand in, in the order first met; None when one stands in none."""
    used: list[Grid] = []
    for b in boxes:
        g = _grid_of(grids, b)
        if g is None:
            return None
        if g not in used:
            used.append(g)
    return used


def _edges(values: list[float]) -> list[float]:
    """Sorted x positions with those within :data:`EDGE_GAP` of the previous merged into one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_GAP:
            out.append(v)
    return out


def _same_columns(grids: list[Grid], left: float) -> bool:
    """Whether the grids have the same vertical rules from ``left`` on (within :data:`EDGE_GAP`)."""
    rules = [[x for x in _edges([v for c in g.cells for v in (c[0], c[2])]) if x >= left - EDGE_GAP] for g in grids]
    return all(len(r) == len(rules[0]) and all(abs(a - b) <= EDGE_GAP for a, b in zip(r, rules[0])) for r in rules[1:])


def _cell_at(cells: list[Cell], box: Box) -> Cell | None:
    x, y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return next((c for c in cells if c[0] <= x < c[2] and c[1] <= y < c[3]), None)


def ruled_table(
    norm: NormalizedText, header: list[Line], body: list[Line], rows: list[TableRow]
) -> TableGeometry | None:
    """The value columns of a ruled table and their headings, or None when an amount stands outside every
    ruled table, or the layout is not one block of labels followed by value columns (blocks side by side).

    Value columns run from the first column an amount of the table stands in to the last, and on over
    columns at the right whose headings name a measure (columns no row prints in); the columns are the
    spaces between the vertical rules over every page the table runs on.  The headings of a column are
    the header cells over it on the page the table starts on; a cell that reaches over the label columns
    (a title or a caption ruled in with the table) heads no value column, nor do column numbers."""
    boxes = amount_boxes(rows)
    used = _grids_under(norm.grids, boxes)
    if used is None:
        return None
    xs = _edges([v for g in used for c in g.cells for v in (c[0], c[2])])
    slots = [bisect_right(xs, (b.x0 + b.x1) / 2) - 1 for b in boxes]
    first, last = min(slots), max(slots)
    if first < 0 or last >= len(xs) - 1:
        return None
    if not _same_columns(used, xs[first]):
        return None  # a table continued over pages keeps its columns (templates do); if not, the rules do not say
    heading = _headings(norm, header, boxes, xs, xs[first])
    if heading is None:
        return None
    grid, path = heading
    paths = [path(j) for j in range(first, last + 1)]
    while last + 2 < len(xs) and names_measure(path(last + 1)):
        last += 1
        paths.append(path(last))
    if _labels_among(
        norm,
        header,
        body,
        lambda b: _grid_of(tuple(used), b) is not None and first <= bisect_right(xs, (b.x0 + b.x1) / 2) - 1 <= last,
    ):
        return None
    return TableGeometry([Box(grid.page, xs[j], 0.0, xs[j + 1], 0.0) for j in range(first, last + 1)], paths)


#: The halves of a 收支总表, left to right: what comes in (收入), what goes out (支出).
SIDES = ("income", "expenditure")


def ruled_sides(
    norm: NormalizedText, header: list[Line], body: list[Line], rows: list[TableRow]
) -> list[TableGeometry] | None:
    """The value columns of each half of a ruled 收支总表 (收入 on the left, 支出 on the right, each with its own
    column of labels) and the headings over each, or None when the rules do not say.

    Each half runs from the first column its amounts stand in to the last, and on over columns at its right
    whose headings name a measure, up to the other half's labels (a 支出 half printing only 合计 and 一般公共预算
    still has its 政府性基金预算 column).  A heading is a column's when it stands over that half only: 本年收入
    or 本年支出 over a half's labels and figures is its caption, as a title is, and 预算数 over every column of
    one half is that half's scope."""
    if norm.raw_boxes is None or not norm.grids:
        return None
    halves = [amount_boxes([r for r in rows if r.side == side]) for side in SIDES]
    if not all(halves):
        return None
    used = _grids_under(norm.grids, halves[0] + halves[1])
    if used is None:
        return None
    xs = _edges([v for g in used for c in g.cells for v in (c[0], c[2])])
    spans = []
    for boxes in halves:
        slots = [bisect_right(xs, (b.x0 + b.x1) / 2) - 1 for b in boxes]
        spans.append((min(slots), max(slots)))
    (income_first, income_last), (spent_first, spent_last) = spans
    if income_first < 0 or spent_last >= len(xs) - 1 or income_last >= spent_first:
        return None
    if not _same_columns(used, xs[income_first]):
        return None
    out: list[TableGeometry] = []
    for (first, last), end, boxes in zip(spans, (spent_first, len(xs) - 1), halves):
        heading = _headings(norm, header, boxes, xs, xs[first], xs[end])
        if heading is None:
            return None
        grid, path = heading
        paths = [path(j) for j in range(first, last + 1)]
        while last + 1 < end and names_measure(path(last + 1)):
            last += 1
            paths.append(path(last))
        left, right = xs[first], xs[last + 1]
        if _labels_among(
            norm,
            header,
            body,
            lambda b, lo=left, hi=right: (
                _grid_of(tuple(used), b) is not None and lo - EDGE_GAP <= b.x0 <= hi + EDGE_GAP
            ),
        ):
            return None
        out.append(TableGeometry([Box(grid.page, xs[j], 0.0, xs[j + 1], 0.0) for j in range(first, last + 1)], paths))
    return out


def _headings(
    norm: NormalizedText, header: list[Line], boxes: list[Box], xs: list[float], left: float, right: float | None = None
):
    """``(grid, path)``: the ruled table the first amount stands in, and ``path(j)``, the headings over the
    space between the vertical rules ``xs[j]`` and ``xs[j + 1]``, top to bottom — read from the header cells above the
    first amount's cell that stand between ``left`` and ``right`` (a cell reaching over the row labels, a title
    or a caption ruled in with the table, heads no value column); None when the page does not say."""
    top = min(boxes, key=lambda b: (b.page, b.top))
    grid = _grid_of(norm.grids, top)
    start = _cell_at(list(grid.cells), top) if grid else None
    if grid is None or start is None:
        return None
    heads = [
        c
        for c in grid.cells
        if c[3] <= start[1] + EDGE_GAP and c[0] >= left - EDGE_GAP and (right is None or c[2] <= right + EDGE_GAP)
    ]
    texts: dict[Cell, list[str]] = {}
    for line in header:  # the text of each header cell, in reading order
        for k, ch in enumerate(line.text):
            at = norm.box_of(line.start + k, line.start + k + 1)
            if at is not None and at.page == grid.page and not ch.isspace():
                c = _cell_at(heads, at)
                if c is not None:
                    texts.setdefault(c, []).append(ch)

    def path(j: int) -> list[str]:
        mid = (xs[j] + xs[j + 1]) / 2
        words = ["".join(texts.get(c, [])) for c in sorted(heads, key=lambda c: c[1]) if c[0] <= mid < c[2]]
        return [w for w in words if is_heading(w)]

    return grid, path


def _labels_among(norm: NormalizedText, header: list[Line], body: list[Line], inside) -> bool:
    """Whether a row label of the body stands among the value columns (``inside`` a box): blocks of
    labels and figures side by side (人员经费 | 公用经费), which the text path reads group by group."""
    repeated = {squash(ln.text) for ln in header}
    for line in body:
        if squash(line.text) in repeated or is_meta(line.text):
            continue  # the header printed again on the next page
        for m in _LABEL_TOKEN.finditer(line.text):
            b = norm.box_of(line.start + m.start(), line.start + m.end())
            if b is not None and inside(b):
                return True
    return False


# -- extents for placement ------------------------------------------------------------------------


def extents(rows: list[TableRow], width: int, geometry: TableGeometry | None = None):
    """``(cell_extents, column_extents)`` for :func:`nlp.placement.place_table`: the columns the page
    shows when they are the table's ``width``, else where the figures alone place them
    (:func:`nlp.wordcolumns.column_boxes`); ``(None, None)`` for plain text or when geometry cannot say.

    A printed cell with no amount (a dash, a percentage, damage) has no box of its own: it gets the
    extent of the first free column after its left neighbour's, when the row leaves one before its
    right neighbour's."""
    from nlp.placement import Extent

    if not amount_boxes(rows):
        return None, None
    columns = geometry.columns if geometry is not None and len(geometry.columns) == width else column_boxes(rows, width)
    if columns is None:
        return None, None
    column_extents = [Extent.of(b) for b in columns]
    cells = {i: [c.span.box if c is not None else None for c in row.cells] for i, row in enumerate(rows)}
    return {i: _fill(bs, column_extents) for i, bs in cells.items()}, column_extents


def _fill(boxes: list[Box | None], columns: list) -> list:
    from nlp.placement import Extent

    def column(b: Box) -> int:
        e = Extent(b.x0, b.x1)
        return max(range(len(columns)), key=lambda j: (columns[j].overlap(e), -abs(columns[j].centre - e.centre)))

    out = [Extent.of(b) for b in boxes]
    taken = [column(b) if b is not None else None for b in boxes]
    for k, b in enumerate(boxes):
        if b is not None:
            continue
        left = max((t for t in taken[:k] if t is not None), default=-1)
        right = min((t for t in taken[k + 1 :] if t is not None), default=len(columns))
        if left + 1 < right:
            taken[k] = left + 1
            out[k] = columns[left + 1]
    return out
