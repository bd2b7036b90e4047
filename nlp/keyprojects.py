"""Named projects with their amounts from a narrative list of 重点项目 (key projects), where the report
writes them as enumerated prose rather than as a table::

    八、重点项目预算绩效目标情况
    （一）河道保洁养护经费，年初预算14,268,500.00元，绩效目标：保障河道水面整洁、岸线完好，…
    （二）档案数字化加工经费，年初预算736,420.00元，绩效目标：完成馆藏档案数字化加工…

Only the enumerated items of a section about key projects are read (its title names 重点项目 or 主要项目), and
an item is a project only when its name is followed by its amount ("年初预算…元", "预算数为…万元", "安排资金…").
A project table inside such a section is the table reader's (nlp.projects); a name it already has is not added
twice — the narrative then only gives it the 绩效目标 it lacks.
"""

from __future__ import annotations

import re

from nlp.figures import parse_amount
from nlp.headings import ITEM_STYLES, Block, blocks, split_inline
from nlp.layout import heading_lines, line_range, walk
from nlp.model import Amount, PerformanceTarget, Project, Report
from nlp.normalize import NormalizedText, squash

# the title of a section that lists key projects
KEY_PROJECT_SECTION = re.compile(r"重点项目|主要项目")
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# "河道保洁养护经费，年初预算14,268,500.00元" / "X项目：预算数为 12.50 万元" / "X，安排资金 30 万元"
_ITEM = re.compile(
    rf"^(?P<name>[^，,。；;：:]{{2,60}}?)\s*[，,：:]?\s*(?:本年|年初|全年|\d{{4}}年)?(?:预算(?:数|金额|资金)?|安排(?:资金|经费)?|资金|金额|总投资)"
    rf"(?:为|是|共|合计)?\s*[：:]?\s*(?P<num>{_NUM})\s*(?P<unit>亿元|万元|千元|元)"
)
_TARGET = re.compile(r"(?:绩效目标|预期目标|项目目标)(?:为|是)?\s*[：:]\s*")


def extract(norm: NormalizedText, report: Report) -> list[Project]:
    """The projects the key-project sections list with an amount, in document order (not yet in the report)."""
    heads = heading_lines(norm, report.sections)
    known = {squash(p.name): p for p in report.projects}
    out: list[Project] = []
    seen: set[int] = set()
    for sec in walk(report.sections):
        if not KEY_PROJECT_SECTION.search(sec.title) or sec.kind == "toc":
            continue
        first, end = line_range(norm, sec)
        for blk in split_inline(norm, blocks(norm, first, end, styles=(*ITEM_STYLES, "shi"), headings=heads)):
            if blk.marker is None or blk.first_line in heads or blk.offsets[0] in seen:
                continue
            seen.add(blk.offsets[0])
            project = _project(norm, blk)
            if project is None:
                continue
            same = known.get(project.name)
            if same is not None:  # the table has it: the narrative may still give its target
                if same.target is None and project.target is not None:
                    project.target.project_name = same.name
                    same.target = project.target
                continue
            known[project.name] = project
            out.append(project)
    return out


def _project(norm: NormalizedText, blk: Block) -> Project | None:
    body_at = blk.body_start()
    text = blk.text[body_at:]
    m = _ITEM.match(text)
    if not m:
        return None
    name = squash(m.group("name")).strip('“”"')
    value = parse_amount(m.group("num"), m.group("unit"))
    if value is None or not re.search(r"[\u4e00-\u9fff]", name):
        return None

    def span(a: int, b: int):
        return norm.raw_span(blk.offsets[body_at + a], blk.offsets[body_at + b - 1] + 1)

    amount = Amount(value, m.group("num"), m.group("unit"), span(m.start("num"), m.end("unit")))
    project = Project(name, None, amount, {}, span(0, len(text.rstrip())))
    tm = _TARGET.search(text, m.end())
    if tm and text[tm.end() :].strip():
        target_text = text[tm.end() :].strip()
        start = tm.end() + (len(text[tm.end() :]) - len(text[tm.end() :].lstrip()))
        project.target = PerformanceTarget(target_text, span(start, start + len(target_text)), name)
    return project
