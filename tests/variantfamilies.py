"""Families of layouts another province's template prints, built from a real report's text.

Each family is a function ``text, reading -> text``: it rewrites the report's tables the way another template
would print them (``reading`` is the untransformed report's reading: the tables' spans and cells say where to
write; nothing is taken from it as an expected value).  :func:`money` is what must not change — the amounts in
yuan, per table in order, per row (by its code, else its label without spaces) and per project.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from nlp.model import Amount, Report, Span, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: a figure printed as a cell of its own (whitespace either side)
_FIGURE = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CELL = rf"(?:{_FIGURE}|[-—－])"
#: a coded row on one line: code, label, its cells
_CODED_ROW = re.compile(
    rf"^([ \t\u3000]*)(\d{{3}}|\d{{5}}|\d{{7}})([ \t]+)([^\s\d][^\t]*?)([ \t]+)((?:{_CELL}[ \t]+)*{_CELL})[ \t]*$"
)
_UNIT = re.compile(r"(单\s*位\s*[:：]\s*)万\s*元")
_UNIT_YUAN = re.compile(r"(单\s*位\s*[:：]\s*)元")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _coded_rows(text: str, edit: Callable[[re.Match], str]) -> str:
    """``edit`` applied to every line printing one coded row (code, label, cells) — not to a line of blocks side by
    side (30307 医疗费补助 30226 劳务费 47.20 39907: another code among its words)."""
    out = []
    for line in _lines(text):
        m = _CODED_ROW.match(line)
        side_by_side = m and (re.search(r"(?<!\S)\d{3,7}(?!\S)", m[4]) or re.search(r"(?<![\d.,])\d{5,7}\s*$", m[6]))
        out.append(edit(m) if m and not side_by_side else line)
    return "\n".join(out)


def money_tables(report: Report) -> list[Table]:
    return [t for t in report.tables if t.rows and t.columns]


def _yuan(cell) -> Decimal | None:
    """A cell's amount; a zero is no money, printed 0.00, a dash or nothing (the zero families change only that)."""
    return cell.value if cell is not None and cell.value != 0 else None


def coded(report: Report) -> bool:
    return any(r.code for t in report.tables for r in t.rows)


def _key(r) -> str:
    return r.code or re.sub(r"\s+", "", r.name or "")


def money(report: Report) -> tuple[dict[tuple[str, int], list[tuple]], list[tuple]]:
    """Per money table (by title and its order among tables of that title), its rows printing money as (code or
    label, side, amounts in yuan); the projects as (name, amount, cells).  A table's number is left out: one family renumbers."""
    tables: dict[tuple[str, int], list[tuple]] = {}
    for t in money_tables(report):
        title = re.sub(r"\s+", "", t.title)
        k = sum(1 for other in tables if other[0] == title)
        rows = [(_key(r), r.side, tuple(_yuan(c) for c in r.cells)) for r in t.rows]
        tables[title, k] = [r for r in rows if any(v is not None for v in r[2])]  # a row printing no money: none
    projects = sorted(
        (
            (
                re.sub(r"\s+", "", p.name),
                _yuan(p.amount),
                tuple(sorted((k, a.value) for k, a in p.cells.items() if a.value != 0)),
            )
            for p in report.projects
        ),
        key=repr,
    )
    return tables, projects


def kept(before, after) -> tuple[int, int, bool, list[str]]:
    """How many of ``before``'s tables ``after`` reads with every amount, of how many; the same projects? the
    tables that differ.  A table printing no money (every figure zero) may be no table once its zeros are blank."""
    (tb, pb), (ta, pa) = before, after
    differ = [
        f"{title}#{k}"
        for (title, k), rows in tb.items()
        if ta.get((title, k)) != rows and not ((title, k) not in ta and all(v is None for r in rows for v in r[2]))
    ]
    return len(tb) - len(differ), len(tb), pb == pa, differ


# --- re-wrapped lines ---------------------------------------------------------------------------------------


def amounts_next_line(text: str, reading: Report | None = None) -> str:
    """A long row cut in two: the code and label on one line, the amounts on the next."""
    return _coded_rows(text, lambda m: f"{m[1]}{m[2]}{m[3]}{m[4]}\n{m[6]}")


def label_cut(text: str, reading: Report | None = None) -> str:
    """A label cut mid-word: its first four characters with the code, the rest on the next line with the amounts."""

    def cut(m: re.Match) -> str:
        if len(m[4]) < 6:
            return m[0]
        return f"{m[1]}{m[2]}{m[3]}{m[4][:4]}\n{m[4][4:]}{m[5]}{m[6]}"

    return _coded_rows(text, cut)


