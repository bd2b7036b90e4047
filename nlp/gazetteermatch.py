"""The gazetteer's names found in a text by their characters, without touching its segmentation.

The names the gazetteer knows used to be handed to jieba as words (so that spaCy's token-based entity
ruler could match them) — and a word added to jieba changes how the text AROUND it is cut: with
省网上办事大厅 a word, 这是省网上办事大厅 was cut 这是|省网上办事大厅 (jieba's HMM glues the characters left
over), with 市政府 a word, 全市政府网站集约化平台 was cut 全|市政府|网站…, with 数字政府 a word, the platform
天水市数字政府运营指挥信息化平台 lost its owner.  The shape rules (:mod:`nlp.candidates`) then read other
words with the gazetteer on than off, and the gazetteer made them worse on unseen text.

So the gazetteer only ever ADDS candidates here: every name is looked up in the raw characters; the text
keeps the segmentation the shape rules and the NER were built on; the pattern component
(:class:`nlp.budgetpatterns.BudgetPatterns`) weighs these spans against the shapes' (the longer wins, so a known
name never splits a longer name it is part of).  A known name does not start inside a word of the text
(全市|政府 holds no 市政府): there its characters belong to another word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from nlp.tokenizer import doc_text, token_offsets

#: doc.user_data key: the gazetteer's spans of a doc, [(start_char, end_char, label)]
GAZETTEER_SPANS = "budgetkg_gazetteer_spans"
#: doc.user_data key: the spans of names that find a mention only in a report of their place, {end_char: the spellings
#: of the places} (:meth:`nlp.resolve.EntityResolver.place_bound_names`)
PLACE_BOUND = "budgetkg_place_bound"


@Language.factory("budget_gazetteer", assigns=[], default_config={})
def make_gazetteer_matcher(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(name)


class GazetteerMatcher:
    """Finds the gazetteer's names by their characters; leaves the spans in ``doc.user_data``."""

    def __init__(self, name: str = "gazetteer_ruler") -> None:
        self.name = name
        self.labels: dict[str, str] = {}
        self.places: dict[str, tuple[str, ...]] = {}
        self._pattern: re.Pattern[str] | None = None

    def add_names(self, names: Iterable[tuple[str, str]], places: Mapping[str, tuple[str, ...]] | None = None) -> None:
        """(name, label) pairs; a name given twice keeps its first label (the resolver's order).  ``places``: the
        names that find a mention by themselves only in a report of their place, with its spellings (the report
        must print one: :func:`nlp.propagation.report_entities` asks)."""
        for name, label in names:
            if name:
                self.labels.setdefault(name, label)
        self.places.update(places or {})
        # the longest alternative first: at one position the longest known name wins
        alternatives = sorted(self.labels, key=lambda n: (-len(n), n))
        self._pattern = re.compile("|".join(re.escape(n) for n in alternatives)) if alternatives else None

    def spans(self, text: str, word_starts: set[int], word_ends: set[int]) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, label) of the known names in ``text``, leftmost first, that start and
        end where the text's words do (``word_starts``, ``word_ends``): 全市|政府 holds no 市政府, 财政部门 no
        财政部.  One exception at the end: jieba glues a lone last character to the one after it
        (番禺区|政务|办是, 民生|卡及), so a name may end inside a two-character word that starts on its
        last character."""
        if self._pattern is None:
            return []
        out = []
        for m in self._pattern.finditer(text):
            s, e = m.span()
            glued = e - 1 in word_starts and e + 1 in word_ends and e not in word_starts
            if s in word_starts and (e in word_ends or glued):
                out.append((s, e, self.labels[m.group()]))
        return out

    def __call__(self, doc: Doc) -> Doc:
        if self._pattern is None or not len(doc):
            return doc
        offsets = token_offsets(doc)
        starts = {a for a, _ in offsets}
        ends = {b for _, b in offsets}
        text = doc_text(doc)
        doc.user_data[GAZETTEER_SPANS] = spans = self.spans(text, starts, ends)
        bound = {e: self.places[text[s:e]] for s, e, _ in spans if text[s:e] in self.places}
        if bound:
            doc.user_data[PLACE_BOUND] = bound
        return doc
