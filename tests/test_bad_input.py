"""The bad-input suite: hostile and broken report files, built at test time from
the real corpus (tests/badinput), read one by one and as a batch.

Every kind must give a clear per-file error or warning naming the file and the
line; a batch goes on past it and its exit code says that some files failed.
Whatever is read obeys the reader's invariants (see :func:`check_report`): no
span points anywhere but at the raw text it quotes, and no amount is invented.
"""

from __future__ import annotations

import dataclasses
import re
import signal
import subprocess
import sys
from bisect import bisect_right
from contextlib import contextmanager
from decimal import MAX_PREC, Decimal, localcontext
from pathlib import Path

import pytest

from nlp import ReportError, read_report
from nlp.encoding import line_at, read_file
from nlp.model import Amount, Span
from tests.badinput import KINDS, Case, coded_rows, same_report_twice
from tests.conftest import CORPUS_FILES

#: The base for damage: the first corpus file with coded table rows.
BASE_FILE = next(p for p in CORPUS_FILES if len(coded_rows(p.read_text(encoding="utf-8"))) >= 3)
BASE_TEXT = BASE_FILE.read_text(encoding="utf-8")
#: Errors about a path that has no lines (not there, a folder, too large to open).
NO_LINE = {"E004", "E006"}
#: Kinds whose work grows with line length: read under a deadline (hang guard, not a timing).
HANG_RISK = {"one_mb_line", "bracket_bomb"}
DECODE_WARNINGS = {"W102", "W103", "W104", "W105", "W106"}
#: Kinds whose promised warning the reader does not give yet (xfail, not strict: they pass once it does).
PENDING: dict[str, str] = {}
UNIT_FACTOR = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000), "千元": Decimal(1000)}


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) if the block runs longer than ``seconds``."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: the reader hangs on this input")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def make(name: str, folder: Path) -> Case:
    folder.mkdir(parents=True, exist_ok=True)
    return KINDS[name](BASE_TEXT, folder)


@pytest.fixture(scope="module")
def base_report():
    try:
        return read_report(BASE_FILE)
    except ReportError as exc:  # the reader's placeholders still refuse every report
        pytest.skip(f"the reader cannot read the undamaged base yet: {exc}")


# --- invariants of anything read -------------------------------------------------


def walk(obj, seen=None):
    """Every dataclass instance reachable from ``obj`` (lists, dicts, nested)."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        seen.add(id(obj))
        yield obj
        for f in dataclasses.fields(obj):
            yield from walk(getattr(obj, f.name), seen)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from walk(x, seen)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from walk(x, seen)


def canon_number(s: str) -> str:
    """A printed number without what PDF extraction puts into it (spaces, full-width forms)."""
    s = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "，．－" else c for c in s)
    return re.sub(r"[\s\u200b-\u200d\u2060\ufeff]", "", s)


_LINE_END = re.compile(r"\r\n|\r|\n")


def line_numbers(raw: str):
    """index → 1-based line of ``raw[index]`` (CRLF, CR and LF end a line), by bisecting the line ends found once;
    nlp.encoding.line_at gives the same answer by counting from the start on every call (too slow for every span
    of a report: test_line_numbers_agree_with_the_readers_own below)."""
    ends = [m.end() for m in _LINE_END.finditer(raw)]
    return lambda index: bisect_right(ends, index) + 1


def check_report(report, raw: str, path: Path) -> None:
    """The reader's promises on any input it accepts."""
    for d in report.diagnostics:
        assert d.file == str(path), d
        assert str(d).startswith(f"{path}:{d.line}: "), d
        assert d.line >= 0 and d.code in str(d)
    # what could not be found is said, never silently left out
    codes = {d.code for d in report.diagnostics}
    for missing, code in ((report.agency, "W012"), (report.fiscal_year, "W010"), (report.phase, "W011")):
        assert missing is not None or code in codes, f"{path}: {code} missing"
    assert report.tables or "W307" in codes, f"{path}: no tables and no W307"
    line_of = line_numbers(raw)
    for node in walk(report):
        if isinstance(node, Span) and node.end > node.start:
            assert 0 <= node.start < node.end <= len(raw), node
            assert raw[node.start : node.end] == node.text, node
            if node.line:
                assert node.line == line_of(node.start), node
        if isinstance(node, Amount):
            check_amount(node, raw)


