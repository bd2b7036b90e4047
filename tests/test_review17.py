"""review17 F3 and F4 (session 17): two rules of 391727d that cut platform names they were not meant for.

F3: 明确 (jieba's ``ad``) governs the name after it, but ``ad`` is a tag of 110 words, among them 公开 and 明细, which
stand inside names after a noun, right before the head or the name's verb (信息|公开|平台, 财务|明细|查询|系统).
F4: a head and a verb inside are a clause (政务云平台|运行|业务系统) unless the verb is a field of work — and a field's
verb right before the head (热线|受理|系统) was read as "only generic words after it" (nothing after it).
Constructed sentences; 5 rows fail before; the 明确 rows of tests/test_entities17.py keep their reading."""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

ROWS = [
    ("完善政府信息公开平台功能", ["政府信息公开平台"]),  # F3
    ("依托省政府信息公开平台发布通知", ["省政府信息公开平台"]),  # F3
    ("上线财务明细查询系统", ["财务明细查询系统"]),  # F3
    ("建设12345热线受理系统", ["12345热线受理系统"]),  # F4
    ("维护门户网站发布系统", ["门户网站发布系统"]),  # F4
    # as before
    ("通知明确政务服务平台的运维责任", ["政务服务平台"]),
    ("依托政务公开平台发布信息", ["政务公开平台"]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_names_with_a_manner_word_or_a_fields_verb_inside_stay_whole(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
