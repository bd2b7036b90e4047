"""The ruling lines of a PDF page → the cells of its ruled tables.

Most published budget tables are ruled: every cell has a border.  The borders say
what the text alone cannot — which characters belong to one cell (a figure wrapped
inside a narrow cell, ``1682.7`` over ``6``; a heading broken over three lines) and
where each column stands, even a column no row prints anything in.

The lines come from PDFium (the page's path objects, form XObjects walked with their
matrices), each horizontal or vertical piece of a path an *edge*, as pdfplumber
derives edges from pdfminer's lines, rectangles and curves.  The cells are then found
by pdfplumber's own table finder (MIT; ``pdfplumber.table``: edges snapped and joined,
their crossings, the smallest rectangles those enclose — :func:`cells`, its algorithm
with its repeated work taken out — grouped into tables), with its default settings for
the ``lines`` strategy — so on the development PDFs the cells are those of pdfplumber's
``find_tables()`` (all 418 table pages), at a tenth of its cost (PDFium does the parsing).

Coordinates are display space, points from the page's top-left corner, like the
characters' boxes (:mod:`nlp.sources.pdf`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from operator import itemgetter

from nlp.sources.affine import IDENTITY, Matrix, compose

# pdfplumber's TableSettings defaults for the "lines" strategy
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
EDGE_MIN_LENGTH = 3.0
EDGE_MIN_LENGTH_PREFILTER = 1.0
INTERSECTION_TOLERANCE = 3.0
_STRAIGHT = 0.01  # a piece whose ends differ by less than this (points) across is straight (as pdfminer tests)
#: More path pieces than this on one page is no table's ruling (a drawing, a chart): the page gets no grids.
MAX_EDGES = 20_000

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom
Transform = Callable[[float, float], tuple[float, float]]


def page_edges(page, pdfium_c, to_display: Transform) -> list[dict]:
    """Every horizontal and vertical straight piece of the page's paths, as pdfplumber edge dicts."""
    out: list[dict] = []
    fm = pdfium_c.FS_MATRIX()
    px, py = ctypes.c_float(), ctypes.c_float()
    get_type, get_matrix = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetMatrix
    form, path = pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_PATH
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    count_segments, get_segment = pdfium_c.FPDFPath_CountSegments, pdfium_c.FPDFPath_GetPathSegment
    get_point, segment_type, closes = (
        pdfium_c.FPDFPathSegment_GetPoint,
        pdfium_c.FPDFPathSegment_GetType,
        pdfium_c.FPDFPathSegment_GetClose,
    )

    def edge(p: tuple[float, float], q: tuple[float, float]) -> None:
        if p == q:
            return  # a subpath closed where its last piece already ended (``re``)
        (xa, ya), (xb, yb) = to_display(*p), to_display(*q)
        if abs(ya - yb) < _STRAIGHT:
            x0, x1 = min(xa, xb), max(xa, xb)
            out.append({"x0": x0, "x1": x1, "top": ya, "bottom": ya, "width": x1 - x0, "orientation": "h"})
        elif abs(xa - xb) < _STRAIGHT:
            top, bottom = min(ya, yb), max(ya, yb)
            out.append({"x0": xa, "x1": xa, "top": top, "bottom": bottom, "height": bottom - top, "orientation": "v"})

    def walk(obj, parent: Matrix) -> None:
        kind = get_type(obj)
        if kind not in (form, path) or len(out) > MAX_EDGES:
            return
        get_matrix(obj, fm)
        a, b, c, d, e, f = m = compose((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), parent)
        if kind == form:  # a form's objects are placed by their own matrix, then the form's
            for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                walk(pdfium_c.FPDFFormObj_GetObject(obj, i), m)
            return
        start = current = None
        for i in range(count_segments(obj)):
            segment = get_segment(obj, i)
            get_point(segment, px, py)
            x, y = px.value, py.value
            point = (a * x + c * y + e, b * x + d * y + f)
            kind = segment_type(segment)
            if kind == moveto:
                start = current = point
                continue
            if kind == lineto and current is not None:
                edge(current, point)
            current = point  # a curve's end: its pieces are no ruling
            if closes(segment) and start is not None:
                edge(current, start)
                current = start

    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        walk(pdfium_c.FPDFPage_GetObject(page.raw, i), IDENTITY)
    return out


def grids(edges: list[dict]) -> list[list[Cell]]:
    """The ruled tables the edges make: each a list of cells, tables top to bottom (pdfplumber's finder)."""
    if not edges or len(edges) > MAX_EDGES:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges
    from pdfplumber.utils import filter_edges

    kept = filter_edges(edges, min_length=EDGE_MIN_LENGTH_PREFILTER)
    merged = merge_edges(kept, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    merged = filter_edges(merged, min_length=EDGE_MIN_LENGTH)
    if not any(e["orientation"] == "v" for e in merged) or not any(e["orientation"] == "h" for e in merged):
        return []
    crossings = edges_to_intersections(merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return [[tuple(float(v) for v in c) for c in table] for table in cells_to_tables(cells(crossings))]  # type: ignore[misc]


def cells(crossings: dict) -> list[Cell]:
    """``pdfplumber.table.intersections_to_cells``, the same cells in the same order, faster: each crossing's edges
    as sets once (pdfplumber builds them again for every pair of crossings it compares) and the crossings below
    and right of each one looked up, not filtered out of all the others (most of its time on a ruled page)."""
    bbox = itemgetter("x0", "top", "x1", "bottom")
    vertical = {p: {bbox(e) for e in d["v"]} for p, d in crossings.items()}
    horizontal = {p: {bbox(e) for e in d["h"]} for p, d in crossings.items()}
    points = sorted(crossings)
    same_x: dict[float, list] = {}
    same_y: dict[float, list] = {}
    for p in points:  # in (x, top) order: down a vertical line, along a horizontal one
        same_x.setdefault(p[0], []).append(p)
        same_y.setdefault(p[1], []).append(p)

    def connects(p1, p2) -> bool:
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) or (
            p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])
        )

    def smallest(pt) -> Cell | None:
        column, row = same_x[pt[0]], same_y[pt[1]]
        below = column[column.index(pt) + 1 :]
        right = row[row.index(pt) + 1 :]
        for down in below:
            if not connects(pt, down):
                continue
            for across in right:
                if not connects(pt, across):
                    continue
                corner = (across[0], down[1])
                if corner in crossings and connects(corner, across) and connects(corner, down):
                    return (pt[0], pt[1], corner[0], corner[1])
        return None

    return [c for c in map(smallest, points[:-1]) if c is not None]
