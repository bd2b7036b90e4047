"""nlp.places: the one place recogniser the entity rules ask (agencies, ownsystems, coinednames, headwalk, candidates,
sectors), each with the parameters it needs; every shape a caller took before the merge, and what none takes."""

from __future__ import annotations

import pytest

from nlp.agencies import agency_spans
from nlp.pipeline import load_pipeline
from nlp.places import OWN_PLACE, level_glued, place_name, place_of_a_level
from nlp.tokenizer import token_offsets
from tests.entityrows import platforms as found

#: What the callers pass: a whole word in front of a name (ownsystems, coinednames, agencies: any place), a word taken
#: into a name as its owner or a name's first piece by a pattern (headwalk, candidates, sectors: the dictionary's places
#: with their level).
ANY = {}
OWNER_WITH_LEVEL = {"level": True, "unknown": False}

# fmt: off
#: Places with their level that jieba's dictionary knows: every caller takes them.
DICTIONARY_WITH_LEVEL = ["六安市", "番禺区", "广东省", "重庆市", "灵武市", "兴安盟", "全州县", "本溪市", "东城区", "向阳区"]
#: Places printed bare (the dictionary's): a place in front for ownsystems and coinednames (温州|“城市大脑”), no owner
#: with its level.
BARE = ["温州", "江苏", "三亚", "广州", "番禺"]
#: A name and a level jieba does not hold as a place — unknown to it, or tagged a verb, a person's name or a common noun
#: whose name it knows (硚口区, 从化区, 和静县, 乌审旗, 东营市, 石林彝族自治县; 青禾县 and 澜屿市 made up): a place for the
#: callers reading whole words, not for those cutting a name's first piece by a pattern.
SHAPED = ["硚口区", "从化区", "和静县", "乌审旗", "东营市", "石林彝族自治县", "湘西州", "青禾县", "澜屿市"]
#: No caller's place: a scope or many levels, the report's own (asked apart: OWN_PLACE), a common word ending like a
#: place, a kind of city, a verb or a lead with a level glued, one character, an alliance, a word jieba calls a place
#: that names none.
NONE = ["全市", "本市", "我县", "各县", "各县区", "本级", "该区", "每县", "城市", "都市", "社区", "园区", "主城区",
        "卫生城市", "国际都市", "大城市", "自然保护区", "管理区", "建设市", "推进县", "向昆明市", "与来宾市", "和社区", "河",
        "京", "欧洲联盟", "工农联盟", "新建", "上市", "新区", "开发区", "省市", "市县", "县区", "辖区"]
#: A place's word inside another word: the word is not the place (the callers hand whole words).
INSIDE = ["超市", "市场", "城市管理", "县域", "区块链", "省份", "州长", "市民"]
# fmt: on


@pytest.mark.parametrize("word", DICTIONARY_WITH_LEVEL)
def test_a_dictionary_place_with_its_level_is_every_callers(word):
    assert place_name(word, **ANY) and place_name(word, **OWNER_WITH_LEVEL)


@pytest.mark.parametrize("word", BARE)
def test_a_bare_place_is_a_place_in_front_but_no_owner_with_its_level(word):
    assert place_name(word, **ANY)
    assert not place_name(word, **OWNER_WITH_LEVEL)


@pytest.mark.parametrize("word", SHAPED)
def test_a_name_and_a_level_by_its_shape(word):
    assert place_name(word, **ANY)
    assert place_name(word, level=True)
    assert not place_name(word, **OWNER_WITH_LEVEL)


@pytest.mark.parametrize("word", NONE + INSIDE)
def test_no_callers_place(word):
    assert not place_name(word, **ANY)
    assert not place_name(word, level=True)
    assert not place_name(word, **OWNER_WITH_LEVEL)


@pytest.mark.parametrize("word", ["本市", "我县", "本省", "我区", "本州"])
def test_the_reports_own_place(word):
    assert OWN_PLACE.fullmatch(word) and not place_name(word)


@pytest.mark.parametrize("word", ["全市", "本级", "各县", "市本级", "我局"])
def test_no_own_place(word):
    assert not OWN_PLACE.fullmatch(word)


