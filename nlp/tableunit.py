"""The unit a table's amounts are printed in (单位：元 / 千元 / 万元 / 亿元, 单位：人民币元, 单位（元）).

Declared in the header, on the title line, or on the lines just above the title
(``编制单位：X 单位：元``); a unit in brackets inside a column header
(``预算数（单位：万元）``) is part of that header.  A table that declares none takes
the previous table's unit, with warning W302 — never a silent default.
"""

from __future__ import annotations

from nlp.errors import Diagnostics
from nlp.model import Span
from nlp.normalize import Line, NormalizedText
from nlp.tablefind import UNIT as UNIT  # read by nlp.tableheader
from nlp.tablefind import UNIT_IN_BRACKETS as UNIT_IN_BRACKETS  # read by nlp.tableheader
from nlp.tablefind import FoundTable, unit_of

DEFAULT_UNIT = "万元"
_LOOK_ABOVE = 6  # lines above the title searched for the unit
_ABOVE_KEPT = 3  # of which the last non-blank ones count


def declared_unit(
    norm: NormalizedText, ft: FoundTable, header: list[Line], previous_unit: str | None, diag: Diagnostics, label: str
) -> tuple[str, Span | None]:
    """(unit, where it is printed); the previous table's unit (W302) when none is printed."""
    lines = norm.lines
    candidates = [lines[i] for i in ft.anchors] + header
    first = ft.anchors[0]
    before = [ln for ln in lines[max(0, first - _LOOK_ABOVE) : first] if ln.text.strip()][-_ABOVE_KEPT:]
    for line in candidates + before[::-1]:
        m = UNIT.search(line.text)
        if m:
            unit, start, end = unit_of(m)
            return unit, norm.raw_span(line.start + start, line.start + end)
    unit = previous_unit or DEFAULT_UNIT
    diag.warn("W302", line=lines[first].number, table=label, unit=unit)
    return unit, None
