"""A platform given a second, short name in brackets: 电子政务外网协同办公平台（以下简称OA系统）, 无纸化会议系统（简称“会议系统”）,
电子证照库(下称证照库).

Report prose defines a short name once, in brackets right after the full one, and uses it from then on.  Both are
the report's names of one platform: the full name is found by the rules like any name, the short one is what the
brackets say it is, whatever its words (OA系统 alone is generic words and a head; 交换平台 alone is a kind).  So:

* :func:`defined_names` finds, in one text, each definition whose full name is a platform found right before the
  bracket, and gives the short name inside it as a platform of its own — cutting the definition's words off a name
  that swallowed them (以下简称|审批系统, 下称|证照库);
* :func:`aliases` gives a report's short names and the full names they stand for, which :mod:`nlp.propagation`
  looks for in the report's other texts and :class:`nlp.resolve.EntityResolver` resolves to the full name's key
  (one node, the short name one of its labels) — read by :func:`nlp.propagation.propagate` and handed back with
  the report's entities (:class:`nlp.propagation.ReportEntities`).

A definition after anything but a platform (an agency: 市政务服务数据管理局（以下简称市政数局）, a document, a building
system) makes no platform; a short name that is a bare head (平台, 系统) or a pointer (本平台, 该系统) is no name of
its own and is neither found nor spread.  Everything here is the wording of a definition, never a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.foundentity import FoundEntity
from nlp.namechecks import final_head
from nlp.platformwords import BUILDING_SYSTEM, HEAD

#: A bracketed definition of a short name right after a name: （以下简称OA系统）, (简称“一网通”), （下称证照库）,
#: （以下简称为“交换平台”）, （又称…）.  Not 统称 (a collective name of several things).
DEFINITION = re.compile(
    r"\s*[（(]\s*(?:以下|下文|下|又|亦|或)?(?:简称|称)(?:为|作)?[:：]?\s*"
    r"(?P<short>[“「\"]?[^（）()，。；、,;:：\s“”「」\"]{2,16}[”」\"]?)\s*[）)]"
)
#: Pointers and bare heads: the short name of one platform in its own report's prose, but no name to find or spread.
_POINTER = re.compile(r"(?:本|该|此|这个|上述)?")
_QUOTES = '“”「」"'
#: Heads that name a kind of product, not one with a topic (数据库, not 证照库).
_PRODUCT_HEADS = {"数据库", "公众号", "小程序", "客户端", "门户网站", "网站群", "一体机", "自助机", "自助终端", "服务平台",
                  "综合平台", "信息平台", "数据平台", "大平台", "管理系统", "服务热线", "便民热线", "服务大厅", "办事大厅",
                  "移动端", "热线电话", "服务电话"}  # fmt: skip


def _bare(name: str) -> str:
    return name.strip(_QUOTES)


def _a_name(short: str) -> bool:
    """Is ``short`` (quotes off) a name of its own, not a bare head or a pointer to one (平台, 系统, 数据库, 该系统,
    本平台)?  A head with a topic (证照库, 政务网) is a name."""
    pointer = _POINTER.match(short)
    rest = short[pointer.end() :] if pointer else short
    if rest != short and HEAD.search(rest):
        return False  # 该系统, 本平台
    return len(rest) >= 2 and not (HEAD.fullmatch(rest) and (len(rest) <= 2 or rest in _PRODUCT_HEADS))


def _platform_before(text: str, end: int) -> bool:
    """Does the text before ``end`` end with a platform's head (not a building's equipment): a full name the rules
    may have missed?"""
    clause = text[max(0, end - 24) : end]
    return final_head(clause) is not None and not any(
        BUILDING_SYSTEM.search(clause[i:]) for i in range(len(clause) - 1)
    )


def definitions(text: str, ents: Sequence[FoundEntity]) -> list[tuple[FoundEntity, int, int]]:
    """The definitions in ``text`` whose full name is a platform found right before the bracket: (the full name's
    entity, the short name's start and end — its quotes included)."""
    out = []
    ends = {e.end: e for e in ents if e.label == "Platform"}
    for m in DEFINITION.finditer(text):
        full = ends.get(m.start())  # the spaces before the bracket are in the match: the name ends where it starts
        short = m.group("short")
        if (
            full is not None
            and short.count("“") == short.count("”")
            and _a_name(_bare(short))
            and not BUILDING_SYSTEM.search(full.text)
        ):
            out.append((full, m.start("short"), m.end("short")))
    return out


def defined_names(text: str, ents: Sequence[FoundEntity]) -> list[FoundEntity]:
    """``ents`` with each definition's short name found as a platform (the entities crossing it replaced).  A
    platform found inside any other definition's brackets is cut to its short name when a platform's head ends the
    text before the bracket (简称|视频系统 → …), and dropped when the short name is a bare head (以下简称平台) or
    what is defined is no platform (视频会议系统（以下简称视频系统）: a building's equipment)."""
    defined = definitions(text, ents)
    out = [x for x in ents if not any(x.start < e and s < x.end and x is not full for full, s, e in defined)]
    out += [FoundEntity(s, e, text[s:e], "Platform", "pattern") for _, s, e in defined]
    taken = {(s, e) for _, s, e in defined}
    for m in DEFINITION.finditer(text):
        s, e = m.span("short")
        if (s, e) in taken:
            continue
        inside = [x for x in out if x.label == "Platform" and m.start() < x.end and x.start < m.end()]
        if not inside:
            continue
        out = [x for x in out if x not in inside]
        if _a_name(_bare(m.group("short"))) and _platform_before(text, m.start()):
            out.append(FoundEntity(s, e, text[s:e], "Platform", inside[0].source))
    return sorted(out, key=lambda x: (x.start, x.end))


def aliases(texts: Sequence[str], found: Sequence[Sequence[FoundEntity]]) -> dict[str, str]:
    """A report's short names (quotes off) and the full names they stand for, from the definitions in its texts;
    a short name defined for two different full names stands for neither."""
    seen: dict[str, set[str]] = {}
    for text, ents in zip(texts, found):
        for full, s, e in definitions(text, ents):
            seen.setdefault(_bare(text[s:e]), set()).add(full.text)
    return {short: next(iter(fulls)) for short, fulls in seen.items() if len(fulls) == 1 and short not in fulls}


__all__ = ["DEFINITION", "aliases", "defined_names", "definitions"]
