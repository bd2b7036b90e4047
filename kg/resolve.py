"""One node per real-world thing across reports and years.

Resolution happens when IRIs are minted (:mod:`kg.mapping` asks a resolver), so every
report graph already points at the shared node and nothing needs merging afterwards:

- **agencies, places, platforms, reforms, policy documents** by name through the
  gazetteer (``ontology/gazetteer.ttl``): a printed name that is the prefLabel or an
  altLabel of a gazetteer entry — or a district-scoped altLabel (区政数局 in a Panyu
  report) — becomes that entry's IRI; other names get ``id/agency/{name}`` etc.,
  the same IRI in every report that prints the same name.
- **predecessors and successors** (番禺区政务办 → 广州市番禺区政务服务数据管理局, 2019)
  stay distinct agencies linked by an ``org:ChangeEvent`` in
  ``ontology/agency-history.ttl`` (loaded with the ontology into the store).
- **agencies and their district**: ``bkg:district`` from the report's district.
- **classification codes**: one concept IRI per code (``id/classification/functional/2010301``),
  the concept of the code lists in ``ontology/codelists/``.
"""

from __future__ import annotations

from functools import lru_cache

from kg import iri
from kg.namespace import ID
from nlp.model import GazetteerEntry


def _key(name: str) -> str:
    """Names compare without whitespace and with full-width brackets folded (（）→ ())."""
    return iri.segment(name).replace("（", "(").replace("）", ")")


class Gazetteer:
    """A :class:`kg.mapping.Resolver` backed by gazetteer entries."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.names: dict[tuple[str, str], GazetteerEntry] = {}
        self.scoped: dict[tuple[str, str, str], GazetteerEntry] = {}
        for e in entries:  # prefLabels win over altLabels of another entry
            for alt in e.alt_labels:
                self.names.setdefault((e.label, _key(alt)), e)
            for district, alt in e.scoped_alt_labels:
                self.scoped.setdefault((e.label, district, _key(alt)), e)
        for e in entries:
            self.names[(e.label, _key(e.pref_label))] = e

    def lookup(self, label: str, name: str, district: str | None) -> GazetteerEntry | None:
        key = _key(name)
        if district and (label, district, key) in self.scoped:
            return self.scoped[(label, district, key)]
        return self.names.get((label, key))

    def _resolve(self, label: str, name: str, district: str | None) -> tuple[str, str]:
        entry = self.lookup(label, name, district)
        if entry is None:
            return iri.entity(label, name), name
        return str(ID) + entry.id, entry.pref_label

    def agency(self, name: str, district: str | None) -> tuple[str, str]:
        return self._resolve("Agency", name, district)

    def entity(self, label: str, canonical: str, district: str | None) -> tuple[str, str]:
        return self._resolve(label, canonical, district)

    def place(self, name: str) -> tuple[str, str]:
        return self._resolve("Place", name, None)


@lru_cache(maxsize=1)
def default_resolver() -> Gazetteer:
    """The project's gazetteer (cached)."""
    from kg.gazetteer import load_entries

    return Gazetteer(load_entries())
