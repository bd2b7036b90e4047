"""A project table whose name and 绩效目标 cells are centred on the row's amounts (the Guangdong template's 项目支出
table), read from its text as from its PDF (nlp.centredrows).  Layouts built here: no name wrapping at all (the
targets alone show the centring), the widest name wrapped while no name printed beside its amounts is as wide, a
name wrapped around a line of amounts that prints none, and controls (a wide name beside its amounts; texts
printed after their amounts).  The same tables drawn as PDFs (tests/pdfmake.py) and read from their pdfplumber text
give the PDF's projects."""

from __future__ import annotations

import io

import pytest
from pdfmake import Cell, make_table_pdf

from nlp.encoding import Decoded
from nlp.reader import parse_report, read_report_bytes
from tests.tablehelp import read_tables

TITLE = "表12\n部门预算项目支出及其他支出预算表\n单位名称：某某市某某局 单位：万元\n"
HEADER = (
    "财政拨款\n支出项目类别（资金使用单 财政专 其他资\n"
    "位） 总计 合计 一般公共预 政府性基金 国有资本经 户拨款 金 绩效目标\n算 预算 营预算\n"
)
ZEROS = " 0.00 0.00 0.00 0.00"


def line(name: str, amount: str, text: str = "") -> str:
    return f"{name} {amount} {amount} {amount}{ZEROS}" + (f" {text}" if text else "") + "\n"


def projects(text: str):
    _, found, _, _ = read_tables(TITLE + HEADER + text)
    return [
        (p.unit_name, p.name, p.amount.printed if p.amount else None, p.target.text if p.target else None)
        for p in found
    ]


UNIT = "某某市生态与农业气象中心"
CASES = [
    (
        "no name wraps: a target of three lines centred on its row, under its unit",
        line("合计", "185.62")
        + line(UNIT, "185.62")
        + "通过项目开展，聘请两名应急保障人员，协助从事气象\n"
        + line("防雷业务经费", "185.62", "防灾减灾服务，提高应急保障和处突能力。保障供电，")
        + "支持设备正常运行，确保全年服务的高效准确。\n",
        [
            (
                UNIT,
                "防雷业务经费",
                "185.62",
                "通过项目开展，聘请两名应急保障人员，协助从事气象防灾减灾服务，提高应急保障和处突能力。保障供电，支持设备正常运行，确保全年服务的高效准确。",
            )
        ],
    ),
    (
        "no name wraps: targets of two lines, one above and one below each row",
        line("合计", "684.31")
        + line(UNIT, "684.31")
        + "通过项目开展，聘请两名应急保障人员，协助从事气象\n"
        + line("业务用房物业管理费", "651.44")
        + "防灾减灾服务，提高应急保障和处突能力。\n"
        + "落实对业务系统维护，保障各项系统运行稳定，延长其\n"
        + line("信息化运维项目", "32.87")
        + "使用周期，降低故障率。\n",
        [
            (
                UNIT,
                "业务用房物业管理费",
                "651.44",
                "通过项目开展，聘请两名应急保障人员，协助从事气象防灾减灾服务，提高应急保障和处突能力。",
            ),
            (UNIT, "信息化运维项目", "32.87", "落实对业务系统维护，保障各项系统运行稳定，延长其使用周期，降低故障率。"),
        ],
    ),
    (
        "the widest name wraps beside its target; the names printed beside amounts are narrower",
        line("合计", "1,000.00")
        + line("某某市某某局", "1,000.00")
        + "通过项目开展，聘请两名应急保障人员，协助从事气象\n"
        + line("机构运行辅助经费", "14.00")
        + "防灾减灾服务，提高应急保障和处突能力。\n"
        + "专用设备机房电耗工作 保障供电，支持气象设备正常运行，确保全年气象服务\n"
        + "140.00 140.00 140.00"
        + ZEROS
        + "\n经费 的高效准确。\n"
        + line("气象专项工作经费", "846.00", "加强典型重大天气过程的分析总结能力。"),
        [
            (
                "某某市某某局",
                "机构运行辅助经费",
                "14.00",
                "通过项目开展，聘请两名应急保障人员，协助从事气象防灾减灾服务，提高应急保障和处突能力。",
            ),
            (
                "某某市某某局",
                "专用设备机房电耗工作经费",
                "140.00",
                "保障供电，支持气象设备正常运行，确保全年气象服务的高效准确。",
            ),
            ("某某市某某局", "气象专项工作经费", "846.00", "加强典型重大天气过程的分析总结能力。"),
        ],
    ),
    (
        "names wrapped around lines of amounts that print none, alone above them",
        line("合计", "1,797.79")
        + line("某某市气象台", "1,797.79")
        + "安全生产和应急管理专项经\n881.34 881.34 881.34"
        + ZEROS
        + "\n费\n某某市某某中心2025年信息\n916.45 916.45 916.45"
        + ZEROS
        + " 完成年度工作任务。\n化运维项目\n",
        [
            ("某某市气象台", "安全生产和应急管理专项经费", "881.34", None),
            ("某某市气象台", "某某市某某中心2025年信息化运维项目", "916.45", "完成年度工作任务。"),
        ],
    ),
    (
        "control: a name as wide as the wrapped ones printed beside its amounts",
        line("合计", "158.00")
        + line("某某市防雷减灾管理办公室", "158.00")
        + "临时工辅助做好气象防灾减灾工作、重大活动气象保障\n"
        + line("机构运行辅助经费", "18.00")
        + "服务、气象反恐应急等气象保障工作。\n"
        + "专用设备机房电耗工作 保障供电，支持气象设备正常运行，确保全年气象服务\n"
        + "140.00 140.00 140.00"
        + ZEROS
        + "\n经费 的高效准确。\n",
        [
            (
                "某某市防雷减灾管理办公室",
                "机构运行辅助经费",
                "18.00",
                "临时工辅助做好气象防灾减灾工作、重大活动气象保障服务、气象反恐应急等气象保障工作。",
            ),
            (
                "某某市防雷减灾管理办公室",
                "专用设备机房电耗工作经费",
                "140.00",
                "保障供电，支持气象设备正常运行，确保全年气象服务的高效准确。",
            ),
        ],
    ),
    (
        "control: texts printed after their amounts, going on below (no centring)",
        line("合计", "200.00")
        + line(UNIT, "200.00")
        + line("防雷业务经费", "120.00", "通过项目开展，聘请两名应急保障人员，")
        + "协助从事气象防灾减灾服务，提高应急保障和处\n"
        + "突能力。\n"
        + line("信息化运维项目", "80.00", "落实对业务系统维护，保障各项系统运行")
        + "稳定，延长其使用周期，降低故障率。\n",
        [
            (
                UNIT,
                "防雷业务经费",
                "120.00",
                "通过项目开展，聘请两名应急保障人员，协助从事气象防灾减灾服务，提高应急保障和处突能力。",
            ),
            (UNIT, "信息化运维项目", "80.00", "落实对业务系统维护，保障各项系统运行稳定，延长其使用周期，降低故障率。"),
        ],
    ),
]


