"""``budgetkg build`` on a folder of published files of every kind, good and bad, in one batch: the good ones
stored, each bad one a named error, nothing partial; the files kept by SHA-256 so provenance outlives the folder."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile

import pytest
from conftest import CORPUS_FILES
from pdfmake import make_pdf, many_pages_pdf
from test_sources_formats import as_docx, as_html, as_xlsx

from kg.build import build
from kg.originals import Originals
from kg.store import Store


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.slow  # fast loop: each error code in test_sources, originals kept below
def test_a_mixed_folder_builds_the_good_files_names_the_bad_and_keeps_the_originals(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BUDGETKG_MAX_PAGES", "50")
    inputs = tmp_path / "downloads"
    inputs.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in CORPUS_FILES[1:4]]
    good = {"report.docx": as_docx(texts[0]), "workbook.bin": as_xlsx(texts[1]), "page.htm": as_html(texts[2])}
    scans = io.BytesIO()
    with zipfile.ZipFile(scans, "w") as z:
        z.writestr("scan-1.jpg", b"\xff\xd8\xff")
    bad = {
        "scans.docx": scans.getvalue(),
        "huge.pdf": many_pages_pdf(60, ["x"]),
        "empty-scan.pdf": make_pdf([None]),
        "truncated.pdf": make_pdf([["a"]])[:150],
    }
    for name, data in {**good, **bad}.items():
        (inputs / name).write_bytes(data)
    shutil.copy(CORPUS_FILES[4], inputs / "plain.txt")
    data_dir = tmp_path / "data"

    from kg.cli import main

    assert main(["build", str(inputs), "--store", str(data_dir), "--no-entities", "--jobs", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    for name, code in (
        ("scans.docx", "E015"),
        ("huge.pdf", "E012"),
        ("empty-scan.pdf", "E017"),
        ("truncated.pdf", "E011"),
    ):
        assert f"{inputs / name}:1: error {code}:" in err, (name, err)

    shutil.rmtree(inputs)  # provenance must not depend on the input folder any more
    store = Store(data_dir, read_only=True)
    stored = {
        r["sha"].value: r["type"].value
        for r in store.query(
            """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?sha ?type WHERE { GRAPH ?r { ?r a bkg:Report ; bkg:sha256 ?sha ; prov:wasDerivedFrom ?src .
          ?src dcterms:format ?type } }""",
            use_default_graph_as_union=False,
        )
    }
    expected = {
        sha(good["report.docx"]): "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        sha(good["workbook.bin"]): "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        sha(good["page.htm"]): "text/html",
        sha(CORPUS_FILES[4].read_bytes()): "text/plain",
    }
    assert stored == expected  # every good file is a report, of the kind its bytes say; no bad one left anything
    kept = Originals(data_dir)
    for name, data in good.items():
        assert kept.read(sha(data)) == data, name
    assert all(kept.path(sha(d)) is None for d in bad.values())
    assert kept.path("../../etc/passwd") is None and kept.path("0" * 63) is None


def test_an_unchanged_file_is_kept_again_if_its_copy_went_missing(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(as_docx(CORPUS_FILES[1].read_text(encoding="utf-8")))
    data_dir = tmp_path / "data"
    build([path], data_dir, validate=False, entities=False, jobs=1)
    kept = Originals(data_dir)
    digest = sha(path.read_bytes())
    kept.path(digest).unlink()
    result = build([path], data_dir, validate=False, entities=False, jobs=1)
    assert result.files[0].status == "unchanged" and kept.read(digest) == path.read_bytes()
    assert oct(kept.path(digest).stat().st_mode & 0o777) == "0o444"  # kept read-only
    assert not list(kept.root.glob("*/.incoming-*"))
