"""Units, responsibilities, tasks, targets, head counts and stated totals
(nlp.narrative, nlp.figures) on the real reports and on variants built from them."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from conftest import CORPUS, MANIFEST

from nlp.reader import read_report_bytes

FILES = {row["file"][:3]: row["file"] for row in MANIFEST}

# Counted by hand in corpus/*.txt: items of 主要职责 / 主要职能 per unit.
RESPONSIBILITIES = {
    "000": {"广州市番禺区人民政府政务管理办公室": 10},
    "001": {"广州市番禺区人民政府政务管理办公室": 10},
    "002": {"广州市番禺区政务服务数据管理局": 12, "广州市番禺区政务服务中心": 3},
    "003": {"广州市天河区人民政府政务管理办公室": 8},
    "004": {"广州市从化区政务服务数据管理局": 10},
}
# (report, unit, ordinal) → the item's text as printed, read by hand
ITEM_TEXTS = [
    ("000", "广州市番禺区人民政府政务管理办公室", 10, "承办区委、区政府交办的其他事项。"),
    (
        "001",
        "广州市番禺区人民政府政务管理办公室",
        6,
        "对进入区政务服务平台绿色通道的重大项目进行组织协调和跟踪落实;协调和督办涉及多个部门或跨部门的联合审批事项。",
    ),
    (
        "002",
        "广州市番禺区政务服务中心",
        2,
        "其他事项上述事业单位涉及法人登记事宜的，应按有关规定及时到事业单位登记管理机关办理相关手续。",
    ),
    (
        "002",
        "广州市番禺区政务服务数据管理局",
        5,
        "负责全区公共资源交易管理相关工作。负责区网上中介服务超市的管理工作。",
    ),
    ("003", "广州市天河区人民政府政务管理办公室", 2, "负责推进、指导、协调、监督全区政务公开工作。"),
    ("004", "广州市从化区政务服务数据管理局", 8, "负责全区公共资源交易管理工作。负责全区网上中介服务超市的管理工作。"),
]


def raw(name: str) -> str:
    return (CORPUS / FILES[name]).read_text(encoding="utf-8")


def report_of(text: str):
    return read_report_bytes(text.encode("utf-8"), "variant.txt")


def counts(report) -> dict[str, int]:
    return dict(Counter(r.unit_name for r in report.responsibilities))


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("name", sorted(RESPONSIBILITIES))
def test_responsibility_counts_per_unit_are_exact(name: str, corpus_reports) -> None:
    r = corpus_reports[FILES[name]]
    assert counts(r) == RESPONSIBILITIES[name]
    for unit in RESPONSIBILITIES[name]:
        ordinals = [x.ordinal for x in r.responsibilities if x.unit_name == unit]
        assert ordinals == list(range(1, len(ordinals) + 1))


@pytest.mark.parametrize("name,unit,ordinal,text", ITEM_TEXTS)
def test_responsibility_text_is_unwrapped(name: str, unit: str, ordinal: int, text: str, corpus_reports) -> None:
    r = corpus_reports[FILES[name]]
    item = next(x for x in r.responsibilities if x.unit_name == unit and x.ordinal == ordinal)
    assert squash(item.text) == squash(text)
    source = raw(name)
    assert source[item.span.start : item.span.end] == item.span.text
    assert squash(item.span.text).replace("-", "") == squash(item.text)


def _rewrap(text: str, spans, width: int, sep: str) -> str:
    """Re-wrap the given raw spans (paragraphs) at ``width`` characters."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(text[pos:start])
        para = squash(text[start:end])
        out.append(sep.join(para[i : i + width] for i in range(0, len(para), width)))
        pos = end
    out.append(text[pos:])
    return "".join(out)


@pytest.mark.parametrize("name", sorted(RESPONSIBILITIES))
@pytest.mark.parametrize("width,sep", [(13, "\n\n"), (19, "\n"), (400, "\n")])
def test_rewrapped_items_give_the_same_responsibilities(name: str, width: int, sep: str, corpus_reports) -> None:
    base = corpus_reports[FILES[name]]
    text = raw(name)
    spans = [(x.span.start, x.span.end) for x in base.responsibilities]
    variant = _rewrap(text, spans, width, sep)
    assert variant != text
    got = report_of(variant)
    assert counts(got) == counts(base)
    assert [squash(x.text) for x in got.responsibilities] == [squash(x.text) for x in base.responsibilities]


def _fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


def _duplicate_headings(text: str) -> str:
    out = []
    for line in text.splitlines():
        out.append(line)
        if re.match(r"^\s*[一二三四五六七八九十]+、[^\s。；;，,]{2,80}$", line):
            out += ["", line]
    return "\n".join(out)


@pytest.mark.parametrize("name", sorted(RESPONSIBILITIES))
@pytest.mark.parametrize("variant", [_fullwidth, _duplicate_headings])
def test_variants_keep_every_item(name: str, variant, corpus_reports) -> None:
    base = corpus_reports[FILES[name]]
    got = report_of(variant(raw(name)))
    assert counts(got) == counts(base)
    assert [t.ordinal for t in got.tasks] == [t.ordinal for t in base.tasks]
    assert len(got.performance_targets) == len(base.performance_targets)


