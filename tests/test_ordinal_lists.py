"""A list enumerated by ordinals (第一条 / 第二条, 第一、 / 第二、, 第一， / 第二，, 其一、 / 其二、) is read as a list: its items
are the section's responsibilities or tasks, enumerated, each whole (nlp.headings: the styles "article" and
"ordinal", :data:`nlp.headings.ITEM_STYLES`).  Until session 25 no style read them, so such a list was one paragraph of
prose.

An ordinal starts an item only after a line that ended a clause (。；：), a heading or a table: at the start of a line
that goes on a sentence it is the sentence's word (…居全市各区 / 第二，各项指标…, the controls below); nor is a count's
word one (第一批, 第一季度, 第二次).

Variants: made-up reports (responsibilities and tasks, each ordinal, items wrapped at several widths and indented,
text and a PDF built here), and the bundled corpus and the development set's train split with the enumerators of
their own enumerated responsibilities printed as ordinals.
"""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS_FILES, DEVSET, DEVSET_TRAIN_MANIFEST, read_report_once, requires_devset
from test_wrapped_headings import ITEMS, NAME, read_lines, squash, wrap

from nlp.headings import ITEM_STYLES, parse_marker
from nlp.reader import read_report_bytes

CN = "一二三四五六七八九十"
#: how the k-th item is printed by each ordinal
ORDINALS = {
    "第一条": lambda k: f"第{CN[k - 1]}条 ",
    "第一条（no space）": lambda k: f"第{CN[k - 1]}条",
    "第一、": lambda k: f"第{CN[k - 1]}、",
    "第一，": lambda k: f"第{CN[k - 1]}，",
    "其一、": lambda k: f"其{CN[k - 1]}、",
}
TASKS = [
    "深化数据资源整合共享，推进公共数据归集和治理工作。",
    "提升统计调查数据质量，完善统计数据核查和评估机制。",
    "加强统计队伍建设，组织开展统计业务培训。",
]


def made_up(ordinal: str, width: int, indent: str = "") -> list[str]:
    """A unit's budget report (made up): its responsibilities and its tasks, each list enumerated by ``ordinal`` and
    wrapped at ``width`` (each item's first line after ``indent``)."""

    def listing(items: list[str]) -> list[str]:
        out = []
        for k, text in enumerate(items, 1):
            lines = wrap(ORDINALS[ordinal](k) + text, width)
            out += [indent + lines[0], *lines[1:]]
        return out

    return [
        "杭州市2026年市级单位预算公开",
        f"预算单位：{NAME}",
        "一、主要职责",
        *listing(ITEMS),
        "二、机构设置",
        f"{NAME}设5个内设机构，包括：办公室、业务一处、业务二处、计划财务处、信息处。",
        "三、2026年重点工作",
        "2026年主要工作目标包括：",
        *listing(TASKS),
        "名词解释",
        "（一）财政拨款收入：是指本级财政当年拨付的资金。",
    ]


def check(lines: list[str], pdf: bool) -> None:
    r = read_lines(lines, pdf=pdf)
    assert [squash(x.text) for x in r.responsibilities] == [squash(t) for t in ITEMS]
    assert all(x.enumerated for x in r.responsibilities)
    assert [squash(x.text) for x in r.tasks] == [squash(t) for t in TASKS]
    assert all(x.enumerated for x in r.tasks)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("width", [17, 30, 200])
@pytest.mark.parametrize("ordinal", sorted(ORDINALS))
def test_a_list_enumerated_by_ordinals(ordinal: str, width: int, indent: str) -> None:
    check(made_up(ordinal, width, indent), pdf=False)


@pytest.mark.slow
@pytest.mark.parametrize("ordinal", ["第一条", "第一，", "其一、"])
def test_a_list_enumerated_by_ordinals_in_a_pdf(ordinal: str) -> None:
    check(made_up(ordinal, 28), pdf=True)


# --- the controls: a count's word, or a sentence's word wrapped to a line's start, is no enumerator -------------


