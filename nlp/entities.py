"""The spaCy pipeline that finds agencies, platforms, reforms and policy documents.

``spacy.blank("zh")`` with a jieba segmenter (registered as ``budgetkg.jieba_tokenizer.v1``)
whose user dictionary is the gazetteer's names, saved with the pipeline, so 民生卡, 政务晓屋 and
区政数局 are never split and a pipeline loaded from disk segments exactly as the one that was
trained.  Components, in order:

``gazetteer_ruler``  spaCy's ``entity_ruler`` with one phrase pattern per gazetteer name;
``budget_patterns``  closed forms by regular expression — 《…》 documents, document numbers
                     (番府办[2013]91号, 国发〔2022〕5号), reforms (“放管服”改革, 商事制度改革);
                     the longer span wins where it overlaps the ruler's;
``ner``              a small trained tok2vec + NER for open forms (…平台, …系统, …APP, …局),
                     run only on narrative text that contains a trigger word (it is ~20×
                     slower than segmentation), never on number tables.

Nothing is downloaded: the trained pipeline ships in ``nlp/data/pipeline`` and is rebuilt by
``budgetkg train``.  The gazetteer entries travel with the pipeline (``gazetteer.json`` in the
``budget_patterns`` component) because nlp never reads RDF.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces, registry

from nlp.model import GazetteerEntry
from nlp.resources import folder

jieba.setLogLevel(logging.WARNING)

LABELS = ("Agency", "Platform", "Reform", "PolicyDocument", "Place")
#: words that make a clause worth the trained NER (open-form heads, or a closing quote: “穗好办”)
NER_TRIGGERS = re.compile(r"平台|系统|APP|App|app|热线|(?<!为)中心(?!任务|工作)|(?<![格布大全当结开])局(?!面)|大厅|厅|改革|"
                          r"(?<!类)工程|小程序|公众号|网站|专网|外网|委员会|办公室|科(?![学技研普])|(?<![持刷])卡|数据库|超市|"
                          r"[”\"」](?:APP|平台|小程序|改革)?")
_WINDOW_BEFORE, _WINDOW_AFTER = 22, 6
_CLASSIFICATION_NAME = re.compile(r"[（(][类款项][）)]")
_CLAUSE_END = "，。；：！？,;:!?\n"


class BudgetEntitiesError(Exception):
    """E7xx: pipeline errors (fail loudly, never fall back silently)."""


# --------------------------------------------------------------------------- tokenizer


class JiebaTokenizer:
    """jieba segmentation with its own user dictionary, serialised with the pipeline.

    jieba keeps user words only in process memory (``jieba.add_word``); this tokenizer owns a
    private ``jieba.Tokenizer`` and writes its words to ``<pipeline>/tokenizer/userdict.txt``.
    """

    def __init__(self, vocab, user_words: list[str] | None = None) -> None:
        self.vocab = vocab
        self.user_words: list[str] = []
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self.add_words(user_words or [])

    def add_words(self, words) -> None:
        for w in words:
            w = w.strip()
            if w and w not in self.user_words and not re.search(r"\s", w):
                self.user_words.append(w)
                # jieba's suggest_freq only ties the word with its pieces; a clear margin
                # keeps it whole in any context (、审批改革科、 was cut 审批改革|科).
                self._jieba.add_word(w, freq=max(self._jieba.suggest_freq(w, False) * 10, 2000))

    def __call__(self, text: str) -> Doc:
        # jieba returns whitespace as tokens; one space after a word becomes that word's
        # trailing space (spaCy's convention), other whitespace stays a token.
        words: list[str] = []
        spaces: list[bool] = []
        for w in self._jieba.cut(text, HMM=True):
            if w == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            elif w:
                words.append(w)
                spaces.append(False)
        if sum(map(len, words)) + sum(spaces) != len(text):  # pragma: no cover - jieba covers the text
            words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return json.dumps(self.user_words, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> JiebaTokenizer:
        self.add_words(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "userdict.txt").write_text("".join(f"{w}\n" for w in self.user_words), encoding="utf-8")

    def from_disk(self, path, **kwargs) -> JiebaTokenizer:
        f = Path(path) / "userdict.txt"
        if not f.exists():
            raise BudgetEntitiesError(f"E702 the pipeline's jieba user dictionary is missing: {f}")
        self.add_words(f.read_text(encoding="utf-8").splitlines())
        return self


@registry.tokenizers("budgetkg.jieba_tokenizer.v1")
def create_jieba_tokenizer():
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make


# --------------------------------------------------------------------------- gazetteer index


class Gazetteer:
    """Names → entries, with district-scoped names (区政数局 in a 番禺区 report)."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self._names: dict[str, list[tuple[str, GazetteerEntry]]] = {}
        for e in self.entries:
            for name in (e.pref_label, *e.alt_labels):
                self._names.setdefault(_key(name), []).append(("", e))
            for scope, name in e.scoped_alt_labels:
                self._names.setdefault(_key(name), []).append((scope, e))

    def names(self) -> list[tuple[str, str]]:
        """(name, label) for every name, scoped or not."""
        out = set()
        for e in self.entries:
            for n in (e.pref_label, *e.alt_labels, *(f for _, f in e.scoped_alt_labels)):
                out.add((n, e.label))
        return sorted(out)

    def resolve(self, name: str, district: str | None = None) -> GazetteerEntry | None:
        """The entry ``name`` means in a report of ``district`` (None when unknown or ambiguous)."""
        cands = self._names.get(_key(name), [])
        unscoped = [e for s, e in cands if not s]
        if unscoped:
            return unscoped[0]
        scoped = [e for s, e in cands if district and s == district]
        if len(scoped) >= 1:
            return scoped[0]
        return None

    def to_json(self) -> str:
        return json.dumps([asdict(e) for e in self.entries], ensure_ascii=False, indent=0)

    @classmethod
    def from_json(cls, data: str) -> Gazetteer:
        entries = []
        for d in json.loads(data):
            d["alt_labels"] = tuple(d["alt_labels"])
            d["scoped_alt_labels"] = tuple(tuple(x) for x in d["scoped_alt_labels"])
            entries.append(GazetteerEntry(**d))
        return cls(entries)


