"""budgetkg.kg — build, validate, store and serve the knowledge graph.

``kg`` receives only :mod:`nlp.model` objects (through :func:`nlp.read_report`).
"""

from pathlib import Path

#: The project root: ontology/, shapes/, queries/ and corpus/ live here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SHAPES_DIR = PROJECT_ROOT / "shapes"
QUERIES_DIR = PROJECT_ROOT / "queries"
CORPUS_DIR = PROJECT_ROOT / "corpus"
