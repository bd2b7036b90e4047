"""One node per real-world thing across reports and years.

Resolution happens when IRIs are minted (:mod:`kg.mapping` asks a resolver), so every
report graph already points at the shared node and nothing needs merging afterwards:

- **agencies, places, platforms, reforms, policy documents** by name through
  :class:`nlp.EntityResolver` — the one resolver, the same object nlp uses for canonical names,
  fed with the gazetteer (``ontology/gazetteer.ttl``): a name that means a gazetteer entry
  (its prefLabel, an altLabel, or an altLabel scoped to the report's place, such as 区政数局 in a
  Panyu report) becomes that entry's IRI; other names get ``id/agency/{name}``, ``id/platform/{name}``
  …, the same IRI in every report that prints the same name.  nlp has already scoped such names by
  jurisdiction (区视频专网 in a 番禺区 report is 番禺区视频专网, every 12345 hotline of 广州 is
  广州市12345热线), so one name is one thing.
- **predecessors and successors** (番禺区政务办 → 广州市番禺区政务服务数据管理局, 2019)
  stay distinct agencies linked by an ``org:ChangeEvent`` in
  ``ontology/agency-history.ttl`` (loaded with the ontology into the store).
- **a part of a thing** (民生卡APP of 民生卡) stays its own node, ``dcterms:isPartOf`` the whole, in the
  gazetteer (loaded with the ontology into the store).
- **classification codes**: one concept IRI per code (``id/classification/functional/2010301``),
  the concept of the code lists in ``ontology/codelists/``.
"""

from __future__ import annotations

from functools import lru_cache

from kg import iri
from kg.namespace import ID
from nlp import EntityResolver
from nlp.model import GazetteerEntry


class Resolver:
    """A :class:`kg.mapping.Resolver`: IRIs from :class:`nlp.EntityResolver` matches."""

    def __init__(self, names: EntityResolver | list[GazetteerEntry]) -> None:
        self.names = names if isinstance(names, EntityResolver) else EntityResolver(names)

    def _resolve(self, label: str, name: str, district: str | None) -> tuple[str, str]:
        entry = self.names.lookup(name, label, district)
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
def default_resolver() -> Resolver:
    """The project's gazetteer (cached)."""
    from kg.gazetteer import project_resolver

    return Resolver(project_resolver())
