"""Layouts the seeds don't print, built from them: the parse must give the same yuan.

Each variant rewrites a real report the way another city's PDF extraction would
print it (元 instead of 万元, codes split or bracketed, names wrapped, amounts on
the next line, full-width digits, repeated headers, spaces instead of tabs) and
checks that every table row keeps its code, name and value in yuan.
"""

import re
from decimal import Decimal

import pytest

from tests.tablehelp import corpus_text, read_tables, row, snapshot, table, values

_AMOUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d,.%])")
_UNIT = re.compile(r"(单\s*位\s*[:：]\s*)万元")
_CODE_AT_START = re.compile(r"^(\s*)(\d{3})(\d{2})(\d{2})?(?=[ \t\u3000])", re.M)
_CODED_TAB_ROW = re.compile(r"^(\d{3,7})\t([^\t\d][^\t]{5,})\t(.*)$", re.M)


def to_yuan(text: str) -> str:
    def times(m: re.Match) -> str:
        v = Decimal(m.group(0).replace(",", "")) * 10000
        return f"{v:,.2f}"

    return _AMOUNT.sub(times, _UNIT.sub(r"\1元", text))


def spaced_codes(text: str) -> str:
    return _CODE_AT_START.sub(lambda m: m.group(1) + " ".join(g for g in m.groups()[1:] if g), text)


def tab_split_codes(text: str) -> str:
    return _CODE_AT_START.sub(lambda m: m.group(1) + "\t".join(g for g in m.groups()[1:] if g), text)


def bracketed_codes(text: str) -> str:
    return re.sub(r"^(\d{3,7})[ \t]+", r"[\1]", text, flags=re.M)


def wrap_names(text: str) -> str:
    return _CODED_TAB_ROW.sub(lambda m: f"{m.group(1)}\t{m.group(2)[:4]}\n{m.group(2)[4:]}\t{m.group(3)}", text)


def amounts_next_line(text: str) -> str:
    return _CODED_TAB_ROW.sub(lambda m: f"{m.group(1)}\t{m.group(2)}\n{m.group(3)}", text)


def full_width(text: str) -> str:
    return text.translate({c: c + 0xFEE0 for c in range(ord("0"), ord("9") + 1)})


def repeat_header(text: str, title: str, after: str) -> str:
    """Insert a page break and the table's header again after the line ``after``."""
    lines = text.split("\n")
    start = lines.index(title)
    first_row = next(i for i in range(start, len(lines)) if lines[i].startswith("合计"))
    header = lines[start:first_row]
    at = lines.index(after) + 1
    return "\n".join([*lines[:at], "\x0c" + header[0], *header[1:], *lines[at:]])


@pytest.fixture(scope="module")
def seeds():
    return {p: snapshot(read_tables(corpus_text(p))[0]) for p in ("002", "003", "004")}


def _same(seeds, prefix, variant_text):
    got = snapshot(read_tables(variant_text)[0])
    assert got == seeds[prefix]


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_unit_yuan(seeds, prefix):
    text = to_yuan(corpus_text(prefix))
    assert "单位：元" in text or "单位: 元" in text or "单位:元" in text
    tables = read_tables(text)[0]
    assert {t.unit for t in tables} == {"元"}
    assert snapshot(tables) == seeds[prefix]


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_codes_split_by_spaces(seeds, prefix):
    text = spaced_codes(corpus_text(prefix))
    assert "201 03 01" in text or "201 03 06" in text
    _same(seeds, prefix, text)


def test_codes_split_over_columns(seeds):
    text = tab_split_codes(corpus_text("004"))
    assert "201\t03\t01\t行政运行" in text
    _same(seeds, "004", text)


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_codes_bracketed(seeds, prefix):
    text = bracketed_codes(corpus_text(prefix))
    assert "[2010301]" in text or "[2010306]" in text
    _same(seeds, prefix, text)


def test_names_wrapped(seeds):
    text = wrap_names(corpus_text("004"))
    assert "2080505\t机关事业\n单位基本养老保险缴费支出\t21.40" in text
    _same(seeds, "004", text)


def test_amounts_on_the_next_line(seeds):
    text = amounts_next_line(corpus_text("004"))
    assert "2080505\t机关事业单位基本养老保险缴费支出\n21.40" in text
    _same(seeds, "004", text)


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_full_width_digits(seeds, prefix):
    text = full_width(corpus_text(prefix))
    tables, _, _, norm = read_tables(text)
    assert snapshot(tables) == seeds[prefix]
    cell = row(table(tables, "表1"), name="本年收入合计").cells[0]
    assert norm.raw[cell.span.start : cell.span.end] == cell.span.text
    assert "８" in cell.span.text or "１" in cell.span.text  # the raw file's full-width digits


def test_header_repeated_after_page_break(seeds):
    text = repeat_header(
        corpus_text("002"), "支出总体情况表", "2080801 　　死亡抚恤 1.03 1.03 0.00 0.00 0.00 0.00 0.00"
    )
    assert text.count("支出总体情况表") == corpus_text("002").count("支出总体情况表") + 1
    _same(seeds, "002", text)


def test_spaces_instead_of_tabs(seeds):
    _same(seeds, "004", corpus_text("004").replace("\t", " "))


def test_combined_variant(seeds):
    text = full_width(to_yuan(wrap_names(tab_split_codes(corpus_text("004")))))
    tables = read_tables(text)[0]
    assert snapshot(tables) == seeds["004"]


