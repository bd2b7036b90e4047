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

The reference is read (points 1–3) by :mod:`nlp.reftables`; the matching (4–5) is here.

With ``pdf`` (``eval reader --pdf``) each report's published file is read instead (:func:`published_files`),
its spans and the reference's first data lines counted in the text laid out from its pages; the text beside it,
when there is one, is read too and the two models compared (:mod:`nlp.readercompare`).  What needs no
reference (tables, coded rows and amounts the model holds, pages not read whole) is counted for every report.

A folder without ``tables/`` (the bundled corpus) is measured against the hand counts
in its ``TABLES.tsv`` (report, table number or title, coded rows), the counts that
``tests/test_tables.py`` asserts: coded rows read per table, capped at the count.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from nlp.amounts import parse_number
from nlp.model import Phase, Report, Table, TableRow
from nlp.readercompare import Comparison
from nlp.reftables import RefRow, RefTable, load_reference, locate_units
from nlp.vocab import UNITS


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
    # what needs no reference: the model's own figures
    pages: int | None = None  # of a PDF
    unread_pages: int = 0  # pages whose characters could not all be recovered (W113) or without text (W110)
    rows_coded: int = 0  # model rows with a classification code
    amounts: int = 0  # table amounts read
    # --pdf: the same report read from its text, and what differs (nlp.readercompare)
    text_twin: ReportResult | None = None
    comparison: Comparison | None = None
    twin_error: str | None = None

    @property
    def share(self) -> float | None:
        return self.coded_ok / self.coded_ref if self.coded_ref else None


@dataclass
class Totals:
    """Reports' figures summed, as ``eval reader`` prints them in total: :meth:`add` each result (a report that
    failed counts as a report, with no figure)."""

    reports: int = 0
    failed: int = 0
    agency: int = 0  # read as the manifest has it
    year: int = 0
    phase: int = 0
    tables_read: int = 0
    coded_ref: int = 0
    coded_ok: int = 0
    projects: int = 0
    projects_with_amount: int = 0
    discrepancies: int = 0
    amounts: int = 0
    rows_coded: int = 0
    unread_pages: int = 0
    # --pdf: the reports whose text was read beside the published file, how many gave the same model, their
    # comparisons summed and the reference's coded rows read (text, published)
    compared: int = 0
    same: int = 0
    comparison: Comparison = field(default_factory=Comparison)
    compared_ok: tuple[int, int] = (0, 0)

    def add(self, r: ReportResult) -> None:
        self.reports += 1
        if r.error:
            self.failed += 1
            return
        self.agency += r.agency[0] is not None and r.agency[0] == r.agency[1]
        self.year += r.year[0] is not None and r.year[0] == r.year[1]
        self.phase += r.phase[0] is not None and r.phase[0] == r.phase[1]
        self.tables_read += r.tables_read
        self.coded_ref += r.coded_ref
        self.coded_ok += r.coded_ok
        self.projects += r.projects
        self.projects_with_amount += r.projects_with_amount
        self.discrepancies += r.discrepancies
        self.amounts += r.amounts
        self.rows_coded += r.rows_coded
        self.unread_pages += r.unread_pages
        if r.comparison is not None and r.text_twin is not None:
            self.compared += 1
            self.same += r.comparison.same
            self.comparison += r.comparison
            self.compared_ok = (self.compared_ok[0] + r.text_twin.coded_ok, self.compared_ok[1] + r.coded_ok)

    @property
    def share(self) -> float | None:
        return self.coded_ok / self.coded_ref if self.coded_ref else None


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
    res.pages = report.source.pages
    # W110 is warned once per page, W113 once per page and font; each names the line its page begins on, and every
    # page begins on a line of its own (nlp.sources parts pages by a line end), so a line is a page
    res.unread_pages = len({d.line for d in report.diagnostics if d.code in ("W110", "W113")})
    res.rows_coded = sum(1 for t in report.tables for r in t.rows if r.code)
    res.amounts = sum(1 for t in report.tables for r in t.rows for c in r.cells if c is not None)
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


def published_files(folder: Path) -> list[Path]:
    """The published files of a folder: ``pdf/*`` (devset layout) or the folder's own files whose bytes are a PDF,
    Word, Excel file or web page (never plain text), by content as the reader tells them apart."""
    from nlp.sources import HEAD, is_report_file, sniff

    inside = folder / "pdf"
    base = inside if inside.is_dir() else folder
    out = []
    for p in sorted(base.iterdir()):
        if is_report_file(p):
            with p.open("rb") as fh:
                if sniff(fh.read(HEAD)) != "text":
                    out.append(p)
    return out


def text_twin(folder: Path, published: Path) -> Path | None:
    """The extracted text of a published file, when the folder has it: ``text/<stem>.txt`` or ``<stem>.txt``."""
    for p in (folder / "text" / f"{published.stem}.txt", published.with_suffix(".txt")):
        if p.is_file():
            return p
    return None


def _read(path: Path) -> tuple[Report, str]:
    """The report and the text its spans count in (for a PDF, the text laid out from its pages)."""
    from nlp.reader import parse_report
    from nlp.sources import read_source

    decoded = read_source(path)
    return parse_report(decoded, str(path)), decoded.text


def evaluate_dir(folder: Path, pdf: bool = False, compare: bool | None = None) -> list[ReportResult]:
    """Every report of ``folder`` against its manifest and reference (see the module doc).

    ``pdf``: read each report's published file (:func:`published_files`) instead of its text, through the same
    assembly, and measure it against the same manifest and reference; ``compare`` (default: with ``pdf``) also
    reads the text beside it and says what differs (:mod:`nlp.readercompare`)."""
    from nlp.readercompare import compare as compare_reports

    compare = pdf if compare is None else compare
    manifest = read_manifest(folder)
    counts = read_counts(folder)
    results = []
    for path in published_files(folder) if pdf else report_files(folder):
        stem = path.stem
        ref = folder / "tables" / f"{stem}.csv"
        try:
            report, text = _read(path)
        except Exception as exc:  # noqa: BLE001 - a report that fails is a result of the evaluation, not its end
            results.append(ReportResult(stem=stem, error=f"{type(exc).__name__}: {exc}"))
            continue
        res = evaluate_report(
            report,
            stem,
            manifest.get(stem),
            ref if (folder / "tables").is_dir() else None,
            counts.get(stem) if counts else None,
            text,
        )
        twin = text_twin(folder, path) if compare and pdf else None
        if twin is not None:
            try:
                res.text_twin = evaluate_report(
                    (other := _read(twin))[0],
                    stem,
                    manifest.get(stem),
                    ref if (folder / "tables").is_dir() else None,
                    counts.get(stem) if counts else None,
                    other[1],
                )
                res.comparison = compare_reports(other[0], report)
            except Exception as exc:  # noqa: BLE001 - the text failing is reported beside the published file's figures
                res.twin_error = f"{type(exc).__name__}: {exc}"
        results.append(res)
    return results
