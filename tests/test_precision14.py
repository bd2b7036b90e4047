"""False-platform and false-reform families read on unseen provinces' pages and in the last review (session 14): each
family's shape in sentences written for these tables (other places, cards, principles and programmes than the pages
they were seen on; no report's sentence), beside the names of the same words that stay, gazetteer off and on.  The
NER's proposals are asked the same where the family is the NER's too (a stand-in NER: tests/entityrows.py)."""

from __future__ import annotations

import pytest

from tests.entityrows import ner_platforms
from tests.entityrows import platforms as found


def _reforms(nlp, text):
    from nlp.entities import extract

    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == "Reform"]


#: A quoted principle, maxim or positioning a policy follows is no initiative (tests/gold/README.md: slogans and
#: principles): a maxim saying what to do and not (…不…), a saying of the language after a one-character verb
#: (过|紧日子), or what 政策定位 / 政策导向 / 政策取向 names; the quoted name of a policy carried out stays.
PRINCIPLES = [
    ("落实“过紧日子”政策要求，压减一般性支出", []),
    ("严格按照“就高不就低”政策执行", []),
    ("坚持“房住不炒”政策定位", []),
    ("落实“只减不增”政策", []),
    ("坚持“稳中求进”政策取向", []),
    ("做好“一次不跑”工作", []),
    # stays: quoted initiatives carried out as policies or works
    ("落实“澳车北上”政策", ["“澳车北上”"]),
    ("执行“港车北上”政策要求", ["“港车北上”"]),
    ("深化“不见面审批”工作", ["“不见面审批”"]),
]


@pytest.mark.parametrize(("text", "expected"), PRINCIPLES)
def test_a_principle_before_policy_is_no_reform(nlp_off_on, text, expected):
    assert _reforms(nlp_off_on, text) == expected


#: A kind of card every holder gets (社保卡, 医保卡, 健康卡, 交通卡, 老年卡), where the text hands it to people — issues,
#: applies for, replaces it, a list of cards after the verb too — is a card in a person's hand, no platform; the card
#: scheme run or used (推广, 依托, 应用), a city's scheme of its own (民生卡, 市民卡) and the electronic card stay.
CARDS = [
    ("为群众免费办理医保卡、健康卡", []),
    ("为辖区老年人办理老年卡和交通卡", []),
    ("全年补办第三代社保卡1.2万张", []),
    ("为新生儿申领社会保障卡", []),
    ("协助参保人员办理\n长沙市社会保障卡", []),  # re-wrapped, a city's name in front
    # stays
    ("推广电子社保卡应用", ["电子社保卡"]),
    ("累计发放民生卡约5万张", ["民生卡"]),
    ("依托社保卡开展惠民补贴发放", ["社保卡"]),
    ("通过市民卡办理公交乘车", ["市民卡"]),
]


@pytest.mark.parametrize(("text", "expected"), CARDS)
def test_a_card_handed_to_people_is_no_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("为群众免费办理医保卡", "医保卡", False),
        ("为居民补换健康卡", "健康卡", False),
        ("依托医保卡开展结算", "医保卡", True),
    ],
)
def test_the_ners_card_handed_out(nlp_off_on, text, name, kept):
    assert (name in ner_platforms(nlp_off_on, text, name)) is kept


#: A quoted grade of an evaluation printed against a quoted initiative (“好差评”“非常满意”评价, “满意”率) is the grade
#: given, not one more initiative of the list; a tight list of initiatives stays one.
GRADES = [
    ("全县政务服务“好差评”“非常满意”评价2万条", ["“好差评”"]),
    ("政务服务“好差评”“满意”率达99%", ["“好差评”"]),
    ("推行“一门受理”“一章审批”", ["“一门受理”", "“一章审批”"]),
]


@pytest.mark.parametrize(("text", "expected"), GRADES)
def test_a_grade_is_no_initiative(nlp_off_on, text, expected):
    assert _reforms(nlp_off_on, text) == expected


#: 上云 is a verb inside quotes as outside them (“迁移上云”: moving systems onto the cloud), no cloud's name; a quoted
#: cloud's name stays.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县业务系统基本实现“迁移上云”", []),
        ("推动部门系统“应上尽上云”", []),
        ("部门业务系统统一部署在“海河政务云”", ["“海河政务云”"]),
    ],
)
def test_moving_onto_the_cloud_is_no_cloud(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A body named after a programme, with 工作 in its name (“数字长沙”建设工作领导小组办公室), is the body's name, no
#: mention of the programme; the programme's work stays one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发挥“数字长沙”建设工作领导小组办公室职能", []),
        ("承担智慧城市建设工作领导小组办公室日常工作", []),
        ("全力推进“数字长沙”建设工作", ["“数字长沙”"]),
    ],
)
def test_a_body_named_after_a_programme(nlp_off_on, text, expected):
    assert _reforms(nlp_off_on, text) == expected


