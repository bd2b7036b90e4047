"""A running header or footer a page break prints into a sentence is no word of the sentence (nlp.normalize): made-up
report prose in the shapes PDF text takes (pdfplumber joins pages with one line break: the last line of a page, its
number, the next page's header, its first line), and what must stay: a table's lines beside a page number (its title,
a column group's heading, a note), a heading at a page's top, a line of prose printed twice, a header between two
sentences, a page number a figure ends the line before."""

from __future__ import annotations

import pytest

from nlp.normalize import normalize, unwrap

TITLE = "某某县数据管理局2026年部门预算"
BODY = [
    "依托全县一体化政务服务平台推进政务服务事项网上",
    "办理，完善政务数据共享交换平台的目录管理，推动",
    "部门业务系统与政务云平台对接，全年汇聚数据一千",
    "余万条，支撑不动产登记和企业开办等高频事项的",
    "办理，实现群众办事少跑腿，提升营商环境便利度。",
]


def _read(lines: list[str], start: int = 0) -> str:
    """The first paragraph the reader unwraps from ``lines[start:]``, the whole text normalised."""
    norm = normalize("\n".join(lines) + "\n")
    return unwrap(norm, start, len(norm.lines))[0][0]


def _paged(
    body: list[str], cut: list[int], head: str, *, first: int = 3, top: bool = True, foot: bool = False
) -> list[str]:
    """``body``'s lines with a page break before each line of ``cut``: page number then header (or, ``foot``, the
    header as a footer above the number), the last page's number at the end; ``top``: the header printed above the
    first page too."""
    out = [head] if top else []
    for k, line in enumerate(body):
        if k in cut:
            n = str(first + cut.index(k))
            out += [head, n] if foot else [n, head]
        out.append(line)
    return [*out, str(first + len(cut)), NEXT]  # the last page's number, the next part's heading


CLEAN = "".join(BODY)
NEXT = "二、部门预算收支情况说明"

GLUED = [
    # (what the page prints, as lines)
    pytest.param(_paged(BODY, [1, 3], TITLE), id="header after the number, two breaks"),
    pytest.param(_paged(BODY, [2], TITLE), id="one break, the header is the text's title"),
    pytest.param(_paged(BODY, [1, 3], TITLE, foot=True), id="footer above the number"),
    pytest.param(
        _paged(BODY, [1, 2], "2026年部门预算公开文本", top=False), id="another header, no title above the first page"
    ),
    pytest.param(_paged(BODY, [1, 3], "某某县数据管理局", top=False), id="the agency's name as the header"),
    pytest.param(
        _paged([*BODY[:-1], BODY[-1][:-2], BODY[-1][-2:]], [1, 3, 5], TITLE),
        id="a short last line after the header",
    ),
    pytest.param(
        [TITLE, BODY[0], "- 3 -", TITLE, BODY[1], BODY[2], "- 4 -", TITLE, *BODY[3:]], id="dashed page numbers"
    ),
]


@pytest.mark.parametrize("lines", GLUED)
def test_a_running_header_inside_a_sentence_is_dropped(lines: list[str]) -> None:
    assert _read(lines, 0 if lines[0] in BODY else 1) == CLEAN


def test_the_sentence_keeps_its_characters_offsets() -> None:
    lines = _paged(BODY, [1, 3], TITLE)
    raw = "\n".join(lines) + "\n"
    norm = normalize(raw)
    (text, clean), *_ = [p for p in unwrap(norm, 1, len(norm.lines))]
    assert text == CLEAN
    assert "".join(raw[norm.offsets[c]] for c in clean) == CLEAN


