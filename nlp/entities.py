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
                     where it overlaps the ruler's;
``ner``              a small trained tok2vec + NER for open forms (…平台, …系统, …APP, …局),
                     run only on narrative text that contains a trigger word (it is ~20×
                     slower than segmentation), never on number tables.

Nothing is downloaded: the trained pipeline ships in ``nlp/data/pipeline`` and is rebuilt by
``budgetkg train``.  The pipeline holds no copy of the gazetteer: ``kg`` reads it from
``ontology/gazetteer.ttl`` and hands the entries to :func:`load_pipeline` (nlp never reads RDF), so
the names the ruler knows are always the gazetteer's of the day, and
:class:`nlp.resolve.EntityResolver` — the one resolver — gives their canonical names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.agencies import agency_spans, keep_agencies
from nlp.candidates import (
    broken_quote,
    generic_name,
    generic_prefix,
    glued_generic,
    governs_generic,
    head_continues,
    honour,
    platform_spans,
    unlike_a_name,
)
from nlp.gazetteermatch import GAZETTEER_SPANS, GazetteerMatcher
from nlp.model import GazetteerEntry
from nlp.ownsystems import own_system_spans
from nlp.reforms import NOT_A_REFORM_AFTER, inside_double_quotes, plain_reform_spans, reform_spans
from nlp.resolve import EntityResolver
from nlp.resources import folder
from nlp.tokenizer import (  # the import registers budgetkg.jieba_tokenizer.v1
    BudgetEntitiesError,
    JiebaTokenizer,
    doc_text,
    token_offsets,
)

LABELS = ("Agency", "Platform", "Reform", "PolicyDocument", "Place")
#: words that make a clause worth the trained NER (open-form heads, or a closing quote: “穗好办”)
NER_TRIGGERS = re.compile(
    r"平台|系统|APP|App|app|热线|(?<!为)中心(?!任务|工作)|(?<![格布大全当结开])局(?!面)|大厅|厅|改革|"
    r"(?<!类)工程|小程序|公众号|网站|专网|外网|委员会|办公室|科(?![学技研普])|(?<![持刷])卡|数据库|超市|"
    r"[”\"」](?:APP|平台|小程序|改革)?"
)
_WINDOW_BEFORE, _WINDOW_AFTER = 22, 6
_CLASSIFICATION_NAME = re.compile(r"[（(][类款项][）)]")
_CLAUSE_END = "，。；：！？,;:!?\n"


# --------------------------------------------------------------------------- closed-form patterns

_Q_OPEN, _Q_CLOSE = '[“"「]', '[”"」]'
POLICY_DOCUMENT = re.compile(r"《[^《》\n]{2,120}》")
DOCUMENT_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]］】)）﹞]\s*\d{1,4}\s*号"
)
# Words in front of an issuer's abbreviation (按照穗天科工信〔2017〕142号) that are not part of it.
_DOC_NUMBER_LEAD = re.compile(
    r"^.*(?:按照|根据|依据|依照|参照|印发|转发|文件|精神|通知|关于|的|和|及|与|见|按|据|依|经|以|由)"
)
#: A decree's number: 国务院令第711号, 财政部令第87号, 省人民政府令第12号 — the issuer is a body.
DECREE_NUMBER = re.compile(
    r"(?:[\u4e00-\u9fff]{0,14}?(?:国务院|部|委|委员会|局|总局|署|政府|办公厅))令第\s*\d{1,4}\s*号"
)
_DECREE_LEAD = re.compile(r"(?:按照|根据|依据|依照|参照|执行|落实|贯彻|以及|见|按|据|依|经|由|和|及|与|或)+")
# Reform: optional qualifier + quoted slogan + optional head + 改革, or an unquoted X(制度)改革.
QUOTED_REFORM = re.compile(
    rf"(?:行政审批|商事登记|政务服务|审批)?{_Q_OPEN}[^“”\"「」\n]{{2,24}}{_Q_CLOSE}[\u4e00-\u9fff]{{0,8}}?改革"
)
#: Words between a quoted name and 改革 that make it the reforms around that name (“放管服”相关改革).
_RELATED = re.compile(r"相关|有关|等|各项|系列|一系列|配套")
PLAIN_REFORM = re.compile(r"[\u4e00-\u9fff+＋]{2,16}?改革")


