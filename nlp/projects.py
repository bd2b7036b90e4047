"""Projects of the project expenditure table (项目支出), with their 绩效目标.

The table lists, per budget unit (资金使用单位), a subtotal row and below it the
unit's projects, each with its amounts and (when the table has a 绩效目标
column) the target text printed after the amounts, wrapped over lines.

Which rows are units and which are projects is read from the layout: projects
are indented below their unit.  When a report prints no indentation, a row is a
unit if its label names an organisation (…局, …中心, …本级, …办公室), and a row that
prints a 绩效目标 is a project whatever its label (a unit's subtotal has no target
of its own).  Where the report indents, the layout decides: a least-indented row with
rows indented under it is a unit even when it prints a text (a unit's own target).  It is never decided from the amounts, so a unit whose projects do not add up stays visible
as the report's own discrepancy (see :mod:`nlp.reconcile`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.amounts import is_dash
from nlp.errors import Diagnostics
from nlp.model import Amount, Classification, PerformanceTarget, Project, Table, TableRow
from nlp.normalize import Line, NormalizedText, squash

_ORGANISATION = re.compile(
    r"(本级|局|署|厅|中心|办公室|委员会|管理处|服务站|事务所|院|所|站|队|馆|学校|（本级）|\(本级\)"
    r"|(?:气象|天文|地震|观象|电视|电)台)$"  # an observatory or a broadcaster; not 平台, 舞台, 展台, 柜台
)
_BULLET = re.compile(r"^[-•·]\s*")
# words that name money for a purpose, never an organisation (…经费-珠海边检总站 is a fund of that station)
_PURPOSE = re.compile(r"经费|项目|专项|资金|费用")
_TRAILING_BRACKET = re.compile(r"\s*[（(][^（）()]*[)）]$")
# a column of the project's own unit beside its name (项目名称 … 项目单位), not a table grouped by unit
_UNIT_COLUMN = re.compile(r"项目单位|实施单位|执行单位|用款单位")


def _names_organisation(name: str) -> bool:
    """A label that is an organisation's name (…局, …中心（…）, …本级), not a project of one."""
    name = name.strip()
    named = _ORGANISATION.search(name) or _ORGANISATION.search(_TRAILING_BRACKET.sub("", name))
    return bool(named) and not _PURPOSE.search(name)


def is_project_table(table: Table) -> bool:
    """A project expenditure table: mostly code-less rows (units and projects), or — in the
    templates that list each project under its 类/款/项 code rows — some code-less rows."""
    if table.kind != "projects":
        return False
    body = [r for r in table.rows if not r.is_total]
    if table.classification is Classification.NONE:
        return bool(body) and sum(1 for r in body if r.code is None) * 2 > len(body)
    coded = {r.code for r in body if r.code}
    # code rows over the projects form a hierarchy (201 / 20113 / 2011302): a lone number in a
    # wrapped text cell that looks like a code does not make one
    chained = any(len(c) > 3 and c[:-2] in coded for c in coded)
    return chained and any(r.code is None for r in body)


def _unit_rows(rows: list[TableRow]) -> set[int]:
    levels = {r.level for r in rows if not r.is_total}
    if len(levels) > 1:
        # indented: the least-indented rows are the units — a row with rows indented under it is one even when it
        # prints a text (a unit's own target); one printing a 绩效目标 with nothing under it is a project
        top = min(levels)
        body = [(i, r) for i, r in enumerate(rows) if not r.is_total]
        under = {i for (i, r), (_, nxt) in pairwise(body) if nxt.level > r.level}
        return {i for i, r in body if r.level == top and (not r.text or i in under)}
    # a row that prints a 绩效目标 is a project: a unit's subtotal row has no target of its own, whatever its label
    # ends in (…慰问金-某某检查站 is money for that station)
    return {i for i, r in enumerate(rows) if not r.is_total and not r.text and _names_organisation(r.name)}


def _cell_keys(table: Table) -> list[str | None]:
    """Measure key of each column for ``Project.cells`` (keys of nlp.vocab.MEASURES).

    A second 合计 (财政拨款 合计) is keyed by its funding source; a column of unknown
    meaning, or a key already taken, gets ``None`` and is left out.
    """
    keys: list[str | None] = []
    for c in table.columns:
        key: str | None = c.measure
        if key in keys and c.funding_source:
            key = c.funding_source
        if key in keys or key == "unknown":
            key = None
        keys.append(key)
    return keys


def assign_units(table: Table, own_unit: frozenset[int] = frozenset()) -> set[int]:
    """Mark the rows of a table grouped by budget unit (资金使用单位): unit rows get
    level 1, the rows under them level 2 and ``unit_name``.  Returns the unit rows.  ``own_unit``: rows that print
    their project's unit in a column of its own (:func:`_own_units`) — projects, never units."""
    units = _unit_rows(table.rows) - own_unit
    unit_name: str | None = None
    for i, row in enumerate(table.rows):
        if row.is_total:
            continue
        if i in units:
            unit_name = row.unit_name = row.name
            row.level = 1
        elif i in own_unit:
            continue  # its unit is printed beside it
        elif unit_name is not None:
            row.unit_name = unit_name
            row.level = 2  # below its unit, whether or not the report indented it
    return units


