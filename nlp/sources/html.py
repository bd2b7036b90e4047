"""A web page → the text of its article, laid out as lines.

Departments publish a report as a page of their portal: the article sits inside
navigation, search boxes, share buttons and footers.  The article is found by where
the text is, not by the site's class names (each portal names its divs differently):
from ``<body>`` down, follow the child that holds most of the page's text outside
links while it holds at least :data:`SHARE` of it; menus and footers are mostly links.

Then the text: a block element (p, div, li, h1–h6, tr …) or ``<br>`` ends a line, a
table row is a line of its cells joined by a space, white space inside a line is
collapsed, empty lines are dropped.  The encoding is the page's own (BOM, ``<meta
charset>``, else UTF-8 or GB18030, whichever reads), the GB family read as GB18030 as
browsers do; bytes that decode in none are replaced and counted, never hidden.
"""

from __future__ import annotations

import re

from nlp.errors import ReportError

#: The article is the deepest element holding at least this share of the page's non-link text.
SHARE = 0.8
#: A title is a short block (at most this many characters) among the few elements before the article.
TITLE_LENGTH = 100
TITLE_SIBLINGS = 3

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "head",
    "nav",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "canvas",
    "object",
    "embed",
)
_BLOCK = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "center",
        "body",
    )
)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def _own_text_length(element) -> int:
    """Characters of visible text in ``element`` outside links (menus are links; articles are not)."""
    from bs4 import NavigableString

    n = 0
    for s in element.find_all(string=True):
        if isinstance(s, NavigableString) and s.find_parent("a") is None:
            n += len(s.strip())
    return n


def _article(body):
    from bs4 import Tag

    node = body
    total = _own_text_length(body)
    while True:
        best, best_n = None, 0
        for child in node.children:
            if isinstance(child, Tag):
                n = _own_text_length(child)
                if n > best_n:
                    best, best_n = child, n
        if best is None or best_n < SHARE * total:
            return node
        node = best


def _lines(element) -> list[str]:
    from bs4 import NavigableString, Tag

    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"):
                    continue
                current.append(str(child))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    end_line()
                elif name in ("td", "th"):
                    current.append(" ")
                    walk(child)
                    current.append(" ")
                elif name in _BLOCK:
                    end_line()
                    walk(child)
                    end_line()
                else:
                    walk(child)

    walk(element)
    end_line()
    return lines


# WHATWG Encoding: browsers decode every label of the GB family with the GB18030 decoder (a superset).
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58", "gb18030", "cp936", "windows-936"}


def decode_page(data: bytes) -> tuple[str, str, int]:
    """(text, encoding, characters replaced) of a page: BOM, then the declared charset, then UTF-8, then GB18030,
    each strictly; if none reads cleanly, the declared (else UTF-8) with the bad bytes replaced and counted."""
    from bs4.dammit import EncodingDetector

    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return text, enc.replace("-sig", ""), text.count("\ufffd")
    declared = (EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False) or "").lower()
    if declared in _GB:
        declared = "gb18030"
    tried = [e for e in dict.fromkeys([declared, "utf-8", "gb18030"]) if e]
    for enc in tried:
        try:
            return data.decode(enc), enc, 0
        except (UnicodeDecodeError, LookupError):
            continue
    enc = declared if declared in tried[:1] and declared != "" else "utf-8"
    try:
        text = data.decode(enc, errors="replace")
    except LookupError:
        enc, text = "utf-8", data.decode("utf-8", errors="replace")
    return text, enc, text.count("\ufffd")


def read_html(data: bytes, name: str) -> tuple[str, str, int]:
    """(text of the page's article, the encoding it was read in, characters that could not be decoded)."""
    from bs4 import BeautifulSoup

    page, encoding, replaced = decode_page(data)
    try:
        soup = BeautifulSoup(page, "lxml")
    except Exception as exc:
        raise ReportError("E018", name, line=1, kind="a web page", reason=f"{type(exc).__name__}: {exc}") from exc
    for tag in soup.find_all(_DROP):
        tag.decompose()
    body = soup.body or soup
    article = _article(body)
    return "\n".join(_title_lines(article) + _lines(article)), encoding, replaced


def _title_lines(article) -> list[str]:
    """The article's title when it stands just before the body (a short block of text, not links)."""
    from bs4 import Tag

    lines: list[str] = []
    for sibling in article.find_previous_siblings(limit=TITLE_SIBLINGS):
        if not isinstance(sibling, Tag):
            continue
        n = _own_text_length(sibling)
        if 0 < n <= TITLE_LENGTH:
            lines = _lines(sibling) + lines
    return lines
