"""The classification code lists (ontology/codelists/) against the corpus and against themselves.

The corpus scan here is deliberately independent of nlp.tables: a table row is a line that starts with a
classification code — plain (``2010301``), bracketed (``[2010301]``), or split over the 类/款/项 columns
(``212<TAB>08<TAB>99``) — followed by a name and at least one amount.  Every such code must be in a code list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD, Namespace

from kg.namespace import BKG, ID
from kg.ontology import ontology_graph
from tests.conftest import CORPUS_FILES, MANIFEST

SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
FUNCTIONAL = URIRef(ID["classification/functional"])
ECONOMIC = URIRef(ID["classification/economic"])
LEVEL_OF_LENGTH = {3: 1, 5: 2, 7: 3, 9: 4}
REVENUE = URIRef(ID["classification/revenue"])

_FULLWIDTH = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}, "\u3000": " "})
_AMOUNT = re.compile(r"(?<![\d.])\d{1,3}(?:,\s?\d{3})*(?:\.\s?\d{2})(?![\d])|(?<![\d.])\d+\.\s?\d{2}(?![\d])")
# "2010301 name", "[2010301]name", "\t2010301\tname"
_PLAIN_CODE = re.compile(r"^\s*\[?(\d{3}|\d{5}|\d{7})\]?(?=[\s\u3400-\u9fff])\s*(.*)$")
# "212\t08\t99\tname": the code printed over the 类, 款 and 项 columns
_SPLIT_CODE = re.compile(r"^\s*(\d{3})\t(\d{2})(?:\t(\d{2}))?\t+(.*)$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_TOTAL_ROW = re.compile(r"合\s*计|总\s*计|小\s*计")


def scan_codes(text: str) -> list[tuple[str, str, int]]:
    """(code, printed name, line number) of every table row of a report that starts with a code."""
    rows = []
    for number, line in enumerate(text.translate(_FULLWIDTH).splitlines(), start=1):
        split = _SPLIT_CODE.match(line)
        if split:
            code, rest = "".join(part for part in split.groups()[:3] if part), split.group(4)
        else:
            plain = _PLAIN_CODE.match(line)
            if not plain:
                continue
            code, rest = plain.groups()
        name = rest.strip()
        # a row: a name in Chinese, then amounts; total rows carry no code (what precedes 合计 is OCR noise)
        if not _CJK.match(name) or _TOTAL_ROW.search(name) or not _AMOUNT.search(name):
            continue
        rows.append((code, _AMOUNT.split(name)[0].strip(), number))
    return rows


def scheme_of(code: str) -> URIRef:
    # 支出功能分类 classes are 2xx, 支出经济分类 classes 3xx (部门预算支出经济分类科目)
    return FUNCTIONAL if code.startswith("2") else ECONOMIC


def concept_iri(code: str) -> URIRef:
    kind = "functional" if scheme_of(code) == FUNCTIONAL else "economic"
    return URIRef(ID[f"classification/{kind}/{code}"])


@pytest.fixture(scope="module")
def graph() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def corpus_codes() -> dict[str, list[tuple[str, str, int]]]:
    """{code: [(file, printed name, line)]} over the whole corpus."""
    found: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for path in CORPUS_FILES:
        for code, name, line in scan_codes(path.read_text(encoding="utf-8")):
            found[code].append((path.name, name, line))
    return found


def concepts(graph: Graph, scheme: URIRef) -> list[URIRef]:
    """The codes of a code list (not the Data Cube's declared codes for total / not applicable, also members)."""
    declared = set(graph.subjects(SKOS.inScheme, URIRef("https://w3id.org/budgetkg/id/scheme/declared-codes")))
    return sorted(s for s in graph.subjects(SKOS.inScheme, scheme) if isinstance(s, URIRef) and s not in declared)


# --- the scanner itself -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2010301\t行政运行\t200.57\t200.57", [("2010301", "行政运行")]),
        ("2010301 　　行政运行 606.74 606.74", [("2010301", "行政运行")]),
        ("　[30101]基本工资 129.35", [("30101", "基本工资")]),
        ("２１２０８９９ 其他支出 １.００", [("2120899", "其他支出")]),
        ("212\t08\t\t国有土地使用权出让收入 0.00\t214.74", [("21208", "国有土地使用权出让收入")]),
        ("212\t08\t99\t其他支出\t1.00", [("2120899", "其他支出")]),
        ("\t357\t78\t合 计\t3, 367. 47\t475.52", []),  # a total row: no code
        ("2018 年部门收支总预算 2,097.62 万元", []),  # a year, not a code
        ("700余项事项信息自助查询和", []),  # narrative: no amount
        ("108.35 138.87", []),
    ],
)
def test_scanner_reads_codes_of_table_rows(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(code, name) for code, name, _ in scan_codes(line)] == expected


