"""Tasks (重点工作 / 主要工作目标 / 重点任务) in every layout: counted by hand in the development set's train split,
and on variants of the bundled corpus and made-up department reports (always run)."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, DEVSET, DEVSET_TRAIN_MANIFEST, MANIFEST, read_report_once, requires_devset

from nlp.reader import read_report_bytes

# Counted by hand in the development set's train split (conftest.DEVSET, text/): top-level items of the tasks section, "prose" where it
# enumerates nothing; reports without such a section have none.  217 also has 20 sub-items (一是…),
# three to four under five of its six items (counted by hand): 26 tasks in all.
DEVSET_TASKS: dict[str, int | str] = {
    "202": "prose",
    "204": "prose",
    "215": 8,
    "216": 6,
    "217": 6,
    "218": "prose",
    "219": 8,
    "220": 5,
}
STEMS = {row["stem"][:3]: row["stem"] for row in DEVSET_TRAIN_MANIFEST}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


@requires_devset
@pytest.mark.parametrize("key", sorted(STEMS))
def test_devset_tasks_are_counted_exactly(key: str) -> None:
    r = read_report_once(DEVSET / "text" / f"{STEMS[key]}.txt")
    top = [t for t in r.tasks if "/" not in t.ordinal]
    expected = DEVSET_TASKS.get(key, 0)
    if expected == "prose":
        (task,) = r.tasks
        assert not task.enumerated and task.ordinal == "" and len(task.text) > 40
    else:
        assert len(top) == expected and all(t.enumerated for t in r.tasks)
    if key == "217":
        assert len(r.tasks) == 26
        assert [t.ordinal for t in r.tasks if t.ordinal.startswith("（二）/")] == [
            "（二）/一是",
            "（二）/二是",
            "（二）/三是",
        ]
    raw = (DEVSET / "text" / f"{STEMS[key]}.txt").read_text(encoding="utf-8")
    for t in r.tasks:
        assert raw[t.span.start : t.span.end] == t.span.text


@requires_devset
def test_devset_inline_task_texts() -> None:
    r = read_report_once(DEVSET / "text" / f"{STEMS['215']}.txt")
    assert [squash(t.text) for t in r.tasks][:2] == ["坚持以党的政治建设为统领；", "牢牢把握高质量发展首要任务；"]
    assert squash(r.tasks[-1].text) == "纵深推进依法统计依法治统。"  # after a page number "- 2 -"
    # 217's item （二） runs on into its first sub-item on the same line ("…支撑。一是推进…"): each sub-item's text
    # starts after its ordinal and ends before the next one's, and the item's own text stops before 一是
    r = read_report_once(DEVSET / "text" / f"{STEMS['217']}.txt")
    two = [t for t in r.tasks if t.ordinal.startswith("（二）")]
    assert [t.ordinal for t in two] == ["（二）", "（二）/一是", "（二）/二是", "（二）/三是"]
    assert "一是" not in squash(two[0].text)
    for t, nxt in zip(two[1:], ["二是", "三是", None], strict=True):
        text = squash(t.text)  # its words are the report's: not quoted here
        assert text and text[:2] != t.ordinal[-2:] and (nxt is None or nxt not in text)


# --- variants of corpus report 000: its group （二） has five tasks 1.–5. (counted by hand) -----------
BASE = CORPUS / MANIFEST[0]["file"]


def group_two():
    text = BASE.read_text(encoding="utf-8")
    r = read_report_once(BASE)
    items = [t for t in r.tasks if t.ordinal.startswith("（二）/")]
    assert len(items) == 5
    start = text.rindex("\n", 0, items[0].span.start) + 1
    return text, r, items, start, items[-1].span.end


def wrap(s: str, width: int) -> str:
    return "\n".join(s[i : i + width] for i in range(0, len(s), width))


@pytest.mark.parametrize("marker", ["{n}.", "{n}、", "（{n}）", "{c}是"])
@pytest.mark.parametrize("width", [19, 37, 800])
def test_tasks_enumerated_inline(marker: str, width: int) -> None:
    text, base, items, a, b = group_two()
    cn = "一二三四五"
    inline = "".join(marker.format(n=k, c=cn[k - 1]) + squash(t.text) for k, t in enumerate(items, 1))
    got = report_of(text[:a] + wrap(inline, width) + text[b:])
    printed = [marker.format(n=k, c=cn[k - 1]) for k in range(1, 6)]
    mine = [t for t in got.tasks if t.ordinal.startswith("（二）/")]
    assert [t.ordinal for t in mine] == [f"（二）/{p}" for p in printed]
    assert [squash(t.text) for t in mine] == [squash(t.text) for t in items]
    assert [t.ordinal for t in got.tasks if not t.ordinal.startswith("（二）/")] == [
        t.ordinal for t in base.tasks if not t.ordinal.startswith("（二）/")
    ]


# --- made-up department reports: a 部门概况 with prose responsibilities and a 主要工作目标 section ------


def department_report(work: str) -> str:
    return (
        "2026 年武汉市江汉区统计局部门预\n算\n目 录\n第一部分 部门概况\n第二部分 部门预算收支总体情况\n"
        "第一部分 部门概况\n一、部门职责\n贯彻落实国家和省、市关于统计工作的方针政策及法律法规，依法开展统计执法检查，通报检查\n"
        "情况；组织实施全区统计调查，综合整理和提供全区基本统计资料；完成区委、区政府交办的其他任务。\n"
        "二、机构编制\n本单位 2025 年末共有内设机构 4 个，下属事业单位 2 个。\n"
        f"三、2026 年主要工作目标\n武汉市江汉区统计局 2026 年主要工作目标包括：\n{work}\n"
        "第二部分 部门预算收支总体情况\n2026 年部门收入预算 1,234.56 万元，支出预算 1,234.56 万元。\n"
    )


GOALS = ["提升统计数据质量", "深化统计改革创新", "做好经济普查相关工作", "加强统计法治建设", "推进统计信息化建设"]


@pytest.mark.parametrize("width", [23, 29, 200])
def test_work_goals_enumerated_inline_across_lines(width: int) -> None:
    inline = "；".join(f"{k}.{g}" for k, g in enumerate(GOALS, 1)) + "。"
    r = report_of(department_report(wrap(inline, width)))
    assert r.agency == "武汉市江汉区统计局" and r.fiscal_year == 2026
    assert [t.ordinal for t in r.tasks] == [f"{k}." for k in range(1, 6)]
    assert [squash(t.text).rstrip("；。") for t in r.tasks] == GOALS
    (duty,) = r.responsibilities
    assert not duty.enumerated and squash(duty.text).endswith("完成区委、区政府交办的其他任务。")


def test_work_goals_written_as_prose() -> None:
    prose = (
        "以习近平新时代中国特色社会主义思想为指导，坚持稳中求进，重点抓好统计数据质量、统计改革创新和\n"
        "统计法治建设三方面工作，确保“十五五”开好局。"
    )
    r = report_of(department_report(prose))
    (task,) = r.tasks
    assert not task.enumerated and task.ordinal == ""
    assert squash(task.text) == squash(prose)


def test_a_line_ending_in_a_comma_is_no_heading() -> None:
    # "…围绕本部门职责和重点工作，" wrapped at a comma must not open a 重点工作 section
    work = "1.提升统计数据质量；2.深化统计改革创新。"
    text = (
        department_report(work)
        .replace(
            "第二部分 部门预算收支总体情况\n2026",
            "第二部分 部门预算收支总体情况\n根据预算绩效管理的相关规定，围绕本部门职责和重点工作，\n为各项目设定绩效目标。\n2026",
        )
        .replace("第二部分 部门预算收支总体情况\n根据", "第二部分 部门预算收支总体情况\n根据", 1)
    )
    r = report_of(text)
    assert [t.ordinal for t in r.tasks] == ["1.", "2."]
