"""parse_amount: printed text + unit → exact Decimal yuan; garbage is refused."""

from decimal import Decimal

import pytest

from nlp.amounts import EMPTY, parse_amount, parse_number


@pytest.mark.parametrize(
    "printed, unit, yuan",
    [
        ("3,367.47", "万元", Decimal("33674700")),
        ("3367.47", "万元", Decimal("33674700")),
        ("0.00", "万元", Decimal("0")),
        ("0.05", "万元", Decimal("500")),  # 001 表九 其他利息收入
        ("0", "万元", Decimal("0")),
        ("33674700.00", "元", Decimal("33674700")),
        ("6,028.01", "万元", Decimal("60280100")),
        ("1,234,567.89", "元", Decimal("1234567.89")),
        ("-1.50", "万元", Decimal("-15000")),
        ("−1.50", "万元", Decimal("-15000")),
        ("(1.50)", "万元", Decimal("-15000")),
        ("（1.50）", "元", Decimal("-1.50")),
        ("2.5", "千元", Decimal("2500")),
        ("1.2", "亿元", Decimal("120000000")),
    ],
)
def test_amounts(printed, unit, yuan):
    value = parse_amount(printed, unit)
    assert value == yuan
    assert isinstance(value, Decimal)


def test_printed_precision_is_kept_exactly():
    # 0.1 + 0.2 style float damage must be impossible: values are exact decimals
    total = sum(parse_amount(x, "万元") for x in ("0.10", "0.20"))
    assert total == parse_amount("0.30", "万元")
    assert str(parse_amount("3,367.47", "万元")) == "33674700.00"


@pytest.mark.parametrize("dash", ["-", "—", "－", "–", "——"])
def test_dash_means_no_amount(dash):
    assert parse_amount(dash, "万元") is EMPTY


@pytest.mark.parametrize(
    "garbage",
    ["3×", "Ţ", "}", "37/", "68.8б", "3,36.47", "12=", "1.2.3", "", "O.00", "5 9", "1,2345.00"],
)
def test_ocr_garbage_is_not_a_number(garbage):
    assert parse_amount(garbage, "万元") is None
    assert parse_number(garbage) is None


def test_unknown_unit_raises():
    with pytest.raises(KeyError):
        parse_amount("1.00", "美元")


def test_doctests():
    import doctest

    import nlp.amounts
    import nlp.codes

    for module in (nlp.amounts, nlp.codes):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
