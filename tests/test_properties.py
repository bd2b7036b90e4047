"""Property-based tests (hypothesis) of normalisation and amount parsing.

Normalisation (:func:`nlp.normalize.normalize`) may only
  * end lines (CR, LF, CRLF → LF) and drop whitespace (trailing, or inside a
    number broken by extraction: ``3, 367. 47``),
  * drop invisible zero-width characters,
  * drop a page number standing alone on a line,
  * drop the extra copies of a heading printed k = 2…4 times over, and only on
    a line made entirely of such k-fold runs (``第一部分第一部分 部门概况部门概况``),
  * replace a character by its NFKC form (full-width ``３`` → ``3``, U+3000 → space)
    or a form feed by a space.
It never adds a character, never reorders, never changes a Chinese character.
Stated on the offset map: every clean character comes from the raw character its
offset names (identical or its NFKC form), offsets strictly increase, and every
run of raw characters that no clean character comes from is one of the above.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, localcontext
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from nlp import amounts
from nlp.encoding import line_at
from nlp.normalize import normalize
from tests.conftest import CORPUS_FILES

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PAGE_NUMBER = re.compile(r"\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
CORPUS_LINES = sorted({ln for p in CORPUS_FILES for ln in p.read_text(encoding="utf-8").split("\n") if ln.strip()})

# --- strategies: text that looks like damaged report text -------------------------

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
fullwidth = st.sampled_from("０１２３４５６７８９％ＡＢｘ．，　")
ascii_bits = st.sampled_from([*list("0123456789., -\t()"), "3, 367. 47", "22. 49", "1,000.00", "0.00"])
punct = st.sampled_from([*list("、，。：；（）“”《》【】—"), "一、", "（一）", "第一部分", "合计", "单位：万元"])
odd = st.sampled_from([*list(ZERO_WIDTH), "\x0c", "\x0b", "\u2028", "\x00"])
piece = st.one_of(han, fullwidth, ascii_bits, punct, odd, st.sampled_from(CORPUS_LINES))


@st.composite
def repeated_heading(draw) -> str:
    """A heading printed k times over, the way PDF extraction prints them."""
    k = draw(st.integers(2, 4))
    units = draw(st.lists(st.one_of(st.text(han, min_size=2, max_size=8), punct), min_size=1, max_size=3))
    return " ".join(u * k for u in units)


line = st.one_of(st.lists(piece, max_size=12).map("".join), repeated_heading(), st.sampled_from(CORPUS_LINES))
line_end = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


@st.composite
def raw_texts(draw) -> str:
    lines = draw(st.lists(st.tuples(line, line_end), max_size=25))
    return "".join(a + b for a, b in lines) + draw(st.sampled_from(["", "\n", "尾"]))


PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- normalisation ---------------------------------------------------------------


def same_char(clean: str, raw: str) -> bool:
    return (
        clean == raw
        or clean == unicodedata.normalize("NFKC", raw)
        or (raw in "\f\u3000\u00a0\u2002\u2003" and clean == " ")
        or (raw == "．" and clean == ".")
    )


def dropped_runs(raw: str, kept: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of raw characters no clean character comes from, within one line."""
    runs, start = [], None
    for i in range(len(raw) + 1):
        if i < len(raw) and i not in kept and raw[i] not in "\r\n":
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def canon(s: str) -> str:
    """Character by character NFKC (full-width → ASCII), keeping positions."""
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in s)


def all_runs(line: str, k: int) -> bool:
    """Is ``line`` made only of units printed exactly k times over, and spaces?
    (A unit has no whitespace, and no digit unless it has a Chinese character.)"""
    reach = [False] * (len(line) + 1)
    reach[0] = True
    for p in range(len(line)):
        if not reach[p]:
            continue
        if line[p].isspace():
            reach[p + 1] = True
            continue
        for u in range(1, 41):
            unit = line[p : p + u]
            if len(unit) < u or any(c.isspace() for c in unit):
                break
            if not HAN.search(unit) and any(c.isdigit() for c in unit):
                continue
            if line.startswith(unit * k, p) and not line.startswith(unit, p + u * k):
                reach[p + u * k] = True
    return reach[len(line)]


def explained(raw: str, a: int, b: int, kept: set[int]) -> bool:
    """Is dropping ``raw[a:b]`` (within one line) a repair normalisation may make?"""
    text = raw[a:b]
    if all(c.isspace() or c in ZERO_WIDTH for c in text):
        return True
    ls = max(raw.rfind("\n", 0, a), raw.rfind("\r", 0, a)) + 1
    le = min([x for x in (raw.find("\n", b), raw.find("\r", b)) if x >= 0] or [len(raw)])
    line = canon("".join(c for c in raw[ls:le] if c not in ZERO_WIDTH))
    if PAGE_NUMBER.fullmatch(line):
        return True
    core = canon("".join(c for c in text if c not in ZERO_WIDTH)).strip()
    # the kept characters just before the run, zero-width characters between them skipped (they are dropped anyway)
    before = [j for j in range(ls, a) if raw[j] not in ZERO_WIDTH]
    for u in range(1, 41):  # (k-1) more copies of the kept unit just before, on a line of runs
        for k in (2, 3, 4):
            unit = before[-u:] if len(before) >= u else None
            if (
                len(core) == u * (k - 1)
                and unit is not None
                and all(j in kept for j in unit)
                and core == canon("".join(raw[j] for j in unit)) * (k - 1)
                and all_runs(line, k)
            ):
                return True
    return False


