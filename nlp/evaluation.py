"""Precision, recall and F1 per entity type on the hand-annotated gold set (``budgetkg eval``).

Gold files (tests/gold/*.jsonl) hold one narrative paragraph per line with the entity names a
reader marked in it (``[surface, label]``; every occurrence of the surface in the paragraph is
meant, longer names first, occurrences inside a longer marked name excluded) and the indicators
(``[surface, value, unit]``).  See tests/gold/README.md for the annotation guidelines.  A set read
elsewhere may give the names as character offsets instead (``[start, end, label]``, as
/work/notes/more18 does); :func:`load_gold` reads either form and :func:`gold_spans` turns a row's
names into spans.

Entities count when start, end and label all match.  Indicators are scored only in task and
target paragraphs (where the reader marks them) and count when a found indicator overlaps a
gold one with the same value and unit.  Rows whose ``entities`` is null are annotated for
indicators only (indicators come from rules, not from training, so such a paragraph may come
from a report whose sentences are in the NER's silver training data).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from nlp.errors import GoldError
from nlp.resources import require_source_tree

ENTITY_TYPES = ("Agency", "Platform", "Reform", "PolicyDocument")
INDICATOR_SECTIONS = {"tasks", "targets"}
DEVSET_GOLD_NAME = "devset.jsonl"


def load_gold(gold: str | Path | None = None) -> list[dict]:
    """The gold rows of ``gold``: a folder's ``*.jsonl`` files in name order (default: tests/gold of the source
    checkout; it never ships) or one file.  Each row is checked (:func:`_check_row`); GoldError names the file and
    line of the first bad one, or a path that holds no gold file."""
    path = Path(gold or require_source_tree("eval", "tests", "gold"))
    files = [path] if path.is_file() else sorted(path.glob("*.jsonl"))
    # the devset's gold (offsets into files outside the repository) is read by evaluate_devset
    files = [f for f in files if f.name != DEVSET_GOLD_NAME]
    if not files:
        raise GoldError(f"{path}: no gold file (*.jsonl) there")
    rows = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    _check_row(row)
                except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
                    raise GoldError(f"{f}:{n}: {exc}") from None
                rows.append(row)
    return rows


def _check_row(row: object) -> None:
    """A gold row's keys and names: ``report`` and ``text`` (``line`` and ``section``, where the paragraph was
    read, if given); ``entities`` null (read for indicators only) or a list all of one form — ``[surface, label]``
    with the surface in the text, or ``[start, end, label]`` inside it — with labels of :data:`ENTITY_TYPES`;
    ``types`` (if any) of those or Indicator; ``indicators`` ``[surface, value, unit]`` (required in a task or
    target paragraph read for them, as :func:`evaluate` scores them)."""
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    missing = [k for k in ("report", "text", "entities") if k not in row]
    if missing:
        raise ValueError(f"no {', '.join(missing)}")
    text, entities = row["text"], row["entities"]
    if not isinstance(text, str):
        raise ValueError("text is not a string")
    if entities is not None:
        if not isinstance(entities, list) or not all(isinstance(e, list) for e in entities):
            raise ValueError("entities is not a list of lists")
        offsets = bool(entities) and _is_offset(entities[0][0] if entities[0] else None)
        for e in entities:
            if offsets:
                if len(e) != 3 or not _is_offset(e[0]) or not _is_offset(e[1]):
                    raise ValueError(f"{e}: not [start, end, label] like the row's first name")
                if not 0 <= e[0] < e[1] <= len(text):
                    raise ValueError(f"{e}: not a span of the text ({len(text)} characters)")
            elif len(e) != 2 or not isinstance(e[0], str) or not e[0] or e[0] not in text:
                raise ValueError(f"{e}: not [surface, label] with the surface in the text")
            if e[-1] not in ENTITY_TYPES:
                raise ValueError(f"{e}: label not one of {', '.join(ENTITY_TYPES)}")
    types = row.get("types")
    if types is not None and (not isinstance(types, list) or set(types) - {*ENTITY_TYPES, "Indicator"}):
        raise ValueError(f"types {types}: not a list of {', '.join(ENTITY_TYPES)}, Indicator")
    if row.get("section") in INDICATOR_SECTIONS and "Indicator" in (types or ["Indicator"]) and "indicators" not in row:
        raise ValueError(f"no indicators in a {row['section']} paragraph read for them")
    for ind in row.get("indicators") or []:
        if not (isinstance(ind, list) and len(ind) == 3 and all(isinstance(x, str) for x in ind) and ind[0] in text):
            raise ValueError(f"indicator {ind}: not [surface, value, unit] with the surface in the text")
        try:
            Decimal(ind[1])
        except ArithmeticError:
            raise ValueError(f"indicator {ind}: value is not a number") from None


def _is_offset(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def gold_spans(text: str, entities: list[list] | None) -> set[tuple[int, int, str]]:
    """The gold spans ``(start, end, label)`` of a paragraph's names in either form (a row :func:`load_gold`
    read): ``[start, end, label]`` offsets, or ``[surface, label]`` meaning every occurrence of the surface not
    inside a longer listed one (:func:`occurrences`); none for null (read for indicators only)."""
    if entities and _is_offset(entities[0][0]):
        return {(int(s), int(e), str(lab)) for s, e, lab in entities}
    return set(occurrences(text, [(str(s), str(lab)) for s, lab in entities or []]))


def occurrences(text: str, surfaces: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Spans of every listed surface: longest first, never inside an already taken span."""
    taken = [False] * len(text)
    out = []
    for surface, label in sorted(surfaces, key=lambda x: -len(x[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(taken[start:end]):
                out.append((start, end, label))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(surface, start + 1)
    return sorted(out)


def _score(
    gold: set[tuple[int, int, str]],
    pred: set[tuple[int, int, str]],
    counts: dict[str, list[int]],
    confusion: dict[tuple[str, str], int],
) -> list[tuple[str, int, int, str]]:
    """Count the spans ``(start, end, label)`` found in one paragraph or report (``pred``) against its ``gold`` into
    ``counts`` (per label: right, found, gold) and ``confusion`` (a gold span found with the other label of a pair
    it holds); the misses: ``("FP", start, end, label)`` for each span found and not gold, then ``("FN", …)`` for each
    gold span not found, each in order of the text (the same on every run, whatever Python's string hashing)."""
    # a gold span's label (the corpus gold's spans never overlap, by occurrences: one label each)
    gold_span = {(s, e): lab for s, e, lab in gold}
    for _, _, lab in gold:
        counts[lab][2] += 1
    misses = []
    for s, e, lab in sorted(pred):
        counts[lab][1] += 1
        if (s, e, lab) in gold:
            counts[lab][0] += 1
        else:
            other = gold_span.get((s, e))
            if other is not None and (other, lab) in confusion:
                confusion[(other, lab)] += 1
            misses.append(("FP", s, e, lab))
    return misses + [("FN", s, e, lab) for s, e, lab in sorted(gold - pred)]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "p": p, "r": r, "f1": f}


def evaluate(
    gold_dir: str | Path | None = None, *, nlp=None, gazetteer=(), use_ner: bool = True, use_gazetteer: bool = True
) -> dict:
    """P/R/F1 per type on the corpus gold, and the Platform↔Reform confusion (a gold span found with the other
    of the two labels).  ``gazetteer``: the entries kg hands over (none: open forms only);
    ``use_gazetteer=False`` measures without them."""
    from nlp.entities import extract_docs
    from nlp.indicators import find_indicators
    from nlp.pipeline import load_pipeline
    from nlp.propagation import report_entities

    rows = load_gold(gold_dir)
    nlp = nlp or load_pipeline(gazetteer=gazetteer if use_gazetteer else ())
    docs = extract_docs(nlp, [r["text"] for r in rows], use_ner=use_ner, use_gazetteer=use_gazetteer)
    found: list = [None] * len(rows)
    for report in dict.fromkeys(r["report"] for r in rows):  # one report's paragraphs together, as the build reads them
        at = [i for i, r in enumerate(rows) if r["report"] == report]
        for i, ents in zip(at, report_entities([docs[i] for i in at]).entities):
            found[i] = ents
    counts = {t: [0, 0, 0] for t in (*ENTITY_TYPES, "Indicator")}  # tp, pred, gold
    confusion = {("Platform", "Reform"): 0, ("Reform", "Platform"): 0}  # a gold span found with the other label
    errors = []
    for row, ents in zip(rows, found):
        text, where = row["text"], f"{row['report']}:{row.get('line', '?')}"
        if row["entities"] is None:  # a paragraph annotated for indicators only
            ents = []
        # a paragraph read for some types only (``types``, as dev13's) is scored on those types only: it need carry no
        # ``indicators`` where Indicator is not among them, and what is found of another type is no error
        types = set(row.get("types") or (*ENTITY_TYPES, "Indicator"))
        gold = gold_spans(text, row["entities"])
        pred = {(e.start, e.end, e.label) for e in ents if e.label in ENTITY_TYPES and e.label in types}
        errors += [(kind, lab, text[s:e], where) for kind, s, e, lab in _score(gold, pred, counts, confusion)]
        if row.get("section") in INDICATOR_SECTIONS and "Indicator" in types:
            gi = []
            for surface, value, unit in row["indicators"]:
                s = text.find(surface)
                gi.append((s, s + len(surface), Decimal(value), unit))
            pi = find_indicators(text)
            counts["Indicator"][1] += len(pi)
            counts["Indicator"][2] += len(gi)
            matched = set()
            for f in pi:
                hit = next(
                    (
                        g
                        for g in gi
                        if g not in matched and f.start < g[1] and g[0] < f.end and f.value == g[2] and f.unit == g[3]
                    ),
                    None,
                )
                if hit:
                    matched.add(hit)
                    counts["Indicator"][0] += 1
                else:
                    errors.append(("FP", "Indicator", text[f.start : f.end], where))
            errors += [("FN", "Indicator", text[g[0] : g[1]], where) for g in gi if g not in matched]
    per_type = {t: _prf(*c) for t, c in counts.items()}
    return {
        "per_type": per_type,
        "errors": errors,
        "paragraphs": len(rows),
        "confusion": {f"{a}→{b}": n for (a, b), n in confusion.items()},
    }


# --------------------------------------------------------------------------- the development set's gold


#: Offsets-only gold over reports that are not in the repository (tests/gold/devset.jsonl):
#: one JSON object per report — ``report`` (file name in the devset's text/ folder), ``sha256``
#: of that file, ``split`` ("train" or "test"; training never reads a test report), ``regions``
#: (raw ``[start, end)`` ranges read by hand), ``entities`` (raw ``[start, end, label]``) and, when a
#: report was read for some entity types only, ``types`` (the others are not scored in it).
def devset_gold_path() -> Path:
    return require_source_tree("eval", "tests", "gold", DEVSET_GOLD_NAME)


class GoldMismatch(Exception):
    """The devset file is not the one the gold was annotated on (its SHA-256 differs)."""


def devset_text(devset_dir: str | Path, row: dict) -> tuple[Path, str]:
    """The path and text of the devset report a gold row (``report``, ``sha256``) was read on; GoldMismatch if the
    file there is another one."""
    import hashlib

    path = Path(devset_dir) / "text" / row["report"]
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        raise GoldMismatch(f"{path}: not the file the gold was read on (SHA-256 differs)")
    return path, data.decode("utf-8")


def load_devset_gold(path: str | Path | None = None, split: str | None = None) -> list[dict]:
    with open(path or devset_gold_path(), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def region_paragraphs(raw: str, regions: list[list[int]]) -> list[tuple[str, list[int]]]:
    """The narrative paragraphs inside the raw ``regions``, unwrapped as the reader unwraps them:
    ``(text, raw offset of each character)``."""
    from nlp.normalize import normalize, unwrap

    norm = normalize(raw)
    out = []
    for start, end in regions:
        first = next((i for i, ln in enumerate(norm.lines) if norm.offsets[ln.start] >= start), len(norm.lines))
        last = next((i for i, ln in enumerate(norm.lines) if norm.offsets[ln.start] >= end), len(norm.lines))
        for text, clean in unwrap(norm, first, last, unnumbered=True):
            out.append((text, [norm.offsets[c] for c in clean]))
    return out


def region_entities(
    nlp, raw: str, regions: list[list[int]], *, use_ner: bool = True, use_gazetteer: bool = True
) -> set[tuple[int, int, str]]:
    """The entities found in the raw ``regions`` of one report's text, read as a report's narrative is read: the
    regions' paragraphs unwrapped as the reader unwraps them (:func:`region_paragraphs`), their entities found
    together (a report's confident names looked for in all its read paragraphs), spans in raw offsets; a name laid
    across a table's cells is none."""
    from nlp.entities import extract_docs, laid_across_cells
    from nlp.propagation import report_entities

    paragraphs = region_paragraphs(raw, regions)
    docs = extract_docs(nlp, [t for t, _ in paragraphs], use_ner=use_ner, use_gazetteer=use_gazetteer)
    pred = set()
    for (_, offs), ents in zip(paragraphs, report_entities(docs).entities):
        pred |= {
            (offs[e.start], offs[e.end - 1] + 1, e.label)
            for e in ents
            if e.label in ENTITY_TYPES and not laid_across_cells(raw, e.label, offs[e.start], offs[e.end - 1] + 1)
        }
    return pred


def evaluate_devset(
    devset_dir: str | Path,
    *,
    split: str | None = "test",
    gold_path: str | Path | None = None,
    nlp=None,
    gazetteer=(),
    use_ner: bool = True,
    use_gazetteer: bool = True,
) -> dict:
    """P/R/F1 per type over the hand-read regions of devset reports, spans in raw offsets.

    Also counts the Platform↔Reform confusion: a gold span found with the other of the two labels.
    """
    from nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline(gazetteer=gazetteer if use_gazetteer else ())
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}
    confusion = {("Platform", "Reform"): 0, ("Reform", "Platform"): 0}
    errors, reports = [], []
    for row in load_devset_gold(gold_path, split):
        _, raw = devset_text(devset_dir, row)
        pred = region_entities(nlp, raw, row["regions"], use_ner=use_ner, use_gazetteer=use_gazetteer)
        # a report read for some types only (``types``) is scored on those types only
        types = set(row.get("types") or ENTITY_TYPES)
        pred = {p for p in pred if p[2] in types}
        gold = {tuple(e) for e in row["entities"]}
        errors += [
            (kind, lab, raw[s:e], f"{row['report']}:{raw.count(chr(10), 0, s) + 1}")
            for kind, s, e, lab in _score(gold, pred, counts, confusion)
        ]
        reports.append(row["report"])
    return {
        "per_type": {t: _prf(*c) for t, c in counts.items()},
        "errors": errors,
        "reports": reports,
        "confusion": {f"{a}→{b}": n for (a, b), n in confusion.items()},
    }