def test_ocr_garbage_cell_gives_a_warning_and_no_number(seeds):
    text = corpus_text("004").replace(
        "2010302\t一般行政管理事务\t485.94\t485.94", "2010302\t一般行政管理事务\t485.94\t48S.9A", 1
    )
    tables, _, diag, _ = read_tables(text)
    t = table(tables, "收入决算表")
    r = row(t, "2010302")
    assert r.cells[1] is None
    assert values(r)[0] == Decimal("485.94") * 10000
    assert values(r)[2:] == [0, 0, 0, 0, 0]
    (w,) = [d for d in diag.items if d.code == "W301"]
    assert w.line == 139 and "48S.9A" in w.message  # the line of the damaged cell
    # everything else is unchanged
    before = seeds["004"]
    after = snapshot(tables)
    changed = [(k, i) for k in before for i, (a, b) in enumerate(zip(before[k], after[k])) if a != b]
    assert len(changed) == 1


def implied_codes(text: str) -> str:
    """Print only the last part of 款 and 项 codes, under an indented parent: [20103] → 03."""
    return re.sub(r"^(\u3000+)\[\d{3}(?:\d{2})?(\d{2})\]", r"\1\2 ", text, flags=re.M)


def test_codes_implied_by_indentation(seeds):
    text = implied_codes(corpus_text("002"))
    assert "\u3000\u300001 行政运行" in text and "\u300003 政府办公厅" in text
    got = snapshot(read_tables(text)[0])
    key = ("表5", "一般公共预算支出情况表（按功能分类科目）")
    assert got[key] == seeds["002"][key]


def test_truncated_mid_row_is_warned_and_the_coded_row_kept():
    text = corpus_text("004")
    cut = text.index("2080506\t机关事业单位职业年金缴费支出\t9.70") + len("2080506\t机关事业单位职业年金缴费支出")
    tables, _, diag, _ = read_tables(text[:cut])
    t = tables[-1]
    r = t.rows[-1]
    assert r.code == "2080506" and r.cells == [None] * len(t.columns)
    assert [d.line for d in diag.items if d.code == "W305"] == [r.span.line]


def test_prose_after_the_last_table_without_a_heading(seeds):
    # no 注 line and no 第三部分 heading between the last table and the explanation
    lines = [ln for ln in corpus_text("004").split("\n") if not ln.startswith(("注", "第三部分"))]
    tables = read_tables("\n".join(lines))[0]
    assert snapshot(tables) == seeds["004"]


# one report in the fast loop, all four in the full one
@pytest.mark.parametrize(
    "prefix",
    [
        pytest.param("001", marks=pytest.mark.slow),
        "002",
        pytest.param("003", marks=pytest.mark.slow),
        pytest.param("004", marks=pytest.mark.slow),
    ],
)
def test_cut_anywhere_never_crashes_or_invents(prefix):
    # a report cut at any point (truncated download): tables up to the cut, every
    # amount still the exact printed figure at its span, never a number from nowhere
    text = corpus_text(prefix)
    full = {c.span.start: c.value for t in read_tables(text)[0] for r in t.rows for c in r.cells if c}
    step = max(1, len(text) // 40)
    for cut in range(step, len(text), step):
        tables, _, _, norm = read_tables(text[:cut])
        for t in tables:
            for r in t.rows:
                for c in r.cells:
                    if c is not None:
                        assert norm.raw[c.span.start : c.span.end] == c.span.text
                        # a figure cut in half ("3,36") may read as a smaller number, but only at the cut
                        assert full.get(c.span.start) == c.value or c.span.end >= cut - 1


def to_whole_yuan(text: str) -> str:
    """元 printed as whole numbers without separators (13161800), as some cities do."""
    return _AMOUNT.sub(lambda m: str(int(Decimal(m.group(0).replace(",", "")) * 10000)), _UNIT.sub(r"\1元", text))


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_whole_yuan_without_separators(seeds, prefix):
    text = to_whole_yuan(corpus_text(prefix))
    assert "\t13161800\t" in text or " 34579600 " in text or "13161800" in text or "34572300" in text
    tables = read_tables(text)[0]
    assert {t.unit for t in tables} == {"元"}
    assert snapshot(tables) == seeds[prefix]


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_re_spaced_columns(seeds, prefix):
    # columns separated by runs of spaces instead of one
    _same(seeds, prefix, re.sub(r"(?<=\S) (?=\S)", "   ", corpus_text(prefix)))


def label_tail_below_amounts(text: str) -> str:
    """The end of a long label printed on the line below the row's amounts."""

    def move(m: re.Match) -> str:
        if re.search(r"\t\d{3,7}\t", m.group(3)):  # two rows side by side: leave the line alone
            return m.group(0)
        return f"{m.group(1)}\t{m.group(2)[:4]}\t{m.group(3)}\n{m.group(2)[4:]}"

    return _CODED_TAB_ROW.sub(move, text)


def test_label_wrapped_below_its_amounts(seeds):
    text = label_tail_below_amounts(corpus_text("004"))
    assert "2080505\t机关事业\t21.40" in text
    tables, _, _, _ = read_tables(text)
    assert snapshot(tables) == seeds["004"]
    r = row(table(tables, "收入决算表"), "2080505")
    assert r.span.text.startswith("2080505") and r.span.text.endswith("单位基本养老保险缴费支出")


def test_gb18030_file_reads_the_same_tables(seeds):
    from nlp import read_report_bytes

    report = read_report_bytes(corpus_text("004").encode("gb18030"), "004-gbk.txt")
    assert snapshot(report.tables) == seeds["004"]
    assert report.discrepancies == []
