"""Phrases found as reforms that name none (session 25): a quoted rate (“即办率”), a quoted slogan of means — 数字 / 智慧
and what it does (“数字赋能”) —, 数字 before a kind of town (数字小镇), and the systems of fields no one named
(相关领域体制改革); beside the names of the same words that stay.  Sentences written for these tables, no page's."""

from __future__ import annotations

import pytest

from tests.entityrows import reforms

#: 8 rows fail before (the first eight).
DISJOINT = [
    ("进一步提高“即办率”，压缩办理时限", []),
    ("“一次办结率”达到98%", []),
    ("坚持“数字赋能”，推进公共服务均等化", []),
    ("以“智慧引领”带动产业发展", []),
    ("打造数字小镇、特色街区", []),
    ("建设数字城镇", []),
    ("推进相关领域体制改革", []),
    ("深化重点领域体制机制改革", []),
    # stay
    ("推进“即办”改革", ["“即办”改革"]),
    ("推进“智慧监管”改革", ["“智慧监管”改革"]),
    ("落实“数字政府”建设要求", ["“数字政府”"]),
    ("统筹推进数字贵阳建设", ["数字贵阳"]),
    ("深化医药卫生体制改革", ["医药卫生体制改革"]),
    ("推进农业农村领域改革，深化农村集体产权制度改革", ["农业农村领域改革", "农村集体产权制度改革"]),  # fields named
]


@pytest.mark.parametrize(("text", "expected"), DISJOINT)
def test_phrases_that_name_no_reform(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected
