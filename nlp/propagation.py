"""One sense per report: a name the rules found with high confidence is looked for in all of the report's texts.

A report names the same platform or reform many times — in its responsibilities, its key work, its project names,
its 绩效目标 — and the rules find some occurrences by a clear shape (a quoted name, a gazetteer name) and miss
or cut others (a mention inside a longer clause). :func:`propagate` takes the texts of ONE report and the
entities found in each, and

* adds every other occurrence of a confident name, by its characters (quotes included), where it starts and
  ends on the text's words, does not run on into a longer word (the rules' own tests) and no entity found
  there already covers it;
* replaces a found entity that lies inside the occurrence or crosses it (a boundary cut: 智能化公共数据平台 of
  一体化智能化公共数据平台) by the confident name's extent.

A short name a report defines in brackets (电子政务外网协同办公平台（以下简称OA系统）, :mod:`nlp.shortnames`) is found
inside the brackets and spread too, whatever its words: the report says what it names.  It is taken only where the
words around it let it be that one system (:func:`nlp.ownsystems.spreadable`: not the tail of a longer name, as
会议系统 of 视频会议系统, nor many, nor a kind to be made), and never when it is a bare head (以下简称平台).

The name of one of the government's own systems that the rules found as one existing system in one text
(依托全区政务服务平台, OA系统运行维护: :mod:`nlp.ownsystems`) is spread the same way, with the same care: the words
alone name a kind as well (推进政务服务平台建设, 各级政务服务平台), so an occurrence is taken only where
:func:`nlp.ownsystems.spreadable` lets it be the report's one system.  A bare head (平台, 系统) is never such a name.

No name is fixed here: the names come only from what the report itself yields.  A propagated entity keeps its
own span (the occurrence's characters) and the source ``"propagated"``.

Names are compared as the pipeline read them, not as they were printed (:func:`report_entities`): a text the
extraction read through :mod:`nlp.pdftext` is looked at in its reading (``政务服务\n平台``, ``12345 热线`` read
``政务服务平台``, ``12345热线``), so a name found once is found again where it is wrapped over a line break or
spaced, and every entity handed back spans the printed characters — the line break or space inside it included.

Which names are confident was decided by measurement: per-source precision of the found Platform/Reform spans on
the devset's train split and the corpus gold, gazetteer on and off — gazetteer names 69/69 and quoted names 45/45
right, plain shapes ~.94 and the trained NER ~.90 (those two are not spread; spreading them cost precision on
held-out text and gained nothing).  A name is spread only when the report never finds the same characters with
another label, and never when it is generic (信息系统, “一卡通”, “网上办”: what every report calls something).
Replacing a found name that merely starts earlier (揭阳市|12345热线) was measured too and cut true owners off;
spreading a quoted name's bare characters (“穗智管” → 穗智管) changed nothing measured and would give an unknown
coined name two keys (the resolver keeps the quotes of a name it does not know), so it is not done.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from nlp.agencies import below_own_level, listed_units_again
from nlp.entities import entities_of
from nlp.foundentity import FoundEntity
from nlp.jiebadictionary import pos_table
from nlp.orgnames import place_prefix
from nlp.ownsystems import own_names, spreadable, unglued
from nlp.pdftext import read_as
from nlp.platformwords import HEAD
from nlp.shortnames import aliases, defined_names
from nlp.sitecolumns import an_office_holders_mailbox
from nlp.tokenizer import doc_text, token_offsets, word_offsets

#: the labels whose names are spread (agencies are the report's own business: nlp.relations resolves them)
SPREAD_LABELS = ("Platform", "Reform")
#: sources whose names are confident, by their measured precision (module docstring)
CONFIDENT_SOURCES = ("gazetteer",)
#: a quoted name (“穗智管”, “一网通办”改革): quotes mark a coined name
_QUOTED = re.compile(r"[“「][^“”「」]{2,}[”」]")
PROPAGATED = "propagated"
#: A platform's head right after a quoted name (“12345”政府服务热线, “数字重庆”云平台): the two are one name (the guideline).
_HEAD_AFTER_QUOTE = re.compile(rf"(?![和及与或、])[\u4e00-\u9fff]{{0,8}}?(?:{HEAD.pattern})")


@dataclass(frozen=True)
class ReportEntities:
    """What one report's texts name: ``entities[i]``, the entities of its ``i``-th text, and ``aliases``, the short
    names it defines in brackets (quotes off) and the full names they stand for (:func:`nlp.shortnames.aliases`:
    协同办公平台（以下简称OA系统） → ``{"OA系统": "协同办公平台"}``), as these entities show the definitions: what
    :class:`nlp.resolve.EntityResolver` gives a short name the key of."""

    entities: list[list[FoundEntity]]
    aliases: dict[str, str]


def _confident(ent: FoundEntity) -> bool:
    return ent.label in SPREAD_LABELS and (ent.source in CONFIDENT_SOURCES or bool(_QUOTED.search(ent.text)))


def confident_names(found: Sequence[Sequence[FoundEntity]]) -> dict[str, str]:
    """The report's confident names and their labels; a name found with two labels in the report is nobody's."""
    labels: dict[str, set[str]] = {}
    for ents in found:
        for e in ents:
            labels.setdefault(e.text, set()).add(e.label)
    names = {}
    for ents in found:
        for e in ents:
            if _confident(e) and len(labels[e.text]) == 1 and not _generic(e.text):
                names[e.text] = e.label
                brand = _brand_of(e)
                if brand and brand not in labels:
                    names.setdefault(brand, e.label)
                carried = _reform_of(e)
                if carried and labels.get(carried, {e.label}) == {e.label}:
                    names.setdefault(carried, e.label)
    return names


def _reform_of(ent: FoundEntity) -> str | None:
    """The quoted name of a reform the report carries out (“最多跑一次” of “最多跑一次”改革): printed alone elsewhere in
    the report — the state it reaches too (实现“最多跑一次”) — it names that reform (the guideline)."""
    m = _LEADING_QUOTE.match(ent.text)
    if ent.label != "Reform" or m is None or ent.text[m.end() :] != "改革":
        return None
    return m.group()


#: A quoted name opening a longer name (“安商驿站” of “安商驿站”政务服务点, “赣服通” of “赣服通”“一件事一次办”专区).
_LEADING_QUOTE = re.compile(r"[“「]([^“”「」]{2,12})[”」]")


#: A manner in quotes (“一站式”, “无纸化”): how a system works, no brand of its own.
_MANNER_END = re.compile(r"[式化性]$")


def _brand_of(ent: FoundEntity) -> str | None:
    """The quoted brand a platform's name opens with, its head or zone after it (“安商驿站”政务服务点 → “安商驿站”): the
    brand printed alone elsewhere in the report names the same service.  Not a service mode or a maxim (“一网通办”平台:
    “一网通办” alone is the initiative, :mod:`nlp.reforms`), nor a manner (“一站式”车辆通关系统)."""
    from nlp.reforms import SERVICE_MODE, slogan

    m = _LEADING_QUOTE.match(ent.text)
    if ent.label != "Platform" or m is None or m.end() == len(ent.text):
        return None
    inner = m.group(1)
    if SERVICE_MODE.search(inner) or slogan(inner) or _MANNER_END.search(inner) or _generic(m.group()):
        return None
    return m.group()


def _generic(name: str) -> bool:
    """Is the name what many things are called (信息系统, “一卡通”, “网上办”)?  The rules' own test, on the
    words in front of its head word, or on the whole name when it has none."""
    from nlp.namechecks import generic_name, platform_core

    bare = name.strip("“”「」")
    core = platform_core(bare)
    return generic_name(bare) if core is None else (not core or generic_name(core))


def _continues(text: str, end: int, label: str) -> bool:
    """Do the characters after ``end`` make the occurrence part of a longer word the rules never end a name
    before (行政审批制度改革|工作联席会议办公室, 平台|经济)?  The rules' own tests, for the same label."""
    from nlp.afterhead import head_continues
    from nlp.reforms import body_named_after

    if label == "Reform":
        return body_named_after(text, end)
    return head_continues(text, end)