def test_line_numbers_agree_with_the_readers_own() -> None:
    raw = "一\r\n二\r三\n\n四\r\r\n五\n"
    line_of = line_numbers(raw)
    assert [line_of(i) for i in range(len(raw))] == [line_at(raw, i) for i in range(len(raw))]
    assert line_of(raw.index("五")) == 7  # 四 ends line 5 with CR, CRLF ends the empty line 6


def check_amount(amount: Amount, raw: str) -> None:
    """Never invent a number: the printed text is at the span, the value is it × unit."""
    span = amount.span
    assert raw[span.start : span.end] == span.text
    printed = canon_number(amount.printed)
    assert printed == canon_number(span.text) or printed in canon_number(span.text), (amount, span)
    digits = printed.replace(",", "")
    negative = digits.startswith(("-", "(")) or digits.startswith("−")
    digits = digits.strip("-−()（）")
    assert re.fullmatch(r"\d+(\.\d+)?", digits), amount
    with localcontext() as ctx:  # exact: no rounding to 28 digits may hide an invented number
        ctx.prec = MAX_PREC
        value = Decimal(digits) * UNIT_FACTOR[amount.unit]
        assert amount.value == (-value if negative else value), amount


def projection(report) -> tuple:
    """What must not change when only the bytes around the text change."""
    tables = [
        (t.number, t.title, t.unit, [(r.code, r.name, [c.value if c else None for c in r.cells]) for r in t.rows])
        for t in report.tables
    ]
    projects = [(p.name, p.unit_name, p.amount.value if p.amount else None) for p in report.projects]
    return (
        report.agency,
        report.fiscal_year,
        report.phase,
        tables,
        projects,
        [(r.unit_name, r.text) for r in report.responsibilities],
    )


# --- one file at a time ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(KINDS))
def test_decoding(name: str, tmp_path: Path) -> None:
    """The decoding step alone: errors by code and line, text exact, decode warnings placed."""
    case = make(name, tmp_path)
    if case.error:
        with pytest.raises(ReportError) as info:
            read_report(case.path)
        err = info.value
        assert err.code == case.error, err
        assert str(err).startswith(f"{case.path}:{err.line}: error {err.code}: "), err
        if case.line is not None:
            assert err.line == case.line, err
        elif err.code not in NO_LINE:
            assert err.line >= 1, err
        return
    decoded = read_file(case.path)
    if case.base_text is not None:
        assert decoded.text == case.base_text
    wanted = DECODE_WARNINGS.intersection(case.warnings)
    if wanted:
        assert any(n.code in wanted and n.line == case.line for n in decoded.notices), decoded.notices
    else:
        assert not {n.code for n in decoded.notices} - {"W102"}, decoded.notices


@pytest.mark.parametrize("name", sorted(KINDS))
def test_reading(name: str, tmp_path: Path, base_report, request) -> None:
    """The whole reader: a report (with the promised warning at the promised line)
    or a clear error; never a crash, never an invented number."""
    if name in PENDING:
        request.applymarker(pytest.mark.xfail(reason=PENDING[name], strict=False))
    case = make(name, tmp_path)
    if case.error:
        pytest.skip("refused while decoding (test_decoding)")
    raw = read_file(case.path).text
    try:
        with deadline(600 if name in HANG_RISK else 120):
            report = read_report(case.path)
    except ReportError as err:
        assert not (case.same_as_base or case.warnings), f"{name} must be read, got {err}"
        assert str(err).startswith(f"{case.path}:{err.line}: error {err.code}: ")
        return
    check_report(report, raw, case.path)
    if case.warnings:
        hits = [d for d in report.diagnostics if d.code in case.warnings]
        assert hits, f"{name}: none of {case.warnings} in {[str(d) for d in report.diagnostics]}"
        if case.line is not None:
            assert any(d.line == case.line for d in hits), [str(d) for d in hits]
    if case.same_as_base:
        assert projection(report) == projection(base_report)
    if "printed" in case.extra:  # the damaged amount: kept exactly (check_amount), or skipped with a warning
        kept = [a for a in walk(report) if isinstance(a, Amount) and canon_number(a.printed) == case.extra["printed"]]
        warned = [d for d in report.diagnostics if d.line == case.line]
        assert kept or warned, f"{case.extra['printed']} vanished silently"
        assert all(a.span.line == case.line for a in kept)
        if kept and "flag" in case.extra:  # kept, and said so at its line (a negative amount is legal but rare)
            assert any(d.code == case.extra["flag"] and d.line == case.line for d in report.diagnostics), case.extra


