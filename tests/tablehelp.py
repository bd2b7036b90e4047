"""Helpers for the table tests: read a text's tables without the rest of the reader."""

from __future__ import annotations

from pathlib import Path

from nlp.errors import Diagnostics
from nlp.normalize import normalize
from nlp.tables import extract_tables

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_text(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def read_tables(text: str, name: str = "variant.txt"):
    diag = Diagnostics(name)
    norm = normalize(text)
    tables, projects, _ = extract_tables(norm, [], diag)
    return tables, projects, diag, norm


def table(tables, key: str):
    """A table by number (表5, 公开02表) or by title."""
    for t in tables:
        if t.number == key or t.title == key:
            return t
    raise KeyError(key)


def row(t, code: str | None = None, name: str | None = None, side: str | None = None):
    for r in t.rows:
        if (code is None or r.code == code) and (name is None or r.name == name) and (side is None or r.side == side):
            return r
    raise KeyError((t.number, code, name))


def values(r):
    return [c.value if c is not None else None for c in r.cells]


def snapshot(tables):
    """What must not change under a re-layout: per table, rows as (code, name, values in yuan)."""
    return {
        (t.number, t.title): [(r.code, r.name, r.is_total, r.side, tuple(values(r))) for r in t.rows] for t in tables
    }


#: a Shanghai-style 三公 table (its tall 机关运行经费预算数 heading cut over lines beside the 三公 group), ``{unit}`` and
#: ``{row}`` to fill: tests/test_three_public_short_parts.py and tests/test_variant_families.py build on it
SHANGHAI_THREE_PUBLIC = """\
2026年单位“三公”经费和机关运行经费预算表
编制单位：某某局 单位:{unit}
“三公”经费预算数
机关运行经费预算
公务用车购置及运行费
数
合计 因公出国(境)费 公务接待费
小计 购置费 运行费
{row}
其他相关情况说明
"""