def _reform_spans(text: str, words: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    spans = []
    for m in QUOTED_REFORM.finditer(text):
        if text.startswith("支出", m.end()):
            continue
        close = max(text.rfind(q, m.start(), m.end()) for q in '”"」')
        if _RELATED.fullmatch(text, close + 1, m.end() - 2):
            spans.append((m.start(), close + 1))  # “放管服”相关改革: the reforms around the named one; it is named
            continue
        spans.append((m.start(), m.end()))
    if words is None:
        words = _jieba_words(text)
    taken = [(a, b) for a, b in spans]
    return spans + [(s, e) for s, e in plain_reform_spans(text, words) if not any(a < e and s < b for a, b in taken)]


def _jieba_words(text: str) -> list[tuple[int, int]]:
    import jieba

    out, i = [], 0
    for w in jieba.cut(text, HMM=True):
        out.append((i, i + len(w)))
        i += len(w)
    return out


def closed_form_spans(text: str, words: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Character spans of the closed forms in ``text``: (start, end, label); ``words``: its tokens' offsets
    (jieba's when not given)."""
    out = [(m.start(), m.end(), "PolicyDocument") for m in POLICY_DOCUMENT.finditer(text)]
    for m in DOCUMENT_NUMBER.finditer(text):
        lead = _DOC_NUMBER_LEAD.match(
            text[m.start() : m.end()]
            .split("〔")[0]
            .split("[")[0]
            .split("［")[0]
            .split("【")[0]
            .split("(")[0]
            .split("（")[0]
            .split("﹝")[0]
        )
        start = m.start() + (lead.end() if lead else 0)
        if re.match(r"[\u4e00-\u9fff]", text[start : start + 1]):
            out.append((start, m.end(), "PolicyDocument"))
    for m in DECREE_NUMBER.finditer(text):
        lead = _DECREE_LEAD.match(text, m.start())
        out.append((lead.end() if lead else m.start(), m.end(), "PolicyDocument"))
    out += [(s, e, "Reform") for s, e in _reform_spans(text, words)]
    return out


def _split_at(doc: Doc, boundaries: set[int], offsets: list[tuple[int, int]] | None = None) -> None:
    """Split tokens so that every offset in ``boundaries`` falls between two tokens (one pass, one
    retokenisation: this runs on every narrative text); ``offsets``: the doc's token offsets, if read already."""
    if not boundaries:
        return
    offsets = offsets if offsets is not None else token_offsets(doc)
    starts = [a for a, _ in offsets]
    cuts: dict[int, list[int]] = {}  # token index -> where it is cut, in order (tokens in order too)
    for b in sorted(boundaries):
        i = bisect.bisect_right(starts, b) - 1  # the token starting at or before b: the one b may fall inside
        if i >= 0 and starts[i] < b < offsets[i][1]:
            cuts.setdefault(i, []).append(b - starts[i])
    text = doc_text(doc)
    splits = []
    for i, at in cuts.items():
        token = text[offsets[i][0] : offsets[i][1]]
        splits.append((doc[i], [token[a:b] for a, b in zip([0, *at], [*at, len(token)])]))
    if splits:
        with doc.retokenize() as r:
            for t, parts in splits:
                r.split(t, parts, heads=[(t, 0)] * len(parts))


@Language.factory("budget_patterns", assigns=["doc.ents"], default_config={})
def make_budget_patterns(nlp: Language, name: str) -> BudgetPatterns:
    return BudgetPatterns(nlp, name)


class BudgetPatterns:
    """Closed-form entities by regular expression; longest span wins over the ruler's."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.open_forms = True  # names by their shape (nlp.candidates), not only closed forms

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        words = token_offsets(doc)
        ents = list(doc.ents)  # doc.ents builds its spans anew at every access
        known_names = doc.user_data.pop(GAZETTEER_SPANS, [])  # the gazetteer's (nlp.gazetteermatch)
        # a known generic name glued to more of a phrase (电子政务|云平台, 政务外网|骨干网) is no mention on its own
        known_names = [k for k in known_names if k[2] != "Platform" or not glued_generic(text, words, k[0], k[1])]
        found = closed_form_spans(text, words)
        if self.open_forms:
            known = [(e.start_char, e.end_char) for e in ents if e.label_ == "Platform"]
            known += [(a, b) for a, b, lab in known_names if lab == "Platform"]
            shapes = [
                (s, e)
                for s, e in platform_spans(text, words)
                if not any(b == e and s < a and generic_prefix(text, words, s, a) for a, b in known)
            ]
            shapes += own_system_spans(text, words, known + shapes)  # nlp.ownsystems: 政务服务大厅, 人口库 (ownsys8)
            found += [(s, e, "Platform") for s, e in shapes]
            found += [(s, e, "Reform") for s, e in reform_spans(text)]
            found += keep_agencies(text, agency_spans(text, words), found + known_names)  # nlp.agencies (agency6)
            # a title of an honour or a ranking is no platform's name; it still keeps a body's shape off it
            found = [(s, e, lab) for s, e, lab in found if lab != "Platform" or not honour(text, s, e)]
            found = [(s, e, lab) for s, e, lab in found if lab == "PolicyDocument" or not broken_quote(text, s, e)]
        # a name printed in quotes is named with its quotes (“四标四实”, "放管服"改革); it keeps the gazetteer's
        # type where a shape of the same extent says another (“海易办” is a brand, not a service mode like “掌上办”)
        quoted = []
        for s, t, lab in [(e.start_char, e.end_char, e.label_) for e in ents] + known_names:
            single = text[s - 1 : s] == "‘" and text[t : t + 1] == "’" and not inside_double_quotes(text, s)
            if s > 0 and t < len(text) and ((text[s - 1] in '“"「' and text[t] in '”"」') or single):
                quoted.append((s - 1, t + 1 + (2 if text.startswith("改革", t + 1) else 0), lab))
        found = quoted + found
        if not found and not known_names:
            return doc
        # decide on characters first, so tokens are split only for spans that are kept
        kept: list[tuple[int, int, str, str]] = [(e.start_char, e.end_char, e.label_, _source(e)) for e in ents]
        for s, e, lab in known_names:  # a known name, unless it crosses one found before (none, in this pipeline)
            if not any(k[0] < e and s < k[1] for k in kept):
                kept.append((s, e, lab, "gazetteer"))
        for s, e, lab in sorted(found, key=lambda x: x[0] - x[1]):
            clash = [k for k in kept if k[0] < e and s < k[1]]
            if all(e - s > k[1] - k[0] for k in clash):
                kept = [k for k in kept if k not in clash] + [(s, e, lab, "pattern")]
        # 区行政审批制度改革工作联席会议办公室 is a body, not a mention of the reform
        kept = [k for k in kept if k[2] != "Reform" or not NOT_A_REFORM_AFTER.match(text, k[1])]
        _split_at(doc, {b for s, e, _, src in kept if src in ("pattern", "gazetteer") for b in (s, e)}, words)
        spans = [doc.char_span(s, e, label=lab, kb_id=src) for s, e, lab, src in kept]
        doc.ents = sorted((sp for sp in spans if sp is not None), key=lambda x: x.start)
        doc.user_data[_ENTS_KEY] = (len(doc), [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents])
        return doc


# --------------------------------------------------------------------------- building and loading


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
    matcher.add_names(resolver.finding_names())
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


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class FoundEntity:
    """An entity in a text, with offsets into that text."""

    start: int
    end: int
    text: str
    label: str
    source: str  # "gazetteer" | "pattern" | "ner"


def _source(span: Span) -> str:
    return span.kb_id_ or span.id_ or "ner"


def extract_docs(
    nlp: Language,
    texts: list[str],
    *,
    narrative: list[bool] | None = None,
    use_ner: bool = True,
    use_gazetteer: bool = True,
) -> list[Doc]:
    """Run the pipeline over ``texts``; the NER only on narrative texts with a trigger word."""
    disable = ["ner"] + ([] if use_gazetteer else ["gazetteer_ruler"])
    disable = [d for d in disable if d in nlp.pipe_names]
    docs = list(nlp.pipe(texts, disable=disable))
    if use_ner and "ner" in nlp.pipe_names:
        narrative = narrative or [True] * len(docs)
        _ner_on_clauses(nlp.get_pipe("ner"), [d for d, n in zip(docs, narrative) if n])
    return docs


def _clauses_to_tag(doc: Doc, ents: list[Span]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Token ranges of the clauses holding a trigger word outside the entities found so far (``ents``), and
    the doc's token offsets (read only when there is such a clause; empty otherwise)."""
    text = doc_text(doc)
    covered = [(e.start_char, e.end_char) for e in ents]
    offsets: list[tuple[int, int]] = []
    starts: list[int] | None = None
    ranges: list[tuple[int, int]] = []
    for m in NER_TRIGGERS.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        # the clause around the head word, cut to a window: a name ends at its head and is
        # rarely longer than 20 characters, so the NER needs little on either side (a clause end
        # further back than the window does not move its start: it is looked for in the window only)
        window = max(0, m.start() - _WINDOW_BEFORE - 1)
        a = max(m.start() - _WINDOW_BEFORE, max(text.rfind(c, window, m.start()) for c in _CLAUSE_END) + 1)
        ends = [i for i in (text.find(c, m.end(), m.end() + _WINDOW_AFTER) for c in _CLAUSE_END) if i >= 0]
        b = min(ends) + 1 if ends else min(len(text), m.end() + _WINDOW_AFTER)
        if _CLASSIFICATION_NAME.search(text, a, b):
            continue  # 政府办公厅（室）及相关机构事务（款）: a budget code's name, not an agency
        if starts is None:
            offsets = token_offsets(doc)
            starts = [a for a, _ in offsets]
        first, last = bisect.bisect_right(starts, a) - 1, bisect.bisect_left(starts, b)  # tokens touching [a, b)
        first = max(first, 0)
        if ranges and first <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], last))
        else:
            ranges.append((first, last))
    return ranges, offsets


