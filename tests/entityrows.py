"""Helpers for the tests that read constructed sentences with the entity pipeline, gazetteer off and on (the
``nlp_off_on`` fixture of tests/conftest.py)."""

from __future__ import annotations

from nlp.entities import extract


def platforms(nlp, text: str) -> list[str]:
    """The Platform names found in ``text``, in order."""
    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == "Platform"]
