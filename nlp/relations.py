"""Entities and relations on the report model (``read_report(..., entities=True)``).

What is read, and with which components:

* text nodes — responsibilities, tasks, performance targets (and what was achieved), the 绩效目标
  of each project — get the whole pipeline, trained NER included (they are narrative);
* project names (民生卡应用推广经费) get the gazetteer and patterns only (short, closed forms);
* other narrative paragraphs the reader does not model (确定工作目标所依据的政策 …) get the whole
  pipeline; paragraphs that look like number tables are skipped.

Relations (``Report.links``; keys as in :class:`nlp.model.Link`):

* ``project:<i> funds entity:<canonical>`` — platforms and reforms named in the project's name or in its
  own 绩效目标 (not in what was achieved, ``target:<i>#achieved``);
* ``<text node> mentions entity:<canonical>`` for every mention inside a text node;
* ``target:<i> has_indicator indicator:<j>`` / ``task:<i> has_indicator …`` — quantities
  of 绩效目标 and tasks (nlp.indicators); in a 决算 the achieved text gives achieved values;
* ``entity:<canonical> states indicator:<i>`` — a figure the narrative states about an entity
  (累计发放民生卡约63.4万张).

Keys are positions in the report (:class:`nlp.model.Link`), never names: two units may each have a
project called 租赁岗位合同工经费, and each keeps its own links.

Canonical names come from :class:`nlp.resolve.EntityResolver` — the gazetteer with the report's
place (区政数局 in a 番禺区 report is 广州市番禺区政务服务数据管理局), else a key scoped by the report's
jurisdiction (区视频专网 → 番禺区视频专网, 12345热线 → 广州市12345热线) — and from the report itself (its
own short name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from nlp.errors import Diagnostics
from nlp.indicators import find_indicators
from nlp.model import Indicator, Link, Mention, PerformanceTarget, Phase, Report, Span
from nlp.normalize import NormalizedText, unwrap
from nlp.resolve import EntityResolver

FUNDABLE = ("Platform", "Reform")
_QUOTES = '“”"「」‘’'


def _same(a: str, b: str) -> bool:
    return a == b or unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)


def align(text: str, span: Span) -> list[int | None]:
    """Raw offset of each character of ``text`` (a cleaned copy of ``span.text``).

    The reader's item texts drop line breaks, indentation and layout spaces and fold
    full-width forms; walk both strings and skip what the cleaning removed.
    """
    raw, j = span.text, 0
    out: list[int | None] = []
    for i, ch in enumerate(text):
        if raw[j : j + 1] == ch:  # the common case, decided without the look-ahead below
            out.append(span.start + j)
            j += 1
            continue
        k = j
        while k < len(raw) and k - j <= 12 and not _same(raw[k], ch):
            k += 1
        probe = text[i : i + _PROBE]
        found = k < len(raw) and _same(raw[k], ch)
        # One search for where the text resumes, on either of two paths: the look-ahead found nothing (a gap longer
        # than it), or it skipped printed characters to a place the text does not go on from (精准预|报预警，… beside
        # the name's 预⏎报预警系统) — then the look-ahead's place stands only when the text resumes nowhere.
        at: int | None = k if found else None
        if not found or (raw[j:k].strip() and not _goes_on(raw, k, probe)):
            at = _resume(raw, j, probe)
            if at is None and found:
                at = k
        if at is not None:  # raw[at] is the character: the look-ahead's or the first of the probe found whole
            out.append(span.start + at)
            j = at + 1
        else:
            out.append(None)
    return out


def align_pieces(text: str, span: Span, pieces: Sequence[Span] | None) -> list[int | None]:
    """:func:`align` over a text's own pieces (``pieces``: a target printed in a column beside another, the other
    column's cells between them), so that no character is placed in the other column; no pieces: over ``span``."""
    if not pieces:
        return align(text, span)
    joined = "".join(p.text for p in pieces)
    at = [p.start + k for p in pieces for k in range(len(p.text))]
    return [None if o is None else at[o] for o in align(text, Span(0, len(joined), joined))]


_PROBE = 4  # characters that must follow on, as printed, where a text resumes after a long gap
_LONG_GAP = 400