def test_unbalanced_title_mark_does_not_swallow_the_text(tmp_path: Path, base_report) -> None:
    """An opening 《 that never closes names no policy document running on past its line."""
    case = make("unbalanced_title_mark", tmp_path)
    report = read_report(case.path, entities=True)
    raw = read_file(case.path).text
    check_report(report, raw, case.path)
    opened = raw.index("根据《优化营商环境条例") + 2
    line_end = raw.index("\n", opened)
    for m in report.mentions:  # (a name may wrap over lines; none runs on for paragraphs)
        assert len(m.text) <= 80 and m.span.end - m.span.start <= 160, m
        assert not (m.span.start <= opened < m.span.end and m.span.end > line_end), m


def test_every_corpus_report_keeps_its_promises(corpus_reports) -> None:
    for p in CORPUS_FILES:
        check_report(corpus_reports[p.name], p.read_text(encoding="utf-8"), p)


def _variant_transforms() -> dict:
    """Layouts other cities print (tests/test_table_variants.py), and line-end damage."""
    import tests.test_table_variants as tv

    names = [
        "to_yuan",
        "to_whole_yuan",
        "spaced_codes",
        "tab_split_codes",
        "bracketed_codes",
        "wrap_names",
        "amounts_next_line",
        "full_width",
        "implied_codes",
    ]
    out = {n: getattr(tv, n) for n in names if hasattr(tv, n)}
    out["crlf"] = lambda t: t.replace("\n", "\r\n")
    out["form_feeds"] = lambda t: "\n".join(
        "\f" + ln if j and j % 40 == 0 else ln for j, ln in enumerate(t.split("\n"))
    )
    out["zero_width"] = lambda t: re.sub(r"(\d)\.(\d\d)\b", "\\1\u200b.\\2", t)
    return out


VARIANTS = _variant_transforms()


@pytest.mark.parametrize("variant", sorted(VARIANTS))
# every variant of two corpus reports in the fast loop, of all five in the full one
@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, id=p.name[:3], marks=[] if i in (0, 2) else [pytest.mark.slow])
        for i, p in enumerate(CORPUS_FILES)
    ],
)
def test_no_number_is_invented_in_any_variant(path: Path, variant: str, base_report) -> None:
    """Every amount of every report read from a variant is printed at its span, exactly."""
    from nlp import read_report_bytes

    raw = VARIANTS[variant](path.read_text(encoding="utf-8"))
    name = f"{path.stem}-{variant}.txt"
    report = read_report_bytes(raw.encode("utf-8"), name)
    check_report(report, raw, Path(name))
    amounts = [a for a in walk(report) if isinstance(a, Amount)]
    assert amounts or not re.search(r"\d\.\d\d", raw)


# --- a batch --------------------------------------------------------------------


@pytest.mark.slow  # fast loop: test_batch_failures, the reader crash below
def test_extract_batch_goes_on_and_exit_code_says_some_failed(tmp_path: Path, capsys) -> None:
    from kg.cli import main

    cases = {name: make(name, tmp_path / name) for name in sorted(KINDS) if name != "huge_100mb"}
    good = BASE_FILE
    paths = [str(c.path) for c in cases.values()] + [str(good)]
    code = main(["extract", *paths])
    err = capsys.readouterr().err
    assert code == 1
    for name, case in cases.items():
        if case.error:
            assert re.search(rf"^{re.escape(str(case.path))}:\d+: error {case.error}: ", err, re.M), name
    n_failed = sum(1 for c in cases.values() if c.error)
    assert re.search(rf"(\d+) of {len(paths)} files failed", err)
    assert int(re.search(rf"(\d+) of {len(paths)} files failed", err).group(1)) >= n_failed
    assert not re.search(r"^Traceback", err, re.M)


def test_extract_all_good_exits_zero_and_flags_the_same_report_twice(tmp_path: Path, capsys, base_report) -> None:
    from kg.cli import main

    a, b = same_report_twice(BASE_TEXT, tmp_path)
    assert main(["extract", str(a), str(b)]) == 0
    err = capsys.readouterr().err
    assert re.search(rf"^{re.escape(str(b))}:1: warning W014: same content as {re.escape(str(a))}", err, re.M)


