"""A data centre and its site (云计算中心, 大数据中心, 数据中心) is a building, as a machine room is, not a platform
(tests/gold/README.md, "What is no platform"): no Platform is found on it, with the gazetteer on or off, in a report
of the place that runs it or of another, bare or with its place in front.

Sentences: corpus report 002's (云计算中心及政府机房基础运行, as its gold paragraph) and made-up lines of the same shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.gazetteer import project_entries
from nlp.entities import extract_docs
from nlp.pipeline import load_pipeline
from nlp.propagation import report_entities

GOLD = Path(__file__).resolve().parent / "gold"
CENTRES = ("云计算中心", "大数据中心", "数据中心")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(gazetteer=project_entries())


@pytest.fixture(scope="module")
def nlp_off():
    return load_pipeline(gazetteer=())


def _platforms(nlp, lines: list[str], gazetteer: bool) -> list[str]:
    docs = extract_docs(nlp, lines, use_gazetteer=gazetteer)
    return [e.text for ents in report_entities(docs).entities for e in ents if e.label == "Platform"]


def _gold_paragraph(stem: str, words: str) -> str:
    """A paragraph of a corpus report as the corpus gold holds it (the report's lines joined)."""
    rows = (json.loads(line) for line in (GOLD / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines())
    return next(row["text"] for row in rows if words in row["text"])


TITLES = [
    "广州市番禺区政务服务数据管理局2026年部门预算",  # the place the gazetteer's old entry named
    "成都市武侯区政务服务管理局2026年部门预算",
    "贵州省大数据发展管理局2025年部门决算",
]
SENTENCES = [
    "4.云计算中心及政府机房基础运行；5.政务外网光纤应急抢修维护。",
    "做好云计算中心的运行维护。",
    "加强大夫山云计算中心维护管理，不断提升计算中心扩容能力。",
    "依托云计算中心开展政务数据存储。",
    "保障番禺区云计算中心及机房正常运行。",
    "做好市大数据中心机房的运行维护。",
    "完成大数据中心主中心、分中心建设。",
    "主要用于数据中心租赁及运维等方面。",
]


#: The gazetteer still lists 番禺区云计算中心 as a Platform (alias 云计算中心 in 番禺's reports): dropping it changes what
#: ``budgetkg train`` generates from the gazetteer's names, so it waits for the shipped pipeline to be retrained
#: (tests/test_training.py, tests/test_training_devset.py).  Until then its alias in 番禺's report and its full name in
#: any report are found as a Platform: strict, so the drop turns them into passes.
GAZETTEER_ENTRY = pytest.mark.xfail(
    strict=True, reason="ontology/gazetteer.ttl still lists 番禺区云计算中心 as a Platform (waits for a retrain)"
)


def _cases() -> list:
    cases = []
    for sentence in SENTENCES:
        for title in TITLES:
            for gazetteer in (True, False):
                known = gazetteer and ("番禺区云计算中心" in sentence or ("云计算中心" in sentence and "番禺" in title))
                marks = [GAZETTEER_ENTRY] if known and "大夫山" not in sentence else []
                cases.append(pytest.param(sentence, title, gazetteer, marks=marks))
    return cases


@pytest.mark.parametrize(("sentence", "title", "gazetteer"), _cases())
def test_a_data_centre_is_no_platform(nlp, nlp_off, gazetteer: bool, title: str, sentence: str) -> None:
    """48 cases; 6 fail with the gazetteer as it is (strict xfail): its 番禺区云计算中心 makes its alias 云计算中心 a
    platform in 番禺's report and its full name one in every report."""
    found = _platforms(nlp if gazetteer else nlp_off, [title, sentence], gazetteer)
    assert not [p for p in found if any(c in p for c in CENTRES)]


@pytest.mark.parametrize(
    "gazetteer", [pytest.param(True, marks=GAZETTEER_ENTRY), False], ids=["gazetteer", "no-gazetteer"]
)
def test_corpus_002s_data_centre_is_no_platform_but_its_list_keeps_the_others(nlp, nlp_off, gazetteer: bool) -> None:
    """In 002's own report the list's data centre is none, its network (政务外网) and platform still are."""
    line = _gold_paragraph("002", "云计算中心及政府机房基础运行")
    found = _platforms(nlp if gazetteer else nlp_off, [TITLES[0], line], gazetteer)
    assert not [p for p in found if any(c in p for c in CENTRES)]
    assert {"区政务基础信息平台", "政务外网"} <= set(found)
