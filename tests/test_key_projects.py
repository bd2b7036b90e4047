"""Named projects with amounts from a narrative list of 重点项目 (nlp.keyprojects): made-up reports that list them
in prose, the ways reports do (always run), and development-set train reports that list them in a table only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import CORPUS, DEVSET, DEVSET_TRAIN_MANIFEST, MANIFEST, read_report_once, requires_devset

from kg.mapping import map_report
from kg.validate import validate_quads
from nlp.reader import read_report_bytes

STEMS = {row["stem"][:3]: row["stem"] for row in DEVSET_TRAIN_MANIFEST}


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


@requires_devset
@pytest.mark.parametrize("key", ["215", "222"])
def test_devset_reports_listing_key_projects_in_a_table_get_none_from_prose(key: str) -> None:
    # 深圳 and 广州 reports list their projects in a table only (read by hand)
    projects = read_report_once(DEVSET / "text" / f"{STEMS[key]}.txt").projects
    assert projects and all(p.table_number for p in projects)


# No report of the development set's train split lists key projects in prose: a made-up one in that shape (a
# section 八、重点项目预算绩效目标情况, each project with its 年初预算 in 元 and its 绩效目标 after it)
PROSE_KEY_PROJECTS = (
    "（一）政务服务热线运行经费，年初预算12,486,371.25元，绩效目标：全年受理群众诉求不少于十万件，\n"
    "接通率不低于95%。\n"
    "（二）政务公开平台维护经费，年初预算906,250.00元。绩效目标：按时公开政府信息。"
)


def test_key_projects_in_prose_with_their_targets() -> None:
    text = report_with(PROSE_KEY_PROJECTS).replace("二、重点项目预算绩效目标情况", "八、重点项目预算绩效目标情况")
    r = report_of(text)
    got = [(p.name, p.amount.printed, p.amount.unit, p.amount.value) for p in r.projects]
    assert got == [
        ("政务服务热线运行经费", "12,486,371.25", "元", Decimal("12486371.25")),
        ("政务公开平台维护经费", "906,250.00", "元", Decimal("906250.00")),
    ]
    for p in r.projects:
        assert text[p.amount.span.start : p.amount.span.end] == p.amount.span.text
        assert p.target is not None and p.target.project_name == p.name
        assert text[p.target.span.start : p.target.span.end] == p.target.span.text
    assert r.projects[0].target.text.replace("\n", "").startswith("全年受理群众诉求不少于十万件，接通率")


def report_with(section: str) -> str:
    return (
        "成都市武侯区审计局2026年部门预算编制说明\n一、基本职能及主要工作\n（一）部门主要职责\n"
        "成都市武侯区审计局是区人民政府组成部门，主要职责是：\n1.主管全区审计工作。\n2.完成区委、区政府交办的其他任务。\n"
        f"二、重点项目预算绩效目标情况\n{section}\n"
        "三、其他公开信息\n（一）专业名词解释\n1.财政拨款收入：指本级财政当年拨付的资金。\n"
    )


@pytest.mark.parametrize(
    "section,expected",
    [
        (
            "（一）审计业务经费，年初预算1,234,567.89元，绩效目标：完成年度审计项目计划。\n"
            "（二）审计信息化建设经费，年初预算500,000.00元，绩效目标：建成审计数据分析平台。",
            [
                ("审计业务经费", Decimal("1234567.89"), "完成年度审计项目计划。"),
                ("审计信息化建设经费", Decimal("500000.00"), "建成审计数据分析平台。"),
            ],
        ),
        # 万元, "预算数为", the target on the next line
        (
            "1.审计业务经费项目：预算数为 123.46 万元。\n绩效目标：完成年度审计项目计划。\n2.内部审计指导经费：预算数为 12 万元。",
            [
                ("审计业务经费项目", Decimal("1234600.00"), "完成年度审计项目计划。"),
                ("内部审计指导经费", Decimal("120000"), None),
            ],
        ),
        # inline, wrapped anywhere
        (
            "本部门重点项目共2个：一是审计业务经费，安排资金 30.5 万元；二是审计\n培训经费，安排资金 8 万元。",
            [("审计业务经费", Decimal("305000.0"), None), ("审计培训经费", Decimal("80000"), None)],
        ),
    ],
)
def test_key_projects_listed_in_prose(section: str, expected) -> None:
    r = report_of(report_with(section))
    assert r.agency == "成都市武侯区审计局"
    got = [(p.name, p.amount.value, p.target.text if p.target else None) for p in r.projects]
    assert got == expected
    assert all(p.table_number is None and p.unit_name is None for p in r.projects)
    assert validate_quads(map_report(r).quads).conforms


def test_items_without_an_amount_or_outside_the_section_are_no_projects() -> None:
    section = "（一）审计业务经费，主要用于开展审计项目。\n（二）审计培训经费，绩效目标：培训审计人员 200 人次。"
    assert report_of(report_with(section)).projects == []
    # the same list under a section about something else
    text = report_with("无。").replace(
        "二、重点项目预算绩效目标情况\n无。", "二、政府采购预算情况\n（一）办公设备购置，预算数为 12 万元。"
    )
    assert report_of(text).projects == []


def test_a_project_the_table_has_is_not_added_twice() -> None:
    # corpus 002 prints 民生卡应用推广经费 (14.00 万元) in its project table; a narrative list naming it again
    # adds no second project, and gives the table's project the target it lacks
    text = (CORPUS / MANIFEST[2]["file"]).read_text(encoding="utf-8")
    base = read_report_once(CORPUS / MANIFEST[2]["file"])
    table_project = next(p for p in base.projects if p.name == "民生卡应用推广经费")
    target_before = table_project.target
    extra = (
        "\n\n八、重点项目情况\n\n（一）民生卡应用推广经费，年初预算14.00万元，绩效目标：推广民生卡应用。\n\n"
        "（二）政务数据治理经费，年初预算20.00万元，绩效目标：完成数据治理。\n"
    )
    r = report_of(text + extra)
    names = [p.name for p in r.projects]
    assert names.count("民生卡应用推广经费") == 1
    assert names[-1] == "政务数据治理经费" and len(names) == len(base.projects) + 1
    merged = next(p for p in r.projects if p.name == "民生卡应用推广经费")
    if target_before is None:
        assert merged.target.text == "推广民生卡应用。"
    else:
        assert merged.target.text == target_before.text
