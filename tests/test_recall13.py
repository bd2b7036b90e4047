"""Recall of the open-form platform rules on names no rule was written for (session 13): families of names a reader
takes for a platform by their shape or their context, each a table of rows constructed for it (other places, numbers,
fields and heads than any report; no report's sentence), with the names they must still not find, gazetteer off and on.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

#: 1. A channel named by its service number is a name as printed, also as an item of a list after 、 that ends there
#: (来信、|12315投诉举报热线等渠道): no kind with its head elided, as 科技成果专业化验证、|中试平台 is.
NUMBERED_IN_A_LIST = [
    ("畅通来信、12315投诉举报热线等渠道", ["12315投诉举报热线"]),
    ("畅通窗口、12345政务服务便民热线等诉求渠道", ["12345政务服务便民热线"]),
    ("做好网上信访、12345市民热线、领导信箱的办理工作", ["12345市民热线"]),  # the mailbox: a site's column
    ("拓宽来访、来电、96110反诈热线等渠道", ["96110反诈热线"]),
    ("做好人民网留言、12345市民服务\n热线、市长信箱的办理", ["12345市民服务\n热线"]),  # re-wrapped
    ("通过信件、12369环保举报热线反映", ["12369环保举报热线"]),  # the item goes on (反映): found before too
    ("完善科技成果专业化验证、中试平台", []),
    ("推进数据共享、交换平台等", []),
    ("落实2024、2025年度平台", []),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERED_IN_A_LIST)
def test_a_numbered_channel_after_a_list_comma_is_a_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 2. A government's own official account named by generic words (政务公众号, 政务服务微信公众号) is one of its own
#: systems where the text uses, runs or looks after it, as its platform or hall is; a bare 微信公众号 names none, nor
#: one to be made, every level's, a class in a list after 等, or a rule for the kind.
OWN_ACCOUNT = [
    ("负责政务公众号的运营维护", ["政务公众号"]),
    ("依托政务服务公众号推送办事指南", ["政务服务公众号"]),
    ("负责政务服务微信公众号的日常运营维护", ["政务服务微信公众号"]),
    ("依托电子政务公众号发布信息", ["电子政务公众号"]),
    ("负责全县政务公众号的运行维护", ["政务公众号"]),
    ("通过政府公众号发布预警信息", ["政府公众号"]),
    ("负责微信公众号的运营", []),
    ("推进政务公众号建设", []),
    ("加强各级政务公众号的管理", []),
    ("规范政务公众号、政务微博等政务新媒体", []),
    ("制定政务公众号管理办法", []),
]


@pytest.mark.parametrize(("text", "expected"), OWN_ACCOUNT)
def test_a_governments_own_official_account(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 3. A verb between a noun and a Latin brand or acronym makes a compound with them, as between two nouns (邮政|速递|
#: EMS系统: the post's express service; 证照|寄递|EMS平台); a lead verb in front still governs the name (使用|OA系统).
LATIN_BRAND = [
    ("通过邮政速递EMS系统寄递证照", ["邮政速递EMS系统"]),
    ("依托证照寄递EMS平台寄递", ["证照寄递EMS平台"]),
    ("依托邮政快递EMS系统寄递证照", ["邮政快递EMS系统"]),
    ("依托档案查阅OA系统", ["档案查阅OA系统"]),
    ("依托中国邮政EMS系统寄递证照", ["中国邮政EMS系统"]),  # found before too
    ("由单位使用OA系统办文", ["OA系统"]),
    ("通过邮政速递EMS寄递证照", []),
]


@pytest.mark.parametrize(("text", "expected"), LATIN_BRAND)
def test_a_verb_between_a_noun_and_a_latin_brand(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 4. A market of services online is a platform (网上中介超市, 政府采购网上超市) as a 服务超市 is; 超市 after other
#: words is a shop (社区超市, 连锁超市), and a bare 网上超市 names none.
SERVICE_MARKET = [
    ("依托网上中介超市开展中介服务采购", ["网上中介超市"]),
    ("依托区网上中介超市选取中介机构", ["区网上中介超市"]),
    ("负责全区网上中介\n超市的运行管理", ["网上中介\n超市"]),  # re-wrapped
    ("通过政府采购网上超市采购办公用品", ["政府采购网上超市"]),
    ("依托中介服务网上超市选取中介机构", ["中介服务网上超市"]),
    ("依托网上中介服务超市选取中介机构", ["网上中介服务超市"]),  # found before too
    ("扶持社区超市和连锁超市发展", []),
    ("依托网上超市采购", []),
    ("新建一批惠民超市", []),
]


@pytest.mark.parametrize(("text", "expected"), SERVICE_MARKET)
def test_a_market_of_services_online(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 5. A conjunct after a list's 、 that starts with its owner — a level's government or a place (官网留言、|省政府办事
#: 咨询系统) — is a name as printed, as a numbered one is; after a level or place alone the head is each level's
#: (省、|市政府网站 names no particular site of the list).
OWNER_IN_A_LIST = [
    ("答复网站留言、省政府办事咨询系统、市长热线等渠道的留言", ["省政府办事咨询系统", "市长热线"]),
    ("办理来信、市政府门户网站、市长信箱等渠道的诉求", ["市政府门户网站"]),  # the mailbox: a site's column
    ("受理来电、县人民政府网上信访系统、领导信箱等渠道的诉求", ["县人民政府网上信访系统"]),
    ("做好来访、区政府门户\n网站等渠道的办理", ["区政府门户\n网站"]),  # re-wrapped
    ("完善科技成果专业化验证、中试平台", []),
]


@pytest.mark.parametrize(("text", "expected"), OWNER_IN_A_LIST)
def test_an_owned_channel_after_a_list_comma_is_a_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 6. A card of a public service is a platform (民生卡, 电子社保卡, 居民健康卡, 社保（市民）卡 with its bracketed second
#: name); a credential's or an account's card is none (备案卡, 银行卡, 会员卡).
SERVICE_CARD = [
    ("并与电子社保卡互通", ["电子社保卡"]),
    ("推广居民电子健康卡应用", ["居民电子健康卡"]),
    ("负责辖区内惠民卡及医保（市民）卡项目的协调", ["惠民卡", "医保（市民）卡"]),
    ("持社会保障\n卡就医", ["社会保障\n卡"]),  # re-wrapped
    ("依托老年人卡办理乘车优待", ["老年人卡"]),
    ("办理食品小摊贩备案卡", []),
    ("凭银行卡和会员卡消费", []),
]


@pytest.mark.parametrize(("text", "expected"), SERVICE_CARD)
def test_a_card_of_a_public_service(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 7. 一体化 after a whole territory (全省|一体化数智平台) is the territory's one system's word, as in 全国一体化在线政务
#: 服务平台; after a verb it is a manner of making a kind (建设|一体化|…共享平台: not the name's).
WHOLE_TERRITORY = [
    ("到2030年，全省一体化数智平台更加集约", ["一体化数智平台"]),
    ("依托全市一体化协同办公平台办文", ["一体化协同办公平台"]),
    ("推进全县一体化公共数据平台建设", ["一体化公共数据平台"]),
    ("建设一体化社区晓站共享平台", ["社区晓站共享平台"]),
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_TERRITORY)
def test_one_system_across_a_whole_territory(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 8. Words of what a system does before a head that says more than 系统: 开发 after a noun is the name's as 管理 is
#: (公共数据|开发|服务平台, 低代码|开发|平台), and an own system's 应用 before 管理系统 names what it manages, no class (政务服务
#: 应用|管理系统; 政务应用|系统 is a class still).  开发 in front of a name still governs it (负责|开发|政务服务平台).
WHAT_IT_DOES = [
    (
        "建成省公共数据资源统一开放平台、省公共数据开发服务平台等公共平台",
        ["省公共数据资源统一开放平台", "省公共数据开发服务平台"],
    ),
    ("依托社会数据开发服务平台开展数据开发", ["社会数据开发服务平台"]),
    ("依托低代码开发平台搭建应用", ["低代码开发平台"]),
    ("建成全省政务服务应用管理系统", ["政务服务应用管理系统"]),
    ("负责全区政务服务应用管理\n系统的运维", ["政务服务应用管理\n系统"]),  # re-wrapped
    ("负责开发政务服务平台", []),
    ("依托全市政务应用系统", []),
]


@pytest.mark.parametrize(("text", "expected"), WHAT_IT_DOES)
def test_what_a_system_does_before_its_head(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 9. A body's one-character short name owns its site (局|网站, 厅|网站: the bureau's own), and a library of documents
#: or policies is a platform (政策文件库, 惠企政策库); bare heads name none, nor a hotline's knowledge base (热线知识库:
#: tests/test_candidates.py reads it as part of the hotline).
OWN_SITE_AND_LIBRARY = [
    ("在局网站动态更新时政要闻", ["局网站"]),
    ("通过厅网站公开部门预算", ["厅网站"]),
    ("完成政策文件库历史栏目的迁移", ["政策文件库"]),
    ("建立惠农政策库", ["惠农政策库"]),
    ("一是抓好政务热线知识库的更新", []),
    ("更新规范性文件库", ["规范性文件库"]),
    ("负责各局网站的管理", []),
    ("建立知识库", []),
    ("依托政策库开展政策推送", []),
]


@pytest.mark.parametrize(("text", "expected"), OWN_SITE_AND_LIBRARY)
def test_a_bodys_own_site_and_libraries(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 10. An article's number (第一条 at a regulation's article) is no indefinite article: the name after it is a particular
#: one (一条, 一项 alone still make a mention indefinite).
ARTICLE_NUMBER = [
    ("第一条 为加强牡丹江市电子政务云平台资源管理，制定本细则", ["牡丹江市电子政务云平台"]),
    ("第一条 为规范绥化市12345政务服务便民热线管理", ["绥化市12345政务服务便民热线"]),
    ("第一项 依托县政务服务平台办理", ["县政务服务平台"]),
    ("建设一条连接各镇的政务专线网络", []),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLE_NUMBER)
def test_an_articles_number_is_no_indefinite_article(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 11. A short quoted channel printed right against a quoted channel found, quote to quote (政务“一张网”“一朵云”), is one
#: more of the list, as after 、 or 和; a quoted channel alone after a verb of making names none.
QUOTE_AGAINST_QUOTE = [
    ("完善政务“一张网”“一朵云”一体化支撑能力", ["政务“一张网”", "“一朵云”"]),
    ("完善政务服务“一张网”“一朵云”支撑", ["政务服务“一张网”", "“一朵云”"]),
    ("依托政务“一张网”“一片云”开展服务", ["政务“一张网”", "“一片云”"]),
    ("建设“一朵云”", []),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_AGAINST_QUOTE)
def test_a_quoted_channel_against_another(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 12. A government's own system joined to after 与 (与一体化政务平台地对接, 与政务云互联互通) is one that exists, as one
#: used after 依托 is; not every level's (与各级…), nor a kind joined to in a field of work (与政务服务大厅的衔接: no verb
#: of joining right after it).
JOINED_TO = [
    ("逐项开展与一体化政务平台地对接", ["一体化政务平台"]),
    ("实现部门业务系统与政务服务平台互联互通", ["政务服务平台"]),
    ("推动各乡镇卫生院接入并与电子政务外网联通", ["电子政务外网"]),
    ("推动与政务云对接", ["政务云"]),
    ("推进与各级政务服务平台对接", []),
    ("加强与政务服务大厅的衔接", []),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_TO)
def test_an_own_system_joined_to(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 13. Approval is a service the government renders: a channel quoted after it is its own (行政审批“一张网”, 投资审批
#: “一张网”), as after 政务服务; after an activity the quotes are a figure of speech (疫情防控“一张网”).
APPROVAL_CHANNEL = [
    ("形成全省行政审批“一张网”", ["行政审批“一张网”"]),
    ("依托投资审批“一张网”办理", ["投资审批“一张网”"]),
    ("推进疫情防控“一张网”", []),
]


@pytest.mark.parametrize(("text", "expected"), APPROVAL_CHANNEL)
def test_a_channel_of_approval(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