def test_scanner_finds_codes_in_every_report_with_tables(corpus_codes) -> None:
    files = {f for rows in corpus_codes.values() for f, _, _ in rows}
    # every report that prints budget tables prints classification codes in them
    with_tables = {
        p.name
        for p in CORPUS_FILES
        if "科目" in p.read_text(encoding="utf-8") and re.search(r"^\s*\[?20[1-9]", p.read_text(encoding="utf-8"), re.M)
    }
    assert with_tables and with_tables <= files


# --- coverage of the corpus ---------------------------------------------------------------------------------


def test_every_code_in_a_corpus_table_row_is_in_a_code_list(graph: Graph, corpus_codes) -> None:
    missing = {
        code: rows[0]
        for code, rows in corpus_codes.items()
        if (concept_iri(code), SKOS.notation, Literal(code)) not in graph
    }
    assert not missing, f"codes printed in the corpus but missing from ontology/codelists: {missing}"


def test_corpus_uses_both_classifications_at_all_levels(corpus_codes) -> None:
    lengths = {(scheme_of(c), len(c)) for c in corpus_codes}
    assert {(FUNCTIONAL, 3), (FUNCTIONAL, 5), (FUNCTIONAL, 7), (ECONOMIC, 3), (ECONOMIC, 5)} <= lengths


def test_printed_names_are_names_of_their_code(graph: Graph, corpus_codes) -> None:
    """Most printed names are one of the code's names (or a truncation of one: narrow columns cut them).

    OCR damage (四房补贴 for 购房补贴) makes a few disagree, so this asserts a large majority, and that the
    disagreements are few enough to be read by a person.
    """
    checked, disagree = 0, []
    for code, rows in corpus_codes.items():
        names = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept_iri(code), p)}
        norm = {re.sub(r"[()（）\s]", "", n) for n in names}
        for file, printed, line in rows:
            p = re.sub(r"[()（）\s]", "", printed)
            checked += 1
            if not any(n.startswith(p) or p.startswith(n) for n in norm if p):
                disagree.append((code, printed, file, line))
    assert checked > 100
    assert len(disagree) <= checked // 20, disagree


# --- the code lists themselves ------------------------------------------------------------------------------


@pytest.mark.parametrize(("scheme", "lengths"), [(FUNCTIONAL, {3, 5, 7}), (ECONOMIC, {3, 5}), (REVENUE, {3, 5, 7, 9})])
def test_concepts_are_well_formed(graph: Graph, scheme: URIRef, lengths: set[int]) -> None:
    members = concepts(graph, scheme)
    assert members
    problems = []
    for concept in members:
        notations = list(graph.objects(concept, SKOS.notation))
        if len(notations) != 1:
            problems.append((concept, "notation count"))
            continue
        code = str(notations[0])
        if not str(concept).endswith("/" + code) or len(code) not in lengths or not code.isdigit():
            problems.append((concept, "notation/IRI"))
        if graph.value(concept, BKG.codeLevel) != Literal(LEVEL_OF_LENGTH[len(code)]):
            problems.append((concept, "codeLevel"))
        zh = [o for o in graph.objects(concept, SKOS.prefLabel) if o.language == "zh"]
        if len(zh) != 1:
            problems.append((concept, "prefLabel@zh"))
        broader = list(graph.objects(concept, SKOS.broader))
        if len(code) == 3:
            if broader or (concept, SKOS.topConceptOf, scheme) not in graph:
                problems.append((concept, "top concept"))
            if (scheme, SKOS.hasTopConcept, concept) not in graph:
                problems.append((concept, "hasTopConcept"))
        else:
            parent = URIRef(str(concept)[: -len(code)] + code[: len(code) - 2])
            if broader != [parent]:
                problems.append((concept, f"broader {broader} != {parent}"))
            elif (parent, SKOS.inScheme, scheme) not in graph:
                problems.append((concept, "parent missing"))
    assert not problems


def test_notations_are_unique_within_a_scheme(graph: Graph) -> None:
    for scheme in (FUNCTIONAL, ECONOMIC, REVENUE):
        codes = [str(graph.value(c, SKOS.notation)) for c in concepts(graph, scheme)]
        assert len(codes) == len(set(codes))


