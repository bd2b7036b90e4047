"""nlp.releases: a release printed with a name is the name's; a figure counted after it is not."""

from __future__ import annotations

import pytest

from nlp.releases import ends_in_release, programme_release_after, release_after


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("“赣服通”4.0版本上线", "“赣服通”4.0"),
        ("“皖事通”3.0全面上线", "“皖事通”3.0"),
        ("“浙里办”10.0", "“浙里办”10.0"),
        ("“赣服通”3.0万次", None),  # a count of uses
        ("“赣服通”1.5倍", None),
        ("“赣服通”4.5%", None),
        ("“赣服通”2.0年", None),
        ("“闽政通”3.1.2", None),  # a three-part number is not read (yet)
        ("“赣服通”4个专区", None),
    ],
)
def test_a_release_after_quotes(text: str, end: str | None) -> None:
    at = release_after(text, text.index("”") + 1)
    assert (text[:at] if at else None) == end


@pytest.mark.parametrize(
    ("words", "release"),
    [("一网通办2.0", True), ("一网通办12.0", True), ("一网通办", False), ("一网通办2", False), ("2.0一网通办", False)],
)
def test_quoted_words_ending_in_a_release(words: str, release: bool) -> None:
    assert ends_in_release(words) is release


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("实施数字青岛2.0工程", "数字青岛2.0工程"),
        ("推进数字政府3.0行动", "数字政府3.0行动"),
        ("推进数字政府3行动", "数字政府3行动"),
        ("开展数字政府2.0版行动", "数字政府2.0版行动"),
        ("制定数字政府2.0行动计划", None),  # a plan
        ("印发数字政府2.0工程方案", None),
        ("数字政府2.0建设", None),  # no campaign's head
    ],
)
def test_a_programmes_release(text: str, name: str | None) -> None:
    start = text.index("数字")
    at = programme_release_after(text, start + 4)
    assert (text[start:at] if at else None) == name
