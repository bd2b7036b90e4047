"""Named queries (queries/*.rq) on graphs built from hand-made reports, and on the bundled corpus.

Hand-made reports give exact expected answers (every figure below is written here, not taken
from the program); the corpus tests check facts printed in the raw reports.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.commands.query import bind_params, named_queries, rows_of, run
from kg.mapping import map_report
from kg.ontology import ontology_quads
from kg.resolve import default_resolver
from kg.store import Store
from kg.summaries import summarise
from nlp.model import (
    Amount,
    Classification,
    Column,
    Link,
    Mention,
    Phase,
    Project,
    Report,
    Responsibility,
    SourceFile,
    Span,
    Table,
    TableRow,
)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = named_queries()
ZWB = "广州市番禺区人民政府政务管理办公室"  # 番禺区政务办, before the 2019 reform
ZSJ = "广州市番禺区政务服务数据管理局"  # after


def sp(i: int, text: str = "x") -> Span:
    return Span(i, i + len(text), text, 1)


def wan(printed: str, at: int) -> Amount:
    return Amount(Decimal(printed.replace(",", "")) * 10000, printed, "万元", sp(at, printed))


def report(agency: str, year: int, phase: Phase, sha: str, **kw) -> Report:
    return Report(
        source=SourceFile(f"{sha}.txt", f"{sha}.txt", sha * 64, "utf-8", 1000),
        agency=agency,
        agency_short=None,
        agency_span=None,
        district="番禺区",
        fiscal_year=year,
        fiscal_year_span=None,
        phase=phase,
        phase_span=None,
        **kw,
    )


def project(name: str, printed: str, at: int) -> Project:
    return Project(name, None, wan(printed, at), {}, sp(at, name))


def mention(text: str, label: str, at: int, canonical: str | None = None) -> Mention:
    return Mention(text, label, sp(at, text), canonical or text, "gazetteer")


def functional_table(rows: list[tuple[str, str, str | None, str | None]], columns: list[Column]) -> Table:
    return Table(
        "表3",
        "支出总表",
        "万元",
        Classification.FUNCTIONAL,
        columns,
        [
            TableRow(code, name, len(code) // 2, [wan(v, 500 + i) if v else None for v in values], sp(500 + i))
            for i, (code, name, *values) in enumerate(rows)
        ],
        sp(499),
    )


def hand_made_reports() -> list[Report]:
    r2018 = report(
        ZWB,
        2018,
        Phase.BUDGET,
        "a",
        responsibilities=[
            Responsibility(ZWB, 1, "推进民生卡应用。", sp(10, "推进民生卡应用。")),
            Responsibility(ZWB, 2, "管理政务晓屋。", sp(30, "管理政务晓屋。")),
        ],
        projects=[project("民生卡发放经费", "30.00", 100)],
        mentions=[
            mention("民生卡", "Platform", 12),
            mention("政务晓屋", "Platform", 32),
            mention("民生卡", "Platform", 101),
        ],
        links=[Link("project:1", "funds", "entity:民生卡")],
        tables=[
            functional_table(
                [("201", "一般公共服务支出", "100.00"), ("20103", "政府办公厅（室）及相关机构事务", "100.00")],
                [Column(0, "合计", "total")],
            )
        ],
    )
    r2024 = report(
        ZSJ,
        2024,
        Phase.BUDGET,
        "b",
        responsibilities=[
            Responsibility(ZSJ, 1, "负责民生卡项目建设。", sp(10, "负责民生卡项目建设。")),
            Responsibility(ZSJ, 2, "负责政务晓屋运营。", sp(30, "负责政务晓屋运营。")),
            Responsibility(ZSJ, 3, "负责内部管理。", sp(50, "负责内部管理。")),
        ],
        projects=[
            project("民生卡应用推广经费", "14.00", 100),
            project("民生卡APP运维经费", "5.00", 200),
            project("办公经费", "9.00", 300),
        ],
        mentions=[
            mention("民生卡", "Platform", 12),
            mention("政务晓屋", "Platform", 32),
            mention("民生卡", "Platform", 101),
            mention("民生卡APP", "Platform", 201),
        ],
        links=[Link("project:1", "funds", "entity:民生卡"), Link("project:2", "funds", "entity:民生卡APP")],
        tables=[
            functional_table(
                [("201", "一般公共服务支出", "120.00"), ("20103", "政府办公厅（室）及相关机构事务", "120.00")],
                [Column(0, "合计", "total")],
            )
        ],
    )
    f2024 = report(
        ZSJ,
        2024,
        Phase.FINAL_ACCOUNT,
        "c",
        tables=[
            functional_table(
                [("201", "一般公共服务支出", "110.50"), ("20103", "政府办公厅（室）及相关机构事务", "110.50")],
                [Column(0, "合计", "total")],
            )
        ],
    )
    return [r2018, r2024, f2024]


@pytest.fixture(scope="module")
def store() -> Store:
    st = Store()
    st.add(ontology_quads())
    for r in hand_made_reports():
        mapped = map_report(r, resolver=default_resolver())
        st.add(mapped.quads)
        st.add(summarise(mapped.iri, mapped.quads))  # as the build stores it (kg.summaries)
    return st


def ask(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    q = QUERIES[name]
    names, rows = rows_of(run(store, bind_params(q.text, q, params)))
    return [dict(zip(names, r)) for r in rows]


def test_every_query_has_a_title_description_and_documented_params() -> None:
    assert {
        "funding-by-platform",
        "responsibilities-without-funded-entity",
        "agency-projects-targets",
        "agency-responsibilities-entities",
        "budget-vs-final",
        "classification-subtree",
        "shared-entities-across-districts",
    } <= set(QUERIES)
    readme = (ROOT / "queries" / "README.md").read_text(encoding="utf-8")
    for name, q in QUERIES.items():
        assert q.title != name and q.description, name
        assert all(p.description for p in q.params), name
        assert f"`{name}`" in readme, f"{name} is not in queries/README.md"


def test_funding_by_platform_sums_projects_per_report_including_parts(store: Store) -> None:
    rows = ask(store, "funding-by-platform", platform="民生卡")
    got = {(r["year"], r["phase"]): (Decimal(r["funding"]), int(r["projects"])) for r in rows}
    assert got == {("2018", "Budget"): (Decimal("300000"), 1), ("2024", "Budget"): (Decimal("190000"), 2)}
    # an alt label names the same platform
    assert ask(store, "funding-by-platform", platform="番禺民生卡") == rows
    assert ask(store, "funding-by-platform", platform="政务晓屋") == []


def test_responsibilities_without_funded_entity(store: Store) -> None:
    rows = ask(store, "responsibilities-without-funded-entity", agency=ZSJ)
    assert [(r["year"], r["ordinal"], r["mentions"]) for r in rows] == [("2024", "2", "1"), ("2024", "3", "0")]
    # the predecessor is another agency with its own reports; its short name finds it
    rows = ask(store, "responsibilities-without-funded-entity", agency="番禺区政务办")
    assert [(r["year"], r["ordinal"]) for r in rows] == [("2018", "2")]


def test_agency_projects_targets(store: Store) -> None:
    rows = ask(store, "agency-projects-targets", agency=ZSJ)
    assert {(r["name"], Decimal(r["amount"]), r["funds"]) for r in rows} == {
        ("民生卡应用推广经费", Decimal("140000"), "民生卡"),
        ("民生卡APP运维经费", Decimal("50000"), "民生卡APP"),
        ("办公经费", Decimal("90000"), ""),
    }


def test_agency_responsibilities_entities(store: Store) -> None:
    rows = ask(store, "agency-responsibilities-entities", agency=ZSJ)
    assert [(r["ordinal"], r["entities"]) for r in rows] == [("1", "民生卡"), ("2", "政务晓屋"), ("3", "")]


def test_budget_vs_final_same_year(store: Store) -> None:
    rows = ask(store, "budget-vs-final", agency=ZSJ)
    got = {(r["year"], r["code"]): (Decimal(r["budget"]), Decimal(r["final"]), Decimal(r["difference"])) for r in rows}
    assert got == {
        ("2024", "201"): (Decimal("1200000"), Decimal("1105000"), Decimal("-95000")),
        ("2024", "20103"): (Decimal("1200000"), Decimal("1105000"), Decimal("-95000")),
    }


def test_budget_vs_final_reads_the_phase_and_year_of_each_figure() -> None:
    """A 2023 决算 printing 预算数, 决算数 and 2022年决算数 columns; a 2022 预算. Each figure counts in the phase and
    the year its column states (the Data Cube dimensions), not in its report's."""
    columns = [
        Column(0, "预算数", "total", phase=Phase.BUDGET),
        Column(1, "决算数", "total", phase=Phase.FINAL_ACCOUNT),
        Column(2, "2022年决算数", "total", phase=Phase.FINAL_ACCOUNT, year=2022),
    ]
    final_2023 = report(
        ZSJ,
        2023,
        Phase.FINAL_ACCOUNT,
        "d",
        tables=[functional_table([("201", "一般公共服务支出", "100.00", "95.00", "80.00")], columns)],
    )
    budget_2022 = report(
        ZSJ,
        2022,
        Phase.BUDGET,
        "e",
        tables=[functional_table([("201", "一般公共服务支出", "90.00")], [Column(0, "合计", "total")])],
    )
    st = Store()
    st.add(ontology_quads())
    for r in (final_2023, budget_2022):
        mapped = map_report(r, resolver=default_resolver())
        st.add(mapped.quads)
        st.add(summarise(mapped.iri, mapped.quads))  # as the build stores it (kg.summaries)
    got = {
        (r["year"], r["code"]): (Decimal(r["budget"]), Decimal(r["final"]))
        for r in ask(st, "budget-vs-final", agency=ZSJ)
    }
    assert got == {
        ("2023", "201"): (Decimal("1000000"), Decimal("950000")),
        ("2022", "201"): (Decimal("900000"), Decimal("800000")),
    }


