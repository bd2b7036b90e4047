"""Reform families met on pages of provinces no rule was written from (session 21): each family's shape in sentences
written for these tables (other fields, places and campaigns than the pages they were seen on; no page's sentence),
beside the names of the same words that stay, gazetteer off and on."""

from __future__ import annotations

import pytest

from tests.entityrows import reforms

#: A verb that takes the reform as its object — builds, strengthens, completes, spreads, uses, fights it through or
#: relates to it — leads X改革 and is no part of its name, as 深化 / 推进 are; jieba may print it as two words (打|好,
#: 用|好).  A verb naming what is reformed stays (相对集中…, 开办企业便利化改革), and 服务 is a noun there (集成服务改革).
#: 9 of the first ten rows fail before (the verb was read into the name; 县级 already led 推开's row).
GOVERNING_VERBS = [
    ("全面加强国资国企改革", ["国资国企改革"]),
    ("进一步完善农业水价综合改革配套措施", ["农业水价综合改革"]),
    ("健全集体林权制度改革长效机制", ["集体林权制度改革"]),
    ("建立健全公共资源交易制度改革配套政策", ["公共资源交易制度改革"]),
    ("全面推开县级公立医院薪酬制度改革", ["公立医院薪酬制度改革"]),
    ("卫生健康委涉及事业单位改革的人员划转", ["事业单位改革"]),
    ("全力打好供销社综合改革攻坚战", ["供销社综合改革"]),
    ("用好用活农村产权制度改革成果", ["农村产权制度改革"]),
    ("巩固拓展殡葬管理体制改革成效", ["殡葬管理体制改革"]),
    ("总结推广医保支付方式改革经验", ["医保支付方式改革"]),
    # stay
    ("推进相对集中行政许可权改革", ["相对集中行政许可权改革"]),
    ("深化开办企业便利化改革", ["开办企业便利化改革"]),
    ("推进园区集成服务改革", ["园区集成服务改革"]),
    ("深化政务服务改革", ["政务服务改革"]),
    ("推进医疗服务价格改革", ["医疗服务价格改革"]),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNING_VERBS)
def test_a_verb_governing_a_reform_is_no_part_of_its_name(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: Quoted names listed before one head they share — 行动, 专项行动, 工程, 改革, joined by 和 / 、 / 及 or nothing — are each
#: a campaign or reform of its own, marked alone with their quotes (the guideline: “放管服”和“一件事一次办”改革 → two).
#: Not a list of slogans, periods or counted classes, nor a head that is a plan's or a rule's (…规划, …制度), nor a
#: quoted count before 活动 (party education: “两学一做”, “三会一课”).  Rows 2–6 fail before (the names before the last
#: were not found), and the “三会一课”活动 row (it was a campaign).
SHARED_HEADS = [
    ("组织开展“蓝盾”和“净源行动”", ["“净源行动”"]),  # the head inside the quotes: no shared head
    ("实施“光网提速”和“云上乡村”行动", ["“光网提速”", "“云上乡村”"]),
    ("持续开展“清朗”、“护苗”专项行动", ["“清朗”", "“护苗”"]),
    ("推行“一照多址”及“一址多照”改革", ["“一照多址”", "“一址多照”改革"]),
    ("开展“春耕护农”、“夏季攻势”、“秋冬清源”专项行动", ["“春耕护农”", "“夏季攻势”", "“秋冬清源”"]),
    ("全面推行“一业一证”“一照通行”改革", ["“一业一证”", "“一照通行”改革"]),
    # stay
    ("深入开展“两学一做”和“三会一课”活动", []),
    ("统筹“十四五”和“十五五”规划衔接", []),
    ("落实“四下基层”和“首问负责”制度", []),
    ("打造“赣服通”和“赣政通”平台", []),  # platforms, no reform
]


@pytest.mark.parametrize(("text", "expected"), SHARED_HEADS)
def test_quoted_names_sharing_one_head_are_each_named(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: A county's or region's own programme, 数字 + its name, where jieba reads the name as a person's or a proper noun
#: (萧山, 龙岗: nr; 义乌: nz; 顺德: nrt) rather than a place: a name as 数字昆明 is.  Not a one-character surname.  The
#: first three rows fail before.
COUNTY_PROGRAMMES = [
    ("统筹推进数字余杭建设", ["数字余杭"]),
    ("加快建设数字义乌", ["数字义乌"]),
    ("深化数字张家港3.0工程", ["数字张家港3.0工程"]),
    ("推进数字昆明建设", ["数字昆明"]),  # as before
    ("数字李为大家讲解", []),
    ("推进数字孪生城市建设", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNTY_PROGRAMMES)
def test_a_countys_digital_programme_is_a_name(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: A quoted name of the people who do a work (“…人员”, “…专员”, “…队伍”) names them, no initiative, though its words
#: hold an initiative's (一窗, 帮办).  The first two rows fail before.
QUOTED_PEOPLE = [
    ("新增“一窗综办人员”20名", []),
    ("设立“企业帮办代办专员”", []),
    ("配备“一网通办”帮办人员", ["“一网通办”"]),  # the initiative, named alone: as before
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_PEOPLE)
def test_a_quoted_name_of_people_is_no_initiative(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: A programme called …工程 that says it renews or innovates (迭代, 创新: as 提升, 赋能) is a campaign, not a construction
#: work; a verb of being selected for it (入选, 列入, 纳入) and a bare level (省|…) in front are no part of its name; 接诉即办
#: printed bare is an initiative by its name, as 一网通办 is.  The first four rows fail before.
PROGRAMME_WORKS = [
    ("加快实施政务数据平台迭代工程", ["政务数据平台迭代工程"]),
    ("推进应用场景创新工程", ["应用场景创新工程"]),
    ("入选省数字技术创新工程试点", ["数字技术创新工程"]),
    ("全年受理市民热线、接诉即办等渠道诉求", ["接诉即办"]),
    # stay
    ("完成道路改造升级工程", []),
    ("实施市民文明素养提升工程", ["市民文明素养提升工程"]),
    ("深化接诉即办改革", ["接诉即办改革"]),
]


@pytest.mark.parametrize(("text", "expected"), PROGRAMME_WORKS)
def test_a_programme_that_renews_is_a_campaign(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: The quoted part of a “X”改革 a report carries out names that reform at its other mentions in the report, the state it
#: reaches too (the guideline: then at each of its mentions); spread by nlp.propagation.  Fails before (the second text
#: had no reform).
def test_a_reform_carried_out_names_its_quoted_part_across_the_report(nlp_off_on):
    from nlp.entities import extract_docs
    from nlp.propagation import report_entities

    texts = ["全面推行“拿地即开证”改革。", "全市新供应工业用地实现“拿地即开证”全覆盖。"]
    ents = report_entities(extract_docs(nlp_off_on, texts)).entities
    assert [[e.text for e in es if e.label == "Reform"] for es in ents] == [["“拿地即开证”改革"], ["“拿地即开证”"]]