def _word_bounds(words: Sequence[tuple[int, int]] | None) -> tuple[set[int], set[int]] | None:
    """Where the text's words start and where they end (None: no words given, every place is a boundary)."""
    if words is None:
        return None
    return {a for a, _ in words}, {b for _, b in words}


def propagate(
    texts: Sequence[str],
    found: Sequence[Sequence[FoundEntity]],
    words: Sequence[Sequence[tuple[int, int]] | None] | None = None,
) -> ReportEntities:
    """The entities of one report's ``texts`` with its confident names spread (module docstring), and the short
    names the report defines.

    ``found[i]``: the entities found in ``texts[i]``; ``words[i]``: the character ranges of its words (the
    segmenter's tokens), where an occurrence must start and end (none given: anywhere)."""
    found = [defined_names(text, ents) for text, ents in zip(texts, found)]  # 协同办公平台（以下简称OA系统）
    # an office-holder's mailbox is a site's column (nlp.sitecolumns): named nowhere …
    found = [[x for x in ents if not (x.label == "Platform" and an_office_holders_mailbox(x.text))] for ents in found]
    names = confident_names(found)
    # a short name defined in brackets, and the names of the report's own systems: spread where the words around allow
    short = aliases(texts, found)  # which short names are spread: those the rules' own finds define
    guarded = {n: "Platform" for n in [*short, *own_system_names(texts, found, words)]}
    guarded = {n: lab for n, lab in guarded.items() if n not in names and not _another_label(n, lab, found)}
    names.update(guarded)
    # … and spread nowhere, also as a short name defined or a brand a system's name opens with (…平台（以下简称市长信箱）,
    # “书记县长信箱”系统)
    names = {n: lab for n, lab in names.items() if lab != "Platform" or not an_office_holders_mailbox(n)}
    out = [list(ents) for ents in found]
    if not names:
        return ReportEntities(out, short)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    changed = False
    for i, text in enumerate(texts):
        ents = out[i]
        given = words[i] if words else None
        tokens = unglued(text, list(given)) if given is not None else None  # 政务|云已 → 政务|云|已
        bounds = _word_bounds(tokens)  # once per text, not per occurrence
        for m in pattern.finditer(text):
            s, e, name = m.start(), m.end(), m.group()
            if bounds is not None and (s not in bounds[0] or e not in bounds[1]):
                continue  # starts or ends inside a word of the text
            if _continues(text, e, names[name]):
                continue
            if name[0] in "“「" and _HEAD_AFTER_QUOTE.match(text, e):
                continue  # 市“12345”政府服务热线: a quoted name with a head after it is one name with it, no mention alone
            if name in guarded and not spreadable(text, tokens, s, e, defined=name in short):
                continue  # 各级政务服务平台, 推进办公平台建设, 网上|政务服务平台: not the report's one system here
            overlapping = [x for x in ents if x.start < e and s < x.end]
            if any(x.start <= s and e <= x.end for x in overlapping):
                continue  # already found, or part of a longer name found here
            if any(_confident(x) for x in overlapping):
                continue  # another confident name holds these characters
            ents = [x for x in ents if x not in overlapping]
            ents.append(FoundEntity(s, e, name, names[name], PROPAGATED))
            changed = True
        out[i] = sorted(ents, key=lambda x: (x.start, x.end))
    if not changed:
        return ReportEntities(out, short)  # the entities are the rules' own finds: so are the definitions
    # what a short name stands for, read again once names are spread: a confident name may have taken the place of a
    # full name the rules cut before its bracket (智能化公共数据平台 of 一体化智能化公共数据平台（以下简称公数平台）)
    return ReportEntities(out, aliases(texts, out))