def test_classification_subtree_counts_leaves_only(store: Store) -> None:
    rows = ask(store, "classification-subtree", code="201")
    got = sorted((r["year"], r["phase"], Decimal(r["total"]), r["lineItems"]) for r in rows)
    assert got == [
        ("2018", "Budget", Decimal("1000000"), "1"),
        ("2024", "Budget", Decimal("1200000"), "1"),
        ("2024", "FinalAccount", Decimal("1105000"), "1"),
    ]


def test_agency_lineage_links_the_2019_reform(store: Store) -> None:
    rows = ask(store, "agency-lineage", agency=ZSJ)
    got = {(r["name"], r["relation"], r["year"], r["phase"]) for r in rows}
    assert (ZWB, "predecessor", "2018", "Budget") in got
    assert (ZSJ, "self", "2024", "FinalAccount") in got
    assert all(r["changeDate"] == "2019" for r in rows if r["relation"] == "predecessor")


# --- the bundled corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Store:
    from kg.build import build

    data = tmp_path_factory.mktemp("corpus-data")
    build(sorted((ROOT / "corpus").glob("*.txt")), data, validate=False)
    return Store(data, read_only=True)


@pytest.mark.slow
def test_corpus_minshengka_funding_2024(corpus_store: Store) -> None:
    """002 (2024 budget) prints the project 民生卡应用推广经费 at 14.00 万元 (line 1044 of the raw file)."""
    rows = ask(corpus_store, "funding-by-platform", platform="民生卡")
    r2024 = [r for r in rows if r["year"] == "2024"]
    assert r2024 and "民生卡应用推广经费" in r2024[0]["projectNames"]
    assert Decimal(r2024[0]["funding"]) >= Decimal("140000")


@pytest.mark.slow
def test_corpus_responsibility_naming_minshengka_is_funded(corpus_store: Store) -> None:
    """002's responsibility （十一） names 民生卡, which 民生卡应用推广经费 funds: it is not listed; others are."""
    raw = (ROOT / "corpus" / "002_1b1d794f3255dab3.txt").read_text(encoding="utf-8")
    assert "（十一）负责辖区内民生卡" in raw
    rows = ask(corpus_store, "responsibilities-without-funded-entity", agency=ZSJ)
    listed = [r for r in rows if r["year"] == "2024"]
    assert listed, "some responsibilities name nothing a project funds"
    assert all("民生卡" not in r["text"] for r in listed)


@pytest.mark.slow
def test_corpus_every_query_runs(corpus_store: Store) -> None:
    for name in QUERIES:
        ask(corpus_store, name)
