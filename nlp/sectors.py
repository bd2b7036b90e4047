"""A field of government's name and 系统 that names the sector, not one system (全省卫生健康系统, 人力资源社会保障系统
社会组织): the guideline's 政府系统 as the sector is no platform.

What decides is the phrase around it, not the field: the jurisdiction as a whole in front (全省, 全市, 本县) or the
line's bodies and people after (…系统社会组织, …系统的干部职工, …系统上下), with no word of what a system holds or does
in the name (卫生健康|信息系统, 人力资源社会保障|业务系统, 绩效|考核系统 are systems, scope or not).  A field's name alone
and 系统 (信访系统, 国土资源系统) is :mod:`nlp.candidates`'s older test; this one reads two or more words too.

Everything here is vocabulary of the domain (scope words, words of systems, of a sector's people), never a name.
"""

from __future__ import annotations

import re

from nlp.namechecks import _jieba_lcut
from nlp.platformwords import GENERIC_WORDS

#: The jurisdiction as a whole right before a field's 系统 (全省|卫生健康系统, 本市|公安系统): the field's line of bodies.
_SCOPE_BEFORE = re.compile(r"(?:全(?:国|省|市|区|县|州|盟|旗)|[本我](?:省|市|区|县|州))$")
_SCOPE_START = re.compile(_SCOPE_BEFORE.pattern.removesuffix("$"))
#: After a field's 系统, what a line of bodies has and a system has not (…系统|社会组织, …系统|的干部职工, …系统|上下).
_SECTOR_AFTER = re.compile(
    r"的?(?:社会组织|党组织|基层组织|党员|干部|职工|队伍|上下|所属|直属|各单位|行风|作风|党建|工作人员)"
)
#: Words of what a system holds or does (卫生健康|信息系统, 人力资源社会保障|业务系统, 绩效|考核系统): a system's name.
_SYSTEM_TOPIC = re.compile(
    r"信息|数据|网|库|软件|监控|监测|预警|视频|指挥|调度|办公|查询|交易|支付|结算|认证|邮件|档案|地理|影像|电子|智能|智慧|"
    r"自动|在线|处理|管理|服务|业务|应用|平台|终端|通信|通讯|导航|定位|识别|分析|评估|考核|审批|登记|采集|交换|共享|发布|"
    r"协同|检测|追溯|报送|填报|申报|预约|缴费|核验|评价|会商|会议|办案|决策|辅助"
)


def sector_system(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` (a name ending in 系统) name a sector: a field's words only, the jurisdiction as a
    whole in front of it or the line's bodies and people after it?"""
    name = text[start:end]
    scope = _SCOPE_START.match(name)  # 全国|税务系统: jieba's 全国 is taken into names (全国信访信息系统)
    if scope:
        name, start = name[scope.end() :], start + scope.end()
    if not name.endswith("系统") or not re.fullmatch(r"[\u4e00-\u9fff]+", name[:-2]):
        return False
    core = _jieba_lcut(name[:-2])
    if any(w in GENERIC_WORDS or _SYSTEM_TOPIC.search(w) for w in core):
        return False
    return bool(scope or _SCOPE_BEFORE.search(text, 0, start) or _SECTOR_AFTER.match(text, end))