def own_system_names(
    texts: Sequence[str],
    found: Sequence[Sequence[FoundEntity]],
    words: Sequence[Sequence[tuple[int, int]] | None] | None = None,
) -> set[str]:
    """The names of the report's own systems its rules found as one existing system (政务服务平台, OA系统, 人口库: generic
    and own-system words and a head, :func:`nlp.ownsystems.own_names`) — never a bare head (平台, 系统): the rules
    find none."""
    out = set()
    for i, (text, ents) in enumerate(zip(texts, found)):
        shapes = [e for e in ents if e.label == "Platform" and e.source == "pattern"]
        if not shapes:
            continue
        given = words[i] if words else None
        own = own_names(text, list(given) if given is not None else None)  # once per text
        out |= {e.text for e in shapes if (e.start, e.end) in own}
    return out


def _another_label(name: str, label: str, found: Sequence[Sequence[FoundEntity]]) -> bool:
    """Is ``name`` found with another label than ``label`` somewhere in the report?"""
    return any(e.text == name and e.label != label for ents in found for e in ents)


def report_entities(docs: Sequence[Doc]) -> ReportEntities:
    """The entities of one report's parsed texts (``docs``, in the pipeline's segmentation), names spread, a listed
    unit found where it is named again, bodies below the report's own level dropped; and the report's short names.
    Each text is looked at as the pipeline read it (:func:`nlp.pdftext.read_as`); the entities come back on its
    printed characters."""
    texts: list[str] = []
    words: list[Sequence[tuple[int, int]] | None] = []
    found: list[list[FoundEntity]] = []
    printed: list[tuple[str, list[int]] | None] = []  # the printed text and the offsets of a text read otherwise
    for d in docs:
        reading = read_as(d)
        if reading is None:
            texts.append(doc_text(d))
            words.append(token_offsets(d))
            found.append(entities_of(d))
            printed.append(None)
        else:
            text, at, tokens = reading
            texts.append(text)
            words.append(tokens)
            found.append([_as_read(e, text, at) for e in entities_of(d)])
            printed.append((doc_text(d), at))
    found = _in_their_places(texts, found, words)
    spread = propagate(texts, found, words)
    found = spread.entities
    # a unit the report's 机构设置 lists, named again elsewhere (nlp.agencies)
    for i, spans in enumerate(listed_units_again(texts, found, words)):
        if spans:
            more = [FoundEntity(s, e, texts[i][s:e], "Agency", PROPAGATED) for s, e in spans]
            found[i] = sorted([*found[i], *more], key=lambda x: (x.start, x.end))
    # 区委 in a city bureau's report is every district's (nlp.agencies)
    found = below_own_level(found)
    found = [ents if p is None else [_as_printed(e, *p) for e in ents] for ents, p in zip(found, printed)]
    return ReportEntities(found, spread.aliases)


