"""Held-out measurement of a learned accept/reject decision over platform candidates (docs/learning.md).

The rules that find platforms were written from the paragraphs read by hand (the corpus gold, the devset's train
split, dev13, open13), and on those they are right ~97 times in 100; on pages read by nobody who wrote them they
are right ~80 times in 100 and find ~70 of 100.  A figure on a read set says nothing of a decision made from it.
This module measures a learned decision the one honest way there is: trained on some read sets and measured on
another it never saw (leave one set out).

* :func:`read_sets` loads every read set as paragraphs with their gold spans (the two gold forms: surfaces every
  occurrence of which is meant, or character offsets);
* :func:`folds` holds out one set (or one page) at a time, and keeps out of the training side every paragraph
  whose text is held out (a page read twice, in two sets, is never taught and measured);
* :func:`span_candidates` proposes every span that ends in a platform's head word and starts on a word: the
  learned decision picks among them, so the share of gold names among them is its recall's ceiling;
* :func:`span_features` describes a candidate by itself and its context (head, length, first word and its part of
  speech, the word and characters before and after, the clause's words before it, quotes), optionally with what
  the rules said of it;
* :func:`logistic_model`, scikit-learn's logistic regression over those named features (L2, balanced classes,
  lbfgs: the same weights on every run; scikit-learn is a test extra, imported here only), and :func:`decode`,
  which keeps the likeliest spans that do not overlap.

``scripts/heldout.py collect OUT.json`` runs this checkout's pipeline over the read sets and writes each
paragraph, its gold and what the pipeline found; ``scripts/heldout.py folds OUT.json`` prints, per held-out
fold, the rules' figures, the learned decision's, and the two combined (rules filtered by the model; rules plus
the model's surest spans), and the recall ceiling.  ``--test-rules OTHER.json`` takes the rules' output for the
held-out side from another checkout's collect (the rules of a day before a set was read: the only held-out
figure of the rules themselves).
"""

from __future__ import annotations

import collections
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nlp.jiebadictionary import pos_table
from nlp.platformwords import PLATFORM_HEADS

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

LABEL = "Platform"
#: Characters no name holds: a clause's or a list's punctuation, brackets of another kind than a card's.
_STOP = set("，。；：、！？,;:!?\n《》【】[]")
_OPEN_QUOTES, _CLOSE_QUOTES = '“「"', '”」"'
#: The longest name looked for, in characters (the rules' own bound: nlp.candidates._MAX_NAME).
MAX_NAME = 24
#: Heads beyond the rules' own that the read sets' platforms end in (人口库, 健康码, 万博分中心, 政务晓屋, 政务服务“一张网”):
#: a body's 中心 and a code's 码 are mostly no platform, which the learned decision is for.
EXTRA_HEADS = ("库", "码", "中心", "一张网", "“一张网”", "晓屋")
_HEADS = sorted(set(PLATFORM_HEADS) | set(EXTRA_HEADS), key=len, reverse=True)
#: A quoted name on its own (“浙里办”, “冀时办”): the quotes and 2 to 12 characters of a name inside.
_QUOTED = re.compile(r"[“「][^“”「」，。；：、！？,;:!?\n]{2,12}[”」]")


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


def gold_spans(text: str, entities: Sequence[Sequence]) -> set[tuple[int, int, str]]:
    """The gold spans of a paragraph, from either form: ``[start, end, label]`` offsets, or ``[surface, label]``
    meaning every occurrence of the surface not inside a longer listed one (:func:`nlp.evaluation.occurrences`)."""
    from nlp.evaluation import occurrences

    if entities and isinstance(entities[0][0], int):
        return {(int(s), int(e), str(lab)) for s, e, lab in entities}
    return set(occurrences(text, [(str(s), str(lab)) for s, lab in entities]))


def _rows_of(path: Path) -> list[dict]:
    rows = []
    for f in sorted(path.glob("*.jsonl")) if path.is_dir() else [path]:
        if f.name == "devset.jsonl":
            continue
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def read_sets(sets: dict[str, Path], devset: Path | None = None) -> list[Paragraph]:
    """The paragraphs of each named set of gold files (a folder of ``*.jsonl`` or one file; rows with no entities
    read are left out), and with ``devset`` the hand-read regions of its TRAIN split as the set ``train`` (never
    the test split)."""
    out = []
    for name, path in sets.items():
        for r in _rows_of(path):
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


