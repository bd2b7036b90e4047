"""Named queries: ``queries/*.rq`` files with a header of comments, each one a REST endpoint.

Header (comment lines before the query)::

    # title: 平台历年资金 · funding of a platform over the years
    # description: Projects that fund a platform (bkg:funds), summed per fiscal year and phase.
    # param: platform — the platform's Chinese name, e.g. 民生卡
    # param: year (xsd:gYear) = 2018 — optional, with a default
    # param: agency (iri) — an agency IRI

A parameter is bound to the query variable of the same name (``?platform``) by SEP-0007
substitution, never by pasting text into the query.  Its type (in parentheses) is ``string``
(default, a plain literal), ``zh`` (a ``@zh`` literal), ``iri``, or an XSD datatype such as
``xsd:gYear``, ``xsd:integer``, ``xsd:decimal``.  A parameter without a default is required.
The separator between name and description may be an em dash, a hyphen or a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

XSD = "http://www.w3.org/2001/XMLSchema#"
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER = re.compile(r"^#\s*@?(title|description|param|name)\s*:?\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\((?P<type>[^)]*)\))?\s*"
    r"(?:=\s*(?P<default>[^\s—–:]+(?:\s+[^\s—–:-]+)*?))?\s*"
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

    def binding(self, value: str) -> tuple[str, str]:
        """(kind, value) as :class:`kg.api.worker.QueryRequest` substitutions expect."""
        t = self.type
        if t == "iri":
            return ("iri", value)
        if t == "zh":
            return ("@zh", value)
        if t.startswith("xsd:"):
            return (XSD + t[4:], value)
        if t.startswith("http"):
            return (t, value)
        return (XSD + "string", value)


@dataclass
class NamedQuery:
    name: str  # the file stem: the route is /api/queries/<name>
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""
    path: Path | None = None


def parse(text: str, name: str, path: Path | None = None) -> NamedQuery:
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
                params.append(Param(pm.group("name"), (pm.group("description") or "").strip(),
                                    (pm.group("type") or "string").strip().lower().replace("xsd:", "xsd:"),
                                    pm.group("default")))
    for p in params:
        if p.type.startswith("xsd:"):
            p.type = "xsd:" + p.type[4:].replace("gyear", "gYear")
    return NamedQuery(name=name, title=title or name, description=description, params=params, text=text, path=path)


def load_dir(folder: Path) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in ``folder`` whose stem makes a route (letters, digits, ``-``, ``_``)."""
    out: dict[str, NamedQuery] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.rq")):
        if not re.fullmatch(r"[A-Za-z0-9_-]+", path.stem):
            continue
        out[path.stem] = parse(path.read_text(encoding="utf-8"), path.stem, path)
    return out