KEPT = [
    # (lines, the line that must stay)
    pytest.param(
        [
            "机关事业单位基本养老保险缴费支出",
            "- 16 -",
            "部门支出总表（续表）",
            "科目编码 科目名称 合计 基本支出",
            "2089998 某某养老补充项目 12.00",
            "机关事业单位职业年金缴费支出说明",
            "- 17 -",
            "部门支出总表（续表）",
            "科目编码 科目名称 合计 基本支出",
            "2089999 某某缴费支出补充项目 6.00",
        ],
        "部门支出总表（续表）",
        id="a table's title at each page's top",
    ),
    pytest.param(
        [
            "口岸查验场所运行维护营运经费",
            "- 20 -",
            "财政拨款",
            "资金来源（按单位 财政专 其他收",
            "对进出港船舶实施登临检查，确保各项查验工作",
            "按期顺利完成。",
            "- 21 -",
            "财政拨款",
            "资金来源（按单位 财政专 其他收",
        ],
        "财政拨款",
        id="a column group's heading at each page's top",
    ),
    pytest.param(
        [
            "一般公共预算支出表的说明文字在这里写明白了",
            "注：本表本年无发生额。",
            "5",
            "部门收支总表说明",
            "收入总计 100.00",
            "部门收支总表的说明文字在这里再写一遍的",
            "注：本表本年无发生额。",
            "6",
            "部门收支总表说明",
            "支出总计 100.00",
        ],
        "部门收支总表说明",
        id="a note that ends a sentence before the page number",
    ),
    pytest.param(
        [*BODY[:2], "3", "二、部门预算情况说明", *BODY[2:4], "4", "二、部门预算情况说明", BODY[4]],
        "二、部门预算情况说明",
        id="a heading at the page's top",
    ),
    pytest.param(
        [BODY[0], BODY[1], "3", BODY[2], BODY[3], "4", "另一段文字描述本年度的主要工作任务和目标", BODY[2], BODY[4]],
        BODY[2],
        id="a line of prose printed twice, once beside a page number",
    ),
    pytest.param(
        [BODY[0], BODY[4], "3", TITLE, *BODY[1:4], "提升营商环境便利度。", "4", TITLE, BODY[4]],
        TITLE,
        id="the header between two sentences",
    ),
    pytest.param(
        [
            BODY[0],
            "全年汇聚数据10,250.5",
            "3",
            "某某县数据管理局预算",
            BODY[1],
            "汇聚数据10,250.5",
            "4",
            "某某县数据管理局预算",
            BODY[2],
        ],
        "某某县数据管理局预算",
        id="a figure ends the line before the page number",
    ),
    pytest.param(
        [
            BODY[0],
            "保险缴费支出",
            "- 16 -",
            "部门支出总表续表",
            "机关事业单位基本养老保险缴费支出的说明",
            "年金缴费支出",
            "- 17 -",
            "部门支出总表续表",
            "机关事业单位职业年金缴费支出的说明",
        ],
        "部门支出总表续表",
        id="a table's wrapped row name before the page number",
    ),
    pytest.param(
        [BODY[0], "3", "项目支出合计1,234.56万元", BODY[1], BODY[2], "4", "项目支出合计1,234.56万元", BODY[3]],
        "项目支出合计1,234.56万元",
        id="an amount beside the page number",
    ),
    pytest.param(
        [BODY[0], "3", "政务服务 数据管理", BODY[1], BODY[2], "4", "政务服务 数据管理", BODY[3]],
        "政务服务 数据管理",
        id="a line of two cells beside the page number",
    ),
]


@pytest.mark.parametrize("lines, line", KEPT)
def test_what_is_no_running_header_stays(lines: list[str], line: str) -> None:
    norm = normalize("\n".join(lines) + "\n")
    assert sum(ln.text.strip() == line for ln in norm.lines) == sum(ln == line for ln in lines)


def test_a_known_header_goes_between_two_sentences_too() -> None:
    body = [*BODY[:2], "部门业务系统与政务云平台对接，全年汇聚数据。", *BODY[3:]]
    lines = _paged(body, [1, 3, 4], TITLE, top=False)  # the break before line 3 falls after a sentence's end
    assert _read(lines) == "".join(body)
