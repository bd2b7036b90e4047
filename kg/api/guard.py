"""What the public endpoint refuses, decided on the parsed query: updates (and LOAD) and SERVICE.

The store is opened read-only and pyoxigraph's ``query`` does not execute updates, but it *does*
execute ``SERVICE <http://…>`` by fetching from any host.  pyoxigraph exposes no parser, so the
query is parsed by rdflib's SPARQL 1.1 grammar (:func:`inspect`) and refused when the parse tree
holds a ``ServiceGraphPattern`` anywhere; an update parses only as an update.  Never regular
expressions over the text: their idea of a keyword, a comment or a string is not the grammar's.

rdflib's parser is pyparsing: it can be slow and deeply recursive on hostile input, so
:func:`inspect` runs only in a query worker, under the query's deadline and the worker's memory
limit (:mod:`kg.api.worker`), never in the server's event loop.  Its recursion is bounded, so a
query nested thousands deep is a 400, not a crash — and one nested deeper than any that parses is refused
before the parse (:func:`nesting`), at once whatever the machine's load.

Where the two parsers read text differently the text is made to mean the same to both before
rdflib sees it (:func:`_as_oxigraph_reads_it`).  The second wall is the worker itself: it cannot
open a network connection (:mod:`kg.api.sandbox`), whatever the guard decided.

Parameter bindings in the server's own named queries are placed by :mod:`kg.sparqltext` (lexical
helpers that never decide what a client may run).
"""

from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass

#: rdflib recursion allowed while parsing: ≈ 380 nested groups, 270 nested parentheses, 900
#: triples in one block — far beyond real queries, and below the depth at which pyoxigraph's own
#: (Rust) parser overflows its stack (between 1,000 and 3,000 nested groups on an 8 MB stack).
PARSE_RECURSION = 10_000
#: The parse runs in a thread with this stack, so the recursion limit is hit before the C stack ends
#: (measured: 100,000-deep input reaches RecursionError at a limit of 20,000 on an 8 MB stack).  The
#: stack counts against the worker's memory cap.
PARSE_STACK = 64 * 1024 * 1024
#: Brackets (``{``, ``(``, ``[``) open at once beyond which a query is refused before it is parsed.  The parse
#: reaches :data:`PARSE_RECURSION` long before (the deepest that parses: 903 nested collections, 762 blank nodes
#: or sub-selects, 382 groups, 267 parentheses, 241 function calls), so no answer changes — but reaching the
#: limit took pyparsing seconds on a 10,000-deep query (2 s on an idle machine, the worker at a lower priority),
#: and on a loaded machine the query's deadline (503) could come before the parser's refusal (400).
MAX_NESTING = 2_000


class Refused(Exception):
    """A request the endpoint will not run (HTTP 403)."""


class Malformed(ValueError):
    """A query that is not SPARQL 1.1 (HTTP 400)."""


@dataclass(frozen=True)
class Verdict:
    """What the guard learnt from a query it lets through."""

    form: str  # SelectQuery | AskQuery | ConstructQuery | DescribeQuery
    from_default: bool = False  # the query has FROM clauses
    from_named: bool = False  # … FROM NAMED clauses
    limit: int | None = None  # the query's own LIMIT (the top level's; a sub-select's is not counted)
    trailing_values: bool = False  # a VALUES clause after the query (nothing may be appended to it)
    ordered: bool = False  # the query's own ORDER BY (the top level's)

    @property
    def has_dataset(self) -> bool:
        return self.from_default or self.from_named