# Verbs a name never starts with; the NER sometimes takes them in (充分发挥|法人数据库).
_LEADING_VERBS = re.compile(
    r"^(充分发挥|发挥|推进|推动|加快|建设|建立|依托|通过|升级|完善|深化|实施|开展|启动|上线|接入|"
    r"使用|推广|整合|优化|利用|负责|配合|会同|协调|指导|按照|根据|继续|抓好|做好|加强|提升|由|经|在|对|为|与|和|及|将|把)"
)


def _leading_verb_tokens(span: Span) -> int:
    """How many tokens at the start of an NER span are a verb, not part of the name."""
    n = 0
    while n < len(span) - 1 and _LEADING_VERBS.fullmatch(span[n].text):
        n += 1
    return n


def _ents(doc: Doc) -> list[Span]:
    """The entities found so far: as the patterns left them when the doc is unchanged since (``doc.ents``
    builds a Span per entity by walking every token at every access)."""
    if _ents_as_set(doc):
        _, kept = doc.user_data[_ENTS_KEY]
        return [Span(doc, a, b, label=lab, kb_id=kb) for a, b, lab, kb in kept]
    return list(doc.ents)


def _ents_as_set(doc: Doc) -> bool:
    """Are the doc's entities the ones the patterns set and kept a copy of (the doc unchanged since)?"""
    kept = doc.user_data.get(_ENTS_KEY)
    return kept is not None and kept[0] == len(doc)