def test_other_city_header() -> None:
    text = raw("002").replace("广州市番禺区", "深圳市福田区").replace("番禺", "福田")
    got = report_of(text)
    assert counts(got) == {"深圳市福田区政务服务数据管理局": 12, "深圳市福田区政务服务中心": 3}


@pytest.mark.parametrize(
    "name,units",
    [
        ("000", [("广州市番禺区人民政府政务管理办公室", "行政单位"), ("广州市番禺区政务服务中心", "公益一类事业单位")]),
        ("001", [("广州市番禺区人民政府政务管理办公室", "行政单位"), ("广州市番禺区政务服务中心", "公益一类事业单位")]),
        # 002 names its unit twice: in the responsibilities and as "广州番禺区政务服务中心为区政数局下属事业单位"
        ("002", [("广州市番禺区政务服务数据管理局", None), ("广州市番禺区政务服务中心", "事业单位")]),
        ("003", [("广州市天河区人民政府政务管理办公室", None), ("广州市天河区政务服务中心", "非独立核算事业单位")]),
        (
            "004",
            [
                ("广州市从化区政务服务数据管理局", None),
                ("广州市从化区政务服务中心", None),
                ("广州12345政府服务热线从化分中心", None),
            ],
        ),
    ],
)
def test_units(name: str, units, corpus_reports) -> None:
    r = corpus_reports[FILES[name]]
    assert [(u.name, u.kind) for u in r.units] == units
    assert [u.is_agency for u in r.units] == [True] + [False] * (len(units) - 1)


def test_tasks_carry_their_enumerator_path(corpus_reports) -> None:
    # report 000, 第二部分 二、: （一） 6 items, （二） 5 items, （三） 3 items (counted by hand)
    r = corpus_reports[FILES["000"]]
    paths = [t.ordinal for t in r.tasks]
    assert [p for p in paths if "/" not in p] == ["（一）", "（二）", "（三）"]
    assert sum(p.startswith("（一）/") for p in paths) == 6
    assert sum(p.startswith("（二）/") for p in paths) == 5
    assert sum(p.startswith("（三）/") for p in paths) == 3
    t = next(t for t in r.tasks if t.ordinal == "（二）/4.")
    assert t.text.startswith("推进“四标四实”专项行动各项工作。")
    # the policy basis (确定工作目标所依据的政策) is not a task
    assert not any("党的十九大报告" in t.text for t in r.tasks)


def test_work_done_tasks_of_report_003(corpus_reports) -> None:
    r = corpus_reports[FILES["003"]]
    groups = [t for t in r.tasks if "/" not in t.ordinal]
    assert [t.text for t in groups] == [
        "强化运行保障，实现环境优化和体验提升",
        "创新审批体制，实现审管分离和效率提升",
        "优化管理机制，实现科学管理和服务规范",
        "构建自助网络，实现渠道融通和服务延伸",
    ]
    assert len(r.tasks) == 4 + 6 + 5 + 5 + 5
    assert {t.section_kind for t in r.tasks} == {"work_done"}


def test_performance_targets(corpus_reports) -> None:
    r = corpus_reports[FILES["004"]]
    project, department = r.performance_targets
    assert project.project_name == "区“五个一”平台统建系统项目"
    assert project.text.startswith("根据广州市政务办、区审改要求")
    assert project.achieved.startswith("已完成“一平台”、“一网”和“一窗”系统的统建工作")
    # the 部门整体支出 template, tab-separated in 004 (line 705)
    assert department.project_name is None
    assert (department.text, department.achieved) == ("顺利完成年初预算安排一般公共预算支出", "按照实际进度已完成")
    assert department.span.line == 705
    r3 = corpus_reports[FILES["003"]]
    assert [t.project_name for t in r3.performance_targets] == [
        "天河区政务自助服务平台项目",
        "2017-2019年度天河区政务服务中心信息化设备运维项目",
        None,
    ]
    assert all(t.achieved for t in r3.performance_targets)
    # …and as two paragraphs under its header row in 003 (lines 1710 and 1722)
    dept = r3.performance_targets[-1]
    assert dept.text.startswith("按照天河区第九次党代会“进一步深化行政审批制度和商事登记制度改革")
    assert dept.achieved.startswith("认真贯彻执行《预算法》及相关管理规定")
    assert (dept.span.line, dept.achieved_span.line) == (1710, 1722)


def test_headcounts(corpus_reports) -> None:
    r = corpus_reports[FILES["000"]]
    got = {(h.label, h.value, h.unit) for h in r.headcounts}
    assert {
        ("部门总编制数", 22, "名"),
        ("在职实有人数", 45, "人"),
        ("离退休人员", 3, "人"),
        ("机关雇员", 25, "人"),
    } <= got
    # "比上年增加了 21 人" is a change, not a head count
    assert not any(h.value == 21 for h in r.headcounts)


