"""The heads a platform's name ends with that count only with the words in front of them (nlp.platformwords.HEAD:
云 not after 上, 口岸 after 电子, 窗口 after 单一, 超市 after 中介 or 网上, 卡 after a public service's topic, bracketed or
not) — read by a lookbehind placed after the head's characters, so that a scan tries a branch only where its head
stands.  Each row: a constructed text and the heads found in it, as spans; the same heads whether HEAD scans the
text, is matched at each position, or is embedded in a longer pattern as its users embed it."""

from __future__ import annotations

import re

import pytest

from nlp.platformwords import HEAD

ROWS = [
    ("业务系统全部上云", [(2, 4)]),  # 上云: moving onto the cloud, no head 云
    ("建设应急管理云", [(6, 7)]),
    ("上云平台", [(2, 4)]),  # 云 after 上 is no head; 平台 after it is
    ("推进电子口岸建设", [(4, 6)]),
    ("口岸通关便利化", []),
    ("国际贸易单一窗口", [(6, 8)]),
    ("综合窗口受理", []),
    ("政府采购网上超市和网上中介超市", [(6, 8), (13, 15)]),
    ("社区超市", []),
    ("发放民生卡和社保（市民）卡", [(4, 5), (12, 13)]),
    ("社保(市民)卡", [(6, 7)]),
    ("老年人卡", [(3, 4)]),
    ("银行卡和公务卡", []),
    ("社区网格化管理", []),  # 网 before 格 is no head
    ("区政务网和门户网站", [(1, 4), (5, 9)]),  # the longest head: 门户网站, not 网站
    ("电子政务云计算中心", []),  # 云 with the rest of jieba's word after it (云计算)
    ("政务云 存储", []),
]


@pytest.mark.parametrize("text, heads", ROWS)
def test_heads_in_context(text, heads):
    assert [m.span() for m in HEAD.finditer(text)] == heads
    at_each = [m.span() for i in range(len(text)) if (m := HEAD.match(text, i))]
    assert [s for s in at_each if s in heads] == heads  # every head found by a scan is a match at its own start
    assert {e for _, e in at_each} >= {e for _, e in heads}


@pytest.mark.parametrize("text, heads", ROWS)
def test_embedded_as_its_users_embed_it(text, heads):
    """``(?:HEAD)$`` (nlp.candidates, nlp.coinednames): the text ends with a head exactly when its last head ends it."""
    ends_with_a_head = re.search(rf"(?:{HEAD.pattern})$", text) is not None
    assert ends_with_a_head == any(e == len(text) for _, e in heads)
