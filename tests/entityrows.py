"""Helpers for the tests that read constructed sentences with the entity pipeline, gazetteer off and on (the
``nlp_off_on`` fixture of tests/conftest.py)."""

from __future__ import annotations

from nlp.entities import extract


def platforms(nlp, text: str) -> list[str]:
    """The Platform names found in ``text``, in order."""
    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == "Platform"]


def reforms(nlp, text: str) -> list[str]:
    """The Reform names found in ``text``, in order."""
    return [e.text for e in extract([text], nlp=nlp)[0] if e.label == "Reform"]


class StandInNER:
    """A stand-in for the trained NER that tags ``name`` with ``label`` in every clause it is handed (what the NER
    proposes is then asked the gate's questions: nlp.entities._ner_on_clauses)."""

    def __init__(self, name: str, label: str):
        self.name, self.label = name, label

    def pipe(self, subs, batch_size=1000):
        for sub in subs:
            i = sub.text.find(self.name)
            span = sub.char_span(i, i + len(self.name), label=self.label) if i >= 0 else None
            if span is not None and not any(e.start < span.end and span.start < e.end for e in sub.ents):
                sub.ents = [*sub.ents, span]
            yield sub


def ner_platforms(nlp, text: str, name: str, label: str = "Platform") -> list[str]:
    """The names of ``label`` (Platform unless said) kept in ``text`` when the NER (a stand-in) proposes ``name`` there
    with that label."""
    from nlp.entities import _ner_on_clauses, extract_docs

    docs = extract_docs(nlp, [text], use_ner=False)
    _ner_on_clauses(StandInNER(name, label), docs)
    return [e.text for e in docs[0].ents if e.label_ == label]


def platform_key(agency: str, printed: str) -> str:
    """The key a Platform printed ``printed`` in a report of ``agency`` resolves to (the printed name when it is its own)."""
    from kg.gazetteer import project_resolver

    names = project_resolver()
    where = names.jurisdiction(agency, None)
    return names.canonical(printed, "Platform", where, owner=(agency,)) or printed
