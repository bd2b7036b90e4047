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


UNIT = "某某市公园与绿地管护中心"
CASES = [
    (
        "no name wraps: a target of three lines centred on its row, under its unit",
        line("合计", "263.47")
        + line(UNIT, "263.47")
        + "按期完成养护，配备三名专职管护人员，负责全市公园\n"
        + line("绿地养护经费", "263.47", "绿地日常巡查，提高园林养护和管理水平。保障灌溉，")
        + "维持喷灌系统运转，确保全年绿地的长势良好。\n",
        [
            (
                UNIT,
                "绿地养护经费",
                "263.47",
                "按期完成养护，配备三名专职管护人员，负责全市公园绿地日常巡查，提高园林养护和管理水平。保障灌溉，维持喷灌系统运转，确保全年绿地的长势良好。",
            )
        ],
    ),
    (
        "no name wraps: targets of two lines, one above and one below each row",
        line("合计", "712.58")
        + line(UNIT, "712.58")
        + "按期完成养护，配备三名专职管护人员，负责全市公园\n"
        + line("公园设施物业管理费", "689.23")
        + "绿地日常巡查，提高园林养护和管理水平。\n"
        + "开展对园林机械检修，确保各类机械运转正常，延长其\n"
        + line("园林机械维修费", "23.35")
        + "使用年限，节约购置费。\n",
        [
            (
                UNIT,
                "公园设施物业管理费",
                "689.23",
                "按期完成养护，配备三名专职管护人员，负责全市公园绿地日常巡查，提高园林养护和管理水平。",
            ),
            (UNIT, "园林机械维修费", "23.35", "开展对园林机械检修，确保各类机械运转正常，延长其使用年限，节约购置费。"),
        ],
    ),
    (
        "the widest name wraps beside its target; the names printed beside amounts are narrower",
        line("合计", "1,062.00")
        + line("某某市某某局", "1,062.00")
        + "按期完成养护，配备三名专职管护人员，负责全市公园\n"
        + line("公园运行辅助经费", "17.00")
        + "绿地日常巡查，提高园林养护和管理水平。\n"
        + "古树名木复壮保护工作 定期复壮，开展古树健康状况巡查，确保全年古树名木\n"
        + "165.00 165.00 165.00"
        + ZEROS
        + "\n经费 的存活良好。\n"
        + line("绿化专项工作经费", "880.00", "加强重点公园绿地植物病虫害监测防治。"),
        [
            (
                "某某市某某局",
                "公园运行辅助经费",
                "17.00",
                "按期完成养护，配备三名专职管护人员，负责全市公园绿地日常巡查，提高园林养护和管理水平。",
            ),
            (
                "某某市某某局",
                "古树名木复壮保护工作经费",
                "165.00",
                "定期复壮，开展古树健康状况巡查，确保全年古树名木的存活良好。",
            ),
            ("某某市某某局", "绿化专项工作经费", "880.00", "加强重点公园绿地植物病虫害监测防治。"),
        ],
    ),
    (
        "names wrapped around lines of amounts that print none, alone above them",
        line("合计", "1,745.61")
        + line("某某市园林管理处", "1,745.61")
        + "有害生物防治与应急专项经\n827.36 827.36 827.36"
        + ZEROS
        + "\n费\n某某市某某中心2025年绿化\n918.25 918.25 918.25"
        + ZEROS
        + " 完成年度工作任务。\n带改造项目\n",
        [
            ("某某市园林管理处", "有害生物防治与应急专项经费", "827.36", None),
            ("某某市园林管理处", "某某市某某中心2025年绿化带改造项目", "918.25", "完成年度工作任务。"),
        ],
    ),
    (
        "control: a name as wide as the wrapped ones printed beside its amounts",
        line("合计", "186.00")
        + line("某某市城市绿化管理办公室", "186.00")
        + "聘用临时工做好绿地日常巡护工作、重大节日花卉布置\n"
        + line("公园运行辅助经费", "21.00")
        + "保障、园林防汛抢险等应急保障工作。\n"
        + "古树名木复壮保护工作 定期复壮，开展古树健康状况巡查，确保全年古树名木\n"
        + "165.00 165.00 165.00"
        + ZEROS
        + "\n经费 的存活良好。\n",
        [
            (
                "某某市城市绿化管理办公室",
                "公园运行辅助经费",
                "21.00",
                "聘用临时工做好绿地日常巡护工作、重大节日花卉布置保障、园林防汛抢险等应急保障工作。",
            ),
            (
                "某某市城市绿化管理办公室",
                "古树名木复壮保护工作经费",
                "165.00",
                "定期复壮，开展古树健康状况巡查，确保全年古树名木的存活良好。",
            ),
        ],
    ),
    (
        "control: texts printed after their amounts, going on below (no centring)",
        line("合计", "236.00")
        + line(UNIT, "236.00")
        + line("绿地养护经费", "142.00", "按期完成养护，配备三名专职管护人员，")
        + "负责全市公园绿地日常巡查，提高园林养护和管\n"
        + "理水平。\n"
        + line("园林机械维修费", "94.00", "开展对园林机械检修，确保各类机械运转")
        + "正常，延长其使用年限，节约购置费。\n",
        [
            (
                UNIT,
                "绿地养护经费",
                "142.00",
                "按期完成养护，配备三名专职管护人员，负责全市公园绿地日常巡查，提高园林养护和管理水平。",
            ),
            (UNIT, "园林机械维修费", "94.00", "开展对园林机械检修，确保各类机械运转正常，延长其使用年限，节约购置费。"),
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


T1 = "按期完成养护，配备三名专职管护人员，负责全市公园\n绿地日常巡查，提高园林养护和管理水平。"
T3 = "完善各类园林绿地植物的养护标准，加强重点公园病虫\n害的监测与防治能力，提高城市园林绿化管理水平。\n完成年度工作任务。"
PDF_TABLES = {
    "no name wraps": [
        pdf_row("合计", "314.00"),
        pdf_row("某某市园林管理处", "314.00"),
        pdf_row("绿化专项工作经费", "186.00", T1),
        pdf_row("园林机械维修费", "128.00", T3),
    ],
    "the widest names wrap": [
        pdf_row("合计", "1,062.00"),
        pdf_row("某某市某某局", "1,062.00"),
        pdf_row("公园运行辅助经费", "17.00", T1),
        pdf_row(
            "古树名木复壮保护工作\n经费", "165.00", "定期复壮，开展古树健康状况巡查，确保全年古树名木\n的存活良好。"
        ),
        pdf_row("有害生物防治与应急专项经\n费", "880.00", T3),
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
