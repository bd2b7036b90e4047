"""The section tree of a report: 第X部分 / 一、/ （一）/ 1. / (1) / ①.

Which enumerated paragraphs are headings is not in the enumerator (the items of
主要职责 are （一）…（十） too), so the reader decides per *run*: the siblings
（一）（二）（三）… of one list are either all headings or all items.  A paragraph
is heading-like when it is short and is not a sentence; a run is a heading run
when most of its members are heading-like.  A heading whose wording names a
standard section (SECTION_KINDS) is always a heading; what a heading's words say is
:mod:`nlp.headingwords`'s.

Also handled: headings printed 2–4 times (collapsed by nlp.normalize on one
line; consecutive copies on separate lines are merged here), headings wrapped
over two lines, a table of contents (目录: one section of kind "toc", its entries
never become sections), and unnumbered headings naming a standard section
("2019 年度工作完成情况"), also wrapped over two or three lines where the paragraph
before them has ended ("其他重要事项的情况" / "说明"; :func:`_title_lines`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from nlp.errors import Diagnostics
from nlp.headings import Block, Marker, is_tabular, parse_marker, squeeze
from nlp.headingwords import (
    DECIMAL,
    ENDS_WITH_KIND,
    SECTION_KINDS,
    clean_title,
    heading_kind,
    heading_like,
    page_ref,
    section_kind,
)
from nlp.model import Section
from nlp.normalize import NormalizedText, squash

_REPEATED = re.compile(r"^(\S.{1,60}?)(?:\s*\1){1,3}$")
_CAPTION = re.compile(r"^(表|公开|预算|决算)\s*[\d一二三四五六七八九十]+\s*表?$")


def _local_widths(norm: NormalizedText, radius: int = 25) -> list[int]:
    """For every line, the typical width of full narrative lines around it (its wrap width):
    the 80th percentile of the lengths of the ``2 * radius`` nearest narrative lines."""
    lens = [len(ln.text.strip()) if ln.text.strip() and not is_tabular(ln.text) else 0 for ln in norm.lines]
    values = [n for n in lens if n]
    out = [0] * len(lens)
    window: list[int] = []
    lo = hi = 0  # window = values[lo:hi]
    k = 0  # narrative lines before line i
    for i, n in enumerate(lens):
        want_lo, want_hi = max(0, k - radius), min(len(values), k + radius)
        while hi < want_hi:
            bisect.insort(window, values[hi])
            hi += 1
        while lo < want_lo:
            del window[bisect.bisect_left(window, values[lo])]
            lo += 1
        if window:
            out[i] = window[int(0.8 * (len(window) - 1))]
        if n:
            k += 1
    return out


def _doc_width(widths: list[int]) -> int:
    nz = sorted(w for w in widths if w)
    return nz[len(nz) // 2] if nz else 0


def _next_nonblank(norm: NormalizedText, i: int, stop: int) -> int | None:
    j = i + 1
    while j < stop and not norm.lines[j].text.strip():
        j += 1
    return j if j < stop else None


def _paragraph(norm: NormalizedText, i: int, widths: list[int], marker: Marker | None) -> tuple[str, int]:
    """Join the heading candidate at line ``i`` with the lines it wraps onto.

    Returns the joined text (marker included) and the index of its last line.  A
    line wraps onto the next when it is full (as wide as the text around it); a
    short heading may also wrap a very short tail ("第一部分 广州市…数据管理" / "局概况")
    when an enumerated line follows the tail.  A paragraph wrapped narrower than
    the text around it is recognised by its lines of equal width.
    """
    n = len(norm.lines)
    text = _REPEATED.sub(r"\1", norm.lines[i].text.strip())  # "一、主要职责 一、主要职责"
    last = i
    block_width = 0  # width of a narrow wrapped paragraph, once seen
    for _ in range(12):
        j = _next_nonblank(norm, last, n)
        if j is None:
            break
        nxt = norm.lines[j].text.strip()
        if is_tabular(nxt) or parse_marker(nxt) is not None or _CAPTION.match(nxt):
            break
        if section_kind(text) == "tables" or section_kind(nxt) == "tables":
            break  # "…2017 年部门决算表" is complete; the next line is a table's title
        cur = text if last == i else norm.lines[last].text.strip()
        full = (widths[last] and len(cur) >= 0.8 * widths[last]) or (block_width and len(cur) >= 0.8 * block_width)
        if cur[-1:] in "。！？!?；;：:":
            break
        if not full and _equal_widths(norm, cur, j):
            if _unnumbered(norm, j, widths) is not None:
                break  # not a narrow paragraph: a standard section's heading after it (其他重要事项的 / 情况说明)
            full, block_width = True, len(nxt)
        if full:
            text += " " + nxt
            last = j
            continue
        k = _next_nonblank(norm, j, n)
        tail_ends = k is None or parse_marker(norm.lines[k].text.strip()) is not None
        complete = section_kind(text) is not None or nxt.rstrip("。") == "无"
        tail_max = 20 if marker and marker.style == "part" else 5
        is_part = bool(marker and marker.style == "part")
        if (
            len(nxt) <= tail_max
            and (tail_ends or (is_part and len(nxt) <= 5))
            and not complete
            and not any(c in nxt for c in "，。；：,;:")
            and marker
        ):
            text += " " + nxt
            last = j
        break
    return squeeze(text), last


def _equal_widths(norm: NormalizedText, first: str, j: int) -> bool:
    """Do ``first`` and the two lines from ``j`` on look like one paragraph wrapped
    at a narrow width (about as long as each other, the first no shorter)?"""
    nxt = norm.lines[j].text.strip()
    if not (0.6 * len(first) <= len(nxt) <= len(first) + 1):
        return False
    k = _next_nonblank(norm, j, len(norm.lines))
    if k is None:
        return False
    after = norm.lines[k].text.strip()
    if parse_marker(after) is not None or is_tabular(after):
        return False
    if len(after) > len(first) + 1:
        return False  # a short line before a wider paragraph is a heading
    return len(after) >= 0.6 * len(first) or after[-1:] in "。；;"


@dataclass
class _Candidate:
    line: int
    last_line: int
    marker: Marker | None
    title: str
    heading_like: bool
    kind: str | None
    run: int = -1
    key: float = 0.0  # nesting key: marker level, or level - 0.5 for an unnumbered heading
    is_heading: bool = False
    dup_of: int | None = None


@dataclass
class _Run:
    style: str
    last: int
    members: list[int] = field(default_factory=list)
    nested: bool = False  # restarted inside an open run of its own style: a list of items


def _toc_lines(norm: NormalizedText) -> tuple[int, int] | None:
    """Line range ``[start, end)`` of a table of contents (目录), if there is one.

    The contents end where one of their entries is printed again as a real
    heading.  If the body's headings are worded differently, they end before the
    last enumerated line that precedes the first narrative paragraph (the body's
    first heading), and at the latest 80 lines on.
    """
    lines = norm.lines
    for i, ln in enumerate(lines[:400]):
        if "".join(ln.text.split()) not in ("目录", "目次"):
            continue
        seen: set[str] = set()
        entry_lines: list[int] = []
        j = i + 1
        while j < min(len(lines), i + 80):
            t = lines[j].text.strip()
            if t:
                title = clean_title(t)
                if title in seen:
                    return i, j
                if len(t) > 60 or (parse_marker(t) is None and any(c in title for c in "。，；：:")) or is_tabular(t):
                    # narrative: the body began at the last part heading before it
                    parts = [k for k in entry_lines if (m := parse_marker(lines[k].text.strip())) and m.style == "part"]
                    return i, (parts[-1] if parts else (entry_lines[-1] if entry_lines else j))
                seen.add(title)
                entry_lines.append(j)
            j += 1
        return i, j
    return None


def parse_sections(norm: NormalizedText, diag: Diagnostics) -> list[Section]:
    """The section tree; see the module docstring."""
    lines = norm.lines
    n = len(lines)
    widths = _local_widths(norm)
    toc = _toc_lines(norm)
    cands: list[_Candidate] = []
    i = 0
    while i < n:
        t = lines[i].text.strip()
        if not t or is_tabular(t) or (toc and toc[0] <= i < toc[1]):
            i += 1
            continue
        if page_ref(t) and not DECIMAL.search(t):
            i += 1  # a contents entry "第一部分 部门概况 …… 1" outside a 目录 page
            continue
        marker = parse_marker(t)
        if marker is None:
            cand = _unnumbered(norm, i, widths)
            if cand:
                cands.append(cand)
                i = cand.last_line + 1
                continue
            i += 1
            continue
        text, last = _paragraph(norm, i, widths, marker)
        m2 = parse_marker(text)
        title = clean_title(text[m2.end :] if m2 else text)
        like = heading_like(title)
        kind = heading_kind(title) if like else None
        cands.append(_Candidate(i, last, marker, title, like, kind, key=float(marker.level)))
        i = last + 1

    _merge_duplicates(cands, norm)
    runs_info = _assign_runs(cands)
    for c in cands:
        if c.dup_of is not None:
            continue
        if c.marker is None or c.marker.style == "part":
            c.is_heading = c.heading_like
        elif c.kind is not None and c.kind != "toc":
            c.is_heading = True
    runs: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.marker is not None and c.dup_of is None:
            runs.setdefault(c.run, []).append(c)
    for rid, members in runs.items():
        if _introduced(norm, members[0]) and not any(c.kind for c in members):
            continue  # "主要职能包括：" then 1. 2. 3.: a colon introduces items, never headings
        likes = sum(1 for c in members if c.heading_like)
        # a tie is settled by the first member: lists are printed alike from their start
        majority = likes * 2 > len(members) or (likes * 2 == len(members) and members[0].heading_like)
        if majority and not runs_info[rid].nested:
            for c in members:
                c.is_heading = c.is_heading or c.heading_like

    heads = [c for c in cands if c.is_heading]
    _warn_repeated(norm, heads, diag)
    sections = _build_tree(norm, heads, toc)
    if not sections:
        diag.warn("W201")
    return sections


def _introduced(norm: NormalizedText, first: _Candidate) -> bool:
    """Is the paragraph before a run's first member a sentence ending in a colon?"""
    j = first.line - 1
    while j >= 0 and not norm.lines[j].text.strip():
        j -= 1
    if j < 0:
        return False
    prev = norm.lines[j].text.strip()
    return prev.endswith(("：", ":")) and not is_tabular(prev)


