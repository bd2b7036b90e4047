"""The final account's own comparison of each item with its budget (nlp.comparisons → bkg:BudgetComparison →
the budget-vs-final query): read by hand from the 2016 final account (corpus 001), the 2019 one (004) and the
central 2024 one in the development set, and on variants written the other ways reports print them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import CORPUS, DEVSET, DEVSET_MANIFEST, MANIFEST, read_report_once, requires_devset

from kg.commands.query import bind_params, named_queries, rows_of, run
from kg.mapping import map_report
from kg.ontology import ontology_quads
from kg.resolve import default_resolver
from kg.store import Store
from kg.validate import validate_quads
from nlp.reader import read_report_bytes

QUERIES = named_queries()
F2016 = CORPUS / MANIFEST[1]["file"]  # 番禺区政务办 2016 年度部门决算
F2019 = CORPUS / MANIFEST[4]["file"]  # 从化区政数局 2019 年度部门决算
W = Decimal(10000)

# 001, lines 364–451, read by hand: (item, code from the report's own tables or None, final 万元, rate %, reason)
ITEMS_2016 = [
    ("一般公共预算财政拨款支出", None, "3152.74", "179.03", "年中调整增加科学技术支出2416.83万元"),
    ("行政运行", "2010301", "200.57", "113.00", "政策性调整"),
    ("一般行政管理事务", "2010302", "206.38", "35.02", "本年电子公务团队项目由一般行政管理事务调整到科学技术支出"),
    ("专项服务", "2010304", "54", "54.00", "按实际情况开支"),
    ("事业运行", "2010350", "63.12", "94.36", "按实际情况开支"),
    ("其他政府办公厅(室)及相关机构事务支出", "2010399", "68.86", "101.37", "政策性调整"),
    # the tables name 2100717 计划生育服务, and three rows print 3.85: no code is certain
    ("人口和计划生育目标责任制考核", None, "3.85", "100", None),
    ("科技条件专项", "2060503", "1997.74", "100.00", None),  # "科技条件专\n\n项1997.74万元"
    ("其他科技条件与服务支出", "2060599", "419.09", "100.00", None),
    ("行政事业单位离退休", "20805", "22.49", "114.98", None),  # after "社会保障和就业支出43.16万元,其中:"
    ("抚恤", "20808", "20.67", "100.00", None),
    ("住房公积金", "2210201", "40.39", "81.33", "年末新增一位退休人员"),
    ("购房补贴", "2210203", "55.59", "100.74", "政策性调整"),
    ('"三公"经费一般公共预算财政拨款支出', None, "12.01", "87.66", "执行中央文件规定,压缩经费开支"),
    ("因公出国(境)费", None, "6", "100.00", "本年度出访的国家和地区有所变化"),
    ("公务用车购置及运行维护费", None, "4.17", "99.29", "执行中央精神,以节约为原则,严格按规范要求用车"),
    ("公务接待费", None, "1.84", "52.57", "执行中央文件规定,压缩经费开支"),  # its figure two sentences back
    ("其他国有土地使用权出让收入及对应专项债务收入安排的支出", "2120899", "214.74", "100.00", None),
]


def squash(s: str | None) -> str | None:
    return None if s is None else re.sub(r"\s+", "", s)


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


def test_the_2016_final_account_item_by_item() -> None:
    r = read_report_once(F2016)
    got = [(c.item, c.code, c.final.printed, str(c.rate), squash(c.reason)) for c in r.budget_comparisons]
    assert got == [(i, c, f, rate, squash(why)) for i, c, f, rate, why in ITEMS_2016]
    raw = F2016.read_text(encoding="utf-8")
    for c in r.budget_comparisons:
        assert c.final.value == Decimal(c.final.printed) * W
        for span in (c.span, c.final.span, c.rate_span, c.reason_span):
            if span is not None:
                assert raw[span.start : span.end] == span.text
        assert c.final.span.start >= c.span.start and c.final.span.end <= c.span.end
        if c.reason_span:  # the statement's evidence reaches its reason
            assert c.reason_span.end <= c.span.end


def test_budgets_printed_or_derived() -> None:
    by_item = {c.item: c for c in read_report_once(F2016).budget_comparisons}
    total = by_item["一般公共预算财政拨款支出"]
    assert total.budget == Decimal("1129.88") * W and total.budget_derived is None  # printed: 年初预算1129.88 万元
    assert total.budget_printed.printed == "1129.88"
    # only the rate printed: final ÷ rate, to the 0.01 万元 the final amount is printed in
    assert (by_item["行政运行"].budget, by_item["行政运行"].budget_derived) == (Decimal("177.50") * W, "rate")
    assert by_item["一般行政管理事务"].budget == Decimal("589.32") * W
    assert by_item["专项服务"].budget == Decimal("100.00") * W
    # … which agrees with the budget column of the report's own 三公 table (表七: 6.00, 4.20, 3.50)
    assert by_item["因公出国(境)费"].budget == Decimal("6.00") * W
    assert by_item["公务用车购置及运行维护费"].budget == Decimal("4.20") * W
    assert by_item["公务接待费"].budget == Decimal("3.50") * W


def test_the_2019_final_account() -> None:
    by_item = {c.item: c for c in read_report_once(F2019).budget_comparisons}
    # "(4) 科学技术支出（类）技术与开发（款）产业技术研究与开发（项）17.64 万元，未有年初预算。"
    none = by_item["产业技术研究与开发"]
    assert none.budget == 0 and none.budget_stated_none and none.rate is None
    assert none.path == ("科学技术支出", "技术与开发")
    assert squash(none.reason).startswith("该项目是2019年从化区政府门户网站运维项目")
    # "基本支出 776 万元，比年初预算数增加 85.53 万元，完成年初预算的 112.0%": final less the increase, exactly
    basic = by_item["一般公共预算财政拨款本年基本支出"]
    assert (basic.budget, basic.budget_derived) == (Decimal("690.47") * W, "difference")
    # "“三公”经费财政拨款支出决算为 1.9 万元，完成预算 3.9 万元的 48.8%": the budget inside the rate's phrase
    three = by_item["“三公”经费财政拨款"]
    assert (three.final.printed, three.budget_printed.printed, three.rate) == ("1.9", "3.9", Decimal("48.8"))
    assert by_item["行政运行"].code == "2010301" and by_item["行政运行"].reason == "单位人员增加"


def test_a_budget_states_no_comparison() -> None:
    # a 部门预算 quoting last year's completion rate is no final account
    assert read_report_once(CORPUS / MANIFEST[2]["file"]).budget_comparisons == []
    text = F2016.read_text(encoding="utf-8").replace("2016 年度部门决算", "2016 年度部门预算", 1)
    r = report_of(text)
    assert r.phase.value == "budget" and r.budget_comparisons == []


STATEMENT = "其中:行政运行200.57万元,完成年初预算的113.00%,主要用于政务办人员基本费用支出及商品和服务支出。预决算产生差异的主要原因是政策性调整。"


@pytest.mark.parametrize(
    "variant,budget,derived",
    [
        # the central template: item named in a sentence of its own, both figures printed
        (
            "5.一般公共服务（类）发展与改革事务（款）行政运行（项）。年初预算为177.50万元，支出决算为200.57万元，"
            "完成年初预算的113.00%。决算数大于预算数的主要原因是政策性调整。",
            Decimal("177.50"),
            None,
        ),
        # in yuan, with separators, wrapped over lines
        (
            "（1）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）支出\n2,005,700.00元，比年初预算数增加\n"
            "230,700.00元，完成年初预算的113.00%。预决算产生差异的主要原因：政策性调整。",
            Decimal("177.50"),
            "difference",
        ),
        # the budget inside the rate's phrase
        (
            "行政运行支出决算为 200.57 万元，完成预算 177.50 万元的 113.00%；主要原因是政策性调整。",
            Decimal("177.50"),
            None,
        ),
        # the reason in a paragraph of its own
        (
            "其中:行政运行200.57万元,完成年初预算的113.00%,主要用于政务办人员基本费用支出及商品和服务支出。\n\n"
            "预决算产生差异的主要原因是政策性调整。",
            Decimal("177.50"),
            "rate",
        ),
        # a page number printed inside the statement (pdfplumber joins pages with one newline)
        (
            "其中:行政运行200.57万元,完成年初预\n- 14 -\n算的113.00%,主要用于政务办人员基本费用支出。预决算产生差异的主要原因是政策性调整。",
            Decimal("177.50"),
            "rate",
        ),
    ],
)
def test_statement_written_other_ways(variant: str, budget: Decimal, derived: str | None) -> None:
    text = F2016.read_text(encoding="utf-8")
    assert STATEMENT in text
    r = report_of(text.replace(STATEMENT, variant))
    (c,) = [c for c in r.budget_comparisons if c.item == "行政运行"]
    assert (c.code, c.final.value, c.budget, c.budget_derived) == ("2010301", Decimal("2005700"), budget * W, derived)
    assert c.rate == Decimal("113.00") and c.reason == "政策性调整"
    assert len(r.budget_comparisons) == len(ITEMS_2016)


# --- the graph and the named query -------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_2016() -> Store:
    st = Store()
    st.add(ontology_quads())
    st.add(map_report(read_report_once(F2016), resolver=default_resolver()).quads)
    return st


def ask(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    q = QUERIES[name]
    names, rows = rows_of(run(store, bind_params(q.text, q, params)))
    return [dict(zip(names, r)) for r in rows]


def test_budget_vs_final_answers_from_the_2016_final_account(store_2016: Store) -> None:
    rows = ask(store_2016, "budget-vs-final", agency="番禺区政务办")
    narrative = [r for r in rows if r["basis"] == "narrative"]
    assert [r["name"] for r in narrative] == [i for i, *_ in ITEMS_2016]
    assert {r["year"] for r in narrative} == {"2016"}
    row = next(r for r in narrative if r["name"] == "行政运行")
    assert (row["code"], Decimal(row["budget"]), Decimal(row["final"]), Decimal(row["difference"])) == (
        "2010301",
        Decimal("1775000"),
        Decimal("2005700"),
        Decimal("230700"),
    )
    assert (Decimal(row["rate"]), row["reason"], row["budgetDerivation"]) == (Decimal("113"), "政策性调整", "rate")
    total = narrative[0]
    assert (Decimal(total["budget"]), Decimal(total["final"]), total["budgetDerivation"]) == (
        Decimal("11298800"),
        Decimal("31527400"),
        "",
    )
    assert all(r["budget"] and r["final"] and r["rate"] for r in narrative)


@pytest.mark.slow  # builds and validates a store
def test_comparison_nodes_conform_and_a_broken_one_does_not() -> None:
    g = map_report(read_report_once(F2016))
    assert g.counts["budget_comparisons"] == len(ITEMS_2016)
    assert validate_quads(g.quads).conforms
    import pyoxigraph as ox

    final = ox.NamedNode("https://w3id.org/budgetkg/ontology#finalAmount")
    broken = [q for q in g.quads if not (q.predicate == final and q.subject.value.endswith("/budget-comparison/2"))]
    report = validate_quads(broken)
    assert not report.conforms
    assert any("finalAmount" in (v.message_en or "") for v in report.violations)


# --- the development set: the central template's final account --------------------------------------
STEMS = {row["stem"][:3]: row["stem"] for row in DEVSET_MANIFEST}


@requires_devset
def test_devset_final_account() -> None:
    r = read_report_once(DEVSET / "text" / f"{STEMS['203']}.txt")
    by_item = {c.item: c for c in r.budget_comparisons}
    # 14 功能科目 items (1.–14., read by hand), the total, the 三公 total and its 3 parts, 4 projects' own accounts
    assert len(r.budget_comparisons) == 23
    run_ = by_item["机关服务"]  # "3.…机关服务（项）。年\n19\n初预算为 222.6 万元…": a page number inside
    assert (run_.code, run_.budget_printed.printed, run_.final.printed, run_.rate) == (
        "2014003",
        "222.6",
        "229.19",
        Decimal("102.96"),
    )
    medical = by_item["行政单位医疗"]  # its sentence prints a budget of 0, a final figure and no rate
    assert (medical.budget, medical.final.printed, medical.rate) == (0, "497.53", None)
    assert by_item["归口管理的行政单位离退休"].code == "2080501"  # the tables print 行政单位离退休: the amount agrees
    assert by_item["信访研究宣传立法专项项目"].budget_printed.printed == "536.20"
    assert all(c.budget_derived is None for c in r.budget_comparisons if c.code)