def test_stated_totals(corpus_reports) -> None:
    r = corpus_reports[FILES["000"]]
    total = next(s for s in r.stated_totals if s.label == "部门收支总预算")
    assert total.amount.value == Decimal("20976200.00")
    assert (total.amount.printed, total.amount.unit) == ("2,097.62", "万元")
    assert total.section_kind == "explanation"
    assert raw("000")[total.amount.span.start : total.amount.span.end] == "2,097.62 万元"
    # changes against last year are not totals
    assert not any(s.amount.value == Decimal("3651900") for s in r.stated_totals)  # 增加 365.19 万元


def test_stated_total_in_yuan_and_wrapped() -> None:
    text = raw("000").replace("2018 年部门收支总预算 2,097.62 万元", "2018 年部门收支总预算\n\n20,976,200.00 元")
    r = report_of(text)
    total = next(s for s in r.stated_totals if s.label == "部门收支总预算")
    assert total.amount.value == Decimal("20976200.00") and total.amount.unit == "元"


# A made-up report of another city, year and layout: title over two lines, a
# contents page with dot leaders, responsibilities numbered "1.", amounts in 元.
OTHER_CITY = """深圳市福田区发展和改革局
2021年部门预算

目  录
第一部分 部门概况 ………………………… 1
一、部门职责 ……………………………… 1
二、机构设置 ……………………………… 2
第二部分 2021年部门预算表 …………… 3

第一部分 部门概况
一、部门职责
深圳市福田区发展和改革局主要职责：
1.贯彻执行国家、省、市有关发展改革工作的方针政策和法律法规，拟订全区国民经济和社会发展战略、中长期规划和年度计划。
2.负责全区固定资产投资的综合管理，拟订全区政府投资项目计划并组织实施。
3.负责全区价格管理工作，组织实施价格调控措施，监督检查价格政策执行情况。
4.完成区委、区政府交办的其他任务。
二、机构设置
纳入2021年部门预算编制范围的单位共2个，包括：深圳市福田区发展和改革局本级、深圳市福田区价格认证中心。
三、人员情况
本部门编制数35名，实有人数33人。
第二部分 2021年部门预算表
表1 收支总体情况表
单位：元
项目 预算数 项目 预算数
一、一般公共预算拨款 12,345,678.90 一、一般公共服务支出 12,345,678.90
第三部分 2021年部门预算情况说明
一、收支预算总体情况
2021年部门收支总预算12,345,678.90元，其中：一般公共预算拨款12,345,678.90元。
二、2021年重点工作
（一）推进重大项目建设。全年安排重大项目120个，完成投资300亿元。
（二）深化价格改革。完善居民阶梯电价制度。
"""


def test_made_up_report_of_another_city() -> None:
    r = report_of(OTHER_CITY)
    assert (r.agency, r.district, r.fiscal_year) == ("深圳市福田区发展和改革局", "福田区", 2021)
    assert [s.kind for s in r.sections] == ["toc", None, "tables", "explanation"]
    assert counts(r) == {"深圳市福田区发展和改革局": 4}
    assert r.responsibilities[3].text == "完成区委、区政府交办的其他任务。"
    assert [u.name for u in r.units] == ["深圳市福田区发展和改革局", "深圳市福田区价格认证中心"]
    assert [t.ordinal for t in r.tasks] == ["（一）", "（二）"]
    assert {(h.label, h.value) for h in r.headcounts} >= {("编制数", 35), ("实有人数", 33)}
    total = next(s for s in r.stated_totals if s.label == "部门收支总预算")
    assert total.amount.value == Decimal("12345678.90") and total.amount.unit == "元"


def test_units_as_numbered_subheadings() -> None:
    # 002 with its two intros "X的主要职责是：" printed as sub-headings "1.X" / "2.Y"
    text = raw("002")
    a = "广州市番禺区政务服务数据管理局的主要职责是："
    b = "广州市番禺区政务服务中心的主要职责是："
    assert a in text and b in text
    got = report_of(text.replace(a, "1.广州市番禺区政务服务数据管理局").replace(b, "2.广州市番禺区政务服务中心"))
    assert counts(got) == RESPONSIBILITIES["002"]


def test_responsibilities_without_their_own_heading() -> None:
    # 002 without the heading "一、主要职责": the intros still lead to the items
    text = raw("002")
    assert text.count("一、主要职责") == 1
    got = report_of(text.replace("一、主要职责", ""))
    assert not any(s.kind == "responsibilities" for s in got.sections)
    assert counts(got) == RESPONSIBILITIES["002"]


def test_stated_totals_of_a_final_account(corpus_reports) -> None:
    # 004 line 484: "广州市从化区政务服务数据管理局 2019 年度收、支总计 1344.33 万元。"
    r = corpus_reports[FILES["004"]]
    total = next(s for s in r.stated_totals if s.label == "收、支总计")
    assert total.amount.value == Decimal("13443300.00") and total.span.line == 484
    assert "本年收入" in {s.label for s in r.stated_totals}
