"""A 平台 that is a venue of an activity between parties — exchange, cooperation, matchmaking, attracting investment,
exhibiting, financing, incubating (人才交流平台, 产学研合作平台, 招商引资平台, 展示展销平台, 地方政府融资平台, 创业孵化平台) —
is a figure of speech: an occasion, a mechanism or a company, no system, app or hall (tests/gold/README.md: a
platform is one particular system the text refers to).  Words of a system in the name (招商引资信息平台, 融资信用服务平台,
在线…平台) make it one again.  :func:`nlp.candidates.platform_spans` and the trained NER's gate
(:func:`nlp.entities.no_platform_by_the_rules`) ask it.
"""

from __future__ import annotations

import re

#: Activities between parties that a venue is set up for, ending the words before 平台.
_ACTIVITY_END = re.compile(r"(?:交流|合作|对接|招商|引资|展示|展销|展览|融资|孵化|洽谈|推介|联谊)$")
#: Words of a system: data, information, being online, a digital medium, a service.
_SYSTEM_WORDS = re.compile(r"信息|数据|网上|在线|线上|网络|互联网|云|数字|智慧|智能|电子|服务|管理|系统|[A-Za-z]")


def a_venue(before: str, head: str) -> bool:
    """Are ``before``, the words in front of the bare head ``head`` (平台), an activity between parties, and no word of
    a system among them (招商引资|平台, 产学研合作|平台; not 招商引资信息|平台)?"""
    return head == "平台" and bool(_ACTIVITY_END.search(before)) and not _SYSTEM_WORDS.search(before)
