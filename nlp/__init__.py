"""budgetkg.nlp — read Chinese department budget and final-account reports.

The only things the knowledge-graph side uses are :func:`read_report`, the dataclasses of
:mod:`nlp.model` and :class:`EntityResolver` — the one resolver of names, which kg feeds with the
gazetteer it reads and hands to :func:`read_report` (nlp never reads RDF).
"""

from nlp.errors import GoldError, ReportError
from nlp.reader import read_report, read_report_bytes
from nlp.resolve import EntityResolver, Jurisdiction
from nlp.rounding import STEP_YUAN, rounding_tolerance
from nlp.sources import is_report_file, read_source, read_source_bytes


def render_page(data: bytes, name: str, page: int, **kwargs):
    """(PNG, width, height in points) of a page of a PDF, drawn in the reading child (``/source`` pages)."""
    from nlp.sources.render import render_page as render

    return render(data, name, page, **kwargs)


def train_entities(entries, out_dir=None, **kwargs):
    """Rebuild the entity pipeline from gazetteer entries and training/annotations (``budgetkg train``).

    The default output is the pipeline that ships, in the source checkout (never an installed package).
    """
    from nlp.resources import require_source_tree
    from nlp.training import train

    return train(entries, out_dir or require_source_tree("train", "nlp", "data", "pipeline"), **kwargs)


def check_pipeline(entries, pipeline_dir=None, devset=None) -> list[str]:
    """What makes the pipeline (default: the shipped one) other than what ``budgetkg train --devset DIR`` builds
    from this checkout on this machine, by its provenance.json (``budgetkg train --check``); empty when it is that
    one.  What it was taught from the development set is compared only when given ``devset``."""
    from nlp import trainrecord
    from nlp.resources import folder
    from nlp.training import expected_record

    return trainrecord.differences(pipeline_dir or folder("pipeline"), expected_record(entries, devset=devset))


def evaluate_entities(gold_dir=None, **kwargs):
    """P/R/F1 per entity type on the hand-annotated gold set (``budgetkg eval``)."""
    from nlp.evaluation import evaluate

    return evaluate(gold_dir, **kwargs)


def load_gold(gold=None) -> list[dict]:
    """The hand-read gold rows of a folder or file (default: tests/gold), names as surfaces or offsets; GoldError
    names the file and line of a bad row (:func:`nlp.evaluation.load_gold`)."""
    from nlp.evaluation import load_gold as read

    return read(gold)


def evaluate_links(devset_dir, **kwargs):
    """Funding-link precision and recall on the devset's link gold (``budgetkg eval links``)."""
    from nlp.linkeval import evaluate_links as run

    return run(devset_dir, **kwargs)


def evaluate_reader(folder, **kwargs):
    """Tables and coded rows of a folder's reports against its reference (``budgetkg eval reader``)."""
    from nlp.refeval import evaluate_dir

    return evaluate_dir(folder, **kwargs)


def reader_totals():
    """Nothing counted yet: a :class:`nlp.refeval.Totals` that ``budgetkg eval reader`` adds each report's result to."""
    from nlp.refeval import Totals

    return Totals()


__all__ = [
    "STEP_YUAN",
    "EntityResolver",
    "GoldError",
    "Jurisdiction",
    "ReportError",
    "check_pipeline",
    "evaluate_entities",
    "evaluate_links",
    "evaluate_reader",
    "is_report_file",
    "load_gold",
    "read_report",
    "read_report_bytes",
    "read_source",
    "read_source_bytes",
    "reader_totals",
    "render_page",
    "rounding_tolerance",
    "train_entities",
]
