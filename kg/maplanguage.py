"""The language the report → RDF mapping (:mod:`kg.nodemaps`) is written in, in the spirit of R2RML / morph-kgc.

A :class:`NodeMap` names its *logical source* (which model items, in document order: :class:`Item`), an *IRI
template*, its classes, its *fields* (:class:`Rule`: model field → property, through a converter) and how it hangs
off the graph.  The converters turn a model value into an RDF term (None: emit nothing).  :mod:`kg.mapping`
interprets the node maps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg import iri
from kg.namespace import BKG

Term = ox.NamedNode | ox.Literal


class Iri(str):
    """A template variable that is already an IRI (inserted as is, never escaped as a path segment)."""


@lru_cache(maxsize=4096)
def N(value: str) -> ox.NamedNode:  # noqa: N802 - reads like an IRI constructor
    return ox.NamedNode(str(value))


# --- converters: model value → RDF term (None = emit nothing) ----------------------------------


def zh(text: Any) -> ox.Literal | None:
    return ox.Literal(str(text), language="zh") if text not in (None, "") else None


def string(text: Any) -> ox.Literal | None:
    if text is None or text == "":
        return None
    return ox.Literal(text.value if hasattr(text, "value") else str(text))


def integer(n: Any) -> ox.Literal | None:
    return None if n is None else ox.Literal(str(int(n)), datatype=N(XSD.integer))


def boolean(flag: Any) -> ox.Literal:
    return ox.Literal("true" if flag else "false", datatype=N(XSD.boolean))


def decimal(d: Decimal | None) -> ox.Literal | None:
    """xsd:decimal in its XSD canonical form, so equal amounts are equal terms (33674700.00 → 33674700.0).

    >>> decimal(Decimal("33674700.00")).value, decimal(Decimal("-0.50")).value, decimal(Decimal("1E+2")).value
    ('33674700.0', '-0.5', '100.0')
    """
    if d is None:
        return None
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0")
    text = text + "0" if text.endswith(".") else (text if "." in text else text + ".0")
    if text == "-0.0":
        text = "0.0"
    return ox.Literal(text, datatype=N(XSD.decimal))


def gyear(year: Any) -> ox.Literal | None:
    return None if year is None else ox.Literal(f"{int(year):04d}", datatype=N(XSD.gYear))


def amount_value(a: Any) -> ox.Literal | None:
    return decimal(a.value) if a is not None else None


def node(value: Any) -> ox.NamedNode | None:
    """An IRI held by a variable (another node of the graph)."""
    return N(value) if value else None


def one_line_zh(text: Any) -> ox.Literal | None:
    """Printed text as a label: line breaks and runs of spaces collapsed."""
    return zh(" ".join(str(text).split())) if text else None


PHASES = {
    "budget": BKG.Budget,
    "final_account": BKG.FinalAccount,
    "adjusted_budget": BKG.AdjustedBudget,
    "execution": BKG.Execution,
}


def phase(p: Any) -> ox.NamedNode | None:
    return N(PHASES[p.value if hasattr(p, "value") else p]) if p is not None else None


def concept_of(scheme: str) -> Callable[[Any], ox.NamedNode | None]:
    return lambda key: N(iri.concept(scheme, key)) if key else None


# --- the mapping language -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """``field`` of an item (a dotted path: a variable or an attribute of the model object) → ``predicate``
    via ``convert``; ``when`` (a test on the item) restricts the rule to some items."""

    field: str
    predicate: str
    convert: Callable[[Any], Term | None]
    when: Callable[[Item], bool] | None = None

    def value(self, item: Item) -> Any:
        head, *rest = self.path
        obj = item.vars[head] if head in item.vars else getattr(item.obj, head)
        for name in rest:
            obj = None if obj is None else getattr(obj, name)
        return obj

    @property
    def path(self) -> list[str]:
        return _split(self.field)


R = Rule


@cache
def _split(path: str) -> list[str]:
    return path.split(".")


@dataclass
class Item:
    """One element of a logical source: the model object and the variables the templates and rules read."""

    obj: Any
    vars: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NodeMap:
    """How one kind of model item becomes a node (an R2RML TriplesMap, in spirit)."""

    kind: str  # what the build counts ("responsibilities")
    source: Callable[[Any], Iterable[Item]]  # the mapper → the items, in document order
    iri: str  # IRI template
    classes: tuple[str, ...]
    fields: tuple[Rule, ...] = ()
    hang: tuple[str, str] | None = None  # (template of the node that points at this one, property)
    evidence: bool = True  # an extracted node: prov:wasDerivedFrom the report, bkg:evidence of the item's span
    key: str | None = None  # template of the relation key ("task:{i}") by which nlp's links name the node
    text: bool = False  # a text-bearing node: it bkg:mentions the entities named inside its span
    marks: tuple[str, str] | None = None  # (property, variable): text nodes around this item's span → variable
    unique: tuple[str, ...] = ()  # variables made unique in the report (the last gets "-2" …)


def each(name: str) -> Callable[[Any], Iterator[Item]]:
    """The items of ``Report.<name>``, numbered from 1."""
    return lambda m: (Item(obj, {"i": i}) for i, obj in enumerate(getattr(m.report, name), 1))