def _key(name: str) -> str:
    """Match key: quotes unified, spaces dropped, ASCII letters lower-cased."""
    return re.sub(r"\s+", "", name).replace("\u201c", '"').replace("\u201d", '"').replace("＋", "+").lower()


# --------------------------------------------------------------------------- closed-form patterns

_Q_OPEN, _Q_CLOSE = "[“\"「]", "[”\"」]"
POLICY_DOCUMENT = re.compile(r"《[^《》\n]{2,120}》")
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
# Words in front of an issuer's abbreviation (按照穗天科工信〔2017〕142号) that are not part of it.
_DOC_NUMBER_LEAD = re.compile(r"^.*(?:按照|根据|依据|依照|参照|印发|转发|文件|精神|通知|关于|的|和|及|与|见|按|据|依|经|以|由)")
# Reform: optional qualifier + quoted slogan + optional head + 改革, or an unquoted X(制度)改革.
QUOTED_REFORM = re.compile(
    rf"(?:行政审批|商事登记|政务服务|审批)?{_Q_OPEN}[^“”\"「」\n]{{2,24}}{_Q_CLOSE}[\u4e00-\u9fff]{{0,8}}?改革"
)
PLAIN_REFORM = re.compile(r"[\u4e00-\u9fff+＋]{2,16}?改革")
# Words that end the verb phrase in front of a reform name (深化|推进 …) or sit in front of it.
_REFORM_LEAD = re.compile(
    r"^.*(?:深化|推进|推动|实施|落实|参与|承担|开展|加快|完成|做好|抓好|加大|协调|指导|组织|牵头|"
    r"推行|贯彻|执行|统筹|负责|全面|持续|深入|进一步|围绕|通过|以|为|对|把|将|的|和|及|与|或|在|是|了|有关|相关|"
    r"各项|全区|我区|本区|全市|让|提高|保障|进行|根据|按照|结合|试点|启动|探索|较)"
)


