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


def page_text(chars: list[Char], *, x_tolerance: float = X_TOLERANCE,
              y_tolerance: float = Y_TOLERANCE) -> tuple[str, list[Char | None]]:
    """The text of one page laid out as lines, and the character each of its characters came from."""
    words: list[tuple[float, float, list[Char]]] = []  # (top, x0, chars)
    for upright, run in itertools.groupby(chars, key=_UPRIGHT):
        for w in _words(list(run), upright, x_tolerance, y_tolerance):
            words.append((min([c.top for c in w]), min([c.x0 for c in w]), w))
    words.sort(key=_FIRST)
    out: list[str] = []
    sources: list[Char | None] = []
    for n, line in enumerate(_cluster(words, [w[0] for w in words], y_tolerance)):
        if n:
            out.append("\n")
            sources.append(None)
        for k, (_, _, w) in enumerate(sorted(line, key=_SECOND)):
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
    return "".join(out), sources
