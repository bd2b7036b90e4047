"""Published files other than text (nlp.sources): detection by content, PDF / DOCX / XLSX / HTML → lines,
boxes, and every kind of bad file — each built here, at test time."""

from __future__ import annotations

import io
import os
import subprocess
import time
import zipfile

import pytest
from pdfmake import Cell, bomb_pdf, make_pdf, make_table_pdf, many_pages_pdf, turned_page_pdf

from nlp.errors import ReportError
from nlp.sources import Limits, is_report_file, read_source, read_source_bytes
from nlp.sources.isolate import run_isolated

BUDGET_LINES = [
    "2026 Budget of the Audit Office",
    "Code Item Total Basic Project",
    "2010301 Administration 1,234.56 1,000.00 234.56",
]


def error_of(data: bytes, name: str = "report.pdf", **limits) -> ReportError:
    with pytest.raises(ReportError) as info:
        read_source_bytes(data, name, limits=Limits(**limits) if limits else None)
    return info.value


# --- detection by content ------------------------------------------------------------------------


def make_docx(paragraphs: list[str], rows: list[list[str]] | None = None, merge_first_row: bool = False) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        if merge_first_row:
            table.cell(0, 2).merge(table.cell(0, 3))
            table.cell(0, 2).text = rows[0][2]
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".bin", ""])
def test_kind_comes_from_the_bytes_not_the_name(tmp_path, suffix):
    pdf = tmp_path / f"a-pdf{suffix}"
    pdf.write_bytes(make_pdf([BUDGET_LINES]))
    word = tmp_path / f"a-word{suffix}"
    word.write_bytes(make_docx(BUDGET_LINES))
    text = tmp_path / f"some-text{suffix}"
    text.write_text("\n".join(BUDGET_LINES), encoding="gbk")
    page = tmp_path / f"a-page{suffix}"
    page.write_text("<!DOCTYPE html><html><body>" + "".join(f"<p>{ln}</p>" for ln in BUDGET_LINES) + "</body></html>")
    assert read_source(page).text == "\n".join(BUDGET_LINES)
    assert read_source(pdf).media_type == "application/pdf"
    assert read_source(word).media_type.endswith("wordprocessingml.document")
    decoded = read_source(text)
    assert (decoded.media_type, decoded.boxes) == ("text/plain", None)
    assert decoded.text == "\n".join(BUDGET_LINES)


