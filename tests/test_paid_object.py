"""namechecks.verb_and_object: what follows a head is the thing paid for only when it is a noun or a service, not a
verb that hands over or carries out with an object of its own (平台|提交|采购服务需求, 平台|办理|缴费服务); and 政府采购 (like
集中采购) is a kind of buying the law names, no payee and a verb.  Every row was written for this table.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


ROWS = [
    # a verb with its own object after the head: a clause of its own, the platform named
    ("向政府采购平台提交采购服务需求", ["政府采购平台"]),
    ("向政府采购平台提交服务需求", ["政府采购平台"]),
    ("向政府采购平台报送采购服务需求", ["政府采购平台"]),
    ("向政府采购平台提交采购\n服务需求", ["政府采购平台"]),  # re-wrapped
    ("向市政府采购平台提交采购服务需求", ["市政府采购平台"]),  # a level in front stays the name's
    ("向社保支付平台提交缴费服务申请", ["社保支付平台"]),
    ("向医保支付平台办理缴费服务", ["医保支付平台"]),
    ("向社保支付平台申请退费服务", ["社保支付平台"]),
    # 政府采购: a kind of buying, the payee's platform named
    ("向政府采购平台供应商支付服务费", ["政府采购平台"]),
    # ... the thing paid for after the head: no platform, as before
    ("向供应商支付平台开发运维服务费", []),
    ("向运营商支付平台提供服务的费用", []),
    ("向运营商支付平台办理缴费服务的费用", []),  # the verb's clause said of the fee (的)
    ("按合同约定向供应商采购平台运维服务", []),
    ("向中标单位采购系统集成服务", []),
    ("向政府购买平台运维服务", []),  # 政府 is the payee of 购买: no kind of buying
    ("向供应商支付系统维护费12万元", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_a_verb_with_its_own_object_is_no_thing_paid_for(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
