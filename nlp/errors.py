"""Error and warning codes of the reader, in one place.

``E`` codes are errors (the file is not stored), ``W`` codes are warnings (the file
is stored; something was skipped, never invented).  Messages are format strings.
Modules add their codes here rather than inventing messages inline.
"""

from __future__ import annotations


class Codes:
    # reading the file
    E001 = "file is empty"
    E002 = "file is binary, not text (NUL or control bytes at byte {offset})"
    E003 = "cannot decode the file as UTF-8, UTF-16 or GB18030"
    E004 = "file not found or not readable: {reason}"
    E005 = "no report found: neither the agency, the fiscal year nor any section heading was recognised"
    E006 = "file is too large ({size} bytes; limit {limit}, set BUDGETKG_MAX_BYTES to change it)"
    E007 = "file is {what}, not report text"
    E008 = "file is an HTML page, not report text; save the page as plain text first"
    # published files other than text (nlp.sources)
    E010 = "the PDF is protected by a password; it cannot be read without it"
    E011 = "not a readable PDF ({reason})"
    E012 = "the file has {count} pages; the limit is {limit} (set BUDGETKG_MAX_PAGES to change it)"
    E013 = "reading stopped after {limit} seconds (set BUDGETKG_MAX_SECONDS to change it)"
    E014 = (
        "reading needed more than {limit} MiB of memory (a decompression bomb?); stopped (set BUDGETKG_MAX_MEMORY_MB)"
    )
    E015 = "file is a ZIP archive but not a Word (.docx) or Excel (.xlsx) file: it holds {count} entries ({entries})"
    E016 = "the archive unpacks to {size} bytes, over the limit of {limit} (a decompression bomb?; set BUDGETKG_MAX_UNPACKED_BYTES)"
    E017 = "no page of the PDF has a text layer ({pages} pages, scanned images?); run OCR on it first"
    E018 = "cannot read the file as {kind}: {reason}"
    E019 = "the process reading the file ended abnormally ({reason}); the file was skipped (a damaged file, or a decompression bomb over BUDGETKG_MAX_MEMORY_MB)"
    # building a batch (kg.build)
    E095 = "the same report ({report}) as {first}, another file given earlier in this build; not stored (give one file a report: a text and the PDF of one report, or a report and its reissue, would replace each other)"
    # internal errors: one report is skipped, the batch goes on
    E096 = "the process building the report ended abnormally ({reason}), also when run on its own; the file was skipped, the others are stored"
    E097 = "internal error while mapping the report to RDF ({error}); the report was not stored, please report it"
    E098 = "internal error while validating the report's graph ({error}); the report was not stored, please report it"
    E099 = "internal error while reading the file ({error}); the file was skipped, please report it"
    W110 = "page {page} has no text layer (a scanned image?); it was skipped, run OCR to read it"
    W111 = "sheet {sheet!r} cell {cell}: a formula without a computed value; left empty (open and save the file in a spreadsheet program)"
    W112 = "page {page}: {count} characters have no Unicode mapping in their font; they may read wrongly"
    W113 = (
        "page {page}: {count} pieces of text in font {font} (not embedded in the PDF, and no installed font has its"
        " glyphs) could not be read; the page's text may miss characters (install a CJK font; README.md, 'Published files')"
    )
    # metadata
    W010 = "fiscal year not found in the text"
    W011 = "budget phase (预算/决算) not found in the text"
    W012 = "agency name not found in the text"
    W013 = "fiscal year in the text ({found}) differs from the one given ({given})"
    W014 = "same content as {other} (SHA-256 {sha256:.12}); read again"
    # normalisation
    W101 = "OCR garbage in a table cell skipped: {text!r}"
    W102 = "line is {length} characters long; it was kept as one line"
    W103 = "mixed encodings: {count} characters could not be decoded and were replaced"
    W104 = "mixed encodings: {count} lines were read as {other} (the first here), the rest as {main}"
    W105 = "{count} control characters (NUL, …) in the text, kept as they are (the first here)"
    W106 = "not UTF-8, UTF-16 or GB18030 (from this line on); the encoding was guessed as {encoding}"
    # layout
    W201 = "no section headings recognised"
    W202 = "section {title!r} appears {count} times; the later copies were kept as separate sections"
    # tables
    W301 = "table {table} row {name!r}: cell {column} is not a number: {text!r}"
    W302 = "table {table}: no unit declared (单位：万元 / 元); assumed {unit}"
    W303 = "table {table}: row {name!r} has {found} amounts, the table has {expected} columns"
    W304 = "table {table}: code {printed!r} could not be repaired; row kept without a code"
    W305 = "table {table} is truncated: it ends before its 合计 row or mid-row"
    W306 = "amount {text!r} has {places} decimal places; kept exactly as printed"
    W307 = "report has no tables"
    W308 = "negative amount {text!r}"
    W309 = "table {table} row {name!r}: cell {column} ({text}) is beyond {bound} yuan, more than any budget holds; not used"
    W310 = "table {table}: row {name!r} prints {found} amounts for {expected} columns; the column of {amounts} is not certain ({options} placements fit), so it is not stored"
    W311 = "table {table}: row {name!r}: the amounts placed by their position on the page do not add up across the row"
    W312 = "table {table}: row {name!r} of the project table names no project or prints nothing for it; not read as a project"
    W313 = "table {table}: the text does not say where columns {columns} stand; their figures are certain, the order they are stored in is one the figures allow"
    W314 = "table {table}: {count} performance indicators (指标值, 度量单位 …) read as indicators from line {at}, none of their figures as money"
    W315 = "table {table}: {count} of its rows stand on page {page}, which could not be read whole (W113); the table may miss a figure there, so it is not known to be complete or to balance"
    W316 = "table {table}: {number!r} printed alone under a coded row that prints no figure: the page's number or that row's amount, the text does not say which; not read"
    W317 = "table {table}: line {lines} of its performance indicators gave no indicator (neither a value nor part of an indicator's name could be read); not read"
    W318 = "table {table}: column {header!r} counts (数量, 人数 …) and holds no amount: what it prints is not read as money ({count} figures)"
    W319 = "table {table}: the header names a count (数量, 人数 …); column {column}, named in no word the reader knows, prints whole numbers only and may be it: its {count} figures are not read as money"
    W320 = "table {table}: its headings name indicators' weights and scores (分值, 得分) and no indicator's value: a table of evaluation scores, neither money nor indicators; its {count} lines are not read"
    W321 = "table {table}: row {name!r} is an income item printed blank, then the expenditure item {item!r} with its figure: the income side's sums hold only so"
    W322 = "table {table}: rows {rows} may each be an income item printed blank beside the other side's item; the income side's sums do not say which, the text's reading is kept"
    W323 = "table {table}: rows {rows}, each printed alone on its line, are the expenditure side's items: the income side's sums hold only so"
    W324 = "table {table}: no row adds up under any of the {readings} readings of its header, so the figures place none of them; columns {columns}, whose place the readings disagree on, are left unknown and their figures not stored"
    W325 = "table {table}: {words!r}, printed after the figures of row {name!r}, stands under no column the header names (no text column): not read, and no part of the next row's label"
    # reconciliation (the report's own discrepancies)
    W401 = "table {table}: {parent} = {expected} but its children sum to {found} ({column})"
    W402 = "table {table}: unit subtotal {unit} = {expected} but its projects sum to {found}"
    W403 = "total {label} differs between {first} ({expected}) and {second} ({found})"
    W404 = "{where}: off by {diff}, within the rounding tolerance {tol} (尾数误差, not a discrepancy)"


