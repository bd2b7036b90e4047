"""A self-evaluation's grid beside a column of reasons (偏差原因分析及改进措施), a row's cells each cut over the line above
and the line below the row's own line, which prints no name — its values, or its scores alone
(nlp.indicatortables._cut_rows).  The shapes are the train split's final account (a 项目支出绩效自评表 printing
a satisfaction indicator's name and a dated indicator's name, target and what was achieved, each cut so), where the
text gave a nameless indicator or none and the PDF the row; here with other names, values and units (none a line of
the report).  The cells joined one by one, the grid's levels aside, read as the row: the 8 variants fail before.  The controls — a name cut over more lines than the two (its brackets open), a line
of scores printing a piece of a cell of more lines — give no row made of pieces, before and after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_indicator_tables import read, report
from tests.test_wrapped_targets import HEADERS

ROWS = {
    "satisfaction, a name cut": (
        ["满意度指 服务对象 《工作简报》读者", "≥95% 97.35% 10 10", "标 满意度指标 满意度"],
        [
            ("《工作简报》读者满意度", Decimal(95), ">=", False, None),
            ("《工作简报》读者满意度", Decimal("97.35"), "=", True, None),
        ],
    ),
    "dates, scores alone on the line": (
        ["绩 完成对保洁公司的 次年3月 已于2025年3", "时效指标 8 8", "效 评价 份前 月完成"],
        [
            ("完成对保洁公司的评价", None, "=", False, "次年3月份前"),
            ("完成对保洁公司的评价", None, "=", True, "已于2025年3月完成"),
        ],
    ),
    "dates of another row": (
        ["时效指 按期完成整改 2026年6 2026年5", "8 8", "标 报告 月底前 月完成"],
        [
            ("按期完成整改报告", None, "=", False, "2026年6月底前"),
            ("按期完成整改报告", None, "=", True, "2026年5月完成"),
        ],
    ),
    "words": (
        ["效益指 社会效益指 群众办事便 有所提 明显提", "10 9", "标 标 利度 高 升"],
        [("群众办事便利度", None, "=", False, "有所提高"), ("群众办事便利度", None, "=", True, "明显提升")],
    ),
}


@pytest.mark.parametrize("row", list(ROWS))
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_a_row_cut_around_its_line_is_read_whole(row, unit):
    lines, expected = ROWS[row]
    _, indicators, _ = read(report(unit, [HEADERS["reasons"]], lines, None))
    assert [(i.name, i.value, i.comparator, i.achieved, i.text) for i in indicators] == expected
    assert indicators[0].span.text.startswith(expected[0][0][:4])  # the evidence from the name's first piece …
    assert indicators[0].span.text.endswith(lines[2].split()[-1])  # … to the row's last


CONTROLS = {
    "a name over more lines": [
        "排查故障时长",
        "平台持续稳定运",
        "行时长占比（运行",
        "≥99% 96% 10 9.1 偏长；下一步拟",
        "天数/全年总天",
        "数）",
    ],
    "a piece of a longer cell beside the scores": [
        "审计系统干部专 有所提 能力培训等整",
        "业能力和履职 10 9",
        "水平 高 体水平提升情",
    ],
}


@pytest.mark.parametrize("key", list(CONTROLS))
def test_pieces_of_longer_cells_make_no_row(key):
    _, indicators, _ = read(report("万元", [HEADERS["reasons"]], CONTROLS[key], None))
    assert not [i for i in indicators if "全年总天" in i.name or "业能力" in (i.text or "") + i.name]
