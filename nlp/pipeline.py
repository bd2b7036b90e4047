"""The spaCy pipeline that finds agencies, platforms, reforms and policy documents.

``spacy.blank("zh")`` with a jieba segmenter (:mod:`nlp.tokenizer`, registered as
``budgetkg.jieba_tokenizer.v1``) whose saved dictionary holds the head words of open-form names.
Components, in order:

``gazetteer_ruler``  the gazetteer's names found by their characters (:mod:`nlp.gazetteermatch`) —
                     added when the pipeline is loaded, from the gazetteer the caller hands over
                     (:func:`load_pipeline`), never saved with it; it changes no word of the
                     segmentation, so the shape rules read the same words with or without it;
``budget_patterns``  closed forms by regular expression — 《…》 documents, document numbers
                     (番府办[2013]91号, 国发〔2022〕5号), reforms (“放管服”改革, 商事制度改革) — and
                     open forms by their shape (:mod:`nlp.candidates`); the longer span wins
                     where it overlaps the ruler's (:mod:`nlp.budgetpatterns`);
``ner``              a small trained tok2vec + NER for open forms (…平台, …系统, …APP, …局),
                     run only on narrative text that contains a trigger word (it is ~20×
                     slower than segmentation), never on number tables (:mod:`nlp.entities`, which
                     extracts the entities of texts with this pipeline).

Nothing is downloaded: the trained pipeline ships in ``nlp/data/pipeline`` and is rebuilt by
``budgetkg train``.  The pipeline holds no copy of the gazetteer: ``kg`` reads it from
``ontology/gazetteer.ttl`` and hands the entries to :func:`load_pipeline` (nlp never reads RDF), so
the names the ruler knows are always the gazetteer's of the day, and
:class:`nlp.resolve.EntityResolver` — the one resolver — gives their canonical names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from nlp.budgetpatterns import BudgetPatterns  # noqa: F401  (the import registers the budget_patterns factory)
from nlp.gazetteermatch import GazetteerMatcher
from nlp.model import GazetteerEntry
from nlp.resolve import EntityResolver
from nlp.resources import folder
from nlp.tokenizer import (  # the import registers budgetkg.jieba_tokenizer.v1
    BudgetEntitiesError,
    JiebaTokenizer,
)

#: Head words of open-form names, kept whole so a name ends on a token boundary (“穗康”小程序,
#: not 小|程序).  Domain vocabulary, not names.
HEAD_WORDS = [
    "小程序",
    "公众号",
    "一体机",
    "自助机",
    "数据库",
    "管理系统",
    "服务平台",
    "综合平台",
    "大平台",
    "服务热线",
    "便民热线",
    "办事大厅",
    "服务大厅",
    "专网",
    "外网",
    "内网",
    "门户网站",
    "政务网",
    "管理局",
    "委员会",
    "办公室",
    "服务中心",
    "分中心",
    "服务超市",
    "名录库",
    "信息库",
    "资源库",
]


def _jieba(nlp: Language) -> JiebaTokenizer:
    """The pipeline's tokenizer, which is ours (every pipeline here is made by :func:`blank_pipeline`)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, JiebaTokenizer):
        raise BudgetEntitiesError(
            f"the pipeline's tokenizer is {type(tokenizer).__name__}, not budgetkg's jieba tokenizer"
        )
    return tokenizer


def blank_pipeline() -> Language:
    """tokenizer (head words) + patterns: what is saved, without gazetteer and NER."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "budgetkg.jieba_tokenizer.v1"}}})
    _jieba(nlp).add_words(HEAD_WORDS)
    nlp.add_pipe("budget_patterns")
    return nlp


def with_gazetteer(nlp: Language, resolver: EntityResolver) -> Language:
    """Give ``nlp`` the gazetteer's names: a matcher in front of the patterns that finds them by their
    characters (:mod:`nlp.gazetteermatch`; the segmentation stays the saved dictionary's, so the shape rules
    read the same words with the gazetteer on or off).  :func:`without_gazetteer` takes it out again."""
    if not resolver or "gazetteer_ruler" in nlp.pipe_names:
        return nlp
    matcher = nlp.add_pipe("budget_gazetteer", name="gazetteer_ruler", before="budget_patterns")
    assert isinstance(matcher, GazetteerMatcher)
    matcher.add_names(resolver.finding_names(), resolver.place_bound_names())
    return nlp


def without_gazetteer(nlp: Language) -> Language:
    if "gazetteer_ruler" in nlp.pipe_names:
        nlp.remove_pipe("gazetteer_ruler")
    _jieba(nlp).forget_transient_words()
    return nlp


def load_pipeline(path: str | None = None, gazetteer: Iterable[GazetteerEntry] | EntityResolver = ()) -> Language:
    """The shipped pipeline (or the one at ``path``) with ``gazetteer``'s names.  Raises E703 if it is missing."""
    entries = gazetteer.entries if isinstance(gazetteer, EntityResolver) else tuple(gazetteer)
    return _load(str(path) if path else None, entries)


@lru_cache(maxsize=4)
def _load(path: str | None, entries: tuple[GazetteerEntry, ...]) -> Language:
    p = Path(path) if path else folder("pipeline")
    if not (p / "config.cfg").exists():
        raise BudgetEntitiesError(f"E703 no trained pipeline at {p}; run `budgetkg train`")
    return with_gazetteer(spacy.load(p), EntityResolver(entries))
