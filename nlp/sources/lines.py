"""Characters with positions → lines of text, as pdfplumber lays them out.

The text reader was built and measured on text as pdfplumber 0.11's
``page.extract_text()`` gives it, so a page read from its characters here comes out
the same way, character for character (20 of the 21 development PDFs identically;
see bench/bench_pdf.py), and every character keeps its box.  The rules, from
``pdfplumber.utils.text`` (MIT):

1. characters are taken in content-stream order, in runs of the same uprightness;
2. in a run, characters whose ``top`` lie within ``y_tolerance`` of each other
   (single-linkage over the sorted values) form a line, sorted by ``x0``;
   rotated runs swap the axes;
3. a line splits into words at white space, where a character starts left of the
   previous one, more than ``x_tolerance`` right of its end, or more than
   ``y_tolerance`` above or below it;
4. all words of the page are clustered into lines by ``top`` the same way, sorted
   by ``x0`` and joined by one space; lines are joined by a newline.

Spaces and newlines this adds come from no character (None); ligatures (ﬁ) expand
to their letters, each from the ligature.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from operator import attrgetter, itemgetter

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs a third of reading a page
class Char:
    """One character on a page, in display coordinates (points from the top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    upright: bool = True


_X0, _TOP, _UPRIGHT = attrgetter("x0"), attrgetter("top"), attrgetter("upright")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _cluster_ids(values, tolerance: float) -> dict[float, int]:
    """Value → cluster number: sorted distinct values chained while each is within ``tolerance`` of the last."""
    ids: dict[float, int] = {}
    group, last = -1, None
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            group += 1
        ids[v] = group
        last = v
    return ids


def _cluster(items: list, keys: list[float], tolerance: float) -> list[list]:
    """Group ``items`` by their clustered ``keys``, clusters in order, items keeping their order within one."""
    ids = _cluster_ids(keys, tolerance)
    numbered = sorted(range(len(items)), key=lambda i: ids[keys[i]])  # stable: content order within a cluster
    out: list[list] = []
    last = None
    for i in numbered:
        group = ids[keys[i]]
        if group != last:
            out.append([])
            last = group
        out[-1].append(items[i])
    return out


def _words(chars: list[Char], upright: bool, xt: float, yt: float) -> list[list[Char]]:
    """Words of one run of equally upright characters (rules 2 and 3)."""
    if upright:
        lines = _cluster(chars, [c.top for c in chars], yt)
        line_sort = _X0
    else:  # rotated text: lines are columns, read top to bottom
        lines = _cluster(chars, [c.x0 for c in chars], xt)
        line_sort = _TOP
    words: list[list[Char]] = []
    for line in lines:
        word: list[Char] = []
        for c in sorted(line, key=line_sort):
            if c.text.isspace():
                if word:
                    words.append(word)
                    word = []
                continue
            if word:
                p = word[-1]
                if upright:
                    new = c.x0 < p.x0 or c.x0 > p.x1 + xt or abs(c.top - p.top) > yt
                else:
                    new = c.top < p.top or c.top > p.bottom + yt or abs(c.x0 - p.x0) > xt
                if new:
                    words.append(word)
                    word = []
            word.append(c)
        if word:
            words.append(word)
    return words


def _line_text(words: list[list[Char]], out: list[str], sources: list[Char | None]) -> None:
    """Words of one line, left to right, joined by one space (rule 4)."""
    for k, w in enumerate(words):
        if k:
            out.append(" ")
            sources.append(None)
        for c in w:
            if c.text in LIGATURES:
                for letter in LIGATURES[c.text]:
                    out.append(letter)
                    sources.append(c)
            else:
                out.append(c.text)
                sources.append(c)


def _page_words(chars: list[Char], xt: float, yt: float) -> list[tuple[float, float, list[Char]]]:
    """(top, x0, characters) of every word, sorted by top."""
    words: list[tuple[float, float, list[Char]]] = []
    for upright, run in itertools.groupby(chars, key=_UPRIGHT):
        for w in _words(list(run), upright, xt, yt):
            words.append((min([c.top for c in w]), min([c.x0 for c in w]), w))
    words.sort(key=_FIRST)
    return words


def _joins_with_space(before: str, after: str) -> bool:
    """Lines of one cell are one text: a figure or a Chinese word wrapped in a narrow cell continues
    (``1682.7`` / ``6``, ``人员经`` / ``费``); only Latin words wrapped keep a space between them."""
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


def _cell_text(chars: list[Char], xt: float, yt: float) -> tuple[str, list[Char | None]]:
    """The text of one ruled cell: its lines laid out as on a page, joined into one."""
    out: list[str] = []
    sources: list[Char | None] = []
    tops = [c.top for c in chars]
    if max(tops) - min(tops) <= yt and all(c.upright for c in chars):
        # one line (most cells): its words left to right, as rules 2–4 would give them, without the clustering
        row_words: list[list[Char]] = [[]]
        for c in sorted(chars, key=_X0):
            if c.text.isspace() or (row_words[-1] and c.x0 > row_words[-1][-1].x1 + xt):
                if row_words[-1]:
                    row_words.append([])
                if c.text.isspace():
                    continue
            row_words[-1].append(c)
        _line_text([w for w in row_words if w], out, sources)
        return "".join(out), sources
    words = _page_words(chars, xt, yt)
    for line in _cluster(words, [w[0] for w in words], yt):
        ws = [w for _, _, w in sorted(line, key=_SECOND)]
        if out and _joins_with_space(out[-1][-1], ws[0][0].text[:1]):
            out.append(" ")
            sources.append(None)
        _line_text(ws, out, sources)
    return "".join(out), sources


def _slot(edges: list[float], v: float) -> int:
    """Index of the interval of sorted ``edges`` holding ``v`` (-1 outside), ``[edge, next edge)``."""
    i = bisect.bisect_right(edges, v) - 1
    return i if 0 <= i < len(edges) - 1 else -1


class _Grid:
    """One ruled table of a page (cells from :mod:`nlp.sources.rulings`): which cell a point falls in."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.cells = sorted(cells, key=lambda c: (c[1], c[0]))
        self.xs = sorted({v for c in cells for v in (c[0], c[2])})
        self.ys = sorted({v for c in cells for v in (c[1], c[3])})
        self.at: dict[tuple[int, int], int] = {}
        for k, (x0, top, x1, bottom) in enumerate(self.cells):
            for i in range(self.xs.index(x0), self.xs.index(x1)):
                for j in range(self.ys.index(top), self.ys.index(bottom)):
                    self.at[(i, j)] = k

    def cell_of(self, c: Char) -> int | None:
        """The cell holding the character's middle (pdfplumber's rule), or None — also for a cell as wide as
        the whole table: a title or a caption ruled in with it, whose lines stay lines."""
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        if not (self.xs[0] <= x < self.xs[-1] and self.ys[0] <= y < self.ys[-1]):
            return None
        k = self.at.get((_slot(self.xs, x), _slot(self.ys, y)))
        if k is None or (self.cells[k][0] <= self.xs[0] and self.cells[k][2] >= self.xs[-1] and len(self.xs) > 2):
            return None
        return k


def page_text(
    chars: list[Char], *, grids: list | tuple = (), x_tolerance: float = X_TOLERANCE, y_tolerance: float = Y_TOLERANCE
) -> tuple[str, list[Char | None]]:
    """The text of one page laid out as lines, and the character each of its characters came from.

    ``grids``: the page's ruled tables (lists of cells, :func:`nlp.sources.rulings.grids`).  Each row of
    cells is one line — the cells left to right, each cell's text joined over its lines (one space between
    cells) — so a figure or a heading wrapped inside its cell is whole, and a row whose label wraps is one
    line; the rest of the page is laid out as pdfplumber lays it out."""
    tables = [_Grid(g) for g in grids if len(g) > 1]
    loose: list[Char] = []
    in_cells: dict[tuple[int, int], list[Char]] = {}
    for c in chars:
        for t, grid in enumerate(tables):
            k = grid.cell_of(c)
            if k is not None:
                in_cells.setdefault((t, k), []).append(c)
                break
        else:
            loose.append(c)
    # (top, x0, rendering) of every line: the loose words clustered as on a page, each row of cells one line
    lines: list[tuple[float, float, list[tuple[str, list[Char | None]]]]] = []
    words = _page_words(loose, x_tolerance, y_tolerance)
    for line in _cluster(words, [w[0] for w in words], y_tolerance):
        ws = [w for _, _, w in sorted(line, key=_SECOND)]
        out: list[str] = []
        src: list[Char | None] = []
        _line_text(ws, out, src)
        lines.append((min(w[0] for w in line), min(w[1] for w in line), [("".join(out), src)]))
    for t, grid in enumerate(tables):
        for _, row in itertools.groupby(range(len(grid.cells)), key=lambda k: grid.cells[k][1]):
            texts = [_cell_text(in_cells[(t, k)], x_tolerance, y_tolerance) for k in row if (t, k) in in_cells]
            texts = [tx for tx in texts if tx[0]]
            if texts:
                top = min(c.top for _, src in texts for c in src if c is not None)
                lines.append((top, grid.cells[0][0], texts))
    lines.sort(key=lambda ln: (ln[0], ln[1]))
    text: list[str] = []
    sources: list[Char | None] = []
    for n, (_, _, pieces) in enumerate(lines):
        for k, (piece, src) in enumerate(pieces):
            if n or k:
                text.append("\n" if k == 0 else " ")
                sources.append(None)
            text.append(piece)
            sources.extend(src)
    return "".join(text), sources