def span_candidates(text: str, words: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Every span of ``text`` that ends in a platform's head word (:data:`nlp.platformwords.PLATFORM_HEADS`,
    :data:`EXTRA_HEADS`, or its closing quote right after it: “一卡通”), starts where a word or a quote starts, is
    at most :data:`MAX_NAME` long and holds no clause or list punctuation, and every quoted name alone (“浙里办”):
    span → its head (``“”`` for a quoted name)."""
    starts = {a for a, _ in words} | {i for i, c in enumerate(text) if c in _OPEN_QUOTES}
    starts |= {i + 1 for i, c in enumerate(text) if c in _CLOSE_QUOTES}
    ends: dict[int, str] = {}
    for i in range(1, len(text) + 1):
        head = next((h for h in _HEADS if text.endswith(h, 0, i)), None)
        if head is not None:
            ends[i] = head
    for i, c in enumerate(text):
        if c in _CLOSE_QUOTES and i in ends:
            ends.setdefault(i + 1, ends[i])
    out = {}
    for e, head in ends.items():
        for s in range(max(0, e - MAX_NAME), e - len(head) + 1):
            if s in starts and not any(c in _STOP for c in text[s:e]):
                out[(s, e)] = head
    for m in _QUOTED.finditer(text):
        out.setdefault(m.span(), "“”")
    return out


def _word(words: Sequence[tuple[int, int]], at: int, *, ending: bool) -> tuple[int, int] | None:
    return next((w for w in words if (w[1] if ending else w[0]) == at), None)


def span_features(
    text: str, words: Sequence[tuple[int, int]], start: int, end: int, head: str, rule: str | None = None
) -> dict[str, float]:
    """What the learned decision knows of the candidate ``text[start:end]`` ending in ``head``: its own words and
    characters, its context, and with ``rule`` what the rules said of it (``"pattern"``, ``"inside"`` …)."""
    pos = pos_table()
    name = text[start:end]
    core = name[: len(name) - len(head)] if name.endswith(head) else name
    before = _word(words, start, ending=True)
    prev_word = text[before[0] : before[1]] if before else "<s>"
    first = _word(words, start, ending=False)
    first_word = text[first[0] : first[1]] if first else text[start]
    after = _word(words, end, ending=False)
    next_word = text[after[0] : after[1]] if after else "</s>"
    prev_char = text[start - 1] if start else "<s>"
    f: dict[str, float] = {
        "head=" + head: 1,
        f"len={min(len(name), 14)}": 1,
        f"corelen={min(len(core), 10)}": 1,
        "pw=" + prev_word: 1,
        "pwpos=" + pos.get(prev_word, "?"): 1,
        "pc=" + prev_char: 1,
        "fw=" + first_word: 1,
        "fwpos=" + pos.get(first_word, "?"): 1,
        "nc=" + (text[end] if end < len(text) else "</s>"): 1,
        "n2=" + text[end : end + 2]: 1,
        "nw=" + next_word: 1,
        "nwpos=" + pos.get(next_word, "?"): 1,
        "h+pc=" + head + prev_char: 1,
        "quoted": float(any(q in name for q in _OPEN_QUOTES + _CLOSE_QUOTES)),
        "inquotes": float(prev_char in _OPEN_QUOTES and text[end : end + 1] in tuple(_CLOSE_QUOTES)),
        "digit": float(bool(re.search(r"\d", name))),
        "latin": float(bool(re.search(r"[A-Za-z]", core))),
        "headonly": float(not core),
        "clause_start": float(start == 0 or text[start - 1] in _STOP),
        "c1=" + core[:1]: 1,
        "c2=" + core[:2]: 1,
        "ce2=" + core[-2:]: 1,
    }
    for i in range(len(core) - 1):
        f["bg=" + core[i : i + 2]] = 1
    clause = start
    while clause > 0 and text[clause - 1] not in _STOP:
        clause -= 1
    for a, b in words:
        if clause <= a and b <= start and b - a >= 2:
            f["cw=" + text[a:b]] = 1  # the clause's verbs and objects before the name: 依托, 推广, 建设
    if rule is not None:
        f["rule=" + rule] = 1
        f["h+rule=" + head + rule] = 1
    return f


def logistic_model(c: float = 1.0) -> Pipeline:
    """scikit-learn's logistic regression over named features (``DictVectorizer``: a feature unseen in training
    is dropped): L2 penalty with ``C=c``, classes weighted to balance, the lbfgs solver from zero weights (no
    randomness: one answer per input).  ``fit(rows, labels)``; ``predict_proba(rows)[:, 1]`` is a row's
    probability of being a name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        DictVectorizer(), LogisticRegression(C=c, class_weight="balanced", solver="lbfgs", max_iter=10000)
    )


def decode(scored: Iterable[tuple[int, int, int, float]], threshold: float) -> set[tuple[int, int, int]]:
    """From ``(paragraph, start, end, probability)``: per paragraph the likeliest spans at or above
    ``threshold`` that overlap no span kept before them."""
    by: dict[int, list[tuple[float, int, int]]] = collections.defaultdict(list)
    for para, s, e, p in scored:
        by[para].append((p, s, e))
    kept = set()
    for para, spans in by.items():
        taken: list[tuple[int, int]] = []
        for p, s, e in sorted(spans, key=lambda x: (-x[0], x[1], x[2])):
            if p < threshold or math.isnan(p):
                break
            if not any(a < e and s < b for a, b in taken):
                taken.append((s, e))
                kept.add((para, s, e))
    return kept


# --------------------------------------------------------------------------- the measurement

#: (paragraph, start, end, label, source): what a checkout's pipeline found in a read paragraph.
Found = tuple[int, int, int, str, str]


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


