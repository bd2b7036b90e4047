"""The words of a table header: what each piece of a heading names (nlp.headergrid).

A heading is read as a sequence of words from the vocabulary (:data:`nlp.vocab.MEASURES`, longest
phrase first), years, 其中, brackets and 比; a piece that names nothing alone may still be the
start or the end of a word wrapped over lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.model import Phase
from nlp.tablelines import is_column_numbers
from nlp.vocab import COLUMN_GROUPS, FUNDING_SOURCES, HEADER_LABELS, MEASURES

_WS = re.compile(r"\s+")
_UNIT_PIECE = re.compile(
    r"[（(]?(?:单位[:：]?)?(?:万元|千元|亿元|元|万)[)）]?"
)  # a unit wrapped onto a line of its own

_PHRASES: dict[str, list[tuple[str, str]]] = {}
for _key, _term in MEASURES.items():
    for _p in _term.phrases:
        _sq = _WS.sub("", _p)
        _PHRASES.setdefault(_sq[0], []).append((_sq, _key))
for _lst in _PHRASES.values():
    _lst.sort(key=lambda pk: -len(pk[0]))
_PREFIXES: frozenset[str] = frozenset(p[:i] for lst in _PHRASES.values() for p, _ in lst for i in range(1, len(p) + 1))
_SUFFIXES: frozenset[str] = frozenset(p[i:] for lst in _PHRASES.values() for p, _ in lst for i in range(len(p)))
_LABELS = tuple(sorted({_WS.sub("", w) for w in HEADER_LABELS}, key=len, reverse=True))

# Words that qualify a heading without being a measure: a year, 其中 (a part of what the
# column before holds, not a share of the total), brackets, 比 (… compared with …).
#: A year heading (2025年, 2026年度): its digits.
YEAR = re.compile(r"(\d{4})年度?")
_SUBSET = re.compile(r"其中[:：]?")
_FILLER = re.compile(r"[（）()：:、，,\-—]|比|[（(]?单位[:：]?(?:万元|元|千元)[)）]?")
#: The measure keys that name a phase (预算数, 决算数, 执行数 as a column's measure), and the phase.
PHASE_KEYS = {"budget": Phase.BUDGET, "final": Phase.FINAL_ACCOUNT, "execution": Phase.EXECUTION}
#: Words naming a phase inside a heading, longest first.
PHASE_WORDS = (
    ("决算数", Phase.FINAL_ACCOUNT),
    ("预算数", Phase.BUDGET),
    ("执行数", Phase.EXECUTION),
    ("决算", Phase.FINAL_ACCOUNT),
    ("预算", Phase.BUDGET),
    ("执行", Phase.EXECUTION),
)
#: Measures a heading may stand over (a group), besides years, phases and comparisons.
GROUPS = (
    set(COLUMN_GROUPS)
    | set(FUNDING_SOURCES)
    | {"basic", "opening_balance", "procurement", "current_income", "current_expenditure"}
)
#: What a group's columns may hold where that is closed (a 政府采购 group over its 小计 and its
#: reserved shares, not over 基本支出); other groups (years, phases, sources of funds) may hold any.
GROUP_PARTS: dict[str, set[str]] = {
    "basic": {"personnel", "public"},
    "procurement": {"procurement_sme", "procurement_small_micro"},
    "three_public_total": {"outbound_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"},
    "vehicles": {"vehicle_purchase", "vehicle_operation"},
}
#: The measures of a comparison (增减, 增减率): a heading's change against another year or phase.
CHANGES = ("change", "change_rate")
# What a 其中 heading may name: a part of some other measure.
_SUBSETS = {c for parts in COLUMN_GROUPS.values() for c in parts} | {
    "basic",
    "project",
    "personnel",
    "public",
    "procurement_sme",
    "procurement_small_micro",
}


@dataclass(frozen=True)
class Word:
    text: str
    kind: str  # "measure" | "year" | "subset" | "filler" | "unknown" | "partial"
    key: str | None = None


@lru_cache(maxsize=65536)
def parse(text: str, partial: bool = False) -> tuple[int, tuple[Word, ...]]:
    """(characters no heading explains, words) of a heading's text, longest phrases first.

    With ``partial``, the text may end inside a phrase (a prefix of it)."""
    n = len(text)
    best: list[tuple[int, int, tuple[Word, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        cost, count, words = cur
        options: list[tuple[int, Word, int]] = [(1, Word(text[i], "unknown"), 1)]
        for phrase, key in _PHRASES.get(text[i], ()):
            if text.startswith(phrase, i):
                options.append((len(phrase), Word(phrase, "measure", key), 0))
        for pattern, kind in ((YEAR, "year"), (_SUBSET, "subset"), (_FILLER, "filler")):
            m = pattern.match(text, i)
            if m and m.end() > i:
                options.append((m.end() - i, Word(m.group(), kind), 0))
        for length, word, extra in options:
            j = i + length
            cand = (cost + extra, count + 1, (*words, word))
            if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                best[j] = cand
    out = best[n]
    assert out is not None
    if partial:
        for i in range(n - 1, -1, -1):  # the text may stop inside a phrase
            b = best[i]
            if b is not None and text[i:] in _PREFIXES and b[0] < out[0]:
                out = (b[0], b[1] + 1, b[2] + (Word(text[i:], "partial"),))
    return out[0], out[2]


def is_coherent(words: tuple[Word, ...]) -> bool:
    """Headings one column can carry: one year and one phase (two where …比… compares them),
    no meaning twice, a comparison naming the year it compares with, a bracketed qualifier
    after what it qualifies."""
    years = len({w.text for w in words if w.kind == "year"})
    phases = len({_phase_in(w.text) for w in words if w.kind == "measure" and _phase_in(w.text)})
    compares = sum(w.kind == "filler" and w.text == "比" for w in words)
    if years > 1 + compares or phases > 1 + compares or compares > 1 or sum(w.kind == "subset" for w in words) > 1:
        return False
    keys = [w.key for w in words if w.kind == "measure" and w.key not in PHASE_KEYS]
    if len(keys) != len(set(keys)):
        return False
    if compares:  # …比… compares two different figures (2024年预算数比2023年执行数)
        at = next(i for i, w in enumerate(words) if w.kind == "filler" and w.text == "比")
        sides = [
            tuple((w.kind, w.text) for w in part if w.kind == "year" or w.key in PHASE_KEYS)
            for part in (words[:at], words[at + 1 :])
        ]
        if sides[0] and sides[0] == sides[1]:
            return False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w.kind == "filler" and w.text == "比" and nxt is not None and nxt.kind not in ("year", "partial"):
            return False
        if w.kind == "filler" and w.text in "（(" and (i == 0 or words[i - 1].kind != "measure"):
            return False
    return True


@lru_cache(maxsize=4096)
def _phase_in(text: str) -> Phase | None:
    """The phase a measure word names, also inside a longer one (扣除中央基建投资后预算数)."""
    if any(text == p for key in FUNDING_SOURCES for p in MEASURES[key].phrases):
        return None
    return next((ph for w, ph in PHASE_WORDS if w in text), None)


def is_complete(words: tuple[Word, ...]) -> bool:
    """A heading ends with what it names: a measure, not a comparison left open (…比), a
    其中, a year or a bracketed qualifier."""
    depth = 0
    last = None
    for w in words:
        if w.kind == "filler" and w.text in "（(":
            depth += 1
        elif w.kind == "filler" and w.text in "）)":
            depth = max(0, depth - 1)
        elif w.kind == "measure" and depth == 0:
            last = w
        elif w.kind in ("subset", "year", "partial") or (w.kind == "filler" and w.text == "比"):
            last = None
    return last is not None


@lru_cache(maxsize=16384)
def heading(text: str) -> bool:
    """A whole heading: coherent, complete, and (nearly) every character explained — a word
    the vocabulary lacks may stand before what it names (支出总计).  A 其中 heading names a
    part of something (其中：基本支出, 其中：…预留给中小企业…), nothing that stands alone."""
    cost, words = parse(text)
    if cost > _slack(text) or not is_coherent(words) or not is_complete(words):
        return False
    if any(w.kind == "subset" for w in words):
        leaf = [w.key for w in unbracketed(words) if w.kind == "measure" and w.key not in PHASE_KEYS]
        return bool(leaf) and leaf[-1] in _SUBSETS
    return True


def _slack(text: str) -> int:
    return min(2, len(text) // 3)


@lru_cache(maxsize=16384)
def can_start(text: str) -> bool:
    """Can a heading begin with this piece (it is a prefix of one)?"""
    cost, words = parse(text, partial=True)
    if cost or not words or not is_coherent(words):
        return False
    first = words[0]
    return not (first.kind == "filler" and first.text in "）)比、，,:：")


def _is_label_piece(token: str) -> bool:
    """A row-label heading, or a piece of one wrapped over lines (科目编 / 码) that is no piece
    of a value heading."""
    if token in _LABELS or (len(token) == 1 and token in "类款项"):
        return True
    rest = token
    while rest:  # 科目编码科目名称 glued: label words one after another
        word = next((w for w in _LABELS if rest.startswith(w)), None)
        if word is None:
            break
        rest = rest[len(word) :]
    if not rest:
        return True
    if rest in _PREFIXES or rest in _SUFFIXES:
        return False
    return any(w.startswith(rest) or w.endswith(rest) for w in _LABELS if len(w) > len(rest))


# A row-label heading with a bracketed aside (支出项目类别（资金使用单位）), its bracket still open where the line
# ends (支出项目类别（资金使用), and the rest of the aside closing it on a line below (单位）)
_LABEL_ASIDE = re.compile(r"(.+?)[（(][^（()）]*[）)]?")
_BRACKET_TAIL = re.compile(r"[^（()）]*[）)]")


def _open_label(token: str) -> bool:
    """A row-label heading followed by a bracketed aside, whole or left open (支出项目类别（资金使用单位）)."""
    m = _LABEL_ASIDE.fullmatch(token)
    return m is not None and _is_label_piece(m.group(1))


def _tokens(line: str) -> list[str]:
    """Pieces of a header line; a word printed spaced out (合 计) is one piece."""
    raw = line.split()
    out: list[str] = []
    i = 0
    while i < len(raw):
        merged = None
        if len(raw[i]) == 1:
            for j in range(min(len(raw), i + 4), i + 1, -1):
                cand = "".join(raw[i:j])
                if all(len(t) == 1 for t in raw[i:j]) and (heading(cand) or cand in _LABELS):
                    merged = (cand, j)
                    break
        if merged:
            out.append(merged[0])
            i = merged[1]
        else:
            out.append(raw[i])
            i += 1
    return out


def header_lines(header_text: str) -> tuple[list[list[str]], int | None]:
    """(value pieces per line, the column count a 栏次 line prints), row-label headings set aside."""
    lines: list[list[str]] = []
    numbered: int | None = None
    bracket = False  # a row-label heading left a bracket open (支出项目类别（资金使用 / 单位）)
    for ln in header_text.split("\n"):
        if not ln.strip():
            continue
        if is_column_numbers(ln):
            nums = [t for t in ln.split() if t.isdigit()]
            if len(nums) >= 2:
                numbered = int(nums[-1]) - int(nums[0]) + 1
            continue
        toks = [t for t in _tokens(ln) if not _UNIT_PIECE.fullmatch(t)]
        k = 0
        if bracket and toks and _BRACKET_TAIL.fullmatch(toks[0]):
            k, bracket = 1, False  # the bracket a row-label heading opened on a line above, closed here
        while k < len(toks) and (_is_label_piece(toks[k]) or _open_label(toks[k])):
            bracket = bracket or _open_label(toks[k])
            k += 1
        if toks[k:]:
            lines.append(toks[k:])
    return lines, numbered


def unbracketed(words: tuple[Word, ...]) -> list[Word]:
    """The words of a heading outside its brackets (a bracketed qualifier left out)."""
    out, depth = [], 0
    for w in words:
        if w.kind == "filler" and w.text in "（(":
            depth += 1
        elif w.kind == "filler" and w.text in "）)":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(w)
    return out
