"""Families of platform names the rules cut short or missed on narrative of other provinces (session 21), each as a
table of sentences written in the wording of budget reports — none copied from a read set — with negatives of the same
shape.

- a release printed right after a name without quotes is the name's, as after quotes (tests/gold/README.md, *Counted
  levels, 统一, a level after the name*: “赣服通”4.0): 数据共享交换平台2.0, 渝快办2.0, …云平台V2.0 — not a figure counted
  after the head (平台2.5万元, 外网1.5G);
- a system's name followed by its quoted brand is one name (*Brands, codes and apps*: …平台“A”): 门户网站“中国广州”,
  政务微信公众号“XX发布” — not a service mode or initiative quoted after a hotline (12345热线“接诉即办”: two names), a
  manner, a version, a maxim, two quoted names side by side, nor quotes that another head or a campaign follows;
- a count and the thing counted that are one term of a data system (一套表, 一张图) are the name's words, no count: the
  statistical 一套表联网直报平台, the planning 一张图实施监督信息系统 — while 一套系统, 一个平台 stay counts.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import load_pipeline
from tests.entityrows import platforms


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年内完成数据共享交换平台2.0建设。", ["数据共享交换平台2.0"]),
        ("推动智慧党建云平台V2.0上线运行。", ["智慧党建云平台V2.0"]),
        ("迭代升级渝快办2.0版，新增高频事项。", ["渝快办2.0"]),
        ("推进“渝快办”3.0版建设。", ["“渝快办”3.0"]),
        # a figure counted after the head is none
        ("安排统计数据共享平台2.5万元。", ["统计数据共享平台"]),
        ("信访信息系统1.2万件。", ["信访信息系统"]),
    ],
)
def test_a_release_after_a_name_printed_bare(nlp, text, expected):
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("负责维护市政府门户网站“中国南宁”。", ["市政府门户网站“中国南宁”"]),
        ("承担区政府门户网站“中国·黄埔”的内容保障。", ["区政府门户网站“中国·黄埔”"]),
        ("做好政务微信公众号“长沙发布”运维。", ["政务微信公众号“长沙发布”"]),
        ("运营官方微信公众号“西安发布”，发布信息1200条。", ["官方微信公众号“西安发布”"]),
        ("推广政务服务移动端“蒙速办”。", ["政务服务移动端“蒙速办”"]),
        # a quoted initiative after a hotline: two names, the initiative a reform
        ("依托12345热线“接诉即办”，提升办理质效。", ["12345热线"]),
        # a manner, a version, a maxim: no brand
        ("打造政务服务平台“升级版”。", []),
        ("建设统一的政务服务平台“一站式”服务窗口。", []),
        # two quoted names side by side are two
        ("推进“渝快办”“渝快政”迭代升级。", ["“渝快办”", "“渝快政”"]),
        # quotes another head follows name a zone of their own
        ("开设政务服务网“跨省通办”专区。", ["政务服务网“跨省通办”专区"]),
        # quoted words with a head of their own name another thing (a use of the card)
        ("启动学校民生卡“一卡通”应用试点。", ["民生卡"]),
        # a bare kind of channel, no brand after it: none
        ("开通微信公众号，发布政务信息。", []),
    ],
)
def test_a_quoted_brand_after_a_systems_name(nlp, text, expected):
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("保障企业一套表联网直报平台稳定运行。", ["企业一套表联网直报平台"]),
        ("完成一套表联网直报系统的运维。", ["一套表联网直报系统"]),
        ("依托国土空间规划一张图实施监督信息系统开展审查。", ["国土空间规划一张图实施监督信息系统"]),
        # counts stay counts
        ("新建一套系统，采购一个平台。", []),
        ("建成五大数据库。", []),
    ],
)
def test_a_counted_term_of_a_data_system(nlp, text, expected):
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb's complement 好 after a one-character verb (建好, 用好, 管好) governs the name with its verb
        ("建好疫情防控应急信息支撑平台。", ["疫情防控应急信息支撑平台"]),
        ("用好社会信用信息平台。", ["社会信用信息平台"]),
        # … while 好 inside a quoted name stays (“好差评”系统)
        ("完善政务服务“好差评”系统。", ["政务服务“好差评”系统"]),
        # the budget's verb of funding governs the name
        ("安排统计数据共享平台运维经费30万元。", ["统计数据共享平台"]),
        # a network joined to the one above: two names, the verb between them
        ("市级电子政务外网上联省电子政务外网。", ["电子政务外网", "省电子政务外网"]),
        # 网络 after a network's own head says again what it is: the network, named by its head
        ("电子政务外网网络承载能力显著提升。", ["电子政务外网"]),
    ],
)
def test_where_a_name_starts_and_ends(nlp, text, expected):
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code named in quotes by its topic's two characters is a channel people use (“苏康码”, as the guideline marks)
        ("推进“医保码”全场景应用。", ["“医保码”"]),
        ("引导群众申领“健康码”。", ["“健康码”"]),
        # … not a count, a kind of code, or an act on one
        ("推动“一码”通行。", []),
        ("扫描商品“条形码”。", []),
        ("实行“亮码”入场。", []),
        # the government's own OA system where jieba makes one word of the head and its upkeep (系统升级, 系统维护)
        ("完成OA系统升级改造。", ["OA系统"]),
        ("做好OA系统维护工作。", ["OA系统"]),
    ],
)
def test_codes_and_own_systems_at_work(nlp, text, expected):
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 官网, a body's or place's official site: a head as 网站 is
        ("全年答复市局官网留言300余件。", ["市局官网"]),
        ("通过滨海新区官网发布信息120条。", ["滨海新区官网"]),
        ("开通官网，发布信息。", []),  # a bare head
        # a year jieba glues to the preposition and the level after it: the name starts at the level
        ("2024年向区人民政府网站推送信息156条。", ["区人民政府网站"]),
        # a place's node of a system named before it, printed with a bare head: the system only
        ("依托江西大数据平台九江市平台，建设市级节点。", ["江西大数据平台"]),
        # 主 before the head: the role a channel plays, no name
        ("加强政府门户网站信息发布主平台建设。", []),
        # a level's service number of four digits is the name's (a year prints 年)
        ("负责市8890便民服务平台的运行管理。", ["市8890便民服务平台"]),
        # the system serving others: one at work
        ("政务服务平台为32家单位提供事项办理服务。", ["政务服务平台"]),
        # a city's service named e and the place, as i and the place
        ("推广“e福州”，上线事项300项。", ["“e福州”"]),
        # verbs that put a system into service govern its name
        ("上线运行“渝快办”移动端，新增事项。", ["“渝快办”移动端"]),
        # a quoted brand's accounts on the new media; a period's or a field's media are none
        ("通过“烟台大数据”政务新媒体发布信息。", ["“烟台大数据”政务新媒体"]),
        ("编制“十五五”新媒体发展规划。", []),
        ("推进“两微一端”新媒体建设。", ["“两微一端”"]),
    ],
)
def test_heads_places_and_roles(nlp, text, expected):
    assert platforms(nlp, text) == expected
