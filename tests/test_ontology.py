"""The ontology, concept schemes and code lists load in rdflib."""

from __future__ import annotations

from rdflib import OWL, RDF

from kg.ontology import core_ontology_graph, ontology_files, ontology_graph, shapes_graph


def test_every_turtle_file_parses() -> None:
    assert ontology_files(), "no ontology files found"
    assert len(ontology_graph()) > 0
    assert len(shapes_graph()) > 0


def test_core_ontology_declares_an_owl_ontology() -> None:
    assert list(core_ontology_graph().subjects(RDF.type, OWL.Ontology))
