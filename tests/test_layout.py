"""Section tree (nlp.layout) on the real reports and on variants built from them."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS

from nlp.errors import Diagnostics
from nlp.layout import SECTION_KINDS, parse_sections, section_kind, walk
from nlp.normalize import normalize


def sections_of(text: str):
    return parse_sections(normalize(text), Diagnostics("test"))


def read(name: str) -> str:
    path = next(CORPUS.glob(f"{name}_*.txt"))
    return path.read_text(encoding="utf-8")


def outline(secs) -> list[tuple[int, str, str | None]]:
    return [(s.level, re.sub(r"\s+", "", s.title), s.kind) for s in walk(secs)]


# Counted by hand in corpus/*.txt: the 第X部分 of each report, and whether it has a 目录.
PARTS = {
    "000": (["部门基本情况", "部门主要工作任务和目标设定情况", "部门预算编制情况说明"], False),
    "001": (
        ["番禺区政务办概况", "2016年度部门决算表", "2016年度部门决算情况说明", "2016年重点工作完成情况", "名词解释"],
        True,
    ),
    "002": (["广州市番禺区政务服务数据管理局概况", "2024年部门预算表", "2024年部门预算情况说明", "名词解释"], False),
    "003": (
        [
            "广州市天河区人民政府政务管理办公室概况",
            "广州市天河区人民政府政务管理办公室2017年部门决算表",
            "广州市天河区人民政府政务管理办公室2017年部门决算情况说明",
            "名词解释",
        ],
        False,
    ),
    "004": (
        [
            "广州市从化区政务服务数据管理局概况",
            "广州市从化区政务服务数据管理局2019年部门决算表",
            "广州市从化区政务服务数据管理局2019年部门决算情况说明",
            "部门整体绩效管理情况",
            "名词解释",
        ],
        True,
    ),
}


@pytest.mark.parametrize("name", sorted(PARTS))
def test_parts_are_found_once_each_in_order(name: str) -> None:
    secs = sections_of(read(name))
    parts = [re.sub(r"\s+", "", s.title) for s in secs if s.level == 0 and s.kind != "toc"]
    assert parts == PARTS[name][0]
    assert any(s.kind == "toc" for s in secs) is PARTS[name][1]


@pytest.mark.parametrize("name", sorted(PARTS))
def test_standard_sections_are_recognised(name: str) -> None:
    kinds = {s.kind for s in walk(sections_of(read(name)))}
    assert {"responsibilities", "structure", "explanation"} <= kinds
    assert "glossary" in kinds


def test_table_of_contents_entries_do_not_become_sections() -> None:
    secs = sections_of(read("001"))
    toc = [s for s in secs if s.kind == "toc"]
    assert len(toc) == 1 and toc[0].children == []
    assert "部门主要职能" in toc[0].body.text  # the entry is in the TOC …
    titles = [re.sub(r"\s+", "", s.title) for s in walk(secs)]
    assert "部门主要职能" not in titles  # … and nowhere else as a heading
    # the TOC entry "一、收入支出决算总表" does not become a section either
    assert not any(t == "收入支出决算总表" for t in titles)


def test_items_of_a_list_are_not_sections() -> None:
    # 主要职责 （一）…（十） of report 000 are items, not headings
    secs = sections_of(read("000"))
    resp = next(s for s in walk(secs) if s.kind == "responsibilities")
    assert resp.children == []
    assert "（十）承办区委、区政府交办的其他事项" in resp.body.text
    assert "部门机构设置" not in resp.body.text


def test_heading_and_its_items_share_an_enumerator() -> None:
    # report 003: "（一）部门主要职责" holds items （一）…（八）, then "（二）部门决算单位构成"
    secs = sections_of(read("003"))
    flat = [(s.marker, s.kind) for s in walk(secs)]
    assert ("（一）", "responsibilities") in flat
    assert ("（二）", "structure") in flat


def test_wrapped_heading_is_joined() -> None:
    secs = sections_of(read("002"))
    assert re.sub(r"\s+", "", secs[0].title) == "广州市番禺区政务服务数据管理局概况"


def test_heading_printed_four_times_on_one_line_is_one_heading() -> None:
    text = read("000")
    assert "第一部分第一部分第一部分第一部分" in text
    secs = sections_of(text)
    assert secs[0].marker == "第一部分" and secs[0].title == "部门基本情况"
    assert secs[0].span.text.startswith("第一部分")


def _duplicate_headings(text: str) -> str:
    """Print every heading line of the form "一、…" twice on consecutive lines."""
    out = []
    for line in text.splitlines():
        out.append(line)
        if re.match(r"^\s*[一二三四五六七八九十]+、[^\s。；;，,]{2,80}$", line):
            out.append("")
            out.append(line)
    return "\n".join(out)


def _fullwidth_digits(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


@pytest.mark.parametrize("name", sorted(PARTS))
@pytest.mark.parametrize("variant", [_duplicate_headings, _fullwidth_digits])
def test_variants_give_the_same_outline(name: str, variant) -> None:
    text = read(name)
    changed = variant(text)
    assert changed != text
    assert outline(sections_of(changed)) == outline(sections_of(text))


def test_body_spans_point_into_the_raw_file() -> None:
    text = read("004")
    for s in walk(sections_of(text)):
        assert text[s.span.start : s.span.end] == s.span.text
        if s.body:
            assert text[s.body.start : s.body.end] == s.body.text
            assert s.body.start >= s.span.end


@pytest.mark.parametrize(
    "title,kind",
    [
        ("部门主要职责", "responsibilities"),
        ("番禺区政务办职能简述", "responsibilities"),
        ("部门主要职能", "responsibilities"),
        ("部门机构设置", "structure"),
        ("部门决算单位构成", "structure"),
        ("部门预算单位构成", "structure"),
        ("部门人员构成", "staffing"),
        ("2024年部门预算表", "tables"),
        ("部门预算编制情况说明", "explanation"),
        ("2016年重点工作完成情况", "key_work"),
        ("预算年度的主要工作任务及目标", "key_work"),
        ("2017年工作要点", "key_work"),
        ("部门整体支出绩效和重点工作完成情况", "key_work"),
        ("重点项目预算绩效目标情况", "performance"),
        ("预算绩效管理工作开展情况", "performance"),
        ("项目绩效评价", "performance"),
        ("专业名词解释", "glossary"),
        ("单位职责", "responsibilities"),
        ("部门职责及机构设置", "responsibilities"),
        ("人员编制情况", "staffing"),
        ("2021年重点任务", "key_work"),
        ("部门预算编制情况说明", "explanation"),  # 编制 here is not staffing
        ("国有资产占用情况", None),
        ("部门预算收入情况", None),
    ],
)
def test_section_kind_table(title: str, kind: str | None) -> None:
    assert section_kind(title) == kind
    if kind:
        assert kind in SECTION_KINDS


def test_no_headings_gives_a_warning() -> None:
    diag = Diagnostics("plain.txt")
    assert parse_sections(normalize("这是一段没有标题的文字。\n第二行。\n"), diag) == []
    assert [d.code for d in diag.items] == ["W201"]


def _rewrap(text: str, spans, width: int, sep: str) -> str:
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(text[pos:start])
        para = "".join(text[start:end].split())
        out.append(sep.join(para[i : i + width] for i in range(0, len(para), width)))
        pos = end
    out.append(text[pos:])
    return "".join(out)


@pytest.mark.parametrize("name", sorted(PARTS))
@pytest.mark.parametrize("width,sep", [(13, "\n\n"), (21, "\n"), (300, "\n")])
def test_rewrapped_list_items_stay_items(name: str, width: int, sep: str, corpus_reports) -> None:
    from conftest import MANIFEST

    file = next(r["file"] for r in MANIFEST if r["file"].startswith(name))
    text = read(name)
    spans = [(x.span.start, x.span.end) for x in corpus_reports[file].responsibilities]
    variant = _rewrap(text, spans, width, sep)
    assert variant != text
    assert outline(sections_of(variant)) == outline(sections_of(text))


def test_contents_worded_differently_from_the_body() -> None:
    # the 目录 of report 004, but the body's first heading is reworded: the
    # contents must end before it, not swallow the report
    text = read("004")
    first_body = text.index("第一部分", text.index("第一部分") + 4)
    end = text.index("\n", first_body)
    variant = text[:first_body] + "第一部分 部门基本情况" + text[end:]
    secs = sections_of(variant)
    toc = next(s for s in secs if s.kind == "toc")
    assert "部门基本情况" not in toc.body.text
    parts = [s.title for s in secs if s.level == 0 and s.kind != "toc"]
    assert parts[0] == "部门基本情况" and len(parts) == 5


def test_heading_printed_three_times_with_spaces() -> None:
    text = read("002")
    variant = re.sub(r"(?m)^([一二三四五六七八九十]+、\S{2,20})$", r"\1 \1  \1", text)
    assert variant != text
    assert outline(sections_of(variant)) == outline(sections_of(text))
