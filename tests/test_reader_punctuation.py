"""The reader (normalize, layout, narrative) reads a report printed with half-width punctuation, or with 一.
headings for 一、, as the report printed full-width: variants built from the corpus reports, one character for
one, give the same sections, units, responsibilities, tasks, targets and projects at the same places."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, read_report_once

from nlp import read_report
from nlp.layout import walk

FULL, HALF = "，（）：；？！“”", ',():;?!""'


def half_width(text: str) -> str:
    return text.translate(str.maketrans(FULL, HALF))


def dotted_headings(text: str) -> str:
    """一、 headings printed 一. (each copy of a heading line printed more than once too)."""
    return re.sub(
        r"(?m)^\s*[一二三四五六七八九十]+、.*$",
        lambda m: re.sub(r"([一二三四五六七八九十]+)、", r"\1.", m.group()),
        text,
    )


VARIANTS = {
    "half-width": half_width,
    "dotted headings": dotted_headings,
    "both": lambda t: dotted_headings(half_width(t)),
}


def _at(span) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def skeleton(report) -> dict:
    """Where the reader found each part of the report (spans, levels, kinds, counts), not the characters."""
    return {
        "agency": _at(report.agency_span),
        "year": report.fiscal_year,
        "sections": [(s.level, s.kind, _at(s.span), _at(s.body)) for s in walk(report.sections)],
        "units": [_at(u.span) for u in report.units],
        "responsibilities": [_at(r.span) for r in report.responsibilities],
        "tasks": [(t.section_kind, t.enumerated, _at(t.span)) for t in report.tasks],
        "targets": [_at(t.span) for t in report.performance_targets],
        # a target's text may differ by a space where a wrapped line ends with a half-width mark
        "projects": [
            (len(p.name), _at(p.amount and p.amount.span), _at(p.target and p.target.span)) for p in report.projects
        ],
    }


@pytest.mark.parametrize("path", sorted(CORPUS.glob("0*.txt")), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_report_printed_half_width_reads_as_printed_full_width(path, variant, tmp_path):
    text = path.read_text(encoding="utf-8")
    printed = VARIANTS[variant](text)
    assert len(printed) == len(text)
    copy = tmp_path / path.name
    copy.write_text(printed, encoding="utf-8")
    assert skeleton(read_report(copy)) == skeleton(read_report_once(path))


@pytest.mark.parametrize(
    "line, heading",
    [
        ("一.2019年度收入支出决算总体情况说明", True),
        ("三.2020年工作计划", True),
        ("二．部门机构设置", True),
        ("一.1 工作目标", False),  # a numbering of its own, not the 一、 heading
    ],
)
def test_a_chinese_numeral_with_a_dot_before_a_year_is_a_heading(line, heading):
    from nlp.headings import parse_marker

    marker = parse_marker(line)
    assert (marker is not None and marker.style == "cn") == heading
