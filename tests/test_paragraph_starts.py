"""Where a paragraph with no enumerator starts when the reader unwraps a report's lines (nlp.normalize.unwrap, the
paragraphs of relations' text units and of the evaluation's regions): after a sentence ended on a line shorter than
the lines around it, before an indented line after a sentence's end, and after a title with no enumerator (a short
line, no sentence's punctuation) that a full line or a sentence follows — a heading after a list's last item, the
text after a heading.  Until session 25 only an enumerator started one: the heading and the next section's text were
one paragraph with the list's last item.

The silver the shipped model was trained on was read at enumerators only (``unnumbered=False``, nlp.silver): so it
stays, until a retrain.

Variants: made-up text (paragraphs wrapped at several widths, indented or not, headings of several kinds on one line or
wrapped over two or three, after a list and after a paragraph), the joins that are right (a sentence ended on a full
line, a line wrapped mid-sentence, a table's label and its figures), and the unnumbered headings the layout finds in
the bundled corpus and the development set's train split: each starts a paragraph of its own.
"""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS_FILES, DEVSET, DEVSET_TRAIN_MANIFEST, read_report_once, requires_devset
from test_wrapped_headings import CUTS, HEADINGS, ITEMS, NAME, cut, made_up, squash, wrap

from nlp.layout import walk
from nlp.normalize import ITEM_START, normalize, unwrap

PARAGRAPHS = [
    "本单位认真贯彻落实市委市政府的决策部署，扎实推进统计数据采集、审核和发布的各项工作，统计服务水平不断提升。",
    "本单位严格执行预算管理的有关规定，厉行节约，从严控制一般性支出，保障重点工作的资金需要。",
]


def paragraphs(lines: list[str], unnumbered: bool = True) -> list[str]:
    norm = normalize("\n".join(lines) + "\n")
    return [squash(t) for t, _ in unwrap(norm, 0, len(norm.lines), unnumbered=unnumbered)]


@pytest.mark.parametrize("where", [*sorted(CUTS), "one line"])
@pytest.mark.parametrize("kind", sorted(HEADINGS))
@pytest.mark.parametrize("enumerator", ["1.", "（一）", "①"])
def test_a_heading_after_a_list_starts_a_paragraph(enumerator: str, kind: str, where: str) -> None:
    heading = HEADINGS[kind].format(name=NAME)
    lines = made_up(enumerator, [heading] if where == "one line" else cut(heading, CUTS[where]))
    got = paragraphs(lines)
    mark = {"1.": "3.", "（一）": "（三）", "①": "③"}[enumerator]
    assert mark + squash(ITEMS[2]) in got
    assert squash(heading) in got  # the heading alone: the text after it is a paragraph of its own


@pytest.mark.parametrize("width", [18, 26, 34])
@pytest.mark.parametrize("kind", ["structure", "explanation", "performance"])
def test_a_heading_after_a_paragraph_starts_one_and_its_text_another(kind: str, width: int) -> None:
    heading = HEADINGS[kind].format(name=NAME)
    lines = [*wrap(PARAGRAPHS[0], width), *cut(heading, (0.5,)), *wrap(PARAGRAPHS[1], width)]
    assert paragraphs(lines) == [squash(PARAGRAPHS[0]), squash(heading), squash(PARAGRAPHS[1])]


@pytest.mark.parametrize("width", [18, 26, 34])
def test_a_sentence_ended_on_a_short_line_ends_its_paragraph(width: int) -> None:
    first = wrap(PARAGRAPHS[0], width)
    if len(first[-1]) >= 0.8 * width:
        first[-1:] = [first[-1][:-3], first[-1][-3:]]
    assert paragraphs([*first, *wrap(PARAGRAPHS[1], width)]) == [squash(p) for p in PARAGRAPHS]


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  ", "    "])
def test_an_indented_line_after_a_sentence_starts_a_paragraph(indent: str) -> None:
    # the first paragraph ends at a full stop on a full line: the indent alone says a new one starts
    first = PARAGRAPHS[0]
    lines = [*wrap(first, len(first) // 2 + 1), indent + PARAGRAPHS[1][:20], PARAGRAPHS[1][20:]]
    assert len(lines[1]) >= 0.8 * len(lines[0])
    assert paragraphs(lines) == [squash(p) for p in PARAGRAPHS]


# --- the joins that are right ------------------------------------------------------------------------------------


def test_a_sentence_ended_on_a_full_line_goes_on_without_an_indent() -> None:
    text = PARAGRAPHS[0] + PARAGRAPHS[1]
    width = len(PARAGRAPHS[0]) // 2 + 1
    lines = [PARAGRAPHS[0][:width], PARAGRAPHS[0][width:], *wrap(PARAGRAPHS[1], width)]
    assert abs(len(lines[1]) - len(lines[0])) <= 1
    assert paragraphs(lines) == [squash(text)]


@pytest.mark.parametrize("width", [12, 18, 26])
def test_lines_wrapped_mid_sentence_stay_one_paragraph(width: int) -> None:
    assert paragraphs(wrap(PARAGRAPHS[0], width)) == [squash(PARAGRAPHS[0])]


def test_a_tables_label_and_its_figures_stay_together() -> None:
    lines = ["一般公共服务支出", "123.45 67.89", "教育支出", "8.00 2.00"]
    got = paragraphs(lines)
    assert len(got) <= 2 and all(any(c.isdigit() for c in p) for p in got)


def test_the_silver_reading_is_unchanged() -> None:
    lines = made_up("1.", cut(HEADINGS["structure"].format(name=NAME), CUTS["half"]))
    assert not any(
        p.startswith(squash(HEADINGS["structure"].format(name=NAME))) for p in paragraphs(lines, unnumbered=False)
    )


# --- real reports: the unnumbered headings the layout finds each start a paragraph ------------------------------


def heading_starts(path) -> list[tuple[str, bool]]:
    """Each unnumbered heading of a standard kind the layout finds in the report at ``path``, and whether the
    paragraph holding its first character starts there.  Left out: a heading right after an enumerated title (the
    contents' last entry, 十七、部门项目中期规划预算表): a short line after one is its title's tail as often (（一）…“放管服”
    / 工作), and unwrap does not tell them apart."""
    report = read_report_once(path)
    norm = normalize(path.read_text(encoding="utf-8"))
    starts: dict[int, bool] = {}
    for _, clean in unwrap(norm, 0, len(norm.lines), unnumbered=True):
        for k, c in enumerate(clean):
            starts[norm.offsets[c]] = k == 0
    out = []
    for s in walk(report.sections):
        if s.marker or s.kind in (None, "toc") or s.span.start not in starts:
            continue
        j = s.span.line - 2
        while j >= 0 and not norm.lines[j].text.strip():
            j -= 1
        before = norm.lines[j].text.strip() if j >= 0 else ""
        if ITEM_START.match(before) and not re.search(r"[，。；：,;:]", before):
            continue
        out.append((s.title, starts[s.span.start]))
    return out


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_corpus_unnumbered_headings_start_paragraphs(path) -> None:
    assert [t for t, ok in heading_starts(path) if not ok] == []


@requires_devset
@pytest.mark.slow
def test_train_unnumbered_headings_start_paragraphs() -> None:
    found = [
        (row["stem"][:3], t)
        for row in DEVSET_TRAIN_MANIFEST
        for t, ok in heading_starts(DEVSET / "text" / f"{row['stem']}.txt")
        if not ok
    ]
    assert found == []
