"""Where a platform's name starts (nlp.candidates, nlp.nameleads), on constructed sentences of other provinces' 职责 /
重点工作 (rows marked * fail before).  Salvaged from session 20's unlanded precision branch (prec20-full), without its
kind-still-to-be-made rule (against the guideline and gold) and its cloud rule.

- Two characters of a where-word that qualify the topic (校外培训, 党内法规, 境外投资, 对外投资) open the name; within a
  territory or level (区内, 市内, 辖区内) the clause's place does not.
- 至 / 到 glued by jieba to the name's first character after a verb (迁移|至云|平台, 推送|至市|…) lead it, as 对 / 向 do.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract
from nlp.pipeline import load_pipeline

P = "Platform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # shapes and the NER, no gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("负责校外培训机构监管平台的运行维护。", ["校外培训机构监管平台"]),  # *
        ("负责党内法规数据库的运行维护。", ["党内法规数据库"]),  # *
        ("负责境外投资服务平台的运行维护。", ["境外投资服务平台"]),  # *
        ("依托对外投资合作服务平台开展备案。", ["对外投资合作服务平台"]),  # *
        ("负责辖区内社区团餐小程序的推广。", ["社区团餐小程序"]),
        ("负责区内企业服务平台的运行维护。", ["企业服务平台"]),
        ("负责室内空气监测系统的运行维护。", ["室内空气监测系统"]),
        ("各部门业务系统迁移至云平台。", []),  # * (至云平台): a bare 云平台 after 至
        ("将数据上传至省级数据共享平台。", ["数据共享平台"]),
        ("相关信息推送至市信用信息共享平台。", ["市信用信息共享平台"]),
        ("业务数据汇聚到省大数据平台。", ["省大数据平台"]),
        ("阿里云平台提供算力服务。", ["阿里云平台"]),
    ],
)
def test_names(nlp, text: str, expected: list[str]) -> None:
    assert [e.text for e in extract([text], nlp=nlp)[0] if e.label == P] == expected