def _reform_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in QUOTED_REFORM.finditer(text):
        s = m.start()
        q = re.search(_Q_OPEN, m.group(0))
        pre = m.group(0)[: q.start()] if q else ""
        if text.startswith("支出", m.end()):
            continue
        spans.append((s, m.end()))
    taken = [range(a, b) for a, b in spans]
    for m in re.finditer(r"改革(?![科处办组局室委会股])", text):
        end = m.end()
        if any(end - 1 in r for r in taken):
            continue
        i = m.start()
        while i > 0 and re.match(r"[\u4e00-\u9fff+＋]", text[i - 1]) and m.start() - i < 14:
            i -= 1
        name = text[i : m.start()]
        lead = _REFORM_LEAD.match(name)
        if lead:
            i += lead.end()
            name = name[lead.end() :]
        if len(name) >= 6 and name[0] in "区市省" and name[1] not in "域级":
            i, name = i + 1, name[1:]  # 区行政审批制度改革: the district prefix is scope, not name
        if len(name) >= 2 and not text.startswith("支出", end):
            spans.append((i, end))
    return spans


def closed_form_spans(text: str) -> list[tuple[int, int, str]]:
    """Character spans of the closed forms in ``text``: (start, end, label)."""
    out = [(m.start(), m.end(), "PolicyDocument") for m in POLICY_DOCUMENT.finditer(text)]
    for m in DOCUMENT_NUMBER.finditer(text):
        lead = _DOC_NUMBER_LEAD.match(text[m.start() : m.end()].split("〔")[0].split("[")[0].split("［")[0].split("【")[0].split("(")[0].split("（")[0])
        start = m.start() + (lead.end() if lead else 0)
        if re.match(r"[\u4e00-\u9fff]", text[start : start + 1]):
            out.append((start, m.end(), "PolicyDocument"))
    out += [(s, e, "Reform") for s, e in _reform_spans(text)]
    return out


def _split_at(doc: Doc, boundaries: set[int]) -> None:
    """Split tokens so that every offset in ``boundaries`` falls between two tokens."""
    for b in sorted(boundaries):
        for t in doc:
            if t.idx < b < t.idx + len(t.text):
                k = b - t.idx
                with doc.retokenize() as r:
                    r.split(t, [t.text[:k], t.text[k:]], heads=[(t, 0), (t, 0)])
                break


@Language.factory("budget_patterns", assigns=["doc.ents"], default_config={})
def make_budget_patterns(nlp: Language, name: str) -> BudgetPatterns:
    return BudgetPatterns(nlp, name)