def label_tail_below(text: str, reading: Report | None = None) -> str:
    """A label cut mid-word, its end printed on the line below the row's amounts."""

    def cut(m: re.Match) -> str:
        if len(m[4]) < 6:
            return m[0]
        return f"{m[1]}{m[2]}{m[3]}{m[4][:4]}{m[5]}{m[6]}\n{m[4][4:]}"

    return _coded_rows(text, cut)


# --- units, decimals, separators: every figure rewritten at its span ----------------------------------------------


_UNITS = {"元": Decimal(1), "万元": Decimal(10000), "千元": Decimal(1000), "亿元": Decimal(100000000)}
_DECIMAL_FIGURE = re.compile(r"(?<!\S)-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+(?!\S)")


def _cells(text: str, reading: Report):
    """Every cell read, and every other decimal figure on a line of a table from its first row on — on a line that
    gave none (a total printed again on the next page, kept once) or beside the cells read (a figure whose column
    is not certain, W310, left out): as the table's unit says, so that a family rewrites every figure printed."""
    read: list[tuple[int, int]] = []
    for t in money_tables(reading):
        for r in t.rows:
            for c in r.cells:
                if c is not None:
                    read += _pieces(c.span)
                    yield t, c
    for t in money_tables(reading):
        first = text.count("\n", 0, t.span.start)
        for at, line in enumerate(text[t.span.start : t.span.end].split("\n"), first):
            if not t.rows or at <= text.count("\n", 0, t.rows[0].span.start) - 1:
                continue
            start = text.index(line, t.span.start) if at == first else sum(len(x) + 1 for x in _lines(text)[:at])
            for m in _DECIMAL_FIGURE.finditer(line):
                if any(s < start + m.end() and start + m.start() < e for s, e in read):
                    continue
                value = Decimal(m[0].replace(",", "")) * _UNITS.get(t.unit, Decimal(1))
                yield t, Amount(value, m[0], t.unit, Span(start + m.start(), start + m.end(), m[0]))


def _pieces(span: Span) -> list[tuple[int, int]]:
    """Where a cell's figure is printed: its span, or a figure wrapped in its cell its head and its tail (the lines
    between print other cells)."""
    if "\n" not in span.text:
        return [(span.start, span.end)]
    tail = len(span.text) - 1 - max(span.text.rfind(" "), span.text.rfind("\t"), span.text.rfind("\n"))
    return [(span.start, span.start + span.text.index("\n")), (span.end - tail, span.end)]


def _rewrite_figures(text: str, reading: Report, figure: Callable[[object, object], str | None]) -> str:
    """Each cell's printed figure replaced by ``figure(table, cell)`` (None: left as printed)."""
    edits = []
    for t, c in _cells(text, reading):
        if (new := figure(t, c)) is None:
            continue
        pieces = _pieces(c.span)
        if len(pieces) == 1:
            edits.append((c.span.start, c.span.end, new))
            continue
        # a figure wrapped in its cell (head on one line, tail on a later one): the new figure wraps the same way
        (start, head_end), (tail_start, end) = pieces
        cut = max(1, len(new) - (end - tail_start)) if new else 0
        edits += [(start, head_end, new[:cut]), (tail_start, end, new[cut:])]
    edits.sort(reverse=True)
    for start, end, new in edits:
        text = text[:start] + new + text[end:]
    return text


def _printed(value: Decimal, places: int, separators: bool) -> str:
    q = value.quantize(Decimal(1).scaleb(-places))
    return f"{q:,.{places}f}" if separators else f"{q:.{places}f}"


def _decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def to_yuan(text: str, reading: Report) -> str:
    """万元 tables printed in 元: every figure ×10000, two decimals, thousands separators; the unit line says 元."""

    def figure(t, c):
        return _printed(c.value, 2, True) if c.unit == "万元" else None

    return _UNIT.sub(r"\1元", _rewrite_figures(text, reading, figure))


def to_wan(text: str, reading: Report) -> str:
    """元 tables printed in 万元: every figure ÷10000 exactly (six decimals for a figure in fen)."""

    def figure(t, c):
        return _printed(c.value / 10000, _decimals(c.printed) + 4, "," in c.printed) if c.unit == "元" else None

    return _UNIT_YUAN.sub(r"\1万元", _rewrite_figures(text, reading, figure))


def four_decimals(text: str, reading: Report) -> str:
    """Every figure printed with four decimals (12.50 → 12.5000)."""

    def figure(t, c):
        if _decimals(c.printed) != 2:
            return None
        return c.printed + "00"

    return _rewrite_figures(text, reading, figure)


def no_separators(text: str, reading: Report) -> str:
    return _rewrite_figures(text, reading, lambda t, c: c.printed.replace(",", "") if "," in c.printed else None)


