"""Read sets as training data: paragraphs of public pages read by hand for some entity types (``types``), outside
the gold set and the development set, taught to the NER with the reader's offsets (``budgetkg train --read-sets``).

A read set is a folder of gold rows (:func:`nlp.evaluation.load_gold`: ``report`` — the page's address —,
``line``, ``text``, ``entities``, ``types``).  :func:`training_rows` turns it into training rows the way the
development set's hand-read regions are taught (:mod:`nlp.silver`): each paragraph split into sentences, the reader's
names for the types read, the rules' names for the other types (agencies: the sets were not read for them) where
they do not cross a read name, and the open-form heads nobody explained left unannotated (``missing``).  The rows
are frozen into ``training/readsets/<set>.jsonl`` with the text (the pages are public; their addresses stay with
every row), so that training reads the repository only; ``scripts/readsets.py`` writes them.

A sentence printed again in a paragraph of a set that measures the model (the corpus gold, a precision set) is left
out: it would teach the answer to the test (``exclude``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from nlp.silver import ALL_TYPES, OPEN_HEAD

#: Where the frozen rows of the read sets are kept, one file a set.
READSETS_DIR = ("training", "readsets")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def _bare(text: str) -> str:
    """Letters and digits only (a page may print "," where another prints "，")."""
    return re.sub(r"[\W_]+", "", text)


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph (。；！？), stripped, at least 8 characters: ``(start, end)`` offsets.

    >>> sentences("负责全市政务服务平台建设。推进改革；好。")
    [(0, 13)]
    """
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 8:
            out.append((s, e))
    return out


def _sentence_rows(row: dict, rule_spans: list[tuple[int, int, str]]) -> list[dict]:
    """One paragraph's training rows: the reader's spans of the types read, the rules' of the others."""
    from nlp.evaluation import gold_spans

    text = row["text"]
    types = set(row.get("types") or ALL_TYPES)
    gold = sorted(gold_spans(text, row["entities"]))
    out = []
    for s, e in sentences(text):
        inside = [(a, b, lab) for a, b, lab in gold if s <= a and b <= e]
        crossing = [(max(a, s), min(b, e)) for a, b, _ in gold if a < e and s < b and not (s <= a and b <= e)]
        rules = [
            (a, b, lab)
            for a, b, lab in rule_spans
            if lab not in types and s <= a and b <= e and not any(a < gb and ga < b for ga, gb, _ in gold)
        ]
        ents = sorted((a - s, b - s, lab) for a, b, lab in inside + rules)
        missing = [[a - s, b - s] for a, b in crossing]
        sentence = text[s:e]
        missing += [
            [m.start(), m.end()]
            for m in OPEN_HEAD.finditer(sentence)
            if not any(a <= m.start() and m.end() <= b for a, b, _ in ents)
        ]
        if types >= set(ALL_TYPES):
            missing = [[a - s, b - s] for a, b in crossing]  # read for every type: what is not marked is no name
        out.append({"text": sentence, "entities": [list(x) for x in ents], "missing": sorted(missing)})
    return out


def training_rows(nlp_rules, gold_rows: list[dict], exclude: Iterable[str] = ()) -> list[dict]:
    """Training rows of a read set's gold rows, each with its page (``report``) and paragraph (``line``); the
    sentences repeated in ``exclude`` (paragraphs of the sets that measure the model) left out."""
    excluded = [_bare(t) for t in exclude]
    out = []
    for row, doc in zip(gold_rows, nlp_rules.pipe([r["text"] for r in gold_rows])):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ALL_TYPES]
        for r in _sentence_rows(row, found):
            if any(_bare(r["text"]) in t for t in excluded):
                continue
            out.append({"report": row["report"], "line": row.get("line"), **r})
    return out


def read_set_files(root: Path) -> list[Path]:
    """The frozen read sets under ``root`` (the checkout's :data:`READSETS_DIR`), in name order."""
    return sorted(Path(root).glob("*.jsonl"))