def _warn_repeated(norm: NormalizedText, heads: list[_Candidate], diag: Diagnostics) -> None:
    """A 第X部分 or 一、 heading printed again further on (pages duplicated by the
    PDF export) is kept, with a warning at the first line of the copy.  Lower
    levels repeat legitimately (（1）项目概况 in every project's report)."""
    seen: dict[str, list[_Candidate]] = {}
    for c in heads:
        if c.marker is not None and c.marker.level <= 1:
            seen.setdefault(_norm_title(c), []).append(c)
    for copies in seen.values():
        if len(copies) > 1:
            diag.warn("W202", line=norm.lines[copies[1].line].number, title=copies[0].title, count=len(copies))


#: what no line of a wrapped title prints: the punctuation of a sentence going on or ending
_NOT_IN_TITLE = "，,。；;：:！？!?"
#: words of two Chinese characters or more on either side of a gap: cells of a row, not a title's words (a title printed
#: letter-spaced has one character between its gaps; a space beside a figure is a typesetter's: 2026 年)
_CELLS_APART = re.compile(r"[\u3400-\u9fff）)]{2}\s+[\u3400-\u9fff（(]{2}")


def _title_lines(norm: NormalizedText, i: int) -> tuple[str, int]:
    """The title of an unnumbered heading starting at line ``i``, and its last line: the line alone when it names a
    standard section, else the line with the one or two after it when together they name one — a title wrapped over
    two or three lines (``其他重要事项的情况`` / ``说明``, ``某某中心（单位）`` / ``机构设置``: the tail alone may name a
    section too).  No line of a wrapped title is enumerated, tabular, a row of cells apart (合计 因公出国(境)费 公务接待费)
    or punctuated as a sentence; nor does a title go on from a running header kept at the page breaks it is printed at
    (``NormalizedText.page_heads``), nor across a page number (a footer above the number, the heading below it)."""
    t = norm.lines[i].text.strip()
    title = clean_title(t)
    if section_kind(title) is not None or i in norm.page_heads:
        return title, i
    joined, last = t, i
    for _ in range(2):
        if any(c in joined for c in _NOT_IN_TITLE) or _CELLS_APART.search(joined):
            break
        j = _next_nonblank(norm, last, len(norm.lines))
        if j is None or any(k in norm.page_numbers for k in range(last + 1, j)):
            break
        nxt = norm.lines[j].text.strip()
        if is_tabular(nxt) or parse_marker(nxt) is not None or page_ref(nxt) or _CELLS_APART.search(nxt):
            break
        joined, last = joined + nxt, j
        if section_kind(clean_title(joined)) is not None:
            return clean_title(joined), last
    return title, i


