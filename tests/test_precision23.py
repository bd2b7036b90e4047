"""Platform precision on unseen narrative (issue 13, session 23): families of false platforms found on 49 other
departments' pages (police, transport, water, civil affairs, culture and tourism, archives, justice, statistics,
education, audit and science bodies of 25 provinces; budget and final-account 概况, disclosure reports, plans and news
of a body's work), read by tests/gold/README.md.  Sentences are constructed in their shape with other names and places
(rows marked * fail before the first change, ** before the second).

- Where a name starts (nlp.nameleads): a one-character verb and its result complement jieba's HMM reads as one word
  (做实, 抓实, 抓牢) govern the name after them, as 建好 and 用好 do; the body in front is the clause's subject.
- Kinds of channel (nlp.namechecks): a list closed by 等 with its kinds counted before the category (…等不同的渠道,
  …等多种方式) is a list of kinds, as one closed by 等渠道.
- A sector's line of bodies (nlp.sectors): …系统的一员 / 成员 is a member of the line, as …系统的干部职工; the report's own
  county before it (我|县卫生健康系统, jieba reading 县 into the name) is its scope, as 全县 is.
- A body's disclosure platform as a work (nlp.fieldnames): 政府信息公开平台 / 政务公开平台 named by its function alone
  with its building after — a heading, an item of the report's contents, a work strengthened (加强…平台建设, 强化…平台
  建设和…队伍建设) — is the disclosure report's heading, the body's channels as a category, as 推进政务服务平台建设;
  owned, used or built (完成…平台建设) it is the one platform, and a site is one site.
- A counted class after a level (nlp.namechecks): 市五大…系统, 省三大…平台 — the level's counted ones, many.
- A site's column in quotes (nlp.coinednames): 门户网站“政务公开”栏目, …网站“公示栏”及“…”栏目 — the site, its column
  no brand of it (the guideline's “数据发布”专栏); a brand after the site stays (市政府门户网站“中国宁波”).
- A field's network to be built (nlp.afterhead): 建立全市…信息网络 — the duty to build the field's networks, as
  …网络的规划和建设 is; one built (已建立…) or used (依托…) stays.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import load_pipeline
from tests.entityrows import platforms


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # shapes and the NER, no gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb and its complement lead the name
        ("这是宁波市民政局做实“12349”养老服务热线工作的一项举措。", ["“12349”养老服务热线"]),  # *
        ("县司法局抓实12348公共法律服务热线建设。", ["12348公共法律服务热线"]),  # *
        ("区卫健局用好“健康宁波”微信公众号发布信息。", ["“健康宁波”微信公众号"]),
        ("宁波市民政局负责“12349”养老服务热线的运行。", ["“12349”养老服务热线"]),
        # kinds of channel counted before the category
        ("从报纸电视、门户网站、全媒体平台等不同的渠道发布信息。", []),  # *
        ("通过政府网站、政务微博等多种渠道发布信息。", []),  # *
        ("通过区政府网站、“健康宁波”微信公众号等多种渠道发布信息。", ["区政府网站", "“健康宁波”微信公众号"]),
        # a member of a sector's line of bodies
        ("他已成为司法行政系统的一员。", []),  # *
        ("如今他已成为民政系统的一员。", []),
        ("全县司法行政系统成员单位参加会议。", []),
        ("民政业务系统运行稳定。", ["民政业务系统"]),
        ("提升了我县卫生健康系统形象。", []),  # **
        ("本市交通运输系统干部参加培训。", []),
        ("我县卫生健康信息系统运行稳定。", ["我县卫生健康信息系统"]),
        # a body's disclosure channel strengthened and built as a work
        ("强化政府信息公开平台建设和人才队伍建设。", []),  # *
        ("加强政务公开平台建设,通过区政府门户网站主动公开政府信息。", ["区政府门户网站"]),  # *
        ("持续推进政务公开平台建设。", []),  # *
        ("持续推进政务公开网站建设。", ["政务公开网站"]),
        ("优化政府信息公开平台,调整主动公开目录设置。", ["政府信息公开平台"]),
        ("其中市政府信息公开平台发布信息145篇。", ["市政府信息公开平台"]),
        ("依托政府信息公开平台发布信息。", ["政府信息公开平台"]),
        ("加强12345热线平台建设。", ["12345热线平台"]),
        # … the report's heading as a heading or an item of its contents, no verb in front
        ("系统反映主动公开情况、政府信息公开平台建设情况、监督保障情况等。", []),  # **
        ("3.政府信息公开平台建设", []),  # **
        ("已完成政府信息公开平台建设。", ["政府信息公开平台"]),
        ("完成政府信息公开平台建设项目。", ["政府信息公开平台"]),
        # a counted class after a level
        ("全方位融入市五大综合应用系统。", []),  # *
        ("全面接入省三大数据平台。", []),  # *
        ("市12345热线运行平稳。", ["市12345热线"]),
        # a site's column in quotes
        ("在区政府门户网站“政务公开”栏目发布信息。", ["区政府门户网站"]),  # *
        ("通过县司法局门户网站“公示栏”及“法治要闻”栏目公示信息。", ["县司法局门户网站"]),  # *
        ("通过市政府门户网站“中国宁波”发布信息。", ["市政府门户网站“中国宁波”"]),
        ("在政务微信公众号“宁波发布”推送信息。", ["政务微信公众号“宁波发布”"]),
        # a field's network to be built
        ("建立全县农业信息网络。", []),  # *
        ("负责全市档案目录中心工作,建立全市档案资料信息网络。", []),  # *
        ("已建立全市档案资料信息网络。", ["档案资料信息网络"]),
        ("依托全市档案资料信息网络开展查询服务。", ["档案资料信息网络"]),
        ("负责全市社会保障信息网络的运行维护。", ["社会保障信息网络"]),
        ("负责建设全市电子政务外网。", ["电子政务外网"]),
    ],
)
def test_platforms(nlp, text: str, expected: list[str]) -> None:
    assert platforms(nlp, text) == expected
