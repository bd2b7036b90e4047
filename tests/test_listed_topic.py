"""A topic of a noun and its verb (森林|防火, 水土|保持) before a list of activities is what one platform does them about
(依托森林防火监测、预警和指挥平台: one name), as a topic noun is (食品安全监测、预警和追溯平台); a lead verb before the list
(建设, 负责, 加强) governs it, whatever stands in front of it, and the activities stay tasks, each a kind with its head
elided (nlp.sharedheads).  Every row was written for this table.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


ROWS = [
    ("依托森林防火监测、预警和指挥平台", ["森林防火监测、预警和指挥平台"]),
    ("建设森林防火监测、预警和指挥平台", ["森林防火监测、预警和指挥平台"]),
    ("推进森林防火监测、预警和指挥平台建设", ["森林防火监测、预警和指挥平台"]),
    ("依托森林防火监测、预警和\n指挥平台", ["森林防火监测、预警和\n指挥平台"]),  # re-wrapped
    ("依托水土保持监测、预警和治理平台", ["水土保持监测、预警和治理平台"]),
    ("建设地质灾害监测、预警和防治平台", ["地质灾害监测、预警和防治平台"]),  # a topic noun, as before
    # a lead verb before the list governs it: tasks, no name of the list
    ("依托监测、预警和指挥平台", []),
    ("部门负责监测、预警和指挥平台", []),
    ("单位承担监测、预警和指挥平台运维", []),
    ("加强宣传、培训和执法监管平台", ["执法监管平台"]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_a_noun_and_its_verb_before_listed_activities_is_their_topic(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
