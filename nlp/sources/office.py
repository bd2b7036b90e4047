"""Word (.docx) and Excel (.xlsx) files → text laid out as lines, as the reader expects.

A paragraph is a line; a table row is a line of its cells joined by a space (a cell
merged across columns counts once), which is how a PDF's table row reads — so the
table reader places the amounts by the table's arithmetic, as for extracted text.

Excel: each visible sheet in order, each non-empty row a line.  A number is written
as the sheet displays it (its number format's decimals and thousands separator), since
that is the published figure; a formula whose computed value was never saved (a file
written by a program, not opened in Excel) is left empty with a warning — its value
is never computed here, so no number is invented.  A merged range has its value in
its first cell only, as Excel shows it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nlp.errors import ReportError

_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def _join(parts: list[str]) -> str:
    """Join pieces of one cell: no space between Chinese characters, one elsewhere."""
    out = ""
    for p in (p.strip() for p in parts):
        if not p:
            continue
        if out and not (_CJK.match(out[-1]) and _CJK.match(p[0])):
            out += " "
        out += p
    return out


def read_docx(data: bytes, name: str) -> tuple[str, list[tuple[int, dict]]]:
    """(text, notices) of a Word file: paragraphs and table rows in document order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReportError("E018", name, line=1, kind="a Word document", reason=str(exc) or type(exc).__name__) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged document
        raise ReportError("E018", name, line=1, kind="a Word document", reason=f"{type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_docx_table_lines(block))
        else:
            lines.extend(t.strip() for t in block.text.splitlines() if t.strip())
    return "\n".join(lines), []


def _docx_table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a cell merged across columns comes back once per column
                continue
            seen.add(id(cell._tc))
            inner = [_join(p.text.splitlines()) for p in cell.paragraphs]
            for nested in cell.tables:
                inner.extend(_docx_table_lines(nested))
            text = _join(inner)
            if text:
                cells.append(text)
        if cells:
            lines.append(" ".join(cells))
    return lines


def _decimals(number_format: str) -> tuple[int | None, bool]:
    """(decimal places, thousands separator) of a simple number format like ``#,##0.00``; (None, False) otherwise."""
    section = number_format.split(";")[0]
    if number_format in ("General", "@") or not re.search(r"[0#]", section):
        return None, False
    section = re.sub(r'"[^"]*"|\\.|_.|\[[^\]]*\]', "", section)  # literals, escapes, padding, colours
    frac = re.search(r"\.([0#]+)", section)
    return (len(frac.group(1)) if frac else 0), "," in section


def _display(value, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        places, thousands = _decimals(number_format or "General")
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return str(value)
        if "%" in (number_format or ""):
            number *= 100
        if places is not None:
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        else:
            number = number.normalize() if number == number.to_integral_value() else number
        text = f"{number:,f}" if thousands else f"{number:f}"
        return text + ("%" if "%" in (number_format or "") else "")
    return _join(str(value).splitlines())


def read_xlsx(data: bytes, name: str) -> tuple[str, list[tuple[int, dict]]]:
    """(text, notices) of an Excel workbook; notices are (line, W111 parameters)."""
    import openpyxl

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, XML errors …
        raise ReportError(
            "E018", name, line=1, kind="an Excel workbook", reason=f"{type(exc).__name__}: {exc}"
        ) from exc
    lines: list[str] = []
    notices: list[tuple[int, dict]] = []
    try:
        for sheet in values.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            written = formulas[sheet.title]
            for row, frow in zip(sheet.iter_rows(), written.iter_rows()):
                cells = []
                for cell, fcell in zip(row, frow):
                    value = getattr(cell, "value", None)
                    if value is None and isinstance(getattr(fcell, "value", None), str) and fcell.value.startswith("="):
                        notices.append((len(lines) + 1, {"sheet": sheet.title, "cell": fcell.coordinate}))
                        continue
                    text = _display(value, getattr(cell, "number_format", "General"))
                    if text:
                        cells.append(text)
                if cells:
                    lines.append(" ".join(cells))
    finally:
        values.close()
        formulas.close()
    return "\n".join(lines), notices
