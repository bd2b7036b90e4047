"""Recall of the open-form platform rules on names no rule was written for (session 12): families of names a reader of
Chinese takes for a platform by their shape or their context, each with rows constructed for this table (other
places, fields, heads and wrappings than any report; no report's sentence), the names they must still not find, with
the gazetteer off and on.
"""

from __future__ import annotations

import pytest

from kg.gazetteer import project_entries
from nlp.entities import extract
from nlp.pipeline import load_pipeline

P = "Platform"


@pytest.fixture(scope="module", params=["off", "on"])
def nlp(request):
    return load_pipeline(gazetteer=project_entries() if request.param == "on" else ())


def found(nlp, text: str) -> list[str]:
    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]


#: 1. An owner's name printed in front is the name's, also where jieba leaves the body's one-character end a token of
#: its own and tags it no noun (卫生|健康|委 zg): the words of the body's field before it go with it.  委 alone is no
#: owner; a list before the owner is no topic the site shares (所属单位、|…委门户网站); 各 glued to bodies (各委局) is
#: every body's site.
OWNER_BODY = [
    ("承担省卫生健康委门户网站、办公自动化等系统的信息安全", ["省卫生健康委门户网站"]),
    ("负责市发展改革委门户网站的管理", ["市发展改革委门户网站"]),
    ("负责县卫生健康委门户\n网站的管理", ["县卫生健康委门户\n网站"]),  # re-wrapped
    ("负责区住房城乡建设局门户网站的管理", ["区住房城乡建设局门户网站"]),
    ("负责市财政局门户网站", ["市财政局门户网站"]),
    ("负责对所属单位、卫生健康委门户网站的管理", ["卫生健康委门户网站"]),
    ("加强委门户网站", []),
    ("负责各委局门户网站的管理", []),
    ("负责各厅局信息系统的运维", []),
    ("负责市发展改革委系统干部培训", []),
]


@pytest.mark.parametrize(("text", "expected"), OWNER_BODY)
def test_an_owner_whose_end_is_a_token_of_its_own(nlp, text, expected):
    assert found(nlp, text) == expected
