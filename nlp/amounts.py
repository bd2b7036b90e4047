"""Printed amounts → exact :class:`~decimal.Decimal` yuan.

A table cell is one whitespace-free token after normalisation (``nlp.normalize``
has already joined ``3, 367. 47`` into ``3,367.47`` and turned full-width digits
into ASCII).  :func:`parse_amount` accepts only what a budget table prints:

* ``3,367.47`` / ``3367.47`` / ``0.00`` / ``0`` / ``12`` (thousands separators must
  be in the right places: ``3,36.47`` is refused);
* a leading minus ``-1.5`` or ``−1.5``, or parentheses ``(1.50)`` / ``（1.50）``
  for a negative amount;
* a dash alone (``-``, ``—``, ``－``, ``–``) means "nothing printed": the cell is
  empty, not zero (:data:`EMPTY`).

Anything else (``68.8б``, ``3×``, ``Ţ``) is OCR garbage: :func:`parse_amount`
returns ``None`` and the caller warns; a number is never guessed.

A number beyond :data:`MAX_AMOUNT_YUAN` (10¹⁵ yuan — a thousand trillion, more than any
government's whole budget; ``$BUDGETKG_MAX_AMOUNT_YUAN`` changes it) is damage or a hostile
file, not a budget line: :func:`parse_amount` returns :data:`IMPLAUSIBLE` and the caller warns
(W309).  Stored, such a figure would overflow ``xsd:decimal`` in the store and silently drop out
of sums; scaled without a bound, two million digits overflow Decimal itself.

>>> parse_amount("3,367.47", "万元")
Decimal('33674700.00')
>>> parse_amount("0.05", "万元")
Decimal('500.00')
>>> parse_amount("(1.50)", "元")
Decimal('-1.50')
>>> parse_amount("3×", "万元") is None
True
>>> parse_amount("—", "万元") is EMPTY
True
>>> parse_amount("1" + "0" * 12 + ".00", "万元") is IMPLAUSIBLE  # 10¹⁶ yuan
True
"""

from __future__ import annotations

import os
import re
from decimal import Decimal, localcontext

from nlp.vocab import UNITS

_NUMBER = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")
_DASH = re.compile(r"^[-—–－‐―]+$")
_MINUS = "-−－"


class _Empty:
    """Marker for a cell printed as a dash: present, but no amount."""

    def __repr__(self) -> str:
        return "EMPTY"


EMPTY = _Empty()


class _Implausible:
    """Marker for a cell whose figure is beyond :data:`MAX_AMOUNT_YUAN`: printed, but not used."""

    def __repr__(self) -> str:
        return "IMPLAUSIBLE"


IMPLAUSIBLE = _Implausible()

#: The largest amount, in yuan, a cell may hold and be used (see the module docstring).
MAX_AMOUNT_YUAN = Decimal(os.environ.get("BUDGETKG_MAX_AMOUNT_YUAN", "1E15"))


def shown(text: str, limit: int = 24) -> str:
    """A printed cell for a message: whole when short, else its start and its length."""
    t = text.strip()
    return repr(t) if len(t) <= limit else f"{t[:limit]!r}… ({len(t)} characters)"


def unit_factor(unit: str) -> int:
    """Yuan per printed unit: 万元 → 10000.  Unknown units raise ``KeyError``."""
    return UNITS[unit]


def is_dash(text: str) -> bool:
    return bool(_DASH.match(text.strip()))


def parse_number(text: str) -> Decimal | None:
    """The printed number as a Decimal in the printed unit, or ``None``."""
    t = text.strip()
    negative = False
    if len(t) >= 3 and t[0] in "(（" and t[-1] in ")）":
        negative, t = True, t[1:-1].strip()
        if "." not in t and "," not in t:
            return None  # (4): a footnote mark or damage, not an accounting negative
    elif len(t) >= 2 and t[0] in _MINUS:
        negative, t = True, t[1:]
    m = _NUMBER.match(t)
    if not m:
        return None
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    value = Decimal(digits + ("." + frac if frac else ""))
    return -value if negative else value


def parse_amount(text: str, unit: str):
    """Yuan value of a printed cell: a Decimal, :data:`EMPTY` for a dash, ``None`` for garbage.

    The result keeps the printed precision scaled by the unit (``0.05`` 万元 →
    ``500.00``), so ``value / factor`` gives back exactly what was printed.
    """
    if is_dash(text):
        return EMPTY
    number = parse_number(text)
    if number is None:
        return None
    factor = unit_factor(unit)
    # the order of magnitude first (no arithmetic on a huge number), then exactly
    if number and number.adjusted() + len(str(factor)) > MAX_AMOUNT_YUAN.adjusted() + 2:
        return IMPLAUSIBLE
    # Exact, whatever the digits: the default context (28 digits) would round a
    # 30-digit cell and so invent a number.
    with localcontext() as ctx:
        ctx.prec = len(number.as_tuple().digits) + 12
        value = number * factor
    return IMPLAUSIBLE if abs(value) > MAX_AMOUNT_YUAN else value


def decimal_places(text: str) -> int:
    t = text.strip().rstrip(")）")
    return len(t.split(".", 1)[1]) if "." in t else 0


def looks_numeric(text: str) -> bool:
    """A token that is mostly digits (a damaged number rather than a word)."""
    t = text.strip()
    digits = sum(c.isdigit() for c in t)
    return digits > 0 and digits >= len(t) / 2
