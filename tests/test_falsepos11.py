"""False positives of the open-form rules that recur in budget prose, each narrowed by the grammar of the phrase
(session 11).  Every row was written for this table (no report's sentence), with other places, heads and payees than
any report, and says what the rules find with the gazetteer off and on: the names they must not find, and the names of
the same shape they must still find.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract

P, R, D = "Platform", "Reform", "PolicyDocument"


def found(nlp, text: str, labels: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract([text], nlp=nlp)[0] if e.label in labels]


#: 1. A verb of paying or buying right before a head, the thing paid for going on after it (支付|系统维护费): the verb
#: takes the whole object, its payee or its ground in front (向供应商, 按合同约定, 本年度) — no platform named 支付系统.
PAYING = [
    ("向供应商支付系统维护费12万元", []),
    ("向中标单位支付平台使用费", []),
    ("给电信公司支付平台租赁费", []),
    ("为运营单位支付系统运维费用", []),
    ("按合同约定支付系统运维服务费", []),
    ("根据合同支付系统升级改造费用", []),
    ("本年度支付系统维护费12万元", []),
    ("向软件开发商支付系统开发尾款", []),
    ("向服务商\n支付平台运营服务费", []),  # re-wrapped
    ("按照协议向承建方采购系统集成服务", []),
    ("依约向银行缴纳平台使用费", []),
    ("向设备商采购平台软件", []),  # the kind of goods bought after the head
    ("本年度采购系统设备一批", []),
    # ... a payment or purchase system that exists keeps its name, the fee after it too
    ("依托国库集中支付系统办理资金支付", [("国库集中支付系统", P)]),
    ("负责政府采购系统的运行维护", [("政府采购系统", P)]),
    ("政府采购平台运行维护费12万元", [("政府采购平台", P)]),
    ("向国库集中支付系统报送用款数据", [("国库集中支付系统", P)]),
    ("通过网上支付平台缴纳费用", [("网上支付平台", P)]),
    ("使用电子支付系统", [("电子支付系统", P)]),
    ("支付国库集中支付系统维护费", [("国库集中支付系统", P)]),
    ("向国库集中支付系统和政府采购系统报送数据", [("国库集中支付系统", P), ("政府采购系统", P)]),
    ("依托政府采购系统和财政支付系统开展工作", [("政府采购系统", P), ("财政支付系统", P)]),
    ("按照政府采购系统及财政系统要求", [("政府采购系统", P)]),
]


@pytest.mark.parametrize(("text", "expected"), PAYING)
def test_paying_verb_takes_the_whole_object(nlp_off_on, text, expected):
    assert found(nlp_off_on, text, (P,)) == expected


#: 2. Activities listed before a head with activities only up to it (宣传、培训和执法监管平台): tasks, each a kind with the
#: head elided, not the topics of one platform; the last item is a name only if it is one as printed.  Topic nouns listed
#: before the activity they share (社保、医保结算平台), or activities before a noun (教育、医疗缴费平台), are one platform.
SHARED = [
    ("加强宣传、培训和执法监管平台建设", [("执法监管平台", P)]),
    ("建设宣传、培训和执法监管平台", [("执法监管平台", P)]),
    ("依托宣传、培训和执法监管平台开展工作", [("执法监管平台", P)]),
    ("完善监测、预警和应急指挥系统", [("应急指挥系统", P)]),
    ("开展调解、仲裁和信访服务平台建设", [("信访服务平台", P)]),
    ("推进咨询、培训和考核管理系统建设", []),
    ("考试、培训报名系统", []),
    ("加强宣传、培训和执法\n监管平台建设", [("执法\n监管平台", P)]),  # re-wrapped
    ("加强宣传、\n培训和执法监管平台建设", [("执法监管平台", P)]),
    ("建设宣传、培训和\n执法监管平台", [("执法监管平台", P)]),
    # ... topics listed before the activity they share, and two activities of one system, are one name
    ("推进社保、医保结算平台建设", [("社保、医保结算平台", P)]),
    ("负责社保、医保和公积金结算平台的运行维护", [("社保、医保和公积金结算平台", P)]),
    ("建设药品、医用耗材招标采购平台", [("药品、医用耗材招标采购平台", P)]),
    ("运行维护交通、水利和气象监测平台", [("交通、水利和气象监测平台", P)]),
    ("依托企业和社会服务监管平台开展工作", [("企业和社会服务监管平台", P)]),
    ("教育、医疗缴费平台", [("教育、医疗缴费平台", P)]),
    ("建设统一身份认证和授权平台", [("统一身份认证和授权平台", P)]),
    ("完善动态监测与监管系统", [("动态监测与监管系统", P)]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_activities_listed_are_no_topics_of_one_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text, (P,)) == expected


#: 3. A territory's scope word before a head named only by the kind of its owner (全国|政府网站, 全区|部门网站): every
#: government's or department's site across the territory, a class (the guideline's plural mentions), no platform.  A
#: place's own site (区政府网站), a system named by its topic (全国信访信息系统) and a generic own system after a scope
#: word (全区|政务服务平台 → 政务服务平台) are still found.
TERRITORY = [
    ("负责全国政府网站的监督检查", []),
    ("开展全国政府网站普查工作", []),
    ("做好全省政府网站的日常监测", []),
    ("依托全区政府网站公开信息", []),
    ("开展全省政府门户网站检查", []),
    ("做好全县部门网站的安全监测", []),
    ("负责全区政府网站、政务新媒体发展的统筹规划", []),
    ("负责全国政府\n网站的监督检查", []),  # re-wrapped
    ("负责全旗政府网站的监督检查", []),  # every level's whole territory (nlp.platformwords.WHOLE_TERRITORY): a banner's
    ("做好全盟部门网站的安全监测", []),  # a league's (盟, a prefecture of Inner Mongolia)
    # ... a place's own site, a system named by its topic, an own system after a scope word
    ("负责区政府网站的运行维护", [("区政府网站", P)]),
    ("负责市政府门户网站的运行维护", [("市政府门户网站", P)]),
    ("通过政府门户网站征集意见", [("政府门户网站", P)]),
    ("负责全国信访信息系统的运行", [("全国信访信息系统", P)]),
    ("依托全国一体化在线政务服务平台", [("全国一体化在线政务服务平台", P)]),
    ("依托全区政务服务平台公开信息", [("政务服务平台", P)]),
]


@pytest.mark.parametrize(("text", "expected"), TERRITORY)
def test_a_territorys_every_governments_site_is_no_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text, (P,)) == expected


#: 4. A number with the year in brackets after a common word for a paper no body issues under a document number (a
#: contract, an agreement, a task paper, a record's or a licence's number) has no issuer: no document.  Real issuers'
#: abbreviations in front of the year — a body's, a kind of issue's (发, 办, 函, 字, 规, 电, 编) — are documents.
NOT_ISSUERS = [
    "根据合同（2021）5号约定支付服务费",
    "按照采购合同〔2023〕12号执行",
    "依据服务合同[2022]8号完成验收",
    "向供应商支付租赁合同(2021)第3号约定的尾款",
    "依据协议〔2023〕4号",
    "按照协议书（2023）2号执行",
    "按照任务书〔2024〕7号",
    "编号〔2020〕3号",
    "按照许可证〔2023〕4号",
    "根据合同\n（2021）5号约定支付服务费",  # re-wrapped
    "按照采购合同 〔2023〕 12 号执行",
]
ISSUED = [
    ("按照国发〔2022〕5号文件要求", "国发〔2022〕5号"),
    ("根据番府办[2013]91号", "番府办[2013]91号"),
    ("按照穗府办函〔2020〕12号", "穗府办函〔2020〕12号"),
    ("根据粤卫办发〔2020〕8号", "粤卫办发〔2020〕8号"),
    ("根据国办发明电〔2020〕5号", "国办发明电〔2020〕5号"),
    ("根据穗财编〔2019〕3号", "穗财编〔2019〕3号"),
    ("根据工商办字〔1998〕151号", "工商办字〔1998〕151号"),
    ("根据工信部联规〔2020〕7号", "工信部联规〔2020〕7号"),
    ("落实中发\n〔2018〕34号精神", "中发\n〔2018〕34号"),
]


@pytest.mark.parametrize("text", NOT_ISSUERS)
def test_a_contracts_number_is_no_document(nlp_off_on, text):
    assert found(nlp_off_on, text, (D,)) == []


@pytest.mark.parametrize(("text", "number"), ISSUED)
def test_an_issuers_number_is_a_document(nlp_off_on, text, number):
    assert found(nlp_off_on, text, (D,)) == [(number, D)]


#: 5. A quoted principle of duty (who answers for what: “党政同责”, “一岗双责”, “失职追责”), a goal of covering all
#: (“应保尽保”) or a quoted category or label of things (nouns only: “民生实事”, “宝安模式”; a set phrase: “名特优新”) before
#: 工作 is what the work follows or is about, no initiative's name (the guideline: slogans and goals are not reforms).
#: Quoted initiatives that say what is done stay reforms.
SLOGANS = [
    ("落实“党政同责”工作要求", []),
    ("推进“党政同责”工作", []),
    ("推进“失职追责”工作", []),
    ("开展“党政同责”专项行动", []),
    ("落实“应保尽保”工作", []),
    ("完成“民生实事”工作", []),
    ("办好“民生实事”工作，确保按期完成", []),
    ("开展“宝安模式”工作", []),
    ("开展“名特优新”工作", []),
    ("优化“营商环境”工作", []),  # a field the work is about (营商环境改革 is the reform)
    ("落实“党政同责”\n工作要求", []),  # re-wrapped
    # ... quoted initiatives, with or without 改革, before 工作 or a campaign's head
    ("深化“放管服”改革", [("“放管服”改革", R)]),
    ("推行“多证合一”", [("“多证合一”", R)]),
    ("推进政务服务“跨省通办”", [("“跨省通办”", R)]),
    ("开展政务服务“好差评”工作", [("“好差评”", R)]),
    ("稳步推进“个转企”工作", [("“个转企”", R)]),
    ("按照化妆品“飞鹰检”工作要求", [("“飞鹰检”", R)]),
    ("推进“厕所革命”工作", [("“厕所革命”", R)]),
    ("推进“河长制”工作", [("“河长制”", R)]),
    ("开展“菜篮子”工程", [("“菜篮子”", R)]),
    ("推进“法治政府”工作", [("“法治政府”", R)]),  # a quality and the body it makes so, as 数字政府
    ("推进“数字乡村”工作", [("“数字乡村”", R)]),
]


@pytest.mark.parametrize(("text", "expected"), SLOGANS)
def test_a_quoted_principle_or_label_is_no_reform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text, (R,)) == expected
