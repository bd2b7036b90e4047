"""Held-out measurement of a learned accept/reject decision over platform candidates (docs/learning.md).

The rules that find platforms were written from the paragraphs read by hand (the corpus gold, the devset's train
split, dev13, open13), and on those they are right ~97 times in 100; on pages read by nobody who wrote them they
are right ~80 times in 100 and find ~70 of 100.  A figure on a read set says nothing of a decision made from it.
This module (with :mod:`nlp.heldoutsets` and :mod:`nlp.heldoutspans`) measures a learned decision the one honest way there is: trained on some read sets and measured on
another it never saw (leave one set out).

* :func:`nlp.heldoutsets.read_sets` loads every read set as paragraphs with their gold spans (the two gold forms: surfaces every
  occurrence of which is meant, or character offsets);
* :func:`nlp.heldoutsets.folds` holds out one set (or one page) at a time, and keeps out of the training side every paragraph
  whose text is held out (a page read twice, in two sets, is never taught and measured);
* :func:`nlp.heldoutspans.span_candidates` proposes every span that ends in a platform's head word and starts on a word: the
  learned decision picks among them, so the share of gold names among them is its recall's ceiling;
* :func:`nlp.heldoutspans.span_features` describes a candidate by itself and its context (head, length, first word and its part of
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
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from nlp.heldoutsets import LABEL, Found, Paragraph, folds
from nlp.heldoutspans import candidates_of

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline


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
