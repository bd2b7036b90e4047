"""The ruling lines of a PDF page → the cells of its ruled tables.

Most published budget tables are ruled: every cell has a border.  The borders say
what the text alone cannot — which characters belong to one cell (a figure wrapped
inside a narrow cell, ``1682.7`` over ``6``; a heading broken over three lines) and
where each column stands, even a column no row prints anything in.

The lines come from PDFium (the page's path objects, form XObjects walked with their
matrices), each horizontal or vertical piece of a path an *edge*, as pdfplumber
derives edges from pdfminer's lines, rectangles and curves.  The cells are then found
by pdfplumber's own table finder (MIT; ``pdfplumber.table``: edges snapped and joined,
their crossings, the smallest rectangles those enclose, grouped into tables), with its
default settings for the ``lines`` strategy — so on the development PDFs the cells are
those of pdfplumber's ``find_tables()`` (all 418 table pages), at a tenth of its cost
(PDFium does the parsing).

Coordinates are display space, points from the page's top-left corner, like the
characters' boxes (:mod:`nlp.sources.pdf`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

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
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(m: tuple, n: tuple) -> tuple:
    """The affine map ``m`` followed by ``n`` (PDF matrices ``a b c d e f``: x' = a·x + c·y + e)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def page_edges(page, pdfium_c, to_display: Transform) -> list[dict]:
    """Every horizontal and vertical straight piece of the page's paths, as pdfplumber edge dicts."""
    out: list[dict] = []
    fm = pdfium_c.FS_MATRIX()
    px, py = ctypes.c_float(), ctypes.c_float()
    get_type, get_matrix = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetMatrix
    form, path = pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_PATH
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO

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

    def walk(obj, parent: tuple) -> None:
        kind = get_type(obj)
        if kind not in (form, path) or len(out) > MAX_EDGES:
            return
        get_matrix(obj, fm)
        a, b, c, d, e, f = m = _then((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), parent)
        if kind == form:  # a form's objects are placed by their own matrix, then the form's
            for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                walk(pdfium_c.FPDFFormObj_GetObject(obj, i), m)
            return
        start = current = None
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            pdfium_c.FPDFPathSegment_GetPoint(segment, px, py)
            x, y = px.value, py.value
            point = (a * x + c * y + e, b * x + d * y + f)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == moveto:
                start = current = point
                continue
            if kind == lineto and current is not None:
                edge(current, point)
            current = point  # a curve's end: its pieces are no ruling
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                edge(current, start)
                current = start

    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        walk(pdfium_c.FPDFPage_GetObject(page.raw, i), _IDENTITY)
    return out


def grids(edges: list[dict]) -> list[list[Cell]]:
    """The ruled tables the edges make: each a list of cells, tables top to bottom (pdfplumber's finder)."""
    if not edges or len(edges) > MAX_EDGES:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    kept = filter_edges(edges, min_length=EDGE_MIN_LENGTH_PREFILTER)
    merged = merge_edges(kept, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    merged = filter_edges(merged, min_length=EDGE_MIN_LENGTH)
    if not any(e["orientation"] == "v" for e in merged) or not any(e["orientation"] == "h" for e in merged):
        return []
    crossings = edges_to_intersections(merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return [[tuple(float(v) for v in c) for c in table] for table in cells_to_tables(intersections_to_cells(crossings))]  # type: ignore[misc]
