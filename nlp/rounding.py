"""Rounding (尾数误差): how far printed figures may miss each other without any of them being wrong.

The one definition of the tolerance, used by :mod:`nlp.discrepancy` (the report's own
discrepancies, :mod:`nlp.reconcile`), :mod:`nlp.placement` (which placements of a row's amounts add up) and
``kg.validate`` (through the ``nlp`` entry point); the SHACL-SPARQL of ``shapes/report.ttl``
writes the same rule for two-decimal figures, and a test keeps its step table equal to
:data:`STEP_YUAN`.

Every printed figure is rounded to its last printed digit, its *quantum* (0.01 万元 = 100 元),
so it is off by at most half a quantum.  A printed figure compared with the sum of ``n``
others may therefore miss it by half a quantum per figure taking part; differences are whole
quanta, so with one quantum ``q`` for all that is ⌊(n + 1) / 2⌋ · q.  One figure against one
other of the same quantum (a parent with a single child, the same total printed in two
tables) is the same number rounded the same way: no tolerance.

>>> [rounding_tolerance([Decimal(100)] * (n + 1)) for n in (1, 2, 3, 5)]
[Decimal('0'), Decimal('100'), Decimal('200'), Decimal('300')]
>>> rounding_tolerance([Decimal(10000), Decimal("0.01")])  # 317万元 in the text against 3,168,452.00 元
Decimal('5000.005')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from nlp.vocab import UNITS

#: One quantum of a figure printed with two decimals, in yuan, per printed unit.
STEP_YUAN: dict[str, Decimal] = {
    "元": Decimal("0.01"),
    "千元": Decimal("10"),
    "万元": Decimal("100"),
    "亿元": Decimal("1000000"),
}


@lru_cache(maxsize=65536)
def quantum(printed: str, unit: str) -> Decimal:
    """The rounding step of a printed figure, in yuan (``"3,367.47"`` 万元 → 100)."""
    t = printed.strip().rstrip(")）")
    places = len(t.split(".", 1)[1]) if "." in t else 0
    return Decimal(1).scaleb(-places) * UNITS[unit]


def rounding_tolerance(quanta: Sequence[Decimal]) -> Decimal:
    """The difference rounding alone explains between a printed figure and the sum of others
    (``quanta``: the quantum of every figure taking part, the compared one included)."""
    if len(quanta) <= 1:
        return Decimal(0)
    first = quanta[0]
    if all(q == first for q in quanta):
        return (len(quanta) // 2 if len(quanta) > 2 else 0) * first
    return sum(quanta, Decimal(0)) / 2
