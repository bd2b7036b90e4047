"""Hostile and broken report files, built at test time from the real corpus.

Each *kind* is a function ``make(base, folder) -> Case`` that writes one file
(or leaves a path that is not a file) into ``folder`` and says what reading it
must give: an error (``ReportError`` with that code, naming that line), or a
report carrying those warnings at that line.  Nothing here is committed as a
file: a 100 MB input is written into ``tmp_path`` when the test runs.

``base`` is a real corpus file (its decoded text) with tables in it; damage is
injected at lines found by pattern (a coded table row, a section heading), so
the same kinds work on any report with the usual tables.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: A coded table row with at least two amounts: "2010301 　　行政运行 606.74 606.74 …"
CODED_ROW = re.compile(r"^\s*(\d{7})\s+\S.*?(\d{1,3}(?:,\d{3})*\.\d{2})(?:\s+\d{1,3}(?:,\d{3})*\.\d{2}){2,}\s*$")
#: A heading of the outline: "一、部门主要职责" …
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、\S")


@dataclass
class Case:
    """What a hostile file must give when read."""

    path: Path
    error: str | None = None  # ReportError code, or None when the file must be read
    warnings: tuple[str, ...] = ()  # codes of which at least one must be reported …
    line: int | None = None  # … at this 1-based line (of the error or the warning)
    same_as_base: bool = False  # reads to the same report as the undamaged base
    base_text: str | None = None  # the decoded text it must decode to (encodings)
    note: str = ""
    extra: dict = field(default_factory=dict)


KINDS: dict[str, Callable[[str, Path], Case]] = {}


def kind(fn: Callable[[str, Path], Case]) -> Callable[[str, Path], Case]:
    KINDS[fn.__name__] = fn
    return fn


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def coded_rows(text: str) -> list[int]:
    """0-based indexes of the lines that are coded table rows with amounts."""
    return [i for i, ln in enumerate(lines_of(text)) if CODED_ROW.match(ln)]


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def _replace_line(text: str, i: int, new: str) -> str:
    ls = lines_of(text)
    ls[i] = new
    return "\n".join(ls)


# --- files that are not a report at all: errors -------------------------------


@kind
def empty(base: str, folder: Path) -> Case:
    return Case(_write(folder, "empty.txt", b""), error="E001", line=1)


@kind
def whitespace_only(base: str, folder: Path) -> Case:
    return Case(_write(folder, "blank.txt", "\n \r\n\t\u3000\n" * 50), error="E001", line=1)


@kind
def binary_random(base: str, folder: Path) -> Case:
    data = random.Random(7).randbytes(50_000)
    return Case(_write(folder, "random.bin.txt", data), error="E002")


@kind
def nul_in_header(base: str, folder: Path) -> Case:
    """A text file with NUL bytes near its start (a corrupt or binary export)."""
    ls = lines_of(base)
    ls[2] = ls[2] + "\x00\x00\x00"
    return Case(_write(folder, "nul-head.txt", "\n".join(ls)), error="E002", line=3)


@kind
def pdf_binary(base: str, folder: Path) -> Case:
    """A PDF header over random bytes, named .txt: read as a PDF (by content), refused as unreadable."""
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + random.Random(3).randbytes(4000)
    return Case(_write(folder, "report.pdf.txt", data), error="E011", line=1)


@kind
def docx_zip(base: str, folder: Path) -> Case:
    import io
    import zipfile

    """A ZIP holding the report text as word/document.xml but none of a Word file's parts: refused, named."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", base)
    return Case(_write(folder, "report.docx.txt", buf.getvalue()), error="E018", line=1)


@kind
def huge_100mb(base: str, folder: Path) -> Case:
    """100 MB of real report text: refused by size, before it is read."""
    p = folder / "huge.txt"
    chunk = base.encode("utf-8")
    with open(p, "wb") as f:
        written = 0
        while written < 100 * 1024 * 1024:
            f.write(chunk)
            written += len(chunk)
    return Case(p, error="E006")


