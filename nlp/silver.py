"""Silver labels over the development set: weak supervision for the NER (``budgetkg train --devset``).

The rules (gazetteer, closed forms, open-form candidates) label the narrative of every development
report except the hand-read gold's **test** split — those reports are never opened here, matched by
file name and by content hash — and where a report of the gold's **train** split was read by hand,
its labels replace the rules' for the types that were read.  Open-form heads the rules left
unexplained are left unannotated ("missing"), not taught as "no entity".

The labels are frozen into ``training/devset/labels.jsonl`` (:func:`frozen_labels`): offsets, types
and a digest per sentence, never a character of the text, so that ``budgetkg train`` rebuilds the
shipped pipeline from what the repository holds, whatever the rules of the day say; ``budgetkg train
--refresh-silver`` relabels with today's rules.  The text is read at training time and kept in memory
only (the pipeline keeps its weights and its labels, not the words it was trained on: see
:func:`nlp.training.forget_training_text`).  The pipeline's ``meta.json`` and ``provenance.json`` name
the reports it was trained on, by file name and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import StaleLabels

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


#: A quoted coined name (“穗智管”, “一网通办”改革): the rules' most precise source with the gazetteer
#: (nlp.propagation measured both at 1.000 on the train split and the corpus gold).
_QUOTED = re.compile(r"[“「][^“”「」]{2,}[”」]")
#: Where a label came from: the hand-read gold, the gazetteer, a quoted name, another rule.
SOURCES = ("gold", "gazetteer", "quoted", "pattern")
#: The labels whose sources a recipe may leave out (agencies and documents are always taught).
_FILTERED = ("Platform", "Reform")


def _rule_source(span) -> str:
    if span.kb_id_ == "gazetteer":
        return "gazetteer"
    return "quoted" if _QUOTED.search(span.text) else "pattern"


def _labelled(nlp_rules, report: DevReport) -> list[tuple[list[int], str, list[list], list[list]]]:
    """Each narrative sentence of ``report`` with its raw offsets, its labels ``[start, end, label, source]``
    (the rules', the hand-read gold's where there is one) and the open-form heads left unannotated."""
    out = []
    sentences = narrative_sentences(report.path.read_text(encoding="utf-8"))
    for (text, offs), doc in zip(sentences, nlp_rules.pipe([t for t, _ in sentences])):
        ents = [[e.start_char, e.end_char, e.label_, _rule_source(e)] for e in doc.ents if e.label_ in ALL_TYPES]
        read = _gold_in(offs, report.gold) if report.gold else None
        if read is not None:
            gold, types = read
            ents = [[*g, "gold"] for g in gold] + [
                x for x in ents if x[2] not in types and not any(x[0] < g[1] and g[0] < x[1] for g in gold)
            ]
        missing = [
            [m.start(), m.end()]
            for m in OPEN_HEAD.finditer(text)
            if not any(a <= m.start() and m.end() <= b for a, b, _, _ in ents)
        ]
        if read is not None and read[1] == set(ALL_TYPES):
            missing = []  # read by hand: what is not marked is no entity
        out.append((offs, text, sorted(ents), missing))
    return out


def silver_rows(nlp_rules, reports: list[DevReport]) -> list[dict]:
    """Training rows over ``reports``: the rules' labels, the hand-read gold's where there is one."""
    return [
        {"text": text, "entities": [e[:3] for e in ents], "missing": missing}
        for report in reports
        for _, text, ents, missing in _labelled(nlp_rules, report)
    ]


# --------------------------------------------------------------------------- frozen labels

#: Where the development set's labels are kept (``budgetkg train --refresh-silver`` rewrites it).
LABELS_FILE = ("training", "devset", "labels.jsonl")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def frozen_labels(nlp_rules, reports: list[DevReport]) -> list[dict]:
    """The labels of :func:`silver_rows`, one line per report, without a character of its text: each sentence
    as its raw offsets ``[start, end)`` in the report, a digest of its text (to notice a sentence reader that
    reads it differently), its entities with their source (:data:`SOURCES`) and its unannotated ranges
    (offsets into the sentence).

    Training reads these (:func:`thawed_rows`), not the rules of the day: the rules change every week, and a
    pipeline must be rebuilt from what the repository holds.  ``budgetkg train --refresh-silver`` relabels."""
    return [
        {
            "report": r.path.name,
            "sha256": r.sha256,
            "gold": r.gold is not None,
            "sentences": [
                [offs[0], offs[-1] + 1, _digest(text), ents, missing]
                for offs, text, ents, missing in _labelled(nlp_rules, r)
            ],
        }
        for r in reports
    ]


def thawed_rows(
    devset_dir: str | Path, frozen: list[dict], gold_rows: list[dict], taught: Collection[str] = SOURCES
) -> list[dict]:
    """Training rows from frozen labels and the development set's text (read here, kept in memory).

    A platform or reform label from a source not in ``taught`` is left unannotated, neither a name nor
    "no name": the NER is there for the names the rules miss, and it learns the rules' mistakes with their
    names (recipe ``Recipe.taught``).

    Raises :class:`StaleLabels` naming the report when a file is not the one the labels were made on, or when
    a sentence is no longer read as it was (relabel with ``budgetkg train --refresh-silver``).  A report of the
    gold's test split is never opened, whatever the labels file says."""
    test_names = {r["report"] for r in gold_rows if r["split"] == "test"}
    test_hashes = {r["sha256"] for r in gold_rows if r["split"] == "test"}
    rows = []
    for report in frozen:
        if report["report"] in test_names or report["sha256"] in test_hashes:
            raise StaleLabels(f"{report['report']}: a report of the gold's test split is never trained on")
        path = Path(devset_dir) / "text" / report["report"]
        if not path.is_file():
            raise StaleLabels(f"{path}: no such development report (the labels name it)")
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != report["sha256"]:
            raise StaleLabels(f"{path}: not the file the labels were made on (SHA-256 differs)")
        read = {(offs[0], offs[-1] + 1): text for text, offs in narrative_sentences(raw.decode("utf-8"))}
        for start, end, digest, ents, missing in report["sentences"]:
            text = read.get((start, end))
            if text is None or _digest(text) != digest:
                raise StaleLabels(
                    f"{path}: the sentence at characters {start}-{end} is read differently today; "
                    "relabel with `budgetkg train --refresh-silver`"
                )
            kept = [e[:3] for e in ents if e[2] not in _FILTERED or e[3] in taught]
            unsure = [e[:2] for e in ents if e[2] in _FILTERED and e[3] not in taught]
            rows.append({"text": text, "entities": kept, "missing": sorted(missing + unsure)})
    return rows


def labels_manifest(frozen: list[dict]) -> list[dict]:
    """What the pipeline records of its development data: names and hashes, no text."""
    return [{"report": r["report"], "sha256": r["sha256"], "gold": r["gold"]} for r in frozen]


def load_gold_rows(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