_ENTS_KEY = "budgetkg_ents"


def _sub_doc(doc: Doc, ents: list[Span], a: int, b: int, offsets: list[tuple[int, int]]) -> Doc:
    """Tokens ``a:b`` as a new Doc with the entities found so far (``ents``) preset (cheaper than as_doc);
    words and spaces read from the text by the token ``offsets``, not from a Token object per token."""
    text = doc_text(doc)
    iob = [""] * (b - a)  # "" = not annotated: the NER may tag it
    for e in ents:
        if a <= e.start and e.end <= b:
            iob[e.start - a] = f"B-{e.label_}"
            for i in range(e.start - a + 1, e.end - a):
                iob[i] = f"I-{e.label_}"
    words = [text[s:e] for s, e in offsets[a:b]]
    # a token is followed by a space when the next one (or the text's end) starts after it ends
    after = [s for s, _ in offsets[a + 1 : b]] + [offsets[b][0] if b < len(offsets) else len(text)]
    spaces = [nxt > e for (_, e), nxt in zip(offsets[a:b], after)]
    return Doc(doc.vocab, words=words, spaces=spaces, ents=iob)


def _ner_on_clauses(ner, docs: list[Doc], batch_size: int = 1000) -> None:
    """Run the trained NER on the trigger clauses only (it is ~20× slower than segmentation),
    batched over all documents (a clause is a few dozen tokens: a thousand of them are one batch, which
    costs ~15 % less than batches of 64, with the same tags on every text measured)."""
    found = {id(doc): _ents(doc) for doc in docs}
    jobs = []
    for doc in docs:
        clauses, offsets = _clauses_to_tag(doc, found[id(doc)])
        jobs += [(doc, a, _sub_doc(doc, found[id(doc)], a, b, offsets)) for a, b in clauses]
    presets = [{(e.start, e.end) for e in sub.ents} for _, _, sub in jobs]
    taken = {id(doc): {i for e in found[id(doc)] for i in range(e.start, e.end)} for doc in docs}
    added: set[int] = set()  # the docs the NER adds a name to
    for (doc, a, _), preset, sub in zip(jobs, presets, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        for e in sub.ents:
            if (e.start, e.end) in preset or any(a + i in taken[id(doc)] for i in range(e.start, e.end)):
                continue  # found before, or crossing a name found before at the window's edge
            start = e.start + _leading_verb_tokens(e)
            end_char = doc[a + e.end - 1].idx + len(doc[a + e.end - 1])
            if e.label_ == "Reform" and NOT_A_REFORM_AFTER.match(doc_text(doc), end_char):
                continue  # 口岸领域改革创新, …改革工作联席会议办公室
            if e.label_ == "Platform" and head_continues(doc_text(doc), end_char):
                continue  # 科技前沿系统|推进: "systematically", no system
            if start < e.end and plausible(sub[start : e.end].text, e.label_):
                found[id(doc)].append(Span(doc, a + start, a + e.end, label=e.label_, kb_id="ner"))
                taken[id(doc)].update(range(a + start, a + e.end))
                added.add(id(doc))
    for doc in docs:
        if id(doc) in added or not _ents_as_set(doc):  # else doc.ents are already these, as the patterns set them
            doc.ents = sorted(found[id(doc)], key=lambda x: x.start)


# What the trained NER is for: open forms ending in a head word (…平台, …系统, …局), or a
# quoted brand name.  Anything else it proposes ("邮电费、", "目标，") is dropped.
_HEADS = {
    # not 中心: a …中心 the NER proposes is a body or a building (县政府投资审计中心, 应急联勤指挥中心)
    "Platform": r"(平台|系统|APP|App|app|小程序|公众号|热线|大厅|分厅|网|网站|专网|外网|内网|卡|数据库|终端|一体机|超市|驿站|晓屋|门户|云)",
    "Agency": r"(局|委|委员会|办|办公室|厅|中心|科|处|院|所|站|政府|部|署|会|队|馆|组)",
    "Reform": r"(改革|工程|行动|试点)",
    "PolicyDocument": r"(》|号)",
    "Place": r"(省|市|区|县|镇|街|村)",
}
_ENUMERATION = re.compile(r"[一二三四五六七八九十]是|其[一二三四五六七八九十]")
_PUNCT_INSIDE = re.compile(r"[，。；：、！？,;:!?\s]")


def plausible(text: str, label: str) -> bool:
    """Is ``text`` a credible open-form name of type ``label``?"""
    if len(text) < 2 or _PUNCT_INSIDE.search(text) or _ENUMERATION.match(text) or re.search(r"[了着过]", text):
        return False
    opening, closing = sum(text.count(q) for q in "“「"), sum(text.count(q) for q in "”」")
    if opening != closing or text.count('"') % 2 or text[0] in "”」":
        return False
    if re.fullmatch(r"[“\"「][^“”\"「」]+[”\"」]", text):
        return False  # a quoted phrase alone is mostly a slogan (“四位一体”, “场地证明”)
    head = _HEADS.get(label)
    if not (head and re.search(head + r"$", text)) or len(text) < 3:
        return False
    if label == "Platform":  # what makes a shape-found name generic (网络平台, 信息系统) makes the NER's so too
        core = re.sub(head + r"$", "", text)
        return bool(core) and not generic_name(core) and not unlike_a_name(text) and not governs_generic(core)
    return True


#: Two table cells side by side on one printed line: Chinese text, a gap of spaces, Chinese text.
_CELL_GAP = re.compile(r"[\u4e00-\u9fff”“）)，。、；：][ \t]+[\u4e00-\u9fff“”（(]")


def laid_across_cells(raw: str, label: str, start: int | None = None, end: int | None = None) -> bool:
    """Is the name at ``raw[start:end]`` (``raw``: the whole raw text; without ``start``/``end``, ``raw`` is the
    name's own raw text) made of table cells laid side by side ('信\\n总\\n息系统')?

    The reader unwraps a paragraph's lines; where a table prints two columns next to each other the
    unwrapped text interleaves them.  A name wrapped over one line break is fine (a narrow cell) unless a
    line it touches shows two cells side by side ('施安全的气象灾害定制化预 体设施”…对供电行业造' /
    '报预警系统 成的损失…'); one over two or more is no name of the text; a gap of spaces between Chinese
    characters inside the name neither.  A 《…》 title is exempt: its brackets delimit it.
    """
    if label == "PolicyDocument":
        return False
    if start is None or end is None:
        start, end = 0, len(raw)
    name = raw[start:end]
    if sum(1 for line in name.split("\n") if line.strip()) >= 3 or _CELL_GAP.search(name):  # blank lines aside
        return True
    if "\n" not in name.strip("\n"):
        return False
    first = raw.rfind("\n", 0, start) + 1
    last = raw.find("\n", end)
    return any(_CELL_GAP.search(line) for line in raw[first : last if last >= 0 else len(raw)].split("\n"))


def entities_of(doc: Doc) -> list[FoundEntity]:
    return [FoundEntity(e.start_char, e.end_char, e.text, e.label_, _source(e)) for e in doc.ents]


def extract(texts: list[str], *, nlp: Language | None = None, **kwargs) -> list[list[FoundEntity]]:
    """Entities of each text (see :func:`extract_docs` for the options)."""
    nlp = nlp or load_pipeline()
    return [entities_of(d) for d in extract_docs(nlp, texts, **kwargs)]
