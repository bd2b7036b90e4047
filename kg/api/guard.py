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
    """The query with IRIs, string literals and comments blanked out (same length, same offsets)."""
    return _STRINGS_IRIS_COMMENTS.sub(lambda m: " " * len(m.group(0)), query)


_WHERE_BRACE = re.compile(_KEYWORD.format("WHERE") + r"\s*\{", re.IGNORECASE)
_FORM = re.compile(_KEYWORD.format("(SELECT|ASK|CONSTRUCT|DESCRIBE)"), re.IGNORECASE)


def where_group_start(query: str) -> int | None:
    """Offset just inside the ``{`` that opens the query's WHERE clause (None if not found).

    ``WHERE`` is optional in SELECT, ASK and DESCRIBE; CONSTRUCT's first brace is its template.
    """
    text = keywords_text(query)
    m = _WHERE_BRACE.search(text)
    if m:
        return m.end()
    form = _FORM.search(text)
    if form and form.group(1).upper() in ("SELECT", "ASK"):
        brace = text.find("{", form.end())
        return brace + 1 if brace >= 0 else None
    return None


def check_query(query: str) -> None:
    """Raise :class:`Refused` for SPARQL Update operations (LOAD included) and SERVICE."""
    text = keywords_text(query)
    m = _UPDATE.search(text)
    if m:
        word = m.group(1).upper()
        raise Refused(f"this endpoint is read-only: SPARQL Update ({word}) is refused")
    if _SERVICE.search(text):
        raise Refused("federated queries (SERVICE) are refused by this endpoint")


_SELECT = re.compile(_KEYWORD.format("SELECT"), re.IGNORECASE)
_WHERE_WORD = re.compile(_KEYWORD.format("WHERE"), re.IGNORECASE)


def subselect_groups(query: str, variable: str) -> list[int]:
    """Offsets just inside the WHERE group of every sub-SELECT that projects ``?variable`` (or ``*``).

    Binding a parameter there as well as at the top is equivalent (the sub-select's rows are joined
    on that variable anyway) and lets the engine use it inside the sub-select, which pyoxigraph does
    not do by itself.
    """
    text = keywords_text(query)
    var = re.compile(r"[?$]" + re.escape(variable) + r"(?![\w])")
    out = []
    for m in list(_SELECT.finditer(text))[1:]:  # the first SELECT is the query's own
        brace = text.find("{", m.end())
        if brace < 0:
            continue
        projection = _WHERE_WORD.sub(" ", text[m.end():brace])
        projection = re.sub(r"(?i)^\s*(DISTINCT|REDUCED)\b", " ", projection).strip()
        if projection == "*" or var.search(projection):
            out.append(brace + 1)
    return out