@pytest.mark.parametrize("layout,rows,expected", CASES, ids=[c[0] for c in CASES])
def test_centred_project_rows_read_from_text(layout, rows, expected):
    assert projects(rows) == expected


# --- the same kind of table drawn as a PDF: its text (pdfplumber, as the devset's text/) read as the PDF is ---------

PDF_HEAD = [
    [
        Cell("支出项目类别（资金使用单\n位）", 0, rows=2),
        Cell("总计", 1, rows=2),
        Cell("财政拨款", 2, span=4),
        Cell("财政专\n户拨款", 6, rows=2),
        Cell("其他资\n金", 7, rows=2),
        Cell("绩效目标", 8, rows=2),
    ],
    [Cell("合计", 2), Cell("一般公共预\n算", 3), Cell("政府性基金\n预算", 4), Cell("国有资本经\n营预算", 5)],
]
WIDTHS = [120, 55, 55, 55, 55, 55, 45, 45, 230]


def pdf_row(name: str, amount: str, target: str = "") -> list[Cell]:
    cells = [Cell(name, 0, align="left")] + [Cell(amount, j, align="right") for j in (1, 2, 3)]
    return cells + [Cell("0.00", j, align="right") for j in (4, 5, 6, 7)] + [Cell(target, 8, align="left")]


T1 = "通过项目开展，聘请两名应急保障人员，协助从事气象\n防灾减灾服务，提高应急保障和处突能力。"
T3 = "加强各类新型探测数据的分析能力，加强典型重大天气\n过程的分析总结能力，提高城市防灾减灾服务水平。\n完成年度工作任务。"
PDF_TABLES = {
    "no name wraps": [
        pdf_row("合计", "300.00"),
        pdf_row("某某市气象台", "300.00"),
        pdf_row("气象专项工作经费", "180.00", T1),
        pdf_row("信息化运维项目", "120.00", T3),
    ],
    "the widest names wrap": [
        pdf_row("合计", "1,000.00"),
        pdf_row("某某市某某局", "1,000.00"),
        pdf_row("机构运行辅助经费", "14.00", T1),
        pdf_row(
            "专用设备机房电耗工作\n经费", "140.00", "保障供电，支持气象设备正常运行，确保全年气象服务\n的高效准确。"
        ),
        pdf_row("安全生产和应急管理专项经\n费", "846.00", T3),
    ],
}


@pytest.mark.parametrize("rows", PDF_TABLES.values(), ids=list(PDF_TABLES))
def test_a_centred_project_table_from_its_pdfs_text_gives_the_pdfs_projects(rows):
    import pdfplumber

    data = make_table_pdf([(["某某市某某局2026年部门预算", *TITLE.splitlines()], PDF_HEAD + rows, WIDTHS)])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)

    def found(report):
        return [(p.unit_name, p.name, p.amount.printed, p.target.text if p.target else None) for p in report.projects]

    from_pdf = found(read_report_bytes(data, "table.pdf"))
    assert len(from_pdf) == len(rows) - 2 and all(p[0] for p in from_pdf)
    assert found(parse_report(Decoded(text, "utf-8", "0" * 64), "table.txt")) == from_pdf
