"""The body's word for itself before a system (tests/gold/README.md, *An owner's platform*, session 25): the owner is
the name's only where the rest names a kind every body has its own of — its OA or office-automation system, intranet,
LAN, archives system (依托我局OA系统 → 我局OA系统, one Platform keyed by the reporting agency, as its site is); before a
shared system (政务服务平台, 电子政务外网, 12345热线, a province's named platform) it is scope, as 我市 is, and the name is
marked without it (依托我局政务服务平台 → 政务服务平台).  Constructed sentences (no report's), gazetteer off and on.
"""

from __future__ import annotations

import pytest

from tests.entityrows import ner_platforms, platform_key
from tests.entityrows import platforms as found

OWNERS = ["我局", "本局", "我委", "本委", "我办", "本单位", "我单位", "我中心", "本中心", "本部门", "我厅", "我院"]
OWN_KINDS = [
    "OA系统",
    "OA办公系统",
    "办公自动化系统",
    "协同办公平台",
    "内网",
    "局域网",
    "档案管理系统",
    "电子档案管理系统",
]
SHARED = ["政务服务平台", "电子政务外网", "12345热线", "一体化政务服务平台", "“浙政钉”平台", "12345政务服务便民热线"]
#: After a verb of using, before a verb, quoted, first of a list closed by 等, wrapped after the owner.
FRAMES = [
    ("依托{o}{k}开展日常工作", ["{n}"]),
    ("全年{o}{k}运行稳定，未发生安全事故", ["{n}"]),
    ("通过{o}{k}、“i深圳”等渠道办理", ["{n}", "“i深圳”"]),
    ("按照要求全面接入{o}\n{k}开展工作", ["{n}"]),
    ("干部职工依托{o}{k}流转文件", ["{n}"]),
]
OWN_ROWS = [
    (frame.format(o=o, k=k), [w.format(n=f"{o}\n{k}" if "\n" in frame else f"{o}{k}") for w in want])
    for i, (o, k) in enumerate((o, k) for o in OWNERS for k in OWN_KINDS)
    for frame, want in [FRAMES[i % len(FRAMES)]]
]
SHARED_ROWS = [
    (frame.format(o=o, k=k), [w.format(n=k) for w in want])
    for i, (o, k) in enumerate((o, k) for o in OWNERS for k in SHARED)
    for frame, want in [FRAMES[i % len(FRAMES)]]
]


@pytest.mark.parametrize(("text", "expected"), OWN_ROWS)
def test_a_deictic_owners_own_system_is_one_name_with_it(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(("text", "expected"), SHARED_ROWS)
def test_a_deictic_owner_before_a_shared_system_is_scope(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依托我局OA系统和市政务服务平台等系统开展工作", ["我局OA系统", "市政务服务平台"]),
        ("依托本局政务服务平台和本局OA系统开展工作", ["政务服务平台", "本局OA系统"]),
        ("依托我市政务服务平台开展工作", ["政务服务平台"]),  # a territory's word: scope, as before
        ("依托该局OA系统开展工作", []),  # 该局: a body named before, no owner the text supplies (as 该局门户网站)
    ],
)
def test_owned_and_shared_side_by_side(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "proposed", "expected"),
    [
        ("依托我局行政执法监督平台开展案卷评查", "我局行政执法监督平台", ["行政执法监督平台"]),
        ("依托我局行政执法监督平台开展案卷评查", "行政执法监督平台", ["行政执法监督平台"]),
        ("依托本局网上审批平台办理", "本局网上审批平台", ["网上审批平台"]),
        ("依托我局协同办公平台流转公文", "协同办公平台", ["我局协同办公平台"]),
    ],
)
def test_the_ner_keeps_the_owner_of_its_own_kind_only(nlp_off_on, text, proposed, expected):
    """What the NER proposes after the owner or with it starts at the owner before a kind of the body's own, after it
    before a shared system."""
    assert ner_platforms(nlp_off_on, text, proposed) == expected


@pytest.mark.parametrize(
    ("agency", "printed", "expected"),
    [
        ("广州市番禺区统计局", "我局OA系统", "广州市番禺区统计局OA系统"),
        ("广州市番禺区统计局", "本局办公自动化系统", "广州市番禺区统计局OA系统"),
        ("广州市番禺区统计局", "本单位局域网", "广州市番禺区统计局局域网"),
        ("广州市番禺区民政局", "我局OA系统", "广州市番禺区民政局OA系统"),
        ("广州市番禺区统计局", "政务服务平台", "番禺区政务服务平台"),  # marked without 我局: the jurisdiction's
    ],
)
def test_an_owned_system_resolves_to_the_reporting_agency(agency, printed, expected):
    assert platform_key(agency, printed) == expected
