"""Platform precision on unseen narrative (issue 13, session 21): families of false platforms and of wrong name starts
found on other provinces' department pages, read by tests/gold/README.md.  Sentences are constructed in their shape
with other names and places (rows marked * fail before the change).

- A field of work, no one system (nlp.fieldnames): an item of what laws and policies are about (有关…电子政务外网…相关
  法律法规), or of a list closed by 等 before a layout or plan (…等布局规划和建设职能); a head after a system's name with
  主 in front names the role it plays (政府门户网站信息发布主平台).  A duty that runs or uses the one system stays.
- Where a name starts: a year's 年 glued by jieba to a preposition and the owner's level (2025|年向区|人民政府网站); a
  level's character and a service number (市|8890|…平台, no year); jieba's phrase of a manner and a lead verb (充分运用);
  an improving verb after a manner (严格|规范|网站) — all lead the name, or are its own.
- A place and a bare head printed after a system's name (安徽大数据平台|六安市|平台) belong to no name; a village's level
  word is a level like the others (村级|平台: a bare head); a carrier (载体平台) is a generic word.
- The sites of a sector (全市政府系统网站, 卫生健康系统网站) are many (nlp.fieldnames).
"""

from __future__ import annotations

import pytest

from nlp.entities import extract_docs
from nlp.pipeline import load_pipeline
from nlp.propagation import report_entities
from tests.entityrows import platforms

P = "Platform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # shapes and the NER, no gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a field of work: what laws are about, the kinds a duty lays out
        ("贯彻执行国家、省有关数字经济、电子政务外网、视联网、智慧城市相关法律法规。", []),
        ("贯彻落实国家及本省关于12345热线工作方面的法律法规。", []),  # *
        ("贯彻执行国家有关电子政务内网、政务云等方面的方针政策。", []),  # *
        ("承担电子政务外网、视联网等布局规划和建设职能。", []),  # *
        ("负责电子政务外网、物联网等的规划和建设。", []),  # *
        ("负责电子政务外网的建设、管理、维护。", ["电子政务外网"]),
        ("依托电子政务外网落实相关政策。", ["电子政务外网"]),
        ("负责统筹电子政务外网、视联网的运行维护。", ["电子政务外网"]),
        ("贯彻落实国家关于市民热线的法律法规,负责12345市民热线的运行管理。", ["12345市民热线"]),  # *
        # a role another system plays
        ("不断加强政府门户网站信息发布主平台建设。", []),  # *
        ("不断加强区政府门户网站信息发布主平台建设。", ["区政府门户网站"]),  # *
        ("依托政务服务网主平台办理。", ["政务服务网"]),  # *
        # where a name starts
        ("2025年向区人民政府网站推送信息273条。", ["区人民政府网站"]),  # *
        ("2024年在县政府门户网站公开信息56条。", ["县政府门户网站"]),
        ("2024年市政务服务平台上线运行。", ["市政务服务平台"]),
        ("负责市8890政务便民服务平台调度工作。", ["市8890政务便民服务平台"]),  # *
        ("做好县9610政务服务热线平台运行工作。", ["县9610政务服务热线平台"]),  # *
        ("并充分运用德阳市政府信息公开网站发布信息。", ["德阳市政府信息公开网站"]),  # *
        ("严格规范网站安全管理。", []),  # *
        ("线上规范化任务管理系统上线运行。", ["线上规范化任务管理系统"]),
        # a place and a bare head after a name, a village's level
        ("依托安徽大数据平台六安市平台建设数据底座。", ["安徽大数据平台"]),  # *
        ("依托江西政务服务平台赣州市平台办理。", ["江西政务服务平台"]),  # *
        ("依托省政务服务平台市级平台办理。", ["省政务服务平台"]),
        # a sector's sites, a carrier
        ("统筹规划、监督考核全市政府系统网站。", []),  # *
        ("加强全区政府系统政务新媒体管理。", []),
        ("指导全省卫生健康系统网站建设。", []),  # *
        ("负责市政府门户网站的运维。", ["市政府门户网站"]),
        ("完善政务公开载体平台建设。", []),  # *
        ("着重推进村级平台网络建设。", []),  # *
        ("推进乡级平台建设。", []),  # *
    ],
)
def testplatforms(nlp, text: str, expected: list[str]) -> None:
    assert platforms(nlp, text) == expected


def test_a_field_of_work_is_not_spread_from_the_one_system(nlp) -> None:
    """The report's own network found where it is run is no mention where the same words are only what its laws are
    about: one sense per report spreads the name only where the words around allow it."""
    texts = [
        "负责全区电子政务外网的运行维护。",
        "贯彻执行国家、市有关大数据、人工智能、电子政务外网、视联网相关法律法规。",
    ]
    found = report_entities(extract_docs(nlp, texts)).entities
    assert [[e.text for e in ents if e.label == P] for ents in found] == [["电子政务外网"], []]