def test_console_script_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    exe = Path(sys.executable).with_name("budgetkg")
    proc = subprocess.run(
        [str(exe), "extract", str(empty), str(tmp_path / "missing.txt")], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 1
    assert f"{empty}:1: error E001" in proc.stderr and f"{tmp_path / 'missing.txt'}:0: error E004" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- a build ------------------------------------------------------------------------


@pytest.mark.slow
def test_build_stores_exactly_the_good_reports(tmp_path: Path) -> None:
    """``budgetkg build`` over hostile files and good ones: exit code 1, every bad
    file named, and the store holds exactly the good reports' graphs — nothing of
    the bad ones, not even part of one."""
    import hashlib

    from kg.store import Store

    cases = {name: make(name, tmp_path / "bad" / name) for name in sorted(KINDS)}
    bad = {name: case for name, case in cases.items() if case.error}
    damaged = make("letters_for_numbers", tmp_path / "damaged").path  # read, with a warning
    others = [p for p in CORPUS_FILES if p != BASE_FILE][:2]
    (tmp_path / "twice").mkdir()
    twice = same_report_twice(others[1].read_text(encoding="utf-8"), tmp_path / "twice")
    good = [damaged, others[0], *twice]
    data = tmp_path / "data"
    exe = Path(sys.executable).with_name("budgetkg")
    cmd = [
        str(exe),
        "build",
        "--store",
        str(data),
        "--quiet",
        "--no-validate",
        "--no-entities",
        *map(str, [c.path for c in bad.values()] + good),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    for name, case in bad.items():
        assert str(case.path) in proc.stderr, f"{name} is not named: {proc.stderr[-3000:]}"
    store = Store(data, read_only=True)
    rows = store.query(
        "PREFIX bkg: <https://w3id.org/budgetkg/ontology#> SELECT ?g ?sha WHERE { GRAPH ?g { ?g a bkg:Report ; bkg:sha256 ?sha } }"
    )
    stored = {row["sha"].value for row in rows}
    want = {hashlib.sha256(p.read_bytes()).hexdigest() for p in good}
    assert stored == want  # the two copies of one report are one graph
    for name, case in bad.items():
        if case.path.is_file():
            sha = hashlib.sha256(case.path.read_bytes()).hexdigest()
            hits = store.query(
                f'ASK {{ GRAPH ?g {{ ?s ?p ?o FILTER(isLiteral(?o) && (STR(?o) = "{sha}" || STR(?o) = "{case.path.name}")) }} '
                "FILTER(?g != <https://w3id.org/budgetkg/id/graph/provenance>) }"
            )
            assert not hits, f"{name}: something of the bad file reached the store"


@pytest.mark.slow
def test_two_reports_with_the_same_file_name_in_different_folders_both_stay(tmp_path: Path) -> None:
    from kg.store import Store

    a, b = CORPUS_FILES[0], CORPUS_FILES[-1]
    for folder, src in (("a", a), ("b", b)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes(src.read_bytes())
    exe = Path(sys.executable).with_name("budgetkg")
    for folder in ("a", "b"):  # two builds, as a user adding reports district by district
        cmd = [
            str(exe),
            "build",
            "--store",
            str(tmp_path / "data"),
            "--quiet",
            "--no-validate",
            "--no-entities",
            str(tmp_path / folder / "report.txt"),
        ]
        assert subprocess.run(cmd, capture_output=True, timeout=1800).returncode == 0
    rows = Store(tmp_path / "data", read_only=True).query(
        "PREFIX bkg: <https://w3id.org/budgetkg/ontology#> SELECT ?g WHERE { GRAPH ?g { ?g a bkg:Report } }"
    )
    assert len(list(rows)) == 2


def test_a_reader_crash_is_one_failed_file_not_a_stopped_batch(tmp_path: Path, capsys, monkeypatch) -> None:
    """A bug that some hostile file finds in the reader (any exception) fails that file
    with E099 naming it; the other files are still read."""
    import nlp
    from kg.cli import main

    real = nlp.read_report
    a, b = tmp_path / "crashes.txt", tmp_path / "fine.txt"
    a.write_text("x", encoding="utf-8")
    b.write_text("y", encoding="utf-8")
    seen = []

    def flaky(path, **kwargs):
        seen.append(Path(path).name)
        if Path(path) == a:
            raise IndexError("list index out of range")
        return real(BASE_FILE, **kwargs)

    monkeypatch.setattr(nlp, "read_report", flaky)
    assert main(["extract", str(a), str(b)]) == 1
    err = capsys.readouterr().err
    assert seen == ["crashes.txt", "fine.txt"]
    assert re.search(
        rf"^{re.escape(str(a))}:0: error E099: internal error while reading the file \(IndexError: list index out of range\)",
        err,
        re.M,
    )
    assert "Traceback" not in err and "1 of 2 files failed" in err