def _in_their_places(
    texts: list[str], found: list[list[FoundEntity]], words: Sequence[Sequence[tuple[int, int]] | None]
) -> list[list[FoundEntity]]:
    """``found`` without the names that are mentions only in a report of their place (a gazetteer's alias of common
    words: 市民服务中心 of 番禺区) where the report prints none of its places' names: there the words name another
    government's system or a kind, which the shape rules alone decide.  ``words``: each text's words."""
    bound = {p for ents in found for e in ents for p in e.places}
    if not bound:
        return found
    printed = {p for p in bound if any(_names_the_place(t, w, p) for t, w in zip(texts, words, strict=True))}
    return [[e for e in ents if not e.places or printed.intersection(e.places)] for ents in found]


#: A road named after a place, its bare name the road's first word (番禺路, 番禺大道, 中山南路) — not 街道, a part of a
#: district.
_ROAD_AFTER = re.compile(r"[东西南北中]?(?:路|大道|大街|街(?!道))")
#: What a school's name ends with (中山大学, 番禺职业技术学院, 番禺中学).
_SCHOOLS = ("大学", "学院", "学校", "中学", "小学")


def _names_the_place(text: str, words: Sequence[tuple[int, int]] | None, place: str) -> bool:
    """Does ``text`` print ``place`` (one spelling of a place: 番禺区, 番禺, 广州市番禺区) where it names the place — as
    words of the text's reading (``words``: the pipeline's words; not inside a longer word, 中山路, 中山大学, nor the
    start of one, 广州|市民卡 for 广州市) and, printed bare (番禺: no level word, :func:`nlp.orgnames.place_prefix`),
    not as the first word of a road's or a school's name (番禺|路, 番禺|职业|技术|学院)?"""
    if place not in text:
        return False
    spans = list(words) if words is not None else word_offsets(text)
    starts, ends = {a for a, _ in spans}, {b: i for i, (_, b) in enumerate(spans)}
    bare = place_prefix(place) != place
    return any(
        m.start() in starts and m.end() in ends and not (bare and _first_word_of_a_name(text, spans, ends[m.end()] + 1))
        for m in re.finditer(re.escape(place), text)
    )


def _first_word_of_a_name(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """Do the words from ``words[k]`` on make the place's bare name before them the first word of a road's name (路,
    大道) or a school's — nouns up to a school's end (职业|技术|学院, 中学), no verb between (召开|全市|学校…)?"""
    if k < len(words) and _ROAD_AFTER.match(text, words[k][0]):
        return True
    for a, b in words[k : k + 4]:
        word = text[a:b]
        if word.endswith(_SCHOOLS):
            return True
        if not (pos_table().get(word) or "").startswith("n"):
            return False
    return False


def _as_read(ent: FoundEntity, text: str, at: list[int]) -> FoundEntity:
    """``ent`` (on the printed characters) on the characters read (``text``; ``at[i]``: the printed offset of
    ``text[i]``).  An entity starts and ends on a character that was read (nlp.pdftext.as_source)."""
    s, e = bisect.bisect_left(at, ent.start), bisect.bisect_left(at, ent.end - 1) + 1
    return replace(ent, start=s, end=e, text=text[s:e])


def _as_printed(ent: FoundEntity, printed: str, at: list[int]) -> FoundEntity:
    """``ent`` (on the characters read) on the printed ones: a line break or space dropped inside it included."""
    s, e = at[ent.start], at[ent.end - 1] + 1
    return replace(ent, start=s, end=e, text=printed[s:e])


__all__ = ["PROPAGATED", "ReportEntities", "confident_names", "own_system_names", "propagate", "report_entities"]