def _resume(raw: str, j: int, probe: str) -> int | None:
    """Where the text goes on after a stretch the cleaning left out that is longer than the look-ahead — the
    other columns' cells printed between the pieces of a text cell wrapped in its column (a name's piece, a line
    of amounts): the next place, not too far, where ``probe`` (this character and the next ones, with a Chinese
    character among them) is printed whole."""
    if len(probe) < _PROBE or not _CJK_CHAR.search(probe):
        return None
    k = raw.find(probe, j, j + _LONG_GAP)
    return k if k >= 0 else None


def _goes_on(raw: str, k: int, probe: str) -> bool:
    """Does ``raw`` from ``k`` print ``probe`` (its characters in order, line breaks and spaces between them
    skipped)?  A probe shorter than :data:`_PROBE` (the text's end) goes on anywhere."""
    if len(probe) < _PROBE:
        return True
    i = 0
    for c in raw[k : k + 4 * _PROBE]:
        if i == len(probe):
            break
        if _same(c, probe[i]):
            i += 1
        elif not c.isspace():
            return False
    return i == len(probe)


def put_together(text: str, raw: str) -> bool:
    """Was ``text`` put together by the reader from pieces of one cell with other cells printed between them (a
    project's name wrapped around its line of amounts, a target around the names beside it)?  Then the raw between
    its first and last characters holds more than its own characters: another cell's content, two characters or
    more and not a page number alone.  A name laid across cells by unwrapping lines has the raw's text ('信总息系统'),
    and one broken by a page number or a one-character side label ('全\\n24\\n国…', '信\\n总\\n息系统') is no
    name put together from a cell either."""
    want = "".join(unicodedata.normalize("NFKC", text).split())
    extra, i = [], 0
    for ch in "".join(unicodedata.normalize("NFKC", raw).split()):
        if i < len(want) and ch == want[i]:
            i += 1
        else:
            extra.append(ch)
    rest = "".join(extra)
    return len(rest) >= 2 and not _FOLIO_ONLY.fullmatch(rest)


_FOLIO_ONLY = re.compile(r"[-－—\d]+")


def _raw_span(norm: NormalizedText, offs: Sequence[int | None], s: int, e: int) -> Span | None:
    a = next((offs[i] for i in range(s, e) if offs[i] is not None), None)
    b = next((offs[i] for i in range(e - 1, s - 1, -1) if offs[i] is not None), None)
    if a is None or b is None:
        return None
    return Span(a, b + 1, norm.raw[a : b + 1], norm.raw_line(a), norm.raw_box(a, b + 1))


def _pieces(norm: NormalizedText, offs: Sequence[int | None], s: int, e: int) -> list[Span]:
    """The spans of the characters ``s``–``e`` of a unit as printed, one per run of them with only line breaks and
    spaces between (a name put together from pieces of one cell: the other cells' content between two runs)."""
    at = [o for o in offs[s:e] if o is not None]
    runs: list[list[int]] = []
    for o in at:
        if runs and not norm.raw[runs[-1][-1] + 1 : o].strip():
            runs[-1].append(o)
        else:
            runs.append([o])
    return [
        Span(r[0], r[-1] + 1, norm.raw[r[0] : r[-1] + 1], norm.raw_line(r[0]), norm.raw_box(r[0], r[-1] + 1))
        for r in runs
    ]