@PROPS
@given(raw_texts())
@example("合计合计 100.00\n")
@example("第一部分第一部分 部门概况部门概况\n正文\n")
@example("科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n")
@example("一\f二\r\n三\u2028四\r五")
@example("０一\u200b一０一一\n")  # a doubled line with a zero-width space inside its kept copy (hypothesis found it)
def test_normalisation_only_repairs(raw: str) -> None:
    norm = normalize(raw)
    text, offs = norm.text, norm.offsets
    assert len(offs) == len(text) + 1 and offs[-1] == len(raw)
    kept: set[int] = set()
    last = -1
    for i, c in enumerate(text):
        r = offs[i]
        if c == "\n":  # a line end: maps to the raw line end (or the end of the file)
            continue
        assert r > last, f"offset of {c!r} at {i} goes back: reordered"
        last = r
        assert same_char(c, raw[r]), f"clean {c!r} at {i} comes from raw {raw[r]!r} at {r}"
        kept.add(r)
    for a, b in dropped_runs(raw, kept):
        if not explained(raw, a, b, kept):
            pytest.fail(f"dropped {raw[a:b]!r} at {a}: not a repair normalisation may make")


@PROPS
@given(raw_texts())
def test_chinese_characters_survive_in_order(raw: str) -> None:
    """The Han characters of the clean text are those of the raw text, in order,
    minus only the extra copies of repeated headings (checked above): here, the
    weaker but direct statement that the clean sequence is a subsequence of the raw."""
    clean_han = HAN.findall(normalize(raw).text)
    raw_han = iter(HAN.findall(raw))
    assert all(any(c == r for r in raw_han) for c in clean_han)


@PROPS
@given(raw_texts(), st.data())
def test_every_clean_range_maps_back_to_the_raw_file(raw: str, data) -> None:
    norm = normalize(raw)
    assume(norm.text)
    i = data.draw(st.integers(0, len(norm.text) - 1))
    j = data.draw(st.integers(i, len(norm.text)))
    span = norm.raw_span(i, j)
    assert 0 <= span.start <= span.end <= len(raw)
    assert span.text == raw[span.start : span.end]
    if span.text:  # (an empty span after the last line end has no line to name)
        assert span.line == line_at(raw, span.start)
    # what the clean range holds (line ends aside) is inside the raw span, in order
    inside = iter(range(span.start, span.end))
    for k in range(i, j):
        if norm.text[k] != "\n":
            assert any(r == norm.offsets[k] for r in inside)


@PROPS
@given(raw_texts())
def test_lines_are_the_raw_lines(raw: str) -> None:
    norm = normalize(raw)
    n_raw = len(re.findall(r"\r\n|\r|\n", raw)) + (0 if re.search(r"(\r|\n)$", raw) or not raw else 1)
    assert len(norm.lines) == n_raw
    for ln in norm.lines:
        assert norm.text[ln.start : ln.end] == ln.text
        if ln.text:
            assert line_at(raw, norm.offsets[ln.start]) == ln.number


# --- amounts ---------------------------------------------------------------------

UNITS = {"元": 1, "万元": 10000}


def printed(value: Decimal, places: int, separators: bool, style: str) -> str:
    magnitude = value.copy_abs()  # (abs() would round to 28 digits, and so would the text)
    body = f"{magnitude:,.{places}f}" if separators else f"{magnitude:.{places}f}"
    if value >= 0:
        return body
    return {"minus": "-" + body, "paren": "(" + body + ")", "fullparen": "（" + body + "）", "unicode": "−" + body}[
        style
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False, places=2)
    | st.decimals(min_value=0, max_value=Decimal("1e40"), allow_nan=False, allow_infinity=False, places=5),
    st.booleans(),
    st.sampled_from(["minus", "paren", "fullparen", "unicode"]),
    st.sampled_from(sorted(UNITS)),
)
@example(Decimal("3367.47"), True, "minus", "万元")
@example(Decimal("0.05"), True, "minus", "万元")
@example(Decimal("-1.50"), True, "paren", "元")
@example(Decimal("9" * 60 + ".00"), True, "minus", "万元")
def test_amounts_round_trip_exactly(value: Decimal, separators: bool, style: str, unit: str) -> None:
    places = max(0, -value.as_tuple().exponent)
    text = printed(value, places, separators, style)
    got = amounts.parse_amount(text, unit)
    with localcontext() as ctx:
        ctx.prec = 120
        yuan = value * UNITS[unit]
    if abs(yuan) > amounts.MAX_AMOUNT_YUAN:
        assert got is amounts.IMPLAUSIBLE, (text, got)  # beyond any budget: flagged (W309), never a number
        with patch.object(amounts, "MAX_AMOUNT_YUAN", Decimal("1E80")):  # the bound raised: exact again
            got = amounts.parse_amount(text, unit)
    assert isinstance(got, Decimal), (text, got)
    assert got == yuan  # Decimal == compares exactly, whatever the precision
    assert got.as_tuple().exponent == -places  # the printed precision is kept (0.50 stays 0.50)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("0123456789,.-()（）Oolx ×б"), min_size=1, max_size=12))
def test_parse_amount_never_guesses(text: str) -> None:
    """Whatever it returns is exactly the number the text spells, or nothing."""
    got = amounts.parse_amount(text, "元")
    if isinstance(got, Decimal):
        t = text.strip()
        neg = t.startswith(("-", "−", "(", "（"))
        digits = t.strip("-−()（）").strip()
        assert re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?", digits), text
        assert got == (-1 if neg else 1) * Decimal(digits.replace(",", ""))
