"""A target read from a table or a form is read once: the row or form it stands in, laid out whole on one line
as a PDF prints it (nlp.sources.lines), is a narrative paragraph holding the target, and only the rest of that
paragraph is read as narrative (nlp.relations.collect_units).  Before, every name of such a target was found
twice at the same place, from the PDF only — the text wraps the form around the target's column."""

from __future__ import annotations

from collections import Counter

import pytest

from nlp.reader import read_report_bytes
from tests.test_project_forms import BUDGET_FORM

TITLE = (
    "某某市数据局2026年部门预算\n第一部分 部门概况\n一、部门职责\n负责全市政务服务平台的建设和管理。\n"
    "第二部分 项目绩效目标表\n"
)
TARGET = "1.保障市数据共享平台稳定运行，全年可用率不低于99%。2.完成“一网通办”系统的日常巡检和故障处理。"

# the form as a PDF lays it out: each row one line, each cell whole
FORM_LAID_OUT = f"""数据平台运维绩效目标表(2026 年度)
项目名称 数据平台运维
主管部门及代码 [101]某某局 实施单位 某某局本级
项目资金（万元） 年度资金总额： 1,250.50 执行率 分值（10）
其中：财政拨款 1,000.50
上年结转 250.00
其他资金 -
年度总体目标 {TARGET}
绩效指标 一级指标 二级指标 三级指标 指标值 分值
"""

# the same form as its extracted text prints it (test_project_forms' budget form, whose target names no platform,
# given this one): the label 年度总体目标 wrapped beside the target
FORM_TEXT = BUDGET_FORM.replace("1.保障数据平台稳定运行，全年可用率不低于99%。", TARGET.split("2.")[0]).replace(
    "2.完成全部业务系统的日常巡检和故障处理。", "2." + TARGET.split("2.")[1]
)
assert FORM_TEXT != BUDGET_FORM and TARGET.split("2.")[0] in FORM_TEXT


def _read(form: str):
    return read_report_bytes((TITLE + form).encode("utf-8"), "report.txt", entities=True)


@pytest.mark.parametrize("form", [FORM_LAID_OUT, FORM_TEXT], ids=["laid out", "text"])
def test_a_targets_names_are_found_once_and_the_narrative_before_it_still_read(form):
    report = _read(form)
    (project,) = report.projects
    assert project.target is not None and project.target.text == TARGET
    found = Counter((m.text, m.span.start) for m in report.mentions)
    assert found and max(found.values()) == 1  # no name twice at one place
    names = {m.text for m in report.mentions}
    assert {"市数据共享平台", "政务服务平台"} <= names


def test_the_form_laid_out_and_its_text_give_the_same_names():
    def names(form: str) -> Counter:
        return Counter((m.text, m.label) for m in _read(form).mentions)

    assert names(FORM_LAID_OUT) == names(FORM_TEXT)
