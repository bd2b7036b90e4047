"""PDF affine matrices (``a b c d e f``, the row-vector convention of the PDF reference, 8.3.4): a point ``(x, y)``
maps to ``(a·x + c·y + e, b·x + d·y + f)``.  What the walks over a page's objects (:mod:`nlp.sources.rulings`,
:mod:`nlp.sources.unplaced`) use to place an object inside a form XObject on the page.
"""

from __future__ import annotations

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` then ``outer`` (an object's own matrix, then its form's).

    >>> compose((2.0, 0.0, 0.0, 2.0, 1.0, 0.0), (1.0, 0.0, 0.0, 1.0, 0.0, 5.0))
    (2.0, 0.0, 0.0, 2.0, 1.0, 5.0)
    """
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """Where ``m`` maps the point ``(x, y)``.

    >>> apply((2.0, 0.0, 0.0, 2.0, 1.0, 5.0), 3.0, 4.0)
    (7.0, 13.0)
    """
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