def test_a_folder_gives_its_reports_by_content_and_text_by_suffix(tmp_path):
    (tmp_path / "download.jsp").write_bytes(make_pdf([BUDGET_LINES]))  # a PDF as the site served it
    (tmp_path / "report.txt").write_text("预算", encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("a\tb\n", encoding="utf-8")
    (tmp_path / "photos.zip").write_bytes(zip_of({"a.jpg": b"\xff\xd8\xff"}))
    (tmp_path / "scans.docx").write_bytes(zip_of({"a.jpg": b"\xff\xd8\xff"}))  # named as a report: read, and fails
    (tmp_path / "notes.bin").write_bytes(make_docx(BUDGET_LINES))  # a Word file under another name
    (tmp_path / ".hidden.pdf").write_bytes(make_pdf([BUDGET_LINES]))
    found = sorted(p.name for p in tmp_path.iterdir() if is_report_file(p))
    assert found == ["download.jsp", "notes.bin", "report.txt", "scans.docx"]


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_text_is_laid_out_in_lines_with_a_box_per_character():
    decoded = read_source_bytes(make_pdf([BUDGET_LINES, ["Second page"]]), "r.pdf")
    assert decoded.text == "\n".join([*BUDGET_LINES, "Second page"])
    assert decoded.pages == 2 and len(decoded.boxes) == len(decoded.text)
    for ch, box in zip(decoded.text, decoded.boxes):
        assert (box is None) == (ch in " \n"), ch  # spaces between words and line ends are the reader's
    first = decoded.boxes[0]
    # Helvetica 12 pt at x=72, baseline 770 pt above the bottom of an 842 pt page: display coordinates from the top
    assert first.page == 1 and first.x0 == pytest.approx(72)
    assert first.bottom - first.top == pytest.approx(12) and first.top < 842 - 770 < first.bottom
    amount = decoded.text.index("1,234.56")
    boxes = decoded.boxes[amount : amount + len("1,234.56")]
    assert all(b.top == boxes[0].top for b in boxes) and boxes[0].x0 < boxes[-1].x0
    assert decoded.boxes[decoded.text.index("Second")].page == 2
    lines = decoded.text.split("\n")
    assert decoded.boxes[len(lines[0]) + 1].top > first.top  # the next line stands lower on the page


def ink_share(image, box, scale: float) -> float:
    """Share of dark pixels of the rendered page inside ``box`` (display points × scale = pixels)."""
    crop = image.crop(
        (
            int(box.x0 * scale),
            int(box.top * scale),
            max(int(box.x1 * scale), int(box.x0 * scale) + 1),
            max(int(box.bottom * scale), int(box.top * scale) + 1),
        )
    )
    pixels = list(crop.get_flattened_data() if hasattr(crop, "get_flattened_data") else crop.getdata())
    return sum(1 for p in pixels if p < 128) / len(pixels)


@pytest.mark.parametrize("rotation", [0, 90, 270])
def test_a_turned_page_reads_upright_and_every_box_lands_on_its_ink(rotation):
    from PIL import Image

    from nlp.sources.render import render_png

    data = turned_page_pdf(rotation, BUDGET_LINES)
    decoded = read_source_bytes(data, "wide.pdf")
    assert decoded.text == "\n".join(BUDGET_LINES)
    png, width, height = render_png(data, "wide.pdf", 1, 2.0)
    assert (width, height) == ((595, 842) if rotation == 0 else (842, 595))  # as displayed
    page = Image.open(io.BytesIO(png)).convert("L")
    scale = page.width / width
    on_glyphs = [
        ink_share(page, b, scale) for ch, b in zip(decoded.text, decoded.boxes) if b is not None and ch not in ".,"
    ]
    beside = [
        ink_share(page, type(b)(1, b.x0, b.top + 150, b.x1, b.bottom + 150), scale)
        for b in decoded.boxes
        if b is not None
    ]
    assert min(on_glyphs) > 0.05 and sum(beside) / len(beside) < 0.01  # each box on its glyph, none on blank paper


# (cells of one row: a header word broken inside its cell and a lone figure; characters the font's ToUnicode map
# leaves out; what the page's text must hold; W113's count) — the font is one no installed font stands in for
# (pdfmake._glyphless_cjk_font): PDFium leaves every one-character text object out of its text
GLYPHLESS_ROWS = [
    ("", ["小计", "人员经费", "5", "公用经费"], None),
    ("5", ["小计", "人员经费", "公用经费"], 1),  # the lone 5 has no Unicode value: lost, warned, not guessed
    ("费", ["小计", "人员经", "5", "公用经"], 2),
]


@pytest.mark.parametrize(("unmapped", "words", "lost"), GLYPHLESS_ROWS)
def test_text_pdfium_leaves_out_for_want_of_glyphs_is_read_again_or_warned_about(unmapped, words, lost):
    import pypdfium2 as pdfium

    row = [Cell("小计", 0), Cell("人员经\n费", 1), Cell("5", 2, align="right"), Cell("公用经\n费", 3)]
    data = make_table_pdf([(["某某局", "单位：万元"], [row], [50, 50, 50, 50])], glyphless=True, unmapped=unmapped)
    doc = pdfium.PdfDocument(data)
    try:
        pdfium_text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert "费" not in pdfium_text and "5" not in pdfium_text  # what PDFium alone gives
    decoded = read_source_bytes(data, "glyphless.pdf")
    line = decoded.text.splitlines()[-1]
    assert line.split() == words
    for ch, box in zip(decoded.text, decoded.boxes, strict=True):
        if ch in "费5":
            assert box is not None and box.page == 1 and box.x1 - box.x0 > 1
    assert [(n.code, n.params) for n in decoded.notices if n.code == "W113"] == (
        [("W113", {"page": 1, "count": lost, "font": "SimSun"})] if lost else []
    )


def test_a_lone_blank_pdfium_leaves_out_is_not_read_again(monkeypatch):
    """A text object of one blank has no width in any font: PDFium leaves it out, which loses nothing — PDFium,
    asked to measure it (nlp.sources.unplaced.prints_more), finds no more printed characters, so pdfminer is not
    run on the page (a page costs it tenfold)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from nlp.sources import unplaced
    from nlp.sources.pdf import read_pdf

    row = [Cell("小计", 0), Cell(" ", 1), Cell("人员经费", 2)]
    data = make_table_pdf([(["某某局", "单位：万元"], [row], [50, 50, 50])], glyphless=True)
    doc = pdfium.PdfDocument(data)
    try:
        assert len(unplaced.left_out(doc[0], pdfium_c).segments) == 1  # the blank
    finally:
        doc.close()
    monkeypatch.setattr(unplaced.MinerPages, "chars", lambda self, index: pytest.fail("pdfminer read the page"))
    pdf = read_pdf(data, "blank.pdf", Limits())
    assert pdf.text.splitlines()[-1].split() == ["小计", "人员经费"]
    assert not pdf.recovered and not pdf.lost


def test_a_scanned_page_is_named_and_the_rest_is_read():
    decoded = read_source_bytes(make_pdf([BUDGET_LINES, None, ["After the scan"]]), "r.pdf")
    assert "After the scan" in decoded.text
    (notice,) = decoded.notices
    assert (notice.code, notice.params) == ("W110", {"page": 2})


def test_a_pdf_of_scans_only_is_refused():
    assert error_of(make_pdf([None, None, None])).code == "E017"


def test_password_protected_pdf_is_refused_but_permissions_only_is_read():
    from pypdf import PdfReader, PdfWriter

    def encrypted(user_password: str) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([BUDGET_LINES]))))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()

    err = error_of(encrypted("secret"))
    assert (err.code, err.file, err.line) == ("E010", "report.pdf", 1)
    # many departments publish with an owner password only (printing or copying "restricted"): it opens without one
    assert read_source_bytes(encrypted(""), "r.pdf").text == "\n".join(BUDGET_LINES)


def test_a_broken_cross_reference_table_is_repaired_and_a_wreck_refused():
    intact = make_pdf([BUDGET_LINES])
    broken = make_pdf([BUDGET_LINES], break_xref=True)
    assert broken != intact
    assert read_source_bytes(broken, "r.pdf").text == read_source_bytes(intact, "r.pdf").text
    assert error_of(intact[: len(intact) // 3]).code == "E011"  # truncated: objects missing, no table at all


def test_thousands_of_pages_are_refused_over_the_page_limit(monkeypatch):
    data = many_pages_pdf(2500, BUDGET_LINES)
    assert len(data) < 1_000_000  # a small file: the page count, not the size, is what the limit catches
    err = error_of(data)
    assert err.code == "E012" and "2500 pages" in err.message and "2000" in err.message
    monkeypatch.setenv("BUDGETKG_MAX_PAGES", "3")
    assert error_of(make_pdf([BUDGET_LINES] * 4)).code == "E012"


def test_a_decompression_bomb_is_a_per_file_error_under_the_memory_limit_and_bounded_above_it():
    bomb = bomb_pdf(400, BUDGET_LINES)  # 400 MiB of content stream in a file of a few KB
    assert len(bomb) < 20_000
    err = error_of(bomb, max_memory_mb=320)
    assert err.code in ("E014", "E019") and "320 MiB" in err.message
    decoded = read_source_bytes(bomb, "bomb.pdf", limits=Limits(max_memory_mb=2048))
    assert decoded.text == "\n".join(BUDGET_LINES)


def test_a_file_that_reads_too_long_is_stopped_and_the_next_one_is_read():
    with pytest.raises(ReportError) as info:  # stopped (E013), not left to sleep its 60 s
        run_isolated(time.sleep, (60,), "slow.pdf", Limits(max_seconds=1))
    assert info.value.code == "E013" and info.value.file == "slow.pdf"
    assert read_source_bytes(make_pdf([BUDGET_LINES]), "r.pdf").text.startswith("2026 Budget")


def test_a_reader_that_crashes_is_named_and_the_next_file_is_read():
    with pytest.raises(ReportError) as info:
        run_isolated(os.abort, (), "crash.pdf", Limits())
    assert info.value.code == "E019" and "SIGABRT" in info.value.message
    assert read_source_bytes(make_pdf([BUDGET_LINES]), "r.pdf").pages == 1


def test_a_file_over_the_byte_limit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "big.pdf"
    path.write_bytes(make_pdf([BUDGET_LINES]))
    monkeypatch.setenv("BUDGETKG_MAX_SOURCE_BYTES", "100")
    with pytest.raises(ReportError) as info:
        read_source(path)
    assert info.value.code == "E006"


def test_a_bad_limit_setting_says_which():
    env = {**os.environ, "BUDGETKG_MAX_PAGES": "many"}
    out = subprocess.run(
        [os.sys.executable, "-c", "from nlp.sources import Limits; Limits.from_env()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0 and "BUDGETKG_MAX_PAGES='many'" in out.stderr


# --- Word ----------------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_docx_paragraphs_and_table_rows_become_lines():
    rows = [["科目编码", "科目名称", "合计", ""], ["2010301", "行政运行", "1,234.56", "1,000.00"]]
    decoded = read_source_bytes(make_docx(["单位：万元", "一般公共预算支出表"], rows, merge_first_row=True), "r.docx")
    # the header cell merged over two columns is read once; empty cells leave no gap
    assert decoded.text.split("\n") == [
        "单位：万元",
        "一般公共预算支出表",
        "科目编码 科目名称 合计",
        "2010301 行政运行 1,234.56 1,000.00",
    ]
    assert decoded.boxes is None


def test_a_zip_of_something_else_named_docx_is_refused_naming_what_it_holds():
    err = error_of(zip_of({"scan1.jpg": b"\xff\xd8\xff", "scan2.jpg": b"\xff\xd8\xff"}), "report.docx")
    assert err.code == "E015" and "scan1.jpg" in err.message
    err = error_of(zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"}), "report.docx")
    assert err.code == "E018" and err.file == "report.docx"


def test_a_zip_bomb_is_refused_before_unpacking(monkeypatch):
    monkeypatch.setenv("BUDGETKG_MAX_UNPACKED_BYTES", str(1 << 20))
    data = zip_of({"word/document.xml": b" " * (4 << 20), "[Content_Types].xml": b"<Types/>"})
    assert len(data) < 100_000
    err = error_of(data, "report.docx")
    assert err.code == "E016" and f"unpacks to {(4 << 20) + len('<Types/>')} bytes" in err.message


# --- Excel ---------------------------------------------------------------------------------------


def make_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    ws.append(["一般公共预算支出表"])
    ws.merge_cells("A1:D1")
    ws.append(["科目编码", "科目名称", "金额", None])
    ws.merge_cells("C2:D2")
    ws.append([2010301, "行政运行", 1234.5, None])
    ws.append([2010302, "一般行政管理事务", 86, None])
    ws["C3"].number_format = "#,##0.00"
    ws.append(["合计", None, "=SUM(C3:C4)", None])  # saved by a program: no computed value
    ws.append(["另计", None, "=C3*2", None])  # given a computed value below, as Excel would save it
    wb.create_sheet("hidden").append(["不应读出"])
    wb["hidden"].sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    # write the value Excel would have saved for C6 into the sheet's XML
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>C3*2</f><v></v>", b"<f>C3*2</f><v>2469</v>").replace(
                    b"<f>C3*2</f><v />", b"<f>C3*2</f><v>2469</v>"
                )
                assert b"<v>2469</v>" in data
            dst.writestr(item, data)
    return out.getvalue()


def test_xlsx_rows_become_lines_formulas_without_values_are_warned_never_computed():
    decoded = read_source_bytes(make_xlsx(), "r.xlsx")
    assert decoded.text.split("\n") == [
        "一般公共预算支出表",
        "科目编码 科目名称 金额",
        "2010301 行政运行 1,234.50",  # as the sheet displays it (#,##0.00)
        "2010302 一般行政管理事务 86",
        "合计",  # =SUM(...) never computed by Excel: left empty, warned
        "另计 2469",  # the value Excel saved
    ]
    (notice,) = decoded.notices
    assert (notice.code, notice.line, notice.params) == ("W111", 5, {"sheet": "表1", "cell": "C5"})


# --- HTML ----------------------------------------------------------------------------------------


def test_html_article_is_read_without_menus_in_the_pages_own_encoding():
    menu = "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(30))
    page = (
        f"<!DOCTYPE html><html><head><meta charset='gbk'><title>站点</title><script>var x='不要';</script>"
        f"</head><body><div class='nav'><ul>{menu}</ul></div><div class='main'><div class='t'>某某局2026年部门预算</div>"
        f"<div class='txt'><p>一、部门职责</p><p>负责全市审计工作。<br>主要任务如下。</p>"
        f"<table><tr><td>2010301</td><td>行政运行</td><td>1,234.56</td></tr></table>"
        f"<p>{'详细说明。' * 40}</p></div></div><div class='foot'><a href='/'>网站地图</a></div></body></html>"
    )
    decoded = read_source_bytes(page.encode("gbk"), "page.htm")
    lines = decoded.text.split("\n")
    assert lines[:5] == [
        "某某局2026年部门预算",
        "一、部门职责",
        "负责全市审计工作。",
        "主要任务如下。",
        "2010301 行政运行 1,234.56",
    ]
    assert "栏目1" not in decoded.text and "不要" not in decoded.text and "网站地图" not in decoded.text
    assert decoded.encoding in ("gbk", "gb2312", "gb18030") and decoded.media_type == "text/html"


def test_a_page_declaring_gbk_but_saved_as_utf8_is_read_as_browsers_would_not_garbled():
    page = "<html><head><meta charset='gbk'></head><body><p>部门预算 2026 年</p><p>合计 1,234.56</p></body></html>"
    decoded = read_source_bytes(page.encode("utf-8"), "page.html")
    assert decoded.text == "部门预算 2026 年\n合计 1,234.56" and decoded.encoding == "utf-8" and not decoded.notices
    broken = page.encode("gbk").replace("合计".encode("gbk"), b"\xff\xfe")  # bytes no encoding reads
    decoded = read_source_bytes(broken, "page.html")
    assert "部门预算" in decoded.text and [(n.code, n.params["count"]) for n in decoded.notices] == [("W103", 2)]
