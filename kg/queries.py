"""Named queries: ``queries/*.rq`` files with a header of comments, run by ``budgetkg query NAME`` and served
as REST endpoints (``/api/queries/NAME``).

Header (comment lines before the query)::

    # title: 平台历年资金 · funding of a platform over the years
    # description: Projects that fund a platform (bkg:funds), summed per fiscal year and phase.
    # param: platform — the platform's Chinese name, e.g. 民生卡
    # param: year (xsd:gYear) = 2018 — optional, with a default
    # param: agency (iri) — an agency IRI
    # param: report (iri) = <https://w3id.org/budgetkg/id/report/…> — an IRI default in angle brackets

A parameter is bound to the query variable of the same name (``?platform``) by a ``VALUES``
block put at the start of the query's WHERE group (and of every sub-select that projects it); the value is serialised by pyoxigraph as an
RDF term (escaped), never pasted into the query as text.  Its type (in parentheses) is ``string``
(default, a plain literal), ``zh`` (a ``@zh`` literal), ``iri``, or an XSD datatype such as
``xsd:gYear``, ``xsd:integer``, ``xsd:decimal``.  A parameter without a default is required.
The separator between name and description may be an em dash, a hyphen or a colon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

XSD = "http://www.w3.org/2001/XMLSchema#"
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER = re.compile(r"^#\s*@?(title|description|param|name)\s*:?\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\((?P<type>[^)]*)\))?\s*"
    r"(?:=\s*(?:<(?P<iri_default>[^<>\s]+)>|(?P<default>[^\s—–:]+(?:\s+[^\s—–:-]+)*?)))?\s*"
    r"(?:(?:—|–|--|-|:)\s*(?P<description>.*))?$"
)


@dataclass
class Param:
    name: str
    description: str = ""
    type: str = "string"
    default: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def term(self, value: str) -> str:
        """``value`` as a SPARQL term of this parameter's type (raises ValueError if it cannot be one)."""
        import pyoxigraph as ox

        t = self.type
        if t == "iri":
            return str(ox.NamedNode(value))
        if t == "zh":
            return str(ox.Literal(value, language="zh"))
        if t.startswith("xsd:"):
            return str(ox.Literal(value, datatype=ox.NamedNode(XSD + t[4:])))
        if t.startswith("http"):
            return str(ox.Literal(value, datatype=ox.NamedNode(t)))
        return str(ox.Literal(value))


@dataclass
class NamedQuery:
    name: str  # the file stem: the route is /api/queries/<name>
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""
    path: Path | None = None


class BindError(ValueError):
    pass


def bind(nq: NamedQuery, values: Mapping[str, str | None]) -> str:
    """The query text with each parameter bound by a VALUES block at the start of its WHERE group
    (and of every sub-select that projects it: :func:`kg.sparqltext.with_values`)."""
    from kg.sparqltext import with_values

    terms: dict[str, str] = {}
    for p in nq.params:
        value = values.get(p.name)
        if value is None:
            value = p.default
        if value is None:
            raise BindError(f"missing parameter {p.name}")
        try:
            terms[p.name] = p.term(value)
        except ValueError as exc:
            raise BindError(f"parameter {p.name}: {exc}") from None
    try:
        return with_values(nq.text, **terms)
    except ValueError:
        raise BindError(f"named query {nq.name} has parameters but no WHERE group to bind them in") from None


def bind_terms(text: str, terms: Mapping[str, str]) -> str:
    """``text`` (the server's own query) with each variable bound to an RDF term (its SPARQL form), as
    :func:`bind` binds a named query's parameters — what pyoxigraph's ``substitutions`` do, in the text,
    for a store that is not pyoxigraph (:mod:`kg.remote`)."""
    from kg.sparqltext import with_values

    try:
        return with_values(text, **terms)
    except ValueError:
        raise BindError(f"no WHERE group to bind {', '.join(terms)} in") from None


def parse(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """A named query from its text: the comment header gives title, description and parameters.

    >>> q = parse('''# title: 平台资金 · funding of a platform
    ... # param: platform — the platform's Chinese name
    ... # param: year (xsd:gYear) = 2018 — optional
    ... SELECT * WHERE { ?project <https://w3id.org/budgetkg/ontology#funds> ?p . ?p ?label ?platform }''', "f")
    >>> q.title, [(p.name, p.type, p.default, p.required) for p in q.params]
    ('平台资金 · funding of a platform', [('platform', 'string', None, True), ('year', 'xsd:gYear', '2018', False)])
    >>> "VALUES ?platform" in bind(q, {"platform": "民生卡"})
    True
    """
    title = description = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends where the query begins
        m = _HEADER.match(stripped)
        if not m:
            if description and stripped.lstrip("#").strip():
                description += " " + stripped.lstrip("#").strip()
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "param":
            pm = _PARAM.match(value)
            if pm:
                params.append(
                    Param(
                        pm.group("name"),
                        (pm.group("description") or "").strip(),
                        (pm.group("type") or "string").strip().lower().replace("xsd:", "xsd:"),
                        pm.group("iri_default") or pm.group("default"),
                    )
                )
    for p in params:
        if p.type.startswith("xsd:"):
            p.type = "xsd:" + p.type[4:].replace("gyear", "gYear")
    return NamedQuery(name=name, title=title or name, description=description, params=params, text=text, path=path)


def load_named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """The named queries of ``folder`` (default: the ``queries/`` that ships with budgetkg)."""
    from nlp.resources import folder as shipped

    return load_dir(Path(folder) if folder is not None else shipped("queries"))


def load_dir(folder: Path) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in ``folder`` whose stem makes a route (letters, digits, ``-``, ``_``).

    A folder that does not exist is an error, not an empty set: a mistyped ``BUDGETKG_QUERIES_DIR`` must not
    serve an API without its queries.
    """
    out: dict[str, NamedQuery] = {}
    if not folder.is_dir():
        raise FileNotFoundError(f"named queries: no folder {folder}")
    for path in sorted(folder.glob("*.rq")):
        if not re.fullmatch(r"[A-Za-z0-9_-]+", path.stem):
            continue
        out[path.stem] = parse(path.read_text(encoding="utf-8"), path.stem, path)
    return out
