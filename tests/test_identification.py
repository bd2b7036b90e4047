"""Identification of a report — agency as printed, fiscal year, phase — on the development set's train split
(reports of other provinces, read by hand into its MANIFEST.tsv) and on variants built from the
bundled corpus with other title pages, labels and year forms (always run)."""

from __future__ import annotations

import pytest
from conftest import CORPUS, DEVSET, DEVSET_TRAIN_MANIFEST, MANIFEST, read_report_once, requires_devset

from nlp.model import Phase
from nlp.reader import read_report_bytes

PHASE_WORDS = {"预算": Phase.BUDGET, "决算": Phase.FINAL_ACCOUNT}


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


@requires_devset
@pytest.mark.parametrize("row", DEVSET_TRAIN_MANIFEST, ids=[r["stem"][:3] for r in DEVSET_TRAIN_MANIFEST])
def test_devset_report_is_identified(row: dict[str, str]) -> None:
    path = DEVSET / "text" / f"{row['stem']}.txt"
    r = read_report_once(path)
    assert (r.agency_as_printed, r.fiscal_year, r.phase) == (
        row["agency"],
        int(row["fiscal_year"]),
        PHASE_WORDS[row["phase"]],
    )
    raw = path.read_text(encoding="utf-8")
    for span in (r.agency_span, r.fiscal_year_span, r.phase_span):
        assert raw[span.start : span.end] == span.text
    assert "".join(r.agency_span.text.split()) == r.agency
    assert r.fiscal_year_span.text.strip() in (
        row["fiscal_year"],
        "二〇" + "".join("〇一二三四五六七八九"[int(d)] for d in row["fiscal_year"][2:]),
    )
    if r.agency_scope:
        assert raw[r.agency_scope_span.start : r.agency_scope_span.end] == r.agency_scope_span.text
        assert r.agency_scope in r.agency_scope_span.text


# --- variants: the body of report 004 under other title pages (title and contents dropped) --------
BODY_AGENCY = "广州市从化区政务服务数据管理局"


def body(agency: str, year: int) -> str:
    text = (CORPUS / MANIFEST[4]["file"]).read_text(encoding="utf-8")
    text = text[text.index("第一部分", text.index("第一部分") + 4) :]
    return text.replace(BODY_AGENCY, agency).replace("2019", str(year))


@pytest.mark.parametrize(
    "title,agency,year,phase",
    [
        # names a first-suffix reading cuts short (…社会|工作部, …街道办|事处, …人民政府办|公厅)
        ("中共上海市普陀区委社会工作部2025年部门预算", "中共上海市普陀区委社会工作部", 2025, Phase.BUDGET),
        ("2024年度上海市普陀区万里街道办事处部门决算", "上海市普陀区万里街道办事处", 2024, Phase.FINAL_ACCOUNT),
        ("2026年\n佛山市人民政府办公厅部门预算", "佛山市人民政府办公厅", 2026, Phase.BUDGET),
        # a name wrapped over two lines of the cover, mid-word
        ("2026 年佛山市规划和自然资源局顺德\n管理局部门预算", "佛山市规划和自然资源局顺德管理局", 2026, Phase.BUDGET),
        ("2026 年深圳市科技创新局部\n门预算", "深圳市科技创新局", 2026, Phase.BUDGET),
        # no place prefix at all: a central or a provincial body
        ("国家统计局\n2025 年度部门决算\n二〇二六年七月", "国家统计局", 2025, Phase.FINAL_ACCOUNT),
        ("湖南省地方金融管理局2023年单位预算", "湖南省地方金融管理局", 2023, Phase.BUDGET),
        # a year in Chinese numerals, on its own line, with the publication date under it
        ("国家信访局 年度部门预算\n2026\n二〇二六年三月", "国家信访局", 2026, Phase.BUDGET),
        ("二〇二一年度成都市武侯区教育局\n部门预算", "成都市武侯区教育局", 2021, Phase.BUDGET),
        # 预算公开 / 决算公开 after the year, the agency before it
        ("成都市金牛区人民政府办公室机关2025年预算公开", "成都市金牛区人民政府办公室机关", 2025, Phase.BUDGET),
        ("西安市碑林区统计局2022年度决算公开", "西安市碑林区统计局", 2022, Phase.FINAL_ACCOUNT),
        # the publishing level's own title, the agency on the label under it
        (
            "上海市2026年市级单位预算\n预算单位：上海市普陀区某某事务中心",
            "上海市普陀区某某事务中心",
            2026,
            Phase.BUDGET,
        ),
        # an alias in brackets is part of the printed name
        (
            "2026年度预算\n预算单位：南京市统计和大数据研究院（南京市统计数据管理中心）",
            "南京市统计和大数据研究院（南京市统计数据管理中心）",
            2026,
            Phase.BUDGET,
        ),
        # bodies of every kind, the name last on the cover
        ("2024年度西安市雁塔区人民检察院部门决算", "西安市雁塔区人民检察院", 2024, Phase.FINAL_ACCOUNT),
        ("中国共产主义青年团武汉市委员会2025年部门预算", "中国共产主义青年团武汉市委员会", 2025, Phase.BUDGET),
        ("南昌县莲塘镇人民政府2025年部门预算", "南昌县莲塘镇人民政府", 2025, Phase.BUDGET),
        ("部门决算公开\n2023年度\n长沙市岳麓区统计局", "长沙市岳麓区统计局", 2023, Phase.FINAL_ACCOUNT),
        # a line above the title naming another body (the cover's issuing department) is not the name
        ("武汉市财政局\n武汉市信访局2026年度部门预算", "武汉市信访局", 2026, Phase.BUDGET),
    ],
)
def test_title_pages_of_other_places(title: str, agency: str, year: int, phase: Phase) -> None:
    r = report_of(title + "\n\n" + body(agency, year))
    assert (r.agency, r.fiscal_year, r.phase) == (agency, year, phase)
    assert "".join(r.agency_span.text.split()) == agency
    assert r.agency_scope is None


