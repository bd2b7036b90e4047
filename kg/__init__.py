"""budgetkg.kg — build, validate, store and serve the knowledge graph.

``kg`` receives only :mod:`nlp.model` objects (through :func:`nlp.read_report`).  Its data — the
ontology, the shapes, the named queries, the bundled corpus — is found by :mod:`nlp.resources`.
"""
