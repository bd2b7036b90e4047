"""Lists sharing one head (nlp.sharedheads and the head-word walk of nlp.candidates): sentences written for this
table in the register of budget reports, other topics, places and heads than any development set's.  Each row says
what the rules find, gazetteer off and on — and, as much, what they must not.  Rows marked ``old`` failed on main
013695a, before the rule (they found only the last conjunct's part: 医保结算平台).

The guideline (tests/gold/README.md, lists sharing a head): nouns joined before an activity they share are the topic of
one platform, marked whole as printed; conjuncts that each name a kind with the head elided are no name; a conjunct
that is a name on its own is marked as printed; no head is ever supplied.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract

P, R = "Platform", "Reform"


ROWS = [
    # nouns joined by 、 / 和 / 及 before the activity they share: one platform, the list in its name (old)
    ("负责社保、医保结算平台的运行维护", [("社保、医保结算平台", P)]),
    ("负责企业、个人征信服务平台的运行维护", [("企业、个人征信服务平台", P)]),
    ("保障住房公积金和社会保险缴费系统稳定运行", [("住房公积金和社会保险缴费系统", P)]),
    ("完成水、电、燃气缴费平台的升级改造", [("水、电、燃气缴费平台", P)]),
    ("做好药品及医用耗材采购平台的运维", [("药品及医用耗材采购平台", P)]),
    # ... at the start of a text too
    ("社保、医保结算平台运行稳定", [("社保、医保结算平台", P)]),
    # ... with a punctuation mark after the head too (old: nothing found there)
    ("升级粮食、棉花收购管理系统。", [("粮食、棉花收购管理系统", P)]),
    # a field of work that is also a lead verb (采购, 支付) is the name's right before the head (old)
    ("配合做好药品、医用耗材招标采购平台的建设", [("药品、医用耗材招标采购平台", P)]),
    ("负责国库集中支付系统的运行维护", [("国库集中支付系统", P)]),
    ("按时支付平台运维费", []),  # ... but not a verb governing a bare head
    # each conjunct names a kind, the head elided: no name of the list (the walk's reading is kept)
    ("建设农业技术标准化检测、试验平台，以服务促进推广", []),
    ("负责城市管理、应急指挥和视频会商系统的运维", []),
    ("建设数据共享交换和业务协同平台", [("业务协同平台", P)]),
    # generic words only after the list: the standard systems of each topic, several things (the last as printed)
    ("维护人口和法人基础数据库", [("法人基础数据库", P)]),
    ("推进教育、卫生信息系统整合", [("卫生信息系统", P)]),
    # levels and places are owners, not topics: each level's own
    ("对接省、市政务服务平台", [("市政务服务平台", P)]),
    # after 等 the head is a category: each conjunct that is a name on its own is marked, no list
    ("负责粤省事、粤商通、粤政易等平台的推广", [("粤省事", P), ("粤商通", P), ("粤政易", P)]),
    ("加强政务服务、公共资源交易、信用信息等平台的运维", []),
    ("做好12345热线和信访信息系统等系统的运维", [("12345热线", P), ("信访信息系统", P)]),
    # a conjunct that is a bare head names nothing: no head is supplied (市电子政务内网、外网 → the 内网 only)
    ("负责县电子政务内网、外网的运行维护", [("县电子政务内网", P)]),
    # verbs joined before a name are no topics
    ("负责建设和维护社会保险缴费系统", [("社会保险缴费系统", P)]),
    ("统筹规划、建设社保结算平台", [("社保结算平台", P)]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_shared_heads(nlp_off_on, text, expected):
    found = [(e.text, e.label) for e in extract([text], nlp=nlp_off_on)[0] if e.label in (P, R)]
    assert found == expected