def test_a_place_the_dictionary_knows_with_a_level_too():
    assert place_of_a_level("新建")  # 新建|区: a district of 南昌
    assert not place_of_a_level("美化")  # a verb jieba tags as a place alone
    assert not place_of_a_level("番禺区")


@pytest.mark.parametrize(("word", "glued"), [("管理区", True), ("建设市", True), ("番禺区", False), ("区", False)])
def test_a_lead_with_the_level_glued(word, glued):
    assert level_glued(word) is glued


#: nlp.sectors asks for the jurisdiction named before a line's 系统 as a place with its level by the dictionary: a
#: place whose name jieba does not know alone (灵武|市, 本溪|市, 向阳|区) is the place's line of bodies as 重庆市's is
#: (the copy in nlp.sectors wanted the name before the level a dictionary place too); words of a system's own after
#: the place still make a system.  Made-up lines.
SECTOR_AFTER_A_PLACE = [
    ("灵武市交通运输系统2024年政务公开工作情况报告", []),
    ("现将本溪市卫生健康系统2025年政务公开工作情况报告如下。", []),
    ("向阳区市场监管系统年度工作会议在区政府召开。", []),
    ("全年向阳区教育系统完成培训。", []),
    ("灵武市交通\n运输系统2024年政务公开工作情况报告", []),  # re-wrapped
    ("灵武市交通运输信息系统运行稳定。", ["灵武市交通运输信息系统"]),
    ("本溪市卫生健康信息系统升级改造。", ["本溪市卫生健康信息系统"]),
    ("灵武市应急广播系统覆盖全市。", ["灵武市应急广播系统"]),
    # a county whose name opens with a scope word's characters (全州县: 全州 and its level, no scope 全州 before a 县…)
    ("全州县教育系统2024年政务公开工作情况报告", []),
    ("现将全州县卫生健康系统年度工作报告如下。", []),
    ("全州县交通\n运输系统年度工作会议召开。", []),
]


@pytest.mark.parametrize(("text", "expected"), SECTOR_AFTER_A_PLACE)
def test_a_line_of_bodies_after_a_place_jieba_knows_with_its_level(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: nlp.agencies starts a body's name at a word nlp.places calls a place: a place jieba tags otherwise and opening
#: with a character it may glue in front (从化区, 和静县) starts one; a year's 年 glued to a level (jieba's 年区) is no
#: place — the level starts the body (2019年|区政务服务中心); 各 and a level before a body make it every one's
#: (各县|统计局); 排队, 团队, 梯队 end no body (…政务服务排队叫号系统).  Made-up lines.
AGENCY_ROWS = [
    ("2019年区政务服务中心办理业务86万宗。", ["区政务服务中心"]),
    ("二〇二〇年县协作办下达扶贫资金。", ["县协作办"]),
    ("2021年市数据资源管理局完成平台迁移。", ["市数据资源管理局"]),
    ("协助管理各县统计局业务工作。", []),
    ("指导各区审计局开展内部审计。", []),
    ("完善番禺区政务服务排队叫号系统。", []),
    ("引进市高层次团队12个。", []),
    ("组建区应急救援梯队。", []),
    ("从化区审计局派出审计组。", ["从化区审计局"]),
    ("和静县审计局开展审计。", ["和静县审计局"]),
    ("现将和静县财政局2024年部门预算公开如下。", ["和静县财政局"]),
    ("向阳区数据局负责平台运维。", ["向阳区数据局"]),
    ("年度区政务服务中心考核", ["区政务服务中心"]),
    ("青禾县统计局开展调查。", ["青禾县统计局"]),
    ("升级县政务服务中心排队叫号系统。", []),
]


@pytest.fixture(scope="module")
def shapes_only():
    return load_pipeline()  # no gazetteer handed over


@pytest.mark.parametrize(("text", "expected"), AGENCY_ROWS)
def test_a_body_starts_at_a_place_or_its_level(shapes_only, text, expected):
    assert [text[s:e] for s, e in agency_spans(text, token_offsets(shapes_only.make_doc(text)))] == expected
