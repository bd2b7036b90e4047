"""The read sets of the held-out harness (:mod:`nlp.heldout`, docs/learning.md): the paragraphs read by hand with
their gold spans, the folds that hold one set (or page) out, and the ``collect`` files that keep them with what a
checkout's pipeline found in them."""

from __future__ import annotations

import collections
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nlp.evaluation import gold_spans, load_gold

LABEL = "Platform"

#: (paragraph, start, end, label, source): what a checkout's pipeline found in a read paragraph.
Found = tuple[int, int, int, str, str]


@dataclass(frozen=True)
class Paragraph:
    """One read paragraph: the set and page it comes from, its text, its gold spans ``(start, end, label)`` and
    the types it was read for (None: every type)."""

    set: str
    page: str
    text: str
    gold: frozenset[tuple[int, int, str]]
    types: frozenset[str] | None = None
    #: for a devset paragraph, the report's raw text and each character's offset in it (names laid across table
    #: cells are not counted, as ``budgetkg eval`` does not count them)
    raw: str | None = field(default=None, compare=False, repr=False)
    offsets: tuple[int, ...] | None = field(default=None, compare=False, repr=False)

    def scored(self, label: str = LABEL) -> bool:
        return self.types is None or label in self.types


def read_sets(sets: dict[str, Path], devset: Path | None = None) -> list[Paragraph]:
    """The paragraphs of each named set of gold files (a folder of ``*.jsonl`` or one file; rows with no entities
    read are left out), and with ``devset`` the hand-read regions of its TRAIN split as the set ``train`` (never
    the test split)."""
    out = []
    for name, path in sets.items():
        for r in load_gold(path):
            if r.get("entities") is None:
                continue  # read for indicators only
            types = frozenset(r["types"]) if r.get("types") else None
            out.append(
                Paragraph(name, str(r["report"]), r["text"], frozenset(gold_spans(r["text"], r["entities"])), types)
            )
    if devset is not None:
        from nlp.evaluation import devset_text, load_devset_gold, region_paragraphs

        for row in load_devset_gold(split="train"):
            _, raw = devset_text(devset, row)
            for text, offs in region_paragraphs(raw, row["regions"]):
                where = {o: i for i, o in enumerate(offs)}
                gold = {
                    (where[s], where[e - 1] + 1, lab) for s, e, lab in row["entities"] if s in where and e - 1 in where
                }
                types = frozenset(row["types"]) if row.get("types") else None
                out.append(Paragraph("train", row["report"], text, frozenset(gold), types, raw, tuple(offs)))
    return out


def folds(paragraphs: Sequence[Paragraph], by: str = "set") -> list[tuple[str, list[int], list[int]]]:
    """``(fold, held-out indices, training indices)`` holding out one set (``by="set"``) or one page
    (``by="page"``) at a time.  A paragraph whose text is held out is never on the training side, whatever set it
    is in (two annotators may read the same page)."""
    key = (lambda p: p.set) if by == "set" else (lambda p: f"{p.set}/{p.page}")
    out = []
    for fold in sorted({key(p) for p in paragraphs}):
        held = [i for i, p in enumerate(paragraphs) if key(p) == fold]
        texts = {paragraphs[i].text for i in held}
        train = [i for i, p in enumerate(paragraphs) if key(p) != fold and p.text not in texts]
        out.append((fold, held, train))
    return out


def pipeline_found(
    paragraphs: Sequence[Paragraph], gazetteer: Sequence = (), pipeline: Path | None = None
) -> list[Found]:
    """What this checkout's pipeline finds in each paragraph, each page's paragraphs read together as a report's
    (:func:`nlp.propagation.report_entities`), as ``budgetkg eval`` reads them; ``gazetteer``: its entries (none:
    gazetteer off); ``pipeline``: a trained pipeline's folder (the shipped one when None)."""
    from nlp.entities import extract_docs, laid_across_cells
    from nlp.pipeline import load_pipeline
    from nlp.propagation import report_entities

    nlp = load_pipeline(str(pipeline) if pipeline else None, gazetteer=gazetteer)
    pages: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for i, p in enumerate(paragraphs):
        pages[(p.set, p.page)].append(i)
    out: list[Found] = []
    for idx in pages.values():
        docs = extract_docs(nlp, [paragraphs[i].text for i in idx], use_gazetteer=bool(gazetteer))
        for i, ents in zip(idx, report_entities(docs).entities):
            p = paragraphs[i]
            for en in ents:
                if (
                    p.raw is not None
                    and p.offsets is not None
                    and laid_across_cells(p.raw, en.label, p.offsets[en.start], p.offsets[en.end - 1] + 1)
                ):
                    continue
                out.append((i, en.start, en.end, en.label, en.source))
    return out


def save_collected(path: Path, paragraphs: Sequence[Paragraph], found: Sequence[Found]) -> None:
    """Write the paragraphs (with their gold) and the pipeline's finds for :func:`load_collected`."""
    rows = [
        {
            "set": p.set,
            "page": p.page,
            "text": p.text,
            "gold": sorted(p.gold),
            "types": sorted(p.types) if p.types else None,
        }
        for p in paragraphs
    ]
    path.write_text(json.dumps({"paragraphs": rows, "found": list(found)}, ensure_ascii=False), encoding="utf-8")


def load_collected(path: Path) -> tuple[list[Paragraph], list[Found]]:
    """The paragraphs and the pipeline's finds of a ``collect`` file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [
        Paragraph(
            r["set"],
            r["page"],
            r["text"],
            frozenset((int(s), int(e), str(lab)) for s, e, lab in r["gold"]),
            frozenset(r["types"]) if r["types"] else None,
        )
        for r in data["paragraphs"]
    ]
    return paragraphs, [(int(i), int(s), int(e), str(lab), str(src)) for i, s, e, lab, src in data["found"]]