def _paragraph_goes_on(norm: NormalizedText, j: int, widths: list[int]) -> bool:
    """Does the paragraph of line ``j`` go on after it: no sentence or enumerated title ends there, and the line is full
    — as wide as the text around it, or as the line before it (a paragraph wrapped narrower than the page)?"""
    prev = norm.lines[j].text.strip()
    if prev[-1:] in "。！？!?；;" or (parse_marker(prev) and heading_like(clean_title(prev))):
        return False
    if widths[j] and len(prev) >= 0.8 * widths[j]:
        return True
    i = j - 1
    while i >= 0 and not norm.lines[i].text.strip():
        i -= 1
    before = norm.lines[i].text.strip() if i >= 0 else ""
    return bool(before) and not is_tabular(before) and abs(len(before) - len(prev)) <= 1


def _unnumbered(norm: NormalizedText, i: int, widths: list[int]) -> _Candidate | None:
    """An unnumbered heading that names a standard section and stands alone, on one line or wrapped over two or three
    (:func:`_title_lines`)."""
    t = norm.lines[i].text.strip()
    title, last = _title_lines(norm, i)
    # a long name before the section's own words ("某某市水文和水资源研究院（某某市水情监测中心）
    # （单位）机构设置") may make it longer than a title usually is
    max_len = 60 if ENDS_WITH_KIND.search(squeeze(title)) else 30
    if not heading_like(title, max_len=max_len) or "：" in title or ":" in title or title.endswith(("，", ",", "、")):
        return None  # a line ending in a comma is a sentence going on, not a heading
    kind = heading_kind(title)
    if kind in (None, "tables"):
        return None
    k = _next_nonblank(norm, last, len(norm.lines))
    wider_next = k is not None and len(norm.lines[k].text.strip()) > len(norm.lines[last].text.strip()) + 1
    if last == i and widths[i] and len(t) >= 0.8 * widths[i] and not wider_next:
        return None  # a full line: the first line of a wrapped paragraph (whose next line is no wider)
    # stands alone: the previous paragraph is finished and the next one is narrative
    j = i - 1
    while j >= 0 and not norm.lines[j].text.strip():
        j -= 1
    prev = norm.lines[j].text.strip() if j >= 0 else ""
    if last > i and prev and not is_tabular(prev) and _paragraph_goes_on(norm, j, widths):
        return None  # a wrapped title starts after a finished paragraph, not inside one
    if (
        prev
        and not is_tabular(prev)
        and prev[-1:] not in "。！？!?；;"
        and not (parse_marker(prev) and heading_like(clean_title(prev)))
        and widths[j]
        and len(prev) >= 0.8 * widths[j]
    ):
        return None  # this line is the tail of a wrapped paragraph
    if k is None or is_tabular(norm.lines[k].text):
        return None
    nxt = norm.lines[k].text.strip()
    if parse_marker(nxt) is None and (len(nxt) < 12 or len(nxt) < 0.6 * _doc_width(widths)) and nxt[-1:] not in "。：:":
        return None  # short lines around it: a cell of a table (a short sentence is no cell)
    if title.endswith(("。", ".")):
        return None
    return _Candidate(i, last, None, title, True, kind)


