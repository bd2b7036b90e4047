"""One sense per report (nlp.propagation): a confident name found in one of a report's texts is found in the others.

The pure function is tested on constructed texts with hand-placed entities (what the rules found is given, so
the tests hold whatever the rules learn later); the build path on a variant of corpus report 002 in which a
coined reform is named twice, once where the rules read it and once where they do not.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS

from nlp.foundentity import FoundEntity
from nlp.propagation import PROPAGATED, confident_names, propagate


def ent(text: str, name: str, label: str, source: str, nth: int = 0) -> FoundEntity:
    """The entity ``name`` at its ``nth`` occurrence in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return FoundEntity(start, start + len(name), name, label, source)


def spans(found: list[FoundEntity], text: str) -> list[tuple[str, str, str]]:
    for e in found:
        assert text[e.start : e.end] == e.text  # every entity keeps its own characters
    return [(e.text, e.label, e.source) for e in found]


def test_a_quoted_name_found_once_is_found_where_the_rules_missed_it():
    texts = ["全年上线“一码联办”事项30个。", "二是推广实施“一码联办”服务，聚焦企业开办。", "“一码联办”覆盖全部镇街。"]
    found = [[ent(texts[0], "“一码联办”", "Reform", "pattern")], [], []]
    out = propagate(texts, found).entities
    assert spans(out[0], texts[0]) == [("“一码联办”", "Reform", "pattern")]  # what the rules found is kept as is
    assert spans(out[1], texts[1]) == [("“一码联办”", "Reform", PROPAGATED)]
    assert spans(out[2], texts[2]) == [("“一码联办”", "Reform", PROPAGATED)]


def test_a_gazetteer_name_is_spread_in_its_own_report_only():
    a = "依托穗智管城市运行管理中枢，汇聚城市运行数据。"
    b = "推进穗智管与各部门系统对接。"
    found = [[ent(a, "穗智管", "Platform", "gazetteer")], []]
    assert spans(propagate([a, b], found).entities[1], b) == [("穗智管", "Platform", PROPAGATED)]
    assert propagate([b], [[]]).entities == [[]]  # another report, where nothing named it: nothing to spread


def test_a_boundary_cut_occurrence_gets_the_confident_extent():
    a = "依托“数链通”一体化智能化公共数据平台归集全市数据。"
    b = "建设一体化智能化公共数据平台，完善数据目录。"
    found = [
        [ent(a, "“数链通”一体化智能化公共数据平台", "Platform", "pattern")],
        [ent(b, "智能化公共数据平台", "Platform", "pattern")],  # cut: 一体化 lost
    ]
    c = "各部门数据汇入一体化智能化公共数据平台。"
    found.append([ent(c, "一体化智能化公共数据平台", "Platform", "gazetteer")])  # the confident name
    out = propagate([a, b, c], found).entities
    assert spans(out[1], b) == [("一体化智能化公共数据平台", "Platform", PROPAGATED)]
    # the longer name found in the first text holds the characters: it is not cut to the confident one
    assert spans(out[0], a) == [("“数链通”一体化智能化公共数据平台", "Platform", "pattern")]


@pytest.mark.parametrize(
    "name, label, source",
    [
        ("“一卡通”", "Platform", "pattern"),  # generic: every report's card is one
        ("“网上办”", "Reform", "pattern"),  # generic words in quotes
        ("信息系统", "Platform", "gazetteer"),  # a head with nothing in front
        ("政务云平台", "Platform", "pattern"),  # a plain shape: ~.94 precise, not confident enough to spread
        ("民生卡", "Platform", "ner"),  # the trained NER: ~.90
    ],
)
def test_generic_or_unconfident_names_are_not_spread(name, label, source):
    a = f"推进{name}建设。"
    b = f"全年{name}运行平稳。"
    out = propagate([a, b], [[ent(a, name, label, source)], []]).entities
    assert out[1] == []


def test_a_name_found_with_two_labels_in_the_report_is_not_spread():
    a, b, c = "深化“一网统管”改革。", "建成“一网统管”平台。", "“一网统管”全年接入系统40个。"
    found = [[ent(a, "“一网统管”", "Reform", "pattern")], [ent(b, "“一网统管”", "Platform", "gazetteer")], []]
    assert confident_names(found) == {}
    assert propagate([a, b, c], found).entities[2] == []


def test_a_name_inside_a_longer_word_is_not_matched():
    a = "深化行政审批制度改革，精简审批事项。"
    # the reform's name runs on into an agency's: 行政审批制度改革|工作联席会议办公室
    b = "承担区行政审批制度改革工作联席会议办公室的日常工作。"
    found = [[ent(a, "行政审批制度改革", "Reform", "gazetteer")], []]
    assert propagate([a, b], found).entities[1] == []
    # a platform's head continued: 民生卡|中心 is an agency, not the card
    c, d = "推广民生卡应用。", "民生卡中心负责发卡。"
    assert propagate([c, d], [[ent(c, "民生卡", "Platform", "gazetteer")], []]).entities[1] == []
    # not on the text's words: 全市|政府|网站 holds no 市政府网站
    e, f = "市政府网站全年发布信息3000条。", "全市政府网站集约化。"
    words_f = [(0, 2), (2, 4), (4, 6), (6, 9), (9, 10)]
    out = propagate([e, f], [[ent(e, "市政府网站", "Platform", "gazetteer")], []], [None, words_f]).entities
    assert out[1] == []
    # without words
    assert spans(propagate([e, f], [[ent(e, "市政府网站", "Platform", "gazetteer")], []]).entities[1], f)


def test_an_occurrence_inside_a_longer_found_name_is_left_alone():
    a, b = "推广“穗好办”。", "上线“穗好办”APP便民服务专区。"
    found = [[ent(a, "“穗好办”", "Platform", "pattern")], [ent(b, "“穗好办”APP", "Platform", "pattern")]]
    assert spans(propagate([a, b], found).entities[1], b) == [("“穗好办”APP", "Platform", "pattern")]


def test_the_build_path_finds_a_coined_reform_where_its_report_names_it_again(tmp_path):
    """Report 002 with a coined reform named in two responsibilities: in (十一) by a shape the rules read
    (推行“一码联办”), in (十) inside a clause they do not (推广实施“一码联办”服务).  Both become mentions with
    their own raw spans, the second traced as propagated, and both responsibilities mention the reform."""
    from nlp import read_report

    raw = (CORPUS / "002_1b1d794f3255dab3.txt").read_text(encoding="utf-8")
    variant = raw.replace("（十一）负责辖区内民生卡", "（十一）负责推行“一码联办”，负责辖区内民生卡", 1)
    variant = variant.replace("（十）承担", "（十）推广实施“一码联办”服务，承担", 1)
    assert variant.count("“一码联办”") == 2
    path = tmp_path / "002_variant.txt"
    path.write_text(variant, encoding="utf-8")
    report = read_report(path, entities=True)
    found = sorted((m.span.start, m.source) for m in report.mentions if m.text == "“一码联办”")
    assert [variant[s : s + 6] for s, _ in found] == ["“一码联办”", "“一码联办”"]
    assert PROPAGATED in {src for _, src in found}
    mentioned_by = {
        lk.subject for lk in report.links if lk.predicate == "mentions" and lk.object == "entity:“一码联办”"
    }
    assert {"responsibility:10", "responsibility:11"} <= mentioned_by
