"""The words of a heading: the standard section its title names (:data:`SECTION_KINDS`, whatever the wording),
whether a paragraph reads as a title at all (short, not a sentence, no amounts), and its title without a table of
contents' page reference.  :mod:`nlp.layout` decides with them which paragraphs are headings.
"""

from __future__ import annotations

import re

from nlp.headings import squeeze

# Standard sections, whatever their wording: kind → wording patterns (regular
# expressions over the heading title with spaces removed).  Order matters: the
# first kind with a matching pattern wins (重点工作完成情况 is key_work even when
# the heading also says 绩效).
SECTION_KINDS: dict[str, list[str]] = {
    "toc": [r"^目录$"],
    "glossary": [r"名词解释", r"名词说明", r"术语解释"],
    "responsibilities": [
        r"主要职责",
        r"主要职能",
        r"职能简述",
        r"部门职责",
        r"单位职责",
        r"职责职能",
        r"职能职责",
        r"机构职能",
        r"职责范围",
    ],
    "staffing": [r"人员构成", r"人员情况", r"人员编制", r"人员结构"],
    "structure": [
        r"机构设置",
        r"决算单位构成",
        r"预算单位构成",
        r"部门构成",
        r"单位构成",
        r"部门预算构成",
        r"机构情况",
    ],
    "tables": [r"(预算|决算)(公开)?表$", r"(预算|决算)报表$", r"情况表$", r"总表$"],
    "key_work": [
        r"重点工作",
        r"主要工作任务",
        r"工作完成情况",
        r"工作要点",
        r"年度工作任务",
        r"工作计划",
        r"重点任务",
        r"年度主要工作",
        r"主要工作目标",
        r"年度工作目标",
        r"主要任务",
    ],
    "performance": [r"绩效目标", r"绩效管理", r"绩效评价", r"绩效情况", r"绩效自评"],
    "explanation": [r"情况说明", r"说明$", r"编制说明"],
}
_KIND_PATTERNS = [(kind, re.compile("|".join(pats))) for kind, pats in SECTION_KINDS.items()]
#: A heading that ends with a section kind's words (…情况说明, …预算表), the table of contents' and tables' aside.
ENDS_WITH_KIND = re.compile(
    "(?:" + "|".join(p for k, pats in SECTION_KINDS.items() if k not in ("toc", "tables") for p in pats) + ")$"
)

#: A figure with a thousands separator or a decimal point: an amount, which no heading prints.
DECIMAL = re.compile(r"\d,\d{3}|\d\.\d")
_AMOUNT_UNIT = re.compile(r"\d\s*(万元|亿元|元)")
# TOC dot leaders "…… 3".  Matched on a line's tail only: a line of 100,000 "…"
# must not cost a quadratic regex search.
_PAGE_REF = re.compile(r"\s*(\.{3,}|…+|—{2,}|-{3,})\s*\d+\s*$")


def page_ref(text: str) -> re.Match[str] | None:
    """A table of contents' page reference at the end of ``text`` (dot leaders and a page number: "…… 3"), if any."""
    tail = text[-80:]
    m = re.search(r"\d\s*$", tail)
    return _PAGE_REF.search(tail) if m else None


def _strip_page_ref(text: str) -> str:
    m = page_ref(text)
    return text[: len(text) - len(text[-80:]) + m.start()] if m else text


_MAX_TITLE = 40


def section_kind(title: str) -> str | None:
    """The standard kind a heading title names, or None."""
    t = "".join(title.split())
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(t):
            return kind
    return None


_CLAUSE_COMMA = re.compile(r"，|(?<!\d),|,(?!\d)")


def heading_kind(title: str) -> str | None:
    """The standard kind a heading names: :func:`section_kind`'s, and none for a title of clauses — the words before
    and after a comma are a sentence's (组织申报…绩效目标9项，申报覆盖; 负责…工作，指导内部机构设置, an item wrapped
    after a full line), whatever section's words they hold."""
    return None if _CLAUSE_COMMA.search(title) else section_kind(title)


def clean_title(text: str) -> str:
    """A heading's title as printed once: its page reference, layout spaces and spaces between Chinese characters
    and digits left out, and the colon after a title whose words end with a standard section's (:func:`titled_colon`)."""
    t = squeeze(_strip_page_ref(text)).strip(" -*").strip()
    t = re.sub(r"(?<=[\d\u4e00-\u9fff])\s+(?=[\d\u4e00-\u9fff])", "", t)
    return t[:-1].rstrip() if titled_colon(t) else t


def titled_colon(text: str) -> bool:
    """Does ``text`` end in a colon printed after a heading's title (一、主要职责： / 部门职责： / 某某中心机构设置:): the
    words before the colon end with a standard section's (:data:`ENDS_WITH_KIND`)?  A list's intro ends with its verb
    (主要职责是： / 主要职能包括： / 绩效目标如下：), a label with its own words, a sentence with its clauses (根据…，主要职责：):
    none is a title."""
    t = "".join(text.split())
    return t.endswith(("：", ":")) and bool(ENDS_WITH_KIND.search(t[:-1])) and not _CLAUSE_COMMA.search(t)


def heading_like(title: str, max_len: int = _MAX_TITLE) -> bool:
    """Short and not a sentence: no sentence punctuation inside, no amounts,
    no "label：definition".  One final 。 is tolerated on a short title
    (（四）预算绩效管理工作开展情况。)."""
    t = title.strip()
    if not t or len(t) > max_len or not re.search(r"[\u4e00-\u9fff]", t):
        return False
    if t.endswith(("：", ":")):
        return False  # introduces a list or a quotation: a sentence, not a title
    if DECIMAL.search(t) or _AMOUNT_UNIT.search(t):
        return False
    body = t[:-1] if t.endswith(("。", ".")) and len(t) <= 24 else t
    if any(c in body for c in "。；;！？!?"):
        return False
    colon = max(body.find("："), body.find(":"))
    return not 0 <= colon < len(body) - 1