@kind
def directory(base: str, folder: Path) -> Case:
    p = folder / "a-folder.txt"
    p.mkdir()
    return Case(p, error="E004")


@kind
def named_pipe(base: str, folder: Path) -> Case:
    """A FIFO named like a report: opening it would wait for a writer for ever."""
    import os

    p = folder / "pipe.txt"
    os.mkfifo(p)
    return Case(p, error="E004")


@kind
def missing_file(base: str, folder: Path) -> Case:
    return Case(folder / "does-not-exist.txt", error="E004")


@kind
def broken_symlink(base: str, folder: Path) -> Case:
    p = folder / "dangling.txt"
    p.symlink_to(folder / "nowhere.txt")
    return Case(p, error="E004")


# --- other encodings of a good report: read exactly as the UTF-8 original -----


def _encoded(name: str, encoding: str, bom: bytes = b""):
    def make(base: str, folder: Path) -> Case:
        try:
            return Case(_write(folder, f"{name}.txt", bom + base.encode(encoding)), same_as_base=True, base_text=base)
        except UnicodeEncodeError:  # OCR junk (Ē) with no GBK code: the file holds "?" there
            text = base.encode(encoding, errors="replace").decode(encoding)
            return Case(_write(folder, f"{name}.txt", bom + text.encode(encoding)), base_text=text)

    make.__name__ = name
    return kind(make)


_encoded("gbk", "gbk")
_encoded("gb18030", "gb18030")
_encoded("utf16_le_bom", "utf-16-le", b"\xff\xfe")
_encoded("utf16_be_bom", "utf-16-be", b"\xfe\xff")
_encoded("utf16_le_no_bom", "utf-16-le")
_encoded("utf32_bom", "utf-32")  # Python writes the BOM itself
_encoded("utf8_bom", "utf-8", b"\xef\xbb\xbf")


@kind
def gb18030_only_chars(base: str, folder: Path) -> Case:
    """Characters outside GBK (4-byte GB18030: 䶮, 𠀀) — must be GB18030, not GBK."""
    ls = lines_of(base)
    i = next(j for j, ln in enumerate(ls) if HEADING.match(ln))
    ls[i] = ls[i] + "（䶮𠀀）"
    text = "\n".join(ls)
    return Case(_write(folder, "gb18030-4byte.txt", text.encode("gb18030")), base_text=text)


@kind
def mixed_utf8_gbk(base: str, folder: Path) -> Case:
    """A UTF-8 report with one heading line pasted in GBK."""
    ls = lines_of(base)
    i = next(j for j, ln in enumerate(ls) if HEADING.match(ln))
    data = b"\n".join(ln.encode("gbk") if j == i else ln.encode("utf-8") for j, ln in enumerate(ls))
    return Case(_write(folder, "mixed.txt", data), warnings=("W104",), line=i + 1, base_text=base)


@kind
def mixed_invalid_bytes(base: str, folder: Path) -> Case:
    """A UTF-8 report with a few bytes that are neither UTF-8 nor GB18030."""
    ls = lines_of(base)
    i = next(j for j, ln in enumerate(ls) if HEADING.match(ln))
    data = b"\n".join(ln.encode("utf-8") + (b"\xff\xfe\xff" if j == i else b"") for j, ln in enumerate(ls))
    return Case(_write(folder, "invalid-bytes.txt", data), warnings=("W103",), line=i + 1)


# --- line ends and invisible characters ---------------------------------------


@kind
def crlf(base: str, folder: Path) -> Case:
    return Case(_write(folder, "crlf.txt", base.replace("\n", "\r\n")), same_as_base=True)


@kind
def cr_only(base: str, folder: Path) -> Case:
    return Case(_write(folder, "cr.txt", base.replace("\n", "\r")), same_as_base=True)