def test_every_name_is_an_skosxl_label_with_years(graph: Graph) -> None:
    problems = []
    years = {row["fiscal_year"] for row in MANIFEST}
    for scheme in (FUNCTIONAL, ECONOMIC, REVENUE):
        for concept in concepts(graph, scheme):
            plain = {o for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept, p)}
            xl = {
                graph.value(label, SKOSXL.literalForm)
                for p in (SKOSXL.prefLabel, SKOSXL.altLabel)
                for label in graph.objects(concept, p)
            }
            if plain != xl:
                problems.append((concept, plain ^ xl))
            for p in (SKOSXL.prefLabel, SKOSXL.altLabel):
                for label in graph.objects(concept, p):
                    attested = {str(y) for y in graph.objects(label, BKG.attestedIn)}
                    if not attested <= years:
                        problems.append((label, "attested in a year no report has", attested - years))
                    if any(y.datatype != XSD.gYear for y in graph.objects(label, BKG.attestedIn)):
                        problems.append((label, "attestedIn not a gYear"))
    assert not problems


def _names_by_year(graph: Graph, concept: URIRef) -> dict[str, tuple[str | None, str | None]]:
    out = {}
    for p in (SKOSXL.prefLabel, SKOSXL.altLabel):
        for label in graph.objects(concept, p):
            vf, vu = graph.value(label, BKG.validFrom), graph.value(label, BKG.validUntil)
            out[str(graph.value(label, SKOSXL.literalForm))] = (vf and str(vf), vu and str(vu))
    return out


def test_210_was_renamed_to_health_in_2019(graph: Graph) -> None:
    c210 = concept_iri("210")
    assert graph.value(c210, SKOS.prefLabel) == Literal("卫生健康支出", lang="zh")
    assert (c210, SKOS.altLabel, Literal("医疗卫生与计划生育支出", lang="zh")) in graph
    names = _names_by_year(graph, c210)
    assert names["医疗卫生与计划生育支出"] == (None, "2018")
    assert names["卫生健康支出"] == ("2019", None)


def test_20805_keeps_its_old_name(graph: Graph) -> None:
    c = concept_iri("20805")
    assert graph.value(c, SKOS.prefLabel) == Literal("行政事业单位养老支出", lang="zh")
    assert (c, SKOS.altLabel, Literal("行政事业单位离退休", lang="zh")) in graph
    # the year of the rename is not asserted (not known for sure); the years each name is printed in are
    attested = {
        str(graph.value(label, SKOSXL.literalForm)): {int(y) for y in graph.objects(label, BKG.attestedIn)}
        for p in (SKOSXL.prefLabel, SKOSXL.altLabel)
        for label in graph.objects(c, p)
    }
    assert attested["行政事业单位离退休"] and attested["行政事业单位养老支出"]
    assert max(attested["行政事业单位离退休"]) < min(attested["行政事业单位养老支出"])


def test_corpus_prints_historical_names_in_the_years_the_code_list_says(graph: Graph, corpus_codes) -> None:
    """Where a name has validFrom/validUntil, no report of a year outside that range prints it."""
    year_of = {row["file"]: int(row["fiscal_year"]) for row in MANIFEST}
    problems = []
    for code, rows in corpus_codes.items():
        names = _names_by_year(graph, concept_iri(code))
        for file, printed, line in rows:
            bounds = names.get(printed)
            if not bounds:
                continue
            lo, hi = (int(b) if b else None for b in bounds)
            year = year_of[file]
            if (lo and year < lo) or (hi and year > hi):
                problems.append((code, printed, file, line, bounds))
    assert not problems


def test_code_list_files_are_under_codelists() -> None:
    paths = sorted(p.name for p in (Path(__file__).parent.parent / "ontology" / "codelists").glob("*.ttl"))
    assert {"functional.ttl", "economic.ttl"} <= set(paths)


def test_printed_names_are_attested_in_the_year_of_their_report(graph: Graph, corpus_codes) -> None:
    """bkg:attestedIn is evidence: a name a report prints for a code carries that report's fiscal year."""
    year_of = {row["file"]: row["fiscal_year"] for row in MANIFEST}
    norm = lambda text: re.sub(r"[()（）\s]", "", text)  # noqa: E731
    unattested = []
    for code, rows in corpus_codes.items():
        labels = {
            norm(str(graph.value(label, SKOSXL.literalForm))): {str(y) for y in graph.objects(label, BKG.attestedIn)}
            for p in (SKOSXL.prefLabel, SKOSXL.altLabel)
            for label in graph.objects(concept_iri(code), p)
        }
        for file, printed, line in rows:
            matching = [n for n in labels if n.startswith(norm(printed)) or norm(printed).startswith(n)]
            if matching and not any(year_of[file] in labels[n] for n in matching):
                unattested.append((code, printed, file, line))
    assert not unattested
