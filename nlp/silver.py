"""Silver labels over the development set: weak supervision for the NER (``budgetkg train --devset``).

The rules (gazetteer, closed forms, open-form candidates) label the narrative of every development
report except the hand-read gold's **test** split — those reports are never opened here, matched by
file name and by content hash — and where a report of the gold's **train** split was read by hand,
its labels replace the rules' for the types that were read.  Open-form heads the rules left
unexplained are left unannotated ("missing"), not taught as "no entity".

The rows live in memory only: the development set's text is read at training time and never
written into the repository (the pipeline keeps its weights and its labels, not the words it was
trained on: see :func:`nlp.training.forget_training_text`).  The pipeline's ``meta.json`` names the
reports it was trained on, by file name and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

#: A paragraph carrying a table row: amounts in a row (102.33 102.33), cells laid into the text.
_TABLE_ROW = re.compile(r"\d\.\d{2}\s+-?\d[\d,]*\.\d{2}")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
#: Open-form heads: where the rules found nothing, a silver row leaves these unannotated.
OPEN_HEAD = re.compile(
    r"[\u4e00-\u9fffA-Za-z“”\"+]{0,12}(?:平台|系统|APP|App|热线|中心|局|大厅|分厅|网|卡|数据库|终端|改革|工程|"
    r"行动|科|委员会|办公室|处|司|厅|院|站|所|署|委|办|队|馆|部)"
)
ALL_TYPES = ("Agency", "Platform", "Reform", "PolicyDocument")


@dataclass(frozen=True)
class DevReport:
    """A development report training may read: its file, hash, and hand-read gold (train split) if any."""

    path: Path
    sha256: str
    gold: dict | None = None


def training_reports(devset_dir: str | Path, gold_rows: list[dict]) -> list[DevReport]:
    """Every text report of the development set except the gold's test split (by name and by hash)."""
    test_names = {r["report"] for r in gold_rows if r["split"] == "test"}
    test_hashes = {r["sha256"] for r in gold_rows if r["split"] == "test"}
    train_gold = {r["report"]: r for r in gold_rows if r["split"] == "train"}
    out = []
    for path in sorted((Path(devset_dir) / "text").glob("*.txt")):
        if path.name in test_names:
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in test_hashes:
            continue  # the same report under another name
        gold = train_gold.get(path.name)
        out.append(DevReport(path, digest, gold if gold and gold["sha256"] == digest else None))
    return out


def narrative_sentences(raw: str) -> list[tuple[str, list[int]]]:
    """Sentences of the narrative paragraphs of ``raw`` with the raw offset of each character
    (paragraphs unwrapped as the reader unwraps them; number tables and table rows skipped)."""
    from nlp.normalize import normalize, unwrap
    from nlp.relations import looks_like_table

    norm = normalize(raw)
    out = []
    for text, clean in unwrap(norm, 0, len(norm.lines)):
        if looks_like_table(text) or _TABLE_ROW.search(text):
            continue
        offs = [norm.offsets[c] for c in clean]
        for m in _SENTENCE.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            if e - s >= 8:
                out.append((text[s:e], offs[s:e]))
    return out


def _gold_in(sentence_offsets: list[int], gold: dict) -> tuple[list[list], set[str]] | None:
    """Gold entities of a sentence inside the hand-read regions, in sentence offsets, and the types read."""
    first, last = sentence_offsets[0], sentence_offsets[-1]
    if not any(a <= first and last < b for a, b in gold["regions"]):
        return None
    at = {raw: i for i, raw in enumerate(sentence_offsets)}
    ents = [[at[s], at[e - 1] + 1, label] for s, e, label in gold["entities"] if s in at and (e - 1) in at]
    return ents, set(gold.get("types") or ALL_TYPES)


def silver_rows(nlp_rules, reports: list[DevReport]) -> list[dict]:
    """Training rows over ``reports``: the rules' labels, the hand-read gold's where there is one."""
    rows = []
    for report in reports:
        sentences = narrative_sentences(report.path.read_text(encoding="utf-8"))
        for (text, offs), doc in zip(sentences, nlp_rules.pipe([t for t, _ in sentences])):
            ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents if e.label_ in ALL_TYPES]
            read = _gold_in(offs, report.gold) if report.gold else None
            if read is not None:
                gold, types = read
                ents = gold + [
                    x for x in ents if x[2] not in types and not any(x[0] < g[1] and g[0] < x[1] for g in gold)
                ]
            missing = [
                [m.start(), m.end()]
                for m in OPEN_HEAD.finditer(text)
                if not any(a <= m.start() and m.end() <= b for a, b, _ in ents)
            ]
            if read is not None and read[1] == set(ALL_TYPES):
                missing = []  # read by hand: what is not marked is no entity
            rows.append({"text": text, "entities": sorted(ents), "missing": missing})
    return rows


def manifest(reports: list[DevReport]) -> list[dict]:
    """What the pipeline records of its development data: names and hashes, no text."""
    return [{"report": r.path.name, "sha256": r.sha256, "gold": r.gold is not None} for r in reports]


def load_gold_rows(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