def _norm_title(c: _Candidate) -> str:
    return (c.marker.printed if c.marker else "") + squash(c.title)


def _merge_duplicates(cands: list[_Candidate], norm: NormalizedText) -> None:
    """A heading printed again on the next line(s) is one heading."""
    for k in range(1, len(cands)):
        a, b = cands[k - 1], cands[k]
        root = a.dup_of if a.dup_of is not None else k - 1
        if _norm_title(a) == _norm_title(b) and a.heading_like:
            between = norm.lines[a.last_line + 1 : b.line]
            if all(not ln.text.strip() for ln in between):
                b.dup_of = root
                cands[root].last_line = b.last_line


def _assign_runs(cands: list[_Candidate]) -> list[_Run]:
    """Group enumerated candidates into runs of siblings: （一）（二）（三）…

    A number continues the most recent open run of its style that ended with the
    number before it; 1 (or a number nothing continues) opens a new run.  An
    enumerator closes the open runs of deeper levels.  A run that restarts at 1
    while a run of the same style is still open ("（一）部门主要职责" followed by
    items （一）（二）…) is nested: headings of one style do not nest, so its members
    are items.
    """
    open_runs: list[tuple[int, _Run]] = []
    all_runs: list[_Run] = []
    for c in cands:
        if c.dup_of is not None:
            continue
        if c.marker is None:
            open_runs = [(rid, r) for rid, r in open_runs if _level_of(r.style) < c.key]
            continue
        m = c.marker
        open_runs = [(rid, r) for rid, r in open_runs if _level_of(r.style) <= m.level]
        target = None
        if m.number > 1:
            for rid, r in reversed(open_runs):
                if r.style == m.style and r.last == m.number - 1:
                    target = rid
                    break
            if target is None:
                for rid, r in reversed(open_runs):
                    if r.style == m.style and r.last < m.number:
                        target = rid
                        break
        if target is None:
            nested = m.number == 1 and any(r.style == m.style for _, r in open_runs)
            all_runs.append(_Run(m.style, m.number, nested=nested))
            target = len(all_runs) - 1
            open_runs.append((target, all_runs[target]))
        run = all_runs[target]
        run.last = m.number
        run.members.append(id(c))
        c.run = target
    return all_runs


