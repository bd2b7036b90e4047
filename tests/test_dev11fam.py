"""Families of errors on reports of provinces the project had not read (session 11's dev11 set), each fixed by the
grammar of the phrase.  Every row was written for this table (no report's sentence), with other fields, places, heads
and wrappings than any report, and says what the rules find with the gazetteer off and on: the names they must not
find, and the names of the same shape they must still find.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


#: 1. A field of government's name and 系统 with the jurisdiction as a whole in front (全省, 全市, 本县) or the line's
#: bodies and people after (社会组织, 的干部职工, 上下, 所属单位) is the sector, no platform; with a word of what a
#: system holds or does (信息, 业务, 考核, 交通管理) it is a system, scope or not.
SECTORS = [
    ("对全省卫生健康系统的信息化建设进行指导", []),
    ("加强全市人力资源社会保障系统社会组织建设", []),
    ("加强全市人力资源\n社会保障系统社会组织建设", []),  # re-wrapped
    ("全省公安系统开展专项行动", []),
    ("组织全区教育系统干部职工学习", []),
    ("加强全州自然资源系统党建工作", []),
    ("全县农业农村系统", []),
    ("做好全市市场监管系统行风建设", []),
    ("本省医疗保障系统上下", []),
    ("全市交通运输系统所属单位", []),
    ("全国税务系统", []),
    ("民政系统的干部队伍建设", []),
    # ... systems named by what they hold or do keep their names, the scope word dropped
    ("建设全省卫生健康信息系统", ["卫生健康信息系统"]),
    ("推广全市人力资源社会保障业务系统", ["人力资源社会保障业务系统"]),
    ("依托全国信访信息系统", ["全国信访信息系统"]),
    ("运维全省不动产登记信息管理系统", ["不动产登记信息管理系统"]),
    ("全市绩效考核系统", ["绩效考核系统"]),
    ("使用全省统一的公安交通管理系统", ["公安交通管理系统"]),
    ("全省电子证照系统", ["电子证照系统"]),
    ("维护安全邮件系统", ["安全邮件系统"]),
]


@pytest.mark.parametrize(("text", "expected"), SECTORS)
def test_a_fields_system_with_scope_or_people_is_the_sector(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 2. A verb in front of a name governs it, whatever jieba's dictionary tags it (规范 n, 整治 n, 美化 ns, 畅通 a): the
#: name starts after it; a level printed alone (区, 市, 县, 州) starts the name after any word that names no place.
VERBS_IN_FRONT = [
    ("1、规范政务服务大厅标准化建设。", []),  # the hall named as the field of a work (nlp.ownsystems: …标准化)
    ("二是规范县政务服务大厅运行管理", ["县政务服务大厅"]),
    ("（三）畅通市12345政务服务便民热线", ["市12345政务服务便民热线"]),
    ("二是统一区12345政务服务热线运行管理", ["区12345政务服务热线"]),
    ("整治不动产登记信息平台运行秩序", ["不动产登记信息平台"]),
    ("精简区网上中介服务超市的事项", ["区网上中介服务超市"]),
    ("美化不动产登记\n信息平台，", ["不动产登记\n信息平台"]),  # re-wrapped
    ("理顺全市不动产登记信息平台管理", ["不动产登记信息平台"]),
    ("加强和规范不动产登记信息平台", ["不动产登记信息平台"]),
    ("进一步规范区政务服务大厅", ["区政务服务大厅"]),
    # ... a place, a level pair or a noun in front is the name's
    ("依托统一身份认证平台", ["统一身份认证平台"]),
    ("运维广州市12345政府服务热线", ["广州市12345政府服务热线"]),
    ("维护三江县电子政务外网", ["三江县电子政务外网"]),
    ("统筹管理区政务服务大厅", ["区政务服务大厅"]),
    ("加强省市两级政务服务协同平台", ["政务服务协同平台"]),  # the levels are its scope (gold README: levels)
    ("规范性文件备案审查系统", ["规范性文件备案审查系统"]),
    ("建设线上规范化任务管理系统", ["线上规范化任务管理系统"]),  # after a word of the name, the verb is the name's
    ("进驻新区政务服务大厅", ["新区政务服务大厅"]),
]


@pytest.mark.parametrize(("text", "expected"), VERBS_IN_FRONT)
def test_a_verb_in_front_governs_the_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 3. A channel's name inside a body's name is no mention of the channel (as a name inside a 《》 title is none): the
#: hotline's office (…热线办), a working group named after it (…热线工作领导小组), or a body named after it and another
#: channel joined to it (…热线和“书记县长信箱”工作领导小组).  A level printed in front stays the name's where the channel
#: itself is meant (市12345政府服务热线, as 区政务服务大厅 keeps its 区).
BODIES = [
    ("完成县政府和市“12345”政务服务热线和“书记县长信箱”工作领导小组交办的其他工作", []),
    ("落实州“12345”便民热线和“州长信箱”领导小组的部署", []),
    ("负责办理市12345政务服务热线办下达的工作任务", []),
    ("负责对区政府服务热线办转办事项进行分类", []),
    ("负责对区政府服务\n热线办转办事项进行分类", []),  # re-wrapped
    ("区12345政务服务便民热线工作领导小组", []),
    ("县长信箱和96150热线办公室", []),
    ("96150热线及市长信箱办公室", []),
    ("“12345”热线办", []),
    # ... the channel itself, and the verbs of handling cases after a hotline (办理, 办件, 办结)
    ("依托市12345政务服务热线受理诉求", ["市12345政务服务热线"]),
    ("12345热线办理群众诉求", ["12345热线"]),
    ("12345热线办件量", ["12345热线"]),
    ("市12345热线办结率", ["市12345热线"]),
    ("依托12345热线和市长信箱", ["12345热线"]),  # an office-holder's mailbox: a site's column (nlp.sitecolumns)
    ("负责全县“书记县长信箱”的工作", []),
]


@pytest.mark.parametrize(("text", "expected"), BODIES)
def test_a_channel_inside_a_bodys_name_is_no_mention(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: 4. A short quoted name ending as a channel's does (…云, …码, …网) or a hotline's number in quotes, listed beside a
#: platform found (和, 及, 与, 、), is one more platform of the list; a count (“一网”), a programme's or a reform's
#: name (“…”工程, “…”改革) and a quoted name alone with no list are not.
QUOTED_SHORT = [
    ("负责“浙采云”及政府电子交易系统管理", ["“浙采云”", "政府电子交易系统"]),
    ("推广公共资源电子交易系统和“赣采云”", ["公共资源电子交易系统", "“赣采云”"]),
    ("制定全县“96150”和“书记县长信箱”工作制度", ["“96150”"]),  # the mailbox a column, the hotline beside a name
    ("负责全县“12345”、“书记县长信箱”工作的组织", ["“12345”"]),
    ("负责“浙采云”及政府电子\n交易系统管理", ["“浙采云”", "政府电子\n交易系统"]),  # re-wrapped
    ("拨打“96150”", []),
    ("“一网”和“一平台”", []),
    ("推进“放管服”改革和政务服务平台建设", []),
    ("“政务网”工程和电子交易系统", ["电子交易系统"]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_SHORT)
def test_a_short_quoted_channel_listed_beside_a_platform(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


def test_a_quoted_name_spread_stops_before_a_head_after_it(nlp_off_on):
    """“96150” named in one paragraph is not spread into 市“96150”政务服务热线 of a working group's name elsewhere: a
    quoted name with a head after it is one name with it."""
    from nlp.entities import extract_docs
    from nlp.propagation import report_entities

    texts = [
        "制定全县“96150”和“书记县长信箱”工作制度",
        "完成市“96150”政务服务热线和“书记县长信箱”工作领导小组交办的其他工作",
    ]
    ents = report_entities(extract_docs(nlp_off_on, texts)).entities
    assert [e.text for e in ents[0] if e.label == P] == ["“96150”"]
    assert [e.text for e in ents[1] if e.label == P] == []
