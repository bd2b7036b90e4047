"""A site named by the body's word for itself (我局门户网站, 本局官网, 我委网站, 本单位微信公众号) is the body's own site, one
Platform marked whole with its deictic owner, as 局官网 and 区政府门户网站 are; the resolver keys it by the reporting
agency, so two bodies' 我局门户网站 are two nodes (tests/gold/README.md, *Brands, codes and apps*; nlp.deictic).
Constructed sentences (no report's), gazetteer off and on.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platform_key
from tests.entityrows import platforms as found

OWNERS = [
    "我局",
    "本局",
    "我委",
    "本委",
    "我部",
    "我厅",
    "本厅",
    "我办",
    "我院",
    "我中心",
    "本中心",
    "本单位",
    "我单位",
    "本部门",
]
SITES = ["门户网站", "官网", "网站", "官方网站", "政府网站", "微信公众号", "公众号", "政务微博", "政府信息公开平台"]
#: After a verb, before one, first in a list (the rest kinds of channel, or a second name of its own), wrapped.
SITE_FRAMES = [
    ("社会公众可通过{o}{s}查询办事指南", ["{o}{s}"]),
    ("{o}{s}全年发布信息1260条", ["{o}{s}"]),
    ("依托{o}{s}、微信公众号等渠道主动公开信息", ["{o}{s}"]),
    ("在{o}{s}和区政府门户网站同步发布", ["{o}{s}", "区政府门户网站"]),
    ("按照要求及时更新维护政府信息公开目录，{o}\n{s}发布政策解读文件12篇", ["{o}\n{s}"]),
]
OWNED_SITES = [
    (frame.format(o=o, s=s), [w.format(o=o, s=s) for w in want])
    for i, (o, s) in enumerate((o, s) for o in OWNERS for s in SITES)
    for frame, want in [SITE_FRAMES[i % len(SITE_FRAMES)]]
]


@pytest.mark.parametrize(("text", "expected"), OWNED_SITES)
def test_a_deictic_owners_site_is_one_name_with_its_owner(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: A territory's word for itself is a scope, not the name's (我市|政务服务网); 该局 is a body named before, no owner the
#: text supplies; a bare site's head names no site.
NOT_OWNERS = [
    ("在我市政务服务网公开办事指南", ["政务服务网"]),
    ("浏览该局门户网站信息", []),
    ("通过门户网站、微信公众号等渠道公开", []),
    ("完成局门户网站的移动端适配改造", ["局门户网站"]),
    # many bodies named before: each one's own site, no particular one
    ("各预算单位应在本单位门户网站公开部门预算", []),
    ("各部门要通过本部门网站、政务新媒体及时发布信息", []),
    ("各级机关应在本机关官网公开", []),
    ("我局在本局门户网站公开部门预算，各科室配合", ["本局门户网站"]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_OWNERS)
def test_what_is_no_deictic_owner(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("agency", "printed", "expected"),
    [
        ("广州市番禺区统计局", "我局门户网站", "广州市番禺区统计局门户网站"),
        ("广州市番禺区民政局", "我局门户网站", "广州市番禺区民政局门户网站"),
        ("广州市番禺区民政局", "本单位微信公众号", "广州市番禺区民政局微信公众号"),
        ("深圳市卫生健康委员会", "我委政府信息公开平台", "深圳市卫生健康委员会政府信息公开平台"),
        ("广州市番禺区民政局", "局官网", "广州市番禺区民政局门户网站"),  # one site, one key
        ("广州市番禺区民政局", "区政府门户网站", "番禺区政府门户网站"),  # a level's: the place's, as before
    ],
)
def test_a_deictic_owners_site_resolves_to_the_reporting_agency(agency, printed, expected):
    assert platform_key(agency, printed) == expected


def test_two_bodies_sites_are_two_nodes_and_one_bodys_years_one():
    from kg.gazetteer import project_resolver
    from kg.resolve import Resolver

    names = project_resolver()
    kg = Resolver(names)

    def node(agency: str) -> str:
        where = names.jurisdiction(agency, None)
        return kg.entity("Platform", names.canonical("我局门户网站", "Platform", where, owner=(agency,)), None)[0]

    assert node("广州市番禺区统计局") != node("广州市番禺区民政局")
    assert node("广州市番禺区统计局") == node("广州市番禺区统计局")


#: One reporting body's website by any word for itself and any head (tests/gold/README.md, *One site, one node*), and its
#: own name printed with all, some or none of its places: one key.
HEADS = ("门户网站", "官网", "网站", "官方网站", "政府网站", "门户网", "政务网站", "政府门户网站")
AGENCIES = [
    ("广州市番禺区统计局", "局", ["区统计局官网", "番禺区统计局网站", "广州市番禺区统计局官网", "统计局网站"]),
    ("深圳市卫生健康委员会", "委", ["市卫生健康委员会官网", "深圳市卫生健康委员会网站", "卫生健康委员会门户网"]),
    ("某某省某某县自然资源局", "局", ["县自然资源局门户网站", "某某县自然资源局官网", "某某省某某县自然资源局网站"]),
]
AGENCY_SITES = [
    (agency, printed)
    for agency, char, own in AGENCIES
    for printed in [f"{o}{h}" for o in (f"我{char}", f"本{char}", f"我{char}\n", char) for h in HEADS] + own
]


@pytest.mark.parametrize(("agency", "printed"), AGENCY_SITES)
def test_one_bodys_site_is_one_key_whatever_its_head(agency, printed):
    assert platform_key(agency, printed) == agency + "门户网站"


#: Its accounts are other things than its site, one key each whatever the head; another body's site is another's.
@pytest.mark.parametrize(
    ("agency", "printed", "expected"),
    [
        ("广州市番禺区民政局", "我局公众号", "广州市番禺区民政局微信公众号"),
        ("广州市番禺区民政局", "本局官方微信", "广州市番禺区民政局微信公众号"),
        ("广州市番禺区民政局", "本局政务微博", "广州市番禺区民政局微博"),
        ("广州市番禺区民政局", "我局抖音号", "广州市番禺区民政局抖音号"),
        ("广州市番禺区民政局", "天河区民政局官网", "天河区民政局官网"),
        ("广州市番禺区民政局", "区政府网站", "番禺区政府网站"),
        ("广州市番禺区民政局", "市民政局网站", "广州市民政局网站"),
        ("广州市番禺区民政局", "我局政府信息公开平台", "广州市番禺区民政局政府信息公开平台"),
    ],
)
def test_a_bodys_accounts_and_other_bodies_sites_are_other_keys(agency, printed, expected):
    assert platform_key(agency, printed) == expected


def test_one_bodys_site_of_three_years_and_heads_is_one_node():
    from kg.gazetteer import project_resolver
    from kg.resolve import Resolver

    names = project_resolver()
    kg = Resolver(names)

    def node(agency: str, printed: str) -> str:
        where = names.jurisdiction(agency, None)
        return kg.entity("Platform", names.canonical(printed, "Platform", where, owner=(agency,)) or printed, None)[0]

    bureau = "广州市番禺区统计局"  # the reports of three years print its site three ways
    nodes = {node(bureau, p) for p in ("我局门户网站", "本局官网", "区统计局网站")}
    assert len(nodes) == 1
    assert nodes != {node("广州市番禺区民政局", "我局门户网站")}
    assert nodes != {node(bureau, "我局微信公众号")}
