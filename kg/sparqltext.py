"""Where to bind parameters in SPARQL text: VALUES blocks at the start of a query's WHERE group and of
every sub-select that projects the variable.

Used for the project's own query text only (named queries in ``queries/``, the viewer's queries),
never to decide what a client may run: that is :mod:`kg.api.guard`, on the parsed query.  The scan is
lexical: IRIs, strings and comments are blanked first, so a keyword inside them is not one.

>>> with_values("SELECT ?x WHERE { ?x a ?t }", t="<urn:T>")
'SELECT ?x WHERE { VALUES ?t { <urn:T> }  ?x a ?t }'
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


def with_values(query: str, /, **terms: str) -> str:
    """``query`` with ``VALUES ?name { term }`` for each of ``terms`` (already serialised RDF terms) at the
    start of its WHERE group and of every sub-select that projects ``?name``.

    Raises ValueError when the query has no WHERE group to bind them in.
    """
    if not terms:
        return query
    at = where_group_start(query)
    if at is None:
        raise ValueError("no WHERE group to bind parameters in")
    blocks = {name: f"VALUES ?{name} {{ {term} }}" for name, term in terms.items()}
    inserts: dict[int, list[str]] = {at: list(blocks.values())}
    for name, block in blocks.items():
        for pos in subselect_groups(query, name):
            inserts.setdefault(pos, []).append(block)
    for pos in sorted(inserts, reverse=True):
        query = query[:pos] + " " + " ".join(inserts[pos]) + " " + query[pos:]
    return query
