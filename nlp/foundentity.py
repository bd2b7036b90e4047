"""An entity found in a text: :class:`FoundEntity`, what the extraction (:mod:`nlp.entities`), the short names
a report defines (:mod:`nlp.shortnames`) and the propagation over a report's texts (:mod:`nlp.propagation`)
hand each other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundEntity:
    """An entity in a text, with offsets into that text."""

    start: int
    end: int
    text: str
    label: str
    source: str  # "gazetteer" | "pattern" | "ner"
    #: the spellings of the places in whose reports alone the name is a mention (a gazetteer's alias of common words
    #: that nothing else found: nlp.resolve.EntityResolver.place_bound_names); () where it is one anywhere
    places: tuple[str, ...] = ()
