"""A project funds the platform its name names, also when the gazetteer does not know it (issue 13):
report 224 (珠海市商务局, 2026 budget, a province and city the gazetteer has no entry for) prints the
project 跨境电商公共服务平台(运维费) at 35.76 万元."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import DEVSET, requires_devset


@pytest.fixture(scope="module")
def report224():
    from kg.gazetteer import project_resolver
    from nlp import read_report

    return read_report(
        DEVSET / "text" / "224_zhuhai-shangwuju-2026-yusuan.txt", entities=True, gazetteer=project_resolver()
    )


@requires_devset
def test_an_unknown_platform_is_found_and_funded_by_its_project(report224):
    from kg.gazetteer import project_resolver

    [(i, project)] = [(i, p) for i, p in enumerate(report224.projects, 1) if p.name.startswith("跨境电商公共服务平台")]
    assert project.amount.value == Decimal("357600.00")
    funded = {link.object for link in report224.links if link.subject == f"project:{i}" and link.predicate == "funds"}
    assert funded == {"entity:珠海市跨境电商公共服务平台"}  # scoped by the report's jurisdiction (珠海市)
    assert project_resolver().lookup("跨境电商公共服务平台") is None  # not a gazetteer name
    [mention] = [
        m
        for m in report224.mentions
        if m.span.start >= project.span.start and m.label == "Platform" and m.span.end <= project.span.end
    ]
    assert (mention.text, mention.source) == ("跨境电商公共服务平台", "pattern")


@requires_devset
def test_the_funding_link_reaches_the_graph(report224):
    from kg.mapping import map_report
    from kg.resolve import default_resolver

    quads = map_report(report224, resolver=default_resolver()).quads
    funds = [(q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith("#funds")]
    assert any(o.endswith("/platform/珠海市跨境电商公共服务平台") for _, o in funds), funds