#: A quoted maxim ending in a head (“平台之外无系统”: what there is none of) names no platform; a quoted standard name
#: in the work of making it or set up as a hall's counter is read as unquoted (推进“单一窗口”建设 as 推进单一窗口建设;
#: review13 F7: it became a platform) — the channel used stays; a field's network built and run is the one network run
#: (review13 F2: 建设和运行维护), its building alone the field of work.
QUOTED_AND_RUN = [
    ("坚持“平台之外无系统”原则", []),
    ("落实“网外无平台”要求", []),
    ("加快推进“单一窗口”建设", []),
    ("在大厅设立“单一窗口”", []),
    ("通过“单一窗口”办理报关", ["“单一窗口”"]),
    ("推行“无纸化”会议系统", ["“无纸化”会议系统"]),
    ("负责全县电子政务网络建设和运行维护", ["电子政务网络"]),
    ("负责全市政务网络建设与运维", ["政务网络"]),
    ("负责全县电子政务网络建设管理工作", []),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_AND_RUN)
def test_quoted_maxims_standards_at_work_and_networks_run(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: One topic of the basic databases jieba cuts in two (空间|地理|库) is one topic of the name, as 人口库 is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全省统一的人口库、法人库、空间地理库基础框架基本形成", ["人口库", "法人库", "空间地理库"]),
        ("依托空间地理库开展数据共享", ["空间地理库"]),
        ("建设空间库", []),
    ],
)
def test_a_topic_cut_in_two(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: Many governments' or bodies' own ones: a level's character cut off the levels named together (各市|州…热线: 市州),
#: the bodies directly under a level before generic words (省直政务信息系统: every body's own), a count of the levels
#: after their names in quotes (“省市县乡村”五级同系统), the same one (同|系统) — no particular platform; one level's,
#: one body's or one place's stays.
MANY_LEVELS = [
    ("形成覆盖各市州12345政务服务热线的办理网络", []),
    ("同步开展省直政务信息系统迁移工作", []),
    ("推动市直业务系统整合", []),
    ("做到“省市县乡村”五级同系统在线办理", []),
    ("负责州政务服务网运行维护", ["州政务服务网"]),
    ("负责湖北省市场监管综合平台运维", ["湖北省市场监管综合平台"]),
    ("建成各县区便民服务热线", []),
    ("推广“吉事办”移动端", ["“吉事办”移动端"]),
]


@pytest.mark.parametrize(("text", "expected"), MANY_LEVELS)
def test_many_levels_own_many(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A word ending in a lead verb before a quoted name governs it (合作开发|“…”App: jieba tags 联合开发 a name of a body),
#: as a verb does; the words of the service in front of a quoted part stay the name's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市政府以合作开发“掌上长沙”App为抓手", ["“掌上长沙”App"]),
        ("自治区以联合开发“数字湘西”小程序为突破口", ["“数字湘西”小程序"]),
        ("全面推广“湘易办”APP", ["“湘易办”APP"]),
        ("惠企政策“免申即享”平台上线运行", ["惠企政策“免申即享”平台"]),
    ],
)
def test_a_verb_before_a_quoted_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A verb by which one work drives another (统揽, 引领, 带动 …) ends the field of the …改革 after it: the clause's verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("以数字政府建设统揽政务服务改革", ["数字政府", "政务服务改革"]),
        ("以信用体系建设带动商事制度改革", ["商事制度改革"]),
        ("以数字化转型驱动医疗卫生体制改革", ["医疗卫生体制改革"]),
        ("深化行政审批制度改革", ["行政审批制度改革"]),
    ],
)
def test_a_driving_verb_before_a_reform(nlp_off_on, text, expected):
    assert _reforms(nlp_off_on, text) == expected


#: The NER's card is a public service's card, as the shape rules read 卡 (nlp.platformwords.CARD_NAME): a card for
#: stock, a filing or a trip (库存卡, 备案卡, 商务旅行卡) is none.
@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("开展库存卡清理业务", "库存卡", False),
        ("为企业人员办理商务旅行卡", "商务旅行卡", False),
        ("发放摊贩备案卡", "摊贩备案卡", False),
        ("依托民生卡发放补贴", "民生卡", True),
    ],
)
def test_the_ners_card_of_no_service(nlp_off_on, text, name, kept):
    assert (name in ner_platforms(nlp_off_on, text, name)) is kept


#: A company's channel before a bare head (支付宝|小程序, as 微信|小程序) is a kind of channel, no platform; a service's
#: own one named in front stays.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("可通过微信或支付宝小程序申领", []),
        ("开通支付宝小程序办理", []),
        ("上线“湘易办”支付宝小程序", ["“湘易办”支付宝小程序"]),
    ],
)
def test_a_companys_channel_is_a_kind(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
