"""nlp.normalize on lines taken from the real reports (corpus/*.txt)."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from nlp.normalize import normalize, unwrap


def corpus_line(prefix: str, number: int) -> str:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


@pytest.mark.parametrize(
    "prefix,number,expected",
    [
        # headings printed four times over (report 000)
        ("000", 1, "第一部分 部门基本情况"),
        ("000", 3, "一、部门主要职责"),
        ("000", 401, "六、“三公”经费、会议费和机关运行经费预算情况"),
        ("000", 403, "（一）“三公”经费预算"),
        # numbers broken by spaces (report 001)
        ("001", 75, "一、财政拨款收入\t1\t3,367.47\t一、一般公共服务支出\t37\t592.93"),
        ("001", 131, "20805\t行政事业单位离退休\t22.49\t22.49\t0.00\t0.00\t0.00\t0.00\t0.00"),
    ],
)
def test_real_lines_are_repaired(prefix: str, number: int, expected: str) -> None:
    norm = normalize(corpus_line(prefix, number))
    assert norm.lines[0].text.strip() == expected


def test_rows_of_zeros_are_not_taken_for_repeated_headings() -> None:
    line = "二、外交支出 0.00 0.00 0.00 0.00"
    assert normalize(line).lines[0].text == line


@pytest.mark.parametrize(
    "line,expected",
    [
        # made-up: a stray space after a point, before the decimals — joined
        ("3, 367. 47 1,208. 20", "3,367.47 1,208.20"),
        ("合计 1593. 48", "合计 1593.48"),
        # heads of figures cut at their points, decimals wrapped below: the next head is no decimals of this one
        ("15,934,800. 10,624,100. 5,310,700.", "15,934,800. 10,624,100. 5,310,700."),
        ("201 支出 1,593. 1,062. 531.", "201 支出 1,593. 1,062. 531."),
        ("934,800. 1,062.41", "934,800. 1,062.41"),
    ],
)
def test_a_space_after_a_point_is_dropped_only_before_decimals(line: str, expected: str) -> None:
    assert normalize(line).lines[0].text == expected


def test_fullwidth_digits_and_letters() -> None:
    norm = normalize("２０１８ 年部门收支总预算 ２，０９７．６２ 万元，ＧＩＳ平台")
    # the full-width comma grouping the thousands of a figure with decimals is its separator (tests/test_variant_families)
    assert norm.lines[0].text == "2018 年部门收支总预算 2,097.62 万元，GIS平台"


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_every_clean_character_maps_back_to_the_raw_file(prefix: str) -> None:
    raw = next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    norm = normalize(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:]))  # order is kept
    for line in norm.lines:
        if not line.text.strip():
            continue
        span = norm.line_span(line)
        assert raw[span.start : span.end] == span.text
        assert span.line == line.number
        # digits and Chinese characters are never moved, only dropped or converted
        for i, ch in enumerate(line.text):
            src = raw[norm.offsets[line.start + i]]
            assert ch == src or ch == chr(ord(src) - 0xFEE0) or (ch == " " and src.isspace()) or ch in ".,%"


def test_page_numbers_standing_alone_are_dropped() -> None:
    raw = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    assert raw.splitlines()[224].strip() == "10"  # a page number between two tables
    assert normalize(raw).lines[224].text == ""


@pytest.mark.parametrize(
    "line, paragraph",
    [
        # the rule the extraction reads text with (nlp.wordspaces; tests/test_wordspaces.py)
        ("政 务 服 务 平 台", "政务服务平台"),  # characters printed apart: read through
        ("依托政务服务 平台", "依托政务服务平台"),  # a space inside a word goes
        ("推进 政务 服务 改革", "推进 政务 服务 改革"),  # between two words (cells, a heading's parts): kept
        ("推进\t政务服务", "推进\t政务服务"),  # a tab too
        ("推进  政务服务", "推进  政务服务"),  # two spaces: not a wrapped line's artefact, kept
        ("建设 APP 平台", "建设APP平台"),  # beside Latin letters, digits or a quote: read through
        ("支出 12.5 万元", "支出12.5万元"),
        ("“穗智管” 平台", "“穗智管”平台"),
        ("Windows 10 系统", "Windows 10系统"),  # two Latin words or numbers keep theirs
    ],
)
def test_unwrap_drops_the_spaces_inside_words_and_keeps_each_characters_offset(line: str, paragraph: str) -> None:
    norm = normalize(f"　　{line}\n")
    [(text, offsets)] = unwrap(norm, 0, len(norm.lines))
    assert text == paragraph
    assert [norm.text[o] for o in offsets] == list(paragraph)  # every character maps to itself in the clean text
    assert offsets == sorted(offsets)
