"""The bundled corpus is present and matches its manifest."""

from __future__ import annotations

from conftest import CORPUS_FILES, MANIFEST


def test_manifest_lists_every_bundled_report() -> None:
    assert len(MANIFEST) == 5
    for path in CORPUS_FILES:
        assert path.is_file(), path
        assert path.stat().st_size > 10_000


def test_file_names_carry_a_content_hash_prefix_not_metadata() -> None:
    # the reader must detect agency/year/phase from the text, not the file name
    for row in MANIFEST:
        assert row["fiscal_year"] not in row["file"]