def _what_the_rules_said(span: tuple[int, int], found: dict[tuple[int, int], str], other: set) -> str:
    s, e = span
    if span in found:
        return found[span]
    if any(a <= s and e <= b for a, b in found):
        return "inside"
    if any(s <= a and b <= e for a, b in found):
        return "covers"
    if any(a < e and s < b for a, b in found):
        return "crosses"
    return "otherlabel" if span in other else "none"


@dataclass(frozen=True)
class Candidate:
    paragraph: int
    start: int
    end: int
    features: dict
    gold: bool
    by_the_rules: bool
    proposed: bool  # by span_candidates, not only by the rules


def candidates_of(
    paragraphs: Sequence[Paragraph], found: Sequence[Found], *, with_rules: bool, label: str = LABEL
) -> list[Candidate]:
    """Every candidate of every paragraph read for ``label``: :func:`span_candidates` and the pipeline's own spans."""
    from nlp.tokenizer import word_offsets

    by: dict[int, list[Found]] = collections.defaultdict(list)
    for f in found:
        by[f[0]].append(f)
    out = []
    for i, p in enumerate(paragraphs):
        if not p.scored(label):
            continue
        words = word_offsets(p.text)
        rules = {(s, e): src for _, s, e, lab, src in by[i] if lab == label}
        other = {(s, e) for _, s, e, lab, _ in by[i] if lab != label}
        gold = {(s, e) for s, e, lab in p.gold if lab == label}
        spans = span_candidates(p.text, words)
        proposed = set(spans)
        for span in rules:
            spans.setdefault(span, next((h for h in _HEADS if p.text[span[0] : span[1]].endswith(h)), "?"))
        for (s, e), head in sorted(spans.items()):
            rule = _what_the_rules_said((s, e), rules, other) if with_rules else None
            feats = span_features(p.text, words, s, e, head, rule)
            out.append(Candidate(i, s, e, feats, (s, e) in gold, (s, e) in rules, (s, e) in proposed))
    return out


def counts(
    chosen: set[tuple[int, int, int]], paragraphs: Sequence[Paragraph], held: Iterable[int], label: str = LABEL
) -> tuple[int, int, int]:
    """(right, found, gold) of ``chosen`` spans over the ``held`` paragraphs."""
    held = set(held)
    gold = {(i, s, e) for i in held if paragraphs[i].scored(label) for s, e, lab in paragraphs[i].gold if lab == label}
    mine = {c for c in chosen if c[0] in held and paragraphs[c[0]].scored(label)}
    return len(mine & gold), len(mine), len(gold)


def measure(
    paragraphs: Sequence[Paragraph],
    found: Sequence[Found],
    *,
    test_found: Sequence[Found] | None = None,
    by: str = "set",
    with_rules: bool = False,
    c: float = 1.0,
    threshold: float = 0.5,
    veto: float = 0.05,
    surest: float = 0.9,
) -> list[tuple[str, dict[str, tuple[int, int, int]]]]:
    """Per held-out fold, (right, found, gold) of: the rules (``test_found``'s, when given, else ``found``'s), the
    learned decision alone, the rules less the spans the model gives under ``veto``, and those plus the model's
    spans at ``surest`` or above that overlap none of them; ``ceiling``: the gold spans among the candidates (the
    rules' spans included), ``raw-ceiling``: among :func:`span_candidates`'s alone."""
    train_cands = candidates_of(paragraphs, found, with_rules=with_rules)
    test_cands = train_cands if test_found is None else candidates_of(paragraphs, test_found, with_rules=with_rules)
    out = []
    for fold, held, train in folds(paragraphs, by):
        taught = set(train)
        teach = [x for x in train_cands if x.paragraph in taught]
        held_set = set(held)
        test = [x for x in test_cands if x.paragraph in held_set]
        if not test or not any(x.gold for x in teach):
            continue
        model = logistic_model(c).fit([x.features for x in teach], [int(x.gold) for x in teach])
        probs = model.predict_proba([x.features for x in test])[:, 1]
        scored = [(x.paragraph, x.start, x.end, float(p)) for x, p in zip(test, probs)]
        prob = {(x.paragraph, x.start, x.end): float(p) for x, p in zip(test, probs)}
        rules = {(x.paragraph, x.start, x.end) for x in test if x.by_the_rules}
        filtered = {r for r in rules if prob[r] >= veto}
        added = set(filtered)
        for s in sorted(decode(scored, surest)):
            if not any(a[0] == s[0] and a[1] < s[2] and s[1] < a[2] for a in added):
                added.add(s)
        ceiling = {(x.paragraph, x.start, x.end) for x in test if x.gold}
        raw_ceiling = {(x.paragraph, x.start, x.end) for x in test if x.gold and x.proposed}
        out.append(
            (
                fold,
                {
                    "rules": counts(rules, paragraphs, held),
                    "learned": counts(decode(scored, threshold), paragraphs, held),
                    "rules-veto": counts(filtered, paragraphs, held),
                    "rules-veto+surest": counts(added, paragraphs, held),
                    "ceiling": counts(ceiling, paragraphs, held),
                    "raw-ceiling": counts(raw_ceiling, paragraphs, held),
                },
            )
        )
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
