"""Load the ontology, concept schemes, code lists and SHACL shapes from their Turtle files.

The Turtle files in ``ontology/`` and ``shapes/`` are the single source of truth; this module only
parses them (once per process: the graphs are cached and must be treated as read-only — copy before
changing one).

- :func:`ontology_graph` — ``ontology/**/*.ttl``: the OWL ontology, the concept schemes, the
  classification code lists and the gazetteer.  This is the ``ont_graph`` pySHACL mixes into every
  report graph, so shapes can check that a line item's code concept exists.
- :func:`ontology_quads` — the same files as pyoxigraph quads of the ontology graph (``id/graph/ontology``),
  which a build stores and each report's summary is computed with (:mod:`kg.summaries`).
- :func:`shapes_graph` — ``shapes/report.ttl``: the shapes every report graph is validated against.
- :func:`codelist_shapes_graph` — ``shapes/codelists.ttl``: the shapes of the code lists themselves
  (run by the tests and ``budgetkg validate --codelists``, not per report).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg import iri
from nlp.resources import data_files, folder

#: The files of ontology/ that validation needs besides the code lists (not the gazetteer or agency history).
VALIDATION_ONTOLOGY = ("budgetkg.ttl", "schemes.ttl", "measures.ttl", "datacube.ttl")


def ontology_files() -> list[Path]:
    """Every Turtle file of the ontology, in a stable order."""
    return data_files("ontology", "*.ttl", recursive=True)


def ontology_file(name: str) -> Path:
    """One file of ``ontology/`` (e.g. ``gazetteer.ttl``)."""
    return folder("ontology") / name


def ontology_quads() -> list[ox.Quad]:
    """ontology/**/*.ttl into the ontology graph (parsed by pyoxigraph)."""
    g = ox.NamedNode(iri.ONTOLOGY_GRAPH)
    out: list[ox.Quad] = []
    for path in ontology_files():
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            out.append(ox.Quad(t.subject, t.predicate, t.object, g))
    return out


def codelist_files() -> list[Path]:
    """The classification code lists (``ontology/codelists/*.ttl``), in a stable order."""
    return sorted((folder("ontology") / "codelists").glob("*.ttl"))


def validation_ontology_files() -> list[Path]:
    """What pySHACL mixes into a report graph: the ontology, concept schemes and code lists (no gazetteer)."""
    return [*(ontology_file(name) for name in VALIDATION_ONTOLOGY), *codelist_files()]


def _parse(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology, concept schemes, code lists and gazetteer as one graph (cached; do not modify)."""
    return _parse(ontology_files())


@lru_cache(maxsize=1)
def core_ontology_graph() -> Graph:
    """Only ``ontology/budgetkg.ttl``: the classes and properties (cached; do not modify)."""
    return _parse([ontology_file("budgetkg.ttl")])


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes of a report graph (cached; do not modify)."""
    return _parse([folder("shapes") / "report.ttl"])


@lru_cache(maxsize=1)
def codelist_shapes_graph() -> Graph:
    """The SHACL shapes of the classification code lists (cached; do not modify)."""
    return _parse([folder("shapes") / "codelists.ttl"])
