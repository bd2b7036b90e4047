"""A heading printed with a colon after its title (一、主要职责： / 部门职责： / 某某中心（单位）机构设置:) is a heading, with its
list after it (nlp.headingwords.titled_colon, clean_title): its title is the words before the colon, and it names the
section they name.  Until session 25 a line ending in a colon was always a list's intro, so the section was not found
and its list was read as the previous section's (or as nobody's).

The words before the colon end with a standard section's words; a list's intro ends with its verb (主要职责是：,
主要职能包括：, 主要工作目标包括：, 绩效目标如下：) and a label goes on after its colon (财政拨款收入：是指…): those stay
what they were (the controls below).

Variants: made-up reports (headings enumerated 一、 / （一） / 第一部分 and unnumbered, the list enumerated 1. / （一） /
① / 一是, full- and half-width colons, a colon after a space, the heading on one line or wrapped over two or three, text
and a PDF built here), and the bundled corpus and the development set's train split with a colon printed after the
heading of their own responsibilities, and with such a heading put after their own lists.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS_FILES, DEVSET, DEVSET_TRAIN_MANIFEST, read_report_once, requires_devset
from test_wrapped_headings import CUTS, HEADINGS, ITEMS, NAME, cut, read_lines, sections_by_title, squash, wrap

from nlp.headingwords import clean_title, titled_colon
from nlp.layout import walk
from nlp.reader import read_report_bytes

COLONS = ["：", ":", " ："]
#: the list's enumerators: how the k-th item is printed
LISTS = {
    "1.": lambda k: f"{k}.",
    "（一）": lambda k: f"（{'一二三'[k - 1]}）",
    "①": lambda k: "①②③"[k - 1],
}
#: the two headings of a made-up report: (the responsibilities' heading, the next section's heading, its kind)
HEADS = {
    "cn": ("一、主要职责", "二、机构设置", "structure"),
    "part": ("第一部分 部门职责", "第二部分 人员情况", "staffing"),
    "unnumbered": (f"{NAME}（单位）主要职能", f"{NAME}（单位）机构设置", "structure"),
    "plain": ("部门职责", "其他重要事项的情况说明", "explanation"),
}


def report(first: list[str], second: list[str], listed: str, width: int = 30) -> list[str]:
    """A unit's budget report (made up): the heading ``first`` (its lines), its responsibilities enumerated like
    ``listed``, the next section's heading ``second`` and its text, then a glossary (labels with a colon)."""
    listing = [line for k, text in enumerate(ITEMS, 1) for line in wrap(LISTS[listed](k) + text, width)]
    body = f"{NAME}设5个内设机构，包括：办公室、业务一处、业务二处、计划财务处、信息处。本单位编制30人。"
    return [
        "杭州市2026年市级单位预算公开",  # (two short lines of equal width before a wrapped heading: a narrow paragraph)
        f"预算单位：{NAME}",
        *first,
        *listing,
        *second,
        *wrap(body, width),
        "名词解释",
        "（一）财政拨款收入：是指本级财政当年拨付的资金。",
        "（二）事业收入：指事业单位开展专业业务活动取得的收入。",
    ]


def title_of(heading: str) -> str:
    """The title a heading names (its enumerator left out)."""
    for lead in ("一、", "二、", "第一部分", "第二部分"):
        heading = heading.removeprefix(lead)
    return squash(heading)


def printed(heading: str, colon: str, where: str) -> list[str]:
    """``heading`` with ``colon`` after it, on one line or wrapped at ``where`` (CUTS) when it is long enough for a
    page to wrap it (ten characters or more)."""
    text = heading + colon
    return [text] if where == "one line" or len(heading) < 10 else cut(text, CUTS[where])


def check(lines: list[str], first: str, second: str, kind: str, pdf: bool) -> None:
    r = read_lines(lines, pdf=pdf)
    assert [squash(x.text) for x in r.responsibilities] == [squash(t) for t in ITEMS]
    assert all(x.enumerated for x in r.responsibilities)
    titles = sections_by_title(r)
    assert titles.get(title_of(first)) == "responsibilities"
    assert titles.get(title_of(second)) == kind


CASES = [
    (h, listed, colon, where)
    for h in sorted(HEADS)
    for listed in sorted(LISTS)
    for colon in COLONS
    for where in ("one line", "half", "three")
    if where == "one line" or h in ("unnumbered", "plain")  # an enumerated heading is short: never wrapped
]


@pytest.mark.parametrize("h,listed,colon,where", CASES)
def test_a_heading_with_a_colon_has_its_list_after_it(h: str, listed: str, colon: str, where: str) -> None:
    first, second, kind = HEADS[h]
    lines = report(printed(first, colon, where), printed(second, colon, where), listed)
    check(lines, first, second, kind, pdf=False)