class BudgetPatterns:
    """Closed-form entities by regular expression; longest span wins over the ruler's."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gazetteer = Gazetteer([])

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found = closed_form_spans(text)
        # a name printed in quotes is named with its quotes (“四标四实”, "放管服"改革)
        for e in doc.ents:
            s, t = e.start_char, e.end_char
            if s > 0 and t < len(text) and text[s - 1] in "“\"「" and text[t] in "”\"」":
                found.append((s - 1, t + 1 + (2 if text.startswith("改革", t + 1) else 0), e.label_))
        if not found:
            return doc
        # decide on characters first, so tokens are split only for spans that are kept
        kept: list[tuple[int, int, str, str]] = [(e.start_char, e.end_char, e.label_, _source(e)) for e in doc.ents]
        for s, e, lab in sorted(found, key=lambda x: x[0] - x[1]):
            clash = [k for k in kept if k[0] < e and s < k[1]]
            if all(e - s > k[1] - k[0] for k in clash):
                kept = [k for k in kept if k not in clash] + [(s, e, lab, "pattern")]
        _split_at(doc, {b for s, e, _, src in kept if src == "pattern" for b in (s, e)})
        spans = [doc.char_span(s, e, label=lab, kb_id=src) for s, e, lab, src in kept]
        doc.ents = sorted((sp for sp in spans if sp is not None), key=lambda x: x.start)
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "gazetteer.json").write_text(self.gazetteer.to_json(), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> BudgetPatterns:
        self.gazetteer = Gazetteer.from_json((Path(path) / "gazetteer.json").read_text(encoding="utf-8"))
        return self


# --------------------------------------------------------------------------- building and loading


#: Head words of open-form names, kept whole so a name ends on a token boundary (“穗康”小程序,
#: not 小|程序).  Domain vocabulary, not names.
HEAD_WORDS = ["小程序", "公众号", "一体机", "数据库", "管理系统", "服务平台", "综合平台", "大平台", "服务热线", "便民热线",
              "办事大厅", "服务大厅", "专网", "外网", "门户网站", "政务网", "管理局", "委员会", "办公室", "服务中心", "分中心"]


def blank_pipeline(entries: list[GazetteerEntry]) -> Language:
    """tokenizer + gazetteer ruler + patterns (no NER yet), from gazetteer entries."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "budgetkg.jieba_tokenizer.v1"}}})
    gaz = Gazetteer(entries)
    nlp.tokenizer.add_words(HEAD_WORDS)
    nlp.tokenizer.add_words(n for n, _ in gaz.names())
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer_ruler", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": lab, "pattern": name, "id": "gazetteer"} for name, lab in gaz.names()])
    nlp.add_pipe("budget_patterns").gazetteer = gaz
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(path: str | None = None) -> Language:
    """The shipped pipeline (or the one at ``path``).  Raises E703 if it is missing."""
    p = Path(path) if path else folder("pipeline")
    if not (p / "config.cfg").exists():
        raise BudgetEntitiesError(f"E703 no trained pipeline at {p}; run `budgetkg train`")
    return spacy.load(p)


def gazetteer_of(nlp: Language) -> Gazetteer:
    return nlp.get_pipe("budget_patterns").gazetteer


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


def extract_docs(nlp: Language, texts: list[str], *, narrative: list[bool] | None = None,
                 use_ner: bool = True, use_gazetteer: bool = True) -> list[Doc]:
    """Run the pipeline over ``texts``; the NER only on narrative texts with a trigger word."""
    disable = ["ner"] + ([] if use_gazetteer else ["gazetteer_ruler"])
    disable = [d for d in disable if d in nlp.pipe_names]
    docs = list(nlp.pipe(texts, disable=disable))
    if use_ner and "ner" in nlp.pipe_names:
        narrative = narrative or [True] * len(docs)
        _ner_on_clauses(nlp.get_pipe("ner"), [d for d, n in zip(docs, narrative) if n])
    return docs


