"""Is a report graph a well-formed RDF Data Cube?  The W3C Recommendation's own test, run as printed.

The RDF Data Cube Vocabulary (W3C Recommendation, 16 January 2014), section 11 "Well-formed cubes":
https://www.w3.org/TR/2014/REC-vocab-data-cube-20140116/#wf.  A graph is checked the way the Recommendation
says: first normalised (section 10.2, two SPARQL Update phases: type and property closure, then pushing
attributes and dimensions down to the observations), then every integrity constraint's ASK query is run; an
ASK that answers true is a violation.  The queries are kept in ``shapes/qb/`` exactly as printed; IC-19 is
two queries (code lists that are concept schemes, and collections), IC-20 and IC-21 are templates run once
per hierarchy property their instantiation query finds.

A report graph alone is not a cube: its data structure definitions, component properties and code lists are
vocabulary (``ontology/``).  :func:`check_report` checks the report's graph together with the ontology, in a
fresh in-memory store, so normalising never touches the store the graph came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from nlp.resources import folder

#: The prefixes the Recommendation's queries assume (section 11.1 names rdf, rdfs, owl, xsd, qb and skos).
PREFIXES = """PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
PREFIX qb:   <http://purl.org/linked-data/cube#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: Every integrity constraint of section 11.1, in the Recommendation's order (IC-19 has two queries).
NAMES = (
    "IC-1",
    "IC-2",
    "IC-3",
    "IC-4",
    "IC-5",
    "IC-6",
    "IC-7",
    "IC-8",
    "IC-9",
    "IC-10",
    "IC-11",
    "IC-12",
    "IC-13",
    "IC-14",
    "IC-15",
    "IC-16",
    "IC-17",
    "IC-18",
    "IC-19",
    "IC-20",
    "IC-21",
)


@dataclass(frozen=True)
class Constraint:
    name: str  # "IC-11"
    title: str  # "IC-11. All dimensions required"
    queries: tuple[str, ...]  # ASK queries (true = violated), prefixes included
    instantiate: str | None = None  # SELECT ?p … for the templates IC-20 and IC-21 ("$p" in the ASK)


def _read(name: str) -> str:
    return (folder("shapes") / "qb" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def constraints() -> tuple[Constraint, ...]:
    """The 21 integrity constraints, read from ``shapes/qb/``."""
    out = []
    for name in NAMES:
        n = name.split("-")[1]
        files = [f"ic-{n}a.rq", f"ic-{n}b.rq"] if n == "19" else [f"ic-{n}.rq"]
        texts = [_read(f) for f in files]
        title = texts[0].splitlines()[0].lstrip("# ").split(" (")[0]
        inst = _read(f"ic-{n}.instantiate.rq") if n in ("20", "21") else None
        out.append(Constraint(name, title, tuple(PREFIXES + t for t in texts), PREFIXES + inst if inst else None))
    return tuple(out)


@lru_cache(maxsize=1)
def normalization() -> tuple[str, str]:
    """The two phases of the normalisation algorithm (SPARQL Update)."""
    return _read("normalize-1.ru"), _read("normalize-2.ru")


@lru_cache(maxsize=1)
def vocabulary() -> tuple[ox.Quad, ...]:
    """What a report graph's cube refers to: the ontology, concept schemes, data structures and code lists
    (the files SHACL validation mixes in too; no gazetteer), parsed once."""
    from kg.ontology import validation_ontology_files

    return tuple(
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for path in validation_ontology_files()
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    )


def cube_store(triples: Iterable[ox.Triple | ox.Quad], *, with_vocabulary: bool = True) -> ox.Store:
    """A fresh store holding ``triples`` (and the vocabulary) in its default graph, normalised."""
    store = ox.Store()
    if with_vocabulary:
        store.extend(vocabulary())
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    for update in normalization():
        store.update(update)
    return store


def violations(store: ox.Store) -> list[str]:
    """Names of the integrity constraints the (normalised) store violates, in order."""
    out = []
    for c in constraints():
        if any(_violated(store, c, q) for q in c.queries):
            out.append(c.name)
    return out


def _violated(store: ox.Store, c: Constraint, query: str) -> bool:
    if c.instantiate is None:
        return bool(store.query(query))
    props = [row["p"].value for row in _select(store, c.instantiate)]
    return any(bool(store.query(query.replace("$p", p))) for p in props)


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions), "a SELECT query"
    return result


def check_report(triples: Iterable[ox.Triple | ox.Quad]) -> list[str]:
    """The integrity constraints one report graph (with the ontology) violates; [] when it is well formed."""
    return violations(cube_store(triples))


def explain(store: ox.Store, violated: list[str]) -> list[str]:
    """One line per violated constraint, with what it consists of where that can be counted (IC-11, IC-12)."""
    titles = {c.name: c.title for c in constraints()}
    lines = []
    for name in violated:
        line = titles[name]
        if name == "IC-11":
            missing = missing_dimension_values(store)
            line += ": " + ", ".join(f"{n} without {_short(d)}" for d, n in sorted(missing.items()))
        elif name == "IC-12":
            groups = duplicate_observations(store)
            line += f": {len(groups)} groups of observations share every dimension value"
            line += "".join(f"; {' = '.join(g)}" for g in groups[:3])
        lines.append(line)
    return lines


def _short(iri: str) -> str:
    return "bkg:" + iri.split("#", 1)[1] if "budgetkg/ontology#" in iri else f"<{iri}>"


# --- what a violation consists of (for messages and measurements; not part of the Recommendation) ---------


def missing_dimension_values(store: ox.Store) -> Counter:
    """IC-11 in detail: {dimension IRI: observations without a value for it}."""
    rows = _select(
        store,
        PREFIXES
        + """SELECT ?dim (COUNT(DISTINCT ?obs) AS ?n) WHERE {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?obs ?dim [] } } GROUP BY ?dim""",
    )
    return Counter({row["dim"].value: int(row["n"].value) for row in rows})


def duplicate_observations(store: ox.Store) -> list[list[str]]:
    """IC-12 in detail: groups of observations of one data set that share every dimension value."""
    rows = _select(
        store,
        PREFIXES
        + """SELECT ?ds ?obs ?dim ?v WHERE {
        ?obs qb:dataSet ?ds . ?ds qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty . OPTIONAL { ?obs ?dim ?v } }""",
    )
    keys: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in rows:
        values = keys.setdefault((row["ds"].value, row["obs"].value), {})
        values.setdefault(row["dim"].value, set())
        if row["v"] is not None:
            values[row["dim"].value].add(str(row["v"]))
    groups: dict[tuple, list[str]] = {}
    for (ds, obs), values in keys.items():  # a missing value counts as a value here (IC-11 reports it)
        key = (ds, tuple(sorted((d, tuple(sorted(v))) for d, v in values.items())))
        groups.setdefault(key, []).append(obs)
    return [sorted(g) for g in groups.values() if len(g) > 1]
