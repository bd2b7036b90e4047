"""Column headers → what each value column means.

A table's header is printed over several lines, wrapped mid-word (``上级补`` /
``助收入``) and in two levels (``财政拨款`` over ``一般公共预算 政府性基金预算 …``).
:func:`header_phrases` finds the known phrases (``nlp.vocab.MEASURES``) in the
header text in reading order; :func:`build_columns` turns them into one
:class:`~nlp.model.Column` per value column, expanding a two-level group into its
children (``nlp.vocab.COLUMN_GROUPS``).  When the phrases found do not match the
number of value columns, the columns keep their position and get the measure
``"unknown"`` rather than a guessed meaning.
"""

from __future__ import annotations

import difflib
import re

from nlp.headerwords import header_lines
from nlp.model import Column, Phase
from nlp.normalize import squash
from nlp.vocab import COLUMN_GROUPS, COUNT_MEASURES, FUNDING_SOURCES, MEASURES, ROW_PARTS, TEXT_MEASURES

#: Header text that names the row labels, not a value column: 科目编码, 功能分类科目,
#: 部门预算支出经济科目, 支出项目类别（资金使用单位）, 项目, 栏次 …
LABEL_HEADERS = re.compile(
    r"(?:功能分类|经济分类|收入分类|部门预算支出经济|预算支出经济|功能|经济|收入)?科目(?:编码|名称)?"
    r"|(?:支出)?项目类别(?:[（(][^)）]*[)）]?)?|项目(?!支出)|[栏行]次|类款项|功能分类|经济分类"
)
_PHASES = (
    ("决算数", Phase.FINAL_ACCOUNT),
    ("预算数", Phase.BUDGET),
    ("决算", Phase.FINAL_ACCOUNT),
    ("预算", Phase.BUDGET),
)
_SUBTOTAL = ("合计", "小计")

_PHRASES: list[tuple[str, str]] = sorted(
    ((p.replace(" ", ""), key) for key, term in MEASURES.items() for p in term.phrases),
    key=lambda pk: -len(pk[0]),
)
# The same phrases by first character, longest first: at a position only those starting with its character can
# match (header_phrases runs for every header hypothesis of every table; trying all phrases everywhere was slow).
_PHRASES_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
for _phrase, _key in _PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _key))


def measure_of(header: str) -> str | None:
    """The measure a single header names (longest known phrase), or ``None``."""
    h = squash(header)
    for phrase, key in _PHRASES:
        if phrase in h:
            return key
    return None


def header_phrases(header_text: str) -> list[tuple[str, str]]:
    """Known phrases in reading order: ``[(phrase as printed, measure key), …]``.

    Longest match first at every position; a 行次 column is reported too so the
    caller can tell row numbers from amounts.
    """
    h = squash(header_text)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(h):
        for phrase, key in _PHRASES_BY_FIRST.get(h[i], ()):
            if h.startswith(phrase, i):
                out.append((phrase, key))
                i += len(phrase)
                break
        else:
            i += 1
    return out


def value_phrases(header_text: str) -> list[tuple[str, str]]:
    """The phrases of a header that name value columns, as (phrase, measure key) in order: the row labels' words
    (:data:`LABEL_HEADERS`) and the columns holding no amount (:data:`nlp.vocab.TEXT_MEASURES`) left out."""
    return [(p, k) for p, k in header_phrases(LABEL_HEADERS.sub(" ", squash(header_text))) if k not in TEXT_MEASURES]


def phase_of(text: str) -> Phase | None:
    t = squash(text)
    for word, phase in _PHASES:
        if word in t:
            return phase
    return None


