"""Names that session 11's narrowings must not drop, found in review: each narrowing's shape where it IS a true name,
in sentences written for this table (no report's sentence), with other places, heads and wrappings than any report,
gazetteer off and on."""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

#: namechecks.verb_and_object: a preposition's phrase in front of a paying verb makes the verb the clause's only when
#: the verb follows the payee or ground right away; a verb or preposition of another clause in between (在, 提供, 上线,
#: 开通) makes the platform where or what, the paying verb a word of its name.
PAYING_VERB_IN_A_NAME = [
    ("按规定在政府采购平台采购服务", ["政府采购平台"]),
    ("按规定在政府采购\n平台采购服务", ["政府采购\n平台"]),  # re-wrapped
    ("按照要求在政府采购平台购买服务", ["政府采购平台"]),
    ("向社会提供公共支付平台缴费服务", ["公共支付平台"]),
    ("根据群众需求上线医保支付平台缴费服务", ["医保支付平台"]),
    ("为企业开通税费缴纳平台缴费服务", ["税费缴纳平台"]),
    # ... the payee or ground right before the verb: the verb takes the whole object, as before
    ("按照合同约定向服务商支付系统运维费", []),
    ("按规定向供应商支付平台使用费", []),
    ("按照协议约定支付系统开发尾款", []),
    ("根据合同约定支付平台运营服务费", []),
]


@pytest.mark.parametrize(("text", "expected"), PAYING_VERB_IN_A_NAME)
def test_a_paying_verb_after_another_clauses_verb_is_the_names(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: candidates' head-word walk (sharedheads.listed_tasks): activities listed before a head are tasks, each a kind with
#: the head elided, only when nothing a topic stands in front of the list (加强|宣传、培训和执法监管平台); after a topic noun
#: they are what one platform does about it, one name.
ACTIVITIES_OF_A_TOPIC = [
    ("推进环境质量监测、预警和发布平台建设", ["环境质量监测、预警和发布平台"]),
    ("建设地质灾害监测、预警和防治平台", ["地质灾害监测、预警和防治平台"]),
    ("建设食品安全监测、预警和追溯平台", ["食品安全监测、预警和追溯平台"]),
    ("建设食品安全监测、\n预警和追溯平台", ["食品安全监测、\n预警和追溯平台"]),  # re-wrapped
    # ... a verb or a clause's start in front: tasks listed, the last item a name as printed
    ("加强宣传、培训和执法监管平台建设", ["执法监管平台"]),
    ("完善监测、预警和应急指挥系统", ["应急指挥系统"]),
]


@pytest.mark.parametrize(("text", "expected"), ACTIVITIES_OF_A_TOPIC)
def test_activities_after_a_topic_are_one_platforms(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
