"""Encoding detection (nlp.encoding) on the real corpus re-encoded, and on bytes
that are not a report at all.  Every refusal names the file and the line."""

from __future__ import annotations

import codecs

import pytest

from nlp.encoding import LONG_LINE, decode_bytes, line_at, read_file
from nlp.errors import ReportError
from tests.conftest import CORPUS_FILES

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in CORPUS_FILES}

ENCODINGS = [  # (how the file is written, encodings we accept as the answer)
    (lambda t: t.encode("utf-8"), {"utf-8"}),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), {"utf-8"}),
    (lambda t: t.encode("gbk"), {"gbk", "gb18030"}),
    (lambda t: t.encode("gb18030"), {"gb18030"}),
    (lambda t: t.encode("utf-16"), {"utf-16"}),  # with BOM
    (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), {"utf-16"}),
    (lambda t: t.encode("utf-16-le"), {"utf-16-le"}),  # no BOM
    (lambda t: t.encode("utf-16-be"), {"utf-16-be"}),  # no BOM
    (lambda t: t.encode("utf-32"), {"utf-32"}),
]


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize(
    "case",
    range(len(ENCODINGS)),
    ids=["utf8", "utf8bom", "gbk", "gb18030", "utf16", "utf16be", "utf16le-nobom", "utf16be-nobom", "utf32"],
)
def test_every_corpus_file_decodes_exactly_in_every_encoding(name: str, case: int) -> None:
    encode, accepted = ENCODINGS[case]
    # OCR junk (Ē, ĺ) has no GBK code: a GBK file could not hold it, so neither does the variant.
    text = TEXTS[name].encode("gbk", errors="replace").decode("gbk") if "gbk" in accepted else TEXTS[name]
    decoded = decode_bytes(encode(text), name)
    assert decoded.text == text
    assert decoded.encoding in accepted
    assert decoded.notices == ()


def test_sha256_is_of_the_bytes_not_the_text() -> None:
    text = TEXTS[sorted(TEXTS)[0]]
    a = decode_bytes(text.encode("utf-8"), "a")
    b = decode_bytes(text.encode("gb18030"), "b")
    assert a.text == b.text and a.sha256 != b.sha256


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"", "E001", 1),
        (b"  \n\r\n\t\n", "E001", 1),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "E001", 1),
        ("第一行\n第二行\n\x00\x01\x02二进制".encode(), "E002", 3),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "E007", 1),
        (b"PK\x03\x04\x14\x00\x00\x00", "E007", 1),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "E007", 1),
        ("<!DOCTYPE html>\n<html><body><p>部门预算</p></body></html>".encode(), "E008", 1),
        ("\n\n<html>\n<body>部门预算</body></html>".encode("gbk"), "E008", 1),
    ],
    ids=["empty", "blank", "utf16-blank", "nul", "pdf", "zip", "ole", "html", "html-gbk"],
)
def test_refused_with_code_and_line(data: bytes, code: str, line: int) -> None:
    with pytest.raises(ReportError) as info:
        decode_bytes(data, "some/report.txt")
    err = info.value
    assert (err.code, err.line) == (code, line)
    assert str(err).startswith(f"some/report.txt:{line}: error {code}: ")


def test_mostly_control_bytes_is_binary_even_without_nul() -> None:
    data = "部门预算\n".encode() + bytes(range(1, 9)) * 2000
    with pytest.raises(ReportError) as info:
        decode_bytes(data, "x.txt")
    assert info.value.code == "E002" and info.value.line == 2


def test_mixed_utf8_and_gbk_lines_decode_each_line_right() -> None:
    lines = TEXTS[sorted(TEXTS)[1]].split("\n")
    gbk_at = [i for i, ln in enumerate(lines) if not ln.isascii()][3:6]
    data = b"\n".join(ln.encode("gbk" if i in gbk_at else "utf-8") for i, ln in enumerate(lines))
    decoded = decode_bytes(data, "m.txt")
    assert decoded.text == "\n".join(lines)
    (notice,) = decoded.notices
    assert (notice.code, notice.line, notice.params["count"]) == ("W104", gbk_at[0] + 1, 3)


def test_mostly_gbk_with_a_utf8_line() -> None:
    lines = TEXTS[sorted(TEXTS)[2]].split("\n")
    utf8_at = next(i for i, ln in enumerate(lines) if len(ln) > 10 and not ln.isascii())
    data = b"\n".join(ln.encode("utf-8" if i == utf8_at else "gbk") for i, ln in enumerate(lines))
    decoded = decode_bytes(data, "m.txt")
    assert decoded.text == "\n".join(lines)
    assert decoded.encoding == "gb18030"
    assert [(n.code, n.line) for n in decoded.notices] == [("W104", utf8_at + 1)]


def test_undecodable_bytes_are_replaced_and_counted_never_silently() -> None:
    data = "预算\n合计 1.00\n".encode() + b"\xff\xfe\xff\n" + "结束\n".encode()
    decoded = decode_bytes(data, "bad.txt")
    assert decoded.n_replaced == decoded.text.count("\ufffd") > 0
    assert [(n.code, n.line) for n in decoded.notices] == [("W103", 3)]
    assert decoded.text.startswith("预算\n合计 1.00\n")


def test_control_characters_are_kept_and_reported() -> None:
    text = "预算\r\n" * 5000 + "合计\x07 1.00\r\n"
    decoded = decode_bytes(text.encode(), "c.txt")
    assert decoded.text == text  # spans point into this text: nothing may be dropped
    assert [(n.code, n.line) for n in decoded.notices] == [("W105", 5001)]


def test_long_line_is_reported_with_its_line() -> None:
    text = "一\n二\n" + "预算" * LONG_LINE + "\n"
    decoded = decode_bytes(text.encode(), "long.txt")
    assert [(n.code, n.line) for n in decoded.notices] == [("W102", 3)]


@pytest.mark.parametrize(
    ("text", "index", "line"),
    [
        ("a\nb", 2, 2),
        ("a\r\nb", 3, 2),
        ("a\r\nb", 2, 1),
        ("a\r\nb", 1, 1),
        ("a\rb\rc", 4, 3),
        ("a\fb\nc", 2, 1),
        ("x", 0, 1),
    ],
)
def test_line_at_counts_crlf_cr_and_lf_but_not_form_feed(text: str, index: int, line: int) -> None:
    assert line_at(text, index) == line


def test_too_large_is_refused_before_reading(tmp_path) -> None:
    p = tmp_path / "big.txt"
    with open(p, "wb") as f:
        f.truncate(5000)  # sparse: NUL bytes that would be "binary" if they were read
    with pytest.raises(ReportError) as info:
        read_file(p, max_bytes=4096)
    assert info.value.code == "E006" and "5000 bytes" in str(info.value)
    assert read_file(CORPUS_FILES[0], max_bytes=CORPUS_FILES[0].stat().st_size).text == TEXTS[CORPUS_FILES[0].name]


@pytest.mark.parametrize("what", ["missing", "directory"])
def test_unreadable_path(tmp_path, what: str) -> None:
    p = tmp_path / "r.txt"
    if what == "directory":
        p.mkdir()
    with pytest.raises(ReportError) as info:
        read_file(p)
    assert info.value.code == "E004" and str(p) in str(info.value)
