"""Quoted names of a service's channel without a head after them (nlp.coinednames): sentences written for this table
in the register of budget reports, other services, places and channels than any development set's.  Each row says what
the rules find, gazetteer off and on — and, as much, what they must not.  Rows marked ``old`` failed on main 013695a.

The guideline (tests/gold/README.md): a quoted channel name is a platform (“一官两微”); printed right after the name of
a service or system (政务服务, 便民服务, 智慧应急) it is that service's channel, named with it and its place
(安徽省亳州市智慧应急“中屏”, as gold9-dev marks it).  A quoted initiative is a reform, named by its quotes (城市运行
“一网统管” → “一网统管”), and so is the quoted name of a work the text is doing (nlp.reforms: 化妆品“飞鹰检”工作要求 →
“飞鹰检”); a figure of speech after an activity (疫情防控“一张网”) and slogans are neither.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract

P, R = "Platform", "Reform"


ROWS = [
    # a channel's word in quotes right after a service's name: the service's channel, named with it (old)
    ("负责全市便民服务“一张网”的运行维护", [("便民服务“一张网”", P)]),
    ("用好企业服务“一张网”，提升办事效率", [("企业服务“一张网”", P)]),
    ("推进全省政务“一朵云”扩容", [("政务“一朵云”", P)]),
    # ... or after a system's modifier and field, with the owner's place (old)
    ("建设黄山市智慧城管“大屏”，汇聚城市运行数据", [("黄山市智慧城管“大屏”", P)]),
    ("完成数字应急“指挥屏”部署", [("数字应急“指挥屏”", P)]),
    # channels counted by their initials are platforms on their own (old)
    ("保障“一网两微”稳定运行", [("“一网两微”", P)]),
    ("做好“两微一端”日常更新", [("“两微一端”", P)]),
    # after an activity the same words are a figure of speech; after a verb or a scope word, a goal
    ("构建疫情防控“一张网”，织密社会治理“一张网”", []),
    ("实现全市“一张网”覆盖", []),
    ("建设“中屏”", []),
    ("实现政务服务“一网”通办", []),  # a service mode's words in quotes, no channel
    # a quoted initiative after a service's name is a reform, named by its quotes
    ("推进城市运行“一网统管”建设", [("“一网统管”", R)]),
    ("推动政务服务“好差评”全覆盖", [("“好差评”", R)]),
    # a quoted name of a work the text is doing is an initiative, named by its quotes (old) ...
    ("按照食品“铁拳检”工作要求，开展抽检", [("“铁拳检”", R)]),
    ("全面落实“湖长制”工作", [("“湖长制”", R)]),
    ("对照“美丽河湖示范区”建设要求，完成整治", [("“美丽河湖示范区”", R)]),
    # ... not a count's period or field, a manner, a slogan of several parts, a work's people or money
    ("确保“十五五”工作开好局，做好“三农”工作", []),
    ("推进“无纸化”工作", []),
    # a principle or a period before 工作…: no work's name (review10; found on 70fa806)
    ("坚持“稳中求进”工作总基调", []),
    ("按照“谁使用谁负责”工作要求，加强资产管理", []),
    ("组织开展“质量月”工作", []),
    ("落实“早发现、早报告”工作", []),
    ("加强“窗口”工作人员培训，保障“乡村振兴”工作经费", []),
    # no channel's word at the end: neither (a map, lines, a programme's 通)
    ("完善国土空间“一张图”", []),
    ("推进农村“三线”整治", []),
    ("推进广播电视“村村通”工程", [("“村村通”", R)]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_service_channels(nlp_off_on, text, expected):
    found = [(e.text, e.label) for e in extract([text], nlp=nlp_off_on)[0] if e.label in (P, R)]
    assert found == expected
