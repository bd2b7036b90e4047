"""PDF fragment identifiers (RFC 8118): ``page=N&viewrect=left,top,width,height``.

The page is 1-based; the rectangle is in points from the top-left corner of the page
as displayed (whatever its rotation), which is how :class:`nlp.model.Box` measures.
``kg.mapping`` writes one as the value of an ``oa:FragmentSelector``
(``dcterms:conformsTo`` :data:`RFC8118`) for every fact read from a PDF; ``/source``
reads it back to show the region on the rendered page.

>>> from nlp.model import Box
>>> pdf_fragment(Box(3, 72.0, 100.25, 150.5, 112.0))
'page=3&viewrect=72,100.25,78.5,11.75'
>>> parse_pdf_fragment('page=3&viewrect=72,100.25,78.5,11.75')
(3, (72.0, 100.25, 78.5, 11.75))
>>> parse_pdf_fragment('page=0&viewrect=1,2,3,4') is None
True
"""

from __future__ import annotations

import math
import re

from nlp.model import Box

RFC8118 = "http://tools.ietf.org/rfc/rfc8118"

_NUMBER = r"-?\d+(?:\.\d+)?"
_FRAGMENT = re.compile(rf"page=([1-9]\d{{0,6}})(?:&viewrect=({_NUMBER}),({_NUMBER}),({_NUMBER}),({_NUMBER}))?")


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def pdf_fragment(box: Box) -> str:
    """The RFC 8118 fragment of ``box`` (points to the hundredth)."""
    return (
        f"page={box.page}&viewrect={_num(box.x0)},{_num(box.top)},{_num(box.x1 - box.x0)},{_num(box.bottom - box.top)}"
    )


def parse_pdf_fragment(value: str) -> tuple[int, tuple[float, float, float, float] | None] | None:
    """(page, (left, top, width, height) or None) of a fragment written by :func:`pdf_fragment`; None if not one."""
    m = _FRAGMENT.fullmatch(value.strip())
    if not m:
        return None
    if m.group(2) is None:
        return int(m.group(1)), None
    rect = tuple(float(g) for g in m.group(2, 3, 4, 5))
    if not all(math.isfinite(v) for v in rect) or rect[2] < 0 or rect[3] < 0:
        return None
    return int(m.group(1)), rect  # type: ignore[return-value]
