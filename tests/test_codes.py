"""Classification codes as printed: whole, bracketed, split over columns, damaged, implied."""

import pytest

from nlp import codes
from nlp.model import Classification
from nlp.rows import groups


@pytest.mark.parametrize(
    "parts, code",
    [
        (["2010301"], "2010301"),
        (["201", "03", "01"], "2010301"),  # 201 03 01
        (["201", "0301"], "2010301"),
        (["20103", "01"], "2010301"),
        (["20103", "2010301"], "2010301"),  # the full code printed again in the 项 column
        (["20103", "301"], "2010301"),  # 001 表三: 项 column "01" under a stray mark
        (["20103", "804"], "2010304"),  # 001 表三 专项服务 (2010304 in 表二 and 表五)
        (["212", "08"], "21208"),  # 001 表八
        (["212", "0899"], "2120899"),  # 001 表八 (after stripping the stray ")")
        (["20103", "3"], "20103"),  # 001 表三: a stray digit in the empty 项 column
        (["301"], "301"),
        (["30101"], "30101"),
        (["103070599"], "103070599"),  # 001 表九 revenue code
    ],
)
def test_assemble(parts, code):
    assert codes.assemble(parts).code == code


@pytest.mark.parametrize("parts", [["12="], ["9"], ["4567"], ["30101", "01"], ["2010301", "99"]])
def test_assemble_refuses(parts):
    res = codes.assemble(parts)
    assert res.code is None and res.failed


def test_repairs_are_flagged():
    assert codes.assemble(["20103", "301"]).repaired
    assert not codes.assemble(["201", "03", "01"]).repaired


@pytest.mark.parametrize(
    "code, level, parent, cls",
    [
        ("201", 1, None, Classification.FUNCTIONAL),
        ("20103", 2, "201", Classification.FUNCTIONAL),
        ("2010301", 3, "20103", Classification.FUNCTIONAL),
        ("301", 1, None, Classification.ECONOMIC),
        ("30101", 2, "301", Classification.ECONOMIC),
        ("50101", 2, "501", Classification.ECONOMIC),
        ("103070599", 4, "1030705", Classification.REVENUE),
    ],
)
def test_hierarchy(code, level, parent, cls):
    assert codes.level(code) == level
    assert codes.parent(code) == parent
    assert codes.classification_of(code) is cls


def test_economic_codes_have_no_seven_digit_level():
    assert not codes.is_valid("3010101")
    assert codes.is_valid("2010301")


def test_implied_by_indentation():
    # 201 / "  03" / "    01" / "    02" / "  05" under 201
    assert codes.implied("03", "201", 2, 0) == "20103"
    assert codes.implied("01", "20103", 4, 2) == "2010301"
    assert codes.implied("02", "2010301", 4, 4) == "2010302"
    assert codes.implied("05", "2010302", 2, 4) == "20105"
    assert codes.implied("05", None, 2, 0) is None


@pytest.mark.parametrize(
    "line, code, name",
    [
        ("2010301   行政运行 606.74 606.74 0.00", "2010301", "行政运行"),
        ("  [2010301]行政运行 606.74 606.74 0.00", "2010301", "行政运行"),
        ("[201]一般公共服务支出 6,317.63 968.45 5,349.18", "201", "一般公共服务支出"),
        ("201 03 01 行政运行 606.74", "2010301", "行政运行"),
        ("20103\t301\t\t行政运行\t200.57\t200.57", "2010301", "行政运行"),
        ("2010301行政运行 606.74", "2010301", "行政运行"),
    ],
)
def test_code_layouts_in_a_line(line, code, name):
    (g,) = groups(line)
    digits = [t.text for t in g.code_parts]
    assert codes.assemble(digits).code == code
    assert g.label == name


@pytest.mark.parametrize(
    "line, rows",
    [
        # the block on the left prints no amount: the next block's code is a code, not its amount
        (
            "30103 奖金 30207 邮电费 0.83 31002 办公设备购置",
            [("30103", "奖金", []), ("30207", "邮电费", ["0.83"]), ("31002", "办公设备购置", [])],
        ),
        (
            "301 工资福利支出 4,517.36 302 商品和服务支出 1,083.92",
            [("301", "工资福利支出", ["4,517.36"]), ("302", "商品和服务支出", ["1,083.92"])],
        ),
        # a whole number of another length or kind after a label stays the row's amount
        ("30106 伙食补助费 1204 手续费 0.66", [("30106", "伙食补助费", ["1204"]), ("", "手续费", ["0.66"])]),
        ("2010301 行政运行 30204 说明", [("2010301", "行政运行", ["30204"]), ("", "说明", [])]),
    ],
)
def test_side_by_side_blocks_in_a_line(line, rows):
    got = [("".join(t.text for t in g.code_parts), g.label, [t.text for t in g.cells]) for g in groups(line)]
    assert got == rows
