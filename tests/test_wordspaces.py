"""One rule for a space a PDF's extraction prints inside prose (nlp.wordspaces), applied by both readers of it: the
reader's unwrap (nlp.normalize: the paragraphs the build links, the gold regions, the NER's silver sentences) and
the extraction's entrance (nlp.pdftext.read).  A paragraph reads the same whichever way it came: constructed
paragraphs in the shapes of report prose — spaces inside words, between words, between Chinese and Latin letters or
digits, beside quotes, letter-spaced runs, tabs, two spaces — printed in lines of every width, indented."""

from __future__ import annotations

import pytest

from nlp.normalize import normalize, unwrap
from nlp.pdftext import read
from nlp.wordspaces import inside_words

PARAGRAPHS = [
    "依托政务服务 平台和12345 热线，推进“ 一网通办”改革，民生卡 APP 上线运行，全年网上办件量达到 95%以上，群众满意度明显提升",
    "2026 年 深 圳 市 科 技 创 新 局 部门预算安排 科技研发资金 14,100.00 万元，主要用于 Windows 10 系统的升级和运行维护",
    "第一部分 部门概况 负责统筹推进数字政府建设，做好政务数据共享 交换平台和电子证照库的运行维护，落实《中共中央办公厅 国务院办公厅关于加强数字政府建设的指导意见》",
    "推进\t政务服务改革，建设一体化 政务服务平台，完善“互联网+ 政务服务”体系，推动 OA 系统和视频会议系统的整合，实现政务 服务 事项 全程网办",
    "深圳市科技创新局 科技研发资金 落实市委市政府决策部署，（国 发〔2022〕14 号）要求  按期完成 年度目标任务，确保项目资金使用规范安全有效",
]


def printed_in_lines(paragraph: str, width: int) -> str:
    """``paragraph`` in lines of about ``width`` characters; a line never starts or ends with a space (the reader
    strips those: the rule is about the spaces inside a paragraph)."""
    lines, start = [], 0
    while len(paragraph) - start > width:
        cut = start + width
        while cut < len(paragraph) and (paragraph[cut - 1].isspace() or paragraph[cut].isspace()):
            cut += 1
        lines.append(paragraph[start:cut])
        start = cut
    return "\n".join([*lines, paragraph[start:]])


def through_unwrap(printed: str) -> tuple[str, list[int], str]:
    """``printed`` (lines) as the reader's unwrap reads it: the paragraph, each character's offset in the clean text,
    the clean text."""
    norm = normalize(printed + "\n")
    [(text, offsets)] = unwrap(norm, 0, len(norm.lines))
    return text, offsets, norm.text


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("width", range(12, 40, 3))
def test_a_paragraph_reads_the_same_through_the_reader_and_the_extraction(paragraph, width):
    text, offsets, clean = through_unwrap("\u3000\u3000" + printed_in_lines(paragraph, width))
    r = read(paragraph)  # one line: the extraction's entrance, its default words
    assert text == (r.text if r else paragraph)
    assert [clean[o] for o in offsets] == list(text)  # every character keeps its offset


@pytest.mark.parametrize(
    ("printed", "read_as"),
    [
        ("政 务 服 务 平 台", "政务服务平台"),  # a justified line: characters printed apart
        ("依托政务服务 平台", "依托政务服务平台"),  # inside a word (服务平台)
        ("12345 热线", "12345热线"),  # Chinese beside digits or Latin letters, a quote
        ("民生卡 APP", "民生卡APP"),
        ("推进“ 一网通办”", "推进“一网通办”"),
        ("支出 12.5 万元", "支出12.5万元"),
        ("“穗智管” 平台", "“穗智管”平台"),
        ("推进 政务 服务 改革", "推进 政务 服务 改革"),  # between two words: table cells, a heading's parts, kept
        ("第一部分 部门概况", "第一部分 部门概况"),
        ("推进\t政务服务", "推进\t政务服务"),
        ("推进  政务服务", "推进  政务服务"),  # two spaces: cells side by side
        ("Windows 10 系统", "Windows 10系统"),  # two Latin words or numbers keep theirs
        ("1 234 万元", "1 234万元"),
    ],
)
def test_the_rule_both_readers_apply(printed, read_as):
    text, offsets, clean = through_unwrap("\u3000\u3000" + printed)
    assert text == read_as
    assert [clean[o] for o in offsets] == list(text)
    r = read(printed)
    assert (r.text if r else printed) == read_as
    assert "".join(c for i, c in enumerate(printed) if i not in inside_words(printed)) == read_as
