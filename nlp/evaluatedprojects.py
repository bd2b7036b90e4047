"""Projects named by their own evaluation report (项目绩效评价报告 / 项目支出绩效自评报告) in a report's narrative::

    附件
    2024 年度某某系统运维费项目
    绩效评价报告
    一、基本情况
    …
    （二）项目绩效目标
    一是确保某某系统安全稳定运行……

The report's title names the project it evaluates (on the heading's line, or on the line above a heading that says
only 绩效评价报告); a fiscal year in front is the evaluation's, no part of the name.  Its 绩效目标 paragraph
(nlp.narrative.performance_targets) is that project's target.  A project no table, form or key-project list gave
becomes a project of its own — the same model as the table reader's, with no amount: the report's figures (年初预算数,
全年预算数, 实际支出) are prose, and none is given a meaning here.  A project the tables already have (its name printed
with or without 项目) is that project: the report's target is one more of its texts.
"""

from __future__ import annotations

import re

from nlp.model import Project, Report, Section, Span
from nlp.normalize import Line, NormalizedText, squash

#: A report's title: the project, then what the report is (绩效评价报告, 绩效自评报告, 支出绩效评价报告 …); a single
#: fiscal year in front (2024年度, 2024年) is the evaluation's — a span of years (2017-2019年度…) is the project's own.
_TITLE = re.compile(
    r"^(?:关于)?(?:\d{4}年度?)?(?P<name>[^，。；：:]{2,40}?项目)(?:的)?(?:（[^）]*）)?"
    r"(?:支出)?(?:绩效)?(?:自评|评价)?报告$"
)
#: A heading that says only what the report is, its project's name on the line above.
_TITLE_TAIL = re.compile(r"^(?:项目)?(?:支出)?(?:绩效)?(?:自评|评价)报告$")
_YEAR = re.compile(r"^\d{4}年度?(?=[^\d年])")
#: A line above the heading that labels an annex (附件, 附件2, 附件二：): no project's name.
_ANNEX = re.compile(r"^附件[\d一二三四五六七八九十（）()]*[：:]?$")


def title_project(title: str) -> str | None:
    """The project an evaluation report's title names (whitespace aside, the evaluation's year left out)."""
    m = _TITLE.match(squash(title))
    return m.group("name") if m else None


def _name_span(norm: NormalizedText, offsets: list[int], text: str, name: str) -> Span | None:
    """The raw span of ``name`` inside ``text`` (whose characters are at ``offsets`` of the clean text), the
    whitespace printed inside it skipped; after a year in front, if any."""
    at = [i for i, c in enumerate(text) if not c.isspace()]
    flat = "".join(text[i] for i in at)
    year = _YEAR.match(flat)
    k = flat.find(name, year.end() if year else 0)
    if k < 0:
        return None
    return norm.raw_span(offsets[at[k]], offsets[at[k + len(name) - 1]] + 1)


def heading_project(norm: NormalizedText, section: Section) -> tuple[str, Span] | None:
    """The project a section's heading names as an evaluation report's title, with its span: the heading's own
    lines (…项目绩效评价报告, on one line or wrapped: 2024年度…项目 / 绩效评价报告), or the line above a heading that
    is only 绩效评价报告 (the title wrapped, its first line not read as the heading's)."""
    at = section.span.line - 1  # index of the heading's line in norm.lines
    if not 0 <= at < len(norm.lines):
        return None
    last = norm.raw_line(max(section.span.end - 1, section.span.start)) - 1
    # an annex's label the heading was wrapped with (附件2 / 项目绩效评价报告) names no project
    lines: list[Line] = [
        ln for ln in norm.lines[at : max(at, last) + 1] if ln.text.strip() and not _ANNEX.match(squash(ln.text))
    ]
    if not lines:
        return None
    if _TITLE_TAIL.match(squash(section.title)):
        if not _TITLE_TAIL.match(squash(norm.lines[at].text)):
            return None  # a numbered heading (四、项目绩效评价报告): the report's own section, no title wrapped
        above = next((k for k in range(at - 1, max(at - 3, -1), -1) if norm.lines[k].text.strip()), None)
        if above is None or _ANNEX.match(squash(norm.lines[above].text)):
            return None  # nothing above, or an annex's label (附件2 over 项目绩效评价报告): no name
        lines = [norm.lines[above], norm.lines[at]]
    text = "".join(ln.text for ln in lines)
    offsets = [ln.start + i for ln in lines for i in range(len(ln.text))]
    name = title_project(text)
    span = _name_span(norm, offsets, text, name) if name else None
    return (name, span) if name and span else None


def block_project(norm: NormalizedText, text: str, offsets: list[int]) -> tuple[str, Span] | None:
    """The project a paragraph (``text`` at clean ``offsets``) names when it is a report's title alone."""
    name = title_project(text)
    span = _name_span(norm, offsets, text, name) if name else None
    return (name, span) if name and span else None


def _bare(name: str) -> str:
    return name[:-2] if name.endswith("项目") and len(name) > 4 else name


def attach(report: Report) -> list[Project]:
    """The projects of the report's evaluation reports that no project of the report is (in document order); the
    targets of those it already has get that project's name."""
    by_name: dict[str, list[Project]] = {}
    for p in report.projects:
        by_name.setdefault(_bare(squash(p.name)), []).append(p)
    out: list[Project] = []
    for target in report.performance_targets:
        if target.project_name is None or target.project_span is None:
            continue
        same = by_name.get(_bare(target.project_name), [])
        if len(same) == 1:  # printed twice: one project
            target.project_name = same[0].name
            continue
        if same:
            continue  # two projects of that name (in two units): the report says not which
        project = Project(target.project_name, None, None, {}, target.project_span, target=target)
        by_name[_bare(target.project_name)] = [project]
        out.append(project)
    return out
