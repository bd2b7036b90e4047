"""A descriptive name the gazetteer took from a corpus report (电子证照系统, 一站式审批系统, 综合受理系统: a topic and a
head any government has, no place, no coined brand) means that report's system only in reports of its place: the
same words in a report of another jurisdiction are that jurisdiction's own node (issue 13, scope 3).

Each corpus report is read as it is and as a variant whose places are another province's (every 广州 / 番禺 /
从化 of the text replaced, so the cover names another agency); the corpus report keeps its nodes, the variant gets
nodes of its own, a brand (民生卡) is the same node in both, and a city's 12345 hotline is the city's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import iri
from kg.gazetteer import project_resolver
from kg.mapping import map_report
from kg.resolve import default_resolver
from nlp import read_report

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PANYU_2016 = CORPUS / "001_9a84904669e9b7f4.txt"
CONGHUA_2019 = CORPUS / "004_40178b8a809e612f.txt"
ID = iri.BASE


def _platforms(path: Path) -> set[str]:
    """The platform nodes a report's graph points at (mentions, annotation bodies, funding)."""
    report = read_report(path, entities=True, gazetteer=project_resolver())
    graph = map_report(report, resolver=default_resolver())
    return {q.object.value for q in graph.quads if q.object.value.startswith(ID + "platform/")}


def _variant(src: Path, tmp_path: Path, places: dict[str, str]) -> Path:
    text = src.read_text(encoding="utf-8")
    for old, new in places.items():
        text = text.replace(old, new)
    out = tmp_path / src.name
    out.write_text(text, encoding="utf-8")
    return out


def test_a_descriptive_corpus_name_in_another_jurisdiction_is_that_jurisdictions_node(tmp_path):
    corpus = _platforms(PANYU_2016)
    variant = _platforms(_variant(PANYU_2016, tmp_path, {"番禺": "观山湖", "广州": "贵阳"}))
    own = {ID + "platform/one-stop-approval-system", ID + "platform/e-licence-system"}
    # the corpus report's mentions keep the gazetteer's nodes (一站式审批系统, 区电子证照系统)
    assert own <= corpus
    # the same words in a 贵阳 report: 观山湖区's systems, not 番禺's
    assert not own & variant
    assert {iri.entity("Platform", "观山湖区一站式审批系统"), iri.entity("Platform", "观山湖区电子证照系统")} <= variant
    # 社会管理综合服务平台 of 番禺 is not the variant's either
    assert ID + "platform/panyu-social-management-platform" in corpus
    assert ID + "platform/panyu-social-management-platform" not in variant
    assert iri.entity("Platform", "观山湖区社会管理综合服务平台") in variant
    # a brand is one node wherever it is printed
    assert ID + "platform/minshengka" in corpus & variant


@pytest.mark.slow
def test_a_city_system_and_hotline_are_the_citys_in_a_variant_of_another_city(tmp_path):
    corpus = _platforms(CONGHUA_2019)
    variant = _platforms(_variant(CONGHUA_2019, tmp_path, {"从化": "花溪", "广州": "贵阳"}))
    # 综合受理系统 is 广州's (the report also prints 广州市综合受理系统); 网上办事分厅平台 is 从化's own branch of the hall,
    # not 天河's (网上办事大厅天河分厅), which an unscoped alias made it before
    assert ID + "platform/integrated-acceptance-system" in corpus
    assert ID + "platform/tianhe-online-branch" not in corpus
    assert iri.entity("Platform", "从化区网上办事分厅平台") in corpus
    assert ID + "platform/integrated-acceptance-system" not in variant
    assert iri.entity("Platform", "花溪区综合受理系统") in variant  # a name with no place: the report's lowest
    assert iri.entity("Platform", "花溪区网上办事分厅平台") in variant
    # 12345 of 广州 stays 广州's; 贵阳's is another node
    assert ID + "platform/hotline-12345" in corpus
    assert ID + "platform/hotline-12345" not in variant
