"""Where a platform name begins and ends (issue 13, session 25): boundary families checked on constructed sentences of
the shapes budget prose prints, other places, other heads and wrapped lines (rows marked * fail before the first change, ** before the second, *** before the third), read
by tests/gold/README.md (*A part named after a system*, *An activity before a name*).

- A part named after a system (nlp.headwalk, nlp.platformwords.HEAD_AFTER): generic words and a bare head printed after
  a system's name (…平台|业务系统, …网站|信息系统, …热线|软件系统, …平台|数据平台) name that system's own part, no system
  of their own: the name ends at its own head.  A second head naming a system by what it does with the first (…卡|管理
  平台), a channel of it (…卡APP) and a hall's own system (实体大厅|业务系统) go on as before.
- An activity before a name (nlp.headwalk): a verb or verbal noun of work done to a name (宣传, 培训, 考核, 调整), after a
  lead, an adverb or at a clause's start, governs the name when the name opens by itself — a quote, a service number,
  the government's own words (with its level's character), a place, a level, the country: 宣传|“粤省事”小程序,
  培训|政务云平台, 考核|12345政务服务热线, 宣传|国家政务服务平台; work done to a thing (nlp.platformwords.WORK_ON_A_THING:
  宣传, 培训, 考核, 检测, 巡检 …) governs a name of nouns too (宣传|不动产登记信息平台), and the NER's span loses it
  (nlp.entities).  After a noun it is the name's activity (绩效|考核|系统), and before another activity of the name
  too (考核|评价系统, 干部培训|管理平台).  A field of work (应急, 移动), 服务 / 管理 / 建设
  (nlp.nameleads), a modifier of names (综合, 统一) and a compound with the noun in front (物联|感知|政务云平台) stay.
- An adverb of manner (nlp.nameleads.manner_of_the_names_verb): a two-character adverb right before the verb a name opens
  with says how the system does what it is named for (实时|审批服务平台, 就近|办理服务平台): the name's, where the rest
  is a name without it (more than one activity and a bare head: 实时|预警系统 stays a kind); leads stay leads.
- One-stop (nlp.headwalk): 一门式, 一窗式, 一键式 — jieba cuts 一门|式 or 一|窗式, and the count in front of 式 is the
  name's, as 一站式 is.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part named by generic words and a bare head after a system's name: the name ends at its own head
        ("完成区政务服务平台业务系统的升级改造。", ["区政务服务平台"]),  # *
        ("做好市政府门户网站信息系统的安全防护。", ["市政府门户网站"]),  # *
        ("保障12345政务服务热线软件系统稳定运行。", ["12345政务服务热线"]),  # *
        ("维护县电子政务外网应用系统，确保网络畅通。", ["县电子政务外网"]),
        ("“浙里办”平台业务系统上线新功能。", ["“浙里办”平台"]),  # *
        ("依托全省一体化政务服务平台信息系统办理事项。", ["一体化政务服务平台"]),  # *
        ("负责长沙市公共资源交易平台数据平台的运行。", ["长沙市公共资源交易平台"]),  # *
        ("保障人口基础信息库业务系统正常运行。", ["人口基础信息库"]),  # *
        ("对市政务服务网\n业务系统进行升级。", ["市政务服务网"]),  # *
        ("完善“赣服通”平台软件系统功能。", ["“赣服通”平台"]),  # *
        # stays: a system named by what it does with the first, its channel, a hall's own system
        ("实现实体大厅业务系统与网上申办系统对接。", ["实体大厅业务系统", "网上申办系统"]),
        ("保障民生卡管理平台高效运作。", ["民生卡管理平台"]),
        ("完善广东省网上中介服务超市管理平台。", ["广东省网上中介服务超市管理平台"]),
        ("负责12345热线平台的运行维护。", ["12345热线平台"]),
        ("推广民生卡APP的使用。", ["民生卡APP"]),
        ("维护市政府门户网站信息发布系统。", ["市政府门户网站信息发布系统"]),
        ("建成区政务服务平台管理系统。", ["区政务服务平台管理系统"]),
        # an activity before a name that opens with a quote, a number, the government's words or an owner governs it
        ("持续宣传“皖事通”APP，提高注册率。", ["“皖事通”APP"]),  # *
        ("组织培训政务云平台的运维人员。", ["政务云平台"]),  # *
        ("定期考核12345政务服务热线的办件质量。", ["12345政务服务热线"]),  # *
        ("加大宣传12345政务服务便民热线力度。", ["12345政务服务便民热线"]),  # *
        ("广泛宣传“粤省事”小程序，方便群众办事。", ["“粤省事”小程序"]),  # *
        ("全面监控电子政务外网的运行状态。", ["电子政务外网"]),
        ("及时调整市政府门户网站的栏目设置。", ["市政府门户网站"]),  # *
        ("积极宣传“冀时办”平台。", ["“冀时办”平台"]),  # *
        ("加强宣传国家政务服务平台的办事功能。", ["国家政务服务平台"]),  # *
        ("组织培训全国信用信息共享平台的操作人员。", ["全国信用信息共享平台"]),  # *
        ("及时宣传中国政府网的权威信息。", ["中国政府网"]),
        ("广泛宣传六安市政务服务网。", ["六安市政务服务网"]),
        ("每月考核县政务服务中心窗口。", []),
        ("加强宣传不动产登记信息平台的使用。", ["不动产登记信息平台"]),  # **
        ("组织培训公共资源交易平台的使用单位。", ["公共资源交易平台"]),  # **
        ("定期检测智慧城管平台运行情况。", ["智慧城管平台"]),  # **
        ("及时调整数字档案馆系统的权限设置。", ["数字档案馆系统"]),  # **
        ("今年加强巡检视频会议系统。", []),  # ** (the NER's 巡检视频会议系统: 视频会议系统 is a kind)
        # stays: a field of work, a compound with the noun before it, a modifier of names
        ("完善绩效考核系统。", ["绩效考核系统"]),
        ("上线干部培训管理平台。", ["干部培训管理平台"]),
        ("依托干部教育培训平台开展学习。", ["干部教育培训平台"]),
        ("建成考核评价系统。", ["考核评价系统"]),
        ("依托物联感知政务云平台汇聚数据。", ["物联感知政务云平台"]),
        ("依托省移动政务服务平台办理。", ["省移动政务服务平台"]),
        ("进驻综合政务服务大厅办理业务。", ["综合政务服务大厅"]),
        ("依托应急指挥平台调度资源。", ["应急指挥平台"]),
        ("开展政务服务“好差评”系统的对接。", ["政务服务“好差评”系统"]),
        ("上线惠企政策“免申即享”平台。", ["惠企政策“免申即享”平台"]),
        ("负责区政务服务平台的运行维护。", ["区政务服务平台"]),
        ("上线教育资源公共服务平台。", ["教育资源公共服务平台"]),
        ("依托信访信息系统办理。", ["信访信息系统"]),
        # an adverb of manner before the name's own verb (实时|审批…): the name's, where the rest is a name without it
        ("依托实时审批服务平台办理事项。", ["实时审批服务平台"]),  # ***
        ("依托区实时审批服务平台办理。", ["区实时审批服务平台"]),  # ***
        ("依托快速指挥调度系统处置险情。", ["快速指挥调度系统"]),  # ***
        ("建成实时监测预警平台。", ["实时监测预警平台"]),  # ***
        ("依托就近共享交换平台交换数据。", ["就近共享交换平台"]),  # ***
        ("建成市级实时监测预警平台。", ["实时监测预警平台"]),  # ***
        ("建成实时预警系统。", []),
        ("持续推进政务服务平台建设。", []),
        ("不断完善区政务服务平台功能。", ["区政务服务平台"]),
        # one-stop (一X式): jieba cuts the count off; the quality is the name's
        ("依托一门式政务服务平台办理事项。", ["一门式政务服务平台"]),  # *
        ("建成一窗式综合服务平台。", ["一窗式综合服务平台"]),  # *
        ("上线一键式申报系统。", ["一键式申报系统"]),
        ("依托区一门式政务服务平台办理。", ["区一门式政务服务平台"]),  # *
        ("依托佛山市一窗式综合受理平台办理。", ["佛山市一窗式综合受理平台"]),
        ("推行一站式服务平台。", ["一站式服务平台"]),
        ("依托一表式填报系统报送数据。", ["一表式填报系统"]),
        ("全区建成一门式\n政务服务平台。", ["一门式\n政务服务平台"]),  # *
    ],
)
def test_platform_boundaries(nlp_off_on, text, expected):
    assert platforms(nlp_off_on, text) == expected
