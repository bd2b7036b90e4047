"""Agency, district, fiscal year and phase (nlp.metadata), detected from the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, MANIFEST

from nlp import read_report
from nlp.model import Phase
from nlp.reader import read_report_bytes

PHASES = {"部门预算": Phase.BUDGET, "部门决算": Phase.FINAL_ACCOUNT}


def report_of(text: str, name: str = "variant.txt"):
    return read_report_bytes(text.encode("utf-8"), name)


@pytest.mark.parametrize("row", MANIFEST, ids=[r["file"][:3] for r in MANIFEST])
def test_metadata_matches_the_manifest(row: dict[str, str], corpus_reports) -> None:
    r = corpus_reports[row["file"]]
    assert r.agency == row["agency"]
    assert r.district == row["district"]
    assert r.fiscal_year == int(row["fiscal_year"])
    assert r.phase is PHASES[row["phase"]]
    raw = (CORPUS / row["file"]).read_text(encoding="utf-8")
    for span in (r.agency_span, r.fiscal_year_span, r.phase_span):
        assert span is not None and raw[span.start : span.end] == span.text
    assert r.fiscal_year_span.text == row["fiscal_year"]
    assert r.phase_span.text == row["phase"][-2:]
    assert "".join(r.agency_span.text.split()) == row["agency"]


@pytest.mark.parametrize("row", MANIFEST, ids=[r["file"][:3] for r in MANIFEST])
def test_short_name_is_the_one_the_text_uses(row: dict[str, str], corpus_reports) -> None:
    r = corpus_reports[row["file"]]
    raw = "".join((CORPUS / row["file"]).read_text(encoding="utf-8").split())
    if row["short_name"] in raw:
        assert r.agency_short == row["short_name"]
    else:  # 004 never names itself 从化区政数局 ("我局"): nothing is made up
        assert r.agency_short is None


def test_file_name_plays_no_part(tmp_path: Path) -> None:
    src = CORPUS / MANIFEST[2]["file"]
    misleading = tmp_path / "1999年某某区财政局决算.txt"
    shutil.copy(src, misleading)
    a, b = read_report(src), read_report(misleading)
    assert (a.agency, a.fiscal_year, a.phase) == (b.agency, b.fiscal_year, b.phase)


def _other_city(text: str, year_from: str, year_to: str) -> str:
    return (
        text.replace("广州市番禺区", "深圳市福田区")
        .replace("广州番禺区", "深圳福田区")
        .replace("番禺", "福田")
        .replace(year_from, year_to)
    )


def test_other_city_and_year() -> None:
    text = _other_city((CORPUS / MANIFEST[2]["file"]).read_text(encoding="utf-8"), "2024", "2021")
    r = report_of(text)
    assert r.agency == "深圳市福田区政务服务数据管理局"
    assert r.district == "福田区"
    assert r.agency_short == "区政数局"
    assert (r.fiscal_year, r.phase) == (2021, Phase.BUDGET)


def test_report_without_title_reads_year_from_the_narrative() -> None:
    # report 000 has no title line: "2018 年部门收支总预算" etc. give the year
    text = _other_city((CORPUS / MANIFEST[0]["file"]).read_text(encoding="utf-8"), "2018", "2021")
    r = report_of(text)
    assert r.agency == "深圳市福田区人民政府政务管理办公室"
    assert r.agency_short == "福田区政务办"
    assert (r.fiscal_year, r.phase) == (2021, Phase.BUDGET)


@pytest.mark.parametrize(
    "title,agency,district,year,phase",
    [
        ("深圳市福田区发展和改革局2021年部门预算", "深圳市福田区发展和改革局", "福田区", 2021, Phase.BUDGET),
        (
            "二〇二二年广东省韶关市乳源瑶族自治县财政局部门决算",
            "广东省韶关市乳源瑶族自治县财政局",
            "乳源瑶族自治县",
            2022,
            Phase.FINAL_ACCOUNT,
        ),
        ("2019 年度杭州市西湖区\n\n教育局部门决算公开", "杭州市西湖区教育局", "西湖区", 2019, Phase.FINAL_ACCOUNT),
        ("佛山市顺德区人民政府办公室 2020 年部门预算", "佛山市顺德区人民政府办公室", "顺德区", 2020, Phase.BUDGET),
        # no city in the name at all: a district-level name is accepted from a title
        ("福田区发展和改革局2021年部门预算", "福田区发展和改革局", "福田区", 2021, Phase.BUDGET),
    ],
)
def test_made_up_title_pages(title: str, agency: str, district: str, year: int, phase: Phase) -> None:
    body = (CORPUS / MANIFEST[4]["file"]).read_text(encoding="utf-8")
    body = body[body.index("第一部分", body.index("第一部分") + 4) :]  # drop title and contents
    body = body.replace("广州市从化区政务服务数据管理局", agency).replace("2019", str(year))
    r = report_of(title + "\n\n" + body)
    assert (r.agency, r.district, r.fiscal_year, r.phase) == (agency, district, year, phase)


def test_fullwidth_digits_in_the_title() -> None:
    text = (CORPUS / MANIFEST[3]["file"]).read_text(encoding="utf-8")
    wide = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    r = report_of(wide)
    assert r.fiscal_year == 2017 and r.fiscal_year_span.text == "２０１７"


def test_missing_year_and_agency_are_warned_not_invented() -> None:
    r = report_of("第一部分 概况\n\n一、主要职责\n\n（一）负责全区政务服务工作。\n")
    assert r.fiscal_year is None and r.agency is None and r.phase is None
    codes = {d.code for d in r.diagnostics}
    assert {"W010", "W011", "W012"} <= codes
