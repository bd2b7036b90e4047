r"""A report's read paragraphs printed again as a PDF's extracted text prints a report, and their gold figures read
back through the path a report's narrative takes (scripts/pdf_figures.py, tests/test_pdf_figures.py).

A report's paragraphs (one clean paragraph each, with its gold spans) are laid out as one text: each paragraph
wrapped in lines ``width`` characters wide (its first line two short: the indent, as pdfplumber prints it, without
the spaces; :func:`tests.pdfvariants.rewrap`'s widths; a paragraph with Chinese text spaced apart, a table's row as a devset
region reads it, stays on one line), a page ended every ``page_lines`` lines by its number on a line
of its own and the next begun by the report's title (a running header, printed above the first page too), the characters damaged one way
(:data:`DAMAGE`: a space inside some words, the punctuation's width swapped).  Every printed character of a
paragraph keeps its place, so a gold span maps onto the printed text.  The text is read as a devset report's is
read (:func:`nlp.evaluation.region_entities`: one region per paragraph, normalised and unwrapped as the reader does,
a report's paragraphs read together) and scored span for span against the mapped gold.

>>> p = print_report(["依托政务服务平台和12345热线办理群众诉求，全年办结。"], width=10, page_lines=2)
>>> print(p.raw, end="")
某某市某某局2026年部门预算
依托政务服务平台
和12345热线办理群众
1
某某市某某局2026年部门预算
诉求，全年办结。
2
>>> p.raw[p.at[0][2] : p.at[0][7] + 1]
'政务服务平台'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp.evaluation import ENTITY_TYPES, _score, region_entities
from tests.pdfvariants import _lines, inner_spaces

#: the running header printed at the top of every page after the first (a made-up report title)
TITLE = "某某市某某局2026年部门预算"

#: Chinese text, a space, Chinese text: a devset paragraph that is a table's row read as the page laid its cells out
_CELLS_APART = re.compile(r"[\u3400-\u9fff）)，。、；：] +[\u3400-\u9fff（(]")
_TO_HALF = dict(zip("，：；（）！？", ",:;()!?"))
_TO_FULL = {v: k for k, v in _TO_HALF.items()}


def swap_punctuation(text: str) -> str:
    """Full-width punctuation printed half-width and half-width full-width (，↔, ：↔: （）↔() …), one for one."""
    return "".join(_TO_HALF.get(c) or _TO_FULL.get(c) or c for c in text)


#: the damage a PDF's text does to a paragraph's characters, besides its lines: each a function of the text
DAMAGE: dict[str, Callable[[str], str]] = {
    "none": lambda t: t,
    "innerspaces": inner_spaces,
    "punctuation": swap_punctuation,
}


def _placed(text: str, printed: str) -> list[int | None]:
    """For each character of ``printed`` (``text`` with characters inserted, or swapped one for one), the index of
    the character of ``text`` it prints (None: inserted)."""
    if len(printed) == len(text):
        return list(range(len(text)))
    out: list[int | None] = []
    i = 0
    for ch in printed:
        if i < len(text) and ch == text[i]:
            out.append(i)
            i += 1
        else:
            out.append(None)
    assert i == len(text), "printed text is not the text with characters inserted"
    return out


@dataclass
class Printed:
    """A report printed: its text, one raw region per paragraph and, per paragraph, the raw offset of each of its
    characters."""

    raw: str
    regions: list[list[int]]
    at: list[list[int]]
    #: the raw ranges of what a page break prints (its page number and the next page's running header)
    breaks: list[tuple[int, int]]

    def broken(self, start: int, end: int) -> bool:
        """Does a page break fall inside raw ``[start, end)``?  (tests/gold/README.md: a name a page number is
        printed into is not annotated.)"""
        return any(start < a and b <= end for a, b in self.breaks)


def print_report(
    texts: Sequence[str],
    width: int | None,
    *,
    page_lines: int | None = None,
    damage: str = "none",
    title: str = TITLE,
) -> Printed:
    """``texts`` printed as one report: each paragraph on lines ``width`` wide (None: one line each), a page break
    (its number, then ``title``) after every ``page_lines`` lines, ``damage`` done to every paragraph."""
    lines: list[list[tuple[str, tuple[int, int] | None]]] = []
    for k, text in enumerate(texts):
        printed = DAMAGE[damage](text)
        place = _placed(text, printed)
        cells = [(ch, None if i is None else (k, i)) for ch, i in zip(printed, place)]
        if width is None or _CELLS_APART.search(text):
            lines.append(cells)  # a table's cells side by side (a devset region's row): not prose to wrap again
            continue
        first = _lines(printed, max(width - 2, 4))[0]
        rest = _lines(printed[len(first) :], width) if len(first) < len(printed) else []
        at = 0
        for line in [first, *rest]:
            lines.append(cells[at : at + len(line)])
            at += len(line)
    if page_lines:
        paged: list[list[tuple[str, tuple[int, int] | None]]] = [[(c, None) for c in title]]
        for n, line in enumerate(lines):
            if n and n % page_lines == 0:
                paged += [[(c, None) for c in str(n // page_lines)], [(c, None) for c in title]]
            paged.append(line)
        lines = [*paged, [(c, None) for c in str(len(lines) // page_lines + 1)]]
    raw: list[str] = []
    at: list[list[int]] = [[0] * len(t) for t in texts]
    breaks: list[tuple[int, int]] = []
    for line in lines:
        if line and all(src is None for _, src in line):
            if breaks and breaks[-1][1] == len(raw):
                breaks[-1] = (breaks[-1][0], len(raw) + len(line) + 1)
            else:
                breaks.append((len(raw), len(raw) + len(line) + 1))
        for ch, src in line:
            if src is not None:
                at[src[0]][src[1]] = len(raw)
            raw.append(ch)
        raw.append("\n")
    regions = [[a[0], a[-1] + 1] if a else [0, 0] for a in at]
    return Printed("".join(raw), regions, at, breaks)


def figures(
    nlp,
    reports: Sequence[Sequence[tuple[str, frozenset, frozenset | None]]],
    width: int | None,
    *,
    page_lines: int | None = None,
    damage: str = "none",
    use_gazetteer: bool = True,
    found: list | None = None,
    crossing: Counter | None = None,
) -> dict[str, list[int]]:
    """Right, found and gold per type over ``reports`` (each a list of paragraphs: text, gold spans ``(start, end,
    label)``, the types it was read for or None), each printed by :func:`print_report` and read back.  ``found``:
    filled with ``(report, paragraph, start, end, label)`` of every name found, in paragraph offsets (a name that
    starts or ends on a character the print added is placed by the raw characters around it).  A name a page break
    falls inside (the guideline leaves it unannotated) is scored neither way: ``crossing`` counts them (right, found,
    gold)."""
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}
    confusion = {("Platform", "Reform"): 0, ("Reform", "Platform"): 0}
    for r, paragraphs in enumerate(reports):
        texts = [p[0] for p in paragraphs]
        printed = print_report(texts, width, page_lines=page_lines, damage=damage)
        pred = region_entities(nlp, printed.raw, printed.regions, use_gazetteer=use_gazetteer)
        owner = {}
        for k, a in enumerate(printed.at):
            for i, o in enumerate(a):
                owner[o] = (k, i)
        by_paragraph: list[set] = [set() for _ in texts]
        for s, e, lab in pred:
            k = owner.get(s, owner.get(e - 1))
            if k is None:
                k = next((j for j, reg in enumerate(printed.regions) if reg[0] <= s < reg[1]), 0), None
            by_paragraph[k[0]].add((s, e, lab))
            if found is not None:
                a, b = owner.get(s), owner.get(e - 1)
                found.append((r, k[0], a[1] if a else -1, b[1] + 1 if b else -1, lab))
        for k, (_, gold, types) in enumerate(paragraphs):
            at = printed.at[k]
            scored = set(types or ENTITY_TYPES)
            g = {(at[s], at[e - 1] + 1, lab) for s, e, lab in gold}
            f = {p for p in by_paragraph[k] if p[2] in scored}
            # a name a page break falls inside is left out on both sides (the guideline leaves it unannotated)
            if crossing is not None:
                crossing["gold"] += sum(printed.broken(x[0], x[1]) for x in g)
                crossing["found"] += sum(printed.broken(x[0], x[1]) for x in f)
                crossing["right"] += sum(printed.broken(x[0], x[1]) for x in f & g)
            g = {x for x in g if not printed.broken(x[0], x[1])}
            f = {x for x in f if not printed.broken(x[0], x[1])}
            _score(g, f, counts, confusion)
    return counts


def by_report(paragraphs) -> list[list[tuple[str, frozenset, frozenset | None]]]:
    """:class:`nlp.heldoutsets.Paragraph` rows grouped by report, in order."""
    groups: dict[tuple[str, str], list] = {}
    for p in paragraphs:
        groups.setdefault((p.set, p.page), []).append((p.text, p.gold, p.types))
    return list(groups.values())


def broken_names(reports, found: list, width: int | None, *, page_lines: int | None = None) -> set:
    """Those of ``found`` (as :func:`figures` fills it) a page break falls inside when ``reports`` are printed at
    ``width`` with a page break every ``page_lines`` lines."""
    out = set()
    prints = {}
    for r, k, s, e, lab in found:
        if r not in prints:
            prints[r] = print_report([p[0] for p in reports[r]], width, page_lines=page_lines)
        at = prints[r].at[k]
        if s >= 0 and e > s and prints[r].broken(at[s], at[e - 1] + 1):
            out.add((r, k, s, e, lab))
    return out