class _Units:
    """The texts of a report to run the pipeline on: (key, text, raw offsets, narrative?)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, Sequence[int | None], bool]] = []

    def add(self, key: str, text: str | None, offs: Sequence[int | None], narrative: bool = True) -> None:
        if text and text.strip():
            self.items.append((key, text, offs, narrative))


_CJK_CHAR = re.compile("[\u4e00-\u9fff]")


def looks_like_table(text: str) -> bool:
    digits = sum(map(str.isdigit, text))
    cjk = len(_CJK_CHAR.findall(text))
    return digits > 0.25 * max(cjk, 1) or not re.search(r"[，。；：]", text)


def _outside(raw: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs ``[i, j)`` of a paragraph (``raw``: each character's raw offset) that no span holds."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, off in enumerate([*raw, -1]):
        held = off < 0 or (bool(spans) and any(a <= off < b for a, b in spans))  # most paragraphs hold no span
        if held and start is not None:
            runs.append((start, i))
            start = None
        elif not held and start is None:
            start = i
    return runs


def collect_units(norm: NormalizedText, report: Report) -> _Units:
    units = _Units()
    covered: list[tuple[int, int]] = []
    # a paragraph holding a target whole is the row of a table or form the target was read from, laid out on one
    # line (a PDF prints each row so; the text wraps it around the target's column): the target is read already,
    # the rest of the paragraph is read without it
    inside: list[tuple[int, int]] = []
    for i, r in enumerate(report.responsibilities, 1):
        units.add(f"responsibility:{i}", r.text, align(r.text, r.span))
        covered.append((r.span.start, r.span.end))
    for i, t in enumerate(report.tasks, 1):
        units.add(f"task:{i}", t.text, align(t.text, t.span))
        covered.append((t.span.start, t.span.end))
    targets: list[tuple[PerformanceTarget, int | None]] = [
        (p.target, i) for i, p in enumerate(report.projects, 1) if p.target is not None
    ]
    seen = {id(target) for target, _ in targets}
    targets += [
        (target, report.project_named(target.project_name))
        for target in report.performance_targets
        if id(target) not in seen
    ]
    for target, project in targets:
        key = f"target:{project}" if project else "target:"
        units.add(key, target.text, align_pieces(target.text, target.span, target.pieces))
        covered.append((target.span.start, target.span.end))
        inside.append((target.span.start, target.span.end))
        if target.achieved and target.achieved_span:
            achieved = align_pieces(target.achieved, target.achieved_span, target.achieved_pieces)
            units.add(key + "#achieved", target.achieved, achieved)
            covered.append((target.achieved_span.start, target.achieved_span.end))
            inside.append((target.achieved_span.start, target.achieved_span.end))
    for i, p in enumerate(report.projects, 1):
        units.add(f"project:{i}", p.name, align(p.name, p.span), narrative=False)
    # the rest of the narrative, paragraph by paragraph
    for text, clean_offs in unwrap(norm, 0, len(norm.lines), keep=lambda t: not looks_like_table(t), unnumbered=True):
        if not clean_offs:
            continue
        first, last = norm.offsets[clean_offs[0]], norm.offsets[clean_offs[-1]]
        if any(a <= first < b or a < last < b for a, b in covered):
            continue
        raw = [norm.offsets[o] for o in clean_offs]  # mapped only for the paragraphs kept
        held = [(a, b) for a, b in inside if first <= a < last]
        for i, j in _outside(raw, held):
            if not held or not looks_like_table(text[i:j]):  # what is left of a row: its name and figures
                units.add("text:", text[i:j], raw[i:j])
    return units


def _canonical(
    text: str, label: str, report: Report, resolver: EntityResolver, where, short: dict[str, str] | None = None
) -> str | None:
    """The canonical name of a mention: the report's own agency by any of its names, else what the one
    resolver says (a gazetteer prefLabel, or a key scoped by the report's jurisdiction; a short name the report
    defined in brackets, ``short``, stands for its full name's)."""
    if label == "Agency" and report.agency and text in {report.agency_short, report.agency}:
        return report.agency
    owner = tuple(n for n in (report.agency, report.agency_short) if n)
    return resolver.canonical(text, label, where, owner=owner, aliases=short)


def annotate(
    norm: NormalizedText, report: Report, diag: Diagnostics, *, nlp=None, resolver: EntityResolver | None = None
) -> None:
    """Fill ``report.mentions``, ``report.indicators`` and ``report.links`` (names resolved by ``resolver``:
    the gazetteer kg hands over; without one, names are found by their shape and keep their own keys)."""
    from nlp.entities import extract_docs, laid_across_cells
    from nlp.pipeline import load_pipeline
    from nlp.propagation import report_entities

    resolver = resolver if resolver is not None else EntityResolver()
    nlp = nlp or load_pipeline(gazetteer=resolver)
    where = resolver.jurisdiction(report.agency, report.district)
    units = collect_units(norm, report)
    docs = extract_docs(nlp, [u[1] for u in units.items], narrative=[u[3] for u in units.items])
    # one sense per report: a confident name found in one unit is looked for in all of them (nlp.propagation);
    # its short names (协同办公平台（以下简称OA系统）: one platform, two names) come with its entities
    spread = report_entities(docs)
    found, short = spread.entities, spread.aliases
    links: list[Link] = []
    by_key: dict[str, list[Mention]] = {}
    for (key, text, offs, _), ents in zip(units.items, found):
        last_doc: Mention | None = None
        last_doc_end = 0  # read only once last_doc is set
        for ent in ents:
            span = _raw_span(norm, offs, ent.start, ent.end)
            if span is None:
                continue
            assembled = put_together(ent.text, span.text)
            if not assembled and laid_across_cells(norm.raw, ent.label, span.start, span.end, ent.text):
                continue
            canonical = _canonical(ent.text, ent.label, report, resolver, where, short)
            # a document number right after its title is that document: 《…》（番府办[2013]91号）
            if (
                ent.label == "PolicyDocument"
                and not ent.text.startswith("《")
                and last_doc is not None
                and ent.start - last_doc_end <= 2
            ):
                canonical = canonical or last_doc.canonical or last_doc.text
            pieces = _pieces(norm, offs, ent.start, ent.end) if assembled else None
            m = Mention(
                ent.text, ent.label, span, canonical, ent.source, pieces if pieces and len(pieces) > 1 else None
            )
            report.mentions.append(m)
            by_key.setdefault(key, []).append(m)
            if ent.label == "PolicyDocument" and ent.text.startswith("《"):
                last_doc, last_doc_end = m, ent.end
            if (
                key.startswith(("responsibility:", "task:", "target:"))
                and key.split("#")[0] != "target:"
                and ent.label != "Place"
            ):
                links.append(Link(key.split("#")[0], "mentions", f"entity:{canonical or ent.text}", span))
        if key.startswith(("task:", "target:")):
            achieved = key.endswith("#achieved") or (report.phase is Phase.FINAL_ACCOUNT and key.startswith("task:"))
            for f in find_indicators(text):
                span = _raw_span(norm, offs, f.start, f.end)
                if span is None:
                    continue
                report.indicators.append(Indicator(f.name, f.value, f.unit, f.comparator, span, achieved))
                ikey = f"indicator:{len(report.indicators)}"
                if key.split("#")[0] != "target:":
                    links.append(Link(key.split("#")[0], "has_indicator", ikey, span))
                about = _stated_about(text, offs, f, [m for m in by_key.get(key, []) if m.label in FUNDABLE])
                if about is not None:
                    links.append(Link(f"entity:{about.canonical or about.text}", "states", ikey, span))
    for i, p in enumerate(report.projects, 1):
        # what a project funds: the platforms and reforms its own name or its own 绩效目标 names (both: a project
        # named after one system may keep others running, 全国信访信息系统维护费 … 确保智能办公平台…正常运转)
        own = by_key.get(f"project:{i}", []) + by_key.get(f"target:{i}", [])
        named = [m for m in own if m.label in FUNDABLE]
        for entity in dict.fromkeys(m.canonical or m.text for m in named):
            links.append(Link(f"project:{i}", "funds", f"entity:{entity}", p.span))
    report.links.extend(_dedupe(links))


def _stated_about(text: str, offs: Sequence[int | None], found, mentions: list[Mention]) -> Mention | None:
    """The platform or reform a figure is about: named in the figure (累计发放民生卡约63.4万张),
    else the last one named before it in the same sentence (民生卡一卡通就医服务，…，持卡就医人次超105.2万次)."""
    sentence_start = max(text.rfind(c, 0, found.start) for c in "。；;!?！？") + 1
    inside, before = None, None
    for m in mentions:
        at = _offset_in(offs, m.span.start)
        if found.start <= at < found.end:
            inside = inside or m
        elif sentence_start <= at < found.start:
            before = m
    return inside or before


def _offset_in(offs: Sequence[int | None], raw: int) -> int:
    try:
        return offs.index(raw)
    except ValueError:
        return -1


def _dedupe(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        k = (link.subject, link.predicate, link.object)
        if k not in seen:
            seen.add(k)
            out.append(link)
    return out
