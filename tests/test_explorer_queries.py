"""The named queries behind the explorer's pictures (queries/*.rq), on the ontology, on hand-made reports and on
the bundled corpus.  Expected figures are read from the raw reports by hand (line numbers given), never copied from
the program's output."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph

from kg.commands.query import bind_params, named_queries, rows_of, run
from kg.ontology import ontology_quads
from kg.store import Store
from kg.summaries import summarise

ROOT = Path(__file__).resolve().parent.parent
QUERIES = named_queries()
BKG = "https://w3id.org/budgetkg/ontology#"


def ask(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    q = QUERIES[name]
    names, rows = rows_of(run(store, bind_params(q.text, q, params)))
    return [dict(zip(names, r)) for r in rows]


@pytest.fixture(scope="module")
def ontology_store() -> Store:
    st = Store()
    st.add(ontology_quads())
    return st


def test_ontology_terms_are_the_declared_classes_and_properties(ontology_store: Store) -> None:
    g = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    classes = {str(s) for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith("http")}
    properties = {
        str(s)
        for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith("http")
    }
    rows = ask(ontology_store, "ontology-terms")
    assert {r["term"] for r in rows if r["kind"] == "class"} == classes
    assert {r["term"] for r in rows if r["kind"] == "property"} == properties - classes
    by_term = {r["term"]: r for r in rows}
    assert (by_term[BKG + "funds"]["label"], by_term[BKG + "funds"]["labelEn"]) == ("资助", "funds")
    assert by_term[BKG + "Project"]["kind"] == "class" and by_term[BKG + "Project"]["label"] == "项目"
    assert len(rows) == len(by_term)  # one row per term, whatever the number of labels


# --- on the bundled corpus ------------------------------------------------------------------------------------

REPORT_2024 = "https://w3id.org/budgetkg/id/report/广州市番禺区政务服务数据管理局/2024/budget"


@pytest.fixture(scope="module")
def corpus_store(corpus_data_dir) -> Store:
    return Store(corpus_data_dir, read_only=True)


def total(rows, **match) -> Decimal:
    return sum((Decimal(r["amount"]) for r in rows if all(r[k] == v for k, v in match.items())), Decimal(0))


@pytest.mark.slow
def test_funding_flow_2024_bands(corpus_store: Store) -> None:
    """002 (2024 budget): 合计 8,084.71 万元 = 基本 1,217.88 + 项目 6,866.83 (表3, line 408); 表11 lists 基本支出
    by unit (本级 775.89, 政务服务中心 441.99), 表12 the projects by unit (本级 6,028.01, 中心 838.82)."""
    rows = ask(corpus_store, "funding-flow", report=REPORT_2024)
    assert {r["stage"] for r in rows} == {"unit", "type", "class", "subclass", "project", "funds"}
    agency = "https://w3id.org/budgetkg/id/agency/panyu-zsj"
    assert total(rows, stage="unit", source=agency) == Decimal("80847100")
    assert total(rows, stage="type") == Decimal("80847100")
    assert total(rows, stage="type", target="https://w3id.org/budgetkg/id/concept/measure/basic") == Decimal("12178800")
    centre = [r for r in rows if r["stage"] == "unit" and r["targetLabel"] == "广州市番禺区政务服务中心"]
    assert [Decimal(r["amount"]) for r in centre] == [Decimal("4419900") + Decimal("8388200")]
    assert total(rows, stage="project") == Decimal("68668300")
    # class bands: 基本支出 in every picture, 项目支出 only when it continues by classification
    assert {r["view"] for r in rows if r["stage"] == "class" and r["sourceLabel"] == "项目支出"} == {
        "by-classification"
    }
    # 206 科学技术支出 is all 项目支出 (1,452.09 万): by project its 款/项 carry nothing, so they are not drawn
    sub206 = [r for r in rows if r["stage"] == "subclass" and r["target"].endswith("/functional/20605")]
    assert [(r["view"], Decimal(r["amount"])) for r in sub206] == [("by-classification", Decimal("14520900"))]
    funds = {
        r["targetLabel"]: (r["sourceLabel"], Decimal(r["amount"]), r["shares"]) for r in rows if r["stage"] == "funds"
    }
    assert funds["民生卡"] == ("民生卡应用推广经费", Decimal("140000"), "1")
    assert len(rows) == len({(r["stage"], r["view"], r["source"], r["target"]) for r in rows})  # no repeated band


@pytest.mark.slow
def test_funding_flow_without_tables_is_empty_and_reports_lists_totals(corpus_store: Store) -> None:
    """000 (2018 budget) prints no table: no band; reports gives each report's 合计 or nothing."""
    no_tables = "https://w3id.org/budgetkg/id/report/广州市番禺区人民政府政务管理办公室/2018/budget"
    assert ask(corpus_store, "funding-flow", report=no_tables) == []
    reports = {r["report"]: r for r in ask(corpus_store, "reports")}
    assert len(reports) == 5
    assert reports[no_tables]["total"] == "" and reports[REPORT_2024]["total"] == "80847100"
    assert reports[REPORT_2024]["agencyName"] == "广州市番禺区政务服务数据管理局"


