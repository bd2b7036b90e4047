"""Recall of the open-form platform rules on names no rule was written for (session 12): families of names a reader of
Chinese takes for a platform by their shape or their context, each with rows constructed for this table (other
places, fields, heads and wrappings than any report; no report's sentence), the names they must still not find, with
the gazetteer off and on.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


#: 1. An owner's name printed in front is the name's, also where jieba leaves the body's one-character end a token of
#: its own and tags it no noun (卫生|健康|委 zg): the words of the body's field before it go with it.  委 alone is no
#: owner; a list before the owner is no topic the site shares (所属单位、|…委门户网站); 各 glued to bodies (各委局) is
#: every body's site.
OWNER_BODY = [
    ("承担省卫生健康委门户网站、办公自动化等系统的信息安全", ["省卫生健康委门户网站"]),
    ("负责市发展改革委门户网站的管理", ["市发展改革委门户网站"]),
    ("负责县卫生健康委门户\n网站的管理", ["县卫生健康委门户\n网站"]),  # re-wrapped
    ("负责区住房城乡建设局门户网站的管理", ["区住房城乡建设局门户网站"]),
    ("负责市财政局门户网站", ["市财政局门户网站"]),
    ("负责对所属单位、卫生健康委门户网站的管理", ["卫生健康委门户网站"]),
    ("加强委门户网站", []),
    ("负责各委局门户网站的管理", []),
    ("负责各厅局信息系统的运维", []),
    ("负责市发展改革委系统干部培训", []),
]


@pytest.mark.parametrize(("text", "expected"), OWNER_BODY)
def test_an_owner_whose_end_is_a_token_of_its_own(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 2. A government's own system named by generic words is one that exists where the text makes managing it a duty
#: (…政务服务平台管理职责, 政务云运行管理职能, …日常管理工作), and a network is one of its own systems as a platform or
#: a hall is (政务服务网络, 电子政务网络: looked after, used, the scope's own).  Not a regulation for the kind (…管理办法),
#: the making of it as a duty (…建设管理职责), every place's (各地, 各级), a category (政务信息系统), networking as a
#: manner (网络化), a kind to be built (推动…网络建设, 完善覆盖城乡的…网络) or a network's security (政务网络安全).
OWN_MANAGED = [
    ("承担电子政务建设、政务服务平台管理职责", ["政务服务平台"]),
    ("承担全县政务云运行管理职能", ["政务云"]),
    ("负责网上政务服务平台日常管理工作", ["网上政务服务平台"]),
    ("负责政务服务\n平台管理职责", ["政务服务\n平台"]),  # re-wrapped
    ("负责对政务服务网络的管理维护", ["政务服务网络"]),
    ("负责对电子政务网络的运行维护", ["电子政务网络"]),
    ("负责全县电子政务网络的规划和管理", ["电子政务网络"]),
    ("依托电子政务网络开展视频会议", ["电子政务网络"]),
    ("承担政务服务平台建设管理职责", []),
    ("负责政务服务平台管理办法的制定", []),
    ("指导各地政务服务平台管理工作", []),
    ("承担政务信息系统管理职责", []),
    ("推进政务服务网络化", []),
    ("推动政务服务网络建设", []),
    ("加强政务网络安全管理", []),
    ("完善覆盖城乡的政务服务网络", []),
    ("各级政务服务网络", []),
]


@pytest.mark.parametrize(("text", "expected"), OWN_MANAGED)
def test_an_own_system_managed_as_a_duty_and_an_own_network(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 3. 信息网络 ends a name as 信息系统 does: a field's information network (人口健康信息网络, 社会保障信息网络) is one
#: system.  Not a bare or generic one (信息网络, 计算机信息网络), a sector's (…系统信息网络 as …系统信息化), an item of a
#: budget's economic classification (31007 信息网络及软件购置更新), many (各级) or an indefinite one (一个信息网络).
INFO_NETWORK = [
    ("组织指导全省人口健康信息网络的运行维护", ["人口健康信息网络"]),
    ("负责全市社会保障信息网络的运维", ["社会保障信息网络"]),
    ("维护农业农村信息网络和信息系统的安全运行", ["农业农村信息网络"]),
    ("负责人口健康信息\n网络的运行维护", ["人口健康信息\n网络"]),  # re-wrapped
    ("推进面向社会服务的信息网络互联互通", []),
    ("加快劳动和社会保障系统信息网络建设", []),
    ("加强信息网络安全", []),
    ("维护计算机信息网络国际联网安全", []),
    ("31007 信息网络及软件购置更新", []),
    ("31007\t信息网络及软件购置更新\t0.00", []),
    ("各级信息网络", []),
    ("建立覆盖全省的一个信息网络", []),
]


@pytest.mark.parametrize(("text", "expected"), INFO_NETWORK)
def test_a_fields_information_network(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 4. A place's own service brand named "i" or 爱 and the place (i深圳, i厦门, 爱山东): i right before a place's name is
#: the brand, alone or listed; 爱 only where a head follows (爱山东APP: not 山东APP) or, quoted, after a verb of using it
#: (通过“爱山东”) — 爱 before a place is else the verb (我爱上海, 热爱深圳), a quoted one a campaign's name.
PLACE_BRANDS = [
    ("推广i厦门、i福州等城市服务品牌", ["i厦门", "i福州"]),
    ("市民可通过i武汉办理公积金业务", ["i武汉"]),
    ("依托“i南京”开展服务", ["“i南京”"]),
    ("群众可通过爱山东APP查询", ["爱山东APP"]),
    ("通过“爱青岛”办理", ["“爱青岛”"]),
    ("上线i深圳APP", ["i深圳APP"]),
    ("我爱上海", []),
    ("热爱深圳，服务深圳", []),
    ("关爱山区儿童", []),
    ("参加“爱深圳”志愿活动", []),
    ("开展爱国主义教育", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_BRANDS)
def test_a_places_brand_named_i_or_ai_and_the_place(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 5. 政务网 printed as one word is the government's network as 政务外网 is: one that exists where it is used or looked
#: after (依托, …的运行维护), listed beside networks found (…、区视频专网) or with a level (区政务网); not to be built
#: with no scope (建设政务网), nor every level's (各级政务网), nor 政务网站 (a website).
GOV_NETWORK = [
    ("对政务网、区视频专网的数据进行同步", ["政务网", "区视频专网"]),
    ("对政务网、县应急专网的数据\n进行同步", ["政务网", "县应急专网"]),
    ("依托政务网开展视频会议", ["政务网"]),
    ("负责政务网的运行维护", ["政务网"]),
    ("建设政务网", []),
    ("各级政务网", []),
    ("登录政务网站查询", []),
]


@pytest.mark.parametrize(("text", "expected"), GOV_NETWORK)
def test_the_government_network_printed_as_one_word(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 6. Where a name starts and ends, read as a reader does.  A name joined to another by 或 is two (…服务网或浙里办APP,
#: jieba's 或浙); a branch hall of a service net is one more name of the net's, with its place (…服务网南通分厅); 门户网 is a
#: head as 门户网站 is (政务服务门户网 beside particular systems); a province's brand is the name's where jieba calls its
#: first or last character a verb (蒙|速办|移动端门户, 鄂汇|办|移动端门户), also after a list's 、; 7×24 hours are the
#: hall's as 24 hours are; a time in front is not the name's (本季度|一体化平台, 7-9月份|…), and cases taken in after an
#: own system say it is the one at work (…办件量, …共受理办件).  Still none: 电话或微信公众号, 各分厅, 建设政务服务门户网,
#: 推动一体化平台建设; a quoted name's tail that holds a verb is no head's name (“直通联办”经验做法获评全国政务热线…).
BOUNDARIES = [
    ("事项均可在浙江政务服务网或浙里办APP办理", ["浙江政务服务网", "浙里办APP"]),
    ("通过门户网站或闽政通APP查询", ["闽政通APP"]),
    ("可通过电话或微信公众号咨询", []),
    ("在江苏政务服务网南通分厅上线事项", ["江苏政务服务网南通分厅"]),
    ("融合了省网上办事大厅番禺分厅的全部功能", ["省网上办事大厅番禺分厅"]),
    ("在江苏政务服务网南通\n分厅上线事项", ["江苏政务服务网南通\n分厅"]),  # re-wrapped
    ("在各分厅设置窗口", []),
    ("负责政府门户网站、政务服务门户网的管理", ["政府门户网站", "政务服务门户网"]),
    ("建设政务服务门户网", []),
    ("依托蒙速办移动端门户", ["蒙速办移动端门户"]),
    ("门户网站、鄂汇办移动端门户", ["鄂汇办移动端门户"]),
    ("开放7×24小时自助服务大厅", ["7×24小时自助服务大厅"]),
    ("设立24小时自助服务大厅", ["24小时自助服务大厅"]),
    ("本季度一体化平台办件量较大", ["一体化平台"]),
    ("上季度政务服务平台受理办件3万件", ["政务服务平台"]),
    ("2022年7-9月份政务服务平台共受理办件", ["政务服务平台"]),
    ("推动一体化平台建设", []),
    ("“直通联办”经验做法获评全国政务热线发展联盟案例", []),
    ("依托“穗智管”城市运行管理平台", ["“穗智管”城市运行管理平台"]),
    ("推广“数字政府”协同办公平台", ["“数字政府”协同办公平台"]),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDARIES)
def test_where_a_name_starts_and_ends(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
