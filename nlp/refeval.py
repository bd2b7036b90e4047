"""How well the table reader reads: a report's model against a reference of its tables.

``budgetkg eval reader [DIR …]`` (see :func:`evaluate_dir`) reads every report of a
folder and compares, per report:

* agency, fiscal year and phase with the folder's ``MANIFEST.tsv`` (read by hand);
* the tables the reader found;
* the **coded rows** of a reference of the report's tables — ``tables/<stem>.csv`` as
  pdfplumber's ``extract_tables`` gives them (``page,table,row,c0..cN``).

How a reference row is matched (the rule is the same for every report):

1. A reference row is *coded* when the cells before its label hold a valid
   classification code in any printed form (``2010301``; ``201 | 03 | 01`` over
   columns; ``[2010301]行政运行`` or ``2010301-行政运行`` in one cell; a 款/项 part
   under the row above).  Unit codes (``105001``) are not codes.
2. Each reference column gets a meaning from the reference's own header rows:
   the measure (``nlp.vocab.MEASURES``) named by the lowest header cell of that
   column that names one; a 合计/小计 under a group heading (财政拨款 → 合计) means
   the group's total.  Row-number columns (行次/栏次) are ignored.
3. Amounts are compared **in yuan**: the reference's printed number times the unit
   its table declares (``单位：万元`` inside the grid, or else the last unit declared
   in the report text before the table's first data line).
4. A reference row is *read* when one model row of the paired model table has the
   same code and (a) every non-zero reference amount is in a distinct model cell of
   equal value whose column has that meaning, and (b) the model row has no other
   non-zero amount.  A printed zero (``0.00``, ``-``, blank) is satisfied by a model
   zero or an empty cell.
5. Each reference table is paired with the model table printed where the reference
   table's first data line is in the text, or, when no model table is there, with the
   model table that reads most of its coded rows (tables continued over pages are
   separate reference tables; a continuation without header rows takes the previous
   table's column meanings).

A folder without ``tables/`` (the bundled corpus) is measured against the hand counts
in its ``TABLES.tsv`` (report, table number or title, coded rows), the counts that
``tests/test_tables.py`` asserts: coded rows read per table, capped at the count.
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
from nlp.model import Phase, Report, Table, TableRow
from nlp.vocab import UNITS

_UNIT = re.compile(r"单\s*位\s*[:：]\s*(万元|千元|亿元|元)")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CODE_NAME = re.compile(r"^(\d{3,9})\s*[-－—:：]?\s*(?=[\u3400-\u9fff])")
_IGNORED = ("line_number", "performance_target")


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


@dataclass
class RowResult:
    ref: RefRow
    ok: bool
    reason: str = ""


@dataclass
class ReportResult:
    stem: str
    agency: tuple[str | None, str | None] = (None, None)  # (expected, read)
    year: tuple[int | None, int | None] = (None, None)
    phase: tuple[str | None, str | None] = (None, None)
    tables_read: int = 0
    tables_ref: int = 0  # reference tables with coded rows
    tables_paired: int = 0  # of these, paired with a model table that reads ≥ 1 row
    coded_ref: int = 0
    coded_ok: int = 0
    projects: int = 0
    projects_with_amount: int = 0
    discrepancies: int = 0
    rows: list[RowResult] = field(default_factory=list)
    reference: str = "tables"  # "tables" | "counts" | "none"
    error: str | None = None

    @property
    def share(self) -> float | None:
        return self.coded_ok / self.coded_ref if self.coded_ref else None


# -- the reference ------------------------------------------------------------------


def _clean(cell: str) -> str:
    return re.sub(r"\s+", "", cell or "")


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
                m = _UNIT.search(c)
                if m:
                    unit = m.group(1)
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
                    if meanings.get(j) in _IGNORED:
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
        before = list(_UNIT.finditer(text, 0, offsets[found] + len(lines[found])))
        if before:
            t.unit = before[-1].group(1)


# -- matching ---------------------------------------------------------------------------


def _compatible(col_measure: str, col_source: str | None, meaning: str | None) -> bool:
    if meaning is None:
        return True
    if meaning in (
        "budget",
        "final",
        "execution",
    ):  # 预算数 / 决算数 / 执行数: the amount of that phase (the reader keeps the phase apart)
        meaning = "total"
    return col_measure == meaning or (col_measure == "total" and col_source == meaning)


def match_row(ref: RefRow, meanings: dict[int, str | None], unit: str | None, table: Table, row: TableRow) -> str:
    """'' when the model row holds every amount of the reference row in a column of
    the same meaning (and nothing else); otherwise the reason it does not."""
    factor = Decimal(UNITS[unit]) if unit else None
    used: set[int] = set()
    for j, printed in ref.amounts:
        if printed == 0:
            continue
        meaning = meanings.get(j)
        hit = None
        for i, cell in enumerate(row.cells):
            if i in used or cell is None or i >= len(table.columns):
                continue
            value = cell.value if factor is not None else parse_number(cell.printed)
            want = printed * factor if factor is not None else printed
            col = table.columns[i]
            if value == want and _compatible(col.measure, col.funding_source, meaning):
                hit = i
                break
        if hit is None:
            return f"{printed} ({meaning or '?'}) not in the row"
        used.add(hit)
    extra = [(i, c) for i, c in enumerate(row.cells) if c is not None and c.value != 0 and i not in used]
    if extra:
        i, cell = extra[0]
        return f"extra amount {cell.printed} ({table.columns[i].measure if i < len(table.columns) else '?'})"
    return ""


def _covers(table: Table, line: int) -> bool:
    return table.span.line <= line <= table.span.line + table.span.text.count("\n")


def compare_tables(refs: list[RefTable], model: list[Table]) -> tuple[list[RowResult], int, int]:
    """Row results, reference tables with coded rows, and how many were paired."""
    by_code: list[dict[str, list[TableRow]]] = []
    for t in model:
        idx: dict[str, list[TableRow]] = {}
        for r in t.rows:
            if r.code:
                idx.setdefault(r.code, []).append(r)
        by_code.append(idx)
    results: list[RowResult] = []
    with_rows = paired = 0
    for ref in refs:
        if not ref.rows:
            continue
        with_rows += 1
        best: list[RowResult] | None = None
        best_score = (0, 0)
        # the model table printed where the reference table is, else the one that reads it best
        here = [(t, idx) for t, idx in zip(model, by_code) if ref.line is not None and _covers(t, ref.line)]
        for t, idx in here or list(zip(model, by_code)):
            out = []
            for rr in ref.rows:
                cands = idx.get(rr.code, [])
                if not cands:
                    out.append(RowResult(rr, False, "code not in the table"))
                    continue
                reasons = [match_row(rr, ref.meanings, ref.unit, t, m) for m in cands]
                ok = "" in reasons
                out.append(RowResult(rr, ok, "" if ok else reasons[0]))
            score = (sum(r.ok for r in out), sum(r.reason != "code not in the table" for r in out))
            if best is None or score > best_score:
                best, best_score = out, score
        if best is None:
            best = [RowResult(rr, False, "no table read") for rr in ref.rows]
        elif best_score[0] > 0:
            paired += 1
        results.extend(best)
    return results, with_rows, paired


# -- a folder ----------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """``MANIFEST.tsv`` keyed by stem (the devset's ``stem`` or the corpus's ``file``)."""
    path = folder / "MANIFEST.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        out = {}
        for rec in csv.DictReader(fh, delimiter="\t"):
            key = rec.get("stem") or Path(rec.get("file") or "").stem
            out[key] = rec
        return out


def _phase_word(phase: Phase | str | None) -> str | None:
    if phase is None:
        return None
    value = phase.value if isinstance(phase, Phase) else str(phase)
    if value in ("budget", "adjusted_budget") or ("预算" in value and "决算" not in value):
        return "budget"
    if value == "final_account" or "决算" in value:
        return "final_account"
    return value


def read_counts(folder: Path) -> dict[str, list[tuple[str, int]]]:
    """``TABLES.tsv``: hand counts of coded rows per table (report stem, table, rows)."""
    path = folder / "TABLES.tsv"
    if not path.exists():
        return {}
    out: dict[str, list[tuple[str, int]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            out.setdefault(rec["report"], []).append((rec["table"], int(rec["coded_rows"])))
    return out


def evaluate_report(
    report: Report,
    stem: str,
    manifest: dict[str, str] | None,
    reference: Path | None,
    counts: list[tuple[str, int]] | None,
    text: str,
) -> ReportResult:
    res = ReportResult(stem=stem)
    if manifest:
        year = manifest.get("fiscal_year")
        res.agency = (manifest.get("agency"), report.agency_as_printed)  # 本级/汇总 as the manifest prints them
        res.year = (int(year) if year and year.isdigit() else None, report.fiscal_year)
        res.phase = (_phase_word(manifest.get("phase")), _phase_word(report.phase))
    res.tables_read = len(report.tables)
    res.projects = len(report.projects)
    res.projects_with_amount = sum(1 for p in report.projects if p.amount is not None)
    res.discrepancies = len(report.discrepancies)
    if reference is not None and reference.exists():
        refs = load_reference(reference)
        locate_units(refs, text)
        res.rows, res.tables_ref, res.tables_paired = compare_tables(refs, report.tables)
        res.coded_ref = len(res.rows)
        res.coded_ok = sum(r.ok for r in res.rows)
    elif counts is not None:
        res.reference = "counts"
        for key, n in counts:
            t = next((t for t in report.tables if key in (t.number, t.title)), None)
            read = sum(1 for r in t.rows if r.code) if t else 0
            res.tables_ref += 1
            res.tables_paired += t is not None
            res.coded_ref += n
            res.coded_ok += min(read, n)
    else:
        res.reference = "none"
    return res


def report_files(folder: Path) -> list[Path]:
    """The report texts of a folder: ``text/*.txt`` (devset layout) or ``*.txt``."""
    inside = folder / "text"
    base = inside if inside.is_dir() else folder
    return sorted(p for p in base.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".text"))


def evaluate_dir(folder: Path, read=None) -> list[ReportResult]:
    """Every report of ``folder`` against its manifest and reference (see the module doc)."""
    from nlp.reader import read_report

    read = read or read_report
    manifest = read_manifest(folder)
    counts = read_counts(folder)
    results = []
    for path in report_files(folder):
        stem = path.stem
        ref = folder / "tables" / f"{stem}.csv"
        try:
            report = read(path)
        except Exception as exc:  # noqa: BLE001 - a report that fails is a result of the evaluation, not its end
            results.append(ReportResult(stem=stem, error=str(exc)))
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        results.append(
            evaluate_report(
                report,
                stem,
                manifest.get(stem),
                ref if (folder / "tables").is_dir() else None,
                counts.get(stem) if counts else None,
                text,
            )
        )
    return results