def _own_units(table: Table, header_text: str, norm: NormalizedText) -> frozenset[int]:
    """Rows printing their project's unit in a column of its own, which the header names (项目名称 … 项目单位): the
    label is two cells on one line, the project's name and an organisation (``2026某某中心运行费 某市某某局``), not a
    unit's row.  Each such row keeps the name as its label and the organisation as its ``unit_name`` (in place)."""
    if not _UNIT_COLUMN.search(squash(header_text)):
        return frozenset()
    out = set()
    for i, row in enumerate(table.rows):
        if row.code or row.is_total:
            continue
        first = next((c for c in row.cells if c is not None), None)
        label = norm.raw[row.span.start : first.span.start] if first is not None else row.span.text
        if "\n" in label.strip():
            continue  # wrapped over lines: the pieces are not cells
        pieces = [p for p in label.split() if not is_dash(p)]
        if len(pieces) < 2 or not _names_organisation(pieces[-1]) or _names_organisation("".join(pieces[:-1])):
            continue
        row.name, row.unit_name = "".join(pieces[:-1]), pieces[-1]
        out.add(i)
    return frozenset(out)


def extract(
    table: Table,
    texts: dict[int, list[tuple[Line, int]]],
    norm: NormalizedText,
    diag: Diagnostics,
    header_text: str = "",
    targets: bool = True,
) -> list[Project]:
    """The projects of a project table; ``targets``: its rows' texts are their 绩效目标 (a text column headed 备注 or
    项目概况 gives none — the text stays the row's)."""
    if table.kind == "basic_by_unit" and table.classification is Classification.NONE:
        assign_units(table)
    if not is_project_table(table):
        return []
    own_unit = _own_units(table, header_text, norm)
    # projects listed under their classification code rows: the code rows are not units
    units = assign_units(table, own_unit) if table.classification is Classification.NONE else set()
    keys = _cell_keys(table)
    # the project's amount is its table's total column; none when no column is known to be it
    total_at = next((i for i, c in enumerate(table.columns) if c.measure == "total"), None)
    projects: list[Project] = []
    unit_name: str | None = None
    for i, row in enumerate(table.rows):
        if row.is_total or row.code:
            continue
        if i in units:
            unit_name = row.name
            continue
        if not _plausible(row, norm):
            # a nameless line of figures or a label's stray tail (级）): a reading accident, not a project
            diag.warn("W312", line=row.span.line, table=table.number or table.title, name=row.name)
            continue
        amount = row.cells[total_at] if total_at is not None and total_at < len(row.cells) else None
        unit = row.unit_name if i in own_unit else unit_name
        cells: dict[str, Amount] = {k: c for k, c in zip(keys, row.cells) if c is not None and k is not None}
        target = _target(row, texts.get(i, []), norm) if targets else None
        projects.append(
            Project(
                name=row.name,
                unit_name=unit,
                amount=amount,
                cells=cells,
                span=row.span,
                target=target,
                table_number=table.number,
            )
        )
    return projects


_LETTER = re.compile(r"[\u3400-\u9fffA-Za-z]")
_CLOSING = "）)】]〕"


def _plausible(row: TableRow, norm: NormalizedText) -> bool:
    """A project row names something (two letters, not a bracket's tail) and prints
    an amount, a target, or its cells as dashes (a project with no money this year: named, no amount)."""
    name = row.name.strip()
    if len(_LETTER.findall(name)) < 2 or name[0] in _CLOSING:
        return False
    return any(c is not None for c in row.cells) or bool(row.text) or _prints_dashes(row, norm)


def _prints_dashes(row: TableRow, norm: NormalizedText) -> bool:
    """The row prints its cells, as dashes (``- - -``): present, no figure — a line of the row that ends in a dash
    once the row's own text (its 绩效目标) is set aside.  Not a dash with words after it on its line that are not the
    row's (二、信息化类项目 — 运维, 智慧城市 - 二期工程: a heading or a name printed with a dash, no cells)."""
    start = norm.raw.rfind("\n", 0, row.span.start) + 1
    end = norm.raw.find("\n", row.span.end)
    for line in norm.raw[start : end if end >= 0 else len(norm.raw)].split("\n"):
        words = line.split()
        while words and row.text and not is_dash(words[-1]) and words[-1] in row.text:
            words.pop()
        if words and is_dash(words[-1]):
            return True
    return False


def _target(row: TableRow, pieces: list[tuple[Line, int]], norm: NormalizedText) -> PerformanceTarget | None:
    if not row.text or not pieces:
        return None
    text = _BULLET.sub("", row.text)
    first, start = pieces[0]
    lead = len(first.text[start:]) - len(first.text[start:].lstrip())
    last, _ = pieces[-1]
    span = norm.raw_span(first.start + start + lead, last.start + len(last.text.rstrip()))
    return PerformanceTarget(text=text, span=span, project_name=row.name)
