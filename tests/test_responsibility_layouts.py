"""Responsibilities in every layout (nlp.narrative, nlp.headings.split_inline, nlp.layout): counted by hand
in every report of the development set's train split that enumerates them, stored whole where a report writes them as prose,
and the same on variants of the bundled corpus built in those layouts (always run)."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, DEVSET, DEVSET_TRAIN_MANIFEST, MANIFEST, read_report_once, requires_devset

from nlp.reader import read_report_bytes

# Counted by hand in the development set's train split (conftest.DEVSET, text/): items of the responsibilities list (主要职责 / 主要职能 / 部门职责),
# or "prose" where the report writes them as a paragraph with no enumerator.  Every one names one unit.
DEVSET_RESPONSIBILITIES: dict[str, int | str] = {
    "202": 9,
    "203": 9,
    "204": 10,
    "207": 10,
    "208": 19,
    "209": 8,
    "211": "prose",
    "212": 3,
    "213": 12,
    "215": "prose",
    "216": "prose",
    "217": 13,
    "218": "prose",
    "219": "prose",
    "220": 10,
    "222": 9,
    "224": 14,
}
# (report, ordinal, how the item begins, how it ends), read by hand; a prose paragraph has ordinal 1
DEVSET_ITEM_ENDS = [
    ("202", 6, "制定信访问题排查化解制度", "指导信访信息系统建设和应用。"),  # a page number "2" printed inside it
    ("203", 8, "协调信访工作的宣传", "协调信访工作外事活动和对外交流。"),  # page number "2" after it
    ("212", 2, "开展交通行业及公用事业类岗位培训", "开展交通行业及公用事业类岗位培训。"),  # short items after "包括："
    ("215", 1, "贯彻执行国家和省、市有关统计工作", "构建大统计格局。"),  # prose over a page break ("- 1 -")
    ("220", 6, "负责对口岸查验单位、驻点单位", "优化口岸营商环境。"),  # inline: "…利用。6.\n负责…"
    ("220", 10, "完成市委、市政府和上级部门", "交办的其他任务。"),
]
STEMS = {row["stem"][:3]: row["stem"] for row in DEVSET_TRAIN_MANIFEST}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def devset_report(key: str):
    return read_report_once(DEVSET / "text" / f"{STEMS[key]}.txt")


@requires_devset
@pytest.mark.parametrize("key", sorted(DEVSET_RESPONSIBILITIES))
def test_devset_responsibilities_are_counted_exactly(key: str) -> None:
    r = devset_report(key)
    expected = DEVSET_RESPONSIBILITIES[key]
    assert len({x.unit_name for x in r.responsibilities}) == 1
    assert r.responsibilities[0].unit_name == r.agency
    if expected == "prose":
        (item,) = r.responsibilities
        assert not item.enumerated and item.ordinal == 1 and len(item.text) > 40
    else:
        assert all(x.enumerated for x in r.responsibilities)
        assert [x.ordinal for x in r.responsibilities] == list(range(1, expected + 1))
    raw = (DEVSET / "text" / f"{STEMS[key]}.txt").read_text(encoding="utf-8")
    for x in r.responsibilities:
        assert raw[x.span.start : x.span.end] == x.span.text
        assert not re.search(r"-\s*\d+\s*-", x.text), "a page number got into the text"


@requires_devset
@pytest.mark.parametrize("key,ordinal,begins,ends", DEVSET_ITEM_ENDS)
def test_devset_item_texts(key: str, ordinal: int, begins: str, ends: str) -> None:
    item = next(x for x in devset_report(key).responsibilities if x.ordinal == ordinal)
    assert squash(item.text).startswith(begins) and squash(item.text).endswith(ends)


# --- variants of corpus report 004: its ten items (（一）…（十）, counted by hand) in other layouts ------
BASE = CORPUS / MANIFEST[4]["file"]
AGENCY = MANIFEST[4]["agency"]


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


def base_and_list():
    """The report, its items, and the raw range of the list (intro line to the last item's end)."""
    text = BASE.read_text(encoding="utf-8")
    r = read_report_once(BASE)
    items = r.responsibilities
    assert len(items) == 10
    intro = text.rindex(AGENCY + "的主要职责是：", 0, items[0].span.start)
    return text, items, intro, items[-1].span.end


def wrap(s: str, width: int) -> str:
    return "\n".join(s[i : i + width] for i in range(0, len(s), width))


@pytest.mark.parametrize("marker", ["{n}.", "{n}、", "（{n}）", "{c}是"])
@pytest.mark.parametrize("width", [17, 31, 500])
def test_items_enumerated_inline_in_one_paragraph(marker: str, width: int) -> None:
    # "…的主要职责是：1.贯彻落实…。2.负责统筹…" — one paragraph, wrapped anywhere (also right after "6.")
    text, items, a, b = base_and_list()
    cn = "一二三四五六七八九十"
    inline = "".join(marker.format(n=k, c=cn[k - 1]) + squash(x.text) for k, x in enumerate(items, 1))
    variant = text[:a] + wrap(AGENCY + "的主要职责是：" + inline, width) + text[b:]
    got = report_of(variant).responsibilities
    assert [x.ordinal for x in got] == list(range(1, 11))
    assert [squash(x.text) for x in got] == [squash(x.text) for x in items]
    assert all(x.enumerated and x.unit_name == AGENCY for x in got)


@pytest.mark.parametrize("width", [23, 41])
def test_responsibilities_written_as_prose_are_stored_whole(width: int) -> None:
    text, items, a, b = base_and_list()
    prose = "".join(squash(x.text) for x in items)
    variant = text[:a] + wrap(prose, width) + text[b:]
    (got,) = report_of(variant).responsibilities
    assert not got.enumerated and got.ordinal == 1 and got.unit_name == AGENCY
    assert squash(got.text) == prose
    assert squash(got.span.text) == prose


@pytest.mark.parametrize("page", ["- 7 -", "— 7 —", "7"])
def test_page_numbers_inside_an_item_are_not_its_text(page: str) -> None:
    # pdfplumber joins pages with one newline: the page number stands inside the sentence
    text, items, _, _ = base_and_list()

    def between_characters(item) -> int:  # a cut with a Chinese character on either side
        cut = item.span.start + len(item.span.text) // 2
        while not ("\u4e00" <= text[cut - 1] <= "\u9fff" and "\u4e00" <= text[cut] <= "\u9fff"):
            cut += 1
        return cut

    cut3, cut5 = between_characters(items[2]), between_characters(items[4])
    nxt = page.replace("7", "8")
    variant = text[:cut3] + "\n" + page + "\n" + text[cut3:cut5] + "\n" + nxt + "\n" + text[cut5:]
    got = report_of(variant).responsibilities
    assert [squash(x.text) for x in got] == [squash(x.text) for x in items]


@pytest.mark.parametrize("page", ["- 1 -", "— 1 —"])
def test_a_page_number_after_the_last_item_is_not_its_text(page: str) -> None:
    # the list ends at the foot of a page: the page number stands between the last item and the next heading
    text, items, _, b = base_and_list()
    got = report_of(text[:b] + "\n" + page + text[b:]).responsibilities
    assert [squash(x.text) for x in got] == [squash(x.text) for x in items]


def test_a_lone_figure_in_a_table_is_no_page_number() -> None:
    # a lone integer with no neighbour number of the sequence around stays (a cell, not a page)
    text, items, _, _ = base_and_list()
    cut = items[2].span.start + 10
    got = report_of(text[:cut] + "\n7\n" + text[cut:]).responsibilities
    assert "7" in squash(got[2].text)


def test_short_items_after_a_colon_are_items_not_headings() -> None:
    # "主要职能包括：" then items short enough to pass for headings (a colon never introduces headings)
    text, _, a, b = base_and_list()
    short = "主要职能包括：\n1.负责政务服务。\n2.负责数据管理工作。\n3.完成交办的其他事项。\n"
    got = report_of(text[:a] + short + text[b:]).responsibilities
    assert [squash(x.text) for x in got] == ["负责政务服务。", "负责数据管理工作。", "完成交办的其他事项。"]


def unit_budget(name: str, intro: str, items: list[str]) -> str:
    """A report laid out like a 市级单位预算 (one newline per printed line, as pdfplumber gives it):
    cover, contents, then "X（单位）主要职能" right after the contents, with no numbered heading."""
    listing = "".join(f"{k}.{t}\n" for k, t in enumerate(items, 1))
    return (
        f"杭州市2026年市级单位预算\n预算单位：{name}\n目 录\n一、单位主要职能\n二、单位机构设置\n三、名词解释\n"
        "四、单位预算编制说明\n五、单位预算表\n1. 2026年预算单位财务收支预算总表\n2. 2026年预算单位收入预算总表\n"
        f"六、其他相关情况说明\n{name}（单位）主要职能\n{intro}\n主要职能包括：\n{listing}"
        f"{name}（单位）机构设置\n{name}单位设5个内设机构，包括：办公室、业务一处、业务二处、计划财务处、信息处。\n"
        "名词解释\n（一）财政拨款收入：是指本级财政当年拨付的资金。\n（二）事业收入：指事业单位开展专业业务活动取得的收入。\n"
    )


LONG_ITEMS = [
    "贯彻执行国家和本市有关统计工作的法律、法规、规章和方针、政策，研究起草本市相关地方性法规草案。",
    "负责全市统计调查项目的技术支撑工作，组织实施统计数据核查和质量评估工作。",
    "组织实施全市统计人员教育培训，开展统计科学研究和国际交流合作。",
]
SHORT_ITEMS = ["开展统计业务培训。", "开展统计数据评估。", "完成上级交办的其他工作。"]


@pytest.mark.parametrize(
    "name,intro,items",
    [
        # a short first sentence under the heading (shorter than a line is wide)
        ("杭州市统计数据中心", "杭州市统计数据中心是市统计局下属事业单位。", LONG_ITEMS),
        # items short enough to pass for headings, after "包括："
        ("杭州市统计数据中心", "杭州市统计数据中心是市统计局下属事业单位。", SHORT_ITEMS),
        # a name with an alias that makes the heading longer than a title usually is
        (
            "杭州市统计和大数据研究院（杭州市统计数据管理中心）",
            "杭州市统计和大数据研究院（杭州市统计数据管理中心）是市统计局下属的"
            "公益一类事业单位，主要从事统计方法研究和大数据应用，\n为政府决策提供数据支撑。",
            LONG_ITEMS,
        ),
        # a first sentence wrapped before its full stop (the contents end at the heading, not after it)
        (
            "杭州市福利彩票发行中心",
            "杭州市福利彩票发行中心是市民政局直属的事业单位（公益二类），受中国福利彩票发行管理中心业务领导，负\n"
            "责在本市销售福利彩票。",
            LONG_ITEMS,
        ),
    ],
)
def test_unit_budget_layout(name: str, intro: str, items: list[str]) -> None:
    r = report_of(unit_budget(name, intro, items))
    assert r.agency == name
    heads = {s.title: s.kind for s in walk(r.sections)}
    assert heads[f"{name}（单位）主要职能"] == "responsibilities"
    assert heads[f"{name}（单位）机构设置"] == "structure"
    assert [x.text for x in r.responsibilities] == items
    assert {x.unit_name for x in r.responsibilities} == {name}


@pytest.mark.parametrize("cut", [6, 12])
def test_unit_budget_layout_with_the_next_heading_wrapped(cut: int) -> None:
    # "X（单位）机构设置" after the list wrapped over two lines: the last item ends at its full stop, the heading is
    # whole (more layouts in tests/test_wrapped_headings.py)
    name = "杭州市统计数据中心"
    text = unit_budget(name, f"{name}是市统计局下属事业单位。", LONG_ITEMS)
    heading = f"{name}（单位）机构设置"
    r = report_of(text.replace(heading + "\n", heading[:cut] + "\n" + heading[cut:] + "\n"))
    assert [x.text for x in r.responsibilities] == LONG_ITEMS
    assert {s.title: s.kind for s in walk(r.sections)}.get(heading) == "structure"


def test_unit_budget_layout_with_prose() -> None:
    # the responsibilities written as one paragraph under the heading: stored whole, flagged as prose
    text = unit_budget("杭州市福利彩票发行中心", "", []).replace(
        "\n\n主要职能包括：\n",
        "\n杭州市福利彩票发行中心是市民政局直属的事业单位，承担全市困难群众临时救助\n服务，协助发放社会救助资金。\n",
    )
    (item,) = report_of(text).responsibilities
    assert not item.enumerated
    assert (
        item.text
        == "杭州市福利彩票发行中心是市民政局直属的事业单位，承担全市困难群众临时救助服务，协助发放社会救助资金。"
    )


def walk(sections):
    for s in sections:
        yield s
        yield from walk(s.children)