def with_separators(text: str, reading: Report) -> str:
    def figure(t, c):
        digits = c.printed.replace(",", "")
        if not re.fullmatch(r"-?\d+(?:\.\d+)?", digits):
            return None
        whole, _, frac = digits.partition(".")
        sign = "-" if whole.startswith("-") else ""
        grouped = f"{int(whole.lstrip('-') or 0):,}"
        return sign + grouped + ("." + frac if frac else "")

    return _rewrite_figures(text, reading, figure)


def _zero(mark: str):
    def variant(text: str, reading: Report) -> str:
        return _rewrite_figures(text, reading, lambda t, c: mark if c.value == 0 else None)

    return variant


zero_dash = _zero("-")
zero_long_dash = _zero("—")
zero_blank = _zero("")


# --- classification codes -----------------------------------------------------------------------------------------


def _split(code: str, sep: str) -> str:
    return sep.join(p for p in (code[:3], code[3:5], code[5:7]) if p)


def codes_spaced(text: str, reading: Report | None = None) -> str:
    """201 03 01 行政运行 (class, 款, 项 apart)."""
    return _coded_rows(text, lambda m: f"{m[1]}{_split(m[2], ' ')}{m[3]}{m[4]}{m[5]}{m[6]}")


def codes_in_columns(text: str, reading: Report | None = None) -> str:
    """201	03	01	行政运行 (类 款 项 columns)."""
    return _coded_rows(text, lambda m: f"{m[1]}{_split(m[2], chr(9))}\t{m[4]}\t{m[6]}")


def codes_bracketed(text: str, reading: Report | None = None) -> str:
    """[2010301]行政运行."""
    return _coded_rows(text, lambda m: f"{m[1]}[{m[2]}]{m[4]}{m[5]}{m[6]}")


# --- characters -------------------------------------------------------------------------------------------------

_FULL_WIDTH_DIGITS = {c: c + 0xFEE0 for c in range(ord("0"), ord("9") + 1)}
_FULL_WIDTH = _FULL_WIDTH_DIGITS | {ord(","): "，", ord("."): "．"}


def full_width_digits(text: str, reading: Report) -> str:
    """Figures in full-width digits (１,２３４.５６)."""
    return _rewrite_figures(text, reading, lambda t, c: c.printed.translate(_FULL_WIDTH_DIGITS))


def full_width(text: str, reading: Report) -> str:
    """Figures in full-width digits and punctuation (１，２３４．５６)."""
    return _rewrite_figures(text, reading, lambda t, c: c.printed.translate(_FULL_WIDTH))


def letter_spaced(text: str, reading: Report | None = None) -> str:
    """Short labels printed letter-spaced: 行 政 运 行."""

    def space(m: re.Match) -> str:
        if len(m[4]) > 5 or " " in m[4]:
            return m[0]
        return f"{m[1]}{m[2]}{m[3]}{' '.join(m[4])}{m[5]}{m[6]}"

    return _coded_rows(text, space)


# --- titles --------------------------------------------------------------------------------------------------------


_NUMBER_FIRST = re.compile(
    r"\s*((?:部门)?(?:公开|预算|决算)\s*\d+\s*表|(?:附|(?:部门)?(?:公开|预算|决算))?表\s*[\d一二三四五六七八九十]+(?:-\d+)?)(?=[：:\s]|$)[：:]?\s*"
)


def _renumber(label: Callable[[int], str]):
    """Every table numbered by ``label`` (its order among the tables): each printing of its number (a page's
    repeat too) replaced, or, a table printing none, the new number put before each printing of its title."""

    def variant(text: str, reading: Report) -> str:
        numbers: dict[str, str] = {}
        titles: dict[str, str] = {}
        for i, t in enumerate(money_tables(reading), 1):
            if t.number:
                numbers.setdefault(re.sub(r"\s+", "", t.number), label(i))
            else:
                titles.setdefault(t.title.strip(), label(i))
        lines = _lines(text)
        for at, line in enumerate(lines):
            m = _NUMBER_FIRST.match(line)
            if m and (new := numbers.get(re.sub(r"\s+", "", m[1]))):
                rest = line[m.end() :]
                lines[at] = f"{new} {rest}" if rest.strip() else new
            elif line.strip() in titles:
                lines[at] = f"{titles[line.strip()]} {line.strip()}"
        return "\n".join(lines)

    return variant


_CN = "零一二三四五六七八九十"


def _chinese(n: int) -> str:
    return (
        _CN[n] if n <= 10 else ("十" + _CN[n - 10] if n < 20 else _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else ""))
    )


titles_chinese = _renumber(lambda i: f"表{_chinese(i)}")
titles_annex = _renumber(lambda i: f"附表1-{i}")
titles_public = _renumber(lambda i: f"部门公开表{i}")
titles_budget = _renumber(lambda i: f"预算{i:02d}表")


# --- unit line, compiler line, pages ------------------------------------------------------------------------------

_UNIT_PIECE = re.compile(r"(?:金额)?单\s*位\s*[:：]\s*(?:万元|千元|亿元|元)")


