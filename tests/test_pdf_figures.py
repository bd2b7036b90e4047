"""The corpus gold's entity figures hold when its narrative is printed as PDF text (tests/pdfreports.py): each
report's read paragraphs re-wrapped at widths a report prints (the development set's train texts print lines of
about 20 to 40 characters), and with a page break (its number, the report's title as a running header) every 15
lines, read back as a report's narrative is read — the same names found, span for span, as in the paragraphs
printed clean, gazetteer on and off; a name a page break falls inside (tests/gold/README.md leaves it
unannotated) is left out on both sides.  scripts/pdf_figures.py prints the figures of every read set."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.heldoutsets import read_sets
from tests.pdfreports import broken_names, by_report, figures

pytestmark = pytest.mark.slow  # about 20 s a gazetteer setting: the corpus gold printed seven ways

GOLD = Path(__file__).resolve().parent / "gold"


def _on(nlp) -> bool:
    return "gazetteer_ruler" in nlp.pipe_names


@pytest.fixture(scope="module")
def reports():
    return by_report(read_sets({"corpus": GOLD}))


@pytest.fixture(scope="module")
def clean(nlp_off_on, reports):
    found: list = []
    counts = figures(nlp_off_on, reports, None, use_gazetteer=_on(nlp_off_on), found=found)
    return counts, set(found)


def test_the_clean_print_scores_as_budgetkg_eval(nlp_off_on, clean):
    from nlp.evaluation import evaluate

    per_type = evaluate(GOLD, nlp=nlp_off_on, use_gazetteer=_on(nlp_off_on))["per_type"]
    assert {t: [v["tp"], v["pred"], v["gold"]] for t, v in per_type.items() if t in clean[0]} == clean[0]


@pytest.mark.parametrize("width", [18, 24, 31, 40])
def test_rewrapped_the_same_names_are_found(nlp_off_on, reports, clean, width):
    found: list = []
    counts = figures(nlp_off_on, reports, width, use_gazetteer=_on(nlp_off_on), found=found)
    assert set(found) == clean[1]
    assert counts == clean[0]


@pytest.mark.parametrize("width", [22, 29])
def test_page_breaks_change_no_name_but_those_they_cut(nlp_off_on, reports, clean, width):
    found: list = []
    figures(nlp_off_on, reports, width, page_lines=15, use_gazetteer=_on(nlp_off_on), found=found)
    cut = broken_names(reports, [*found, *clean[1]], width, page_lines=15)
    assert cut  # the page breaks do fall inside names (else this test would not test them)
    assert set(found) - cut == clean[1] - cut
