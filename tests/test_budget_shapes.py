"""Platform and reform shapes of the budget genre (部门职责, 机构设置, 项目概述, 绩效目标, 情况说明), by their general
shape: sentences written for this table in the register of budget reports.  Some rows keep the wording of a gold9-dev
page the rule was read on (智能化大厅…, 城区大厅和园区大厅, …社会保障系统信息网络…, 道路工程、照明工程…); each rule also
has rows with other names, places and heads, which are what shows it is general.  Each row says what the rules
find, gazetteer off and on — and, as much, what they must not find.  Rows marked ``old`` failed before the rule
they test was written.
"""

from __future__ import annotations

import pytest

from kg.gazetteer import project_entries
from nlp.entities import extract
from nlp.pipeline import load_pipeline

P, R = "Platform", "Reform"


ROWS = [
    # a verb right before the head names the system after a word jieba does not know (养管, 巡管: coined nouns) (old)
    ("为确保桥梁设施动态养管应用平台正常运行，安排运维资金", [("桥梁设施动态养管应用平台", P)]),
    ("保障渔船动态巡管应用系统全年稳定运行", [("渔船动态巡管应用系统", P)]),
    # ... but a verb in front of a known word governs it as before: no name of a kind
    ("推广应用平台，提高使用率", []),
    # a name starts at its owner's place; a verb in front of the place governs it (old)
    ("助推宜春12345政务服务热线承接工作的开展", [("宜春12345政务服务热线", P)]),
    ("联动鹰潭12345政务服务热线做好诉求办理", [("鹰潭12345政务服务热线", P)]),
    # an internal unit named after the platform it works on is a unit, no mention of the platform (old)
    ("内设办公室、热线受理科、热线督办科和综合科", []),
    ("下设平台运维科、平台推广科、综合股", []),
    ("负责市民热线受理科的日常管理", []),
    # a hotline's own budget unit is a body named after it: no mention of the hotline (old); the hotline itself is one
    ("本部门下属预算单位：九江市政务服务中心、江西12345政务服务热线九江分中心", []),
    ("市12345政务服务便民热线话务中心为局属事业单位", []),
    ("负责宜春12345政务服务热线的运行管理", [("宜春12345政务服务热线", P)]),
    # a manner alone in front of the head names a kind of hall or platform (old) ...
    ("智能化大厅软件建设和智能化大厅硬件建设", []),
    ("建设标准化平台，推进数字化大厅改造", []),
    ("开展数字化大厅和智能化平台建设", []),  # other manners, other heads (old)
    # ... a system named by what it makes is a name
    ("完成无纸化系统开发及管理", [("无纸化系统", P)]),
    # a device of a kind, set up in numbers, is no platform (终端|机) (old)
    ("推进24小时自助终端机在社区全面铺设", []),
    # ... but a platform's machine room or robot is the platform's: the platform is named (old)
    ("负责市电子政务云平台机房日常运维", [("市电子政务云平台", P)]),
    ("完成智慧城管平台机器人客服上线", [("智慧城管平台", P)]),
    # security as the only topic names a kind of system (old)
    ("统一规划建设全市统一的网络安全系统", []),
    ("负责网络安全平台运行维护", []),  # (old)
    ("做好供水安全监测平台运维", [("供水安全监测平台", P)]),  # ... security of a topic (供水) names one
    # a sector's informatisation: 系统 is the sector (old)
    ("负责全盟人力资源和社会保障系统信息网络建设的业务指导", []),
    ("负责全市住房和城乡建设系统信息化建设", []),
    ("负责全县卫生健康系统信息化建设", []),  # (old)
    # a part of the owner named by a common noun (城区, 园区) names its hall, as a place would (old)
    ("中心设城区大厅和园区大厅两个，城区大厅设窗口40个", [("城区大厅", P), ("园区大厅", P), ("城区大厅", P)]),
    # ... a hall only: 园区/景区/小区 before 平台 name a kind, two levels (省市, 县市) plural owners (review9's rows)
    ("建设园区平台，完善景区平台功能", []),
    ("推进智慧小区平台建设", []),
    ("对接省市平台，做好县市平台对接", []),
    # ... not a scope word (辖区, 社区: where in general)
    ("做好辖区平台建设", []),
    ("完善社区平台功能", []),
    # a classifier's character with no count before it is a noun of the name (道|桥) (old); with a count it is none
    ("专项用于2024年道桥巡查养护平台运维", [("道桥巡查养护平台", P)]),
    ("确保道桥养护巡查系统稳定运行", [("道桥养护巡查系统", P)]),
    ("建设一套系统，购置两台服务器", []),
    # 以原: a preposition and a version word (former) glued, both in front of the name (old)
    ("以原网格化管理系统为基础推进整合", [("网格化管理系统", P)]),
    # 暨 joins two names of one network; each is its own (old)
    ("建立市场监管信息网暨红盾信息网", [("市场监管信息网", P), ("红盾信息网", P)]),
    ("建成农业信息网暨惠农服务网", [("农业信息网", P), ("惠农服务网", P)]),  # (old)
    ("整合全区物业管理系统暨智慧社区平台", [("物业管理系统", P)]),
    # a subsystem is a module of a platform, listed with the others it is built with (old)
    ("包括档案管理子系统、值班管理子系统等应用子系统建设", []),
    # 平台|系统: a bare 系统 says again what the platform is (old); a system of the platform's is its own name
    ("完成协同办公平台系统建设开发", [("协同办公平台", P)]),
    ("接入省政务服务平台管理系统", [("省政务服务平台管理系统", P)]),
    # an emergency broadcast system serves the public (old); a building's is its equipment
    ("保证临泉县应急广播系统正常运行", [("临泉县应急广播系统", P)]),
    ("更换办公楼应急广播系统", []),
    # construction works are no programme, whoever proposes them (the NER did: old)
    ("主要建设内容包括道路工程、照明工程和绿化工程", []),
    # ... a programme named by a word of its own is one, unquoted too (the NER's; old)
    ("深入实施雪亮工程，推进视频监控联网", [("雪亮工程", R)]),
    # a network's leased line is the network's, the network named (old); a platform of the standard network is its
    # own name (old), a line of one's own (区长专线) a hotline
    (
        "开展政务外网专线租赁及电子政务外网核心平台巡检。电子政务外网核心平台巡检对象包括交换机等设备",
        [("政务外网", P), ("电子政务外网核心平台", P), ("电子政务外网核心平台", P)],
    ),
    ("电子政务外网核心平台巡检对象包括交换机等设备", [("电子政务外网核心平台", P)]),
    ("开通区长专线，受理群众来电", [("区长专线", P)]),
    # an intranet named by its owner's brand is a name (old); an office's intranet a kind
    ("其中：税务内部网、网上申报系统由省局统一开发", [("税务内部网", P), ("网上申报系统", P)]),
    ("加强机关内部网建设", []),
    # a national programme quoted whole is often named by two characters and 工程 (old); a building job is no programme
    ("推进“雪亮工程”建设，新建视频监控点位300个", [("“雪亮工程”", R)]),
    ("加快“金盾工程 ”建设步伐", [("“金盾工程 ”", R)]),
    ("完成“道路工程”验收", []),
    # one space the layout left between a quoted name and its head is the name's (old)
    ("完善“天网工程” 指挥调度系统", [("“天网工程” 指挥调度系统", P)]),
    ("接入“浙政钉” 移动办公平台，实现掌上办公", [("“浙政钉” 移动办公平台", P)]),
    # a quoted smart or digital programme keeps the place printed in its quotes (old); with a head it is a platform
    ("为打造“亳州市智慧应急”提供基础", [("“亳州市智慧应急”", R)]),
    ("推进“芜湖市数字城管”建设", [("“芜湖市数字城管”", R)]),
    ("推进“芜湖市数字城管”平台建设", [("“芜湖市数字城管”平台", P)]),
    # inside quotes every word is the name's, a count too (一张|图), so nouns in front of the quotes stay with it (old);
    # a fixed phrase that starts with a lead verb (统筹规划) governs the name (old)
    ("完成国土资源“一张图”核心数据库更新", [("国土资源“一张图”核心数据库", P)]),
    ("统筹规划政务服务“一张网”平台建设", [("政务服务“一张网”平台", P)]),
    ("统筹规划惠企政策“免申即享”平台建设", [("惠企政策“免申即享”平台", P)]),
    # a reform's field may be named by a kind of body (事业单位) and what of it is reformed (old)
    ("会同有关部门拟订全市机关事业单位后勤体制改革的政策", [("机关事业单位后勤体制改革", R)]),
    ("推进事业单位分类改革", [("事业单位分类改革", R)]),
    ("深化机关事业单位养老保险制度改革", [("机关事业单位养老保险制度改革", R)]),  # (old)
    ("推动各有关单位改革", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_budget_shapes(nlp_off_on, text, expected):
    found = [(e.text, e.label) for e in extract([text], nlp=nlp_off_on)[0] if e.label in (P, R)]
    assert found == expected


def test_known_reform_with_reform_word():
    """A known reform's name printed with 改革 right after it is named with it, as a quoted one is (old)."""
    nlp_off_on = load_pipeline(gazetteer=project_entries())
    text = "围绕简政放权、放管结合、优化服务改革措施落地，深化行政审批制度改革"
    found = [(e.text, e.label) for e in extract([text], nlp=nlp_off_on)[0] if e.label == R]
    assert found == [("简政放权、放管结合、优化服务改革", R), ("行政审批制度改革", R)]
