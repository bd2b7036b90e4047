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

import itertools
from dataclasses import dataclass

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


@dataclass(frozen=True, slots=True)
class Char:
    """One character on a page, in display coordinates (points from the top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    upright: bool = True


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


def _cluster(items: list, key, tolerance: float) -> list[list]:
    """Group ``items`` by clustered ``key``, clusters in order, items keeping their order within one."""
    ids = _cluster_ids((key(x) for x in items), tolerance)
    ordered = sorted(items, key=lambda x: ids[key(x)])  # stable: content order within a cluster
    return [list(g) for _, g in itertools.groupby(ordered, key=lambda x: ids[key(x)])]


def _words(chars: list[Char], upright: bool, xt: float, yt: float) -> list[list[Char]]:
    """Words of one run of equally upright characters (rules 2 and 3)."""
    if upright:
        lines = _cluster(chars, lambda c: c.top, yt)
        line_sort = lambda c: c.x0  # noqa: E731
    else:  # rotated text: lines are columns, read top to bottom
        lines = _cluster(chars, lambda c: c.x0, xt)
        line_sort = lambda c: c.top  # noqa: E731
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


def page_text(chars: list[Char], *, x_tolerance: float = X_TOLERANCE,
              y_tolerance: float = Y_TOLERANCE) -> tuple[str, list[Char | None]]:
    """The text of one page laid out as lines, and the character each of its characters came from."""
    words: list[tuple[float, float, list[Char]]] = []  # (top, x0, chars)
    for upright, run in itertools.groupby(chars, key=lambda c: c.upright):
        for w in _words(list(run), upright, x_tolerance, y_tolerance):
            words.append((min(c.top for c in w), min(c.x0 for c in w), w))
    words.sort(key=lambda w: w[0])
    out: list[str] = []
    sources: list[Char | None] = []
    for n, line in enumerate(_cluster(words, lambda w: w[0], y_tolerance)):
        if n:
            out.append("\n")
            sources.append(None)
        for k, (_, _, w) in enumerate(sorted(line, key=lambda w: w[1])):
            if k:
                out.append(" ")
                sources.append(None)
            for c in w:
                for letter in LIGATURES.get(c.text, c.text):
                    out.append(letter)
                    sources.append(c)
    return "".join(out), sources