class ReportError(Exception):
    """A file that cannot be read as a report.  Names the file and line."""

    def __init__(self, code: str, file: str, line: int = 0, **params: object) -> None:
        self.code = code
        self.file = file
        self.line = line
        self.message = getattr(Codes, code).format(**params)
        super().__init__(f"{file}:{line}: error {code}: {self.message}")

    @classmethod
    def restore(cls, code: str, file: str, line: int, message: str) -> ReportError:
        """The same error, rebuilt from its parts (sent from the process that read the file)."""
        err = cls.__new__(cls)
        err.code, err.file, err.line, err.message = code, file, line, message
        Exception.__init__(err, f"{file}:{line}: error {code}: {message}")
        return err


class Diagnostics:
    """Collects the warnings of one file; every entry names the file and line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list = []

    def warn(self, code: str, line: int = 0, span=None, **params: object) -> None:
        from nlp.model import Diagnostic, Severity

        self.items.append(
            Diagnostic(
                Severity.WARNING,
                code,
                getattr(Codes, code).format(**params),
                self.file,
                line or (span.line if span else 0),
                span,
            )
        )

    def withdraw(self, given: list) -> None:
        """Take back diagnostics given (the very entries): what they said no longer holds."""
        self.items = [d for d in self.items if not any(d is g for g in given)]

    def info(self, code: str, line: int = 0, span=None, **params: object) -> None:
        from nlp.model import Diagnostic, Severity

        self.items.append(
            Diagnostic(
                Severity.INFO,
                code,
                getattr(Codes, code).format(**params),
                self.file,
                line or (span.line if span else 0),
                span,
            )
        )


class StaleLabels(Exception):
    """``budgetkg train``: the frozen development-set labels do not fit the development set or the sentence
    reader of today (a report changed, or a sentence is read differently); relabel with --refresh-silver."""


class GoldError(ValueError):
    """A hand-read gold file or row that cannot be read (``nlp.evaluation.load_gold``); the message names the file
    and the line."""
