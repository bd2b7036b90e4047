"""A report published as several files (nlp.parts, kg.nodemaps): the tables alone, the 项目支出绩效目标表 alone,
or the narrative alone are each read, identified and said to be that part of the one agency-year report —
on files cut from the development set and the bundled corpus the way departments publish them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import CORPUS, DEVSET, DEVSET_TRAIN_MANIFEST, MANIFEST, read_report_once, requires_devset

from kg.mapping import map_report
from kg.validate import validate_quads
from nlp.layout import walk
from nlp.model import Phase
from nlp.reader import read_report_bytes

NARRATIVE_KINDS = ("explanation", "glossary", "responsibilities", "structure", "key_work")
ISPARTOF = "http://purl.org/dc/terms/isPartOf"
PART = "https://w3id.org/budgetkg/ontology#reportPart"


def report_of(text: str, name: str = "part.txt"):
    return read_report_bytes(text.encode("utf-8"), name)


def split(path):
    """(the tables alone, the text without them): each table from the title lines above its grid to its last
    row — where a table's span runs on into the narrative after it, that narrative stays with the text."""
    raw = path.read_text(encoding="utf-8")
    r = read_report_once(path)
    pieces: list[tuple[int, int]] = []
    for t in r.tables:
        a = raw.rfind("\n", 0, t.span.start) + 1
        for _ in range(3):  # number, title and label lines above the grid
            a = raw.rfind("\n", 0, max(a - 1, 0)) + 1
        end = t.span.end
        for sec in walk(r.sections):
            if sec.kind in NARRATIVE_KINDS and a < sec.span.start < end:
                end = sec.span.start
        if pieces and a < pieces[-1][1]:
            a = pieces[-1][1]
        pieces.append((a, end))
    tables = "\n".join(raw[a:b] for a, b in pieces)
    rest, pos = [], 0
    for a, b in pieces:
        rest.append(raw[pos:a])
        pos = b
    rest.append(raw[pos:])
    return r, tables, "".join(rest)


# the train split: what each report is (whole, narrative only) and names is asserted
STEMS = {row["stem"][:3]: row for row in DEVSET_TRAIN_MANIFEST}
WITH_TABLES = [k for k, row in STEMS.items() if row["has_coded_tables"] == "yes"]


@requires_devset
# the fast loop reads every fourth devset file and every narrative-only one; the full loop reads them all
@pytest.mark.parametrize(
    "key",
    [
        pytest.param(k, marks=[] if i % 4 == 0 or STEMS[k]["has_coded_tables"] != "yes" else [pytest.mark.slow])
        for i, k in enumerate(sorted(STEMS))
    ],
)
def test_devset_files_are_whole_reports_or_the_narrative(key: str) -> None:
    r = read_report_once(DEVSET / "text" / f"{STEMS[key]['stem']}.txt")
    # the three HTML pages carry the narrative; their tables were spreadsheet attachments
    assert r.part == (None if STEMS[key]["has_coded_tables"] == "yes" else "narrative")


@requires_devset
@pytest.mark.parametrize(
    "key", [pytest.param(k, marks=[] if i % 4 == 0 else [pytest.mark.slow]) for i, k in enumerate(sorted(WITH_TABLES))]
)  # every fourth in the fast loop
def test_devset_tables_alone_are_identified_as_that_part(key: str) -> None:
    row = STEMS[key]
    whole, tables, _ = split(DEVSET / "text" / f"{row['stem']}.txt")
    part = report_of(tables)
    assert part.part == "tables"
    # the labels above the tables name the agency (a 本级 / 汇总 qualifier is the cover's)
    assert (part.agency, part.fiscal_year, part.phase) == (whole.agency, whole.fiscal_year, whole.phase)
    # … so a tables file of a 本级 report says so when its labels do (深圳: 部门名称：深圳市统计局（本级）), not when
    # only the cover does
    assert part.agency_scope in (whole.agency_scope, None)
    scope = f"/{part.agency_scope}" if part.agency_scope else ""
    assert map_report(part).iri == map_report(whole).iri.removesuffix(f"/{whole.agency_scope}") + scope + "/part/tables"


@requires_devset
def test_devset_performance_target_forms_alone() -> None:
    # 202's three 绩效目标表 (lines 495–549 and 551–655, read by hand), as a file of their own
    lines = (DEVSET / "text" / f"{STEMS['202']['stem']}.txt").read_text(encoding="utf-8").split("\n")
    assert lines[494] == "信息化运行维护绩效目标表" and lines[655].startswith("第四部分")
    part = report_of("\n".join(lines[494:549] + lines[550:655]))
    assert (part.part, part.agency, part.fiscal_year, part.phase) == (
        "performance_targets",
        "国家信访局",
        2026,
        Phase.BUDGET,
    )
    assert part.agency_span.text == "国家信访局" and part.fiscal_year_span.text == "2026"


# --- always run: corpus 004 (the 2019 final account) published as two files ------------------------------
F2019 = CORPUS / MANIFEST[4]["file"]


def test_corpus_report_as_narrative_and_tables() -> None:
    whole, tables, text = split(F2019)
    assert whole.part is None
    t, n = report_of(tables, "tables.txt"), report_of(text, "text.txt")
    assert (t.part, n.part) == ("tables", "narrative")
    for r in (t, n):
        assert (r.agency, r.fiscal_year, r.phase) == (whole.agency, whole.fiscal_year, whole.phase)
    assert len(t.tables) == len(whole.tables) and not n.tables
    assert len(n.responsibilities) == len(whole.responsibilities) and not t.responsibilities
    # the graph: the narrative keeps the report's IRI, the tables hang off it
    gw, gt, gn = map_report(whole), map_report(t), map_report(n)
    assert gn.iri == gw.iri and gt.iri == gw.iri + "/part/tables"
    quads = {(q.subject.value, q.predicate.value, q.object.value) for q in gt.quads}
    assert (gt.iri, ISPARTOF, gw.iri) in quads and (gt.iri, PART, "tables") in quads
    assert (gn.iri, PART, "narrative") in {(q.subject.value, q.predicate.value, q.object.value) for q in gn.quads}
    assert not any(q.predicate.value == ISPARTOF for q in gw.quads)
    for g in (gt, gn):
        assert validate_quads(g.quads).conforms
    # both files in one store: two graphs, neither replacing the other
    store = ox.Store()
    store.extend(gt.quads + gn.quads)
    assert {g.value for g in store.named_graphs()} == {gt.iri, gn.iri}


FORM = """信访业务培训绩效目标表
(2026 年度)
项目名称 信访业务培训
主管部门及代
[292]宁波市信访局 实施单位 宁波市信访局本级
码
年度资金总额： 180.61
其中：财政拨款 180.61
年度总体目标 组织开展全市信访干部业务培训，提升依法依规处理信访问题能力。
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 培训人次 ≥500人次
效益指标 社会效益指标 培训对象满意度 ≥90%
满意度指标 服务对象满意度指标 参训人员满意度 ≥90%
"""


def test_a_made_up_performance_target_form_alone() -> None:
    r = report_of(FORM)
    assert (r.part, r.agency, r.fiscal_year, r.phase) == ("performance_targets", "宁波市信访局", 2026, Phase.BUDGET)
    assert map_report(r).iri.endswith("/宁波市信访局/2026/budget/part/performance-targets")
    self_assessment = report_of(FORM.replace("绩效目标表", "绩效自评表").replace("2026", "2025"))
    assert (self_assessment.fiscal_year, self_assessment.phase) == (2025, Phase.FINAL_ACCOUNT)
