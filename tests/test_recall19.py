"""Families of names the rules missed on text nobody had read (session 19), each as a table of sentences written in
the wording of other places' reports — none is a sentence of a read set.

A quoted name, other words, then 改革 (“X”建设改革, “X”便民改革): the gold guideline marks the quoted name with
改革 only when 改革 follows the quotes; other heads are left out — the name is the quoted part.

A version printed after a quoted name (“赣服通”4.0) or inside its quotes (“一网通办2.0”) is the name's: a release.
"""

from __future__ import annotations

import pytest

from nlp.entities import extract
from nlp.pipeline import load_pipeline

R = "Reform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words between the quotes and 改革 are another head: the name is the quoted part
        ("推进“智慧法院”建设改革等任务", ["“智慧法院”"]),
        ("探索推进“一窗通办、集成服务”便民改革，加快实现前台综合受理", ["“一窗通办、集成服务”"]),
        ("深化“一件事一次办”集成改革", ["“一件事一次办”"]),
        ("持续推进“最多跑一地”专项改革", ["“最多跑一地”"]),
        # 改革 right after the quotes is the name's; the reforms around a named one leave it named alone
        ("全面推行“证照分离”改革全覆盖", ["“证照分离”改革"]),
        ("深化“放管服”相关改革", ["“放管服”"]),
        ("落实“跨省通办”等各项改革任务", ["“跨省通办”"]),
        # a service's kind in front of the quotes is the name's, as before
        ("深化行政审批“集成服务”改革", ["行政审批“集成服务”改革"]),
    ],
)
def test_quoted_name_then_another_head_then_reform(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == R]
    assert found == expected


P = "Platform"


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # a version printed right after a quoted name is the name's: the release of the platform or the initiative
        ("推进“皖事通”3.0建设，新增高频事项", P, ["“皖事通”3.0"]),
        ("完成“浙里办”2.0迭代升级", P, ["“浙里办”2.0"]),
        ("上线“闽政通”5.0，实现掌上办理", P, ["“闽政通”5.0"]),
        ("“一网通办3.0”服务能力更加完善", R, ["“一网通办3.0”"]),
        # … not a figure counted after it (万次, %, 个), nor a version with nothing quoted
        ("“皖事通”3.0万次访问", P, ["“皖事通”"]),
        ("“闽政通”4.5%的事项实现掌上办", P, ["“闽政通”"]),
        ("在“一窗式”政务服务中", R, []),
    ],
)
def test_a_version_after_a_quoted_name(nlp, text, label, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == label]
    assert found == expected