def _clauses_to_tag(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the clauses holding a trigger word outside the entities found so far."""
    text = doc.text
    covered = [(e.start_char, e.end_char) for e in doc.ents]
    ranges: list[tuple[int, int]] = []
    for m in NER_TRIGGERS.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        # the clause around the head word, cut to a window: a name ends at its head and is
        # rarely longer than 20 characters, so the NER needs little on either side
        a = max((text.rfind(c, 0, m.start()) for c in _CLAUSE_END), default=-1) + 1
        ends = [i for i in (text.find(c, m.end()) for c in _CLAUSE_END) if i >= 0]
        b = min(ends) + 1 if ends else len(text)
        a, b = max(a, m.start() - _WINDOW_BEFORE), min(b, m.end() + _WINDOW_AFTER)
        if _CLASSIFICATION_NAME.search(text, a, b):
            continue  # 政府办公厅（室）及相关机构事务（款）: a budget code's name, not an agency
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        if ranges and span.start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], span.end))
        else:
            ranges.append((span.start, span.end))
    return ranges


# Verbs a name never starts with; the NER sometimes takes them in (充分发挥|法人数据库).
_LEADING_VERBS = re.compile(r"^(充分发挥|发挥|推进|推动|加快|建设|建立|依托|通过|升级|完善|深化|实施|开展|启动|上线|接入|"
                            r"使用|推广|整合|优化|利用|负责|配合|会同|协调|指导|按照|根据|继续|抓好|做好|加强|提升|由|经|在|对|为|与|和|及|将|把)")


def _leading_verb_tokens(span: Span) -> int:
    """How many tokens at the start of an NER span are a verb, not part of the name."""
    n = 0
    while n < len(span) - 1 and _LEADING_VERBS.fullmatch(span[n].text):
        n += 1
    return n


def _sub_doc(doc: Doc, a: int, b: int) -> Doc:
    """Tokens ``a:b`` as a new Doc with the entities found so far preset (cheaper than as_doc)."""
    toks = doc[a:b]
    iob = [""] * len(toks)  # "" = not annotated: the NER may tag it
    for e in doc.ents:
        if a <= e.start and e.end <= b:
            iob[e.start - a] = f"B-{e.label_}"
            for i in range(e.start - a + 1, e.end - a):
                iob[i] = f"I-{e.label_}"
    return Doc(doc.vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks], ents=iob)


def _ner_on_clauses(ner, docs: list[Doc], batch_size: int = 64) -> None:
    """Run the trained NER on the trigger clauses only (it is ~20× slower than segmentation),
    batched over all documents."""
    jobs = [(doc, a, _sub_doc(doc, a, b)) for doc in docs for a, b in _clauses_to_tag(doc)]
    presets = [{(e.start, e.end) for e in sub.ents} for _, _, sub in jobs]
    found = {id(doc): list(doc.ents) for doc in docs}
    for (doc, a, _), preset, sub in zip(jobs, presets, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        for e in sub.ents:
            if (e.start, e.end) in preset:
                continue
            start = e.start + _leading_verb_tokens(e)
            if start < e.end and plausible(sub[start : e.end].text, e.label_):
                found[id(doc)].append(Span(doc, a + start, a + e.end, label=e.label_, kb_id="ner"))
    for doc in docs:
        doc.ents = sorted(found[id(doc)], key=lambda x: x.start)


# What the trained NER is for: open forms ending in a head word (…平台, …系统, …局), or a
# quoted brand name.  Anything else it proposes ("邮电费、", "目标，") is dropped.
_HEADS = {
    "Platform": r"(平台|系统|APP|App|app|小程序|公众号|热线|大厅|分厅|中心|网|网站|专网|外网|卡|数据库|终端|一体机|超市|驿站|晓屋|门户|云)",
    "Agency": r"(局|委|委员会|办|办公室|厅|中心|科|处|院|所|站|政府|部|署|会|队|馆|组)",
    "Reform": r"(改革|工程|行动|试点)",
    "PolicyDocument": r"(》|号)",
    "Place": r"(省|市|区|县|镇|街|村)",
}
_ENUMERATION = re.compile(r"[一二三四五六七八九十]是|其[一二三四五六七八九十]")
_PUNCT_INSIDE = re.compile(r"[，。；：、！？,;:!?\s]")


def plausible(text: str, label: str) -> bool:
    """Is ``text`` a credible open-form name of type ``label``?"""
    if len(text) < 2 or _PUNCT_INSIDE.search(text) or _ENUMERATION.match(text):
        return False
    opening, closing = sum(text.count(q) for q in "“「"), sum(text.count(q) for q in "”」")
    if opening != closing or text.count('"') % 2 or text[0] in "”」":
        return False
    if re.fullmatch(r"[“\"「][^“”\"「」]+[”\"」]", text):
        return False  # a quoted phrase alone is mostly a slogan (“四位一体”, “场地证明”)
    head = _HEADS.get(label)
    return bool(head and re.search(head + r"$", text)) and len(text) >= 3


def entities_of(doc: Doc) -> list[FoundEntity]:
    return [FoundEntity(e.start_char, e.end_char, e.text, e.label_, _source(e)) for e in doc.ents]


def extract(texts: list[str], *, nlp: Language | None = None, **kwargs) -> list[list[FoundEntity]]:
    """Entities of each text (see :func:`extract_docs` for the options)."""
    nlp = nlp or load_pipeline()
    return [entities_of(d) for d in extract_docs(nlp, texts, **kwargs)]
