"""Helpers for golden cases: spans found in the case's raw text (an independent oracle for offsets)."""

from __future__ import annotations

from nlp.model import Span


def finder(raw: str):
    def sp(text: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = raw.index(text, start + 1)
        return Span(start, start + len(text), text, raw.count("\n", 0, start) + 1)

    return sp
