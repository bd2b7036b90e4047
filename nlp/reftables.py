"""The reference of a report's tables that ``budgetkg eval reader`` measures against (:mod:`nlp.refeval`):
``tables/<stem>.csv`` as pdfplumber's ``extract_tables`` gives them (``page,table,row,c0..cN``), read into coded
rows (a classification code in any printed form), column meanings (from the reference's own header rows) and the
unit each table declares, in its grid or in the report text before its first data line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from nlp import codes
from nlp.amounts import parse_number
from nlp.columns import measure_of
from nlp.normalize import squash
from nlp.tablefind import UNIT, unit_of
from nlp.vocab import TEXT_MEASURES

_CJK = re.compile(r"[\u3400-\u9fff]")
_CODE_NAME = re.compile(r"^(\d{3,9})\s*[-－—:：]?\s*(?=[\u3400-\u9fff])")


@dataclass
class RefRow:
    page: int
    code: str
    name: str
    amounts: list[tuple[int, Decimal]]  # (column, printed number)


@dataclass
class RefTable:
    page: int
    number: int
    meanings: dict[int, str | None]  # column → measure key (None: not named)
    unit: str | None
    rows: list[RefRow] = field(default_factory=list)
    line: int | None = None  # 1-based line of the report text where its first data row is printed
    first_data: list[str] = field(default_factory=list)  # cells of the first data row (to find it in the text)
    first_coded: list[str] = field(default_factory=list)  # cells of the first coded row (a surer key)
    blocks: list[int] = field(default_factory=lambda: [0])  # first column of each block printed side by side


def _clean(cell: str) -> str:
    return squash(cell or "")


def _is_column_numbers(cells: list[str]) -> bool:
    """栏次 1 2 3 … : a row of consecutive small integers."""
    nums = [c for c in cells if c and c not in ("栏次", "行次")]
    if len(nums) < 2 or not all(c.isdigit() for c in nums):
        return False
    values = [int(c) for c in nums]
    return values == list(range(values[0], values[0] + len(values)))


def _code_of(cells: list[str], previous: list[tuple[int, str]] | None) -> tuple[str | None, int, list[tuple[int, str]]]:
    """(code, index of the label cell, code parts by column) of a reference row."""
    parts: list[tuple[int, str]] = []
    for j, c in enumerate(cells):
        if not c:
            continue
        bracketed = codes.split_bracketed(c)
        if bracketed and not parts:
            return (bracketed[0] if codes.is_valid(bracketed[0]) else None), j, [(j, bracketed[0])]
        m = _CODE_NAME.match(c)
        if m and not parts and _CJK.search(c):
            return (m.group(1) if codes.is_valid(m.group(1)) else None), j, [(j, m.group(1))]
        if c.isdigit():
            parts.append((j, c))
            continue
        label = j
        break
    else:
        label = len(cells)
    if not parts:
        return None, label, []
    # a 款/项 part printed under the row above (205 / 08 / 03): the higher parts are that row's
    if previous and parts[0][0] > previous[0][0] and len(parts[0][1]) == 2:
        higher = [p for p in previous if p[0] < parts[0][0]]
        parts = higher + parts
    code = codes.assemble([p for _, p in parts]).code
    if code and codes.is_valid(code):
        return code, label, parts
    return None, label, parts


def _meanings(header: list[list[str]], width: int) -> dict[int, str | None]:
    """Column → measure, from the header rows (group headings spread over their span)."""
    spread = [list(r) + [""] * (width - len(r)) for r in header]
    for ri in range(len(spread) - 1):
        row = spread[ri]
        for j in range(1, width):
            if row[j] or not row[j - 1]:
                continue
            # an empty cell right of a heading, over a lower heading: the heading's span
            if any(spread[rj][j] for rj in range(ri + 1, len(spread))):
                row[j] = row[j - 1] if _spans(spread, ri, j) else ""
    out: dict[int, str | None] = {}
    for j in range(width):
        cells = [spread[ri][j] for ri in range(len(spread)) if spread[ri][j]]
        meaning = None
        for ri in range(len(cells) - 1, -1, -1):
            m = measure_of(cells[ri])
            if m is None:
                continue
            if m == "total" and ri > 0:
                group = next((measure_of(g) for g in reversed(cells[:ri]) if measure_of(g)), None)
                if group and group != "total":
                    m = group
            meaning = m
            break
        out[j] = meaning
    return out


def _blocks(header: list[list[str]]) -> list[int]:
    """The first column of each block of columns printed side by side (人员经费 | 公用经费, each 科目代码 科目名称
    决算数): every column whose lowest heading repeats the first column's, when that heading is a label's (it
    names no measure).  One block, [0], otherwise."""
    for cells in reversed(header):
        if cells and cells[0]:
            if measure_of(cells[0]) is not None or not _CJK.search(cells[0]):
                return [0]
            return [j for j, c in enumerate(cells) if c == cells[0]]
    return [0]


def _spans(spread: list[list[str]], ri: int, j: int) -> bool:
    """Does the heading left of ``(ri, j)`` span column ``j``?  Yes when the row below
    has a heading in column ``j - 1`` too (it is a group over sub-columns)."""
    return any(spread[rj][j - 1] for rj in range(ri + 1, len(spread)))


def load_reference(path: Path) -> list[RefTable]:
    """The reference tables of one report (``page,table,row,c0..cN``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    grouped: dict[tuple[int, int], list[list[str]]] = {}
    for r in rows:
        if len(r) < 4:
            continue
        grouped.setdefault((int(r[0]), int(r[1])), []).append([_clean(c) for c in r[3:]])
    tables: list[RefTable] = []
    previous: RefTable | None = None
    for (page, number), cells_rows in sorted(grouped.items()):
        width = max(len(r) for r in cells_rows)
        header: list[list[str]] = []
        body_start = len(cells_rows)
        unit = None
        for i, cells in enumerate(cells_rows):
            code, label, _ = _code_of(cells, None)
            figures = [c for c in cells[label + 1 :] if parse_number(c) is not None]
            if _is_column_numbers(cells):
                continue
            if code or figures:
                body_start = i
                break
            for c in cells:
                m = UNIT.search(c)
                if m:
                    unit = unit_of(m)[0]
            header.append(cells)
        if header and any(any(c for c in h) for h in header):
            meanings = _meanings(header, width)
            blocks = _blocks(header)
        else:
            meanings = dict(previous.meanings) if previous else {j: None for j in range(width)}
            unit = unit or (previous.unit if previous else None)
            blocks = list(previous.blocks) if previous else [0]
        t = RefTable(page=page, number=number, meanings=meanings, unit=unit, blocks=blocks)
        prev_parts: list[list[tuple[int, str]] | None] = [None] * len(blocks)
        for cells in cells_rows[body_start:]:
            if _is_column_numbers(cells):
                continue
            for k, start in enumerate(blocks):  # each block's row is a row of its own
                end = blocks[k + 1] if k + 1 < len(blocks) else len(cells)
                segment = cells[start:end]
                code, label, parts = _code_of(segment, prev_parts[k])
                amounts: list[tuple[int, Decimal]] = []
                for j in range(start + label + 1, end):
                    if meanings.get(j) in TEXT_MEASURES:
                        continue
                    v = parse_number(cells[j]) if cells[j] else None
                    if v is not None:
                        amounts.append((j, v))
                if not t.first_data and (amounts or code):
                    t.first_data = [c for c in cells if c]
                if code and not t.first_coded:
                    t.first_coded = [c for c in cells if c]
                if code:
                    name = segment[label] if label < len(segment) else ""
                    t.rows.append(RefRow(page=page, code=code, name=name, amounts=amounts))
                    prev_parts[k] = parts
        tables.append(t)
        previous = t
    return tables


def _in_order(keys: list[str], line: str) -> bool:
    """Every key in the line, one after the other (a row's cells as printed)."""
    at = 0
    for k in keys:
        at = line.find(k, at)
        if at < 0:
            return False
        at += len(k)
    return True


def locate_units(tables: list[RefTable], text: str) -> None:
    """Find each reference table's first data line in the report text (``line``), and give
    a table without a unit in its grid the unit the text declares last before that line."""
    lines = text.split("\n")
    squashed = [_clean(ln) for ln in lines]
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    cursor = 0
    for t in tables:
        if not t.first_data:
            continue
        keys = [
            c for c in (t.first_coded or t.first_data) if c
        ]  # every cell: rows of two tables often share their first cells
        found = None
        for start in (cursor, 0):
            for i in range(start, len(lines)):
                if _in_order(keys, squashed[i]):
                    found = i
                    break
            if found is not None:
                break
        if found is None:
            continue
        cursor = found
        t.line = found + 1
        if t.unit:
            continue
        before = list(UNIT.finditer(text, 0, offsets[found] + len(lines[found])))
        if before:
            t.unit = unit_of(before[-1])[0]