@pytest.mark.slow
@pytest.mark.parametrize("h,listed", [("cn", "（一）"), ("unnumbered", "1."), ("plain", "①"), ("part", "1.")])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_heading_with_a_colon_in_a_pdf(h: str, listed: str, colon: str) -> None:
    first, second, kind = HEADS[h]
    where = "half" if h == "unnumbered" else "one line"
    check(report(printed(first, colon, where), printed(second, colon, where), listed), first, second, kind, pdf=True)


@pytest.mark.parametrize("where", ["one line", "third", "half", "tail", "three"])
@pytest.mark.parametrize("colon", COLONS)
def test_a_heading_with_a_colon_after_a_list_of_other_kinds(where: str, colon: str) -> None:
    # the next section's heading of every kind, after the list, the first heading without a colon
    for kind, heading in HEADINGS.items():
        heading = heading.format(name=NAME)
        lines = report([HEADS["unnumbered"][0]], printed(heading, colon, where), "1.")
        check(lines, HEADS["unnumbered"][0], heading, kind, pdf=False)


# --- the controls: an intro or a label ending in a colon is no heading -----------------------------------------

INTROS = [
    "主要职责是：",
    "本单位的主要职责是：",
    "主要职能包括:",
    f"{NAME}2026年主要工作目标包括：",
    "部门预算绩效目标如下：",
    "根据市委市政府的工作部署，主要职责：",
]


@pytest.mark.parametrize("intro", INTROS)
def test_a_lists_intro_is_no_heading(intro: str) -> None:
    first = HEADS["unnumbered"][0]
    lines = report([first, intro], [HEADS["unnumbered"][1]], "1.")
    r = read_lines(lines, pdf=False)
    assert [squash(x.text) for x in r.responsibilities] == [squash(t) for t in ITEMS]
    assert [s.title for s in walk(r.sections) if s.kind == "responsibilities"] == [squash(first)]
    assert not titled_colon(intro) and clean_title(intro).endswith(("：", ":"))


@pytest.mark.parametrize("label", ["（一）财政拨款收入：是指本级财政当年拨付的资金。", "项目绩效目标：提升服务水平。"])
def test_a_label_and_its_text_keep_their_colon(label: str) -> None:
    assert not titled_colon(label) and clean_title(label) == label


# --- real reports: their own responsibilities' heading printed with a colon ------------------------------------


def with_colon(path, colon: str) -> bytes | None:
    """The report at ``path`` with ``colon`` printed after the heading of its responsibilities, or None when it has
    none of its own (a list read from an intro) or its heading is already so printed."""
    original = read_report_once(path)
    heads = [s for s in walk(original.sections) if s.kind == "responsibilities"]
    if not heads or not original.responsibilities:
        return None
    raw = path.read_text(encoding="utf-8")
    start, end = heads[0].span.start, heads[0].span.end
    printed = raw[start:end]
    if squash(printed) != squash(heads[0].marker + heads[0].title):
        return None  # a heading wrapped over lines: another family's (test_wrapped_headings)
    first = raw.rfind("\n", 0, start) + 1
    last = raw.find("\n", end) if "\n" in raw[end:] else len(raw)
    line = raw[first:last]
    if line.rstrip().endswith(("：", ":")) or squash(line).replace(squash(printed), ""):
        return None
    # a heading printed 2–4 times on its line (pages a PDF export doubled) gets its colon after every copy
    return (raw[:first] + line.replace(printed, printed + colon) + raw[last:]).encode("utf-8")


def check_real(path, colon: str) -> None:
    data = with_colon(path, colon)
    if data is None:
        pytest.skip("no responsibilities' heading of its own on one line")
    original = read_report_once(path)
    r = read_report_bytes(data, path.name)
    assert [squash(x.text) for x in r.responsibilities] == [squash(x.text) for x in original.responsibilities]
    # the same standard sections (a list once read as headings, （一）…（十）, is read as the items it is)
    assert [(s.title, s.kind) for s in walk(r.sections) if s.kind] == [
        (s.title, s.kind) for s in walk(original.sections) if s.kind
    ]


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_corpus_responsibilities_heading_with_a_colon(path, colon: str) -> None:
    check_real(path, colon)


TRAIN = [DEVSET / "text" / f"{row['stem']}.txt" for row in DEVSET_TRAIN_MANIFEST]


@requires_devset
@pytest.mark.slow
@pytest.mark.parametrize("k", range(len(TRAIN)))
def test_train_responsibilities_heading_with_a_colon(k: int) -> None:
    check_real(TRAIN[k], "：")


def test_some_reports_are_varied() -> None:
    assert sum(with_colon(p, "：") is not None for p in CORPUS_FILES) >= 3