# \uXXXX and \UXXXXXXXX: the SPARQL text says they are expanded before parsing, and rdflib does
# so over the whole query; pyoxigraph reads them only inside strings and IRIs (elsewhere they are a
# syntax error).  So "a\u0022 … hides text inside a string for rdflib that pyoxigraph runs.  Each
# escape becomes a plain letter — neutral inside a string, an IRI or a comment, where pyoxigraph
# reads it, and a syntax error elsewhere, as in pyoxigraph.  An escaped backslash stays as it is.
_ESCAPES = re.compile(r"\\\\|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


def _as_oxigraph_reads_it(query: str) -> str:
    r"""The text whose rdflib parse has the structure pyoxigraph's parse has.

    Besides the escapes: a comment ends at CR or LF (SPARQL's EOL); rdflib's ends at LF only, so
    ``#c\rSERVICE <…>`` is a comment for rdflib and a SERVICE for pyoxigraph.  CR and LF are
    interchangeable everywhere else in the grammar (white space; excluded from short strings and
    IRIs; content of long strings), so CR becomes LF.  Both replacements keep the text's length.
    """
    text = _ESCAPES.sub(lambda m: m.group(0) if m.group(0) == "\\\\" else "x" * len(m.group(0)), query)
    return text.replace("\r", "\n")


# What hides a bracket from the grammar: a comment (to the end of the line; CR is LF by then), an IRI, a
# string (long or short; one left open runs to the end of its line or of the text), an escaped character of
# a prefixed name (ex:a\#b).  What the scan misreads can only make it count fewer brackets, never more.
_BRACKETS = re.compile(
    r"""#[^\n]*|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)|\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)"""
    r"""|'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|\\."""
    r"""|(?P<open>[{(\[])|(?P<close>[})\]])""",
    re.DOTALL,
)


def nesting(text: str) -> int:
    """How many brackets the grammar sees open at once at most in ``text`` (one pass, no recursion)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        if m.group("open"):
            depth += 1
            deepest = max(deepest, depth)
        elif m.group("close"):
            depth -= 1
    return deepest


def _parse(text: str, parser):
    """``parser(text)`` in a thread with a big stack and bounded recursion (RecursionError past it)."""
    out: dict = {}

    def run() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, PARSE_RECURSION))
        try:
            out["tree"] = parser(text)
        except BaseException as exc:  # noqa: BLE001 — handed to the caller, re-raised there
            out["error"] = exc
        finally:
            sys.setrecursionlimit(old)

    previous = threading.stack_size(PARSE_STACK)
    try:
        t = threading.Thread(target=run, name="sparql-parse")
        t.start()
    except RuntimeError as exc:  # no memory left for the stack (the worker's cap)
        raise MemoryError(str(exc)) from None
    finally:
        threading.stack_size(previous)
    t.join()
    if "error" in out:
        raise out["error"]
    return out["tree"]


def _nodes(tree):
    """Every node of a pyparsing/rdflib parse tree, iteratively (no recursion on deep trees)."""
    from pyparsing import ParseResults

    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):  # rdflib's CompValue is an OrderedDict
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)


def _parse_message(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    text = " ".join(str(getattr(exc, "msg", exc)).split())
    if len(text) > 300:
        text = text[:300] + "…"
    return f"error at {line}:{col}: {text}" if line is not None else text


#: What a remote store (Virtuoso) runs beyond SPARQL 1.1 when a query names it: its SQL built-ins
#: (``bif:file_to_string``, ``sql:…``, the ``bif:contains`` predicate) behind names the grammar accepts.
_REMOTE_EXTENSIONS = ("bif:", "sql:", "http://www.openlinksw.com/")
_CASTS = "http://www.w3.org/2001/XMLSchema#"


def inspect(query: str, *, remote: bool = False) -> Verdict:
    """Parse ``query`` as SPARQL 1.1 and decide: a :class:`Verdict`, or :class:`Refused` (an update,
    LOAD, SERVICE anywhere) or :class:`Malformed` (not a query, or nested too deeply).

    For a ``remote`` store (``serve --sparql-endpoint``) also refused: a call of any function that is not
    SPARQL's own or an XSD cast, and any name in the store's own namespaces (``bif:``, ``sql:``), which
    Virtuoso resolves without a PREFIX and runs as SQL."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    text = _as_oxigraph_reads_it(query)
    if nesting(text) > MAX_NESTING:
        raise Malformed("query nested too deeply for this endpoint")
    try:
        tree = _parse(text, parseQuery)
    except RecursionError:
        raise Malformed("query nested too deeply for this endpoint") from None
    except (ParseBaseException, ValueError) as exc:
        try:
            _parse(text, parseUpdate)
        except Exception:  # noqa: BLE001 — not an update either: the query's own syntax error
            raise Malformed(_parse_message(exc)) from None
        raise Refused("this endpoint is read-only: SPARQL Update is refused") from None
    form, from_default, from_named = "", False, False
    limit, trailing_values, ordered = None, False, False
    prefixes = (
        {
            dict.get(n, "prefix") or "": str(dict.get(n, "iri"))
            for n in _nodes(tree)
            if getattr(n, "name", None) == "PrefixDecl"
        }
        if remote
        else {}
    )
    for node in _nodes(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise Refused("federated queries (SERVICE) are refused by this endpoint")
        if remote:
            _refuse_store_extensions(node, name, prefixes)
        if name in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery") and not form:
            form = name
            # (dict.get: CompValue.get answers a missing key with the key itself)
            for clause in dict.get(node, "datasetClause") or []:
                from_default |= dict.get(clause, "default") is not None
                from_named |= dict.get(clause, "named") is not None
            clauses = dict.get(node, "limitoffset")
            count = dict.get(clauses, "limit") if clauses is not None else None
            if count is not None:
                limit = int(str(count))
            trailing_values = dict.get(node, "valuesClause") is not None
            ordered = dict.get(node, "orderby") is not None
    return Verdict(form, from_default, from_named, limit, trailing_values, ordered)


def _refuse_store_extensions(node, name, prefixes: dict[str, str]) -> None:
    from rdflib.term import URIRef

    def resolved(term) -> str | None:
        if isinstance(term, URIRef):
            return str(term)
        if getattr(term, "name", None) == "pname":
            prefix = dict.get(term, "prefix") or ""
            if prefix not in prefixes:  # Virtuoso knows prefixes of its own (bif:, sql:): no undeclared one
                raise Malformed(f"prefix {prefix}: is not declared (this endpoint resolves no prefix of its own)")
            return prefixes[prefix] + (dict.get(term, "localname") or "")
        return None

    iri = resolved(node)
    if iri is not None and iri.startswith(_REMOTE_EXTENSIONS):
        raise Refused(f"<{iri}> is the store's own extension; this endpoint runs SPARQL 1.1 only")
    if name == "Function":
        iri = resolved(dict.get(node, "iri"))
        if iri is not None and not iri.startswith(_CASTS):
            raise Refused(f"function <{iri}> is not SPARQL 1.1; this endpoint runs its functions and XSD casts only")
