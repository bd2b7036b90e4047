"""One owner at a name's start (nlp.namechecks.owner_at_start) and one list's rest (nlp.fieldnames._LIST_REST): the
kinds of channel a list closes (a_kind_of_channel), the aspects 方面 closes (an_aspect_of_work), what laws are about
and the kinds a duty lays out read them alike.  Made-up lines."""

from __future__ import annotations

import pytest

from nlp.fieldnames import an_aspect_of_work, kind_laid_out, subject_of_laws
from nlp.namechecks import a_kind_of_channel, owner_at_start


def _at(test, text: str, name: str) -> bool:
    start = text.index(name)
    return test(text, start, start + len(name))


@pytest.mark.parametrize(
    ("name", "owned"),
    [
        ("市政府网站", True),  # a level
        ("镇政务服务中心", True),  # a place below one
        ("村务公开栏", True),
        ("全国信访信息系统", True),  # the state as a whole
        ("12345热线", True),  # a service number
        ("局长热线", True),  # an office-holder
        ("书记热线", True),
        ("我局门户网站", True),  # the body's word for itself
        ("眉山市政务服务平台", True),  # a place by the dictionary
        ("统计局门户网站", True),  # a body by the dictionary
        ("政府网站", False),
        ("政务公开平台", False),
        ("微信公众号", False),
        ("全市政务服务平台", False),  # a scope, no owner
    ],
)
def test_owner_at_start(name, owned):
    assert owner_at_start(name) is owned


#: An owner at the start names one channel even in a list of kinds; without one, a kind.
CHANNELS = [
    ("通过乡政务服务平台和政务微博等渠道发布", "乡政务服务平台", False),
    ("通过全国一体化政务服务平台、政务微博等渠道办理", "全国一体化政务服务平台", False),
    ("通过政府网站、微信公众号等渠道公开信息", "政府网站", True),
    ("通过市政府网站、微信公众号等渠道公开信息", "市政府网站", False),
]


@pytest.mark.parametrize(("text", "name", "kind"), CHANNELS)
def test_a_kind_of_channel_unless_owned(text, name, kind):
    assert _at(a_kind_of_channel, text, name) is kind


#: An office-holder's channel before 方面 is one channel, as a level's is; the body's field of work without one.
ASPECTS = [
    ("加强局长热线建设、强化回复质量等方面", "局长热线", False),
    ("做好书记热线管理等方面工作", "书记热线", False),
    ("加强政务公开平台建设、强化监督保障等方面", "政务公开平台", True),
    ("加强区政务公开平台建设、强化监督保障等方面", "区政务公开平台", False),
]


@pytest.mark.parametrize(("text", "name", "aspect"), ASPECTS)
def test_an_aspect_of_work_unless_owned(text, name, aspect):
    assert _at(an_aspect_of_work, text, name) is aspect


#: A list's rest ends at a clause mark of either width (a half-width one a page kept), for the laws' subjects and the
#: kinds laid out as for the aspects.
LISTS = [
    (subject_of_laws, "负责有关电子政务外网、视联网等相关法律法规的起草", True),
    (subject_of_laws, "负责有关电子政务外网、视联网,卫星网等相关法律法规的起草", False),
    (kind_laid_out, "承担电子政务外网、视联网等布局规划", True),
    (kind_laid_out, "承担电子政务外网、视联网.卫星网等布局规划", False),
    (an_aspect_of_work, "加强电子政务外网建设、强化安全保障等方面", True),
    (an_aspect_of_work, "加强电子政务外网建设,强化安全保障等方面", False),
]


@pytest.mark.parametrize(("test", "text", "closed"), LISTS)
def test_a_lists_rest_stops_at_a_clause_mark_of_either_width(test, text, closed):
    assert _at(test, text, "电子政务外网") is closed