def _expand_groups(phrases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Replace a group header by its children printed later (two-level headers)."""
    keys = [k for _, k in phrases]
    out: list[tuple[str, str]] = []
    used: set[int] = set()
    for i, (phrase, key) in enumerate(phrases):
        if i in used:
            continue
        children = COLUMN_GROUPS.get(key, ())
        child_idx = [j for j in range(i + 1, len(phrases)) if keys[j] in children and j not in used]
        # only children that come in one run after the group count
        run: list[int] = []
        for j in child_idx:
            if run and j != run[-1] + 1:
                break
            run.append(j)
        if not run:
            out.append((phrase, key))
            continue
        first = run[0]
        if (
            first - 1 > i
            and keys[first - 1] == "total"
            and phrases[first - 1][0] in _SUBTOTAL
            and first - 1 not in used
        ):
            out.append((phrase + phrases[first - 1][0], "total:" + key))  # the group's own 合计 column
            used.add(first - 1)
        for j in run:
            out.append(phrases[j])
            used.add(j)
    return out


_ROW_LABEL_WORD = re.compile(r"(?:(?<=\s)|^)项\s?目(?=\s|$)")


def _label_words_out(header_text: str) -> str:
    """项目 standing alone (the heading of the row labels) before whitespace is dropped,
    so that 项目 支出预算 is not read as 项目支出."""
    return _ROW_LABEL_WORD.sub(" ", header_text)


def header_width(header_text: str) -> int:
    """How many value columns the header names (two-level headers expanded); 0 if none, or
    if a meaning repeats (blocks side by side: 科目名称 金额 | 科目名称 金额 — the rows tell)."""
    phrases = value_phrases(_label_words_out(header_text))
    keys = [k for _, k in _expand_groups(phrases)]
    return len(keys) if len(set(keys)) == len(keys) else 0


def build_columns(header_text: str, n_values: int, table_title: str = "") -> list[Column]:
    """Columns for ``n_values`` value columns from the header text."""
    header_text = _label_words_out(header_text)
    phrases = value_phrases(header_text)
    expanded = _expand_groups(phrases)
    table_phase = phase_of(table_title)
    title_source = source_of_title(table_title)
    phased = _phase_halves(expanded, n_values)
    if phased is not None:
        return [column_for(i, p, k, title_source, ph) for i, (p, k, ph) in enumerate(phased)]
    if len(expanded) != n_values:
        expanded = _fallback(expanded, n_values)
    if len(expanded) != n_values:
        counted = _counts_by_place(header_text, n_values, title_source, table_phase)
        if counted is not None:
            return counted
        repaired = repair_header(header_text)
        if repaired != header_text:
            again = _expand_groups(value_phrases(repaired))
            if len(again) == n_values:
                expanded = again
    columns: list[Column] = []
    if not expanded and n_values == 1 and phase_of(header_text):
        # 项目 预算: a single amount column named only by its phase
        return [
            Column(
                index=0,
                header=squash(header_text),
                measure="total",
                funding_source=title_source,
                phase=phase_of(header_text),
            )
        ]
    if len(expanded) != n_values:
        # a header we cannot map one-to-one: keep positions, claim no meaning — except for
        # a first value heading 合计/总计 printed on the first header line that names any column
        # (a table's total comes before what it sums; nothing stands left of it)
        single = expanded[0] if len(expanded) == 1 and n_values == 1 else None
        lead = _leading_total(header_text) if n_values > 1 else None
        for i in range(n_values):
            if single:
                columns.append(column_for(i, single[0], single[1], title_source, table_phase))
            elif i == 0 and lead:
                columns.append(column_for(0, lead, "total", title_source, table_phase))
            else:
                columns.append(
                    Column(index=i, header="", measure="unknown", funding_source=title_source, phase=table_phase)
                )
        return columns
    for i, (phrase, key) in enumerate(expanded):
        columns.append(column_for(i, phrase, key, title_source, table_phase))
    return columns


def _counts_by_place(
    header_text: str, n_values: int, title_source: str | None, phase: Phase | None
) -> list[Column] | None:
    """A header naming a count (数量, 人数 …, :data:`nlp.vocab.COUNT_MEASURES`) that its phrases do not read
    one-to-one (单价, 账面原值: words the vocabulary lacks): the last ``n_values`` pieces of the line naming most
    columns head the value columns, one each — the row's label, and a unit of measure printed as text (台, 辆), stand
    left of its figures — when the other lines name no column (the ends of headings cut over lines: 账面 / 原值; a
    line naming columns may stand over several of them, its place unknown).  A piece naming a count is that count's
    column, the others name nothing certain (``unknown``): the count must not take an amount's place, nor an amount
    the count's.  ``None`` unless every count the header names is one of those pieces."""
    lines, _ = header_lines(header_text)
    if not lines:
        return None
    leaf = max(range(len(lines)), key=lambda i: (len(lines[i]), i))
    if len(lines[leaf]) < n_values or any(value_phrases(" ".join(ln)) for i, ln in enumerate(lines) if i != leaf):
        return None
    pieces = lines[leaf][len(lines[leaf]) - n_values :]
    counted = [i for i, piece in enumerate(pieces) if measure_of(piece) in COUNT_MEASURES]
    if not counted or len(counted) != sum(key in COUNT_MEASURES for _, key in header_phrases(header_text)):
        return None
    return [
        column_for(i, piece, "quantity", title_source, phase)
        if i in counted
        else Column(index=i, header="", measure="unknown", funding_source=title_source, phase=phase)
        for i, piece in enumerate(pieces)
    ]


def source_of_title(table_title: str) -> str | None:
    """The most specific source of funds a table's title names (一般公共预算支出表 → general_public)."""
    title_source = None
    best = 0
    for key in FUNDING_SOURCES:
        for p in MEASURES[key].phrases:
            if len(p) >= 4 and p in squash(table_title) and len(p) > best:
                title_source, best = key, len(p)
    return title_source


def _leading_total(header_text: str) -> str | None:
    """合计/总计/小计 when it is the first value heading of the first header line that has one."""
    for line in header_text.split("\n"):
        phrases = value_phrases(line)
        if phrases:
            p, k = phrases[0]
            return p if k == "total" and p in ("合计", "总计", "支出总计", "收入总计") else None
    return None


_SECTION_LABELS = ("personnel", "public")


def _fallback(phrases: list[tuple[str, str]], n_values: int) -> list[tuple[str, str]]:
    """Side-by-side tables print their header once per block (科目名称 金额 | 科目名称 金额):
    drop block labels (人员经费 | 公用经费) and repeats of the same block."""
    for cand in (phrases, [p for p in phrases if p[1] not in _SECTION_LABELS]):
        keys = [k for _, k in cand]
        for size in range(1, len(cand) + 1):
            if len(cand) % size == 0 and keys == keys[:size] * (len(cand) // size) and size == n_values:
                return cand[:size]
    return phrases


_CJK_RUN = re.compile(r"[\u3400-\u9fff]{4,}")
_FUZZY_MIN = 0.7  # similarity (difflib ratio) for an OCR-damaged header word
_FUZZY_MARGIN = 0.05  # over the best phrase of any other meaning
_KEY = {p: k for p, k in _PHRASES}


def repair_header(header_text: str) -> str:
    """Replace header words that OCR damaged (政府但基金预算財政抵款, 年初结转) by the
    known phrase they are closest to, if one is close enough; words that already
    contain a known phrase are left alone.  Used only when the exact phrases do not
    account for every value column."""
    known = sorted({p for p, _ in _PHRASES if len(p) >= 4})

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if any(p in word for p, _ in _PHRASES if len(p) >= 2):
            return word
        scored = sorted(((difflib.SequenceMatcher(None, word, p).ratio(), p) for p in known), reverse=True)
        if not scored or scored[0][0] < _FUZZY_MIN:
            return word
        second = next((r for r, p in scored[1:] if _KEY[p] != _KEY[scored[0][1]]), 0.0)
        # close enough, and clearly closer to one meaning than to any other
        return scored[0][1] if scored[0][0] - second >= _FUZZY_MARGIN else word

    return _CJK_RUN.sub(fix, header_text)


def _phase_halves(phrases: list[tuple[str, str]], n_values: int) -> list[tuple[str, str, Phase | None]] | None:
    """预算数 | 决算数 over the same columns twice (三公经费 tables)."""
    lead = []
    for _, k in phrases:
        if k not in ("budget", "final"):
            break
        lead.append(k)
    rest = phrases[len(lead) :]
    if len(lead) < 2 or len(rest) != n_values or n_values % len(lead):
        return None
    size = n_values // len(lead)
    out: list[tuple[str, str, Phase | None]] = []
    for i, (p, k) in enumerate(rest):
        phase = Phase.BUDGET if lead[i // size] == "budget" else Phase.FINAL_ACCOUNT
        out.append((p, k, phase))
    return out


def column_for(i: int, phrase: str, key: str, title_source: str | None, phase: Phase | None) -> Column:
    """The column at ``i`` whose header ``phrase`` names measure ``key`` (:data:`nlp.vocab.MEASURES`, or
    ``total:<group>`` for a group's subtotal), of the table title's funding source and phase where the header names
    none."""
    if key.startswith("total:"):  # a group's subtotal: a total, of that group's source
        group = key.split(":", 1)[1]
        if group not in FUNDING_SOURCES:  # 本年支出 小计: the subtotal of that measure
            return Column(index=i, header=phrase, measure=group, funding_source=title_source, phase=phase)
        return Column(index=i, header=phrase, measure="total", funding_source=group, phase=phase)
    source = key if key in FUNDING_SOURCES else title_source
    if key in ("budget", "final"):
        phase = Phase.BUDGET if key == "budget" else Phase.FINAL_ACCOUNT
        key = "total"
    return Column(index=i, header=phrase, measure=key, funding_source=source, phase=phase)


def column_groups(cols: list[Column], kind: str | None) -> list[tuple[int, list[int]]] | None:
    """(total column, its part columns) pairs — the arithmetic across a row (合计 = 基本支出 +
    项目支出, 财政拨款 合计 = 一般公共预算 + …) — or None if the columns are not all parts."""
    if len(cols) < 3 or kind in ("summary", "fiscal_summary", "three_public"):
        return None
    if cols[0].measure != "total" or any(c.phase != cols[0].phase for c in cols):
        return None
    subtotals = {c.funding_source: c.index for c in cols[1:] if c.measure == "total" and c.funding_source}
    members: dict[int, list[int]] = {i: [] for i in subtotals.values()}
    top: list[int] = []
    for c in cols[1:]:
        if c.measure == "total":
            if c.index not in members:
                return None
            top.append(c.index)
            continue
        if c.measure not in ROW_PARTS:
            return None
        group = next((g for g, i in subtotals.items() if c.measure in COLUMN_GROUPS.get(g, ())), None)
        (members[subtotals[group]] if group else top).append(c.index)
    return [(0, top)] + [(i, m) for i, m in members.items() if m]
