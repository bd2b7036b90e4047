"""A budget report with an agency, a unit, one responsibility and one two-column table."""

from decimal import Decimal

from _spans import finder

from nlp.model import (
    Amount,
    Classification,
    Column,
    Phase,
    Report,
    Responsibility,
    SourceFile,
    Table,
    TableRow,
    Unit,
)

RAW = (
    "广州市番禺区政务服务数据管理局2024年部门预算\n"
    "一、主要职责\n"
    "（一）负责政务服务。\n"
    "表1 收支总表\n单位：万元\n"
    "科目 合计 基本支出\n"
    "201 一般公共服务支出 3,367.47\n"
    "合计 3,367.47 1,000.00\n"
)
sp = finder(RAW)
AGENCY = "广州市番禺区政务服务数据管理局"

REPORT = Report(
    source=SourceFile(path="x/minimal.txt", name="minimal.txt", sha256="ab" * 32, encoding="utf-8", n_chars=len(RAW)),
    agency=AGENCY,
    agency_short="区政数局",
    agency_span=sp(AGENCY),
    district="番禺区",
    fiscal_year=2024,
    fiscal_year_span=sp("2024"),
    phase=Phase.BUDGET,
    phase_span=sp("部门预算"),
    units=[Unit(AGENCY, "行政单位", None, is_agency=True), Unit("广州市番禺区政务服务中心", "事业单位", None)],
    responsibilities=[Responsibility(AGENCY, 1, "负责政务服务。", sp("负责政务服务。"))],
    tables=[
        Table(
            number="表1",
            title="收支总表",
            unit="万元",
            classification=Classification.FUNCTIONAL,
            columns=[Column(0, "合计", "total"), Column(1, "基本支出", "basic", funding_source="general_public")],
            rows=[
                TableRow(
                    "201",
                    "一般公共服务支出",
                    1,
                    [Amount(Decimal("33674700.00"), "3,367.47", "万元", sp("3,367.47")), None],
                    sp("201 一般公共服务支出 3,367.47"),
                ),
                TableRow(
                    None,
                    "合计",
                    0,
                    [
                        Amount(Decimal("33674700.00"), "3,367.47", "万元", sp("3,367.47", 1)),
                        Amount(Decimal("10000000.00"), "1,000.00", "万元", sp("1,000.00")),
                    ],
                    sp("合计 3,367.47 1,000.00"),
                    is_total=True,
                ),
            ],
            span=sp("表1 收支总表"),
        )
    ],
)
