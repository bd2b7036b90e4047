"""Precision and recall of the funding links (``project:<i> funds entity:<name>``, nlp.relations) on the
devset's hand-read link gold (tests/gold/links/devset.jsonl; ``budgetkg eval links``).

A gold row per report: ``report``, ``sha256``, ``split`` and ``links``, each link a ``project`` (raw
``[start, end)`` of the project's name as printed, or of its first piece when the name wraps in its cell),
the entity's ``label`` and ``entity`` (raw spans of the entity's mentions in the project's name or its own
绩效目标: one link per real thing, however often and under whichever names the two texts name it).  An
entity broken by another column's cell is given by its first and last characters, as the reader's own
spans are (``nlp.relations._raw_span``).  Every link of a report is listed: what the extractor links
beyond them is a false positive.  See tests/gold/README.md (*Funding links*).

A found link ``project:<i> funds entity:<X>`` is supported by the mentions of X (by canonical name, else by
text) inside project i's name or its 绩效目标.  It matches a gold link when the project's name starts with the
gold name's text (whitespace aside; or the gold's with the name, for a name read short) and one of its
mentions overlaps one of the gold link's mentions; ``strict`` asks the same of exact spans.  A gold link two
found links match (one thing under two canonical names) is counted once, in recall, and each found link in
precision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nlp.evaluation import devset_text
from nlp.model import Report, Span
from nlp.normalize import squash
from nlp.resources import require_source_tree

LINKS_GOLD = ("links", "devset.jsonl")  # a folder of its own: tests/gold/*.jsonl are paragraph gold
FUNDABLE = ("Platform", "Reform")


def links_gold_path() -> Path:
    return require_source_tree("eval", "tests", "gold", *LINKS_GOLD)


def load_links_gold(path: str | Path | None = None, split: str | None = None) -> list[dict]:
    with open(path or links_gold_path(), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


@dataclass
class FoundLink:
    """A ``funds`` link as the extractor made it, with the mentions that support it."""

    project: str  # the project's name
    entity: str  # the linked entity's key (canonical name, else text)
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    line: int = 0


def found_links(report: Report) -> list[FoundLink]:
    """The report's ``funds`` links, each with the mentions of its entity inside the project's own texts."""
    where: dict[int, list[Span]] = {}
    for i, p in enumerate(report.projects, 1):
        where[i] = [p.span] + ([p.target.span] if p.target is not None else [])
    for t in report.performance_targets:
        k = report.project_named(t.project_name)
        if k is not None and t.span not in where[k]:
            where[k].append(t.span)
    out = []
    for link in report.links:
        if link.predicate != "funds":
            continue
        i = int(link.subject.split(":", 1)[1])
        key = link.object.split(":", 1)[1]
        spans = where.get(i, [])
        ms = [
            m
            for m in report.mentions
            if m.label in FUNDABLE
            and (m.canonical or m.text) == key
            and any(s.start <= m.span.start and m.span.end <= s.end for s in spans)
        ]
        label = ms[0].label if ms else "Platform"
        line = report.projects[i - 1].span.line if i - 1 < len(report.projects) else 0
        out.append(FoundLink(report.projects[i - 1].name, key, label, [(m.span.start, m.span.end) for m in ms], line))
    return out


def _same_project(found: str, gold: str) -> bool:
    f, g = squash(found), squash(gold)
    return bool(f and g) and (f.startswith(g) or g.startswith(f))


def _hits(found: Iterable[tuple[int, int]], gold: Iterable[list[int]], strict: bool) -> bool:
    return any(
        (a == s and b == e) if strict else (a < e and s < b) for a, b in found for s, e in (tuple(x) for x in gold)
    )


def score_links(raw: str, gold_links: list[dict], found: list[FoundLink], *, strict: bool = False):
    """(per-label [tp_found, n_found, tp_gold, n_gold], errors) of one report."""
    counts = {lab: [0, 0, 0, 0] for lab in FUNDABLE}
    matched_gold: set[int] = set()
    errors = []
    for f in found:
        hit = [
            k
            for k, g in enumerate(gold_links)
            if _same_project(f.project, raw[g["project"][0] : g["project"][1]])
            and _hits(f.mentions, g["entity"], strict)
        ]
        c = counts[f.label]
        c[1] += 1
        if hit:
            c[0] += 1
            matched_gold.update(hit)
        else:
            errors.append(("FP", f.label, f"{f.project} → {f.entity}", f.line))
    for k, g in enumerate(gold_links):
        c = counts[g["label"]]
        c[3] += 1
        if k in matched_gold:
            c[2] += 1
        else:
            s, e = g["entity"][0]
            name = squash(raw[g["project"][0] : g["project"][1]])
            errors.append(("FN", g["label"], f"{name}… → {squash(raw[s:e])}", raw.count("\n", 0, s) + 1))
    return counts, errors


def evaluate_links(
    devset_dir: str | Path,
    *,
    split: str | None = "train",
    gold_path: str | Path | None = None,
    gazetteer=None,
    strict: bool = False,
) -> dict:
    """Funding-link precision and recall per label (Platform, Reform) and in all over the link gold's reports.

    ``gazetteer``: what :func:`nlp.read_report` resolves names with (kg's resolver; ``()`` for none)."""
    from nlp.reader import read_report

    totals = {lab: [0, 0, 0, 0] for lab in FUNDABLE}
    errors, reports = [], []
    for row in load_links_gold(gold_path, split):
        path, raw = devset_text(devset_dir, row)
        report = read_report(path, entities=True, gazetteer=gazetteer)
        counts, errs = score_links(raw, row["links"], found_links(report), strict=strict)
        for lab, c in counts.items():
            totals[lab] = [a + b for a, b in zip(totals[lab], c)]
        errors += [(kind, lab, text, f"{row['report']}:{line}") for kind, lab, text, line in errs]
        reports.append(row["report"])
    per_label = {lab: _pr(*c) for lab, c in totals.items()}
    return {
        "per_label": per_label,
        "all": _pr(*[sum(c[k] for c in totals.values()) for k in range(4)]),
        "errors": errors,
        "reports": reports,
    }


def _pr(tp_found: int, n_found: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_found / n_found if n_found else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "found": n_found, "tp_gold": tp_gold, "tp_found": tp_found, "p": p, "r": r, "f1": f1}
