"""A final account: a project with a target, a department target, indicators, mentions and links,
a table with a 预算数 column beside the 决算数 one and an unreadable column, a unit's row, head count,
stated total, discrepancy and a task."""

from decimal import Decimal

from _spans import finder

from nlp.model import (
    Amount,
    Classification,
    Column,
    Discrepancy,
    HeadCount,
    Indicator,
    Link,
    Mention,
    PerformanceTarget,
    Phase,
    Project,
    Report,
    SourceFile,
    StatedTotal,
    Table,
    TableRow,
    Task,
)

RAW = (
    "广州市天河区人民政府政务管理办公室2017年部门决算\n"
    "编制数22名。2017年部门收支总决算1,234.50万元。\n"
    "（一）推进政务晓屋建设。\n"
    "表1\n单位：万元\n"
    "2010301 行政运行 100.00 90.00 7\n"
    "项目：政务晓屋运营经费 50.00 30.00\n"
    "绩效目标：建成政务晓屋10个。完成情况：已建成12个。\n"
    "部门绩效目标：全年办件满意率不低于99%。\n"
)
sp = finder(RAW)
AGENCY = "广州市天河区人民政府政务管理办公室"
UNIT = "广州市天河区政务服务中心"
PROJECT = "政务晓屋运营经费"

target = PerformanceTarget(
    "建成政务晓屋10个。",
    sp("建成政务晓屋10个。"),
    project_name=PROJECT,
    achieved="已建成12个。",
    achieved_span=sp("已建成12个。"),
)

REPORT = Report(
    source=SourceFile(
        path="final_account.txt", name="final_account.txt", sha256="cd" * 32, encoding="gb18030", n_chars=len(RAW)
    ),
    agency=AGENCY,
    agency_short=None,
    agency_span=sp(AGENCY),
    district=None,
    fiscal_year=2017,
    fiscal_year_span=sp("2017"),
    phase=Phase.FINAL_ACCOUNT,
    phase_span=sp("部门决算"),
    tasks=[Task("（一）", "推进政务晓屋建设。", sp("（一）推进政务晓屋建设。"), "work_done")],
    headcounts=[HeadCount("编制数", 22, "名", sp("编制数22名"))],
    stated_totals=[
        StatedTotal(
            "部门收支总决算",
            Amount(Decimal("12345000.00"), "1,234.50", "万元", sp("1,234.50")),
            sp("2017年部门收支总决算1,234.50万元"),
        )
    ],
    tables=[
        Table(
            number="表1",
            title="",
            unit="万元",
            classification=Classification.FUNCTIONAL,
            columns=[
                Column(0, "预算数", "total", phase=Phase.BUDGET),
                Column(1, "决算数", "total", phase=Phase.FINAL_ACCOUNT),
                Column(2, "", "unknown"),
            ],
            rows=[
                TableRow(
                    "2010301",
                    "行政运行",
                    3,
                    [
                        Amount(Decimal("1000000.00"), "100.00", "万元", sp("100.00")),
                        Amount(Decimal("900000.00"), "90.00", "万元", sp("90.00")),
                        Amount(Decimal("70000"), "7", "万元", sp("7")),
                    ],
                    sp("2010301 行政运行 100.00 90.00 7"),
                    unit_name=UNIT,
                )
            ],
            span=sp("表1"),
        )
    ],
    projects=[
        Project(
            PROJECT,
            UNIT,
            Amount(Decimal("500000.00"), "50.00", "万元", sp("50.00")),
            {"basic": Amount(Decimal("300000.00"), "30.00", "万元", sp("30.00"))},
            sp("政务晓屋运营经费 50.00 30.00"),
            target=target,
            table_number="表1",
        )
    ],
    performance_targets=[target, PerformanceTarget("全年办件满意率不低于99%。", sp("全年办件满意率不低于99%。"))],
    discrepancies=[
        Discrepancy(
            "children_sum",
            "2010301: 100.00 ≠ 90.00",
            Decimal("1000000"),
            Decimal("900000"),
            sp("2010301 行政运行 100.00 90.00 7"),
            table_number="表1",
            line=6,
        )
    ],
    indicators=[
        Indicator("建成政务晓屋", Decimal("10"), "个", ">=", sp("建成政务晓屋10个")),
        Indicator("", Decimal("12"), "个", "=", sp("已建成12个"), achieved=True),
    ],
    mentions=[
        Mention("政务晓屋", "Platform", sp("政务晓屋"), "政务晓屋", "gazetteer"),
        Mention("政务晓屋", "Platform", sp("政务晓屋", 1), "政务晓屋", "gazetteer"),
        Mention("政务晓屋", "Platform", sp("政务晓屋", 2), "政务晓屋", "gazetteer"),
    ],
    links=[
        Link("project:1", "funds", "entity:政务晓屋"),
        Link("target:1", "has_indicator", "indicator:1"),
        Link("entity:政务晓屋", "states", "indicator:2"),
        Link("task:1", "mentions", "entity:政务晓屋"),
    ],
)
