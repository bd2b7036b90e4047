"""A name a report's rules found once is spread to its other mentions as the pipeline reads them (nlp.propagation
on nlp.pdftext's reading): a mention wrapped over a line break, or with a PDF space inside it, is found on its
printed span — the line break or space included (tests/gold/README.md: a name wrapped over a plain line break is
one span).  Constructed sentences in the shapes of report prose; each mention printed again with a line break at
every place inside the name (the paragraph re-wrapped to that width), with one space, with an ideographic space.
What must stay apart stays apart: two spaces (table cells side by side), a page number between the lines, a
mention whose words make it many or another's."""

from __future__ import annotations

import re

import pytest

from nlp.pdftext import read
from nlp.propagation import PROPAGATED
from nlp.tokenizer import token_offsets
from tests.pdfvariants import rewrap


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import load_pipeline

    return load_pipeline()  # no gazetteer: the names spread are the report's own (defined, its own systems, quoted)


def spread(nlp, texts: list[str]) -> list[list[tuple[str, str, str]]]:
    """``(printed characters, label, source)`` of each text's platforms and reforms, read as one report."""
    from nlp.entities import extract_docs
    from nlp.propagation import report_entities

    found = report_entities(extract_docs(nlp, texts)).entities
    for text, ents in zip(texts, found):
        assert all(text[e.start : e.end] == e.text for e in ents)  # every span is the printed characters
    return [[(e.text, e.label, e.source) for e in ents if e.label in ("Platform", "Reform")] for ents in found]


def _width(text: str) -> float:
    return sum(0.5 if c.isascii() else 1.0 for c in text)


# (the text where the rules find the name, a sentence naming it again where only propagation finds it, the name)
MENTIONED_AGAIN = [
    (
        "依托电子政务外网协同办公平台（以下简称OA系统）推行无纸化办公",
        "各科室严格执行公文管理的规定，OA系统全年流转公文3.2万件，公文办理全程留痕可追溯。",
        "OA系统",
        "Platform",
    ),
    (
        "建成政务数据共享交换平台（以下简称“交换平台”）",
        "按照数据共享目录的要求，交换平台累计交换数据2亿条，支撑部门业务协同办理和监管。",
        "交换平台",
        "Platform",
    ),
    (
        "保障无纸化会议系统（简称会议系统）稳定运行",
        "全年保障各类会议一百余场，会议系统支撑常务会议46次，全年运行安全稳定无故障。",
        "会议系统",
        "Platform",
    ),
    (
        "依托全县政务服务平台推行全程网办",
        "截至今年年底，政务服务平台共上线事项2860项，网上可办率达到百分之九十以上。",
        "政务服务平台",
        "Platform",
    ),
    (
        "全年上线“一码联办”事项30个。",
        "二是推广实施“一码联办”服务，聚焦企业开办、工程建设项目审批等高频事项持续发力。",
        "“一码联办”",
        "Reform",
    ),
]


def printed_variants(sentence: str, name: str) -> list[tuple[str, int, str]]:
    """``(how, where, printed sentence)``: a line break at every place ``where`` inside ``name`` (the sentence re-wrapped
    so that a line ends there), one space there, an ideographic space there (not between two Latin letters)."""
    start = sentence.index(name)
    out = []
    for cut in range(start + 1, start + len(name)):
        out.append(("wrapped", cut, rewrap(sentence, _width(sentence[:cut]))))  # type: ignore[arg-type]
        if sentence[cut - 1].isascii() and sentence[cut].isascii():
            continue  # a space between two Latin letters is theirs (O A), not the layout's
        out.append(("space", cut, sentence[:cut] + " " + sentence[cut:]))
        out.append(("ideographic space", cut, sentence[:cut] + "\u3000" + sentence[cut:]))
    return out


CASES = [
    pytest.param(first, sentence, how, cut, printed, name, label, id=f"{name}-{how} at {cut - sentence.index(name)}")
    for first, sentence, name, label in MENTIONED_AGAIN
    for how, cut, printed in printed_variants(sentence, name)
]
AS_PRINTED = [pytest.param(*m, id=m[2]) for m in MENTIONED_AGAIN]


@pytest.mark.parametrize(("first", "sentence", "name", "label"), AS_PRINTED)
def test_the_mention_as_printed_unbroken_is_found_by_propagation(nlp, first, sentence, name, label):
    """The constructed mentions are ones the rules miss on their own: only propagation finds them."""
    assert (name, label, PROPAGATED) in spread(nlp, [first, sentence])[1]


@pytest.mark.parametrize(("first", "sentence", "how", "cut", "printed", "name", "label"), CASES)
def test_a_mention_wrapped_or_spaced_inside_the_name_is_found_on_its_printed_span(
    nlp, first, sentence, how, cut, printed, name, label
):
    found = spread(nlp, [first, printed])[1]
    joined = [(re.sub(r"\s", "", t), lab) for t, lab, _ in found]
    words = lambda t: token_offsets(nlp.tokenizer(t))  # noqa: E731
    reading = read(printed, words)
    read_whole = name in (reading.text if reading else printed)
    if how == "wrapped" or cut not in {a for a, _ in words(sentence)}:
        assert read_whole  # a line break inside a paragraph, a space inside a word: read through (nlp.pdftext)
    # found where the reading holds the name whole (a space between two words may separate them: nlp.pdftext)
    assert joined == ([(name, label)] if read_whole else [])
    if not read_whole:
        return
    surface = found[0][0]
    assert surface != name and re.sub(r"\s", "", surface) == name  # the line break or space inside it, as printed


@pytest.mark.parametrize(("first", "sentence", "name", "label"), AS_PRINTED)
def test_a_mention_broken_by_a_cell_gap_or_a_page_number_is_not_joined(nlp, first, sentence, name, label):
    at = sentence.index(name) + len(name) // 2
    gap = sentence[:at] + "  " + sentence[at:]  # two spaces: two table cells side by side
    lines = rewrap(sentence, _width(sentence[:at])).split("\n")  # type: ignore[arg-type]
    paged = "\n".join([lines[0], "17", *lines[1:]])  # a page number between the two lines of the name
    for printed in (gap, paged):
        assert not any(re.sub(r"\s", "", t) == name for t, _, _ in spread(nlp, [first, printed])[1]), printed


@pytest.mark.parametrize(
    ("first", "sentence", "name"),
    [
        # the words around make it many, another's or a kind to be made: not the report's one system
        (
            "依托全县政务服务平台推行全程网办",
            "按照省里的统一部署，推动各级政务服务平台互联互通和数据共享。",
            "政务服务平台",
        ),
        (
            "依托全县政务服务平台推行全程网办",
            "按照省里的统一部署，学习借鉴杭州市政务服务平台的建设经验。",
            "政务服务平台",
        ),
        (
            "保障无纸化会议系统（简称会议系统）稳定运行",
            "结合本单位工作实际，采购视频会议系统设备一批，改善会场条件。",
            "会议系统",
        ),
    ],
)
def test_a_mention_the_words_around_do_not_allow_stays_unspread_however_printed(nlp, first, sentence, name):
    for how, _, printed in [("as printed", 0, sentence), *printed_variants(sentence, name)]:
        spread_there = [t for t, _, source in spread(nlp, [first, printed])[1] if source == PROPAGATED]
        assert not any(re.sub(r"\s", "", t) == name for t in spread_there), how
