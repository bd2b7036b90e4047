"""What the public endpoint refuses before a query reaches the store: updates (and LOAD) and SERVICE.

The store is opened read-only and pyoxigraph's ``query`` does not execute updates, but it *does*
execute ``SERVICE <http://…>`` by fetching from any host, so federation is refused here by scanning
the query's keywords — outside IRIs, string literals and comments, so that ``"service"`` in a
literal or ``ex:service`` as a name is no reason to refuse.
"""

from __future__ import annotations

import re

_STRINGS_IRIS_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIREF
    r"|#[^\n]*",  # comments
    re.DOTALL,
)

# A keyword is a bare word: not part of a variable (?x, $x) or a prefixed name (ex:x, x:y, a-x).
_KEYWORD = r"(?<![\w:?$\-.]){}(?![\w:\-])"
_UPDATE = re.compile(
    _KEYWORD.format(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)"), re.IGNORECASE
)
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)


class Refused(Exception):
    """A request the endpoint will not run (HTTP 403)."""


def keywords_text(query: str) -> str:
    """The query with IRIs, string literals and comments blanked out."""
    return _STRINGS_IRIS_COMMENTS.sub(" ", query)


def check_query(query: str) -> None:
    """Raise :class:`Refused` for SPARQL Update operations (LOAD included) and SERVICE."""
    text = keywords_text(query)
    m = _UPDATE.search(text)
    if m:
        word = m.group(1).upper()
        raise Refused(f"this endpoint is read-only: SPARQL Update ({word}) is refused")
    if _SERVICE.search(text):
        raise Refused("federated queries (SERVICE) are refused by this endpoint")
