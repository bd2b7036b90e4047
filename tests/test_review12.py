"""Names that session 12's widenings must not find, found in review: each widening's head where it is no system,
in sentences written for this table (no report's sentence), with the names the widening was for kept beside them,
gazetteer off and on."""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

#: nlp.ownsystems: 网络 is an own system's head (政务服务网络, 电子政务网络), but not where it modifies the word after
#: it (政府网络舆情: online public opinion) or names a field of work with it (政务网络与信息安全, 政务网络和信息化).
NETWORK_AS_MODIFIER = [
    ("负责政府网络舆情管理工作", []),
    ("负责全市政务网络与信息安全工作", []),
    ("负责全县政务网络和信息化工作", []),
    ("负责本市政务网络\n与数据安全工作", []),  # re-wrapped
    ("负责政府网络问政平台的运行维护", ["政府网络问政平台"]),
    # the network itself, as before
    ("负责对电子政务网络的运行维护", ["电子政务网络"]),
    ("依托政务服务网络开展视频会议", ["政务服务网络"]),
    ("负责全市电子政务\n网络的管理", ["电子政务\n网络"]),  # re-wrapped
]


@pytest.mark.parametrize(("text", "expected"), NETWORK_AS_MODIFIER)
def test_network_as_a_modifier_is_no_head(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: nlp.candidates: 信息网络 is a head (人口健康信息网络), but not before 基础设施/设施 (networks as a kind of
#: infrastructure to build) or 传播 (信息网络传播权: a medium).
INFORMATION_NETWORK_AS_A_KIND = [
    ("完善农村信息网络基础设施", []),
    ("加快山区信息网络设施建设", []),
    ("推进县域信息网络\n基础设施升级", []),  # re-wrapped
    ("保护数字出版信息网络传播权", []),
    # the network itself, as before
    ("维护全省人口健康信息网络", ["人口健康信息网络"]),
    ("负责社会保障信息\n网络的运行维护", ["社会保障信息\n网络"]),  # re-wrapped
]


@pytest.mark.parametrize(("text", "expected"), INFORMATION_NETWORK_AS_A_KIND)
def test_information_network_as_a_kind_is_no_name(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
