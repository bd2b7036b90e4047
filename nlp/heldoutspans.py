"""Candidate platform names of the held-out harness (:mod:`nlp.heldout`, docs/learning.md): every span a
learned decision picks among, and what it knows of each (its words, its context, what the rules said)."""

from __future__ import annotations

import collections
import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlp.heldoutsets import LABEL, Found, Paragraph
from nlp.jiebadictionary import pos_table
from nlp.platformwords import PLATFORM_HEADS

#: Characters no name holds: a clause's or a list's punctuation, brackets of another kind than a card's.
_STOP = set("，。；：、！？,;:!?\n《》【】[]")
_OPEN_QUOTES, _CLOSE_QUOTES = '“「"', '”」"'
#: The longest name looked for, in characters (the rules' own bound: nlp.headwalk._MAX_NAME).
MAX_NAME = 24
#: Heads beyond the rules' own that the read sets' platforms end in (人口库, 健康码, 万博分中心, 政务晓屋, 政务服务“一张网”):
#: a body's 中心 and a code's 码 are mostly no platform, which the learned decision is for.
EXTRA_HEADS = ("库", "码", "中心", "一张网", "“一张网”", "晓屋")
_HEADS = sorted(set(PLATFORM_HEADS) | set(EXTRA_HEADS), key=len, reverse=True)
#: A quoted name on its own (“浙里办”, “冀时办”): the quotes and 2 to 12 characters of a name inside.
_QUOTED = re.compile(r"[“「][^“”「」，。；：、！？,;:!?\n]{2,12}[”」]")


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
