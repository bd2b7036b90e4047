"""Reform families met on pages of provinces no rule was written from (session 17): each family's shape in sentences
written for these tables (other places, programmes, bodies and events than the pages they were seen on; no page's
sentence), beside the names of the same words that stay, gazetteer off and on."""

from __future__ import annotations

import pytest

from tests.entityrows import reforms

#: A place's own programme of going digital, 数字 / 数化 + the place (as 数字中国, 数字福建), and the goal 数字强省 / 数字强市 a
#: province or city sets itself, are names; a version and its campaign's head go with the name (数字X2.0工程).  Not a
#: sector (数字经济, 数字社会), a count's figures (统计数字), a place with its level (a body's place) or a company named
#: after the programme.  10 rows fail before (the first ten).
LOCAL_PROGRAMMES = [
    ("统筹推进数字昆明建设", ["数字昆明"]),
    ("拟订数字南宁、数字政府发展规划", ["数字南宁", "数字政府"]),
    ("构建数化贵阳基础体系", ["数化贵阳"]),
    ("全面增强数字兰州发展动能", ["数字兰州"]),
    ("加快建设数字鄂尔多斯", ["数字鄂尔多斯"]),
    ("全面实施数字西宁3.0工程", ["数字西宁3.0工程"]),
    ("聚焦数字强省建设", ["数字强省"]),
    ("落实市委推进数字强市工作要求", ["数字强市"]),
    ("打造数字强区", ["数字强区"]),
    ("推进数字政府2.0工程建设", ["数字政府2.0工程"]),
    # stay none
    ("数字经济、数字社会协调发展", []),
    ("核对统计数字昆明市的报表", []),
    ("数字强省级财政", []),
    ("委托数字南宁集团运营", []),
    ("推进数字中国建设", ["数字中国"]),  # as before
    ("大力推进智慧南山建设", []),  # as before: 智慧 + a place is no name (the corpus gold's 智慧番禺)
]


@pytest.mark.parametrize(("text", "expected"), LOCAL_PROGRAMMES)
def test_a_places_digital_programme_is_a_name(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected


#: A reform or programme printed inside the name of a body, an event or a prize is no mention of it (…改革协调小组办公室,
#: …改革推进科, …建设峰会, …创新大赛, …技术大奖) — unless the text names it free as well: then each time it prints it is a
#: mention (the every-occurrence convention).  A verb of winning after the programme is no prize's name (…建设获奖).
#: 4 rows fail before (the first three and the prize: the reform was found inside them).
INSIDE_A_NAME = [
    ("承担全省推进政府职能转变和“放管服”改革协调小组办公室日常工作", []),
    ("内设办公室、商事制度改革推进科、政务公开科", []),
    ("筹办第三届数字政府建设峰会", []),
    ("举办智慧城市创新大赛", []),
    ("荣获“2023全球智慧城市应用技术大奖”", []),
    ("深化“放管服”改革，承担“放管服”改革协调小组办公室日常工作", ["“放管服”改革", "“放管服”改革"]),
    ("推进数字政府建设，举办数字政府应用创新论坛", ["数字政府", "数字政府"]),
    # stay
    ("数字政府建设获奖项目通过验收", ["数字政府"]),
    ("推进“放管服”改革协调发展", ["“放管服”改革"]),
    ("深化商事制度改革推进营商环境优化", ["商事制度改革"]),
]


@pytest.mark.parametrize(("text", "expected"), INSIDE_A_NAME)
def test_a_reform_inside_a_body_event_or_prize_is_no_mention(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected
