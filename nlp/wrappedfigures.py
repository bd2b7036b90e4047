"""Figures wrapped inside cells too narrow for them (``1264.3`` / ``7``), read from text (a helper of
:mod:`nlp.rowassembly`): the line above a row holds their heads, the line below their tails, and a head and its
tail make a figure with the decimals the table prints.  The row's label may wrap beside them, its halves before the
heads and before the tails."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nlp.normalize import Line
from nlp.rows import Token, groups

_HEAD = re.compile(r"^-?\d[\d,]*\.(\d*)$|^-?\d[\d,]*$")
_TAIL = re.compile(r"^\d{1,3}$")
_DECIMALS = re.compile(r"(?:^|\s)-?\d[\d,]*\.(\d+)(?=\s|$)")


_WORD = re.compile(r"\S+")


@dataclass
class Wrapped:
    """Figures of a row wrapped inside cells too narrow for them, and the halves of its label printed beside them."""

    figures: list[tuple[Line, Token]]
    head_label: list[tuple[Line, Token]] = field(default_factory=list)
    tail_label: list[tuple[Line, Token]] = field(default_factory=list)


def _label_and(line: Line, part: re.Pattern) -> tuple[list[tuple[Line, Token]], list[re.Match]]:
    """A line's leading label words (none of them ``part``) and the words after them."""
    words = list(_WORD.finditer(line.text))
    k = 0
    while k < len(words) and not part.match(words[k].group()):
        k += 1
    return [(line, Token("text", w.group(), w.start(), w.end())) for w in words[:k]], words[k:]


def _places(body: list[Line]) -> int | None:
    """The decimals the table prints: the most common among the figures of lines that also print a label or a code
    (a line of wrapped heads prints figures only, cut short: ``1682.7 1208.2``), else among all figures."""
    counts: Counter[int] = Counter()
    for labelled in (True, False):
        for ln in body:
            if labelled and not _LABEL_OR_CODE.search(ln.text):
                continue
            counts.update(len(m.group(1)) for m in _DECIMALS.finditer(ln.text))
        if counts:
            return max(counts, key=lambda d: counts[d])
    return None


_LABEL_OR_CODE = re.compile(r"[\u3400-\u9fff]|^\s*\d{3,9}\s")


def wrapped_figures(body: list[Line]) -> tuple[dict[int, Wrapped], set[int]]:
    """Figures wrapped inside cells too narrow for them (``1264.3`` / ``7``): the line above a
    row holds their heads, the line below their tails, as many of each, and a head and its
    tail make a figure with the decimals the table prints.  The row's label is on its line, or — centred
    on the row, its line printing amounts only — its halves are before the heads and before the tails
    (``产业扶持资金-园区载 418,260.0`` / ``418,260.00 0.00 …`` / ``体补助 0``).  Returns, per row line, the joined
    figures (as tokens of the head's line reaching to the tail) with those halves, and the lines they were on."""
    places = _places(body)
    if places is None:
        return {}, set()
    lines = [ln for ln in body if ln.text.strip()]
    out: dict[int, Wrapped] = {}
    used: set[int] = set()
    for i in range(1, len(lines) - 1):
        head, row, tail = lines[i - 1], lines[i], lines[i + 1]
        gs = groups(row.text)
        if id(head) in used or not gs:
            continue
        head_label, hs = _label_and(head, _HEAD)
        tail_label, ts = _label_and(tail, _TAIL)
        if head_label or tail_label:
            # the label's halves beside the figures: the row's own line prints amounts only
            if len(gs) != 1 or gs[0].name or gs[0].code_parts or not gs[0].cells:
                continue
        elif not any(g.name or g.code_parts for g in gs):
            continue
        if not hs or len(hs) != len(ts) or not all(_TAIL.match(t.group()) for t in ts):
            continue
        heads = [hm for h in hs if (hm := _HEAD.match(h.group()))]
        if len(heads) != len(hs) or not all(
            len(m.group(1) or "") + len(t.group()) == places and m.group(1) is not None for m, t in zip(heads, ts)
        ):
            continue
        joined = [
            (head, Token("amount", h.group() + t.group(), h.start(), tail.start + t.end() - head.start, len(h.group())))
            for h, t in zip(hs, ts)
        ]
        out[id(row)] = Wrapped(joined, head_label, tail_label)
        used |= {id(head), id(tail)}
    return out, used