_STYLE_LEVEL = {"part": 0, "cn": 1, "cn_paren": 2, "num": 3, "num_paren": 4, "num_half": 4, "circled": 5}


def _level_of(style: str) -> int:
    return _STYLE_LEVEL.get(style, 6)


def _build_tree(norm: NormalizedText, heads: list[_Candidate], toc: tuple[int, int] | None) -> list[Section]:
    """Nest the headings by level and give each its body span."""
    lines = norm.lines
    n = len(lines)
    # an unnumbered heading nests just above the enumerated headings that follow it
    for k, c in enumerate(heads):
        if c.marker is None:
            nxt = next((h.key for h in heads[k + 1 :] if h.marker is not None), 1.0)
            c.key = max(nxt, 1.0) - 0.5 if nxt > 0 else 0.5
    items: list[tuple[float, int, int, Section]] = []  # (key, first line, last line, section)
    if toc:
        toc_head = lines[toc[0]]
        toc_last = toc[1] - 1
        while toc_last > toc[0] and not lines[toc_last].text.strip():
            toc_last -= 1
        sec = Section(0, "", "目录", "toc", norm.line_span(toc_head))
        sec.body = norm.raw_span(toc_head.end + 1, lines[toc_last].end) if toc_last > toc[0] else None
        items.append((-1.0, toc[0], toc[1], sec))
    for c in heads:
        head_first, head_last = lines[c.line], lines[c.last_line]
        start = head_first.start + (len(head_first.text) - len(head_first.text.lstrip()))
        level = c.marker.level if c.marker else int(c.key + 0.5)
        sec = Section(level, c.marker.printed if c.marker else "", c.title, c.kind, norm.raw_span(start, head_last.end))
        items.append((c.key, c.line, c.last_line, sec))
    items.sort(key=lambda x: x[1])
    roots: list[Section] = []
    stack: list[tuple[float, Section]] = []
    for idx, (key, _, last, sec) in enumerate(items):
        if sec.kind != "toc":
            end_line = n
            for key2, first2, _, _ in items[idx + 1 :]:
                if key2 <= key:
                    end_line = first2
                    break
            body_start = lines[last].end + 1 if last + 1 < n else lines[last].end
            body_end = lines[end_line - 1].end if end_line - 1 > last else body_start
            sec.body = norm.raw_span(body_start, body_end) if body_end > body_start else None
        while stack and stack[-1][0] >= key:
            stack.pop()
        if key < 0:  # the table of contents stands at top level and has no children
            roots.append(sec)
            continue
        (stack[-1][1].children if stack else roots).append(sec)
        stack.append((key, sec))
    return roots


def walk(sections: list[Section]):
    """Every section of the tree, depth first, in document order."""
    for s in sections:
        yield s
        yield from walk(s.children)


def heading_lines(norm: NormalizedText, sections: list[Section]) -> set[int]:
    """Indices into ``norm.lines`` of every line that is part of a heading."""
    out: set[int] = set()
    for s in walk(sections):
        if s.kind == "toc":
            continue
        first = s.span.line - 1
        last = norm.raw_line(max(s.span.end - 1, s.span.start)) - 1
        out.update(range(first, last + 1))
    return out


def line_range(norm: NormalizedText, section: Section) -> tuple[int, int]:
    """``[first, end)`` indices into ``norm.lines`` of a section's body."""
    if section.body is None:
        return (0, 0)
    first = section.body.line - 1
    last = norm.raw_line(max(section.body.end - 1, section.body.start))
    return first, max(first, last)


__all__ = ["SECTION_KINDS", "Block", "heading_lines", "line_range", "parse_sections", "section_kind", "walk"]