def _title_lines(text: str, reading: Report) -> set[str]:
    """The text of each money table's title line (as printed on every page it is repeated on): the line, at the
    table's start or just under its number, that prints its title."""
    lines = _lines(text)
    found = set()
    for t in money_tables(reading):
        top = text.count("\n", 0, t.span.start)
        for line in lines[top : top + 3]:
            if t.title and "".join(line.split()).endswith(t.title):
                found.add(line.strip())
                break
    return found


def _unit_moved(where: str):
    def variant(text: str, reading: Report) -> str:
        titles = _title_lines(text, reading)
        lines = _lines(text)
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            below = next((j for j in range(i + 1, min(i + 4, len(lines))) if _UNIT_PIECE.search(lines[j])), None)
            if line.strip() in titles and below is not None:
                unit = _UNIT_PIECE.search(lines[below])[0]
                rest = _UNIT_PIECE.sub("", lines[below]).strip()
                between = lines[i + 1 : below] + ([rest] if rest else [])
                if where == "above":
                    number_above = out and _NUMBER_FIRST.fullmatch(out[-1])
                    out[len(out) - 1 if number_above else len(out) :] = [unit] + ([out[-1]] if number_above else [])
                    out += [line, *between]
                elif where == "brackets":
                    out += [f"{line.rstrip()} （{unit}）", *between]
                else:
                    out += [f"{line.rstrip()} {unit}", *between]
                i = below + 1
                continue
            out.append(line)
            i += 1
        return "\n".join(out)

    return variant


unit_above_title = _unit_moved("above")
unit_on_title_line = _unit_moved("brackets")
unit_after_title = _unit_moved("after")


def compiler_line(text: str, reading: Report) -> str:
    """An 编制单位 line under every printing of a table's title."""
    titles = _title_lines(text, reading)
    return "\n".join(f"{ln}\n编制单位：某某市某某局" if ln.strip() in titles else ln for ln in _lines(text))


def _page_break(header: str):
    """Each money table of eight rows or more cut in the middle by a page's foot (``- 9 -``), the next page printing
    ``header``: the table's title and column headings again ("title"), its headings under 续表 ("continued"), or
    nothing ("none")."""

    def variant(text: str, reading: Report) -> str:
        lines = _lines(text)
        titles = _title_lines(text, reading)
        inserts: dict[int, list[str]] = {}
        for t in money_tables(reading):
            rows = [r for r in t.rows if "\n" not in r.span.text]
            if len(rows) < 8 or not t.rows:
                continue
            first = text.count("\n", 0, t.rows[0].span.start)
            top = text.count("\n", 0, t.span.start)
            head = lines[top:first]
            cut = text.count("\n", 0, rows[len(rows) // 2].span.start)
            if cut <= first:
                continue
            if header == "title":
                page = head
            elif header == "continued":  # its headings only: no number, title or unit
                page = ["续表", *(ln for ln in head if ln.strip() not in titles and not _UNIT_PIECE.search(ln))]
                page = [ln for ln in page if not _NUMBER_FIRST.fullmatch(ln)]
            else:
                page = []
            inserts[cut] = ["- 9 -", *page]
        out = []
        for at, line in enumerate(lines):
            out += inserts.get(at, [])
            out.append(line)
        return "\n".join(out)

    return variant


page_header_repeated = _page_break("title")
page_continued = _page_break("continued")
page_no_header = _page_break("none")

FAMILIES: dict[str, dict[str, Callable]] = {
    "re-wrapped lines": {
        "amounts on the next line": amounts_next_line,
        "label cut, rest with the amounts": label_cut,
        "label cut, rest below the amounts": label_tail_below,
    },
    "units, decimals, separators": {
        "万元 → 元": to_yuan,
        "元 → 万元": to_wan,
        "four decimals": four_decimals,
        "separators removed": no_separators,
        "separators added": with_separators,
    },
    "classification codes": {
        "201 03 01": codes_spaced,
        "类 款 项 columns": codes_in_columns,
        "[2010301]": codes_bracketed,
    },
    "characters": {
        "full-width digits": full_width_digits,
        "full-width figures": full_width,
        "letter-spaced labels": letter_spaced,
        "zero as -": zero_dash,
        "zero as —": zero_long_dash,
        "zero blank": zero_blank,
    },
    "titles": {
        "表一": titles_chinese,
        "附表1-1": titles_annex,
        "部门公开表1": titles_public,
        "预算01表": titles_budget,
        "unit above the title": unit_above_title,
        "unit on the title line": unit_on_title_line,
        "unit after the title": unit_after_title,
        "编制单位 line": compiler_line,
    },
    "pages": {
        "header repeated": page_header_repeated,
        "续表 and headings": page_continued,
        "no header": page_no_header,
    },
}
