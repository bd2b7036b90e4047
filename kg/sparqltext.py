"""Where to bind parameters in SPARQL text: VALUES blocks at the start of every sub-select that projects the
variable, and of the query's WHERE group where the variable occurs there too.

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


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form (its first form keyword), None if it has none."""
    m = _FORM.search(keywords_text(query))
    return m.group(1).upper() if m else None


_SELECT = re.compile(_KEYWORD.format("SELECT"), re.IGNORECASE)
_WHERE_WORD = re.compile(_KEYWORD.format("WHERE"), re.IGNORECASE)


def subselect_groups(query: str, variable: str) -> list[int]:
    """Offsets just inside the WHERE group of every sub-SELECT that projects ``?variable`` (or ``*``).

    Binding a parameter there (rather than at the top only) lets the engine use it inside the sub-select,
    which pyoxigraph does not do by itself; see :func:`with_values` for why not at the top as well.
    """
    text = keywords_text(query)
    var = re.compile(r"[?$]" + re.escape(variable) + r"(?![\w])")
    out = []
    for m in list(_SELECT.finditer(text))[1:]:  # the first SELECT is the query's own
        brace = text.find("{", m.end())
        if brace < 0:
            continue
        projection = _WHERE_WORD.sub(" ", text[m.end() : brace])
        projection = re.sub(r"(?i)^\s*(DISTINCT|REDUCED)\b", " ", projection).strip()
        if projection == "*" or var.search(projection):
            out.append(brace + 1)
    return out


def with_values(query: str, /, **terms: str) -> str:
    """``query`` with ``VALUES ?name { term }`` for each of ``terms`` (already serialised RDF terms) where
    ``?name`` is matched: at the start of every sub-select that projects it, and at the start of the WHERE
    group when the variable also occurs there outside those sub-selects (or nowhere else).

    Not at the top as well as inside: Virtuoso 7.2 never joins a language-tagged literal that leaves a
    sub-select with the same literal outside it (``VALUES ?l { "民生卡"@zh } { SELECT ?l … }`` gives no
    row; docs/scaling.md), and the binding inside already restricts the sub-select's rows to the value.

    Raises ValueError when the query has no WHERE group to bind them in.
    """
    if not terms:
        return query
    at = where_group_start(query)
    if at is None:
        raise ValueError("no WHERE group to bind parameters in")
    outside = _outside_subselects(keywords_text(query), at)
    inserts: dict[int, list[str]] = {}
    for name, term in terms.items():
        block = f"VALUES ?{name} {{ {term} }}"
        inner = subselect_groups(query, name)
        for pos in inner:
            inserts.setdefault(pos, []).append(block)
        if not inner or re.search(r"[?$]" + re.escape(name) + r"(?!\w)", outside):
            inserts.setdefault(at, []).append(block)
    for pos in sorted(inserts, reverse=True):
        query = query[:pos] + " " + " ".join(inserts[pos]) + " " + query[pos:]
    return query


def _outside_subselects(text: str, at: int) -> str:
    """The WHERE group that starts at ``at`` (``text`` with strings, IRIs and comments blanked), with every
    ``{ SELECT … }`` inside it blanked too."""
    end, depth = len(text), 1
    for i in range(at, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            end = i
            break
    group = list(text[at:end])
    for m in _SELECT.finditer(text[at:end]):
        start, depth = m.start(), 0  # the brace that opens this sub-select: the nearest unclosed one before it
        while start > 0:
            start -= 1
            if group[start] == "}":
                depth += 1
            elif group[start] == "{":
                if depth == 0:
                    break
                depth -= 1
        depth = 0
        for j in range(start, len(group)):
            depth += {"{": 1, "}": -1}.get(group[j], 0)
            if depth == 0:
                group[start : j + 1] = " " * (j + 1 - start)
                break
    return "".join(group)