@pytest.mark.slow
def test_spending_by_classification_tree(corpus_store: Store) -> None:
    rows = ask(corpus_store, "spending-by-classification", report=REPORT_2024)
    by_code = {r["code"]: r for r in rows}
    # 表3 (lines 410-460): 201 6,317.63 万 = 20103; 2010302 一般行政管理事务 4,665.36 万, all 项目支出
    assert Decimal(by_code["201"]["total"]) == Decimal("63176300") and by_code["201"]["level"] == "3"
    assert by_code["20103"]["parent"] == "201" and by_code["2010302"]["parent"] == "20103"
    assert (Decimal(by_code["2010302"]["basic"]), Decimal(by_code["2010302"]["project"])) == (0, Decimal("46653600"))
    assert by_code["2010399"]["name"] == "其他政府办公厅（室）及相关机构事务支出"  # printed over two lines, joined
    assert sum(Decimal(r["total"]) for r in rows if r["level"] == "3") == Decimal("80847000")
    assert {r["phase"] for r in rows} == {BKG + "Budget"}


def test_an_iri_default_is_written_in_angle_brackets() -> None:
    from kg.queries import parse

    q = parse(
        "# title: t\n# description: d\n# param: report (iri) = <https://w3id.org/budgetkg/id/report/a/2024/budget> — the report\n"
        "SELECT * WHERE { ?report ?p ?o }",
        "t",
    )
    assert (q.params[0].type, q.params[0].default, q.params[0].description) == (
        "iri",
        "https://w3id.org/budgetkg/id/report/a/2024/budget",
        "the report",
    )
    q = parse(
        "# title: t\n# description: d\n# param: year (xsd:gYear) = 2018 — a year\nSELECT * WHERE { ?s ?p ?year }", "t"
    )
    assert (q.params[0].default, q.params[0].description) == ("2018", "a year")


@pytest.mark.slow
def test_responsibility_funding_2024(corpus_store: Store) -> None:
    """002: （十一） names 民生卡 (line 87), funded by 民生卡应用推广经费 14.00 万元; （二） names 行政审批制度改革,
    which no project of the report funds; （十二） names no platform or reform."""
    rows = ask(corpus_store, "responsibility-funding", report=REPORT_2024)
    bureau = [r for r in rows if r["holder"] == "https://w3id.org/budgetkg/id/agency/panyu-zsj"]
    assert {r["ordinal"] for r in bureau} == {str(i) for i in range(1, 13)}
    r11 = [r for r in bureau if r["ordinal"] == "11" and r["entityName"] == "民生卡"]
    assert [(r["projectName"], Decimal(r["amount"]), r["entityType"]) for r in r11] == [
        ("民生卡应用推广经费", Decimal("140000"), "Platform")
    ]
    r2 = [r for r in bureau if r["ordinal"] == "2"]
    assert [(r["entityName"], r["project"]) for r in r2] == [("行政审批制度改革", "")]
    assert [(r["entity"], r["project"]) for r in bureau if r["ordinal"] == "12"] == [("", "")]
    assert all(r["holderName"] for r in rows)


# --- on hand-made reports: variants the corpus does not have ---------------------------------------------------


def expenditure_table(columns, rows, title="支出总表"):
    """A 支出总表 (kind "expenditure") printed in 万元: rows of (code, name, amounts…); no code = the 合计 row."""
    from nlp.model import Classification, Table, TableRow
    from tests.test_queries import sp, wan

    return Table(
        "表3",
        title,
        "万元",
        Classification.FUNCTIONAL,
        columns,
        [
            TableRow(
                code,
                name,
                len(code) // 2 if code else 0,
                [wan(v, 600 + 10 * i + j) if v else None for j, v in enumerate(values)],
                sp(600 + 10 * i),
                is_total=code is None,
            )
            for i, (code, name, *values) in enumerate(rows)
        ],
        sp(599),
        kind="expenditure",
    )