@pytest.mark.parametrize(
    "title,scope",
    [
        ("四平市信访局（本级）\n2026年度部门预算公开", "本级"),
        ("2026 年东莞市统计局（本级）部门预\n算", "本级"),
        ("第一部分 曲靖市水务局（汇总）2026年部门预算情况说明", "汇总"),
        ("吉林市信访局(本级)2026年度部门预算", "本级"),
    ],
)
def test_scope_qualifier_is_kept_apart_from_the_name(title: str, scope: str) -> None:
    # the tables' labels print the name without it: one agency, whichever scope a report covers
    agency = title.split("（")[0].split("(")[0].split("年")[-1].split(" ")[-1].replace("第一部分", "")
    agency = agency.split("\n")[0]
    r = report_of(title + "\n\n" + body(agency, 2026))
    assert r.agency == agency
    assert r.agency_scope == scope
    assert r.agency_as_printed == f"{agency}（{scope}）"
    assert r.agency_scope_span is not None and scope in r.agency_scope_span.text


@pytest.mark.parametrize(
    "label", ["编制单位：", "单位名称：", "部门名称：", "编制部门：", "部门（单位）：", "预算单位：", "部门："]
)
def test_agency_from_a_label_when_no_title_names_it(label: str) -> None:
    agency = "杭州市上城区湖滨街道办事处"
    text = body(BODY_AGENCY, 2023).replace("编制单位:" + BODY_AGENCY, "").replace("编制单位：" + BODY_AGENCY, "")
    head = f"2023年部门预算\n\n{label}{agency}   单位：万元\n\n"
    r = report_of(head + text.replace(BODY_AGENCY, "本单位"))
    assert r.agency == agency


def test_the_unit_of_amounts_and_the_parent_department_are_no_agency() -> None:
    head = "2023年部门预算\n\n主管部门：杭州市财政局\n\n编制单位：杭州市上城区统计局 金额单位：万元\n\n"
    r = report_of(head + body(BODY_AGENCY, 2023).replace(BODY_AGENCY, "本单位"))
    assert r.agency == "杭州市上城区统计局"


def test_a_final_account_named_in_the_responsibilities_does_not_make_a_budget_a_final_account() -> None:
    text = body(BODY_AGENCY, 2026).replace("主要职责", "主要职责（含基金预算、决算草案编制）", 1)
    r = report_of("2026年" + BODY_AGENCY + "部门预算\n\n" + text)
    assert r.phase is Phase.BUDGET
