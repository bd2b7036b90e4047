"""A field of government and 系统 after the jurisdiction as a whole (全省, 全市, 本县) or before the line's people is the
sector, no platform; a core that is no field — a verb or a count of a system's work (缴存, 统发, 两定), a platform's end
(卡, 码, 工程) — is a system, scope or not (nlp.sectors).  Every row was written for this table, with other fields,
places, scopes and wrappings than any report.
"""

from __future__ import annotations

import pytest

from nlp.sectors import line_field
from tests.entityrows import platforms as found

P = "Platform"


#: Systems after a scope word: the core goes on past a field (a verb or a count of the system's work) or ends as a
#: platform does.
SYSTEMS = [
    ("依托全市工资统发系统发放工资", ["工资统发系统"]),
    ("依托全县工资统发系统按月发放工资", ["工资统发系统"]),
    ("依托全市工资统\n发系统发放工资", ["工资统\n发系统"]),  # re-wrapped
    ("升级全市公积金缴存系统", ["公积金缴存系统"]),
    ("完成全省住房公积金缴存系统升级改造", ["住房公积金缴存系统"]),
    ("升级全市公积金缴存系统的职工缴存模块", ["公积金缴存系统"]),  # people after, but a verb of the system's work
    ("运维全省医保两定系统", ["医保两定系统"]),
    ("保障全区医保两定系统稳定运行", ["医保两定系统"]),
    ("全市金财工程系统运行维护", ["金财工程系统"]),
    ("依托全省公务卡系统报销公务支出", ["公务卡系统"]),
    ("推广本县公务卡系统应用", ["公务卡系统"]),
    ("维护全省健康码系统", ["健康码系统"]),
]

#: Sectors: a field of a line of government (one, short, or several joined) with the scope in front or its people after.
SECTORS = [
    "全省卫生健康系统干部职工",
    "加强全省卫生健康系统党风廉政建设",
    "全省卫生健康\n系统干部职工",  # re-wrapped
    "全市人力资源社会保障系统干部",
    "全市人力资源和社会保障系统",  # the scope before fields joined to the one found
    "全省文化和旅游系统干部",
    "指导全县教育系统做好安全工作",
    "组织全市公安系统民警开展培训",
    "全区税务系统职工",
    "全县乡村振兴系统干部",
    "全市住房公积金系统干部职工",
    "本省医保系统干部",
    "全市文化广电旅游系统",
    "加强全镇卫生健康系统建设",  # every level's whole territory (nlp.platformwords.WHOLE_TERRITORY): a town's
    "依托全旗教育系统开展培训",  # a banner's (旗, a county of Inner Mongolia), the scope alone deciding
    "加强全省规划和自然资源系统作风建设",
    "本县审计系统上下",
    "全省退役军人事务系统所属单位",
    "全市公务用车系统的干部职工",  # no field, but the line's people after and no word of a system's own
]


@pytest.mark.parametrize(("text", "expected"), SYSTEMS)
def test_a_core_past_a_field_is_a_system_after_a_scope(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize("text", SECTORS)
def test_a_field_of_a_line_with_scope_or_people_is_the_sector(nlp_off_on, text):
    assert found(nlp_off_on, text) == []


@pytest.mark.parametrize(
    ("core", "field"),
    [
        ("卫生健康", True),
        ("人力资源和社会保障", True),
        ("文化广电旅游体育", True),  # several lines' fields joined
        ("公安", True),  # jieba's dictionary knows 公安局
        ("审计", True),  # … 审计局, a verb's word
        ("工资统发", False),
        ("公积金缴存", False),
        ("医保两定", False),
        ("金财工程", False),  # 工程局 is in jieba's dictionary, but 工程 ends a platform's name
        ("卫生健康信息", False),  # 信息办 is too, but 信息 is what a system holds
        ("卫生和", False),
        ("和卫生", False),
    ],
)
def test_line_field(core, field):
    assert line_field(core) is field
