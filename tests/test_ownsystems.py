"""nlp.ownsystems: a government's own system named by generic words and a head, with no owner printed.

Sentences written for this table in the wording of other places' reports (none is a development-set sentence):
each row says which platform names the extractor finds without the gazetteer — a definite reference to the
government's one system is found; a plural, generic, class, to-be-built or predicate mention of the same words is not.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract, extract_docs
from nlp.pipeline import load_pipeline
from nlp.propagation import report_entities

P = "Platform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of using, managing or joining a thing that is there
        ("依托一体化政务服务平台，推行企业开办全程网办", ["一体化政务服务平台"]),
        ("负责管理网上政务服务平台和审批信息公开", ["网上政务服务平台"]),
        ("协调各单位进驻政务服务大厅设置综合窗口", ["政务服务大厅"]),
        # the jurisdiction's scope in front: its own one (the scope word is not the name's)
        ("负责全县政务服务平台的运行管理", ["政务服务平台"]),
        # a level printed in front is the name's
        ("完成区级电子政务大厅升级改造", ["电子政务大厅"]),
        # the budget's words for one system after it: its upkeep, its use, what it carries
        ("网上政务服务平台运行维护费主要用于软件升级", ["网上政务服务平台"]),
        ("政务云承载全县32个部门的业务应用", ["政务云"]),
        # the basic databases every e-government keeps; an item of a list beside one of them is one too
        ("汇聚人口库、法人库、电子证照库数据", ["人口库", "法人库", "电子证照库"]),
        ("建成基础层的政务服务事项库、人口库等模块", ["政务服务事项库", "人口库"]),
        # an item beside a particular system
        ("召开电子政务外网、OA系统使用培训会", ["电子政务外网", "OA系统"]),
        # plural, counted and class mentions: no particular system
        ("推动各级政务服务大厅规范运行", []),
        ("全省8个设区市政务云已全部建成", []),
        ("加强政务信息系统整合共享", []),
        ("梳理全区电子政务应用系统", []),
        ("负责全区政务信息系统统筹", []),
        ("监督全县政府系统政务公开工作", []),
        ("统筹全省电子政务系统建设", []),
        # a kind of thing to be built, a kind named in a predicate, a field of work
        ("推动建设政务服务平台", []),
        ("将全县电子政务外网打造成安全高效的政务服务平台", ["电子政务外网"]),
        ("在政务云建设方面坚持集约节约", []),
        ("制定政务服务大厅标准化管理细则", []),
        # depots and a building's equipment are no information systems
        ("开展成品油库、弹药库安全检查", []),
        ("做好机房UPS系统、门禁系统维护", []),
        # a body's name that goes on past the head is no system's (the hall's management office, the cloud's centre)
        ("县政务服务大厅管理办公室为县政务服务中心内设机构", []),
        ("负责区政务服务大厅管理中心的日常工作", []),
        # a verb of deploying or launching with a perfective marker (了 after it, 已 before it): a system that exists
        ("今年部署了OA系统，实现公文网上流转", ["OA系统"]),
        ("局机关已部署OA系统", ["OA系统"]),
        ("上线了政务服务APP，群众可掌上查询", ["政务服务APP"]),
        ("年内开通了政务服务小程序", ["政务服务小程序"]),
        ("本县已经建成政务云", ["政务云"]),
        ("建成了一体化政务服务平台", ["一体化政务服务平台"]),
        # a change only a system that is there can undergo, after its name (扩容, 重构, 迭代升级, 改版, 迁移)
        ("年内完成政务云扩容", ["政务云"]),
        ("实施OA系统重构", ["OA系统"]),
        ("推进政务服务平台迭代升级", ["政务服务平台"]),
        ("完成政务服务APP改版", ["政务服务APP"]),
        ("推动各级政务服务平台升级", []),
        ("完成两个政务云扩容", []),
        # … and without the marker, or plural, counted: a kind still to be made, or many
        ("计划部署OA系统", []),
        ("明年将建成政务云", []),
        ("部署了各类业务系统", []),
        ("上线了3个政务APP", []),
        ("建成了一批政务服务平台", []),
        ("引导群众下载政务服务APP", []),
    ],
)
def test_own_systems(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "依托网办大厅分厅、昆明市政务服务事项管理系统、区统一行政审批系统办理",
        "对接贵阳市政务服务事项管理系统、市统一审批系统",
        "做好省统计局电子政务内网、OA系统运维",
    ],
)
def test_an_owner_printed_in_front_is_never_cut_off(nlp, text):
    """A place or body printed before generic words is the name's owner (the shape rules' name, or none): no name
    starts after it."""
    found = [(e.start, e.text) for e in extract([text], nlp=nlp)[0] if e.label == P]
    for owner in ("昆明市", "贵阳市", "省统计局"):
        at = text.find(owner)
        assert at < 0 or all(start != at + len(owner) for start, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba glues the character after a head onto it (政务|云已, 人口|库于, OA|系统对): the name ends at the head
        ("全县政务云已承载42个部门的业务系统", ["政务云"]),
        ("市级政务云于2021年完成扩容", ["政务云"]),
        ("全市政务云为各部门提供计算资源", ["政务云"]),
        ("人口库于去年完成数据清洗", ["人口库"]),
        ("法人库为各部门提供共享服务", ["法人库"]),
        ("电子证照库共归集证照86类", ["电子证照库"]),
        ("全区OA系统对接了各镇街", ["OA系统"]),
        ("全市政务服务平台于2022年完成升级", ["政务服务平台"]),
        ("全县电子政务外网已覆盖所有乡镇", ["电子政务外网"]),
        # the head is cut off only a glued function word, never off a word it makes (网上 "online", 云计算)
        ("推进政务服务网上办理", []),
        ("加快政务云计算中心建设", []),
        ("各类数据库为全市提供服务", []),
        ("成品油库于上月完成检修", []),
    ],
)
def test_a_head_glued_to_the_next_word_still_ends_the_name(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a report's own system found as one existing system in one text is found in its other texts
        (
            ["依托全县政务服务平台推行全程网办", "政务服务平台共上线事项2860项", "在政务服务平台上公开办事指南"],
            [["政务服务平台"], ["政务服务平台"], ["政务服务平台"]],
        ),
        (["做好OA系统运行维护", "OA系统全年流转公文1.6万件"], [["OA系统"], ["OA系统"]]),
        (["人口库、法人库数据按日更新", "法人库累计归集企业信息5万条"], [["人口库", "法人库"], ["法人库"]]),
        # glued by jieba in the other text (政务|云已): found all the same
        (["政务云承载全县32个部门的业务应用", "政务云已完成等保测评"], [["政务云"], ["政务云"]]),
        (["政务云承载全县32个部门的业务应用", "政务云为各部门提供计算资源"], [["政务云"], ["政务云"]]),
        (["做好OA系统运行维护", "OA系统对各科室开放"], [["OA系统"], ["OA系统"]]),
        # … but not where the words around make it many, another's, a kind to be made or part of a longer name
        (
            ["依托全县政务服务平台推行全程网办", "推动各级政务服务平台互联互通", "推进政务服务平台建设"],
            [["政务服务平台"], [], []],
        ),
        (["依托全县政务服务平台推行全程网办", "接入省网上政务服务平台"], [["政务服务平台"], ["省网上政务服务平台"]]),
        (
            ["依托全县政务服务平台推行全程网办", "学习借鉴杭州市政务服务平台经验"],
            [["政务服务平台"], ["杭州市政务服务平台"]],
        ),
        (["依托全县政务服务平台推行全程网办", "打造更加便捷的政务服务平台"], [["政务服务平台"], []]),
        # a name the report never finds as one existing system is not spread (each text read on its own)
        (["推进政务服务平台建设", "推动各级政务服务平台互联互通"], [[], []]),
    ],
)
def test_a_report_own_system_is_found_in_its_other_texts(nlp, texts, expected):
    found = report_entities(extract_docs(nlp, texts)).entities
    assert [[e.text for e in ents if e.label == P] for ents in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb between a modifier and the head says what the system does: the name's (电子|监察|系统)
        ("依托电子监察系统开展实时监督", ["电子监察系统"]),
        ("升级电子监察平台", ["电子监察平台"]),
        ("使用网上监察系统受理投诉", ["网上监察系统"]),
        ("依托电子稽查系统开展抽查", ["电子稽查系统"]),
        ("通过移动巡察系统上报问题", ["移动巡察系统"]),
        # … not an adverb and a verb governing the head (并统一录入平台: "enter into the platform alike"), a lead verb
        # (部署, 管理, 提供), nor a verb with nothing in front
        ("并统一录入平台进行固化", []),
        ("集中部署平台资源", []),
        ("完善综合管理平台", []),
        ("向群众提供平台", []),
    ],
)
def test_a_verb_between_a_modifier_and_the_head_is_the_name_s(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the integrated platform (一体化 + the government's topic) and the government's cloud are each one of their
        # kind: named with no cue of use or scope they are still the government's one system
        ("围绕一体化政务服务平台建设和应用推广制定工作方案", ["一体化政务服务平台"]),
        ("一体化在线政务服务平台功能不断完善，事项实现网上可办", ["一体化在线政务服务平台"]),
        ("一体化政务平台功能更加完备，群众办事更加便捷", ["一体化政务平台"]),
        ("3.政务云", ["政务云"]),
        ("（二）电子政务云", ["电子政务云"]),
        # a dated making is a past one: the cloud is there
        ("2016年建设电子政务云，实现部门系统集中部署", ["电子政务云"]),
        ("2019年搭建政务云，推动部门系统集约部署", ["政务云"]),
        # … a target year, a making with no date or a plan, many of them, the field of clouds and networks: no one system
        ("到2025年建成政务云，实现部门系统应上尽上", []),
        ("力争2025年建成一体化政务服务平台", []),
        ("推动建设一体化政务服务平台", []),
        ("推进政务云建设", []),
        ("推动各地一体化政务服务平台互联互通", []),
        ("建成省市县三级一体化政务服务平台", []),
        ("探索建设覆盖政务云网、数据、组件的支撑体系", []),
        ("2020年搭建政务云服务体系", []),
        ("采购政务云资源服务，按需分配", []),
        ("统一采购政务云，按需分配", []),
        # without 一体化 the same words name a kind, as before
        ("政务服务平台功能更加完备", []),
        ("2021年建设政务服务平台，实现事项网上可办", []),
    ],
)
def test_one_of_its_kind(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the jurisdiction's scope and 统一 (unified) before 的: the one system of that place, as with the scope alone
        ("建设全市统一的电子政务平台，全面提升政府服务效能", ["电子政务平台"]),
        ("建成全省统一的政务服务平台，实现一网通办", ["政务服务平台"]),
        ("依托全区统一的政务服务大厅开展综合窗口改革", ["政务服务大厅"]),
        # … not 统一 without the place's scope, another quality, or a kind that goes on into another noun
        ("打造更加统一的政务服务平台", []),
        ("打造全市便捷的政务服务平台", []),
        ("建设全市统一的政务服务平台体系", []),
        ("推动各地统一的政务服务平台建设", []),
    ],
)
def test_the_scope_and_unified_before_a_kind(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected
