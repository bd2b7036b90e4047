"""Synthetic copies of the bundled corpus for benchmarks and store tests.

Copy ``i`` of a report renames its city (广州市 → 广州{i}市, so every agency gets a new
full name) and moves its fiscal year forward by ``i``.  Everything else — tables,
narrative, amounts — is the real report, so the graph grows like a real corpus would.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def manifest() -> list[dict[str, str]]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def variant(text: str, year: int, i: int) -> str:
    if i == 0:
        return text
    # only "2018年" / "2018 年": a bare 2018 may be part of an amount
    text = text.replace("广州市", f"广州{i}市")
    return text.replace(f"{year}年", f"{year + i}年").replace(f"{year} 年", f"{year + i} 年")


def write_copies(folder: Path, copies: int) -> list[Path]:
    """``copies`` × the corpus into ``folder`` (copy 0 is the corpus itself); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for row in manifest():
        raw = (CORPUS / row["file"]).read_bytes()
        text = raw.decode("utf-8")
        for i in range(copies):
            path = folder / f"c{i:03d}_{row['file']}"
            path.write_text(variant(text, int(row["fiscal_year"]), i), encoding="utf-8")
            out.append(path)
    return sorted(out)