@pytest.mark.parametrize(
    "line", ["第一批试点单位名单", "第一季度完成采购", "第二次全国污染源普查", "第三条例外", "其中一项"]
)
def test_a_counts_word_is_no_ordinal(line: str) -> None:
    assert parse_marker(line, ITEM_STYLES) is None


@pytest.mark.parametrize("word", ["第二，", "第一，", "第三条", "其二、"])
def test_a_sentences_word_wrapped_to_a_lines_start_starts_no_item(word: str) -> None:
    # "…群众满意率居全市各区" / "第二，各项指标…": the sentence goes on at the line's start (no clause ended before it)
    lines = made_up("第一条", 200)
    at = lines.index("三、2026年重点工作")
    lines[at:] = [
        "三、2026年重点工作",
        "2026年，我单位受理各类事项的数量位列全市前列，群众满意率居全市各区",
        word + "各项指标均位于全市前列。",
        "名词解释",
        "（一）财政拨款收入：是指本级财政当年拨付的资金。",
    ]
    r = read_lines(lines, pdf=False)
    assert [squash(x.text) for x in r.responsibilities] == [squash(t) for t in ITEMS]
    assert len(r.tasks) == 1 and not r.tasks[0].enumerated
    assert squash(word + "各项指标") in squash(r.tasks[0].text)


# --- real reports: their own enumerated responsibilities printed with ordinals ---------------------------------


def with_ordinals(path, ordinal: str) -> bytes | None:
    """The report at ``path`` with the enumerator of each of its responsibilities (one list of one style, each item
    on lines of its own) printed as ``ordinal``, or None when it has no such list."""
    original = read_report_once(path)
    items = original.responsibilities
    if len(items) < 2 or not all(x.enumerated for x in items):
        return None
    raw = path.read_text(encoding="utf-8")
    out, pos = [], 0
    for k, item in enumerate(items, 1):
        first = raw.rfind("\n", 0, item.span.start) + 1
        line = raw[first : raw.find("\n", first) if "\n" in raw[first:] else len(raw)]
        m = parse_marker(line.strip())
        if m is None or m.number != k or k > len(CN):
            return None
        lead = first + len(line) - len(line.lstrip()) + m.start
        if squash(raw[lead + (m.end - m.start) : item.span.end])[:4] != squash(item.text)[:4]:
            return None  # the item's text does not follow its enumerator (an inline list)
        out += [raw[pos:lead], ORDINALS[ordinal](k)]
        pos = lead + len(m.printed)
        while raw[pos : pos + 1] in (" ", "\t"):
            pos += 1
    out.append(raw[pos:])
    return "".join(out).encode("utf-8")


def check_real(path, ordinal: str) -> None:
    data = with_ordinals(path, ordinal)
    if data is None:
        pytest.skip("no list of responsibilities enumerated line by line")
    original = read_report_once(path)
    r = read_report_bytes(data, path.name)
    assert [squash(x.text) for x in r.responsibilities] == [squash(x.text) for x in original.responsibilities]
    assert all(x.enumerated for x in r.responsibilities)


@pytest.mark.parametrize("ordinal", ["第一条", "第一、"])
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_corpus_responsibilities_enumerated_by_ordinals(path, ordinal: str) -> None:
    check_real(path, ordinal)


TRAIN = [DEVSET / "text" / f"{row['stem']}.txt" for row in DEVSET_TRAIN_MANIFEST]


@requires_devset
@pytest.mark.slow
@pytest.mark.parametrize("ordinal", ["第一条", "其一、"])
@pytest.mark.parametrize("k", range(len(TRAIN)))
def test_train_responsibilities_enumerated_by_ordinals(k: int, ordinal: str) -> None:
    check_real(TRAIN[k], ordinal)


def test_some_corpus_reports_are_varied() -> None:
    assert sum(with_ordinals(p, "第一条") is not None for p in CORPUS_FILES) >= 2


def test_no_line_of_the_corpus_starts_an_ordinal_item_inside_a_sentence() -> None:
    # the one corpus line starting 第二， goes on a sentence (…居全市各区 / 第二，…): it is no task of its own
    for path in CORPUS_FILES:
        for task in read_report_once(path).tasks:
            assert not re.match(r"第[一二三四五六七八九十]+[，、]", task.text)
