"""headwalk._body_before: the words before a body's one-character end (委, 局, 厅, 署) that jieba leaves a token of its
own are the body's field only when they can name one: an adjective alone names none (推进|健康|委门户网站), a noun
alone does (市|商务|委门户网站), an adjective with another field word does (卫生|健康|委).  Rows written for this table.
"""

from __future__ import annotations

import pytest

from tests.entityrows import platforms as found

P = "Platform"


ROWS = [
    ("推进健康委门户网站", []),
    ("加快健康委门户网站改版", []),
    ("负责市商务委门户网站的管理", ["市商务委门户网站"]),
    ("做好卫生健康委门户网站维护", ["卫生健康委门户网站"]),
    ("依托省农业农村委门户网站", ["省农业农村委门户网站"]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_an_adjective_alone_is_no_bodys_field(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected
