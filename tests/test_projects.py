"""Report 002's project expenditure table (表12): 22 projects, two units, 绩效目标 texts."""

from decimal import Decimal

import pytest
from conftest import DEVSET, read_report_once, requires_devset

from tests.tablehelp import corpus_text, read_tables

W = Decimal(10000)
BUREAU = "广州市番禺区政务服务数据管理局本级"
CENTRE = "广州市番禺区政务服务中心"

# (unit, project, amount 万元) in table order, read off corpus/002 by hand
EXPECTED = [
    (BUREAU, "AKTDGC", "254.80"),
    (BUREAU, "工作经费", "6.00"),
    (BUREAU, "业务办公用房经费", "2499.38"),
    (BUREAU, "后勤保障经费", "489.95"),
    (BUREAU, "电子公务团队经费", "234.00"),
    (BUREAU, "免费刻章", "407.54"),
    (BUREAU, "番禺区电子政务外网升级改造项目", "24.40"),
    (BUREAU, "政务晓屋智慧政务体系运行管理经费", "108.35"),
    (BUREAU, "放管服改革优化政务服务专项经费", "57.38"),
    (BUREAU, "民生卡应用推广经费", "14.00"),
    (BUREAU, "番禺区信息基础设施规划管理年度专项经费", "24.69"),
    (BUREAU, "“数字政府”建设专项资金", "1452.09"),
    (BUREAU, "租赁岗位合同工经费", "101.00"),
    (BUREAU, "推进集约化管理工作经费", "138.87"),
    (BUREAU, "机构运行辅助经费", "40.00"),
    (BUREAU, "社会治安视频监控系统建设项目", "80.00"),
    (BUREAU, "新型冠状病毒感染疫情防控专项经费", "42.56"),
    (BUREAU, "番禺区出租屋缴税服务平台运行保障经费", "33.00"),
    (BUREAU, "车辆购置经费", "20.00"),
    (CENTRE, "租赁岗位合同工经费", "370.00"),
    (CENTRE, "业务办公用房经费", "233.00"),
    (CENTRE, "机构运行辅助经费", "235.82"),
]


@pytest.fixture(scope="module")
def parsed():
    tables, projects, _, norm = read_tables(corpus_text("002"), "002.txt")
    return tables, projects, norm


def test_all_22_projects(parsed):
    _, projects, _ = parsed
    got = [(p.unit_name, p.name, p.amount.value) for p in projects]
    assert got == [(u, n, Decimal(a) * W) for u, n, a in EXPECTED]
    assert all(p.table_number == "表12" for p in projects)


@pytest.mark.parametrize("unit, subtotal", [(BUREAU, "6028.01"), (CENTRE, "838.82")])
def test_projects_sum_to_unit_subtotals(parsed, unit, subtotal):
    tables, projects, _ = parsed
    t = next(t for t in tables if t.number == "表12")
    unit_row = next(r for r in t.rows if r.name == unit)
    assert unit_row.cells[0].value == Decimal(subtotal) * W
    assert sum(p.amount.value for p in projects if p.unit_name == unit) == Decimal(subtotal) * W


def test_every_project_has_its_target_text(parsed):
    _, projects, norm = parsed
    assert all(p.target is not None for p in projects)
    by_name = {(p.unit_name, p.name): p for p in projects}
    assert by_name[(BUREAU, "AKTDGC")].target.text == "项目信息不宜公开"  # printed after the amounts
    assert (
        by_name[(BUREAU, "工作经费")].target.text
        == "通过出国（境）对政务服务、电子公务的考察，提升我区的数字政府建设及政务服务的工作"
    )
    card = by_name[(BUREAU, "民生卡应用推广经费")].target
    assert card.text.startswith(
        "根据《广州市番禺区人民政府办公室关于印发番禺民生卡发放工作方案的通知》（番府办[2013]91号）"
    )
    assert card.text.endswith("持续做好民生卡的宣传推广。")
    assert card.project_name == "民生卡应用推广经费"
    # a wrapped project name is not swallowed by the previous project's target
    prev = by_name[(BUREAU, "番禺区电子政务外网升级改造项目")].target.text
    assert prev.endswith("提供一个高速、可靠、安全的专用信息通信平台。")
    assert "政务晓屋" not in prev
    # the span covers the wrapped lines in the raw file
    raw = norm.raw[card.span.start : card.span.end]
    assert raw.startswith("根据《广州市番禺区") and raw.endswith("宣传推广。") and "\n" in raw
    assert card.span.text == raw


def test_project_cells_by_measure(parsed):
    _, projects, _ = parsed
    p = projects[2]
    assert p.name == "业务办公用房经费"
    assert p.cells["total"].printed == "2,499.38"
    assert p.cells["general_public"].value == Decimal("2499.38") * W
    assert p.cells["government_fund"].value == 0
    assert sorted(p.cells) == [
        "fiscal_appropriation",
        "general_public",
        "government_fund",
        "other_funds",
        "special_account",
        "state_capital",
        "total",
    ]


def test_no_projects_in_other_reports():
    for prefix in ("001", "003", "004"):
        _, projects, _, _ = read_tables(corpus_text(prefix))
        assert projects == []


def _project_table_lines(text: str, edit) -> str:
    lines = text.split("\n")
    start = lines.index("部门预算项目支出及其他支出预算表")
    end = next(i for i in range(start, len(lines)) if "第三部分" in lines[i])
    return "\n".join(lines[:start] + [edit(ln) for ln in lines[start:end]] + lines[end:])


def test_projects_printed_in_yuan():
    from tests.test_table_variants import to_yuan

    _, projects, _, _ = read_tables(to_yuan(corpus_text("002")))
    assert [(p.unit_name, p.name, p.amount.value) for p in projects] == [(u, n, Decimal(a) * W) for u, n, a in EXPECTED]
    assert {p.amount.unit for p in projects} == {"元"}
    assert projects[2].amount.printed == "24,993,800.00"


def test_projects_without_indentation():
    # another layout: no indentation at all; units are told by their names (…本级, …中心),
    # wrapped project names by the sentence end of the target text above them
    text = _project_table_lines(corpus_text("002"), lambda ln: ln.lstrip("\u3000 "))
    _, projects, _, _ = read_tables(text)
    assert [(p.unit_name, p.name, p.amount.value) for p in projects] == [(u, n, Decimal(a) * W) for u, n, a in EXPECTED]
    assert all(p.target for p in projects)
    from nlp.reconcile import reconcile
    from tests.test_reconcile import report_of

    assert reconcile(report_of(text)) == []


def test_basic_expenditure_by_unit(parsed):
    tables, _, _ = parsed
    t = next(t for t in tables if t.number == "表11")
    got = [(r.unit_name, r.name, r.level, r.cells[0].printed) for r in t.rows if not r.is_total]
    assert got == [
        ("广州市番禺区政务服务数据管理局本级（本级）", "广州市番禺区政务服务数据管理局本级（本级）", 1, "775.89"),
        ("广州市番禺区政务服务数据管理局本级（本级）", "工资福利支出", 2, "669.80"),
        ("广州市番禺区政务服务数据管理局本级（本级）", "商品和服务支出", 2, "70.02"),
        ("广州市番禺区政务服务数据管理局本级（本级）", "对个人和家庭的补助", 2, "36.07"),
        ("广州市番禺区政务服务中心", "广州市番禺区政务服务中心", 1, "441.99"),
        ("广州市番禺区政务服务中心", "工资福利支出", 2, "408.69"),
        ("广州市番禺区政务服务中心", "商品和服务支出", 2, "33.30"),
    ]


def test_units_and_projects_told_apart_by_what_they_name():
    # without indentation, a label is a unit when it is an organisation's name — also with a
    # bracketed second name after it — and a project when it names money for a purpose, even one
    # ending in an organisation (…经费-…服务站 is that station's fund, not the station)
    station = "车辆购置经费-番禺区政务服务站"
    centre = CENTRE + "（番禺区政务数据中心）"

    def edit(ln: str) -> str:
        ln = ln.lstrip("\u3000 ")
        return ln.replace("车辆购置经费 20.00", station + " 20.00").replace(CENTRE + " 838.82", centre + " 838.82")

    _, projects, _, _ = read_tables(_project_table_lines(corpus_text("002"), edit))
    want = [
        (centre if u == CENTRE else u, station if n == "车辆购置经费" else n, Decimal(a) * W) for u, n, a in EXPECTED
    ]
    assert [(p.unit_name, p.name, p.amount.value) for p in projects] == want


@requires_devset
def test_devset_units_named_with_their_bracketed_level_are_no_projects():
    # 218 表4/表5 项目支出总表: 深圳市建筑工务署, …（本级）, three centres wrapped over two lines;
    # eight projects under them (read by hand)

    report = read_report_once(DEVSET / "text" / "218_shenzhen-jianzhugongwushu-2026-yusuan.txt")
    got = [(p.name, p.amount.printed) for p in report.projects]
    assert got == [
        ("工程管理", "6,832.94"),
        ("工程监督", "1,188.72"),
        ("预算准备金", "70.03"),
        ("综合管理类", "1,774.42"),
        ("工程管理", "1,421.35"),
        ("工程管理", "1,117.49"),
        ("综合管理", "108.00"),
        ("工程管理", "697.69"),
    ]
