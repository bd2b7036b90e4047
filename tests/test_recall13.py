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
    ("做好网上信访、12345市民热线、领导信箱的办理工作", ["12345市民热线", "领导信箱"]),
    ("拓宽来访、来电、96110反诈热线等渠道", ["96110反诈热线"]),
    ("做好人民网留言、12345市民服务\n热线、市长信箱的办理", ["12345市民服务\n热线", "市长信箱"]),  # re-wrapped
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
