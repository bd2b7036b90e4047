"""Synthetic copies of the bundled corpus for benchmarks and store tests.

Copy ``i`` of a report renames its city (广州市 → 东南市 …, so every agency gets a new
full name) and moves its fiscal year back by ``i % 8``.  Everything else — tables,
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


#: Copy i's city: two characters from here (东南市, 东西市 …) — real-looking names, as the reader expects.
_CITY_CHARS = "东南西北中新安平和兴"


def city(i: int) -> str:
    return _CITY_CHARS[(i // 10) % 10] + _CITY_CHARS[i % 10] + "市"


def variant(text: str, year: int, i: int) -> str:
    """Copy ``i`` (0 = the report itself): another city, so every agency is new, and a year moved back by i % 8."""
    if i == 0:
        return text
    # only "2018年" / "2018 年": a bare 2018 may be part of an amount
    text = text.replace("广州市", city(i))
    shifted = year - i % 8
    return text.replace(f"{year}年", f"{shifted}年").replace(f"{year} 年", f"{shifted} 年")


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