@pytest.fixture(scope="module")
def variant_store() -> Store:
    from kg.mapping import map_report
    from kg.resolve import default_resolver
    from nlp.model import Column, Link, Phase
    from tests.test_queries import mention, project, report

    agency = "广州市某区政务服务数据管理局"
    # a budget without budget units: agency → 基本/项目支出 directly; one project funds two platforms
    budget = report(
        agency,
        2024,
        Phase.BUDGET,
        "d",
        projects=[project("民生卡与政务晓屋运营经费", "30.00", 100), project("办公设备购置", "5.50", 200)],
        mentions=[mention("民生卡", "Platform", 101), mention("政务晓屋", "Platform", 104)],
        links=[Link("project:1", "funds", "entity:民生卡"), Link("project:1", "funds", "entity:政务晓屋")],
        tables=[
            expenditure_table(
                [Column(0, "合计", "total"), Column(1, "基本支出", "basic"), Column(2, "项目支出", "project")],
                [
                    (None, "合计", "135.50", "100.00", "35.50"),
                    ("201", "一般公共服务支出", "135.50", "100.00", "35.50"),
                    ("20103", "政府办公厅（室）及相关机构事务", "135.50", "100.00", "35.50"),
                    ("2010301", "行政运行", "100.00", "100.00", "0.00"),
                    ("2010302", "一般行政管理事务", "35.50", "0.00", "35.50"),
                ],
            )
        ],
    )
    # a final account printing 预算数 beside 决算数, and the year before's 决算数
    final = report(
        agency,
        2023,
        Phase.FINAL_ACCOUNT,
        "e",
        tables=[
            expenditure_table(
                [
                    Column(0, "预算数", "total", phase=Phase.BUDGET),
                    Column(1, "决算数", "total", phase=Phase.FINAL_ACCOUNT),
                    Column(2, "2022年决算数", "total", phase=Phase.FINAL_ACCOUNT, year=2022),
                ],
                [
                    (None, "合计", "120.00", "118.40", "99.00"),
                    ("201", "一般公共服务支出", "120.00", "118.40", "99.00"),
                    ("20103", "政府办公厅（室）及相关机构事务", "120.00", "118.40", "99.00"),
                ],
                title="支出决算表",
            )
        ],
    )
    st = Store()
    st.add(ontology_quads())
    for r in (budget, final):
        mapped = map_report(r, resolver=default_resolver())
        st.add(mapped.quads)
        st.add(summarise(mapped.iri, mapped.quads))  # as the build stores it (kg.summaries)
    return st


def report_iri(store: Store, year: str) -> str:
    rows = ask(store, "reports")
    return next(r["report"] for r in rows if r["year"] == year)


def test_funding_flow_without_units_and_a_project_funding_two_platforms(variant_store: Store) -> None:
    rows = ask(variant_store, "funding-flow", report=report_iri(variant_store, "2024"))
    assert not [r for r in rows if r["stage"] == "unit"]
    types = {r["targetLabel"]: Decimal(r["amount"]) for r in rows if r["stage"] == "type"}
    assert types == {"基本支出": Decimal("1000000"), "项目支出": Decimal("355000")}
    assert sum(types.values()) == Decimal("1355000")  # the 合计 row: 135.50 万元
    funds = [
        (r["sourceLabel"], r["targetLabel"], Decimal(r["amount"]), r["shares"]) for r in rows if r["stage"] == "funds"
    ]
    assert sorted(funds) == [
        ("民生卡与政务晓屋运营经费", "政务晓屋", Decimal("300000"), "2"),
        ("民生卡与政务晓屋运营经费", "民生卡", Decimal("300000"), "2"),
    ]
    # by project, 20103's 款 → 项 bands carry 合计 less 项目支出: only 行政运行 (100.00 万) is left
    by_project = [
        (r["targetLabel"], Decimal(r["amount"])) for r in rows if r["stage"] == "subclass" and r["view"] == "by-project"
    ]
    assert sorted(by_project) == [
        ("20103 政府办公厅（室）及相关机构事务", Decimal("1000000")),
        ("2010301 行政运行", Decimal("1000000")),
    ]


def test_spending_by_classification_keeps_budget_and_final_columns_apart(variant_store: Store) -> None:
    rows = ask(variant_store, "spending-by-classification", report=report_iri(variant_store, "2023"))
    got = {(r["code"], r["phase"].rsplit("#", 1)[-1]): Decimal(r["total"]) for r in rows}
    assert got == {
        ("201", "Budget"): Decimal("1200000"),
        ("201", "FinalAccount"): Decimal("1184000"),
        ("20103", "Budget"): Decimal("1200000"),
        ("20103", "FinalAccount"): Decimal("1184000"),
    }
    # the flow of a final account reads only what was spent that year: not its 预算数, not the 2022 column
    flow = ask(variant_store, "funding-flow", report=report_iri(variant_store, "2023"))
    assert {Decimal(r["amount"]) for r in flow} == {Decimal("1184000")}


@pytest.mark.slow
def test_agency_reports_finds_a_budget_units_reports(corpus_store: Store) -> None:
    """政务服务中心 has no report of its own; 002 lists its responsibilities (lines 95-114) and its projects (表12)."""
    rows = ask(corpus_store, "agency-reports", agency="https://w3id.org/budgetkg/id/agency/panyu-service-centre")
    assert [(r["report"], r["year"]) for r in rows] == [(REPORT_2024, "2024")]
    assert set(rows[0]["roles"].split(", ")) == {"budget unit", "responsibilities"}
    own = ask(corpus_store, "agency-reports", agency="https://w3id.org/budgetkg/id/agency/panyu-zsj")
    assert [r["report"] for r in own] == [REPORT_2024] and "reporting" in own[0]["roles"]