@kind
def form_feeds(base: str, folder: Path) -> Case:
    """pdftotext's page breaks: a form feed at the start of every 40th line."""
    ls = lines_of(base)
    text = "\n".join("\f" + ln if j and j % 40 == 0 else ln for j, ln in enumerate(ls))
    return Case(_write(folder, "formfeed.txt", text), same_as_base=True)


@kind
def control_chars(base: str, folder: Path) -> Case:
    """A few stray control characters (BEL, NUL) deep in the text: kept, reported."""
    ls = lines_of(base)
    i = max(len(ls) // 2, next(j for j, ln in enumerate(ls) if len("\n".join(ls[: j + 1]).encode()) > 9000))
    ls[i] = ls[i] + "\x07\x00"
    return Case(_write(folder, "control.txt", "\n".join(ls)), warnings=("W105",), line=i + 1)


@kind
def zero_width(base: str, folder: Path) -> Case:
    """Zero-width spaces and joiners inside amounts and headings (copy-paste from the web)."""
    text = re.sub(r"(\d)\.(\d\d)\b", "\\1\u200b.\\2", base, count=40)
    text = re.sub(r"(?m)^(\s*[一二三四五六七八九十]+)、", "\\1\u200d、", text)
    return Case(_write(folder, "zero-width.txt", text), same_as_base=True)


@kind
def one_mb_line(base: str, folder: Path) -> Case:
    """The whole report repeated on a single line of over a million characters."""
    flat = base.replace("\n", " ")
    line = (flat + " ") * (1_000_000 // len(flat) + 1)
    return Case(
        _write(folder, "one-line.txt", base + "\n" + line + "\n"), warnings=("W102",), line=base.count("\n") + 2
    )


# --- damaged tables -----------------------------------------------------------


@kind
def truncated_mid_table(base: str, folder: Path) -> Case:
    """The file ends in the middle of a table row (a download cut short)."""
    ls = lines_of(base)
    i = coded_rows(base)[2]
    cut = ls[i][: ls[i].rindex(".") - 1]
    # W305 (truncated table), W303 or W310 (the cut row is short of amounts), at the cut row
    return Case(
        _write(folder, "truncated.txt", "\n".join([*ls[:i], cut])), warnings=("W305", "W303", "W310"), line=i + 1
    )


@kind
def letters_for_numbers(base: str, folder: Path) -> Case:
    """OCR put letters where digits belong: 606.74 → 6O6.7A."""
    i = coded_rows(base)[1]
    ln = lines_of(base)[i]
    m = CODED_ROW.match(ln)
    bad = m.group(2).replace("0", "O").replace("4", "A").replace("1", "l")
    bad = bad if bad != m.group(2) else "x" + bad
    text = _replace_line(base, i, ln[: m.start(2)] + bad + ln[m.end(2) :])
    return Case(_write(folder, "letters.txt", text), warnings=("W301", "W101"), line=i + 1, extra={"bad": bad})


@kind
def five_decimals(base: str, folder: Path) -> Case:
    i = coded_rows(base)[1]
    ln = lines_of(base)[i]
    m = CODED_ROW.match(ln)
    text = _replace_line(base, i, ln[: m.end(2)] + "123" + ln[m.end(2) :])
    return Case(
        _write(folder, "five-decimals.txt", text), warnings=("W306",), line=i + 1, extra={"printed": m.group(2) + "123"}
    )


@kind
def negative_amount(base: str, folder: Path) -> Case:
    i = coded_rows(base)[1]
    ln = lines_of(base)[i]
    m = CODED_ROW.match(ln)
    text = _replace_line(base, i, ln[: m.start(2)] + "-" + ln[m.start(2) :])
    return Case(_write(folder, "negative.txt", text), line=i + 1, extra={"printed": "-" + m.group(2), "flag": "W308"})


@kind
def columns_missing(base: str, folder: Path) -> Case:
    """A row that lost its last two amounts (columns dropped by extraction): warned (W310 where the
    table's arithmetic cannot place what is left, W303 where nothing can)."""
    i = coded_rows(base)[1]
    ln = lines_of(base)[i].rstrip()
    short = re.sub(r"(\s+\S+){2}$", "", ln)
    return Case(
        _write(folder, "columns-missing.txt", _replace_line(base, i, short)), warnings=("W303", "W310"), line=i + 1
    )


@kind
def huge_number(base: str, folder: Path) -> Case:
    """An amount of 60 digits: kept exactly (Decimal), never rounded or crashed on."""
    i = coded_rows(base)[1]
    ln = lines_of(base)[i]
    m = CODED_ROW.match(ln)
    big = "9" * 60 + ".00"
    text = _replace_line(base, i, ln[: m.start(2)] + big + ln[m.end(2) :])
    return Case(_write(folder, "huge-number.txt", text), line=i + 1, extra={"printed": big})


# --- damaged structure and text -----------------------------------------------


@kind
def duplicated_section(base: str, folder: Path) -> Case:
    """An outline section printed twice (pages duplicated by the PDF export)."""
    ls = lines_of(base)
    heads = [j for j, ln in enumerate(ls) if HEADING.match(ln)]
    a, b = heads[0], heads[1]
    text = "\n".join(ls[:b] + ls[a:b] + ls[b:])
    return Case(_write(folder, "dup-section.txt", text), warnings=("W202",), line=b + 1)


@kind
def unbalanced_title_mark(base: str, folder: Path) -> Case:
    """An opening 《 that never closes: must not swallow the rest of the report."""
    ls = lines_of(base)
    i = next(j for j, ln in enumerate(ls) if HEADING.match(ln)) + 1
    ls[i] = "根据《优化营商环境条例" + ls[i]
    return Case(_write(folder, "unbalanced.txt", "\n".join(ls)), same_as_base=True)


@kind
def bracket_bomb(base: str, folder: Path) -> Case:
    """50,000 unclosed brackets and 《 on one line (regex backtracking bait)."""
    return Case(_write(folder, "brackets.txt", base + "\n" + "（《“" * 50_000 + "\n"))


@kind
def traditional_characters(base: str, folder: Path) -> Case:
    """The report in traditional characters (a Hong Kong or Taiwan re-publication)."""
    table = str.maketrans(
        "预决算门务区广州东政办公数据管理局总体收支财费经项目计单位说明表类机构设员编财拨资金报实绩效发展国业劳动会专业个万元亿",
        "預決算門務區廣州東政辦公數據管理局總體收支財費經項目計單位說明表類機構設員編財撥資金報實績效發展國業勞動會專業個萬元億",
    )
    return Case(_write(folder, "traditional.txt", base.translate(table)))


@kind
def no_tables(base: str, folder: Path) -> Case:
    """The narrative only: the part holding the tables (第X部分 …表) cut away."""
    ls = lines_of(base)
    part = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
    start = next(j for j, ln in enumerate(ls) if part.match(ln) and "表" in ln and j > 20)
    end = next((j for j in range(start + 1, len(ls)) if part.match(ls[j])), len(ls))
    narrative = [ln for ln in ls[:start] + ls[end:] if not re.match(r"^\s*表[一二三四五六七八九十\d]+", ln)]
    return Case(_write(folder, "no-tables.txt", "\n".join(narrative)), warnings=("W307",))


@kind
def only_tables(base: str, folder: Path) -> Case:
    """Tables only: the narrative cut away (the first coded row minus 40 lines onwards)."""
    ls = lines_of(base)
    start = max(coded_rows(base)[0] - 40, 0)
    return Case(_write(folder, "only-tables.txt", "\n".join(ls[start:])))


def same_report_twice(base: str, folder: Path) -> tuple[Path, Path]:
    """Two files with the same bytes under different names (batch-level kind)."""
    a = _write(folder, "report-a.txt", base)
    b = _write(folder, "report-b.txt", base)
    return a, b
