"""A place whose name jieba's dictionary also reads as a verb of making (新建: tagged a place, and 新建县 a place with its
level) is the name's before its level (依托|新建区政务服务平台), not a verb cutting the place off its 区; a verb that names
no place (新增, 改建, 扩建, 美化 — jieba tags 美化 a place, but knows no 美化县) still governs the level's name, and
新建 before 区级/县级 (a level of every district) makes no place.  Every row was written for this table.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


ROWS = [
    ("依托新建区政务服务平台", ["新建区政务服务平台"]),
    ("依托新建区政务服务平台办理审批事项", ["新建区政务服务平台"]),
    ("通过南昌市新建区政务服务平台", ["南昌市新建区政务服务平台"]),
    ("推进新建区政务服务大厅建设", ["新建区政务服务大厅"]),
    ("完成新建区政务服务平台升级", ["新建区政务服务平台"]),
    ("依托新建区政务服\n务平台", ["新建区政务服\n务平台"]),  # re-wrapped
    ("依托东湖区政务服务平台", ["东湖区政务服务平台"]),  # a district jieba reads whole
    # a verb that names no place governs the level's name; a level of every district is no place
    ("新增区政务服务平台", ["区政务服务平台"]),
    ("改建区政务服务大厅", ["区政务服务大厅"]),
    ("扩建县政务服务大厅", ["县政务服务大厅"]),
    ("美化区政务服务大厅", ["区政务服务大厅"]),
    ("新建区级政务服务平台", []),
    ("新建县级政务服务平台", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_a_place_read_as_a_verb_too_keeps_its_level(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
